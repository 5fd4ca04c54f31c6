"""Each receiver of provider calls mounted in an application of its own, over real HTTP:
the application's body limit."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hirelink.personio.webhooks import create_webhook_app as personio_app
from hirelink.recruitee.webhooks import SIGNATURE_HEADER
from hirelink.recruitee.webhooks import create_webhook_app as recruitee_app
from hirelink.recruitee_partners.service import create_partner_app
from hirelink.sandbox.server import SandboxServer

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
