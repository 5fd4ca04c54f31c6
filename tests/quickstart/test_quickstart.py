"""The README's demo line, run as a newcomer would: a fresh copy, a fresh home.

Each run copies the tracked files of this checkout into a temporary directory, gives it
an empty home directory and a ``PATH`` that starts with the chosen Python's directory,
and runs the Quick start's demo command with ``bash`` exactly as the README prints it.
It uses the operating system's own ``python3`` (externally managed on Debian and
Ubuntu, PEP 668), or, on a machine without one, the Python these tests run on, outside
its virtualenv.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Release tooling and the Quick start do not depend on the interpreter the suite runs on:
# they run once, on the primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only

ROOT = Path(__file__).resolve().parents[2]
DEMO_LINE = re.compile(r"^python3 -m venv .* -m nox -s demo$", re.MULTILINE)
# Variables of the nox session running these tests, which a newcomer's shell lacks.
_SESSION_VARIABLES = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH", "HIRELINK_UV")


def _readme_demo_line() -> str:
    found = DEMO_LINE.search((ROOT / "README.md").read_text())
    assert found, "README.md lost its Quick start demo line"
    return found.group(0)


def _os_python_dir() -> Path | None:
    """The directory of the operating system's python3, when there is one."""
    candidate = Path("/usr/bin/python3")
    return candidate.parent if candidate.is_file() else None


def _base_python_dir() -> Path:
    """The directory of the interpreter behind this virtualenv (pip may install there)."""
    return Path(sys.base_prefix) / "bin"


def _is_externally_managed(python_dir: Path) -> bool:
    code = "import sysconfig; print(sysconfig.get_path('stdlib'))"
    stdlib = subprocess.run(
        [str(python_dir / "python3"), "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    return (Path(stdlib) / "EXTERNALLY-MANAGED").is_file()


def _fresh_copy(target: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, tracked.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted in the work tree but not yet in git
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _run_demo_line(python_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    checkout, home = tmp_path / "checkout", tmp_path / "home"
    checkout.mkdir()
    home.mkdir()
    _fresh_copy(checkout)
    environment = {k: v for k, v in os.environ.items() if k not in _SESSION_VARIABLES}
    environment = {k: v for k, v in environment.items() if not k.startswith("NOX")}
    environment["HOME"] = str(home)
    environment["PATH"] = os.pathsep.join([str(python_dir), "/usr/bin", "/bin"])
    return subprocess.run(
        ["bash", "-c", _readme_demo_line()],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _assert_demo_passed(result: subprocess.CompletedProcess[str]) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert re.search(r"all \d+ operations succeeded", output), output[-4000:]


def test_demo_line_as_a_newcomer_runs_it(tmp_path: Path) -> None:
    """With the operating system's python3, externally managed on Debian and Ubuntu (the
    case the virtualenv of the demo line is for); on a machine without one, with the
    Python behind this virtualenv. The line itself is the same either way: one run (a
    second, with the other Python, cost CI 19 s and found nothing the first did not)."""
    python_dir = _os_python_dir() or _base_python_dir()
    result = _run_demo_line(python_dir, tmp_path)
    if _is_externally_managed(python_dir):
        # The point of the virtualenv: plain pip would have been refused here.
        refused = subprocess.run(
            [str(python_dir / "python3"), "-m", "pip", "install", "--dry-run", "nox"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert refused.returncode != 0
    _assert_demo_passed(result)
