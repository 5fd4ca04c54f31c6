"""Validate incoming requests against an OpenAPI document with openapi-core.

Only the path, the query and the JSON body are checked. Security is left to
each stand-in, which answers a missing or wrong credential with the provider's
own status and body.

Adaptations of openapi-core, all confined to this module. They subclass the request
validator and its factories, which openapi-core does not document as public API, so
the sandbox pins openapi-core to one exact version (see its ``pyproject.toml``):

* openapi-core's Starlette integration pins Starlette below 1.1, so requests are
  adapted to openapi-core's request protocol here (:class:`_CoreRequest`).
* The sandbox runs on a loopback URL that matches none of the spec's ``servers``;
  operations are found by path alone.
* openapi-core rebuilds a JSON-Schema validator for every parameter and body on
  every request, and inspects every declared parameter even when the request
  does not carry it. Validators and deserializers are memoized per schema, and
  absent optional parameters are skipped, which makes validation several times
  faster (see the package README for numbers).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast
from urllib.parse import parse_qsl

import attrs
from jsonschema_path import SchemaPath
from jsonschema_path.readers import PathReader
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.datatypes import Parameters, RequestParameters
from openapi_core.deserializing.styles import style_deserializers
from openapi_core.deserializing.styles.deserializers import StyleDeserializer
from openapi_core.deserializing.styles.factories import StyleDeserializersFactory
from openapi_core.exceptions import OpenAPIError
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.templating.paths.datatypes import PathOperationServer
from openapi_core.templating.paths.exceptions import PathError
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.templating.paths.iterators import SimpleServersIterator
from openapi_core.validation.request.exceptions import (
    MissingParameter,
    MissingRequiredParameter,
    MissingRequiredRequestBody,
    ParametersError,
    ParameterValidationError,
    RequestBodyValidationError,
)
from openapi_core.validation.request.validators import (
    BaseRequestValidator,
    V30RequestValidator,
    V31RequestValidator,
)
from openapi_core.validation.schemas.datatypes import FormatValidatorsDict
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator
from starlette.requests import Request
from werkzeug.datastructures import Headers, ImmutableMultiDict

__all__ = ["OperationNotInSpecError", "SpecValidator", "ValidationProblem"]

_HOST_URL = "http://sandbox.invalid"
# Styles whose value sits under the parameter's own name in the query/headers,
# so a parameter whose name is absent is certainly absent.
_NAMED_STYLES = frozenset({"form", "simple", "spaceDelimited", "pipeDelimited"})


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


class OperationNotInSpecError(LookupError):
    """The request's method and path match no operation of the spec."""


@attrs.frozen
class _DeclaredParameter:
    spec: SchemaPath
    name: str
    location: str
    required: bool
    skippable_when_absent: bool


class _AnyServerPathFinder(APICallPathFinder):
    servers_iterator = SimpleServersIterator()

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one finder per loaded spec, kept for good
    def find(self, method: str, name: str) -> PathOperationServer:
        return super().find(method, name)


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
        flags = (forbid_unspecified_additional_properties, enforce_properties_required)
        if format_validators is not None or extra_format_validators is not None:
            return self._inner.create(
                spec, schema, format_validators, extra_format_validators, *flags
            )
        key = (schema, *flags)
        validator = self._cache.get(key)
        if validator is None:
            validator = self._inner.create(spec, schema, None, None, *flags)
            self._cache[key] = validator
        return validator


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


class _SandboxValidatorMixin(BaseRequestValidator):
    """Skips security and absent optional parameters."""

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
                errors.append(exc)
                continue
            getattr(validated, declared.location)[declared.name] = value
        if errors:
            raise ParametersError(errors=errors, parameters=validated)
        return validated


class _V31Validator(_SandboxValidatorMixin, V31RequestValidator):
    path_finder_cls = _AnyServerPathFinder


class _V30Validator(_SandboxValidatorMixin, V30RequestValidator):
    path_finder_cls = _AnyServerPathFinder


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
    host_url: str = _HOST_URL


class SpecValidator:
    """Validates requests against one OpenAPI 3.0/3.1 document.

    Prefer :meth:`for_file`, which loads each file once and shares the validator.
    Validating is thread-safe.

    Args:
        spec: the parsed OpenAPI document.
        base_uri: URI the document's relative ``$ref`` values resolve against.

    Raises:
        ValueError: the document is not OpenAPI 3.0 or 3.1.
    """

    def __init__(self, spec: Mapping[str, Any], *, base_uri: str = "") -> None:
        version = str(spec.get("openapi", ""))
        if not version.startswith(("3.0", "3.1")):
            raise ValueError(f"unsupported OpenAPI version {version!r}")
        validator_cls = _V31Validator if version.startswith("3.1") else _V30Validator
        schema_path = SchemaPath.from_dict(
            cast("Any", spec), base_uri=base_uri, resolved_cache_maxsize=512
        )
        schema_validators = _MemoSchemaValidatorsFactory(validator_cls.schema_validators_factory)
        schema_casters = SchemaCastersFactory(
            schema_validators, validator_cls.schema_casters_factory.types_caster
        )
        self._validator = validator_cls(
            schema_path,
            schema_validators_factory=schema_validators,
            schema_casters_factory=schema_casters,
            style_deserializers_factory=_MemoStyleDeserializersFactory(
                StyleDeserializersFactory(schema_casters, style_deserializers=style_deserializers)
            ),
        )

    @classmethod
    def for_file(cls, path: Path) -> SpecValidator:
        """The validator for the document at ``path``, loaded once per file version."""
        resolved = path.resolve()
        return _load(resolved, resolved.stat().st_mtime_ns)

    def validate(self, request: Request, body: bytes | None = None) -> list[ValidationProblem]:
        """Validate a Starlette request; return its problems (empty when it conforms).

        Args:
            request: the request; its body must have been read (``await request.body()``)
                unless ``body`` is given.
            body: the raw body, if the caller holds it.

        Raises:
            OperationNotInSpecError: the spec describes no such operation.
        """
        if body is None:
            body = cast("bytes", getattr(request, "_body", b""))
        return self.validate_parts(
            method=request.method,
            path=request.url.path,
            query_string=request.url.query,
            headers=request.headers.raw,
            body=body,
        )

    def validate_parts(
        self,
        *,
        method: str,
        path: str,
        query_string: str = "",
        headers: Iterable[tuple[bytes, bytes]] = (),
        body: bytes | None = None,
    ) -> list[ValidationProblem]:
        """Validate a request given by its parts (see :meth:`validate`).

        ``query_string`` is the raw (percent-encoded) query string.
        """
        header_values = Headers(
            [(name.decode("latin-1"), value.decode("latin-1")) for name, value in headers]
        )
        core_request = _CoreRequest(
            method=method.lower(),
            path=path,
            content_type=header_values.get("content-type", "application/json"),
            body=body or None,
            parameters=RequestParameters(
                query=ImmutableMultiDict(parse_qsl(query_string, keep_blank_values=True)),
                header=header_values,
            ),
        )
        problems: list[ValidationProblem] = []
        for error in self._validator.iter_errors(core_request):
            if isinstance(error, PathError):
                raise OperationNotInSpecError(f"{method.upper()} {path}: {error}") from error
            problems.extend(_problems_from(error))
        return problems


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
