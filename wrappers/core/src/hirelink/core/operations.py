"""One declaration per operation: the sync method, the async method and the catalog entry.

A provider writes each operation once, as a request builder on a class both of its
clients inherit: the builder validates the arguments and returns what to send, a
:class:`~hirelink.core.calls.Call`, a :data:`Flow` of calls, or a :class:`Walk` over
pages. :func:`operation` and :func:`walker` turn the builder into a descriptor whose
``__get__`` gives ``Callable[P, T]`` on a :class:`~hirelink.core.clients.ProviderClient`
and ``Callable[P, Awaitable[T]]`` (or an async iterator) on an
:class:`~hirelink.core.clients.AsyncProviderClient`, so mypy and IDEs see the builder's
own parameters and docstring on both clients. The catalog, the demo and the docs read
titles, examples, required credentials and types from the same descriptors.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterator, Mapping
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
from .errors import InvalidInputError

if TYPE_CHECKING:
    from .clients import AsyncProviderClient, ProviderClient
    from .feeds import Feed

P = ParamSpec("P")
T = TypeVar("T")


@frozen
class CatalogEntry:
    """What the operations catalog shows for an operation."""

    title: str
    example: Mapping[str, Any]
    """Inputs that work against a freshly started sandbox stand-in; the catalog tests, the
    demo and the docs all run them."""


def require_credentials(client: object, operation: str, names: Collection[str]) -> None:
    """Raise :class:`InvalidInputError` naming the first of ``names`` the client lacks.

    The client lists what it was given in ``credentials_given`` and may say where each
    credential is found in ``credential_hints``.
    """
    given: Collection[str] = getattr(client, "credentials_given", ())
    hints: Mapping[str, str] = getattr(client, "credential_hints", {})
    for name in names:
        if name not in given:
            where = hints.get(name)
            found = f"find it under {where}" if where else "none was given"
            raise InvalidInputError(name, f"{operation} needs {name}=; {found}")


def _requiring(
    build: Callable[Concatenate[Any, P], T], names: tuple[str, ...]
) -> Callable[Concatenate[Any, P], T]:
    """``build``, then a check that the client holds the credentials ``names``.

    The arguments are checked first, so a bad argument is reported even when a
    credential is missing too; either way nothing has been sent.
    """

    @functools.wraps(build)
    def checked(client: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        built = build(client, *args, **kwargs)
        require_credentials(client, build.__name__, names)
        return built

    return checked


class Declaration(Generic[P, T]):
    """What :func:`operation` and :func:`walker` share: the builder and its metadata."""

    def __init__(
        self,
        build: Callable[Concatenate[Any, P], Any],
        catalog: CatalogEntry | None,
        *,
        requires: tuple[str, ...] = (),
    ) -> None:
        self.build = _requiring(build, requires) if requires else build
        self.catalog = catalog
        self.requires = requires
        """The credentials the client must hold, checked before anything is sent."""
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

    def __init__(
        self,
        build: Callable[Concatenate[Any, P], Any],
        walks: Operation[Any, Any],
    ) -> None:
        super().__init__(build, None, requires=walks.requires)
        self.walks = walks
        """The list operation whose pages this walker fetches."""

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


class Watcher(Declaration[P, T]):
    """A change feed over a list operation (:mod:`hirelink.core.feeds`): polls, yields."""

    def __init__(
        self,
        build: Callable[Concatenate[Any, P], Any],
        walks: Walker[Any, Any],
    ) -> None:
        super().__init__(build, None, requires=walks.requires)
        self.walks = walks
        """The walker whose filtered pages each poll fetches."""

    @overload
    def __get__(self, instance: None, owner: type) -> Watcher[P, T]: ...

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

        def watch(*args: Any, **kwargs: Any) -> Any:
            return instance._watch(build(instance, *args, **kwargs))  # type: ignore[attr-defined]

        return self._bind(watch)


def operation(
    title: str | None = None,
    *,
    example: Mapping[str, Any] | None = None,
    requires: tuple[str, ...] = (),
) -> Callable[[Callable[Concatenate[Any, P], Call[T] | Flow[T]]], Operation[P, T]]:
    """Declare an operation; with a ``title`` it is also listed in the catalog.

    ``example`` holds inputs that work against a freshly started sandbox stand-in;
    ``requires`` names the credentials the client must hold (see
    :func:`require_credentials`), checked before anything is sent.
    """

    def declare(build: Callable[Concatenate[Any, P], Call[T] | Flow[T]]) -> Operation[P, T]:
        entry = None if title is None else CatalogEntry(title, example or {})
        return Operation(build, entry, requires=requires)

    return declare


def walker(
    walks: Operation[Any, Any],
) -> Callable[[Callable[Concatenate[Any, P], Walk[T]]], Walker[P, T]]:
    """Declare a walker over every page of the list operation ``walks``.

    It requires what ``walks`` requires, and the catalog offers it as that operation's
    ``--all``.
    """

    def declare(build: Callable[Concatenate[Any, P], Walk[T]]) -> Walker[P, T]:
        return Walker(build, walks)

    return declare


def watcher(
    walks: Walker[Any, Any],
) -> Callable[[Callable[Concatenate[Any, P], Feed[T]]], Watcher[P, T]]:
    """Declare a ``watch_*`` method: a change feed over ``walks``'s filtered pages.

    The builder returns a :class:`~hirelink.core.feeds.Feed` (``Feed.declare``): the
    list's walk from a moment, the timestamp and the id of a record. The catalog leaves
    watches out (they never end); it requires what the walker requires.
    """

    def declare(build: Callable[Concatenate[Any, P], Feed[T]]) -> Watcher[P, T]:
        return Watcher(build, walks)

    return declare


def declarations(cls: type) -> dict[str, Declaration[Any, Any]]:
    """Every operation and walker a client class declares, by method name, in order."""
    found: dict[str, Declaration[Any, Any]] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, Declaration):
                found[name] = value
    return found
