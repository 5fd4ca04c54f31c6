"""The plugin resets every session stand-in before each test, also one a test asks for
by name (``request.getfixturevalue``), which is not among the test's fixture names.

The two tests run in order (one module, one worker under ``--dist loadscope``): the
first leaves a fault and a recorded request behind, the second must not see them."""

from __future__ import annotations

from typing import Any

import pytest

from hirelink.sandbox import StandIn
from hirelink.sandbox.faults import Fault


def _asked_by_name(request: pytest.FixtureRequest) -> StandIn[Any]:
    stand_in: StandIn[Any] = request.getfixturevalue("join_sandbox_session")
    return stand_in


def test_a_test_leaves_a_fault_and_a_request_behind(request: pytest.FixtureRequest) -> None:
    stand_in = _asked_by_name(request)
    with stand_in.client() as join:
        join.list_jobs()
    stand_in.faults.add(Fault(status=503, times=-1))
    assert stand_in.recorder.requests


def test_the_next_test_starts_clean(request: pytest.FixtureRequest) -> None:
    stand_in = _asked_by_name(request)
    assert stand_in.faults.active == []
    assert stand_in.recorder.requests == []
