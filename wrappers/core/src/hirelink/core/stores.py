"""Where rate-limit budgets and OAuth tokens live: this process, or Redis for many.

One process needs nothing: :data:`IN_PROCESS` (the default) keeps every limiter in a
process-wide registry and every token in its client (with ``share_tokens``, in the store,
for every client of the process holding the credential). When several processes or hosts
work for the same companies, they must share one budget (Personio allows 20 Recruiting
API requests per minute per company, not per worker) and should share one token; a
:class:`RedisStore` does both.

Choose it for every provider, sync and async, with one client option or one
environment variable::

    Personio(..., store="redis://cache.internal:6379/0")
    HIRELINK_STORE=redis://cache.internal:6379/0           # every client of the process

- Keys name the provider, the company (and its API host, unless the provider's own)
  and the limit, e.g.
  ``hirelink:slots:personio-recruiting:41737:20:61``. Each is a sorted set of
  random slot tickets scored by their start times; nothing secret. Beside each,
  ``hirelink:slots-gapless:...`` marks a queue with no gap a slot given back left.
- Tokens are shared only when asked for (``share_tokens=True`` or
  ``HIRELINK_STORE_SHARE_TOKENS=1``), and then stored encrypted (AES-GCM) under a key
  derived from the client secret: whoever reads Redis without the client secret learns
  nothing usable, and every worker that holds the secret can read them.
- When Redis cannot be reached, a request raises :class:`StoreUnavailableError`: the
  limit is never skipped silently. ``fallback=True`` (``HIRELINK_STORE_FALLBACK=1``)
  instead falls back to the in-process store with one warning, accepting that each
  process then keeps its own budget.

The Redis store needs the ``redis`` extra: ``pip install "hirelink-core[redis]"``.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import importlib.util
import inspect
import logging
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, TypeVar, runtime_checkable

from . import forks
from .errors import InvalidInputError, StoreUnavailableError
from .ratelimit import Limiter, LimiterSource, Slot, forget_counted, give_back, shared_limiter
from .redaction import without_password
from .secrets import Secret, scrub
from .validation import positive_seconds, shape

if TYPE_CHECKING:  # the redis extra; imported when a Redis store is made
    from redis import Redis

    from .threads import OwnThreads  # anyio, imported when an async call is made

__all__ = [
    "IN_PROCESS",
    "IN_PROCESS_TOKENS",
    "REDIS_ACL",
    "STORE_ENV",
    "DeliveryLog",
    "InProcessStore",
    "RedisStore",
    "Store",
    "StoreUnavailableError",
    "TokenCache",
    "delivery_log",
    "resolve_store",
]

store_logger = logging.getLogger("hirelink.store")

STORE_ENV: Final = "HIRELINK_STORE"
"""The environment variable naming the default store: a Redis URL, or ``memory`` (this
process)."""
SHARE_TOKENS_ENV: Final = "HIRELINK_STORE_SHARE_TOKENS"
FALLBACK_ENV: Final = "HIRELINK_STORE_FALLBACK"

KEY_PREFIX: Final = "hirelink"

T = TypeVar("T")


class TokenCache(Protocol):
    """One credential's token, shared between processes."""

    def get(self) -> tuple[str, float | None] | None:
        """The shared token and the seconds it stays usable (None: no expiry), or None."""

    def put(self, value: str, expires_in: float | None) -> None:
        """Share ``value`` for ``expires_in`` seconds (None: until replaced)."""

    def exchange_lock(self) -> AbstractContextManager[None]:
        """A context manager held across processes while one of them exchanges a token."""


class Store(LimiterSource, Protocol):
    """Hands out the limiters and token caches of one store."""

    def token_cache(self, key: str, client_secret: Secret) -> TokenCache | None:
        """The shared cache of one credential's token; None keeps tokens in the client."""


@runtime_checkable
class DeliveryLog(Protocol):
    """Which deliveries a receiver has taken, so that a repeated one is taken once: a
    claim while the delivery is handled, then a mark that it was handled."""

    def claim_delivery(self, key: str, ttl: float) -> str | None:
        """Claim ``key`` for ``ttl`` seconds: the claim (a token) if nobody held it, else None."""

    def finish_delivery(self, key: str, ttl: float) -> None:
        """Mark ``key`` handled, remembered for ``ttl`` seconds."""

    def delivery_handled(self, key: str) -> bool:
        """Whether ``key`` was handled (False while its claim is still being handled)."""

    def release_delivery(self, key: str, claim: str) -> None:
        """Forget ``key`` while ``claim`` still holds it (its handling failed, so the
        sender's retry must get through). A claim that lapsed meanwhile releases nothing:
        a retry may have claimed, or handled, the delivery since."""


# Expired delivery claims are dropped once this many are held.
_DELIVERY_PRUNE_AT: Final = 10_000


class InProcessStore(forks.PerProcess, Store, DeliveryLog):
    """Budgets shared by the clients of this process; tokens kept in each client, or shared
    by the clients given this store when ``share_tokens`` is true.

    Args:
        share_tokens: keep each credential's OAuth token here, for every client given this
            store that holds the credential's secret (a client made per task then exchanges
            none while the token is valid). :data:`IN_PROCESS` shares none; with
            ``$HIRELINK_STORE_SHARE_TOKENS`` set, a client given no store (or ``"memory"``)
            gets :data:`IN_PROCESS_TOKENS`, which shares them.
    """

    instead = "its budgets and tokens are this process's: build one in each (RedisStore shares)"

    def __init__(self, *, share_tokens: bool = False) -> None:
        self.share_tokens = share_tokens
        # key -> (until, the claim while handled; None once handled)
        self._deliveries: dict[str, tuple[float, str | None]] = {}
        self._deliveries_lock = threading.Lock()
        # Expired ones are dropped when there are this many; then again at twice as many
        # as were left, so that a log holding many live ones is not scanned at each claim.
        self._prune_at = _DELIVERY_PRUNE_AT
        # A credential's digest -> (its token as the auth shares it, until when; None: no end)
        self._tokens: dict[str, tuple[str, float | None]] = {}
        self._exchange_locks: dict[str, threading.Lock] = {}
        self._tokens_lock = threading.Lock()
        forks.renew_in_child(self, InProcessStore._fresh_locks_in_child)

    def _fresh_locks_in_child(self) -> None:
        """Locks of its own in a child process: another thread of the parent may have held
        one at the fork. The tokens stay: the child may use them as the parent did."""
        self._deliveries_lock = threading.Lock()
        self._tokens_lock = threading.Lock()
        self._exchange_locks = {}

    def limiter(self, key: str, limit: int, window: float) -> Limiter:
        return shared_limiter(key, limit, window)

    def claim_delivery(self, key: str, ttl: float) -> str | None:
        now = time.monotonic()
        with self._deliveries_lock:
            if len(self._deliveries) > self._prune_at:
                for stale in [k for k, (until, _) in self._deliveries.items() if until <= now]:
                    del self._deliveries[stale]
                self._prune_at = max(_DELIVERY_PRUNE_AT, 2 * len(self._deliveries))
            if self._deliveries.get(key, (0.0, None))[0] > now:
                return None
            claim = secrets.token_hex(8)
            self._deliveries[key] = (now + ttl, claim)
            return claim

    def finish_delivery(self, key: str, ttl: float) -> None:
        with self._deliveries_lock:
            self._deliveries[key] = (time.monotonic() + ttl, None)

    def forget_deliveries(self) -> None:
        """Forget every delivery this process's receivers took (the sandbox's pytest
        plugin does before each test, so that a test's receiver does not take an event
        another test's stand-in sent, with the very same body, for a repeat)."""
        with self._deliveries_lock:
            self._deliveries.clear()

    def delivery_handled(self, key: str) -> bool:
        with self._deliveries_lock:
            until, claim = self._deliveries.get(key, (0.0, ""))
            return claim is None and until > time.monotonic()

    def release_delivery(self, key: str, claim: str) -> None:
        with self._deliveries_lock:
            until, holder = self._deliveries.get(key, (0.0, None))
            if holder == claim and until > time.monotonic():
                del self._deliveries[key]

    def token_cache(self, key: str, client_secret: Secret) -> TokenCache | None:
        return _InProcessTokenCache(self, key, client_secret) if self.share_tokens else None

    def forget_tokens(self) -> None:
        """Forget every token this store shares (the sandbox's pytest plugin does before
        each test, so that a test is not handed a token an earlier one's stand-in issued)."""
        with self._tokens_lock:
            self._tokens.clear()
            self._prune_exchange_locks()

    def forget_limits(self) -> None:
        """Let every budget of the process start empty (the sandbox's pytest plugin does
        before each test: see :func:`~hirelink.core.ratelimit.forget_counted`)."""
        forget_counted()

    def _prune_exchange_locks(self) -> None:
        """Drop the exchange locks of credentials holding no token that nobody holds (the
        caller holds ``_tokens_lock``)."""
        for idle in [
            digest
            for digest, lock in self._exchange_locks.items()
            if digest not in self._tokens and not lock.locked()
        ]:
            del self._exchange_locks[idle]

    def __repr__(self) -> str:
        return "InProcessStore(share_tokens=True)" if self.share_tokens else "InProcessStore()"


# Expired tokens are dropped once this many credentials' are kept.
_TOKEN_PRUNE_AT: Final = 1_000
# How long a client waits for another one's token exchange before it exchanges one itself
# (as the Redis store's lock does).
_EXCHANGE_WAIT: Final = 60.0


def _token_digest(key: str, client_secret: Secret) -> str:
    """A credential's name in a store: a digest of its key under its secret, so that only a
    client holding the secret finds its token, and the name says nothing of the credential."""
    secret = client_secret.reveal().encode()
    return hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()[:32]


class _InProcessTokenCache:
    """One credential's token, kept by an :class:`InProcessStore` for its clients."""

    def __init__(self, store: InProcessStore, key: str, client_secret: Secret) -> None:
        self._store = store
        self._digest = _token_digest(key, client_secret)

    def get(self) -> tuple[str, float | None] | None:
        store = self._store
        with store._tokens_lock:
            kept = store._tokens.get(self._digest)
            if kept is None:
                return None
            value, until = kept
            if until is None:
                return value, None
            usable_for = until - time.monotonic()
            if usable_for <= 0:
                del store._tokens[self._digest]
                return None
            return value, usable_for

    def put_secret(self, value: Secret, expires_in: float | None) -> None:
        """:meth:`put` of a value kept as a :class:`Secret` until then (out of frames)."""
        self.put(value.reveal(), expires_in)

    def put(self, value: str, expires_in: float | None) -> None:
        store = self._store
        now = time.monotonic()
        with store._tokens_lock:
            if len(store._tokens) >= _TOKEN_PRUNE_AT:
                for stale in [
                    digest
                    for digest, (_, until) in store._tokens.items()
                    if until is not None and until <= now
                ]:
                    del store._tokens[stale]
                store._prune_exchange_locks()
            store._tokens[self._digest] = (value, None if expires_in is None else now + expires_in)

    @contextmanager
    def exchange_lock(self) -> Iterator[None]:
        store = self._store
        with store._tokens_lock:
            if len(store._exchange_locks) >= _TOKEN_PRUNE_AT:  # credentials refused, say
                store._prune_exchange_locks()
            lock = store._exchange_locks.setdefault(self._digest, threading.Lock())
        # Released on whichever thread leaves the block (an async client's worker thread).
        acquired = lock.acquire(timeout=_EXCHANGE_WAIT)
        try:
            yield
        finally:
            if acquired:
                lock.release()


IN_PROCESS: Final = InProcessStore()
"""The store of this process, the default: budgets shared by its clients, deliveries its
receivers took."""
IN_PROCESS_TOKENS: Final = InProcessStore(share_tokens=True)
"""The store of this process that shares OAuth tokens: the default when
``$HIRELINK_STORE_SHARE_TOKENS`` is set without a Redis URL, and where a Redis store that
shares tokens keeps them once it fell back."""
# A Redis delivery record's value: claimed and being handled, or handled.
_HANDLING: Final = b"handling:"  # followed by the claim
# Forget a delivery only while the given claim still holds it (compare and delete).
_RELEASE_SCRIPT: Final = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""
_HANDLED: Final = b"handled"

# One reservation, atomically: the same decision as SlidingWindowLimiter.reserve
# (ratelimit.earliest_start), on the server's clock (the processes may be on different
# hosts), in whole microseconds: the scores keep no more, and whole numbers stay exact in
# Lua's doubles, so no rounding makes a span fall short of the window. KEYS[1], the sorted
# set, holds the slots that still count: a random ticket each, scored by its start time in
# seconds, so a slot can be given back (_GIVE_BACK_SCRIPT). KEYS[2] holds the moment from
# which the queue had no gap (SlidingWindowLimiter's ``_gapless``; the server's clock may
# be set back): its next reservation reads the last window alone, not every start (a scan
# for each reservation, under Redis's one thread). Numbers cross into Redis and out of Lua
# as strings: Lua would shorten or truncate them.
_RESERVE_SCRIPT: Final = """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local function seconds(value) return string.format('%.6f', value / 1000000) end
local function micros(score) return math.floor(tonumber(score) * 1000000 + 0.5) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', seconds(now - window))
local n = redis.call('ZCARD', KEYS[1])
local since = tonumber(redis.call('GET', KEYS[2]))
local start, last
if since and now >= since and n >= limit then
  local tail = redis.call('ZRANGE', KEYS[1], -limit, -1, 'WITHSCORES')
  last = micros(tail[#tail])
  start = math.max(now, last, micros(tail[2]) + window)
else
  local flat = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
  local starts = {}
  for i = 2, #flat, 2 do starts[#starts + 1] = micros(flat[i]) end
  last = starts[n]
  local function fits(moment)
    local low, high = 1, n + 1
    while low < high do
      local middle = math.floor((low + high) / 2)
      if starts[middle] <= moment then low = middle + 1 else high = middle end
    end
    local at = low
    local function with_it(index)
      if index == at then return moment end
      if index < at then return starts[index] end
      return starts[index - 1]
    end
    for first = math.max(1, at - limit), math.min(at, n + 1 - limit) do
      if with_it(first + limit) < with_it(first) + window then return false end
    end
    return true
  end
  start = now
  if not fits(now) then
    for i = 1, n do
      local moment = starts[i] + window
      if moment >= now and fits(moment) then start = moment break end
    end
  end
end
redis.call('ZADD', KEYS[1], seconds(start), ARGV[3])
-- Both keys last as long as the latest start counts.
local expiry = math.ceil((math.max(start, last or start) - now + window) / 1000) + 1000
redis.call('PEXPIRE', KEYS[1], expiry)
if last == nil or start >= last then
  redis.call('SET', KEYS[2], string.format('%.0f', now), 'PX', expiry)
else
  redis.call('DEL', KEYS[2])
end
return seconds(start - now)
"""
# A slot given back, and the queue's end no longer the only place the next one fits.
_GIVE_BACK_SCRIPT: Final = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then redis.call('DEL', KEYS[2]) end
"""


REDIS_SCHEMES: Final = ("redis", "rediss", "unix")
"""URL schemes of a Redis store; ``"memory"`` (no scheme) names the in-process store."""


def milliseconds(seconds: float) -> int:
    """A Redis expiry (``PX``) of ``seconds``: whole milliseconds, at least one."""
    return max(1, int(seconds * 1000))


def _require_redis(field: str = "store") -> Any:
    try:
        import redis
    except ImportError:
        raise InvalidInputError(
            field,
            "a Redis store needs the redis extra, which is not installed: "
            'pip install "hirelink-core[redis]"',
        ) from None
    return redis


def _require_cryptography(field: str = "share_tokens") -> None:
    """Refuse, before any token is issued, to share tokens that could not be sealed: the
    missing module was found only when the first token was, which then sat in the frames
    of the error (redis installed on its own, not through the extra)."""
    if importlib.util.find_spec("cryptography") is None:
        raise InvalidInputError(
            field,
            "sharing tokens needs cryptography (the redis extra), which is not installed: "
            'pip install "hirelink-core[redis]"',
        )


def _check_store_url(field: str, url: str) -> str:
    """``url``, its scheme in lower case (redis-py reads no other), when the scheme is one
    a store understands; else a clear InvalidInputError."""
    scheme, separator, rest = url.partition("://")
    if not separator or scheme.lower() not in REDIS_SCHEMES:
        shown = repr(scheme) if separator else "none"
        raise InvalidInputError(
            field,
            # Not the URL itself: without a scheme, nothing tells where a password is.
            f"unknown store URL scheme ({shown}); a store is "
            "'memory' (this process) or a Redis URL: redis://host:6379/0, rediss:// (TLS) "
            "or unix:///path/to/socket",
        )
    return f"{scheme.lower()}://{rest}"


_ON: Final = frozenset({"1", "true", "yes", "on"})
_OFF: Final = frozenset({"", "0", "false", "no", "off"})


def _flag(name: str) -> bool:
    """The switch in the variable ``name``; a value that is neither on nor off is refused,
    not read as off (``enable`` would silently turn the setting off)."""
    value = os.environ.get(name, "").strip().lower()
    if value in _ON or value in _OFF:
        return value in _ON
    raise InvalidInputError(name, "must be 1, true, yes or on (or 0, false, no, off, or unset)")


class _TakenOnThread(Generic[T]):
    """Something taken on a worker thread for a caller that may be cancelled meanwhile:
    whichever of the two comes second gives it back."""

    def __init__(self, take: Callable[[], T], give_back: Callable[[T], object]) -> None:
        self._take = take
        self._give_back = give_back
        self._lock = threading.Lock()
        self._taken: tuple[T] | None = None
        self._abandoned = False

    def take(self) -> T:
        taken = self._take()
        with self._lock:
            self._taken = (taken,)
            abandoned = self._abandoned
        if abandoned:
            self._give_back(taken)
        return taken

    def abandon(self) -> None:
        with self._lock:
            self._abandoned = True
            taken = self._taken
        if taken is not None:  # taken, but its caller was cancelled before it returned
            self._give_back(taken[0])


async def take_on_thread(
    take: Callable[[], T], give_back: Callable[[T], object], threads: OwnThreads | None = None
) -> T:
    """``take()`` (a blocking call to Redis) on one of ``threads`` (by default the
    :data:`~hirelink.core.threads.STORE_THREADS`). A caller cancelled while it runs returns
    at once (a slow or stalled Redis does not hold it up), and what the thread takes after
    that is given back with ``give_back``."""
    from .threads import STORE_THREADS  # anyio, when an async call is made

    taken = _TakenOnThread(take, give_back)
    try:
        return await (threads or STORE_THREADS).run(taken.take, abandon_on_cancel=True)
    except BaseException:  # cancelled (asyncio's own cancel gets through too)
        taken.abandon()
        raise


class _RedisLimiter:
    """A sliding-window limiter whose slots live in Redis (see :data:`_RESERVE_SCRIPT`)."""

    def __init__(self, store: RedisStore, key: str, limit: int, window: float) -> None:
        self._store = store
        self._key = key
        self._redis_key = f"{KEY_PREFIX}:slots:{key}:{limit}:{window:g}"
        self._gapless_key = f"{KEY_PREFIX}:slots-gapless:{key}:{limit}:{window:g}"
        self.limit = limit
        self.window = window
        self._window_micros = max(1, round(window * 1_000_000))

    def reserve(self) -> Slot:
        ticket = secrets.token_hex(8)

        def shared(client: Any) -> Slot:
            wait = client.eval(
                _RESERVE_SCRIPT,
                2,
                self._redis_key,
                self._gapless_key,
                self.limit,
                self._window_micros,
                ticket,
            )
            return Slot(max(0.0, float(wait)), functools.partial(self._give_back, ticket))

        def local() -> Slot:
            return IN_PROCESS.limiter(self._key, self.limit, self.window).reserve()

        return self._store.run(f"the rate limit {self._key}", shared, local)

    def _give_back(self, ticket: str) -> None:
        self._store.run(
            f"giving back a slot of the rate limit {self._key}",
            lambda client: client.eval(
                _GIVE_BACK_SCRIPT, 2, self._redis_key, self._gapless_key, ticket
            ),
            _nothing,
        )

    async def areserve(self) -> Slot:
        # redis-py's asyncio client binds its pool to one event loop; a worker thread
        # over the sync client serves every loop and thread alike.
        return await take_on_thread(self.reserve, lambda slot: give_back([slot]))

    def __repr__(self) -> str:
        return f"RedisLimiter(key={self._key!r}, limit={self.limit}, window={self.window})"


class _RedisTokenCache:
    """One credential's token in Redis, encrypted with a key derived from its secret."""

    def __init__(self, store: RedisStore, key: str, client_secret: Secret) -> None:
        self._store = store
        # Named in errors by what precedes a NUL (the token URL), without the client id.
        self._what = f"the token cache of {key.partition(chr(0))[0]}"
        digest = _token_digest(key, client_secret)
        # "tokens" (a token and its scopes, as JSON): a build before the 0.2 release kept
        # the bare token under "token", which this one never reads nor overwrites.
        self._key = f"{KEY_PREFIX}:tokens:{digest}"
        self._lock_key = f"{self._key}:exchange"
        self._cipher_key = hmac.new(
            client_secret.reveal().encode(), b"hirelink token cache", hashlib.sha256
        ).digest()
        # Once the store fell back: the process's clients still share the token.
        self._here = _InProcessTokenCache(IN_PROCESS_TOKENS, key, client_secret)

    def _seal(self, value: str) -> str:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self._cipher_key).encrypt(nonce, value.encode(), self._key.encode())
        return base64.b64encode(nonce + sealed).decode()

    def _open(self, sealed: str) -> str | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            raw = base64.b64decode(sealed)
            plain = AESGCM(self._cipher_key).decrypt(raw[:12], raw[12:], self._key.encode())
        except (InvalidTag, ValueError):
            return None  # not ours after all (tampered with): exchange a new token
        return plain.decode()

    def get(self) -> tuple[str, float | None] | None:
        def shared(client: Any) -> tuple[bytes | None, int]:
            with client.pipeline() as pipe:
                stored, remaining_ms = pipe.get(self._key).pttl(self._key).execute()
            return stored, remaining_ms

        stored, remaining_ms = self._store.run(self._what, shared, lambda: (_HERE, 0))
        if stored is _HERE:
            return self._here.get()
        if stored is None:
            return None
        value = self._open(stored.decode())
        if value is None:
            return None
        return value, None if remaining_ms < 0 else remaining_ms / 1000

    def put(self, value: str, expires_in: float | None) -> None:
        ttl_ms = None if expires_in is None else milliseconds(expires_in)
        sealed = self._seal(value)
        kept_here = functools.partial(self._here.put_secret, Secret(value), expires_in)
        del value  # a traceback of a Redis failure, shown with its locals, holds no token
        self._store.run(
            self._what, lambda client: client.set(self._key, sealed, px=ttl_ms), kept_here
        )

    @contextmanager
    def exchange_lock(self) -> Iterator[None]:
        # Not thread-local: an async client takes and releases it on worker threads.
        lock = self._store.client.lock(
            self._lock_key, timeout=60, blocking_timeout=60, thread_local=False
        )
        acquired = self._store.run(self._what, lambda _client: lock.acquire(), lambda: None)
        if acquired is None:  # fell back: the clients of this process take turns
            with self._here.exchange_lock():
                yield
            return
        try:
            yield
        finally:
            if acquired:
                self._store.run(self._what, lambda _client: _release(lock), _nothing)


def _nothing() -> None:
    return None


_HERE: Final = b"<kept in this process>"
"""What a Redis token cache reads once its store fell back: look in the process instead."""


# Error codes of a server that answers but cannot serve now: a replica after a failover, a
# cluster or server still starting, a full memory. Inside a script the code comes in a
# generic ResponseError's text ("... -READONLY You can't ...").
_UNAVAILABLE_CODES: Final = re.compile(
    r"(?:^|-)(READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|LOADING|OOM)\b"
)

#: What a Redis user needs for everything hirelink keeps there (limits, tokens, the
#: webhook delivery log, watches), as ``ACL SETUSER`` rules: its keys, ``SELECT`` for a
#: URL's database, and none of the commands that reach past the keys (``FLUSHALL``).
REDIS_ACL: Final = "~hirelink:* +@read +@write +@scripting +@transaction +time +select -@dangerous"

# An ACL refusing a command: NOPERM (redis 7 also inside a script), or Redis 6's text for
# a command refused inside a script, which carries no code.
_NOT_PERMITTED: Final = re.compile(r"NOPERM|can't run this command")
_WRONG_TYPE: Final = re.compile(r"\bWRONGTYPE\b")
_NO_SUCH_DATABASE: Final = re.compile(r"DB index is out of range", re.IGNORECASE)


def _refusal(error: BaseException) -> str | None:
    """What to fix when Redis refused the URL's user or found a key of another kind (a
    mistake, never an outage: a store falling back for it kept limits of its own for the
    rest of the process's life)."""
    from redis import exceptions

    if isinstance(error, exceptions.AuthenticationError):
        return "refused the credentials of its URL ({told}) for {what}: check the user and password"
    if isinstance(error, exceptions.NoPermissionError) or (
        isinstance(error, exceptions.ResponseError) and _NOT_PERMITTED.search(str(error))
    ):
        return (
            "does not let the URL's user run what {what} needs ({told}): give the user "
            f"the ACL rules {REDIS_ACL}"
        )
    if isinstance(error, exceptions.ResponseError) and _NO_SUCH_DATABASE.search(str(error)):
        return (
            "has no database of the number its URL names ({told}), needed for {what}: "
            "give one below the server's `databases` setting (16 by default: 0 to 15)"
        )
    if isinstance(error, exceptions.ResponseError) and _WRONG_TYPE.search(str(error)):
        return (
            "holds a key of another kind where hirelink keeps {what} ({told}): another "
            f"release of hirelink or another program wrote it under {KEY_PREFIX!r}. Delete "
            f"that key (`redis-cli --scan --pattern '{KEY_PREFIX}:*'` lists them all), or "
            "give hirelink a database of its own"
        )
    return None


def _unavailable(error: BaseException) -> str | None:
    """How Redis is unavailable when ``error`` says it is; None for a mistake in the
    command."""
    from redis import exceptions

    if not isinstance(error, exceptions.ResponseError):
        return "is unreachable"
    # A command's answer comes as the code's own class (its text without the code); a
    # script's as a ResponseError whose text holds the code.
    states = (
        exceptions.ReadOnlyError,
        exceptions.OutOfMemoryError,
        exceptions.TryAgainError,
        exceptions.ClusterDownError,
    )
    if isinstance(error, states) or _UNAVAILABLE_CODES.search(str(error)):
        return "cannot serve now"
    return None


_DEFAULT_TIMEOUT: Final = 5.0
"""Seconds a store of a URL waits to connect to Redis and for an answer."""


def _check_connection_options(client: Any) -> None:
    """Refuse a URL option redis-py reads but its connections do not take (``ssl_cert_reqs``
    on a ``redis://`` URL, a misspelt option) or a value they refuse (``protocol=4``): each
    call failed with a bare ``TypeError``, which ``fallback`` did not catch. A connection
    object is made, not connected."""
    from redis import RedisError

    pool = client.connection_pool
    for timeout in ("socket_timeout", "socket_connect_timeout"):
        value = pool.connection_kwargs.get(timeout)
        if value is not None:  # read when connecting: NaN, -1 and inf failed every call
            try:
                positive_seconds(timeout, value)
            except InvalidInputError as error:
                raise InvalidInputError("url", f"its option {error}") from None
    try:
        pool.connection_class(**pool.connection_kwargs)
    except TypeError as error:
        named = re.search(r"unexpected keyword argument '(\w+)'", str(error))
        if named is None:  # a value of the wrong kind
            raise InvalidInputError(
                "url", f"an option of this Redis URL is refused: {scrub(str(error))}"
            ) from None
        option = named.group(1)
        hint = " (ssl_ options need a rediss:// URL)" if option.startswith("ssl_") else ""
        raise InvalidInputError(
            "url", f"the option {option} of this Redis URL is not one its connections take{hint}"
        ) from None
    except (ValueError, RedisError) as error:  # their messages quote a value, not a password
        raise InvalidInputError(
            "url", f"an option of this Redis URL is refused: {scrub(str(error))}"
        ) from None


def _release(lock: Any) -> None:
    from redis.exceptions import LockError

    try:
        lock.release()
    except LockError:  # it expired while the exchange ran; someone else may hold it now
        store_logger.info("the token exchange lock expired before it was released")


class RedisStore(forks.PerProcess, Store, DeliveryLog):
    """Rate-limit budgets (and, when asked, OAuth tokens) shared through Redis.

    Args:
        url: a Redis URL (``redis://host:6379/0``, ``rediss://`` for TLS,
            ``unix:///path``), or pass ``client=`` instead.
        client: an existing ``redis.Redis`` (sync) client, without ``decode_responses``;
            an asyncio one is refused (the store is used from async clients too, on
            worker threads).
        share_tokens: also share OAuth tokens (encrypted; see the module docstring).
        fallback: when Redis cannot be reached, warn once and use the in-process store
            from then on, instead of raising :class:`StoreUnavailableError`; for limits,
            tokens and the webhook delivery log, not for a watch's checkpoint and lease.
            A Redis refusing the URL's user (its password, or a command its ACL does not
            allow: it needs :data:`REDIS_ACL`) raises even then.
        timeout: seconds to connect to Redis and wait for an answer (default 5); after a
            call timed out, Redis is not asked again for as long (calls raise, or fall
            back, at once). For a store of ``url=``: a given ``client`` keeps its own
            timeouts (give it ``socket_timeout`` and ``socket_connect_timeout``: without
            them a Redis that stops answering holds every call), and refuses this one.
    """

    instead = "build a RedisStore of the same URL in each process: they share through Redis"

    def __init__(
        self,
        url: str | None = None,
        *,
        client: Redis | None = None,
        share_tokens: bool = False,
        fallback: bool = False,
        timeout: float | None = None,
    ) -> None:
        if (url is None) == (client is None):
            raise InvalidInputError("url", "RedisStore needs exactly one of url= or client=")
        if timeout is not None and client is not None:
            # It was taken and never applied: a frozen Redis held calls for ever.
            raise InvalidInputError(
                "timeout",
                "applies to the connections of a store built from url=; a given client"
                " keeps its own: set socket_timeout and socket_connect_timeout on it",
            )
        timeout = _DEFAULT_TIMEOUT if timeout is None else positive_seconds("timeout", timeout)
        if url is not None:
            url = _check_store_url("url", url)
        if inspect.iscoroutinefunction(getattr(client, "execute_command", None)):
            raise InvalidInputError(
                "client",
                "RedisStore takes a sync redis.Redis client (async hirelink clients use it "
                "on worker threads); this one is an asyncio client: pass url= instead",
            )
        redis = _require_redis()
        if share_tokens:
            _require_cryptography()
        self._where = "the given client" if url is None else without_password(url)
        try:
            self._client = client or redis.Redis.from_url(
                url, socket_timeout=timeout, socket_connect_timeout=timeout
            )
        except ValueError:  # its message may quote part of the password
            raise InvalidInputError(
                "url",
                "cannot read this Redis URL (its port or options, or a '/', '#', '?' or '@' "
                "in its password, which must be URL-encoded)",
            ) from None
        if client is None:
            _check_connection_options(self._client)
        connection: dict[str, Any] = getattr(self._client, "get_connection_kwargs", dict)()
        if connection.get("decode_responses"):
            raise InvalidInputError(
                "url" if client is None else "client",
                "RedisStore reads bytes from Redis: use a client without decode_responses",
            )
        self._errors: tuple[type[BaseException], ...] = (
            redis.ConnectionError,
            redis.TimeoutError,
            redis.ResponseError,  # only those naming a state of the server, see run()
        )
        self._timeout_error: type[BaseException] = redis.TimeoutError
        self.share_tokens = share_tokens
        self.fallback = fallback
        self._fell_back = False
        self._fall_back_lock = threading.Lock()
        # After Redis let a call time out, it is not asked again for `timeout` seconds:
        # callers queued behind one another (a token exchange's) each waited it out in
        # turn, the 16th of 16 sixteen times.
        # A given client's timeout, where it has one.
        self._timeout = float(connection.get("socket_timeout") or timeout)
        self._quiet_until = 0.0
        self._stalled = ""
        forks.renew_in_child(self, RedisStore._forget_parents_fallback)

    def _forget_parents_fallback(self) -> None:
        """In a child process after ``os.fork``: the fallback (and the pause after a
        timeout) was the parent's, not the child's. Inherited, it kept every worker forked
        later on limits of its own, in silence, with Redis long healthy again (N workers, N
        budgets, 429s). The child asks Redis, and says so itself if it falls back too."""
        self._fell_back = False
        self._fall_back_lock = threading.Lock()  # another thread may have held it
        self._quiet_until = 0.0

    @property
    def client(self) -> Any:
        """The ``redis.Redis`` client (for tests and housekeeping)."""
        return self._client

    def run(self, what: str, shared: Callable[[Any], T], local: Callable[[], T] | None) -> T:
        """``shared(redis_client)``; when Redis is unavailable, raise or fall back to ``local``
        (``local=None``: what has no in-process stand-in, such as a watch's checkpoint,
        raises even with ``fallback``, and asks Redis again after the store fell back)."""
        if self._fell_back and local is not None:
            return local()
        if time.monotonic() < self._quiet_until:
            if self.fallback and local is not None:
                return self._fall_back(self._stalled, local)
            raise StoreUnavailableError(
                f"the Redis store at {self._where} {self._stalled} for {what} (not asked "
                f"again for {self._timeout:g} s after a call timed out)"
            )
        try:
            return shared(self._client)
        except self._errors as error:
            told = f"{type(error).__name__}: {scrub(str(error))}"
            refusal = _refusal(error)
            if refusal is not None:
                raise StoreUnavailableError(
                    f"the Redis store at {self._where} {refusal.format(told=told, what=what)}",
                    permanent=True,
                ) from error
            state = _unavailable(error)
            if state is None:
                raise
            if isinstance(error, self._timeout_error):
                self._stalled = f"{state} ({told})"
                self._quiet_until = time.monotonic() + self._timeout
            if not self.fallback or local is None:
                kept_nowhere = " (which has no in-process fallback)" if self.fallback else ""
                raise StoreUnavailableError(
                    f"the Redis store at {self._where} {state} ({told}) for {what}{kept_nowhere}"
                ) from error
            return self._fall_back(f"{state} ({type(error).__name__})", local)

    def _fall_back(self, described: str, local: Callable[[], T]) -> T:
        """Keep limits and tokens in the process from now on (``fallback``), saying so once."""
        with self._fall_back_lock:
            if not self._fell_back:
                self._fell_back = True
                store_logger.warning(
                    "the Redis store at %s %s; every limit and token of this process is "
                    "kept in-process from now on",
                    self._where,
                    described,
                )
        return local()

    def limiter(self, key: str, limit: int, window: float) -> Limiter:
        return _RedisLimiter(self, key, limit, window)

    def token_cache(self, key: str, client_secret: Secret) -> TokenCache | None:
        return _RedisTokenCache(self, key, client_secret) if self.share_tokens else None

    def claim_delivery(self, key: str, ttl: float) -> str | None:
        claim = secrets.token_hex(8)

        def shared(client: Any, at: str) -> str | None:
            taken = client.set(at, _HANDLING + claim.encode(), nx=True, px=milliseconds(ttl))
            return claim if taken else None

        return self._on_delivery_log(key, shared, lambda: IN_PROCESS.claim_delivery(key, ttl))

    def finish_delivery(self, key: str, ttl: float) -> None:
        self._on_delivery_log(
            key,
            lambda client, at: client.set(at, _HANDLED, px=milliseconds(ttl)),
            lambda: IN_PROCESS.finish_delivery(key, ttl),
        )

    def delivery_handled(self, key: str) -> bool:
        return bool(
            self._on_delivery_log(
                key,
                lambda client, at: client.get(at) == _HANDLED,
                lambda: IN_PROCESS.delivery_handled(key),
            )
        )

    def release_delivery(self, key: str, claim: str) -> None:
        self._on_delivery_log(
            key,
            lambda client, at: client.eval(_RELEASE_SCRIPT, 1, at, _HANDLING + claim.encode()),
            lambda: IN_PROCESS.release_delivery(key, claim),
        )

    def _on_delivery_log(
        self, key: str, shared: Callable[[Any, str], T], local: Callable[[], T]
    ) -> T:
        """:meth:`run` ``shared(client, redis_key)`` on the delivery record of ``key``."""
        redis_key = f"{KEY_PREFIX}:delivery:{key}"
        return self.run(
            f"the delivery log ({key})", lambda client: shared(client, redis_key), local
        )

    @property
    def fell_back(self) -> bool:
        """Whether this process's limits, tokens and delivery log are kept in-process since
        Redis could not be reached (``fallback``): for the rest of the process's life, each
        worker with budgets of its own. A readiness probe can report it."""
        return self._fell_back

    def __repr__(self) -> str:
        return (
            f"RedisStore(url={self._where!r}, share_tokens={self.share_tokens}, "
            f"fallback={self.fallback}, fell_back={self._fell_back})"
        )


@functools.lru_cache(maxsize=16)
def _store_for_url(url: str, share_tokens: bool, fallback: bool) -> RedisStore:
    return RedisStore(url, share_tokens=share_tokens, fallback=fallback)


def delivery_log(choice: DeliveryLog | Store | str | None) -> DeliveryLog:
    """Where a receiver notes the deliveries it took: ``choice`` as for :func:`resolve_store`."""
    resolved = resolve_store(choice) if isinstance(choice, str) or choice is None else choice
    if resolved is IN_PROCESS_TOKENS:
        resolved = IN_PROCESS  # the same deliveries, whether tokens are shared or not
    if not isinstance(resolved, DeliveryLog):
        raise TypeError(f"{resolved!r} cannot note deliveries (it has no claim_delivery)")
    return resolved


def resolve_store(choice: Store | str | None) -> Store:
    """The store a client uses: ``choice``, else ``$HIRELINK_STORE``, else :data:`IN_PROCESS`.

    A string is a Redis URL (``"memory"`` names the in-process store); clients given the
    same URL share one connection pool. ``$HIRELINK_STORE_SHARE_TOKENS`` set shares OAuth
    tokens through a store chosen by URL, ``"memory"`` or none (:data:`IN_PROCESS_TOKENS`);
    a store object given decides for itself. An unknown scheme, or a
    Redis URL without the ``redis`` extra installed, raises
    :class:`~hirelink.core.InvalidInputError` naming ``store`` (or ``HIRELINK_STORE`` when
    the URL came from there).
    """
    field = "store"
    if choice is None:
        choice = os.environ.get(STORE_ENV, "").strip() or None
        field = STORE_ENV
    if choice is None or choice == "memory":
        return IN_PROCESS_TOKENS if _flag(SHARE_TOKENS_ENV) else IN_PROCESS
    if isinstance(choice, str):
        url = _check_store_url(field, choice)
        _require_redis(field)
        share_tokens, fallback = _flag(SHARE_TOKENS_ENV), _flag(FALLBACK_ENV)
        try:
            return _store_for_url(url, share_tokens, fallback)
        except InvalidInputError as error:
            raise InvalidInputError(field, error.message) from None
    if not callable(getattr(choice, "limiter", None)) or not callable(
        getattr(choice, "token_cache", None)
    ):  # a redis.Redis, a bool: the first call failed, or a watch fell back to memory
        raise InvalidInputError(
            field, f"must be a Store (a RedisStore) or a Redis URL, got {shape(choice)}"
        )
    return choice
