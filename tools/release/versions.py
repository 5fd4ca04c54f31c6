"""Check versions, internal dependency ranges and changelogs of every distribution.

    python -m tools.release.versions

- a generated distribution's version is its spec's ``info.version``;
- every dependency on another distribution of the repository is a bounded range
  (``>=0.1,<0.2``) that admits that distribution's current version;
- the ``hirelink`` distribution pulls in every other distribution (directly or not);
- every distribution has a ``CHANGELOG.md`` whose newest entry (the first ``## X``
  heading) is its current version, and the same ``LICENSE`` as all the others.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from packaging.version import Version

from ..yaml_files import read_yaml
from .distributions import ROOT, Distribution, discover, with_requirements

META = "hirelink"
CHANGELOG_ENTRY = re.compile(r"^## \[?v?(?P<version>[0-9][^\s\]]*)\]?", re.MULTILINE)


def spec_version(spec: Path) -> str:
    """The ``info.version`` of an OpenAPI document."""
    return str(read_yaml(spec)["info"]["version"])


def changelog_versions(text: str) -> list[str]:
    """The versions of a changelog's ``## X`` entries, in file order (newest first)."""
    return [match["version"] for match in CHANGELOG_ENTRY.finditer(text)]


def _range_problems(distribution: Distribution, versions: dict[str, str]) -> list[str]:
    problems = []
    for requirement in distribution.requirements:
        name = requirement.name.lower().replace("_", "-")
        if name not in versions:
            continue
        where = f"{distribution.name}: dependency {requirement}"
        specifier = requirement.specifier
        if not specifier.contains(Version(versions[name]), prereleases=True):
            problems.append(f"{where} does not admit {name} {versions[name]}")
        if not any(spec.operator in ("<", "<=", "~=", "==") for spec in specifier):
            problems.append(f"{where} has no upper bound (use a compatible range)")
    return problems


def problems(root: Path = ROOT) -> list[str]:
    """Everything wrong with versions, ranges and changelogs under ``root``."""
    distributions = discover(root)
    versions = {d.name: d.version for d in distributions}
    found: list[str] = []
    for distribution in distributions:
        if distribution.generated:
            spec = distribution.spec_path(root)
            if not spec.is_file():
                found.append(f"{distribution.name}: its spec {spec} does not exist")
            elif spec_version(spec) != distribution.version:
                found.append(
                    f"{distribution.name}: version {distribution.version} is not "
                    f"{spec.name}'s info.version {spec_version(spec)} (run `nox -s generate`)"
                )
        found += _range_problems(distribution, versions)
        changelog = distribution.path / "CHANGELOG.md"
        source = (
            f"specs/{distribution.spec_path(root).stem}.CHANGELOG.md"
            if distribution.generated
            else str(changelog.relative_to(root))
        )
        entries = changelog_versions(changelog.read_text()) if changelog.is_file() else []
        if not entries or entries[0] != distribution.version:
            newest = entries[0] if entries else "none"
            found.append(
                f"{distribution.name}: {source} has no entry for {distribution.version} on top "
                f"(newest entry: {newest}); add `## {distribution.version}` with what changed"
            )
    if META in versions:
        missing = versions.keys() - {d.name for d in with_requirements([META], root)}
        found += [f"{META} does not depend (even indirectly) on {name}" for name in sorted(missing)]
    licenses = {
        (d.path / "LICENSE").read_text() if (d.path / "LICENSE").is_file() else ""
        for d in distributions
    }
    if len(licenses) > 1 or "" in licenses:
        found.append("the distributions' LICENSE files are missing or differ")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    found = problems()
    for problem in found:
        print(f"error: {problem}", file=sys.stderr)
    if not found:
        for distribution in discover():
            print(f"{distribution.name} {distribution.version}: ok")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
