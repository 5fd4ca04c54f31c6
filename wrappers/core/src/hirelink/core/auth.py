"""Credential placement as ``httpx.Auth`` flows.

:class:`HeaderAuth` covers every static credential our providers use: Recruitee's
``Authorization: Bearer <token>``, JOIN's raw ``Authorization: <token>`` and the
Recruitee Partners ``RT-PARTNER-SECRET: <secret>`` header. :class:`RoutedAuth` lets one
client hold several credentials (Personio, Recruitee Partners) and gives each request
the one its path needs, and nothing to other hosts. :class:`FirstAcceptedAuth` tries
credentials in turn, for a call whose credential the provider does not document.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import re
import threading
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final

import httpx
from attrs import define

from . import forks
from .errors import ALL_REFUSED_HINT, CREDENTIAL_HINT
from .http import AUTH_HANDLED_STATUSES, StoreUser, noted_error, sendable_again
from .secrets import Secret
from .stores import Store

if TYPE_CHECKING:
    import anyio


auth_logger = logging.getLogger("hirelink.auth")
_WAITS_ITS_TURN: Final = "a call replacing a credential waits for the one under way to end"


class HeaderAuth(httpx.Auth):
    """Sets ``header`` to ``prefix + secret`` on every request.

    A secret the provider replaces (Recruitee's partner secret) is replaced here by a call
    that holds :meth:`rotating` (or :meth:`arotating`) while it is out, and :meth:`rotate`
    once its answer is read. A request sent meanwhile with the old secret and refused
    (401) waits for that call to end, then goes again with the new secret, once.
    """

    def __init__(
        self,
        secret: str | Secret,
        *,
        header: str = "Authorization",
        prefix: str = "",
        headers: Mapping[str, str] | None = None,
        hint: str | None = None,
    ):
        self._secret = Secret.coerce(secret)
        self.hint = hint
        """Which credential this is and where the customer finds it: an
        :class:`~hirelink.core.AuthenticationError` for a request it authorized says it."""
        self._header = header
        self._prefix = prefix
        self._headers = dict(headers or {})
        """Plain headers that travel with the credential (e.g. Personio's company id)."""
        self._rotation_turn = threading.Lock()  # one rotation at a time (sync clients)
        self._settled = threading.Condition()  # guards _rotating; told when it ends
        self._rotating = False
        self._async_settled: anyio.Event | None = None  # set when an async rotation ends
        forks.renew_in_child(self, HeaderAuth._fresh_locks_in_child)

    @functools.cached_property
    def _async_rotation_turn(self) -> anyio.Lock:
        import anyio  # only async clients need it

        return anyio.Lock()

    def _fresh_locks_in_child(self) -> None:
        """In a child process after ``os.fork``: locks of its own, and no rotation under
        way (the parent's thread replacing the secret is not in the child)."""
        self._rotation_turn = threading.Lock()
        self._settled = threading.Condition()
        self._rotating = False
        self._async_settled = None
        self.__dict__.pop("_async_rotation_turn", None)

    @classmethod
    def bearer(cls, token: str | Secret, *, hint: str | None = None) -> HeaderAuth:
        return cls(token, prefix="Bearer ", hint=hint)

    def rotate(self, secret: str | Secret) -> None:
        """Send ``secret`` from the next request on (after the provider replaced it). A
        request already out with the old one and refused (401) goes again with the new
        one, once: other threads' or tasks' calls in flight while the secret was
        regenerated do not fail, also when refused before the new secret arrived, if the
        call replacing it holds :meth:`rotating` (:meth:`arotating`)."""
        self._secret = Secret.coerce(secret)

    def rotated_since(self, sent: Secret) -> bool:
        """Whether the secret has been replaced since ``sent`` was the one sent."""
        return self._secret is not sent

    @contextlib.contextmanager
    def rotating(self) -> Iterator[None]:
        """Hold while a call that replaces the secret is out, up to its :meth:`rotate`
        (sync clients). One at a time: a second waits for the first to end, and is sent
        with the secret the first issued. A request refused (401) meanwhile waits for it
        to end."""
        if self._rotation_turn.locked():
            auth_logger.debug(_WAITS_ITS_TURN)
        with self._rotation_turn:
            with self._settled:
                self._rotating = True
            token = _ROTATING_HERE.set(self)
            try:
                yield
            finally:
                _ROTATING_HERE.reset(token)
                with self._settled:
                    self._rotating = False
                    self._settled.notify_all()

    @contextlib.asynccontextmanager
    async def arotating(self) -> AsyncIterator[None]:
        """The async twin of :meth:`rotating`."""
        import anyio

        if self._async_rotation_turn.locked():
            auth_logger.debug(_WAITS_ITS_TURN)
        async with self._async_rotation_turn:
            settled = self._async_settled = anyio.Event()
            self._rotating = True
            token = _ROTATING_HERE.set(self)
            try:
                yield
            finally:
                _ROTATING_HERE.reset(token)
                self._rotating = False
                settled.set()

    def _rotation_to_wait_for(self) -> bool:
        """Whether a rotation is under way that a refused request should wait for: not
        one this thread or task is carrying out (its own request with the old secret)."""
        return self._rotating and _ROTATING_HERE.get() is not self

    def _flow(self, request: httpx.Request) -> Generator[httpx.Request | _Settle, object, None]:
        """Authorize ``request``; refused (401) with a secret replaced since, or being
        replaced, send it again with the new one once the replacement ended."""
        sent = self._secret
        request.headers.update(self._headers)
        request.headers[self._header] = self._prefix + sent.reveal()
        if self.hint is not None:
            request.extensions[CREDENTIAL_HINT] = self.hint
        claimed = request.extensions.get(AUTH_HANDLED_STATUSES)
        handled = None
        if sendable_again(request.stream):
            handled = _RefusedAfterRotation(self, sent, claimed or ())
            request.extensions[AUTH_HANDLED_STATUSES] = handled
        resends = _MOST_RESENDS
        while True:
            response = yield request
            assert isinstance(response, httpx.Response)
            if handled is None or response.status_code != 401 or not handled.claims_refusal():
                return
            # Also when the rotation that replaced it has ended: the next one may be under
            # way, retiring the secret this request would go again with.
            if handled.waits or self._rotation_to_wait_for():
                yield _Settle(_longest_wait(request))
            if not self.rotated_since(sent):  # the rotation failed, or did not end in time
                raise noted_error(response)
            sent = self._secret
            request.headers[self._header] = self._prefix + sent.reveal()
            resends -= 1
            if resends:  # refused again only if yet another rotation retired this one
                handled = _RefusedAfterRotation(self, sent, claimed or ())
                request.extensions[AUTH_HANDLED_STATUSES] = handled
            else:  # a last 401 is the caller's error
                handled = None
                if claimed is None:
                    del request.extensions[AUTH_HANDLED_STATUSES]
                else:
                    request.extensions[AUTH_HANDLED_STATUSES] = claimed

    def _wait_settled(self, seconds: float | None) -> None:
        with self._settled:
            self._settled.wait_for(lambda: not self._rotating, timeout=seconds)

    async def _await_settled(self, seconds: float | None) -> None:
        import anyio

        # Until no rotation is under way, as the sync twin waits: the next one may have
        # begun before this task woke, retiring the secret the first one issued.
        with anyio.move_on_after(math.inf if seconds is None else seconds):
            while self._rotating and (settled := self._async_settled) is not None:
                await settled.wait()

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self._flow(request)
        step = next(flow)
        while True:
            reply: httpx.Response | None
            if isinstance(step, _Settle):
                self._wait_settled(step.seconds)
                reply = None
            else:
                reply = yield step
            try:
                step = flow.send(reply)
            except StopIteration:
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self._flow(request)
        step = next(flow)
        while True:
            reply: httpx.Response | None
            if isinstance(step, _Settle):
                await self._await_settled(step.seconds)
                reply = None
            else:
                reply = yield step
            try:
                step = flow.send(reply)
            except StopIteration:
                return

    def __repr__(self) -> str:
        return f"HeaderAuth(header={self._header!r}, secret={self._secret!r})"


_ROTATING_HERE: Final[ContextVar[HeaderAuth | None]] = ContextVar(
    "hirelink_rotating_here", default=None
)
"""The credential this thread or task is replacing (inside its :meth:`HeaderAuth.rotating`)."""


@define(frozen=True)
class _Settle:
    """An instruction of :meth:`HeaderAuth._flow`: wait (at most ``seconds``; None: as
    long as it takes) for the rotation under way to end."""

    seconds: float | None


_MOST_RESENDS: Final = 5
"""How many times a request refused (401) as the secret it went with was replaced goes
again: rotations back to back may retire the new one before it arrives, which a single
resend met with a 401 of its own (async clients, while a call regenerated the secret)."""


def _longest_wait(request: httpx.Request) -> float | None:
    """How long a refused request waits for the new secret: its own longest timeout (the
    call replacing the secret reads its answer within as long); None when it has none."""
    timeouts = request.extensions.get("timeout") or {}
    limits = [value for value in timeouts.values() if value is not None]
    if len(limits) < len(timeouts) or not limits:
        return None
    return float(max(limits))


class _RefusedAfterRotation:
    """The statuses a request's auth flow answers itself (:data:`AUTH_HANDLED_STATUSES`):
    those claimed already, and a 401 once the secret it went with has been replaced, or
    while it is being replaced, which the flow answers by sending it again with the new
    one (or raising the 401 when the replacement failed). Asked when the answer comes, by
    the typed-error hook and then by the flow: a 401 claimed once stays claimed, so that
    the two never disagree."""

    def __init__(self, auth: HeaderAuth, sent: Secret, claimed: Iterable[int]) -> None:
        self._auth, self._sent, self._claimed = auth, sent, frozenset(claimed)
        self._refusal_claimed = False
        self.waits = False
        """Whether the claimed 401 came while a rotation was under way, to wait for."""

    def claims_refusal(self) -> bool:
        """Whether the flow answers a 401 itself (decided at the first ask, then kept)."""
        if not self._refusal_claimed:
            if self._auth.rotated_since(self._sent):
                self._refusal_claimed = True
            elif self._auth._rotation_to_wait_for():
                self._refusal_claimed = self.waits = True
        return self._refusal_claimed

    def __contains__(self, status: object) -> bool:
        if status in self._claimed:
            return True
        return status == httpx.codes.UNAUTHORIZED and self.claims_refusal()

    def __iter__(self) -> Iterator[int]:
        return iter(self._claimed | {401} if self.claims_refusal() else self._claimed)


Route = tuple[str, httpx.Auth | None]
"""A regular expression searched for in the request's path (below ``base_url`` when one
is given), and the auth of the requests it matches (None: send no credential)."""


class _HoldsCredentials(StoreUser):
    """An auth made of others: each one that keeps state gets the client's store."""

    def _credentials(self) -> Iterable[httpx.Auth | None]:
        raise NotImplementedError

    def use_store(self, store: Store) -> None:
        """Hand the client's store to every credential held that keeps state there."""
        for auth in self._credentials():
            if isinstance(auth, StoreUser):
                auth.use_store(store)

    @property
    def keeps_state(self) -> bool:
        return any(isinstance(auth, StoreUser) and auth.keeps_state for auth in self._credentials())


class RoutedAuth(httpx.Auth, _HoldsCredentials):
    """Picks each request's credential by its path; the first matching route wins.

    With ``base_url``, requests to another origin (e.g. a public feed host) are sent
    without credentials; so are paths no route matches.
    """

    def __init__(self, routes: Sequence[Route], *, base_url: str | None = None) -> None:
        self._routes = [(re.compile(pattern), auth) for pattern, auth in routes]
        self._origin: tuple[str, str, int | None] | None = None
        self._prefix = ""
        if base_url is not None:
            base = httpx.URL(base_url)
            self._origin = (base.scheme, base.host, base.port)
            self._prefix = base.path.rstrip("/")

    def _credentials(self) -> Iterable[httpx.Auth | None]:
        return (auth for _, auth in self._routes)

    def _route(self, request: httpx.Request) -> httpx.Auth | None:
        url = request.url
        if self._origin is not None and (url.scheme, url.host, url.port) != self._origin:
            return None
        path = url.path.removeprefix(self._prefix)
        for pattern, auth in self._routes:
            if pattern.search(path):
                return auth
        return None

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        chosen = self._route(request)
        if chosen is None:
            yield request
            return
        yield from chosen.sync_auth_flow(request)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        chosen = self._route(request)
        if chosen is None:
            yield request
            return
        flow = chosen.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                response = yield outgoing
                try:
                    outgoing = await flow.asend(response)
                except StopAsyncIteration:
                    return
        finally:
            await flow.aclose()

    def __repr__(self) -> str:
        return f"RoutedAuth({[auth for _, auth in self._routes]!r})"


REFUSED: Final = frozenset({401, 403})
"""Answers that refuse a credential: the provider has done nothing, so the request can go
again with another."""


class FirstAcceptedAuth(httpx.Auth, _HoldsCredentials):
    """Sends the request with each credential in turn until one is not refused.

    For a call whose credential the provider does not document: the request goes with
    the first of ``auths``; answered 401 or 403, it goes again with the next (without the
    headers the refused one set), so each attempt carries one credential. A refusal means
    nothing was done, so sending again is safe whatever the method. ``hint`` is what the
    :class:`~hirelink.core.AuthenticationError` or
    :class:`~hirelink.core.PermissionDeniedError` says when the last one is refused too.
    A credential that renews itself on a refusal
    (:class:`~hirelink.core.ClientCredentialsAuth`) belongs
    last: before another, it would take each refusal for an expired token.
    """

    def __init__(self, auths: Sequence[httpx.Auth], *, hint: str | None = None) -> None:
        if not auths:
            raise ValueError("FirstAcceptedAuth needs at least one credential")
        self._auths = tuple(auths)
        self.hint = hint

    def _credentials(self) -> Iterable[httpx.Auth | None]:
        return self._auths

    def _attempts(self, request: httpx.Request) -> Generator[httpx.Auth, None, None]:
        headers, extensions = request.headers.copy(), dict(request.extensions)
        for position, auth in enumerate(self._auths):
            if position:
                request.headers, request.extensions = headers.copy(), dict(extensions)
            yield auth

    def _outgoing(self, auth: httpx.Auth, request: httpx.Request) -> httpx.Request:
        if auth is not self._auths[-1]:
            # Let a refusal through to this flow instead of raising it (see http.py).
            handled = request.extensions.get(AUTH_HANDLED_STATUSES, frozenset())
            request.extensions[AUTH_HANDLED_STATUSES] = frozenset(handled) | REFUSED
        elif self.hint is not None:  # one credential: its hint, as a 401's
            several = len(self._auths) > 1
            request.extensions[ALL_REFUSED_HINT if several else CREDENTIAL_HINT] = self.hint
        return request

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        # Read here, not through requires_request_body, which a RoutedAuth around this
        # one would hide: each attempt must send the same body.
        request.read()
        for auth in self._attempts(request):
            flow = auth.sync_auth_flow(request)
            outgoing = next(flow)
            while True:
                response = yield self._outgoing(auth, outgoing)
                try:
                    outgoing = flow.send(response)
                except StopIteration:
                    break
            if response.status_code not in REFUSED:
                return

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await request.aread()
        for auth in self._attempts(request):
            flow = auth.async_auth_flow(request)
            try:
                outgoing = await flow.__anext__()
                while True:
                    response = yield self._outgoing(auth, outgoing)
                    try:
                        outgoing = await flow.asend(response)
                    except StopAsyncIteration:
                        break
            finally:
                await flow.aclose()
            if response.status_code not in REFUSED:
                return

    def __repr__(self) -> str:
        return f"FirstAcceptedAuth({list(self._auths)!r})"
