"""Relaxed response schemas, derived from the specs by code, for response fuzzing.

A relaxed schema admits what a real provider may answer although the spec did not say
so: every non-required member absent or ``null``, members the spec does not know, enum
strings it does not list, and, where the spec leaves an operation's envelope open
(``x-hirelink-envelope`` on the response), the record bare or wrapped under its name.
Required members stay required and typed as the spec types them: the spec only marks
required what a confirmed source shows always present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
UNKNOWN_ENUM = {"type": "string", "pattern": "^zz-unknown-[a-z]{1,6}$"}
EXTRA_MEMBER = {"type": ["string", "integer", "boolean", "null"]}
MAX_ITEMS = 3
_JSON = re.compile(r"^application/([a-z.+-]*\+)?json$")


@attrs.frozen
class ResponseTarget:
    """A documented 2xx JSON answer of one operation of a spec."""

    operation_id: str
    method: str
    template: str
    status: int
    schema: dict[str, Any] | None
    """None for an answer without a JSON body."""
    example: Any
    envelope: str | None

    def matches(self, method: str, path: str) -> bool:
        if method.lower() != self.method:
            return False
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(self.template))
        return re.search(f"{pattern}$", path) is not None


def _resolve(document: dict[str, Any], ref: str) -> Any:
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def targets(document: dict[str, Any]) -> Iterator[ResponseTarget]:
    """Every operation's first 2xx response in ``document`` (its JSON one, if any)."""
    for template, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            answers = sorted(
                (code, _resolve(document, answer["$ref"]) if "$ref" in answer else answer)
                for code, answer in operation.get("responses", {}).items()
                if code.startswith("2")
            )
            json_answers = [
                (code, answer, media)
                for code, answer in answers
                for media in answer.get("content", {})
                if _JSON.match(media.split(";")[0])
            ]
            if not json_answers:
                if answers:
                    status = int(answers[0][0])
                    yield ResponseTarget(
                        operation["operationId"], method, template, status, None, None, None
                    )
                continue
            for code, response, media in json_answers[:1]:
                content = response["content"][media]
                example = content.get("example")
                if example is None and content.get("examples"):
                    example = next(iter(content["examples"].values())).get("value")
                yield ResponseTarget(
                    operation_id=operation["operationId"],
                    method=method,
                    template=template,
                    status=int(code),
                    schema=content["schema"],
                    example=example,
                    envelope=response.get("x-hirelink-envelope"),
                )


def relaxed(target: ResponseTarget, document: dict[str, Any]) -> dict[str, Any]:
    """The relaxed schema of ``target``'s answer, ``$ref``-free."""
    assert target.schema is not None
    record: dict[str, Any] = _relax(target.schema, document, depth=0)
    if target.envelope:
        wrapped = {
            "type": "object",
            "required": [target.envelope],
            "properties": {target.envelope: record},
        }
        return {"anyOf": [record, wrapped]}
    return record


def _relax(schema: Any, document: dict[str, Any], depth: int) -> Any:
    if not isinstance(schema, dict):
        return schema
    if depth > 10:
        raise ValueError("schema nests too deep (a recursive $ref?)")
    if "$ref" in schema:
        siblings = {key: value for key, value in schema.items() if key != "$ref"}
        merged = {**_resolve(document, schema["$ref"]), **siblings}
        return _relax(merged, document, depth + 1)  # only references add depth
    out = {
        key: value
        for key, value in schema.items()
        if not key.startswith("x-") and key not in ("description", "examples", "example", "title")
    }
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in out:
            members = [_relax(member, document, depth) for member in out.pop(combinator)]
            # Relaxed members may overlap, which oneOf forbids; the generated parsers try
            # the members in order, like anyOf.
            out["allOf" if combinator == "allOf" else "anyOf"] = members
    if "enum" in out and all(isinstance(value, str) for value in out["enum"]):
        enum = {key: out.pop(key) for key in ("enum", "type") if key in out}
        out["anyOf"] = (
            [*out.get("anyOf", []), enum, UNKNOWN_ENUM]
            if "anyOf" in out
            else [
                enum,
                UNKNOWN_ENUM,
            ]
        )
    if "items" in out:
        out["items"] = _relax(out["items"], document, depth)
        out["maxItems"] = min(out.get("maxItems", MAX_ITEMS), MAX_ITEMS)
        out["minItems"] = min(out.get("minItems", 0), MAX_ITEMS)
    if "properties" in out or out.get("type") == "object":
        required = set(out.get("required", []))
        out["properties"] = {
            name: (
                _relax(member, document, depth)
                if name in required
                else {"anyOf": [_relax(member, document, depth), {"type": "null"}]}
            )
            for name, member in out.get("properties", {}).items()
        }
        if out.get("additionalProperties") is not False:
            out["additionalProperties"] = EXTRA_MEMBER
    return out
