"""Each receiver of provider calls mounted in an application of its own, over real HTTP:
the application's body limit, and its sync endpoints beside the receiver's sync callbacks."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hirelink.core.receiver import CALLBACK_THREADS
from hirelink.personio.webhooks import create_webhook_app as personio_app
from hirelink.recruitee.webhooks import SIGNATURE_HEADER
from hirelink.recruitee.webhooks import create_webhook_app as recruitee_app
from hirelink.recruitee_partners.service import create_partner_app
from hirelink.sandbox.server import SandboxServer
from tests.waiting import wait_until

SHARED_POOL = 40
"""Threads in anyio's process-wide pool, where Starlette runs an application's sync endpoints."""
APP_LIMIT = 2_000
"""The application's body limit, far below a receiver's own (1 MB)."""

RECRUITEE_SECRET = "whsec-recruitee-in-app-51"
PERSONIO_TOKEN = "t0ken-personio-in-app"
PARTNER_TOKEN = "customer-token-in-app-4100"
RECEIVERS = ["recruitee", "personio", "partner kit"]
REFUSED_AS_TOO_LARGE = {
    "recruitee": "the Recruitee receiver refused a delivery to /in/ with 413: Content Too Large",
    "personio": "the Personio receiver refused a delivery to /in/ with 413: Content Too Large",
    "partner kit": "the partner service refused a call to /in/send_candidate with 413:"
    " Content Too Large",
}
_ids = itertools.count(4_700_000)


def receiver(kind: str, handle: Callable[[object], object]) -> Starlette:
    """The receiver of ``kind``, whose one sync callback taking a delivery is ``handle``."""
    if kind == "recruitee":
        return recruitee_app(secret=RECRUITEE_SECRET, on_event=handle)
    if kind == "personio":
        return personio_app(tokens=[PERSONIO_TOKEN], on_event=handle)
    return create_partner_app(
        validate_token=lambda token: token == PARTNER_TOKEN,
        list_tests=lambda token: [],
        on_send_candidate=lambda token, payload: handle(payload),
    )


def delivery(kind: str, padding: int = 0) -> bytes:
    """A new delivery's body (a new event each time: the Recruitee receiver drops repeats)."""
    number = next(_ids)
    document: dict[str, Any]
    if kind == "recruitee":
        document = {"event_type": "new_candidate", "payload": {"candidate": {"id": number}}}
    elif kind == "personio":
        document = {"company_id": 41737, "event_name": "person.created", "payload": {"id": "1"}}
    else:
        document = {
            "first_name": "Ada",
            "last_name": "Lindqvist",
            "email": "ada.lindqvist@example.org",
            "candidate_id": number,
            "company_id": 4100,
            "report_id": "3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa",
            "test_id": "12",
            "test_name": "SQL analytics",
        }
    if padding:
        document["padding"] = "x" * padding
    return json.dumps(document).encode()


def deliver(
    kind: str, url: str, body: bytes, *, chunked: bool = False, timeout: float = 90
) -> httpx.Response:
    """POST ``body`` to the receiver of ``kind`` served at ``url``, as its provider does;
    ``chunked``: without a Content-Length."""
    if kind == "recruitee":
        signature = hmac.new(RECRUITEE_SECRET.encode(), body, hashlib.sha256).hexdigest()
        headers, path = {SIGNATURE_HEADER: signature}, "/"
    elif kind == "personio":
        headers, path = {"Authorization": PERSONIO_TOKEN}, "/"
    else:
        headers, path = {"Authorization": f"Bearer {PARTNER_TOKEN}"}, "/send_candidate"
    content: bytes | Iterator[bytes] = iter([body]) if chunked else body
    headers["Content-Type"] = "application/json"
    return httpx.post(f"{url}{path}", content=content, headers=headers, timeout=timeout)


class BodyLimit:
    """What FastAPI's ``max_body_size`` and Starlette's ``RequestBodyLimitMiddleware`` do:
    ``receive()`` raises an HTTPException 413 once the body outgrows the limit."""

    def __init__(self, app: ASGIApp, max_body_size: int) -> None:
        self.app, self.max_body_size = app, max_body_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        read = 0

        async def limited() -> Message:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.max_body_size:
                raise HTTPException(413, "Content Too Large")
            return message

        await self.app(scope, limited, send)


def starlettes_body_limit(app: ASGIApp, max_body_size: int) -> ASGIApp:
    limiting = pytest.importorskip("starlette.middleware.body_limit")  # not in older ones
    middleware: ASGIApp = limiting.RequestBodyLimitMiddleware(app, max_body_size=max_body_size)
    return middleware


@pytest.mark.parametrize("limit", [BodyLimit, starlettes_body_limit])
@pytest.mark.parametrize("kind", RECEIVERS)
def test_a_body_over_the_apps_limit_gets_its_413_logged_as_a_refusal(
    kind: str, limit: Callable[[ASGIApp, int], ASGIApp], caplog: pytest.LogCaptureFixture
) -> None:
    # The HTTPException raised from receive() was taken for a failure of the receiver: a
    # chunked body got 500, and every such body an unthrottled ERROR line ("the ...
    # receiver failed on ... 413"), which any sender could write.
    handled: list[object] = []
    app = limit(Starlette(routes=[Mount("/in", receiver(kind, handled.append))]), APP_LIMIT)
    caplog.set_level(logging.DEBUG, logger="hirelink")
    with SandboxServer(app) as server:
        answers = [
            deliver(kind, f"{server.url}/in", delivery(kind, padding=5_000), chunked=chunked)
            for chunked in (False, True, False, True)
        ]
    assert [answer.status_code for answer in answers] == [413] * 4
    assert answers[1].json() == {"error": "Content Too Large"}  # the receiver's own shape
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        REFUSED_AS_TOO_LARGE[kind]
    ]  # the others within the minute are counted, not logged
    assert handled == []


class SlowBodyRefused:
    """A middleware refusing every body with 408 as it is read (a slow sender's)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def refused() -> Message:
            raise HTTPException(408, "Request Timeout")

        await self.app(scope, refused if scope["type"] == "http" else receive, send)


@pytest.mark.parametrize("kind", RECEIVERS)
def test_another_status_the_app_refuses_a_body_with_is_logged_too(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Answered with its status and logged nowhere: Personio does not resend, and the
    # delivery was lost without a trace.
    handled: list[object] = []
    app = SlowBodyRefused(Starlette(routes=[Mount("/in", receiver(kind, handled.append))]))
    caplog.set_level(logging.DEBUG, logger="hirelink")
    with SandboxServer(app) as server:
        answers = [deliver(kind, f"{server.url}/in", delivery(kind)) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [408] * 2
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == 1  # the second within the minute is counted
    assert warned[0].endswith("with 408: Request Timeout")
    assert handled == []


@pytest.mark.parametrize("kind", RECEIVERS)
def test_slow_sync_callbacks_filling_a_receivers_threads_leave_the_apps_sync_endpoints_alone(
    kind: str,
) -> None:
    # A Recruitee receiver's and the partner kit's sync callbacks ran on anyio's shared
    # pool: a burst of slow ones (a bulk import in Recruitee) held every thread of it, and
    # the application's own sync endpoints waited for them.
    release = threading.Event()
    started: list[object] = []
    endpoint_ran_while_held: list[bool] = []

    def slow(item: object) -> None:
        started.append(item)
        assert release.wait(60)

    def status(request: Request) -> PlainTextResponse:  # sync: on anyio's shared pool
        endpoint_ran_while_held.append(not release.is_set())
        return PlainTextResponse("up")

    app = Starlette(routes=[Route("/status", status), Mount("/in", receiver(kind, slow))])
    sent = CALLBACK_THREADS + 5
    with SandboxServer(app) as server, ThreadPoolExecutor(sent) as senders:
        try:
            answers = [
                senders.submit(deliver, kind, f"{server.url}/in", delivery(kind))
                for _ in range(sent)
            ]
            wait_until(lambda: len(started) == CALLBACK_THREADS, "a callback on every thread")
            checked = httpx.get(f"{server.url}/status", timeout=30)  # a hang guard
            assert checked.status_code == 200
            assert endpoint_ran_while_held == [True]
            assert len(started) == CALLBACK_THREADS  # the rest wait for the receiver's threads
        finally:
            release.set()
        assert {answer.result().status_code for answer in answers} <= {200, 202}
    wait_until(lambda: len(started) == sent, "every callback, once the threads were free")


@pytest.mark.parametrize("kind", RECEIVERS)
def test_the_apps_sync_endpoints_holding_the_shared_pool_leave_a_receivers_callbacks_alone(
    kind: str,
) -> None:
    # The other way round: the callbacks that ran on anyio's shared pool waited for it.
    release = threading.Event()
    waiting: list[int] = []
    handled_while_busy: list[bool] = []

    def busy(request: Request) -> PlainTextResponse:
        waiting.append(1)
        assert release.wait(60)
        return PlainTextResponse("done")

    def handle(item: object) -> None:
        handled_while_busy.append(not release.is_set())

    app = Starlette(routes=[Route("/busy", busy), Mount("/in", receiver(kind, handle))])
    with SandboxServer(app) as server, ThreadPoolExecutor(SHARED_POOL) as callers:
        try:
            busy_answers = [
                callers.submit(httpx.get, f"{server.url}/busy", timeout=90)
                for _ in range(SHARED_POOL)
            ]
            wait_until(lambda: len(waiting) == SHARED_POOL, "sync endpoint holding each thread")
            answered = deliver(kind, f"{server.url}/in", delivery(kind), timeout=30)  # a hang guard
            assert answered.status_code in (200, 202)
            wait_until(lambda: handled_while_busy, "the callback, beside the busy endpoints")
            assert handled_while_busy == [True]
        finally:
            release.set()
        assert [answer.result().status_code for answer in busy_answers] == [200] * SHARED_POOL
