"""Providers and operations of the catalog, and running them.

An operation is a wrapper method plus catalog metadata (id, title); its summary, input
schema and output schema are derived from the method itself, so they cannot drift.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import inspect
import logging
import re
import threading
from collections.abc import AsyncGenerator, Callable, Generator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from pathlib import Path
from typing import Any, Final, get_type_hints

from attrs import define, field
from pydantic import BaseModel, ValidationError

from hirelink.core import InvalidInputError, Secret, forks
from hirelink.core.environment import environment_ignored
from hirelink.core.errors import did_you_mean
from hirelink.core.operations import Declaration, Walker, declarations
from hirelink.core.specs import spec_path

from .docstrings import docstring_of, plain_text, prose
from .files import CONTENT_TAG, STORED_TAG
from .jsonable import mask_fields, to_json
from .schema import (
    NOT_A_DAY,
    InputConversion,
    JsonSchema,
    OutputSchemas,
    given_arguments,
    input_model,
    value_model,
    with_field_docs,
)


class UnknownOperationError(InvalidInputError):
    """No operation has this id; ``suggestions`` lists the closest ids."""

    def __init__(self, operation_id: str, suggestions: list[str]) -> None:
        self.suggestions = suggestions
        hint = (
            f"; did you mean {', '.join(suggestions)}?"
            if suggestions
            else " (hirelink ops list, or Catalog.operations(), lists them)"
        )
        super().__init__("operation", f"no operation {operation_id!r}{hint}")


@define(frozen=True)
class FieldProblem:
    """What is wrong with one input: ``field`` (dotted for a nested one) and why."""

    field: str
    message: str


class InputValidationError(InvalidInputError):
    """Inputs failed the operation's schema; ``problems`` lists every bad field."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        if len(problems) == 1:  # named once: "due_date: a number is not read as a date"
            super().__init__(problems[0].field, problems[0].message)
        else:
            super().__init__("inputs", "; ".join(f"{p.field}: {p.message}" for p in problems))


_PROVIDER_NAME: Final = re.compile(r"[A-Za-z_]{1,32}")

RENAMED_CREDENTIAL_FIELDS: Final = {("personio", "api_base_url"): "base_url"}
"""Credential fields renamed since a release: (provider, old name) to the new name."""


@define(frozen=True)
class CredentialField:
    """One value a provider's credential holds."""

    name: str
    description: str
    secret: bool = False
    required: bool = True


@define(frozen=True)
class Provider:
    """A provider's client classes and how a stored credential builds them."""

    name: str
    title: str
    credential_fields: tuple[CredentialField, ...]
    client_class: type[AbstractContextManager[Any]]
    async_client_class: type[AbstractAsyncContextManager[Any]]
    check_operation: str
    """A cheap authenticated read that proves a credential works."""
    check_inputs: Mapping[str, Any] = field(factory=dict)
    """Inputs of ``check_operation``; a 404 for them still proves the credential."""
    conversions: Mapping[type, InputConversion] = field(factory=dict)
    secret_output_fields: frozenset[str] = frozenset()
    """Keys in results that hold secrets: shown as ``***`` in catalog output."""

    def not_a_field(self, name: str) -> str:
        """Why ``name`` is no credential field of this provider, and what to use instead."""
        renamed = RENAMED_CREDENTIAL_FIELDS.get((self.name, name))
        if renamed:
            return f"not a {self.name} credential field: it was renamed {renamed!r} in hirelink 0.2"
        fields = ", ".join(sorted(f.name for f in self.credential_fields))
        return f"not a {self.name} credential field ({self.name} credentials have {fields})"

    def client_arguments(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Constructor keyword arguments: the credential fields given (each field is named
        after the client's keyword argument). A key that is no field is refused: dropped,
        a misspelt ``base_url`` sent the credential to production. So is a ``provider``
        key naming another provider: ignored, one tenant's mislabelled entry ran."""
        named = values.get("provider") or self.name  # None or "" as for any other key
        if named != self.name:
            # Shown only when it looks like a name (letters alone, as the providers'): a
            # shifted column may hold a secret, and a token can be an identifier too.
            looks_like_a_name = isinstance(named, str) and _PROVIDER_NAME.fullmatch(named)
            shown = f"provider {named!r}" if looks_like_a_name else "another provider"
            raise InvalidInputError(
                "credential.provider",
                f"the credential names {shown}, but {self.name} operations take a"
                f" {self.name} credential",
            )
        unknown = sorted(set(values) - {f.name for f in self.credential_fields} - {"provider"})
        if unknown:
            raise InvalidInputError(f"credential.{unknown[0]}", self.not_a_field(unknown[0]))
        return {f.name: values[f.name] for f in self.credential_fields if values.get(f.name)}

    def client(self, values: Mapping[str, Any]) -> AbstractContextManager[Any]:
        """A client of exactly this credential: a field it lacks is not read from the
        client's environment variables, which may belong to another account."""
        with environment_ignored():
            return self.client_class(**self.client_arguments(values))

    def async_client(self, values: Mapping[str, Any]) -> AbstractAsyncContextManager[Any]:
        """The async twin of :meth:`client`."""
        with environment_ignored():
            return self.async_client_class(**self.client_arguments(values))


def _spec_for_module(module: str) -> Path | None:
    """``hirelink.api.<package>.models...`` -> that package's spec file."""
    parts = module.split(".")
    if parts[:2] != ["hirelink", "api"] or len(parts) < 3:
        return None
    try:
        return spec_path(parts[2].replace("_", "-"))
    except FileNotFoundError as error:
        _spec_missing(str(error))
        return None


@functools.cache
def _spec_missing(problem: str) -> None:
    # Once per spec: the output schemas are then poorer (no descriptions, required fields
    # or sources), as in an application frozen or zipped without the clients' data files.
    logging.getLogger("hirelink.operations").warning(
        "%s: output schemas are read from the Python classes instead (an application"
        " frozen or zipped without the generated clients' spec/ files?)",
        problem,
    )


OUTPUT_SCHEMAS = OutputSchemas(_spec_for_module)


@define(frozen=True)
class Operation:
    """One catalog entry: a wrapper method under a stable id and a workflow title."""

    id: str
    title: str
    provider: Provider
    method: str
    example: Mapping[str, Any] = field(factory=dict)
    iter_method: str | None = None
    """For list operations: the method that walks every page (``--all``)."""
    input_types: Mapping[str, Any] = field(factory=dict)
    """Catalog input types replacing parameter annotations JSON cannot carry."""
    refreshes_credential: str | None = None
    """The credential field the secret this operation issues belongs in (e.g. a new
    partner secret): it is handed to ``on_secret`` and masked in the output."""
    requires: tuple[str, ...] = ()
    """The credential fields the operation always needs (its declaration's ``requires=``).
    Empty does not promise the provider's required fields are enough: an operation that
    takes either of two sets (Personio's submission and uploads: the Recruiting API key or
    the client credentials) lists neither, and refuses before sending when both lack."""

    @property
    def summary(self) -> str:
        """The first paragraph of the method's docstring, on one line, as plain text."""
        doc = docstring_of(_builder(self.provider.client_class, self.method))
        return plain_text(doc.strip().split("\n\n")[0])

    @property
    def description(self) -> str:
        """The method's whole docstring but its ``Args:``, ``Returns:`` and ``Raises:``
        sections, as plain text: the summary, then the rules and caveats (which inputs go
        together, what is inferred), one line per paragraph."""
        return prose(docstring_of(_builder(self.provider.client_class, self.method)))

    @functools.cached_property
    def _input_model(self) -> type[BaseModel]:
        method = _builder(self.provider.client_class, self.method)
        return input_model(
            method, name=self.id, conversions=self.provider.conversions, overrides=self.input_types
        )

    @functools.cached_property
    def _iter_input_model(self) -> type[BaseModel]:
        if self.iter_method is None:
            raise InvalidInputError("all", f"{self.id} is not a list operation")
        method = _builder(self.provider.client_class, self.iter_method)
        return input_model(
            method,
            name=f"{self.id}.all",
            conversions=self.provider.conversions,
            overrides=self.input_types,
        )

    @property
    def input_schema(self) -> JsonSchema:
        """The JSON Schema of the operation's inputs (one page of a list), each field
        described."""
        method = _builder(self.provider.client_class, self.method)
        return with_field_docs(self._input_model.model_json_schema(), method)

    @property
    def all_input_schema(self) -> JsonSchema | None:
        """The inputs of ``--all`` (the walker's: its page size instead of the list's
        paging); None for an operation that is not a list."""
        if self.iter_method is None:
            return None
        method = _builder(self.provider.client_class, self.iter_method)
        return with_field_docs(self._iter_input_model.model_json_schema(), method)

    @property
    def output_schema(self) -> JsonSchema:
        """The JSON Schema of what :func:`invoke` returns."""
        return OUTPUT_SCHEMAS.of(_result_type(self.provider.client_class, self.method))

    @property
    def all_item_schema(self) -> JsonSchema | None:
        """The JSON Schema of each item :func:`invoke_all` yields (``--all``), for list
        operations (None for others): an item, not the page :attr:`output_schema` describes."""
        if self.iter_method is None:
            return None
        return OUTPUT_SCHEMAS.of(_result_type(self.provider.client_class, self.iter_method))

    def arguments(self, inputs: Mapping[str, Any], *, walk: bool = False) -> dict[str, Any]:
        """Validate ``inputs``; every problem is reported at once, before any request."""
        model = self._iter_input_model if walk else self._input_model
        if not isinstance(inputs, Mapping):  # an agent's arguments still as JSON text
            kind = (
                "JSON text: decode it first"
                if isinstance(inputs, str | bytes)
                else (type(inputs).__name__)
            )
            problem = FieldProblem("inputs", f"must be an object of named inputs, got {kind}")
            raise InputValidationError([problem])
        try:
            validated = model.model_validate(dict(inputs))
        except ValidationError as error:
            declared = declarations(self.provider.client_class).get(self.method)
            renamed = None if declared is None else declared.renamed  # a plain method: none
            problems = _problems(error, known=list(model.model_fields), renamed=renamed)
            if walk:
                problems = [self._walk_paging_hint(problem) for problem in problems]
            raise InputValidationError(problems) from None
        return given_arguments(validated, self.provider.conversions)

    def _walk_paging_hint(self, problem: FieldProblem) -> FieldProblem:
        """An input the list takes but a walk does not is its paging: say what to give."""
        walk_fields = self._iter_input_model.model_fields
        if problem.field in walk_fields or problem.field not in self._input_model.model_fields:
            return problem
        instead = "give page_size instead" if "page_size" in walk_fields else "leave it out"
        return FieldProblem(problem.field, f"the walk pages by itself: {instead}")

    def __attrs_post_init__(self) -> None:
        for name in filter(None, (self.method, self.iter_method)):
            # Statically: a declaration read through getattr builds its method (inspecting
            # signatures), which cost a listing of the catalog a fifth of a second.
            found = inspect.getattr_static(self.provider.client_class, name, None)
            if not (callable(found) or isinstance(found, Declaration)):
                raise TypeError(f"{self.id}: {self.provider.client_class} has no method {name}")


def _result_type(client_class: type, name: str) -> Any:
    """What the method ``name`` gives: its result, or for a walker each item."""
    declared = declarations(client_class).get(name)
    if declared is not None:
        return declared.result_type
    return get_type_hints(getattr(client_class, name))["return"]


def _builder(client_class: type, name: str) -> Callable[..., Any]:
    """The function whose parameters (after ``self``) are the operation's inputs."""
    declared = declarations(client_class).get(name)
    return declared.build if declared is not None else getattr(client_class, name)


def declared_operations(
    provider: Provider,
    *,
    refreshes_credential: Mapping[str, str] | None = None,
    input_types: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Operation]:
    """The catalog entries the provider's client class declares (see ``hirelink.core.operation``).

    ``refreshes_credential`` maps an operation that issues a secret to the credential
    field the secret belongs in; ``input_types`` maps an operation to catalog input types
    replacing parameter annotations JSON cannot carry (e.g. a file given as a path).
    """
    refreshes = refreshes_credential or {}
    overrides = input_types or {}
    declared = declarations(provider.client_class)
    walkers = {d.walks.name: name for name, d in declared.items() if isinstance(d, Walker)}
    return [
        Operation(
            id=f"{provider.name}.{name}",
            title=declaration.catalog.title,
            provider=provider,
            method=name,
            example=declaration.catalog.example,
            iter_method=walkers.get(name),
            input_types=overrides.get(name, {}),
            refreshes_credential=refreshes.get(name),
            requires=declaration.requires,
        )
        for name, declaration in declared.items()
        if declaration.catalog is not None
    ]


_FILE_FORMS = frozenset({CONTENT_TAG, STORED_TAG})
_UNION_TAGS = frozenset({"bool", "bytes", "date", "datetime", "float", "int", "str", "time"})


def _problems(
    error: ValidationError, *, known: list[str], renamed: Mapping[str, str] | None = None
) -> list[FieldProblem]:
    """One problem per field; union branches (``sort.literal[...]``) folded into the field.

    An input that is not one is named as given (``candidate-id``), with its new name when
    ``renamed`` (the operation's renames since hirelink 0.1) has one among ``known`` (the
    operation's inputs), else the nearest of them, when it is a top-level one.
    """
    renamed = renamed or {}
    problems: dict[str, str] = {}
    # A date member's "not a day" last: the moment member's reason says more.
    for detail in sorted(error.errors(), key=lambda detail: detail["type"] == NOT_A_DAY):
        location = [str(part) for part in detail["loc"]]
        unknown = location.pop() if detail["type"] == "extra_forbidden" and location else None
        path: list[str] = []
        for part in location:
            if part in _FILE_FORMS:
                continue  # the form a file is given in: the problem is of its member
            if "[" in part or "-" in part or part in _UNION_TAGS:
                break  # pydantic names the union member it tried: not part of the field path
            path.append(part)
        message = detail["msg"].removeprefix("Value error, ")  # pydantic's, for our own checks
        if unknown is not None:
            nested = bool(path)
            path.append(unknown)
            message = f"not a member of {path[0]}" if nested else "not an input of this operation"
            if not nested and renamed.get(unknown) in known:
                message += f": it was renamed {renamed[unknown]!r} in hirelink 0.2"
            elif not nested:
                message += did_you_mean(unknown, known)
        problems.setdefault(".".join(path) or "inputs", message)
    return [FieldProblem(field, message) for field, message in problems.items()]


def read_input(field: str, annotation: Any, value: object) -> Any:
    """``value`` read as an operation's input of type ``annotation`` is (``hirelink run
    --input``), for an option outside the catalog (``hirelink watch --since``), so that
    both read alike: for ``datetime | date``, ``2026-04-01`` is that day and a moment
    written without an offset is UTC.

    Raises:
        InvalidInputError: naming ``field``, with the reason the catalog would give.
    """
    model = value_model(annotation)
    try:
        validated = model.model_validate({"value": value})
    except ValidationError as error:
        (problem, *_) = _problems(error, known=[])
        raise InvalidInputError(field, problem.message) from None
    return given_arguments(validated, {})["value"]


class Catalog:
    """Every registered operation, by id.

    ``modules`` register their operations when imported; they are imported at the first
    question asked of the catalog (or by :meth:`load`), so that an imported catalog is
    never found empty.
    """

    def __init__(self, modules: Sequence[str] = ()) -> None:
        self._operations: dict[str, Operation] = {}
        self._providers: dict[str, Provider] = {}
        self._modules = tuple(modules)
        self._loaded = not self._modules
        self._loading = threading.RLock()  # a module being imported may ask the catalog
        # In a child, a load under way at the fork is made again: `_loaded` is set only
        # once every module is imported.
        forks.new_lock_in_child(self, "_loading", threading.RLock)

    def load(self) -> Catalog:
        """Import the provider modules (each registers its operations once); the catalog."""
        if not self._loaded:
            with self._loading:
                if not self._loaded:
                    for module in self._modules:
                        importlib.import_module(module)
                    self._loaded = True
        return self

    def register(self, *operations: Operation) -> None:
        """Add ``operations`` (a provider module does, when imported); an id registered
        twice is a ValueError."""
        for operation in operations:
            if operation.id in self._operations:
                raise ValueError(f"operation {operation.id} is registered twice")
            self._operations[operation.id] = operation
            self._providers[operation.provider.name] = operation.provider

    def operations(self, provider: str | None = None) -> list[Operation]:
        """Every operation, or ``provider``'s (``"recruitee"``), in registration order."""
        self.load()
        return [o for o in self._operations.values() if provider in (None, o.provider.name)]

    def providers(self) -> list[Provider]:
        """Every provider with an operation in the catalog."""
        self.load()
        return list(self._providers.values())

    def provider(self, name: str) -> Provider:
        """The provider called ``name``; InvalidInputError naming the known ones else."""
        self.load()
        try:
            return self._providers[name]
        except KeyError:
            known = ", ".join(sorted(self._providers))
            raise InvalidInputError("provider", f"unknown provider {name!r} ({known})") from None

    def get(self, operation_id: str) -> Operation:
        """The operation ``operation_id`` (``"recruitee.list_candidates"``);
        UnknownOperationError with the nearest ids else."""
        self.load()
        try:
            return self._operations[operation_id]
        except KeyError:
            close = difflib.get_close_matches(operation_id, self._operations, n=3, cutoff=0.5)
            raise UnknownOperationError(operation_id, close) from None


_PROVIDER_MODULES = (
    "hirelink.operations.providers.recruitee",
    "hirelink.operations.providers.join",
    "hirelink.operations.providers.recruitee_partners",
    "hirelink.operations.providers.personio",
)

CATALOG = Catalog(_PROVIDER_MODULES)
"""Every operation of every provider (their modules are imported at its first use)."""


def load_providers() -> Catalog:
    """Import every provider module (each registers its operations once): :data:`CATALOG`,
    which also does so at its first use."""
    return CATALOG.load()


SecretHandler = Callable[[str, Secret], object]
"""Receives (credential field, secret) when an operation issues a new secret (what it
returns is not used)."""


def _issued_secret(result: Any) -> Secret | None:
    if isinstance(result, Secret):
        return result
    value = getattr(result, "secret", None)
    return Secret(value) if isinstance(value, str) and value else None


def _output(operation: Operation, result: Any, on_secret: SecretHandler | None) -> Any:
    field = operation.refreshes_credential
    stored = False
    if field is not None and on_secret is not None:
        secret = _issued_secret(result)
        if secret is not None:
            on_secret(field, secret)
            stored = True
    if isinstance(result, Secret):  # the result is only the new secret: say what happened
        where = "stored in the credential" if stored else "not stored (no credential to keep it)"
        return f"a new {field or 'secret'} was issued and {where}; it is not shown"
    return mask_fields(to_json(result), operation.provider.secret_output_fields)


def _keeper_of_new_secrets(operation: Operation, on_secret: SecretHandler | None) -> None:
    """Refuse, before anything is sent, to run an operation that issues a secret with
    nothing to keep it: the output masks it, and a regenerated one retires the old, so the
    partner could no longer report."""
    if operation.refreshes_credential is not None and on_secret is None:
        raise InvalidInputError(
            "on_secret",
            f"{operation.id} issues a {operation.refreshes_credential} (a new one retires"
            " the old): pass on_secret=, a function that stores it in the credential; the"
            " output does not show it",
        )


def _spent(arguments: dict[str, Any]) -> dict[str, Any]:
    """``arguments``' items, the dict itself emptied. These functions' frames stay on the
    stack while the call runs, and an error tracker that sends frames' local variables
    (Sentry by default) would send the credential and inputs (a webhook's token) with any
    failure: they hold neither once they are handed over."""
    handed_over = dict(arguments)
    arguments.clear()
    return handed_over


def invoke(
    operation_id: str,
    credential: Mapping[str, Any],
    inputs: Mapping[str, Any],
    *,
    on_secret: SecretHandler | None = None,
) -> Any:
    """Run one operation with a credential's values; returns JSON-ready data.

    Secrets in the result are masked; an operation that issues a secret (a new partner
    secret) hands it to ``on_secret`` together with the credential field it belongs in,
    and is refused without one (``InvalidInputError`` naming ``on_secret``, before
    anything is sent): the output masks it, and a regenerated one retires the old.
    """
    operation = load_providers().get(operation_id)
    arguments = operation.arguments(inputs)
    del inputs  # see _spent
    _keeper_of_new_secrets(operation, on_secret)
    with operation.provider.client(credential) as client:
        del credential
        result = getattr(client, operation.method)(**_spent(arguments))
        return _output(operation, result, on_secret)


async def ainvoke(
    operation_id: str,
    credential: Mapping[str, Any],
    inputs: Mapping[str, Any],
    *,
    on_secret: SecretHandler | None = None,
) -> Any:
    """The async twin of :func:`invoke`."""
    operation = load_providers().get(operation_id)
    arguments = operation.arguments(inputs)
    del inputs  # see _spent
    _keeper_of_new_secrets(operation, on_secret)
    async with operation.provider.async_client(credential) as client:
        del credential
        result = await getattr(client, operation.method)(**_spent(arguments))
        return _output(operation, result, on_secret)


def invoke_all(
    operation_id: str, credential: Mapping[str, Any], inputs: Mapping[str, Any]
) -> Generator[Any, None, None]:
    """Every item of a list operation, page after page, as JSON-ready data."""
    operation = load_providers().get(operation_id)
    arguments = operation.arguments(inputs, walk=True)
    del inputs  # see _spent
    assert operation.iter_method is not None
    with operation.provider.client(credential) as client:
        del credential
        for item in getattr(client, operation.iter_method)(**_spent(arguments)):
            yield mask_fields(to_json(item), operation.provider.secret_output_fields)


async def ainvoke_all(
    operation_id: str, credential: Mapping[str, Any], inputs: Mapping[str, Any]
) -> AsyncGenerator[Any, None]:
    """The async twin of :func:`invoke_all`."""
    operation = load_providers().get(operation_id)
    arguments = operation.arguments(inputs, walk=True)
    del inputs  # see _spent
    assert operation.iter_method is not None
    async with operation.provider.async_client(credential) as client:
        del credential
        async for item in getattr(client, operation.iter_method)(**_spent(arguments)):
            yield mask_fields(to_json(item), operation.provider.secret_output_fields)


__all__ = [
    "CATALOG",
    "Catalog",
    "CredentialField",
    "FieldProblem",
    "InputValidationError",
    "Operation",
    "Provider",
    "SecretHandler",
    "UnknownOperationError",
    "ainvoke",
    "ainvoke_all",
    "declared_operations",
    "invoke",
    "invoke_all",
    "load_providers",
    "read_input",
]
