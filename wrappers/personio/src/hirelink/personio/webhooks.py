"""Receive Personio API v2 webhooks: check the token, answer at once, call the application.

Personio signs nothing: a webhook created with ``auth_type`` ``TOKEN`` sends its token
verbatim in ``Authorization``, one with ``CUSTOM`` sends up to three headers of your
choice. Deliveries are "dataless" (``company_id``, ``event_name``, ``occurred_at``, the
ids in ``payload``, ``meta``); read the records through the API. Serve
:func:`create_webhook_app` at the webhook's URL::

    import os

    from hirelink.personio.webhooks import WebhookDelivery, create_webhook_app

    def on_event(delivery: WebhookDelivery) -> None:
        if delivery.event_name == "person.created" and delivery.payload:
            sync_person(delivery.payload["id"])

    app = create_webhook_app(tokens=[os.environ["PERSONIO_WEBHOOK_TOKEN"]], on_event=on_event)

It receives at its ``path``, ``/`` by default: served alone, at ``https://your.host/``;
mounted with ``main_app.mount("/personio", app)``, at ``https://your.host/personio/``
with the trailing slash, the URL to register, since a POST to ``/personio`` gets a 307
redirect, not the 2xx Personio waits for. For a URL without the slash, mount
``create_webhook_app(..., path="/personio")`` at ``/webhooks`` and register
``https://your.host/webhooks/personio``.

- The ``Authorization`` header (or each header named in ``headers``) is compared in
  constant time with every accepted token; give two tokens while rotating one, so no
  delivery is refused in between. A missing or unknown token gets 401.
- Personio wants a 2xx within 3 seconds and retries a timeout or a 5xx (at most 6
  attempts). The receiver answers 202 as soon as the delivery is read and valid, and
  runs ``on_event`` (sync in a worker thread, or async) after the answer is sent. A
  failing ``on_event`` is logged and not retried by Personio: keep what must not be lost
  in your own queue, or look it up in the webhook's 30-day event history.
- A sync ``on_event`` runs on threads of the receiver's own, at most
  :data:`HAND_OVER_THREADS` at once: a backlog of slow ones waits for those, and leaves
  anyio's shared pool to the rest of the process (the application's sync endpoints).
- 400 to a body that is not JSON, 422 to one that is not a delivery (the fields named),
  413 to one over ``max_body_bytes``, 415 to one with a ``Content-Encoding`` (gzip).
- 200 ``{}`` to a GET or HEAD of its path: a load balancer's health check.

The event names, the form of ``occurred_at`` and the members of ``payload`` and ``meta``
are our reading (see the package README); every delivery with a ``company_id`` and an
``event_name`` is handed over. An ``occurred_at`` that is missing, null, a number or not a
time with its zone (``2026-03-02T09:15``, an object) is handed over as the time the
delivery was received, UTC, with the value as sent (None when missing) as the extra
member ``occurred_at_as_sent`` (``model_extra`` is typed ``dict[str, Any] | None``: read
``(delivery.model_extra or {})["occurred_at_as_sent"]``), and a warning: refused, the
event would be lost, since Personio does not resend it.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Final

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hirelink.api.personio.inbound import WebhookDelivery
from hirelink.core.receiver import (
    CALLBACK_THREADS,
    DEFAULT_MAX_BODY_BYTES,
    RefusalLog,
    Rejection,
    answer,
    callback_threads,
    decode_json,
    describe_problems,
    invoke,
    log_failure,
    read_body,
    receiver_app,
)
from hirelink.core.redaction import one_line
from hirelink.core.secrets import Secret, accepted_by_any
from hirelink.core.validation import header_name, secret, written_as_a_number

__all__ = ["HAND_OVER_THREADS", "DeliveryHandler", "WebhookDelivery", "create_webhook_app"]

logger = logging.getLogger("hirelink.personio.webhooks")

AUTHORIZATION: Final = "Authorization"
# Personio allows up to three custom headers per webhook.
MAX_CUSTOM_HEADERS: Final = 3
# What a log line shows of a delivery's own text (whoever holds the token wrote it).
_SHOWN: Final = 80
"""Characters of its event name, and of each id."""
_IDS_SHOWN: Final = 10
"""Ids."""
HAND_OVER_THREADS: Final = CALLBACK_THREADS
"""The most sync ``on_event`` calls a receiver runs at once, on worker threads of its own
(as many as anyio's shared pool has, as every receiver's:
:data:`hirelink.core.receiver.CALLBACK_THREADS`); more wait for one of them."""

DeliveryHandler = Callable[[WebhookDelivery], object]
"""``on_event(delivery)``: act on one delivery (runs after the answer is sent). Its result
is awaited when it is awaitable (an ``async def``), and otherwise not used."""


def _secrets(name: str, values: Iterable[str | Secret]) -> tuple[Secret, ...]:
    if isinstance(values, str | Secret) or not isinstance(values, Iterable):
        raise ValueError(f"{name} must be a collection of tokens, e.g. [token]")
    # A token with a space at an end or a line break (a file's last line) never matches:
    # refused here, as create_webhook refuses it, not with a 401 for every delivery.
    accepted = tuple(secret(name, value, ascii_only=False) for value in values)
    if not accepted:
        raise ValueError(f"{name} must name at least one accepted token")
    return accepted


def _matches(given: str, accepted: tuple[Secret, ...]) -> bool:
    # The server decoded the header's bytes as latin-1: compare those bytes.
    sent = given.encode("latin-1", "replace")
    return accepted_by_any(
        accepted, lambda token: hmac.compare_digest(sent, token.reveal().encode())
    )


class _Receiver:
    def __init__(
        self,
        required: dict[str, tuple[Secret, ...]],
        on_event: DeliveryHandler,
        max_body_bytes: int,
    ) -> None:
        self._required = required
        self._on_event = on_event
        self._max_body_bytes = max_body_bytes
        self._refusals = RefusalLog(logger, "the Personio receiver")
        self._threads = callback_threads(self._refusals.component)

    async def receive(self, request: Request) -> Response:
        return await answer(
            request,
            lambda: self._accept(request),
            logger=logger,
            component=self._refusals.component,
            failure_message="the receiver failed to take the delivery",
            refusals=self._refusals,
        )

    async def _accept(self, request: Request) -> Response:
        self._authenticate(request)
        document = decode_json(await read_body(request, self._max_body_bytes))
        delivery = _delivery(document)
        return JSONResponse(
            {}, status_code=202, background=BackgroundTask(self._hand_over, request, delivery)
        )

    def _authenticate(self, request: Request) -> None:
        accepted = True
        for header, tokens in self._required.items():
            accepted &= _matches(request.headers.get(header, ""), tokens)
        if not accepted:
            names = " and ".join(self._required)
            raise Rejection(f"the {names} header is missing or not accepted", 401)

    async def _hand_over(self, request: Request, delivery: WebhookDelivery) -> None:
        try:
            await invoke("on_event", self._on_event, delivery, threads=self._threads)
        except Exception as failure:  # the answer is sent: log it, nobody else will see it
            log_failure(
                logger,
                request.url.path,
                failure,
                component="the Personio receiver",
                about=f" (handling {delivery.event_name[:_SHOWN]} of"
                f" {delivery.occurred_at.isoformat()},"
                f" payload {_payload_ids(delivery)}: Personio will not send it again; find it"
                " in the webhook's event history)",
            )
        except BaseException:  # cancelled: the server stopped past its grace period
            logger.error(
                "the server stopped before on_event finished with %s of %s (payload %s):"
                " Personio will not send it again; if it was not handled (an async on_event"
                " is stopped, a sync one runs on in its thread while the process lives),"
                " find it in the webhook's event history",
                one_line(delivery.event_name)[:_SHOWN],
                delivery.occurred_at.isoformat(),
                _payload_ids(delivery),
            )
            raise


def _delivery(document: object) -> WebhookDelivery:
    """The delivery ``document`` holds; refused (422, naming the fields) only when more
    than its ``occurred_at`` is wrong: one missing, null, a number (which pydantic would
    read as a Unix time) or not a time with its zone is dated when it was received."""
    try:
        if isinstance(document, dict) and _names_no_moment(document.get("occurred_at")):
            return _received_now(document)
        return WebhookDelivery.model_validate(document)
    except ValidationError as error:
        problems = error.errors()
        if isinstance(document, dict) and all(p["loc"][:1] == ("occurred_at",) for p in problems):
            return _received_now(document)
        raise Rejection(describe_problems(error), 422) from None


def _names_no_moment(value: object) -> bool:
    """Null, a boolean, or a number (pydantic reads one, or text of one, as a Unix time;
    which unit a sender meant cannot be told): kept as sent instead."""
    return value is None or isinstance(value, bool) or written_as_a_number(value)


def _received_now(document: dict[str, object]) -> WebhookDelivery:
    as_sent = document.get("occurred_at")
    received = {**document, "occurred_at": datetime.now(UTC), "occurred_at_as_sent": as_sent}
    delivery = WebhookDelivery.model_validate(received)  # any other problem: refused
    logger.warning(
        "a Personio delivery of %.80r has an occurred_at that is not a time with its zone"
        " (%.80r): handed over dated when it was received, the value as sent in"
        " occurred_at_as_sent",
        delivery.event_name,
        as_sent,
    )
    return delivery


def _payload_ids(delivery: WebhookDelivery) -> str:
    """The ids a dataless delivery carries, to find the event again (nothing else)."""
    payload = delivery.payload if isinstance(delivery.payload, dict) else {}
    # Written by whoever holds the token: one line, escapes shown as such, and short.
    ids = [
        f"{one_line(str(name))[:_SHOWN]}={one_line(str(value))[:_SHOWN]}"
        for name, value in payload.items()
        if name == "id" or str(name).endswith("_id")  # not "paid" or "valid"
    ]
    more = f" and {len(ids) - _IDS_SHOWN} more" if len(ids) > _IDS_SHOWN else ""
    return ", ".join(ids[:_IDS_SHOWN]) + more or "without ids"


def create_webhook_app(
    *,
    tokens: Iterable[str | Secret] | None,
    on_event: DeliveryHandler,
    headers: Mapping[str, Iterable[str | Secret]] | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    path: str = "/",
) -> Starlette:
    """The ASGI app receiving Personio's webhook deliveries (see the module docstring).

    Args:
        tokens: the accepted values of ``Authorization`` (a webhook with ``auth_type``
            ``TOKEN``); several while one is rotated. None for a ``CUSTOM`` webhook
            checked by ``headers`` alone.
        on_event: ``(delivery)``, sync or async (what it returns is not used), run after
            the 202 is sent.
        headers: for ``auth_type`` ``CUSTOM``: each header name with its accepted values;
            every named header must carry one of them.
        max_body_bytes: larger bodies are refused with 413.
        path: where the endpoint is (the URL to register with Personio).

    Raises:
        ValueError: neither ``tokens`` nor ``headers``, an empty token list, a token with
            a line break or a space at an end, more than three custom headers, a header
            name that is no HTTP token or named twice (names ignore case, ``Authorization``
            included), a bad ``path`` or limit, or ``on_event`` not callable.
    """
    required: dict[str, tuple[Secret, ...]] = {}
    if tokens is not None:
        required[AUTHORIZATION.lower()] = _secrets("tokens", tokens)
    if headers is not None:
        if len(headers) > MAX_CUSTOM_HEADERS:
            raise ValueError(f"Personio sends at most {MAX_CUSTOM_HEADERS} custom headers")
        for name, values in headers.items():
            # A name create_webhook refuses could never arrive: every delivery a 401.
            checked = header_name(f"headers[{name!r}]", name)
            if checked.lower() in required:  # one would silently replace the other
                raise ValueError(f"the header {checked!r} is named twice (names ignore case)")
            required[checked.lower()] = _secrets(f"headers[{name!r}]", values)
    if not required:
        raise ValueError("give tokens= (Authorization) or headers= (custom headers) to check")
    receiver = _Receiver(required, on_event, max_body_bytes)
    return receiver_app(
        [("POST", path, receiver.receive)],
        callbacks={"on_event": on_event},
        max_body_bytes=max_body_bytes,
        answer_probes=True,
    )
