"""One build of every distribution, shared by the release tests of every worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock

from tools.release.build import build_all


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A directory with an sdist and a wheel of every distribution, built from the tree.

    Its users only read it. The pytest-xdist workers share one build, in the run's
    temporary root: the first to ask builds it under a lock, the others wait for it (a
    build per worker cost a build's CPU each on CI's two cores)."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent
    out = shared / "built-distributions"
    with FileLock(shared / "built-distributions.lock"):
        if not (shared / "built-distributions.done").exists():
            build_all(out)
            (shared / "built-distributions.done").touch()
    return out
