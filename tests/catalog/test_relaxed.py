"""The relaxed schemas the response fuzzing draws from admit what the reading rules promise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tools.yaml_files import read_yaml

from .relaxed import relaxed, targets

SPECS = Path(__file__).parents[2] / "specs"


def _target(spec: str, operation_id: str) -> tuple[Any, dict[str, Any]]:
    document = read_yaml(SPECS / spec)
    found = next(t for t in targets(document) if t.operation_id == operation_id)
    return found, document


def _admits(schema: dict[str, Any], body: Any) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(body)


def test_an_open_envelope_admits_the_record_bare_and_wrapped() -> None:
    target, document = _target("recruitee-partners.yaml", "updateReport")
    assert target.envelope == "report"
    schema = relaxed(target, document)
    record = {"id": "a1dd18bf-b78c-4aa5-b13a-cf940e8b5e5b", "status": "sent"}
    assert _admits(schema, record)
    assert _admits(schema, {"report": record})
    assert not _admits(schema, {"report": {"status": "sent"}})  # id stays required


def test_optional_members_may_be_null_or_absent_and_extras_and_new_enum_values_pass() -> None:
    target, document = _target("recruitee-partners.yaml", "updateReport")
    schema = relaxed(target, document)
    drifted = {
        "id": "a1dd18bf-b78c-4aa5-b13a-cf940e8b5e5b",
        "status": "zz-unknown-paused",
        "score": None,
        "urls": None,
        "something_new": 3,
    }
    assert _admits(schema, drifted)
    assert not _admits(schema, {**drifted, "status": None})  # required, not nullable


@pytest.mark.parametrize(
    ("spec", "operation_id"),
    [("recruitee.yaml", "getCandidate"), ("personio.yaml", "getApplication")],
)
def test_relaxed_schemas_are_ref_free(spec: str, operation_id: str) -> None:
    target, document = _target(spec, operation_id)
    assert "$ref" not in str(relaxed(target, document))
