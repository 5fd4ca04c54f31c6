"""Client-side rate limits (core unit tests: fake clocks and sleeps, mock transports)."""

from __future__ import annotations

import bisect
import gc
import math
import random
import threading
from collections import Counter
from collections.abc import Sequence

import anyio
import httpx
import pytest

from hirelink.core import (
    AsyncRateLimitTransport,
    HttpConfig,
    RateLimit,
    RateLimitTransport,
    SlidingWindowLimiter,
    ratelimit,
    shared_limiter,
)
from hirelink.core import ratelimit as ratelimit_module
from hirelink.core.errors import OPERATION
from hirelink.core.http import build_async_client, build_client
from hirelink.core.ratelimit import Slot, earliest_start, give_back, reserve


class FakeClock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class CountingLimiter(SlidingWindowLimiter):
    def __init__(self, limit: int, window: float, clock: FakeClock) -> None:
        super().__init__(limit, window, clock=clock)
        self.reservations = 0

    def reserve(self) -> Slot:
        self.reservations += 1
        return super().reserve()


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"path": request.url.path})


def test_limiter_allows_limit_per_window_then_schedules_in_order() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(3, 10.0, clock=clock)
    assert [limiter.reserve().wait for _ in range(3)] == [0.0, 0.0, 0.0]
    assert [limiter.reserve().wait for _ in range(4)] == [10.0, 10.0, 10.0, 20.0]
    clock.now = 25.0  # the slots at 10 have left the window, the one at 20 has not
    assert [limiter.reserve().wait for _ in range(3)] == [0.0, 0.0, 5.0]


def test_limiter_spreads_waits_as_time_passes() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(2, 60.0, clock=clock)
    limiter.reserve()
    clock.now = 30.0
    limiter.reserve()
    clock.now = 45.0
    assert limiter.reserve().wait == 15.0  # the first request leaves the window at 60
    clock.now = 100.0
    assert limiter.reserve().wait == 0.0


@pytest.mark.parametrize(("limit", "window"), [(0, 1.0), (True, 1.0), (3, 0), (3, -1.0)])
def test_limiter_refuses_nonsense_settings(limit: int, window: float) -> None:
    with pytest.raises(ValueError, match=r"limit|window"):
        SlidingWindowLimiter(limit, window)


def test_no_window_ever_holds_more_than_the_limit_across_threads() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(10, 1.0, clock=clock)
    waits: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        for _ in range(25):
            wait = limiter.reserve().wait
            with lock:
                waits.append(wait)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(waits) == 200
    # With the clock standing still, slot k starts at floor(k / 10) seconds.
    assert Counter(waits) == {float(second): 10 for second in range(20)}


def test_shared_limiter_is_one_per_key_and_setting() -> None:
    first = shared_limiter("test-company:1", 20, 60.0)
    assert shared_limiter("test-company:1", 20, 60.0) is first
    assert shared_limiter("test-company:2", 20, 60.0) is not first
    assert shared_limiter("test-company:1", 20, 1.0) is not first


def test_the_shared_limiters_of_customers_gone_are_let_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A process making a client per customer kept a limiter for every customer it had ever
    served. One a client holds, or one still counting starts, stays shared."""
    monkeypatch.setattr(ratelimit_module, "_KEEP_IDLE_UP_TO", 10, raising=False)
    monkeypatch.setattr(ratelimit_module, "_left_busy", 0, raising=False)
    monkeypatch.setattr(ratelimit_module, "_counting", {})
    held = shared_limiter("gone-test:held", 5, 60.0)  # a client's, idle
    shared_limiter("gone-test:counting", 5, 60.0).reserve()  # nobody's, counting a start
    for customer in range(100):
        shared_limiter(f"gone-test:{customer}", 5, 60.0)  # each client closed at once
    gc.collect()
    kept = [key for key, _, _ in list(ratelimit_module._registry) if key.startswith("gone-test:")]
    assert len(kept) <= 12  # the two, and at most the last ten
    assert shared_limiter("gone-test:held", 5, 60.0) is held
    counting = shared_limiter("gone-test:counting", 5, 60.0)
    assert counting.reserve().wait == 0.0  # its history was kept: one start of five
    assert len(counting._starts) == 2
    # Let go while idle, then used by its client, then the client gone: a new client of
    # the key got a fresh budget (20 more uploads within Personio's minute).
    for customer in range(100, 200):  # let go of again: idle
        shared_limiter(f"gone-test:{customer}", 5, 60.0)
    held.reserve()
    del held
    for customer in range(200, 300):
        shared_limiter(f"gone-test:{customer}", 5, 60.0)
    gc.collect()
    assert len(shared_limiter("gone-test:held", 5, 60.0)._starts) == 1


def test_many_busy_limiters_are_not_scanned_for_each_new_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With none idle, each new key scanned them all, under the registry's lock: 3,000
    customers' limiters took 4.9 s to make."""
    monkeypatch.setattr(ratelimit_module, "_KEEP_IDLE_UP_TO", 10, raising=False)
    monkeypatch.setattr(ratelimit_module, "_left_busy", 0, raising=False)
    monkeypatch.setattr(ratelimit_module, "_counting", {})
    asked: list[object] = []
    idle = SlidingWindowLimiter._idle

    def counted_idle(self: SlidingWindowLimiter) -> bool:
        asked.append(self)
        return idle(self)

    monkeypatch.setattr(SlidingWindowLimiter, "_idle", counted_idle)
    for customer in range(400):
        shared_limiter(f"busy-test:{customer}", 5, 60.0).reserve()
    assert len(asked) < 4 * 400  # each asked a few times, not once per later key


def test_rate_limit_shared_adds_headroom_and_matches_paths_and_methods() -> None:
    rule = RateLimit.shared(
        "test-headroom:1", requests=5, per=1.0, paths=("/v1/recruiting/",), headroom=0.5
    )
    assert rule.limiter.window == 1.5
    assert rule.limiter is shared_limiter("test-headroom:1", 5, 1.5)
    assert rule.applies_to(httpx.Request("POST", "https://h/v1/recruiting/applications"))
    assert not rule.applies_to(httpx.Request("GET", "https://h/v2/persons"))
    posts_only = RateLimit(rule.limiter, paths="/v1/", methods=["post"])
    assert posts_only.applies_to(httpx.Request("POST", "https://h/v1/x"))
    assert not posts_only.applies_to(httpx.Request("GET", "https://h/v1/x"))
    with pytest.raises(ValueError, match="headroom"):
        RateLimit.shared("test-headroom:2", requests=5, per=1.0, headroom=-1)


def test_a_queue_of_long_holds_is_one_warning_and_the_rest_info(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # 100 uploads queued under Personio's limit logged 80 WARNINGs, one per request.
    clock = FakeClock()
    rule = RateLimit(SlidingWindowLimiter(2, 60.0, clock=clock), paths=["/limited"])
    transport = RateLimitTransport(httpx.MockTransport(ok), [rule], sleep=lambda _: None)
    caplog.set_level("INFO", logger="hirelink.ratelimit")
    with httpx.Client(transport=transport, base_url="https://api.test") as client:
        for _ in range(8):
            assert client.post("/limited/a").status_code == 200
    holds = [(r.levelname, getattr(r, "hirelink_wait_s")) for r in caplog.records]  # noqa: B009
    assert (
        holds
        == [("WARNING", 60.0), ("INFO", 60.0), ("INFO", 120.0), ("INFO", 120.0)]
        + [("INFO", 180.0)] * 2
    )
    assert "the requests queued behind it at INFO" in caplog.records[0].getMessage()


def test_transport_sleeps_only_for_matching_requests(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    rule = RateLimit(SlidingWindowLimiter(2, 60.0, clock=clock), paths=["/limited"])
    slept: list[float] = []
    transport = RateLimitTransport(httpx.MockTransport(ok), [rule], sleep=slept.append)
    caplog.set_level("INFO", logger="hirelink.ratelimit")
    with httpx.Client(transport=transport, base_url="https://api.test") as client:
        for _ in range(3):
            response = client.post("/limited/a", extensions={OPERATION: "create_a"})
            assert response.status_code == 200
        for _ in range(5):
            client.get("/free")
    assert slept == [60.0]
    assert "holding POST https://api.test/limited/a for 60.00s" in caplog.text
    # A minute's hold looks like a hang from outside: said as a warning, as a long retry is.
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    fields = {k: v for k, v in vars(caplog.records[0]).items() if k.startswith("hirelink_")}
    assert fields == {
        "hirelink_operation": "create_a",
        "hirelink_method": "POST",
        "hirelink_url": "https://api.test/limited/a",
        "hirelink_wait_s": 60.0,
    }


def test_a_short_hold_is_logged_at_info(caplog: pytest.LogCaptureFixture) -> None:
    rule = RateLimit(SlidingWindowLimiter(1, 2.0, clock=FakeClock()))
    transport = RateLimitTransport(httpx.MockTransport(ok), [rule], sleep=lambda _: None)
    caplog.set_level("INFO", logger="hirelink.ratelimit")
    with httpx.Client(transport=transport, base_url="https://api.test") as client:
        client.get("/a")
        client.get("/a")
    assert [(r.levelname, "for 2.00s" in r.getMessage()) for r in caplog.records] == [
        ("INFO", True)
    ]


@pytest.mark.anyio
async def test_async_transport_awaits_the_same_limiter() -> None:
    clock = FakeClock()
    limiter = SlidingWindowLimiter(1, 5.0, clock=clock)
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    transport = AsyncRateLimitTransport(httpx.MockTransport(ok), [RateLimit(limiter)], sleep=sleep)
    async with httpx.AsyncClient(transport=transport, base_url="https://api.test") as client:
        for _ in range(3):
            await client.get("/anything")
    assert slept == [5.0, 10.0]
    assert limiter.reserve().wait == 15.0  # the sync and async paths share one schedule


def test_built_clients_limit_every_attempt_including_resends_after_429() -> None:
    limiter = CountingLimiter(100, 60.0, FakeClock())
    attempts = iter([429, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(attempts), headers={"Retry-After": "0"}, request=request)

    config = HttpConfig.create(
        base_url="https://api.test", auth=None, rate_limits=[RateLimit(limiter, paths="/v1/")]
    )
    with build_client(config, transport=httpx.MockTransport(handler)) as client:
        assert client.post("/v1/recruiting/applications").status_code == 200
        client_without = build_client(
            HttpConfig.create(base_url="https://api.test", auth=None),
            transport=httpx.MockTransport(ok),
        )
        client_without.post("/v1/recruiting/applications")
        client_without.close()
    assert limiter.reservations == 2


@pytest.mark.anyio
async def test_async_built_clients_apply_rate_limits() -> None:
    limiter = CountingLimiter(100, 60.0, FakeClock())
    config = HttpConfig.create(
        base_url="https://api.test", auth=None, rate_limits=[RateLimit(limiter, paths="/v1/")]
    )
    async with build_async_client(config, transport=httpx.MockTransport(ok)) as client:
        await client.post("/v1/x")
        await client.get("/v2/y")
    assert limiter.reservations == 1


def test_rate_limit_waits_are_shared_between_sync_and_async_callers() -> None:
    limiter = SlidingWindowLimiter(2, 10.0, clock=FakeClock())
    slept: list[tuple[str, float]] = []

    async def async_sleep(seconds: float) -> None:
        slept.append(("async", seconds))

    limits = [RateLimit(limiter)]
    sync_transport = RateLimitTransport(
        httpx.MockTransport(ok), limits, sleep=lambda seconds: slept.append(("sync", seconds))
    )
    async_transport = AsyncRateLimitTransport(httpx.MockTransport(ok), limits, sleep=async_sleep)

    # Clients left open: closing one closes its transport, which then sends nothing more.
    sync_client = httpx.Client(transport=sync_transport, base_url="https://api.test")

    def from_a_thread(path: str) -> None:
        sync_client.get(path)

    async def from_a_loop(path: str) -> None:
        await httpx.AsyncClient(transport=async_transport, base_url="https://api.test").get(path)

    from_a_thread("/first")
    anyio.run(from_a_loop, "/second")
    from_a_thread("/third")  # the window is full: the async request took the second slot
    anyio.run(from_a_loop, "/fourth")
    assert slept == [("sync", 10.0), ("async", 10.0)]


def test_a_slot_given_back_is_taken_by_the_next_reservation() -> None:
    limiter = SlidingWindowLimiter(2, 10.0, clock=FakeClock())
    slots = [limiter.reserve() for _ in range(4)]
    assert [slot.wait for slot in slots] == [0.0, 0.0, 10.0, 10.0]
    slots[2].give_back()
    slots[3].give_back()
    assert limiter.reserve().wait == 10.0  # 20.0 had the two stayed
    slots[0].give_back()
    assert limiter.reserve().wait == 0.0  # the gap it leaves at 0 is taken at once
    assert limiter.reserve().wait == 10.0  # two at 0 and one at 10: one place left at 10
    assert limiter.reserve().wait == 20.0


def test_a_slot_given_back_in_the_middle_of_the_queue_leaves_a_gap_taken_next() -> None:
    limiter = SlidingWindowLimiter(2, 10.0, clock=FakeClock())
    slots = [limiter.reserve() for _ in range(6)]
    assert [slot.wait for slot in slots] == [0.0, 0.0, 10.0, 10.0, 20.0, 20.0]
    slots[2].give_back()
    assert limiter.reserve().wait == 10.0  # not 30: ahead of the two queued at 20
    assert limiter.reserve().wait == 30.0


def test_give_backs_never_let_a_window_hold_more_than_the_limit() -> None:
    draw = random.Random(20261204)  # noqa: S311 - a repeatable schedule, not a secret
    clock = FakeClock()
    limit, window = 5, 10.0
    limiter = SlidingWindowLimiter(limit, window, clock=clock)
    waiting: list[tuple[float, Slot]] = []
    sent: list[float] = []
    for _ in range(2000):
        action = draw.random()
        if action < 0.5:
            slot = limiter.reserve()
            waiting.append((clock.now + slot.wait, slot))
        elif action < 0.7 and waiting:
            waiting.pop(draw.randrange(len(waiting)))[1].give_back()
        else:
            clock.now += draw.choice((0.0, 0.5, 2.0, 7.0))
        sent += [start for start, _ in waiting if start <= clock.now]
        waiting = [(start, slot) for start, slot in waiting if start > clock.now]
    sent.sort()
    assert len(sent) > 300
    crowded = [
        (earlier, later)
        for earlier, later in zip(sent, sent[limit:], strict=False)
        if later - earlier < window
    ]
    assert crowded == []  # any `limit + 1` requests sent span at least a window


class ScanCounter:
    """Stands in for ``ratelimit.earliest_start``, counting the scans of a full window's
    queue (with room in the window, it answers "now" at once)."""

    def __init__(self) -> None:
        self.scans = 0

    def __call__(self, starts: Sequence[float], now: float, limit: int, window: float) -> float:
        self.scans += len(starts) >= limit
        return earliest_start(starts, now, limit, window)


class ScannedQueue:
    """The limiter as it was: every reservation scans the whole queue (the reference)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.starts: list[float] = []
        self.full_windows = 0  # reservations finding the window full
        # Starts dropped as ``<= now - window`` though ``start + window > now``: the float
        # rounding a queue without gaps has to mind.
        self.dropped_within_their_window = 0

    def reserve(self, now: float) -> float:
        gone = bisect.bisect_right(self.starts, now - self.window)
        self.dropped_within_their_window += any(
            start + self.window > now for start in self.starts[:gone]
        )
        del self.starts[:gone]
        self.full_windows += len(self.starts) >= self.limit
        start = earliest_start(self.starts, now, self.limit, self.window)
        bisect.insort(self.starts, start)
        return start

    def give_back(self, start: float) -> None:
        index = bisect.bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == start:
            del self.starts[index]


def later_moment(draw: random.Random, now: float, window: float, starts: Sequence[float]) -> float:
    """A moment from ``now`` on: often where one of the next windows to end ends, or a float
    or two beside it (where ``now - window`` and ``start + window`` round apart)."""
    ends = [start + window for start in starts[:5] if start + window >= now]
    choice = draw.random()
    if ends and choice < 0.4:
        end = draw.choice(ends)
        below = math.nextafter(end, -math.inf)
        beside = (end, below, math.nextafter(below, -math.inf), math.nextafter(end, math.inf))
        return max(now, draw.choice(beside))
    if choice < 0.5:
        return math.nextafter(now, math.inf)
    return now + draw.choice((0.0, window / 50, window / 7, window)) * draw.random()


def test_reservations_decide_as_a_scan_of_the_whole_queue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A queue without gaps is reserved at its end without a scan of every start (1,000
    queued uploads took seconds of reservations, each under the lock); through random
    reservations, give-backs and clock moves, every wait is the one a scan gives."""
    scans = ScanCounter()
    monkeypatch.setattr(ratelimit, "earliest_start", scans)
    draw = random.Random(20270311)  # noqa: S311 - a repeatable schedule, not a secret
    reservations = full = dropped = 0
    for _ in range(80):
        limit = draw.randint(1, 25)
        # Windows of up to 64 s in odd multiples of 2**-24 round a clock near 1e9 to ties.
        odd = draw.randrange(1, 2**30, 2) / 2**24
        window = draw.choice((61.0, 0.1, 1 / 3, draw.uniform(0.001, 100.0), odd, odd))
        clock = FakeClock(draw.choice((0.0, 123456.789, 1e9 + draw.random(), 1e9)))
        limiter = SlidingWindowLimiter(limit, window, clock=clock)
        scanned = ScannedQueue(limit, window)
        held: list[tuple[Slot, float]] = []
        for _ in range(200):
            action = draw.random()
            if action < 0.7:
                start = scanned.reserve(clock.now)
                slot = limiter.reserve()
                assert slot.wait == start - clock.now, (limit, window, clock.now)
                held.append((slot, start))
                reservations += 1
            elif action < 0.75 and held:
                slot, start = held.pop(draw.randrange(len(held)))
                slot.give_back()
                scanned.give_back(start)
            else:
                clock.now = later_moment(draw, clock.now, window, scanned.starts)
        full += scanned.full_windows
        dropped += scanned.dropped_within_their_window
    assert reservations > 6_000
    assert full > 3_000
    assert scans.scans < full / 3  # most went to the end of a queue without gaps
    assert dropped > 0  # the schedule reached the rounding the limiter has to mind


def test_a_queue_without_gaps_is_reserved_without_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    scans = ScanCounter()
    monkeypatch.setattr(ratelimit, "earliest_start", scans)
    limiter = SlidingWindowLimiter(20, 61.0, clock=FakeClock(1000.0))
    slots = [limiter.reserve() for _ in range(1_000)]
    assert [slot.wait for slot in slots[::20]] == [61.0 * minute for minute in range(50)]
    assert scans.scans == 0
    slots[500].give_back()  # a gap in the queue, at 25 minutes: the next reservation scans
    assert [limiter.reserve().wait for _ in range(3)] == [1525.0, 3050.0, 3050.0]
    assert scans.scans == 2  # the gap filled, then a scan finding no other; then no scan


def test_a_sync_wait_broken_off_gives_its_slot_back() -> None:
    limiter = SlidingWindowLimiter(1, 60.0, clock=FakeClock())

    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    transport = RateLimitTransport(httpx.MockTransport(ok), [RateLimit(limiter)], sleep=interrupted)
    with httpx.Client(transport=transport, base_url="https://api.test") as client:
        client.get("/first")
        with pytest.raises(KeyboardInterrupt):
            client.get("/never-sent")
    assert limiter.reserve().wait == 60.0  # not 120: the interrupted request took no slot


@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("full")],
)
def test_an_attempt_that_never_left_gives_its_slot_back(error: httpx.TransportError) -> None:
    limiter = SlidingWindowLimiter(2, 60.0, clock=FakeClock())

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise error

    waits: list[float] = []
    transport = RateLimitTransport(
        httpx.MockTransport(unreachable), [RateLimit(limiter)], sleep=waits.append
    )
    with httpx.Client(transport=transport, base_url="https://api.test") as client:
        for _ in range(5):
            with pytest.raises(type(error)):
                client.post("/documents")
    assert waits == []  # no attempt waited for a slot an earlier one kept
    assert [limiter.reserve().wait for _ in range(3)] == [0.0, 0.0, 60.0]


@pytest.mark.anyio
async def test_an_async_attempt_that_never_left_gives_its_slot_back() -> None:
    limiter = SlidingWindowLimiter(2, 60.0, clock=FakeClock())

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    transport = AsyncRateLimitTransport(
        httpx.MockTransport(unreachable), [RateLimit(limiter)], sleep=sleep
    )
    async with httpx.AsyncClient(transport=transport, base_url="https://api.test") as client:
        for _ in range(5):
            with pytest.raises(httpx.ConnectError):
                await client.post("/documents")
    assert waits == []
    assert [limiter.reserve().wait for _ in range(3)] == [0.0, 0.0, 60.0]


def test_an_attempt_that_reached_the_server_keeps_its_slot() -> None:
    limiter = SlidingWindowLimiter(2, 60.0, clock=FakeClock())

    def cut_off(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("the server closed the connection mid-answer")

    transport = RateLimitTransport(httpx.MockTransport(cut_off), [RateLimit(limiter)])
    with (
        httpx.Client(transport=transport, base_url="https://api.test") as client,
        pytest.raises(httpx.RemoteProtocolError),
    ):
        client.post("/documents")
    assert [limiter.reserve().wait for _ in range(2)] == [0.0, 60.0]


@pytest.mark.anyio
async def test_async_waits_cancelled_give_their_slots_back() -> None:
    limiter = SlidingWindowLimiter(2, 60.0, clock=FakeClock())
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        return httpx.Response(200)

    async def sleep(seconds: float) -> None:
        await anyio.sleep_forever()

    transport = AsyncRateLimitTransport(
        httpx.MockTransport(handler), [RateLimit(limiter)], sleep=sleep
    )
    async with httpx.AsyncClient(transport=transport, base_url="https://api.test") as client:
        await client.get("/first")
        await client.get("/second")
        for _ in range(10):
            with anyio.move_on_after(0.01) as scope:
                await client.get("/cancelled")
            assert scope.cancelled_caught
    assert sent == ["/first", "/second"]
    assert limiter.reserve().wait == 60.0  # 300.0 had the ten cancelled kept their slots


@pytest.mark.anyio
async def test_an_in_process_slot_is_given_back_without_a_worker_thread() -> None:
    """anyio's worker threads are the application's too: with every one busy, a cancelled
    wait for an in-process slot could not return until a thread was free."""
    limiter = SlidingWindowLimiter(1, 60.0, clock=FakeClock())
    limiter.reserve()  # the next request waits a minute

    async def sleep(seconds: float) -> None:
        await anyio.sleep_forever()

    transport = AsyncRateLimitTransport(
        httpx.MockTransport(lambda request: httpx.Response(200)), [RateLimit(limiter)], sleep=sleep
    )
    threads = anyio.to_thread.current_default_thread_limiter()
    threads_before, threads.total_tokens = threads.total_tokens, 1
    freed = threading.Event()
    watchdog = threading.Timer(20, freed.set)  # frees the pool's thread should the test hang
    watchdog.start()
    try:
        async with anyio.create_task_group() as group:
            group.start_soon(lambda: anyio.to_thread.run_sync(freed.wait))  # the one thread
            await anyio.sleep(0.05)
            async with httpx.AsyncClient(
                transport=transport, base_url="https://api.test"
            ) as client:
                with anyio.move_on_after(0.05) as scope:
                    await client.get("/cancelled")
            returned_before_the_thread_was_free = not freed.is_set()
            freed.set()
    finally:
        watchdog.cancel()
        threads.total_tokens = threads_before
    assert scope.cancelled_caught
    assert returned_before_the_thread_was_free
    assert limiter.reserve().wait == 60.0  # the cancelled wait's slot was given back


def test_when_one_limit_fails_the_slots_already_taken_are_given_back() -> None:
    class Unreachable:
        limit, window = 1, 1.0

        def reserve(self) -> Slot:
            raise ConnectionError("store down")

        async def areserve(self) -> Slot:
            raise ConnectionError("store down")

    working = SlidingWindowLimiter(1, 60.0, clock=FakeClock())
    request = httpx.Request("GET", "https://api.test/x")
    with pytest.raises(ConnectionError):
        reserve([RateLimit(working), RateLimit(Unreachable())], request)
    assert working.reserve().wait == 0.0


def test_a_slot_that_cannot_be_given_back_is_logged_not_raised(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken() -> None:
        raise ConnectionError("store down")

    given: list[int] = []
    with caplog.at_level("WARNING", logger="hirelink.ratelimit"):
        give_back([Slot(5.0, broken), Slot(5.0, lambda: given.append(1))])
    assert given == [1]  # the second is given back although the first failed
    assert "could not give back a rate-limit slot (ConnectionError: store down)" in caplog.text
