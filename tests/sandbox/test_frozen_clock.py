"""Under a test's frozen clock, a wait that read its deadline off the clock never ended: a
watch given ``stop=``, a receiver's ``wait_for`` and the sandbox outbox's deliveries hung
the user's test suite. freezegun freezes ``time.monotonic`` for the test's own thread (its
default ignore list leaves a thread started by ``threading`` the real clock, at another
origin); a monkeypatch freezes it for every thread. Both are tried."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from hirelink.core.feeds import wait_unless_stopped
from hirelink.sandbox.outbox import Outbox, Subscription

REAL = time.monotonic


def _frozen_everywhere() -> float:
    return 1_000.0


def _frozen_on_the_tests_thread() -> float:
    # freezegun's clock counts from 1970: far ahead of the real monotonic one.
    return 1_704_067_200.0 if threading.current_thread() is threading.main_thread() else REAL()


CLOCKS = pytest.mark.parametrize(
    "clock", [_frozen_everywhere, _frozen_on_the_tests_thread], ids=["everywhere", "freezegun"]
)


def _ends(work: Callable[[], object]) -> list[object]:
    """Run ``work`` on a thread of its own; what it returned or raised, once it ended
    (a hang fails the test instead of the suite)."""
    ended: list[object] = []

    def run() -> None:
        try:
            ended.append(work())
        except Exception as error:
            ended.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(30)
    assert ended, "still waiting after 30 s"
    return ended


def test_a_wait_for_the_next_poll_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "monotonic", _frozen_everywhere)
    assert _ends(lambda: wait_unless_stopped(threading.Event(), 0.3)) == [None]


def test_a_receivers_wait_for_a_delivery_that_never_comes_times_out(
    webhook_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    receiver = webhook_receiver()
    monkeypatch.setattr(time, "monotonic", _frozen_everywhere)
    (raised,) = _ends(lambda: receiver.wait_for(1, timeout=0.2))
    assert isinstance(raised, TimeoutError)


@CLOCKS
def test_the_outbox_sends_retries_and_goes_idle(
    webhook_receiver: Any, monkeypatch: pytest.MonkeyPatch, clock: Callable[[], float]
) -> None:
    """Under freezegun a delivery dated on the test's thread was due decades after the
    sending thread's clock: not even its first attempt went out."""
    answers = iter([None, 200])  # no answer the first time: retried after its delay
    outbox = Outbox(
        headers=lambda _subscription, _body: {},
        retries=lambda _status: "delivered" if next(answers) else "retry",
        retry_delays=(0.1,),
    )
    try:
        to = [Subscription(994, webhook_receiver().url, "s")]
        monkeypatch.setattr(time, "monotonic", clock)
        (delivery,) = outbox.emit({"frozen": True}, to=to)
        assert _ends(lambda: outbox.wait_idle(timeout=10)) == [True]
        assert outbox.outcome(delivery) == (2, "delivered")
    finally:
        outbox.close()


def test_a_busy_outbox_is_waited_for_until_it_is_idle(webhook_receiver: Any) -> None:
    """Counting its waits, each delivery's notify shortened the wait: with a thousand
    queued, `wait_idle(10)` gave up after 0.3 s (review)."""
    outbox = Outbox(headers=lambda _subscription, _body: {}, retries=lambda _status: "delivered")
    try:
        to = [Subscription(993, webhook_receiver().url, "s")]
        for number in range(1_000):
            outbox.emit({"number": number}, to=to)
        assert outbox.wait_idle(timeout=30)
        assert outbox.stats.delivered == 1_000
    finally:
        outbox.close()
