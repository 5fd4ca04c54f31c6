"""Recruitee webhooks received over real HTTP: signatures, pings, typed events, repeats."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import hmac
import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any
from unittest import mock

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from hirelink.core import Secret, StoreUnavailableError
from hirelink.core.receiver import RefusalLog
from hirelink.core.stores import InProcessStore
from hirelink.core.threads import OwnThreads
from hirelink.recruitee.webhooks import (
    MAX_PING_BYTES,
    SIGNATURE_HEADER,
    CandidateEvent,
    CandidateMoved,
    MoveKind,
    OfferEvent,
    OtherEvent,
    WebhookEvent,
    create_webhook_app,
    parse_event,
    verify_signature,
)
from hirelink.sandbox.server import SandboxServer
from tests.waiting import wait_until
from tools.redis_server import RedisServer

from .collecting import Collected
from .replicas import ReplicaProcess

SECRET = "whsec-recruitee-7f3a91"
SHARED_POOL = 40
"""Threads in anyio's process-wide pool (Starlette's sync endpoints run there)."""
_ids = itertools.count(7_800_000)


def sign(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def moved(subtype: str = "stage_changed") -> dict[str, Any]:
    return {
        "event_type": "candidate_moved",
        "event_subtype": subtype,
        "payload": {
            "candidate": {"id": next(_ids), "name": "Ada Lovelace"},
            "offer": {"id": 31337, "title": "Data Engineer"},
            "details": {
                "from_stage": {"id": 610002, "name": "Applied", "category": "apply"},
                "to_stage": {"id": 610003, "name": "Identity check", "category": "interview"},
            },
        },
    }


class Collector(Collected[WebhookEvent]):
    """The application's callback: records every event, fails when told to."""

    fail_next = False

    def __call__(self, item: WebhookEvent) -> None:
        if self.fail_next:
            self.fail_next = False
            raise RuntimeError(f"database unavailable (secret {SECRET})")
        super().__call__(item)


class Receiver:
    def __init__(self, url: str, collector: Collector) -> None:
        self.url = url
        self.collector = collector
        self.http = httpx.Client(base_url=url, timeout=10)

    def deliver(
        self,
        document: Any,
        *,
        signature: str | None = "sign",
        headers: dict[str, str] | None = None,
        **kw: Any,
    ) -> httpx.Response:
        body = document if isinstance(document, bytes) else json.dumps(document).encode()
        sent = {"Content-Type": "application/json", "User-Agent": "Recruitee-Webhooks"}
        headers = {**sent, **(headers or {})}
        if signature == "sign":
            signature = sign(body)
        if signature is not None:
            headers[SIGNATURE_HEADER] = signature
        return self.http.post("/", content=body, headers=headers, **kw)


@pytest.fixture
def serve() -> Iterator[Callable[..., Receiver]]:
    servers: list[SandboxServer] = []
    clients: list[Receiver] = []

    def start(**options: Any) -> Receiver:
        collector = options.pop("on_event", None) or Collector()
        options.setdefault("secret", SECRET)
        server = SandboxServer(create_webhook_app(on_event=collector, **options)).start()
        servers.append(server)
        receiver = Receiver(server.url, collector)
        clients.append(receiver)
        return receiver

    yield start
    for receiver in clients:
        receiver.http.close()
    for server in servers:
        server.stop()


def test_the_signature_is_the_hex_hmac_of_the_raw_body() -> None:
    body = b'{"event_type":"candidate_deleted","payload":{"candidate":{"id":1}}}'
    good = sign(body)
    assert verify_signature(body, good, SECRET)
    assert verify_signature(body, good, Secret(SECRET))
    assert verify_signature(body, f" {good}\n", SECRET)
    assert not verify_signature(body, good, "another-secret")
    assert not verify_signature(body + b" ", good, SECRET)
    assert verify_signature(body, good.upper(), SECRET)  # the fact sheets say "hex" only
    assert not verify_signature(body, None, SECRET)
    assert not verify_signature(body, "", SECRET)
    with pytest.raises(TypeError):
        verify_signature(body.decode(), good, SECRET)  # type: ignore[arg-type]


def test_a_signed_delivery_reaches_the_callback_typed(serve: Callable[..., Receiver]) -> None:
    receiver = serve()
    answer = receiver.deliver(moved())
    assert answer.status_code == 200
    [event] = receiver.collector.received
    assert isinstance(event, CandidateMoved)
    assert event.event_subtype is MoveKind.stage_changed
    assert event.payload.details is not None
    assert event.payload.details.to_stage is not None
    assert event.payload.details.to_stage.name == "Identity check"
    candidate = {"id": next(_ids), "emails": ["g@example.com"]}
    created = {"event_type": "new_candidate", "payload": {"candidate": candidate}}
    assert receiver.deliver(created).status_code == 200
    offer = {"event_type": "offer_published", "payload": {"offer": {"id": 31337}}}
    assert receiver.deliver(offer).status_code == 200
    assert [type(e) for e in receiver.collector.received] == [
        CandidateMoved,
        CandidateEvent,
        OfferEvent,
    ]


def test_an_unknown_event_type_or_subtype_arrives_with_its_raw_payload(
    serve: Callable[..., Receiver],
) -> None:
    receiver = serve()
    unknown_type = {"event_type": "interview_scheduled", "payload": {"when": "tomorrow"}}
    unknown_subtype = moved("archived")
    assert receiver.deliver(unknown_type).status_code == 200
    assert receiver.deliver(unknown_subtype).status_code == 200
    first, second = receiver.collector.received
    assert isinstance(first, OtherEvent)
    assert first.payload == {"when": "tomorrow"}
    assert isinstance(second, OtherEvent)
    assert second.event_subtype == "archived"
    assert second.payload == unknown_subtype["payload"]
    assert isinstance(parse_event({**moved(), "payload": {"no": "candidate"}}), OtherEvent)
    # Any shape is kept, never refused: an event not modelled arrives as an OtherEvent.
    listed = parse_event({"event_type": "candidate_archived", "payload": [{"id": 1}]})
    assert isinstance(listed, OtherEvent)
    assert listed.payload == [{"id": 1}]
    numbered = parse_event({"event_type": "candidate_archived", "event_subtype": 2})
    assert isinstance(numbered, OtherEvent)
    assert numbered.event_subtype == 2
    with pytest.raises(ValueError, match="event_type"):
        parse_event({"payload": {}})


def test_a_bad_or_missing_signature_gets_401_and_never_reaches_the_callback(
    serve: Callable[..., Receiver],
) -> None:
    receiver = serve()
    missing = receiver.deliver(moved(), signature=None)
    wrong = receiver.deliver(moved(), signature=sign(b"another body"))
    body = json.dumps(moved()).encode()  # these very bytes, signed with another secret
    other_secret = receiver.deliver(body, signature=sign(body, "another-webhook-secret"))
    assert [missing.status_code, wrong.status_code, other_secret.status_code] == [401, 401, 401]
    assert SIGNATURE_HEADER in missing.json()["error"]
    assert receiver.collector.received == []
    assert receiver.deliver(body).status_code == 200  # the same bytes, rightly signed
    assert len(receiver.collector.received) == 1


def test_several_secrets_each_verify_their_webhooks_deliveries(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    # Each Recruitee webhook has its own secret: two webhooks sending to one URL, or one
    # being replaced by another, need both.
    caplog.set_level(logging.DEBUG)
    second = "whsec-recruitee-second-2c41"
    receiver = serve(secret=[SECRET, Secret(second)])
    first_body, second_body, forged_body = (json.dumps(moved()).encode() for _ in range(3))
    answers = [
        receiver.deliver(first_body),
        receiver.deliver(second_body, signature=sign(second_body, second)),
        receiver.deliver(forged_body, signature=sign(forged_body, "whsec-guessed-0000")),
    ]
    assert [a.status_code for a in answers] == [200, 200, 401]
    received_ids = [e.payload.candidate.id for e in receiver.collector.received]  # type: ignore[union-attr]
    sent_ids = [json.loads(b)["payload"]["candidate"]["id"] for b in (first_body, second_body)]
    assert received_ids == sent_ids
    # One event sent by both webhooks while one replaces the other: handled once.
    assert receiver.deliver(first_body, signature=sign(first_body, second)).status_code == 200
    assert len(receiver.collector.received) == 2
    refusal = answers[2].json()["error"]
    assert "does not match" in refusal
    assert "httpcore" in caplog.text  # the HTTP stack's trace was captured, without a secret
    for secret in (SECRET, second):
        assert secret not in refusal
        assert secret not in caplog.text


def test_test_pings_get_200_signed_or_not_and_before_a_secret_exists(
    serve: Callable[..., Receiver],
) -> None:
    configured = serve()
    assert configured.deliver({"test": True}).status_code == 200
    assert configured.deliver({"test": True}, signature=None).status_code == 200
    unconfigured = serve(secret=None)
    assert unconfigured.deliver({"test": True}, signature=None).status_code == 200
    refused = unconfigured.deliver(moved(), signature=None)
    assert refused.status_code == 401
    assert "no webhook secret" in refused.json()["error"]
    assert configured.collector.received == unconfigured.collector.received == []


def test_an_unsigned_body_larger_than_a_ping_is_refused_unread(
    serve: Callable[..., Receiver],
) -> None:
    # Every unsigned body was parsed to see whether it was a ping: up to a megabyte of
    # JSON for anyone who posts, on the event loop, before the 401.
    receiver = serve()
    padded = b'{"test": true' + b" " * MAX_PING_BYTES + b"}"
    assert receiver.deliver(padded, signature=None).status_code == 401
    assert receiver.deliver(padded).status_code == 200  # signed, it is a ping all the same
    assert receiver.deliver(b'{"test": true}', signature=None).status_code == 200


def test_malformed_and_oversized_bodies(serve: Callable[..., Receiver]) -> None:
    receiver = serve(max_body_bytes=2_000)
    assert receiver.deliver(b'{"event_type": ').status_code == 400
    assert receiver.deliver(b"[" * 500 + b"]" * 500).status_code == 400
    assert receiver.deliver({"payload": {}}).status_code == 400
    huge = {**moved(), "padding": "x" * 5_000}
    assert receiver.deliver(huge).status_code == 413
    assert receiver.collector.received == []


def test_an_oversized_body_leaves_a_log_line_without_the_body(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    # A 413 was logged nowhere: a sender whose events all outgrew the limit lost them
    # with nothing in the log. It comes before the signature check: logged as a 401 is.
    receiver = serve(max_body_bytes=2_000)
    caplog.set_level(logging.WARNING, logger="hirelink")
    for _ in range(3):
        huge = {**moved(), "padding": "confidential-" + "x" * 5_000}
        assert receiver.deliver(huge).status_code == 413
    assert receiver.deliver(moved(), signature="0" * 64).status_code == 401
    lines = [r.getMessage() for r in caplog.records if r.name == "hirelink.recruitee.webhooks"]
    assert lines == [
        "the Recruitee receiver refused a delivery to / with 413: the request body is"
        " larger than 2000 bytes",
        "the Recruitee receiver refused a delivery to / with 401: the X-Recruitee-Signature"
        " header is missing or does not match",
    ]
    assert "confidential" not in caplog.text
    assert receiver.collector.received == []


def test_a_compressed_body_gets_415_naming_its_encoding(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    # Signed over the decompressed body it got 401 "does not match"; signed over the
    # compressed bytes, 400 "malformed JSON": neither said what was wrong.
    receiver = serve()
    caplog.set_level(logging.WARNING, logger="hirelink")
    body = json.dumps(moved()).encode()
    compressed = gzip.compress(body)
    for signed_over in (body, compressed):
        answer = receiver.deliver(
            compressed, signature=sign(signed_over), headers={"Content-Encoding": "gzip"}
        )
        assert answer.status_code == 415
        assert answer.json() == {"error": "Content-Encoding gzip is not supported"}
    lines = [r.getMessage() for r in caplog.records if r.name == "hirelink.recruitee.webhooks"]
    assert lines == [  # once: it comes before the signature check, as a 401 does
        "the Recruitee receiver refused a delivery to / with 415: Content-Encoding gzip is"
        " not supported"
    ]
    assert receiver.collector.received == []
    plain = receiver.deliver(body, headers={"Content-Encoding": "identity"})
    assert plain.status_code == 200
    assert len(receiver.collector.received) == 1


def test_a_refused_senders_text_is_logged_on_one_line(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    """Events hunt: an unsigned sender's Content-Encoding with U+0085 (a line break to
    log viewers, passed by HTTP's parsers) forged a log line, and U+009B drove a terminal."""
    receiver = serve()
    caplog.set_level(logging.WARNING, logger="hirelink")
    encoding = b"x\x85WARNING forged: all good \x9b2J"
    sent = receiver.http.post("/", content=b"{}", headers={b"Content-Encoding": encoding})
    assert sent.status_code == 415
    (line,) = [r.getMessage() for r in caplog.records if r.name == "hirelink.recruitee.webhooks"]
    assert line.splitlines() == [line]
    assert "\\x85warning forged: all good \\x9b2j" in line  # encodings are read lower-case


def test_a_failing_callback_gets_500_without_internals_and_the_retry_gets_through(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    receiver = serve()
    receiver.collector.fail_next = True
    delivery = moved()
    with caplog.at_level(logging.ERROR, logger="hirelink.recruitee.webhooks"):
        failed = receiver.deliver(delivery)
    assert failed.status_code == 500
    assert failed.json() == {"error": "the receiver failed to handle the event"}
    assert SECRET not in caplog.text
    assert "RuntimeError" in caplog.text
    retried = receiver.deliver(delivery)  # Recruitee's retry: the same bytes, same signature
    assert retried.status_code == 200
    assert len(receiver.collector.received) == 1


def test_a_repeated_delivery_reaches_the_callback_once(serve: Callable[..., Receiver]) -> None:
    receiver = serve()
    delivery = moved()
    answers = [receiver.deliver(delivery).status_code for _ in range(3)]
    assert answers == [200, 200, 200]
    assert len(receiver.collector.received) == 1
    without_dedupe = serve(dedupe=False)
    for _ in range(2):
        assert without_dedupe.deliver(delivery).status_code == 200
    assert len(without_dedupe.collector.received) == 2


def test_two_receivers_sharing_a_store_each_get_every_event(
    serve: Callable[..., Receiver],
) -> None:
    """Two webhooks, each with its own secret and receiver (two apps in one process, or two
    services on one Redis): the second receiver answered 200 without calling its callback,
    taking the event for a repeat, and that consumer lost it for good. A replica of a
    receiver (the same secret) still answers a repeat once."""
    store = InProcessStore()
    other_secret = "whsec-recruitee-analytics-91d0"
    crm, analytics = serve(store=store), serve(store=store, secret=other_secret)
    crm_replica = serve(store=store)
    body = json.dumps(moved()).encode()
    assert crm.deliver(body).status_code == 200
    assert analytics.deliver(body, signature=sign(body, other_secret)).status_code == 200
    assert crm_replica.deliver(body).status_code == 200  # the answer to crm was lost
    assert len(crm.collector.received) == 1
    assert len(analytics.collector.received) == 1
    assert crm_replica.collector.received == []
    # A rotation rolling out: one replica takes both secrets, another still the old one.
    # By default they are two receivers; named, one.
    rotated = "whsec-recruitee-rotated-5e21"
    for name, handled in ((None, 2), ("crm", 1)):
        rolled = serve(store=store, secret=[rotated, SECRET], name=name)
        behind = serve(store=store, name=name)
        body = json.dumps(moved()).encode()
        assert rolled.deliver(body).status_code == 200
        assert behind.deliver(body).status_code == 200  # a resend, to the other replica
        assert len(rolled.collector.received) + len(behind.collector.received) == handled


def test_a_body_seen_before_is_an_event_again_once_dedupe_ttl_has_passed(
    serve: Callable[..., Receiver],
) -> None:
    # No delivery id: a candidate moved to the same stage again sends the same bytes.
    receiver = serve(dedupe_ttl=1.0)  # the second delivery comes well within it
    delivery = moved()
    assert receiver.deliver(delivery).status_code == 200
    assert receiver.deliver(delivery).status_code == 200  # within the window: a repeat
    assert len(receiver.collector.received) == 1
    time.sleep(1.1)
    assert receiver.deliver(delivery).status_code == 200
    assert len(receiver.collector.received) == 2


class FirstAttemptFails:
    """An ``on_event`` whose first call waits for ``release``, then fails; later calls pass."""

    def __init__(self) -> None:
        self.calls: list[WebhookEvent] = []
        self.started, self.release = threading.Event(), threading.Event()

    def __call__(self, event: WebhookEvent) -> None:
        self.calls.append(event)
        if len(self.calls) == 1:
            self.started.set()
            assert self.release.wait(10)
            raise RuntimeError("downstream failed")

    def while_first_runs(
        self, receiver: Receiver, delivery: Any, during: Callable[[], httpx.Response]
    ) -> tuple[int, int]:
        """Deliver in the background; once the first call runs, ``during()``; then let the
        first fail. The status codes of the first delivery and of ``during()``."""
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(receiver.deliver, delivery)
            assert self.started.wait(10)
            meanwhile = during()
            self.release.set()
            return first.result().status_code, meanwhile.status_code


def test_a_repeat_while_the_first_is_handled_gets_409_so_a_failure_is_not_lost(
    serve: Callable[..., Receiver],
) -> None:
    callback = FirstAttemptFails()
    receiver = serve(on_event=callback)
    delivery = moved()
    # Recruitee resends while the first is handled: its first request timed out.
    first, repeat = callback.while_first_runs(
        receiver, delivery, lambda: receiver.deliver(delivery)
    )
    assert first == 500
    assert repeat == 409  # not 200: the first had not succeeded yet
    assert receiver.deliver(delivery).status_code == 200  # the next resend is handled
    assert len(callback.calls) == 2
    assert receiver.deliver(delivery).status_code == 200  # and then remembered
    assert len(callback.calls) == 2


def test_a_repeat_gets_409_while_the_first_is_handled_longer_than_dedupe_ttl(
    serve: Callable[..., Receiver],
) -> None:
    """Events hunt: the claim lasted min(dedupe_ttl, HANDLING_TTL); with a short memory a
    repeat during a slow on_event ran it a second time, beside the first."""
    callback = FirstAttemptFails()
    receiver = serve(on_event=callback, dedupe_ttl=0.2)
    delivery = moved()

    def later_repeat() -> httpx.Response:
        time.sleep(0.5)  # past dedupe_ttl, the first still in hand
        return receiver.deliver(delivery)

    first, repeat = callback.while_first_runs(receiver, delivery, later_repeat)
    assert (first, repeat) == (500, 409)
    assert len(callback.calls) == 1


def test_a_slow_attempt_that_fails_after_a_retry_succeeded_does_not_unmark_it(
    serve: Callable[..., Receiver], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hirelink.recruitee.webhooks.HANDLING_TTL", 0.2)
    callback = FirstAttemptFails()
    receiver = serve(on_event=callback)
    delivery = moved()

    def retried_after_the_claim_lapsed() -> httpx.Response:
        time.sleep(0.3)  # past HANDLING_TTL: Recruitee's retry may claim it
        return receiver.deliver(delivery)

    first, retry = callback.while_first_runs(receiver, delivery, retried_after_the_claim_lapsed)
    assert retry == 200  # handled by the retry
    assert first == 500
    assert receiver.deliver(delivery).status_code == 200  # a repeat of a handled event
    assert len(callback.calls) == 2  # the failed first attempt did not erase the retry's mark


@contextmanager
def behind_a_timeout(
    on_event: Callable[[WebhookEvent], Any],
    cancel: str = "asyncio.timeout",
    store: InProcessStore | None = None,
    threads_taken: bool = False,
) -> Iterator[Receiver]:
    """A receiver served behind a middleware that gives the first request 0.2 s
    (``cancel``: asyncio's own timeout or anyio's), answering 504 when it runs out; the
    later ones (the retries) are not timed, so that a loaded machine cannot fail them.
    ``threads_taken``: every worker thread of the receiver's own (its callbacks') is busy
    for the first one."""
    import anyio

    threads = OwnThreads("the receiver's callbacks, in a test", 2)
    with mock.patch("hirelink.recruitee.webhooks.callback_threads", return_value=threads):
        receiver = create_webhook_app(
            secret=SECRET, on_event=on_event, store=store or InProcessStore()
        )
    timed = [True]

    async def timeout_middleware(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not timed:
            return await receiver(scope, receive, send)
        timed.clear()
        pool = threads.limiter()
        size, holder = pool.total_tokens, object()
        if threads_taken:
            pool.total_tokens = 1
            await pool.acquire_on_behalf_of(holder)
        try:
            if cancel == "asyncio.timeout":
                async with asyncio.timeout(0.2):
                    await receiver(scope, receive, send)
            else:
                with anyio.fail_after(0.2):
                    await receiver(scope, receive, send)
        except TimeoutError:
            await send({"type": "http.response.start", "status": 504, "headers": []})
            await send({"type": "http.response.body", "body": b""})
        finally:
            if threads_taken:
                pool.release_on_behalf_of(holder)
                pool.total_tokens = size

    server = SandboxServer(timeout_middleware).start()
    client = Receiver(server.url, Collector())
    try:
        yield client
    finally:
        client.http.close()
        server.stop()


@pytest.mark.parametrize("cancel", ["asyncio.timeout", "anyio.fail_after"])
def test_a_request_cancelled_while_a_sync_callback_runs_keeps_the_claim_until_it_ends(
    cancel: str,
) -> None:
    # The claim followed the request, not the callback's worker thread: asyncio's own
    # cancel released it mid-handling (a repeat ran beside the first), anyio's left it
    # neither finished nor released (retries got 409 for HANDLING_TTL, then a second run).
    running, most, calls = [0], [0], []
    lock = threading.Lock()

    def slow(event: WebhookEvent) -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.6)
        with lock:
            running[0] -= 1
            calls.append(event)

    with behind_a_timeout(slow, cancel) as client:
        delivery = moved()
        first = client.deliver(delivery).status_code
        if cancel == "asyncio.timeout":  # the answer leaves while the callback still runs
            assert first == 504
            assert client.deliver(delivery).status_code == 409
        else:  # anyio waits for the worker thread; the cancel lands after it
            assert first in (200, 504)
        deadline = time.monotonic() + 10
        while (status := client.deliver(delivery).status_code) == 409:
            assert time.monotonic() < deadline, "the claim was never settled"
            time.sleep(0.05)
        assert status == 200
        assert (len(calls), most[0]) == (1, 1)


@pytest.mark.parametrize("cancel", ["asyncio.timeout", "anyio.fail_after"])
def test_a_request_cancelled_before_its_sync_callback_began_lets_the_retry_through(
    cancel: str,
) -> None:
    # Cancelled while the delivery log claimed it (Redis slow to answer), the request
    # never called the callback and never settled the claim: Recruitee's retries got 409
    # until the claim lapsed (HANDLING_TTL, 5 minutes).
    class SlowToClaim(InProcessStore):
        def claim_delivery(self, key: str, ttl: float) -> Any:
            time.sleep(0.4 if not calls else 0)  # the first outlasts its request
            return super().claim_delivery(key, ttl)

    calls: list[WebhookEvent] = []
    with behind_a_timeout(calls.append, cancel, store=SlowToClaim()) as client:
        delivery = moved()
        assert client.deliver(delivery).status_code == 504
        assert calls == []
        assert client.deliver(delivery).status_code == 200
        assert len(calls) == 1


@pytest.mark.parametrize("cancel", ["asyncio.timeout", "anyio.fail_after"])
def test_a_request_cancelled_waiting_for_a_thread_lets_the_retry_through(cancel: str) -> None:
    # Cancelled while its sync callback waited for a worker thread (every one busy), the
    # request never called it and left the claim to lapse: retries got 409 for 5 minutes.
    calls: list[WebhookEvent] = []
    with behind_a_timeout(calls.append, cancel, threads_taken=True) as client:
        delivery = moved()
        assert client.deliver(delivery).status_code == 504
        assert calls == []
        assert client.deliver(delivery).status_code == 200
        assert len(calls) == 1


def test_a_sync_callback_returning_a_coroutine_is_settled_once_it_ran(
    serve: Callable[..., Receiver],
) -> None:
    # A lambda around an async function was marked handled before its coroutine ran: when
    # the coroutine failed, Recruitee's retry was answered as a repeat and the event lost.
    calls: list[WebhookEvent] = []

    async def store_event(event: WebhookEvent) -> None:
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("database unavailable")

    receiver = serve(on_event=lambda event: store_event(event))
    delivery = moved()
    assert receiver.deliver(delivery).status_code == 500
    assert receiver.deliver(delivery).status_code == 200
    assert len(calls) == 2  # the retry reached the callback
    assert receiver.deliver(delivery).status_code == 200
    assert len(calls) == 2  # and then it was remembered


def test_a_coroutine_returned_after_its_request_was_cancelled_lets_the_retry_through() -> None:
    # Returned to a request that had left, the coroutine was neither awaited nor settled:
    # the claim stayed held (409s for HANDLING_TTL), then the event ran again.
    ran: list[WebhookEvent] = []
    called: list[WebhookEvent] = []

    async def store_event(event: WebhookEvent) -> None:
        ran.append(event)

    def on_event(event: WebhookEvent) -> Any:
        called.append(event)
        time.sleep(0.5 if len(called) == 1 else 0)  # the first outlasts its request
        return store_event(event)

    with behind_a_timeout(on_event) as client:
        delivery = moved()
        assert client.deliver(delivery).status_code == 504
        deadline = time.monotonic() + 10
        while (status := client.deliver(delivery).status_code) == 409:
            assert time.monotonic() < deadline, "the claim was never settled"
            time.sleep(0.05)
        assert status == 200
        assert len(ran) == 1  # the retry's; the abandoned coroutine never ran


def test_a_request_cancelled_while_an_async_callback_runs_lets_the_retry_through() -> None:
    import anyio

    calls: list[WebhookEvent] = []

    async def slow(event: WebhookEvent) -> None:
        calls.append(event)
        if len(calls) == 1:
            await anyio.sleep(5)

    with behind_a_timeout(slow) as client:
        delivery = moved()
        assert client.deliver(delivery).status_code == 504
        assert client.deliver(delivery).status_code == 200  # the claim was released
        assert len(calls) == 2
        assert client.deliver(delivery).status_code == 200
        assert len(calls) == 2


def test_the_delivery_log_is_asked_off_the_event_loop(serve: Callable[..., Receiver]) -> None:
    """A Redis delivery log blocks on the network: its calls must not stall the loop."""
    loop_threads: list[int] = []
    log_threads: list[tuple[str, int]] = []

    class RecordingLog(InProcessStore):
        def claim_delivery(self, key: str, ttl: float) -> str | None:
            log_threads.append(("claim_delivery", threading.get_ident()))
            return super().claim_delivery(key, ttl)

        def finish_delivery(self, key: str, ttl: float) -> None:
            log_threads.append(("finish_delivery", threading.get_ident()))
            super().finish_delivery(key, ttl)

        def delivery_handled(self, key: str) -> bool:
            log_threads.append(("delivery_handled", threading.get_ident()))
            return super().delivery_handled(key)

    async def on_event(event: WebhookEvent) -> None:
        loop_threads.append(threading.get_ident())

    receiver = serve(on_event=on_event, store=RecordingLog())
    delivery = moved()
    assert receiver.deliver(delivery).status_code == 200
    assert receiver.deliver(delivery).status_code == 200  # a repeat, answered from the log
    (loop,) = loop_threads
    assert [name for name, _ in log_threads] == [
        "claim_delivery",
        "finish_delivery",
        "claim_delivery",
        "delivery_handled",
    ]
    assert all(thread != loop for _, thread in log_threads)


@pytest.mark.parametrize("case", ["logged in Redis", "over a megabyte"])
def test_a_delivery_is_answered_while_sync_endpoints_hold_the_shared_pool(
    redis_url: str, case: str
) -> None:
    # The delivery was claimed in Redis, and settled after an async on_event, on a thread
    # of anyio's shared pool, where Starlette runs the application's sync endpoints: with
    # 40 of those waiting, the delivery waited for them. So did the signature of a large
    # one, checked on a thread to spare the event loop.
    large = case == "over a megabyte"
    release = threading.Event()
    waiting: list[int] = []
    handled: list[WebhookEvent] = []

    def busy(request: Request) -> PlainTextResponse:
        waiting.append(1)
        assert release.wait(60)
        return PlainTextResponse("done")

    async def on_event(event: WebhookEvent) -> None:
        handled.append(event)

    receiver = create_webhook_app(
        secret=SECRET,
        on_event=on_event,
        store=None if large else redis_url,
        max_body_bytes=4 << 20,
    )
    app = Starlette(routes=[Route("/busy", busy), Mount("/recruitee", receiver)])
    with SandboxServer(app) as server, ThreadPoolExecutor(SHARED_POOL) as callers:
        try:
            answers = [
                callers.submit(httpx.get, f"{server.url}/busy", timeout=90)
                for _ in range(SHARED_POOL)
            ]
            wait_until(lambda: len(waiting) == SHARED_POOL, "sync endpoint holding each thread")
            delivery = Receiver(f"{server.url}/recruitee", Collector())
            event = moved()
            if large:  # hashed once: over _HASHED_ON_LOOP (a megabyte), so off the loop
                event["payload"]["details"]["note"] = "x" * (1 << 20)
            answered = delivery.deliver(event, timeout=30)  # a hang guard
            delivery.http.close()
            assert answered.status_code == 200
            assert len(handled) == 1
        finally:
            release.set()
        assert [answer.result().status_code for answer in answers] == [200] * SHARED_POOL


@pytest.mark.parametrize("asynchronous", [False, True])
def test_an_event_handled_but_not_recorded_gets_200_and_a_log_line(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture, asynchronous: bool
) -> None:
    """A 500 would have Recruitee send it again, to be handled twice once the claim lapsed."""
    received: list[WebhookEvent] = []

    class ForgetfulLog(InProcessStore):
        def finish_delivery(self, key: str, ttl: float) -> None:
            raise StoreUnavailableError(f"the store stopped answering (secret {SECRET})")

    async def handle_async(event: WebhookEvent) -> None:
        received.append(event)

    on_event = handle_async if asynchronous else received.append
    receiver = serve(on_event=on_event, store=ForgetfulLog())
    with caplog.at_level(logging.ERROR, logger="hirelink.recruitee.webhooks"):
        answered = receiver.deliver(moved())
    assert answered.status_code == 200
    assert len(received) == 1
    assert "was handled, but the delivery log could not record it" in caplog.text
    assert "the store stopped answering" in caplog.text
    assert SECRET not in caplog.text


def test_a_failed_event_whose_claim_could_not_be_released_says_so_in_its_log_line(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    """Recruitee's retries get 409 until the claim lapses: the log must say why."""

    class StuckLog(InProcessStore):
        def release_delivery(self, key: str, claim: str) -> None:
            raise StoreUnavailableError("the store stopped answering")

    receiver = serve(store=StuckLog())
    receiver.collector.fail_next = True
    with caplog.at_level(logging.ERROR, logger="hirelink.recruitee.webhooks"):
        assert receiver.deliver(moved()).status_code == 500
    assert "RuntimeError: database unavailable" in caplog.text
    assert "settling it failed too: the store stopped answering" in caplog.text


def test_an_async_callback_is_awaited(serve: Callable[..., Receiver]) -> None:
    seen: list[WebhookEvent] = []

    async def on_event(event: WebhookEvent) -> None:
        await asyncio.sleep(0)
        seen.append(event)

    receiver = serve(on_event=on_event)
    assert receiver.deliver(moved()).status_code == 200
    assert len(seen) == 1
    assert isinstance(seen[0], CandidateMoved)


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ValueError, match="on_event"):
        create_webhook_app(secret=SECRET, on_event=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="secret is empty"):
        create_webhook_app(secret="", on_event=print)
    with pytest.raises(ValueError, match="secret is empty"):
        create_webhook_app(secret="   ", on_event=print)
    with pytest.raises(ValueError, match="line break"):
        create_webhook_app(secret=SECRET + "\n", on_event=print)  # read from a file
    with pytest.raises(TypeError, match="secret"):
        create_webhook_app(secret=b"bytes", on_event=print)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty list"):
        create_webhook_app(secret=[], on_event=print)
    with pytest.raises(ValueError, match="line break"):
        create_webhook_app(secret=[SECRET, "whsec-second\n"], on_event=print)
    with pytest.raises(TypeError, match="got int"):
        create_webhook_app(secret=[SECRET, 7], on_event=print)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="dedupe_ttl"):
        create_webhook_app(secret=SECRET, on_event=print, dedupe_ttl=0)


def test_two_replicas_sharing_redis_hand_a_repeated_delivery_over_once() -> None:
    deliveries = [moved() for _ in range(10)]
    with RedisServer() as redis_server:
        replicas = [ReplicaProcess(redis_server.url) for _ in range(2)]
        try:
            answers = []
            for delivery in deliveries:  # Recruitee's retries land on either replica
                body = json.dumps(delivery).encode()
                headers = {SIGNATURE_HEADER: sign(body, "whsec-replicas-0042")}
                for replica in (*replicas, replicas[0]):
                    answers.append(
                        httpx.post(replica.url, content=body, headers=headers).status_code
                    )
        finally:
            received = [event for replica in replicas for event in replica.events()]
    assert answers == [200] * 30
    ids = sorted(event["payload"]["candidate"]["id"] for event in received)
    assert ids == sorted(d["payload"]["candidate"]["id"] for d in deliveries)


def test_verify_signature_refuses_an_empty_secret_under_which_anyone_could_sign() -> None:
    body = b'{"event_type": "candidate_moved"}'
    for empty in ("", " ", "\t"):
        forged = hmac.new(b"", body, hashlib.sha256).hexdigest()
        with pytest.raises(ValueError, match="secret is empty"):
            verify_signature(body, forged, empty)
    signed = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert verify_signature(body, signed, SECRET)
    assert not verify_signature(body, signed, SECRET + "x")


def test_an_authentic_delivery_refused_for_its_shape_leaves_a_log_line(
    serve: Callable[..., Receiver], caplog: pytest.LogCaptureFixture
) -> None:
    receiver = serve()
    caplog.set_level(logging.WARNING, logger="hirelink")
    assert receiver.deliver({"event_type": None, "payload": {}}).status_code == 400
    for _ in range(3):  # logged once: the next line comes a minute later at the soonest
        assert receiver.deliver(moved(), signature="0" * 64).status_code == 401
    lines = [r.getMessage() for r in caplog.records if r.name == "hirelink.recruitee.webhooks"]
    assert lines == [
        "the Recruitee receiver refused a delivery to / with 400: the body is not a"
        " Recruitee event (no event_type)",
        "the Recruitee receiver refused a delivery to / with 401: the X-Recruitee-Signature"
        " header is missing or does not match",
    ]
    assert SECRET not in caplog.text


def test_refused_senders_are_logged_at_most_once_an_interval_with_a_count(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [100.0]
    refusals = RefusalLog(logging.getLogger("hirelink.test"), "the receiver", clock=lambda: now[0])
    caplog.set_level(logging.WARNING, logger="hirelink.test")
    for seconds in (0.0, 1.0, 30.0, 59.9, 60.0, 61.0, 200.0):
        now[0] = 100.0 + seconds
        refusals.refused("/", 401, "bad signature")
        refusals.refused("/", 413, "too large")  # counted apart from the 401s
    refusals.refused("/", 422, "shape")  # a body refused is logged each time
    refusals.refused("/", 422, "shape")
    assert [
        r.getMessage().removeprefix("the receiver refused a delivery to / with ")
        for r in caplog.records
    ] == [
        "401: bad signature",
        "413: too large",
        "401: bad signature (3 more refused with 401 since the last such line)",
        "413: too large (3 more refused with 413 since the last such line)",
        "401: bad signature (1 more refused with 401 since the last such line)",
        "413: too large (1 more refused with 413 since the last such line)",
        "422: shape",
        "422: shape",
    ]


def test_a_signature_that_is_not_a_hex_digest_is_refused_without_computing_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A receiver taking many secrets (one URL for many webhooks) computed an HMAC of the
    whole body under each for every post, signed or not: 0.7 s of the event loop for an
    unsigned megabyte with 1,000 secrets."""
    computed: list[bytes] = []
    real_new = hmac.new

    def counting_new(key: bytes, message: bytes, digest: Any) -> Any:
        computed.append(key)
        return real_new(key, message, digest)

    body = json.dumps(moved()).encode()
    signature = sign(body)
    monkeypatch.setattr(hmac, "new", counting_new)
    for forged in (None, "", "sha256=abc", "z" * 64, signature[:63]):
        assert not verify_signature(body, forged, SECRET)
    assert computed == []
    assert verify_signature(body, f" {signature.upper()} ", SECRET)
    assert len(computed) == 1


def test_a_large_body_under_several_secrets_is_verified_off_the_event_loop(
    serve: Callable[..., Receiver], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verifying hashes the body once per secret; past a megabyte of hashing it held every
    other delivery of the receiver up."""
    hashed_on: list[str] = []
    real_new = hmac.new

    def noting_new(key: bytes, message: bytes, digest: Any) -> Any:
        hashed_on.append(threading.current_thread().name)
        return real_new(key, message, digest)

    second = "whsec-recruitee-second-2c41"
    receiver = serve(secret=[second, SECRET])
    small = json.dumps(moved()).encode()
    large_event = moved()
    large_event["payload"]["padding"] = "x" * 600_000
    large = json.dumps(large_event).encode()
    signatures = {small: sign(small), large: sign(large)}
    monkeypatch.setattr(hmac, "new", noting_new)
    assert receiver.deliver(small, signature=signatures[small]).status_code == 200
    on_loop = set(hashed_on)
    hashed_on.clear()
    assert receiver.deliver(large, signature=signatures[large]).status_code == 200
    assert len(receiver.collector.received) == 2
    assert on_loop
    assert not on_loop & set(hashed_on)  # another thread than the loop's
