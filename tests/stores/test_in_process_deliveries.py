"""The in-process delivery log forgets what expired, without scanning at every claim."""

from __future__ import annotations

import time

from hirelink.core.stores import InProcessStore


def test_expired_deliveries_are_forgotten_and_live_ones_kept() -> None:
    log = InProcessStore()
    for number in range(10_001):
        assert log.claim_delivery(f"expiring-{number}", 0.001) is not None
    log.finish_delivery("kept", 60)
    time.sleep(0.01)  # every "expiring-*" claim has lapsed
    assert log.claim_delivery("next", 60) is not None  # the claim that prunes
    assert log.delivery_handled("kept")
    assert sorted(log._deliveries) == ["kept", "next"]
    assert log.claim_delivery("kept", 60) is None  # still remembered as handled
