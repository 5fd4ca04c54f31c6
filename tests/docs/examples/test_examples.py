"""Every script of examples/ runs against the sandbox, configured as a user would
configure it for a real account: through its environment variables."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hirelink.sandbox import start_stand_in
from tools.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"

# The variables each stand-in's client_kwargs() become: the clients' own names
# (HIRELINK_<PROVIDER>_<ARGUMENT>), which the docs tell a user to set.
PREFIXES = {
    "recruitee": "HIRELINK_RECRUITEE_",
    "join": "HIRELINK_JOIN_",
    "personio": "HIRELINK_PERSONIO_",
    "recruitee_partners": "HIRELINK_RECRUITEE_PARTNERS_",
}


def _variables(name: str, kwargs: dict[str, Any]) -> dict[str, str]:
    return {f"{PREFIXES[name]}{key.upper()}": str(value) for key, value in kwargs.items()}


@pytest.fixture(scope="module")
def sandbox_environment() -> Iterator[dict[str, str]]:
    stand_ins = [start_stand_in(name) for name in PREFIXES]
    environment: dict[str, str] = {}
    try:
        for stand_in in stand_ins:
            environment |= _variables(stand_in.name, stand_in.client_kwargs())
        yield environment
    finally:
        for stand_in in stand_ins:
            stand_in.stop()


def run(script: str, environment: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, str(EXAMPLES / script)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **environment},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_example_is_tested() -> None:
    tested = {
        "recruitee_identity_check.py",
        "recruitee_verification_loop.py",
        "join_identity_check.py",
        "personio_identity_check.py",
        "partner_background_check.py",
        "async_bulk_read.py",
        "many_workers.py",
    }
    assert {path.name for path in EXAMPLES.glob("*.py")} == tested


def test_recruitee_identity_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("recruitee_identity_check.py", sandbox_environment, tmp_path)
    assert "checked 5 candidate(s) of offer 31337" in output
    again = run("recruitee_identity_check.py", sandbox_environment, tmp_path)
    assert set(output.splitlines()[:-1]).isdisjoint(again.splitlines()), "checked twice"


def test_recruitee_verification_loop(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    environment = sandbox_environment
    first = run("recruitee_verification_loop.py", environment, tmp_path)
    assert "handled 3 new candidate(s)" in first
    assert "verified, moved to Interview in 1 job(s)" in first
    second = run("recruitee_verification_loop.py", environment, tmp_path)
    moved = {line.split(":")[0] for line in first.splitlines() if "moved to" in line}
    again = {line.split(":")[0] for line in second.splitlines() if "moved to" in line}
    assert moved
    assert again
    assert moved.isdisjoint(again), "a candidate was recorded twice"


def test_join_identity_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("join_identity_check.py", sandbox_environment, tmp_path)
    assert "identity-verified" in output
    assert "checked 5 application(s)" in output


def test_personio_identity_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("personio_identity_check.py", sandbox_environment, tmp_path)
    report = (tmp_path / "identity-report.jsonl").read_text().splitlines()
    assert report
    assert f"{len(report)} application(s) in stage 'Phone screen' checked" in output


def test_partner_background_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("partner_background_check.py", sandbox_environment, tmp_path)
    assert "completed, background check clear" in output


def test_async_bulk_read(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("async_bulk_read.py", sandbox_environment, tmp_path)
    assert "31337 Backend Engineer:" in output
    assert "distinct e-mails across" in output


def test_many_workers(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    with RedisServer() as redis_server:
        environment = {**sandbox_environment, "HIRELINK_STORE": redis_server.url}
        output = run("many_workers.py", environment, tmp_path)
    assert "6 applications, one shared budget" in output
    assert output.count("2 application(s) to position") == 3
