"""check_connection: one verdict on the token and the company id, never raising."""

from __future__ import annotations

import pytest

from hirelink.core import UnusableClientError
from hirelink.recruitee import ConnectionCheck
from hirelink.sandbox.faults import Fault

from .conftest import Served


def test_good_credentials_pass_and_nothing_is_written(fresh: Served) -> None:
    with fresh.client() as recruitee:
        (check,) = recruitee.check_connection()
    assert isinstance(check, ConnectionCheck)
    assert (check.name, check.ok, check.fix) == ("token", True, None)
    assert check.detail.startswith(f"accepted for company {fresh.sandbox.company_id}: ")
    assert {request.method for request in fresh.sandbox.recorder.requests} == {"GET"}


def test_the_check_reads_the_brief_view_of_the_offers(fresh: Served) -> None:
    # It read the default view: every job's description and requirements, to count them.
    with fresh.client() as recruitee:
        (check,) = recruitee.check_connection()
    [request] = fresh.sandbox.recorder.requests
    assert (request.method, request.path) == ("GET", "/c/4100/offers")
    assert request.query_string == "view_mode=brief"
    offers = len(fresh.sandbox.state.offers())
    assert check.detail == f"accepted for company 4100: {offers} offers readable"


@pytest.mark.anyio
async def test_the_async_client_gives_the_same_verdict(fresh: Served) -> None:
    async with fresh.async_client(token="not-the-token-9") as recruitee:
        (check,) = await recruitee.check_connection()
    assert not check.ok
    assert check.detail == "Recruitee refused it (401)"
    assert check.fix is not None
    assert "Personal API tokens" in check.fix
    assert "not-the-token-9" not in repr(check)


@pytest.mark.parametrize(
    ("status", "detail", "unavailable", "not_found"),
    [
        (403, "accepted, but not allowed to read the offers of company", False, False),
        (404, "Recruitee knows no company", False, True),
        (503, "503", True, False),
    ],
)
def test_each_refusal_says_what_to_fix(
    fresh: Served, status: int, detail: str, unavailable: bool, not_found: bool
) -> None:
    fresh.sandbox.faults.add(Fault(method="GET", path=r"/offers$", status=status, times=-1))
    with fresh.client(max_retries=0) as recruitee:
        (check,) = recruitee.check_connection()
    assert not check.ok
    assert detail in check.detail
    assert check.fix
    assert (check.unavailable, check.not_found) == (unavailable, not_found)


def test_a_closed_client_raises_rather_than_judging_the_connection(fresh: Served) -> None:
    # It gave a failed, inconclusive verdict saying to check the client's base_url.
    recruitee = fresh.client()
    recruitee.close()
    with pytest.raises(UnusableClientError, match="closed"):
        recruitee.check_connection()
    assert fresh.sandbox.recorder.requests == []
