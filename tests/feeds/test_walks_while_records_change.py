"""Walks and watches against stand-ins whose records change while they read (paging hunt):
a record is yielded once however far it slides, and a watch asking with Personio's
strict ``updated_at.gt`` still hears a change stamped in its checkpoint's second."""

from __future__ import annotations

import collections
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hirelink.core import MalformedResponseError
from hirelink.core.feeds import MemoryFeedStore
from hirelink.join import Join
from hirelink.personio import AsyncPersonio, Personio
from hirelink.recruitee import Recruitee
from hirelink.sandbox import Fault, ProviderName, serve_stand_in


def _repeated(ids: Iterable[object]) -> list[object]:
    return [key for key, count in collections.Counter(ids).items() if count > 1]


@pytest.mark.parametrize("arriving", [5, 7, 12])
def test_candidates_arriving_a_page_or_more_at_a_time_are_not_yielded_twice(
    arriving: int,
) -> None:
    """Only the previous page's ids were remembered: a page's worth of new candidates
    between two pages pushed one read two pages back onto the next, yielded again."""
    with (
        serve_stand_in("recruitee", candidates=23) as stand_in,
        Recruitee(**stand_in.client_kwargs()) as recruitee,
    ):
        walked = []
        for index, candidate in enumerate(recruitee.iter_candidates(page_size=5)):
            walked.append(candidate.id)
            if index == 4:
                for number in range(arriving):
                    stand_in.sandbox.state.create_candidate({"name": f"New {number}"})
    assert _repeated(walked) == []
    assert len(walked) >= 23


def test_join_applications_arriving_a_page_at_a_time_are_not_yielded_twice() -> None:
    with (
        serve_stand_in("join", applications=23) as stand_in,
        Join(**stand_in.client_kwargs()) as join,
    ):
        state = stand_in.sandbox.state
        walked = []
        for index, application in enumerate(join.iter_applications(page_size=5)):
            walked.append(application.id)
            if index == 4:
                for number in range(6):
                    candidate = {"firstName": "N", "lastName": str(number)}
                    candidate["email"] = f"n{number}@example.org"
                    state.create_application({"jobId": state.job_ids()[0], "candidate": candidate})
    assert _repeated(walked) == []
    assert len(walked) >= 23


def test_a_personio_application_updated_during_a_walk_is_yielded_once() -> None:
    """Personio lists applications most recently updated first: one updated between two
    pages moves to the first page, and the one at the page's edge moved down onto the
    next, yielded a second time (the cursor walk remembered nothing)."""
    with (
        serve_stand_in("personio", candidates=20) as stand_in,
        Personio(**stand_in.client_kwargs()) as personio,
    ):
        every = [application.id for application in personio.iter_applications()]
        walked = []
        for index, application in enumerate(personio.iter_applications(page_size=5)):
            walked.append(application.id)
            if index == 4:
                stand_in.sandbox.state.update_application(str(every[-1]))
    assert _repeated(walked) == []
    assert set(walked) == set(every) - {every[-1]}  # the moved one: documented as missed


@pytest.mark.anyio
async def test_the_async_walk_yields_a_moved_personio_application_once() -> None:
    with serve_stand_in("personio", candidates=20) as stand_in:
        async with AsyncPersonio(**stand_in.client_kwargs()) as personio:
            every = [application.id async for application in personio.iter_applications()]
            walked = []
            async for application in personio.iter_applications(page_size=5):
                walked.append(application.id)
                if len(walked) == 5:
                    stand_in.sandbox.state.update_application(str(every[-1]))
    assert _repeated(walked) == []


def test_a_personio_watch_without_overlap_hears_a_change_in_its_checkpoints_second() -> None:
    """Personio's filter is ``updated_at.gt``, its stamps whole seconds: asked from the
    checkpoint's second, a change stamped in it after the poll was never listed."""
    stamp = datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=20)
    store = MemoryFeedStore()
    with (
        serve_stand_in("personio", candidates=4) as stand_in,
        Personio(**stand_in.client_kwargs()) as personio,
    ):
        state = stand_in.sandbox.state
        first, second = (
            application.id for application in personio.list_applications().field_data[:2]
        )
        state.update_application(str(first), at=stamp)
        since = stamp - timedelta(seconds=3)
        heard = [
            a.id for a in personio.watch_applications(since=since, store=store, overlap=0, polls=1)
        ]
        assert heard == [first]
        state.update_application(str(second), at=stamp)  # later, in the same second
        heard = [a.id for a in personio.watch_applications(store=store, overlap=0, polls=1)]
    assert heard == [second]


@pytest.mark.parametrize(
    ("provider", "path", "walk", "where"),
    [
        ("recruitee", r"/candidates$", "iter_candidates", "the page at offset 4"),
        ("join", r"/applications$", "iter_applications", "page 2"),
        ("personio", r"/recruiting/applications$", "iter_applications", "the page at cursor '"),
    ],
)
def test_a_page_that_does_not_read_is_named_in_the_error(
    provider: ProviderName, path: str, walk: str, where: str
) -> None:
    """Other errors name the page in their URL; a garbled page said only the operation."""
    seed = {"recruitee": "candidates", "join": "applications", "personio": "candidates"}
    with serve_stand_in(provider, **{seed[provider]: 12}) as stand_in, stand_in.client() as client:
        walked = getattr(client, walk)(page_size=5)
        next(walked)  # the first page is read
        stand_in.faults.add(Fault(method="GET", path=path, kind="malformed", times=-1))
        with pytest.raises(MalformedResponseError) as raised:
            list(walked)
    assert any(note.startswith(f"while reading {where}") for note in raised.value.__notes__)


@pytest.mark.parametrize("provider", ["recruitee", "join"])
def test_two_pages_worth_arriving_deep_in_a_walk_neither_repeat_nor_stop_it(
    provider: ProviderName,
) -> None:
    """Review: with every record read remembered, two pages in a row of records read
    before (ten arrivals after three pages of five) were taken for an endpoint ignoring
    paging, and the walk stopped part-way."""
    seed = {"recruitee": "candidates", "join": "applications"}[provider]
    with serve_stand_in(provider, **{seed: 40}) as stand_in, stand_in.client() as client:
        state = stand_in.sandbox.state
        walk = client.iter_candidates if provider == "recruitee" else client.iter_applications
        walked = []
        for index, record in enumerate(walk(page_size=5)):
            walked.append(record.id)
            if index == 14:
                for number in range(10):
                    _arrives(provider, state, number)
    assert _repeated(walked) == []
    assert len(walked) >= 40


def _arrives(provider: str, state: Any, number: int) -> None:
    if provider == "recruitee":
        state.create_candidate({"name": f"New {number}"})
    else:
        candidate = {"firstName": "N", "lastName": str(number), "email": f"n{number}@example.org"}
        state.create_application({"jobId": state.job_ids()[0], "candidate": candidate})
