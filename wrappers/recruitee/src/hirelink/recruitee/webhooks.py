"""Receive Recruitee webhooks: verify the signature, type the event, call the application.

Recruitee's webhooks are created in the customer's UI (Settings, Apps and plugins,
Webhooks) with an HTTPS URL; each delivery is a signed JSON POST. Serve
:func:`create_webhook_app` at that URL::

    import os

    from hirelink.recruitee.webhooks import CandidateMoved, WebhookEvent, create_webhook_app

    def on_event(event: WebhookEvent) -> None:
        if isinstance(event, CandidateMoved) and event.event_subtype == "stage_changed":
            start_identity_check(event.payload.candidate.id)

    app = create_webhook_app(secret=os.environ["RECRUITEE_WEBHOOK_SECRET"], on_event=on_event)

Run it alone (``uvicorn mymodule:app``, URL ``https://your.host/``) or mount it. It
receives at its ``path``, ``/`` by default, so mounted with
``main_app.mount("/recruitee", app)`` its URL is ``https://your.host/recruitee/`` with
the trailing slash: register that one, since a POST to ``/recruitee`` gets a 307
redirect, which Recruitee does not count as delivered. For a URL without the slash,
mount ``create_webhook_app(..., path="/recruitee")`` at ``/webhooks`` and register
``https://your.host/webhooks/recruitee``. ``on_event`` may be a plain function or an
``async`` one. A plain one runs on worker threads of the receiver's own, at most
:data:`~hirelink.core.receiver.CALLBACK_THREADS` at once: a burst of slow ones waits for
those, and leaves anyio's shared pool to the application's sync endpoints.

Answers (which answers Recruitee counts as delivered, and whether and when it delivers
an event again, are not published: our reading is that only exactly 200 counts and
anything else is delivered again, so handle each event idempotently, and keep what must
not be lost in a queue of your own before answering):

- 200 to a delivery whose ``X-Recruitee-Signature`` matches, after ``on_event`` returned;
- 200 to the "Test" button's ``{"test": true}``, signed or not, and also while no secret
  is configured (``secret=None``): Recruitee will not save a webhook whose URL does not
  answer the test, and shows the secret only once the webhook exists. Start with
  ``secret=None``, save the webhook, then restart with its secret. A ping never reaches
  ``on_event``;
- 401 when the signature is missing or matches no configured secret (``on_event`` is
  not called), and to every event while no secret is configured. ``secret`` may be a list:
  each Recruitee webhook has its own secret, so give every one whose webhook sends to this
  URL, and, while a webhook is replaced by a new one, both secrets;
- 400 to a signed body that is not JSON or not an event; 413 to one over
  ``max_body_bytes``; 415 to one with a ``Content-Encoding`` (gzip), before its signature
  is checked;
- 200 ``{}`` to a GET or HEAD of its path: a load balancer's health check;
- 500 (``{"error": ...}`` without internals) when ``on_event`` raises, so that
  Recruitee delivers it again.

Since Recruitee delivers a failed event again, one event may arrive more than once. The
receiver remembers each delivery it handed over (by its body) for ``dedupe_ttl``
seconds (:data:`DEFAULT_DEDUPE_TTL`, ten minutes) and answers a repeat with 200 without
calling ``on_event`` again. Recruitee's envelope carries no delivery id or time, so two
events with byte-identical bodies (a candidate moved back and forth between the same
stages) cannot be told from a repeat: within ``dedupe_ttl`` the second is taken for one.
That is why the memory is short; a longer one trades such events for fewer repeats.
A repeat that arrives while the first is still being handled gets 409, so that
Recruitee sends it again later: the first may yet fail (its claim lapses after
:data:`HANDLING_TTL` seconds, should the process die). The memory is the ``store``: this
process by default; a Redis URL (or a :class:`~hirelink.core.stores.RedisStore`) when
several processes receive: replicas behind a load balancer, or several worker processes
on one host (``uvicorn --workers``, ``gunicorn -w``), since a repeat that lands on
another process than the first is handled again. A delivery whose handling failed is
forgotten at once, so its retry gets through.

The event types and payload members are known from independent implementations, not from
a Recruitee reference (see the package README): an event whose type or subtype is not
modelled, or whose payload does not fit its model, arrives as an :class:`OtherEvent`
with its raw payload.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hirelink.api.recruitee.inbound import (
    CandidateEvent,
    CandidateEventPayload,
    CandidateEventType,
    CandidateMoved,
    CandidateMovedPayload,
    EventCandidate,
    EventOffer,
    EventStage,
    MovedCandidate,
    MoveDetails,
    MoveKind,
    OfferEvent,
    OfferEventPayload,
    OfferEventType,
    OtherEvent,
    TestPing,
)
from hirelink.core.receiver import (
    DEFAULT_MAX_BODY_BYTES,
    RefusalLog,
    Rejection,
    answer,
    callback_threads,
    decode_json,
    invoke,
    invoke_settled,
    read_body,
    receiver_app,
)
from hirelink.core.secrets import Secret, accepted_by_any, scrub
from hirelink.core.stores import (
    DeliveryLog,
    InProcessStore,
    Store,
    delivery_log,
    take_on_thread,
)
from hirelink.core.threads import REQUEST_THREADS, STORE_THREADS
from hirelink.core.validation import non_empty_str, positive_seconds

__all__ = [
    "DEFAULT_DEDUPE_TTL",
    "HANDLING_TTL",
    "SIGNATURE_HEADER",
    "CandidateEvent",
    "CandidateEventPayload",
    "CandidateEventType",
    "CandidateMoved",
    "CandidateMovedPayload",
    "EventCandidate",
    "EventHandler",
    "EventOffer",
    "EventStage",
    "MoveDetails",
    "MoveKind",
    "MovedCandidate",
    "OfferEvent",
    "OfferEventPayload",
    "OfferEventType",
    "OtherEvent",
    "WebhookEvent",
    "create_webhook_app",
    "parse_event",
    "verify_signature",
]

logger = logging.getLogger("hirelink.recruitee.webhooks")

SIGNATURE_HEADER: Final = "X-Recruitee-Signature"
"""The header carrying a delivery's signature: the hex HMAC-SHA256 of its body."""
DEFAULT_DEDUPE_TTL: Final = 600.0
"""Seconds a handled delivery is remembered. After a 200 only a lost answer brings a repeat,
while a later event with the same body is a new one: the window is kept short."""
HANDLING_TTL: Final = 300.0
"""Seconds a delivery stays claimed while ``on_event`` handles it (then it may be retried)."""

WebhookEvent = CandidateEvent | CandidateMoved | OfferEvent | OtherEvent
"""One delivery: a modelled event, or :class:`OtherEvent` with the raw payload."""

EventHandler = Callable[[WebhookEvent], object]
"""``on_event(event)``: act on one verified event. Its result is awaited when it is
awaitable (an ``async def``), and otherwise not used: a task id or a status may be returned."""

_MODELLED: Final = (CandidateEvent, CandidateMoved, OfferEvent)

T = TypeVar("T")


def _key(secret: Secret | str) -> bytes:
    if isinstance(secret, Secret):
        text = secret.reveal()
    elif isinstance(secret, str):
        text = secret
    else:
        raise TypeError(
            f"the webhook secret must be a str or a Secret, got {type(secret).__name__}"
        )
    if not text.strip():  # anyone can sign with an empty key
        raise ValueError("the webhook secret is empty: pass None until the webhook has a secret")
    if text != text.strip() or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise ValueError(
            "the webhook secret starts or ends with a space or holds a line break "
            "(a file's last line?): no signature would match"
        )
    return text.encode()


def verify_signature(body: bytes, signature: str | None, secret: Secret | str) -> bool:
    """Whether ``signature`` is the hex HMAC-SHA256 of ``body`` under ``secret`` (in either
    case: Recruitee's is documented as hex only).

    ``body`` is the raw request body, exactly as received (not re-serialized JSON). The
    comparison takes the same time wherever the signature differs.

    Raises:
        ValueError: ``secret`` is empty or blank (any body would verify under it), or
            starts or ends with a space or holds a line break.
        TypeError: ``body`` is not bytes, or ``secret`` is neither a str nor a Secret.
    """
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"body must be the raw bytes, got {type(body).__name__}")
    key = _key(secret)
    if not isinstance(signature, str) or not _HEX_DIGEST.fullmatch(signature.strip()):
        return False  # not computed: a receiver with many secrets did it for every post
    expected = hmac.new(key, bytes(body), hashlib.sha256).hexdigest()
    given = signature.strip().lower().encode()
    return hmac.compare_digest(expected.encode(), given)


_HEX_DIGEST: Final = re.compile(r"[0-9a-fA-F]{64}")


def _accepted_secrets(secret: Secret | str | Iterable[Secret | str]) -> tuple[Secret, ...]:
    """The secrets a receiver takes signatures under, each checked as :func:`verify_signature`
    checks one (which refuses what is neither a str nor a Secret)."""
    given: list[Any] = [secret]  # _key checks each one's type
    if isinstance(secret, Iterable) and not isinstance(secret, str | bytes | bytearray):
        given = list(secret)
    if not given:
        raise ValueError("secret is an empty list: pass None until the webhook has a secret")
    for each in given:
        _key(each)  # refuses an empty secret, or one no signature would match
    return tuple(Secret.coerce(each) for each in given)  # masked in every log line from now on


def parse_event(document: Any) -> WebhookEvent:
    """The typed event of a delivery's JSON document.

    Raises:
        ValueError: ``document`` is not an event (no string ``event_type``).
    """
    for model in _MODELLED:
        try:
            return model.model_validate(document)
        except ValidationError:
            continue
    try:
        return OtherEvent.model_validate(document)
    except ValidationError:
        raise ValueError("the body is not a Recruitee event (no event_type)") from None


_HASHED_ON_LOOP: Final = 1 << 20
"""The most bytes a receiver hashes to verify a delivery on the event loop (its body once
per secret); more is hashed on one of hirelink's request threads (``REQUEST_THREADS``),
not on anyio's shared pool, where the application's sync endpoints may hold every thread."""

MAX_PING_BYTES: Final = 4096
"""The largest unsigned body read as a possible test ping (``{"test": true}``); a larger
one is refused unread: parsing up to a megabyte for anyone who posts took the event loop
for about 170 ms a request, holding up signed deliveries."""


def _is_ping(document: object) -> bool:
    try:
        TestPing.model_validate(document)
    except ValidationError:
        return False
    return isinstance(document, dict) and "event_type" not in document


def _identity(secrets: Iterable[Secret]) -> str:
    """A receiver's part of its delivery keys: its secrets, digested (the store may be a
    shared Redis), so that replicas of one receiver share it and no other receiver does."""
    digest = hashlib.sha256(b"hirelink recruitee receiver")
    for text in sorted({secret.reveal() for secret in secrets}):
        digest.update(b"\0" + text.encode())
    return digest.hexdigest()[:16]


class _Receiver:
    def __init__(
        self,
        secrets: tuple[Secret, ...] | None,
        on_event: EventHandler,
        deliveries: DeliveryLog | None,
        dedupe_ttl: float,
        max_body_bytes: int,
        name: str | None,
    ) -> None:
        self._secrets = secrets
        self._identity = _identity(secrets or ()) if name is None else f"name:{name}"
        self._on_event = on_event
        self._deliveries = deliveries
        self._dedupe_ttl = dedupe_ttl
        self._max_body_bytes = max_body_bytes
        self._refusals = RefusalLog(logger, "the Recruitee receiver")
        self._threads = callback_threads(self._refusals.component)

    async def receive(self, request: Request) -> Response:
        return await answer(
            request,
            lambda: self._receive(request),
            logger=logger,
            component=self._refusals.component,
            failure_message="the receiver failed to handle the event",
            refusals=self._refusals,
        )

    async def _receive(self, request: Request) -> Response:
        body = await read_body(request, self._max_body_bytes)
        signature = request.headers.get(SIGNATURE_HEADER)
        signed = False
        if self._secrets is not None:
            secrets = self._secrets

            def verified() -> bool:
                return accepted_by_any(
                    secrets, lambda secret: verify_signature(body, signature, secret)
                )

            # A megabyte under a thousand secrets took the loop for most of a second.
            hashed = len(body) * len(secrets)
            signed = await REQUEST_THREADS.run(verified) if hashed > _HASHED_ON_LOOP else verified()
        if not signed:
            if len(body) <= MAX_PING_BYTES and _is_ping(_json_or_none(body)):
                return JSONResponse({})
            if self._secrets is None:
                raise Rejection("no webhook secret is configured: only test pings are taken", 401)
            raise Rejection(f"the {SIGNATURE_HEADER} header is missing or does not match", 401)
        document = decode_json(body)
        if _is_ping(document):
            return JSONResponse({})
        try:
            event = parse_event(document)
        except ValueError as error:
            raise Rejection(str(error), 400) from None
        # Known by its body, not its signature: with several secrets, one event sent by two
        # webhooks (one replacing the other) carries two signatures. And by the receiver:
        # another one sharing the store (a second webhook, another service) gets it too.
        key = f"recruitee:{self._identity}:{hashlib.sha256(body).hexdigest()}"
        deliveries = self._deliveries
        if deliveries is None:
            await invoke("on_event", self._on_event, event, threads=self._threads)
            return JSONResponse({})
        # Claimed for HANDLING_TTL whatever dedupe_ttl is: a claim lapsing with a short
        # dedupe_ttl let a repeat run on_event a second time beside the first.
        claim = await _claimed(deliveries, key, HANDLING_TTL)
        if claim is None:
            if not await _asked(deliveries, lambda: deliveries.delivery_handled(key)):
                # Still being handled, and it may yet fail: a 200 now would lose the event.
                raise Rejection("this delivery is being handled: send it again later", 409)
            logger.info("a repeated delivery of %s was answered without a callback", key[:-50])
            return JSONResponse({})

        def settle(handled: bool) -> None:
            if handled:
                deliveries.finish_delivery(key, self._dedupe_ttl)
            else:
                deliveries.release_delivery(key, claim)

        unrecorded = await invoke_settled(
            "on_event",
            self._on_event,
            event,
            settle,
            settle_blocks=not _in_memory(deliveries),
            threads=self._threads,
        )
        if unrecorded is not None:
            # Handled: a 500 would have Recruitee send it again, to be handled twice once
            # the claim lapsed.
            logger.error(
                "the event of %s was handled, but the delivery log could not record it (%s):"
                " a repeat of it would be handled again",
                key[:-50],
                scrub(str(unrecorded)),
            )
        return JSONResponse({})


def _in_memory(deliveries: DeliveryLog) -> bool:
    """Whether ``deliveries`` is this process's memory (a lock held for a lookup in a dict),
    asked in place; Redis, or a log of the application's, may block."""
    return type(deliveries) is InProcessStore  # a subclass may do I/O


async def _asked(deliveries: DeliveryLog, call: Callable[[], T]) -> T:
    """``call()``, which asks ``deliveries``: in place when it is in memory, else on one of
    the :data:`~hirelink.core.threads.STORE_THREADS`, never blocking the loop nor waiting
    for anyio's shared pool (the application's sync endpoints)."""
    if _in_memory(deliveries):
        return call()
    return await STORE_THREADS.run(call)


async def _claimed(deliveries: DeliveryLog, key: str, ttl: float) -> Any:
    """The delivery's claim, or None when another request holds it or it was handled. A
    request cancelled while a store takes it (asyncio's own cancel does not wait for the
    thread) gives back the claim the thread takes: no one else would, and Recruitee's
    retries got 409 until it lapsed."""
    if _in_memory(deliveries):
        return deliveries.claim_delivery(key, ttl)

    def release(claim: Any) -> None:
        try:
            if claim is not None:
                deliveries.release_delivery(key, claim)
        except Exception as error:  # the request is gone: the claim lapses after ttl
            logger.warning("a claim left by a cancelled request stays (%s)", scrub(str(error)))

    return await take_on_thread(lambda: deliveries.claim_delivery(key, ttl), release)


def _json_or_none(body: bytes) -> Any:
    try:
        return decode_json(body)
    except Rejection:
        return None


def create_webhook_app(
    *,
    secret: Secret | str | Iterable[Secret | str] | None,
    on_event: EventHandler,
    store: DeliveryLog | Store | str | None = None,
    dedupe: bool = True,
    dedupe_ttl: float = DEFAULT_DEDUPE_TTL,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    path: str = "/",
    name: str | None = None,
) -> Starlette:
    """The ASGI app receiving Recruitee's webhook deliveries (see the module docstring).

    Args:
        secret: the webhook's secret (shown in Recruitee once the webhook is saved), or a
            list of them (several webhooks sending here, or one replaced by another); None
            answers test pings only, so that the webhook can be saved first.
        on_event: ``(event)``, sync or async (what it returns is not used); raising makes
            the answer a 500.
        store: where delivered events are remembered: None (``$HIRELINK_STORE`` or this
            process), a Redis URL or a store.
        dedupe: False hands every delivery to ``on_event``, repeats included.
        dedupe_ttl: seconds a delivery is remembered.
        max_body_bytes: larger bodies are refused with 413.
        path: where the endpoint is (the URL to register in Recruitee).
        name: what tells this receiver's deliveries from other receivers' in a shared
            store; by default a digest of its secrets, so a receiver whose secrets change
            (a rotation rolling out over replicas) starts a record of its own. Give one,
            the same on every replica, to keep answering repeats once through it.

    Raises:
        ValueError: ``on_event`` is not callable, ``path`` is not absolute, a limit is
            not positive, or a secret is empty or starts or ends with a space or holds a
            line break, or the list of them is empty.
        TypeError: ``secret`` is neither a str, a Secret nor a list of them.
    """
    secrets = None if secret is None else _accepted_secrets(secret)
    ttl = positive_seconds("dedupe_ttl", dedupe_ttl)
    deliveries = delivery_log(store) if dedupe else None
    if name is not None:
        name = non_empty_str("name", name)
    receiver = _Receiver(secrets, on_event, deliveries, ttl, max_body_bytes, name)
    return receiver_app(
        [("POST", path, receiver.receive)],
        callbacks={"on_event": on_event},
        max_body_bytes=max_body_bytes,
        answer_probes=True,
    )
