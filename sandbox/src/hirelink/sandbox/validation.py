"""Validate and unmarshal incoming requests against an OpenAPI 3.1 document.

The path, the query, the headers and the body are checked with jsonschema (Draft 2020-12,
one validator per schema, built once); parameters come back cast (integers, booleans,
arrays, ``date-time`` as aware ``datetime``), bodies as the JSON (or form) the spec
accepted. Security is left to each stand-in, which answers a missing or wrong credential
with the provider's own status and body.

Only what the specs use is read: ``path``, ``query`` and ``header`` parameters of the
``simple`` and ``form`` styles (primitives and arrays of primitives), and JSON,
``application/x-www-form-urlencoded`` and ``multipart/form-data`` bodies. A spec asking
for more stops the stand-in at start (``NotImplementedError``).
"""

from __future__ import annotations

import email.policy
import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from email.parser import BytesParser
from pathlib import Path
from typing import Any, ClassVar, cast
from urllib.parse import parse_qsl

import attrs
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.protocols import Validator

__all__ = [
    "FilePart",
    "OperationNotInSpecError",
    "SpecOperation",
    "SpecValidator",
    "Unmarshalled",
    "ValidationProblem",
]

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_MEDIA_TYPES = ("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
_TRUE = ("y", "yes", "t", "true", "on", "1")
_FALSE = ("n", "no", "f", "false", "off", "0")
_RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")
_FORMATS = FormatChecker()


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    """RFC 3339 (what jsonschema checks only with an optional package installed)."""
    if not isinstance(value, str):
        return True
    if _RFC3339.fullmatch(value) is None:
        return False
    datetime.fromisoformat(value)  # raises for an impossible date
    return True


@_FORMATS.checks("int64")
def _is_int64(value: object) -> bool:
    return not isinstance(value, int) or -(2**63) <= value < 2**63


@attrs.frozen
class ValidationProblem:
    """One reason a request does not conform to the spec.

    Attributes:
        location: ``"path"``, ``"query"``, ``"header"`` or ``"body"``.
        field: the parameter name, or the dotted path of the offending body
            member (``candidate.emails.0``); empty for the body as a whole.
        message: human-readable reason.
    """

    location: str
    field: str
    message: str


@attrs.frozen
class SpecOperation:
    """One operation of a spec: its method (upper case), path template, operationId, the
    path parameters whose schema is an integer, its security (the schemes of its first
    requirement, the operation's else the document's, each with its scopes) and the
    response codes it declares (``"200"``, ``"5XX"``, ``"default"``)."""

    method: str
    path: str
    operation_id: str
    integer_path_params: frozenset[str]
    security: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    statuses: frozenset[str] = frozenset()

    def declares(self, status: int) -> bool:
        """Whether the spec lists ``status`` (or its range, or a default) as an answer."""
        codes = {str(status), f"{status // 100}XX", "DEFAULT"}
        return not self.statuses or bool(codes & self.statuses)


@attrs.frozen
class Unmarshalled:
    """A request as the spec reads it.

    Attributes:
        problems: why it does not conform (empty when it does).
        parameters: path and query parameters, unmarshalled (absent optional ones left out).
        body: the body the spec accepted (parsed JSON or form), or None.
        files: the file parts of a multipart body by name (what the spec reads as
            text), with their file names and content types.
    """

    problems: list[ValidationProblem]
    parameters: dict[str, Any]
    body: Any
    files: dict[str, FilePart] = attrs.field(factory=dict)


@attrs.frozen
class FilePart:
    """One file of a ``multipart/form-data`` body, as sent."""

    filename: str
    content: bytes = attrs.field(repr=lambda content: f"<{len(content)} bytes>")
    content_type: str | None


class OperationNotInSpecError(LookupError):
    """The spec describes no operation of that operationId."""


@attrs.frozen
class _Parameter:
    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]
    validator: Validator
    comma_separated: bool


@attrs.frozen
class _Body:
    required: bool
    media_types: dict[str, tuple[Mapping[str, Any], Validator]]


@attrs.frozen
class _Operation:
    found: SpecOperation
    parameters: tuple[_Parameter, ...]
    body: _Body | None


class SpecValidator:
    """Validates and unmarshals requests against one OpenAPI 3.1 document (thread-safe).

    Prefer :meth:`for_file`, which loads each file once and shares the validator.

    Args:
        spec: the parsed OpenAPI document (its ``$ref`` values are all local).

    Raises:
        ValueError: the document is not OpenAPI 3.1.
        NotImplementedError: it uses a parameter style this reader does not support.
    """

    def __init__(self, spec: Mapping[str, Any]) -> None:
        if not str(spec.get("openapi", "")).startswith("3.1"):
            raise ValueError(f"unsupported OpenAPI version {spec.get('openapi')!r}")
        self.document = spec
        # Validators of the document's schemas evolve from one for the whole document, so
        # that their "#/components/..." refs resolve against it.
        self._document_validator = Draft202012Validator(spec, format_checker=_FORMATS)
        self._secret_names = frozenset(_secret_names(spec))
        self._operations: dict[str, _Operation] = {}
        for path, item in spec.get("paths", {}).items():
            for method in _METHODS:
                if method in item:
                    operation = self._read_operation(path, method, item)
                    self._operations[operation.found.operation_id] = operation

    @classmethod
    def for_file(cls, path: Path) -> SpecValidator:
        """The validator for the document at ``path``, loaded once per file version."""
        resolved = path.resolve()
        return _load(resolved, resolved.stat().st_mtime_ns)

    def properties(self, component: str) -> tuple[str, ...]:
        """The property names of the component schema ``component``, in spec order."""
        return tuple(self.document["components"]["schemas"][component]["properties"])

    def operations(self) -> list[SpecOperation]:
        """Every operation of the document, in document order."""
        return [operation.found for operation in self._operations.values()]

    def unmarshal(
        self,
        operation_id: str,
        *,
        path_params: Mapping[str, str],
        query_string: str = "",
        headers: Iterable[tuple[bytes, bytes]] = (),
        body: bytes | None = None,
        lenient: bool = False,
    ) -> Unmarshalled:
        """Validate one request to ``operation_id`` and read it as the spec says.

        ``path_params`` are the raw path segments by name; ``query_string`` is the raw
        (percent-encoded) query string. ``lenient``: parameters of the wrong type are
        left out instead of refused, and the body is read without its schema.

        Raises:
            OperationNotInSpecError: the spec has no such operation.
        """
        operation = self._operations.get(operation_id)
        if operation is None:
            raise OperationNotInSpecError(operation_id)
        header_values: dict[str, list[str]] = {}
        for raw_name, raw_value in headers:
            name = raw_name.decode("latin-1").lower()
            header_values.setdefault(name, []).append(raw_value.decode("latin-1"))
        query: dict[str, list[str]] = {}
        for name, value in parse_qsl(query_string, keep_blank_values=True):
            query.setdefault(name, []).append(value)
        sources = {
            "path": {name: [value] for name, value in path_params.items()},
            "query": query,
            "header": header_values,
        }
        problems: list[ValidationProblem] = []
        parameters: dict[str, Any] = {}
        for parameter in operation.parameters:
            key = parameter.name.lower() if parameter.location == "header" else parameter.name
            raw = sources[parameter.location].get(key)
            if raw is None:
                if parameter.required:
                    message = f"Missing required {parameter.location} parameter: {parameter.name}"
                    problems.append(ValidationProblem(parameter.location, parameter.name, message))
                continue
            try:
                value = _cast(
                    parameter.schema, raw[0].split(",") if parameter.comma_separated else raw
                )
            except ValueError as error:
                if not lenient:
                    problems.append(
                        ValidationProblem(parameter.location, parameter.name, str(error))
                    )
                continue
            errors = [_message(error) for error in parameter.validator.iter_errors(value)]
            problems += [ValidationProblem(parameter.location, parameter.name, m) for m in errors]
            if not errors and parameter.location != "header":
                parameters[parameter.name] = _unmarshal(parameter.schema, value)
        content_type = header_values.get("content-type", ["application/json"])[0]
        read_body: Any = None
        files: dict[str, FilePart] = {}
        if operation.body is not None:
            read_body, files = _read_body(
                operation.body, content_type, body, lenient, problems, self._secret_names
            )
        return Unmarshalled(problems, parameters, read_body, files)

    def _read_operation(self, path: str, method: str, item: Mapping[str, Any]) -> _Operation:
        spec = item[method]
        parameters: dict[tuple[str, str], _Parameter] = {}
        # Operation-level parameters override path-level ones of the same name and place.
        for declared in (*spec.get("parameters", ()), *item.get("parameters", ())):
            parameter = self._read_parameter(self._resolve(declared))
            parameters.setdefault((parameter.name, parameter.location), parameter)
        body = None
        if "requestBody" in spec:
            request_body = self._resolve(spec["requestBody"])
            for media_type in request_body.get("content", {}):
                if media_type not in _MEDIA_TYPES:
                    raise NotImplementedError(f"{spec['operationId']}: a {media_type} body")
            media_types = {
                media_type: (
                    schema := self._resolve(content.get("schema", {})),
                    self._check(schema),
                )
                for media_type, content in request_body.get("content", {}).items()
            }
            body = _Body(bool(request_body.get("required", False)), media_types)
        integer_path_params = frozenset(
            parameter.name
            for parameter in parameters.values()
            if parameter.location == "path" and parameter.schema.get("type") == "integer"
        )
        (requirement, *_) = spec.get("security", self.document.get("security")) or [{}]
        security = {scheme: tuple(scopes) for scheme, scopes in requirement.items()}
        statuses = frozenset(str(code).upper() for code in spec.get("responses", {}))
        found = SpecOperation(
            method.upper(), path, spec["operationId"], integer_path_params, security, statuses
        )
        return _Operation(found, tuple(parameters.values()), body)

    def _read_parameter(self, declared: Mapping[str, Any]) -> _Parameter:
        location = declared["in"]
        schema = self._resolve(declared.get("schema", {}))
        style = declared.get("style", "form" if location == "query" else "simple")
        if (
            location not in ("path", "query", "header")
            or style != ("form" if location == "query" else "simple")
            or "content" in declared
            or schema.get("type") not in ("string", "integer", "number", "boolean", "array")
        ):
            raise NotImplementedError(f"parameter {declared['name']!r}: unsupported declaration")
        exploded = declared.get("explode", style == "form")
        return _Parameter(
            name=declared["name"],
            location=location,
            required=bool(declared.get("required", False)),
            schema=schema,
            validator=self._check(schema),
            comma_separated=schema.get("type") == "array" and not exploded,
        )

    def _check(self, schema: Mapping[str, Any]) -> Validator:
        return self._document_validator.evolve(schema=schema)

    def _resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """``node``, or what its local ``$ref`` (``#/components/...``) points at."""
        while "$ref" in node:
            target: Any = self.document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node


def _cast(schema: Mapping[str, Any], raw: list[str]) -> Any:
    """The raw values of a parameter (one, or an array's items) as its schema's type."""
    kind = schema.get("type")
    if kind == "array":
        return [_cast(schema.get("items", {}), [item]) for item in raw]
    value = raw[0]
    try:
        if kind == "integer":
            number = int(value)
        elif kind == "number":
            return float(value)
    except ValueError:
        raise ValueError(f"Failed to cast value to {kind} type: {value}") from None
    if kind == "integer":
        if not _is_int64(number):  # what the providers' servers read
            raise ValueError(f"{value} is out of the 64-bit integer range")
        return number
    if kind == "boolean":
        if value.lower() not in _TRUE + _FALSE:
            raise ValueError(f"Failed to cast value to boolean type: {value}")
        return value.lower() in _TRUE
    return value


def _unmarshal(schema: Mapping[str, Any], value: Any) -> Any:
    """Only date-times become Python objects; dates, uuids and bytes stay as sent."""
    if schema.get("format") == "date-time" and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _read_body(
    body: _Body,
    content_type: str,
    raw: bytes | None,
    lenient: bool,
    problems: list[ValidationProblem],
    secret_names: frozenset[str],
) -> tuple[Any, dict[str, FilePart]]:
    """The body the spec accepts (None, with problems noted, if it does not) and its files."""
    if not raw:
        if body.required:
            problems.append(ValidationProblem("body", "", "a request body is required"))
        return None, {}
    media_type = content_type.partition(";")[0].strip().lower()
    if media_type not in body.media_types:
        message = (
            f"Content for the following mimetype not found: {media_type}. "
            f"Valid mimetypes: {list(body.media_types)}"
        )
        problems.append(ValidationProblem("header", "content-type", message))
        return None, {}
    schema, validator = body.media_types[media_type]
    files: dict[str, FilePart] = {}
    try:
        if media_type == "application/json":
            document = json.loads(raw)
            # Refused even when lenient: stored, such text broke every later answer holding it.
            place = _not_unicode(document) if _may_hold_a_surrogate(raw) else None
            if place is not None:
                problems.append(ValidationProblem("body", place, _NOT_UNICODE))
                return None, {}
            return _checked(document, validator, lenient, problems, secret_names), {}
        if media_type == "multipart/form-data":
            fields, files = _multipart(content_type, raw)
        else:
            fields = parse_qsl(raw.decode("utf-8"), keep_blank_values=True)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python goes
        text = raw.decode(errors="replace")
        message = f"Failed to deserialize value with {media_type} mimetype: {text}"
        problems.append(ValidationProblem("body", "", message))
        return None, {}
    first = dict(reversed(fields))  # a form keeps the first value of each schema property
    form = {name: first[name] for name in schema.get("properties", {}) if name in first}
    return _checked(form, validator, lenient, problems, secret_names), files


def _checked(
    value: Any,
    validator: Validator,
    lenient: bool,
    problems: list[ValidationProblem],
    secret_names: frozenset[str],
) -> Any:
    """``value`` if the schema accepts it (or ``lenient``), else None with the problems noted
    (never quoting the value of a member the spec marks ``x-hirelink-secret``)."""
    if lenient:
        return value
    errors = list(validator.iter_errors(value))
    if not errors:
        return value
    secrets = frozenset(_values_of(value, secret_names))
    problems += [ValidationProblem("body", _field(e), _message(e, secrets)) for e in errors]
    return None


_NOT_UNICODE = "is not Unicode text: it holds a lone surrogate (an escaped \\ud800 to \\udfff)"


# An escaped surrogate (\ud800 to \udfff); a body of plain ASCII without one holds none.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _may_hold_a_surrogate(raw: bytes) -> bool:
    """Whether the JSON text ``raw`` may hold a lone surrogate: written escaped, or in
    bytes that ``json.loads`` decodes with ``surrogatepass``. Most bodies are ASCII
    without one, and are not walked."""
    return not raw.isascii() or _ESCAPED_SURROGATE.search(raw) is not None


def _not_unicode(value: Any, place: str = "") -> str | None:
    """The dotted path of the first text in ``value`` (a member's name or value) that
    UTF-8 cannot carry, or None: JSON's escapes let a body hold a lone surrogate
    (``"\\ud800"``). (A multipart field holds surrogate escapes of its bytes on purpose:
    a file's content is not text.)"""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return place
        return None
    if isinstance(value, Mapping):
        members = list(value.items())
    elif isinstance(value, list):
        members = list(enumerate(value))
    else:
        return None
    for key, child in members:
        if isinstance(key, str) and _not_unicode(key) is not None:
            return place  # not the name itself, which no answer could carry either
        inner = f"{place}.{key}" if place else str(key)
        found = _not_unicode(child, inner)
        if found is not None:
            return found
    return None


def _multipart(content_type: str, raw: bytes) -> tuple[list[tuple[str, str]], dict[str, FilePart]]:
    """Every part as ``(name, text)``, and the parts sent with a file name as files."""
    header = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    # The HTTP policy reads header values as UTF-8, as httpx writes a non-ASCII file
    # name (the default policy turned each of its bytes into a replacement character).
    message = BytesParser(policy=email.policy.HTTP).parsebytes(header + raw)
    parts = cast("list[Any]", message.get_payload()) if message.is_multipart() else []
    fields: list[tuple[str, str]] = []
    files: dict[str, FilePart] = {}
    for part in parts:
        name = part.get_param("name", header="content-disposition")
        content: bytes = part.get_payload(decode=True)
        fields.append((name, content.decode(errors="surrogateescape")))
        filename = part.get_filename()
        if filename is not None and name not in files:
            declared = part.get_content_type() if part.get("content-type") else None
            files[name] = FilePart(filename, content, declared)
    return fields, files


class _SpecLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (PyYAML's own where it is missing), leaving dates as the
    strings JSON Schema validates: YAML 1.1 reads an unquoted ``2024-05-01`` as a date."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def spec_document(path: Path) -> dict[str, Any]:
    """The OpenAPI document at ``path`` as JSON would carry it: dates stay strings, and
    keys are strings (an unquoted ``200:`` of ``responses`` is read as the number)."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_SpecLoader)  # noqa: S506
    loaded: dict[str, Any] = json.loads(json.dumps(document))
    return loaded


@functools.lru_cache(maxsize=16)
def _load(path: Path, _mtime_ns: int) -> SpecValidator:
    return SpecValidator(spec_document(path))


def _field(error: Any) -> str:
    """Dotted path of the offending member; for a missing property, the property's path."""
    parts = [str(part) for part in error.absolute_path]
    if error.validator == "required" and isinstance(error.instance, dict):
        # jsonschema reports each missing property as an error of its own, naming it only
        # in the message: the first missing name filed every one under the same field.
        missing = [name for name in error.validator_value if name not in error.instance]
        named = [name for name in missing if error.message == f"{name!r} is a required property"]
        parts += (named or missing)[:1]
    return ".".join(parts)


def _message(error: Any, secrets: frozenset[str] = frozenset()) -> str:
    """jsonschema's message, or, when the offending value holds a secret, the rule it
    breaks without the value."""
    if secrets and secrets & frozenset(_values_of(error.instance)):
        rule = f"{error.validator} {error.validator_value!r}"
        return f"the value (not shown: it holds a secret) fails {rule}"
    return str(error.message)


def _secret_names(node: Any) -> Iterator[str]:
    """The member names any schema in ``node`` marks ``x-hirelink-secret``."""
    if isinstance(node, Mapping):
        yield from node.get("x-hirelink-secret", ())
        for child in node.values():
            yield from _secret_names(child)
    elif isinstance(node, list):
        for child in node:
            yield from _secret_names(child)


def _values_of(value: Any, names: frozenset[str] | None = None) -> Iterator[str]:
    """The strings in ``value``; with ``names``, only those of members so named."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            if names is None or key not in names:
                yield from _values_of(child, names)
            else:
                yield from _values_of(child)
    elif isinstance(value, list):
        for child in value:
            yield from _values_of(child, names)
    elif isinstance(value, str) and names is None:
        yield value
