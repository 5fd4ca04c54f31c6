"""Webhook deliveries sent by the stand-ins, from a background thread, with retries.

A stand-in that sends webhooks owns an :class:`Outbox`: receivers are registered on it
(loopback URLs only), the stand-in's state calls :meth:`Outbox.emit` when something
happens, and a daemon thread POSTs each delivery to every receiver, retrying what the
provider retries with growing delays (short by default, so tests stay fast) up to a
bounded number of attempts. A POST that fails in any way counts as no answer; once
closed, the outbox queues nothing. Counters and a log of the last attempts make the
traffic observable: ``Outbox.stats``, :attr:`Outbox.attempts`, :meth:`Outbox.wait_idle`.
"""

from __future__ import annotations

import collections
import heapq
import itertools
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal

import attrs
import httpx

from hirelink.core.transport import more_than_a_timeout
from hirelink.sandbox.server import check_headers, loopback_url

__all__ = ["Attempt", "Outbox", "OutboxStats", "Outcome", "Subscription"]

_log = logging.getLogger("hirelink.sandbox")

DEFAULT_RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8)
"""Seconds before the 2nd, 3rd, ... attempt (growing, short: the stand-ins serve tests)."""


@attrs.define(frozen=True)
class Subscription:
    """One registered receiver: its id (from 1), loopback URL, the secret the provider's
    signing or authentication uses (None: nothing) and extra headers for every delivery."""

    id: int
    url: str
    secret: str | None = attrs.field(default=None, repr=False)
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)


@attrs.define(frozen=True)
class Attempt:
    """One POST of one delivery: its outcome (``status`` None when no answer came)."""

    delivery_id: int
    subscription_id: int
    number: int
    status: int | None
    body: bytes = attrs.field(repr=False)


@attrs.frozen
class OutboxStats:
    """What the outbox did: deliveries queued, POSTs sent, deliveries acknowledged,
    deliveries refused by the receiver (not retried), deliveries given up after the
    last attempt."""

    queued: int = 0
    sent: int = 0
    delivered: int = 0
    refused: int = 0
    abandoned: int = 0


@attrs.define
class _Delivery:
    id: int
    subscription: Subscription
    body: bytes
    attempt: int = 0


Outcome = Literal["delivered", "retry", "refused"]
"""What became of one delivery attempt."""
RetryPolicy = Callable[[int | None], Outcome]
"""What the provider makes of an answer's status (None: no answer in time): delivered,
to be retried, or refused for good."""
Headers = Callable[[Subscription, bytes], Mapping[str, str]]
"""The provider's headers for one delivery (signature, token, user agent)."""


class Outbox:
    """Sends a stand-in's webhook deliveries to the registered receivers.

    Args:
        headers: the provider's headers for a delivery to a subscription.
        retries: what an answer (status, or None for none) means to the provider.
        retry_delays: seconds to wait before each further attempt; its length plus one is
            the number of attempts.
        timeout: seconds to wait for an answer.
        keep_attempts: how many of the last attempts :attr:`attempts` keeps, each with
            the body it sent (a candidate's name and addresses); the counters count all.
    """

    def __init__(
        self,
        *,
        headers: Headers,
        retries: RetryPolicy,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        timeout: float = 3.0,
        keep_attempts: int = 10_000,
    ) -> None:
        if any(delay < 0 for delay in retry_delays):
            raise ValueError("retry delays must not be negative")
        self._headers = headers
        self._retries = retries
        self.retry_delays = tuple(retry_delays)
        self.timeout = timeout
        self._subscriptions: dict[int, Subscription] = {}
        self._ids = itertools.count(1)
        self._delivery_ids = itertools.count(1)
        self._due: list[tuple[float, int, _Delivery]] = []
        self._in_flight = 0
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._outcomes: dict[int, tuple[int, str]] = {}
        self._attempts: collections.deque[Attempt] = collections.deque(maxlen=keep_attempts)
        self._sent = 0

    @property
    def attempts(self) -> list[Attempt]:
        """The last attempts (``keep_attempts`` of them), oldest first: a copy, which the
        sending thread does not change while a test reads it."""
        with self._condition:
            return list(self._attempts)

    @property
    def stats(self) -> OutboxStats:
        """The counts so far, from every delivery's state and the log of attempts."""
        with self._condition:
            states = collections.Counter(state for _, state in self._outcomes.values())
            queued, sent = len(self._outcomes), self._sent
            delivered, refused, abandoned = (
                states[s] for s in ("delivered", "refused", "abandoned")
            )
            return OutboxStats(queued, sent, delivered, refused, abandoned)

    @property
    def max_attempts(self) -> int:
        """How many times one delivery is tried at most."""
        return len(self.retry_delays) + 1

    def register(
        self, url: str, secret: str | None = None, *, headers: Mapping[str, str] | None = None
    ) -> Subscription:
        """Send every later :meth:`emit` without ``to`` to ``url``; return the registration.

        Raises:
            ValueError: as :meth:`subscription`.
        """
        subscription = self.subscription(url, secret, headers=headers)
        with self._condition:
            self._subscriptions[subscription.id] = subscription
        return subscription

    def subscription(
        self, url: str, secret: str | None = None, *, headers: Mapping[str, str] | None = None
    ) -> Subscription:
        """A receiver that gets only what is emitted ``to`` it (not registered).

        Raises:
            ValueError: ``url`` is not a loopback URL, or a header of its deliveries is not
                text HTTP can carry: ASCII for ``headers``, UTF-8 for the provider's made
                from ``secret`` (a webhook token the user chose goes as UTF-8 bytes). The
                error names the header, not its value.
        """
        subscription = Subscription(next(self._ids), loopback_url(url), secret, dict(headers or {}))
        check_headers(subscription.headers, charset="ascii")
        check_headers(self._headers(subscription, b""), charset="utf-8")
        return subscription

    def unregister(self, subscription: Subscription | int) -> None:
        """Stop sending to a registration (deliveries already queued are still tried)."""
        key = subscription.id if isinstance(subscription, Subscription) else subscription
        with self._condition:
            self._subscriptions.pop(key, None)

    def emit(self, document: Any, *, to: Sequence[Subscription] | None = None) -> list[int]:
        """Queue ``document`` (JSON) for every registered receiver, or for ``to``.

        Returns the ids of the deliveries queued (see :meth:`outcome`): none once the
        outbox is closed (a stopped stand-in's changes are sent nowhere).
        """
        body = json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()
        return self.emit_body(body, to=to)

    def emit_body(self, body: bytes, *, to: Sequence[Subscription] | None = None) -> list[int]:
        """Queue a raw body (e.g. the same bytes again, as a provider re-sending)."""
        with self._condition:
            if self._closed:
                return []
            targets = list(self._subscriptions.values()) if to is None else list(to)
            queued = []
            for subscription in targets:
                delivery = _Delivery(next(self._delivery_ids), subscription, body)
                # Due at once: 0.0, not this thread's clock, which a test may freeze (only
                # the sending thread reads the clock, to date its retries).
                heapq.heappush(self._due, (0.0, delivery.id, delivery))
                self._outcomes[delivery.id] = (0, "pending")
                queued.append(delivery.id)
            if targets:
                self._start()
                self._condition.notify_all()
            return queued

    def outcome(self, delivery_id: int) -> tuple[int, str]:
        """A delivery's attempts so far and its state: ``pending``, ``delivered``,
        ``refused`` or ``abandoned``."""
        with self._condition:
            return self._outcomes.get(delivery_id, (0, "unknown"))

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is queued or being sent; False if ``timeout`` passed first."""
        # The condition's own timeout, not a deadline read off the clock, which a test may
        # freeze (threading keeps its own reference to the real one).
        with self._condition:
            return self._condition.wait_for(lambda: not (self._due or self._in_flight), timeout)

    def clear(self) -> None:
        """Drop the deliveries still queued (retries included) and forget every attempt
        and outcome; registrations stay. A delivery being sent just now finishes, neither
        recorded nor tried again."""
        with self._condition:
            self._due.clear()
            self._outcomes.clear()
            self._attempts.clear()
            self._sent = 0
            self._condition.notify_all()

    def close(self) -> None:
        """Stop the sending thread; deliveries still queued are dropped, later ones not queued."""
        with self._condition:
            self._closed = True
            self._due.clear()
            self._condition.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=self.timeout + 1)

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="hirelink-sandbox-outbox", daemon=True
            )
            self._thread.start()

    def _next_due(self) -> _Delivery | None:
        # A wait for the first delivery that ran out makes it due whatever the clock says:
        # under a test's frozen clock (freezegun) a retry was never due, and never sent.
        waited_out = False
        with self._condition:
            while not self._closed:
                if self._due:
                    wait = self._due[0][0] - time.monotonic()
                    if wait <= 0 or waited_out:
                        self._in_flight += 1
                        return heapq.heappop(self._due)[2]
                    # Capped (a retry delay of years overflows the wait): only a wait of
                    # the whole delay that ran out makes the delivery due.
                    capped = min(wait, 60.0)
                    waited_out = not self._condition.wait(capped) and capped == wait
                else:
                    waited_out = False
                    self._condition.wait()
            return None

    def _run(self) -> None:
        with httpx.Client(timeout=self.timeout, trust_env=False) as client:
            while (delivery := self._next_due()) is not None:
                try:
                    self._send(client, delivery)
                finally:
                    with self._condition:
                        self._in_flight -= 1
                        self._condition.notify_all()

    def _delivery_headers(self, subscription: Subscription, body: bytes) -> dict[bytes, bytes]:
        headers = {
            "Content-Type": "application/json",
            **subscription.headers,
            **self._headers(subscription, body),
        }
        return {name.encode(): value.encode() for name, value in headers.items()}

    def _send(self, client: httpx.Client, delivery: _Delivery) -> None:
        delivery.attempt += 1
        subscription = delivery.subscription
        status: int | None
        try:
            headers = self._delivery_headers(subscription, delivery.body)
            status = client.post(
                subscription.url, content=delivery.body, headers=headers
            ).status_code
        except Exception as error:  # whatever fails, the thread lives on: no answer
            # The receiver not up is a test's case; anything else (a test's HTTP mock
            # catching the stand-in's own requests) is said, once a delivery.
            caught = not isinstance(error, httpx.TransportError) or more_than_a_timeout(error)
            if caught and delivery.attempt == 1:
                _log.warning(
                    "webhook delivery %d of subscription %s failed in the sender (%s): an"
                    " HTTP mock of the test catching the stand-in's own requests?",
                    delivery.id,
                    subscription.id,
                    type(error).__name__,
                )
            status = None
        with self._condition:
            if delivery.id not in self._outcomes:  # cleared while it was sent
                return
            self._attempts.append(
                Attempt(delivery.id, subscription.id, delivery.attempt, status, delivery.body)
            )
            self._sent += 1
            outcome = self._retries(status)
            state = "pending"
            if outcome in ("delivered", "refused"):
                state = outcome
            elif delivery.attempt >= self.max_attempts:
                state = "abandoned"
            elif not self._closed:
                due = time.monotonic() + self.retry_delays[delivery.attempt - 1]
                heapq.heappush(self._due, (due, delivery.id, delivery))
            self._outcomes[delivery.id] = (delivery.attempt, state)
