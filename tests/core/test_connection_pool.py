"""hirelink's own connection pool keeps a connection per concurrent caller open.

httpx keeps 20 idle connections by default: with more threads sharing a client, nearly
every request closed one connection and opened another (160 for 160 requests of 32
threads). The async pool is given the same limits.
"""

from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from hirelink.recruitee import Recruitee
from hirelink.sandbox import RecruiteeSandbox, StandIn

CALLERS = 32
ROUNDS = 5


def test_a_client_shared_by_32_threads_opens_a_connection_per_thread_at_most(
    recruitee_sandbox: StandIn[RecruiteeSandbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    connect = socket.create_connection

    def counting(*args: Any, **kwargs: Any) -> socket.socket:
        opened.append(args[0])
        return connect(*args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", counting)
    start = threading.Barrier(CALLERS)

    def calls(client: Recruitee) -> int:
        start.wait(10)
        return sum(len(client.list_offers()) for _ in range(ROUNDS))

    with (
        Recruitee(**recruitee_sandbox.client_kwargs()) as client,
        ThreadPoolExecutor(CALLERS) as pool,
    ):
        listed = list(pool.map(calls, [client] * CALLERS))
    assert all(listed)
    assert recruitee_sandbox.hits("GET", "/offers") == CALLERS * ROUNDS
    assert 0 < len(opened) <= CALLERS
