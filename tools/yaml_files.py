"""Read the specs and their generator configs with libyaml when PyYAML was built with it.

PyYAML's wheels carry libyaml, whose safe loader reads our largest spec about ten times as
fast as the pure-Python one and builds the same objects (the constructors are shared).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # not a SafeLoader subclass


def load_yaml(text: str) -> Any:
    """The document ``text`` holds, read with the safe loader."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 -- a safe loader


def read_yaml(path: Path) -> Any:
    """The document in the UTF-8 file ``path``, read with the safe loader."""
    return load_yaml(path.read_text(encoding="utf-8"))
