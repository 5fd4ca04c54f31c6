"""The whole release path on this machine, ending in a real install as a user would do it.

    python -m tests.release.release DIST_DIR [--no-build]

1. build every distribution into DIST_DIR and check it (``tests.release.build``);
2. mirror the third-party wheels ``hirelink`` needs (``pip download`` from your usual
   index) into a fresh package directory;
3. start pypiserver on 127.0.0.1 over that directory, uploads guarded by a throwaway
   user and password;
4. publish DIST_DIR to it through the upload protocol (``tests.release.publish``), then
   publish again and check nothing was uploaded the second time;
5. create a clean virtualenv (``python -m venv``) and ``pip install hirelink`` from that
   index alone: no other index, no find-links, no pip configuration;
6. with the installed packages, start the Recruitee sandbox and run
   ``recruitee.list_candidates`` through the operations catalog, and ``hirelink ops list``;
7. stop the index (also when anything above fails).
"""

from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .build import build_all, install_problems, metadata_problems, twine_check
from .distributions import ROOT, artifacts, clean_env, discover, project_of, uv_binary
from .local_index import local_index
from .publish import Credentials, publish

# Run by the clean virtualenv's Python, outside the repository.
OPERATION = """\
from hirelink.operations import invoke
from hirelink.sandbox.recruitee import create_recruitee_sandbox

sandbox = create_recruitee_sandbox()
with sandbox.serve() as server:
    credential = {"company_id": sandbox.company_id, "token": sandbox.token, "base_url": server.url}
    page = invoke("recruitee.list_candidates", credential, {"limit": 3})
names = [candidate["name"] for candidate in page["candidates"]]
assert len(names) == 3, names
print("recruitee.list_candidates against the sandbox:", ", ".join(names))
"""


class ReleaseError(Exception):
    """A step of the release path failed; the message says which."""


def _run(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(list(command), capture_output=True, text=True, cwd=cwd, env=env)
    if done.returncode != 0:
        raise ReleaseError(f"{' '.join(command[:4])} ... failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def mirror_third_party(dist: Path, packages: Path) -> list[Path]:
    """Download the wheels of every third-party dependency of ``hirelink`` into ``packages``."""
    distributions = discover()
    ours = {d.name for d in distributions}
    with tempfile.TemporaryDirectory(prefix="hirelink-pins-") as scratch:
        pins = Path(scratch) / "pins.txt"
        pins.write_text("".join(f"{d.name}=={d.version}\n" for d in distributions))
        _run(
            [
                *(sys.executable, "-m", "pip", "download", "--quiet"),
                *("--dest", str(packages), "--find-links", str(dist), "--only-binary", ":all:"),
                *("--constraint", str(pins), "hirelink"),
            ]
        )
    for path in artifacts(packages):
        if project_of(path.name)[0] in ours:
            path.unlink()  # ours reach the index through the upload protocol only
    return artifacts(packages)


def install_from_index(index_url: str, work: Path) -> Path:
    """A clean virtualenv with ``hirelink`` installed from ``index_url`` alone."""
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=work, env=clean_env())
    python = venv / "bin" / "python"
    _run(
        [
            *(str(python), "-m", "pip", "install", "--quiet", "--no-cache-dir"),
            *("--index-url", f"{index_url}simple/", "hirelink"),
        ],
        cwd=work,
        env=clean_env(),
    )
    return python


def check_installed(python: Path, work: Path) -> str:
    """Every distribution installed at its version; one operation and the command run."""
    listed = json.loads(
        _run([str(python), "-m", "pip", "list", "--format", "json"], env=clean_env())
    )
    installed = {entry["name"].lower(): entry["version"] for entry in listed}
    missing = [f"{d.name} {d.version}" for d in discover() if installed.get(d.name) != d.version]
    if missing:
        raise ReleaseError(f"`pip install hirelink` did not install {', '.join(missing)}")
    output = _run([str(python), "-c", OPERATION], cwd=work, env=clean_env())
    command = _run([str(python.parent / "hirelink"), "ops", "list"], cwd=work, env=clean_env())
    if "recruitee.list_candidates" not in command:
        raise ReleaseError(
            f"`hirelink ops list` does not list recruitee.list_candidates:\n{command}"
        )
    return output.strip()


def release(dist: Path, work: Path, *, build: bool = True) -> None:
    """Run the whole path; ``build=False`` takes DIST_DIR as already built and checked."""
    if build:
        print(f"== build into {dist}")
        files = build_all(dist)
        problems = [p for path in files for p in metadata_problems(path)]
        twine_check(files)
        problems += install_problems(dist, discover(), uv_binary())
        if problems:
            raise ReleaseError("\n".join(problems))
    packages = work / "index" / "packages"
    print("== mirror third-party wheels for the local index")
    third_party = mirror_third_party(dist, packages)
    print(f"{len(third_party)} third-party wheels")
    username, password = "hirelink-release", secrets.token_urlsafe(16)
    credentials = Credentials(username, password)
    with local_index(packages, username, password) as index_url:
        print(f"== publish to {index_url} (pypiserver on loopback)")
        first = publish(dist, index_url, credentials=credentials)
        print(f"uploaded {len(first.upload)} files")
        print("== publish again")
        again = publish(dist, index_url, credentials=credentials)
        if again.upload or len(again.skip) != len(artifacts(dist)):
            raise ReleaseError("republishing the same files uploaded something")
        print("== clean virtualenv: pip install hirelink from the local index alone")
        python = install_from_index(index_url, work)
        print(check_installed(python, work))
    print("== local index stopped; release path complete")
    for path in artifacts(dist):
        print(f"{path.stat().st_size:>9,} B  {path.name}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, nargs="?", default=ROOT / "dist")
    parser.add_argument("--no-build", action="store_true", help="use DIST as it is")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hirelink-release-") as work:
        try:
            release(args.dist, Path(work), build=not args.no_build)
        except ReleaseError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
