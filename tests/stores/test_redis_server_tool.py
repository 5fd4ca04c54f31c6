"""tools/redis_server: the test Redis is the one it started, and it dies with its starter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

import tools.redis_server
from tests.waiting import wait_until
from tools.redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parents[2]


def test_a_port_another_redis_answers_on_is_left_for_a_free_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with RedisServer() as first:
        offered = iter([first.port, free_port()])
        monkeypatch.setattr(tools.redis_server, "free_port", lambda: next(offered))
        with RedisServer() as second:
            assert second.port != first.port
            redis.Redis.from_url(second.url).set("whose", "second")
            assert redis.Redis.from_url(first.url).get("whose") is None
        assert first.running


def _state(pid: int) -> str:
    """The process's state letter (Z: dead, not yet reaped), or "" once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return ""
    return status.split("State:")[1].split()[0]


@pytest.mark.skipif(sys.platform != "linux", reason="the death signal is Linux's prctl")
def test_a_starter_killed_outright_takes_its_redis_server_with_it() -> None:
    starter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time; from tools.redis_server import RedisServer;"
            "server = RedisServer().__enter__(); print(server.pid, flush=True); time.sleep(60)",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert starter.stdout is not None
    pid = int(starter.stdout.readline())
    assert _state(pid) not in ("", "Z")
    starter.kill()  # SIGKILL: no with-block ends, no atexit runs
    starter.wait()
    try:
        wait_until(lambda: _state(pid) in ("", "Z"), "redis-server ended", timeout=10)
    finally:
        if _state(pid) not in ("", "Z"):
            os.kill(pid, 9)
