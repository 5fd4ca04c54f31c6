"""Find the Python blocks of a Markdown page, and run them the way a reader would.

A block is a fence whose info string starts with ``python`` or ``py``. A block preceded
by an HTML comment ``<!-- not-run: why -->`` is deliberately not run (an illustration
against a real account); the reason is required. ``python -m tests.docs.examples.blocks
PAGE`` runs a page's blocks in order in one namespace, as one reader session: each must
print something; with ``--alone`` each block gets a namespace of its own, as a reader
copying that block alone would run it. A block defining ``test_*`` functions is a pytest
example and runs under pytest instead. ``python -m tests.docs.examples.blocks --modules
DIR`` writes each page's blocks as one module (and each pytest example as a test module)
into DIR, for ``nox -s typecheck`` to check as a user's mypy --strict would.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PAGES = sorted(
    [
        *ROOT.glob("docs/**/*.md"),
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "SECURITY.md",
        ROOT / "sandbox" / "README.md",
        ROOT / "wrappers" / "README.md",
        *ROOT.glob("wrappers/*/README.md"),
    ]
)
"""Every page whose Python blocks are run (and type-checked)."""

FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+|~~~+)\s*(?P<info>[^\n`]*)$")
NOT_RUN = re.compile(r"^\s*<!--\s*not-run:\s*(?P<reason>\S.*?)\s*-->\s*$")
TEST_FUNCTION = re.compile(r"^def test_\w+\(", re.MULTILINE)


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    code: str
    not_run: str | None

    @property
    def is_pytest(self) -> bool:
        return bool(TEST_FUNCTION.search(self.code))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def python_blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        fence, info = match["fence"], match["info"].strip()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index][len(match["indent"]) :])
            index += 1
        index += 1
        language = info.split()[0].strip("{}") if info else ""
        if language not in ("python", "py"):
            continue
        previous = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), "")
        reason = NOT_RUN.match(previous)
        blocks.append(Block(path, start + 1, "\n".join(body) + "\n", reason and reason["reason"]))
    return blocks


def run_pytest_block(block: Block, scratch: Path) -> tuple[bool, str]:
    test_file = scratch / f"test_block_{block.line}.py"
    test_file.write_text(block.code, encoding="utf-8")
    result = subprocess.run(  # noqa: S603 - our interpreter, our file
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)],
        capture_output=True,
        text=True,
        cwd=scratch,
        check=False,
    )
    return result.returncode == 0, result.stdout + result.stderr


def run_page(path: Path, *, alone: bool = False) -> list[dict[str, object]]:
    """Run every runnable block of ``path`` in order; one report per block.

    The blocks share one namespace, or with ``alone`` each starts from an empty one.
    """
    namespace: dict[str, object] = {"__name__": "__main__"}
    reports: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for block in python_blocks(path):
            if block.not_run:
                continue
            if alone:
                namespace = {"__name__": "__main__"}
            if block.is_pytest:
                ok, output = run_pytest_block(block, scratch)
                reports.append({"line": block.line, "ok": ok, "output": output})
                continue
            buffer = io.StringIO()
            ok = True
            with contextlib.chdir(scratch), contextlib.redirect_stdout(buffer):
                try:
                    exec(compile(block.code, str(block), "exec"), namespace)  # noqa: S102
                except BaseException:  # a block's failure is the report, whatever it is
                    ok = False
                    buffer.write(traceback.format_exc())
            reports.append({"line": block.line, "ok": ok, "output": buffer.getvalue()})
    return reports


def write_modules(out: Path) -> list[Path]:
    """Each page's runnable blocks, in order, as one module of ``out`` (a reader session,
    as ``run_page`` runs it), and each pytest example as a test module of its own. Blocks
    not run are left out: sketches that stand names in for the reader's own code."""
    written = []
    for page in PAGES:
        stem = re.sub(r"\W", "_", str(page.relative_to(ROOT).with_suffix("")))
        blocks = [block for block in python_blocks(page) if not block.not_run]
        session = [f"# {block}\n{block.code}" for block in blocks if not block.is_pytest]
        if session:
            written.append(out / f"page_{stem}.py")
            written[-1].write_text("\n".join(session), encoding="utf-8")
        for block in blocks:
            if block.is_pytest:
                written.append(out / f"test_{stem}_{block.line}.py")
                written[-1].write_text(block.code, encoding="utf-8")
    return written


if __name__ == "__main__":
    if sys.argv[1] == "--modules":
        write_modules(Path(sys.argv[2]))
    else:
        print(json.dumps(run_page(Path(sys.argv[1]), alone="--alone" in sys.argv[2:])))
