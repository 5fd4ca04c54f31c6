"""A request waiting for a connection of hirelink's pool has not gone out: stopped there,
its rate-limit slot is given back and a write is not said to have maybe been carried out.
Once its first bytes are written it counts as sent."""

from __future__ import annotations

import gc
import http.server
import socket
import weakref
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

import anyio
import httpx
import pytest

from hirelink.core import HttpConfig, RateLimit, SlidingWindowLimiter, may_have_been_carried_out
from hirelink.core.calls import INTERRUPTED_WRITE
from hirelink.core.errors import HANDED_OVER
from hirelink.core.http import build_async_client, build_client
from hirelink.recruitee import AsyncRecruitee
from hirelink.sandbox import Fault, serve_stand_in
from tests.local_servers import serving

POOL_SIZE = 100  # httpx's default for an async client, and hirelink's pool's


@contextmanager
def silent_server() -> Iterator[str]:
    """A loopback server whose backlog accepts every connection and which never answers:
    each request sent to it holds its pooled connection."""
    with closing(socket.create_server(("127.0.0.1", 0), backlog=POOL_SIZE * 2)) as listener:
        host, port = listener.getsockname()[:2]
        yield f"http://{host}:{port}"


class _Accepting(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        pass


async def _hold_the_pool(client: httpx.AsyncClient, group: anyio.abc.TaskGroup) -> None:
    for index in range(POOL_SIZE):
        group.start_soon(client.get, f"/held/{index}")
    await anyio.sleep(0.5)  # every connection taken, its request written and unanswered


@pytest.mark.anyio
async def test_a_request_cancelled_waiting_for_a_pooled_connection_gives_its_slot_back() -> None:
    limiter = SlidingWindowLimiter(1, 60.0)
    posted: list[httpx.Request] = []
    with silent_server() as url:
        config = _posts_limited(url, limiter)
        async with build_async_client(config) as client, anyio.create_task_group() as group:
            client.event_hooks["request"].append(_keep_posts(posted))
            await _hold_the_pool(client, group)
            with anyio.move_on_after(0.3) as waiting:
                await client.post("/documents", json={"name": "cv.pdf"})
            group.cancel_scope.cancel()
    assert waiting.cancelled_caught
    assert [request.extensions[HANDED_OVER] for request in posted] == [False]
    assert limiter.reserve().wait == 0.0  # 60.0 had the cancelled request kept its slot


@pytest.mark.anyio
async def test_a_request_written_then_cancelled_keeps_its_slot() -> None:
    limiter = SlidingWindowLimiter(1, 60.0)
    posted: list[httpx.Request] = []
    with silent_server() as url:
        config = _posts_limited(url, limiter)
        async with build_async_client(config) as client:
            client.event_hooks["request"].append(_keep_posts(posted))
            with anyio.move_on_after(0.3) as waiting:
                await client.post("/documents", json={"name": "cv.pdf"})
    assert waiting.cancelled_caught
    assert [request.extensions[HANDED_OVER] for request in posted] == [True]
    assert limiter.reserve().wait > 50  # it reached the server: its slot is spent


def _posts_limited(url: str, limiter: SlidingWindowLimiter) -> HttpConfig:
    """A client's settings: no resends, and ``limiter`` counting its POSTs."""
    return HttpConfig.create(
        base_url=url, auth=None, max_retries=0, rate_limits=[RateLimit(limiter, methods=["POST"])]
    )


def _keep_posts(posted: list[httpx.Request]) -> Any:
    async def keep(request: httpx.Request) -> None:
        if request.method == "POST":
            posted.append(request)

    return keep


@pytest.mark.anyio
async def test_a_write_cancelled_while_waiting_for_a_connection_was_not_sent() -> None:
    """It said "may have been carried out: check before sending it again" though it had
    never left: a job retried on that note looked for a note that was never written."""
    with serve_stand_in("recruitee") as stand_in:
        stand_in.faults.add(Fault(path=r"/offers$", kind="delay", delay=30, times=-1))
        async with AsyncRecruitee(**stand_in.client_kwargs()) as client:
            stopped: list[BaseException] = []
            async with anyio.create_task_group() as group:
                for _ in range(POOL_SIZE):
                    group.start_soon(client.list_offers)
                for _ in range(400):  # until every pooled connection holds a request
                    if stand_in.hits("GET", "/offers") >= POOL_SIZE:
                        break
                    await anyio.sleep(0.05)
                with anyio.move_on_after(0.3) as waiting:
                    try:
                        await client.create_candidate_note(7730001, "Never sent.")
                    except BaseException as error:
                        stopped.append(error)
                        raise
                group.cancel_scope.cancel()
        assert stand_in.hits("POST", "/notes") == 0
    assert waiting.cancelled_caught
    assert INTERRUPTED_WRITE not in getattr(stopped[0], "__notes__", [])
    assert not may_have_been_carried_out(stopped[0])


@pytest.mark.anyio
async def test_a_request_waiting_for_a_proxy_to_open_its_tunnel_was_not_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """httpcore writes the CONNECT that opens a tunnel with the request's own trace: that
    marked the request sent before a byte of it could reach the provider."""
    limiter = SlidingWindowLimiter(1, 60.0)
    posted: list[httpx.Request] = []
    with silent_server() as proxy:  # takes the CONNECT, never answers it
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        config = _posts_limited("https://provider.example", limiter)
        async with build_async_client(config) as client:
            client.event_hooks["request"].append(_keep_posts(posted))
            with anyio.move_on_after(0.3) as waiting:
                await client.post("/notes", json={"body": "x"})
    assert waiting.cancelled_caught
    assert [request.extensions[HANDED_OVER] for request in posted] == [False]
    assert limiter.reserve().wait == 0.0


def test_a_request_is_freed_when_its_call_returns() -> None:
    """The mark's trace held the request, body and all, in a reference cycle: 50 uploads
    of 20 MB grew a process to 640 MB before the cycle collector ran."""
    with serving(_Accepting) as url:
        config = HttpConfig.create(base_url=url, auth=None, max_retries=0)
        with build_client(config) as client:
            client.post("/warm", content=b"x")
            gc.disable()
            try:
                response = client.post("/upload", content=b"x" * 1_000_000)
                request = weakref.ref(response.request)
                del response
                freed = request() is None
            finally:
                gc.enable()
    assert freed


@pytest.mark.anyio
async def test_a_write_cancelled_in_its_backoff_after_a_429_was_not_carried_out() -> None:
    """The first attempt's "gone out" mark stayed through the wait for a resend: a write
    refused with a 429 and cancelled before its resend was said to have maybe been
    carried out (and its resend's rate-limit slot was kept)."""
    with serve_stand_in("recruitee") as stand_in:
        answer = Fault(path=r"/notes$", status=429, headers={"Retry-After": "30"}, times=1)
        stand_in.faults.add(answer)
        async with AsyncRecruitee(**stand_in.client_kwargs()) as client:
            stopped: list[BaseException] = []
            with anyio.move_on_after(1) as waiting:
                try:
                    await client.create_candidate_note(7730001, "Refused, then given up.")
                except BaseException as error:
                    stopped.append(error)
                    raise
        assert stand_in.hits("POST", "/notes") == 1
    assert waiting.cancelled_caught
    assert not may_have_been_carried_out(stopped[0])
    assert INTERRUPTED_WRITE not in getattr(stopped[0], "__notes__", [])
