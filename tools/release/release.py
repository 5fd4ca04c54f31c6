"""The whole release path on this machine, ending in a real install as a user would do it.

    python -m tools.release.release DIST_DIR [--no-build]

1. build every distribution into DIST_DIR and check it (``tools.release.build``);
2. mirror the third-party wheels ``hirelink`` needs (``pip download`` from your usual
   index) into a fresh package directory;
3. start pypiserver on 127.0.0.1 over that directory, uploads guarded by a throwaway
   user and password;
4. publish DIST_DIR to it through the upload protocol (``tools.release.publish``), then
   publish again and check nothing was uploaded the second time;
5. create a clean virtualenv (``python -m venv``) and ``pip install hirelink`` from that
   index alone: no other index, no find-links, no pip configuration; check that no
   sandbox dependency came with it, that ``hirelink ops list`` and ``hirelink ops
   describe`` work, and that ``hirelink demo`` says how to get the ``sandbox`` extra;
6. ``pip install "hirelink[sandbox]"`` from the same index, start the Recruitee sandbox
   and run ``recruitee.list_candidates`` through the operations catalog;
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

META = "hirelink"
SANDBOX_EXTRA = "sandbox"
SANDBOX_DISTRIBUTION = "hirelink-sandbox"
# What only the sandbox extra may bring: none of it is importable after `pip install hirelink`.
SANDBOX_ONLY_MODULES = (
    "hirelink.sandbox",
    "uvicorn",
    "jsonschema",
)

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
                *("--constraint", str(pins), f"{META}[{SANDBOX_EXTRA}]"),
            ]
        )
    for path in artifacts(packages):
        if project_of(path.name)[0] in ours:
            path.unlink()  # ours reach the index through the upload protocol only
    return artifacts(packages)


def pip_install(python: Path, index_url: str, requirement: str, work: Path) -> None:
    """``pip install requirement`` into ``python``'s virtualenv from ``index_url`` alone."""
    _run(
        [
            *(str(python), "-m", "pip", "install", "--quiet", "--no-cache-dir"),
            *("--index-url", f"{index_url}simple/", requirement),
        ],
        cwd=work,
        env=clean_env(),
    )


def install_from_index(index_url: str, work: Path) -> Path:
    """A clean virtualenv with ``hirelink`` installed from ``index_url`` alone."""
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=work, env=clean_env())
    python = venv / "bin" / "python"
    pip_install(python, index_url, META, work)
    return python


def _installed_versions(python: Path) -> dict[str, str]:
    listed = json.loads(
        _run([str(python), "-m", "pip", "list", "--format", "json"], env=clean_env())
    )
    return {entry["name"].lower(): entry["version"] for entry in listed}


def _missing(python: Path, *, with_sandbox: bool) -> list[str]:
    installed = _installed_versions(python)
    expected = [d for d in discover() if with_sandbox or d.name != SANDBOX_DISTRIBUTION]
    return [f"{d.name} {d.version}" for d in expected if installed.get(d.name) != d.version]


def check_without_sandbox(python: Path, work: Path) -> str:
    """``pip install hirelink``: everything but the sandbox; the catalog and command work."""
    missing = _missing(python, with_sandbox=False)
    if missing:
        raise ReleaseError(f"`pip install hirelink` did not install {', '.join(missing)}")
    probe = "import importlib.util as u, sys; print([m for m in sys.argv[1:] if u.find_spec(m)])"
    leaked = _run([str(python), "-c", probe, *SANDBOX_ONLY_MODULES], cwd=work, env=clean_env())
    if leaked.strip() != "[]":
        raise ReleaseError(f"`pip install hirelink` brought sandbox dependencies: {leaked}")
    hirelink = str(python.parent / "hirelink")
    listed = _run([hirelink, "ops", "list"], cwd=work, env=clean_env())
    if "recruitee.list_candidates" not in listed:
        raise ReleaseError(
            f"`hirelink ops list` does not list recruitee.list_candidates:\n{listed}"
        )
    described = _run([hirelink, "ops", "describe", "recruitee.list_candidates"], env=clean_env())
    if "qualified" not in described:
        raise ReleaseError(f"`hirelink ops describe` shows no input schema:\n{described}")
    demo = subprocess.run([hirelink, "demo"], capture_output=True, text=True, env=clean_env())
    if demo.returncode != 2 or f"{META}[{SANDBOX_EXTRA}]" not in demo.stderr:
        raise ReleaseError(f"`hirelink demo` without the extra:\n{demo.stdout}{demo.stderr}")
    return (
        f"hirelink alone: no sandbox module importable; ops list and describe work; "
        f"`hirelink demo` asks for {META}[{SANDBOX_EXTRA}]"
    )


def check_with_sandbox(python: Path, work: Path) -> str:
    """``pip install hirelink[sandbox]``: every distribution; one operation on the sandbox."""
    missing = _missing(python, with_sandbox=True)
    if missing:
        raise ReleaseError(f"`pip install hirelink[sandbox]` did not install {', '.join(missing)}")
    return _run([str(python), "-c", OPERATION], cwd=work, env=clean_env()).strip()


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
        print(check_without_sandbox(python, work))
        print(f"== pip install {META}[{SANDBOX_EXTRA}] from the same index")
        pip_install(python, index_url, f"{META}[{SANDBOX_EXTRA}]", work)
        print(check_with_sandbox(python, work))
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
