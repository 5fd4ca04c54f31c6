"""The getting-started page, followed to the letter by a newcomer: a fresh virtualenv,
``pip install hirelink-recruitee hirelink-sandbox`` (from the wheels built from this
checkout, standing in for the package index; third-party packages from the usual
index), then each of the page's Python blocks run as written, outside the checkout.
Prints the time from the new virtualenv to the first successful call."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tools.release.build import build_all
from tools.release.distributions import ROOT, clean_env, with_requirements

from .blocks import python_blocks

PAGE = ROOT / "docs" / "getting-started.md"
INSTALLED = ("hirelink-recruitee", "hirelink-sandbox")  # the page's `pip install`


def test_page_installs_what_it_runs() -> None:
    text = PAGE.read_text()
    assert f"pip install {' '.join(INSTALLED)}" in text


def test_getting_started_from_wheels(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"  # what pip pulls from our side, built as for a release
    build_all(wheels, only=with_requirements(INSTALLED), wheels_only=True)
    reader = tmp_path / "reader"  # not the checkout: nothing importable but the wheels
    reader.mkdir()
    env = clean_env()
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", str(reader / ".venv")], check=True, env=env)  # noqa: S603
    python = reader / ".venv" / "bin" / "python"
    subprocess.run(  # noqa: S603 - the page's install command, our wheels as the index
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--find-links",
            str(wheels),
            *INSTALLED,
        ],
        check=True,
        env=env,
        cwd=reader,
    )
    first_call: float | None = None
    blocks = [block for block in python_blocks(PAGE) if not block.not_run]
    assert len(blocks) >= 2  # sync and async
    for block in blocks:
        script = reader / f"block_{block.line}.py"
        script.write_text(block.code)
        result = subprocess.run(  # noqa: S603 - the venv's python, the page's code
            [str(python), str(script)],
            capture_output=True,
            text=True,
            env=env,
            cwd=reader,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"{block}:\n{result.stderr}"
        assert result.stdout.strip(), f"{block} printed nothing"
        first_call = first_call or time.monotonic() - started
    print(f"\nfresh virtualenv to first successful call: {first_call:.1f} s")
