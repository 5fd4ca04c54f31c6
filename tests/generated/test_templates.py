"""Our templates (specs/templates/) against openapi-python-client's own, on every model.

At test time the pinned generator writes each spec's client with its upstream templates
into a temporary directory (as ``upstream_<package>``). For every object schema of the
four specs, hypothesis builds payloads from the schema; each must parse to the same
``to_dict()`` with our generated model as with upstream's (or fail the same way), and
our models must round-trip: ``from_dict(to_dict(x)) == x``.
"""

from __future__ import annotations

import datetime
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_python_client.strings import ClassName

from tools.yaml_files import read_yaml

# Compares our templates with the generator's own (group `test-generator`): a check of
# the templates, run once on the primary interpreter.
pytestmark = pytest.mark.primary_only

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
NAMES = ("recruitee", "join", "personio", "recruitee-partners")
EXAMPLES = settings(
    max_examples=8,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def package_of(name: str) -> str:
    config = read_yaml(SPECS / f"{name}.config.yaml")
    return str(config["package_name_override"])


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ModuleType]]:
    """Each spec's models generated with the pinned generator's own templates."""
    scratch = tmp_path_factory.mktemp("upstream")
    generator = Path(sys.executable).parent / "openapi-python-client"
    modules = {}
    runs = []
    for name in NAMES:
        package = f"upstream_{package_of(name)}"
        config = scratch / f"{name}.config.yaml"
        # No post hooks (ruff): formatting changes nothing that is compared.
        config.write_text(yaml.safe_dump({"package_name_override": package, "post_hooks": []}))
        command = [
            str(generator),
            "generate",
            "--path",
            str(SPECS / f"{name}.yaml"),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(scratch / package),
        ]
        runs.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT))  # noqa: S603
    for run in runs:
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output.decode(errors="replace")
    sys.path.insert(0, str(scratch))
    try:
        for name in NAMES:
            modules[name] = importlib.import_module(f"upstream_{package_of(name)}.models")
        yield modules
    finally:
        sys.path.remove(str(scratch))


# --- payloads from the spec's schemas ------------------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner, max_size=2)
    ),
    max_leaves=4,
)
MOMENTS = st.datetimes(
    min_value=datetime.datetime(1990, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.sampled_from([datetime.UTC, datetime.timezone(datetime.timedelta(hours=2))]),
)
ZONES = st.sampled_from(["Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata"])


def readable_stamps(keys: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Stamps of a schema marked x-hirelink-moment that name a moment, written the way
    our models write them back (so that upstream's to_dict, which keeps them as they
    came, gives the same JSON). Random text, from the schema itself, names none."""
    local = st.datetimes(datetime.datetime(1990, 1, 1), datetime.datetime(2100, 1, 1))
    objects = st.builds(
        lambda moment, zone: {keys["local"][0]: moment.isoformat(), keys["zone"]: zone},
        local,
        ZONES,
    )
    return objects | MOMENTS.map(lambda moment: moment.isoformat())


class Payloads:
    """Hypothesis strategies for the JSON values a spec's schemas describe."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.refs: dict[str, st.SearchStrategy[Any]] = {}

    def of(self, schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if depth > 6:  # recursive schemas: stop somewhere
                return st.nothing()
            target = self.schemas[name]
            if "x-hirelink-moment" in target:
                return self.of(target, depth + 1) | readable_stamps(target["x-hirelink-moment"])
            return self.of(target, depth + 1)
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return st.one_of([self.of(option, depth + 1) for option in schema[key]])
        if "allOf" in schema:
            merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
            for part in schema["allOf"]:
                part = self._resolve(part)
                merged["properties"].update(part.get("properties", {}))
                merged["required"] += part.get("required", [])
            return self.of(merged, depth + 1)
        kinds = schema.get("type")
        if isinstance(kinds, list):
            return st.one_of([self.of({**schema, "type": kind}, depth) for kind in kinds])
        if kinds is None:
            return self._object(schema, depth) if "properties" in schema else ANY_JSON
        return self._typed(kinds, schema, depth)

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def _typed(self, kind: str, schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            return st.integers(min_value=-(2**40), max_value=2**40)
        if kind == "number":
            return st.integers(-1000, 1000) | st.floats(allow_nan=False, allow_infinity=False)
        if kind == "string":
            return self._string(schema.get("format"))
        if kind == "array":
            if depth > 3:
                return st.just([])
            return st.lists(self.of(schema.get("items", {}), depth + 1), max_size=2)
        return self._object(schema, depth)

    @staticmethod
    def _string(form: str | None) -> st.SearchStrategy[Any]:
        if form == "date-time":
            return MOMENTS.map(lambda moment: moment.isoformat())
        if form == "date":
            return st.dates().map(lambda day: day.isoformat())
        if form == "uuid":
            return st.uuids().map(str)
        if form == "binary":
            return st.nothing()
        return st.text(max_size=6)

    def _object(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        fixed = st.fixed_dictionaries(
            {name: self.of(sub, depth + 1) for name, sub in properties.items() if name in required},
            optional={
                name: self.of(sub, depth + 1)
                for name, sub in properties.items()
                if name not in required
            },
        )
        extra = schema.get("additionalProperties", True)
        if extra is False:
            return fixed
        values = ANY_JSON if extra is True else self.of(extra, depth + 1)
        # Keys no property has: what additional_properties keeps.
        extras = st.dictionaries(st.sampled_from(["x-extra", "zz", "note_"]), values, max_size=2)
        return st.tuples(fixed, extras).map(lambda pair: {**pair[1], **pair[0]})


def object_schemas(name: str) -> list[tuple[str, dict[str, Any]]]:
    spec = read_yaml(SPECS / f"{name}.yaml")
    found = []
    for schema_name, schema in spec["components"]["schemas"].items():
        properties = schema.get("properties", {})
        # Multipart bodies (a file part) are no JSON payloads: from_dict never sees them.
        if any(part.get("format") == "binary" for part in properties.values()):
            continue
        if schema.get("type") == "object" or properties:
            found.append((schema_name, schema))
    return found


CASES = [
    pytest.param(name, schema_name, id=f"{name}:{schema_name}")
    for name in NAMES
    for schema_name, _ in object_schemas(name)
]


def outcome(model: Any, payload: Any) -> tuple[str, Any]:
    try:
        return "ok", model.from_dict(payload).to_dict()
    except Exception as error:  # the kind of failure is what is compared
        return "error", type(error).__name__


@pytest.mark.parametrize(("name", "schema_name"), CASES)
def test_same_result_as_upstream_templates_and_round_trip(
    upstream: dict[str, ModuleType], name: str, schema_name: str
) -> None:
    spec = read_yaml(SPECS / f"{name}.yaml")
    class_name = str(ClassName(schema_name, ""))
    ours_module = importlib.import_module(f"hirelink.api.{package_of(name)}.models")
    ours = getattr(ours_module, class_name)
    theirs = getattr(upstream[name], class_name)
    payloads = Payloads(spec).of(spec["components"]["schemas"][schema_name])

    @EXAMPLES
    @given(payloads)
    def check(payload: Any) -> None:
        expected = outcome(theirs, payload)
        assert outcome(ours, payload) == expected
        if expected[0] == "ok":
            parsed = ours.from_dict(payload)
            assert ours.from_dict(parsed.to_dict()) == parsed
            assert ours.from_dict(parsed.to_dict()).to_dict() == expected[1]

    check()


def test_every_model_module_imports_on_demand() -> None:
    """The models package imports a model's module when its name is first used."""
    code = (
        "import sys, hirelink.api.recruitee.models as m; "
        "before = {n for n in sys.modules if n.startswith('hirelink.api.recruitee.models.')}; "
        "m.Offer; "
        "after = {n for n in sys.modules if n.startswith('hirelink.api.recruitee.models.')}; "
        "print(len(before), 'hirelink.api.recruitee.models.offer' in after - before)"
    )
    output = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert output == ["0", "True"]
    models = importlib.import_module("hirelink.api.recruitee.models")
    # Every exported name loads (dir() lists __all__ itself, so it proves nothing).
    assert all(isinstance(getattr(models, name), type) for name in models.__all__)
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel


def test_mutual_references_import_in_either_order() -> None:
    """Models whose modules import each other (after their class) load in any order."""
    code = (
        "import importlib, sys; "
        "names = sys.argv[1:]; "
        "[importlib.import_module('hirelink.api.recruitee.models.' + n) for n in names]; "
        "from hirelink.api.recruitee.models.candidate_list import CandidateList; "
        "print(CandidateList.from_dict({'candidates': []}).candidates)"
    )
    for order in (
        ["candidate_list", "candidate_list_item"],
        ["candidate_list_item", "candidate_list"],
    ):
        output = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code, *order], check=True, capture_output=True, text=True
        ).stdout.strip()
        assert output == "[]"


def test_parsing_does_not_change_or_keep_the_input() -> None:
    from hirelink.api.recruitee.models import CandidateList

    payload = {"candidates": [{"id": 1, "name": "Lena", "extra": {"a": 1}}], "zz": 2}
    snapshot = repr(payload)
    parsed = CandidateList.from_dict(payload)
    assert repr(payload) == snapshot
    assert parsed.additional_properties == {"zz": 2}
    assert parsed.additional_properties is not payload
    assert parsed.candidates[0].additional_properties == {"extra": {"a": 1}}
    assert CandidateList.from_dict({"candidates": []}).additional_properties == {}
