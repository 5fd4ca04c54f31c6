"""Faults that fire with a chance: a seeded, repeatable share of matching requests."""

from __future__ import annotations

from datetime import UTC, datetime

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


def test_after_a_clear_the_dice_roll_as_on_a_fresh_injector() -> None:
    """A test's faults fire the same way whatever ran before it on a shared stand-in."""
    injector = FaultInjector(seed=1)
    injector.add(Fault(path="/offers", times=FOREVER, chance=0.5))
    for _ in range(37):  # an earlier test's requests
        injector.take("GET", "/offers")
    injector.clear()
    injector.add(Fault(path="/candidates", times=FOREVER, chance=0.2))
    assert [injector.take("GET", "/candidates") is not None for _ in range(2000)] == fired(1)


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"status": 99}, "status"),
        ({"status": 1000}, "status"),
        ({"status": "503"}, "status"),
        ({"headers": {"Retry-After": 0}}, "headers"),
        ({"headers": {"X-Note": "\u2713 done"}}, "headers"),
        ({"headers": {"X-Note": "a\r\nSet-Cookie: x=1"}}, "headers"),
        ({"headers": {"X-Request-Id": " req-81f2"}}, "X-Request-Id"),  # h11 refuses it
        ({"headers": {"X-Request-Id": "req-81f2\t"}}, "X-Request-Id"),
        ({"headers": {"Bad Name": "v"}}, "headers"),
        ({"headers": {"": "v"}}, "headers"),
        # the server frames the body: a second length broke the answer off, unsent
        ({"status": 201, "headers": {"Content-Length": "500"}, "body": "{}"}, "Content-Length"),
        ({"headers": {"transfer-encoding": "chunked"}}, "transfer-encoding"),
        ({"headers": [("X-Note", "v")]}, "headers"),
        ({"times": 2.5}, "times"),
        ({"times": 0}, "times"),
        # refused when made, naming the option: each was a 500 when a request came
        ({"body": {"retry_at": datetime(2026, 12, 5, tzinfo=UTC)}}, "body"),
        ({"body": {"ids": {1, 2}}}, "body"),
        ({"path": b"/jobs"}, "path"),
        ({"path": "("}, "path"),
        ({"delay": "1"}, "delay"),
        ({"delay": float("nan")}, "delay"),
        ({"chance": "0.5"}, "chance"),
        ({"method": ["GET", "POST"]}, "method"),
        ({"method": "GTE"}, "method"),  # plugin hunt: misspelt, it never fired
        ({"method": "get "}, "method"),
    ],
)
def test_a_fault_that_could_not_be_answered_is_refused_when_made(
    arguments: dict[str, object], named: str
) -> None:
    with pytest.raises(ValueError, match=named):
        Fault(**arguments)  # type: ignore[arg-type]


def test_one_fault_added_twice_fires_its_times_each_time() -> None:
    once = Fault(path="/offers", status=503)
    for _ in range(2):  # two tests sharing a module-level fault
        injector = FaultInjector()
        injector.add(once)
        assert [injector.take("GET", "/offers") is not None for _ in range(3)] == [
            True,
            False,
            False,
        ]
    assert once.times == 1


def test_a_header_http_can_carry_is_taken() -> None:
    fault = Fault(headers={"X-Note": "tab\there, no-break\xa0space", "Retry-After": "0"})
    assert fault.headers["Retry-After"] == "0"
