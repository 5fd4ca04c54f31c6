"""The plugin resets every session stand-in before each test, also one a test asks for
by name (``request.getfixturevalue``), which is not among the test's fixture names.

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
