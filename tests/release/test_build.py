"""Builds are reproducible, complete, pass twine's strict check, and each wheel stands alone."""

from __future__ import annotations

import hashlib
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from tools.release.build import build_all, install_problems, metadata_problems, twine_check
from tools.release.distributions import artifacts, discover, project_of, uv_binary

# Release tooling and the Quick start do not depend on the interpreter the suite runs on:
# they run once, on the primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only


def digests(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in artifacts(directory)}


def test_every_distribution_is_built(built: Path) -> None:
    expected = {(d.name, d.version) for d in discover()}
    wheels = {project_of(p.name) for p in built.glob("*.whl")}
    sdists = {project_of(p.name) for p in built.glob("*.tar.gz")}
    assert wheels == expected
    assert sdists == expected


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    again = build_all(tmp_path / "again")
    assert [p.name for p in again] == [p.name for p in artifacts(built)]
    assert digests(tmp_path / "again") == digests(built)


def test_metadata_is_complete(built: Path) -> None:
    assert [problem for path in artifacts(built) for problem in metadata_problems(path)] == []


def test_metadata_check_reports_what_is_missing(built: Path, tmp_path: Path) -> None:
    wheel = next(built.glob("hirelink_core-*.whl"))
    stripped = tmp_path / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("METADATA"):
                data = b"".join(
                    line
                    for line in data.splitlines(keepends=True)
                    if not line.startswith((b"Project-URL: Changelog", b"License-Expression"))
                )
            if not item.filename.endswith("py.typed"):
                target.writestr(item, data)
    found = metadata_problems(stripped)
    assert any("no License-Expression" in p for p in found)
    assert any("no Changelog URL" in p for p in found)
    assert any("hirelink.core has no py.typed" in p for p in found)


def test_a_generated_wheel_without_the_generators_notice_is_reported(
    built: Path, tmp_path: Path
) -> None:
    wheel = next(built.glob("hirelink_join_api-*.whl"))
    with zipfile.ZipFile(wheel) as source:
        notice = next(n for n in source.namelist() if n.endswith("licenses/NOTICE"))
        assert "Triax Technologies" in source.read(notice).decode()
        stripped = tmp_path / wheel.name
        with zipfile.ZipFile(stripped, "w") as target:
            for item in source.infolist():
                if item.filename != notice:
                    target.writestr(item, source.read(item))
    assert metadata_problems(wheel) == []
    assert any("no NOTICE" in p for p in metadata_problems(stripped))


def test_sdists_carry_license_and_changelog(built: Path) -> None:
    for sdist in built.glob("*.tar.gz"):
        with tarfile.open(sdist) as archive:
            names = {name.split("/", 1)[-1] for name in archive.getnames()}
        assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml"} <= names, sdist.name


def test_twine_check_strict_passes(built: Path) -> None:
    twine_check(artifacts(built))


def test_twine_check_strict_rejects_a_broken_readme(built: Path, tmp_path: Path) -> None:
    wheel = next(built.glob("hirelink_core-*.whl"))
    broken = tmp_path / wheel.name
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("METADATA"):
                head, _, _ = data.partition(b"\n\n")
                data = head.replace(b"text/markdown", b"text/x-rst") + b"\n\n`broken <\n"
            target.writestr(item, data)
    with pytest.raises(subprocess.CalledProcessError):
        twine_check([broken])


def test_each_wheel_installs_alone_and_imports(built: Path) -> None:
    assert install_problems(built, discover(), uv_binary()) == []
