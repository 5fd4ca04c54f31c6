"""Base classes of the provider clients (``Recruitee``, ``AsyncRecruitee``, ...).

They own the httpx client, hand it to the provider's generated ``Client``, run
:class:`~hirelink.core.calls.Call` objects and close what they opened. A provider class
adds only its constructor arguments and its operation methods.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Hashable, Iterator, Sequence
from types import TracebackType
from typing import Protocol, Self, TypeVar

import httpx

from .calls import Call, HttpxSource
from .http import HttpConfig, async_event_hooks, build_async_client, build_client, event_hooks
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

OffsetCall = Callable[[int, int], "Call[Sequence[T]]"]
"""Builds the call of one page from (offset, limit)."""
PageCall = Callable[[int, int], "Call[Sequence[T]]"]
"""Builds the call of one page from (page number, page size)."""
CursorCall = Callable[[str | None], "Call[CursorPage[T]]"]
"""Builds the call of one page from the cursor (None for the first page)."""


class GeneratedClient(HttpxSource, Protocol):
    """The ``Client`` class every openapi-python-client package generates."""

    def set_httpx_client(self, client: httpx.Client) -> Self: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self: ...


def adopt_client(client: httpx.Client | httpx.AsyncClient, config: HttpConfig) -> None:
    """Install hirelink's base URL, auth, headers and hooks on a caller-supplied client.

    The caller's transport (and so its proxies, TLS and retry choices) is kept as it is.
    """
    if not str(client.base_url):
        client.base_url = httpx.URL(config.base_url)
    if client.auth is None and config.auth is not None:
        client.auth = config.auth
    for name, value in config.headers.items():
        client.headers.setdefault(name, value)
    ours = event_hooks(config) if isinstance(client, httpx.Client) else async_event_hooks(config)
    hooks = client.event_hooks
    for kind, added in ours.items():
        hooks[kind] = [*hooks.get(kind, []), *added]
    client.event_hooks = hooks


class ProviderClient:
    """Sync base: one httpx.Client per provider client; a context manager; thread-safe."""

    def __init__(
        self,
        config: HttpConfig,
        make_api: Callable[[str], GeneratedClient],
        *,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if httpx_client is None:
            self._http = build_client(config, transport=transport)
            self._owns_http = True
        else:
            adopt_client(httpx_client, config)
            self._http, self._owns_http = httpx_client, False
        self._api = make_api(config.base_url).set_httpx_client(self._http)
        self._base_url = config.base_url

    @property
    def base_url(self) -> str:
        return self._base_url

    def _run(self, call: Call[T]) -> T:
        return call.run(self._api)

    def _run_in_order(self, calls: Sequence[Call[T]]) -> T:
        """Run dependent calls one after another; the last one's result is the answer."""
        results = [self._run(call) for call in calls]
        return results[-1]

    # Each walker builds the first page's call at once, so bad arguments raise here,
    # not at the caller's first next().

    def _walk_offsets(
        self,
        page_call: OffsetCall[T],
        *,
        page_size: int,
        key: Callable[[T], Hashable] | None = None,
    ) -> Iterator[T]:
        page_call(0, page_size)
        return iter_offset(
            lambda offset, limit: self._run(page_call(offset, limit)), page_size=page_size, key=key
        )

    def _walk_pages(self, page_call: PageCall[T], *, page_size: int) -> Iterator[T]:
        page_call(1, page_size)
        return iter_pages(lambda page, size: self._run(page_call(page, size)), page_size=page_size)

    def _walk_cursor(self, page_call: CursorCall[T]) -> Iterator[T]:
        page_call(None)
        return iter_cursor(lambda cursor: self._run(page_call(cursor)))

    def close(self) -> None:
        """Close the connection pool (only if this client created it)."""
        if self._owns_http:
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


class AsyncProviderClient:
    """Async base: the twin of :class:`ProviderClient` over httpx.AsyncClient."""

    def __init__(
        self,
        config: HttpConfig,
        make_api: Callable[[str], GeneratedClient],
        *,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if httpx_client is None:
            self._http = build_async_client(config, transport=transport)
            self._owns_http = True
        else:
            adopt_client(httpx_client, config)
            self._http, self._owns_http = httpx_client, False
        self._api = make_api(config.base_url).set_async_httpx_client(self._http)
        self._base_url = config.base_url

    @property
    def base_url(self) -> str:
        return self._base_url

    async def _run(self, call: Call[T]) -> T:
        return await call.arun(self._api)

    async def _run_in_order(self, calls: Sequence[Call[T]]) -> T:
        """Run dependent calls one after another; the last one's result is the answer."""
        results = [await self._run(call) for call in calls]
        return results[-1]

    def _walk_offsets(
        self,
        page_call: OffsetCall[T],
        *,
        page_size: int,
        key: Callable[[T], Hashable] | None = None,
    ) -> AsyncIterator[T]:
        page_call(0, page_size)

        async def fetch(offset: int, limit: int) -> Sequence[T]:
            return await self._run(page_call(offset, limit))

        return aiter_offset(fetch, page_size=page_size, key=key)

    def _walk_pages(self, page_call: PageCall[T], *, page_size: int) -> AsyncIterator[T]:
        page_call(1, page_size)

        async def fetch(page: int, size: int) -> Sequence[T]:
            return await self._run(page_call(page, size))

        return aiter_pages(fetch, page_size=page_size)

    def _walk_cursor(self, page_call: CursorCall[T]) -> AsyncIterator[T]:
        page_call(None)

        async def fetch(cursor: str | None) -> CursorPage[T]:
            return await self._run(page_call(cursor))

        return aiter_cursor(fetch)

    async def aclose(self) -> None:
        """Close the connection pool (only if this client created it)."""
        if self._owns_http:
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
