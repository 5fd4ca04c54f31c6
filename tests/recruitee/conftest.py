"""Recruitee stand-ins from hirelink-sandbox's pytest plugin.

``served`` is the session's shared stand-in (read-mostly tests; faults and the request
log are reset before each test); ``fresh`` is a stand-in of the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from attrs import define

from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.sandbox import RecruiteeSandbox, StandIn


@define(frozen=True)
class Served(StandIn[RecruiteeSandbox]):
    """A running stand-in with typed clients."""

    def client(self, **overrides: Any) -> Recruitee:
        return Recruitee(**self.client_kwargs(**overrides))

    def async_client(self, **overrides: Any) -> AsyncRecruitee:
        return AsyncRecruitee(**self.client_kwargs(**overrides))


@pytest.fixture
def served(recruitee_sandbox_session: StandIn[RecruiteeSandbox]) -> Served:
    """Shared by every test: do not mutate data through it."""
    return Served.of(recruitee_sandbox_session)


@pytest.fixture
def fresh(recruitee_sandbox: StandIn[RecruiteeSandbox]) -> Served:
    """A sandbox of its own, for tests that create, change or delete data."""
    return Served.of(recruitee_sandbox)


@pytest.fixture
def recruitee(served: Served) -> Iterator[Recruitee]:
    with served.client() as client:
        yield client
