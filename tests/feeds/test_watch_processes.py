"""Watches in processes of their own: killed and restarted, and two workers on one feed.

Workers are real processes killed with SIGKILL (no chance to clean up), so what carries
over is only what the store kept: the checkpoint (a file, or Redis) and, with Redis, a
lease that expires by itself.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hirelink.join import Join
from hirelink.sandbox import StandIn, serve_stand_in
from tests.waiting import wait_until
from tools.redis_server import RedisServer

WORKER = Path(__file__).with_name("watch_worker.py")
INTERVAL = 0.1
LEASE_TTL = 1.0
DEADLINE = 60.0  # a bound for each wait: a lost record fails the test instead of hanging it
_emails = itertools.count(1)


class Worker:
    """One watch_worker.py process; its output lines, with the time each arrived."""

    def __init__(self, stand_in: StandIn[Any], store: str, since: datetime, *extra: str) -> None:
        details = stand_in.details
        command = [
            sys.executable, str(WORKER), details["base_url"], details["token"], store,
            since.isoformat(), str(INTERVAL), str(LEASE_TTL), *extra,
        ]  # fmt: skip
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, a test script
            command, stdout=subprocess.PIPE, text=True
        )
        self.lines: list[tuple[float, str]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.time(), line.strip()))

    def records(self) -> list[int]:
        return [int(line.split()[1]) for _, line in self.lines if line.startswith("record ")]

    def polls(self) -> list[float]:
        return [float(line.split()[1]) for _, line in self.lines if line.startswith("poll ")]

    def kill(self) -> float:
        """SIGKILL; the moment it was sent."""
        killed_at = time.time()
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self._reader.join(timeout=30)
        return killed_at

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()


@pytest.fixture
def join_stand_in() -> Iterator[StandIn[Any]]:
    with serve_stand_in("join") as served:
        yield served


@pytest.fixture
def workers() -> Iterator[list[Worker]]:
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.stop()


def create(stand_in: StandIn[Any], count: int) -> list[int]:
    ids = []
    with Join(**stand_in.client_kwargs()) as join:
        for _ in range(count):
            created = join.create_application(
                8812345, first_name="Kai", last_name="Process",
                email=f"process{next(_emails)}@example.org",
            )  # fmt: skip
            assert isinstance(created.id, int)  # the stand-in always answers the id
            ids.append(created.id)
    return ids


def saved_changes(checkpoint: str) -> int:
    """How many changes the checkpoint file holds as handed over (0 before the first save)."""
    try:
        feeds = json.loads(Path(checkpoint).read_text())
    except (FileNotFoundError, ValueError):  # not written yet, or caught mid-replace
        return 0
    return max((len(json.loads(saved)["seen"]) for saved in feeds.values()), default=0)


def test_a_watch_killed_mid_run_and_restarted_loses_no_change(
    join_stand_in: StandIn[Any], workers: list[Worker], tmp_path: Path
) -> None:
    checkpoint = str(tmp_path / "checkpoints.json")
    since = datetime.now(UTC) - timedelta(seconds=1)
    first = Worker(join_stand_in, checkpoint, since)
    workers.append(first)
    created = create(join_stand_in, 4)
    # A watch saves its checkpoint at the end of each poll (and a second after the last
    # save), not after every change: killed before a save, it hands what it had handled
    # since over again (at least once). Killed once its checkpoint holds these changes,
    # it repeats at most the one it was handling.
    wait_until(
        lambda: saved_changes(checkpoint) >= len(created),
        "the first worker's checkpoint",
        timeout=DEADLINE,
    )
    first.kill()
    created += create(join_stand_in, 4)  # while no worker runs
    second = Worker(join_stand_in, checkpoint, since)
    workers.append(second)

    def received() -> set[int]:
        return set(first.records()) | set(second.records())

    wait_until(
        lambda: set(created) <= received(), "every change", timeout=DEADLINE
    )  # fails if one is lost
    repeated = len(first.records()) + len(second.records()) - len(received())
    assert repeated <= 1  # at least once: at most the record the kill interrupted
    print(f"\nkill/restart: {len(created)} changes, none lost, repeated {repeated}")


def test_with_redis_one_worker_polls_and_the_survivor_takes_over(
    join_stand_in: StandIn[Any], workers: list[Worker]
) -> None:
    since = datetime.now(UTC) - timedelta(seconds=1)
    with RedisServer() as redis_server:
        pair = [Worker(join_stand_in, redis_server.url, since, redis_server.url) for _ in range(2)]
        workers.extend(pair)
        wait_until(
            lambda: any(len(w.polls()) >= 3 for w in pair), "a first poller", timeout=DEADLINE
        )
        created = create(join_stand_in, 3)
        holder = next(w for w in pair if w.polls())
        survivor = next(w for w in pair if w is not holder)
        wait_until(
            lambda: set(created) <= set(holder.records()), "the holder's records", timeout=DEADLINE
        )
        assert survivor.polls() == []  # it waited for the lease all along
        killed_at = holder.kill()
        wait_until(lambda: bool(survivor.polls()), "the survivor's first poll", timeout=DEADLINE)
        takeover = survivor.polls()[0] - killed_at
        created += create(join_stand_in, 3)
        wait_until(
            lambda: set(created) <= set(holder.records()) | set(survivor.records()),
            "every change",
            timeout=DEADLINE,
        )
        survivor.stop()  # before Redis stops
        lines = [line for w in pair for _, line in w.lines]
    assert "overlap" not in lines  # never two list requests in flight at once
    assert takeover > 0
    # "every change" above fails the test when one is lost.
    print(f"\nlease takeover after SIGKILL: {takeover:.2f} s (lease_ttl {LEASE_TTL} s, "
          f"interval {INTERVAL} s); changes {len(created)}, none lost")  # fmt: skip


def _fork_child_that_lingers(seconds: float) -> int:
    """A child process that does nothing for ``seconds`` (a process pool's idle worker),
    returned once it runs (the fork's hooks have run in it)."""
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        os.write(writable, b"up")
        time.sleep(seconds)
        os._exit(0)
    os.close(writable)
    with os.fdopen(readable, "rb") as pipe:
        assert pipe.read(2) == b"up"
    return child


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")
def test_a_child_forked_while_a_lease_is_held_does_not_keep_it(tmp_path: Path) -> None:
    """A worker forked while a watch held its lease (a process pool started in the loop)
    shared the lease's lock file: once the watch gave the lease up, no watch of that feed,
    the parent's next one included, could take it while the worker lived."""
    from hirelink.core.feeds import FileFeedStore

    path = tmp_path / "checkpoints.json"
    store = FileFeedStore(path)
    assert store.acquire_lease("join-applications", "first", 30)
    child = _fork_child_that_lingers(5)
    try:
        store.release_lease("join-applications", "first")
        assert FileFeedStore(path).acquire_lease("join-applications", "next", 30)
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")
def test_a_child_forked_while_another_thread_saves_does_not_keep_the_file_locked(
    tmp_path: Path,
) -> None:
    """Forked while another thread held the turn to write the file, a child kept that
    turn while it lived: every later save of every feed in the file waited for it."""
    from hirelink.core import file_updates

    path = tmp_path / "checkpoints.json"
    inside, leave = threading.Event(), threading.Event()

    def save() -> None:
        with file_updates.one_writer(path):
            inside.set()
            leave.wait(10)

    saving = threading.Thread(target=save)
    saving.start()
    assert inside.wait(10)
    child = _fork_child_that_lingers(5)
    try:
        leave.set()
        saving.join(10)
        done = threading.Event()

        def save_again() -> None:
            with file_updates.one_writer(path):
                done.set()

        threading.Thread(target=save_again, daemon=True).start()
        assert done.wait(3), "the next save waited for the child"
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)


def test_a_lock_file_closed_while_this_thread_opens_another_does_not_hang(tmp_path: Path) -> None:
    """The garbage collector may finish an abandoned watch (releasing its lease) inside
    the opening of another lock file on the same thread (as may a signal handler that
    forks): the guard around them then waited for itself, for ever (review 32)."""
    from hirelink.core import file_updates

    done = threading.Event()

    def nested() -> None:
        with file_updates._lock_files_guard:  # as while opening a lock file
            handle = file_updates.open_lock_file(tmp_path / "a.json.lock")
            file_updates.close_lock_file(handle)
        done.set()

    threading.Thread(target=nested, daemon=True).start()
    assert done.wait(5), "closing a lock file inside the opening of another hung"
