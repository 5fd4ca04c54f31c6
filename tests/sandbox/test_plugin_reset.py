"""The plugin resets every session stand-in before each test, also one a test asks for
by name (``request.getfixturevalue``), which is not among the test's fixture names.

An inner pytest run (its own process, the plugin loaded from its entry point) holds two
tests in order: the first leaves a fault and a recorded request behind, the second must
not see them. Run alone, the second would pass whatever the plugin did."""

from __future__ import annotations

from typing import Any

import pytest

pytest_plugins = ["pytester"]

TWO_TESTS_IN_ORDER = """
from typing import Any

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


def test_personios_fixtures_count_the_recruiting_budget_over_a_second(
    personio_sandbox: Any, personio_sandbox_session: Any
) -> None:
    # Both outlive a test's spending of the budget (the clients of the process count it
    # too); over Personio's 60 s window the next test waited up to a minute.
    for stand_in in (personio_sandbox, personio_sandbox_session):
        assert stand_in.sandbox.rate_window == 1.0
        assert stand_in.client_kwargs()["recruiting_rate_window"] == 1.0
