"""Paging walkers and input validation helpers (core unit tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from hirelink.core import (
    InvalidInputError,
    MalformedResponseError,
    aiter_cursor,
    aiter_offset,
    aiter_pages,
    cursor_from_link,
    iter_cursor,
    iter_offset,
    iter_pages,
)
from hirelink.core.pagination import CursorWalk
from hirelink.core.validation import id_list, string_list, true_only_flag, utc_timestamp


def test_iter_offset_walks_every_item_once_and_stops_on_a_short_page() -> None:
    records = list(range(250))
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[int]:
        calls.append((offset, limit))
        return records[offset : offset + limit]

    assert list(iter_offset(fetch, page_size=100)) == records
    assert calls == [(0, 100), (100, 100), (200, 100)]


def test_iter_offset_is_lazy() -> None:
    calls: list[int] = []

    def fetch(offset: int, limit: int) -> list[int]:
        calls.append(offset)
        return list(range(offset, offset + limit))

    walker = iter_offset(fetch, page_size=10)
    assert calls == []
    assert next(walker) == 0
    assert calls == [0]


def test_key_drops_items_pushed_onto_the_next_page_by_an_insert() -> None:
    records = list(range(100, 0, -1))  # newest first, like sort=by_date

    def fetch(offset: int, limit: int) -> list[int]:
        page = records[offset : offset + limit]
        if offset == 0:
            records.insert(0, 101)  # a record arrives after the first page was read
        return page

    walked = list(iter_offset(fetch, page_size=30, key=lambda record: record))
    assert walked == list(range(100, 0, -1))


@pytest.mark.parametrize("deleted_from_page", [0, 1, 2])
def test_key_keeps_the_item_a_deletion_moves_onto_a_page_already_read(
    deleted_from_page: int,
) -> None:
    records = list(range(100, 0, -1))
    expected = list(records)
    gone = records[deleted_from_page * 30]

    def fetch(offset: int, limit: int) -> list[int]:
        page = records[offset : offset + limit]
        if offset <= deleted_from_page * 30 < offset + limit:
            records.remove(gone)  # deleted right after its page was read
        return page

    walked = list(iter_offset(fetch, page_size=30, key=lambda record: record))
    assert walked == expected  # nothing skipped; the deleted one was read before it went


def test_without_a_key_pages_do_not_overlap() -> None:
    asked: list[int] = []

    def fetch(offset: int, limit: int) -> list[int]:
        asked.append(offset)
        return list(range(offset, min(offset + limit, 70)))

    assert list(iter_offset(fetch, page_size=30)) == list(range(70))
    assert asked == [0, 30, 60]
    asked.clear()
    assert list(iter_offset(fetch, page_size=30, key=lambda item: item)) == list(range(70))
    assert asked == [0, 29, 58]  # with a key, each page starts on the last one read


def test_page_size_must_be_positive() -> None:
    with pytest.raises(InvalidInputError, match="page_size"):
        list(iter_offset(lambda offset, limit: [], page_size=0))


@pytest.mark.anyio
async def test_aiter_offset_walks_every_item() -> None:
    async def fetch(offset: int, limit: int) -> list[int]:
        return list(range(offset, min(offset + limit, 95)))

    assert [item async for item in aiter_offset(fetch, page_size=20)] == list(range(95))


def test_utc_timestamp_converts_aware_datetimes_and_dates() -> None:
    cet = timezone(timedelta(hours=1))
    assert utc_timestamp("t", datetime(2025, 3, 5, 9, 0, 0, tzinfo=cet)) == "2025-03-05T08:00:00"
    assert (
        utc_timestamp("t", datetime(2025, 3, 5, 8, 0, 0, 999, tzinfo=UTC)) == "2025-03-05T08:00:00"
    )
    assert utc_timestamp("t", date(2025, 3, 5)) == "2025-03-05T00:00:00"
    with pytest.raises(InvalidInputError) as caught:
        utc_timestamp("t", "2025-03-05")
    assert caught.value.field == "t"
    # "From the beginning": four digits (strftime's %Y wrote 1-01-01 on Linux).
    assert utc_timestamp("t", datetime.min.replace(tzinfo=UTC)) == "0001-01-01T00:00:00"
    assert utc_timestamp("t", date(999, 1, 2)) == "0999-01-02T00:00:00"
    with pytest.raises(InvalidInputError) as overflowed:  # was a bare OverflowError
        utc_timestamp("created_after", datetime.min.replace(tzinfo=timezone(timedelta(hours=2))))
    assert overflowed.value.field == "created_after"


def test_a_naive_datetime_is_refused_naming_the_field() -> None:
    # datetime.now() is local time: taken as UTC, a watch east of UTC started hours ahead
    # and skipped every change until then (the time hunt).
    with pytest.raises(InvalidInputError) as caught:
        utc_timestamp("updated_after", datetime(2026, 3, 5, 9, 0))
    assert caught.value.field == "updated_after"
    assert "has no time zone" in str(caught.value)


def test_list_helpers_refuse_bare_strings_and_bad_items() -> None:
    assert id_list("ids", [3, 1, 2]) == "3,1,2"
    with pytest.raises(InvalidInputError) as caught:
        id_list("ids", [1, -2])
    assert caught.value.field == "ids.1"
    with pytest.raises(InvalidInputError, match="tags"):
        string_list("tags", "vip")
    with pytest.raises(InvalidInputError) as bad_item:
        string_list("tags", ["vip", ""])
    assert bad_item.value.field == "tags.1"
    with pytest.raises(InvalidInputError, match="at least one"):
        string_list("tags", [])
    with pytest.raises(InvalidInputError) as nested:
        id_list("ids", [[7]])
    assert nested.value.message.endswith("got a list of 1 item")  # was "of 1 items"
    assert string_list("emails", [" a@example.org\r\n"], strip=True) == ["a@example.org"]


def test_true_only_flags_refuse_false() -> None:
    assert true_only_flag("qualified", True) is True
    with pytest.raises(InvalidInputError, match="leave it out"):
        true_only_flag("qualified", False)


def test_iter_pages_counts_pages_from_one_and_stops_on_a_short_page() -> None:
    records = list(range(120))
    calls: list[tuple[int, int]] = []

    def fetch(page: int, size: int) -> list[int]:
        calls.append((page, size))
        return records[(page - 1) * size : page * size]

    assert list(iter_pages(fetch, page_size=50)) == records
    assert calls == [(1, 50), (2, 50), (3, 50)]


def test_iter_pages_asks_for_one_more_page_after_an_exact_fit() -> None:
    def fetch(page: int, size: int) -> list[int]:
        return list(range(size)) if page == 1 else []

    assert len(list(iter_pages(fetch, page_size=10))) == 10


def test_iter_cursor_follows_cursors_and_refuses_loops() -> None:
    pages = {None: ([1, 2], "c1"), "c1": ([3], "c2"), "c2": ([4], None)}
    assert list(iter_cursor(lambda cursor: pages[cursor])) == [1, 2, 3, 4]
    looping = {None: ([1], "c1"), "c1": ([2], "c1")}
    with pytest.raises(MalformedResponseError, match="second time") as caught:
        list(iter_cursor(lambda cursor: looping[cursor], "list_things"))
    assert caught.value.operation == "list_things"


def test_a_cursor_walk_keeps_a_bounded_memory_and_still_refuses_a_long_loop() -> None:
    # Every cursor seen was kept: memory grew with the pages of a walk ("constant memory").
    walk: CursorWalk[int] = CursorWalk("list_things")
    for page in range(5 * CursorWalk.RECENT):
        walk.take(([page], f"cursor-{page}"))
    assert len(walk._recent) <= CursorWalk.RECENT
    loop_length = 3 * CursorWalk.RECENT  # longer than what it keeps whole
    looping = {f"c{i}": ([i], f"c{(i + 1) % loop_length}") for i in range(loop_length)}
    fetched = 0

    def fetch(cursor: str | None) -> tuple[list[int], str | None]:
        nonlocal fetched
        fetched += 1
        return looping[cursor or "c0"]

    with pytest.raises(MalformedResponseError, match="second time"):
        list(iter_cursor(fetch, "list_things"))
    assert fetched <= 3 * loop_length  # found within two rounds of the loop


@pytest.mark.anyio
async def test_async_page_and_cursor_walkers() -> None:
    async def fetch_page(page: int, size: int) -> list[int]:
        return list(range(size)) if page < 3 else [99]

    assert len([x async for x in aiter_pages(fetch_page, page_size=5)]) == 11

    async def fetch_cursor(cursor: str | None) -> tuple[list[str], str | None]:
        return ([cursor or "first"], None if cursor else "next")

    assert [x async for x in aiter_cursor(fetch_cursor)] == ["first", "next"]


def test_cursor_from_link_reads_absolute_and_relative_links() -> None:
    absolute = "https://api.personio.de/v2/recruiting/applications?cursor=cur_7hQ&limit=2"
    assert cursor_from_link(absolute) == "cur_7hQ"
    assert cursor_from_link("/v2/persons?limit=10&cursor=abc") == "abc"
    assert cursor_from_link("/v2/persons?limit=10") is None
    assert cursor_from_link(None) is None


def test_walkers_stop_when_the_endpoint_ignores_paging() -> None:
    everything = list(range(120))
    calls: list[int] = []

    def ignoring_pages(page: int, size: int) -> list[int]:
        calls.append(page)
        return everything  # every page answers with all records

    assert list(iter_pages(ignoring_pages, page_size=50)) == everything
    assert calls == [1]
    assert list(iter_offset(lambda offset, limit: everything, page_size=50)) == everything


def _ignoring_paging(records: list[int], calls: list[object]) -> Callable[[int, int], list[int]]:
    def fetch(where: int, size: int) -> list[int]:
        calls.append(where)
        assert len(calls) < 10, "still paging"  # fails rather than hangs
        return records  # whatever page or offset is asked for

    return fetch


def test_walkers_refuse_to_loop_when_an_exact_fit_repeats_because_paging_is_ignored() -> None:
    # 50 records for a page size of 50: the short (or long) page that would end the walk
    # never comes, as every page answers the same full page.
    records = list(range(50))
    page_calls: list[object] = []
    walk = iter_pages(
        _ignoring_paging(records, page_calls), page_size=50, key=int, operation="list_jobs"
    )
    assert [next(walk) for _ in records] == records
    with pytest.raises(MalformedResponseError) as caught:
        next(walk)
    assert page_calls == [1, 2, 3]
    assert caught.value.operation == "list_jobs"
    assert "page 3" in str(caught.value)
    assert "ignores paging" in str(caught.value)
    assert "after 50 records" in str(caught.value)

    offset_calls: list[object] = []
    with pytest.raises(MalformedResponseError, match="offset"):
        assert list(iter_offset(_ignoring_paging(records, offset_calls), page_size=50, key=int))
    assert len(offset_calls) == 3
    unkeyed_calls: list[object] = []  # no key: the same page twice more is the sign
    with pytest.raises(MalformedResponseError, match="ignores paging"):
        assert list(iter_pages(_ignoring_paging(records, unkeyed_calls), page_size=50))
    assert len(unkeyed_calls) == 3


@pytest.mark.anyio
async def test_async_walkers_refuse_to_loop_when_paging_is_ignored() -> None:
    records = list(range(2))

    calls: list[int] = []

    async def fetch(where: int, size: int) -> list[int]:
        calls.append(where)
        assert len(calls) < 10, "still paging"  # fails rather than hangs
        return records

    with pytest.raises(MalformedResponseError, match="ignores paging"):
        assert [item async for item in aiter_pages(fetch, page_size=2, key=int)]
    with pytest.raises(MalformedResponseError, match="ignores paging"):
        assert [item async for item in aiter_offset(fetch, page_size=2, key=int)]


def test_one_page_of_repeats_from_a_burst_of_inserts_does_not_end_the_walk() -> None:
    # Two records inserted at the top between the first and the second page make page 2
    # repeat page 1 in full; the walk goes on and reads every record.
    records = list(range(100, 106))
    calls: list[int] = []

    def fetch(page: int, size: int) -> list[int]:
        calls.append(page)
        if page == 2:
            records[:0] = [1, 2]
        start = (page - 1) * size
        return records[start : start + size]

    assert list(iter_pages(fetch, page_size=2, key=int)) == [100, 101, 102, 103, 104, 105]
    assert calls == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0, 0, True, "5"])
def test_every_number_of_seconds_is_refused_unless_finite_and_positive(bad: Any) -> None:
    from hirelink.core import request_options, shared_limiter
    from hirelink.personio import Personio
    from hirelink.recruitee.webhooks import create_webhook_app

    def timeout() -> None:
        with request_options(timeout=bad):
            pass

    takes_seconds: list[Callable[[], object]] = [
        lambda: shared_limiter("seconds-test", 5, bad),
        timeout,
        lambda: create_webhook_app(secret=None, on_event=print, dedupe_ttl=bad),
        lambda: Personio(subdomain="acme", recruiting_rate_window=bad),
    ]
    for call in takes_seconds:
        with pytest.raises(InvalidInputError, match="must be a positive number of seconds"):
            call()


def test_an_endpoint_ignoring_the_offset_is_found_at_any_page_size() -> None:
    """Review: with 10,000 keys remembered, a page of more pushed its own first items out,
    and an endpoint answering the same page to every offset was walked for ever."""
    calls: list[int] = []

    def same_page(offset: int, limit: int) -> list[int]:
        calls.append(offset)
        if len(calls) > 5:
            raise AssertionError("walked on")
        return list(range(limit))

    with pytest.raises(MalformedResponseError, match="ignores paging"):
        list(iter_offset(same_page, page_size=10_001, key=int))


def test_a_keyed_cursor_walk_handed_the_same_items_under_new_cursors_stops() -> None:
    pages = iter(range(1, 50))

    def fetch(cursor: str | None) -> tuple[list[int], str | None]:
        return [1, 2, 3], f"c{next(pages)}"

    with pytest.raises(MalformedResponseError, match="ignores paging"):
        list(iter_cursor(fetch, key=int))
