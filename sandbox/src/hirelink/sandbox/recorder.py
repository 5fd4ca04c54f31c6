"""Record every request a sandbox receives, with credential headers redacted.

The outermost middleware: it also sees requests a fault answers or no route matches,
and reads the whole body up front, replaying it to the wrapped application. Bodies are
kept as they came, for tests to check what was sent: a token exchange's form body holds
its client secret, the stand-in's own unless a client read a real one from its
environment (``client_kwargs(client_secret=None)`` with ``HIRELINK_PERSONIO_CLIENT_SECRET``
set), so a recorded request's ``repr`` leaves the body out: a failed assertion shows it.
"""

from __future__ import annotations

import collections
import json
import logging
import threading
from collections.abc import Iterable
from typing import Any

import attrs
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_log = logging.getLogger("hirelink.sandbox")

__all__ = ["REDACTED", "RecordedRequest", "RequestRecorder", "is_secret_name", "redact_headers"]

REDACTED = "<redacted>"
"""What the recorder keeps in place of a credential."""
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "rt-partner-secret"})
_SECRET_NAME_PARTS = ("token", "secret")


def is_secret_name(name: str) -> bool:
    """Whether a header or argument called ``name`` (any case) carries a credential."""
    lowered = name.lower()
    return lowered in _SECRET_HEADERS or any(part in lowered for part in _SECRET_NAME_PARTS)


def redact_headers(raw_headers: Iterable[tuple[bytes, bytes]]) -> dict[str, str]:
    """Turn ASGI headers into a dict with lower-case names and secret values redacted.

    Repeated headers are joined with ``", "`` as HTTP allows.
    """
    headers: dict[str, str] = {}
    for raw_name, raw_value in raw_headers:
        name = raw_name.decode("latin-1").lower()
        value = REDACTED if is_secret_name(name) else raw_value.decode("latin-1")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


@attrs.frozen
class RecordedRequest:
    """One request as the sandbox received it.

    Attributes:
        method: HTTP method, upper case.
        path: URL path (percent-decoded, as ASGI gives it).
        query_string: the raw query string exactly as sent on the wire (not decoded).
        headers: lower-case header names; credential values replaced by ``<redacted>``.
        body: the raw request body (its length alone in the ``repr``).
    """

    method: str
    path: str
    query_string: str
    headers: dict[str, str]
    body: bytes = attrs.field(repr=lambda body: f"<{len(body)} bytes>")

    def json(self) -> Any:
        """Decode the body as JSON."""
        return json.loads(self.body)


class RequestRecorder:
    """Thread-safe log of the requests a sandbox received, oldest first.

    Args:
        max_requests: how many requests to keep; older ones are forgotten, so a
            long benchmark run does not grow memory without bound (reading the log after
            one was forgotten logs a WARNING on ``hirelink.sandbox``, once;
            :meth:`keep` keeps more).
    """

    def __init__(self, *, max_requests: int = 10_000) -> None:
        self._lock = threading.Lock()
        self._default = max_requests
        self._requests: collections.deque[RecordedRequest] = collections.deque(maxlen=max_requests)
        self._dropped = self._warned = False

    def keep(self, max_requests: int) -> None:
        """Keep the last ``max_requests`` requests from now on (a test walking a large
        account counts more than 10,000), until :meth:`reset`."""
        with self._lock:
            self._requests = collections.deque(self._requests, maxlen=max_requests)

    @property
    def requests(self) -> list[RecordedRequest]:
        """A copy of the recorded requests, oldest first."""
        with self._lock:
            requests, said = list(self._requests), self._said_dropped()
        if said:  # read, not served: a count taken from it falls short
            _log.warning(
                "the stand-in's recorder kept the last %d requests and forgot older ones:"
                " counts of them fall short; recorder.keep(n) keeps more",
                len(requests),
            )
        return requests

    def _said_dropped(self) -> bool:
        """Whether to say, now, that requests were forgotten (once until reset)."""
        if not self._dropped or self._warned:
            return False
        self._warned = True
        return True

    def clear(self) -> None:
        """Forget every recorded request."""
        with self._lock:
            self._requests.clear()

    def reset(self) -> None:
        """Forget every recorded request, and keep as many as at first (between tests)."""
        with self._lock:
            self._requests = collections.deque(maxlen=self._default)
            self._dropped = self._warned = False

    def record(self, request: RecordedRequest) -> None:
        """Append a request to the log."""
        with self._lock:
            self._dropped |= len(self._requests) == self._requests.maxlen
            self._requests.append(request)

    def last(
        self, method: str | None = None, path_contains: str | None = None
    ) -> RecordedRequest | None:
        """The most recent request matching ``method`` and ``path_contains``, or None."""
        wanted = None if method is None else method.upper()
        with self._lock:
            for request in reversed(self._requests):
                if wanted in (None, request.method) and (
                    path_contains is None or path_contains in request.path
                ):
                    return request
        return None

    def middleware(self, app: ASGIApp) -> ASGIApp:
        """Wrap ``app`` so every HTTP request it receives is recorded first."""

        async def record_requests(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            body, disconnected = await _read_body(receive)
            self.record(
                RecordedRequest(
                    method=scope["method"],
                    path=scope["path"],
                    query_string=scope.get("query_string", b"").decode("latin-1"),
                    headers=redact_headers(scope.get("headers", [])),
                    body=body,
                )
            )
            await app(scope, _replay(body, disconnected, receive), send)

        return record_requests


async def _read_body(receive: Receive) -> tuple[bytes, bool]:
    """Read the whole request body; also report whether the client went away."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(chunks), True
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), False


def _replay(body: bytes, disconnected: bool, receive: Receive) -> Receive:
    """A ``receive`` callable that hands out the already-read body, then defers."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            if disconnected:
                return {"type": "http.disconnect"}
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
