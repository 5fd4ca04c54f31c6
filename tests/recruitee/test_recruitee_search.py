"""Recruitee's advanced search (search_candidates / iter_search_candidates) over real HTTP
against the stand-in: criteria on the wire, paging with the total, input checks."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from hirelink.core import InvalidInputError, ServerError
from hirelink.recruitee import AsyncRecruitee, Candidate, CandidateSearchResult, Recruitee
from hirelink.sandbox.faults import Fault

from .conftest import Served

SEARCH_PATH = "/search/new/candidates"
EMAIL = "bruno.yilmaz.11@example.org"  # candidate 7730011 of the default stand-in


def sent_queries(served: Served) -> list[dict[str, list[str]]]:
    return [
        parse_qs(request.query_string)
        for request in served.sandbox.recorder.requests
        if request.path.endswith(SEARCH_PATH)
    ]


def sent_filters(served: Served) -> list[dict[str, Any]]:
    (*_, last) = sent_queries(served)
    (filters_json,) = last["filters_json"]
    filters: list[dict[str, Any]] = json.loads(filters_json)
    return filters


def created_between(served: Served, after: str, until: str) -> set[int]:
    """Ids of the stored candidates created after ``after``, up to ``until`` (wire stamps)."""
    return {r.id for r in served.sandbox.state.records() if after < r.created_at <= until}


def test_a_candidate_is_found_by_email_in_any_case(served: Served, recruitee: Recruitee) -> None:
    found = recruitee.search_candidates(query=EMAIL.upper())
    assert isinstance(found, CandidateSearchResult)
    assert found.total == 1
    (hit,) = found.hits
    assert isinstance(hit, Candidate)
    assert (hit.id, hit.emails) == (7730011, [EMAIL])
    assert hit.tags == recruitee.get_candidate(7730011).tags  # a full record, not a list item
    assert sent_filters(served) == [{"field": "all", "query": EMAIL.upper()}]


def test_time_criteria_go_out_in_unix_seconds_rounded_outward(
    served: Served, recruitee: Recruitee
) -> None:
    cet = timezone(timedelta(hours=1))
    after = datetime(2025, 1, 10, 1, 0, 0, 500000, tzinfo=cet)  # 00:00:00.5 UTC
    before = datetime(2025, 1, 10, 12, 0, 0, 1, tzinfo=UTC)
    found = recruitee.search_candidates(created_after=after, created_before=before, limit=100)
    assert sent_filters(served) == [
        {"field": "created_at", "gt": 1736467200},  # 2025-01-10T00:00:00Z, fraction dropped
        {"field": "created_at", "lt": 1736510401},  # 12:00:01, rounded up
    ]
    expected = created_between(served, "2025-01-10T00:00:00.000000Z", "2025-01-10T12:00:00.000000Z")
    assert len(expected) == 12
    assert {hit.id for hit in found.hits} == expected
    assert found.total == 12


def test_updated_after_finds_the_candidate_just_changed(fresh: Served) -> None:
    with fresh.client() as recruitee:
        start = datetime.now(UTC) - timedelta(seconds=1)
        recruitee.update_candidate(7730042, phones=["+46700000042"])
        changed = recruitee.search_candidates(updated_after=start)
    assert [hit.id for hit in changed.hits] == [7730042]
    assert sent_filters(fresh) == [
        {"field": "updated_at", "gt": int(start.timestamp())},
    ]


def test_a_date_is_its_midnight_utc_and_a_naive_datetime_is_refused(
    served: Served, recruitee: Recruitee
) -> None:
    recruitee.search_candidates(created_after=datetime(2025, 1, 5, tzinfo=UTC).date())
    assert sent_filters(served) == [{"field": "created_at", "gt": 1736035200}]
    with pytest.raises(InvalidInputError) as caught:
        recruitee.search_candidates(created_before=datetime(2025, 1, 5))
    assert caught.value.field == "created_before"
    assert len(sent_queries(served)) == 1


def test_raw_filters_follow_the_criteria_and_sort_by_orders_the_hits(
    served: Served, recruitee: Recruitee
) -> None:
    last_seconds = 1735700400  # 2025-01-01T03:00:00Z: the first three candidates
    found = recruitee.search_candidates(
        query="@example.org",
        filters=[{"field": "created_at", "lte": last_seconds}, {"field": "tags", "has_any": ["x"]}],
        sort_by="created_at_asc",
    )
    assert sent_filters(served) == [
        {"field": "all", "query": "@example.org"},
        {"field": "created_at", "lte": last_seconds},
        {"field": "tags", "has_any": ["x"]},  # a field the stand-in does not model: ignored
    ]
    assert sent_queries(served)[-1]["sort_by"] == ["created_at_asc"]
    assert [hit.id for hit in found.hits] == [7730001, 7730002, 7730003]
    newest = recruitee.search_candidates(sort_by="updated_at_desc", limit=10).hits
    stamps = [hit.updated_at for hit in newest if isinstance(hit.updated_at, datetime)]
    assert len(stamps) == 10
    assert stamps == sorted(stamps, reverse=True)


def test_pages_carry_the_total_and_the_walk_reads_each_page_once(
    served: Served, recruitee: Recruitee
) -> None:
    default = recruitee.search_candidates()
    assert (len(default.hits), default.total) == (60, 250)  # Recruitee's default page size
    assert sent_queries(served) == [{}]  # nothing sent that was not asked for
    third = recruitee.search_candidates(page=3, limit=100, sort_by="created_at_asc")
    assert third.total == 250
    assert [hit.id for hit in third.hits] == list(range(7730201, 7730251))
    walked = [
        c.id for c in recruitee.iter_search_candidates(page_size=100, sort_by="created_at_asc")
    ]
    assert walked == list(range(7730001, 7730251))
    pages = [(query["page"], query["limit"]) for query in sent_queries(served)[2:]]
    assert pages == [(["1"], ["100"]), (["2"], ["100"]), (["3"], ["100"])]


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 10_001}, "limit"),
        ({"page": 0}, "page"),
        ({"sort_by": "newest"}, "sort_by"),
        ({"query": "  "}, "query"),
        ({"filters": '[{"field": "all", "query": "ada"}]'}, "filters"),
        ({"filters": [["field", "all"]]}, "filters.0"),
        ({"filters": [{"query": "ada"}]}, "filters.0"),
        ({"filters": [{"field": "all"}]}, "filters.0"),
        ({"filters": [{"field": "", "query": "ada"}]}, "filters.0.field"),
        ({"filters": [{"field": "created_at", "gte": datetime.now(UTC)}]}, "filters.0"),
        ({"filters": [{"field": "average_score", "gte": float("nan")}]}, "filters.0"),
        ({"updated_after": "2025-01-01"}, "updated_after"),
        ({"updated_before": datetime.now(UTC)}, "updated_before"),
    ],
)
def test_bad_input_is_refused_naming_the_field_before_anything_is_sent(
    served: Served, recruitee: Recruitee, arguments: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        recruitee.search_candidates(**arguments)
    assert caught.value.field == field
    if field not in ("limit", "page"):  # the walk pages by itself
        with pytest.raises(InvalidInputError) as walked:
            recruitee.iter_search_candidates(**arguments)
        assert walked.value.field == field
    assert served.sandbox.recorder.requests == []


@pytest.mark.parametrize("page_size", [0, 10_001])
def test_a_walk_takes_pages_of_one_to_ten_thousand(
    served: Served, recruitee: Recruitee, page_size: int
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        recruitee.iter_search_candidates(page_size=page_size)
    assert caught.value.field == "page_size"
    assert served.sandbox.recorder.requests == []


def test_the_stand_in_fails_above_ten_thousand_as_recruitee_does(served: Served) -> None:
    url = f"{served.url}/c/{served.sandbox.company_id}{SEARCH_PATH}"
    auth = {"Authorization": f"Bearer {served.sandbox.token}"}
    assert httpx.get(url, params={"limit": 10_001}, headers=auth).status_code == 500
    most = httpx.get(url, params={"limit": 10_000}, headers=auth)
    assert (most.status_code, len(most.json()["hits"])) == (200, 250)
    refused = httpx.get(url, params={"filters_json": '{"field": "all"}'}, headers=auth)
    assert refused.status_code == 422
    assert "filters_json" in refused.json()["errors"]


def test_the_searched_text_is_masked_in_errors(served: Served) -> None:
    served.sandbox.faults.add(Fault(path=SEARCH_PATH, status=500))
    with served.client(max_retries=0) as recruitee, pytest.raises(ServerError) as caught:
        recruitee.search_candidates(query=EMAIL, limit=5)
    assert "yilmaz" not in str(caught.value)
    assert "example.org" not in str(caught.value)
    assert "filters_json=***" in str(caught.value)
    assert "limit=5" in str(caught.value)  # what is not personal still shows


@pytest.fixture
async def arecruitee(served: Served) -> AsyncIterator[AsyncRecruitee]:
    async with served.async_client() as client:
        yield client


@pytest.mark.anyio
async def test_the_async_twin_searches_and_walks(
    served: Served, arecruitee: AsyncRecruitee
) -> None:
    found = await arecruitee.search_candidates(query=EMAIL)
    assert [(hit.id, found.total) for hit in found.hits] == [(7730011, 1)]
    walked = [c.id async for c in arecruitee.iter_search_candidates(page_size=60, query="yilmaz")]
    everyone = await arecruitee.search_candidates(query="yilmaz", limit=10_000)
    assert walked == [hit.id for hit in everyone.hits]
    assert len(walked) == len(set(walked)) == everyone.total
    with pytest.raises(InvalidInputError, match="limit"):
        await arecruitee.search_candidates(limit=10_001)
