"""Retry policy and transport: unit tests over httpx.MockTransport (core only)."""

from __future__ import annotations

import errno
import os
import socket
import ssl
import time
from collections.abc import Callable

import anyio
import httpx
import pytest

from hirelink.core import (
    ApiConnectionError,
    ApiTimeoutError,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    request_options,
)
from hirelink.core.calls import worth_retrying
from hirelink.core.errors import OPERATION
from hirelink.core.transport import system_reason
from hirelink.core.waits import server_requested_wait

Handler = Callable[[httpx.Request], httpx.Response]


def scripted(*outcomes: int | Exception | httpx.Response) -> tuple[Handler, list[str]]:
    """A handler answering with ``outcomes`` in order; records the methods it saw."""
    seen: list[str] = []
    queue = list(outcomes)

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.method)
        outcome = queue.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        if isinstance(outcome, httpx.Response):
            return outcome
        return httpx.Response(outcome, json={"n": len(seen)})

    return handler, seen


def client_for(handler: Handler, sleeps: list[float], **policy: object) -> httpx.Client:
    retry = RetryPolicy(jitter=lambda delay: delay, **policy)  # type: ignore[arg-type]
    transport = RetryTransport(httpx.MockTransport(handler), retry, sleep=sleeps.append)
    return httpx.Client(transport=transport, base_url="https://api.test")


def test_get_is_retried_after_503_with_exponential_backoff() -> None:
    handler, seen = scripted(503, 503, 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps, max_retries=2, backoff_initial=0.5) as client:
        response = client.get("/x")
    assert response.status_code == 200
    assert seen == ["GET", "GET", "GET"]
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize("status", [520, 521, 522, 523, 524])
def test_a_cdn_that_could_not_reach_the_provider_is_asked_again(status: int) -> None:
    """worth_retrying said a 52x was worth retrying, yet the transport never resent one."""
    handler, seen = scripted(status, 200)
    with client_for(handler, []) as client:
        assert client.get("/x").status_code == 200
    assert len(seen) == 2


def test_post_is_not_resent_after_a_server_error() -> None:
    handler, seen = scripted(503, 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps) as client:
        response = client.post("/applications", json={})
    assert response.status_code == 503
    assert seen == ["POST"]
    assert sleeps == []


def test_post_is_resent_after_429_honouring_retry_after() -> None:
    handler, seen = scripted(httpx.Response(429, headers={"Retry-After": "3"}), 201)
    sleeps: list[float] = []
    with client_for(handler, sleeps) as client:
        response = client.post("/applications", json={})
    assert response.status_code == 201
    assert seen == ["POST", "POST"]
    assert sleeps == [3.0]


def test_x_ratelimit_reset_is_read_as_seconds_to_wait() -> None:
    handler, _ = scripted(httpx.Response(429, headers={"x-ratelimit-reset": "7"}), 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps) as client:
        assert client.get("/x").status_code == 200
    assert sleeps == [7.0]


def test_x_ratelimit_reset_on_a_server_error_is_not_a_wait() -> None:
    """Rate-limit plugs send the window's reset on every answer; a 503 keeps its backoff."""
    window = {"x-ratelimit-reset": "3600", "x-ratelimit-remaining": "42"}
    handler, seen = scripted(httpx.Response(503, headers=window), 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps, backoff_initial=0.5) as client:
        assert client.get("/x").status_code == 200
    assert seen == ["GET", "GET"]
    assert sleeps == [0.5]


# float() read "1_000" as 1000 s (not waited for: the 429 raised at once) and "1e1" as 10 s.
@pytest.mark.parametrize("value", ["-5", "nan", "-inf", "inf", "1_000", "1e1", "+3"])
def test_a_retry_after_that_is_no_wait_leaves_it_to_the_backoff(value: str) -> None:
    handler, _ = scripted(httpx.Response(429, headers={"Retry-After": value}), 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps, backoff_initial=0.5) as client:
        assert client.get("/x").status_code == 200
    assert sleeps == [0.5]


@pytest.mark.parametrize("value", ["0", "0.01", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_a_named_wait_shorter_than_the_backoff_waits_the_backoff(value: str) -> None:
    # Both retries went at once (waits of 0): spent within milliseconds of the first 429.
    throttled = httpx.Response(429, headers={"Retry-After": value})
    handler, seen = scripted(throttled, throttled, 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps, max_retries=2, backoff_initial=0.5) as client:
        assert client.get("/x").status_code == 200
    assert len(seen) == 3
    assert sleeps == [0.5, 1.0]


def test_server_wait_beyond_the_cap_is_not_waited_for() -> None:
    handler, seen = scripted(httpx.Response(429, headers={"Retry-After": "3600"}), 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps, max_server_wait=60.0) as client:
        assert client.get("/x").status_code == 429
    assert seen == ["GET"]
    assert sleeps == []


def test_retries_stop_at_max_retries_and_return_the_last_answer() -> None:
    handler, seen = scripted(500, 502, 504)
    sleeps: list[float] = []
    with client_for(handler, sleeps, max_retries=2) as client:
        assert client.get("/x").status_code == 504
    assert len(seen) == 3


def test_connect_error_on_post_is_retried_because_nothing_was_sent() -> None:
    handler, seen = scripted(httpx.ConnectError("refused"), 201)
    sleeps: list[float] = []
    with client_for(handler, sleeps) as client:
        assert client.post("/x", json={}).status_code == 201
    assert seen == ["POST", "POST"]


def test_read_error_on_post_is_not_retried_and_becomes_a_connection_error() -> None:
    handler, seen = scripted(httpx.ReadError("reset by peer"), 201)
    with client_for(handler, []) as client, pytest.raises(ApiConnectionError) as caught:
        client.post("/x", json={})
    assert seen == ["POST"]
    assert "ReadError" in str(caught.value)
    assert not isinstance(caught.value, ApiTimeoutError)


def test_timeouts_become_api_timeout_errors_after_retries() -> None:
    handler, seen = scripted(*[httpx.ReadTimeout("slow")] * 3)
    with client_for(handler, [], max_retries=2) as client, pytest.raises(ApiTimeoutError):
        client.get("/x")
    assert len(seen) == 3


def test_a_timeout_keeps_what_an_http_mock_said_and_not_a_plain_timed_out() -> None:
    """pytest-httpx answers a request nothing was registered for with a TimeoutException
    explaining why; hirelink said only "timed out", and the resends it caused looked like
    a slow provider."""
    explained = "No response can be found for GET request on https://api.test/x"
    for raised, shown in ((explained, f": {explained}"), ("The read operation timed out", "")):
        handler, _ = scripted(httpx.ReadTimeout(raised))
        with (
            client_for(handler, [], max_retries=0) as client,
            pytest.raises(ApiTimeoutError) as caught,
        ):
            client.get("/x")
        assert str(caught.value).split("\n")[0].endswith(f"GET https://api.test/x{shown}")


def test_request_options_override_retries_and_timeout_per_call() -> None:
    timeouts: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        timeouts.append(request.extensions["timeout"]["read"])
        return httpx.Response(503)

    with client_for(handler, [], max_retries=3) as client:
        with request_options(max_retries=0, timeout=1.5):
            assert client.get("/x").status_code == 503
        assert timeouts == [1.5]
        client.get("/x")
    assert len(timeouts) == 1 + 4


def test_server_requested_wait_reads_http_dates_and_unix_times() -> None:
    now = 1_700_000_000.0
    date_header = httpx.Headers({"Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT"})
    assert server_requested_wait(date_header, now=lambda: now) == pytest.approx(10.0)
    unix = httpx.Headers({"x-ratelimit-reset": str(int(now) + 4)})
    assert server_requested_wait(unix, now=lambda: now) == pytest.approx(4.0)
    # In milliseconds it was read as seconds: a wait of 1.7e12 s, an error at once.
    millis = httpx.Headers({"x-ratelimit-reset": str(int(now * 1000) + 2500)})
    assert server_requested_wait(millis, now=lambda: now) == pytest.approx(2.5)
    assert server_requested_wait(httpx.Headers({})) is None
    # A value that is neither leaves the wait to the backoff, or to x-ratelimit-reset.
    assert server_requested_wait(httpx.Headers({"Retry-After": "soon"})) is None
    assert server_requested_wait(httpx.Headers({"Retry-After": " 7.5 "})) == 7.5
    assert server_requested_wait(httpx.Headers({"x-ratelimit-reset": "1_0"})) is None
    assert server_requested_wait(httpx.Headers({"Retry-After": "9" * 400})) is None
    both = httpx.Headers({"Retry-After": "", "x-ratelimit-reset": "4"})
    assert server_requested_wait(both, now=lambda: now) == pytest.approx(4.0)


def test_a_moment_the_server_names_is_measured_from_its_own_date() -> None:
    # A host an hour ahead of the server measured "10 s from now" on its own clock: no
    # wait at all, its retries spent on more 429s (the time hunt).
    server_now = 1_700_000_000.0
    host_now = server_now + 3600
    stamped = {"Date": "Tue, 14 Nov 2023 22:13:20 GMT"}  # server_now
    retry_at = httpx.Headers({**stamped, "Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT"})
    assert server_requested_wait(retry_at, now=lambda: host_now) == pytest.approx(10.0)
    reset_at = httpx.Headers({**stamped, "x-ratelimit-reset": str(int(server_now) + 4)})
    assert server_requested_wait(reset_at, now=lambda: host_now) == pytest.approx(4.0)
    unreadable = httpx.Headers(
        {"Date": "yesterday", "Retry-After": "Tue, 14 Nov 2023 22:13:30 GMT"}
    )
    assert server_requested_wait(unreadable, now=lambda: server_now) == pytest.approx(10.0)


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Tokyo"])
def test_an_http_date_without_a_zone_is_gmt_on_any_host(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # asctime's form (and -0000) carries no zone; it was read in the host's zone, so
    # outside UTC a 5 s wait became hours (or none).
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        now = 1_700_000_000.0  # 2023-11-14 22:13:20 GMT
        for header in ("Tue Nov 14 22:13:25 2023", "Tue, 14 Nov 2023 22:13:25 -0000"):
            wait = server_requested_wait(httpx.Headers({"Retry-After": header}), now=lambda: now)
            assert wait == pytest.approx(5.0), (zone, header)
    finally:
        monkeypatch.undo()  # the zone the process had, then read again
        time.tzset()


def test_default_jitter_stays_between_half_and_full_delay() -> None:
    policy = RetryPolicy()
    waits = [policy.backoff(3) for _ in range(200)]
    assert all(1.0 <= wait <= 2.0 for wait in waits)
    assert len(set(waits)) > 1


@pytest.mark.anyio
async def test_async_transport_shares_the_policy() -> None:
    handler, seen = scripted(httpx.Response(429, headers={"Retry-After": "2"}), 503, 201)
    sleeps: list[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    policy = RetryPolicy(jitter=lambda delay: delay)
    transport = AsyncRetryTransport(httpx.MockTransport(handler), policy, sleep=record)
    async with httpx.AsyncClient(transport=transport, base_url="https://api.test") as client:
        response = await client.post("/x", json={})
    # 429 is resent; the 503 that follows is not (POST), so it is the answer.
    assert response.status_code == 503
    assert seen == ["POST", "POST"]
    assert sleeps == [2.0]


def test_a_closed_transport_sends_nothing_more() -> None:
    """A request that reaches the transports after the client closed (it was queued behind
    a token exchange, say) is not sent over a pool nobody would close again."""
    from hirelink.core.ratelimit import RateLimit, RateLimitTransport, SlidingWindowLimiter

    sent: list[str] = []

    def network(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        return httpx.Response(200)

    retrying = RetryTransport(httpx.MockTransport(network), RetryPolicy())
    limiter = SlidingWindowLimiter(2, 60.0)
    limited = RateLimitTransport(httpx.MockTransport(network), [RateLimit(limiter)])
    for transport in (retrying, limited):
        assert transport.handle_request(httpx.Request("GET", "https://api.test/before"))
        transport.close()
        after = httpx.Request("GET", "https://api.test/after", extensions={OPERATION: "get_it"})
        with pytest.raises(ApiConnectionError, match="the client was closed while GET") as caught:
            transport.handle_request(after)
        assert caught.value.operation == "get_it"
    assert sent == ["/before", "/before"]
    assert limiter.reserve().wait == 0.0  # the refused request's slot was given back


def _certificate_error() -> httpx.ConnectError:
    """What httpx raises when the server's certificate does not verify."""
    try:
        try:
            raise ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed")
        except ssl.SSLError as tls:
            raise httpx.ConnectError(str(tls)) from tls
    except httpx.ConnectError as error:
        return error


def test_a_certificate_that_does_not_verify_is_not_retried() -> None:
    """No retry changes the certificate: three handshakes only delay the error."""
    handler, seen = scripted(_certificate_error(), 200)
    sleeps: list[float] = []
    with (
        client_for(handler, sleeps, max_retries=2) as client,
        pytest.raises(ApiConnectionError, match="certificate verify failed") as caught,
    ):
        client.get("/x")
    assert seen == ["GET"]
    assert sleeps == []
    assert caught.value.not_sent is True
    # Nor would a job system's retry: worth_retrying said True for it.
    assert caught.value.permanent
    assert not worth_retrying(caught.value)


def test_a_connection_refused_is_still_retried() -> None:
    handler, seen = scripted(httpx.ConnectError("Connection refused"), 200)
    sleeps: list[float] = []
    with client_for(handler, sleeps, max_retries=2) as client:
        assert client.get("/x").status_code == 200
    assert seen == ["GET", "GET"]


def test_an_async_connection_refused_says_so() -> None:
    """anyio's connect says only "All connection attempts failed": refused, unreachable
    and timed out read alike to whoever is on call."""
    from hirelink.join import AsyncJoin
    from tools.redis_server import free_port

    async def call() -> str:
        base_url = f"http://127.0.0.1:{free_port()}/v2"
        async with AsyncJoin(token="t0ken-value", base_url=base_url, max_retries=0) as join:
            with pytest.raises(ApiConnectionError) as caught:
                await join.list_jobs()
        return str(caught.value).splitlines()[0]

    first_line = anyio.run(call)
    assert first_line.endswith(f"({os.strerror(errno.ECONNREFUSED)})"), first_line


def _raised_from(
    error: BaseException, cause: BaseException | None, context: BaseException | None
) -> BaseException:
    error.__cause__, error.__context__ = cause, context
    return error


def test_the_system_reason_is_a_network_errors_and_none_other() -> None:
    """Only a network error number is named: a certificate's errno 1 read "Operation not
    permitted", and an error the caller was handling was taken for the reason."""
    refused = ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed")
    several_addresses = _raised_from(
        OSError("All connection attempts failed"),
        BaseExceptionGroup("attempts", [refused, TimeoutError("slow")]),
        None,
    )
    assert system_reason(httpx.ConnectError("x").with_traceback(None)) == ""
    assert system_reason(_raised_from(httpx.ConnectError("x"), several_addresses, None)) == (
        os.strerror(errno.ECONNREFUSED)
    )
    certificate = ssl.SSLCertVerificationError(1, "certificate verify failed")
    assert system_reason(_raised_from(httpx.ConnectError("x"), certificate, None)) == ""
    handled = FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert system_reason(_raised_from(httpx.RemoteProtocolError("x"), None, handled)) == ""
    # A fallback call made while handling a refused one fails on its name lookup: the
    # refusal was named as its reason.
    earlier = ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
    lookup = _raised_from(
        socket.gaierror(socket.EAI_NONAME, "Name or service not known"), None, earlier
    )
    assert system_reason(_raised_from(httpx.ConnectError("x"), lookup, None)) == ""


def test_a_backoff_far_into_the_retries_is_the_longest_not_an_overflow() -> None:
    """Retries hunt: from retry 1025 on, 2 ** n overflowed float and the call ended in a
    bare OverflowError (a max_retries meaning "keep trying")."""
    policy = RetryPolicy(max_retries=5000)
    assert policy.backoff(1025) <= policy.backoff_max
    assert policy.backoff(5000) <= policy.backoff_max
