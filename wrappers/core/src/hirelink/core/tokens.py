"""OAuth 2.0 client credentials as an ``httpx.Auth`` flow.

:class:`ClientCredentialsAuth` exchanges a client id and secret for a bearer token at a
token endpoint and manages its life:

- the first request that needs a token fetches one; later requests reuse it until
  shortly before it expires (``expires_in``);
- a 401 answer means the server no longer accepts the token: it is replaced once and
  the request resent once (a second 401 is raised as usual);
- when many requests start at once without a valid token, exactly one exchange
  happens: the others wait for it (a ``threading.Lock`` for sync clients, an
  ``anyio.Lock`` for async ones) and then use its token, or, when the token endpoint
  refused it, raise that refusal (rather than each asking again, one after the other).

The decisions are written once, as a generator (:meth:`ClientCredentialsAuth._flow`),
that yields either a request to send or a :class:`_NeedToken` instruction; the sync and
async hooks of ``httpx.Auth`` only drive it, each with its own lock and I/O. The token
exchange travels through the same httpx client as the request, so it gets the same
transport, retries, rate limits, logging and typed errors, and the client's headers but
a credential (``CARRIES_CLIENT_HEADERS``: the User-Agent, a provider's partner headers).

With a store that shares tokens (:class:`~hirelink.core.stores.RedisStore` or
:class:`~hirelink.core.stores.InProcessStore` with ``share_tokens=True``), a missing or
refused token is first looked up in the store, and an exchange happens under a lock held
across its clients (across processes, with Redis), so many clients or workers of one
credential exchange once between them.

The client secret and every token are :class:`~hirelink.core.secrets.Secret` values:
they never appear in logs, reprs or error messages.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import logging
import re
import sys
import threading
import time
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterable
from contextlib import AbstractAsyncContextManager, AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Any, Final

import httpx
from attrs import define

from . import forks
from .calls import worth_retrying
from .errors import (
    CREDENTIAL_HINT,
    FAILED_WITH,
    REPEATABLE,
    TOKEN_EXCHANGE,
    ApiConnectionError,
    ApiError,
    MalformedResponseError,
    without_frames,
)
from .http import (
    AUTH_HANDLED_STATUSES,
    CARRIES_CLIENT_HEADERS,
    StoreUser,
    noted_error,
    sendable_again,
)
from .options import RequestOptions, current_options
from .redaction import log_fields
from .secrets import Secret, scrub, scrubbed_when_shown
from .stores import Store, TokenCache, take_on_thread

if TYPE_CHECKING:
    import anyio
    from anyio.lowlevel import RunVar

__all__ = ["DEFAULT_REFRESH_MARGIN", "AccessToken", "ClientCredentialsAuth"]

token_logger = logging.getLogger("hirelink.auth")

Clock = Callable[[], float]

DEFAULT_REFRESH_MARGIN: Final = 60.0
"""Seconds before expiry at which a token is replaced (at most a tenth of its lifetime)."""

_REFRESH_ON: Final = frozenset({401})


@define(frozen=True)
class AccessToken:
    """A bearer token and what the token endpoint said about it.

    Attributes:
        value: the token.
        expires_at: when to stop using it, on the auth's clock (``expires_in`` minus a
            safety margin); None when the endpoint gave no lifetime.
        scopes: the granted scopes, when the endpoint listed them.
        token_type: the token type (``Bearer``).
    """

    value: Secret
    expires_at: float | None
    scopes: tuple[str, ...] = ()
    token_type: str = "Bearer"  # noqa: S105 - a token type, not a credential

    def is_fresh(self, now: float) -> bool:
        """Whether the token is still usable at ``now`` (read on ``expires_at``'s clock)."""
        return self.expires_at is None or now < self.expires_at


@define(frozen=True)
class _NeedToken:
    """Flow instruction: reply with a usable token, replacing ``refused`` if it is current."""

    refused: AccessToken | None = None


FlowStep = httpx.Request | _NeedToken
Flow = Generator[FlowStep, httpx.Response | AccessToken, None]


def _scope_text(scope: str | Iterable[str] | None) -> str | None:
    if scope is None:
        return None
    words = scope.split() if isinstance(scope, str) else [str(word) for word in scope]
    return " ".join(words) or None


class ClientCredentialsAuth(httpx.Auth, StoreUser):
    """Bearer tokens from an OAuth 2.0 client-credentials grant, fetched and renewed as needed.

    Args:
        token_url: the absolute URL of the token endpoint.
        client_id: the client id.
        client_secret: the client secret.
        scope: scopes to ask for (a space-separated string or a list); None asks for
            whatever the client is granted.
        refresh_margin: replace a token this many seconds before it expires (capped at
            a tenth of its lifetime, so short-lived tokens are still used).
        clock: monotonic seconds (tests pass a fake clock).
        hint: which credentials these are and where the customer finds them; a 401 from
            the token endpoint or the API raises an AuthenticationError saying it.

    One instance belongs to one httpx client (sync or async); it is thread-safe.
    """

    # A body that can be sent again as it is (bytes, multipart of bytes or seekable files,
    # which httpx seeks back) is not read into memory for the resend after a 401: read, an
    # upload near Personio's 20 MB limit took 2.5 times its size. Any other is read first.
    requires_request_body = False
    requires_response_body = True

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str | Secret,
        *,
        scope: str | Iterable[str] | None = None,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        clock: Clock = time.monotonic,
        hint: str | None = None,
    ) -> None:
        if not token_url.lower().startswith(("https://", "http://")):
            raise ValueError(f"token_url must be an absolute http(s) URL, got {token_url!r}")
        if not client_id.strip():
            raise ValueError("client_id must not be empty")
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = Secret.coerce(client_secret)
        self._scope = _scope_text(scope)
        self._refresh_margin = max(0.0, refresh_margin)
        self._clock = clock
        self._token: AccessToken | None = None
        self._forgotten: AccessToken | None = None  # never taken back from the shared store
        self._exchanges = 0
        self._failures = 0  # exchanges that failed, and the error of the last one
        self._failure: ApiError | ApiConnectionError | MalformedResponseError | None = None
        self._failure_for: RequestOptions | None = None  # None: shared with every request
        self._thread_lock = threading.Lock()
        self._shared: TokenCache | None = None
        self.hint = hint
        forks.renew_in_child(self, ClientCredentialsAuth._fresh_locks_in_child)

    @functools.cached_property
    def _async_lock(self) -> anyio.Lock:
        import anyio  # only async clients need it

        return anyio.Lock()

    def _fresh_locks_in_child(self) -> None:
        """In a child process after ``os.fork``: locks of its own. Forked during a token
        exchange (another thread of the parent held them), the child waited for ever at its
        first request. A half-done exchange leaves nothing to undo: the token is replaced
        only once an answer is read, so the child keeps the parent's last one, or none, and
        exchanges anew when that is not fresh."""
        self._thread_lock = threading.Lock()
        self.__dict__.pop("_async_lock", None)  # made again at its next use

    def use_store(self, store: Store) -> None:
        """Share tokens through ``store`` when it shares tokens (see module docstring)."""
        self._shared = store.token_cache(self._credential, self._client_secret)

    @property
    def _credential(self) -> str:
        # The scopes asked for too: a token granted for others must not be handed over.
        return f"{self._token_url}\0{self._client_id}\0{self._scope or ''}"

    # --- state ----------------------------------------------------------------------

    @property
    def token(self) -> AccessToken | None:
        """The cached token (fresh or not), or None before the first exchange."""
        return self._token

    @property
    def exchanges(self) -> int:
        """How many token exchanges succeeded so far."""
        return self._exchanges

    def invalidate(self) -> AccessToken | None:
        """Forget the cached token (e.g. after revoking it); return the forgotten one. A
        shared store still holding it is not read back: the next request exchanges anew."""
        with self._thread_lock:
            dropped, self._token = self._token, None
            self._forgotten = dropped or self._forgotten
        return dropped

    def _usable(self, refused: AccessToken | None) -> AccessToken | None:
        """The cached token if it is fresh and not the one the server just refused."""
        token = self._token
        if token is None or token is refused or not token.is_fresh(self._clock()):
            return None
        return token

    def _from_shared(self, refused: AccessToken | None) -> AccessToken | None:
        """The shared store's token, unless it is the one the server just refused."""
        cached = None if self._shared is None else self._shared.get()
        if cached is None:
            return None
        shared, usable_for = cached
        parts = _shared_parts(shared)
        if parts is None:
            return None
        value, scopes = parts
        if any(
            unusable is not None and unusable.value.reveal() == value
            for unusable in (refused, self._forgotten)
        ):
            return None
        expires_at = None if usable_for is None else self._clock() + usable_for
        self._token = AccessToken(value=Secret(value), expires_at=expires_at, scopes=scopes)
        return self._token

    def _share(self, token: AccessToken) -> None:
        if self._shared is not None:
            usable_for = None if token.expires_at is None else token.expires_at - self._clock()
            # Built in the call, so that no frame of this one holds the token in clear.
            self._shared.put(
                json.dumps({"token": token.value.reveal(), "scopes": list(token.scopes)}),
                usable_for,
            )

    def _exchange_lock(self) -> AbstractContextManager[None]:
        """The store's exchange lock for a sync request; none on an event loop's thread: a
        sync call there, waiting for a lock a task of the same loop holds, kept the loop
        from running that task for the lock's whole timeout (60 s). It exchanges a token
        of its own instead."""
        if self._shared is None or _event_loop_running_here():
            return nullcontext()
        return self._shared.exchange_lock()

    def _exchange_turn(self) -> AbstractAsyncContextManager[object]:
        """The event loop's turn at the store's exchange lock for this credential: every
        client of the loop waits for it on the loop, so that one worker thread at most
        waits for the store. Clients each waiting on a thread of their own took every
        thread of anyio's pool (40), and the holder could not go on until the waits timed
        out a minute later; each client then exchanged a token of its own."""
        if self._shared is None:
            return nullcontext()
        import anyio

        turns = _exchange_turns().get(None)
        if turns is None:
            # Held weakly: a loop running for weeks met a lock for every credential it had
            # ever served. Whoever waits for a turn or holds it keeps it.
            turns = weakref.WeakValueDictionary()
            _exchange_turns().set(turns)
        turn = turns.get(self._credential)
        if turn is None:
            turn = turns[self._credential] = anyio.Lock()
        return turn

    # --- the token exchange ---------------------------------------------------------

    def _token_request(self, for_request: httpx.Request) -> httpx.Request:
        form = {
            "grant_type": "client_credentials",
            "client_id": self._client_id,
            "client_secret": self._client_secret.reveal(),
        }
        if self._scope is not None:
            form["scope"] = self._scope
        exchange = httpx.Request(
            "POST", self._token_url, data=form, headers={"Accept": "application/json"}
        )
        if "timeout" in for_request.extensions:  # the caller's timeout covers the exchange too
            exchange.extensions["timeout"] = for_request.extensions["timeout"]
        exchange.extensions[REPEATABLE] = True  # asking twice for a token harms nothing
        exchange.extensions[CARRIES_CLIENT_HEADERS] = True  # User-Agent, partner headers
        self._mark(exchange)
        return exchange

    def _note_failure(self, exchange: httpx.Request) -> None:
        """Keep the token endpoint's refusal of a failed exchange (see ``FAILED_WITH``) for
        the requests queued behind it: a refusal of the credentials (a 4xx but 408 and 429)
        or an answer that does not read as a token for all of them; a 5xx, 408 or 429, a
        timeout or a lost connection for those whose per-call options the exchange ran
        with (any, for one that ran with none): a request given more time or retries might
        get through, and one given the same would only wait for its own exchange to fail
        alike, each in turn (ten calls bounded to half a second took five)."""
        error = exchange.extensions.get(FAILED_WITH)
        if not isinstance(error, ApiError | ApiConnectionError | MalformedResponseError):
            return
        options = current_options()
        unbounded = options.timeout is None and options.max_retries is None
        # As it is now: its first caller adds to the error as it goes on (notes, the
        # documents it uploaded), which the requests queued behind must not inherit.
        self._failure = copy.copy(error)
        self._failure_for = None if unbounded or not worth_retrying(error) else options
        self._failures += 1

    def _raise_failure_since(self, failures: int) -> None:
        """Raise, as a fresh error, the token endpoint's refusal of an exchange that failed
        while this request waited for it: the requests queued behind a refused exchange
        fail with its verdict instead of each asking again in turn (and retrying)."""
        failure = self._failure
        if self._failures != failures and failure is not None:
            if self._failure_for is not None and self._failure_for != current_options():
                return  # a failure of other options than this request's
            if isinstance(failure, ApiError):
                raise failure.recast(type(failure))
            fresh = copy.copy(failure)  # its attributes too (not_sent, harmless_to_repeat)
            fresh.__dict__.pop("__notes__", None)  # the first caller's, not shared
            raise fresh

    def _mark(self, request: httpx.Request) -> None:
        if self.hint is not None:
            request.extensions[CREDENTIAL_HINT] = self.hint

    def _accept(self, response: httpx.Response) -> AccessToken:
        """Turn the token endpoint's answer into the cached token (or raise)."""
        if response.is_error:  # normally raised by hirelink's response hook already
            raise noted_error(response)
        handled = sys.exc_info()[1]  # the caller's, if any: left whole below
        try:
            payload: Any = response.json()
            # Out of the answer and into a Secret before anything else can fail: a
            # traceback shown with its frames' locals (an error tracker's default) must
            # not hold the token in clear.
            issued = payload.pop("access_token")
            if not isinstance(issued, str) or not issued:
                raise TypeError("access_token is not a non-empty string")
            value = Secret(issued)
            if not _SENDABLE_TOKEN.fullmatch(issued):  # else httpx's refusal quotes it
                raise ValueError("access_token holds characters a header cannot carry")
            del issued
            lifetime = payload.get("expires_in")
            if isinstance(lifetime, str) and lifetime.isascii() and lifetime.isdigit():
                lifetime = int(lifetime)  # "3600": some OAuth servers send a string
            if lifetime is not None and (
                isinstance(lifetime, bool) or not isinstance(lifetime, int | float)
            ):
                raise TypeError("expires_in is not a number")
            if lifetime is not None and not 0 <= lifetime <= _LONGEST_LIFETIME:
                raise ValueError("expires_in is not a number of seconds from 0 to 10 years")
            scopes = payload.get("scope")
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problem = scrub(str(error))
            unreadable = MalformedResponseError(TOKEN_EXCHANGE, problem, harmless_to_repeat=True)
            response.request.extensions[FAILED_WITH] = unreadable  # kept as a refusal is
            # The decoder's frames hold the answer, the token in clear when it was cut.
            raise unreadable from without_frames(error, spare=handled)
        expires_at = None
        if lifetime is not None:
            expires_at = self._clock() + lifetime - min(self._refresh_margin, lifetime / 10)
        token = AccessToken(
            value=value,
            expires_at=expires_at,
            scopes=tuple(scopes.split()) if isinstance(scopes, str) else (),
            token_type=str(payload.get("token_type") or "Bearer"),
        )
        self._token = token
        self._failure = None  # a later waiter is not raised an older refusal
        self._exchanges += 1
        if token_logger.isEnabledFor(logging.INFO):  # its fields scrub: only when shown
            token_logger.info(
                "obtained an access token from %s (expires in %s s)",
                scrubbed_when_shown(self._token_url),
                "?" if lifetime is None else f"{lifetime:g}",
                extra=log_fields(response.request, status=response.status_code),
            )
        return token

    # --- the flow -------------------------------------------------------------------

    def _flow(self, request: httpx.Request) -> Flow:
        """Authorize ``request``; on a 401, replace the token and resend once."""
        token = yield _NeedToken()
        assert isinstance(token, AccessToken)
        request.headers["Authorization"] = f"Bearer {token.value.reveal()}"
        request.extensions[AUTH_HANDLED_STATUSES] = _REFRESH_ON
        self._mark(request)
        response = yield request
        assert isinstance(response, httpx.Response)
        if response.status_code not in _REFRESH_ON:
            return
        token_logger.info(
            "%s answered 401: renewing the access token once",
            scrubbed_when_shown(request.url.path),
            extra=log_fields(request, status=response.status_code),
        )
        fresh = yield _NeedToken(refused=token)
        assert isinstance(fresh, AccessToken)
        request.headers["Authorization"] = f"Bearer {fresh.value.reveal()}"
        del request.extensions[AUTH_HANDLED_STATUSES]  # a second 401 is the caller's error
        yield request

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if not sendable_again(request.stream):
            request.read()
        flow = self._flow(request)
        step = next(flow)
        while True:
            reply: httpx.Response | AccessToken
            if isinstance(step, _NeedToken):
                token = self._usable(step.refused)
                if token is None:
                    failures = self._failures
                    with self._thread_lock:
                        token = self._usable(step.refused)  # someone may have just renewed it
                        token = token or self._from_shared(step.refused)
                        if token is None:
                            self._raise_failure_since(failures)
                            with self._exchange_lock():
                                token = self._from_shared(step.refused)
                                if token is None:
                                    exchange = self._token_request(request)
                                    try:
                                        answer = yield exchange
                                        answer.read()
                                        token = self._accept(answer)
                                    finally:
                                        self._note_failure(exchange)
                                    self._share(token)
                reply = token
            else:
                reply = yield step
                reply.read()
            try:
                step = flow.send(reply)
            except StopIteration:
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if not sendable_again(request.stream):
            await request.aread()
        flow = self._flow(request)
        step = next(flow)
        while True:
            reply: httpx.Response | AccessToken
            if isinstance(step, _NeedToken):
                token = self._usable(step.refused)
                if token is None:
                    failures = self._failures
                    async with self._async_lock:
                        token = self._usable(step.refused)
                        token = token or await self._ask_shared(step.refused)
                        if token is None:
                            self._raise_failure_since(failures)
                            async with self._exchange_turn(), self._async_exchange_lock():
                                token = await self._ask_shared(step.refused)
                                if token is None:
                                    exchange = self._token_request(request)
                                    try:
                                        answer = yield exchange
                                        await answer.aread()
                                        token = self._accept(answer)
                                    finally:
                                        self._note_failure(exchange)
                                    await self._async_share(token)
                reply = token
            else:
                reply = yield step
                await reply.aread()
            try:
                step = flow.send(reply)
            except StopIteration:
                return

    # Without a shared store the async flow takes no worker thread, and with one it takes
    # only STORE_THREADS: anyio's pool is the application's too (Starlette runs sync
    # endpoints on it), and a busy or exhausted pool stalled every token exchange, or
    # deadlocked threads that call an async client.

    async def _ask_shared(self, refused: AccessToken | None) -> AccessToken | None:
        """:meth:`_from_shared` off the loop. A read takes nothing to give back: a cancelled
        caller need not wait for a stalled Redis."""
        if self._shared is None:
            return None
        from .threads import STORE_THREADS

        return await STORE_THREADS.run(self._from_shared, refused, abandon_on_cancel=True)

    async def _async_share(self, token: AccessToken) -> None:
        """:meth:`_share` off the loop, waited for, so that the exchange lock is released
        only once the token is shared."""
        if self._shared is not None:
            from .threads import STORE_THREADS

            await STORE_THREADS.run(self._share, token)

    @contextlib.asynccontextmanager
    async def _async_exchange_lock(self) -> AsyncIterator[None]:
        """The store's exchange lock, taken and released on a worker thread (released even
        when the caller is cancelled)."""
        if self._shared is None:
            yield
            return
        import anyio

        from .threads import EXCHANGE_WAIT_THREADS, STORE_THREADS

        exchange_lock = self._shared.exchange_lock()
        await take_on_thread(
            exchange_lock.__enter__, _exit(exchange_lock), threads=EXCHANGE_WAIT_THREADS
        )
        try:
            yield
        finally:
            with anyio.CancelScope(shield=True):
                await STORE_THREADS.run(_exit(exchange_lock))

    def __repr__(self) -> str:
        return (
            f"ClientCredentialsAuth(token_url={self._token_url!r}, "
            f"client_secret={self._client_secret!r})"
        )


_SENDABLE_TOKEN: Final = re.compile(r"[\x21-\x7e]+")
"""Visible ASCII: what an ``Authorization`` header carries as it is (RFC 6750's token
characters and more)."""
_LONGEST_LIFETIME: Final = 10 * 366 * 24 * 3600
"""The longest ``expires_in`` taken, in seconds: a larger one (10**400) overflowed the
clock's float, a NaN never expired."""


def _event_loop_running_here() -> bool:
    """Whether this thread runs an asyncio or trio event loop (neither imported: no)."""
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None and asyncio._get_running_loop() is not None:
        return True
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_trio_token()
        except RuntimeError:
            return False
        return True
    return False


@functools.cache
def _exchange_turns() -> RunVar[weakref.WeakValueDictionary[str, anyio.Lock]]:
    """The exchange turns of the running event loop, by credential (made on first use, so
    that sync clients never import anyio)."""
    from anyio.lowlevel import RunVar

    return RunVar("hirelink_token_exchange_turns")


def _exit(context: AbstractContextManager[None]) -> Callable[..., object]:
    """Leave ``context`` as a block that ended normally (whatever arguments are given)."""
    return lambda *_: context.__exit__(None, None, None)


def _shared_parts(shared: str) -> tuple[str, tuple[str, ...]] | None:
    """The token and its scopes as :meth:`ClientCredentialsAuth._share` stores them; None
    for anything else (then a token is exchanged anew)."""
    try:
        parts = json.loads(shared)
    except ValueError:
        return None
    if not isinstance(parts, dict) or not isinstance(parts.get("token"), str):
        return None
    scopes = parts.get("scopes")
    listed = tuple(s for s in scopes if isinstance(s, str)) if isinstance(scopes, list) else ()
    return parts["token"], listed
