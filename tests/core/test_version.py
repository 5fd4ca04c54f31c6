"""hirelink-core names its own version without importlib.metadata: the two must agree."""

from __future__ import annotations

import importlib
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from hirelink.core._version import VERSION
from hirelink.core.http import HttpConfig, user_agent

PYPROJECT = Path(__file__).resolve().parents[2] / "wrappers" / "core" / "pyproject.toml"


def test_the_written_version_is_the_distribution_version() -> None:
    declared = tomllib.loads(PYPROJECT.read_text())["project"]["version"]
    assert VERSION == declared == version("hirelink-core")


def test_the_http_config_sets_the_user_agent() -> None:
    config = HttpConfig.create(base_url="https://example.invalid", auth=None)
    assert config.headers["User-Agent"] == user_agent() == f"hirelink/{VERSION}"


@pytest.mark.parametrize(
    ("package", "distribution"),
    [
        ("hirelink.core", "hirelink-core"),
        ("hirelink.recruitee", "hirelink-recruitee"),
        ("hirelink.join", "hirelink-join"),
        ("hirelink.personio", "hirelink-personio"),
        ("hirelink.recruitee_partners", "hirelink-recruitee-partners"),
        ("hirelink.sandbox", "hirelink-sandbox"),
    ],
)
def test_each_package_names_its_distribution_version(package: str, distribution: str) -> None:
    module = importlib.import_module(package)
    assert module.__version__ == version(distribution)
    assert "__version__" in dir(module)
    with pytest.raises(AttributeError, match="no attribute 'not_there'"):
        _ = module.not_there


def test_the_version_is_typed_for_type_checkers() -> None:
    import hirelink.recruitee
    import hirelink.sandbox

    versions: list[str] = [hirelink.recruitee.__version__, hirelink.sandbox.__version__]
    assert all(isinstance(value, str) and value for value in versions)


def test_a_package_without_its_metadata_has_no_version_rather_than_failing() -> None:
    """Run from a checkout or a frozen app, a distribution has no metadata: asking for
    ``__version__`` raised PackageNotFoundError, so ``hasattr`` and ``getattr(..., None)``
    (tools that scan modules for versions) failed too."""
    from hirelink.core.lazy import reexport_lazily

    namespace: dict[str, object] = {"__name__": "frozen_app.module", "__all__": []}
    getattr_, _ = reexport_lazily(namespace, "hirelink.core", distribution="not-installed-x")
    with pytest.raises(AttributeError, match="not-installed-x is not installed"):
        getattr_("__version__")
