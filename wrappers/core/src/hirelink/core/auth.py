"""Credential placement as ``httpx.Auth`` flows.

:class:`HeaderAuth` covers every static credential our providers use: Recruitee's
``Authorization: Bearer <token>``, JOIN's raw ``Authorization: <token>`` and the
Recruitee Partners ``RT-PARTNER-SECRET: <secret>`` header. :class:`RoutedAuth` lets one
client hold several credentials (Personio, Recruitee Partners) and gives each request
the one its path needs, and nothing to other hosts.
"""

from __future__ import annotations

import re
from collections.abc import AsyncGenerator, Generator, Mapping, Sequence

import httpx

from .errors import CREDENTIAL_HINT
from .http import StoreUser
from .secrets import Secret
from .stores import Store


class HeaderAuth(httpx.Auth):
    """Sets ``header`` to ``prefix + secret`` on every request."""

    def __init__(
        self,
        secret: str | Secret,
        *,
        header: str = "Authorization",
        prefix: str = "",
        headers: Mapping[str, str] | None = None,
        hint: str | None = None,
    ):
        self._secret = Secret.coerce(secret)
        self.hint = hint
        """Which credential this is and where the customer finds it: an
        :class:`~hirelink.core.AuthenticationError` for a request it authorized says it."""
        self._header = header
        self._prefix = prefix
        self._headers = dict(headers or {})
        """Plain headers that travel with the credential (e.g. Personio's company id)."""

    @classmethod
    def bearer(cls, token: str | Secret, *, hint: str | None = None) -> HeaderAuth:
        return cls(token, prefix="Bearer ", hint=hint)

    def rotate(self, secret: str | Secret) -> None:
        """Send ``secret`` from the next request on (after the provider replaced it)."""
        self._secret = Secret.coerce(secret)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers.update(self._headers)
        request.headers[self._header] = self._prefix + self._secret.reveal()
        if self.hint is not None:
            request.extensions[CREDENTIAL_HINT] = self.hint
        yield request

    def __repr__(self) -> str:
        return f"HeaderAuth(header={self._header!r}, secret={self._secret!r})"


Route = tuple[str, httpx.Auth | None]
"""A regular expression searched for in the request's path (below ``base_url`` when one
is given), and the auth of the requests it matches (None: send no credential)."""


class RoutedAuth(httpx.Auth, StoreUser):
    """Picks each request's credential by its path; the first matching route wins.

    With ``base_url``, requests to another origin (e.g. a public feed host) are sent
    without credentials; so are paths no route matches.
    """

    def __init__(self, routes: Sequence[Route], *, base_url: str | None = None) -> None:
        self._routes = [(re.compile(pattern), auth) for pattern, auth in routes]
        self._origin: tuple[str, str, int | None] | None = None
        self._prefix = ""
        if base_url is not None:
            base = httpx.URL(base_url)
            self._origin = (base.scheme, base.host, base.port)
            self._prefix = base.path.rstrip("/")

    def use_store(self, store: Store) -> None:
        """Hand the client's store to every routed credential that keeps state there."""
        for _, auth in self._routes:
            if isinstance(auth, StoreUser):
                auth.use_store(store)

    @property
    def keeps_state(self) -> bool:
        return any(isinstance(auth, StoreUser) and auth.keeps_state for _, auth in self._routes)

    def _route(self, request: httpx.Request) -> httpx.Auth | None:
        url = request.url
        if self._origin is not None and (url.scheme, url.host, url.port) != self._origin:
            return None
        path = url.path.removeprefix(self._prefix)
        for pattern, auth in self._routes:
            if pattern.search(path):
                return auth
        return None

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        chosen = self._route(request)
        if chosen is None:
            yield request
            return
        yield from chosen.sync_auth_flow(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        chosen = self._route(request)
        if chosen is None:
            yield request
            return
        flow = chosen.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                response = yield outgoing
                try:
                    outgoing = await flow.asend(response)
                except StopAsyncIteration:
                    return
        finally:
            await flow.aclose()

    def __repr__(self) -> str:
        return f"RoutedAuth({[auth for _, auth in self._routes]!r})"
