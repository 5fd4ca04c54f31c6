"""pytest fixtures serving the stand-ins, registered by installing hirelink-sandbox.

Installing ``hirelink-sandbox`` makes these fixtures available in every test (a
``pytest11`` entry point); nothing to import. For each provider there are two:

================================================  ============================================
fixture                                           gives
================================================  ============================================
``recruitee_sandbox``                             a fresh Recruitee stand-in for each test
``recruitee_sandbox_session``                     one for the whole session, however long
                                                  (faults and the request log are cleared
                                                  before each test)
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

``webhook_receiver`` serves a receiver for the stand-ins' webhook deliveries and
registers it with the stand-in's outbox; call it with the stand-in and, optionally, your
ASGI app (by default one answering 200 and keeping what arrives). Personio sends its
events only to the webhooks created through its API: for those, serve the receiver with
``webhook_receiver(None)`` and create and enable a webhook with ``receiver.url``::

    def test_a_new_candidate_is_announced(recruitee_sandbox, webhook_receiver):
        receiver = webhook_receiver(recruitee_sandbox, secret="whsec-test")
        recruitee_sandbox.sandbox.state.create_candidate({"name": "Ada"})
        (arrival,) = receiver.wait_for(1)
        assert arrival.json()["event_type"] == "new_candidate"
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from hirelink.sandbox.providers import PROVIDERS, ProviderName

if TYPE_CHECKING:
    from hirelink.sandbox.standins import ServeReceiver, StandIn

# pytest loads this plugin in every run of a project that installed hirelink-sandbox,
# also one whose tests use no stand-in: it imports the stand-ins, the core and its HTTP
# stack only when a fixture is first used, and a reset finds in ``sys.modules`` what the
# tests have loaded.

__all__: list[str] = []

_SESSION_SUFFIX = "_sandbox_session"


_SESSION_STAND_INS: list[StandIn[Any]] = []
"""The session stand-ins running now, reset before every test."""


# Personio's recruiting budget (20 uploads and submissions a window) lives on in the
# clients of the process and in the stand-in: with its 60 s window, a test after one that
# spent it waited up to a minute. Its fixtures use a window of a second. (Both budgets,
# the 150 token requests a minute too, are also counted from nothing before each test.)
_SETTINGS: dict[str, dict[str, Any]] = {"personio": {"rate_window": 1.0}}


def _serving(
    provider: ProviderName, doc: str, *, session: bool
) -> Callable[[], Iterator[StandIn[Any]]]:
    # A session's stand-in runs however long the session does: the fixture stops it, or
    # the process's end (a daemon thread); it is reset before every test while it runs.
    max_lifetime = None if session else 600.0

    def served() -> Iterator[StandIn[Any]]:
        from hirelink.sandbox.standins import serve_stand_in

        running = _SESSION_STAND_INS if session else []
        with serve_stand_in(
            provider, max_lifetime=max_lifetime, **_SETTINGS.get(provider, {})
        ) as stand_in:
            running.append(stand_in)
            try:
                yield stand_in
            finally:
                running.remove(stand_in)

    served.__doc__ = doc
    return served


def _fixtures(provider: ProviderName) -> tuple[object, object]:
    """The per-test and the per-session fixture serving ``provider``'s stand-in."""
    title = provider.replace("_", " ").title()
    per_test = _serving(
        provider,
        f"A fresh {title} stand-in for this test (``client_kwargs()``, ``faults``).",
        session=False,
    )
    per_session = _serving(
        provider,
        f"One {title} stand-in for the session; faults and request log reset per test.",
        session=True,
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
def _hirelink_sandbox_reset() -> None:
    """Before each test, clear faults and recorded requests of every session stand-in
    (also one a test asks for by name, with ``request.getfixturevalue``), and the
    deliveries this process's webhook receivers remember: a fresh stand-in sends the same
    event with the same body as the last test's did, which a receiver would take for a
    repeat and not hand over. Also the checkpoints of this process's watches (a watch of
    the same stand-in, or of a fresh one on a port used again, went on from the last
    test's checkpoint and saw nothing), and the OAuth tokens the process's default store
    shares (``HIRELINK_STORE_SHARE_TOKENS``: a test was handed the last one's token and
    sent no exchange), and the budgets of the process's clients (a test after those that
    spent Personio's 150 token requests a minute waited for a minute)."""
    for stand_in in _SESSION_STAND_INS:
        stand_in.reset()
    stores, feeds = sys.modules.get("hirelink.core.stores"), sys.modules.get("hirelink.core.feeds")
    if stores is not None:
        stores.IN_PROCESS.forget_deliveries()
        stores.IN_PROCESS_TOKENS.forget_tokens()
        stores.IN_PROCESS.forget_limits()
    if feeds is not None:
        feeds.MEMORY.forget_checkpoints()


@pytest.fixture(name="webhook_receiver")
def _webhook_receiver() -> Iterator[ServeReceiver]:
    """Serve webhook receivers on loopback, registered with a stand-in: see
    :class:`~hirelink.sandbox.standins.ServeReceiver`. They stop when the test ends."""
    from hirelink.sandbox.standins import ServeReceiver

    receivers = ServeReceiver()
    yield receivers
    receivers.close()
