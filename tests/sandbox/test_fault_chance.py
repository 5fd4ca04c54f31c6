"""Faults that fire with a chance: a seeded, repeatable share of matching requests."""

from __future__ import annotations

import pytest

from hirelink.sandbox.faults import FOREVER, Fault, FaultInjector


def fired(seed: int) -> list[bool]:
    injector = FaultInjector(seed=seed)
    injector.add(Fault(path="/candidates", times=FOREVER, chance=0.2))
    return [injector.take("GET", "/candidates") is not None for _ in range(2000)]


def test_a_fault_with_a_chance_fires_for_about_that_share() -> None:
    share = sum(fired(1)) / 2000
    assert 0.15 < share < 0.25
    assert fired(1) == fired(1)  # the same seed, the same run
    assert fired(1) != fired(2)


@pytest.mark.parametrize("chance", [0, -0.5, 1.5, float("nan")])
def test_a_chance_outside_zero_to_one_is_refused(chance: float) -> None:
    with pytest.raises(ValueError, match="chance"):
        Fault(chance=chance)


def test_a_chance_of_one_always_fires() -> None:
    injector = FaultInjector(seed=3)
    injector.add(Fault(path="/candidates", times=FOREVER, chance=1))
    assert all(injector.take("GET", "/candidates") is not None for _ in range(200))
