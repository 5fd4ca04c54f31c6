"""hirelink-core names its own version without importlib.metadata: the two must agree."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

from hirelink.core._version import VERSION
from hirelink.core.http import HttpConfig, user_agent

PYPROJECT = Path(__file__).resolve().parents[2] / "wrappers" / "core" / "pyproject.toml"


def test_the_written_version_is_the_distribution_version() -> None:
    declared = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    assert VERSION == declared == version("hirelink-core")


def test_the_http_config_sets_the_user_agent() -> None:
    config = HttpConfig.create(base_url="https://example.invalid", auth=None)
    assert config.headers["User-Agent"] == user_agent() == f"hirelink/{VERSION}"
