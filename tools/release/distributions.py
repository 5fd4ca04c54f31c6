"""The repository's distributions, found on disk rather than listed by hand.

A distribution is every directory ``generated/*/``, ``wrappers/*/`` or ``sandbox/`` that
holds a ``pyproject.toml``; a new provider's packages are picked up as soon as they exist.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[2]
DISTRIBUTION_GLOBS = ("generated/*/pyproject.toml", "wrappers/*/pyproject.toml")
SPEC_LINE = re.compile(r"from specs/(?P<spec>[\w.-]+\.yaml)")


@dataclass(frozen=True)
class Distribution:
    """One buildable distribution of the repository."""

    path: Path
    project: dict[str, Any]
    header: str  # the pyproject's first line (generated ones name their spec there)

    @property
    def name(self) -> str:
        return str(canonicalize_name(self.project["name"]))

    @property
    def version(self) -> str:
        return str(self.project["version"])

    @property
    def generated(self) -> bool:
        return self.path.parent.name == "generated"

    @property
    def requirements(self) -> list[Requirement]:
        """Its dependencies, including those of every extra."""
        extras = self.project.get("optional-dependencies", {}).values()
        texts = [*self.project.get("dependencies", []), *(t for extra in extras for t in extra)]
        return [Requirement(text) for text in texts]

    def spec_path(self, root: Path) -> Path:
        """The OpenAPI document a generated distribution comes from."""
        match = SPEC_LINE.search(self.header)
        return root / "specs" / (match["spec"] if match else f"{self.path.name}.yaml")


def with_requirements(names: Iterable[str], root: Path = ROOT) -> list[Distribution]:
    """The distributions ``names`` and every distribution of this repository they require,
    directly or not (extras included), sorted by directory."""
    found = {distribution.name: distribution for distribution in discover(root)}
    wanted: set[str] = set()
    todo = [str(canonicalize_name(name)) for name in names]
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo += [
                str(canonicalize_name(r.name))
                for r in found[name].requirements
                if canonicalize_name(r.name) in found
            ]
    return [distribution for distribution in found.values() if distribution.name in wanted]


def discover(root: Path = ROOT) -> list[Distribution]:
    """Every distribution under ``root``, sorted by directory."""
    files = [path for pattern in DISTRIBUTION_GLOBS for path in root.glob(pattern)]
    if (root / "sandbox" / "pyproject.toml").is_file():
        files.append(root / "sandbox" / "pyproject.toml")
    distributions = []
    for pyproject in sorted(files):
        text = pyproject.read_text(encoding="utf-8")
        header = text.splitlines()[0] if text else ""
        project = tomllib.loads(text)["project"]
        distributions.append(Distribution(pyproject.parent, project, header))
    return distributions


def project_of(filename: str) -> tuple[str, str]:
    """(normalized project name, version) of a wheel or sdist file name."""
    if filename.endswith(".whl"):
        name, version, _, _ = parse_wheel_filename(filename)
    else:
        name, version = parse_sdist_filename(filename)
    return str(name), str(version)


def artifacts(directory: Path) -> list[Path]:
    """The wheels and sdists in ``directory``, sorted."""
    return sorted([*directory.glob("*.whl"), *directory.glob("*.tar.gz")])


def import_names(wheel: Path) -> list[str]:
    """The regular packages a wheel ships under the ``hirelink`` namespace.

    ``hirelink/core/__init__.py`` gives ``hirelink.core``; a package inside another
    regular package is not listed again. Namespace levels (no ``__init__.py``) are
    walked through, so ``hirelink/api/recruitee/`` gives ``hirelink.api.recruitee``.
    """
    with zipfile.ZipFile(wheel) as archive:
        inits = {
            PurePosixPath(name).parent
            for name in archive.namelist()
            if name.endswith("/__init__.py") and ".dist-info/" not in name
        }
    tops = {package for package in inits if not any(parent in inits for parent in package.parents)}
    return sorted(".".join(package.parts) for package in tops)


def uv_binary() -> str:
    """The uv executable: ``$HIRELINK_UV`` (set by the noxfile), else the one on PATH."""
    found = os.environ.get("HIRELINK_UV") or shutil.which("uv")
    if not found:
        raise RuntimeError("uv not found: set HIRELINK_UV or put uv on PATH")
    return found


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without pip's and uv's settings (no extra index can sneak in)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "UV_", "TWINE_", "PYTHON")) and key != "VIRTUAL_ENV"
    }
    env["PIP_CONFIG_FILE"] = os.devnull  # ignore every pip configuration file as well
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env
