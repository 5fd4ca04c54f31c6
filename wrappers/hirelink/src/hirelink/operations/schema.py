"""Input and output schemas of catalog operations, derived, never written by hand.

- Inputs: the wrapper method's signature (including ``**kwargs: Unpack[SomeTypedDict]``)
  becomes a pydantic model. It validates a JSON-like dict, reporting every bad field at
  once, and produces the JSON Schema shown by ``hirelink ops describe``.
- Outputs: a generated model's schema is the spec component it was generated from (what
  ``to_dict()`` produces is the provider's wire format, which the spec describes); other
  attrs classes (e.g. parsed XML) are described from their fields.
"""

from __future__ import annotations

import ast
import builtins
import collections.abc
import datetime as dt
import decimal
import enum
import functools
import inspect
import itertools
import json
import keyword
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin, get_type_hints

import attrs
import typing_extensions
import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, create_model
from pydantic_core import PydanticCustomError

from hirelink.core import Secret
from hirelink.core.validation import naive, no_time_zone, written_as_a_number

from .docstrings import docstring_of, parameter_docs

JsonSchema = dict[str, Any]

_SEQUENCE_ORIGINS = {
    list,
    tuple,
    collections.abc.Iterable,
    collections.abc.Sequence,
    collections.abc.Iterator,
    collections.abc.AsyncIterator,
    collections.abc.Generator,
    collections.abc.AsyncGenerator,
}


class InputConversion(typing.NamedTuple):
    """How a non-JSON parameter type (e.g. a document) travels in catalog inputs."""

    json_type: Any
    """The pydantic-friendly type that appears in the inputs (e.g. a FileInput model)."""
    to_python: Callable[[Any], Any]
    """Turns a validated ``json_type`` value into what the wrapper expects."""


# Strict, as the Python API is: pydantic's lax mode read "7730011" and 7730011.0 as an id,
# "no" and 0 as false, and true as 1.
_STRICT: dict[Any, Any] = {kind: Annotated[kind, Strict()] for kind in (int, float, bool)}


def _exactly(values: tuple[Any, ...]) -> Callable[[Any], Any]:
    """A validator refusing a value of another type than ``values``' (a literal matches
    by equality: 1 was ``True``)."""
    kinds = {type(value) for value in values}

    def check(value: Any) -> Any:
        if type(value) in kinds or (isinstance(value, str) and str in kinds):
            return value
        raise ValueError(f"must be one of {', '.join(json.dumps(v) for v in values)}")

    return check


_MOMENTS = (dt.datetime, dt.date)


def _as_input_type(annotation: Any, conversions: Mapping[type, InputConversion]) -> Any:
    """Rewrite an annotation into one pydantic validates from JSON (iterables -> lists;
    mappings' values too; numbers, booleans and literals strict: of their own JSON type
    only; dates refusing numbers)."""
    if annotation in _STRICT:
        return _STRICT[annotation]
    if annotation is dt.datetime:
        return Annotated[annotation, BeforeValidator(_written_as_a_zoned_moment)]
    if annotation in _MOMENTS:
        return Annotated[annotation, BeforeValidator(_written_as_a_moment)]
    if isinstance(annotation, type) and annotation in conversions:
        return conversions[annotation].json_type
    if typing.is_typeddict(annotation):
        return _portable_typed_dict(annotation, conversions)
    origin = get_origin(annotation)
    if origin is Literal:
        return Annotated[annotation, BeforeValidator(_exactly(get_args(annotation)))]
    if origin in _SEQUENCE_ORIGINS:
        (item,) = get_args(annotation)[:1] or (Any,)
        return list[_as_input_type(item, conversions)]  # type: ignore[misc]
    if origin in (dict, collections.abc.Mapping):
        key, value = get_args(annotation) or (str, Any)
        return dict[key, _as_input_type(value, conversions)]  # type: ignore[misc, valid-type]
    if origin in (Union, types.UnionType):
        args = get_args(annotation)
        if str in args and any(a in _MOMENTS for a in args):
            # _text_last orders the members itself, moments (raw) first.
            return _text_last(
                tuple(a if a in _MOMENTS else _as_input_type(a, conversions) for a in args)
            )
        if dt.date in args and dt.datetime in args:
            # "2026-04-01" is that day, not its midnight: a day first, then a datetime
            # (pydantic's smart mode made it a datetime, so a day could not be sent). Only
            # a day written as one: pydantic's date also takes a midnight with an offset.
            day = Annotated[dt.date, BeforeValidator(_only_a_day)]
            rest = tuple(_as_input_type(a, conversions) for a in args if a is not dt.date)
            return Annotated[Union[(day, *rest)], Field(union_mode="left_to_right")]
        members = tuple(_as_input_type(a, conversions) for a in args)
        return functools.reduce(lambda a, b: a | b, members)
    return annotation


def _refusing_numbers(message: str) -> Callable[[Any], Any]:
    """A validator refusing a number, or text of one, that pydantic would read as a Unix
    time ("0" would be 1970-01-01)."""

    def refuse(value: Any) -> Any:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if written_as_a_number(value):
            raise ValueError(message)
        return value

    return refuse


_written_as_a_moment = _refusing_numbers(
    "a number is not read as a date: write the date as text, such as 2026-01-15 or "
    "2026-01-15T09:00:00Z"
)
_not_a_moment_in_text = _refusing_numbers(
    "a number is not text or a date here: give it as a string"
)


def _with_a_time_zone(refuse_numbers: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A validator refusing a ``datetime`` object without a time zone, as the Python API
    does (``datetime.now()`` is the host's local time: taken as UTC, hours off). Text
    without an offset is another matter: it reads as UTC, as on the command line."""

    def zoned(value: Any) -> Any:
        value = refuse_numbers(value)
        if isinstance(value, dt.datetime) and naive(value):
            raise ValueError(no_time_zone(value))
        return value

    return zoned


_written_as_a_zoned_moment = _with_a_time_zone(_written_as_a_moment)
_zoned_moment_in_text = _with_a_time_zone(_not_a_moment_in_text)

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
NOT_A_DAY: Final = "not_a_day"
"""The error type of a date member given more than a day: reported only when nothing else
is wrong with the field (the moment member says what)."""


def _a_day(refuse_numbers: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A validator taking only a date written as a day (``2026-04-01``), or a ``date``:
    pydantic's date also takes a midnight, with its offset dropped."""

    def only_a_day(value: Any) -> Any:
        value = refuse_numbers(value)
        if isinstance(value, dt.datetime) or (isinstance(value, str) and not _DAY.fullmatch(value)):
            raise PydanticCustomError(
                NOT_A_DAY, "write a day as 2026-01-15, or a moment as 2026-01-15T09:00:00Z"
            )
        return value

    return only_a_day


_only_a_day = _a_day(_written_as_a_moment)
_only_a_day_in_text = _a_day(_not_a_moment_in_text)


def _text_last(members: tuple[Any, ...]) -> Any:
    """A union of text and a date, tried in order: JSON has no dates, so a string that
    reads as one is one (pydantic's smart mode took every string as text); booleans only
    as JSON booleans; text last."""
    moments = [
        Annotated[dt.date, BeforeValidator(_only_a_day_in_text)]
        if m is dt.date
        else Annotated[m, BeforeValidator(_zoned_moment_in_text)]
        for m in members
        if m in (dt.datetime, dt.date)
    ]
    others = [
        Annotated[bool, Strict()] if m is bool else m
        for m in members
        if m not in (dt.datetime, dt.date, str, type(None))
    ]
    ordered = (*moments, *others, str) + ((type(None),) if type(None) in members else ())
    return Annotated[Union[ordered], Field(union_mode="left_to_right")]  # noqa: UP007 - of a tuple built at run time


_REQUIRED = {typing.Required, typing_extensions.Required}
_NOT_REQUIRED = {typing.NotRequired, typing_extensions.NotRequired}
_REQUIRED_MARKERS = _REQUIRED | _NOT_REQUIRED


def _portable_typed_dict(typed_dict: Any, conversions: Mapping[type, InputConversion]) -> Any:
    """The same TypedDict as a ``typing_extensions`` one, which pydantic needs before 3.12."""
    fields = {}
    for name, hinted in get_type_hints(typed_dict, include_extras=True).items():
        # Read Required/NotRequired from the evaluated hints: with postponed annotations,
        # Python 3.11 computes __required_keys__ without seeing them.
        marker = get_origin(hinted)
        inner = get_args(hinted)[0] if marker in _REQUIRED_MARKERS else hinted
        is_required = marker in _REQUIRED or (
            marker not in _NOT_REQUIRED and bool(typed_dict.__total__)
        )
        converted = _as_input_type(inner, conversions)
        fields[name] = typing_extensions.Required[converted] if is_required else converted
    return typing_extensions.TypedDict(typed_dict.__name__, fields, total=False)  # type: ignore[operator]


def _unpacked_fields(annotation: Any) -> dict[str, Any]:
    """The fields of ``Unpack[SomeTypedDict]``."""
    (typed_dict,) = get_args(annotation)
    return get_type_hints(typed_dict)


@functools.cache
def _module_tree(module: str) -> ast.Module | None:
    """A module's source, parsed once (each class's own source would parse it again)."""
    try:
        return ast.parse(inspect.getsource(sys.modules[module]))
    except (KeyError, OSError, TypeError, SyntaxError):  # no source in this install
        return None


def _class_definition(cls: type) -> ast.ClassDef | None:
    tree = _module_tree(cls.__module__)
    scope: list[ast.stmt] = tree.body if tree is not None else []
    found: ast.ClassDef | None = None
    for name in cls.__qualname__.split("."):
        found = next((n for n in scope if isinstance(n, ast.ClassDef) and n.name == name), None)
        if found is None:
            return None
        scope = found.body
    return found


def _resolved(node: ast.expr, module: str) -> Any:
    """The object a base-class expression (``Name`` or ``a.b.Name``) names in ``module``."""
    if isinstance(node, ast.Name):
        return getattr(sys.modules.get(module), node.id, None)
    if isinstance(node, ast.Attribute):
        return getattr(_resolved(node.value, module), node.attr, None)
    return None


@functools.cache
def field_docs(typed_dict: type) -> dict[str, str]:
    """The docstrings written under a TypedDict's fields, its bases' included, each on
    one line (none where the source cannot be read)."""
    definition = _class_definition(typed_dict)
    if definition is None:
        return {}
    docs: dict[str, str] = {}
    for base in definition.bases:  # a TypedDict keeps no bases of its own before 3.12
        found = _resolved(base, typed_dict.__module__)
        if typing.is_typeddict(found):
            docs.update(field_docs(found))
    for field, after in itertools.pairwise(definition.body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = " ".join(after.value.value.split()).replace("``", "`")
    return docs


def with_field_docs(schema: JsonSchema, method: Callable[..., Any]) -> JsonSchema:
    """``schema`` (of ``method``'s inputs) with each ``**fields`` table field described by
    its docstring, and each named parameter by its entry under ``Args:`` in ``method``'s
    docstring (read from its source under ``python -OO``); a description already there
    is kept. Only what is shown, so that validating inputs never reads sources."""
    hints = get_type_hints(method)
    properties = schema.get("properties", {})
    for parameter in inspect.signature(method).parameters.values():
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            (typed_dict,) = get_args(hints[parameter.name])
            for field, doc in field_docs(typed_dict).items():
                if field in properties:
                    properties[field].setdefault("description", doc)
    for name, doc in parameter_docs(docstring_of(method)).items():
        if name in properties:
            properties[name].setdefault("description", doc)
    return schema


def input_model(
    method: Callable[..., Any],
    *,
    name: str,
    conversions: Mapping[type, InputConversion],
    overrides: Mapping[str, Any] | None = None,
) -> type[BaseModel]:
    """A pydantic model of ``method``'s parameters (after ``self``).

    ``overrides`` replaces a parameter's annotation where the wrapper accepts something
    JSON cannot carry (a path or a file object): e.g. ``{"file": files.Base64Content}``;
    for a named parameter, an ``(annotation, default)`` pair replaces its default too
    (``(str, ...)``: required).
    """
    overrides = overrides or {}
    hints = get_type_hints(method)
    fields: dict[str, Any] = {}
    for parameter in list(inspect.signature(method).parameters.values())[1:]:
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            for field, annotation in _unpacked_fields(hints[parameter.name]).items():
                chosen = overrides.get(field, _as_input_type(annotation, conversions))
                fields[field] = (chosen | None, None)
            continue
        override = overrides.get(parameter.name)
        if isinstance(override, tuple):
            fields[parameter.name] = override
            continue
        annotation = override or _as_input_type(hints[parameter.name], conversions)
        default = ... if parameter.default is inspect.Parameter.empty else parameter.default
        fields[parameter.name] = (annotation, default)
    config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    model: type[BaseModel] = create_model(name, __config__=config, **fields)
    return model


def _members(conversion: InputConversion) -> list[Any]:
    """The models a conversion's JSON type may validate into: itself, or the members of a
    (tagged) union such as a file given by content or as one the provider holds."""
    json_type = conversion.json_type
    if typing.get_origin(json_type) is Annotated:
        json_type = typing.get_args(json_type)[0]
    members = typing.get_args(json_type) or (json_type,)
    return [
        typing.get_args(member)[0] if typing.get_origin(member) is Annotated else member
        for member in members
    ]


@functools.cache
def value_model(annotation: Any) -> type[BaseModel]:
    """A model of one input, ``value``, of type ``annotation``, read as an operation's
    input of that type is: for an option outside the catalog (``hirelink watch
    --since``), so that both read alike."""
    config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    field = (_as_input_type(annotation, {}), ...)
    model: type[BaseModel] = create_model("Value", __config__=config, value=field)
    return model


def given_arguments(
    validated: BaseModel, conversions: Mapping[type, InputConversion]
) -> dict[str, Any]:
    """Keyword arguments for the wrapper: only the fields the caller gave. A moment
    written without an offset is UTC (a ``datetime`` object without one was refused when
    validated, as the Python API refuses it)."""
    by_json_type = {member: c.to_python for c in conversions.values() for member in _members(c)}

    def convert(value: Any) -> Any:
        if isinstance(value, list):
            return [convert(item) for item in value]
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)  # text without an offset is UTC here
        to_python = by_json_type.get(type(value))
        return to_python(value) if to_python else value

    return {field: convert(getattr(validated, field)) for field in validated.model_fields_set}


# --- outputs -------------------------------------------------------------------------


# libyaml's safe loader (in PyYAML's wheels) reads a spec about ten times as fast.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # not a SafeLoader subclass


@functools.cache
def _spec_components(spec_file: Path) -> dict[str, Any]:
    document = yaml.load(spec_file.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506
    components: dict[str, Any] = document.get("components", {}).get("schemas", {})
    return components


def _rewrite_refs(node: Any, used: set[str]) -> Any:
    if isinstance(node, dict):
        rewritten = {key: _rewrite_refs(value, used) for key, value in node.items()}
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/components/schemas/"):
            component = reference.rsplit("/", 1)[-1]
            used.add(component)
            rewritten["$ref"] = f"#/$defs/{component}"
        return rewritten
    if isinstance(node, list):
        return [_rewrite_refs(item, used) for item in node]
    return node


def spec_component_schema(spec_file: Path, component: str) -> JsonSchema | None:
    """``#/components/schemas/<component>`` as a standalone schema with ``$defs``."""
    components = _spec_components(spec_file)
    if component not in components:
        return None
    definitions: dict[str, Any] = {}
    pending, done = {component}, set[str]()
    while pending:
        name = pending.pop()
        done.add(name)
        used: set[str] = set()
        definitions[name] = _rewrite_refs(components[name], used)
        pending |= used - done
    root = dict(definitions.pop(component))
    if definitions:
        root["$defs"] = definitions
    return root


def _wire_name(attribute: str) -> str:
    stripped = attribute.removesuffix("_")
    if attribute.endswith("_") and (keyword.iskeyword(stripped) or hasattr(builtins, stripped)):
        return stripped
    return attribute


def _hoist_definitions(node: Any, definitions: dict[str, Any]) -> Any:
    """Move nested ``$defs`` into ``definitions`` (refs all point at ``#/$defs/...``)."""
    if isinstance(node, dict):
        definitions.update(
            {k: _hoist_definitions(v, definitions) for k, v in node.get("$defs", {}).items()}
        )
        return {k: _hoist_definitions(v, definitions) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_hoist_definitions(item, definitions) for item in node]
    return node


class OutputSchemas:
    """Builds output schemas; ``spec_for_module`` maps a models module to its spec file."""

    def __init__(self, spec_for_module: Callable[[str], Path | None]) -> None:
        self._spec_for_module = spec_for_module

    def of(self, annotation: Any) -> JsonSchema:
        """The JSON Schema of values of ``annotation``, with every ``$defs`` at the root."""
        definitions: dict[str, Any] = {}
        schema: JsonSchema = _hoist_definitions(self._of(annotation), definitions)
        if definitions:
            schema["$defs"] = definitions
        return schema

    def _of(self, annotation: Any) -> JsonSchema:
        origin = get_origin(annotation)
        if annotation in (Any, object) or annotation is None:
            return {}
        if annotation is type(None):
            return {"type": "null"}
        if origin in (Union, types.UnionType):
            members = [
                self._of(a) for a in get_args(annotation) if getattr(a, "__name__", "") != "Unset"
            ]
            return members[0] if len(members) == 1 else {"anyOf": members}
        if origin in _SEQUENCE_ORIGINS:
            args = get_args(annotation)
            return {"type": "array", "items": self._of(args[0] if args else Any)}
        if origin in (dict, collections.abc.Mapping):
            args = get_args(annotation)
            return {"type": "object", "additionalProperties": self._of(args[1]) if args else {}}
        if origin is Literal:
            return {"enum": list(get_args(annotation))}
        if isinstance(annotation, type):
            return self._of_class(annotation)
        return {}

    def _of_class(self, cls: type) -> JsonSchema:
        if issubclass(cls, Secret):
            return {
                "type": "string",
                "description": "A secret: never shown (masked, or what became of it).",
            }
        if issubclass(cls, enum.Enum):
            return {"type": "string", "enum": [member.value for member in cls]}
        simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
        for python_type, json_type in simple.items():
            if issubclass(cls, python_type):
                return {"type": json_type}
        if issubclass(cls, decimal.Decimal):
            return {"type": "string", "format": "decimal"}
        if issubclass(cls, dt.datetime):
            return {"type": "string", "format": "date-time"}
        if issubclass(cls, dt.date):
            return {"type": "string", "format": "date"}
        spec_file = self._spec_for_module(cls.__module__)
        if spec_file is not None:
            from_spec = spec_component_schema(spec_file, cls.__name__)
            if from_spec is not None:
                return from_spec
        if attrs.has(cls):
            return self._of_attrs(cls)
        return {}

    def _of_attrs(self, cls: type) -> JsonSchema:
        hints = get_type_hints(cls)
        properties = {
            _wire_name(f.name): self._of(hints.get(f.name, Any))
            for f in attrs.fields(cls)
            if f.name != "additional_properties"
        }
        return {"type": "object", "title": cls.__name__, "properties": properties}
