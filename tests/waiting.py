"""Waiting in a test for something another thread, task or process brings about.

A test that slept a fixed time instead passed only while the machine was fast enough:
these wait for the thing itself, and fail naming it if it never comes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import anyio

TIMEOUT = 30.0
"""Seconds before a wait fails: far beyond what a loaded machine needs."""


def wait_until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    """Return once ``condition()`` is true; fail with "no <what> within <timeout> s" if not."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"no {what} within {timeout:g} s"
        time.sleep(0.01)


async def await_until(condition: Callable[[], object], what: str) -> None:
    """:func:`wait_until` for a coroutine: sleeps without holding up its event loop."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"no {what} within {TIMEOUT:g} s"
        await anyio.sleep(0.01)
