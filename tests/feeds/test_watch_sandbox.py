"""Watches against the stand-ins: records created while a watch runs arrive once each."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

import anyio
import httpx
import pytest
import redis

from hirelink.core import (
    AuthenticationError,
    InvalidInputError,
    ServerError,
    StoreUnavailableError,
    UnusableClientError,
    feeds,
)
from hirelink.core.feeds import (
    CHECKPOINT_FORMAT,
    Feed,
    MemoryFeedStore,
    RedisFeedStore,
    WatchOptions,
)
from hirelink.core.threads import STORE_THREADS
from hirelink.core.validation import LONGEST_SECONDS
from hirelink.join import AsyncJoin, Join
from hirelink.sandbox import FOREVER, Fault, ProviderName, StandIn, serve_stand_in
from hirelink.sandbox.faults import FaultKind
from tests.forking import answer_of_forked_child
from tests.waiting import await_until, wait_until

CREATED = 6
INTERVAL = 0.05
POLLS = 400  # a bound: a lost record fails the test instead of hanging it
_emails = itertools.count(1)


@pytest.fixture
def stand_in(request: pytest.FixtureRequest) -> Iterator[StandIn[Any]]:
    settings: dict[str, Any] = {"rate_window": 0.5} if request.param == "personio" else {}
    with serve_stand_in(request.param, **settings) as served:
        yield served


def client_of(stand_in: StandIn[Any], *, sync: bool, **options: Any) -> Any:
    overrides = {"recruiting_rate_window": 1.0} if stand_in.name == "personio" else {}
    overrides.update(options)
    return stand_in.client(**overrides) if sync else stand_in.async_client(**overrides)


def creator(stand_in: StandIn[Any]) -> Callable[[Any], Any]:
    """Create one record through the public operation; its id (as the watch yields it)."""
    if stand_in.name == "join":
        return lambda client: client.create_application(
            8812345, first_name="Ada", last_name="Watch",
            email=f"watch{next(_emails)}@example.org",
        ).id  # fmt: skip
    if stand_in.name == "recruitee":
        return lambda client: (
            client.create_candidate("Watch Person", emails=[f"watch{next(_emails)}@example.org"]).id
        )
    return lambda client: (
        client.create_application(
            1874512, first_name="Lena", last_name="Watch", email=f"watch{next(_emails)}@example.org"
        ).email
    )


def key_of(stand_in: StandIn[Any], record: Any) -> Any:
    """What :func:`creator` returns for the record: its id, or a Personio candidate's e-mail."""
    return record.candidate.email if stand_in.name == "personio" else record.id


def watch_of(client: Any, **options: Any) -> Any:
    method = "watch_candidates" if hasattr(client, "watch_candidates") else "watch_applications"
    return getattr(client, method)(**options)


def create_in_background(stand_in: StandIn[Any]) -> tuple[threading.Thread, list[Any]]:
    create = creator(stand_in)
    results: list[Any] = []

    def run() -> None:
        with client_of(stand_in, sync=True) as client:
            for _ in range(CREATED):
                results.append(create(client))
                time.sleep(INTERVAL * 2)
            # One more, created after the others are noted: the watch yields something
            # after `results` is complete, so the consumer can stop there.
            create(client)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, results


@pytest.mark.parametrize("stand_in", ["join", "recruitee", "personio"], indirect=True)
def test_a_sync_watch_yields_each_record_created_while_it_runs_once(
    stand_in: StandIn[Any],
) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    thread, created = create_in_background(stand_in)
    seen: list[Any] = []
    with client_of(stand_in, sync=True) as client:
        for record in watch_of(client, since=since, interval=INTERVAL, polls=POLLS):
            seen.append(key_of(stand_in, record))
            if len(created) == CREATED and set(created) <= set(seen):
                break
    thread.join()
    assert len(seen) == len(set(seen))  # none twice
    assert set(created) <= set(seen)
    assert len(seen) <= CREATED + 1  # nothing but the records created (and the last one)


@pytest.mark.parametrize("stand_in", ["join", "recruitee", "personio"], indirect=True)
def test_an_async_watch_yields_the_same(stand_in: StandIn[Any]) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    thread, created = create_in_background(stand_in)

    async def collect() -> list[Any]:
        seen: list[Any] = []
        async with client_of(stand_in, sync=False) as client:
            async for record in watch_of(client, since=since, interval=INTERVAL, polls=POLLS):
                seen.append(key_of(stand_in, record))
                if len(created) == CREATED and set(created) <= set(seen):
                    break
        return seen

    seen = asyncio.run(collect())
    thread.join()
    assert len(seen) == len(set(seen))
    assert set(created) <= set(seen)
    assert len(seen) <= CREATED + 1


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_resumes_from_its_checkpoint(stand_in: StandIn[Any], tmp_path: Any) -> None:
    checkpoint = tmp_path / "checkpoints.json"
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as client:
        for _ in range(3):
            create(client)
        options = {"since": since, "interval": INTERVAL, "store": checkpoint, "polls": 1}
        first = [a.id for a in watch_of(client, **options)]
        assert len(first) == 3
        create(client)
        second = [a.id for a in watch_of(client, **options)]  # since is ignored now
    assert len(second) == 1
    assert second[0] not in first
    assert "join:" in checkpoint.read_text()


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_that_yielded_nothing_resumes_from_where_it_started(
    stand_in: StandIn[Any], tmp_path: Any
) -> None:
    options = {"store": tmp_path / "checkpoints.json", "interval": INTERVAL, "overlap": 0.1}
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as client:
        assert list(watch_of(client, polls=1, **options)) == []
        time.sleep(0.2)
        created = create(client)  # while no watch runs
        time.sleep(0.3)  # longer than the overlap the next watch reaches back
        assert [a.id for a in watch_of(client, polls=1, **options)] == [created]


def _wait_for_a_poll(stand_in: StandIn[Any]) -> None:
    wait_until(lambda: stand_in.hits("GET", "/applications"), "poll")


class _Partitioned(MemoryFeedStore):
    """One worker's view of a shared store, which it may lose sight of (as a worker cut off
    from Redis): its lease renewals fail while `cut` is set."""

    def __init__(self, shared: MemoryFeedStore) -> None:
        self.shared, self.cut = shared, threading.Event()

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        if self.cut.is_set():
            raise StoreUnavailableError("the store is out of reach")
        return self.shared.acquire_lease(feed, owner, ttl)

    def release_lease(self, feed: str, owner: str) -> None:
        self.shared.release_lease(feed, owner)

    def load_checkpoint(self, feed: str) -> str | None:
        return self.shared.load_checkpoint(feed)

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        return self.shared.save_checkpoint(feed, owner, checkpoint)


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_whose_lease_lapsed_and_was_taken_over_does_not_repeat_the_others_work(
    stand_in: StandIn[Any],
) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    shared = MemoryFeedStore()  # the two watches share it, as two processes share Redis
    options = {"since": since, "interval": INTERVAL, "lease_ttl": 0.5}
    cut_off = _Partitioned(shared)
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(3)]
        taken_over: list[Any] = []

        def other_worker() -> None:  # starts while the first holds the lease, waits for its lapse
            watch = watch_of(client, polls=1, store=_Partitioned(shared), **options)
            taken_over.extend(a.id for a in watch)

        thread = threading.Thread(target=other_worker)
        slow = watch_of(client, polls=3, store=cut_off, **options)
        first = next(slow).id
        cut_off.cut.set()  # its lease cannot be renewed while the change is handled
        thread.start()
        thread.join(timeout=30)
        cut_off.cut.clear()
        time.sleep(0.4)  # back in reach while still handling: the lease is free again
        later = [a.id for a in slow]
    assert taken_over == created  # the other worker took over from the start
    assert first == created[0]
    assert not set(later) & set(taken_over), "the lapsed watch repeated the other's records"


@pytest.mark.parametrize("sync", [True, False], ids=["sync", "async"])
@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_poll_longer_than_the_lease_keeps_it(stand_in: StandIn[Any], sync: bool) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    store = MemoryFeedStore()
    # A lease renewed every third of its time: a loaded machine (a full test run beside
    # other work) late by 0.3 s once lost a lease of 0.3 s.
    options = {"since": since, "interval": INTERVAL, "store": store, "lease_ttl": 1.0}
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(2)]
        stand_in.faults.add(Fault(method="GET", path=r"/applications$", kind="delay", delay=2.5))
        second: list[Any] = []

        def second_worker() -> None:
            _wait_for_a_poll(stand_in)  # the first worker's, waiting for its answer
            second.extend(a.id for a in watch_of(client, polls=1, **options))

        thread = threading.Thread(target=second_worker)
        thread.start()
        if sync:
            first = [a.id for a in watch_of(client, polls=1, **options)]
        else:

            async def first_worker() -> list[Any]:
                async with client_of(stand_in, sync=False) as async_client:
                    return [a.id async for a in watch_of(async_client, polls=1, **options)]

            first = asyncio.run(first_worker())
        thread.join(timeout=30)
    assert first == created
    assert second == []  # it took the feed only once the first had saved and let go


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_lease_lapsed_during_a_walk_is_taken_again_before_anything_is_handed(
    stand_in: StandIn[Any],
) -> None:
    """The lease lapsed while the walk waited (the worker cut off from its store), the
    other worker handed everything over; the first then handed the first change again."""
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    shared = MemoryFeedStore()
    cut_off = _Partitioned(shared)
    options = {"since": since, "interval": INTERVAL, "lease_ttl": 0.3}
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(3)]
        stand_in.faults.add(Fault(method="GET", path=r"/applications$", kind="hold"))
        other: list[Any] = []

        def other_worker() -> None:
            _wait_for_a_poll(stand_in)  # the first worker's, held back
            cut_off.cut.set()  # the first worker loses its store while its walk waits
            other.extend(
                a.id for a in watch_of(client, polls=1, store=_Partitioned(shared), **options)
            )
            cut_off.cut.clear()  # back before its walk ends
            stand_in.faults.release()

        thread = threading.Thread(target=other_worker)
        thread.start()
        first = [a.id for a in watch_of(client, polls=1, store=cut_off, **options)]
        thread.join(timeout=30)
    assert other == created
    assert not set(first) & set(other), "the lapsed watch repeated the other's records"


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_consumer_slower_than_the_lease_keeps_it_and_nothing_is_handed_over_twice(
    stand_in: StandIn[Any],
) -> None:
    """The lease was renewed only when the next change was asked for: under a consumer
    slower than the lease, the other worker took the feed from the unsaved checkpoint and
    handed the same change over again, and the two took turns at it for ever."""
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    store = MemoryFeedStore()
    # The keeper renews a third of the way through the lease: on a loaded machine its
    # thread may stall for a while, so not 0.3 s, which a 0.1 s stall would let lapse.
    options = {"since": since, "interval": INTERVAL, "store": store, "lease_ttl": 0.6}
    handed: list[tuple[str, Any]] = []
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(3)]

        def worker(name: str) -> None:
            with contextlib.closing(watch_of(client, **options)) as watch:
                for application in watch:
                    handed.append((name, application.id))
                    time.sleep(0.9)  # longer than the lease lasts
                    if len(handed) >= len(created):
                        return

        workers = [threading.Thread(target=worker, args=(name,)) for name in "ab"]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(timeout=30)
    # The last change may come again from the other worker: the first stopped before it
    # asked for the next one, which is what moves the checkpoint (at least once).
    first_round = handed[: len(created)]
    assert [application for _, application in first_round] == created
    assert len({name for name, _ in first_round}) == 1  # one worker held the feed throughout


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_async_watches_sharing_redis_take_turns_and_share_the_checkpoint(
    stand_in: StandIn[Any], redis_url: str
) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(3)]

    async def consume(store: str, seen: list[Any]) -> None:
        async with client_of(stand_in, sync=False) as client:
            options = {"since": since, "interval": INTERVAL, "store": store, "polls": 10}
            async for application in client.watch_applications(lease_ttl=1.0, **options):
                seen.append(application.id)

    async def both(store: str) -> tuple[list[Any], list[Any]]:
        first: list[Any] = []
        second: list[Any] = []
        # The lease's holder polls 10 times and lets go; the other then resumes from the
        # shared checkpoint, with nothing left to yield.
        await asyncio.gather(consume(store, first), consume(store, second))
        return first, second

    first, second = asyncio.run(both(redis_url))
    assert sorted(first + second) == sorted(created)
    assert [] in (first, second)


def test_watches_of_two_stand_ins_keep_checkpoints_of_their_own() -> None:
    """The default store is this process: a watch of a second stand-in (another API host)
    does not resume from the first one's checkpoint, which would skip its ``since``."""
    with serve_stand_in("recruitee") as first, serve_stand_in("recruitee") as second:
        with first.client() as client:
            client.create_candidate("Only New", emails=["only.new@example.org"])
            recent = datetime.now(UTC) - timedelta(minutes=1)
            assert len(list(client.watch_candidates(since=recent, polls=1))) == 1
        with second.client() as client:
            everything = list(
                client.watch_candidates(since=datetime(2000, 1, 1, tzinfo=UTC), polls=1)
            )
        assert len(everything) == len(second.sandbox.state.candidate_ids())


def test_join_watches_of_two_companies_at_one_host_keep_checkpoints_of_their_own() -> None:
    """JOIN's token stands for the company; the default feed name holds a digest of it."""
    from hirelink.join import AsyncJoin
    from hirelink.sandbox.join import create_join_sandbox

    async def watch_all(token: str) -> int:
        company = create_join_sandbox(token=token, applications=5)
        transport = httpx.ASGITransport(app=company.asgi)  # JOIN's own host, in memory
        async with AsyncJoin(token=token, transport=transport) as join:
            since = datetime(2000, 1, 1, tzinfo=UTC)
            return len([a async for a in join.watch_applications(since=since, polls=1)])

    assert asyncio.run(watch_all("company-a-token")) == 5
    assert asyncio.run(watch_all("company-b-token")) == 5  # not resumed from company A's


def test_a_join_application_tagged_by_its_handler_is_not_handed_over_again() -> None:
    """The tags are the candidate's and change no stamp: within the overlap, the next poll
    handed the tagged application over again, and its handler wrote a second note."""
    with serve_stand_in("join") as stand_in, Join(**stand_in.client_kwargs()) as join:
        start = datetime.now(UTC) - timedelta(seconds=1)
        created = join.create_application(
            8812345, first_name="Ada", last_name="Tagged", email="ada.tagged@example.org"
        )
        handed: list[int] = []
        for application in join.watch_applications(
            since=start, interval=INTERVAL, polls=4, store=MemoryFeedStore()
        ):
            handed.append(application.id)
            join.set_candidate_tags(created.candidate_id, ["identity-verified"])
        assert handed == [created.id]


def test_a_join_application_listed_without_a_change_time_comes_by_its_creation_time(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """``lastUpdatedAt`` on JOIN's list items is third-party evidence only: an application
    listed without it (or with ``null``) is watched by ``createdAt``; a record with neither
    is passed over with a warning naming the feed, never silently."""
    from hirelink.sandbox.faults import Fault

    with serve_stand_in("join") as served, served.client() as join:
        listed = [a.to_dict() for a in join.list_applications(page=1, page_size=3)]
        listed[0].pop("lastUpdatedAt")
        listed[1]["lastUpdatedAt"] = None
        listed[2].pop("lastUpdatedAt")
        listed[2].pop("createdAt")
        served.sandbox.faults.add(
            Fault(method="GET", path=r"/applications$", status=200, body=listed)
        )
        caplog.set_level("WARNING", logger="hirelink.feeds")
        since = datetime(2000, 1, 1, tzinfo=UTC)
        watched = [a.id for a in join.watch_applications(since=since, polls=1)]
    assert sorted(watched) == sorted(a["id"] for a in listed[:2])
    warnings = [r.getMessage() for r in caplog.records if r.name == "hirelink.feeds"]
    assert len(warnings) == 1
    assert f"without a readable change time (ids {listed[2]['id']})" in warnings[0]
    assert warnings[0].startswith("watch join:")


@pytest.mark.parametrize(
    ("provider", "stamp"),
    [
        ("personio", {"date-time": "0001-01-01T00:00:00", "timezone": "Europe/Berlin"}),
        ("personio", {"date-time": "9999-12-31T23:59:59", "timezone": "America/New_York"}),
        ("join", "0001-01-01T00:00:00+01:00"),
        # Read as no time, it fell back to createdAt, before the change: passed over unsaid.
        ("join", "soon"),
    ],
    ids=[
        "personio-year-1-in-berlin",
        "personio-year-9999-in-new-york",
        "join-year-1-at-plus-1",
        "join-no-time",
    ],
)
def test_a_record_stamped_beyond_the_calendar_in_utc_is_passed_over_with_a_warning(
    provider: ProviderName, stamp: object, caplog: pytest.LogCaptureFixture
) -> None:
    # A placeholder stamp (.NET's DateTime.MinValue in a zone east of UTC) has no instant
    # in UTC's calendar: its OverflowError ended the watch, and each restart met it again.
    with serve_stand_in(provider) as served, served.client() as client:
        if provider == "personio":
            body = client.list_applications(limit=3).to_dict()
            body.pop("_meta", None)  # one page
            listed, stamped_field = body["_data"], "updated_at"
        else:
            listed = body = [a.to_dict() for a in client.list_applications(page=1, page_size=3)]
            stamped_field = "lastUpdatedAt"
        listed[0][stamped_field] = stamp
        served.sandbox.faults.add(
            Fault(method="GET", path=r"/applications$", status=200, times=-1, body=body)
        )
        caplog.set_level("WARNING", logger="hirelink.feeds")
        options: dict[str, Any] = {
            "since": datetime(2000, 1, 1, tzinfo=UTC), "store": MemoryFeedStore(), "polls": 1,
        }  # fmt: skip
        first = [a.id for a in client.watch_applications(**options)]
        again = [a.id for a in client.watch_applications(**options)]  # a restart
    assert sorted(first) == sorted(a["id"] for a in listed[1:])
    assert again == []
    warnings = [r.getMessage() for r in caplog.records if r.name == "hirelink.feeds"]
    assert len(warnings) == 2
    assert all(f"without a readable change time (ids {listed[0]['id']})" in w for w in warnings)


class CountingStore(MemoryFeedStore):
    """Memory, counting the checkpoint's saves."""

    def __init__(self) -> None:
        super().__init__()
        self.saves = 0

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        self.saves += 1
        return super().save_checkpoint(feed, owner, checkpoint)


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_burst_of_changes_is_saved_now_and_then_and_when_the_watch_stops(
    stand_in: StandIn[Any], asynchronous: bool
) -> None:
    # A save per change made a burst quadratic (each save writes every change of the
    # last `overlap` seconds): thousands of changes took minutes and as many writes.
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(40)]
    store = CountingStore()

    async def consume(stop_after: int | None) -> list[Any]:
        seen: list[Any] = []
        async with (
            client_of(stand_in, sync=False) as client,
            contextlib.aclosing(watch_of(client, since=since, store=store, polls=1)) as watch,
        ):
            async for record in watch:
                seen.append(record.id)
                if len(seen) == stop_after:
                    break
        return seen

    def consume_sync(stop_after: int | None) -> list[Any]:
        seen: list[Any] = []
        with client_of(stand_in, sync=True) as client:
            for record in watch_of(client, since=since, store=store, polls=1):
                seen.append(record.id)
                if len(seen) == stop_after:
                    break
        return seen

    run = (lambda stop: asyncio.run(consume(stop))) if asynchronous else consume_sync
    first = run(10)  # stops early: what it handed over is saved as it stops
    assert first == created[:10]
    assert store.saves <= 3  # the starting point, perhaps one on the way, the stop
    rest = run(None)
    assert rest == created[9:]  # the 10th was yielded, never handed over: it comes again
    assert store.saves <= 6


@pytest.mark.anyio
async def test_an_async_watch_kept_in_this_processs_memory_needs_no_worker_thread() -> None:
    """anyio's worker threads are the application's too: with every one busy, a watch
    whose checkpoints live in memory waited for a free thread at each lease and save."""
    import anyio

    threads = anyio.to_thread.current_default_thread_limiter()
    freed = threading.Event()
    watchdog = threading.Timer(20, freed.set)  # frees the pool's thread should the test hang
    with serve_stand_in("join") as join_stand_in:
        threads_before, threads.total_tokens = threads.total_tokens, 1
        watchdog.start()
        try:
            async with anyio.create_task_group() as group:
                group.start_soon(lambda: anyio.to_thread.run_sync(freed.wait))  # the one thread
                await anyio.sleep(0.05)
                async with join_stand_in.async_client() as join:
                    since = datetime(2000, 1, 1, tzinfo=UTC)
                    watched = [a.id async for a in join.watch_applications(since=since, polls=1)]
                returned_before_the_thread_was_free = not freed.is_set()
                freed.set()
        finally:
            watchdog.cancel()
            threads.total_tokens = threads_before
    assert returned_before_the_thread_was_free
    assert len(watched) == len(set(watched)) > 0


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_save_keeps_the_other_feeds_entries_of_a_shared_file_as_they_were(
    stand_in: StandIn[Any], tmp_path: Any
) -> None:
    # Each entry was rewritten through str(): a JSON object became its Python repr and
    # null became "None", both unreadable afterwards (the upgrade hunt).
    checkpoint = tmp_path / "checkpoints.json"
    others = {"feed-b": {"format": 2, "after": "2026-01-01T00:00:00+00:00"}, "feed-c": None}
    checkpoint.write_text(json.dumps(others))
    with client_of(stand_in, sync=True) as client:
        creator(stand_in)(client)
        since = datetime.now(UTC) - timedelta(seconds=5)
        handed = list(watch_of(client, since=since, store=checkpoint, polls=1, interval=INTERVAL))
    saved = json.loads(checkpoint.read_text())
    assert len(handed) == 1
    assert {name: saved[name] for name in others} == others
    (own,) = set(saved) - set(others)
    assert json.loads(saved[own])["format"] == CHECKPOINT_FORMAT


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ('{"format": 2, "after": "2026-01-01T00:00:00+00:00", "seen": []}', "format is 2"),
        ('{"after": ', "not JSON"),
        ({"after": "2026-01-01T00:00:00+00:00"}, "not text"),
    ],
)
def test_an_unreadable_checkpoint_names_its_feed_and_file_and_is_left_as_it_was(
    stand_in: StandIn[Any], tmp_path: Any, entry: object, reason: str
) -> None:
    checkpoint = tmp_path / "checkpoints.json"
    checkpoint.write_text(json.dumps({"applications-a": entry}))
    before = checkpoint.read_text()
    with client_of(stand_in, sync=True) as client, pytest.raises(InvalidInputError) as caught:
        list(client.watch_applications(name="applications-a", store=checkpoint, polls=1))
    message = str(caught.value)
    assert caught.value.field == "checkpoint"
    assert "watch applications-a" in message
    assert str(checkpoint) in message
    assert reason in message
    assert checkpoint.read_text() == before


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_checkpoint_file_emptied_by_a_cut_short_save_stops_the_watch(
    stand_in: StandIn[Any], tmp_path: Any
) -> None:
    """An empty file read as no checkpoint: after a power loss cut a save short, the watch
    started again from now and passed over everything that had changed meanwhile."""
    checkpoint = tmp_path / "checkpoints.json"
    options = {"name": "applications-e", "store": checkpoint, "polls": 1, "interval": INTERVAL}
    with client_of(stand_in, sync=True) as client:
        list(client.watch_applications(**options))
        checkpoint.write_text("")
        made_meanwhile = creator(stand_in)(client)
        with pytest.raises(InvalidInputError) as caught:
            list(client.watch_applications(**options))
        assert caught.value.field == "checkpoint"
        assert f"watch applications-e: {checkpoint} is empty" in str(caught.value)
        assert checkpoint.read_text() == ""  # left for its owner to judge
        checkpoint.unlink()  # starting again, on purpose: from `since`
        since = datetime.now(UTC) - timedelta(minutes=5)
        handed = [a.id for a in client.watch_applications(**options, since=since)]
    assert made_meanwhile in handed


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize("kind", ["memory", "file", "redis"])
def test_a_watch_without_a_checkpoint_says_where_it_looked_and_whence_it_starts(
    stand_in: StandIn[Any],
    tmp_path: Any,
    kind: str,
    request: pytest.FixtureRequest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A watch starting afresh (a checkpoint file on a volume not mounted, a Redis that
    lost its data) said nothing: it looked like one resuming."""
    caplog.set_level("INFO", logger="hirelink.feeds")
    store = {"memory": "memory", "file": tmp_path / "checkpoints.json"}.get(kind)
    if kind == "redis":
        store = request.getfixturevalue("redis_url")
    place = {
        "memory": "this process's memory",
        "file": str(store),
        "redis": f"Redis key {RedisFeedStore.keys('applications-f')[1]!r}",
    }[kind]
    since = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    options = {"name": "applications-f", "store": store, "polls": 1, "since": since}
    with client_of(stand_in, sync=True) as client:
        list(client.watch_applications(**options))
        said = [r for r in caplog.records if "no checkpoint" in r.getMessage()]
        assert [r.levelname for r in said] == ["INFO"]
        assert said[0].getMessage() == (
            f"watch applications-f: no checkpoint in {place}; starting from"
            " 2026-01-02T03:04:05+00:00"
        )
        assert "hirelink-pw" not in caplog.text  # the Redis URL's password
        caplog.clear()
        list(client.watch_applications(**options))  # resumes: nothing to say
    assert not [r for r in caplog.records if "no checkpoint" in r.getMessage()]


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_an_unreadable_checkpoint_in_redis_names_its_key(
    stand_in: StandIn[Any], redis_url: str
) -> None:
    _, key = RedisFeedStore.keys("applications-b")
    redis.Redis.from_url(redis_url).set(key, '{"format": 2}')
    with client_of(stand_in, sync=True) as client, pytest.raises(InvalidInputError) as caught:
        list(client.watch_applications(name="applications-b", store=redis_url, polls=1))
    assert repr(key) in str(caught.value)
    assert "format is 2" in str(caught.value)


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_checkpoint_saved_ahead_of_the_clock_goes_on_from_now(
    stand_in: StandIn[Any], tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # An earlier release moved checkpoints into the future (a record stamped ahead, a
    # naive since east of UTC); loaded as it was, it kept hiding every change (review 30).
    # Pulled back in memory only, it was pulled back again by each restart, to its own
    # now: what was made between two runs further apart than the overlap never came.
    checkpoint = tmp_path / "checkpoints.json"
    ahead = {"format": 1, "after": "2027-06-01T00:00:00+00:00", "seen": []}
    checkpoint.write_text(json.dumps({"applications-c": json.dumps(ahead)}))
    with client_of(stand_in, sync=True) as client:
        options = {"name": "applications-c", "store": checkpoint, "polls": 1}
        list(client.watch_applications(**options))  # from now on (less its overlap)
        assert "ahead of this host's clock" in caplog.text
        saved = json.loads(json.loads(checkpoint.read_text())["applications-c"])
        assert datetime.fromisoformat(saved["after"]) <= datetime.now(UTC)
        caplog.clear()
        made_later = creator(stand_in)(client)
        assert [a.id for a in client.watch_applications(**options)] == [made_later]
    assert "ahead of this host's clock" not in caplog.text


class _AnyDatetime(type):
    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, datetime)  # the records' datetimes are read with it too


class HostClock(datetime, metaclass=_AnyDatetime):
    """The ``datetime`` of :mod:`hirelink.core.feeds` in a test: its ``now`` is ``off``
    from the real clock (patch ``off`` with monkeypatch, which puts it back)."""

    off = timedelta(0)

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
        return datetime.now(tz) + cls.off


def test_a_watch_started_while_the_clock_ran_ahead_sees_changes_once_it_is_set_right(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Its `since` (now, by a clock ten minutes ahead) was saved at once, and only a loaded
    # checkpoint was pulled back: the running watch saw nothing for those ten minutes.
    monkeypatch.setattr(feeds, "datetime", HostClock)
    monkeypatch.setattr(HostClock, "off", timedelta(minutes=10))
    made: list[Any] = []

    def between_polls(feed: Any, seconds: float, closing: Any) -> None:
        HostClock.off = timedelta(0)  # NTP set the clock right, then an application came
        if not made:
            made.append(creator(stand_in)(client))

    monkeypatch.setattr(feeds.Feed, "pause", between_polls)
    with serve_stand_in("join", applications=0) as stand_in, stand_in.client() as client:
        handed = [a.id for a in client.watch_applications(store=MemoryFeedStore(), polls=2)]
    assert made
    assert handed == made
    assert "ahead of this host's clock" in caplog.text


def test_todays_date_east_of_utc_starts_a_watch_no_later_than_now(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A date is its midnight UTC: `date.today()` at 09:00 in Sydney (23:00 UTC the day
    # before) named a midnight still ahead, and the watch refused it as in the future.
    caplog.set_level("INFO", logger="hirelink.feeds")
    sydney_today = datetime.now(UTC).date()
    sydney_midnight_utc = datetime.combine(sydney_today, datetime.min.time(), UTC)
    utc_evening_before = sydney_midnight_utc - timedelta(hours=1)
    monkeypatch.setattr(feeds, "datetime", HostClock)
    monkeypatch.setattr(HostClock, "off", utc_evening_before - datetime.now(UTC))
    with serve_stand_in("join") as stand_in, stand_in.client() as client:
        list(client.watch_applications(since=sydney_today, store=MemoryFeedStore(), polls=1))
        (said,) = [r.getMessage() for r in caplog.records if "no checkpoint" in r.getMessage()]
        start = datetime.fromisoformat(said.rpartition(" ")[2])
        assert utc_evening_before <= start < utc_evening_before + timedelta(minutes=1)
        # A date that is today nowhere yet (it is 13:00 at UTC+14) is still refused.
        with pytest.raises(InvalidInputError) as caught:
            client.watch_applications(since=sydney_today + timedelta(days=1), polls=1)
        assert caught.value.field == "since"
        assert "in the future" in str(caught.value)


def test_a_long_interval_gives_a_lease_within_the_limit() -> None:
    # The default lease (three intervals) went past the year cap: an option the caller
    # never gave was refused (review 30).
    feed = Feed.declare(
        "x", lambda moment: None,  # type: ignore[arg-type,return-value]
        timestamp=str, key=id, options={"interval": 150 * 24 * 3600.0},
    )  # fmt: skip
    assert feed.lease_ttl == LONGEST_SECONDS


def test_changes_stamped_ahead_of_the_clock_are_handed_over_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A provider whose clock runs ahead stamps every change so: one warning a change
    # flooded the log (review 30).
    ahead = datetime.now(UTC) + timedelta(hours=2)
    with serve_stand_in("join", clock=lambda: ahead) as stand_in, stand_in.client() as client:
        created = [creator(stand_in)(client) for _ in range(3)]
        since = datetime.now(UTC) - timedelta(minutes=1)
        handed = [a.id for a in client.watch_applications(since=since, polls=1)]
    assert sorted(handed) == sorted(created)
    assert caplog.text.count("ahead of this host's clock") == 1


class LeaseTakenAfter(MemoryFeedStore):
    """Memory whose lease another worker takes after ``grants`` acquisitions."""

    def __init__(self, grants: int) -> None:
        super().__init__()
        self.grants = grants

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        self.grants -= 1
        return self.grants >= 0 and super().acquire_lease(feed, owner, ttl)

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        return self.grants >= 0 and super().save_checkpoint(feed, owner, checkpoint)


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_says_when_it_waits_for_its_lease_and_when_it_loses_it(
    stand_in: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """A watch locked out of its feed (another worker, a forgotten process) logged nothing
    at any level, and looked like one that found no changes; one that lost its lease
    stopped handing changes over without a word."""
    caplog.set_level("INFO", logger="hirelink.feeds")
    since = datetime(2000, 1, 1, tzinfo=UTC)

    async def wait_a_while() -> None:
        async with client_of(stand_in, sync=False) as client:
            watch = watch_of(client, since=since, store=LeaseTakenAfter(0), interval=0.05)
            with anyio.move_on_after(0.5):
                async for _ in watch:
                    raise AssertionError("handed a change over without the lease")

    anyio.run(wait_a_while)
    waiting = [r for r in caplog.records if "another worker holds its lease" in r.getMessage()]
    assert len(waiting) == 1  # said once, not at every try
    assert waiting[0].levelname == "INFO"

    caplog.clear()
    with client_of(stand_in, sync=True) as client:
        handed = list(watch_of(client, since=since, store=LeaseTakenAfter(1), polls=1))
    assert handed  # the first lease: a poll's changes handed over
    lost = [r for r in caplog.records if "lost its lease to another worker" in r.getMessage()]
    assert len(lost) == 1
    assert lost[0].levelname == "WARNING"


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize("sync", [True, False], ids=["sync", "async"])
def test_a_watch_goes_on_through_an_outage_of_the_provider(
    stand_in: StandIn[Any], caplog: pytest.LogCaptureFixture, sync: bool
) -> None:
    """Three 503s in a row (a second of outage) raised out of the watch, which was over:
    a service watching a feed stopped for good unless it wrote its own restart loop."""
    since = datetime.now(UTC) - timedelta(seconds=1)
    outage = Fault(method="GET", path=r"/applications$", status=503, times=FOREVER)
    stand_in.faults.add(outage)
    create = creator(stand_in)

    def end_the_outage() -> None:
        wait_until(lambda: "a poll failed" in caplog.text, "a failed poll", timeout=30)
        stand_in.faults.remove(outage)
        with client_of(stand_in, sync=True) as client:
            created.append(create(client))

    created: list[Any] = []
    ending = threading.Thread(target=end_the_outage)
    ending.start()
    options = {"since": since, "interval": 0.05, "store": MemoryFeedStore()}
    if sync:
        with client_of(stand_in, sync=True, max_retries=0) as client:
            first = next(watch_of(client, **options))
    else:

        async def first_change() -> Any:
            async with (
                client_of(stand_in, sync=False, max_retries=0) as client,
                contextlib.aclosing(watch_of(client, **options)) as watch,
            ):
                return await anext(watch)

        first = anyio.run(first_change)
    ending.join()
    assert first.id == created[0]
    said = [r for r in caplog.records if "a poll failed" in r.getMessage()]
    assert said
    assert said[0].levelname == "WARNING"
    assert "polling again in 1 s, from its checkpoint" in said[0].getMessage()


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_told_not_to_keep_polling_raises_and_one_out_of_polls_too(
    stand_in: StandIn[Any],
) -> None:
    stand_in.faults.add(Fault(method="GET", path=r"/applications$", status=503, times=FOREVER))
    since = datetime(2000, 1, 1, tzinfo=UTC)
    with client_of(stand_in, sync=True, max_retries=0) as client:
        with pytest.raises(ServerError):
            next(watch_of(client, since=since, store=MemoryFeedStore(), keep_polling=False))
        with pytest.raises(ServerError):  # its one poll failed: nothing to go on with
            list(watch_of(client, since=since, store=MemoryFeedStore(), polls=1))
        with pytest.raises(InvalidInputError, match="keep_polling"):
            watch_of(client, keep_polling="yes")


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_told_to_stop_hands_nothing_more_over_saves_and_ends_its_wait_at_once(
    stand_in: StandIn[Any],
) -> None:
    # A sync watch in a thread could not be ended from another: its generator cannot be
    # closed while it runs, and it slept out its interval (here an hour).
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(3)]
    store, stop = MemoryFeedStore(), threading.Event()
    seen: list[Any] = []

    def consume() -> None:
        with client_of(stand_in, sync=True) as client:
            options = {"store": store, "name": "stopped", "interval": 3600.0, "stop": stop}
            for record in watch_of(client, since=since, **options):
                seen.append(record.id)
                if len(seen) == 2:
                    stop.set()  # the second is handed over as the next is asked for

    consuming = threading.Thread(target=consume)
    consuming.start()
    consuming.join(timeout=30)
    assert not consuming.is_alive()
    assert seen == created[:2]
    assert store.acquire_lease("stopped", "the next worker", 10.0)  # given up
    store.release_lease("stopped", "the next worker")

    # Stopped while it waits for its next poll, and resumed from where it stopped.
    stop.clear()
    consuming = threading.Thread(target=consume)
    seen.clear()
    consuming.start()
    wait_until(lambda: seen == created[2:], "the third record", timeout=30)
    stop.set()
    consuming.join(timeout=30)
    assert not consuming.is_alive()


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_stopped_during_a_poll_hands_over_nothing_it_read(stand_in: StandIn[Any]) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    with client_of(stand_in, sync=True) as client:
        created = [creator(stand_in)(client)]
    stand_in.faults.add(Fault(method="GET", path=r"/applications$", kind="hold"))
    store, stop = MemoryFeedStore(), threading.Event()
    seen: list[Any] = []

    def consume() -> None:
        with client_of(stand_in, sync=True) as client:
            options = {"store": store, "name": "held", "interval": 3600.0, "stop": stop}
            seen.extend(record.id for record in watch_of(client, since=since, **options))

    consuming = threading.Thread(target=consume)
    consuming.start()
    wait_until(lambda: not stand_in.faults.active, "the poll held by the stand-in", timeout=30)
    stop.set()
    stand_in.faults.release()  # answered in full: read, and not handed over
    consuming.join(timeout=30)
    assert not consuming.is_alive()
    assert seen == []
    with client_of(stand_in, sync=True) as client:  # it comes again
        assert [r.id for r in watch_of(client, store=store, name="held", polls=1)] == created


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize(("status", "raised"), [(503, None), (401, AuthenticationError)])
def test_a_watch_stopped_during_a_failing_call_ends_quietly_unless_the_failure_is_lasting(
    stand_in: StandIn[Any], status: int, raised: type[Exception] | None
) -> None:
    # A refused credential met while stopping was swallowed: the service shut down clean
    # and came back up to the same refusal, with nothing said the first time.
    stand_in.faults.add(Fault(method="GET", path=r"/applications$", status=status, delay=1.0))
    stop, outcome = threading.Event(), []

    def consume() -> None:
        with client_of(stand_in, sync=True, max_retries=0) as client:
            options = {"store": MemoryFeedStore(), "interval": 3600.0, "stop": stop}
            try:
                outcome.extend(watch_of(client, **options))
            except Exception as error:  # what the consumer sees
                outcome.append(error)

    consuming = threading.Thread(target=consume)
    consuming.start()
    wait_until(lambda: not stand_in.faults.active, "the failing call under way", timeout=30)
    stop.set()
    consuming.join(timeout=30)
    assert not consuming.is_alive()
    if raised is None:
        assert outcome == []
    else:
        assert [type(error) for error in outcome] == [raised]


def test_a_watch_interrupted_while_it_saves_as_it_stops_still_gives_its_lease_up() -> None:
    """A second Ctrl-C (or ``hirelink watch``'s signal sent again) during the last save
    skipped the release: the next worker waited out the lease's time to live."""

    class InterruptedSaves(MemoryFeedStore):
        interrupting = False

        def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
            if self.interrupting:
                raise KeyboardInterrupt
            return super().save_checkpoint(feed, owner, checkpoint)

    store = InterruptedSaves()
    with serve_stand_in("join") as join_stand_in, join_stand_in.client() as client:
        since = datetime.now(UTC) - timedelta(seconds=1)
        for _ in range(2):
            creator(join_stand_in)(client)
        watch = watch_of(client, since=since, store=store, name="interrupted")
        next(watch)
        next(watch)  # the first is handed over, to be saved as the watch stops
        store.interrupting = True
        with pytest.raises(KeyboardInterrupt):
            watch.close()
    assert store.acquire_lease("interrupted", "the next worker", 10.0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # forking a threaded process
@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_resumed_in_a_forked_child_is_refused_and_leaves_the_parents_lease(
    stand_in: StandIn[Any], redis_url: str
) -> None:
    # The child's copy held the parent's lease owner: it renewed the lease, polled, handed
    # over what the parent handed over too, and released the parent's lease when closed.
    since = datetime.now(UTC) - timedelta(seconds=1)
    with client_of(stand_in, sync=True) as client:
        created = [creator(stand_in)(client) for _ in range(2)]
    shared = redis.Redis.from_url(redis_url)
    options = {"since": since, "store": redis_url, "name": "forked", "interval": 3600.0}
    with (
        shared,
        client_of(stand_in, sync=True) as client,
        contextlib.closing(watch_of(client, **options)) as watch,
    ):
        assert next(watch).id == created[0]
        lease = "hirelink:feed:forked:lease"
        owner = shared.get(lease)
        assert owner

        def resumed_in_the_child() -> str:
            try:
                return f"handed over {next(watch).id}"
            except UnusableClientError as error:
                return str(error)
            finally:
                watch.close()

        said = answer_of_forked_child(resumed_in_the_child)
        assert "of which this one is a fork" in said
        assert shared.get(lease) == owner  # the parent's still
        assert next(watch).id == created[1]  # and the parent goes on
    assert not shared.exists(lease)  # released as the parent's watch closed


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_stop_that_is_no_event_and_one_given_to_an_async_watch_are_refused(
    stand_in: StandIn[Any],
) -> None:
    with client_of(stand_in, sync=True) as client, pytest.raises(InvalidInputError, match="stop"):
        watch_of(client, stop=True)

    async def watch_async() -> None:
        async with client_of(stand_in, sync=False) as client:
            watch_of(client, stop=threading.Event())

    with pytest.raises(InvalidInputError, match="cancelled"):
        asyncio.run(watch_async())


class _PausedError(Exception):
    """Raised by the watch's sleep, to see the pause it chose without waiting it out."""


def _first_pause(
    stand_in: StandIn[Any],
    monkeypatch: pytest.MonkeyPatch,
    outage: Fault,
    *,
    while_paused: Callable[[], object] = lambda: None,
    **options: Any,
) -> float:
    """The pause a watch chose after its first poll failed with ``outage``, not waited
    out (``while_paused`` runs in its place)."""
    pauses: list[float] = []

    def paused(feed: Any, seconds: float, closing: Any) -> None:
        pauses.append(seconds)
        while_paused()
        raise _PausedError

    monkeypatch.setattr(feeds.Feed, "pause", paused)
    stand_in.faults.add(outage)
    since = datetime(2000, 1, 1, tzinfo=UTC)
    with client_of(stand_in, sync=True, max_retries=0) as client, pytest.raises(_PausedError):
        next(watch_of(client, since=since, **options))
    (pause,) = pauses
    return pause


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize(
    ("status", "headers", "interval", "expected"),
    [
        (429, {"Retry-After": "120"}, 0.05, 120.0),  # beyond what the transport waits for
        (429, {"Retry-After": "99999999999"}, 0.05, 3600.0),  # overflowed time.sleep
        (503, {}, 3600.0, 3600.0),  # an hourly watch polled every 5 minutes in an outage
    ],
    ids=["asked", "asked-absurdly", "hourly"],
)
def test_a_watch_pauses_as_long_as_the_provider_asks_within_reason(
    stand_in: StandIn[Any],
    monkeypatch: pytest.MonkeyPatch,
    status: int,
    headers: dict[str, str],
    interval: float,
    expected: float,
) -> None:
    outage = Fault(
        method="GET", path=r"/applications$", status=status, times=FOREVER, headers=headers
    )
    pause = _first_pause(stand_in, monkeypatch, outage, store=MemoryFeedStore(), interval=interval)
    assert pause == expected


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize(
    ("kind", "kept"), [("status", True), ("drop", False)], ids=["answered", "unreachable"]
)
def test_a_watch_keeps_its_lease_while_it_pauses_when_the_provider_answered(
    stand_in: StandIn[Any], monkeypatch: pytest.MonkeyPatch, kind: FaultKind, kept: bool
) -> None:
    """After a 503 the lease lapsed during the pause, and every other worker polled at
    once, ignoring the provider's Retry-After and the backoff. A provider out of reach may
    be this host's fault alone: then the lease lapses, for a worker that can reach it."""
    store, held = MemoryFeedStore(), []

    def look_past_the_lease() -> None:
        time.sleep(0.6)  # twice the lease's time to live
        held.append(store._held_by_another("outage", "another worker"))

    outage = Fault(method="GET", path=r"/applications$", kind=kind, status=503, times=FOREVER)
    _first_pause(
        stand_in, monkeypatch, outage, while_paused=look_past_the_lease,
        store=store, name="outage", lease_ttl=0.3, interval=0.05,
    )  # fmt: skip
    assert held == [kept]


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_watch_waiting_for_one_left_open_in_this_process_warns_at_once(
    stand_in: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """A watch left by ``break`` and never closed keeps its lease: run again (a notebook's
    cell), the watch of the same feed waited for ever, saying so only at INFO."""
    since = datetime(2000, 1, 1, tzinfo=UTC)
    with client_of(stand_in, sync=True) as client:
        store = MemoryFeedStore()
        left_open = watch_of(client, since=since, store=store, interval=0.05)
        assert next(left_open) is not None  # then left, as by break
        again = watch_of(client, since=since, store=store, polls=1, interval=0.05)
        waiting = threading.Thread(target=list, args=(again,), daemon=True)
        waiting.start()
        wait_until(lambda: "left open" in caplog.text, "the warning")
        assert waiting.is_alive()
        left_open.close()
        waiting.join(10)
        assert not waiting.is_alive()  # closed, its lease is released at once
    said = [r for r in caplog.records if "in this process holds its lease" in r.getMessage()]
    assert [r.levelname for r in said] == ["WARNING"]


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_an_async_watch_left_by_an_error_releases_its_file_lease_as_asyncio_run_ends(
    stand_in: StandIn[Any], tmp_path: Any
) -> None:
    """A watch left by an exception without ``aclosing`` is closed by asyncio at the end of
    asyncio.run, which cancels the closing, shield or not: its lease was renewed for the
    life of the process, and a supervisor's restart (or another process) waited for ever."""
    since = datetime.now(UTC) - timedelta(seconds=1)
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as client:
        created = [create(client) for _ in range(2)]
    store = str(tmp_path / "watch.json")

    async def consume(fail: bool) -> Any:
        async with client_of(stand_in, sync=False) as client:
            options = {"since": since, "interval": INTERVAL, "store": store, "lease_ttl": 10.0}
            async for application in client.watch_applications(**options):
                if fail:
                    raise RuntimeError("the handler failed")
                return application.id  # left as well: the second change is handed over

    with pytest.raises(RuntimeError, match="handler failed"):
        asyncio.run(consume(fail=True))
    assert not [t for t in threading.enumerate() if t.name.startswith("hirelink-lease")]
    # The restart takes the lease at once, where it waited for the first run's to lapse.
    assert asyncio.run(asyncio.wait_for(consume(fail=False), 10)) == created[0]


def _lease_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("hirelink-lease")]


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_an_async_watch_waiting_for_its_next_poll_holds_no_thread(stand_in: StandIn[Any]) -> None:
    """A thread renewed each watch's lease for as long as it ran: a process following a
    thousand customers with async watches, each asleep between its polls, ran a thousand.
    Default options: the thread's wait, a third of the lease, is as long as the interval."""
    stand_in.sandbox.faults.add(Fault(path=r"/applications$", kind="delay", delay=0.5))

    async def watch() -> None:
        async with client_of(stand_in, sync=False) as client:
            changes = client.watch_applications(since=datetime.now(UTC), interval=60.0)
            polling = asyncio.create_task(anext(changes))  # nothing new: then it sleeps
            await await_until(_lease_threads, "the lease thread of the slow poll")
            await await_until(lambda: not _lease_threads(), "the lease thread to end")
            assert not polling.done()  # asleep until its next poll
            polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await polling
            await changes.aclose()

    asyncio.run(watch())


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_sync_watch_waiting_for_its_next_poll_holds_no_thread(stand_in: StandIn[Any]) -> None:
    stand_in.sandbox.faults.add(Fault(path=r"/applications$", kind="delay", delay=0.5))
    stop = threading.Event()
    with client_of(stand_in, sync=True) as client:
        changes = client.watch_applications(since=datetime.now(UTC), interval=60.0, stop=stop)
        polling = threading.Thread(target=next, args=(changes, None))  # then it sleeps
        polling.start()
        wait_until(_lease_threads, "the lease thread of the slow poll")
        wait_until(lambda: not _lease_threads(), "the lease thread to end")
        assert polling.is_alive()  # asleep until its next poll
        stop.set()
        polling.join(10)
    assert not polling.is_alive()


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_an_async_watch_whose_store_fails_to_release_stops_once(stand_in: StandIn[Any]) -> None:
    """A failing stop is raised, not run again on the event loop's thread (a store of the
    application's is asked on a worker thread, and may call into the loop)."""

    class ReleaseFails(MemoryFeedStore):
        releases = 0

        def release_lease(self, feed: str, owner: str) -> None:
            ReleaseFails.releases += 1
            raise RuntimeError("the store could not release")

    async def consume() -> None:
        async with client_of(stand_in, sync=False) as client:
            options = {"interval": INTERVAL, "store": ReleaseFails(), "polls": 1}
            async for _ in client.watch_applications(**options):
                pass

    with pytest.raises(RuntimeError, match="could not release"):
        asyncio.run(consume())
    assert ReleaseFails.releases == 1


@pytest.mark.parametrize("stand_in", ["join", "recruitee", "personio"], indirect=True)
def test_closing_a_client_ends_its_watches_and_releases_their_leases(
    stand_in: StandIn[Any],
) -> None:
    """A watch suspended at a change (left unreachable in a cycle by a failing test, say)
    kept its lease renewed by its keeper thread after its client closed: the next watch of
    the feed waited for ever."""
    since, store = datetime(2000, 1, 1, tzinfo=UTC), MemoryFeedStore()
    with client_of(stand_in, sync=True) as client:
        left = watch_of(client, since=since, store=store, interval=INTERVAL)
        first = next(left)
    stop = threading.Event()
    give_up = threading.Timer(10, stop.set)  # it waited for ever for the lease
    give_up.start()
    with client_of(stand_in, sync=True) as client:
        again = watch_of(client, since=since, store=store, interval=INTERVAL, stop=stop)
        second = next(again, None)
        again.close()
    give_up.cancel()
    assert second is not None
    assert key_of(stand_in, second) == key_of(stand_in, first)  # it comes again
    with pytest.raises(UnusableClientError, match="its client was closed"):
        next(left)
    assert not [t for t in threading.enumerate() if t.name.startswith("hirelink-lease")]


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_closing_an_async_client_ends_its_watches_and_releases_their_leases(
    stand_in: StandIn[Any], tmp_path: Any
) -> None:
    since, store = datetime(2000, 1, 1, tzinfo=UTC), str(tmp_path / "watch.json")

    async def main() -> tuple[Any, Any]:
        async with client_of(stand_in, sync=False) as client:
            left = watch_of(client, since=since, store=store, interval=INTERVAL)
            first = await left.__anext__()
        async with client_of(stand_in, sync=False) as client:
            again = watch_of(client, since=since, store=store, polls=1, interval=INTERVAL)
            with anyio.fail_after(10):  # it waited for ever for the lease
                second = await again.__anext__()
            await again.aclose()
        with pytest.raises(UnusableClientError, match="its client was closed"):
            await left.__anext__()
        return first, second

    first, second = asyncio.run(main())
    assert second.id == first.id


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_an_async_close_cut_short_while_the_store_threads_are_busy_still_ends_its_watches(
    stand_in: StandIn[Any], tmp_path: Any
) -> None:
    """The watches were marked closed only once a store thread ran their stop: with every
    store thread held (a stalled Redis), and the close given up on (a timeout around it),
    the watch went on handing changes over."""
    since, store = datetime(2000, 1, 1, tzinfo=UTC), str(tmp_path / "watch.json")

    async def main() -> None:
        client = client_of(stand_in, sync=False)
        left = watch_of(client, since=since, store=store, interval=INTERVAL)
        await left.__anext__()
        stalled = threading.Event()
        async with anyio.create_task_group() as holders:
            for _ in range(STORE_THREADS.capacity):
                holders.start_soon(STORE_THREADS.run, stalled.wait)
            await anyio.sleep(0.2)  # every store thread taken
            with anyio.move_on_after(0.3):
                await client.aclose()
            asked = asyncio.ensure_future(left.__anext__())  # its own end waits for a thread
            await anyio.sleep(0.2)
            stalled.set()
        with pytest.raises(UnusableClientError, match="its client was closed"):
            await asked
        await client.aclose()

    asyncio.run(main())


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_a_client_closed_while_its_watch_saves_leaves_the_lease_free(
    stand_in: StandIn[Any],
) -> None:
    """The close released the lease while the watch's own save was renewing it: the save
    took it again, handed one more change over after the close, and the lease stayed held
    until it lapsed."""
    reached, proceed = threading.Event(), threading.Event()

    class Paused(MemoryFeedStore):
        armed = False

        def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
            if Paused.armed and threading.current_thread().name == "consumer":
                Paused.armed = False
                reached.set()
                proceed.wait(10)
            return super().acquire_lease(feed, owner, ttl)

    store, handed = Paused(), []
    create = creator(stand_in)
    with client_of(stand_in, sync=True) as maker:
        for _ in range(3):
            create(maker)
    client = client_of(stand_in, sync=True)
    since = datetime(2000, 1, 1, tzinfo=UTC)
    changes = watch_of(client, since=since, store=store, interval=INTERVAL)

    def consume() -> None:
        handed.append(next(changes).id)
        time.sleep(feeds.SAVE_EVERY + 0.2)  # the next change's mark makes a save due
        Paused.armed = True
        with contextlib.suppress(UnusableClientError):
            handed.append(next(changes).id)
            handed.append(next(changes).id)

    consumer = threading.Thread(target=consume, name="consumer")
    consumer.start()
    assert reached.wait(10)
    client.close()
    proceed.set()
    consumer.join(10)
    assert len(handed) == 1  # the change out at the close, and none after it
    assert store._leases == {}  # the next watch takes the feed at once


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@pytest.mark.parametrize("sync", [True, False], ids=["sync", "async"])
def test_a_record_changed_onto_a_page_already_read_comes_in_the_next_poll(sync: bool) -> None:
    """The checkpoint moved to the newest change a poll read: a record changed while the
    walk ran, onto a page it had read, and stamped before a change read on a later page,
    was behind the checkpoint for good (JOIN hunt)."""
    since = datetime.now(UTC) - timedelta(hours=1)
    with serve_stand_in("join") as stand_in:
        state = stand_in.sandbox.state
        ids = state.application_ids()  # newest created first: the list order
        changed_late, read_late = ids[10], ids[110]  # on the first page, on the third
        for application_id in ids:
            state.applications.update(application_id, lastUpdatedAt=_stamp(since))
        state.applications.update(changed_late, lastUpdatedAt=_stamp(since - timedelta(days=1)))
        listing = state.list_applications
        hooked: list[int] = []

        def list_changing(params: Any) -> Any:
            if params.get("page") == 2 and not hooked:  # the first page is read
                hooked.append(1)
                state.applications.update(changed_late, lastUpdatedAt=_stamp(datetime.now(UTC)))
                time.sleep(1.05 - datetime.now(UTC).microsecond / 1e6)  # into the next second
                state.applications.update(read_late, lastUpdatedAt=_stamp(datetime.now(UTC)))
            return listing(params)

        state.list_applications = list_changing  # type: ignore[method-assign]
        options: WatchOptions = {"since": since, "interval": 0.05, "polls": 2, "overlap": 0}
        options["store"] = MemoryFeedStore()
        if sync:
            with Join(**stand_in.client_kwargs()) as join:
                yielded = [application.id for application in join.watch_applications(**options)]
        else:

            async def watch() -> list[int]:
                async with AsyncJoin(**stand_in.client_kwargs()) as join:
                    return [a.id async for a in join.watch_applications(**options)]

            yielded = asyncio.run(watch())
    assert hooked
    assert changed_late in yielded
    assert yielded.count(read_late) == 1  # read again in the next poll, and known


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
@pytest.mark.parametrize("stop_given", [False, True])
def test_closing_the_client_ends_a_watch_paused_between_polls(
    stand_in: StandIn[Any], stop_given: bool
) -> None:
    """Concurrency hunt: the watch slept out the rest of its interval (up to five minutes
    after failed polls), with or without a ``stop`` event, before it saw the close."""
    since = datetime(2000, 1, 1, tzinfo=UTC)
    ended: list[BaseException] = []
    handed_over = threading.Event()
    options: dict[str, Any] = {"since": since, "interval": 600, "store": MemoryFeedStore()}
    if stop_given:
        options["stop"] = threading.Event()
    client = client_of(stand_in, sync=True)

    def watching() -> None:
        try:
            for _ in watch_of(client, **options):
                handed_over.set()
        except BaseException as error:
            ended.append(error)

    worker = threading.Thread(target=watching, daemon=True)
    worker.start()
    assert handed_over.wait(30)
    time.sleep(0.3)  # the first poll is over: the watch pauses for 600 s
    client.close()
    worker.join(30)  # a bound, not a figure: it ended within a second or two
    assert not worker.is_alive()
    assert [type(error) for error in ended] == [UnusableClientError]


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_closing_an_async_client_ends_its_watch_paused_between_polls(
    stand_in: StandIn[Any],
) -> None:
    async def main() -> None:
        client = client_of(stand_in, sync=False)
        watch = watch_of(client, since=datetime(2000, 1, 1, tzinfo=UTC), interval=600)

        async def drain() -> None:
            async for _ in watch:
                pass

        draining = asyncio.ensure_future(drain())
        await anyio.sleep(1.0)  # the first poll is over: the watch pauses for 600 s
        await client.aclose()
        with anyio.fail_after(30), pytest.raises(UnusableClientError):
            await draining

    asyncio.run(main())


@pytest.mark.parametrize("stand_in", ["join"], indirect=True)
def test_an_async_client_closed_from_another_thread_ends_its_paused_watch(
    stand_in: StandIn[Any],
) -> None:
    """Review: the watch's event was set from the closing thread's loop; under asyncio's
    debug mode that raised, the client stayed open and the watch never woke (without it,
    the watch slept out its interval)."""
    client = client_of(stand_in, sync=False)
    ended: list[BaseException] = []
    paused = threading.Event()

    async def watching() -> None:
        watch = watch_of(client, since=datetime(2000, 1, 1, tzinfo=UTC), interval=600)
        try:
            async for _ in watch:
                paused.set()
        except BaseException as error:
            ended.append(error)

    worker = threading.Thread(target=lambda: asyncio.run(watching(), debug=True), daemon=True)
    worker.start()
    assert paused.wait(30)
    time.sleep(0.5)  # the first poll is over: the watch pauses for 600 s
    asyncio.run(client.aclose(), debug=True)
    worker.join(30)  # a bound, not a figure
    assert not worker.is_alive()
    assert [type(error) for error in ended] == [UnusableClientError]
