"""A body that breaks off or stalls is a typed, retried failure, not a raw httpx error;
for a request that is never resent, the answer's status stands without its body (a 2xx
write was carried out: it must not look like an answer that never came).

A tiny raw-socket server answers each connection with the next behaviour of a script:
``cut`` sends the headers and part of the body, then closes; ``stall`` sends the
headers and part of the body, then waits longer than the client's read timeout;
``ok`` sends a whole JSON answer.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hirelink.api.join.models import Note
from hirelink.core import ApiConnectionError, ApiTimeoutError, HttpConfig, RetryPolicy, ServerError
from hirelink.core.errors import BODY_LOST
from hirelink.core.http import build_async_client, build_client
from hirelink.sandbox import Fault, StandIn

BODY = b'{"candidates": [{"id": 1, "name": "Lena Vogt"}]}'
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"


class ScriptedServer:
    def __init__(self, script: list[str]) -> None:
        self.script = list(script)
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.requests.append(connection.recv(65536).split(b"\r\n", 1)[0])
            behaviour = self.script.pop(0) if self.script else "ok"
            # Each answer in a thread of its own: a stalled one must not hold up the next.
            threading.Thread(target=self._answer, args=(connection, behaviour)).start()

    def _answer(self, connection: socket.socket, behaviour: str) -> None:
        with connection:
            if behaviour == "ok":
                connection.sendall(HEAD % len(BODY) + BODY)
                return
            connection.sendall(HEAD % len(BODY) + BODY[:10])
            if behaviour == "stall":
                self._stop.wait(2.0)

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._listener.close()


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[ScriptedServer]:
    with ScriptedServer(request.param) as running:
        yield running


def config(url: str) -> HttpConfig:
    config = HttpConfig.create(base_url=url, auth=None, timeout=0.5, max_retries=2)
    return HttpConfig(
        base_url=config.base_url,
        timeout=config.timeout,
        retry=RetryPolicy(max_retries=2, jitter=lambda delay: 0.0),
        headers=config.headers,
    )


def fresh_connections() -> httpx.HTTPTransport:
    # One connection per request, so each one meets the next behaviour of the script.
    return httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))


@pytest.mark.parametrize("server", [["cut", "stall"]], indirect=True)
def test_a_get_whose_body_breaks_off_or_stalls_is_retried(server: ScriptedServer) -> None:
    with build_client(config(server.url), transport=fresh_connections()) as client:
        assert client.get("/candidates").json()["candidates"][0]["id"] == 1
    assert len(server.requests) == 3


@pytest.mark.parametrize("server", [["cut", "cut", "cut"]], indirect=True)
def test_a_body_cut_every_time_is_an_api_connection_error(server: ScriptedServer) -> None:
    with (
        build_client(config(server.url), transport=fresh_connections()) as client,
        pytest.raises(ApiConnectionError) as caught,
    ):
        client.get("/candidates")
    assert not isinstance(caught.value, ApiTimeoutError)
    assert isinstance(caught.value.__cause__, httpx.RemoteProtocolError)
    assert len(server.requests) == 3


@pytest.mark.parametrize("server", [["stall"], ["cut"]], indirect=True)
def test_a_post_whose_body_is_lost_keeps_its_status_and_is_never_resent(
    server: ScriptedServer,
) -> None:
    with build_client(config(server.url), transport=fresh_connections()) as client:
        response = client.post("/candidates", json={"name": "Lena"})
    assert response.status_code == 200
    assert response.content == b""
    assert response.extensions[BODY_LOST].startswith(("ReadTimeout", "RemoteProtocol", "ReadError"))
    assert server.requests == [b"POST /candidates HTTP/1.1"]


BROKEN_GZIP = {"Content-Encoding": "gzip"}
NOT_GZIP = "this is not gzip data at all"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.anyio
async def test_a_write_answered_201_with_a_lost_body_returns_its_result_and_warns(
    join_sandbox_session: StandIn[Any], caplog: pytest.LogCaptureFixture, asynchronous: bool
) -> None:
    served = join_sandbox_session
    fault = Fault(
        method="POST", path=r"/notes$", status=201, headers=BROKEN_GZIP, body=NOT_GZIP, times=2
    )
    served.sandbox.faults.add(fault)
    caplog.set_level(logging.WARNING, logger="hirelink")
    try:
        if asynchronous:
            async with served.async_client() as join:
                note = await join.create_candidate_note(4010001, "Identity verified.")
        else:
            with served.client() as join:
                note = join.create_candidate_note(4010001, "Identity verified.")
        assert served.sandbox.faults.remaining(fault) == 1  # sent once, never resent
    finally:
        served.sandbox.faults.clear()
    assert isinstance(note, Note)
    warned = [r.getMessage() for r in caplog.records if r.name == "hirelink.reading"]
    assert len(warned) == 1
    assert "the write was carried out" in warned[0]
    assert "its body was lost: DecodingError" in warned[0]


def test_an_error_status_whose_body_is_lost_is_raised_with_its_status(
    join_sandbox_session: StandIn[Any],
) -> None:
    served = join_sandbox_session
    served.sandbox.faults.add(
        Fault(method="POST", path=r"/notes$", status=503, headers=BROKEN_GZIP, body=NOT_GZIP)
    )
    with served.client() as join, pytest.raises(ServerError) as caught:
        join.create_candidate_note(4010001, "Identity verified.")
    assert caught.value.status_code == 503
    assert "its body was lost" in str(caught.value)


@pytest.mark.anyio
@pytest.mark.parametrize("server", [["cut", "stall"]], indirect=True)
async def test_async_reads_the_body_inside_the_retry_layer_too(server: ScriptedServer) -> None:
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    async with build_async_client(config(server.url), transport=transport) as client:
        assert (await client.get("/candidates")).json()["candidates"][0]["id"] == 1
    assert len(server.requests) == 3
