"""Client-side rate limits: at most N requests per window, shared across the process
(or, with a :class:`~hirelink.core.stores.RedisStore`, across processes and hosts).

Some providers publish hard limits per credential (Personio's Recruiting API: 20
requests per 60 s per company, over uploads and submissions together). Exceeding them
costs a 429 and a long wait, so hirelink spaces such requests out itself.

- :class:`SlidingWindowLimiter` counts requests in a sliding window. A caller
  *reserves* a slot and is told how long to wait before using it; the reservation is a
  few arithmetic operations under a :class:`threading.Lock`, so one limiter serves
  threads and any number of event loops at once, and the caller waits with whatever
  sleep fits (``time.sleep`` or ``anyio.sleep``).
- :func:`shared_limiter` is the process-wide registry: every client asking for the
  same key (and the same limit) gets the same limiter, so two clients of one company
  share its budget.
- :class:`RateLimit` says which requests a limiter applies to (path prefixes, methods).
  A limit made with :meth:`RateLimit.shared` names its key, so a client built with
  another store (:meth:`RateLimit.on`) takes the same budget from that store.
- :class:`RateLimitTransport` / :class:`AsyncRateLimitTransport` apply a client's
  rate limits to every request they send. They sit *inside* the retry transport, so a
  resend after a 429 waits for a slot like any other request.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Final, Protocol

import httpx
from attrs import define, evolve, field

from .secrets import scrub

ratelimit_logger = logging.getLogger("hirelink.ratelimit")

Clock = Callable[[], float]


def _positive_int(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    return value


def _positive_seconds(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
    return float(value)


class Limiter(Protocol):
    """Hands out slots: the seconds a caller waits before sending (>= 0)."""

    limit: int
    window: float

    def reserve(self) -> float: ...

    async def areserve(self) -> float: ...


class LimiterSource(Protocol):
    """Where shared budgets are kept (every :class:`~hirelink.core.stores.Store` is one)."""

    def limiter(self, key: str, limit: int, window: float) -> Limiter:
        """The limiter of ``key`` (``limit`` requests per ``window`` seconds)."""


class SlidingWindowLimiter:
    """Allows at most ``limit`` requests in any ``window`` seconds.

    It keeps the start times of the last ``limit`` reserved slots. A new reservation
    gets "now" when fewer than ``limit`` slots started within the last ``window``
    seconds, else the moment the oldest of them leaves the window. Reservations are
    handed out in order, so waiting callers are served first come, first served.

    Thread-safe; not tied to any event loop.

    Args:
        limit: requests allowed per window.
        window: the window in seconds.
        clock: monotonic seconds (tests pass a fake clock).
    """

    def __init__(self, limit: int, window: float, *, clock: Clock = time.monotonic) -> None:
        self.limit = _positive_int("limit", limit)
        self.window = _positive_seconds("window", window)
        self._clock = clock
        self._lock = threading.Lock()
        self._starts: collections.deque[float] = collections.deque(maxlen=self.limit)

    def reserve(self) -> float:
        """Take the next free slot; return the seconds to wait before sending (>= 0)."""
        with self._lock:
            now = self._clock()
            start = now
            if len(self._starts) == self.limit:
                start = max(now, self._starts[0] + self.window)
            self._starts.append(start)  # the deque's maxlen drops the oldest start
            return start - now

    async def areserve(self) -> float:
        """:meth:`reserve` for async callers (it never blocks for long)."""
        return self.reserve()

    def __repr__(self) -> str:
        return f"SlidingWindowLimiter(limit={self.limit}, window={self.window})"


_registry_lock: Final = threading.Lock()
_registry: dict[tuple[str, int, float], SlidingWindowLimiter] = {}


def shared_limiter(key: str, limit: int, window: float) -> SlidingWindowLimiter:
    """The process-wide limiter for ``key``, created on first use.

    ``key`` names what the limit is counted per, e.g. ``"personio-recruiting:41737"``
    for one Personio company. Clients that declare a different limit or window for
    the same key get a limiter of their own (they could not share one consistently).
    """
    registry_key = (key, _positive_int("limit", limit), _positive_seconds("window", window))
    with _registry_lock:
        limiter = _registry.get(registry_key)
        if limiter is None:
            limiter = _registry[registry_key] = SlidingWindowLimiter(limit, window)
        return limiter


def _prefixes(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _methods(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(method.upper() for method in value)


@define(frozen=True)
class RateLimit:
    """A limiter and the requests it applies to.

    Attributes:
        limiter: the limiter (usually from :func:`shared_limiter`, via :meth:`shared`).
        paths: URL path prefixes the limit applies to; empty means every request.
        methods: HTTP methods it applies to; None means every method.
        key: what the budget is counted per (set by :meth:`shared`); a limit with a key
            can move to another store with :meth:`on`.
    """

    limiter: Limiter
    paths: tuple[str, ...] = field(default=(), converter=_prefixes)
    methods: frozenset[str] | None = field(default=None, converter=_methods)
    key: str | None = None

    @classmethod
    def shared(
        cls,
        key: str,
        *,
        requests: int,
        per: float,
        paths: Iterable[str] | str = (),
        methods: Iterable[str] | None = None,
        headroom: float = 0.0,
    ) -> RateLimit:
        """``requests`` per ``per`` seconds for ``key``, shared by the whole process.

        ``headroom`` seconds are added to the window: the provider counts requests as
        they arrive and we count them as they leave, so a little slack absorbs
        differences in network latency between requests.
        """
        if isinstance(headroom, bool) or not isinstance(headroom, int | float) or headroom < 0:
            raise ValueError(f"headroom must be a number of seconds >= 0, got {headroom!r}")
        window = _positive_seconds("per", per) + headroom
        return cls(shared_limiter(key, requests, window), paths=paths, methods=methods, key=key)

    def on(self, store: LimiterSource) -> RateLimit:
        """This limit with its budget kept in ``store`` (unchanged without a key)."""
        if self.key is None:
            return self
        limiter = store.limiter(self.key, self.limiter.limit, self.limiter.window)
        return self if limiter is self.limiter else evolve(self, limiter=limiter)

    def applies_to(self, request: httpx.Request) -> bool:
        if self.methods is not None and request.method.upper() not in self.methods:
            return False
        return not self.paths or request.url.path.startswith(self.paths)


def _log_hold(request: httpx.Request, waits: Sequence[float]) -> float:
    wait = max(waits, default=0.0)
    if wait > 0:
        ratelimit_logger.info(
            "holding %s %s for %.2fs (client-side rate limit)",
            request.method,
            scrub(str(request.url)),
            wait,
        )
    return wait


def reserve(limits: Sequence[RateLimit], request: httpx.Request) -> float:
    """Reserve a slot of every limit that applies to ``request``; return the longest wait."""
    return _log_hold(
        request, [limit.limiter.reserve() for limit in limits if limit.applies_to(request)]
    )


async def areserve(limits: Sequence[RateLimit], request: httpx.Request) -> float:
    """:func:`reserve` for async transports (a shared store is asked off the event loop)."""
    return _log_hold(
        request, [await limit.limiter.areserve() for limit in limits if limit.applies_to(request)]
    )


class RateLimitTransport(httpx.BaseTransport):
    """Waits for every applicable :class:`RateLimit` before passing a request on."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        limits: Sequence[RateLimit],
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._inner = inner
        self._limits = tuple(limits)
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        wait = reserve(self._limits, request)
        if wait > 0:
            self._sleep(wait)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


async def async_sleep(seconds: float) -> None:
    """``anyio.sleep``, imported on first use: only async clients need anyio."""
    import anyio

    await anyio.sleep(seconds)


class AsyncRateLimitTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RateLimitTransport` (same limiters, awaited waits)."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        limits: Sequence[RateLimit],
        *,
        sleep: Callable[[float], Awaitable[None]] = async_sleep,
    ) -> None:
        self._inner = inner
        self._limits = tuple(limits)
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        wait = await areserve(self._limits, request)
        if wait > 0:
            await self._sleep(wait)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
