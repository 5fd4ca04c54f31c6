"""Personio webhooks received over real HTTP: tokens, rotation, answering before the work."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from hirelink.personio.webhooks import WebhookDelivery, create_webhook_app
from hirelink.sandbox.server import SandboxServer
from tests.waiting import wait_until

from .collecting import Collected

OLD_TOKEN = "whk-token-old-51c2"
NEW_TOKEN = "whk-token-new-9e07"
_ids = itertools.count(12_345_000)


def delivery(event_name: str = "person.created") -> dict[str, Any]:
    return {
        "company_id": 41737,
        "event_name": event_name,
        "occurred_at": "2026-03-02T09:15:00Z",
        "payload": {"id": str(next(_ids))},
        "meta": {"attempt": 1},
    }


class Collector(Collected[WebhookDelivery]):
    """Blocks while ``release`` is clear; an ``explode`` event raises."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.release.set()

    def __call__(self, item: WebhookDelivery) -> None:
        assert self.release.wait(30)
        if item.event_name == "explode":
            raise RuntimeError(f"downstream refused {OLD_TOKEN}")
        super().__call__(item)


@pytest.fixture
def serve() -> Iterator[Callable[..., tuple[httpx.Client, Collector]]]:
    started: list[tuple[SandboxServer, httpx.Client]] = []

    def start(**options: Any) -> tuple[httpx.Client, Collector]:
        collector = options.pop("on_event", None) or Collector()
        if "tokens" not in options:
            options["tokens"] = [OLD_TOKEN, NEW_TOKEN]
        server = SandboxServer(create_webhook_app(on_event=collector, **options)).start()
        http = httpx.Client(base_url=server.url, timeout=10)
        started.append((server, http))
        return http, collector

    yield start
    for server, http in started:
        http.close()
        server.stop()


def test_a_delivery_with_an_accepted_token_reaches_the_callback_typed(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    http, collector = serve()
    sent = [delivery(), delivery("employment.updated")]
    for body, token in zip(sent, (OLD_TOKEN, NEW_TOKEN), strict=True):  # rotation: both work
        answer = http.post("/", json=body, headers={"Authorization": token})
        assert answer.status_code == 202
    received = collector.wait_for(2)
    assert sorted(d.event_name for d in received) == ["employment.updated", "person.created"]
    assert {d.company_id for d in received} == {41737}
    assert received[0].occurred_at.tzinfo is not None
    assert sorted(d.payload["id"] for d in received if d.payload) == sorted(
        b["payload"]["id"] for b in sent
    )


def test_a_delivery_of_an_unexpected_shape_is_still_handed_over(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    # Personio does not resend a refused delivery: refusing it for its shape would lose it.
    http, collector = serve()
    odd = {**delivery(), "payload": ["12345000"], "meta": "attempt-1"}
    assert http.post("/", json=odd, headers={"Authorization": OLD_TOKEN}).status_code == 202
    (received,) = collector.wait_for(1)
    assert received.payload == ["12345000"]
    assert received.meta == "attempt-1"


def test_a_missing_or_unknown_token_gets_401_and_never_reaches_the_callback(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    http, collector = serve()
    missing = http.post("/", json=delivery())
    wrong = http.post("/", json=delivery(), headers={"Authorization": "whk-token-guess"})
    prefixed = http.post("/", json=delivery(), headers={"Authorization": f"Bearer {OLD_TOKEN}"})
    assert [missing.status_code, wrong.status_code, prefixed.status_code] == [401, 401, 401]
    assert OLD_TOKEN not in wrong.text
    http.post("/", json=delivery("sentinel"), headers={"Authorization": OLD_TOKEN})
    assert [d.event_name for d in collector.wait_for(1)] == ["sentinel"]


def test_custom_headers_must_all_match(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    http, collector = serve(tokens=None, headers={"X-Hook-Key": ["k-1a2b3c"], "X-Tenant": ["acme"]})
    both = {"X-Hook-Key": "k-1a2b3c", "X-Tenant": "acme"}
    assert http.post("/", json=delivery(), headers=both).status_code == 202
    assert http.post("/", json=delivery(), headers={"X-Hook-Key": "k-1a2b3c"}).status_code == 401
    assert len(collector.wait_for(1)) == 1


def test_the_answer_does_not_wait_for_the_callback(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    http, collector = serve()
    collector.release.clear()  # the callback blocks until the answer has arrived
    answer = http.post("/", json=delivery(), headers={"Authorization": NEW_TOKEN})
    assert answer.status_code == 202
    assert collector.received == []
    collector.release.set()
    assert len(collector.wait_for(1)) == 1


def test_bad_bodies_and_a_failing_callback(
    serve: Callable[..., tuple[httpx.Client, Collector]], caplog: pytest.LogCaptureFixture
) -> None:
    http, collector = serve(max_body_bytes=1_000)
    auth = {"Authorization": OLD_TOKEN}
    assert http.post("/", content=b"{not json", headers=auth).status_code == 400
    unknown = http.post("/", json={"event_name": "person.created"}, headers=auth)
    assert unknown.status_code == 422
    assert "company_id" in unknown.json()["error"]  # a missing occurred_at is not refused
    oversized = http.post("/", json={**delivery(), "padding": "x" * 2_000}, headers=auth)
    assert oversized.status_code == 413
    with caplog.at_level(logging.ERROR, logger="hirelink.personio.webhooks"):
        exploding = delivery("explode")
        assert http.post("/", json=exploding, headers=auth).status_code == 202
        http.post("/", json=delivery("after"), headers=auth)
        assert [d.event_name for d in collector.wait_for(1)] == ["after"]
        # The two callbacks run concurrently: "after" may arrive before "explode" is logged.
        wait_until(lambda: "RuntimeError" in caplog.text, "logged RuntimeError")
    assert OLD_TOKEN not in caplog.text
    # Personio does not send it again: the line says which delivery it was.
    (failed,) = [r.getMessage() for r in caplog.records if "RuntimeError" in r.getMessage()]
    assert "handling explode of " in failed
    assert f"payload id={exploding['payload']['id']}" in failed
    assert "event history" in failed
    forged = {**delivery("explode"), "payload": {"id": "7\nCRITICAL forged: all good"}}
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="hirelink.personio.webhooks"):
        assert http.post("/", json=forged, headers=auth).status_code == 202
        wait_until(lambda: "RuntimeError" in caplog.text, "logged RuntimeError")
    assert all("\n" not in record.getMessage() for record in caplog.records)


def test_an_async_callback_runs_after_the_answer(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    done = threading.Event()
    seen: list[str] = []

    async def on_event(received: WebhookDelivery) -> None:
        await asyncio.sleep(0)
        seen.append(received.event_name)
        done.set()

    http, _ = serve(on_event=on_event)
    assert http.post("/", json=delivery(), headers={"Authorization": OLD_TOKEN}).status_code == 202
    assert done.wait(30)
    assert seen == ["person.created"]


def test_a_callback_still_running_when_the_server_stops_leaves_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Personio was answered 202 already and sends nothing again: the log must say what."""
    started = threading.Event()

    async def never_done(item: WebhookDelivery) -> None:
        started.set()
        await asyncio.sleep(60)

    server = SandboxServer(create_webhook_app(tokens=[OLD_TOKEN], on_event=never_done)).start()
    body = delivery("person.deleted")
    with caplog.at_level(logging.ERROR, logger="hirelink.personio.webhooks"):
        answer = httpx.post(f"{server.url}/", json=body, headers={"Authorization": OLD_TOKEN})
        assert answer.status_code == 202
        assert started.wait(10)
        server.stop()  # its grace period (1 s) ends with on_event cancelled
    (line,) = [r.getMessage() for r in caplog.records if r.name == "hirelink.personio.webhooks"]
    assert "the server stopped before on_event finished with person.deleted" in line
    assert f"payload id={body['payload']['id']}" in line
    assert "event history" in line
    assert OLD_TOKEN not in caplog.text


FORGED_EVENT = "person.created\nERROR hirelink.personio.webhooks: a forged line"
FORGED_ID = "7\x1b[2J\x1b]0;pwned\x07\u202eevil"


@pytest.mark.parametrize("stopped", [True, False], ids=["server-stopped", "on-event-failed"])
def test_a_deliverys_own_text_is_one_line_of_shown_characters_in_the_log(
    caplog: pytest.LogCaptureFixture, stopped: bool
) -> None:
    """Whoever holds the token chose the event name and the ids: quoted raw, a line break
    forged log lines of its own, and escape sequences drove the reader's terminal."""
    started = threading.Event()

    async def on_event(item: WebhookDelivery) -> None:
        started.set()
        if not stopped:
            raise LookupError(f"no person {item.payload}")
        await asyncio.sleep(60)

    server = SandboxServer(create_webhook_app(tokens=[OLD_TOKEN], on_event=on_event)).start()
    body = {**delivery(FORGED_EVENT), "payload": {"id": FORGED_ID, "person_id": "1\nCRITICAL x"}}
    with caplog.at_level(logging.ERROR, logger="hirelink.personio.webhooks"):
        answer = httpx.post(f"{server.url}/", json=body, headers={"Authorization": OLD_TOKEN})
        assert answer.status_code == 202
        assert started.wait(10)
        if stopped:
            server.stop()
        else:
            wait_until(lambda: caplog.records, "the failure's log line")
            server.stop()
    (line,) = [r.getMessage() for r in caplog.records if r.name == "hirelink.personio.webhooks"]
    assert line.startswith("the server stopped" if stopped else "on_event failed")
    assert "ERROR hirelink.personio.webhooks: a forged line" in line  # on the same line
    assert "\\x1b[2J" in line
    assert not any(character in line for character in "\n\x1b\x07\u202e")


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ValueError, match="tokens= "):
        create_webhook_app(tokens=None, on_event=print)
    with pytest.raises(ValueError, match="collection"):
        create_webhook_app(tokens=OLD_TOKEN, on_event=print)
    with pytest.raises(ValueError, match="at least one"):
        create_webhook_app(tokens=[], on_event=print)
    with pytest.raises(ValueError, match="at most 3"):
        create_webhook_app(tokens=None, on_event=print, headers={f"X-{n}": ["v"] for n in range(4)})
    # A token read from a file keeps its line break: it never matched, so every delivery
    # got 401 (and Personio resends none).
    with pytest.raises(ValueError, match="line break") as from_file:
        create_webhook_app(tokens=[OLD_TOKEN + "\n"], on_event=print)
    assert OLD_TOKEN not in str(from_file.value)
    # Two names for one header (names ignore case): one silently replaced the other.
    with pytest.raises(ValueError, match="named twice"):
        create_webhook_app(
            tokens=None, on_event=print, headers={"X-Hook-Key": ["k1"], "x-hook-key": ["k2"]}
        )
    with pytest.raises(ValueError, match="named twice"):
        create_webhook_app(tokens=[NEW_TOKEN], on_event=print, headers={"Authorization": ["k"]})
    # A name create_webhook refuses could never arrive: every delivery would get 401.
    with pytest.raises(ValueError, match="HTTP header name"):
        create_webhook_app(tokens=None, on_event=print, headers={"X Key": ["k-1a2b3c"]})


def test_a_token_beyond_ascii_is_compared_as_the_bytes_sent(
    serve: Callable[..., tuple[httpx.Client, Collector]],
) -> None:
    # The server reads header bytes as latin-1; they were compared as UTF-8 text, so a
    # token beyond ASCII, sent as its UTF-8 bytes, never matched.
    token = "whk-tökén-2c9e"
    http, collector = serve(tokens=[token])
    sent = http.post("/", json=delivery(), headers={b"Authorization": token.encode()})
    assert sent.status_code == 202
    assert len(collector.wait_for(1)) == 1


def test_an_authentic_delivery_refused_for_its_shape_leaves_a_log_line(
    serve: Callable[..., tuple[httpx.Client, Collector]], caplog: pytest.LogCaptureFixture
) -> None:
    # Personio does not resend a refused delivery: without a line it is lost unseen.
    http, collector = serve()
    caplog.set_level(logging.WARNING, logger="hirelink")
    nameless = {**delivery(), "event_name": None}
    assert http.post("/", json=nameless, headers={"Authorization": OLD_TOKEN}).status_code == 422
    # A wrong token is logged too (a token not updated after a rotation lost every
    # delivery without a line), once a minute with a count: scanners cannot flood the log.
    for _ in range(3):
        assert http.post("/", json=nameless, headers={"Authorization": "wrong"}).status_code == 401
    lines = [r.getMessage() for r in caplog.records if r.name == "hirelink.personio.webhooks"]
    assert len(lines) == 2
    assert lines[0].startswith("the Personio receiver refused a delivery to / with 422: ")
    assert "event_name" in lines[0]
    assert lines[1] == (
        "the Personio receiver refused a delivery to / with 401: "
        "the authorization header is missing or not accepted"
    )
    assert OLD_TOKEN not in caplog.text
    assert "wrong" not in caplog.text
    assert collector.received == []


def test_oversized_and_compressed_deliveries_leave_a_log_line_without_the_body(
    serve: Callable[..., tuple[httpx.Client, Collector]], caplog: pytest.LogCaptureFixture
) -> None:
    # A 413 was logged nowhere, and a gzip body got 400 "malformed JSON": Personio does
    # not resend either, so the event was lost with nothing in the log saying why.
    http, collector = serve(max_body_bytes=1_000)
    caplog.set_level(logging.WARNING, logger="hirelink")
    auth = {"Authorization": OLD_TOKEN}
    for _ in range(2):
        oversized = {**delivery(), "padding": "confidential-" + "x" * 2_000}
        assert http.post("/", json=oversized, headers=auth).status_code == 413
    compressed = gzip.compress(json.dumps(delivery()).encode())
    encoded = {**auth, "Content-Encoding": "gzip", "Content-Type": "application/json"}
    refused = http.post("/", content=compressed, headers=encoded)
    assert refused.status_code == 415
    assert refused.json() == {"error": "Content-Encoding gzip is not supported"}
    lines = [r.getMessage() for r in caplog.records if r.name == "hirelink.personio.webhooks"]
    assert lines == [  # each once: the next comes a minute later at the soonest, with a count
        "the Personio receiver refused a delivery to / with 413: the request body is larger"
        " than 1000 bytes",
        "the Personio receiver refused a delivery to / with 415: Content-Encoding gzip is not"
        " supported",
    ]
    assert "confidential" not in caplog.text
    assert OLD_TOKEN not in caplog.text
    assert collector.received == []


@pytest.mark.parametrize(
    "as_sent",
    [
        "2026-03-02T09:15:00",
        "2026-03-02",
        {"date": "2026-03-02", "timezone": "CET"},
        None,
        "20260302",  # pydantic reads digits as a Unix time: 1970
        20260302,
        1772442900,  # seconds or milliseconds? Kept as sent
        "1.5e9",
        "missing",
    ],
)
def test_a_delivery_whose_time_has_no_zone_is_handed_over_dated_when_received(
    serve: Callable[..., tuple[httpx.Client, Collector]],
    caplog: pytest.LogCaptureFixture,
    as_sent: object,
) -> None:
    """The form of occurred_at is our reading: refused, the event was lost, since
    Personio does not resend a refused delivery."""
    http, collector = serve()
    caplog.set_level(logging.WARNING, logger="hirelink")
    before = datetime.now(UTC)
    sent = {**delivery(), "occurred_at": as_sent}
    if as_sent == "missing":
        del sent["occurred_at"]
    assert http.post("/", json=sent, headers={"Authorization": OLD_TOKEN}).status_code == 202
    [received] = collector.wait_for(1)
    assert before <= received.occurred_at <= datetime.now(UTC)
    assert received.model_extra is not None
    assert received.model_extra["occurred_at_as_sent"] == (
        None if as_sent == "missing" else as_sent
    )
    assert received.event_name == "person.created"
    assert "occurred_at that is not a time with its zone" in caplog.text


def test_a_delivery_with_many_ids_is_one_short_line_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Each id was cut, but not their number: 20,000 of them made a 318 KB line."""

    def refuse(item: WebhookDelivery) -> None:
        raise LookupError("no such person")

    server = SandboxServer(create_webhook_app(tokens=[OLD_TOKEN], on_event=refuse)).start()
    ids = {f"thing{number}_id": str(number) for number in range(200)}
    body = {**delivery("x" * 5_000), "payload": ids}
    try:
        with caplog.at_level(logging.ERROR, logger="hirelink.personio.webhooks"):
            answer = httpx.post(f"{server.url}/", json=body, headers={"Authorization": OLD_TOKEN})
            assert answer.status_code == 202
            wait_until(lambda: caplog.records, "the failure's log line")
    finally:
        server.stop()
    (line,) = [r.getMessage() for r in caplog.records if r.name == "hirelink.personio.webhooks"]
    assert "thing9_id=9 and 190 more" in line
    assert len(line) < 2_000
