"""Ship the repository's OpenAPI documents inside the package.

The specs live in the repository's top-level ``specs/`` directory, outside this
project. A static ``force-include`` of ``../specs`` works for a wheel built
straight from the checkout, but not for the wheel that ``uv build`` makes from
the sdist (the unpacked sdist has no ``../specs``). So the sdist carries them
as package data (``src/hirelink/sandbox/specs``), from where the wheel picks
them up, and a wheel built from the checkout force-includes them. Editable
installs need neither: ``hirelink.sandbox.specs`` reads the checkout's ``specs/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SpecsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds ``../specs/*.yaml`` to the sdist and the wheel when building from a checkout."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Map each spec file to its place in the artifact being built."""
        specs = Path(self.root).resolve().parent / "specs"
        if version == "editable" or not specs.is_dir():
            return
        in_sdist = self.target_name == "sdist"
        target = "src/hirelink/sandbox/specs" if in_sdist else "hirelink/sandbox/specs"
        for spec in sorted(specs.glob("*.yaml")):
            if spec.name.endswith(".config.yaml"):  # generator settings, not OpenAPI
                continue
            build_data["force_include"][str(spec)] = f"{target}/{spec.name}"
