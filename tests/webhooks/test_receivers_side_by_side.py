"""Both receivers in one process, as in one integration service, over real HTTP."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from collections.abc import Callable

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from hirelink.personio.webhooks import WebhookDelivery
from hirelink.personio.webhooks import create_webhook_app as personio_app
from hirelink.recruitee.webhooks import SIGNATURE_HEADER, EventHandler, WebhookEvent
from hirelink.recruitee.webhooks import create_webhook_app as recruitee_app
from hirelink.sandbox.server import SandboxServer
from tests.waiting import wait_until

SHARED_POOL = 40
"""Threads in anyio's process-wide pool, which sync callbacks and endpoints share."""


def _sync_callback(handled: list[int]) -> EventHandler:
    def on_event(event: WebhookEvent) -> None:
        handled.append(1)

    return on_event


def _async_callback(handled: list[int]) -> EventHandler:
    async def on_event(event: WebhookEvent) -> None:
        handled.append(1)

    return on_event


@pytest.mark.parametrize("recruitee_callback", [_sync_callback, _async_callback])
def test_a_personio_backlog_does_not_hold_up_a_recruitee_delivery(
    recruitee_callback: Callable[[list[int]], EventHandler],
) -> None:
    # Personio's on_event runs after its 202: a burst of slow ones took every thread of
    # the shared pool, and a Recruitee delivery waited behind the whole backlog for a
    # thread (to claim the delivery, and for a sync on_event to run).
    release = threading.Event()
    started: list[int] = []
    handled: list[int] = []

    def slow_sync(delivery: WebhookDelivery) -> None:
        started.append(1)
        assert release.wait(60)

    on_recruitee_event = recruitee_callback(handled)

    app = Starlette(
        routes=[
            Mount("/personio", personio_app(tokens=["t0ken-personio"], on_event=slow_sync)),
            Mount("/recruitee", recruitee_app(secret="s3cret", on_event=on_recruitee_event)),
        ]
    )
    event = {"company_id": 41737, "event_name": "person.updated", "payload": {"id": "1"}}
    body = json.dumps({"event_type": "new_candidate", "payload": {"candidate": {"id": 7}}})
    signature = hmac.new(b"s3cret", body.encode(), hashlib.sha256).hexdigest()
    with SandboxServer(app) as server:
        try:
            auth = {"Authorization": "t0ken-personio"}
            for _ in range(SHARED_POOL + 10):  # a connection each: none waits for another
                answer = httpx.post(f"{server.url}/personio/", json=event, headers=auth)
                assert answer.status_code == 202
            wait_until(lambda: len(started) >= SHARED_POOL, "Personio backlog")
            delivered = httpx.post(
                f"{server.url}/recruitee/",
                content=body,
                headers={SIGNATURE_HEADER: signature},
                timeout=30,  # a hang guard: it waited for the whole backlog
            )
            assert delivered.status_code == 200
            assert handled == [1]
        finally:
            release.set()


def test_one_personio_receivers_backlog_does_not_hold_up_another_ones() -> None:
    # Under anyio before 4.10 (the lowest versions run), every Personio receiver of an
    # event loop shared one limiter: a backlog at one company's held up the other's.
    release = threading.Event()
    started: list[int] = []
    handled: list[WebhookDelivery] = []

    def slow_sync(delivery: WebhookDelivery) -> None:
        started.append(1)
        assert release.wait(60)

    app = Starlette(
        routes=[
            Mount("/a", personio_app(tokens=["t0ken-a"], on_event=slow_sync)),
            Mount("/b", personio_app(tokens=["t0ken-b"], on_event=handled.append)),
        ]
    )
    event = {"company_id": 41737, "event_name": "person.updated", "payload": {"id": "1"}}
    with SandboxServer(app) as server:
        try:
            for _ in range(SHARED_POOL + 5):
                answer = httpx.post(
                    f"{server.url}/a/", json=event, headers={"Authorization": "t0ken-a"}
                )
                assert answer.status_code == 202
            wait_until(lambda: len(started) >= SHARED_POOL, "company A's backlog")
            answer = httpx.post(
                f"{server.url}/b/", json=event, headers={"Authorization": "t0ken-b"}
            )
            assert answer.status_code == 202
            wait_until(lambda: len(handled) == 1, "company B's on_event, beside A's backlog")
        finally:
            release.set()


@pytest.mark.parametrize("path", ["/", "/incoming"])
def test_a_health_check_of_either_receiver_gets_200_and_leaves_no_log_line(
    path: str, caplog: pytest.LogCaptureFixture
) -> None:
    # A load balancer's default health check (GET, expecting a 2xx) got 405: a receiver
    # served on its own was marked unhealthy, and every delivery failed at the balancer.
    handled: list[object] = []
    receivers = {
        "personio": personio_app(tokens=["t0ken-personio"], on_event=handled.append, path=path),
        "recruitee": recruitee_app(secret="s3cret", on_event=handled.append, path=path),
    }
    caplog.set_level(logging.DEBUG, logger="hirelink")
    for provider, receiver in receivers.items():
        with SandboxServer(receiver) as server:
            probed = httpx.get(f"{server.url}{path}")
            assert (provider, probed.status_code, probed.json()) == (provider, 200, {})
            assert httpx.head(f"{server.url}{path}").status_code == 200
            assert httpx.put(f"{server.url}{path}").status_code == 405
    assert [r for r in caplog.records if r.name.startswith("hirelink")] == []
    assert handled == []
