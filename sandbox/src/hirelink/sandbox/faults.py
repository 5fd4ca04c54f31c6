"""Switchable faults: error statuses, dropped connections, malformed bodies, latency,
requests held until the test lets them go.

An ASGI middleware applies them before routing and authentication, so a fault hits a
request whatever its credentials. The injector is thread-safe (tests add faults while
the server runs in another thread)::

    sandbox.faults.add(Fault(path=r"/candidates$", status=429, times=2,
                             headers={"Retry-After": "1"}))
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import threading
from typing import Final, Literal

import attrs
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hirelink.sandbox.server import check_headers

__all__ = ["FOREVER", "Fault", "FaultInjector", "FaultKind"]

FaultKind = Literal["status", "drop", "malformed", "delay", "late", "cut", "hold"]
"""How a :class:`Fault` answers: with a status, by dropping the connection, with a
malformed body, after a delay (before or after carrying it out), cut off mid-answer, or
once the test releases it."""
FOREVER = -1
"""``Fault.times`` value for a fault that never wears off."""

_KINDS: tuple[FaultKind, ...] = ("status", "drop", "malformed", "delay", "late", "cut", "hold")
_MALFORMED_JSON = b'{"data": [{"id": 1, "name": "trunc'


_METHODS: Final = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
"""The methods a request to a stand-in may have."""


def _upper_or_none(value: str | None) -> str | None:
    # A misspelt method ("GTE", "get ") was taken, and its fault never fired: the test
    # passed without the failure it meant to inject.
    if value is not None and (not isinstance(value, str) or value.upper() not in _METHODS):
        known = ", ".join(sorted(_METHODS))
        raise ValueError(f"method must be one HTTP method ({known}) or None, got {value!r}")
    return value.upper() if value is not None else None


def _check_times(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or (value < 1 and value != FOREVER):
        raise ValueError(f"times must be a whole number >= 1 or {FOREVER} (forever), got {value!r}")


def _check_status(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 200 <= value <= 599:
        raise ValueError(
            f"status must be an HTTP status code of a final answer (200-599), got {value!r}"
        )


def _check_kind(_instance: object, _attribute: object, value: str) -> None:
    if value not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, _KINDS))}, got {value!r}")


def _check_headers(_instance: object, _attribute: object, value: dict[str, str]) -> None:
    if not isinstance(value, dict):
        raise ValueError(f"headers must be a dict of names to values, got {type(value).__name__}")
    check_headers(value)
    framing = sorted(n for n in value if n.lower() in ("content-length", "transfer-encoding"))
    if framing:  # the server frames the body itself; two lengths broke the answer off unsent
        raise ValueError(
            f"headers must not set {', '.join(framing)}: the body is framed by the server "
            "(a broken body: kind='malformed', or a 'Content-Encoding: gzip' header with a "
            "body that is not gzip)"
        )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_delay(_instance: object, _attribute: object, value: float) -> None:
    if not _is_number(value) or not value >= 0:  # NaN too
        raise ValueError(f"delay must be a number of seconds >= 0, got {value!r}")


def _check_chance(_instance: object, _attribute: object, value: float) -> None:
    if not _is_number(value) or not 0 < value <= 1:
        raise ValueError(f"chance must be a number in (0, 1], got {value!r}")


@attrs.define(kw_only=True, frozen=True)
class Fault:
    """One switchable fault; frozen (``attrs.evolve(fault, path=...)`` makes a changed
    copy), so what the injector checked when it was made is what it fires.

    Attributes:
        method: HTTP method it applies to; None for any method.
        path: regular expression searched (``re.search``) in the URL path; the
            empty default matches every path.
        status: status code answered by a ``"status"`` fault.
        times: how many matching requests it applies to; ``-1`` means forever. The
            injector counts its own copy down (see :attr:`FaultInjector.remaining`) and
            drops the fault when it is spent, so one ``Fault`` can be added again, or to
            several stand-ins, and fires ``times`` times in each.
        headers: response headers of a ``"status"`` or ``"malformed"`` fault.
        body: response body of a ``"status"`` fault (a dict or list is sent as JSON) or
            the broken payload of a ``"malformed"`` fault.
        delay: seconds slept before answering (for ``"delay"``, before passing the
            request on; for ``"late"``, after carrying it out).
        kind: ``"status"`` answers with status/headers/body; ``"drop"`` closes the
            connection without any response; ``"malformed"`` answers 200 with an
            invalid JSON body; ``"delay"`` sleeps, then lets the request through;
            ``"late"`` lets the request through at once and holds its answer back
            ``delay`` seconds (a write carried out whose answer comes after the client
            gave up);
            ``"cut"`` lets the request through, then sends the answer's status, headers
            and the first half of its body and closes the connection (a request carried
            out whose answer was lost on the way); an answer without a body is not sent
            at all; ``"hold"`` keeps the request waiting until
            :meth:`FaultInjector.release` (or :meth:`~FaultInjector.clear`), then lets it
            through: a request in flight for exactly as long as a test needs, where a
            ``"delay"`` would race the test's next step.
        chance: the probability that it fires for a matching request (1: always);
            drawn from the injector's seeded generator, so a run can be repeated.
    """

    method: str | None = attrs.field(default=None, converter=_upper_or_none)
    path: str = ""
    status: int = attrs.field(default=503, validator=_check_status)
    times: int = attrs.field(default=1, validator=_check_times)
    headers: dict[str, str] = attrs.field(factory=dict, validator=_check_headers)
    body: bytes | str | dict[str, object] | list[object] | None = None
    delay: float = attrs.field(default=0.0, validator=_check_delay)
    kind: FaultKind = attrs.field(default="status", validator=_check_kind)
    chance: float = attrs.field(default=1.0, validator=_check_chance)
    _pattern: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Each refused here, naming the option: at answer time it was a 500 to the client.
        if not isinstance(self.path, str):
            raise ValueError(f"path must be a regular expression (str), got {self.path!r}")
        try:
            object.__setattr__(self, "_pattern", re.compile(self.path))
        except re.error as error:
            raise ValueError(f"path is not a regular expression: {error}") from None
        try:
            encoded = _encode_body(self.body)[0]
        except (TypeError, ValueError) as error:
            raise ValueError(f"body cannot be sent as JSON: {error}") from None
        bodiless = self.status < 200 or self.status in (204, 304)
        if self.kind == "status" and bodiless and encoded:
            raise ValueError(f"body: a {self.status} answer has no body; leave body out")

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault applies to a request with ``method`` and ``path``."""
        return self.method in (None, method) and self._pattern.search(path) is not None


@attrs.define(eq=False)
class _Armed:
    """An active fault and the requests it still applies to."""

    fault: Fault
    left: int


class FaultInjector:
    """A thread-safe, ordered set of faults; the first matching fault fires.

    ``chance`` is drawn from a generator seeded with ``seed``, and :meth:`clear` seeds it
    again, so the faults of a test fire the same way whatever ran before it.
    """

    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._seed = seed
        self._armed: list[_Armed] = []
        self._random = random.Random(seed)  # noqa: S311 - fault dice, not cryptography
        # A held request's loop and the future it waits on: release() comes from the
        # test's thread, and a future is woken only from its own loop.
        self._held: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []

    def add(self, fault: Fault) -> Fault:
        """Activate ``fault`` (after the ones already active) and return it."""
        if not isinstance(fault, Fault):  # the class itself failed every request later
            raise TypeError(f"add() takes a Fault(...), got {fault!r}")
        with self._lock:
            self._armed.append(_Armed(fault, fault.times))
        return fault

    def remove(self, fault: Fault) -> None:
        """Deactivate ``fault`` if it is still active."""
        with self._lock:
            self._armed = [armed for armed in self._armed if armed.fault is not fault]

    def clear(self) -> None:
        """Deactivate every fault, seed the ``chance`` dice again, and :meth:`release`."""
        with self._lock:
            self._armed.clear()
            self._random.seed(self._seed)
        self.release()

    def release(self) -> None:
        """Let every request a ``"hold"`` fault keeps waiting go on; one held later waits
        for the next release."""
        with self._lock:
            held, self._held = self._held, []
        for loop, waiter in held:
            with contextlib.suppress(RuntimeError):  # its loop has closed: nothing waits
                loop.call_soon_threadsafe(_wake, waiter)

    @property
    def active(self) -> list[Fault]:
        """A copy of the active faults, in firing order."""
        with self._lock:
            return [armed.fault for armed in self._armed]

    def remaining(self, fault: Fault) -> int:
        """How many more requests ``fault`` applies to here (``FOREVER``: no end; 0 when
        spent or never added)."""
        with self._lock:
            return next((armed.left for armed in self._armed if armed.fault is fault), 0)

    def take(self, method: str, path: str) -> Fault | None:
        """Find the fault for a request and count it down; None when none applies."""
        with self._lock:
            return self._take(method, path)

    def _take(self, method: str, path: str) -> Fault | None:
        for armed in self._armed:
            fault = armed.fault
            if not fault.matches(method, path):
                continue
            if fault.chance < 1 and self._random.random() >= fault.chance:
                continue
            if armed.left != FOREVER:
                armed.left -= 1
                if armed.left == 0:
                    self._armed.remove(armed)
            return fault
        return None

    def middleware(self, app: ASGIApp) -> ASGIApp:
        """Wrap ``app`` so matching requests get their fault instead (or first)."""

        async def inject_faults(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            waiter: asyncio.Future[None] | None = None
            with self._lock:  # held under the lock that took it: no release in between
                fault = self._take(scope["method"], scope["path"])
                if fault is not None and fault.kind == "hold":
                    loop = asyncio.get_running_loop()
                    waiter = loop.create_future()
                    self._held.append((loop, waiter))
            if fault is None:
                await app(scope, receive, send)
                return
            if fault.delay and fault.kind != "late":
                await asyncio.sleep(fault.delay)
            if waiter is not None:
                await waiter
            if fault.kind in ("delay", "hold"):
                await app(scope, receive, send)
            elif fault.kind == "drop":
                await _drop_connection(send)
            elif fault.kind == "late":
                await app(scope, receive, _late(send, fault.delay))
            elif fault.kind == "cut":
                await app(scope, receive, _cutting(send))
            elif fault.kind == "malformed":
                body = _encode_body(fault.body)[0] if fault.body is not None else _MALFORMED_JSON
                await _respond(send, 200, "application/json", fault.headers, body)
            else:
                body, content_type = _encode_body(fault.body)
                await _respond(send, fault.status, content_type, fault.headers, body)

        return inject_faults


def _encode_body(
    body: bytes | str | dict[str, object] | list[object] | None,
) -> tuple[bytes, str | None]:
    if body is None:
        return b"", None
    if isinstance(body, bytes):
        return body, "application/octet-stream"
    if isinstance(body, str):
        return body.encode(), "text/plain; charset=utf-8"
    return json.dumps(body).encode(), "application/json"


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():  # not cancelled (the server stopped) nor woken already
        waiter.set_result(None)


def _late(send: Send, delay: float) -> Send:
    """A ``send`` that holds the answer back ``delay`` seconds."""

    async def send_late(message: Message) -> None:
        if message["type"] == "http.response.start":
            await asyncio.sleep(delay)
        await send(message)

    return send_late


def _cutting(send: Send) -> Send:
    """A ``send`` that passes on the answer's start and the first half of its body, then
    closes the connection."""
    started: list[Message] = []
    body = bytearray()

    async def cut_short(message: Message) -> None:
        if message["type"] == "http.response.start":
            started.append(message)
            return
        body.extend(message.get("body", b""))
        if message.get("more_body", False):
            return
        if len(body) >= 2:  # else nothing of an answer can be lost: none of it is sent
            await send(started[0])
            half = bytes(body[: len(body) // 2])
            await send({"type": "http.response.body", "body": half, "more_body": True})
        await _drop_connection(send)

    return cut_short


async def _respond(
    send: Send, status: int, content_type: str | None, headers: dict[str, str], body: bytes
) -> None:
    raw_headers = [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]
    names = {name for name, _ in raw_headers}
    if content_type is not None and b"content-type" not in names:
        raw_headers.append((b"content-type", content_type.encode("latin-1")))
    raw_headers.append((b"content-length", str(len(body)).encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def _drop_connection(send: Send) -> None:
    """Close the client connection without sending a single byte of response.

    ASGI has no message for this; uvicorn's ``send`` is a method of its request-response
    cycle, which holds the asyncio transport. Once the close is processed uvicorn marks
    the cycle disconnected and sends nothing more (not even its fallback 500).
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if not isinstance(transport, asyncio.BaseTransport):
        raise ConnectionAbortedError(
            "the ASGI server does not expose its transport; cannot drop the connection"
        )
    transport.close()
    # Let the event loop run connection_lost() before this request returns.
    for _ in range(3):
        await asyncio.sleep(0)
