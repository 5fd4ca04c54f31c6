"""One generated-endpoint call, described once and run sync or async.

A declared operation (:mod:`hirelink.core.operations`) validates its arguments and
returns a :class:`Call` (the generated function with its arguments bound, and what a
success must parse to), a :data:`Flow` of calls, or a :class:`Walk` over pages. The sync
and async clients run the same value, so the two never drift apart; :meth:`Call.run` and
:meth:`Call.arun` are the only places a generated function is invoked.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Hashable,
    Iterator,
    Mapping,
    Sequence,
)
from functools import partial
from types import ModuleType
from typing import Any, Generic, Protocol, TypeVar

from attrs import define

from .errors import HirelinkError, MalformedResponseError
from .pagination import (
    CursorPage,
    aiter_cursor,
    aiter_offset,
    aiter_pages,
    iter_cursor,
    iter_offset,
    iter_pages,
)

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Item = TypeVar("Item")


class DetailedResponse(Protocol):
    """What generated ``*_detailed`` functions return (their ``types.Response``)."""

    @property
    def status_code(self) -> int: ...

    @property
    def parsed(self) -> object: ...


def instance_of(model: type[T]) -> Callable[[object], T]:
    """Expect the parsed body to be a ``model`` instance."""

    def narrow(parsed: object) -> T:
        if isinstance(parsed, model):
            return parsed
        raise TypeError(f"expected {model.__name__}, got {type(parsed).__name__}")

    return narrow


def list_of(model: type[Item]) -> Callable[[object], list[Item]]:
    """Expect the parsed body to be a list of ``model`` instances (bare-array responses)."""

    def narrow(parsed: object) -> list[Item]:
        if isinstance(parsed, list) and all(isinstance(item, model) for item in parsed):
            return parsed
        raise TypeError(f"expected a list of {model.__name__}, got {type(parsed).__name__}")

    return narrow


# Generated parsing signals a body of the wrong shape with these (json decode errors are
# ValueErrors, a missing required key a KeyError, a wrong type a TypeError/AttributeError).
_PARSE_ERRORS = (ValueError, KeyError, TypeError, AttributeError)


def _endpoint_module(request: partial[Any]) -> ModuleType:
    return sys.modules[request.func.__module__]


@define(frozen=True)
class Call(Generic[T_co]):
    """A prepared call of one generated endpoint.

    ``request`` is ``functools.partial(<endpoint module>.sync_detailed, **arguments)``:
    mypy checks the arguments against the generated function's own signature. The
    async run calls the same module's ``asyncio_detailed`` with the same arguments.
    """

    request: partial[Any]
    expect: Callable[[object], T_co]

    @property
    def operation(self) -> str:
        return _endpoint_module(self.request).__name__.rsplit(".", 1)[-1]

    @property
    def arguments(self) -> Mapping[str, Any]:
        """The keyword arguments given to the generated function."""
        return self.request.keywords

    def run(self, client: object) -> T_co:
        """Send it with the generated ``client`` (sync) and return the parsed success."""
        try:
            response = self.request(client=client)
            return self.expect(response.parsed)
        except HirelinkError:
            raise
        except _PARSE_ERRORS as error:
            raise MalformedResponseError(self.operation, str(error)) from error

    async def arun(self, client: object) -> T_co:
        """The async twin of :meth:`run`."""
        asyncio_detailed = _endpoint_module(self.request).asyncio_detailed
        try:
            response = await asyncio_detailed(
                *self.request.args, client=client, **self.request.keywords
            )
            return self.expect(response.parsed)
        except HirelinkError:
            raise
        except _PARSE_ERRORS as error:
            raise MalformedResponseError(self.operation, str(error)) from error

    def map(self, transform: Callable[[T_co], Item]) -> Call[Item]:
        """The same call, with ``transform`` applied to its result."""
        expect = self.expect
        return Call(self.request, lambda parsed: transform(expect(parsed)))


Flow = Generator[Call[Any], Any, T]
"""An operation made of several calls: it yields each call and is sent its result back;
its return value is the operation's result. An error of a call is thrown into it."""


class _FlowDriver(Generic[T]):
    """The bookkeeping of driving a flow, shared by the sync and the async driver."""

    def __init__(self, flow: Flow[T]) -> None:
        self.flow = flow
        self.outcome: object = None  # send(None) starts a fresh generator
        self.result: T | None = None

    def next_call(self) -> Call[Any] | None:
        """Hand the last outcome in (an error is thrown); None once the flow returned."""
        try:
            if isinstance(self.outcome, HirelinkError):
                return self.flow.throw(self.outcome)
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
        except HirelinkError as error:
            driver.outcome = error
    return driver.result  # type: ignore[return-value]


async def arun_flow(flow: Flow[T], arun: Callable[[Call[Any]], Awaitable[Any]]) -> T:
    """Drive ``flow`` with an async ``arun``."""
    driver = _FlowDriver(flow)
    while (call := driver.next_call()) is not None:
        try:
            driver.outcome = await arun(call)
        except HirelinkError as error:
            driver.outcome = error
    return driver.result  # type: ignore[return-value]


@define(frozen=True)
class Walk(Generic[T]):
    """Every item of a paged list: how to fetch one page, and the paging style."""

    sync: Callable[[Callable[[Call[Any]], Any]], Iterator[T]]
    asynchronous: Callable[[Callable[[Call[Any]], Awaitable[Any]]], AsyncIterator[T]]

    @classmethod
    def offsets(
        cls,
        page_call: Callable[[int, int], Call[Sequence[T]]],
        *,
        page_size: int,
        key: Callable[[T], Hashable] | None = None,
    ) -> Walk[T]:
        """Offset/limit paging; ``key`` drops items repeated from the previous page."""
        page_call(0, page_size)  # bad arguments raise now, not at the first next()

        async def afetch(arun: Callable[[Call[Any]], Awaitable[Any]], o: int, n: int) -> Any:
            return await arun(page_call(o, n))

        return cls(
            lambda run: iter_offset(
                lambda o, n: run(page_call(o, n)), page_size=page_size, key=key
            ),
            lambda arun: aiter_offset(
                functools.partial(afetch, arun), page_size=page_size, key=key
            ),
        )

    @classmethod
    def pages(
        cls, page_call: Callable[[int, int], Call[Sequence[T]]], *, page_size: int
    ) -> Walk[T]:
        """Page number (from 1) / page size paging."""
        page_call(1, page_size)

        async def afetch(arun: Callable[[Call[Any]], Awaitable[Any]], p: int, n: int) -> Any:
            return await arun(page_call(p, n))

        return cls(
            lambda run: iter_pages(lambda p, n: run(page_call(p, n)), page_size=page_size),
            lambda arun: aiter_pages(functools.partial(afetch, arun), page_size=page_size),
        )

    @classmethod
    def cursor(cls, page_call: Callable[[str | None], Call[CursorPage[T]]]) -> Walk[T]:
        """Cursor paging (the cursor of the first page is None)."""
        page_call(None)

        async def afetch(arun: Callable[[Call[Any]], Awaitable[Any]], c: str | None) -> Any:
            return await arun(page_call(c))

        return cls(
            lambda run: iter_cursor(lambda c: run(page_call(c))),
            lambda arun: aiter_cursor(functools.partial(afetch, arun)),
        )
