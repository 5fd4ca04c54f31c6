"""One generated-endpoint call, described once and run sync or async.

A wrapper method validates its arguments and returns a :class:`Call`: which generated
endpoint module to call, with which keyword arguments, and what a success must parse to.
The sync and async clients run the same Call, so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar

from attrs import define, field

from .errors import HirelinkError, MalformedResponseError

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


@define(frozen=True)
class Call(Generic[T_co]):
    """A prepared call of one generated endpoint."""

    endpoint: Endpoint
    expect: Callable[[object], T_co]
    kwargs: Mapping[str, Any] = field(factory=dict)

    @property
    def operation(self) -> str:
        return self.endpoint.__name__.rsplit(".", 1)[-1]

    def run(self, client: object) -> T_co:
        """Send it with the generated ``client`` (sync) and return the parsed success."""
        try:
            response = self.endpoint.sync_detailed(client=client, **self.kwargs)
            return self.expect(response.parsed)
        except HirelinkError:
            raise
        except _PARSE_ERRORS as error:
            raise MalformedResponseError(self.operation, str(error)) from error

    async def arun(self, client: object) -> T_co:
        """The async twin of :meth:`run`."""
        try:
            response = await self.endpoint.asyncio_detailed(client=client, **self.kwargs)
            return self.expect(response.parsed)
        except HirelinkError:
            raise
        except _PARSE_ERRORS as error:
            raise MalformedResponseError(self.operation, str(error)) from error

    def map(self, transform: Callable[[T_co], Item]) -> Call[Item]:
        """The same call, with ``transform`` applied to its result."""
        expect = self.expect
        return Call(self.endpoint, lambda parsed: transform(expect(parsed)), self.kwargs)
