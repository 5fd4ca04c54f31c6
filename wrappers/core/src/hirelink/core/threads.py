"""Worker threads of hirelink's own, for the work an async call hands to a thread.

An async call does some of its work on a thread: reading a file to upload or building a
large body, and a receiver's sync callbacks. On anyio's default pool, which the whole
process shares (40 threads: Starlette's sync endpoints run there too), that work waited
for whatever held those threads. 40 worker threads each waiting on an upload through
``anyio.from_thread.run`` held all of them, and the uploads they waited for never began.
Work handed to an :class:`OwnThreads` waits only for work of its own kind.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from typing import Final, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from anyio.lowlevel import RunVar

__all__ = ["REQUEST_THREADS", "OwnThreads"]

T = TypeVar("T")

_numbers = itertools.count(1)


class OwnThreads:
    """At most ``capacity`` worker threads at once for one kind of work, apart from
    anyio's shared pool.

    anyio makes a limiter only inside a running event loop: each loop gets its own, on
    first use.

    Raises:
        ValueError: ``capacity`` is not a positive integer.
    """

    def __init__(self, name: str, capacity: int) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        self.name, self.capacity = name, capacity
        # A name of its own: before 4.10, anyio keeps a RunVar's value under its name, and
        # two of these sharing one would share one limiter.
        self._limiter: RunVar[CapacityLimiter] = RunVar(f"{name} #{next(_numbers)}")

    def limiter(self) -> CapacityLimiter:
        """The limiter of the running event loop."""
        limiter = self._limiter.get(None)
        if limiter is None:
            limiter = CapacityLimiter(self.capacity)
            self._limiter.set(limiter)
        return limiter

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` on one of these threads (not cancellable once begun)."""
        return await anyio.to_thread.run_sync(
            functools.partial(function, *args), limiter=self.limiter()
        )


REQUEST_THREADS: Final = OwnThreads("hirelink's request building", 16)
"""Where an async client reads a file to upload and builds a large body."""
