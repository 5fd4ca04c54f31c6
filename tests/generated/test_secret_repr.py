"""Every property a spec marks ``x-hirelink-secret`` is masked in its model's ``repr``.

The marker is read by our model template (``specs/templates/model.py.jinja``); this walks
every marked schema of the four specs, so a new marker, or a regenerated model that lost
the masking, is checked without a test of its own.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import attrs
import pytest

from hirelink.core.reading import skeleton
from tools.yaml_files import read_yaml

SPECS = Path(__file__).resolve().parents[2] / "specs"
NAMES = ("recruitee", "join", "personio", "recruitee-partners")


def marked() -> list[tuple[str, str, str]]:
    """(models module, schema name, property) for every marked property of every spec."""
    found = []
    for name in NAMES:
        config = read_yaml(SPECS / f"{name}.config.yaml")
        spec = read_yaml(SPECS / f"{name}.yaml")
        for schema_name, schema in spec["components"]["schemas"].items():
            for secret in schema.get("x-hirelink-secret", []):
                assert secret in schema.get("properties", {}), f"{schema_name} has no {secret}"
                package = config["package_name_override"]
                found.append((f"hirelink.api.{package}.models", schema_name, secret))
    return found


MARKED = marked()


def test_the_specs_mark_the_secrets_they_carry() -> None:
    schemas = {(module.split(".")[2], schema) for module, schema, _ in MARKED}
    assert ("personio", "OAuth2Token") in schemas
    assert ("recruitee_partners", "Partner") in schemas


@pytest.mark.parametrize(("module", "schema", "secret"), MARKED)
def test_a_marked_property_never_shows_in_repr(module: str, schema: str, secret: str) -> None:
    model: Any = getattr(importlib.import_module(module), schema)
    assert secret in attrs.fields_dict(model)
    value = f"leaked-{schema}-{secret}-0042"
    instance = attrs.evolve(skeleton(model, {}), **{secret: value})
    shown = repr(instance)
    assert getattr(instance, secret) == value
    assert value not in shown
    assert f"{secret}='***'" in shown
