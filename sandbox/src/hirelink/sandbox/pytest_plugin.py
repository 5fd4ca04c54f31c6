"""pytest fixtures serving the stand-ins, registered by installing hirelink-sandbox.

Installing ``hirelink-sandbox`` makes these fixtures available in every test (a
``pytest11`` entry point); nothing to import. For each provider there are two:

================================================  ============================================
``recruitee_sandbox``                             a fresh Recruitee stand-in for each test
``recruitee_sandbox_session``                     one for the whole session (faults and the
                                                  request log are cleared before each test)
``join_sandbox`` / ``..._session``                the same for JOIN
``personio_sandbox`` / ``..._session``            the same for Personio
``recruitee_partners_sandbox`` / ``..._session``  the same for the Recruitee Partners API
================================================  ============================================

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

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from hirelink.sandbox.standins import PROVIDERS, StandIn, serve_stand_in

__all__: list[str] = []

_SESSION_SUFFIX = "_sandbox_session"


def _serving(provider: str, doc: str) -> Callable[[], Iterator[StandIn[Any]]]:
    def served() -> Iterator[StandIn[Any]]:
        with serve_stand_in(provider) as stand_in:
            yield stand_in

    served.__doc__ = doc
    return served


def _fixtures(provider: str) -> tuple[object, object]:
    """The per-test and the per-session fixture serving ``provider``'s stand-in."""
    title = provider.replace("_", " ").title()
    per_test = _serving(
        provider, f"A fresh {title} stand-in for this test (``client_kwargs()``, ``faults``)."
    )
    per_session = _serving(
        provider, f"One {title} stand-in for the session; faults and request log reset per test."
    )
    return (
        pytest.fixture(name=f"{provider}_sandbox")(per_test),
        pytest.fixture(name=provider + _SESSION_SUFFIX, scope="session")(per_session),
    )


# pytest finds fixtures among a plugin's module attributes, under any attribute name.
for _provider in PROVIDERS:
    globals()[f"_{_provider}_per_test"], globals()[f"_{_provider}_per_session"] = _fixtures(
        _provider
    )


@pytest.fixture(autouse=True)
def _hirelink_sandbox_reset(request: pytest.FixtureRequest) -> None:
    """Before each test, clear faults and recorded requests of the session stand-ins it uses."""
    for provider in PROVIDERS:
        name = provider + _SESSION_SUFFIX
        if name in request.fixturenames:
            stand_in: StandIn[Any] = request.getfixturevalue(name)
            stand_in.reset()
