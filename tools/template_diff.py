"""Our openapi-python-client template overrides against the installed generator's own.

Prints, for every file under specs/templates/, a unified diff against the upstream
template of the same path in the installed (pinned) openapi-python-client, or says that
the file is ours alone. After an upgrade of the pin, the diff shows what moved upstream
under our overrides. Exits 1 when the installed generator is not the version the
templates are written for (TEMPLATES_FOR below, kept equal to the `generate` pin).

Usage: python tools/template_diff.py [--stat]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from importlib import metadata, resources
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "specs" / "templates"
TEMPLATES_FOR = "0.29.1"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stat", action="store_true", help="changed line counts only")
    args = parser.parse_args()
    installed = metadata.version("openapi-python-client")
    upstream_root = resources.files("openapi_python_client") / "templates"
    print(f"specs/templates/ against openapi-python-client {installed}", end=" ")
    print(f"(written for {TEMPLATES_FOR})")
    for ours in sorted(path for path in TEMPLATES.rglob("*.jinja")):
        relative = ours.relative_to(TEMPLATES).as_posix()
        upstream = upstream_root.joinpath(*relative.split("/"))
        if not upstream.is_file():
            print(f"\n{relative}: ours alone (no upstream template of that name)")
            continue
        diff = list(
            difflib.unified_diff(
                upstream.read_text().splitlines(keepends=True),
                ours.read_text().splitlines(keepends=True),
                fromfile=f"upstream/{relative}",
                tofile=f"specs/templates/{relative}",
            )
        )
        added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
        removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
        print(f"\n{relative}: +{added} -{removed} lines against upstream")
        if not args.stat:
            sys.stdout.writelines(diff)
    if installed != TEMPLATES_FOR:
        print(
            f"\nThe templates were written for {TEMPLATES_FOR}, the generator is {installed}:"
            " review the diffs above, then update TEMPLATES_FOR."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
