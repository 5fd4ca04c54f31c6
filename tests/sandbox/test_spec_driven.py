"""The stand-ins are driven by the specs: routes, handlers and seed data."""

from __future__ import annotations

import functools
import json
import re
from importlib.resources import files
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from hirelink.core.specs import spec_path
from hirelink.sandbox import (
    ApiCall,
    JoinSandbox,
    JoinState,
    MissingHandlerError,
    create_join_sandbox,
    create_partners_sandbox,
    create_personio_sandbox,
    create_recruitee_sandbox,
    handles,
)
from hirelink.sandbox.app import SandboxApp
from hirelink.sandbox.validation import spec_document

SEEDS = {
    "recruitee": ("recruitee",),
    "join": ("join",),
    "recruitee_partners": ("recruitee-partners",),
    "personio": ("personio", "personio-jobs-feed"),
}
SPEC_URI = "urn:hirelink:spec"


def _stand_ins() -> list[SandboxApp]:
    return [
        create_recruitee_sandbox(candidates=2),
        create_join_sandbox(applications=2),
        create_partners_sandbox(),
        create_personio_sandbox(candidates=2, persons=2),
    ]


def _spec_operations(name: str, prefix: str) -> set[tuple[str, str, str]]:
    document = _document(name)
    return {
        (method.upper(), prefix + path, operation["operationId"])
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in ("get", "put", "post", "patch", "delete")
    }


@pytest.mark.parametrize("stand_in", _stand_ins(), ids=lambda s: type(s).__name__)
def test_every_operation_of_the_specs_is_served_and_nothing_else(stand_in: SandboxApp) -> None:
    in_specs = set().union(
        *(_spec_operations(name, prefix) for name, prefix in stand_in.specs.items())
    )
    served = {
        (op.method, op.path.replace(":int}", "}"), op.operation_id) for op in stand_in.operations()
    }
    assert served == in_specs


def test_an_operation_without_a_handler_stops_the_stand_in_at_start() -> None:
    class WithoutOffices(JoinSandbox):
        list_offices = None  # type: ignore[assignment]

    with pytest.raises(MissingHandlerError, match="join:listOffices"):
        WithoutOffices(JoinState(applications=1), token="t")


def test_a_handler_for_an_operation_the_spec_lacks_stops_the_stand_in_at_start() -> None:
    class WithExtra(JoinSandbox):
        @handles("listInterviews")
        def list_interviews(self, call: ApiCall) -> Any:
            raise AssertionError("never routed")

    with pytest.raises(MissingHandlerError, match="listInterviews"):
        WithExtra(JoinState(applications=1), token="t")


def test_two_handlers_for_one_operation_stop_the_stand_in_at_start() -> None:
    class Twice(JoinSandbox):
        @handles("listOffices")
        def offices_again(self, call: ApiCall) -> Any:
            raise AssertionError("never routed")

    with pytest.raises(MissingHandlerError, match="two handlers for listOffices"):
        Twice(JoinState(applications=1), token="t")


def _seed_records() -> list[tuple[str, str, dict[str, Any]]]:
    """(spec, component, record) for every seed record; the component names the spec."""
    found = []
    for seed, specs in SEEDS.items():
        text = files("hirelink.sandbox").joinpath("seeds", f"{seed}.json").read_text("utf-8")
        for component, records in json.loads(text)["records"].items():
            spec = next(s for s in specs if component in _document(s)["components"]["schemas"])
            found += [(spec, component, record) for record in records]
    return found


@functools.cache
def _document(spec: str) -> dict[str, Any]:
    """The spec, parsed once (treat it as read-only)."""
    return spec_document(spec_path(spec))


SEED_RECORDS = _seed_records()


def test_every_seed_file_has_records() -> None:
    assert {spec for spec, _, _ in SEED_RECORDS} >= {specs[0] for specs in SEEDS.values()}


@pytest.mark.parametrize(
    ("spec", "component", "record"),
    SEED_RECORDS,
    ids=[f"{spec}-{component}-{n}" for n, (spec, component, _) in enumerate(SEED_RECORDS)],
)
def test_seed_records_match_their_component_schema(
    spec: str, component: str, record: dict[str, Any]
) -> None:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, DRAFT202012.create_resource(_document(spec))
    )
    schema = {"$ref": f"{SPEC_URI}#/components/schemas/{component}"}
    validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
    # Records name the company as placeholders the stand-in fills in.
    text = json.dumps(record).replace("{subdomain}", "acme").replace("{company_id}", "41737")
    filled = json.loads(text)
    problems = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(filled)
    ]
    assert problems == []


@pytest.mark.parametrize("stand_in", _stand_ins(), ids=lambda s: type(s).__name__)
def test_a_request_without_credentials_gets_a_status_its_spec_declares(
    stand_in: SandboxApp,
) -> None:
    declared = {
        found.operation_id: found
        for name in stand_in.specs
        for found in stand_in.load_spec(name).operations()
    }
    server = stand_in.serve(max_lifetime=60)
    refused: list[str] = []
    try:
        with httpx.Client(base_url=server.url) as http:
            for operation in stand_in.operations():
                if not operation.security:  # the feed, the token exchange: no credentials
                    continue
                path = re.sub(r"\{[^}]+\}", "1", operation.path)
                status = http.request(operation.method, path).status_code
                assert 400 <= status < 500, f"{operation.operation_id} answered {status}"
                if not declared[operation.operation_id].declares(status):
                    refused.append(f"{operation.operation_id} {status}")
    finally:
        server.stop()
    assert refused == []
