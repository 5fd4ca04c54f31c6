"""One build of every distribution, shared by the release tests of every worker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from filelock import FileLock

from tools.release.build import build_all


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with an sdist and a wheel of every distribution, built from the tree.

    Its users only read it. The pytest-xdist workers share one build, in the run's
    temporary root: the first to ask builds it under a lock, the others wait for it (a
    build per worker cost a build's CPU each on CI's two cores). A failed build is not
    tried again by the next worker: its error is kept and raised to each."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if "PYTEST_XDIST_WORKER" in os.environ else base
    out = shared / "built-distributions"
    done, failed = out.with_suffix(".done"), out.with_suffix(".failed")
    with FileLock(out.with_suffix(".lock")):
        if failed.exists():
            pytest.fail(f"the shared build failed (in another worker):\n{failed.read_text()}")
        if not done.exists():
            try:
                build_all(out)
            except Exception as error:
                failed.write_text(f"{type(error).__name__}: {error}")
                raise
            done.touch()
    return out
