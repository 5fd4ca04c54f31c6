"""The Personio stand-in's webhooks: ``/v2/webhooks`` records and their deliveries.

As Personio API v2 has them (issue 19, C): ``DISABLED`` until enabled; ``auth_type``
``NONE``, ``TOKEN`` (sent in ``Authorization``) or ``CUSTOM`` (up to three headers);
"dataless" deliveries, retried on a timeout or a 5xx but 501, at most 6 attempts. Only
loopback URLs are delivered to; the others' history shows ``FAILED``.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from hirelink.sandbox.app import SandboxError
from hirelink.sandbox.outbox import DEFAULT_RETRY_DELAYS, Outbox, Outcome, Subscription
from hirelink.sandbox.resources import (
    Collection,
    format_time,
    seed_records,
    utcnow,
    view,
)
from hirelink.sandbox.server import InvalidHeaderError

__all__ = ["MAX_ATTEMPTS", "PersonioWebhooks", "personio_outcome"]

MAX_ATTEMPTS: Final = 6
"""Attempts at one delivery, as Personio makes them (the first and five retries)."""
_SETTINGS: Final = ("url", "status", "auth_type", "enabled_events", "description")
_HISTORY_STATES: Final = {"pending": "PENDING", "delivered": "DELIVERED"}  # else FAILED


def personio_outcome(status: int | None) -> Outcome:
    """A 2xx acknowledges; a timeout or a 5xx other than 501 is retried; the rest is not."""
    if status is None or (status >= 500 and status != 501):
        return "retry"
    return "delivered" if 200 <= status < 300 else "refused"


def _authorization(subscription: Subscription, body: bytes) -> dict[str, str]:
    return {"Authorization": subscription.secret} if subscription.secret is not None else {}


class PersonioWebhooks:
    """The company's webhooks and their event history (thread-safe).

    Args:
        company_id: sent as ``company_id`` in every delivery.
        lock: the state's lock.
        not_found: the provider's 404.
        retry_delays: seconds before each further attempt (five: six attempts in all).
    """

    def __init__(
        self,
        *,
        company_id: str,
        lock: threading.RLock,
        not_found: Callable[[], SandboxError],
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        self.company_id = company_id
        self.outbox = Outbox(
            headers=_authorization, retries=personio_outcome, retry_delays=retry_delays
        )
        if self.outbox.max_attempts > MAX_ATTEMPTS:
            raise ValueError(f"Personio makes at most {MAX_ATTEMPTS} attempts")
        now = format_time(utcnow())
        stamps = {"created_at": now, "updated_at": now, "_events": []}
        seeded = [{**hook, **stamps} for hook in seed_records("personio", "Webhook")]
        self._webhooks: Collection[str] = Collection(seeded, not_found=not_found, lock=lock)
        self._event_ids = itertools.count(1)
        self._webhook_ids = itertools.count(1)

    def records(self) -> list[dict[str, Any]]:
        """Every webhook as the API shows it (no tokens, no header values)."""
        return [_public(webhook) for webhook in self._webhooks]

    def create(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """A new webhook, ``DISABLED`` (400 when its authentication is incomplete)."""
        webhook_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"webhook-{next(self._webhook_ids)}"))
        new = {"id": webhook_id, "status": "DISABLED", "auth_type": "NONE", "description": None}
        return self._store({**new, "created_at": format_time(utcnow()), "_events": []}, body)

    def update(self, webhook_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """Change the given members (``status`` enables or disables it)."""
        with self._webhooks.lock:
            return self._store(dict(self._webhooks.get(webhook_id)), body)

    def delete(self, webhook_id: str) -> None:
        """Remove a webhook (404 when unknown); its queued deliveries are still tried."""
        self._webhooks.remove(webhook_id)

    def events(self, webhook_id: str) -> list[dict[str, Any]]:
        """The webhook's event history, newest first, with each delivery's state."""
        shown = []
        for stored in reversed(self._webhooks.get(webhook_id)["_events"]):
            event = dict(stored)
            delivery = event.pop("_delivery")
            attempts, state = (0, "refused") if delivery is None else self.outbox.outcome(delivery)
            status = _HISTORY_STATES.get(state, "FAILED")
            shown.append({**event, "attempts": attempts, "status": status})
        return shown

    def emit(self, event_name: str, payload: Mapping[str, Any]) -> list[str]:
        """Send a dataless event to every enabled webhook subscribed to ``event_name``;
        return the ids of those webhooks."""
        with self._webhooks.lock:
            event_id = f"evt-{self.company_id}-{next(self._event_ids):06d}"
            stamp = format_time(utcnow())
            occurrence = {"event_name": event_name, "occurred_at": stamp, "payload": dict(payload)}
            subscribed = [
                webhook
                for webhook in self._webhooks
                if webhook["status"] == "ENABLED" and event_name in webhook["enabled_events"]
            ]
            for webhook in subscribed:
                delivery = None
                if "_subscription" in webhook:
                    meta = {"event_id": event_id, "webhook_id": webhook["id"]}
                    document = {"company_id": self.company_id, **occurrence, "meta": meta}
                    queued = self.outbox.emit(document, to=[webhook["_subscription"]])
                    delivery = queued[0] if queued else None  # none once the outbox closed
                event = {"id": event_id, **occurrence, "_delivery": delivery}
                self._webhooks.update(webhook["id"], _events=[*webhook["_events"], event])
            return [webhook["id"] for webhook in subscribed]

    def _store(self, webhook: dict[str, Any], body: Mapping[str, Any]) -> dict[str, Any]:
        """Apply ``body`` to ``webhook``, check its authentication, subscribe it, keep it.
        (The spec limits the custom headers to three.)"""
        webhook.update({key: body[key] for key in _SETTINGS if key in body})
        if "token" in body:
            webhook["_token"] = body["token"]
        if "custom_headers" in body:
            webhook["_headers"] = {pair["name"]: pair["value"] for pair in body["custom_headers"]}
        if webhook["auth_type"] == "TOKEN" and not webhook.get("_token"):
            raise SandboxError(400, "auth_type TOKEN needs a token.")
        if webhook["auth_type"] == "CUSTOM" and not webhook.get("_headers"):
            raise SandboxError(400, "auth_type CUSTOM needs custom_headers.")
        webhook["custom_header_names"] = sorted(webhook.get("_headers", {}))
        webhook["updated_at"] = format_time(utcnow())
        # Not on the outbox's broadcast list: a webhook gets only its own events (emit).
        webhook.pop("_subscription", None)
        token = webhook.get("_token") if webhook["auth_type"] == "TOKEN" else None
        headers = webhook.get("_headers", {}) if webhook["auth_type"] == "CUSTOM" else {}
        url = webhook["url"]
        try:
            webhook["_subscription"] = self.outbox.subscription(url, token, headers=headers)
        except InvalidHeaderError as error:
            raise SandboxError(400, f"auth_type {webhook['auth_type']}: {error}") from None
        except ValueError:  # not a loopback URL: kept, never delivered to
            pass
        with self._webhooks.lock:
            return _public(self._webhooks.put(webhook))


def _public(webhook: Mapping[str, Any]) -> dict[str, Any]:
    return view("personio", "Webhook", webhook)
