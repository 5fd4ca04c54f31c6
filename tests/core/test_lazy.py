"""Packages re-export their names lazily (:mod:`hirelink.core.lazy`): each loads, with
its module, when first asked for, and a package's submodules do too."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from hirelink.core.lazy import reexport_lazily


def _fresh_interpreter(code: str) -> str:
    return subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_importing_the_core_loads_none_of_its_parts_until_one_is_used() -> None:
    out = _fresh_interpreter(
        "import sys, hirelink.core as core\n"
        "print('httpx' in sys.modules, 'hirelink.core.errors' in sys.modules)\n"
        "print(core.ApiError.__module__, core.errors.NotFoundError.__name__)\n"
        "print('httpx' in sys.modules)\n"
    )
    assert out.split("\n")[:3] == ["False False", "hirelink.core.errors NotFoundError", "True"]


@pytest.mark.parametrize("package", ["hirelink.core", "hirelink.sandbox"])
def test_every_name_a_package_exports_is_there_and_listed(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert value is not None, name
        assert name in dir(module), name


def test_a_mapping_that_does_not_match_all_fails_at_import_naming_the_names() -> None:
    namespace: dict[str, object] = {"__name__": "pkg", "__all__": ["Kept", "Lost"]}
    with pytest.raises(ImportError, match=r"not in __all__ \['Stray'\].*from no module \['Lost'\]"):
        reexport_lazily(namespace, {"hirelink.core.errors": ["Kept", "Stray"]})


def test_a_submodule_loads_when_asked_for_and_a_missing_name_is_an_attribute_error() -> None:
    namespace: dict[str, object] = {
        "__name__": "hirelink.core",
        "__path__": [],
        "__all__": ["ApiError"],
    }
    getattr_, dir_ = reexport_lazily(namespace, {".errors": ["ApiError"]})
    assert getattr_("secrets").__name__ == "hirelink.core.secrets"
    assert getattr_("ApiError").__module__ == "hirelink.core.errors"
    assert {"ApiError", "secrets"} <= set(dir_())
    with pytest.raises(AttributeError, match="has no attribute 'not_there'"):
        getattr_("not_there")
    with pytest.raises(AttributeError, match="has no attribute '__wrapped__'"):
        getattr_("__wrapped__")


def test_a_package_reloads_after_its_names_were_used() -> None:
    """Review: the names loaded stood in the namespace, and the check at import took them
    for names from no module (``importlib.reload`` raised ImportError)."""
    out = _fresh_interpreter(
        "import importlib, hirelink.core as core, hirelink.sandbox as sandbox\n"
        "core.ApiError, sandbox.Fault\n"
        "importlib.reload(core), importlib.reload(sandbox)\n"
        "print(core.ApiError.__name__, sandbox.Fault.__name__)\n"
    )
    assert out.split() == ["ApiError", "Fault"]


def test_a_name_that_is_no_identifier_is_simply_missing() -> None:
    import hirelink.core

    assert getattr(hirelink.core, "a.b", None) is None
    assert getattr(hirelink.core, "..errors", None) is None
