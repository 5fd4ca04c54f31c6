"""hirelink's own clients go through the proxies the environment names, as httpx's and
curl's do: a deployment behind a mandatory egress proxy sets ``HTTPS_PROXY`` and nothing
else. Real HTTP: a loopback proxy that records what it is asked and answers 503."""

from __future__ import annotations

import logging
import os
import socket
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from hirelink.core import (
    ApiConnectionError,
    HttpConfig,
    InvalidInputError,
    RateLimit,
    ServerError,
    SlidingWindowLimiter,
)
from hirelink.core.http import build_client
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.sandbox import RecruiteeSandbox, StandIn
from tests.local_servers import OneAtATime, read_head


class RecordingProxy(OneAtATime):
    """Answers every request 503 (or ``status``) and keeps its request line; stops with
    the test."""

    def __init__(self) -> None:
        self.status = b"503 Service Unavailable"
        self.request_lines: list[str] = []
        super().__init__()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def handle(self, connection: socket.socket) -> None:
        self.request_lines.append(read_head(connection).split(b"\r\n", 1)[0].decode())
        connection.sendall(
            b"HTTP/1.1 " + self.status + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingProxy]:
    running = RecordingProxy()
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", running.url)
    monkeypatch.setenv("http_proxy", running.url)
    yield running
    running.stop()


REMOTE: dict[str, Any] = {
    "company_id": 4100,
    "token": "t0ken",
    "base_url": "http://recruitee.test",
    "max_retries": 0,
}


def test_a_client_goes_through_the_environments_proxy(proxy: RecordingProxy) -> None:
    with Recruitee(**REMOTE) as recruitee, pytest.raises(ServerError):
        recruitee.list_offers()
    assert proxy.request_lines == ["GET http://recruitee.test/c/4100/offers HTTP/1.1"]


@pytest.mark.anyio
async def test_an_async_client_goes_through_the_environments_proxy(proxy: RecordingProxy) -> None:
    async with AsyncRecruitee(**REMOTE) as recruitee:
        with pytest.raises(ServerError):
            await recruitee.list_offers()
    assert proxy.request_lines == ["GET http://recruitee.test/c/4100/offers HTTP/1.1"]


def test_no_proxy_names_hosts_reached_directly(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "recruitee.test")
    with Recruitee(**REMOTE) as recruitee, pytest.raises(ApiConnectionError):
        recruitee.list_offers()  # the name does not resolve
    assert proxy.request_lines == []


@pytest.mark.anyio
@pytest.mark.parametrize("asynchronous", [False, True])
async def test_a_sandbox_on_loopback_is_reached_directly_behind_a_proxy(
    proxy: RecordingProxy,
    recruitee_sandbox_session: StandIn[RecruiteeSandbox],
    asynchronous: bool,
) -> None:
    kwargs = recruitee_sandbox_session.client_kwargs()
    if asynchronous:
        async with AsyncRecruitee(**kwargs) as async_recruitee:
            assert await async_recruitee.list_offers()
    else:
        with Recruitee(**kwargs) as recruitee:
            assert recruitee.list_offers()
    assert proxy.request_lines == []


def test_a_write_whose_tunnel_the_proxy_refused_was_not_sent(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proxy answered the CONNECT with an error: nothing reached the provider, so the
    error says the write was not sent (safe to repeat)."""
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("https_proxy", proxy.url)
    remote = {**REMOTE, "base_url": "https://recruitee.test"}
    with Recruitee(**remote) as recruitee, pytest.raises(ApiConnectionError) as caught:
        recruitee.create_candidate_note(7730001, "checked")
    assert caught.value.not_sent is True
    assert proxy.request_lines[0] == "CONNECT recruitee.test:443 HTTP/1.1"


def test_a_proxy_httpx_cannot_use_fails_only_the_requests_that_need_it(
    recruitee_sandbox_session: StandIn[RecruiteeSandbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Desktop proxy settings export ``all_proxy=socks://...``, which httpx cannot use: the
    sandbox on loopback still answers, and a remote call names the variable to fix."""
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("all_proxy", "socks://user:pa55word@127.0.0.1:1080/")
    with Recruitee(**recruitee_sandbox_session.client_kwargs()) as recruitee:
        assert recruitee.list_offers()
    with Recruitee(**REMOTE) as recruitee, pytest.raises(InvalidInputError) as caught:
        recruitee.list_offers()
    assert caught.value.field == "all_proxy"  # as it was written
    assert "pa55word" not in str(caught.value)


def test_each_request_is_logged_once_by_httpx(
    proxy: RecordingProxy,
    recruitee_sandbox_session: StandIn[RecruiteeSandbox],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="httpx")
    with Recruitee(**recruitee_sandbox_session.client_kwargs()) as recruitee:
        recruitee.list_offers()
    assert len([r for r in caplog.records if r.name == "httpx"]) == 1


def test_a_proxy_written_without_a_scheme_is_an_http_proxy(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_scheme = proxy.url.removeprefix("http://")
    monkeypatch.setenv("HTTP_PROXY", without_scheme)
    monkeypatch.setenv("http_proxy", without_scheme)
    with Recruitee(**REMOTE) as recruitee, pytest.raises(ServerError):
        recruitee.list_offers()
    assert proxy.request_lines == ["GET http://recruitee.test/c/4100/offers HTTP/1.1"]


@pytest.mark.parametrize(
    ("no_proxy", "base_url", "direct"),
    [
        ("gateway.test:8080", "http://gateway.test:8080", True),
        ("gateway.test:8080", "http://gateway.test:9090", False),
        (".test", "http://api.gateway.test", True),
        ("192.0.2.0/24", "http://192.0.2.1", True),
        ("192.0.2.0/24", "http://198.51.100.1", False),
        ("*", "http://anything.test", True),
        ("gateway.test", "http://gateway.test.", True),  # the root's dot: the same host
        ("gateway.test.", "http://api.gateway.test", True),
    ],
)
def test_no_proxy_entries(
    proxy: RecordingProxy,
    monkeypatch: pytest.MonkeyPatch,
    no_proxy: str,
    base_url: str,
    direct: bool,
) -> None:
    """A host, a domain, a host:port and a network, as requests and curl read them."""
    monkeypatch.setenv("NO_PROXY", no_proxy)
    remote = {**REMOTE, "base_url": base_url, "timeout": 0.5}
    with (
        Recruitee(**remote) as recruitee,
        pytest.raises(ApiConnectionError if direct else ServerError),
    ):
        recruitee.list_offers()  # directly: nothing answers there
    assert (proxy.request_lines == []) is direct


@pytest.mark.parametrize("host", ["127.0.0.2", "localhost.", "[::ffff:127.0.0.1]", "app.localhost"])
def test_every_spelling_of_loopback_is_reached_directly(proxy: RecordingProxy, host: str) -> None:
    """A proxy would send a plain-http token across the network to reach its own loopback."""
    remote = {**REMOTE, "base_url": f"http://{host}:{_closed_port()}", "timeout": 0.5}
    with Recruitee(**remote) as recruitee, pytest.raises(ApiConnectionError):
        recruitee.list_offers()  # directly: nothing listens there
    assert proxy.request_lines == []


def test_a_call_the_proxy_settings_refuse_gives_its_rate_limit_slot_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("all_proxy", "http://proxy.test:notaport")
    limiter = SlidingWindowLimiter(1, 60.0)
    config = HttpConfig.create(
        base_url="https://api.test", auth=None, rate_limits=[RateLimit(limiter)]
    )
    with build_client(config) as http:
        for _ in range(2):  # the second would wait a minute for a slot kept by the first
            with pytest.raises(InvalidInputError) as caught:
                http.get("/jobs")
            assert caught.value.field == "all_proxy"  # as it was written
    assert limiter._starts == []


@pytest.mark.parametrize(
    ("status", "attempts"),
    [(b"407 Proxy Authentication Required", 1), (b"503 Service Unavailable", 2)],
)
def test_a_proxy_refusing_the_tunnel_with_a_4xx_is_not_asked_again(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch, status: bytes, attempts: int
) -> None:
    """A 407 (the proxy's credentials) stays a 407 however often it is asked; a 503 may
    pass."""
    proxy.status = status
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("https_proxy", proxy.url)
    remote = {**REMOTE, "base_url": "https://recruitee.test", "max_retries": 1}
    with Recruitee(**remote) as recruitee, pytest.raises(ApiConnectionError) as caught:
        recruitee.list_offers()
    assert caught.value.not_sent is True
    assert proxy.request_lines == ["CONNECT recruitee.test:443 HTTP/1.1"] * attempts


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        return int(listener.getsockname()[1])


@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "https_proxy"])
def test_a_proxy_out_of_reach_is_named_and_nothing_was_sent(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """A stale HTTPS_PROXY read as the provider refusing connections, "sent 2 times" as a
    write possibly carried out twice; the error names the proxy (not its password), the
    variable as it was written (``https_proxy`` was named ``HTTPS_PROXY``), and says
    nothing was sent."""
    address = f"127.0.0.1:{_closed_port()}"
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv(variable.swapcase(), raising=False)
    monkeypatch.setenv(variable, f"http://egress:pr0xy-pw@{address}")
    remote = {**REMOTE, "base_url": "https://recruitee.test", "max_retries": 1}
    with Recruitee(**remote) as recruitee, pytest.raises(ApiConnectionError) as caught:
        recruitee.create_candidate_note(7730001, "checked")
    said = str(caught.value)
    assert f"via the proxy {address} ({variable})" in said
    assert "; tried 2 times over " in said
    assert said.endswith(" s, none carried out")
    assert "pr0xy-pw" not in said
    assert caught.value.not_sent is True


@pytest.mark.parametrize(
    ("status", "fix"),
    [
        (b"407 Proxy Authentication Required", "Check the proxy's credentials"),
        (b"503 Service Unavailable", "Check the network and Recruitee's status"),
    ],
)
def test_a_check_through_a_proxy_says_what_to_fix(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch, status: bytes, fix: str
) -> None:
    """A proxy refusing the tunnel was answered "check the client's base_url"."""
    proxy.status = status
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with Recruitee(**{**REMOTE, "base_url": "https://recruitee.test"}) as recruitee:
        (check,) = recruitee.check_connection()
    assert not check.ok
    assert check.fix is not None
    assert check.fix.startswith(fix)
    assert "base_url" not in check.fix


class SystemProxy:
    """The proxy settings of macOS or Windows, as ``urllib.request`` reads them when no
    variable names a proxy; ``bypassed`` lists the hosts ``proxy_bypass`` was asked about
    (there it may look each up in the DNS, blocking)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, proxy: str) -> None:
        self.bypassed: list[str] = []
        for name in [name for name in os.environ if name.lower().endswith("_proxy")]:
            monkeypatch.delenv(name)
        settings = {"http": proxy, "https": proxy}
        monkeypatch.setattr(urllib.request, "getproxies", lambda: dict(settings))
        monkeypatch.setattr(urllib.request, "proxy_bypass", self.proxy_bypass)

    def proxy_bypass(self, host: str) -> bool:
        self.bypassed.append(host)
        return False


@pytest.mark.anyio
@pytest.mark.parametrize("asynchronous", [False, True])
async def test_the_systems_bypass_list_is_asked_once_per_host(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch, asynchronous: bool
) -> None:
    """``proxy_bypass`` looks the host up in the DNS on macOS and Windows (blocking, on the
    event loop of an async client): it was asked at every request."""
    system = SystemProxy(monkeypatch, proxy.url)
    if asynchronous:
        async with AsyncRecruitee(**REMOTE) as asynchronous_client:
            for _ in range(3):
                with pytest.raises(ServerError):
                    await asynchronous_client.list_offers()
    else:
        with Recruitee(**REMOTE) as client:
            for _ in range(3):
                with pytest.raises(ServerError):
                    client.list_offers()
    assert len(proxy.request_lines) == 3
    assert system.bypassed == ["recruitee.test"]


def test_a_proxy_of_the_systems_settings_is_named_as_theirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A proxy of the settings of macOS or Windows out of reach was blamed on HTTPS_PROXY,
    which the user never set."""
    address = f"127.0.0.1:{_closed_port()}"
    SystemProxy(monkeypatch, f"http://{address}")
    remote = {**REMOTE, "base_url": "https://recruitee.test"}
    with Recruitee(**remote) as recruitee, pytest.raises(ApiConnectionError) as caught:
        recruitee.list_offers()
    assert f"via the proxy {address} (the system's proxy settings)" in str(caught.value)
    assert "_PROXY" not in str(caught.value)


def test_a_proxy_of_the_systems_settings_httpx_cannot_use_is_named_as_theirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' settings for a SOCKS proxy read as ``socks4://``, which httpx does not
    take: the error named HTTPS_PROXY, which the user never set."""
    SystemProxy(monkeypatch, "socks4://proxy.corp:1080")
    remote = {**REMOTE, "base_url": "https://recruitee.test"}
    with Recruitee(**remote) as recruitee, pytest.raises(InvalidInputError) as caught:
        recruitee.list_offers()
    assert caught.value.field == "the system's proxy settings"
    assert str(caught.value) == (
        "the system's proxy settings: name a proxy httpx cannot use (socks4://...)"
    )


def test_a_check_through_a_proxy_of_the_systems_settings_names_no_variable(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy.status = b"407 Proxy Authentication Required"
    SystemProxy(monkeypatch, proxy.url)
    with Recruitee(**{**REMOTE, "base_url": "https://recruitee.test"}) as recruitee:
        (check,) = recruitee.check_connection()
    assert "(the system's proxy settings)" in check.detail
    assert check.fix is not None
    assert "_PROXY" not in check.fix + check.detail
