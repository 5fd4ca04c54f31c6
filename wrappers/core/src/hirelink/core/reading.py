"""Tolerant reading of what providers answer: the one place the reading rules live.

Specs are written from partial public facts, so a real answer may differ from them. A
:class:`~hirelink.core.Call` parses every 2xx answer strictly first (the generated
models); only when that fails does it come here, and :func:`read_tolerantly` tries, in
order:

1. the record unwrapped from its envelope, where the operation names an envelope
   that the fact sheets leave open (``{"report": {...}}`` for a bare ``{...}``);
2. the same bodies with every ``null`` removed from objects: a ``null`` where the spec
   types a value is read as "absent" (``UNSET``), not as an error.

When none of them reads and the request was a write (POST, PUT, PATCH, DELETE), the
provider has already carried it out, and telling the caller it failed would invite a
duplicate. The call then returns its *fallback* (see :func:`skeleton`: the declared
model with the raw JSON in ``additional_properties``; for a list, the items that read)
and logs one warning on ``hirelink.reading`` naming the operation and the drift, never
the body. A read raises :class:`~hirelink.core.MalformedResponseError` instead.
"""

from __future__ import annotations

import copy
import importlib
import json
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final, TypeVar, cast, get_type_hints

import attrs
import httpx

from .decoding import JsonResponse, loads
from .errors import (
    BODY_LOST,
    REPEATABLE,
    HirelinkError,
    MalformedResponseError,
    without_frames,
)
from .redaction import one_line
from .secrets import scrub
from .transport import DELETED_ALREADY

__all__ = [
    "PARSE_ERRORS",
    "WRITE_METHODS",
    "read_tolerantly",
    "reading_logger",
    "skeleton",
    "unread_writes",
    "without_nulls",
]

T = TypeVar("T")
Model = TypeVar("Model")

reading_logger = logging.getLogger("hirelink.reading")
"""The ``hirelink.reading`` logger: warnings about answers read tolerantly (a member
missing, of another type, or an envelope absent)."""

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
"""The HTTP methods that change something at the provider (a lost answer may mean it was
done)."""

PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError)
"""What generated parsing raises for a body of the wrong shape: a JSON decode error is a
ValueError, a missing required key a KeyError, a wrong type a TypeError or AttributeError."""

_EXCERPT = 120


_unread_writes: ContextVar[list[str] | None] = ContextVar("hirelink_unread_writes", default=None)


@contextmanager
def unread_writes() -> Iterator[list[str]]:
    """The operations, in this ``with`` block, whose write was carried out but whose answer
    could not be read (each returned what could be read, and logged a warning). Only a
    POST counts: it made something whose id is now unknown, and made twice if sent again;
    an update or a delete acted on the id it was given, and does the same if repeated.

    A program that must not take such a result for a full one (the ``hirelink`` command,
    which exits 6 instead of printing a record without its id) checks the list after the
    calls. It collects what runs in this context: the calls of sync clients in this thread,
    and of async ones in this task."""
    noted: list[str] = []
    token = _unread_writes.set(noted)
    try:
        yield noted
    finally:
        _unread_writes.reset(token)


def without_nulls(value: Any) -> Any:
    """``value`` with every ``null`` member of every object removed, recursively."""
    if isinstance(value, dict):
        return {key: without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value


def skeleton(model: type[Model], raw: object) -> Model:
    """An instance of generated ``model`` read from nothing: its fields ``UNSET``.

    The raw JSON is kept in ``additional_properties`` (an object's members as they came;
    anything else under the key ``"body"``; nothing for ``None``, an answer of which
    nothing could be read). A *required* field typed as another model
    gets that model's skeleton (built from the member of that name when it is an object),
    so the instance keeps its type's promises: ``envelope.candidate`` is a ``Candidate``,
    never ``UNSET``.

    Every other required field breaks them: ``Candidate.id`` is typed ``int`` and holds
    ``UNSET`` here, so neither mypy nor pyright asks its reader to check it, and
    ``created.id + 1`` raises ``TypeError``. A caller gets a skeleton from a 2xx write
    whose answer did not read (its body lost, or not as the spec says), from a DELETE
    resent and answered 404, and from a read whose inferred envelope lacks its member
    (``member_of``; none of those models has a required field). Before trusting a
    required field of a write's result, check it: ``isinstance(result.id, Unset)``
    (both type checkers accept it on a field typed ``int``), or, for a POST, whether
    :func:`unread_writes` listed the operation (it lists neither other writes nor the
    DELETE answered 404).
    """
    unset = _unset_of(model)
    nested = _required_models(model)
    state: dict[str, object] = {}
    for field in attrs.fields(cast(type[attrs.AttrsInstance], model)):
        value: object = unset
        if field.name in nested:
            member = raw.get(field.name) if isinstance(raw, dict) else None
            value = skeleton(nested[field.name], member if isinstance(member, dict) else raw)
        elif field.name == "additional_properties":
            value = dict(raw) if isinstance(raw, dict) else {} if raw is None else {"body": raw}
        state[field.name] = value
    return cast(Model, _restored_skeleton(cast(type[Any], model), state, raw))


_SKELETON_CLASSES: dict[type[Any], type[Any]] = {}


def _restored_skeleton(model: type[Any], state: dict[str, Any], raw: object) -> Any:
    """A skeleton of ``model`` with the fields ``state`` and the answer ``raw``: made,
    unpickled or copied."""
    instance = object.__new__(_skeleton_class(model))
    for name, value in state.items():
        object.__setattr__(instance, name, value)
    object.__setattr__(instance, "_hirelink_raw", raw)
    return instance


def _skeleton_class(model: type[Any]) -> type[Any]:
    """``model`` whose ``to_dict()`` gives the answer as it came, and which pickles and
    copies as it is now. The generated ``to_dict()`` wrote the ``UNSET`` of its required
    fields (``json.dumps`` refused it, after the write had been carried out: a job
    system's retry then made it twice) or failed on them (a date's ``isoformat``). An
    instance of ``model`` for ``isinstance``, with the model's ``repr``; ``==`` only to
    another skeleton of it."""
    made = _SKELETON_CLASSES.get(model)
    if made is not None:
        return made

    def to_dict(self: Any) -> dict[str, Any]:
        raw = getattr(self, "_hirelink_raw", None)  # None in a copy made by attrs.evolve
        return copy.deepcopy(raw) if isinstance(raw, dict) else dict(self.additional_properties)

    def reduce(self: Any) -> tuple[Any, ...]:
        # Its state as it is now (a wrapper moved a secret out of additional_properties;
        # the caller assigned a field), not rebuilt from the answer.
        state = {field.name: getattr(self, field.name) for field in attrs.fields(model)}
        return _restored_skeleton, (model, state, getattr(self, "_hirelink_raw", None))

    namespace = {"to_dict": to_dict, "__reduce__": reduce, "__module__": model.__module__}
    made = type(model.__name__, (model,), namespace)
    made.__qualname__ = model.__qualname__
    return _SKELETON_CLASSES.setdefault(model, made)  # one class per model, across threads


def _required_models(model: type[Any]) -> dict[str, type[Any]]:
    """The required fields of ``model`` typed as exactly one generated model."""
    try:
        hints = get_type_hints(model)
    except (NameError, TypeError):
        return {}
    return {
        field.name: hints[field.name]
        for field in attrs.fields(model)
        if field.default is attrs.NOTHING
        and isinstance(hints.get(field.name), type)
        and attrs.has(hints[field.name])
    }


def _unset_of(model: type[Any]) -> object:
    # Each generated package has its own Unset type, in its `types` module: many model
    # modules import none (an upload's answer then held None, which to_dict wrote "None").
    package = model.__module__.partition(".models")[0]
    try:
        return importlib.import_module(f"{package}.types").UNSET
    except (ModuleNotFoundError, AttributeError):  # not a generated model
        return None


def _json(response: httpx.Response) -> Any:
    return loads(response.content)


def _tolerant_bodies(body: Any, envelope: str | None) -> Iterator[Any]:
    bodies = [body]
    if envelope and isinstance(body, dict) and isinstance(body.get(envelope), dict | list):
        bodies.insert(0, body[envelope])
        yield body[envelope]
    for candidate in bodies:
        relaxed = without_nulls(candidate)
        if relaxed != candidate:
            yield relaxed


# A member whose name says it holds a credential, in a body that is not JSON (cut off): an
# answer that issues a secret is quoted before hirelink could register the secret.
_CREDENTIAL_WORDS: Final = "secret|token|password"
"""What the name of a member holding a credential contains."""
_CREDENTIAL_MEMBER: Final = re.compile(
    rf'("[^"]*(?:{_CREDENTIAL_WORDS})[^"]*"\s*:\s*")(?:[^"\\]|\\.)*', re.IGNORECASE
)


def _excerpt(response: httpx.Response) -> str:
    # Masked before it is cut, so that a secret across the cut is found whole.
    text = response.content[: _EXCERPT * 32].decode("utf-8", "replace")
    masked = _CREDENTIAL_MEMBER.sub(r"\1***", scrub(text))
    return masked[:_EXCERPT] + ("..." if len(masked) > _EXCERPT else "")


def _unreadable(response: httpx.Response, decoding_error: ValueError | None) -> str:
    """What the error says of a body that is not JSON.

    Text (a proxy's page, a plain-text refusal) is quoted: it says what answered. A body
    that starts as JSON is a record cut or garbled on the way, and a record holds an
    applicant's name, addresses and letters: only its size and where it broke are said.
    """
    if not response.content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return repr(_excerpt(response))
    where = ""
    if isinstance(decoding_error, json.JSONDecodeError):
        where = f" ({decoding_error.msg} at character {decoding_error.pos})"
    return f"{len(response.content)} bytes that start as JSON and do not parse{where}, not shown"


def read_tolerantly(
    *,
    operation: str,
    response: httpx.Response,
    parse: Callable[[httpx.Response], T],
    strict_error: Exception,
    envelope: str | None = None,
    fallback: Callable[[object], T] | None = None,
    quote: bool = True,
    callers_error: BaseException | None = None,
) -> T:
    """Read ``response`` after strict parsing failed with ``strict_error``.

    ``parse`` is the strict reading of a response (generated parsing, then the call's
    expectation); ``fallback`` builds the result of a write whose answer cannot be read.
    ``quote`` False: a body that is not JSON is not quoted in the error (it may hold a
    credential outside any member naming one: a new secret as plain text).
    ``callers_error`` is the exception the caller was handling when it called (see
    :func:`~hirelink.core.errors.without_frames`).
    """
    decoding_error: ValueError | None = None
    try:
        body = _json(response)
    except ValueError as error:
        body, decoding_error = _NOT_JSON, error
    candidate = None
    if body is not _NOT_JSON:
        try:
            for candidate in _tolerant_bodies(body, envelope):
                try:
                    return parse(_with_json(response, candidate))
                except HirelinkError:
                    raise
                except PARSE_ERRORS:
                    continue
        except RecursionError:  # nested deeper than a walk over it can go: not readable
            pass
    if response.extensions.get(DELETED_ALREADY) and fallback is not None:
        return fallback(None)  # the retry log said why; the provider's answer was a 404
    lost = response.extensions.get(BODY_LOST)
    drift = f"its body was lost: {lost}" if lost else _describe(strict_error)
    if response.request.method.upper() in WRITE_METHODS and fallback is not None:
        try:
            result = fallback(None if body is _NOT_JSON else body)
        except PARSE_ERRORS:
            pass
        else:
            reading_logger.warning(
                "%s: HTTP %s, the write was carried out but its answer does not read as the"
                " spec says (%s); returning what could be read",
                operation,
                response.status_code,
                drift,
            )
            noted = _unread_writes.get()
            made = response.request.method.upper() == "POST"
            # One that does the same however often it arrives (tags added) made nothing.
            if noted is not None and made and not response.request.extensions.get(REPEATABLE):
                noted.append(operation)
            return result
    detail = f"HTTP {response.status_code}, {drift}"
    if body is _NOT_JSON and not lost:
        shown = (
            _unreadable(response, decoding_error)
            if quote
            else f"{len(response.content)} bytes, not shown"
        )
        detail = f"HTTP {response.status_code}, not JSON: {shown}"
    if response.request.method.upper() in WRITE_METHODS:
        detail += "; the provider may have carried out the write: check before resending"
    # The answer is a record (an applicant's) or issues a credential: a traceback shown
    # with its frames' locals (an error tracker's default) must quote neither. The
    # decoders' and parsers' frames go, and so do this one's copies of the body.
    del body, candidate, decoding_error
    raise MalformedResponseError(operation, detail) from without_frames(
        strict_error, spare=callers_error
    )


_NOT_JSON = object()


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing {error}"
    return one_line(scrub(f"{type(error).__name__}: {error}"))[:200]


def _with_json(response: httpx.Response, body: Any) -> httpx.Response:
    return JsonResponse(
        response.status_code,
        headers={"Content-Type": "application/json"},
        content=json.dumps(body).encode(),
        request=response.request,
    )
