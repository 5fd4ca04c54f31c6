"""Locate the OpenAPI documents the stand-ins validate requests against.

A built wheel ships the repository's ``specs/`` directory as package data
(``hirelink/sandbox/specs``); a source checkout or an editable install reads the
repository's ``specs/`` directory directly, so a spec being edited is picked up
without a reinstall.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["spec_path"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_SPEC_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def spec_path(name: str) -> Path:
    """Return the path of the OpenAPI document ``<name>.yaml``.

    Looks first in the package data (``hirelink/sandbox/specs/``), then walks up
    from this file to the first directory holding both a ``pyproject.toml`` and
    ``specs/<name>.yaml`` (the repository root of a source checkout).

    Raises:
        ValueError: ``name`` is not a plain file stem.
        FileNotFoundError: neither place holds the document.
    """
    if not _SPEC_NAME.fullmatch(name) or ".." in name:
        raise ValueError(f"not a spec name: {name!r}")
    file_name = f"{name}.yaml"
    packaged = _PACKAGE_DIR / "specs" / file_name
    if packaged.is_file():
        return packaged
    for directory in _PACKAGE_DIR.parents:
        candidate = directory / "specs" / file_name
        if candidate.is_file() and (directory / "pyproject.toml").is_file():
            return candidate
    raise FileNotFoundError(
        f"OpenAPI spec {file_name!r} not found: neither as package data at {packaged} "
        f"nor in a 'specs/' directory of a repository above {_PACKAGE_DIR}"
    )
