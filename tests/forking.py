"""Running a step in a child process forked with ``os.fork``, bounded in time.

A child that waits for ever (on a lock its parent held at the fork) fails the test, after
the timeout, instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import threading
import traceback
from collections.abc import Callable, Iterator

CHILD_TIMEOUT = 20.0
"""Seconds the child has: far beyond what its step takes, even on a loaded machine."""


def answer_of_forked_child(step: Callable[[], str], timeout: float = CHILD_TIMEOUT) -> str:
    """What ``step()`` returns in a child forked now (its traceback if it raised); an
    AssertionError if the child gives no answer within ``timeout`` seconds (it is killed)."""
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        answer = "no answer"
        try:
            os.close(readable)
            answer = step()
        except BaseException:
            answer = traceback.format_exc()
        finally:
            with contextlib.suppress(BaseException):
                os.write(writable, answer.encode())
            os._exit(0)
    os.close(writable)
    try:
        ready, _, _ = select.select([readable], [], [], timeout)
        if not ready:
            os.kill(child, signal.SIGKILL)
            raise AssertionError(f"the forked child gave no answer within {timeout:g} s (hung)")
        chunks = []
        while chunk := os.read(readable, 65536):
            chunks.append(chunk)
        return b"".join(chunks).decode()
    finally:
        os.close(readable)
        os.waitpid(child, 0)


@contextlib.contextmanager
def held_by_another_thread(*locks: contextlib.AbstractContextManager[object]) -> Iterator[None]:
    """``locks`` held by another thread for the block (as at a fork during its call)."""
    holding, leave = threading.Event(), threading.Event()

    def hold() -> None:
        with contextlib.ExitStack() as stack:
            for lock in locks:
                stack.enter_context(lock)
            holding.set()
            leave.wait(CHILD_TIMEOUT)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(CHILD_TIMEOUT)
        yield
    finally:
        leave.set()
        holder.join(CHILD_TIMEOUT)
