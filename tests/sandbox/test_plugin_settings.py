"""Settings the pytest plugin's stand-ins are served with."""

from __future__ import annotations

from typing import Any


def test_personios_fixtures_count_the_recruiting_budget_over_a_second(
    personio_sandbox: Any, personio_sandbox_session: Any
) -> None:
    # Both outlive a test's spending of the budget (the clients of the process count it
    # too); over Personio's 60 s window the next test waited up to a minute.
    for stand_in in (personio_sandbox, personio_sandbox_session):
        assert stand_in.sandbox.rate_window == 1.0
        assert stand_in.client_kwargs()["recruiting_rate_window"] == 1.0
