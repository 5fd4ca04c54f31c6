"""Personio stand-ins (hirelink-sandbox's ``serve_stand_in``) with a short rate window.

The sandbox's Recruiting API window is shortened to a quarter of a second (20 requests
per 0.25 s) and the clients' limiter to 1 s, so rate-limit tests run in about a second
instead of minutes. ``served`` is shared by a module (read-mostly tests); ``fresh`` is a
stand-in of the test's own. The client's window is four times the sandbox's so that a
request slowed on its way or queued at the stand-in (a busy machine: half a second was
seen) still lands in an earlier window of the sandbox than the client's next burst.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from attrs import define

from hirelink.personio import AsyncPersonio, Personio
from hirelink.sandbox import PersonioSandbox, StandIn, serve_stand_in

SANDBOX_WINDOW = 0.25
CLIENT_WINDOW = 1.0


@define(frozen=True)
class Served(StandIn[PersonioSandbox]):
    """A running stand-in with typed clients."""

    def client(self, **overrides: Any) -> Personio:
        return Personio(**self.client_kwargs(**overrides))

    def async_client(self, **overrides: Any) -> AsyncPersonio:
        return AsyncPersonio(**self.client_kwargs(**overrides))


def serve(**settings: Any) -> Iterator[Served]:
    settings.setdefault("rate_window", SANDBOX_WINDOW)
    with serve_stand_in("personio", **settings) as stand_in:
        options = {**stand_in.options, "recruiting_rate_window": CLIENT_WINDOW}
        yield Served.of(attrs.evolve(stand_in, options=options))


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """Shared by a module's tests: do not change data through it."""
    yield from serve()


@pytest.fixture
def fresh() -> Iterator[Served]:
    """A sandbox of its own, for tests that create or change data."""
    yield from serve()


@pytest.fixture
def personio(served: Served) -> Iterator[Personio]:
    served.reset()
    with served.client() as client:
        yield client
    served.faults.clear()
