"""A caller's own httpx client keeps hirelink's retries, rate limits and per-call options,
and is not changed behind the caller's back."""

from __future__ import annotations

import httpx
import pytest

from hirelink.core import (
    HeaderAuth,
    HttpConfig,
    InvalidInputError,
    ProviderClient,
    RateLimit,
    SlidingWindowLimiter,
    request_options,
)
from hirelink.core.http import build_async_client, build_client
from hirelink.core.transport import RetryPolicy


class Api:
    """Stands in for a generated ``Client``."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http: httpx.Client | None = None

    def set_httpx_client(self, client: httpx.Client) -> Api:
        self.http = client
        return self

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Api:
        raise NotImplementedError

    def get_httpx_client(self) -> httpx.Client:
        assert self.http is not None
        return self.http

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        raise NotImplementedError


def test_own_client_keeps_retries_limits_and_per_call_timeouts() -> None:
    seen: list[httpx.Request] = []
    answers = iter([httpx.Response(503), httpx.Response(200, json={"ok": True})])

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    limiter = SlidingWindowLimiter(10, 60.0)
    config = HttpConfig.create(
        base_url="http://api.test",
        auth=HeaderAuth.bearer("own-client-token"),
        rate_limits=[RateLimit(limiter)],
    )
    config = HttpConfig(
        base_url=config.base_url,
        auth=config.auth,
        headers=config.headers,
        rate_limits=config.rate_limits,
        retry=RetryPolicy(max_retries=2, jitter=lambda delay: 0.0),
    )
    own = httpx.Client(transport=httpx.MockTransport(handler), headers={"X-Team": "ops"})
    hooks_before = {kind: list(hooks) for kind, hooks in own.event_hooks.items()}
    client = ProviderClient(config, Api, httpx_client=own)
    http = client._api.http  # type: ignore[attr-defined]
    with request_options(timeout=3):
        assert http.get("/candidates").json() == {"ok": True}
    assert len(seen) == 2  # the 503 was retried
    assert len(limiter._starts) == 2  # both attempts took a slot
    assert seen[-1].extensions["timeout"]["read"] == 3.0
    assert seen[-1].headers["authorization"] == "Bearer own-client-token"
    assert seen[-1].headers["x-team"] == "ops"
    assert seen[-1].url == "http://api.test/candidates"
    client.close()
    assert not own.is_closed
    assert own.auth is None
    assert str(own.base_url) == ""
    assert {kind: list(hooks) for kind, hooks in own.event_hooks.items()} == hooks_before
    own.close()


def test_own_client_and_transport_together_are_refused() -> None:
    config = HttpConfig.create(base_url="http://api.test", auth=None)
    with httpx.Client() as own, pytest.raises(InvalidInputError, match="transport"):
        ProviderClient(
            config,
            Api,
            httpx_client=own,
            transport=httpx.MockTransport(lambda _: httpx.Response(200)),
        )


@pytest.mark.anyio
@pytest.mark.parametrize("asynchronous", [False, True])
async def test_own_clients_base_url_does_not_redirect_the_credentials(asynchronous: bool) -> None:
    """A client shared with other code may have a base URL of its own: requests and their
    credentials still go to the provider's base URL."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    config = HttpConfig.create(base_url="http://api.test/v2", auth=HeaderAuth.bearer("tok"))
    elsewhere = "http://metrics.internal.test"
    if asynchronous:
        async with httpx.AsyncClient(
            transport=httpx.MockTransport(handler), base_url=elsewhere
        ) as own:
            http = build_async_client(config, httpx_client=own)
            await http.get("/jobs")
            await http.aclose()
    else:
        with httpx.Client(transport=httpx.MockTransport(handler), base_url=elsewhere) as shared:
            sync_http = build_client(config, httpx_client=shared)
            sync_http.get("/jobs")
            sync_http.close()
    assert [str(request.url) for request in seen] == ["http://api.test/v2/jobs"]
