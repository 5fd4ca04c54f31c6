"""One generated-endpoint call, described once and run sync or async.

A declared operation (:mod:`hirelink.core.operations`) validates its arguments and
returns a :class:`Call` (the generated function with its arguments bound, and what a
success must parse to), a :data:`Flow` of calls, or a :class:`Walk` over pages. The sync
and async clients run the same value, so the two never drift apart; :meth:`Call.run` and
:meth:`Call.arun` are the only places a generated endpoint is sent. They send it
themselves (the endpoint module's ``_get_kwargs``, then its ``_parse_response``) so that
an answer which does not parse strictly is still at hand for
:mod:`hirelink.core.reading` (the reading rules).
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import (
    AsyncGenerator,
    Awaitable,
    Callable,
    Generator,
    Hashable,
    Iterable,
    Mapping,
    Sequence,
)
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from functools import partial
from types import ModuleType
from typing import Any, Final, Generic, Protocol, TypeVar, cast

import httpx
from attrs import define, field

from .errors import (
    HANDED_OVER,
    OPERATION,
    REPEATABLE,
    TOKEN_EXCHANGE,
    ApiConnectionError,
    ApiError,
    HirelinkError,
    InvalidInputError,
    MalformedResponseError,
    RateLimitError,
    ServerError,
    StoreUnavailableError,
)
from .pagination import (
    CursorPage,
    aiter_cursor,
    aiter_offset,
    aiter_pages,
    iter_cursor,
    iter_offset,
    iter_pages,
)
from .reading import (
    PARSE_ERRORS,
    WRITE_METHODS,
    read_tolerantly,
    reading_logger,
    skeleton,
    without_nulls,
)
from .secrets import scrub
from .transport import REFUSED_STATUSES

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Item = TypeVar("Item")


class HttpxSource(Protocol):
    """What a generated ``Client``/``AuthenticatedClient`` offers a Call."""

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


class CredentialRotation(Protocol):
    """A credential a call replaces (:class:`~hirelink.core.HeaderAuth`): held while the
    call is out, sync or async."""

    def rotating(self) -> AbstractContextManager[None]: ...

    def arotating(self) -> AbstractAsyncContextManager[None]: ...


@define(frozen=True)
class instance_of(Generic[T]):  # noqa: N801  (used like a function)
    """Expect the parsed body to be a ``model`` instance."""

    model: type[T]

    def __call__(self, parsed: object) -> T:
        if isinstance(parsed, self.model):
            return parsed
        raise TypeError(f"expected {self.model.__name__}, got {type(parsed).__name__}")

    def fallback(self, raw: object) -> T:
        """The model with every field ``UNSET`` and ``raw`` in ``additional_properties``."""
        return skeleton(self.model, raw)


@define(frozen=True)
class member_of(Generic[T]):  # noqa: N801  (used like a function)
    """Expect an ``envelope`` whose member ``name`` reads as ``model`` (``list`` for a list),
    and return the member.

    For an envelope the spec leaves optional because it is only inferred: an answer
    without the member is still read, as an empty record (an empty list) holding the
    answer in ``additional_properties``, with a warning on ``hirelink.reading`` naming the
    member, so that "no stages" or "no files" never comes from a drift without a word.
    """

    envelope: type[Any]
    name: str
    model: type[T]

    def __call__(self, parsed: object) -> T:
        if not isinstance(parsed, self.envelope):
            raise TypeError(f"expected {self.envelope.__name__}, got {type(parsed).__name__}")
        member = getattr(parsed, self.name)
        if isinstance(member, self.model):
            return member
        reading_logger.warning(
            "%s: the answer has no %r member (its envelope is inferred); read as empty",
            self.envelope.__name__,
            self.name,
        )
        return self.fallback(getattr(parsed, "additional_properties", {}))

    def fallback(self, raw: object) -> T:
        """The member's model with every field ``UNSET``, the raw member (or, when it is
        missing, the whole answer) in ``additional_properties``; for a list, an empty one."""
        if self.model is list:
            return cast(T, [])
        inner = raw.get(self.name) if isinstance(raw, dict) else None
        return skeleton(self.model, inner if isinstance(inner, dict) else raw)


@define(frozen=True)
class list_of(Generic[Item]):  # noqa: N801  (used like a function)
    """Expect the parsed body to be a list of ``model`` instances (bare-array responses)."""

    model: type[Item]

    def __call__(self, parsed: object) -> list[Item]:
        if isinstance(parsed, list) and all(isinstance(item, self.model) for item in parsed):
            return parsed
        raise TypeError(f"expected a list of {self.model.__name__}, got {type(parsed).__name__}")

    def fallback(self, raw: object) -> list[Item]:
        """The items of ``raw`` that read as ``model``; the others are left out."""
        read: list[Item] = []
        for item in raw if isinstance(raw, list) else []:
            try:
                read.append(self.model.from_dict(without_nulls(item)))  # type: ignore[attr-defined]
            except PARSE_ERRORS:
                continue
        return read


@define(frozen=True)
class _Nothing:
    def __call__(self, parsed: object) -> None:
        if parsed is not None:
            raise TypeError(f"expected no body, got {type(parsed).__name__}")

    def fallback(self, raw: object) -> None:
        return None


nothing = _Nothing()
"""Expect no body: a 204 answer parses to None (a write answered otherwise returns None)."""


def _endpoint_module(request: partial[Any]) -> ModuleType:
    return sys.modules[request.func.__module__]


def _operation_of(request: partial[Any]) -> str:
    return _endpoint_module(request).__name__.rsplit(".", 1)[-1]


@define(frozen=True)
class Call(Generic[T_co]):
    """A prepared call of one generated endpoint.

    ``request`` is ``functools.partial(<endpoint module>.sync_detailed, **arguments)``:
    mypy checks the arguments against the generated function's own signature; the call
    is sent with the same module's ``_get_kwargs`` and read with its ``_parse_response``.
    ``envelope`` names the member a provider may wrap the record in where the fact
    sheets leave that open (``"report"`` for ``{"report": {...}}``); both are read.
    ``fallback`` is what a write returns when its answer cannot be read at all; by
    default the expectation's own (see :mod:`hirelink.core.reading`). ``large_body``
    marks a body holding whole files (base64 in JSON): the async client encodes it on a
    worker thread, since a 10 MiB file takes about 80 ms to encode, which would stall
    every other task of the event loop. ``repeatable`` marks a write that does the same
    however often it arrives (a revocation): it is resent after a lost answer or a 5xx, as
    a read is (see :data:`~hirelink.core.errors.REPEATABLE`). ``issues_credential`` marks
    an answer that holds a credential (a new secret): one that does not read as JSON is
    not quoted in the error, where the secret would show in clear. ``rotates`` is the
    credential a call replacing it holds while out (``expect`` switches it to the new one):
    one such call runs at a time, and requests refused meanwhile wait for it (see
    :class:`~hirelink.core.HeaderAuth`).
    """

    # Its repr names the operation only: the arguments are an applicant's name,
    # addresses and files, and an error tracker shows the repr of every frame's locals.
    request: partial[Any] = field(repr=lambda request: f"<{_operation_of(request)} request>")
    expect: Callable[[object], T_co]
    envelope: str | None = None
    fallback: Callable[[object], T_co] | None = None
    large_body: bool = False
    repeatable: bool = False
    issues_credential: bool = False
    rotates: CredentialRotation | None = None

    @property
    def operation(self) -> str:
        """The generated endpoint module's name: the spec's operationId in snake case."""
        return _operation_of(self.request)

    @property
    def arguments(self) -> Mapping[str, Any]:
        """The keyword arguments given to the generated function."""
        return self.request.keywords

    def _http_arguments(self) -> dict[str, Any]:
        module = _endpoint_module(self.request)
        built: dict[str, Any] = module._get_kwargs(*self.request.args, **self.request.keywords)
        return built

    def run(self, client: HttpxSource) -> T_co:
        """Send it with the generated ``client`` (sync) and return the parsed success."""
        with contextlib.nullcontext() if self.rotates is None else self.rotates.rotating():
            http = client.get_httpx_client()
            request = None
            try:
                request = self._build(http)
                response = http.send(request)
            except BaseException as error:
                _note_if_unsent(error, request)
                raise
            return self._read(client, response)

    async def arun(self, client: HttpxSource) -> T_co:
        """The async twin of :meth:`run`."""
        async with contextlib.nullcontext() if self.rotates is None else self.rotates.arotating():
            http = client.get_async_httpx_client()
            request = None
            try:
                if self.large_body:
                    from .threads import REQUEST_THREADS  # anyio, when an async call is made

                    request = await REQUEST_THREADS.run(self._build, http)
                else:
                    request = self._build(http)
                response = await http.send(request)
            except BaseException as error:
                _note_if_unsent(error, request)
                raise
            return self._read(client, response)

    def _build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request, or an :class:`InvalidInputError` when a value cannot be sent at
        all (text that is not Unicode, a URL longer than httpx allows)."""
        arguments = self._http_arguments()
        # Looked for before building: older httpx writes such text in JSON as \ud800
        # escapes, which sent it (the provider got text that is not Unicode).
        unsendable = _unencodable(arguments.get("params") or {}) or _unencodable(
            arguments.get("json"), "body"
        )
        if unsendable is not None:
            raise InvalidInputError(unsendable, _NOT_UNICODE)
        try:
            request = http.build_request(**arguments)
        except (httpx.InvalidURL, UnicodeEncodeError) as error:
            problem = f"cannot be sent: {scrub(str(error))}"
            if isinstance(error, UnicodeEncodeError):
                problem = _NOT_UNICODE
            raise InvalidInputError(self.operation, problem) from None
        request.extensions[OPERATION] = self.operation
        if self.repeatable:
            request.extensions[REPEATABLE] = True
        return request

    def _read(self, client: HttpxSource, response: httpx.Response) -> T_co:
        parse_response = _endpoint_module(self.request)._parse_response

        def parse(answer: httpx.Response) -> T_co:
            return self.expect(parse_response(client=client, response=answer))

        handled = sys.exc_info()[1]  # the caller's, if it called from an except block
        try:
            return parse(response)
        except HirelinkError:
            raise
        except PARSE_ERRORS as error:
            fallback: Callable[[object], T_co] | None = self.fallback or getattr(
                self.expect, "fallback", None
            )
            return read_tolerantly(
                operation=self.operation,
                response=response,
                parse=parse,
                strict_error=error,
                envelope=self.envelope,
                fallback=fallback,
                quote=not self.issues_credential,
                callers_error=handled,
            )

    def map(self, transform: Callable[[T_co], Item]) -> Call[Item]:
        """The same call, with ``transform`` applied to its result (and its fallback)."""
        expect = self.expect
        fallback = self.fallback or getattr(expect, "fallback", None)
        return Call(
            self.request,
            lambda parsed: transform(expect(parsed)),
            envelope=self.envelope,
            fallback=(lambda raw: transform(fallback(raw))) if fallback else None,
            large_body=self.large_body,
            repeatable=self.repeatable,
            issues_credential=self.issues_credential,
            rotates=self.rotates,
        )


_NOT_UNICODE: Final = "is not Unicode text (it holds a lone surrogate): cannot be sent"


def _unencodable(value: object, path: str = "") -> str | None:
    """The path of the first text in ``value`` (a request's query parameters or JSON body:
    mappings, lists, text) that UTF-8 cannot encode, e.g. ``body.note.body``; None if none."""
    if isinstance(value, str):
        if value.isascii():  # the common case, and a file's base64, at once
            return None
        try:
            value.encode()
        except UnicodeEncodeError:
            return path or None
        return None
    items: Iterable[tuple[object, object]] = ()
    if isinstance(value, Mapping):
        items = value.items()
    elif isinstance(value, list | tuple):
        items = enumerate(value)
    for key, item in items:
        found = _unencodable(item, f"{path}.{key}" if path else str(key))
        if found is not None:
            return found
    return None


Flow = Generator[Call[Any], Any, T]
"""An operation made of several calls: it yields each call and is sent its result back;
its return value is the operation's result. An error of a call is thrown into it."""


_NOT_SENT_MARK: Final = "_hirelink_not_sent"


def _note_if_unsent(error: BaseException, request: httpx.Request | None) -> None:
    """Mark ``error`` (not one of hirelink's, which say ``not_sent`` themselves) as having
    stopped the call before its request went to the network."""
    if isinstance(error, HirelinkError):
        return
    if request is None or not request.extensions.get(HANDED_OVER):
        with contextlib.suppress(AttributeError):  # an exception type without a __dict__
            setattr(error, _NOT_SENT_MARK, True)


def interrupted(error: BaseException) -> bool:
    """Whether ``error`` stopped a call while its request was out, instead of being its
    outcome (every outcome is a :class:`HirelinkError`): Ctrl-C, a cancelled task or
    scope, a job system's time limit raised inside the call (Celery's
    ``SoftTimeLimitExceeded``, RQ's ``JobTimeoutException``, both an ``Exception``), or a
    failure in code around it; not one that stopped it before it was sent (during a wait
    for a rate-limit slot, say). The request may have gone out, its answer unread."""
    return not isinstance(error, HirelinkError) and not getattr(error, _NOT_SENT_MARK, False)


def may_have_been_carried_out(error: BaseException) -> bool:
    """Whether a write that ended in ``error`` may have been carried out all the same: its
    answer did not arrive (unless it never reached the provider: ``not_sent``) or could not
    be read, it was a 5xx or a 303 ("done: see the result there", which hirelink does not
    follow), or the call was interrupted while out. Look before sending it again."""
    if getattr(error, "harmless_to_repeat", False) and getattr(error, "operation", None) in (
        None,
        TOKEN_EXCHANGE,
    ):  # a token exchange, hirelink's own request: nothing of the caller's was sent
        return False
    if isinstance(error, ApiConnectionError):
        return not error.not_sent
    if isinstance(error, ApiError) and error.status_code == SEE_OTHER:
        return True
    return isinstance(error, MalformedResponseError | ServerError) or interrupted(error)


def worth_retrying(error: BaseException) -> bool:
    """Whether the same call may succeed later, unchanged: the provider could not be
    reached or answered in time, asked to wait (408, 429) or failed (5xx), or a shared
    store (Redis) was unavailable. False for a refusal of the request itself (another 4xx:
    the input, the credentials or an id need fixing), a failure no retry changes (a
    certificate that does not verify, Redis refusing hirelink: ``permanent``), an answer
    that did not read (it would read no better), and anything hirelink did not raise.
    hirelink has already resent what it safely could (``max_retries``) before raising: a
    job system retrying on top multiplies the attempts, so wait before it. A write: ask
    :func:`may_have_been_carried_out` first."""
    if isinstance(error, ApiConnectionError | StoreUnavailableError):
        return not error.permanent
    if isinstance(error, ServerError | RateLimitError):  # also one a provider's refiner
        return True  # made of another status (Personio's OAuth temporarily_unavailable)
    if isinstance(error, ApiError):
        return error.status_code >= 500 or error.status_code in REFUSED_STATUSES
    return False


SEE_OTHER: Final = 303
"""The redirect that says the request was carried out (its result is elsewhere)."""


INTERRUPTED_WRITE: Final = (
    "the write was interrupted while out, and may have been carried out: check before"
    " sending it again"
)
"""The note added to the error that interrupted a write while out (Ctrl-C, a cancelled
task): see :func:`note_interrupted_write`."""


MAY_HAVE_WRITTEN: Final = "the write may have been carried out: check before sending it again"
"""The note added to hirelink's error of a write that :func:`may_have_been_carried_out`
(a 5xx, an answer lost or unreadable): its text alone did not say whether to resend."""


def note_interrupted_write(call: Call[Any], error: BaseException) -> None:
    """Add :data:`INTERRUPTED_WRITE` to ``error`` when it interrupted ``call`` (Ctrl-C, a
    cancelled task, a time limit: see :func:`interrupted`), or :data:`MAY_HAVE_WRITTEN`
    when it is hirelink's and :func:`may_have_been_carried_out`, and ``call`` is a write
    that is not harmless to repeat. A flow says what its own steps had done instead."""
    if call.repeatable:
        return
    if interrupted(error):
        note = INTERRUPTED_WRITE
    elif isinstance(error, HirelinkError) and may_have_been_carried_out(error):
        note = MAY_HAVE_WRITTEN
    else:
        return
    method = str(call._http_arguments().get("method", "")).upper()
    if method in WRITE_METHODS and note not in getattr(error, "__notes__", ()):
        error.add_note(note)


class _FlowDriver(Generic[T]):
    """The bookkeeping of driving a flow, shared by the sync and the async driver."""

    def __init__(self, flow: Flow[T]) -> None:
        self.flow = flow
        self.outcome: object = None  # send(None) starts a fresh generator
        self.failure: BaseException | None = None
        self.failed_call: Call[Any] | None = None  # the call that ended in ``failure``
        self.result: T | None = None

    def next_call(self) -> Call[Any] | None:
        """Hand the last outcome in (an error is thrown: also an interruption, so that the
        flow can say what it had done); None once the flow returned."""
        try:
            if self.failure is not None:
                failure, self.failure = self.failure, None
                try:
                    return self.flow.throw(failure)
                except BaseException as raised:
                    # An interrupted write the flow said nothing of: say what a lone one says.
                    if (
                        raised is failure
                        and self.failed_call
                        and not getattr(raised, "__notes__", None)
                    ):
                        note_interrupted_write(self.failed_call, raised)
                    raise
            return self.flow.send(self.outcome)
        except StopIteration as done:
            self.result = done.value
            return None


def run_flow(flow: Flow[T], run: Callable[[Call[Any]], Any]) -> T:
    """Drive ``flow`` with a sync ``run``."""
    driver = _FlowDriver(flow)
    while (call := driver.next_call()) is not None:
        try:
            driver.outcome = run(call)
        except BaseException as error:  # also an interruption: the flow says what it did
            driver.failure, driver.failed_call = error, call
    return driver.result  # type: ignore[return-value]


async def arun_flow(flow: Flow[T], arun: Callable[[Call[Any]], Awaitable[Any]]) -> T:
    """Drive ``flow`` with an async ``arun``."""
    driver = _FlowDriver(flow)
    while (call := driver.next_call()) is not None:
        try:
            driver.outcome = await arun(call)
        except BaseException as error:  # also an interruption: the flow says what it did
            driver.failure, driver.failed_call = error, call
    return driver.result  # type: ignore[return-value]


@define(frozen=True)
class Walk(Generic[T]):
    """Every item of a paged list: how to fetch one page, and the paging style."""

    sync: Callable[[Callable[[Call[Any]], Any]], Generator[T, None, None]]
    asynchronous: Callable[[Callable[[Call[Any]], Awaitable[Any]]], AsyncGenerator[T, None]]

    @classmethod
    def offsets(
        cls,
        page_call: Callable[[int, int], Call[Sequence[T]]],
        *,
        page_size: int,
        key: Callable[[T], Hashable] | None = None,
    ) -> Walk[T]:
        """Offset/limit paging; ``key`` drops items read already."""
        operation = page_call(0, page_size).operation  # bad arguments raise now

        async def afetch(arun: Callable[[Call[Any]], Awaitable[Any]], o: int, n: int) -> Any:
            return await arun(page_call(o, n))

        return cls(
            lambda run: iter_offset(
                lambda o, n: run(page_call(o, n)),
                page_size=page_size,
                key=key,
                operation=operation,
            ),
            lambda arun: aiter_offset(
                functools.partial(afetch, arun), page_size=page_size, key=key, operation=operation
            ),
        )

    @classmethod
    def pages(
        cls,
        page_call: Callable[[int, int], Call[Sequence[T]]],
        *,
        page_size: int,
        key: Callable[[T], Hashable] | None = None,
    ) -> Walk[T]:
        """Page number (from 1) / page size paging; ``key`` drops items read already."""
        operation = page_call(1, page_size).operation

        async def afetch(arun: Callable[[Call[Any]], Awaitable[Any]], p: int, n: int) -> Any:
            return await arun(page_call(p, n))

        return cls(
            lambda run: iter_pages(
                lambda p, n: run(page_call(p, n)), page_size=page_size, key=key, operation=operation
            ),
            lambda arun: aiter_pages(
                functools.partial(afetch, arun), page_size=page_size, key=key, operation=operation
            ),
        )

    @classmethod
    def cursor(
        cls,
        page_call: Callable[[str | None], Call[CursorPage[T]]],
        *,
        key: Callable[[T], Hashable] | None = None,
    ) -> Walk[T]:
        """Cursor paging (the cursor of the first page is None); ``key`` drops items read
        already."""
        operation = page_call(None).operation

        async def afetch(arun: Callable[[Call[Any]], Awaitable[Any]], c: str | None) -> Any:
            return await arun(page_call(c))

        return cls(
            lambda run: iter_cursor(lambda c: run(page_call(c)), operation, key=key),
            lambda arun: aiter_cursor(functools.partial(afetch, arun), operation, key=key),
        )
