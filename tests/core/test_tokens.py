"""OAuth 2.0 client-credentials auth (core unit tests over httpx.MockTransport)."""

from __future__ import annotations

import logging
import threading
import time
from urllib.parse import parse_qs

import anyio
import httpx
import pytest

from hirelink.core import (
    AuthenticationError,
    BadRequestError,
    ClientCredentialsAuth,
    HttpConfig,
    MalformedResponseError,
    ServerError,
)
from hirelink.core.http import build_async_client, build_client

TOKEN_URL = "https://auth.test/oauth/token"
CLIENT_SECRET = "client-secret-4f1c9e0a7b"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Provider:
    """A token endpoint and an API that accepts only the current token."""

    def __init__(self, *, expires_in: int = 3600, token_delay: float = 0.0) -> None:
        self.expires_in = expires_in
        self.token_delay = token_delay
        self.issued: list[str] = []
        self.valid: set[str] = set()
        self.token_forms: list[dict[str, list[str]]] = []
        self.api_calls: list[str | None] = []
        self.lock = threading.Lock()
        self.reject_every_token = False
        self.token_status = 200
        self.token_body: object = None

    def revoke_all(self) -> None:
        self.valid.clear()

    def _issue(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.token_forms.append(parse_qs(request.content.decode()))
            if self.token_status != 200 or self.token_body is not None:
                return httpx.Response(self.token_status, json=self.token_body)
            token = f"tok-{len(self.issued) + 1:04d}-abcdefgh"
            self.issued.append(token)
            self.valid.add(token)
        return httpx.Response(
            200,
            json={"access_token": token, "token_type": "Bearer", "expires_in": self.expires_in},
        )

    def _api(self, request: httpx.Request) -> httpx.Response:
        authorization = request.headers.get("authorization")
        self.api_calls.append(authorization)
        token = (authorization or "").removeprefix("Bearer ")
        if self.reject_every_token or token not in self.valid:
            return httpx.Response(401, json={"errors": [{"title": "Unauthorized"}]})
        return httpx.Response(200, json={"ok": True})

    def handler(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            if self.token_delay:
                time.sleep(self.token_delay)
            return self._issue(request)
        return self._api(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            if self.token_delay:
                await anyio.sleep(self.token_delay)
            return self._issue(request)
        return self._api(request)


def make_auth(clock: FakeClock | None = None, **kwargs: object) -> ClientCredentialsAuth:
    return ClientCredentialsAuth(
        TOKEN_URL,
        "client-7",
        CLIENT_SECRET,
        clock=clock or FakeClock(),
        **kwargs,  # type: ignore[arg-type]
    )


def client_for(provider: Provider, auth: ClientCredentialsAuth) -> httpx.Client:
    config = HttpConfig.create(base_url="https://api.test", auth=auth, max_retries=0)
    return build_client(config, transport=httpx.MockTransport(provider.handler))


def test_first_use_exchanges_credentials_and_later_calls_reuse_the_token() -> None:
    provider = Provider()
    auth = make_auth(scope=["read:a", "read:b"])
    with client_for(provider, auth) as client:
        for _ in range(3):
            assert client.get("/things").status_code == 200
    assert provider.token_forms == [
        {
            "grant_type": ["client_credentials"],
            "client_id": ["client-7"],
            "client_secret": [CLIENT_SECRET],
            "scope": ["read:a read:b"],
        }
    ]
    assert provider.api_calls == ["Bearer tok-0001-abcdefgh"] * 3
    assert auth.exchanges == 1
    assert auth.token is not None
    assert auth.token.value.reveal() == "tok-0001-abcdefgh"


def test_the_token_is_replaced_shortly_before_it_expires() -> None:
    clock = FakeClock()
    provider = Provider(expires_in=100)  # margin: min(60 s, a tenth of 100 s) = 10 s
    auth = make_auth(clock)
    with client_for(provider, auth) as client:
        client.get("/a")
        clock.now += 89
        client.get("/b")
        assert auth.exchanges == 1
        clock.now += 2
        client.get("/c")
    assert auth.exchanges == 2
    assert provider.api_calls[-1] == "Bearer tok-0002-abcdefgh"


def test_a_401_renews_the_token_once_and_resends() -> None:
    provider = Provider()
    auth = make_auth()
    with client_for(provider, auth) as client:
        client.get("/a")
        provider.revoke_all()
        response = client.get("/b")
    assert response.status_code == 200
    assert provider.api_calls == [
        "Bearer tok-0001-abcdefgh",
        "Bearer tok-0001-abcdefgh",
        "Bearer tok-0002-abcdefgh",
    ]
    assert auth.exchanges == 2


def test_a_second_401_is_raised_without_a_third_attempt() -> None:
    provider = Provider()
    provider.reject_every_token = True
    auth = make_auth()
    with client_for(provider, auth) as client, pytest.raises(AuthenticationError) as caught:
        client.get("/a")
    assert caught.value.status_code == 401
    assert len(provider.api_calls) == 2
    assert auth.exchanges == 2


def test_many_threads_starting_at_once_share_one_exchange() -> None:
    provider = Provider(token_delay=0.05)
    auth = make_auth()
    start = threading.Barrier(8)
    statuses: list[int] = []
    with client_for(provider, auth) as client:

        def call() -> None:
            start.wait()
            statuses.append(client.get("/a").status_code)

        threads = [threading.Thread(target=call) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert statuses == [200] * 8
    assert len(provider.token_forms) == 1
    assert auth.exchanges == 1


@pytest.mark.anyio
async def test_many_tasks_starting_at_once_share_one_exchange() -> None:
    provider = Provider(token_delay=0.05)
    auth = make_auth()
    config = HttpConfig.create(base_url="https://api.test", auth=auth, max_retries=0)
    statuses: list[int] = []
    async with build_async_client(
        config, transport=httpx.MockTransport(provider.async_handler)
    ) as client:

        async def call() -> None:
            statuses.append((await client.get("/a")).status_code)

        async with anyio.create_task_group() as group:
            for _ in range(8):
                group.start_soon(call)
        provider.revoke_all()
        assert (await client.get("/b")).status_code == 200  # renewed after a 401
    assert statuses == [200] * 8
    assert len(provider.token_forms) == 2
    assert auth.exchanges == 2


def test_refused_credentials_raise_a_typed_error_without_the_secret(
    caplog: pytest.LogCaptureFixture,
) -> None:
    provider = Provider()
    provider.token_status = 400
    provider.token_body = {
        "error": "unauthorized_client",
        "error_description": "Client credentials were not accepted.",
    }
    auth = make_auth()
    caplog.set_level(logging.DEBUG, logger="hirelink")
    with client_for(provider, auth) as client, pytest.raises(BadRequestError) as caught:
        client.get("/a")
    error = caught.value
    assert error.message == "unauthorized_client: Client credentials were not accepted."
    assert error.url == TOKEN_URL
    assert provider.api_calls == []
    rendered = " ".join([str(error), repr(error), error.body, caplog.text, repr(auth)])
    assert CLIENT_SECRET not in rendered
    assert "client_secret=Secret('***')" in repr(auth)


def test_tokens_never_reach_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    provider = Provider()
    caplog.set_level(logging.DEBUG, logger="hirelink")
    with client_for(provider, make_auth()) as client:
        client.get("/a")
    assert "obtained an access token from https://auth.test/oauth/token" in caplog.text
    assert "tok-0001" not in caplog.text
    assert CLIENT_SECRET not in caplog.text
    (obtained,) = [r for r in caplog.records if r.getMessage().startswith("obtained")]
    assert (obtained.hirelink_method, obtained.hirelink_status) == ("POST", 200)  # type: ignore[attr-defined]
    assert obtained.hirelink_url == "https://auth.test/oauth/token"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "body",
    [{"token_type": "Bearer"}, {"access_token": ""}, {"access_token": "x", "expires_in": "soon"}],
)
def test_a_token_answer_without_a_usable_token_is_malformed(body: object) -> None:
    provider = Provider()
    provider.token_body = body
    with client_for(provider, make_auth()) as client, pytest.raises(MalformedResponseError):
        client.get("/a")


def test_invalidate_forgets_the_token() -> None:
    provider = Provider()
    auth = make_auth()
    with client_for(provider, auth) as client:
        client.get("/a")
        dropped = auth.invalidate()
        client.get("/b")
    assert dropped is not None
    assert dropped.value.reveal() == "tok-0001-abcdefgh"
    assert auth.exchanges == 2


def test_works_on_a_plain_httpx_client_too() -> None:
    provider = Provider()
    auth = make_auth()
    with httpx.Client(auth=auth, transport=httpx.MockTransport(provider.handler)) as client:
        client.get("https://api.test/a")
        provider.revoke_all()
        assert client.get("https://api.test/b").status_code == 200
        provider.token_status, provider.token_body = 503, {"error": "down"}
        provider.revoke_all()
        with pytest.raises(ServerError):
            client.get("https://api.test/c")
    assert auth.exchanges == 2


def test_the_exchange_inherits_the_requests_timeout() -> None:
    seen: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) == TOKEN_URL:
            seen.append(request.extensions.get("timeout"))
            return httpx.Response(200, json={"access_token": "tok-timeout-1"})
        return httpx.Response(200)

    auth = make_auth()
    with httpx.Client(auth=auth, transport=httpx.MockTransport(handler), timeout=7.0) as client:
        client.get("https://api.test/a")
    assert seen == [httpx.Timeout(7.0).as_dict()]
    assert auth.token is not None
    assert auth.token.expires_at is None  # no expires_in: used until refused


def test_constructor_refuses_relative_token_urls_and_blank_client_ids() -> None:
    with pytest.raises(ValueError, match="absolute"):
        ClientCredentialsAuth("/v2/auth/token", "id", "secret-value")
    with pytest.raises(ValueError, match="client_id"):
        ClientCredentialsAuth(TOKEN_URL, " ", "secret-value")
