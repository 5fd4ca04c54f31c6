"""Build every distribution reproducibly, then check what was built.

    python -m tools.release.build OUT_DIR [--no-install-check]

Each distribution is built in isolation by ``uv build --no-sources`` (sdist first, then
the wheel from the unpacked sdist, as any third-party builder would), with the build backend
pinned by ``build-constraints.txt`` and a fixed ``SOURCE_DATE_EPOCH``: the same sources
give the same bytes, today and next year, so a file already published under a version
can be compared with a fresh build. After building:

- every artifact passes ``twine check --strict`` and carries complete metadata
  (summary, readme, license expression and file, requires-python, classifiers,
  project URLs, changelog, ``py.typed`` in every package);
- every wheel installs alone into a fresh virtualenv, with its ``hirelink-*``
  dependencies taken from ``OUT_DIR`` only and third-party ones from the package
  index, and its packages import.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from .distributions import (
    ROOT,
    Distribution,
    artifacts,
    discover,
    import_names,
    project_of,
    uv_binary,
)

BUILD_CONSTRAINTS = Path(__file__).with_name("build-constraints.txt")
# hatchling's own default for reproducible builds (2020-02-02), set explicitly: a
# constant rather than the last commit's time, so a distribution whose files did not
# change builds to the same bytes after unrelated commits (and republishing is a no-op).
SOURCE_DATE_EPOCH = "1580601600"
REQUIRED_METADATA = (
    "Summary",
    "Description-Content-Type",
    "License-Expression",
    "License-File",
    "Requires-Python",
    "Classifier",
    "Project-URL",
)
REQUIRED_URLS = ("Homepage", "Source", "Changelog")
REQUIRED_SDIST_FILES = ("PKG-INFO", "pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md")


def build_all(
    out_dir: Path,
    root: Path = ROOT,
    uv: str | None = None,
    *,
    only: Sequence[Distribution] | None = None,
    wheels_only: bool = False,
) -> list[Path]:
    """Build an sdist and a wheel of every distribution under ``root`` (or of ``only``;
    no sdists with ``wheels_only``) into ``out_dir``.

    Every distribution is built by one ``uv build --all-packages``, which builds them side
    by side (on two cores in half the time, and with a tenth less CPU, of one ``uv build``
    each); its files are byte for byte those of separate builds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    common = [
        uv or uv_binary(),
        "build",
        "--quiet",
        *(["--wheel"] if wheels_only else []),
        "--no-sources",
        "--build-constraints",
        str(BUILD_CONSTRAINTS),
        "--out-dir",
        str(out_dir),
    ]
    if only is None:
        commands = [[*common, "--all-packages", str(root)]]
    else:
        commands = [[*common, str(distribution.path)] for distribution in only]
    for command in commands:
        subprocess.run(command, check=True, env={**os.environ, **env})
    built = artifacts(out_dir)
    if only is None:  # uv's workspace members are not by definition our distributions
        expected = {distribution.name for distribution in discover(root)}
        found = {project_of(path.name)[0] for path in built}
        if found != expected:
            raise RuntimeError(
                f"uv build --all-packages built {sorted(found - expected)} beyond the "
                f"distributions and not {sorted(expected - found)}: align the workspace "
                "members of pyproject.toml with tools/release/distributions.discover"
            )
    return built


def metadata_problems(path: Path) -> list[str]:
    """What is missing from one artifact's metadata and files."""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            info = next(n for n in names if n.endswith(".dist-info/METADATA"))
            raw = archive.read(info).decode()
        problems = [
            f"{path.name}: {package} has no py.typed"
            for package in import_names(path)
            if f"{package.replace('.', '/')}/py.typed" not in names
        ]
        if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
            problems.append(f"{path.name}: no LICENSE in .dist-info/licenses")
        generated = any(n.startswith("hirelink/api/") for n in names)
        if generated and not any(n.endswith(".dist-info/licenses/NOTICE") for n in names):
            problems.append(f"{path.name}: no NOTICE (the generator's licence) in .dist-info")
    else:
        with tarfile.open(path) as archive:
            members = archive.getnames()
            top = members[0].split("/")[0]
            pkg_info = archive.extractfile(f"{top}/PKG-INFO")
            assert pkg_info is not None
            raw = pkg_info.read().decode()
        problems = [
            f"{path.name}: no {name}"
            for name in REQUIRED_SDIST_FILES
            if f"{top}/{name}" not in members
        ]
    message = email.parser.Parser().parsestr(raw)
    problems += [f"{path.name}: no {field}" for field in REQUIRED_METADATA if not message[field]]
    payload = message.get_payload()
    if not (isinstance(payload, str) and payload.strip()):
        problems.append(f"{path.name}: no long description (readme)")
    labels = {str(url).split(",")[0].strip() for url in message.get_all("Project-URL") or []}
    problems += [f"{path.name}: no {label} URL" for label in REQUIRED_URLS if label not in labels]
    if "Typing :: Typed" not in (message.get_all("Classifier") or []):
        problems.append(f"{path.name}: no 'Typing :: Typed' classifier")
    return problems


def twine_check(files: Sequence[Path]) -> None:
    """``twine check --strict`` over ``files`` (raises when any fails)."""
    subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], check=True
    )


def install_problems(dist_dir: Path, distributions: Sequence[Distribution], uv: str) -> list[str]:
    """Install each wheel of ``dist_dir`` alone in a fresh virtualenv and import it."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="hirelink-install-") as scratch:
        pins = Path(scratch) / "pins.txt"
        # Our own distributions come from dist_dir at exactly these versions, never an index.
        pins.write_text("".join(f"{d.name}=={d.version}\n" for d in distributions))
        for wheel in sorted(dist_dir.glob("*.whl")):
            venv = Path(scratch) / project_of(wheel.name)[0]
            python = venv / "bin" / "python"
            subprocess.run(
                [uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True
            )
            installed = subprocess.run(
                [
                    *(uv, "pip", "install", "--quiet", "--python", str(python)),
                    *("--find-links", str(dist_dir), "--constraints", str(pins), str(wheel)),
                ],
                capture_output=True,
                text=True,
            )
            if installed.returncode != 0:
                problems.append(f"{wheel.name}: does not install alone:\n{installed.stderr}")
                continue
            names = import_names(wheel)
            script = (
                "import importlib, sys\nfor name in sys.argv[1:]: importlib.import_module(name)"
            )
            imported = subprocess.run(
                [str(python), "-c", script, *names], capture_output=True, text=True, cwd=scratch
            )
            if not names or imported.returncode != 0:
                problems.append(f"{wheel.name}: {names} do not import:\n{imported.stderr}")
            else:
                print(f"{wheel.name}: installs alone; imports {', '.join(names)}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--no-install-check", action="store_true")
    args = parser.parse_args(argv)
    files = build_all(args.out_dir)
    problems = [problem for path in files for problem in metadata_problems(path)]
    twine_check(files)
    if not args.no_install_check:
        problems += install_problems(args.out_dir, discover(), uv_binary())
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    for path in files:
        print(f"{path.stat().st_size:>9,} B  {path.name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
