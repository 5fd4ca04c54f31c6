"""One generated-endpoint call, described once and run sync or async.

A wrapper method validates its arguments and returns a :class:`Call`: which generated
endpoint module to call, with which keyword arguments, and what a success must parse to.
The sync and async clients run the same Call, so the two never drift apart. A success
that does not parse strictly is read by :mod:`hirelink.core.reading` (the reading rules).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar

import httpx
from attrs import define, field

from .errors import HirelinkError
from .reading import PARSE_ERRORS, read_tolerantly, skeleton, without_nulls

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Item = TypeVar("Item")


class DetailedResponse(Protocol):
    """What generated ``*_detailed`` functions return (their ``types.Response``)."""

    @property
    def status_code(self) -> int: ...

    @property
    def parsed(self) -> object: ...


class Endpoint(Protocol):
    """A generated endpoint module, e.g. ``hirelink.api.recruitee.api.candidates.get_candidate``."""

    # Read-only properties, so that each module's precise function types are accepted.
    @property
    def __name__(self) -> str: ...

    @property
    def sync_detailed(self) -> Callable[..., DetailedResponse]: ...

    @property
    def asyncio_detailed(self) -> Callable[..., Awaitable[DetailedResponse]]: ...

    # The request and the parsing of the answer, which Call runs itself so that it keeps
    # the raw answer for tolerant reading.
    @property
    def _get_kwargs(self) -> Callable[..., dict[str, Any]]: ...

    @property
    def _parse_response(self) -> Callable[..., object]: ...


class HttpxSource(Protocol):
    """What a generated ``Client``/``AuthenticatedClient`` offers a Call."""

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


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


@define(frozen=True)
class Call(Generic[T_co]):
    """A prepared call of one generated endpoint.

    ``envelope`` names the member a provider may wrap the record in where the fact
    sheets leave that open (``"report"`` for ``{"report": {...}}``); both are read.
    ``fallback`` is what a write returns when its answer cannot be read at all; by
    default the expectation's own (see :mod:`hirelink.core.reading`).
    """

    endpoint: Endpoint
    expect: Callable[[object], T_co]
    kwargs: Mapping[str, Any] = field(factory=dict)
    envelope: str | None = None
    fallback: Callable[[object], T_co] | None = None

    @property
    def operation(self) -> str:
        return self.endpoint.__name__.rsplit(".", 1)[-1]

    def run(self, client: HttpxSource) -> T_co:
        """Send it with the generated ``client`` (sync) and return the parsed success."""
        response = client.get_httpx_client().request(**self.endpoint._get_kwargs(**self.kwargs))
        return self._read(client, response)

    async def arun(self, client: HttpxSource) -> T_co:
        """The async twin of :meth:`run`."""
        http = client.get_async_httpx_client()
        response = await http.request(**self.endpoint._get_kwargs(**self.kwargs))
        return self._read(client, response)

    def _read(self, client: HttpxSource, response: httpx.Response) -> T_co:
        def parse(answer: httpx.Response) -> T_co:
            return self.expect(self.endpoint._parse_response(client=client, response=answer))

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
            )

    def map(self, transform: Callable[[T_co], Item]) -> Call[Item]:
        """The same call, with ``transform`` applied to its result (and its fallback)."""
        expect = self.expect
        fallback = self.fallback or getattr(expect, "fallback", None)
        return Call(
            self.endpoint,
            lambda parsed: transform(expect(parsed)),
            self.kwargs,
            envelope=self.envelope,
            fallback=(lambda raw: transform(fallback(raw))) if fallback else None,
        )
