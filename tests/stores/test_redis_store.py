"""The Redis store against a real Redis server: budgets, tokens, an unreachable Redis."""

from __future__ import annotations

import asyncio
import bisect
import logging
import os
import random
import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

import anyio
import httpx
import pytest
import redis

from hirelink.core import (
    ClientCredentialsAuth,
    FirstAcceptedAuth,
    HttpConfig,
    InvalidInputError,
    RateLimit,
    RoutedAuth,
    stores,
)
from hirelink.core.calls import worth_retrying
from hirelink.core.feeds import feed_store
from hirelink.core.http import build_async_client, build_client
from hirelink.core.ratelimit import AsyncRateLimitTransport, Slot, earliest_start
from hirelink.core.stores import (
    IN_PROCESS,
    KEY_PREFIX,
    REDIS_ACL,
    InProcessStore,
    RedisStore,
    StoreUnavailableError,
    resolve_store,
)
from tests.forking import answer_of_forked_child
from tests.waiting import wait_until
from tools.redis_server import RedisServer, free_port


def test_reservations_share_one_window_across_stores(redis_url: str) -> None:
    first, second = RedisStore(redis_url), RedisStore(redis_url)  # two "processes"
    waits = [store.limiter("acme:41737", 4, 10.0).reserve().wait for store in (first, second) * 3]
    assert waits[:4] == [0.0, 0.0, 0.0, 0.0]
    assert all(9.0 < wait <= 10.0 for wait in waits[4:])


def test_a_slot_given_back_leaves_the_shared_window(redis_url: str) -> None:
    first, second = RedisStore(redis_url), RedisStore(redis_url)
    limiter = first.limiter("given-back:1", 2, 10.0)
    slots = [limiter.reserve() for _ in range(4)]
    assert [slot.wait > 9.0 for slot in slots] == [False, False, True, True]
    slots[2].give_back()
    slots[3].give_back()
    # Another process's next reservation takes their place (about 20 s had they stayed).
    assert 9.0 < second.limiter("given-back:1", 2, 10.0).reserve().wait <= 10.0


def test_a_slot_given_back_in_the_middle_leaves_a_gap_the_next_takes(redis_url: str) -> None:
    limiter = RedisStore(redis_url).limiter("middle:1", 2, 10.0)
    slots = [limiter.reserve() for _ in range(6)]
    assert [round(slot.wait) for slot in slots] == [0, 0, 10, 10, 20, 20]
    slots[2].give_back()
    assert 9.0 < limiter.reserve().wait <= 10.0  # not about 30: ahead of those at 20
    assert 29.0 < limiter.reserve().wait <= 30.0


def test_give_backs_never_crowd_a_shared_window(redis_url: str) -> None:
    store = RedisStore(redis_url)
    limiter = store.limiter("crowd:1", 3, 5.0)
    draw = random.Random(7)  # noqa: S311 - a repeatable schedule, not a secret
    kept: list[Slot] = []
    for _ in range(300):
        if draw.random() < 0.7 or not kept:
            kept.append(limiter.reserve())
        else:
            kept.pop(draw.randrange(len(kept))).give_back()
    held = store.client.zrange("hirelink:slots:crowd:1:3:5", 0, -1, withscores=True)
    starts = sorted(score for _, score in held)
    assert len(starts) == len(kept)
    # any 4 starts span a window, but for the microseconds a score keeps
    assert [b - a for a, b in zip(starts, starts[3:], strict=False) if b - a < 5.0 - 2e-6] == []


def test_keys_name_provider_and_company_and_hold_no_secret(redis_url: str) -> None:
    store = RedisStore(redis_url)
    store.limiter("personio-recruiting:41737", 20, 61.0).reserve()
    keys = sorted(key.decode() for key in store.client.scan_iter(match="*"))
    assert keys == [
        "hirelink:slots-gapless:personio-recruiting:41737:20:61",
        "hirelink:slots:personio-recruiting:41737:20:61",
    ]
    assert all(store.client.ttl(key) > 0 for key in keys)


def test_a_queue_without_gaps_is_marked_beside_its_budget(redis_url: str) -> None:
    """The mark lets a reservation read the queue's last window instead of every start in
    it (a scan under Redis's one thread, for each reservation); a give-back removes it."""
    store = RedisStore(redis_url)
    budget, gapless = "hirelink:slots:queue:1:2:60", "hirelink:slots-gapless:queue:1:2:60"
    limiter = store.limiter("queue:1", 2, 60.0)
    slots = [limiter.reserve() for _ in range(5)]
    assert [round(slot.wait) for slot in slots] == [0, 0, 60, 60, 120]
    # the budget's expiry: read between two reads of the budget's, give or take 2 ms (the
    # server's wall clock; seen once in a full run: 180,998 ms left after 180,997)
    first, marked, second = (store.client.pttl(key) for key in (budget, gapless, budget))
    assert 0 < second - 2 <= marked <= first + 2 <= 181_002
    slots[2].give_back()
    assert not store.client.exists(gapless)
    assert round(limiter.reserve().wait) == 60  # the gap it left, ahead of the one at 120
    assert not store.client.exists(gapless)  # a reservation before the end: maybe more gaps
    assert round(limiter.reserve().wait) == 120  # beside the last: at the end again
    assert store.client.exists(gapless)
    slots[2].give_back()  # given back twice by mistake: nothing is removed, the mark stays
    assert store.client.exists(gapless)


def test_shared_reservations_decide_as_the_in_process_limiter(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through random reservations, give-backs and moves of the server's clock (faked;
    also set back, as NTP may), every shared wait is the one the in-process scan of the
    whole queue gives, to the microsecond, with or without the mark of a queue without gaps."""
    store = RedisStore(redis_url)
    clock = f"{KEY_PREFIX}:test-clock"
    faked = stores._RESERVE_SCRIPT.replace(
        "redis.call('TIME')", f"redis.call('HMGET', '{clock}', 'seconds', 'micros')"
    )
    assert faked != stores._RESERVE_SCRIPT
    monkeypatch.setattr(stores, "_RESERVE_SCRIPT", faked)
    draw = random.Random(20270312)  # noqa: S311 - a repeatable schedule, not a secret
    reservations = full = marked = 0
    for case in range(12):
        limit = draw.randint(1, 25)
        window = draw.choice((61.0, 0.1, 1 / 3, 7.3, draw.uniform(0.001, 100.0)))
        micros = round(window * 1_000_000)
        limiter = store.limiter(f"random:{case}", limit, window)
        gapless = f"{KEY_PREFIX}:slots-gapless:random:{case}:{limit}:{window:g}"
        now = 1_764_000_000_000_000 + draw.randrange(1_000_000)
        counted: list[tuple[int, int]] = []  # (start in microseconds, slot number)
        held: list[tuple[Slot, tuple[int, int]]] = []
        for number in range(150):
            action = draw.random()
            if action < 0.7:
                store.client.hset(clock, mapping={"seconds": now // 10**6, "micros": now % 10**6})
                del counted[: bisect.bisect_right(counted, (now - micros, number))]
                if len(counted) >= limit:
                    full += 1
                    marked += bool(store.client.exists(gapless))
                start = int(earliest_start([start for start, _ in counted], now, limit, micros))
                bisect.insort(counted, (start, number))
                slot = limiter.reserve()
                assert round(slot.wait * 1_000_000) == start - now, (limit, window, now)
                held.append((slot, (start, number)))
                reservations += 1
            elif action < 0.75 and held:
                slot, entry = held.pop(draw.randrange(len(held)))
                slot.give_back()
                if entry in counted:  # not yet a window ago
                    counted.remove(entry)
            elif action < 0.77:
                now -= draw.randrange(micros)  # the server's clock set back
            else:
                ends = [start + micros for start, _ in counted[:5]]
                moves = [draw.randrange(micros // 7 + 1), draw.randrange(micros // 50 + 1)]
                moves += [end + step - now for end in ends for step in (-1, 0, 1)]
                now += max(0, draw.choice(moves))
    assert reservations > 1_000
    assert full / 2 < marked < full  # most full windows read from the end, some scanned


def test_a_budget_kept_by_an_older_release_does_not_break_this_one(redis_url: str) -> None:
    """0.1 kept each budget as a list under ``hirelink:ratelimit:...``; workers still on
    it during a rolling upgrade must not make this release's Lua script fail (WRONGTYPE)."""
    store = RedisStore(redis_url)
    old_budget = "hirelink:ratelimit:personio-recruiting:41737:20:61"
    store.client.rpush(old_budget, "1764000000.0")
    assert store.limiter("personio-recruiting:41737", 20, 61.0).reserve().wait == 0.0
    assert store.client.lrange(old_budget, 0, -1) == [b"1764000000.0"]


@pytest.mark.parametrize("fallback", [False, True])
def test_a_key_of_another_kind_is_a_store_error_saying_what_to_do(
    redis_url: str, fallback: bool
) -> None:
    """A release that changes a key's kind, or another program writing under "hirelink:",
    failed every call with redis's own WRONGTYPE error, fallback or not (upgrade hunt)."""
    store = RedisStore(redis_url, fallback=fallback, share_tokens=True)
    store.client.set("hirelink:slots:personio-recruiting:41737:20:61", "not a budget")
    store.client.hset("hirelink:feed:applications:checkpoint", mapping={"after": "today"})
    budget = store.limiter("personio-recruiting:41737", 20, 61.0)
    checkpoints = feed_store(redis_url)
    for attempt in (budget.reserve, lambda: checkpoints.load_checkpoint("applications")):
        with pytest.raises(StoreUnavailableError) as caught:
            attempt()
        assert "holds a key of another kind" in str(caught.value)
        assert "redis-cli --scan --pattern 'hirelink:*'" in str(caught.value)


@pytest.mark.parametrize("fallback", [False, True])
def test_a_database_the_server_does_not_have_is_a_store_error_saying_what_to_do(
    redis_server: RedisServer, fallback: bool
) -> None:
    # redis's own ResponseError escaped: worth_retrying took it for no error of hirelink's.
    store = RedisStore(redis_server.url.rsplit("/", 1)[0] + "/99", fallback=fallback)
    with pytest.raises(StoreUnavailableError) as caught:
        store.limiter("personio-recruiting:41737", 20, 61.0).reserve()
    assert "has no database of the number its URL names" in str(caught.value)
    assert caught.value.permanent


def test_sharing_tokens_without_cryptography_is_refused_before_any_token_is_issued(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # redis installed on its own: the token exchange ran, then the sealing failed with a
    # ModuleNotFoundError whose frames held the issued token.
    monkeypatch.setitem(sys.modules, "cryptography", None)
    with pytest.raises(InvalidInputError) as caught:
        RedisStore(redis_url, share_tokens=True)
    assert caught.value.field == "share_tokens"
    assert 'pip install "hirelink-core[redis]"' in str(caught.value)
    RedisStore(redis_url)  # nothing to seal


def test_a_rate_limit_moves_onto_the_clients_store(redis_url: str) -> None:
    store = RedisStore(redis_url)
    limit = RateLimit.shared("moving:1", requests=2, per=5.0)
    assert limit.on(IN_PROCESS) is limit
    moved = limit.on(store)
    assert moved.key == "moving:1"
    assert moved.limiter is not limit.limiter
    assert [moved.limiter.reserve().wait > 0 for _ in range(3)] == [False, False, True]


def test_the_store_is_chosen_by_option_or_environment(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HIRELINK_STORE", raising=False)
    assert resolve_store(None) is IN_PROCESS
    monkeypatch.setenv("HIRELINK_STORE", redis_url)
    from_env = resolve_store(None)
    assert isinstance(from_env, RedisStore)
    assert resolve_store(redis_url) is from_env  # one pool per URL
    assert resolve_store("memory") is IN_PROCESS
    config = HttpConfig.create(
        base_url="http://x", auth=None, rate_limits=[RateLimit.shared("env:1", requests=1, per=1)]
    )
    assert config.store is from_env
    assert repr(config.rate_limits[0].limiter).startswith("RedisLimiter(")


def unreachable_url() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def test_an_unreachable_redis_is_a_typed_error_and_nothing_is_sent() -> None:
    sent: list[httpx.Request] = []
    config = HttpConfig.create(
        base_url="http://api.test",
        auth=None,
        rate_limits=[RateLimit.shared("down:1", requests=5, per=1)],
        store=RedisStore(unreachable_url(), timeout=0.5),
    )

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    transport = httpx.MockTransport(handler)
    with (
        build_client(config, transport=transport) as client,
        pytest.raises(StoreUnavailableError, match="unreachable"),
    ):
        client.get("/candidates")
    assert sent == []


def test_fallback_warns_once_and_keeps_limiting_in_process(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = RedisStore(unreachable_url(), timeout=0.5, fallback=True)
    limiter = store.limiter("fallback:1", 2, 30.0)
    assert not store.fell_back
    with caplog.at_level(logging.WARNING, logger="hirelink.store"):
        waits = [limiter.reserve().wait for _ in range(3)]
    assert waits[:2] == [0.0, 0.0]
    assert waits[2] > 29
    assert len(caplog.records) == 1
    assert store.fell_back  # what a readiness probe can report
    assert "fell_back=True" in repr(store)


def test_the_store_error_is_raised_when_redis_stops_midway() -> None:
    with RedisServer() as server:
        limiter = RedisStore(server.url, timeout=0.5).limiter("midway:1", 5, 1.0)
        assert limiter.reserve().wait == 0.0
    assert not server.running
    with pytest.raises(StoreUnavailableError):
        limiter.reserve()


def token_app(counter: list[int]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            counter.append(1)
            return httpx.Response(
                200, json={"access_token": f"tok-{len(counter):04d}-abcdef", "expires_in": 3600}
            )
        return httpx.Response(200, json={"auth": request.headers["authorization"]})

    return httpx.MockTransport(handler)


def token_client(
    store: RedisStore, counter: list[int], wrap: Callable[[httpx.Auth], httpx.Auth] = lambda a: a
) -> httpx.Client:
    auth = ClientCredentialsAuth("http://api.test/token", "client-1", "client-secret-xyz")
    config = HttpConfig.create(base_url="http://api.test", auth=wrap(auth), store=store)
    return build_client(config, transport=token_app(counter))


@pytest.mark.parametrize(
    "wrap",
    [
        lambda auth: FirstAcceptedAuth([auth]),
        lambda auth: RoutedAuth([("/data", FirstAcceptedAuth([auth]))]),
    ],
    ids=["first-accepted", "routed-first-accepted"],
)
def test_a_token_held_inside_another_auth_is_shared_through_the_store(
    redis_url: str, wrap: Callable[[httpx.Auth], httpx.Auth]
) -> None:
    """FirstAcceptedAuth did not hand the client's store on: a client-credentials token
    inside it was exchanged by every process."""
    exchanges: list[int] = []
    shared = RedisStore(redis_url, share_tokens=True)
    other_process = RedisStore(redis_url, share_tokens=True)
    with (
        token_client(shared, exchanges, wrap) as one,
        token_client(other_process, exchanges, wrap) as two,
    ):
        one.get("/data")
        two.get("/data")
    assert len(exchanges) == 1


def test_tokens_are_shared_only_when_asked_and_stored_encrypted(redis_url: str) -> None:
    exchanges: list[int] = []
    not_shared = RedisStore(redis_url)
    with token_client(not_shared, exchanges) as one, token_client(not_shared, exchanges) as two:
        one.get("/data")
        two.get("/data")
    assert len(exchanges) == 2
    assert list(not_shared.client.scan_iter(match="hirelink:tokens:*")) == []

    exchanges.clear()
    # Two stores, as two processes would have: the token can only travel through Redis.
    shared = RedisStore(redis_url, share_tokens=True)
    other_process = RedisStore(redis_url, share_tokens=True)
    with token_client(shared, exchanges) as one, token_client(other_process, exchanges) as two:
        first = one.get("/data").json()["auth"]
        second = two.get("/data").json()["auth"]
    assert len(exchanges) == 1
    assert first == second == "Bearer tok-0001-abcdef"
    keys = list(shared.client.scan_iter(match="hirelink:tokens:*"))
    assert len(keys) == 1
    stored = shared.client.get(keys[0])
    assert stored
    assert b"tok-0001" not in stored
    assert b"client-secret" not in b"".join(shared.client.scan_iter(match="*"))


def test_an_unreachable_token_cache_is_named_by_its_token_url_alone() -> None:
    store = RedisStore(unreachable_url(), share_tokens=True, timeout=0.5)
    with token_client(store, []) as client, pytest.raises(StoreUnavailableError) as caught:
        client.get("/data")
    assert "the token cache of http://api.test/token" in str(caught.value)
    assert "\0" not in str(caught.value)
    assert "client-1" not in str(caught.value)


class _Stalled:
    """A Redis client whose server stopped answering (a partition, a frozen process)."""

    def get_connection_kwargs(self) -> dict[str, Any]:
        return {}


def test_after_a_timeout_redis_is_not_asked_again_for_the_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Callers queued behind one another (a token exchange's lock) each waited the timeout
    # out in turn: the 16th of 16 sixteen times.
    store = RedisStore(client=cast("redis.Redis", _Stalled()))  # 5 s: no socket_timeout
    asked: list[str] = []

    def stalled(_client: Any) -> None:
        asked.append("asked")
        raise redis.TimeoutError("Timeout reading from socket")

    errors = []
    for _ in range(3):
        with pytest.raises(StoreUnavailableError) as caught:
            store.run("the token cache", stalled, None)
        errors.append(str(caught.value))
    assert asked == ["asked"]
    assert "TimeoutError" in errors[0]
    assert all("not asked again for 5 s" in error for error in errors[1:])
    later = time.monotonic() + 5.0
    monkeypatch.setattr(time, "monotonic", lambda: later)
    with pytest.raises(StoreUnavailableError):
        store.run("the token cache", stalled, None)
    assert asked == ["asked", "asked"]  # asked again once the timeout has passed


def test_while_redis_is_not_asked_a_store_that_falls_back_does() -> None:
    store = RedisStore(client=cast("redis.Redis", _Stalled()), fallback=True)

    def stalled(_client: Any) -> str:
        raise redis.TimeoutError("Timeout reading from socket")

    with pytest.raises(StoreUnavailableError):  # a checkpoint has no in-process stand-in
        store.run("a watch's checkpoint", stalled, None)
    assert store.run("the rate limit", stalled, lambda: "in-process") == "in-process"


def test_a_refused_password_is_not_an_outage_to_fall_back_from(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # With fallback, a wrong password in the URL was taken for an outage: one warning,
    # then limits of the process's own for the rest of its life.
    store = RedisStore(client=cast("redis.Redis", _Stalled()), fallback=True)

    def refused(_client: Any) -> str:
        raise redis.AuthenticationError("invalid username-password pair")

    for _ in range(2):
        with pytest.raises(StoreUnavailableError) as caught:
            store.run("the rate limit", refused, lambda: "in-process")
        assert "refused the credentials" in str(caught.value)
        assert not worth_retrying(caught.value)  # a mistake to fix, not an outage
    assert not [record for record in caplog.records if record.name == "hirelink.store"]


@pytest.mark.parametrize(
    ("rules", "refused_in"),
    [
        ("+@read +@write +@transaction +time", "a script"),  # no +@scripting
        ("+@read +@write +@scripting +@transaction", "a command inside a script"),  # no +time
        ("+@read +@scripting +@transaction +time", "a plain command"),  # no +@write
    ],
)
def test_a_command_the_users_acl_refuses_is_not_an_outage_to_fall_back_from(
    redis_server: RedisServer, rules: str, refused_in: str, caplog: pytest.LogCaptureFixture
) -> None:
    # NOPERM was taken for an outage: with fallback, one warning and limits of the process's
    # own for the rest of its life; inside a script (Redis 6) it was a raw ResponseError.
    with redis.Redis.from_url(redis_server.url) as admin:
        admin.execute_command(
            "ACL", "SETUSER", "narrow", "reset", "on", ">pw", "~hirelink:*", *rules.split()
        )
    store = RedisStore(redis_server.url.replace("redis://", "redis://narrow:pw@"), fallback=True)
    refused: Callable[[], object] = (
        (lambda: store.claim_delivery("recruitee:abc", 60.0))
        if refused_in == "a plain command"
        else store.limiter("narrow:1", 2, 60.0).reserve
    )
    with pytest.raises(StoreUnavailableError) as caught:
        refused()
    assert "does not let the URL's user run what" in str(caught.value)
    assert REDIS_ACL in str(caught.value)
    assert "pw@" not in str(caught.value)
    assert not [record for record in caplog.records if record.name == "hirelink.store"]


def test_the_documented_rules_serve_another_database_and_cannot_empty_the_server(
    redis_server: RedisServer,
) -> None:
    # The first rules lacked SELECT (a URL ending /1 was refused, naming the very rules
    # given) and let the user run FLUSHALL on a Redis shared with other applications.
    with redis.Redis.from_url(redis_server.url) as admin:
        admin.execute_command("ACL", "SETUSER", "ruled", "reset", "on", ">pw", *REDIS_ACL.split())
    url = redis_server.url.replace("redis://", "redis://ruled:pw@").removesuffix("/0") + "/1"
    assert RedisStore(url).limiter("ruled:1", 2, 60.0).reserve().wait == 0.0
    with redis.Redis.from_url(url) as ruled, pytest.raises(redis.exceptions.NoPermissionError):
        ruled.flushall()


def test_the_many_workers_guide_gives_the_acl_rules_redis_needs() -> None:
    guide = Path(__file__).parents[2] / "docs" / "many-workers.md"
    assert REDIS_ACL in guide.read_text(encoding="utf-8")


def test_concurrent_workers_exchange_one_token_between_them(redis_url: str) -> None:
    exchanges: list[int] = []
    start = threading.Barrier(8)

    def worker(_: int) -> str:
        with token_client(RedisStore(redis_url, share_tokens=True), exchanges) as client:
            start.wait()
            auth: str = client.get("/data").json()["auth"]
            return auth

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(8)))
    assert len(exchanges) == 1
    assert set(results) == {"Bearer tok-0001-abcdef"}


@pytest.mark.anyio
async def test_async_clients_share_budget_and_tokens(redis_url: str) -> None:
    exchanges: list[int] = []
    store = RedisStore(redis_url, share_tokens=True)

    def make() -> httpx.AsyncClient:
        auth = ClientCredentialsAuth("http://api.test/token", "client-1", "client-secret-xyz")
        config = HttpConfig.create(
            base_url="http://api.test",
            auth=auth,
            store=store,
            rate_limits=[RateLimit.shared("async:1", requests=3, per=30, paths="/data")],
        )
        return build_async_client(config, transport=token_app(exchanges))

    async with make() as one, make() as two:
        await one.get("/data")
        await two.get("/data")
        await one.get("/data")
        with anyio.move_on_after(0.5) as scope:
            await two.get("/data")  # the fourth request of the window waits ~30 s
        assert scope.cancelled_caught
    assert len(exchanges) == 1
    assert list(store.client.scan_iter(match="*:exchange")) == []  # the exchange lock was released


@pytest.mark.anyio
async def test_an_async_call_cancelled_while_another_worker_exchanges_returns_at_once(
    redis_url: str,
) -> None:
    exchanging, let_go, first_done = threading.Event(), threading.Event(), threading.Event()

    def slow_token_endpoint(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            exchanging.set()
            let_go.wait(30)  # held until the test lets go (30 s: only a guard against a hang)
            return httpx.Response(200, json={"access_token": "tok-first", "expires_in": 3600})
        return httpx.Response(200, json={"auth": request.headers["authorization"]})

    def first_worker() -> None:  # holds the shared exchange lock while it exchanges
        auth = ClientCredentialsAuth("http://api.test/token", "client-1", "client-secret-xyz")
        store = RedisStore(redis_url, share_tokens=True)
        config = HttpConfig.create(base_url="http://api.test", auth=auth, store=store)
        with build_client(config, transport=httpx.MockTransport(slow_token_endpoint)) as client:
            client.get("/data")
        first_done.set()

    worker = threading.Thread(target=first_worker)
    worker.start()
    try:
        assert exchanging.wait(10)
        auth = ClientCredentialsAuth("http://api.test/token", "client-1", "client-secret-xyz")
        store = RedisStore(redis_url, share_tokens=True)
        config = HttpConfig.create(base_url="http://api.test", auth=auth, store=store)
        async with build_async_client(config, transport=token_app([])) as client:
            with anyio.move_on_after(0.2) as scope:
                await client.get("/data")  # waits for the first worker's exchange lock
        # The cancelled call returned while the first worker still held the lock.
        assert scope.cancelled_caught
        assert not first_done.is_set()
    finally:
        let_go.set()
        worker.join()
    for _ in range(100):  # the abandoned wait takes the lock in turn, and gives it back
        if not list(store.client.scan_iter(match="*:exchange")):
            break
        await anyio.sleep(0.05)
    assert list(store.client.scan_iter(match="*:exchange")) == []


@pytest.mark.anyio
async def test_an_async_call_cancelled_while_redis_stalls_returns_before_its_timeout() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    accepted, hung_up = threading.Event(), threading.Event()

    def stall() -> None:  # accepts, reads, never answers; notes when the client hangs up
        connection, _ = listener.accept()
        accepted.set()
        with connection:
            while connection.recv(4096):
                pass
        hung_up.set()

    server = threading.Thread(target=stall, daemon=True)
    server.start()
    port = listener.getsockname()[1]
    store = RedisStore(f"redis://127.0.0.1:{port}/0", share_tokens=True, timeout=2.0)
    auth = ClientCredentialsAuth("http://api.test/token", "client-1", "client-secret-xyz")
    config = HttpConfig.create(base_url="http://api.test", auth=auth, store=store)
    try:
        async with build_async_client(config, transport=token_app([])) as client:
            with anyio.move_on_after(0.3) as scope:
                await client.get("/data")  # reads the shared token: Redis never answers
        assert scope.cancelled_caught
        assert accepted.is_set()
        assert not hung_up.is_set()  # returned while the read still waited for Redis
    finally:
        hung_up.wait(10)  # the abandoned read times out and hangs up
        listener.close()


def test_a_redis_client_can_be_given(redis_server: RedisServer) -> None:
    with redis.Redis.from_url(redis_server.url) as client:
        store = RedisStore(client=client)
        assert store.limiter("given:1", 1, 1.0).reserve().wait == 0.0
    with pytest.raises(ValueError, match="exactly one"):
        RedisStore()


def test_a_timeout_is_refused_where_it_would_not_apply_or_could_not_work() -> None:
    """Redis hunt: with client= the timeout was taken and never applied (a frozen Redis
    held calls for ever); 0 made a healthy Redis look unreachable; NaN, -1 and "5" raised
    raw errors at the first call."""
    with pytest.raises(InvalidInputError, match=r"timeout: applies to .* set socket_timeout"):
        RedisStore(client=redis.Redis(), timeout=3.0)
    for bad in (0, -1, float("nan"), float("inf"), "5", True):
        with pytest.raises(InvalidInputError, match="timeout: must be"):
            RedisStore("redis://127.0.0.1:6379/0", timeout=bad)  # type: ignore[arg-type]
    given = RedisStore(client=redis.Redis(socket_timeout=0.25))
    assert given._timeout == 0.25  # its pause after a timeout is the client's timeout


def test_a_url_option_its_connections_cannot_take_is_refused_when_the_store_is_made() -> None:
    """Redis hunt: every call raised a bare TypeError, which fallback did not catch."""
    for url, option in (
        ("redis://:s3cr3t@127.0.0.1:6379/0?ssl_cert_reqs=none", "ssl_cert_reqs"),
        ("redis://127.0.0.1:6379/0?socket_timout=3", "socket_timout"),
    ):
        with pytest.raises(InvalidInputError) as caught:
            RedisStore(url, fallback=True)
        assert caught.value.field == "url"
        assert f"the option {option} of this Redis URL" in str(caught.value)
        assert "s3cr3t" not in str(caught.value)
    RedisStore("rediss://127.0.0.1:6379/0?ssl_cert_reqs=none")  # taken where it belongs
    for url, said in (  # values they refuse (reviews): redis-py's own errors escaped
        ("redis://:s3cr3t@127.0.0.1:6379/0?protocol=4", "protocol must be either 2 or 3"),
        ("rediss://:s3cr3t@127.0.0.1:6379/0?ssl_cert_reqs=nope", "Invalid SSL Certificate"),
        ("redis://:s3cr3t@127.0.0.1:6379/0?socket_timeout=nan", "socket_timeout: must be"),
        ("redis://:s3cr3t@127.0.0.1:6379/0?socket_connect_timeout=-1", "connect_timeout: must"),
        # A value of the wrong kind; the redis releases before driver_info know no such option.
        (
            "redis://:s3cr3t@127.0.0.1:6379/0?driver_info=x",
            "(an option of this| the option driver_info)",
        ),
    ):
        with pytest.raises(InvalidInputError, match=said) as caught:
            RedisStore(url, fallback=True)
        assert caught.value.field == "url"
        assert "s3cr3t" not in str(caught.value)


@pytest.mark.anyio
async def test_personio_uploads_cancelled_while_waiting_leave_the_shared_budget(
    redis_url: str,
) -> None:
    from hirelink.personio import AsyncPersonio
    from hirelink.sandbox import serve_stand_in

    with serve_stand_in("personio", rate_window=60.0) as stand_in:
        kwargs = {**stand_in.client_kwargs(), "recruiting_rate_window": 60.0}
        async with AsyncPersonio(**kwargs, store=redis_url) as personio:
            for number in range(20):
                await personio.upload_document(b"%PDF-1.4", filename=f"cv-{number}.pdf")

            async def given_up() -> None:
                with anyio.move_on_after(0.3):
                    await personio.upload_document(b"%PDF-1.4", filename="late.pdf")

            async with anyio.create_task_group() as group:
                for _ in range(20):
                    group.start_soon(given_up)
        uploads = stand_in.hits("POST", "/documents")
    shared = redis.Redis.from_url(redis_url)
    (key,) = list(shared.scan_iter(match="hirelink:slots:personio-recruiting:*"))
    assert uploads == 20
    # The twenty sent; the twenty given up took no slot. A reservation a cancelled task
    # left running on its worker thread gives its slot back when Redis answers it, which
    # on a loaded machine came after the task group had ended (25 counted once, in CI).
    wait_until(lambda: shared.zcard(key) <= 20, "slots of the uploads given up given back")
    assert shared.zcard(key) == 20


@pytest.mark.parametrize(
    "template",
    [
        "redis://:{pw}@127.0.0.1:{port}/0",
        "redis://worker:{pw}@127.0.0.1:{port}/0",
        "redis://127.0.0.1:{port}/0?password={pw}",  # redis-py reads it there too
        "unix:///tmp/no-such-redis-{port}.sock?password={pw}",
        "redis://worker:12/{pw}@127.0.0.1:{port}/0",  # an unescaped "/" in the password
        "redis://:pass/{pw}@127.0.0.1:{port}/0",
    ],
)
def test_a_store_urls_password_shows_nowhere(
    template: str, caplog: pytest.LogCaptureFixture
) -> None:
    password = "Redis-Pw-5ecret"
    url = template.format(pw=password, port=free_port())
    shown: list[str] = []
    try:
        store = RedisStore(url, timeout=0.5)
        shown.append(repr(store))
        with pytest.raises(StoreUnavailableError) as raised:
            store.limiter("masked:1", 1, 1.0).reserve()
        shown.append(str(raised.value))
        with caplog.at_level(logging.WARNING, logger="hirelink.store"):
            RedisStore(url, timeout=0.5, fallback=True).limiter("masked:2", 1, 1.0).reserve()
        shown.append(caplog.text)
    except ValueError as error:  # redis-py cannot read the URL at all
        shown.append(str(error))
    with pytest.raises(InvalidInputError) as refused:
        resolve_store("redsi" + url[url.index("://") :])  # a mistyped scheme
    shown.append(str(refused.value))
    assert shown
    assert all(password not in text for text in shown), shown


@pytest.mark.parametrize("kind", ["memory", "redis"])
def test_a_lapsed_claim_releases_nothing_it_no_longer_holds(redis_url: str, kind: str) -> None:
    log = InProcessStore() if kind == "memory" else RedisStore(redis_url)
    first = log.claim_delivery("recruitee:abc", 0.2)
    assert first is not None
    assert log.claim_delivery("recruitee:abc", 0.2) is None  # held
    time.sleep(0.3)  # the first handler is slow: its claim lapses
    second = log.claim_delivery("recruitee:abc", 60)
    assert second is not None
    assert second != first
    log.release_delivery("recruitee:abc", first)  # the slow one fails at last
    assert log.claim_delivery("recruitee:abc", 60) is None  # the retry's claim stands
    log.finish_delivery("recruitee:abc", 60)
    log.release_delivery("recruitee:abc", first)
    log.release_delivery("recruitee:abc", second)  # a claim once handled releases nothing
    assert log.delivery_handled("recruitee:abc")


@pytest.mark.anyio
async def test_a_task_cancelled_while_redis_reserves_gives_the_slot_back(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RedisStore(redis_url)
    limiter = store.limiter("cancelled-reserving:1", 2, 60.0)
    transport = AsyncRateLimitTransport(httpx.MockTransport(ok), [RateLimit(limiter)])
    async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as client:
        await client.get("/first")
        await client.get("/second")  # the window is full
        answer = store.client.eval

        def slow_eval(script: str, *arguments: Any, **options: Any) -> Any:
            if script == stores._RESERVE_SCRIPT:
                time.sleep(0.3)  # Redis answers slowly: the caller is cancelled meanwhile
            return answer(script, *arguments, **options)

        monkeypatch.setattr(store.client, "eval", slow_eval)
        for _ in range(3):
            with pytest.raises(asyncio.TimeoutError):  # asyncio's own cancel, not anyio's
                await asyncio.wait_for(client.get("/cancelled"), 0.05)
    await asyncio.sleep(0.5)  # the worker threads finish their reservations
    assert store.client.zcard("hirelink:slots:cancelled-reserving:1:2:60") == 2


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200)


def test_a_watch_checkpoint_never_falls_back_to_the_process(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RedisStore(redis_url, fallback=True)
    feeds = feed_store(store)
    assert feeds.acquire_lease("fallback-feed", "worker-1", 30.0)
    assert feeds.save_checkpoint("fallback-feed", "worker-1", "2026-01-01T00:00:00+00:00")
    feeds.release_lease("fallback-feed", "worker-1")

    def unreachable(*arguments: Any, **options: Any) -> Any:
        raise redis.ConnectionError("Connection refused")

    monkeypatch.setattr(store.client, "eval", unreachable)
    monkeypatch.setattr(store.client, "get", unreachable)
    assert store.limiter("fell-back:1", 2, 60.0).reserve().wait == 0.0  # limits fall back
    with pytest.raises(StoreUnavailableError, match="no in-process fallback"):
        feeds.load_checkpoint("fallback-feed")  # an empty one would skip the backlog
    with pytest.raises(StoreUnavailableError, match="the lease of fallback-feed"):
        feeds.acquire_lease("fallback-feed", "worker-2", 30.0)
    with pytest.raises(StoreUnavailableError, match="the lease of fallback-feed"):
        feeds.release_lease("fallback-feed", "worker-2")
    monkeypatch.undo()  # Redis answers again: the checkpoint is read from it, not the process
    assert feeds.load_checkpoint("fallback-feed") == "2026-01-01T00:00:00+00:00"
    assert feeds.acquire_lease("fallback-feed", "worker-3", 30.0)
    feeds.release_lease("fallback-feed", "worker-3")  # in Redis, though the store fell back
    assert feeds.acquire_lease("fallback-feed", "worker-4", 30.0)


def test_a_client_decoding_answers_is_refused_naming_it(redis_url: str) -> None:
    with pytest.raises(InvalidInputError, match="decode_responses") as given:
        RedisStore(client=redis.Redis.from_url(redis_url, decode_responses=True))
    assert given.value.field == "client"
    with pytest.raises(InvalidInputError, match="decode_responses") as in_url:
        RedisStore(f"{redis_url}?decode_responses=True")
    assert in_url.value.field == "url"
    assert RedisStore(client=redis.Redis.from_url(redis_url)).limiter("bytes:1", 1, 1.0)


def test_an_asyncio_client_is_refused_naming_it(redis_url: str) -> None:
    # It was taken, and the first shared call failed with "float() argument must be a
    # string or a real number, not 'coroutine'" (and a coroutine never awaited).
    import redis.asyncio

    asynchronous = redis.asyncio.Redis.from_url(redis_url)
    with pytest.raises(InvalidInputError, match="asyncio client") as given:
        RedisStore(client=asynchronous)  # type: ignore[arg-type]  # what mypy says too
    assert given.value.field == "client"


def test_a_redis_refusing_writes_is_unavailable_not_a_raw_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with RedisServer() as server:
        redis.Redis.from_url(server.url).replicaof("127.0.0.1", free_port())  # after a failover
        with pytest.raises(StoreUnavailableError, match=r"cannot serve now.*READONLY"):
            RedisStore(server.url).limiter("read-only:1", 2, 60.0).reserve()  # a script
        with pytest.raises(StoreUnavailableError, match="cannot serve now"):
            RedisStore(server.url).claim_delivery("recruitee:abc", 60.0)  # a plain command
        tolerant = RedisStore(server.url, fallback=True)
        assert tolerant.claim_delivery("recruitee:abc", 60.0) is not None
        assert tolerant.limiter("read-only:1", 2, 60.0).reserve().wait == 0.0
    strict = RedisStore(unreachable_url())

    def mistaken(*arguments: Any, **options: Any) -> Any:
        raise redis.ResponseError("ERR wrong number of arguments for 'eval' command")

    monkeypatch.setattr(strict.client, "eval", mistaken)
    with pytest.raises(redis.ResponseError, match="wrong number"):  # a bug is not an outage
        strict.limiter("mistaken:1", 2, 60.0).reserve()


@pytest.mark.parametrize("variable", ["HIRELINK_STORE_FALLBACK", "HIRELINK_STORE_SHARE_TOKENS"])
def test_a_switch_that_is_neither_on_nor_off_is_refused(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """``enable`` is not read as off: the setting would be silently lost."""
    monkeypatch.setenv("HIRELINK_STORE", redis_url)
    monkeypatch.setenv(variable, "enable")
    with pytest.raises(InvalidInputError) as caught:
        resolve_store(None)
    assert caught.value.field == variable
    monkeypatch.setenv(variable, "Off")
    assert isinstance(resolve_store(None), RedisStore)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")
def test_a_fallback_is_the_process_that_fell_back(
    redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A store that fell back in a parent stayed fallen back in every child forked later,
    Redis healthy or not: N workers kept N budgets of their own, in silence (fork hunt)."""
    store = RedisStore(redis_url, fallback=True)

    def refused(_client: Any) -> str:
        raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with caplog.at_level(logging.WARNING, logger="hirelink.store"):
        assert store.run("the rate limit", refused, lambda: "in-process") == "in-process"
    assert len(caplog.records) == 1

    def in_the_child() -> str:
        store.limiter("forked:1", 5, 60.0).reserve()
        asked = store.run("the rate limit", lambda client: "redis", lambda: "in-process")
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="hirelink.store"):
            fell_back = store.run("the rate limit", refused, lambda: "in-process")
        return f"{asked}, then {fell_back} with {len(caplog.records)} warning"

    with store._fall_back_lock:  # as another thread saying it fell back
        answer = answer_of_forked_child(in_the_child)
    assert answer == "redis, then in-process with 1 warning"
    assert store.run("the rate limit", lambda client: "redis", lambda: "in-process") == "in-process"
    assert redis.Redis.from_url(redis_url).zcard(f"{KEY_PREFIX}:slots:forked:1:5:60") == 1
