"""The release path end to end: local index, publish, clean install of hirelink, one operation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.release.distributions import artifacts
from tools.release.release import release

# Release tooling and the Quick start do not depend on the interpreter the suite runs on:
# they run once, on the primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only


def test_release_path_end_to_end(
    built: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dist = tmp_path / "dist"
    shutil.copytree(built, dist)
    work = tmp_path / "work"
    work.mkdir()
    release(dist, work, build=False)
    output = capsys.readouterr().out
    assert f"uploaded {len(artifacts(dist))} files" in output
    assert "nothing to upload: the index has every file already" in output
    assert "hirelink alone: no sandbox module importable; ops list and describe work" in output
    assert "`hirelink demo` asks for hirelink[sandbox]" in output
    assert "recruitee.list_candidates against the sandbox: " in output
    assert "local index stopped" in output
    # Only our own files went through the upload protocol; third-party ones were mirrored.
    packages = work / "index" / "packages"
    assert {p.name for p in artifacts(dist)} <= {p.name for p in artifacts(packages)}
    assert any(p.name.startswith("httpx-") for p in packages.iterdir())
