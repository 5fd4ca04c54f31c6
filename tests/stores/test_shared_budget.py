"""Four processes, one Personio budget: shared through Redis they cause no 429.

The Personio stand-in allows 20 Recruiting API requests per 2 s; four worker processes
each create 10 applications at the same moment. With the in-process store each worker
keeps a budget of its own, and the stand-in answers 429; with the Redis store they
share one budget (the second 20 wait for the next window) and none is refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from hirelink.sandbox.personio import PersonioSandbox, create_personio_sandbox

WORKER = Path(__file__).with_name("budget_worker.py")
WORKERS = 4
PER_WORKER = 10
SANDBOX_WINDOW = 2.0
# The clients' window is a little longer: Personio counts arrivals, and a loaded
# machine delays some departures more than others.
CLIENT_WINDOW = 2.4


class Workers:
    """Worker processes started once (imports are the slow part), run in rounds."""

    def __init__(self) -> None:
        command = [sys.executable, str(WORKER), "{n}", str(PER_WORKER), str(CLIENT_WINDOW)]
        self.processes = [
            subprocess.Popen(  # noqa: S603 - this interpreter, a script of the test suite
                [part.format(n=n) for part in command],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for n in range(WORKERS)
        ]
        for process in self.processes:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "ready"

    def round(self, api_url: str, store: str) -> list[dict[str, int]]:
        """Release every worker at once against ``api_url``; their summaries."""
        for process in self.processes:
            assert process.stdin is not None
            process.stdin.write(f"{api_url} {store}\n")
            process.stdin.flush()
        summaries = []
        for process in self.processes:
            assert process.stdout is not None
            summaries.append(json.loads(process.stdout.readline()))
        return summaries

    def stop(self) -> None:
        for process in self.processes:
            if process.stdin is not None:
                process.stdin.close()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def workers() -> Iterator[Workers]:
    started = Workers()
    try:
        yield started
    finally:
        started.stop()


def served(stack: ExitStack) -> tuple[PersonioSandbox, str]:
    sandbox = create_personio_sandbox(rate_limit=20, rate_window=SANDBOX_WINDOW)
    return sandbox, stack.enter_context(sandbox.serve(max_lifetime=120)).url


def test_four_processes_share_one_budget_through_redis_only(
    workers: Workers, redis_url: str
) -> None:
    with ExitStack() as stack:
        separate, separate_url = served(stack)
        shared, shared_url = served(stack)

        apart = workers.round(separate_url, "memory")
        assert separate.state.rate_limited > 0
        assert sum(summary["refused"] for summary in apart) == separate.state.rate_limited

        together = workers.round(shared_url, redis_url)
        assert shared.state.rate_limited == 0
        assert [summary["refused"] for summary in together] == [0] * WORKERS
        assert len(shared.state.submitted()) == WORKERS * PER_WORKER
