"""The method table of wrappers/recruitee/README.md names every public method of the
clients with the parameters it really has."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from hirelink.core.operations import declarations
from hirelink.recruitee import AsyncRecruitee, Recruitee

README = Path(__file__).resolve().parents[2] / "wrappers" / "recruitee" / "README.md"
HEADER = "| method | Recruitee endpoint"
CALL = re.compile(r"`(?P<name>\w+)\((?P<inside>[^)]*)\)`")
# The prose words of a cell such as `stage_id= or stage_name= with offer_id=`.
LINKING_WORDS = {"or", "with"}
NOT_OPERATIONS = {"base_url", "close", "aclose"}


def documented() -> dict[str, set[str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(HEADER))
    methods: dict[str, set[str]] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        method_cell = line.split("|")[1]
        for call in CALL.finditer(method_cell):
            without_defaults = re.sub(r'"[^"]*"', "", call["inside"])
            words = re.findall(r"(?:\*\*)?[a-z_]\w*", without_defaults)
            methods[call["name"]] = {word for word in words if word not in LINKING_WORDS}
    return methods


def parameters(method: Callable[..., object]) -> set[str]:
    found = set()
    for parameter in inspect.signature(method).parameters.values():
        if parameter.name == "self":
            continue
        prefix = "**" if parameter.kind is parameter.VAR_KEYWORD else ""
        found.add(prefix + parameter.name)
    return found


@pytest.mark.parametrize("client", [Recruitee, AsyncRecruitee])
def test_the_table_names_every_method_with_its_parameters(client: type) -> None:
    table = documented()
    public = {
        name
        for name, _ in inspect.getmembers(client, callable)
        if not name.startswith("_") and name not in NOT_OPERATIONS
    }
    assert public == set(table)
    declared = declarations(client)
    for name, named in table.items():
        # As written in the builder: a `**filters` stays one (the method's signature
        # shows its keys one by one).
        assert named == parameters(declared[name].build), name
