"""Base classes of the provider clients (``Recruitee``, ``AsyncRecruitee``, ...).

They own the httpx client, hand it to the provider's generated ``Client``, run what a
declared operation (:mod:`hirelink.core.operations`) builds (a
:class:`~hirelink.core.calls.Call`, a :data:`~hirelink.core.calls.Flow` or a
:class:`~hirelink.core.calls.Walk`) and close what they opened. A provider class adds
only its constructor; its operations are inherited from its declarations.
"""

from __future__ import annotations

import contextlib
import inspect
import threading
import weakref
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self, TypeVar

import httpx

from . import forks
from .calls import Call, Flow, HttpxSource, Walk, arun_flow, note_interrupted_write, run_flow
from .errors import InvalidInputError, UnusableClientError
from .http import HttpConfig, build_async_client, build_client

if TYPE_CHECKING:
    import asyncio

    from .feeds import Feed, Watches

T = TypeVar("T")


def _check_http_arguments(httpx_client: object, transport: object, *, asynchronous: bool) -> None:
    """Refuse an ``httpx_client``/``transport`` of the other kind before anything is sent
    (an async client given a sync ``httpx.Client`` would send, then fail on the answer)."""
    if httpx_client is not None and transport is not None:
        raise InvalidInputError("transport", "give httpx_client= or transport=, not both")
    client_class = httpx.AsyncClient if asynchronous else httpx.Client
    if httpx_client is not None and not isinstance(httpx_client, client_class):
        raise InvalidInputError(
            "httpx_client",
            f"must be an httpx.{client_class.__name__}, got {type(httpx_client).__name__}",
        )
    transport_class = httpx.AsyncBaseTransport if asynchronous else httpx.BaseTransport
    if transport is not None and not isinstance(transport, transport_class):
        raise InvalidInputError(
            "transport",
            f"must be an httpx.{transport_class.__name__}, got {type(transport).__name__}",
        )


class GeneratedClient(HttpxSource, Protocol):
    """The ``Client`` class every openapi-python-client package generates."""

    def set_httpx_client(self, client: httpx.Client) -> Self: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self: ...


class _Described(forks.PerProcess):
    """What both bases share to show a client: its base URL, its repr, and the refusal of
    a call after :meth:`close`; refused pickling or copying (a copy would share the
    connection pool, closing one closing both; a pickle would carry the credentials)."""

    instead = (
        "build one in each process that needs it (under multiprocessing, in the worker, "
        "from its credentials)"
    )

    _base_url: str
    _http: httpx.Client | httpx.AsyncClient

    def _check_open(self) -> None:
        # httpx's own error says the same, but as a RuntimeError that a write's caller
        # could not tell from an interruption while out (see ``calls.interrupted``).
        if self._http.is_closed:
            raise UnusableClientError(
                f"this {type(self).__name__} is closed, and nothing was sent: call it inside"
                " its `with` block, or build a new one"
            )

    @property
    def base_url(self) -> str:
        """The API's address this client sends to (a stand-in's, in the sandbox)."""
        return self._base_url

    def _repr_fields(self) -> dict[str, object]:
        """What the repr shows before ``base_url``: never a credential."""
        return {}

    def __repr__(self) -> str:
        return described(self)

    renamed_methods: ClassVar[Mapping[str, str]] = {}
    """Methods renamed since hirelink 0.1: old name -> new name."""

    if not TYPE_CHECKING:  # type checkers keep flagging a misspelt or old method

        def __getattr__(self, name: str) -> Any:
            # Only for a name not found: an old one gets its new name, not a bare error.
            found = inspect.getattr_static(type(self), name, None)
            if hasattr(found, "__get__"):
                # A property that failed inside: Python comes here in place of its own
                # error, which naming this attribute would hide. Read again, it raises that.
                return found.__get__(self, type(self))
            new = type(self).renamed_methods.get(name)
            problem = f"{type(self).__name__!r} object has no attribute {name!r}"
            if new is not None:
                problem += f": it was renamed {new!r} in hirelink 0.2"
            raise AttributeError(problem)


class ProviderClient(_Described):
    """Sync base: one httpx.Client per provider client; a context manager; thread-safe."""

    _http: httpx.Client

    def __init__(
        self,
        config: HttpConfig,
        make_api: Callable[[str], GeneratedClient],
        *,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        _check_http_arguments(httpx_client, transport, asynchronous=False)
        self._http = build_client(config, transport=transport, httpx_client=httpx_client)
        self._api = make_api(config.base_url).set_httpx_client(self._http)
        self._base_url = config.base_url
        self._watches: Watches = weakref.WeakSet()

    def _run(self, call: Call[T]) -> T:
        self._check_open()
        return call.run(self._api)

    def _perform(self, work: Call[T] | Flow[T]) -> T:
        """Run one call, or drive a flow of calls (sending each result back in)."""
        if isinstance(work, Call):
            try:
                return self._run(work)
            except BaseException as error:
                note_interrupted_write(work, error)
                raise
        return run_flow(work, self._run)

    def _walk(self, walk: Walk[T]) -> Generator[T, None, None]:
        return walk.sync(self._run)

    def _watch(self, feed: Feed[T]) -> Generator[T, None, None]:
        from .feeds import watch

        return watch(feed, self._run, self._watches)

    def close(self) -> None:
        """Close hirelink's client (a caller's own httpx client stays open). Its watches
        still open stop: what they handed over is saved and their leases released."""
        if self._watches:
            from .feeds import stop_watches

            stop_watches(self._watches)
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncProviderClient(_Described):
    """Async base: the twin of :class:`ProviderClient` over httpx.AsyncClient."""

    _http: httpx.AsyncClient

    def __init__(
        self,
        config: HttpConfig,
        make_api: Callable[[str], GeneratedClient],
        *,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        _check_http_arguments(httpx_client, transport, asynchronous=True)
        self._http = build_async_client(config, transport=transport, httpx_client=httpx_client)
        self._api = make_api(config.base_url).set_async_httpx_client(self._http)
        self._base_url = config.base_url
        self._watches: Watches = weakref.WeakSet()
        # Only the pool hirelink builds is checked: a caller's client or transport (a
        # MockTransport, an ASGITransport in tests) may serve any loop, or is theirs to mind.
        self._pool_owned = httpx_client is None and transport is None
        # The async library (asyncio, trio) and asyncio loop of the first call.
        self._first_library: str | None = None
        self._loop: weakref.ref[asyncio.AbstractEventLoop] | None = None
        self._loop_guard = threading.Lock()
        if self._pool_owned:  # a forked child gets a pool of its own, for its own loop
            forks.renew_in_child(self, AsyncProviderClient._forget_loop)

    def _forget_loop(self) -> None:
        """In a forked child (gunicorn's ``--preload``: a start-up check ran in the
        parent): the parent's loop is not the child's, and its pool is left behind."""
        self._first_library, self._loop = None, None
        self._loop_guard = threading.Lock()

    async def _run(self, call: Call[T]) -> T:
        self._check_open()
        self._check_loop()
        return await call.arun(self._api)

    def _check_loop(self) -> None:
        """Refuse a call from another asyncio event loop than the first call's, or under
        another async library (trio after asyncio, as a test suite running both of anyio's
        backends does): the connection pool belongs to that loop, and a request sent over
        it from another may be carried out while its caller gets only ``Event loop is
        closed`` (or, across libraries, ``no running event loop``)."""
        library, loop = self._running()
        if library is None:
            return
        with self._loop_guard:  # loops on other threads may make their first call at once
            if self._first_library is None:
                self._first_library = library
                self._loop = weakref.ref(loop) if loop is not None else None
            first_library, first = self._first_library, self._loop and self._loop()
        if first_library != library:
            raise UnusableClientError(
                f"this {type(self).__name__} was first used under {first_library}, and its "
                f"connections belong to it; this call runs under {library}: create the "
                "client inside the run that uses it, e.g. with `async with`"
            )
        if first is not loop:
            raise UnusableClientError(
                f"this {type(self).__name__} was first used in another event loop, and its "
                "connections belong to that loop: create the client inside the loop that "
                "uses it (one per asyncio.run), e.g. with `async with`"
            )

    async def _perform(self, work: Call[T] | Flow[T]) -> T:
        """Run one call, or drive a flow of calls (sending each result back in)."""
        if isinstance(work, Call):
            try:
                return await self._run(work)
            except BaseException as error:
                note_interrupted_write(work, error)
                raise
        return await arun_flow(work, self._run)

    def _walk(self, walk: Walk[T]) -> AsyncGenerator[T, None]:
        return walk.asynchronous(self._run)

    def _watch(self, feed: Feed[T]) -> AsyncGenerator[T, None]:
        from .feeds import awatch

        if feed.stop is not None:
            raise InvalidInputError(
                "stop", "an async watch ends when its task is cancelled; stop is for a sync one"
            )

        return awatch(feed, self._run, self._watches)

    def _running(self) -> tuple[str | None, asyncio.AbstractEventLoop | None]:
        """The async library running this call ("asyncio", "trio"), as httpx and anyio
        see it (sniffio: trio's guest mode runs inside an asyncio loop, and is trio), and
        asyncio's loop; (None, None) when hirelink's own pool is not in use (nothing of
        ours is bound to a loop)."""
        if not self._pool_owned:
            return None, None
        import sniffio  # only async clients get here; a sync one need not import it

        try:
            library = sniffio.current_async_library()
        except sniffio.AsyncLibraryNotFoundError:
            return None, None
        if library != "asyncio":
            return library, None
        import asyncio

        return library, asyncio.get_running_loop()

    async def aclose(self) -> None:
        """Close hirelink's client (a caller's own httpx client stays open). Its watches
        still open stop: what they handed over is saved and their leases released."""
        if self._watches:
            from .feeds import astop_watches

            await astop_watches(self._watches)
        library, loop = self._running()
        first = self._loop() if self._loop is not None else None
        other_library = library is not None and self._first_library not in (None, library)
        other_loop = loop is not None and self._loop is not None and first is not loop
        if other_library or other_loop:
            # The connections belong to another loop (or library), often a closed one: closing
            # them from this one raises RuntimeError, which is ignored. The client is
            # closed all the same (httpx marks it first), and the loop guard's error is
            # not replaced by this one.
            with contextlib.suppress(RuntimeError):
                await self._http.aclose()
            return
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def described(client: _Described) -> str:
    """A client's repr: its class, :meth:`~ProviderClient._repr_fields` and ``base_url``.

    A client whose constructor refused an argument has no fields yet; a traceback shown
    with its frames' locals (``pytest -l``, an error tracker) prints it all the same.
    """
    try:
        fields = {**client._repr_fields(), "base_url": client.base_url}
    except AttributeError:
        return f"<{type(client).__name__}: not built>"
    shown = ", ".join(f"{name}={value!r}" for name, value in fields.items())
    return f"{type(client).__name__}({shown})"
