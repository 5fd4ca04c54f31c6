"""Change feeds: every record created or changed after a checkpoint, once per change.

Where a provider pushes nothing (JOIN, Personio's recruiting, new Recruitee candidates
without webhooks), a watch polls a list operation filtered by a timestamp
(``updated_after``) at an interval and yields what changed. A provider declares only
which list, which timestamp and which id (:class:`Feed`); the bookkeeping lives here:

- :class:`FeedTracker` (sans-I/O, like :mod:`hirelink.core.pagination`'s walkers): which
  moment to ask from, and which of the records a poll returned are new changes. A change
  is a record's id with its timestamp (and, where a provider's stamps are too coarse to
  tell two changes apart, a digest of its content): a record changed twice is yielded
  twice, one seen again unchanged is not. Each poll asks from ``overlap`` seconds before the newest
  timestamp seen, so records sharing a timestamp at a page's or a poll's edge, a
  provider comparing with ``>`` instead of ``>=``, or filters truncated to seconds lose
  nothing; the ids of changes already yielded inside that window are remembered.
- the checkpoint (the newest timestamp and those ids) lives in a :class:`FeedStore`:
  this process (:data:`MEMORY`, the default), a file (:class:`FileFeedStore`, one
  machine) or Redis (:class:`RedisFeedStore`, many). A watch started again with the
  same store resumes where it left off.
- delivery is at least once: the checkpoint moves past a record when the consumer asks
  for the next one, and is saved at least every :data:`SAVE_EVERY` seconds, at the end of
  each poll and when the watch stops, so a consumer killed while handling a record sees
  it again after a restart (with those handed over in the second before); nothing is
  lost by a restart. A list paged by position (offsets, page numbers) can still skip a
  record when others are deleted while one poll reads several pages (see each watch).
- a lease lets one worker poll a feed at a time: the others wait, and take over within
  ``lease_ttl`` plus one ``interval`` when the holder stops renewing it (it died). While
  a poll walks the list and while the consumer handles a change, a thread renews the
  lease (so a watch left open, or a consumer stuck on a change, keeps the feed). A
  checkpoint is only saved by the lease's holder.
- :func:`watch` and :func:`awatch` drive a feed with a client's ``run``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import heapq
import json
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import (
    AsyncGenerator,
    Callable,
    Generator,
    Hashable,
    Iterable,
    Iterator,
    MutableSet,
    Sequence,
)
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Final, Generic, Protocol, TypedDict, TypeVar, runtime_checkable

from . import file_updates, forks
from .calls import Call, Walk, worth_retrying
from .errors import (
    ApiError,
    HirelinkError,
    InvalidInputError,
    StoreUnavailableError,
    UnknownArgumentError,
    UnusableClientError,
)
from .file_updates import resolved
from .redaction import one_line
from .stores import (
    KEY_PREFIX,
    REDIS_SCHEMES,
    InProcessStore,
    RedisStore,
    milliseconds,
    resolve_store,
)
from .validation import (
    LONGEST_SECONDS,
    latest_today,
    no_control_characters,
    non_empty_str,
    positive_seconds,
    shape,
    utc_moment,
)

feeds_logger = logging.getLogger("hirelink.feeds")

__all__ = [
    "CHECKPOINT_FORMAT",
    "MEMORY",
    "SAVE_EVERY",
    "Feed",
    "FeedStore",
    "FeedTracker",
    "FileFeedStore",
    "MemoryFeedStore",
    "RedisFeedStore",
    "WatchOptions",
    "awatch",
    "feed_store",
    "watch",
]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_INTERVAL: Final = 30.0
DEFAULT_OVERLAP: Final = 5.0
SAVE_EVERY: Final = 1.0
"""Seconds between saves of a checkpoint while a poll's changes are handed over (and at
the end of each poll, and when the watch stops): a burst of thousands of changes is not
a store write each. A worker killed meanwhile sees at most this much again."""


class WatchOptions(TypedDict, total=False):
    """How a ``watch_*`` method polls (all optional)."""

    since: datetime | date
    """Where a feed without a checkpoint starts (default: now, by this host's clock; see
    ``overlap``). A checkpoint wins. A ``date`` is its midnight UTC, or now if that is
    later and the date is today somewhere (``date.today()`` east of UTC); a date after
    today at UTC+14 is refused."""
    interval: float
    """Seconds between polls (default 30)."""
    store: FeedStore | RedisStore | InProcessStore | str | Path
    """Where the checkpoint and the lease live: a :class:`FeedStore`, a Redis URL or a
    ``RedisStore`` (many workers), a file path (one machine); default ``$HIRELINK_STORE``,
    else this process."""
    name: str
    """The feed's name in the store (default: provider, account and list, with the API
    host when it is not the provider's own, such as a local stand-in's); give one per
    watch when one account has several independent consumers."""
    lease_ttl: float
    """Seconds a worker's lease lasts without renewal (default: 3 intervals, at least 10)."""
    overlap: float
    """Seconds each poll reaches back before the newest timestamp seen (default 5); it
    also absorbs the difference between this host's clock and the provider's, which a
    first poll from "now" depends on: raise it on a host whose clock may drift further."""
    polls: int
    """Stop after this many polls (default: never). Only polls made count: a worker waiting
    for the lease another worker holds has made none, and waits on."""
    keep_polling: bool
    """Whether a poll that failed with what :func:`~hirelink.core.worth_retrying` calls
    worth retrying (the provider out of reach, a 5xx, a 429, an answer lost) is made again
    (default True): after a pause growing from ``interval`` (at least a second) to five
    minutes, or as long as the provider asked, with a WARNING each time; the watch goes on
    from its checkpoint. False raises the error (as does any other, and a poll that failed
    when ``polls`` were used up)."""
    stop: threading.Event
    """Ends a sync watch when set, from another thread: a wait between polls, after a
    failed poll or for another worker's lease ends at once; a poll in progress ends after
    the call it is making (with its retries), handing over nothing of what it read. What
    was handed over is saved, the lease given up, and the loop over the watch ends.

    Sync clients only. The async clients' ``watch_*`` methods take these same options, so
    a type checker lets ``stop`` through there, but the call raises
    :class:`~hirelink.core.InvalidInputError` (naming ``stop``) before polling: an async
    watch ends when its task is cancelled."""


# --------------------------------------------------------------------------- tracker


_EARLIEST: Final = datetime.min.replace(tzinfo=UTC)
_A_SECOND: Final = timedelta(seconds=1)


def _moment(value: object) -> datetime | None:
    """``value`` as an instant in UTC; None when it is none, or outside the years 1 to 9999
    in UTC (a placeholder ``0001-01-01T00:00`` east of UTC: its OverflowError ended the
    watch at each restart)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        try:
            return value.astimezone(UTC)
        except OverflowError:
            return None
    if isinstance(value, str) and value:
        with contextlib.suppress(ValueError):  # RFC 3339 allows a lower-case t and z
            return _moment(datetime.fromisoformat(value.upper()))
    return None


def _readings(value: object) -> tuple[datetime, datetime] | None:
    """The earliest and the latest instant a timestamp may stand for, in UTC.

    They differ only for a wall time in an hour a zone repeats: Personio stamps a local
    time and its zone, and 02:30 on the night the clocks go back names two instants.
    """
    moment = _moment(value)
    if moment is None or not isinstance(value, datetime) or value.tzinfo is None:
        return None if moment is None else (moment, moment)
    other = _moment(value.replace(fold=1 - value.fold)) or moment
    return min(moment, other), max(moment, other)


def _change(key: Hashable, moment: datetime, revision: object = None) -> str:
    if revision is None:
        return f"{key}@{moment.isoformat()}"
    canonical = json.dumps(_canonical(revision), sort_keys=True, default=str)
    digest = hashlib.blake2b(canonical.encode(), digest_size=6).hexdigest()
    return f"{key}#{digest}@{moment.isoformat()}"


def _canonical(value: object) -> object:
    """``value`` with its lists in a fixed order: a provider listing the same members in
    another order has not changed the record."""
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        members = [_canonical(member) for member in value]
        return sorted(members, key=lambda member: json.dumps(member, sort_keys=True, default=str))
    return value


STILL_WAITING_EVERY: Final = 600.0
"""How often, in seconds, the log says again that a watch still waits for its lease."""

AHEAD_TOLERANCE: Final = timedelta(seconds=60)
"""How far ahead of the host's clock a watch's ``since`` may be, and a change's stamp
before a warning says so."""

CHECKPOINT_FORMAT: Final = 1
"""The form of the checkpoints :meth:`FeedTracker.dump` writes (the ``format`` member).
One of another form, a later release's, is refused rather than misread or overwritten."""


@dataclass
class FeedTracker:
    """The checkpoint of one feed and the choice of what is new (no I/O).

    ``after`` is the newest timestamp yielded; ``seen`` the changes (``"<id>@<iso>"``)
    yielded at or after ``after - overlap``. A timestamp that may stand for two instants
    (a wall time in a repeated hour) is new while its later reading is, and moves
    ``after`` only by its earlier one: it is neither dropped nor allowed to push the
    checkpoint past changes not yet read.
    """

    after: datetime
    overlap: timedelta = timedelta(seconds=DEFAULT_OVERLAP)
    seen: set[str] = field(default_factory=set)
    # ``seen`` by time, oldest first: forgetting what fell below the floor costs only what
    # is forgotten (a scan of ``seen`` per change made a burst of changes quadratic).
    _by_time: list[tuple[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_time = [(change.rpartition("@")[2], change) for change in self.seen]
        heapq.heapify(self._by_time)

    def query_from(self) -> datetime:
        """The oldest change a poll takes, in whole seconds (those providers stamp in: a
        record stamped in the second a watch started from was passed over with
        ``overlap=0``); the list is asked from a second before (:meth:`ask_from`)."""
        if self.after - _EARLIEST <= self.overlap:  # a watch from the year 1
            return _EARLIEST
        return (self.after - self.overlap).replace(microsecond=0)

    def ask_from(self) -> datetime:
        """The moment passed to the list's filter: a second before :meth:`query_from`, so
        that a filter comparing with ``>`` (Personio's ``updated_at.gt``) lists the
        changes stamped in that second too (with ``overlap=0`` one stamped in the
        checkpoint's second after a poll was never listed). :meth:`select` drops what is
        older than :meth:`query_from`."""
        floor = self.query_from()
        return max(floor, _EARLIEST + _A_SECOND) - _A_SECOND

    def select(
        self,
        records: Iterable[T],
        timestamp: Callable[[T], object],
        key: Callable[[T], Hashable],
        undated: list[Hashable] | None = None,
        revision: Callable[[T], object] | None = None,
    ) -> list[tuple[T, str, datetime]]:
        """The new changes among ``records``, oldest first, each with its change id. The
        key of a record without a readable timestamp is appended to ``undated``. With
        ``revision`` (what a record holds, e.g. its ``to_dict()``), a record whose content
        changed under the same timestamp is a new change too."""
        floor = self.query_from()
        fresh: dict[str, tuple[T, str, datetime]] = {}
        for record in records:
            readings = _readings(timestamp(record))
            if readings is None:
                if undated is not None:
                    undated.append(key(record))
                continue
            if readings[1] < floor:
                continue
            earliest, latest = readings
            change = _change(key(record), latest, revision(record) if revision else None)
            if change not in self.seen:
                fresh.setdefault(change, (record, change, earliest))
        return sorted(fresh.values(), key=lambda item: (item[2], item[1]))

    def mark(self, change: str, moment: datetime, *, now: datetime | None = None) -> None:
        """Record that ``change`` was handed over. Given ``now`` (the host's clock), the
        checkpoint moves no further than ``now``: one record stamped later (a provider's
        clock ahead, a wrong stamp) hid every change stamped before it, until that time
        came. (Held back, it is listed again, and known.)"""
        if now is not None:
            moment = min(moment, now)
        if change not in self.seen:
            self.seen.add(change)
            heapq.heappush(self._by_time, (change.rpartition("@")[2], change))
        if moment > self.after:
            self.after = moment
            floor = self.query_from().isoformat()
            by_time = self._by_time
            while by_time and by_time[0][0] < floor:
                self.seen.discard(heapq.heappop(by_time)[1])

    def dump(self) -> str:
        """This tracker as a checkpoint: JSON text that :meth:`load` reads back."""
        return json.dumps(
            {
                "format": CHECKPOINT_FORMAT,
                "after": self.after.isoformat(),
                "seen": sorted(self.seen),
            }
        )

    @classmethod
    def load(cls, text: str, overlap: timedelta) -> FeedTracker:
        """The tracker a checkpoint saved by :meth:`dump` describes; ``ValueError`` saying
        why when it is none, or of another :data:`CHECKPOINT_FORMAT`."""
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ValueError(f"not JSON ({error})") from None
        if not isinstance(data, dict):
            raise ValueError(f"not a checkpoint: {text[:80]!r}")
        form = data.get("format", 1)  # the first checkpoints named none
        if form != CHECKPOINT_FORMAT:
            raise ValueError(
                f"its format is {form!r}, written by another release of hirelink (this one"
                f" reads format {CHECKPOINT_FORMAT})"
            )
        after, seen = _moment(data.get("after")), data.get("seen", [])
        if after is None or not isinstance(seen, list):
            raise ValueError(f"not a checkpoint: {text[:80]!r}")
        return cls(after, overlap, {str(change) for change in seen})


# --------------------------------------------------------------------------- stores


@runtime_checkable
class FeedStore(Protocol):
    """Where feeds keep their checkpoints and leases."""

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        """Take or renew ``feed``'s lease for ``ttl`` seconds; False while another holds it."""

    def release_lease(self, feed: str, owner: str) -> None:
        """Give the lease up (only if ``owner`` holds it)."""

    def load_checkpoint(self, feed: str) -> str | None:
        """The saved checkpoint, or None."""

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        """Save it if ``owner`` holds the lease; False (nothing saved) if it does not."""


class MemoryFeedStore(forks.PerProcess, FeedStore):
    """Checkpoints and leases of this process (lost when it exits)."""

    instead = "its checkpoints are this process's: build one in each (FileFeedStore shares)"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._checkpoints: dict[str, str] = {}
        self._leases: dict[str, tuple[str, float]] = {}
        forks.renew_in_child(self, MemoryFeedStore._fresh_lock)

    def _fresh_lock(self) -> None:
        """In a child after ``os.fork``: another thread may have held ``_lock`` at the
        fork, and no thread of the child would release it. The leases are the parent's
        watches' (which refuse to go on in a child): kept, a watch of the child waited
        out their time to live."""
        self._lock = threading.Lock()
        self._leases = {}

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        now = time.monotonic()
        with self._lock:
            holder, until = self._leases.get(feed, (owner, 0.0))
            if holder != owner and until > now:
                return False
            self._leases[feed] = (owner, now + ttl)
            return True

    def _held_by_another(self, feed: str, owner: str) -> bool:
        """Whether a watch of this process other than ``owner`` holds ``feed``'s lease."""
        with self._lock:
            holder, until = self._leases.get(feed, (owner, 0.0))
        return holder != owner and until > time.monotonic()

    def release_lease(self, feed: str, owner: str) -> None:
        with self._lock:
            if self._leases.get(feed, ("", 0.0))[0] == owner:
                del self._leases[feed]

    def forget_checkpoints(self) -> None:
        """Forget every checkpoint (the sandbox's pytest plugin does before each test: a
        watch of a test started where the last test's watch of the same stand-in, or of
        one on the same port, had left off, and saw nothing). Leases are kept."""
        with self._lock:
            self._checkpoints.clear()

    def load_checkpoint(self, feed: str) -> str | None:
        with self._lock:
            return self._checkpoints.get(feed)

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        with self._lock:
            holder, until = self._leases.get(feed, ("", 0.0))
            if holder != owner or until <= time.monotonic():
                return False
            self._checkpoints[feed] = checkpoint
            return True

    def __repr__(self) -> str:
        return "MemoryFeedStore()"


MEMORY: Final = MemoryFeedStore()
"""The checkpoints and leases of this process: the watches' store unless ``store=`` or
``$HIRELINK_STORE`` names another."""


class FileFeedStore(forks.PerProcess, FeedStore):
    """Checkpoints in one JSON file (``{feed: checkpoint}``), for the watches of one machine.

    Each save replaces the file atomically, one writer at a time (a lock on
    ``<path>.lock``), so the watches of several feeds can share one file. The lease is an
    exclusive lock on ``<path>.<feed digest>.lock`` (``flock``; on Windows
    ``msvcrt.locking``), which the system frees when the holding process exits, however
    it ends; within the process, the store notes which owner holds it, so watches sharing
    one store take turns too. A path that is a symbolic link
    stays one: the file it points to is replaced, and its locks lie beside that file. An
    empty file holds no checkpoint yet (``mktemp`` makes one), unless a save began on it
    (its writers' lock lies beside it: a save cut short, a first save that failed, or the
    file emptied by hand): then loading one raises :class:`InvalidInputError` rather than
    start again from ``since`` unasked.
    """

    instead = "build a FileFeedStore of the same path in each process: they share the file"

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._held: dict[str, tuple[str, IO[bytes]]] = {}  # feed -> (owner, locked file)
        forks.renew_in_child(self, FileFeedStore._forget_inherited_leases)

    def _forget_inherited_leases(self) -> None:
        """In a child after ``os.fork``: the parent holds the leases, not the child (their
        lock files are closed by :mod:`~hirelink.core.file_updates`); another thread may
        have held ``_lock`` at the fork, and no thread of the child will release it."""
        self._lock = threading.Lock()
        self._held = {}

    def _file(self) -> Path:
        """The file the path names, through symbolic links (checked at each use: a link
        may be pointed elsewhere)."""
        return resolved(self.path)

    def _lock_path(self, feed: str) -> Path:
        digest = hashlib.sha256(feed.encode()).hexdigest()[:16]
        return file_updates.beside(self._file(), "", f".{digest}.lock")

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        with self._lock:
            if feed in self._held:
                holder, held = self._held[feed]
                if holder != owner:
                    return False
                if file_updates.still_named(held):
                    return True
                # Its lock file was deleted or replaced: another may hold the new one.
                del self._held[feed]
                file_updates.close_lock_file(held)
            if not file_updates.can_lock_files():  # pragma: no cover - WebAssembly
                return True
            try:
                handle = file_updates.take_lock_file(self._lock_path(feed), wait=False)
            except file_updates.NoFileLocksError as error:
                raise OSError(error.errno, error.strerror, str(self.path)) from None
            if handle is None:
                return False
            self._held[feed] = (owner, handle)
            return True

    def release_lease(self, feed: str, owner: str) -> None:
        with self._lock:
            if self._held.get(feed, ("",))[0] != owner:
                return
            _, handle = self._held.pop(feed)
        file_updates.close_lock_file(handle)  # closing the descriptor frees the lock

    def _read(self) -> dict[str, object]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        if not text.strip():  # made by mktemp or mkstemp, or see `_cut_short`
            return {}
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ValueError(f"{self.path}: not a checkpoint file ({error})") from None
        if not isinstance(data, dict):  # never overwrite what is not ours
            raise ValueError(f"{self.path}: not a checkpoint file (not a JSON object)")
        return data  # other feeds' entries are written back as they were read

    def _cut_short(self) -> bool:
        """Whether the file is empty though a save began on it: the lock file of its
        writers, made by the first save and left there, is beside it. A save writes ``{}`` at least,
        so an empty file it began on is a write a crash or a power loss cut short."""
        if not file_updates.writers_lock(self._file()).exists():
            return False
        # In turn with the writers: another feed's first save may have made the lock file
        # and not yet replaced the file.
        with file_updates.one_writer(self.path) as file:
            try:
                return not file.read_text(encoding="utf-8").strip()
            except FileNotFoundError:  # deleted, to start again
                return False

    def load_checkpoint(self, feed: str) -> str | None:
        with self._lock:
            data = self._read()
            if not data and self._cut_short():
                lock = file_updates.writers_lock(self._file())
                raise InvalidInputError(
                    "checkpoint",
                    f"watch {feed}: {self.path} is empty, though {lock.name} beside it"
                    " shows that a save began on it: a save cut short (a crash, a power"
                    " loss), a first save that failed, or the file emptied by hand. Not"
                    " starting again from the watch's `since` unasked: to do so, delete"
                    f" the file (and {lock.name}) or write `{{}}` in it",
                )
            checkpoint = data.get(feed)
        if checkpoint is None or isinstance(checkpoint, str):
            return checkpoint
        raise ValueError(f"{self.path}: the entry of {feed!r} is not a checkpoint (not text)")

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        with self._lock:
            if file_updates.can_lock_files():
                holder, held = self._held.get(feed, (None, None))
                if holder != owner or held is None or not file_updates.still_named(held):
                    return False
            try:
                # The other feeds' watches read, change and rewrite the file too.
                with file_updates.one_writer(self.path) as file:
                    data = self._read()
                    data[feed] = checkpoint
                    file_updates.replace_file(file, json.dumps(data, indent=1).encode())
            except OSError as error:  # a full disk said which file no more than this
                if error.errno is None:
                    raise
                reason = file_updates.failure_reason(self._file(), error)
                problem = f"the checkpoint of watch {feed} was not saved: {reason}"
                raise OSError(error.errno, problem, str(self.path)) from None
            return True

    def __repr__(self) -> str:
        return f"FileFeedStore({str(self.path)!r})"


# Renew the lease if we hold it or nobody does; atomically.
_ACQUIRE_SCRIPT: Final = """
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""
_RELEASE_SCRIPT: Final = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_SAVE_SCRIPT: Final = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2])
  return 1
end
return 0
"""


def _place(store: FeedStore, feed: str) -> str:
    """Where ``store`` keeps ``feed``'s checkpoint, for a message to name (no Redis URL:
    it may hold a password)."""
    if type(store) is MemoryFeedStore:
        return "this process's memory"
    if isinstance(store, FileFeedStore):
        return str(store.path)
    if isinstance(store, RedisFeedStore):
        return f"Redis key {store.keys(feed)[1]!r}"
    return repr(store)


class RedisFeedStore(FeedStore):
    """Checkpoints and leases in Redis, for watches on many processes or hosts."""

    def __init__(self, store: RedisStore) -> None:
        self._store = store

    @staticmethod
    def keys(feed: str) -> tuple[str, str]:
        """The Redis keys of ``feed``'s lease and checkpoint."""
        base = f"{KEY_PREFIX}:feed:{feed}"
        return f"{base}:lease", f"{base}:checkpoint"

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        lease, _ = self.keys(feed)
        ttl_ms = milliseconds(ttl)
        return bool(
            self._store.run(
                f"the lease of {feed}",
                lambda client: client.eval(_ACQUIRE_SCRIPT, 1, lease, owner, ttl_ms),
                None,
            )
        )

    def release_lease(self, feed: str, owner: str) -> None:
        lease, _ = self.keys(feed)
        self._store.run(
            f"the lease of {feed}",
            lambda client: client.eval(_RELEASE_SCRIPT, 1, lease, owner),
            None,
        )

    def load_checkpoint(self, feed: str) -> str | None:
        _, checkpoint = self.keys(feed)
        stored = self._store.run(
            f"the checkpoint of {feed}",
            lambda client: client.get(checkpoint),
            None,
        )
        return stored.decode() if isinstance(stored, bytes) else stored

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        lease, key = self.keys(feed)
        return bool(
            self._store.run(
                f"the checkpoint of {feed}",
                lambda client: client.eval(_SAVE_SCRIPT, 2, lease, key, owner, checkpoint),
                None,
            )
        )

    def __repr__(self) -> str:
        return f"RedisFeedStore({self._store!r})"


def _is_redis_url(text: str) -> bool:
    """Whether ``text`` is a Redis URL: its scheme, in any case, one of Redis'."""
    scheme, separator, _ = text.partition("://")
    return bool(separator) and scheme.lower() in REDIS_SCHEMES


def _checkpoint_file(choice: str | os.PathLike[str]) -> Path:
    """The file a watch's ``store`` names, refused when it cannot be one (empty, a
    directory, in a directory that does not exist; not a Redis URL either): each failed at
    the watch's first poll, as an ``OSError``."""
    path = os.fspath(choice)
    if not isinstance(path, str) or not path.strip():
        raise InvalidInputError("store", f"must name a file, got {shape(path)}")
    no_control_characters("store", path)
    file = Path(path)
    if file.is_dir():
        raise InvalidInputError("store", "names a directory: give a file in it")
    if not file.parent.is_dir():
        raise InvalidInputError(
            "store",
            "names a file in a directory that does not exist (a Redis URL starts with"
            " redis://, rediss:// or unix://)",
        )
    return file


def feed_store(
    choice: FeedStore | RedisStore | InProcessStore | str | os.PathLike[str] | None,
) -> FeedStore:
    """The store of a watch: as the ``store`` watch option says (see :class:`WatchOptions`)."""
    if isinstance(choice, FeedStore):
        return choice
    if isinstance(choice, os.PathLike) or (
        isinstance(choice, str) and choice != "memory" and not _is_redis_url(choice)
    ):
        return FileFeedStore(_checkpoint_file(choice))
    known = choice is None or isinstance(choice, str | RedisStore | InProcessStore)
    resolved = resolve_store(choice) if known else None
    if isinstance(resolved, RedisStore):
        return RedisFeedStore(resolved)
    if isinstance(resolved, InProcessStore):
        return MEMORY
    raise InvalidInputError(  # a redis.Redis, a custom Store: the watch fell back to memory
        "store",
        "must be a FeedStore, a RedisStore, a Redis URL, a file path or 'memory' (where a"
        f" watch keeps its checkpoint), got {shape(choice)}",
    )


# --------------------------------------------------------------------------- feeds


def wait_unless_stopped(
    stop: threading.Event, seconds: float, also: threading.Event | None = None
) -> None:
    """Wait ``seconds``, or until ``stop`` is set (or ``also``, seen within a second). In
    slices of a second: on Windows before Python 3.14 an Event's wait keeps the main
    thread's signal handlers (Ctrl-C) from running until it ends, which time.sleep does
    not. The slices are counted, not read off the clock: under a test's frozen clock
    (freezegun's default freezes ``monotonic`` too) a wait until a time never came, and
    the watch never ended."""
    left = seconds
    while left > 0 and not stop.wait(min(left, 1.0)) and not (also and also.is_set()):
        left -= 1.0


@dataclass(frozen=True)
class Feed(Generic[T]):
    """What a provider declares for a ``watch_*`` method, and the options it was given.

    ``changed_since(moment)`` is the walk of the records created or changed at or after
    ``moment`` (a provider comparing with ``>`` is fine: the tracker asks from a second
    before);
    ``timestamp`` and ``key`` read a record's change time and id. ``revision``, for a
    provider stamping changes too coarsely to tell two apart (Personio: whole seconds),
    reads what the record holds, so a second change within one stamp is yielded too.
    """

    name: str
    changed_since: Callable[[datetime], Walk[T]]
    timestamp: Callable[[T], object]
    key: Callable[[T], Hashable]
    since: datetime
    interval: float
    store: FeedStore
    lease_ttl: float
    overlap: timedelta
    polls: int | None
    revision: Callable[[T], object] | None = None
    keep_polling: bool = True
    stop: threading.Event | None = None

    @property
    def stopped(self) -> bool:
        """Whether the ``stop`` option was set."""
        return self.stop is not None and self.stop.is_set()

    def pause(self, seconds: float, closing: threading.Event | None = None) -> None:
        """Wait ``seconds``, or until the ``stop`` option is set or the client closes
        (``closing``)."""
        if self.stop is None:
            wait_unless_stopped(closing or threading.Event(), seconds)
        else:
            wait_unless_stopped(self.stop, seconds, also=closing)

    @classmethod
    def declare(
        cls,
        default_name: str,
        changed_since: Callable[[datetime], Walk[T]],
        *,
        timestamp: Callable[[T], object],
        key: Callable[[T], Hashable],
        options: WatchOptions,
        revision: Callable[[T], object] | None = None,
    ) -> Feed[T]:
        """Check ``options`` (raising :class:`InvalidInputError` naming the field) and bind."""
        unknown = set(options) - set(WatchOptions.__annotations__)
        if unknown:
            field_name = sorted(unknown)[0]
            raise UnknownArgumentError.among(
                field_name, WatchOptions.__annotations__, f"unknown watch option {field_name!r}"
            )
        since = options.get("since")
        now = datetime.now(UTC)
        start = now if since is None else _start("since", since, now)
        if start > now + AHEAD_TOLERANCE:
            # Saved as the checkpoint at once, it would hide every change until then.
            raise InvalidInputError("since", f"is in the future: {start.isoformat()}")
        interval = positive_seconds("interval", options.get("interval", DEFAULT_INTERVAL))
        default_ttl = min(max(10.0, 3 * interval), LONGEST_SECONDS)
        lease_ttl = positive_seconds("lease_ttl", options.get("lease_ttl", default_ttl))
        overlap = positive_seconds("overlap", options.get("overlap", DEFAULT_OVERLAP), zero=True)
        polls = options.get("polls")
        if polls is not None and (
            isinstance(polls, bool) or not isinstance(polls, int) or polls < 1
        ):
            raise InvalidInputError("polls", f"must be a positive integer, got {shape(polls)}")
        name = non_empty_str("name", options.get("name", default_name))
        try:
            store = feed_store(options.get("store"))
        except InvalidInputError:
            raise
        except (TypeError, ValueError) as error:
            raise InvalidInputError("store", str(error)) from None
        keep_polling = options.get("keep_polling", True)
        if not isinstance(keep_polling, bool):
            raise InvalidInputError(
                "keep_polling", f"must be True or False, got {shape(keep_polling)}"
            )
        stop = options.get("stop")
        if stop is not None and not isinstance(stop, threading.Event):
            raise InvalidInputError("stop", f"must be a threading.Event, got {shape(stop)}")
        changed_since(start)  # bad filters raise now, not at the first next()
        return cls(
            name, changed_since, timestamp, key, start, interval, store, lease_ttl,
            timedelta(seconds=overlap), polls, revision, keep_polling, stop,
        )  # fmt: skip


def _start(field: str, since: object, now: datetime) -> datetime:
    """Where a watch given ``since`` starts. A date is its midnight UTC, but no later than
    now while it is today somewhere: east of UTC, ``date.today()`` names tomorrow in UTC
    for part of the day, and was refused as in the future."""
    start = utc_moment(field, since)
    if isinstance(since, datetime) or not isinstance(since, date):
        return start
    return min(start, now) if since <= latest_today(now) else start


class _Poller(Generic[T]):
    """One worker's side of a feed: the lease, the tracker, saving the checkpoint."""

    def __init__(self, feed: Feed[T]) -> None:
        self.feed = feed
        self.owner = uuid.uuid4().hex
        self.tracker: FeedTracker | None = None
        self._saved: str | None = None  # the checkpoint as this worker last saved or loaded it
        self._held_until = 0.0  # monotonic time the lease surely lasts until
        self._saved_at = 0.0  # monotonic time of the last save
        self.unsaved = False  # changes handed over since the last save
        # The lease is kept while a poll walks and while a change is handled (see
        # `keeping_lease`).
        self._keeper: threading.Thread | None = None
        self._keeping = threading.Condition()
        self._kept = False
        self._stopped = False
        self._stop_lock = threading.Lock()  # stop() runs once: the loop and a thread may ask
        self._stop_done = False
        self.client_closed = False  # stopped by its client's close(): nothing more to hand over
        # Set as the client closes, ending a pause between polls (a watch slept through
        # the rest of its interval, up to five minutes after failed polls).
        self.closing = threading.Event()
        self.wake_async: Callable[[], None] | None = None  # ends an async watch's pause
        self._stopping_thread: int | None = None  # the thread saving as the watch stops
        self._warned_ahead = False
        self._poll_began: datetime | None = None
        self._holding = False  # whether this worker took the lease and has not lost it
        self._waiting_since: float | None = None  # monotonic time it began waiting for it
        self._waiting_said = 0.0  # when the log last said it waits
        self._process = os.getpid()

    @property
    def forked(self) -> bool:
        """Whether this is a copy of the poller in a process forked from the one that made
        it: the lease, the keeper thread and the checkpoint saved are the parent's."""
        return os.getpid() != self._process

    def refuse_after_close(self) -> None:
        """Raise when this watch's client was closed (its lease is released): asked for
        more, or going on after the change it handed over last, which comes again to the
        next watch."""
        if self.client_closed:
            raise UnusableClientError(
                f"watch {self.feed.name}: its client was closed, which ended the watch (a"
                " change it was handling then comes again to the next watch)"
            )

    def _refuse_a_forked_child(self) -> None:
        if self.forked:
            raise UnusableClientError(
                f"watch {self.feed.name} was started in process {self._process}, of which this"
                " one is a fork; start a watch in this process: the lease and the checkpoint"
                " are the parent's (nothing was handed over here)"
            )

    def lease(self) -> bool:
        """Hold the lease for the next poll; (re)load the checkpoint on taking it. A feed
        without one saves its starting point at once, so a restart resumes from there."""
        self._refuse_a_forked_child()
        self.refuse_after_close()
        if not self._renew():
            return False
        if self.tracker is None:
            feed = self.feed
            try:
                self._saved = self._load()
                if self._saved is not None:
                    self.tracker = FeedTracker.load(self._saved, feed.overlap)
            except InvalidInputError:
                raise  # already names what to change
            except ValueError as error:
                raise InvalidInputError(
                    "checkpoint",
                    f"watch {feed.name}: its checkpoint in {_place(feed.store, feed.name)}"
                    f" cannot be read: {error}. If a newer hirelink wrote it, watch with that"
                    " one; delete it to start again from the watch's `since`",
                ) from None
            if self._saved is None:
                feeds_logger.info(
                    "watch %s: no checkpoint in %s; starting from %s",
                    feed.name,
                    _place(feed.store, feed.name),
                    feed.since.isoformat(timespec="seconds"),
                )
                self.tracker = FeedTracker(feed.since, feed.overlap)
                self._save()
        if self.tracker is not None:  # each poll: the clock may have been set back meanwhile
            self._pull_back_from_the_future(self.tracker)
        return True

    def _pull_back_from_the_future(self, tracker: FeedTracker) -> None:
        """A checkpoint ahead of the host's clock starts from now instead: from there, it
        hid every change until its time came. Saved so by an earlier release (from a
        record stamped ahead, or a naive ``since`` east of UTC), or taken from this host's
        clock while it ran ahead (a watch's ``since``, by default now) and kept after NTP
        set it right: checked before each poll, not only when loaded."""
        clock = datetime.now(UTC)
        if tracker.after > clock + AHEAD_TOLERANCE:
            feeds_logger.warning(
                "watch %s: its checkpoint (%s) is ahead of this host's clock (%s); it goes on"
                " from now",
                self.feed.name,
                tracker.after.isoformat(),
                clock.isoformat(timespec="seconds"),
            )
            tracker.after = clock
            self.unsaved = True  # else each restart pulled back to its own now, and lost
            # what was made between them

    @property
    def surely_held(self) -> bool:
        """Whether the lease surely still holds (it has not lapsed since last renewed)."""
        return time.monotonic() < self._held_until

    def changes(self, records: Sequence[T]) -> list[tuple[T, str, datetime]]:
        assert self.tracker is not None
        feed = self.feed
        undated: list[Hashable] = []
        changes = self.tracker.select(records, feed.timestamp, feed.key, undated, feed.revision)
        if undated:
            feeds_logger.warning(
                "watch %s: passed over %d record(s) without a readable change time (ids %s)",
                feed.name,
                len(undated),
                ", ".join(one_line(str(key)) for key in undated[:5])
                + (", ..." if len(undated) > 5 else ""),
            )
        return changes

    def begin_poll(self) -> None:
        """Note when a poll's walk begins: the checkpoint moves no further than that. A
        record changed while the walk ran may sort onto a page read already; listed
        again from there next poll, it is handed over then (known ones are skipped)."""
        self._poll_began = datetime.now(UTC)

    def handed_over(self, change: str, moment: datetime) -> bool:
        """Move the checkpoint past one change; True when it is time to save it: a second
        after the last save, or once the lease may have lapsed (the consumer took longer
        than it lasts), when another worker may have taken the feed over."""
        assert self.tracker is not None
        self._refuse_a_forked_child()  # a copy of the parent's watch, resumed in a child
        clock = datetime.now(UTC)
        if moment > clock + AHEAD_TOLERANCE and not self._warned_ahead:
            self._warned_ahead = True  # once a watch: a provider clock ahead stamps them all
            feeds_logger.warning(
                "watch %s: a change is stamped %s, ahead of this host's clock (%s); the"
                " checkpoint moves no further than now (said once a watch)",
                self.feed.name,
                moment.isoformat(),
                clock.isoformat(timespec="seconds"),
            )
        ceiling = clock if self._poll_began is None else min(clock, self._poll_began)
        self.tracker.mark(change, moment, now=ceiling)
        self.unsaved = True
        now = time.monotonic()
        return now - self._saved_at >= SAVE_EVERY or now >= self._held_until

    def flush(self) -> bool:
        """Save what was handed over and not saved yet; False when the lease was lost."""
        if not self.unsaved:
            return True
        # Renewed here too: a consumer may take longer over one batch than the lease lasts.
        if self._renew() and self.tracker is not None:
            if self._save():
                return True
            self._note_lease(held=False)  # taken by another worker since the renewal
        self.tracker = None
        return False

    @contextlib.contextmanager
    def keeping_lease(self) -> Iterator[None]:
        """While a poll walks the list and while the consumer handles one change, a thread
        renews the lease every third of its time to live. Renewed only when the next
        change was asked for, a lease lapsed under a consumer (or a walk) slower than it
        lasts: another worker took the feed from the unsaved checkpoint and handed the
        same change over again, and the two took turns at that one change for as long as
        they ran."""
        self.refuse_after_close()  # nothing more is walked or handed over once it closed
        with self._keeping:
            self._kept = True
            if self._keeper is None:
                self._keeper = threading.Thread(
                    target=self._keep_lease, name=f"hirelink-lease {self.feed.name}", daemon=True
                )
                self._keeper.start()
            self._keeping.notify_all()
        try:
            yield
        finally:
            if not self.forked:  # a child's copy of the lock may have been held at the fork
                with self._keeping:
                    self._kept = False

    def between_polls(self) -> None:
        """Before the wait for the next poll: the keeper thread ends now, not when its wait
        of a third of the lease ran out (by default as long as the interval, so it lived
        through nearly every wait)."""
        if not self.forked:  # a child's copy of the lock may have been held at the fork
            with self._keeping:
                self._keeping.notify_all()

    def _keep_lease(self) -> None:
        feed, every = self.feed, self.feed.lease_ttl / 3
        while True:
            with self._keeping:
                if self._stopped or not self._kept:
                    # Between polls nothing is renewed: the thread ends, and the next poll
                    # starts another (a thread for each watch, a thousand customers' async
                    # watches sleeping between their polls held a thousand).
                    self._keeper = None
                    return
                started = time.monotonic()
                lapsed = started >= self._held_until  # for `_renew`, which reloads then
                if lapsed or self._held_until - started > 2 * every:
                    # Lapsed, or renewed less than `every` ago.
                    self._keeping.wait(every)
                    continue
            # Outside the lock: a slow store must not hold up the consumer's next change.
            try:
                held = feed.store.acquire_lease(feed.name, self.owner, feed.lease_ttl)
            except Exception as error:  # the next save meets it too, and raises it there
                feeds_logger.debug("watch %s: lease not renewed: %r", feed.name, error)
                with self._keeping:
                    self._keeping.wait(every)
                continue
            with self._keeping:
                # Lost: the next change is saved at once, which finds it gone and stops.
                self._held_until = started + feed.lease_ttl if held else 0.0

    def stop(self, *, wait: bool = True) -> None:
        """Save what was handed over, then release the lease (the watch is over). Once:
        a second call (from another thread) returns when the first is done, or at once
        without ``wait`` (the first finishes the stop)."""
        if self.forked:  # what there is to save and release is the parent's
            return
        if not self._stop_lock.acquire(blocking=wait):
            return
        try:
            if not self._stop_done:
                try:
                    self._stop()
                finally:  # a failing stop is raised once, not tried again by the client
                    self._stop_done = True
        finally:
            self._stop_lock.release()

    def mark_closed(self) -> None:
        """Its client is closing: asked for more, the watch refuses, and a pause between
        polls ends now."""
        self.client_closed = True
        self.closing.set()
        if self.wake_async is not None:
            self.wake_async()

    def end_with_client(self) -> None:
        """Stop, its client closing (after :meth:`mark_closed`): what it handed over is
        saved, its lease released."""
        self.stop(wait=False)

    def _stop(self) -> None:
        self._stopping_thread = threading.get_ident()
        with self._keeping:
            self._stopped = True
            self._keeping.notify_all()
        try:
            with self._keeping:
                keeper = self._keeper
            if keeper is not None:  # a renewal in progress must not outlast the release
                keeper.join()
            if self.tracker is not None:
                self.flush()
        except StoreUnavailableError as error:
            feeds_logger.warning(
                "watch %s: its last changes were not saved (%s); they come again",
                self.feed.name,
                error,
            )
        finally:  # also when interrupted (a second Ctrl-C): the next worker need not wait
            self.release()

    def release(self) -> None:
        if self._held_until == 0.0:  # never held (the store failed at the first lease)
            return
        try:
            self.feed.store.release_lease(self.feed.name, self.owner)
        except StoreUnavailableError as error:  # the watch is over either way
            feeds_logger.warning(
                "watch %s: its lease was not released (%s); it lapses after %g s",
                self.feed.name,
                error,
                self.feed.lease_ttl,
            )

    def _renew(self) -> bool:
        """Take or renew the lease. After a lapse (the consumer took longer than the lease
        lasts), another worker may have held it and moved the checkpoint: then this
        worker's tracker is stale and is dropped, to be reloaded."""
        feed, started = self.feed, time.monotonic()
        if not feed.store.acquire_lease(feed.name, self.owner, feed.lease_ttl):
            self.tracker = None
            self._note_lease(held=False)
            return False
        if self.client_closed and threading.get_ident() != self._stopping_thread:
            # The client closed during this renewal, and its stop may have let go already.
            feed.store.release_lease(feed.name, self.owner)
            self.refuse_after_close()
        self._note_lease(held=True)
        lapsed = started >= self._held_until
        if lapsed and self.tracker is not None and self._saved != self._load():
            self.tracker = None
        self._held_until = started + feed.lease_ttl
        return True

    def _note_lease(self, *, held: bool) -> None:
        """Log when this worker starts waiting for the lease (and every few minutes while it
        waits), takes it after waiting, or loses it: otherwise a watch locked out (another
        worker, a forgotten process) looks like one that finds no changes."""
        name, now = self.feed.name, time.monotonic()
        if held:
            if self._waiting_since is not None:
                waited = now - self._waiting_since
                feeds_logger.info("watch %s: took the lease after waiting %.0f s", name, waited)
            self._holding, self._waiting_since = True, None
            return
        if self._holding:
            self._holding = False
            feeds_logger.warning(
                "watch %s: lost its lease to another worker (it lapsed: a change took longer"
                " to handle than the lease lasts, or the store was out of reach); changes"
                " handed over since the last save may come again from that worker",
                name,
            )
        if self._waiting_since is None:
            self._waiting_since = self._waiting_said = now
            store = self.feed.store
            # A subclass may keep its leases elsewhere (a test's stand-in for a shared store).
            if type(store) is MemoryFeedStore and store._held_by_another(name, self.owner):
                feeds_logger.warning(
                    "watch %s: another watch of this feed in this process holds its lease"
                    " (one left open, as by a loop left with break: close it with close() or"
                    " aclose()); waiting for it",
                    name,
                )
            else:
                feeds_logger.info(
                    "watch %s: another worker holds its lease (in %s); waiting for it",
                    name,
                    _place(self.feed.store, name),
                )
        elif now - self._waiting_said >= STILL_WAITING_EVERY:
            self._waiting_said = now
            waited = now - self._waiting_since
            feeds_logger.info("watch %s: still waiting for its lease (%.0f s)", name, waited)

    def _load(self) -> str | None:
        return self.feed.store.load_checkpoint(self.feed.name)

    def _save(self) -> bool:
        assert self.tracker is not None
        dump = self.tracker.dump()
        if not self.feed.store.save_checkpoint(self.feed.name, self.owner, dump):
            return False
        self._saved = dump
        self._saved_at = time.monotonic()
        self.unsaved = False
        return True


LONGEST_PAUSE: Final = 300.0
"""The longest pause after polls that failed in a row, in seconds, unless the watch's
``interval`` is longer or the provider asks for longer."""
LONGEST_ASKED_PAUSE: Final = 3600.0
"""The longest wait a provider's ``Retry-After`` is granted (a CDN's may name a year)."""


class _FailedPolls:
    """The pauses of a watch whose polls fail (see ``WatchOptions.keep_polling``)."""

    def __init__(self, poller: _Poller[Any]) -> None:
        self.poller = poller
        self.pause = 0.0

    @contextlib.contextmanager
    def pausing(self, error: HirelinkError, polls: int) -> Iterator[float]:
        """The pause after ``error`` ended the poll ``polls``; ``error`` itself when it ends
        the watch. When the provider answered (a 5xx, a 429), the lease is kept meanwhile,
        so that the other workers wait too; when it could not be reached, which may be this
        host's fault alone, the lease may lapse and a worker that can reach it take over."""
        wait = self.pause_after(error, polls)
        if wait is None:
            raise error
        answered = isinstance(error, ApiError)
        with self.poller.keeping_lease() if answered else contextlib.nullcontext():
            yield wait

    def pause_after(self, error: HirelinkError, polls: int) -> float | None:
        """How long to wait before polling again after ``error``; None: end the watch."""
        feed = self.poller.feed
        polls_left = feed.polls is None or polls < feed.polls
        if not (feed.keep_polling and polls_left and worth_retrying(error)):
            return None
        longest = max(LONGEST_PAUSE, feed.interval)  # an outage never polls more often
        self.pause = min(max(2 * self.pause, feed.interval, 1.0), longest)
        asked = getattr(error, "retry_after", None) or 0.0
        wait = max(self.pause, min(asked, max(LONGEST_ASKED_PAUSE, longest)))
        cut = f" (the provider asked for {asked:g} s)" if asked > wait else ""
        feeds_logger.warning(
            "watch %s: a poll failed (%s); polling again in %g s%s, from its checkpoint",
            feed.name,
            one_line(str(error)),
            wait,
            cut,
        )
        return wait

    def succeeded(self) -> None:
        if self.pause:
            feeds_logger.info("watch %s: polling again after failed polls", self.poller.feed.name)
        self.pause = 0.0


Watches = MutableSet["_Poller[Any]"]
"""A client's live watches (a ``weakref.WeakSet``), stopped by :func:`stop_watches` when
the client closes."""


def stop_watches(watches: Watches) -> None:
    """Stop the watches of a client being closed: what each handed over is saved and its
    lease released, not kept by a keeper thread for as long as a watch left suspended at
    a change (unreachable, in a reference cycle a failing test leaves) goes uncollected.
    Each refuses to go on from the start, before any store is asked."""
    pollers = list(watches)
    for poller in pollers:
        poller.mark_closed()
    for poller in pollers:
        poller.end_with_client()


async def astop_watches(watches: Watches) -> None:
    """:func:`stop_watches` for an async client: each store is asked off the event loop.
    The watches refuse to go on at once, on the loop: a store thread may be long in coming
    (a stalled Redis holds them), and a close cancelled meanwhile still closes them."""
    pollers = list(watches)
    for poller in pollers:
        poller.mark_closed()
    for poller in pollers:
        await _with_store(poller.feed, poller.end_with_client)


def _waker(set_event: Callable[[], None]) -> Callable[[], None]:
    """``set_event`` (an event of the running loop's) made callable from any thread: an
    async client may be closed from another thread or event loop than its watch's, where
    setting the event directly left the watch asleep, or raised (under asyncio's debug
    mode, and once the watch's loop was closed) and left the client open."""
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            token = trio.lowlevel.current_trio_token()
        except RuntimeError:  # not in trio: asyncio
            pass
        else:

            def wake_trio() -> None:
                with contextlib.suppress(trio.RunFinishedError):  # nothing left to wake
                    token.run_sync_soon(set_event)

            return wake_trio
    loop = asyncio.get_running_loop()

    def wake() -> None:
        try:
            here = asyncio.get_running_loop()
        except RuntimeError:
            here = None
        if here is loop:
            set_event()
        else:
            with contextlib.suppress(RuntimeError):  # a closed loop: nothing left to wake
                loop.call_soon_threadsafe(set_event)

    return wake


def watch(
    feed: Feed[T], run: Callable[[Call[Any]], Any], watches: Watches | None = None
) -> Generator[T, None, None]:
    """Poll ``feed`` with a sync client's ``run``, yielding each change (see the module);
    the poller is added to ``watches``, the client's."""
    poller = _Poller(feed)
    if watches is not None:
        watches.add(poller)
    failures = _FailedPolls(poller)
    polls = 0
    try:
        while (feed.polls is None or polls < feed.polls) and not feed.stopped:
            if poller.lease() and not feed.stopped:
                assert poller.tracker is not None
                polls += 1
                try:
                    with poller.keeping_lease():
                        poller.begin_poll()
                        walk = feed.changed_since(poller.tracker.ask_from())
                        records = []
                        for record in walk.sync(run):
                            records.append(record)
                            if feed.stopped:  # no later page is asked for
                                break
                except HirelinkError as error:
                    if feed.stopped and worth_retrying(error):
                        return  # not polled again: no pause, and no warning saying so
                    poller.between_polls()
                    with failures.pausing(error, polls) as pause:
                        feed.pause(pause, poller.closing)
                    continue
                if feed.stopped:
                    return  # nothing this poll read was handed over: it comes again
                failures.succeeded()
                # A lease that lapsed during the walk is taken again first, reloading a
                # checkpoint another worker moved meanwhile (its changes are not repeated).
                if poller.surely_held or poller.lease():
                    for record, change, moment in poller.changes(records):
                        if feed.stopped:
                            break  # the rest comes again: the checkpoint is not past it
                        with poller.keeping_lease():
                            yield record
                        poller.refuse_after_close()
                        if poller.handed_over(change, moment) and not poller.flush():
                            break  # the lease was lost
                    else:
                        poller.flush()
                if feed.polls is not None and polls >= feed.polls:
                    return
            poller.between_polls()
            feed.pause(feed.interval, poller.closing)
    finally:
        poller.stop()


async def awatch(
    feed: Feed[T], run: Callable[[Call[Any]], Any], watches: Watches | None = None
) -> AsyncGenerator[T, None]:
    """Poll ``feed`` with an async client's ``run``; the twin of :func:`watch`."""
    import anyio

    poller = _Poller(feed)
    closing = anyio.Event()
    poller.wake_async = _waker(closing.set)
    if watches is not None:
        watches.add(poller)
    failures = _FailedPolls(poller)
    polls = 0

    async def pause(seconds: float) -> None:
        with anyio.move_on_after(seconds):
            await closing.wait()

    try:
        while feed.polls is None or polls < feed.polls:
            if await _with_store(feed, poller.lease):
                assert poller.tracker is not None
                poller.begin_poll()
                walk = feed.changed_since(poller.tracker.ask_from())
                polls += 1
                try:
                    with poller.keeping_lease():
                        records = [record async for record in walk.asynchronous(run)]
                except HirelinkError as error:
                    poller.between_polls()
                    with failures.pausing(error, polls) as seconds:
                        await pause(seconds)
                    continue
                failures.succeeded()
                if poller.surely_held or await _with_store(feed, poller.lease):
                    for record, change, moment in poller.changes(records):
                        with poller.keeping_lease():
                            yield record
                        poller.refuse_after_close()
                        # Only a save goes to the store; marking a change needs none.
                        due = poller.handed_over(change, moment)
                        if due and not await _with_store(feed, poller.flush):
                            break  # the lease was lost
                    else:
                        if poller.unsaved:
                            await _with_store(feed, poller.flush)
                if feed.polls is not None and polls >= feed.polls:
                    return
            poller.between_polls()
            await pause(feed.interval)
    finally:
        try:
            with anyio.CancelScope(shield=True):
                await _with_store(feed, poller.stop)
        except anyio.get_cancelled_exc_class():
            # Cancelled all the same: at the end of asyncio.run, asyncio cancels the task
            # closing an abandoned watch, shield or not. Stopped here then, blocking
            # briefly: else a keeper thread renewed its lease for the life of the process,
            # and a file store's lock stayed held. Not waited for when a worker thread is
            # stopping it already (a store of yours may be calling into this loop).
            poller.stop(wait=False)
            raise


async def _with_store(feed: Feed[Any], call: Callable[[], R]) -> R:
    """``call()``, which asks ``feed``'s store: in place for this process's memory, else
    (Redis, a file, a store of the application's) on one of the
    :data:`~hirelink.core.threads.STORE_THREADS`. anyio's shared pool is the application's
    too, and a busy one would hold up a watch with nothing to wait for."""
    if type(feed.store) is MemoryFeedStore:  # a subclass may do I/O
        return call()
    from .threads import STORE_THREADS

    return await STORE_THREADS.run(call)
