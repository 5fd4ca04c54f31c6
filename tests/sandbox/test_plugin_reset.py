"""The plugin resets every session stand-in (and the deliveries receivers remember)
before each test, also one a test asks for by name (``request.getfixturevalue``), which
is not among the test's fixture names.

An inner pytest run (its own process, the plugin loaded from its entry point) holds two
tests in order: the first leaves a fault and a recorded request behind, the second must
not see them. Run alone, the second would pass whatever the plugin did."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

TWO_TESTS_IN_ORDER = """
import pytest

from hirelink.sandbox.faults import Fault


def _asked_by_name(request):
    return request.getfixturevalue("join_sandbox_session")


def test_a_test_leaves_a_fault_and_a_request_behind(request):
    stand_in = _asked_by_name(request)
    with stand_in.client() as join:
        join.list_jobs()
    stand_in.faults.add(Fault(status=503, times=-1))
    assert stand_in.recorder.requests
    assert stand_in.faults.active


def test_the_next_test_starts_clean(request):
    stand_in = _asked_by_name(request)
    assert stand_in.faults.active == []
    assert stand_in.recorder.requests == []
"""


def test_a_session_stand_in_asked_for_by_name_is_reset_before_the_next_test(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_order=TWO_TESTS_IN_ORDER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=2)


TWO_RECEIVERS_IN_ORDER = """
from hirelink.recruitee.webhooks import create_webhook_app


def _a_new_candidate_reaches_my_app(recruitee_sandbox, webhook_receiver):
    seen = []
    app = create_webhook_app(secret="whsec-test", on_event=seen.append)
    receiver = webhook_receiver(recruitee_sandbox, app, secret="whsec-test")
    recruitee_sandbox.sandbox.state.create_candidate({"name": "Ada"})
    (arrival,) = receiver.wait_for(1)
    assert arrival.status == 200
    assert len(seen) == 1, "on_event was not called"


def test_first(recruitee_sandbox, webhook_receiver):
    _a_new_candidate_reaches_my_app(recruitee_sandbox, webhook_receiver)


def test_second(recruitee_sandbox, webhook_receiver):
    _a_new_candidate_reaches_my_app(recruitee_sandbox, webhook_receiver)
"""


def test_each_tests_receiver_hands_over_the_event_its_fresh_stand_in_sent(
    pytester: pytest.Pytester,
) -> None:
    """Each test's fresh stand-in sends the same event with the same body; the receivers
    remembered it in this process's store for ten minutes, so the second test's on_event
    was never called (run alone, or under xdist, it passed)."""
    pytester.makepyfile(test_receivers=TWO_RECEIVERS_IN_ORDER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=2)


WEBHOOK_TRAFFIC_IN_ORDER = """
import pytest


kept = []


def test_a_receiver_refuses_and_is_kept(recruitee_sandbox_session, webhook_receiver):
    receiver = webhook_receiver(recruitee_sandbox_session, status=500)
    kept.append(webhook_receiver)
    recruitee_sandbox_session.sandbox.state.create_candidate({"name": "Ada"})
    receiver.wait_for(1)  # refused: the stand-in will try again


def test_the_next_test_sees_no_traffic_of_the_last(recruitee_sandbox_session):
    outbox = recruitee_sandbox_session.outbox
    stats = outbox.stats
    assert (stats.queued, stats.sent) == (0, 0)
    assert outbox.attempts == []
    assert outbox.wait_idle(timeout=1)


def test_a_receiver_fixture_kept_past_its_test_refuses_to_start(recruitee_sandbox_session):
    with pytest.raises(RuntimeError, match="after its test ended"):
        kept[0](recruitee_sandbox_session)
"""


def test_webhook_traffic_and_receivers_end_with_their_test(pytester: pytest.Pytester) -> None:
    """A session stand-in's outbox carried the last test's queue, retries and counts into
    the next; a kept webhook_receiver started a receiver nobody stopped, registered for
    every later test's events."""
    pytester.makepyfile(test_traffic=WEBHOOK_TRAFFIC_IN_ORDER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=3)


TWO_WATCHES_IN_ORDER = """
from datetime import UTC, datetime

from hirelink.recruitee import Recruitee


def _watched(stand_in):
    with Recruitee(**stand_in.client_kwargs()) as recruitee:
        since = datetime(2000, 1, 1, tzinfo=UTC)
        return list(recruitee.watch_candidates(since=since, polls=1))


def test_first_watch(recruitee_sandbox_session):
    assert _watched(recruitee_sandbox_session)


def test_second_watch_of_the_same_stand_in(recruitee_sandbox_session):
    assert _watched(recruitee_sandbox_session)
"""


def test_each_tests_watch_starts_from_its_own_since(pytester: pytest.Pytester) -> None:
    """The second test's watch went on from the first test's checkpoint (the process's
    memory store) and saw nothing: it passed alone and failed after the first."""
    pytester.makepyfile(test_watches=TWO_WATCHES_IN_ORDER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=2)


TWO_TOKEN_EXCHANGES_IN_ORDER = """
def _exchanged_here(stand_in):
    with stand_in.client() as personio:
        personio.list_categories()
    return [r.path for r in stand_in.recorder.requests if r.path == "/v2/auth/token"]


def test_first_client(personio_sandbox_session):
    assert _exchanged_here(personio_sandbox_session) == ["/v2/auth/token"]


def test_second_client_of_the_same_stand_in(personio_sandbox_session):
    assert _exchanged_here(personio_sandbox_session) == ["/v2/auth/token"]
"""


def test_each_test_exchanges_its_own_token_while_the_process_shares_them(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With HIRELINK_STORE_SHARE_TOKENS set, the second test was handed the first one's
    token from the process's store and sent no exchange of its own."""
    monkeypatch.delenv("HIRELINK_STORE", raising=False)
    monkeypatch.setenv("HIRELINK_STORE_SHARE_TOKENS", "1")
    pytester.makepyfile(test_tokens=TWO_TOKEN_EXCHANGES_IN_ORDER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=2)


A_TEST_WITHOUT_STAND_INS = """
import sys


def test_nothing_of_the_sandbox_was_loaded():
    loaded = {name for name in sys.modules if name.startswith(("hirelink", "httpx", "starlette"))}
    assert loaded <= {
        "hirelink", "hirelink.core", "hirelink.core._version", "hirelink.core.lazy",
        "hirelink.sandbox", "hirelink.sandbox.providers", "hirelink.sandbox.pytest_plugin",
    }, sorted(loaded)
"""


def test_a_project_whose_tests_use_no_stand_in_does_not_load_them(
    pytester: pytest.Pytester,
) -> None:
    """pytest loads the plugin in every run of a project that installed hirelink-sandbox:
    it imported the stand-ins, the core and the HTTP stack (a quarter to most of a second)
    before the first test, also for tests that used none of them."""
    pytester.makepyfile(test_plain=A_TEST_WITHOUT_STAND_INS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist")
    result.assert_outcomes(passed=1)


MANY_PERSONIO_CLIENTS = """
import time

import pytest

from hirelink.personio import Personio


@pytest.mark.parametrize("number", range(160))
def test_a_client_of_its_own(personio_sandbox_session, number):
    started = time.monotonic()
    with Personio(**personio_sandbox_session.client_kwargs()) as personio:
        next(personio.iter_persons())
    assert time.monotonic() - started < 20, f"test {number} waited for the token budget"
"""


def test_tests_building_personio_clients_do_not_wait_for_the_token_budget(
    pytester: pytest.Pytester,
) -> None:
    """Plugin hunt: each client exchanges a token; past 150 in a minute (the process's
    budget and the stand-in's), the 151st test waited 60 s."""
    pytester.makepyfile(test_many=MANY_PERSONIO_CLIENTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:xdist", "-x")
    result.assert_outcomes(passed=160)
