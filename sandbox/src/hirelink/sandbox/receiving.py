"""A webhook receiver served on loopback that notes what arrives, for tests.

:class:`WebhookReceiver` serves any ASGI app (by default :func:`collecting_app`, which
answers every POST with a fixed status) behind a thin layer recording each request and
the status it got, so that a test can wait for deliveries and look at them. The pytest
fixture ``webhook_receiver`` (:mod:`hirelink.sandbox.pytest_plugin`) starts one and
registers it with a stand-in.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import attrs
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hirelink.sandbox.outbox import Subscription
from hirelink.sandbox.server import SandboxServer

__all__ = ["Arrival", "WebhookReceiver", "collecting_app"]


@attrs.define(frozen=True)
class Arrival:
    """One request the receiver got: its headers (lower-case names), body and answer."""

    method: str
    path: str
    headers: dict[str, str] = attrs.field(repr=False)
    body: bytes = attrs.field(repr=False)
    status: int | None

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)


def collecting_app(status: int = 200) -> ASGIApp:
    """An ASGI app answering every request with ``status`` and ``{}``."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False) and message["type"] == "http.request"
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": b"{}"})

    return app


class WebhookReceiver(SandboxServer):
    """A loopback server of ``app`` recording every request with the status it got.

    Args:
        app: the receiver (e.g. ``hirelink.recruitee.webhooks.create_webhook_app(...)``);
            None for :func:`collecting_app` answering ``status``.
        status: the answer of the default app.
        path: the path deliveries go to (part of :attr:`url`).
    """

    def __init__(self, app: ASGIApp | None = None, *, status: int = 200, path: str = "/") -> None:
        # A plain function: uvicorn takes a bound method for an ASGI 2 application.
        async def recording(scope: Scope, receive: Receive, send: Send) -> None:
            await self._recording(scope, receive, send)

        super().__init__(recording, max_lifetime=600.0)
        self.app = app if app is not None else collecting_app(status)
        self.path = path
        self.arrivals: list[Arrival] = []
        """Every request that arrived so far, in order, with the status it was answered
        (None when the app raised)."""
        self.subscription: Subscription | None = None
        """The registration with a stand-in's outbox, when the fixture made one."""
        self._condition = threading.Condition()

    @property
    def url(self) -> str:
        """Where to send deliveries."""
        return super().url + self.path

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Arrival]:
        """Wait until at least ``count`` requests were answered; return them all.

        Raises:
            TimeoutError: fewer arrived within ``timeout`` seconds.
        """
        # The Condition's own timeout, not a deadline read off the clock: under a test's
        # frozen clock (freezegun) a deadline never came, and a missing delivery hung.
        with self._condition:
            if not self._condition.wait_for(lambda: len(self.arrivals) >= count, timeout):
                raise TimeoutError(
                    f"{len(self.arrivals)} of {count} deliveries arrived in {timeout} s"
                )
            return list(self.arrivals)

    async def _recording(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        status: list[int] = []

        async def receive_noting() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                chunks.append(message.get("body", b""))
            return message

        recorded = False

        def record() -> None:
            nonlocal recorded
            if recorded:
                return
            recorded = True
            headers = {
                name.decode("latin-1").lower(): value.decode("latin-1")
                for name, value in scope.get("headers", [])
            }
            arrival = Arrival(
                scope["method"], scope["path"], headers, b"".join(chunks), next(iter(status), None)
            )
            with self._condition:
                self.arrivals.append(arrival)
                self._condition.notify_all()

        async def send_noting(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                # Before the answer's end goes out: a sender (the outbox) that has the
                # answer finds the request among the arrivals.
                record()
            await send(message)

        try:
            await self.app(scope, receive_noting, send_noting)
        finally:
            record()  # one that got no answer
