"""One declaration per operation: the sync method, the async method and the catalog entry.

A provider writes each operation once, as a request builder on a class both of its
clients inherit: the builder validates the arguments and returns what to send, a
:class:`~hirelink.core.calls.Call`, a :data:`Flow` of calls, or a :class:`Walk` over
pages. :func:`operation` and :func:`walker` turn the builder into a descriptor whose
``__get__`` gives ``Callable[P, T]`` on a :class:`~hirelink.core.clients.ProviderClient`
and ``Callable[P, Awaitable[T]]`` (or an async iterator) on an
:class:`~hirelink.core.clients.AsyncProviderClient`, so mypy and IDEs see the builder's
own parameters and docstring on both clients. The catalog reads titles, examples and
types from the same descriptors.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Concatenate,
    Generic,
    ParamSpec,
    TypeVar,
    get_args,
    get_type_hints,
    overload,
)

from attrs import frozen

from .calls import Call, Flow, Walk

if TYPE_CHECKING:
    from .clients import AsyncProviderClient, ProviderClient

P = ParamSpec("P")
T = TypeVar("T")


@frozen
class CatalogEntry:
    """What the operations catalog shows for an operation."""

    title: str
    example: Mapping[str, Any]
    walker: str | None
    """For list operations: the walker that yields every item (``--all``)."""


class Declaration(Generic[P, T]):
    """What :func:`operation` and :func:`walker` share: the builder and its metadata."""

    def __init__(
        self, build: Callable[Concatenate[Any, P], Any], catalog: CatalogEntry | None
    ) -> None:
        self.build = build
        self.catalog = catalog
        self.name = build.__name__
        self.__doc__ = build.__doc__
        self.__wrapped__ = build

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @functools.cached_property
    def result_type(self) -> Any:
        """What a call of the sync method returns (the ``T`` of ``Call[T]``/``Walk[T]``)."""
        returned = get_type_hints(self.build)["return"]
        args = get_args(returned)
        return args[-1] if args else returned

    @functools.cached_property
    def _signature(self) -> inspect.Signature:
        signature = inspect.signature(self.build)
        return signature.replace(
            parameters=list(signature.parameters.values())[1:],
            return_annotation=inspect.Signature.empty,
        )

    def _bind(self, method: Callable[..., Any]) -> Callable[..., Any]:
        """Give the bound method the builder's name, docstring and signature (minus self)."""
        functools.update_wrapper(method, self.build)
        method.__signature__ = self._signature  # type: ignore[attr-defined]
        return method


class Operation(Declaration[P, T]):
    """An operation answered by one call or a flow of calls."""

    def prepare(self, instance: Any, /, *args: P.args, **kwargs: P.kwargs) -> Call[T]:
        """The call of a single-call operation, for another operation to build on."""
        built = self.build(instance, *args, **kwargs)
        if not isinstance(built, Call):
            raise TypeError(f"{self.name} is a flow of calls, not one call")
        return built

    @overload
    def __get__(self, instance: None, owner: type) -> Operation[P, T]: ...

    @overload
    def __get__(self, instance: ProviderClient, owner: type) -> Callable[P, T]: ...

    @overload
    def __get__(self, instance: AsyncProviderClient, owner: type) -> Callable[P, Awaitable[T]]: ...

    def __get__(self, instance: object, owner: type) -> Any:
        if instance is None:
            return self
        from .clients import AsyncProviderClient

        build = self.build
        if isinstance(instance, AsyncProviderClient):
            client = instance

            async def arun(*args: Any, **kwargs: Any) -> Any:
                return await client._perform(build(client, *args, **kwargs))

            return self._bind(arun)

        def run(*args: Any, **kwargs: Any) -> Any:
            return instance._perform(build(instance, *args, **kwargs))  # type: ignore[attr-defined]

        return self._bind(run)


class Walker(Declaration[P, T]):
    """An operation that yields every item of a paged list, lazily."""

    @overload
    def __get__(self, instance: None, owner: type) -> Walker[P, T]: ...

    @overload
    def __get__(self, instance: ProviderClient, owner: type) -> Callable[P, Iterator[T]]: ...

    @overload
    def __get__(
        self, instance: AsyncProviderClient, owner: type
    ) -> Callable[P, AsyncIterator[T]]: ...

    def __get__(self, instance: object, owner: type) -> Any:
        if instance is None:
            return self
        build = self.build

        def walk(*args: Any, **kwargs: Any) -> Any:
            return instance._walk(build(instance, *args, **kwargs))  # type: ignore[attr-defined]

        return self._bind(walk)


def operation(
    title: str | None = None,
    *,
    example: Mapping[str, Any] | None = None,
    walker: str | None = None,
) -> Callable[[Callable[Concatenate[Any, P], Call[T] | Flow[T]]], Operation[P, T]]:
    """Declare an operation; with a ``title`` it is also listed in the catalog.

    ``example`` holds catalog inputs that work against the sandbox; ``walker`` names the
    :func:`walker` yielding every item of a list operation.
    """

    def declare(build: Callable[Concatenate[Any, P], Call[T] | Flow[T]]) -> Operation[P, T]:
        entry = None if title is None else CatalogEntry(title, example or {}, walker)
        return Operation(build, entry)

    return declare


def walker(
    build: Callable[Concatenate[Any, P], Walk[T]],
) -> Walker[P, T]:
    """Declare a walker over every page of a list operation."""
    return Walker(build, None)


def declarations(cls: type) -> dict[str, Declaration[Any, Any]]:
    """Every operation and walker a client class declares, by method name, in order."""
    found: dict[str, Declaration[Any, Any]] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Declaration):
                found[name] = value
    return found
