"""A callback may return something (a task id, a queue length): the receivers take any
result and await an awaitable one. Typed to return None, they made type checkers refuse
``task.delay``, ``redis.lpush`` or a function that returns a status; mypy checking this
module is half of each test."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading

import httpx

from hirelink.personio.webhooks import WebhookDelivery
from hirelink.personio.webhooks import create_webhook_app as personio_app
from hirelink.recruitee.webhooks import SIGNATURE_HEADER, WebhookEvent
from hirelink.recruitee.webhooks import create_webhook_app as recruitee_app
from hirelink.recruitee_partners.service import (
    CandidateReceiver,
    SendCandidatePayload,
    create_partner_app,
)
from hirelink.sandbox import SandboxServer


def test_a_recruitee_callback_returning_a_value_is_taken() -> None:
    handled: list[int] = []

    def enqueue(event: WebhookEvent) -> bool:  # e.g. a queue's "accepted"
        handled.append(1)
        return True

    body = json.dumps({"event_type": "new_candidate", "payload": {"candidate": {"id": 7}}})
    signature = hmac.new(b"s3cret", body.encode(), hashlib.sha256).hexdigest()
    with SandboxServer(recruitee_app(secret="s3cret", on_event=enqueue)) as server:
        answer = httpx.post(server.url, content=body, headers={SIGNATURE_HEADER: signature})
    assert answer.status_code == 200
    assert handled == [1]


def test_a_personio_callback_returning_a_value_is_taken() -> None:
    handled = threading.Event()

    async def enqueue(delivery: WebhookDelivery) -> str:  # e.g. a task id
        handled.set()
        return f"task-{delivery.event_name}"

    event = {"company_id": 41737, "event_name": "person.created", "payload": {"id": "1"}}
    with SandboxServer(personio_app(tokens=["t0ken"], on_event=enqueue)) as server:
        answer = httpx.post(server.url, json=event, headers={"Authorization": "t0ken"})
        assert handled.wait(10)
    assert answer.status_code == 202


def test_a_partner_service_receiver_returning_a_value_is_taken() -> None:
    invited: list[str] = []

    def invite(token: str, payload: SendCandidatePayload) -> int:  # e.g. an invitation id
        invited.append(payload.email)
        return len(invited)

    receiver: CandidateReceiver = invite
    app = create_partner_app(
        validate_token=lambda token: token == "t0ken", list_tests=lambda token: [],
        on_send_candidate=receiver,
    )  # fmt: skip
    payload = {
        "first_name": "Ada", "last_name": "Lindqvist", "email": "ada@example.org",
        "candidate_id": 7730011, "company_id": 4100, "test_id": "12", "test_name": "SQL",
        "report_id": "3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa",
    }  # fmt: skip
    with SandboxServer(app) as server:
        answer = httpx.post(
            f"{server.url}/send_candidate", json=payload, headers={"Authorization": "Bearer t0ken"}
        )
    assert answer.status_code == 200
    assert invited == ["ada@example.org"]
