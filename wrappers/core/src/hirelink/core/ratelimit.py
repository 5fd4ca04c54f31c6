"""Client-side rate limits: at most N requests per window, shared across the process
(or, with a :class:`~hirelink.core.stores.RedisStore`, across processes and hosts).

Some providers publish hard limits per credential (Personio's Recruiting API: 20
requests per 60 s per company, over uploads and submissions together). Exceeding them
costs a 429 and a long wait, so hirelink spaces such requests out itself.

- :class:`SlidingWindowLimiter` counts requests in a sliding window. A caller
  *reserves* a :class:`Slot` and is told how long to wait before using it; the
  reservation is a few arithmetic operations under a :class:`threading.Lock`, so one
  limiter serves threads and any number of event loops at once, and the caller waits
  with whatever sleep fits (``time.sleep`` or ``anyio.sleep``). A caller that gives up
  while waiting (a cancelled task, a timeout, Ctrl-C) gives the slot back, and the next
  reservation takes its place instead of queueing behind a request never sent.
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

import bisect
import itertools
import logging
import threading
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Final, Protocol

import httpx
from attrs import define, evolve, field, frozen

from . import forks
from .errors import HANDED_OVER, InvalidInputError, closed_while_waiting
from .redaction import log_fields
from .secrets import scrub
from .validation import positive_seconds
from .waits import LONG_WAIT

ratelimit_logger = logging.getLogger("hirelink.ratelimit")

Clock = Callable[[], float]


def _positive_int(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a whole number >= 1, got {value!r}")
    return value


@frozen
class Slot:
    """A reserved slot of a limiter: wait :attr:`wait` seconds, then send.

    A caller that will not send after all calls :attr:`give_back` once, so that the
    slot counts no more; a slot that was used is never given back.

    Attributes:
        wait: seconds to wait before sending (>= 0).
        give_back: frees the slot (for a shared store, a call to it).
        may_block: whether ``give_back`` may block, calling a store (async callers then
            call it on a worker thread); False for a slot given back in place.
    """

    wait: float
    give_back: Callable[[], None] = field(repr=False, eq=False)
    may_block: bool = True


class Limiter(Protocol):
    """Hands out :class:`Slot` s: the seconds a caller waits before sending (>= 0)."""

    limit: int
    window: float

    def reserve(self) -> Slot: ...

    async def areserve(self) -> Slot: ...


class LimiterSource(Protocol):
    """Where shared budgets are kept (every :class:`~hirelink.core.stores.Store` is one)."""

    def limiter(self, key: str, limit: int, window: float) -> Limiter:
        """The limiter of ``key`` (``limit`` requests per ``window`` seconds)."""


class SlidingWindowLimiter:
    """Allows at most ``limit`` requests in any ``window`` seconds.

    It keeps the start times of the reserved slots that still count, in order. A new
    reservation gets the earliest moment from now at which one more start keeps every
    window of ``window`` seconds at ``limit`` starts or fewer: "now" while the window has
    room, else the moment a start leaves it. A slot given back (:attr:`Slot.give_back`)
    leaves a gap that the next reservation fills, also ahead of slots already handed out
    (their waits stay as they were).

    While no slot is given back, each reservation goes to the end of the queue, and so
    does the next: no moment before the last start has room (more starts only take room),
    and after it only the queue's last window counts. A reservation then looks at that
    window alone; the first after a give-back scans the queue for the gap. (Each scanned
    it: 3,000 requests queued behind Personio's limit took 13 s of reservations under the
    lock, on an async client's event loop.)

    Thread-safe; not tied to any event loop.

    Args:
        limit: requests allowed per window.
        window: the window in seconds.
        clock: monotonic seconds (tests pass a fake clock).
    """

    def __init__(self, limit: int, window: float, *, clock: Clock = time.monotonic) -> None:
        self.limit = _positive_int("limit", limit)
        self.window = positive_seconds("window", window)
        self._clock = clock
        self._lock = threading.Lock()
        self._starts: list[float] = []
        self._shared_as: _RegistryKey | None = None  # its key, when shared_limiter made it
        # No moment from now until the last start fits one more, so the next reservation
        # goes at the end. False once a slot given back may have left a gap.
        self._gapless = True
        # A lock of its own in a forked child; the starts are kept (the list is changed
        # whole between two bytecodes).
        forks.new_lock_in_child(self, "_lock", threading.Lock)

    def reserve(self) -> Slot:
        """Take the next free slot; its ``wait`` is the seconds to wait before sending."""
        if self._shared_as is not None and self._shared_as not in _counting:
            _keep_counting(self._shared_as, self)  # idle when let go: counting again
        with self._lock:
            now = self._clock()
            starts = self._starts
            # A start a whole window ago limits no reservation from now on.
            gone = bisect.bisect_right(starts, now - self.window)
            if gone and starts[gone - 1] + self.window > now:
                # Floats: a start dropped as ``<= now - window`` may have ``start + window >
                # now`` (earliest_start's comparison), so it kept a moment from fitting that
                # may fit without it, before the end.
                self._gapless = False
            del starts[:gone]
            if self._gapless and len(starts) >= self.limit:
                # Nothing fits before the last start, and after it only the last window of
                # ``limit`` starts counts (what earliest_start finds, without the scan).
                start = max(now, starts[-1], starts[-self.limit] + self.window)
            else:
                start = earliest_start(starts, now, self.limit, self.window)
            # The earliest fit at or after the last start: nothing before it fits now, nor
            # later, as long as nothing is given back (another start only takes room).
            self._gapless = not starts or start >= starts[-1]
            bisect.insort(starts, start)
        return Slot(start - now, lambda: self._give_back(start), may_block=False)

    async def areserve(self) -> Slot:
        """:meth:`reserve` for async callers (it never blocks for long)."""
        return self.reserve()

    def _forget_starts(self) -> None:
        """Count from nothing, as if no slot had been handed out."""
        with self._lock:
            self._starts.clear()
            self._gapless = True

    def _give_back(self, start: float) -> None:
        with self._lock:
            index = bisect.bisect_left(self._starts, start)
            if index < len(self._starts) and self._starts[index] == start:
                self._gapless = False  # first: a child forked in between skips no gap
                del self._starts[index]

    def _idle(self) -> bool:
        """Whether no start is left in the window: a limiter made anew would wait the same."""
        with self._lock:
            return not self._starts or self._starts[-1] + self.window <= self._clock()

    def __repr__(self) -> str:
        return f"SlidingWindowLimiter(limit={self.limit}, window={self.window})"


def earliest_start(starts: Sequence[float], now: float, limit: int, window: float) -> float:
    """The earliest moment from ``now`` at which one more start keeps every window of
    ``window`` seconds at ``limit`` starts or fewer (``starts`` sorted, all after
    ``now - window``).

    Sorted starts keep the limit when any ``limit + 1`` consecutive ones span at least a
    window; a new start changes only the spans it falls in. It can first fit at ``now``
    or where a start's window ends, so those are tried in order (the last always fits).
    Fewer than ``limit`` starts leave room now, whatever their moments.
    """
    if len(starts) < limit:
        return now

    def fits(moment: float) -> bool:
        at = bisect.bisect_right(starts, moment)

        def with_it(index: int) -> float:
            if index == at:
                return moment
            return starts[index] if index < at else starts[index - 1]

        # ``b >= a + window``, not ``b - a >= window``: a candidate is ``a + window`` itself,
        # and the difference of floats could fall short of it.
        return all(
            with_it(first + limit) >= with_it(first) + window
            for first in range(max(0, at - limit), min(at, len(starts) - limit) + 1)
        )

    for moment in itertools.chain((now,), (start + window for start in starts)):
        if moment >= now and fits(moment):
            return moment
    raise AssertionError("the end of the last start's window always fits")  # pragma: no cover


_registry_lock = threading.Lock()
_RegistryKey = tuple[str, int, float]
# Every limiter a client holds (weakly: the clients hold them), and those still counting
# starts in their window (strongly, so that a client made per call finds the history of
# the last one: Personio's 150 token exchanges a minute). A limiter neither held nor
# counting goes: a process making a client per customer kept one for every customer it
# had ever served, 2.4 KB each.
_registry: weakref.WeakValueDictionary[_RegistryKey, SlidingWindowLimiter] = (
    weakref.WeakValueDictionary()
)
_counting: dict[_RegistryKey, SlidingWindowLimiter] = {}
_KEEP_IDLE_UP_TO: Final = 1_000
"""Limiters kept strongly before the idle ones among them are let go."""
_left_busy = 0  # how many a pruning left: the next waits for twice as many, not a new key


def _keep_counting(key: _RegistryKey, limiter: SlidingWindowLimiter) -> None:
    """Hold ``limiter`` strongly, letting go of the idle ones once there are many."""
    global _left_busy
    with _registry_lock:
        if key not in _counting and len(_counting) >= max(_KEEP_IDLE_UP_TO, 2 * _left_busy):
            for idle in [held for held, kept in _counting.items() if kept._idle()]:
                del _counting[idle]
            _left_busy = len(_counting)
        _counting[key] = limiter


def _fresh_registry_lock() -> None:
    """In a child process after ``os.fork``: a registry lock of its own. Another thread of
    the parent may have held it at the fork, and no thread of the child would release it:
    the child's first client waited for ever."""
    global _registry_lock
    _registry_lock = threading.Lock()


forks.in_child(_fresh_registry_lock)


def forget_counted() -> None:
    """Let every process-wide limiter start empty, as if no request had been sent (the
    sandbox's pytest plugin does before each test: a test after those that spent a
    budget, such as Personio's 150 token requests a minute, waited for its window)."""
    with _registry_lock:
        limiters = list(_registry.values())
    for limiter in limiters:
        limiter._forget_starts()


def shared_limiter(key: str, limit: int, window: float) -> SlidingWindowLimiter:
    """The process-wide limiter for ``key``, created on first use.

    ``key`` names what the limit is counted per, e.g. ``"personio-recruiting:41737"``
    for one Personio company. Clients that declare a different limit or window for
    the same key get a limiter of their own (they could not share one consistently).
    """
    registry_key = (key, _positive_int("limit", limit), positive_seconds("window", window))
    with _registry_lock:
        limiter = _registry.get(registry_key)
        if limiter is None:
            limiter = _registry[registry_key] = SlidingWindowLimiter(limit, window)
            limiter._shared_as = registry_key
    _keep_counting(registry_key, limiter)
    return limiter


def _prefixes(value: Iterable[str] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _methods(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(method.upper() for method in value)


@define(frozen=True)
class RateLimit:
    """A limiter and the requests it applies to.

    Give a client limits that do not overlap: of two limits applying to one request, each
    counts the request from its own slot's start, though it leaves at the later one, so
    the limit with the shorter wait can let more through than it allows.

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
        window = positive_seconds("per", per) + positive_seconds("headroom", headroom, zero=True)
        return cls(shared_limiter(key, requests, window), paths=paths, methods=methods, key=key)

    def on(self, store: LimiterSource) -> RateLimit:
        """This limit with its budget kept in ``store`` (unchanged without a key)."""
        if self.key is None:
            return self
        limiter = store.limiter(self.key, self.limiter.limit, self.limiter.window)
        return self if limiter is self.limiter else evolve(self, limiter=limiter)

    def applies_to(self, request: httpx.Request) -> bool:
        """Whether ``request`` counts against this limit (its method and path prefixes)."""
        if self.methods is not None and request.method.upper() not in self.methods:
            return False
        return not self.paths or request.url.path.startswith(self.paths)


class _Holds:
    """Says how long a transport holds each request: the first hold longer than
    :data:`~hirelink.core.waits.LONG_WAIT` as a WARNING, the holds queued behind it, until
    the queue has drained, at INFO (100 uploads queued under Personio's limit logged 80
    WARNINGs). Unlocked: two threads racing log at worst one WARNING more."""

    def __init__(self) -> None:
        self._quiet_until = 0.0  # time.monotonic(): when the queue said so has drained

    def longest_wait(self, request: httpx.Request, slots: Sequence[Slot]) -> float:
        wait = max((slot.wait for slot in slots), default=0.0)
        if wait <= 0:
            return wait
        level = logging.INFO
        if wait > LONG_WAIT:
            now = time.monotonic()
            if now >= self._quiet_until:
                level = logging.WARNING
            self._quiet_until = max(self._quiet_until, now + wait)
        if ratelimit_logger.isEnabledFor(level):
            fields = log_fields(request, wait_s=round(wait, 3))
            ratelimit_logger.log(
                level,
                "holding %s %s for %.2fs (client-side rate limit)%s",
                request.method,
                fields["hirelink_url"],
                wait,
                "; the requests queued behind it at INFO" if level == logging.WARNING else "",
                extra=fields,
            )
        return wait


RATE_WINDOW: Final = "hirelink.rate_window"
"""A request extension: the longest window (seconds) of the client-side limits the request
is counted under. A 429 that names no wait is resent after it rather than after a short
backoff: a provider that publishes a window (Personio) asks to wait it out, and a resend
within it only spends the budget again
(:meth:`hirelink.core.transport.RetryPolicy.wait_after`)."""


NOT_SENT_ERRORS: Final = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.ProxyError,  # the proxy would not open a tunnel: nothing reached the provider
)
"""Raised before a single byte of the request reached the server."""


# Also a setting the transport below could not use (a proxy it cannot reach through):
# refused before anything was sent.
_NOTHING_SENT: Final = (*NOT_SENT_ERRORS, InvalidInputError)


def _not_sent(error: BaseException, request: httpx.Request) -> bool:
    """Whether ``error`` stopped ``request`` before any of it reached the provider: one of
    :data:`NOT_SENT_ERRORS`, or anything (a cancelled task, Ctrl-C) raised while it was
    still waiting for a connection of hirelink's pool, which marks it
    :data:`~hirelink.core.errors.HANDED_OVER` ``False`` until it starts going out.
    Through another transport, which cannot tell, the slot counts as spent."""
    return isinstance(error, _NOTHING_SENT) or request.extensions.get(HANDED_OVER) is False


def give_back(slots: Iterable[Slot]) -> None:
    """Give back ``slots`` whose request will not be sent.

    Never raises: a slot that cannot be given back (its store unreachable) only keeps
    counting until its window passes, which delays later requests but breaks no limit.
    """
    for slot in slots:
        try:
            slot.give_back()
        except Exception as error:  # the caller is already failing: log, never raise
            ratelimit_logger.warning(
                "could not give back a rate-limit slot (%s: %s); it counts until its window passes",
                type(error).__name__,
                scrub(str(error)),
            )


def _applying(limits: Sequence[RateLimit], request: httpx.Request) -> list[RateLimit]:
    """The limits that count ``request``; their longest window noted on it (RATE_WINDOW)."""
    applying = [limit for limit in limits if limit.applies_to(request)]
    if applying:
        request.extensions[RATE_WINDOW] = max(limit.limiter.window for limit in applying)
    return applying


def _checked(slot: object, limiter: Limiter, method: str) -> Slot:
    """``slot``, if a limiter (a store's own) handed out a :class:`Slot`: one written for
    0.1 returned the wait alone, which failed later with a bare AttributeError."""
    if not isinstance(slot, Slot):
        raise TypeError(
            f"{type(limiter).__name__}.{method}() returned {type(slot).__name__}: since"
            " hirelink 0.2 a limiter hands out a hirelink.core.ratelimit.Slot (its wait,"
            " and how to give it back)"
        )
    return slot


def reserve(limits: Sequence[RateLimit], request: httpx.Request) -> list[Slot]:
    """A slot of every limit that applies to ``request`` (all given back if one fails)."""
    applying = _applying(limits, request)
    slots: list[Slot] = []
    try:
        for limit in applying:
            slots.append(_checked(limit.limiter.reserve(), limit.limiter, "reserve"))
    except BaseException:
        give_back(slots)
        raise
    return slots


async def areserve(limits: Sequence[RateLimit], request: httpx.Request) -> list[Slot]:
    """:func:`reserve` for async transports (a shared store is asked off the event loop)."""
    applying = _applying(limits, request)
    slots: list[Slot] = []
    try:
        for limit in applying:
            slots.append(_checked(await limit.limiter.areserve(), limit.limiter, "areserve"))
    except BaseException:
        await agive_back(slots)
        raise
    return slots


async def agive_back(slots: Sequence[Slot]) -> None:
    """:func:`give_back` off the event loop (on one of the
    :data:`~hirelink.core.threads.STORE_THREADS`), and finished even when the task is
    cancelled."""
    if not any(slot.may_block for slot in slots):
        give_back(slots)  # in memory: in place, without a thread
        return
    import anyio

    from .threads import STORE_THREADS

    with anyio.CancelScope(shield=True):
        await STORE_THREADS.run(give_back, slots)


class Closing:
    """Whether a waiting transport was closed; its waits end early when it is, so that a
    request waiting for a slot or a retry is not sent after the client closed."""

    def __init__(self) -> None:
        self._event = threading.Event()
        # One anyio.Event per wait, made in the loop that waits: an event is bound to the
        # first loop that waits on it, and a caller's transport may serve several loops.
        self._async_waits: set[Any] = set()

    @property
    def closed(self) -> bool:
        return self._event.is_set()

    def close(self) -> None:
        self._event.set()
        for waiting in tuple(self._async_waits):
            waiting.set()

    def sleep(self, seconds: float) -> None:
        self._event.wait(seconds)

    async def asleep(self, seconds: float) -> None:
        import anyio

        if self.closed:
            return
        waiting = anyio.Event()
        self._async_waits.add(waiting)
        try:
            with anyio.move_on_after(seconds):
                await waiting.wait()
        finally:
            self._async_waits.discard(waiting)


class RateLimitTransport(httpx.BaseTransport):
    """Waits for every applicable :class:`RateLimit` before passing a request on."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        limits: Sequence[RateLimit],
        *,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._inner = inner
        self._limits = tuple(limits)
        self._closing = Closing()
        self._sleep = sleep or self._closing.sleep
        self._holds = _Holds()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        slots = reserve(self._limits, request)
        wait = self._holds.longest_wait(request, slots)
        if wait > 0:
            try:
                self._sleep(wait)
            except BaseException:  # Ctrl-C or a failing sleep: this request is not sent
                give_back(slots)
                raise
        if self._closing.closed:  # after its wait, or queued behind the close
            give_back(slots)
            raise closed_while_waiting(request)
        try:
            return self._inner.handle_request(request)
        except BaseException as error:
            if _not_sent(error, request):  # nothing reached the provider: the slot is not spent
                give_back(slots)
            raise

    def close(self) -> None:
        """Close the transport below; requests still waiting for a slot raise at once."""
        self._closing.close()
        self._inner.close()


class AsyncRateLimitTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RateLimitTransport` (same limiters, awaited waits)."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        limits: Sequence[RateLimit],
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._inner = inner
        self._limits = tuple(limits)
        self._closing = Closing()
        self._sleep = sleep or self._closing.asleep
        self._holds = _Holds()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Wait for a slot of every limit that applies, then send ``request``."""
        slots = await areserve(self._limits, request)
        wait = self._holds.longest_wait(request, slots)
        if wait > 0:
            try:
                await self._sleep(wait)
            except BaseException:  # cancelled (a timeout, a task group) while waiting
                await agive_back(slots)
                raise
        if self._closing.closed:  # after its wait, or queued behind the close
            await agive_back(slots)
            raise closed_while_waiting(request)
        try:
            return await self._inner.handle_async_request(request)
        except BaseException as error:
            if _not_sent(error, request):  # nothing reached the provider: the slot is not spent
                await agive_back(slots)
            raise

    async def aclose(self) -> None:
        """Close the transport below; requests still waiting for a slot raise at once."""
        self._closing.close()
        await self._inner.aclose()
