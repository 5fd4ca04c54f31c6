"""The Personio stand-in's webhooks: ``/v2/webhooks`` records and their deliveries.

Personio API v2 manages webhooks by API (issue 19, C): a new webhook is ``DISABLED``
until enabled; ``auth_type`` ``NONE``, ``TOKEN`` (the token verbatim in
``Authorization``) or ``CUSTOM`` (up to three headers); deliveries are "dataless"
(``company_id``, ``event_name``, ``occurred_at``, ``payload`` with ids, ``meta``),
acknowledged by any 2xx, retried on a timeout or a 5xx other than 501, at most 6
attempts. :class:`PersonioWebhooks` keeps the records and sends each event to the enabled
webhooks subscribed to it through an :class:`~hirelink.sandbox.outbox.Outbox`; only
webhooks with a loopback URL are delivered to (the others keep their history with
``FAILED``).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

from hirelink.sandbox.app import SandboxError
from hirelink.sandbox.outbox import DEFAULT_RETRY_DELAYS, Outbox, Outcome, Subscription
from hirelink.sandbox.resources import format_time

__all__ = ["MAX_ATTEMPTS", "PersonioWebhooks", "personio_outcome"]

MAX_ATTEMPTS: Final = 6
MAX_CUSTOM_HEADERS: Final = 3
SEEDED_WEBHOOK_IDS: Final = (
    "0b7e6a52-8f0e-4c31-9d2a-5e1f3c7b9a10",
    "5d1c9e0a-7b42-4f6e-8a31-2c9d0e7f6b54",
)
"""Two webhooks every stand-in starts with (the catalog's examples change and delete them)."""
_HISTORY_STATES: Final = {
    "pending": "PENDING",
    "delivered": "DELIVERED",
    "refused": "FAILED",
    "abandoned": "FAILED",
}
_PUBLIC = ("id", "url", "status", "auth_type", "enabled_events", "description")


def personio_outcome(status: int | None) -> Outcome:
    """A 2xx acknowledges; a timeout or a 5xx other than 501 is retried; the rest is not."""
    if status is None or (status >= 500 and status != 501):
        return "retry"
    return "delivered" if 200 <= status < 300 else "refused"


def _authorization(subscription: Subscription, body: bytes) -> dict[str, str]:
    return {"Authorization": subscription.secret} if subscription.secret is not None else {}


class PersonioWebhooks:
    """The company's webhooks and their 30-day event history (thread-safe).

    Args:
        company_id: sent as ``company_id`` in every delivery.
        wall_clock: "now" for timestamps.
        lock: the state's lock.
        bad_request: the provider's 400 with a message; ``not_found``: its 404.
        retry_delays: seconds before each further attempt (five: six attempts in all).
        timeout: seconds a receiver has to answer (Personio's is 3).
    """

    def __init__(
        self,
        *,
        company_id: str,
        wall_clock: Callable[[], datetime],
        lock: threading.RLock,
        bad_request: Callable[[str], SandboxError],
        not_found: Callable[[], SandboxError],
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        timeout: float = 3.0,
    ) -> None:
        if len(retry_delays) + 1 > MAX_ATTEMPTS:
            raise ValueError(f"Personio makes at most {MAX_ATTEMPTS} attempts")
        self.company_id = company_id
        self._clock = wall_clock
        self._lock = lock
        self._bad_request = bad_request
        self._not_found = not_found
        self.outbox = Outbox(
            headers=_authorization,
            retries=personio_outcome,
            retry_delays=retry_delays,
            timeout=timeout,
        )
        self._webhooks: dict[str, dict[str, Any]] = {}
        self._subscriptions: dict[str, Subscription] = {}
        self._history: dict[str, list[dict[str, Any]]] = {}
        self._event_ids = itertools.count(1)
        self._webhook_ids = itertools.count(1)
        now = self._now()
        for webhook_id in SEEDED_WEBHOOK_IDS:
            self._webhooks[webhook_id] = {
                "id": webhook_id,
                "url": "https://hooks.example.org/personio",
                "status": "DISABLED",
                "auth_type": "NONE",
                "enabled_events": ["person.created", "person.updated"],
                "description": None,
                "created_at": now,
                "updated_at": now,
            }
            self._history[webhook_id] = []

    # ------------------------------------------------------------------ records

    def records(self) -> list[dict[str, Any]]:
        """Every webhook as the API shows it (no tokens, no header values)."""
        with self._lock:
            return [_public(webhook) for webhook in self._webhooks.values()]

    def get(self, webhook_id: str) -> dict[str, Any]:
        """One webhook as the API shows it (404 when unknown)."""
        with self._lock:
            return _public(self._require(webhook_id))

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """A new webhook, ``DISABLED`` (400 when its authentication is incomplete)."""
        with self._lock:
            webhook_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"webhook-{next(self._webhook_ids)}"))
            now = self._now()
            webhook: dict[str, Any] = {
                "id": webhook_id,
                "status": "DISABLED",
                "auth_type": body.get("auth_type", "NONE"),
                "description": None,
                "created_at": now,
            }
            self._apply(webhook, body)
            self._webhooks[webhook_id] = webhook
            self._history[webhook_id] = []
            self._resubscribe(webhook)
            return _public(webhook)

    def update(self, webhook_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """Change the given members (``status`` enables or disables it)."""
        with self._lock:
            webhook = dict(self._require(webhook_id))
            self._apply(webhook, body)
            self._webhooks[webhook_id] = webhook
            self._resubscribe(webhook)
            return _public(webhook)

    def delete(self, webhook_id: str) -> None:
        """Remove a webhook (404 when unknown); its queued deliveries are still tried."""
        with self._lock:
            self._require(webhook_id)
            del self._webhooks[webhook_id]
            del self._history[webhook_id]
            subscription = self._subscriptions.pop(webhook_id, None)
            if subscription is not None:
                self.outbox.unregister(subscription)

    def events(self, webhook_id: str) -> list[dict[str, Any]]:
        """The webhook's event history, newest first, with each delivery's state."""
        with self._lock:
            self._require(webhook_id)
            entries = list(reversed(self._history[webhook_id]))
        shown = []
        for entry in entries:
            attempts, state = (0, "refused")
            if entry["_delivery"] is not None:
                attempts, state = self.outbox.outcome(entry["_delivery"])
            public = {key: value for key, value in entry.items() if not key.startswith("_")}
            shown.append({**public, "attempts": attempts, "status": _HISTORY_STATES[state]})
        return shown

    # ------------------------------------------------------------------ events

    def emit(self, event_name: str, payload: Mapping[str, Any]) -> list[str]:
        """Send a dataless event to every enabled webhook subscribed to ``event_name``.

        Returns the ids of the webhooks it was sent to.
        """
        with self._lock:
            occurred_at = self._now()
            event_id = f"evt-{self.company_id}-{next(self._event_ids):06d}"
            sent_to = []
            for webhook in self._webhooks.values():
                if webhook["status"] != "ENABLED" or event_name not in webhook["enabled_events"]:
                    continue
                document = {
                    "company_id": self.company_id,
                    "event_name": event_name,
                    "occurred_at": occurred_at,
                    "payload": dict(payload),
                    "meta": {"event_id": event_id, "webhook_id": webhook["id"]},
                }
                subscription = self._subscriptions.get(webhook["id"])
                delivery = None
                if subscription is not None:
                    (delivery,) = self.outbox.emit(document, to=[subscription])
                self._history[webhook["id"]].append(
                    {
                        "id": event_id,
                        "event_name": event_name,
                        "occurred_at": occurred_at,
                        "payload": dict(payload),
                        "_delivery": delivery,
                    }
                )
                sent_to.append(webhook["id"])
            return sent_to

    # ------------------------------------------------------------------ internals

    def _now(self) -> str:
        return format_time(self._clock())

    def _require(self, webhook_id: str) -> dict[str, Any]:
        webhook = self._webhooks.get(webhook_id)
        if webhook is None:
            raise self._not_found()
        return webhook

    def _apply(self, webhook: dict[str, Any], body: Mapping[str, Any]) -> None:
        for key in ("url", "status", "auth_type", "enabled_events", "description"):
            if key in body:
                webhook[key] = body[key]
        if "token" in body:
            webhook["_token"] = body["token"]
        if "custom_headers" in body:
            headers = {header["name"]: header["value"] for header in body["custom_headers"]}
            if len(headers) > MAX_CUSTOM_HEADERS:
                raise self._bad_request(f"At most {MAX_CUSTOM_HEADERS} custom headers are allowed.")
            webhook["_headers"] = headers
        if webhook["auth_type"] == "TOKEN" and not webhook.get("_token"):
            raise self._bad_request("auth_type TOKEN needs a token.")
        if webhook["auth_type"] == "CUSTOM" and not webhook.get("_headers"):
            raise self._bad_request("auth_type CUSTOM needs custom_headers.")
        webhook["updated_at"] = self._now()

    def _resubscribe(self, webhook: Mapping[str, Any]) -> None:
        old = self._subscriptions.pop(webhook["id"], None)
        if old is not None:
            self.outbox.unregister(old)
        token = webhook.get("_token") if webhook["auth_type"] == "TOKEN" else None
        headers = webhook.get("_headers", {}) if webhook["auth_type"] == "CUSTOM" else {}
        with contextlib.suppress(ValueError):  # not a loopback URL: kept, never delivered to
            self._subscriptions[webhook["id"]] = self.outbox.register(
                webhook["url"], token, headers=headers
            )


def _public(webhook: Mapping[str, Any]) -> dict[str, Any]:
    shown = {key: webhook[key] for key in _PUBLIC if key in webhook}
    shown["custom_header_names"] = sorted(webhook.get("_headers", {}))
    shown["created_at"] = webhook["created_at"]
    shown["updated_at"] = webhook["updated_at"]
    return shown
