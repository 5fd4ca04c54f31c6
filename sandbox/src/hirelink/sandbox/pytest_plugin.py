"""pytest fixtures serving the stand-ins, registered by installing hirelink-sandbox.

Installing ``hirelink-sandbox`` makes these fixtures available in every test (a
``pytest11`` entry point); nothing to import. For each provider there are two:

========================================  ============================================
``recruitee_sandbox``                     a fresh Recruitee stand-in for each test
``recruitee_sandbox_session``             one for the whole session (faults and the
                                          request log are cleared before each test)
``join_sandbox`` / ``..._session``        the same for JOIN
``personio_sandbox`` / ``..._session``    the same for Personio
``recruitee_partners_sandbox`` / ``..._session``  the same for the Recruitee Partners API
========================================  ============================================

Each yields a :class:`~hirelink.sandbox.standins.StandIn`::

    def test_lists_candidates(recruitee_sandbox):
        with Recruitee(**recruitee_sandbox.client_kwargs()) as client:
            assert client.list_candidates(limit=5).candidates
        recruitee_sandbox.faults.add(Fault(method="GET", path="/candidates", status=503))

Use the per-test fixture when a test creates, changes or deletes data, and the session
fixture for read-only tests (it starts once, so it is faster). A state change made
through a session stand-in is seen by later tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hirelink.sandbox.standins import PROVIDERS, StandIn, serve_stand_in

__all__: list[str] = []

_SESSION_SUFFIX = "_sandbox_session"


def _served(provider: str) -> Iterator[StandIn[Any]]:
    with serve_stand_in(provider) as stand_in:
        yield stand_in


@pytest.fixture
def recruitee_sandbox() -> Iterator[StandIn[Any]]:
    """A fresh Recruitee stand-in for this test (``client_kwargs()``, ``faults``)."""
    yield from _served("recruitee")


@pytest.fixture(scope="session")
def recruitee_sandbox_session() -> Iterator[StandIn[Any]]:
    """One Recruitee stand-in for the session; faults and request log reset per test."""
    yield from _served("recruitee")


@pytest.fixture
def join_sandbox() -> Iterator[StandIn[Any]]:
    """A fresh JOIN stand-in for this test (``client_kwargs()``, ``faults``)."""
    yield from _served("join")


@pytest.fixture(scope="session")
def join_sandbox_session() -> Iterator[StandIn[Any]]:
    """One JOIN stand-in for the session; faults and request log reset per test."""
    yield from _served("join")


@pytest.fixture
def personio_sandbox() -> Iterator[StandIn[Any]]:
    """A fresh Personio stand-in for this test (``client_kwargs()``, ``faults``)."""
    yield from _served("personio")


@pytest.fixture(scope="session")
def personio_sandbox_session() -> Iterator[StandIn[Any]]:
    """One Personio stand-in for the session; faults and request log reset per test."""
    yield from _served("personio")


@pytest.fixture
def recruitee_partners_sandbox() -> Iterator[StandIn[Any]]:
    """A fresh Recruitee Partners stand-in for this test (``client_kwargs()``, ``faults``)."""
    yield from _served("recruitee_partners")


@pytest.fixture(scope="session")
def recruitee_partners_sandbox_session() -> Iterator[StandIn[Any]]:
    """One Recruitee Partners stand-in for the session; faults and log reset per test."""
    yield from _served("recruitee_partners")


@pytest.fixture(autouse=True)
def _hirelink_sandbox_reset(request: pytest.FixtureRequest) -> None:
    """Before each test, clear faults and recorded requests of the session stand-ins it uses."""
    for provider in PROVIDERS:
        name = provider + _SESSION_SUFFIX
        if name in request.fixturenames:
            stand_in: StandIn[Any] = request.getfixturevalue(name)
            stand_in.reset()
