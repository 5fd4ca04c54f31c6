"""check_connection: one verdict on the token, never raising."""

from __future__ import annotations

import pytest

from hirelink.join import ConnectionCheck
from hirelink.sandbox.faults import Fault

from .conftest import Served


def test_a_good_token_passes(served: Served) -> None:
    with served.client() as join:
        (check,) = join.check_connection()
    assert isinstance(check, ConnectionCheck)
    assert (check.name, check.label, check.ok) == ("token", "API token", True)
    assert check.detail.endswith("job categories readable")


@pytest.mark.anyio
async def test_a_refused_token_says_where_to_find_one(served: Served) -> None:
    async with served.async_client(token="not-the-token-9") as join:
        (check,) = await join.check_connection()
    assert (check.ok, check.detail) == (False, "JOIN refused it (401)")
    assert check.fix is not None
    assert "API Credentials" in check.fix
    assert "not-the-token-9" not in repr(check)


def test_an_unreachable_join_judges_nothing(fresh: Served) -> None:
    fresh.sandbox.faults.add(Fault(method="GET", path=r"/categories$", kind="drop", times=-1))
    with fresh.client(max_retries=0) as join:
        (check,) = join.check_connection()
    assert (check.ok, check.unavailable) == (False, True)
    assert check.fix == "Check the network and JOIN's status, then try again."
