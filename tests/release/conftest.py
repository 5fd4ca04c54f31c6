"""One build of every distribution, shared by the release tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.release.build import build_all


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with an sdist and a wheel of every distribution, built from the tree."""
    out = tmp_path_factory.mktemp("dist")
    build_all(out)
    return out
