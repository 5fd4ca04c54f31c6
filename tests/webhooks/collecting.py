"""The application callback the webhook tests hand to a receiver."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

Received = TypeVar("Received")


class Collected(Generic[Received]):
    """A callback keeping what it is called with, in order (thread-safe), to wait for."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self._condition = threading.Condition()

    def __call__(self, item: Received) -> None:
        with self._condition:
            self.received.append(item)
            self._condition.notify_all()

    def wait_for(self, count: int, timeout: float = 30.0) -> list[Received]:
        """All received once there are at least ``count``; AssertionError after ``timeout``."""
        with self._condition:
            arrived = self._condition.wait_for(lambda: len(self.received) >= count, timeout)
            assert arrived, f"{len(self.received)} of {count} calls arrived in {timeout} s"
            return list(self.received)
