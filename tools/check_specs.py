"""Check OpenAPI documents: valid 3.1, every operation documented, every example valid.

Usage: python -m tools.check_specs specs/a.yaml [specs/b.yaml ...]

For each document:
- openapi-spec-validator accepts it;
- every operation has an operationId, at least one tag, a documented error response
  and an example for its request body and its success responses;
- every example (media types, parameters, headers, schema ``examples``) validates
  against its schema, with ``$ref`` resolved inside the document and formats checked;
- every ``required`` list and every error response with a body is backed by a note:
  ``x-hirelink-source`` (what confirms it: a fact-sheet tag and source) or
  ``x-hirelink-confidence: inferred`` (with a description of what is uncertain); a
  response schema reached from a 2xx answer may not hold an inferred ``required`` list
  (the reading rule: required only where a confirmed source shows it always present).
It prints, per document, how many elements are flagged inferred.
Exits non-zero listing every problem found.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from tools.yaml_files import read_yaml

SPEC_URI = "urn:hirelink:spec"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _pointer(parts: tuple[str, ...]) -> str:
    escaped = (part.replace("~", "~0").replace("/", "~1") for part in parts)
    return "/" + "/".join(quote(part, safe="~") for part in escaped)


def _examples(node: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any, Any]]:
    """Yield (where, schema-path, example) for every example attached to a schema."""
    if isinstance(node, dict):
        if "schema" in node and isinstance(node["schema"], dict):
            schema_path = (*path, "schema")
            if "example" in node:
                yield (*path, "example"), schema_path, node["example"]
            for name, example in (node.get("examples") or {}).items():
                if isinstance(example, dict) and "value" in example:
                    yield (*path, "examples", name), schema_path, example["value"]
        is_schema = (path and path[-1] in ("schema",)) or (
            len(path) >= 2 and path[-2] in ("schemas", "properties")
        )
        if is_schema and isinstance(node.get("examples"), list):
            for index, example in enumerate(node["examples"]):
                yield (*path, "examples", str(index)), path, example
        for key, value in node.items():
            yield from _examples(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _examples(value, (*path, str(index)))


def _operation_problems(document: dict[str, Any]) -> Iterator[str]:
    for route, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            where = f"{method.upper()} {route}"
            if not operation.get("operationId"):
                yield f"{where}: no operationId"
            if not operation.get("tags"):
                yield f"{where}: no tags"
            responses = operation.get("responses") or {}
            if not any(code.startswith(("4", "5")) or code == "default" for code in responses):
                yield f"{where}: no documented error response"
            body = operation.get("requestBody")
            if body is not None and "$ref" not in body:
                for media, content in (body.get("content") or {}).items():
                    if "example" not in content and not content.get("examples"):
                        yield f"{where}: request body {media} has no example"
            for code, response in responses.items():
                if not code.startswith("2") or "$ref" in response:
                    continue
                for media, content in (response.get("content") or {}).items():
                    if "example" not in content and not content.get("examples"):
                        yield f"{where}: response {code} {media} has no example"


BACKING = ("x-hirelink-source", "x-hirelink-confidence")


def _inferred(node: Any) -> Iterator[None]:
    if isinstance(node, dict):
        if node.get("x-hirelink-confidence") == "inferred":
            yield None
        for value in node.values():
            yield from _inferred(value)
    elif isinstance(node, list):
        for value in node:
            yield from _inferred(value)


def _resolved(document: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _reached(document: dict[str, Any], node: Any, seen: set[int]) -> Iterator[dict[str, Any]]:
    """Every schema object reachable from ``node``, following ``$ref``s once."""
    node = _resolved(document, node)
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    yield node
    for key in ("items", "additionalProperties"):
        yield from _reached(document, node.get(key), seen)
    for member in (node.get("properties") or {}).values():
        yield from _reached(document, member, seen)
    for key in ("anyOf", "oneOf", "allOf"):
        for member in node.get(key) or []:
            yield from _reached(document, member, seen)


def _answers(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for route, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            for code, response in ((operation or {}).get("responses") or {}).items():
                yield f"{method.upper()} {route} {code}", code, _resolved(document, response)


def _backing_problems(document: dict[str, Any]) -> Iterator[str]:
    answer_schemas: set[int] = set()
    for where, code, response in _answers(document):
        contents = (response.get("content") or {}).values()
        if not code.startswith("2"):
            if contents and not any(key in response for key in BACKING):
                yield f"{where}: error body not backed (x-hirelink-source or inferred flag)"
            continue
        for content in contents:
            for schema in _reached(document, content.get("schema"), set()):
                answer_schemas.add(id(schema))
    for where, schema in _schemas_with_required(document, ()):
        if not any(key in schema for key in BACKING):
            yield f"{where}: required list not backed (x-hirelink-source or inferred flag)"
        elif id(schema) in answer_schemas and schema.get("x-hirelink-confidence") == "inferred":
            yield f"{where}: an answer's required list is only inferred; make the fields optional"


def _schemas_with_required(node: Any, path: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        if isinstance(node.get("required"), list):
            yield _pointer(path), node
        for key, value in node.items():
            yield from _schemas_with_required(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schemas_with_required(value, (*path, str(index)))


def check(path: Path) -> list[str]:
    document = read_yaml(path)
    problems: list[str] = []
    try:
        validate(document)
    except Exception as error:  # the validator raises several unrelated types
        problems.append(f"not a valid OpenAPI document: {error}")
        return problems
    problems += _operation_problems(document)
    problems += _backing_problems(document)
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, DRAFT202012.create_resource(document)
    )
    checked = 0
    for where, schema_path, example in _examples(document, ()):
        schema = {"$ref": f"{SPEC_URI}#{_pointer(schema_path)}"}
        validator = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        for failure in validator.iter_errors(example):
            location = "/".join(str(p) for p in failure.absolute_path) or "(root)"
            problems.append(f"example {_pointer(where)} at {location}: {failure.message}")
        checked += 1
    if checked == 0:
        problems.append("no examples found")
    inferred = sum(1 for _ in _inferred(document))
    print(
        f"{path}: {checked} examples checked, {inferred} elements flagged inferred,"
        f" {len(problems)} problems"
    )
    return problems


def main(paths: list[str]) -> int:
    if not paths:
        print(__doc__)
        return 2
    failed = False
    for name in paths:
        for problem in check(Path(name)):
            failed = True
            print(f"  {name}: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
