"""Which Personio credential goes with which request.

One httpx client serves every Personio operation, so its auth picks the credential by
the request's URL:

- ``{api}/v1/recruiting/...``: the Recruiting API key (bearer access token plus
  ``X-Company-ID``);
- ``{api}/v2/auth/...``: nothing (the token endpoints take credentials in the body);
- ``{api}/v2/...``: the custom integration's OAuth token
  (:class:`~hirelink.core.ClientCredentialsAuth` fetches and renews it);
- anything else, in particular the public job feed host: nothing.

The auth flows themselves are hirelink-core's; this class only routes.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator

import httpx

from hirelink.core import ClientCredentialsAuth, HeaderAuth
from hirelink.core.http import StoreUser
from hirelink.core.stores import Store

__all__ = ["PersonioAuth"]


class PersonioAuth(httpx.Auth, StoreUser):
    """Routes each request to the credential its path needs (see the module docstring)."""

    def __init__(
        self,
        api_base_url: str,
        *,
        recruiting: HeaderAuth | None,
        company_id: str | None,
        oauth: ClientCredentialsAuth | None,
    ) -> None:
        base = httpx.URL(api_base_url)
        self._origin = (base.scheme, base.host, base.port)
        self._prefix = base.path.rstrip("/")
        self._recruiting = recruiting
        self._company_id = company_id
        self.oauth = oauth

    def use_store(self, store: Store) -> None:
        if self.oauth is not None:
            self.oauth.use_store(store)

    def _route(self, request: httpx.Request) -> httpx.Auth | None:
        url = request.url
        if (url.scheme, url.host, url.port) != self._origin:
            return None
        path = url.path.removeprefix(self._prefix)
        if path.startswith("/v1/recruiting/") and self._recruiting is not None:
            if self._company_id is not None:
                request.headers["X-Company-ID"] = self._company_id
            return self._recruiting
        if path.startswith("/v2/") and not path.startswith("/v2/auth/"):
            return self.oauth
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
        return f"PersonioAuth(recruiting={self._recruiting!r}, oauth={self.oauth!r})"
