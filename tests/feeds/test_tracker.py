"""The sans-I/O part of change feeds: what is new, and the checkpoint."""

from __future__ import annotations

import errno
import json
import os
import threading
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hirelink.api.join.models import Application
from hirelink.api.personio.models import LocalDateTime
from hirelink.core import InvalidInputError, feeds, file_updates
from hirelink.core.feeds import (
    MEMORY,
    Feed,
    FeedTracker,
    FileFeedStore,
    MemoryFeedStore,
    RedisFeedStore,
    feed_store,
)
from hirelink.core.operations import declarations
from hirelink.core.stores import RedisStore, resolve_store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Record:
    id: int
    updated_at: datetime | str | None


def changes(tracker: FeedTracker, records: list[Record]) -> list[int]:
    """Hand every selected record over, as a watch does; their ids."""
    handed = []
    for record, change, moment in tracker.select(records, lambda r: r.updated_at, lambda r: r.id):
        handed.append(record.id)
        tracker.mark(change, moment)
    return handed


def test_equal_timestamps_at_a_poll_edge_are_neither_lost_nor_repeated() -> None:
    tracker = FeedTracker(T0, timedelta(seconds=5))
    edge = T0 + timedelta(seconds=10)
    first_poll = [Record(1, T0 + timedelta(seconds=1)), Record(2, edge)]
    assert changes(tracker, first_poll) == [1, 2]
    assert tracker.after == edge
    assert tracker.query_from() == edge - timedelta(seconds=5)
    # Record 3 shares record 2's timestamp but was committed after the first poll read.
    second_poll = [Record(2, edge), Record(3, edge)]
    assert changes(tracker, second_poll) == [3]
    assert changes(tracker, second_poll) == []


def test_a_reloaded_checkpoint_forgets_its_changes_once_the_floor_passes_them() -> None:
    tracker = FeedTracker(T0, timedelta(seconds=5))
    assert changes(
        tracker, [Record(1, T0 + timedelta(seconds=1)), Record(2, T0 + timedelta(seconds=4))]
    ) == [1, 2]
    reloaded = FeedTracker.load(tracker.dump(), timedelta(seconds=5))
    assert changes(reloaded, [Record(3, T0 + timedelta(seconds=8))]) == [3]  # floor: T0 + 3 s
    assert sorted(change.partition("@")[0] for change in reloaded.seen) == ["2", "3"]
    assert changes(reloaded, [Record(2, T0 + timedelta(seconds=4))]) == []  # still seen


def test_a_record_changed_again_comes_again_and_order_is_by_time() -> None:
    tracker = FeedTracker(T0)
    assert changes(tracker, [Record(7, T0 + timedelta(seconds=3)), Record(8, T0)]) == [8, 7]
    changed = Record(8, (T0 + timedelta(minutes=1)).isoformat().replace("+00:00", "Z"))
    assert changes(tracker, [changed, Record(7, T0 + timedelta(seconds=3))]) == [8]


@pytest.mark.parametrize("stamp", ["2026-01-05T10:00:00z", "2026-01-05t10:00:00Z"])
def test_a_text_stamp_in_lower_case_is_a_change_time(stamp: str) -> None:
    # RFC 3339 allows a lower-case t and z: a custom feed's stamp so written was passed
    # over as "without a readable change time".
    tracker = FeedTracker(datetime(2026, 1, 5, 9, tzinfo=UTC))
    assert changes(tracker, [Record(4, stamp)]) == [4]


def test_a_second_change_under_one_coarse_stamp_comes_when_content_tells_it_apart() -> None:
    # Personio stamps whole seconds: an application seen, then moved to a stage within the
    # same second, shows the same stamp. With a revision (its content) it comes again;
    # listed again unchanged, or with its members in another order, it does not.
    @dataclass
    class Application:
        id: int
        updated_at: datetime
        stage: str
        tags: list[str]

    def handed(tracker: FeedTracker, records: list[Application]) -> list[str]:
        selected = tracker.select(
            records, lambda r: r.updated_at, lambda r: r.id, revision=lambda r: vars(r)
        )
        for _, change, moment in selected:
            tracker.mark(change, moment)
        return [record.stage for record, _, _ in selected]

    tracker = FeedTracker(T0)
    stamp = T0 + timedelta(seconds=2)
    assert handed(tracker, [Application(1, stamp, "Unassigned", ["a", "b"])]) == ["Unassigned"]
    assert handed(tracker, [Application(1, stamp, "Unassigned", ["b", "a"])]) == []
    assert handed(tracker, [Application(1, stamp, "Interview", ["a", "b"])]) == ["Interview"]
    assert handed(tracker, [Application(1, stamp, "Interview", ["a", "b"])]) == []
    restored = FeedTracker.load(tracker.dump(), tracker.overlap)
    assert handed(restored, [Application(1, stamp, "Interview", ["a", "b"])]) == []
    # Without a revision (a creation feed), the same record is one change, as before.
    plain = FeedTracker(T0)
    assert changes(plain, [Record(1, stamp)]) == [1]
    assert changes(plain, [Record(1, stamp)]) == []


def test_personio_and_join_watches_tell_same_stamp_changes_by_content() -> None:
    from hirelink.join import Join
    from hirelink.personio import Personio

    join = Join(token="t0ken-value", base_url="http://127.0.0.1:9")
    personio = Personio(
        subdomain="acme", client_id="id-value", client_secret="s3cret-value",
        base_url="http://127.0.0.1:9",
    )  # fmt: skip
    with join, personio:
        for client in (join, personio):
            declaration = declarations(type(client))["watch_applications"]
            feed = declaration.build(client, polls=1)  # what the watch polls; sends nothing
            assert isinstance(feed, Feed)
            assert feed.revision is not None
        # JOIN's attachment URLs are pre-signed, so they may differ in every answer: an
        # application whose only difference is that URL has not changed.
        feed = declarations(Join)["watch_applications"].build(join, polls=1)
        assert feed.revision is not None

        def application(state: str, signature: str) -> Application:
            return Application.from_dict(
                {"id": 51000001, "hiringState": state, "attachments": [
                    {"id": 7, "type": "CV", "url": f"https://files.example/cv/7?sig={signature}"}
                ]}
            )  # fmt: skip

        tracker = FeedTracker(T0)
        stamp = T0 + timedelta(seconds=1)

        def new(record: Application) -> bool:
            selected = tracker.select(
                [record], lambda _: stamp, lambda r: r.id, None, feed.revision
            )
            for _, change, moment in selected:
                tracker.mark(change, moment)
            return bool(selected)

        assert new(application("APPLIED", "abc"))
        assert not new(application("APPLIED", "def"))  # only the signature differs
        assert new(application("HIRED", "ghi"))


def test_a_watch_from_the_year_1_asks_from_the_year_1() -> None:
    # `since=date(1, 1, 1)` ("everything"): reaching back `overlap` before it overflowed,
    # and the checkpoint saved first broke every later run.
    earliest = datetime.min.replace(tzinfo=UTC)
    tracker = FeedTracker(earliest, timedelta(seconds=5))
    assert tracker.query_from() == earliest
    assert changes(tracker, [Record(1, earliest), Record(2, T0)]) == [1, 2]
    assert FeedTracker.load(tracker.dump(), tracker.overlap).query_from() == T0 - tracker.overlap


def test_a_change_in_the_hour_the_clocks_go_back_is_not_dropped() -> None:
    """Personio stamps a wall time and its zone; in the repeated hour that names two
    instants and reads as the first (fold 0). Berlin repeats 02:00-03:00 on 2026-10-25."""

    def berlin(wall: str) -> datetime:
        stamp = {"date-time": f"2026-10-25T{wall}", "timezone": "Europe/Berlin"}
        return LocalDateTime.moment_from_json(stamp)

    tracker = FeedTracker(datetime(2026, 10, 25, 0, 0, tzinfo=UTC), timedelta(seconds=5))
    first = Record(1, berlin("02:50:00"))  # 00:50 UTC, before the clocks went back
    assert changes(tracker, [first]) == [1]
    assert tracker.after == datetime(2026, 10, 25, 0, 50, tzinfo=UTC)
    # 02:10 after the clocks went back is 01:10 UTC, but reads as 00:10 UTC.
    second = Record(2, berlin("02:10:00"))
    assert changes(tracker, [first, second]) == [2]
    assert changes(tracker, [first, second]) == []
    # The checkpoint did not jump an hour ahead on the ambiguous reading.
    assert tracker.after == datetime(2026, 10, 25, 0, 50, tzinfo=UTC)
    third = Record(3, berlin("03:05:00"))  # 02:05 UTC
    assert changes(tracker, [first, second, third]) == [3]
    assert changes(FeedTracker.load(tracker.dump(), tracker.overlap), [second, third]) == []


def test_records_before_the_checkpoint_or_without_a_time_are_skipped() -> None:
    tracker = FeedTracker(T0, timedelta(seconds=1))
    old = Record(1, T0 - timedelta(hours=1))
    assert changes(tracker, [old, Record(2, None), Record(3, "not a time")]) == []


def test_the_checkpoint_round_trips_and_forgets_what_it_no_longer_needs() -> None:
    tracker = FeedTracker(T0, timedelta(seconds=2))
    changes(tracker, [Record(1, T0), Record(2, T0 + timedelta(seconds=60))])
    assert len(tracker.seen) == 1  # record 1 fell out of the overlap window
    loaded = FeedTracker.load(tracker.dump(), timedelta(seconds=2))
    assert (loaded.after, loaded.seen) == (tracker.after, tracker.seen)


def test_a_lease_has_one_holder_and_only_the_holder_saves(tmp_path: Path) -> None:
    for store in (MemoryFeedStore(), FileFeedStore(tmp_path / "checkpoints.json")):
        assert store.acquire_lease("feed", "a", 30)
        assert store.save_checkpoint("feed", "a", "one")
        assert store.load_checkpoint("feed") == "one"
        # Watches sharing this store wait too, and cannot save or release it.
        assert not store.acquire_lease("feed", "b", 30)
        assert not store.save_checkpoint("feed", "b", "two")
        store.release_lease("feed", "b")
        assert not store.acquire_lease("feed", "b", 30)
        if isinstance(store, FileFeedStore):  # an flock: another process must wait
            assert not FileFeedStore(store.path).acquire_lease("feed", "b", 30)
            assert not FileFeedStore(store.path).save_checkpoint("feed", "b", "two")
        store.release_lease("feed", "a")
        assert store.acquire_lease("feed", "b", 30)
        store.release_lease("feed", "b")
        assert store.load_checkpoint("feed") == "one"


def test_a_checkpoint_path_that_is_a_link_stays_a_link_and_locks_with_its_target(
    tmp_path: Path,
) -> None:
    # Deployments link the path a watch is given to a persistent volume: each save
    # replaced the link with a file of its own, beside it, and the volume kept the first.
    volume = tmp_path / "volume"
    volume.mkdir()
    target = volume / "checkpoints.json"
    link = tmp_path / "checkpoints.json"
    link.symlink_to(target)
    through_link, at_target = FileFeedStore(link), FileFeedStore(target)
    assert through_link.acquire_lease("feed", "a", 30)
    assert through_link.save_checkpoint("feed", "a", "one")
    assert through_link.save_checkpoint("feed", "a", "two")
    assert link.is_symlink()
    assert json.loads(target.read_text()) == {"feed": "two"}
    # One lease, whichever name a worker was given.
    assert not at_target.acquire_lease("feed", "b", 30)
    through_link.release_lease("feed", "a")
    assert at_target.acquire_lease("feed", "b", 30)
    assert not through_link.acquire_lease("feed", "a", 30)
    at_target.release_lease("feed", "b")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["checkpoints.json", "volume"]


def test_watches_of_several_feeds_share_one_checkpoint_file(tmp_path: Path) -> None:
    path = tmp_path / "checkpoints.json"
    failures: list[BaseException] = []

    def save_many(feed: str) -> None:
        store = FileFeedStore(path)  # each watch builds its own, as feed_store(path) does
        assert store.acquire_lease(feed, "owner", 30)
        try:
            for number in range(200):
                assert store.save_checkpoint(feed, "owner", f"{feed}-{number}")
        except BaseException as error:
            failures.append(error)
        finally:
            store.release_lease(feed, "owner")

    workers = [threading.Thread(target=save_many, args=(f"feed-{n}",)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert json.loads(path.read_text()) == {f"feed-{n}": f"feed-{n}-199" for n in range(3)}


def test_the_store_option_picks_memory_a_file_or_redis(tmp_path: Path) -> None:
    assert feed_store(None) is feeds.MEMORY  # the tests' own (conftest.py)
    assert feed_store("memory") is feeds.MEMORY
    assert isinstance(MEMORY, MemoryFeedStore)
    assert isinstance(feed_store(tmp_path / "c.json"), FileFeedStore)
    assert isinstance(feed_store(str(tmp_path / "c.json")), FileFeedStore)


@pytest.mark.parametrize("url", ["Redis://127.0.0.1:6379/0", "REDISS://cache.test:6380/0"])
def test_a_redis_url_is_known_by_its_scheme_in_any_case(url: str) -> None:
    """URL schemes are case-insensitive: a watch given ``Redis://...`` kept its checkpoint
    in a file named so, beside the process, and a client's ``store`` (which took the
    scheme) failed as a Redis URL it could not read."""
    assert isinstance(feed_store(url), RedisFeedStore)
    assert isinstance(resolve_store(url), RedisStore)
    assert isinstance(RedisStore(url), RedisStore)


def test_bad_watch_options_name_the_field() -> None:
    def declare(**options: object) -> None:
        Feed.declare(
            "x", lambda moment: None,  # type: ignore[arg-type,return-value]
            timestamp=str, key=id, options=options,  # type: ignore[arg-type]
        )  # fmt: skip

    for field, value in [("interval", 0), ("interval", "1"), ("polls", 0), ("since", "soon"),
                         ("name", ""), ("lease_ttl", -1), ("colour", "red")]:  # fmt: skip
        with pytest.raises(InvalidInputError) as caught:
            declare(**{field: value})
        assert caught.value.field == field


@pytest.mark.parametrize(
    "text", ["{}", "[]", '{"after": 5}', '{"after": "2026-01-01T00:00:00+00:00", "seen": 3}']
)
def test_a_checkpoint_of_another_shape_is_a_value_error(text: str) -> None:
    # The CLI names the --checkpoint file for a ValueError; a KeyError or TypeError
    # from such a file ended in a traceback.
    with pytest.raises(ValueError, match="not a checkpoint"):
        FeedTracker.load(text, timedelta(seconds=5))


def test_records_without_a_timestamp_are_reported_once_by_select() -> None:
    tracker = FeedTracker(datetime(2026, 1, 1, tzinfo=UTC))
    undated: list[Hashable] = []
    records: list[dict[str, Any]] = [
        {"id": 1, "at": None},
        {"id": 2, "at": "2026-01-02T00:00:00Z"},
    ]
    chosen = tracker.select(records, lambda r: r["at"], lambda r: r["id"], undated)
    assert [record["id"] for record, _, _ in chosen] == [2]
    assert undated == [1]


def test_an_empty_checkpoint_file_is_no_checkpoint_yet(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.json"
    path.write_text("")  # as mktemp and mkstemp leave it
    store = FileFeedStore(path)
    assert store.load_checkpoint("feed") is None
    assert store.acquire_lease("feed", "me", 10)
    assert store.save_checkpoint("feed", "me", '{"after": "x"}')
    assert json.loads(path.read_text()) == {"feed": '{"after": "x"}'}


def test_a_checkpoint_file_emptied_after_saves_is_refused_not_started_over(
    tmp_path: Path,
) -> None:
    """A save cut short (a power loss) left the file empty, which read as no checkpoint:
    every watch of it started again from now, and what changed meanwhile was lost."""
    path = tmp_path / "checkpoint.json"
    path.write_text("")  # as mktemp leaves it
    store = FileFeedStore(path)
    assert store.acquire_lease("applications", "me", 10)
    assert store.save_checkpoint("applications", "me", "saved")
    store.release_lease("applications", "me")
    path.write_text("")
    again = FileFeedStore(path)
    for feed in ("applications", "jobs"):  # jobs shares the file and lost its entry too
        with pytest.raises(InvalidInputError) as caught:
            again.load_checkpoint(feed)
        assert caught.value.field == "checkpoint"
        assert f"watch {feed}: {path} is empty" in str(caught.value)
        assert "delete the file" in str(caught.value)
    assert path.read_text() == ""
    path.unlink()  # starting again, on purpose
    assert again.load_checkpoint("applications") is None


def test_a_checkpoint_that_cannot_be_written_names_the_file_and_the_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk was a bare `[Errno 28] No space left on device`: which file, whose?"""

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    path = tmp_path / "checkpoint.json"
    store = FileFeedStore(path)
    assert store.acquire_lease("applications", "me", 10)
    monkeypatch.setattr(os, "fsync", disk_full)
    saying = "the checkpoint of watch applications was not saved: No space left on device"
    with pytest.raises(OSError, match=saying) as caught:
        store.save_checkpoint("applications", "me", "saved")
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.filename == str(path)
    assert not path.exists()
    assert [p.name for p in tmp_path.glob("*.tmp")] == []


@pytest.mark.parametrize("text", ["[1, 2, 3]", '"a string"', "not json {"])
def test_a_file_that_is_no_checkpoint_file_is_named_and_never_overwritten(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "notes.json"
    path.write_text(text)
    store = FileFeedStore(path)
    with pytest.raises(ValueError, match=r"notes\.json: not a checkpoint file"):
        store.load_checkpoint("feed")
    assert store.acquire_lease("feed", "me", 10)
    with pytest.raises(ValueError, match="not a checkpoint file"):
        store.save_checkpoint("feed", "me", '{"after": "x"}')
    assert path.read_text() == text


def test_a_file_system_without_locks_is_an_error_not_a_lease_held_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some network and FUSE mounts take no flock: the watch waited for the lease forever,
    saying nothing."""
    import fcntl

    def unsupported(fd: int, operation: int) -> None:
        raise OSError(errno.EOPNOTSUPP, "Operation not supported")

    monkeypatch.setattr(fcntl, "flock", unsupported)
    store = FileFeedStore(tmp_path / "checkpoints.json")
    with pytest.raises(OSError, match="takes no file locks") as caught:
        store.acquire_lease("feed", "a", 30)
    assert caught.value.errno == errno.EOPNOTSUPP


def test_without_flock_two_stores_of_one_file_in_a_process_lose_no_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no flock: the writers of one file in a process still take turns (each
    reads, changes and rewrites the whole file)."""
    monkeypatch.setattr(file_updates, "system_fcntl", lambda: None)
    path = tmp_path / "checkpoints.json"

    def save(feed: str) -> None:
        store = FileFeedStore(path)
        assert store.acquire_lease(feed, "owner", 30)
        for count in range(1, 201):
            assert store.save_checkpoint(feed, "owner", str(count))

    threads = [threading.Thread(target=save, args=(feed,)) for feed in ("jobs", "applications")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert json.loads(path.read_text()) == {"jobs": "200", "applications": "200"}


def test_a_record_stamped_ahead_of_the_clock_does_not_hide_the_changes_before_it() -> None:
    # One record stamped in 2027 moved the checkpoint there: every change stamped before
    # it was then below the next query (the time hunt).
    tracker = FeedTracker(T0, timedelta(seconds=5))
    ahead = Record(1, T0 + timedelta(days=400))
    assert changes_at(tracker, [ahead], now=T0) == [1]
    assert tracker.after == T0
    later = Record(2, T0 + timedelta(seconds=30))
    assert changes_at(tracker, [ahead, later], now=T0 + timedelta(seconds=40)) == [2]
    assert changes_at(tracker, [ahead, later], now=T0 + timedelta(seconds=50)) == []


def test_a_record_in_the_second_a_watch_started_is_not_passed_over() -> None:
    # Providers stamp whole seconds; the start of a watch has microseconds. With no
    # overlap, a record stamped in that second was below the floor and never handed over.
    tracker = FeedTracker(T0 + timedelta(microseconds=300_000), timedelta(0))
    assert tracker.query_from() == T0
    assert changes(tracker, [Record(1, T0)]) == [1]


def changes_at(tracker: FeedTracker, records: list[Record], *, now: datetime) -> list[int]:
    """:func:`changes`, marking with the host's clock at ``now`` as a watch does."""
    handed = []
    for record, change, moment in tracker.select(records, lambda r: r.updated_at, lambda r: r.id):
        handed.append(record.id)
        tracker.mark(change, moment, now=now)
    return handed


@pytest.mark.parametrize(
    ("option", "value"),
    [("since", datetime.now(UTC) + timedelta(days=365)), ("since", datetime(2026, 1, 1)),
     ("overlap", 1e15), ("lease_ttl", 1e300), ("interval", 1e10)],
)  # fmt: skip
def test_watch_options_a_watch_cannot_keep_are_refused_naming_them(
    option: str, value: object
) -> None:
    # A future or naive since was saved as the checkpoint at once (hiding changes until
    # then); huge durations raised a bare OverflowError or killed the lease thread.
    with pytest.raises(InvalidInputError) as caught:
        Feed.declare(
            "x", lambda moment: None,  # type: ignore[arg-type,return-value]
            timestamp=str, key=id, options={option: value},  # type: ignore[misc]
        )  # fmt: skip
    assert caught.value.field == option
