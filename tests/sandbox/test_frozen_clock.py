"""Under a test's frozen clock (freezegun's default freezes ``time.monotonic`` too), a wait
that read its deadline off the clock never ended: a watch given ``stop=``, a receiver's
``wait_for`` and the sandbox outbox's retries hung the user's test suite. Here the clock
is frozen as freezegun freezes it, by replacing ``time.monotonic``."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from hirelink.core.feeds import wait_unless_stopped
from hirelink.sandbox.outbox import Outbox, Subscription


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
    monkeypatch.setattr(time, "monotonic", lambda: 1_000.0)
    assert _ends(lambda: wait_unless_stopped(threading.Event(), 1.5)) == [None]


def test_a_receivers_wait_for_a_delivery_that_never_comes_times_out(
    webhook_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    receiver = webhook_receiver()
    monkeypatch.setattr(time, "monotonic", lambda: 1_000.0)
    (raised,) = _ends(lambda: receiver.wait_for(1, timeout=0.5))
    assert isinstance(raised, TimeoutError)


def test_the_outbox_retries_a_delivery_and_goes_idle(
    webhook_receiver: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([None, 200])  # no answer the first time: retried after its delay
    outbox = Outbox(
        headers=lambda _subscription, _body: {},
        retries=lambda _status: "delivered" if next(answers) else "retry",
        retry_delays=(0.2,),
    )
    try:
        to = [Subscription(994, webhook_receiver().url, "s")]
        monkeypatch.setattr(time, "monotonic", lambda: 1_000.0)
        (delivery,) = outbox.emit({"frozen": True}, to=to)
        assert _ends(lambda: outbox.wait_idle(timeout=10)) == [True]
        assert outbox.outcome(delivery) == (2, "delivered")
    finally:
        outbox.close()
