"""Validate and unmarshal incoming requests against an OpenAPI document with openapi-core.

The path, the query, the headers and the body are checked; parameters come back
unmarshalled (integers, booleans, arrays, ``date-time`` as aware ``datetime``), bodies as
the JSON (or form) the spec accepted. Security is left to each stand-in, which answers a
missing or wrong credential with the provider's own status and body.

Adaptations of openapi-core, all confined to this module. They subclass the request
validator and its factories, which openapi-core does not document as public API, so
the sandbox pins openapi-core to one exact version (see its ``pyproject.toml``):

* openapi-core's Starlette integration pins Starlette below 1.1, so requests are
  adapted to openapi-core's request protocol here (:class:`_CoreRequest`).
* The stand-in's router has already found the operation (its routes come from the
  spec), so the operation is named by its operationId and no path or server is matched.
* openapi-core rebuilds a JSON-Schema validator for every parameter and body on
  every request, and inspects every declared parameter even when the request
  does not carry it. Validators and deserializers are memoized per schema, and
  absent optional parameters are skipped, which makes validation several times
  faster (see the package README for numbers).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl

import attrs
from jsonschema_path import SchemaPath
from jsonschema_path.readers import PathReader
from openapi_core.casting.schemas.exceptions import CastError
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.datatypes import Parameters, RequestParameters
from openapi_core.deserializing.styles import style_deserializers
from openapi_core.deserializing.styles.deserializers import StyleDeserializer
from openapi_core.deserializing.styles.factories import StyleDeserializersFactory
from openapi_core.exceptions import OpenAPIError
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.unmarshalling.request.unmarshallers import V31RequestUnmarshaller
from openapi_core.unmarshalling.schemas import oas31_types_unmarshaller
from openapi_core.unmarshalling.schemas.datatypes import FormatUnmarshallersDict
from openapi_core.unmarshalling.schemas.factories import SchemaUnmarshallersFactory
from openapi_core.unmarshalling.schemas.unmarshallers import SchemaUnmarshaller
from openapi_core.validation.request.exceptions import (
    MissingParameter,
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    ParametersError,
    ParameterValidationError,
    RequestBodyValidationError,
)
from openapi_core.validation.schemas import oas31_schema_validators_factory
from openapi_core.validation.schemas.datatypes import FormatValidatorsDict
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator
from openapi_core.validation.validators import BaseValidator
from werkzeug.datastructures import Headers, ImmutableMultiDict

__all__ = [
    "OperationNotInSpecError",
    "SpecOperation",
    "SpecValidator",
    "Unmarshalled",
    "ValidationProblem",
]

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
# Styles whose value sits under the parameter's own name in the query/headers,
# so a parameter whose name is absent is certainly absent.
_NAMED_STYLES = frozenset({"form", "simple", "spaceDelimited", "pipeDelimited"})
# Only date-times become Python objects; dates, uuids and bytes stay the strings sent.
_FORMAT_UNMARSHALLERS: FormatUnmarshallersDict = {"date-time": datetime.fromisoformat}


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
    """One operation of a spec: where it lives and what it is called.

    Attributes:
        method: the HTTP method, upper case.
        path: the path template as the spec writes it (``/candidates/{candidate_id}``).
        operation_id: its operationId.
        integer_path_params: path parameters whose schema is an integer.
    """

    method: str
    path: str
    operation_id: str
    integer_path_params: frozenset[str]


@attrs.frozen
class Unmarshalled:
    """A request as the spec reads it.

    Attributes:
        problems: why it does not conform (empty when it does).
        parameters: path and query parameters, unmarshalled (absent optional ones left out).
        body: the body the spec accepted (parsed JSON or form), or None.
    """

    problems: list[ValidationProblem]
    parameters: dict[str, Any]
    body: Any


class OperationNotInSpecError(LookupError):
    """The spec describes no operation of that operationId."""


@attrs.frozen
class _DeclaredParameter:
    spec: SchemaPath
    name: str
    location: str
    required: bool
    skippable_when_absent: bool


class _MemoSchemaValidatorsFactory(SchemaValidatorsFactory):
    """Builds each schema's validator once instead of on every request."""

    def __init__(self, inner: SchemaValidatorsFactory) -> None:
        self._inner = inner
        self._cache: dict[tuple[SchemaPath, bool, bool], SchemaValidator] = {}

    def create(
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: FormatValidatorsDict | None = None,
        extra_format_validators: FormatValidatorsDict | None = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaValidator:
        key = (schema, forbid_unspecified_additional_properties, enforce_properties_required)
        validator = self._cache.get(key)
        if validator is None:
            validator = self._inner.create(spec, schema, None, None, *key[1:])
            self._cache[key] = validator
        return validator


class _MemoSchemaUnmarshallersFactory(SchemaUnmarshallersFactory):
    """Builds each schema's unmarshaller once instead of on every request."""

    def __init__(self, validators: SchemaValidatorsFactory) -> None:
        super().__init__(validators, oas31_types_unmarshaller, _FORMAT_UNMARSHALLERS)
        self._cache: dict[tuple[SchemaPath, bool, bool], SchemaUnmarshaller] = {}

    def create(
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: FormatValidatorsDict | None = None,
        format_unmarshallers: FormatUnmarshallersDict | None = None,
        extra_format_validators: FormatValidatorsDict | None = None,
        extra_format_unmarshallers: FormatUnmarshallersDict | None = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaUnmarshaller:
        key = (schema, forbid_unspecified_additional_properties, enforce_properties_required)
        unmarshaller = self._cache.get(key)
        if unmarshaller is None:
            unmarshaller = super().create(spec, schema, None, None, None, None, *key[1:])
            self._cache[key] = unmarshaller
        return unmarshaller


class _MemoStyleDeserializersFactory(StyleDeserializersFactory):
    """Builds each parameter's deserializer once instead of on every request."""

    def __init__(self, inner: StyleDeserializersFactory) -> None:
        super().__init__(inner.schema_casters_factory, inner.style_deserializers)
        self._inner = inner
        self._cache: dict[tuple[SchemaPath, str, bool, str], StyleDeserializer] = {}

    def create(
        self, spec: SchemaPath, schema: SchemaPath, style: str, explode: bool, name: str
    ) -> StyleDeserializer:
        key = (schema, style, explode, name)
        deserializer = self._cache.get(key)
        if deserializer is None:
            deserializer = self._inner.create(spec, schema, style, explode, name)
            self._cache[key] = deserializer
        return deserializer


class _Unmarshaller(V31RequestUnmarshaller):
    """Skips security and absent optional parameters; bodies are validated, not converted."""

    def _get_security(
        self, parameters: RequestParameters, operation: SchemaPath
    ) -> dict[str, str] | None:
        return None

    def _get_parameters(
        self, parameters: RequestParameters, operation: SchemaPath, path: SchemaPath
    ) -> Parameters:
        errors: list[OpenAPIError] = []
        validated = Parameters()
        for declared in _declared_parameters(operation, path):
            if (
                declared.skippable_when_absent
                and declared.name not in parameters[declared.location]
            ):
                if declared.required:
                    errors.append(MissingRequiredParameter(declared.name, declared.location))
                continue
            try:
                value = self._get_parameter(parameters, declared.spec)
            except MissingParameter:
                continue
            except ParameterValidationError as exc:
                if not self._tolerated(exc):
                    errors.append(exc)
                continue
            getattr(validated, declared.location)[declared.name] = value
        if errors:
            raise ParametersError(errors=errors, parameters=validated)
        return validated

    def _tolerated(self, error: ParameterValidationError) -> bool:
        return False

    def _get_content_and_schema(
        self, raw: Any, content: SchemaPath, mimetype: str | None = None
    ) -> tuple[Any, SchemaPath | None]:
        return BaseValidator._get_content_and_schema(self, raw, content, mimetype)


class _LenientUnmarshaller(_Unmarshaller):
    """For ``validate=False``: a query value of the wrong type is ignored, as a lax
    server would, and the body is read without its schema. Parameters that do have
    the right type still get the spec's checks, since handlers rely on them."""

    def _tolerated(self, error: ParameterValidationError) -> bool:
        return isinstance(error.__cause__, CastError)

    def _get_content_and_schema(
        self, raw: Any, content: SchemaPath, mimetype: str | None = None
    ) -> tuple[Any, SchemaPath | None]:
        return self._get_content_schema_value_and_schema(raw, content, mimetype)


@functools.lru_cache(maxsize=1024)
def _declared_parameters(operation: SchemaPath, path: SchemaPath) -> tuple[_DeclaredParameter, ...]:
    """The parameters of an operation, operation-level ones overriding path-level ones."""
    declared: dict[tuple[str, str], _DeclaredParameter] = {}
    for source in (operation, path):
        if "parameters" not in source:
            continue
        for param in source / "parameters":
            name = (param / "name").read_str()
            location = (param / "in").read_str()
            if (name, location) in declared:
                continue
            schema = param / "schema"
            schema_type = (schema / "type").read_value() if "type" in schema else None
            declared[(name, location)] = _DeclaredParameter(
                spec=param,
                name=name,
                location=location,
                required=(param / "required").read_bool(default=False),
                skippable_when_absent=(
                    location in ("query", "header", "path")
                    and "content" not in param
                    and _style(param, location) in _NAMED_STYLES
                    and schema_type not in ("object", None)
                    and not isinstance(schema_type, list)
                ),
            )
    return tuple(declared.values())


def _style(param: SchemaPath, location: str) -> str:
    """The parameter's serialization style; OpenAPI's default for its location otherwise."""
    if "style" in param:
        return (param / "style").read_str()
    return "form" if location in ("query", "cookie") else "simple"


@attrs.define
class _CoreRequest:
    """A request in the shape openapi-core's ``Request`` protocol expects."""

    method: str
    path: str
    content_type: str
    body: bytes | None
    parameters: RequestParameters
    host_url: str = "http://sandbox.invalid"


class SpecValidator:
    """Validates and unmarshals requests against one OpenAPI 3.1 document.

    Prefer :meth:`for_file`, which loads each file once and shares the validator.
    Thread-safe.

    Args:
        spec: the parsed OpenAPI document.
        base_uri: URI the document's relative ``$ref`` values resolve against.

    Raises:
        ValueError: the document is not OpenAPI 3.1.
    """

    def __init__(self, spec: Mapping[str, Any], *, base_uri: str = "") -> None:
        if not str(spec.get("openapi", "")).startswith("3.1"):
            raise ValueError(f"unsupported OpenAPI version {spec.get('openapi')!r}")
        self.document = spec
        schema_path = SchemaPath.from_dict(
            cast("Any", spec), base_uri=base_uri, resolved_cache_maxsize=512
        )
        validators = _MemoSchemaValidatorsFactory(oas31_schema_validators_factory)
        casters = SchemaCastersFactory(
            validators, _Unmarshaller.schema_casters_factory.types_caster
        )
        options: dict[str, Any] = {
            "schema_validators_factory": validators,
            "schema_casters_factory": casters,
            "schema_unmarshallers_factory": _MemoSchemaUnmarshallersFactory(validators),
            "style_deserializers_factory": _MemoStyleDeserializersFactory(
                StyleDeserializersFactory(casters, style_deserializers=style_deserializers)
            ),
        }
        self._strict = _Unmarshaller(schema_path, **options)
        self._lenient = _LenientUnmarshaller(schema_path, **options)
        self._operations: dict[str, tuple[SpecOperation, SchemaPath, SchemaPath]] = {}
        for path, item in spec.get("paths", {}).items():
            for method in _METHODS:
                if method not in item:
                    continue
                found = _operation(path, method, item, spec)
                path_spec = schema_path / "paths" / path
                self._operations[found.operation_id] = (found, path_spec / method, path_spec)

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
        return [found for found, _, _ in self._operations.values()]

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
        (percent-encoded) query string. ``lenient``: see :class:`_LenientUnmarshaller`.

        Raises:
            OperationNotInSpecError: the spec has no such operation.
        """
        try:
            found, operation, path = self._operations[operation_id]
        except KeyError:
            raise OperationNotInSpecError(operation_id) from None
        header_values = Headers(
            [(name.decode("latin-1"), value.decode("latin-1")) for name, value in headers]
        )
        request = _CoreRequest(
            method=found.method.lower(),
            path=found.path,
            content_type=header_values.get("content-type", "application/json"),
            body=body or None,
            parameters=RequestParameters(
                path=dict(path_params),
                query=ImmutableMultiDict(parse_qsl(query_string, keep_blank_values=True)),
                header=header_values,
            ),
        )
        unmarshaller = self._lenient if lenient else self._strict
        result = unmarshaller._unmarshal(request, operation, path)
        parameters = result.parameters or Parameters()
        return Unmarshalled(
            problems=[problem for error in result.errors for problem in _problems_from(error)],
            parameters={**parameters.path, **parameters.query},
            body=result.body,
        )


def _operation(
    path: str, method: str, item: Mapping[str, Any], document: Mapping[str, Any]
) -> SpecOperation:
    operation = item[method]
    declared = [
        _resolve(param, document)
        for param in (*operation.get("parameters", ()), *item.get("parameters", ()))
    ]
    return SpecOperation(
        method=method.upper(),
        path=path,
        operation_id=operation["operationId"],
        integer_path_params=frozenset(
            param["name"]
            for param in declared
            if param.get("in") == "path"
            and _resolve(param.get("schema", {}), document).get("type") == "integer"
        ),
    )


def _resolve(node: Mapping[str, Any], document: Mapping[str, Any]) -> Mapping[str, Any]:
    """``node``, or what its local ``$ref`` (``#/components/...``) points at."""
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@functools.lru_cache(maxsize=16)
def _load(path: Path, _mtime_ns: int) -> SpecValidator:
    # jsonschema-path's reader: a safe YAML loader that keeps dates as strings.
    document, base_uri = PathReader(path).read()
    return SpecValidator(document, base_uri=base_uri)


def _problems_from(error: Exception) -> Iterator[ValidationProblem]:
    cause = error.__cause__
    if isinstance(error, ParameterValidationError):
        schema_errors = list(cause.schema_errors) if isinstance(cause, InvalidSchemaValue) else []
        if schema_errors:
            for schema_error in schema_errors:
                yield ValidationProblem(error.location, error.name, _message(schema_error))
        else:
            yield ValidationProblem(error.location, error.name, str(cause or error))
    elif isinstance(error, MissingRequiredRequestBody):
        yield ValidationProblem("body", "", "a request body is required")
    elif isinstance(error, RequestBodyValidationError):
        if isinstance(cause, InvalidSchemaValue):
            for schema_error in cause.schema_errors:
                yield ValidationProblem("body", _field(schema_error), _message(schema_error))
        elif isinstance(cause, MediaTypeNotFound):
            yield ValidationProblem("header", "content-type", str(cause))
        else:
            yield ValidationProblem("body", "", str(cause or error))
    else:
        yield ValidationProblem("request", "", str(error))


def _field(error: Exception) -> str:
    """Dotted path of the offending member; for a missing property, the property's path.

    ``error`` is a ``jsonschema.ValidationError``; read by attribute so that no
    jsonschema type stubs are needed.
    """
    parts = [str(part) for part in getattr(error, "absolute_path", ())]
    instance = getattr(error, "instance", None)
    if getattr(error, "validator", None) == "required" and isinstance(instance, dict):
        required = cast("list[str]", getattr(error, "validator_value", []))
        missing = [name for name in required if name not in instance]
        if missing:
            parts.append(missing[0])
    return ".".join(parts)


def _message(error: Exception) -> str:
    return str(getattr(error, "message", error))
