"""Running a step in a child process forked with ``os.fork``, bounded in time.

A child that waits for ever (on a lock its parent held at the fork) fails the test, after
the timeout, instead of hanging the run.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import traceback
from collections.abc import Callable

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
