"""JOIN stand-ins from hirelink-sandbox's pytest plugin.

``served`` is the session's shared stand-in (read-mostly tests; faults and the request
log are reset before each test); ``fresh`` is a stand-in of the test's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from attrs import define

from hirelink.join import AsyncJoin, Join
from hirelink.sandbox import JoinSandbox, StandIn


@define(frozen=True)
class Served(StandIn[JoinSandbox]):
    """A running stand-in with typed clients."""

    def client(self, **overrides: Any) -> Join:
        return Join(**self.client_kwargs(**overrides))

    def async_client(self, **overrides: Any) -> AsyncJoin:
        return AsyncJoin(**self.client_kwargs(**overrides))


@pytest.fixture
def served(join_sandbox_session: StandIn[JoinSandbox]) -> Served:
    """Shared by every test: do not change data through it."""
    return Served.of(join_sandbox_session)


@pytest.fixture
def fresh(join_sandbox: StandIn[JoinSandbox]) -> Served:
    """A sandbox of its own, for tests that create or change data."""
    return Served.of(join_sandbox)


@pytest.fixture
def join(served: Served) -> Iterator[Join]:
    with served.client() as client:
        yield client
    served.faults.clear()
