"""Every Python block of the docs site and the READMEs runs against the sandbox and prints.

Each page runs as one reader session in a fresh interpreter (its blocks in order, one
namespace), starting the stand-ins it needs itself through ``hirelink.sandbox``, the way
the pages tell readers to. A block that raises or prints nothing fails its page.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .blocks import PAGES, ROOT, python_blocks

RUNNABLE = [page for page in PAGES if any(not b.not_run for b in python_blocks(page))]
# Pages whose every block runs on its own (its imports included), for readers who copy
# one block: the blocks run again, each in a namespace of its own.
STANDALONE = [ROOT / "docs" / "errors.md"]


def test_every_page_is_found() -> None:
    assert ROOT / "docs" / "getting-started.md" in RUNNABLE
    assert ROOT / "README.md" in RUNNABLE


def test_blocks_not_run_are_few() -> None:
    blocks = [block for page in PAGES for block in python_blocks(page)]
    not_run = [block for block in blocks if block.not_run]
    assert len(not_run) * 5 <= len(blocks), [str(b) for b in not_run]


@pytest.mark.parametrize("page", RUNNABLE, ids=lambda page: str(page.relative_to(ROOT)))
def test_page_blocks_run_and_print(page: Path, tmp_path: Path) -> None:
    assert_blocks_run_and_print(page, tmp_path)


@pytest.mark.parametrize("page", STANDALONE, ids=lambda page: str(page.relative_to(ROOT)))
def test_each_block_runs_alone(page: Path, tmp_path: Path) -> None:
    assert_blocks_run_and_print(page, tmp_path, "--alone")


def assert_blocks_run_and_print(page: Path, tmp_path: Path, *options: str) -> None:
    env = {**os.environ, "HIRELINK_CONFIG_DIR": str(tmp_path / "config")}
    # Its own session, ended with whatever a failed page left running (a Redis server).
    with subprocess.Popen(  # noqa: S603 - our interpreter, our module
        [sys.executable, "-m", "tests.docs.examples.blocks", str(page), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=120)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout.splitlines()[-1])
    assert reports
    failures = [
        f"{page.name}:{report['line']}: "
        + ("prints nothing" if report["ok"] else str(report["output"]))
        for report in reports
        if not report["ok"] or not str(report["output"]).strip()
    ]
    assert not failures, "\n".join(failures)
