"""Worker threads of hirelink's own, for the work an async call hands to a thread.

An async call does some of its work on a thread: reading a file to upload or building a
large body, every call to a shared store (Redis: a rate-limit slot, a shared token, a
watch's checkpoint, a receiver's delivery log), and a receiver's sync callbacks. On
anyio's default pool, which the whole process shares (40 threads: Starlette's sync
endpoints run there too), that work waited for whatever held those threads. 40 worker
threads each waiting on an upload through ``anyio.from_thread.run`` held all of them, and
the uploads they waited for never began. Work handed to an :class:`OwnThreads` waits only
for work of its own kind.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import Final, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from anyio.lowlevel import RunVar

__all__ = ["EXCHANGE_WAIT_THREADS", "REQUEST_THREADS", "STORE_THREADS", "OwnThreads"]

T = TypeVar("T")

_limiters: Final[RunVar[weakref.WeakKeyDictionary[OwnThreads, CapacityLimiter]]] = RunVar(
    "hirelink's thread limiters"
)
"""Each event loop's limiters, one per :class:`OwnThreads` still in use. anyio keeps a
:class:`RunVar`'s value for as long as the loop runs: a variable of each ``OwnThreads``
(a receiver app builds one) kept its limiter for good, in a server the whole process."""


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

    def limiter(self) -> CapacityLimiter:
        """The limiter of the running event loop."""
        limiters = _limiters.get(None)
        if limiters is None:
            limiters = weakref.WeakKeyDictionary()
            _limiters.set(limiters)
        limiter = limiters.get(self)
        if limiter is None:
            limiter = limiters[self] = CapacityLimiter(self.capacity)
        return limiter

    async def run(
        self, function: Callable[..., T], *args: object, abandon_on_cancel: bool = False
    ) -> T:
        """``function(*args)`` on one of these threads. A caller cancelled once it has begun
        waits for it to end, unless ``abandon_on_cancel``: then it returns at once and the
        thread runs on (as with ``anyio.to_thread.run_sync``)."""
        return await anyio.to_thread.run_sync(
            functools.partial(function, *args),
            abandon_on_cancel=abandon_on_cancel,
            limiter=self.limiter(),
        )


REQUEST_THREADS: Final = OwnThreads("hirelink's request building", 16)
"""Where an async client reads a file to upload and builds a large body."""

STORE_THREADS: Final = OwnThreads("hirelink's store calls", 16)
"""Where an async client, a watch and a receiver make their blocking calls to a store:
Redis (a rate-limit slot taken and given back, a shared token read, written and its
exchange lock), a watch's checkpoint and lease, a receiver's delivery log.

16 at once, per event loop: a call is one round trip (a millisecond to Redis), so 16
serve thousands a second, far more than any provider's rate limit lets through, and a
loop opens at most as many connections to Redis (and one more for each thread of
:data:`EXCHANGE_WAIT_THREADS` waiting for a lock). What holds a thread longer is a stalled
Redis (up to the store's ``timeout``, after which calls fail at once for as long).
"""

EXCHANGE_WAIT_THREADS: Final = OwnThreads("hirelink's waits for a token exchange", 64)
"""Where an async client waits for a store's exchange lock while another process (or a
client of this one) exchanges the same credential's token: up to a minute, one thread per
credential and event loop. Apart from :data:`STORE_THREADS`: 16 customers waiting there
held every store thread of the loop, and every other customer's rate-limit slot and token
read waited as long. 64 customers waiting at once still leave the store's calls alone; a
65th waits for a thread here.
"""
