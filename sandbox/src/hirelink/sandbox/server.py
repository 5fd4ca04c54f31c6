"""Serve an ASGI app with uvicorn on loopback, in a background thread."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import re
import socket
import threading
import time
from collections.abc import Mapping
from typing import Self
from urllib.parse import urlsplit

import uvicorn
from starlette.types import ASGIApp

from hirelink.core.validation import HEADER_NAME

__all__ = [
    "InvalidHeaderError",
    "SandboxServer",
    "check_headers",
    "ensure_loopback",
    "loopback_url",
]

_STARTUP_TIMEOUT = 10.0
_POLL_INTERVAL = 0.002
_THREAD_NAME = "hirelink-sandbox:"
_log = logging.getLogger("hirelink.sandbox")
_TICK = 0.1  # how often uvicorn's main loop does its chores
_CLOSE_TIMEOUT = 1.0
_TURNS_TO_JOIN = 4  # accept, make the transport, connection_made, and one to spare


def ensure_loopback(host: str) -> str:
    """The address to bind for ``host``: ``localhost`` (as 127.0.0.1), 127.0.0.0/8 or ``::1``.

    Raises:
        ValueError: ``host`` is not a loopback address.
    """
    if host == "localhost":
        return "127.0.0.1"
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise ValueError(f"sandbox servers bind to loopback only; {host!r} is not") from None
    if not address.is_loopback:
        raise ValueError(f"sandbox servers bind to loopback only; {host!r} is not")
    return str(address)


def loopback_url(url: str) -> str:
    """``url``, when it is an http(s) URL on a loopback host (where the stand-ins call
    partners and deliver webhooks).

    Raises:
        ValueError: it is not.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"an http(s)://host/... URL is needed, got {url!r}")
    try:
        ensure_loopback(parts.hostname)
    except ValueError:
        raise ValueError(f"the stand-ins reach loopback URLs only, not {url!r}") from None
    try:
        parts.port  # noqa: B018 - raises ValueError for a port outside 0-65535
    except ValueError:
        raise ValueError(f"{url!r} has no valid port") from None
    return url


# Field-value characters, with no space or tab at either end (RFC 9110 5.5; h11 refuses one).
_HEADER_VALUE = re.compile(
    r"(?:[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?"
)


class InvalidHeaderError(ValueError):
    """A header HTTP cannot carry (see :func:`check_headers`)."""


def check_headers(headers: Mapping[str, str], *, charset: str = "latin-1") -> None:
    """Refuse headers HTTP cannot carry: a name that is no RFC 9110 token, or a value with
    control characters (a tab aside), characters outside ``charset``, or a space or tab at
    either end. The error names the header, never its value (which may be a credential).

    Raises:
        InvalidHeaderError: the first such header.
    """
    for name, value in headers.items():
        if not (isinstance(name, str) and HEADER_NAME.fullmatch(name)):
            raise InvalidHeaderError(f"headers: {name!r} is not an HTTP header name")
        try:
            wire = value.encode(charset).decode("latin-1")  # the octets sent, one a character
            sendable = bool(_HEADER_VALUE.fullmatch(wire))
        except (AttributeError, UnicodeEncodeError):
            sendable = False
        if not sendable:
            raise InvalidHeaderError(
                f"headers: the value of {name} must be {charset.upper()} text without "
                "control characters (a tab aside) or a space or tab at either end"
            )


class _QuietSandboxRecords(logging.Filter):
    """Keep a sandbox server's uvicorn records out of the user's logs: its start-up and
    access lines (below WARNING), and the traceback of a request it cancelled when it
    stopped (the stop logs one line for them: the client got its 500, and the stack says
    nothing). Other uvicorn servers of the process log as their owner configured."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not (record.threadName or "").startswith(_THREAD_NAME):
            return True
        cancelled = record.exc_info is not None and isinstance(
            record.exc_info[1], asyncio.CancelledError
        )
        return record.levelno >= logging.WARNING and not cancelled


for _logger in ("uvicorn.error", "uvicorn.access"):
    logging.getLogger(_logger).addFilter(_QuietSandboxRecords())


def _is_accepting(task: asyncio.Task[object]) -> bool:
    """Whether ``task`` is asyncio's making of an accepted connection's transport."""
    return getattr(task.get_coro(), "__qualname__", "").endswith("._accept_connection2")


class _PromptServer(uvicorn.Server):
    """uvicorn's server, stopping as soon as it is asked instead of on its next tick.

    uvicorn looks at ``should_exit`` every 0.1 s and, shutting down, pauses 0.1 s before
    it even looks at its connections, so each stop took about 0.17 s: a test suite that
    starts a stand-in per test spent most of its sandbox time stopping them. The shutdown
    keeps uvicorn's graceful steps (stop listening, let each connection finish the
    response it is sending, cancel what is still running after the grace period).
    """

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._exit_asked: asyncio.Event | None = None

    def ask_exit(self) -> None:
        """Ask the server to stop (from any thread) and wake it at once."""
        self.should_exit = True
        loop, exit_asked = self._loop, self._exit_asked
        if loop is not None and exit_asked is not None:
            with contextlib.suppress(RuntimeError):  # its loop has closed: it has stopped
                loop.call_soon_threadsafe(exit_asked.set)

    async def main_loop(self) -> None:
        self._exit_asked = asyncio.Event()
        self._loop = asyncio.get_running_loop()
        counter = 0
        # on_tick refreshes the Date header (once a second) and says whether to exit.
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864_000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._exit_asked.wait(), _TICK)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # A connection the loop accepted joins the server over the next few turns (asyncio
        # makes its transport in a task of its own), and only while the server is open:
        # after close() asyncio drops it unanswered, its socket closed only by the garbage
        # collector (the client waits for its timeout). So accept no more, let those turns
        # pass and those tasks finish, and close only then; one still in the kernel's
        # queue is reset by the close.
        loop = asyncio.get_running_loop()
        for listener in self.servers:
            for listening in listener.sockets:
                # A proactor loop (Windows) has no readers: there only the turns below
                # help, and the race remains (selector loops and uvloop are covered).
                with contextlib.suppress(NotImplementedError):
                    loop.remove_reader(listening.fileno())
        for _ in range(_TURNS_TO_JOIN):
            await asyncio.sleep(0)
        joining = [task for task in asyncio.all_tasks() if _is_accepting(task)]
        if joining:
            await asyncio.wait(joining, timeout=_CLOSE_TIMEOUT)
        for listener in self.servers:
            listener.close()
        for sock in sockets or []:
            sock.close()
        state = self.server_state
        deadline = loop.time() + float(self.config.timeout_graceful_shutdown or 0)
        asked: set[object] = set()
        while (state.connections or state.tasks) and not self.force_exit:
            for connection in list(state.connections):
                if connection not in asked:  # also one that joined since the last pass
                    asked.add(connection)
                    connection.shutdown()  # idle: closes now; busy: after its response
            if loop.time() >= deadline:
                cancelled = list(state.tasks)
                for task in cancelled:
                    task.cancel(msg="the sandbox server stopped past its grace period")
                if cancelled:  # each answers 500 as it stops
                    await asyncio.wait(cancelled, timeout=_CLOSE_TIMEOUT)
                left = list(state.connections)  # e.g. a client that stopped reading
                for connection in left:
                    connection.transport.abort()  # close() would wait for the reader
                _log.warning(
                    "the sandbox server stopped past its %s s grace period: %d answer(s)"
                    " still running cancelled (their clients got a 500), %d connection(s) cut",
                    self.config.timeout_graceful_shutdown,
                    len(cancelled),
                    len(left),
                )
                break
            await asyncio.sleep(_POLL_INTERVAL)
        for listener in self.servers:
            # Since Python 3.12.1 this also waits for the connections, which a cancelled
            # request may leave open.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(listener.wait_closed(), _CLOSE_TIMEOUT)
        if not self.force_exit:
            await self.lifespan.shutdown()


class SandboxServer:
    """Runs an ASGI app with uvicorn in a daemon thread, on a loopback address.

    Use it as a context manager, or call :meth:`start` and :meth:`stop`::

        with SandboxServer(app) as server:
            httpx.get(f"{server.url}/ping")

    Args:
        app: the ASGI application to serve; its lifespan runs (an app may build its
            clients there), when it has one.
        host: loopback address to bind (127.0.0.0/8, ``::1`` or ``localhost``).
        port: TCP port; 0 picks a free one (see :attr:`port` after start).
        max_lifetime: seconds after which the server stops by itself, so a
            forgotten server never outlives its purpose; None, 0 or less (or ``inf``)
            for no limit.

    Raises:
        ValueError: ``host`` is not a loopback address.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        max_lifetime: float | None = 3600.0,
    ) -> None:
        self._bind_host = ensure_loopback(host)
        self._app = app
        self._requested_port = port
        # Longer than a timer can wait (inf; threading.TIMEOUT_MAX is about 292 years) is
        # no limit either: the timer's thread died of an OverflowError.
        limited = max_lifetime is not None and 0 < max_lifetime < threading.TIMEOUT_MAX
        self._max_lifetime = max_lifetime if limited else None
        self._lock = threading.Lock()
        self._server: _PromptServer | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self._stopped_because: str | None = None
        self._port: int | None = None

    @property
    def host(self) -> str:
        """The address the server binds."""
        return self._bind_host

    @property
    def port(self) -> int:
        """The TCP port the server listens on (known once started)."""
        if self._port is None:
            raise RuntimeError("the server has not been started")
        return self._port

    @property
    def url(self) -> str:
        """Base URL of the server, e.g. ``http://127.0.0.1:51234``."""
        host = f"[{self._bind_host}]" if ":" in self._bind_host else self._bind_host
        return f"http://{host}:{self.port}"

    @property
    def max_lifetime(self) -> float | None:
        """Seconds after its start when the server stops by itself (None: no limit)."""
        return self._max_lifetime

    @property
    def running(self) -> bool:
        """Whether the server thread is alive."""
        thread = self._thread
        return thread is not None and thread.is_alive()

    def start(self) -> Self:
        """Bind the socket, start serving in a daemon thread and wait until it listens.

        Raises:
            RuntimeError: the server was started before (a stopped server does not start
                again) or did not come up in time.
            OSError: the address could not be bound.
        """
        with self._lock:
            if self._thread is not None:
                raise RuntimeError("the server has already been started")
            family = socket.AF_INET6 if ":" in self._bind_host else socket.AF_INET
            # IPPROTO_TCP explicitly: asyncio disables Nagle's algorithm (TCP_NODELAY)
            # only on sockets whose proto says TCP, and accepted sockets inherit it.
            # Without it every small response stalls ~40 ms on delayed ACKs.
            sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            try:
                if os.name != "nt":  # on Windows it lets a second server take a bound port
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((self._bind_host, self._requested_port))
                sock.listen(128)
            except OSError:
                sock.close()
                raise
            self._port = sock.getsockname()[1]
            config = uvicorn.Config(
                self._app,
                host=self._bind_host,
                port=self._port,
                # uvicorn's own logging setup replaces the process's uvicorn handlers and
                # levels (dictConfig): a filter quietens this server's records instead.
                log_config=None,
                log_level=None,
                lifespan="auto",  # an app of yours may build its client in its lifespan
                timeout_graceful_shutdown=1,
                # Not uvloop, where installed: under gevent's monkey-patching this thread
                # is a greenlet, and uvloop's loop, in C, blocked gevent's hub for ever.
                loop="asyncio",
            )
            server = _PromptServer(config)
            self._server = server
            # uvicorn installs signal handlers only when it runs in the main thread.
            thread = threading.Thread(
                target=server.run,
                kwargs={"sockets": [sock]},
                name=f"{_THREAD_NAME}{self._port}",
                daemon=True,
            )
            self._thread = thread
            thread.start()
        deadline = time.monotonic() + _STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive():
                sock.close()
                raise RuntimeError(
                    "the sandbox server thread ended during startup (the app's lifespan"
                    " failed to start?)"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the sandbox server did not start in {_STARTUP_TIMEOUT} s")
            time.sleep(_POLL_INTERVAL)
        if self._max_lifetime is not None:
            timer = threading.Timer(self._max_lifetime, self._lifetime_over)
            timer.daemon = True
            self._timer = timer
            timer.start()
        return self

    @property
    def stopped_because(self) -> str | None:
        """Why the server was stopped (its ``max_lifetime`` ran out, or :meth:`stop`); None
        while it was not. Unlike :attr:`running`, true in a forked child of its process
        too, whose copy of the server thread is not alive though the parent serves."""
        return self._stopped_because

    def _lifetime_over(self) -> None:
        self._stopped_because = (
            f"its max_lifetime of {self._max_lifetime:g} s ran out; max_lifetime=None keeps"
            " it running"
        )
        # Said, because a call to a server gone this way reads as a network fault.
        _log.warning(
            "sandbox server on port %d stops: its max_lifetime of %g s is over"
            " (max_lifetime=None keeps it running)",
            self._port,
            self._max_lifetime,
        )
        self.stop()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the server to exit and wait for its thread (safe to call repeatedly)."""
        with self._lock:
            server, thread, timer = self._server, self._thread, self._timer
            if self._stopped_because is None:
                self._stopped_because = "stop() was called, or its with block ended"
        if timer is not None and timer is not threading.current_thread():
            timer.cancel()
        if server is not None:
            server.ask_exit()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the server has stopped; return whether it has."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def __enter__(self) -> Self:
        if self._thread is None:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        port = self._port if self._port is not None else self._requested_port
        return f"<SandboxServer {self._bind_host}:{port} {state}>"
