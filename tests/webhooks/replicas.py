"""A receiver replica in a process of its own (``receiver_process.py``), sharing a Redis."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

RECEIVER = Path(__file__).with_name("receiver_process.py")


class ReplicaProcess:
    def __init__(self, redis_url: str) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, a test script
            [sys.executable, str(RECEIVER), redis_url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        ready = self.process.stdout.readline().split()
        assert ready[:1] == ["ready"], ready
        self.url = ready[1]

    def events(self) -> list[dict[str, Any]]:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        lines = self.process.stdout.read().splitlines()
        self.process.wait(timeout=30)
        return [json.loads(line) for line in lines]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
