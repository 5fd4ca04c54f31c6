"""Find the OpenAPI document a generated client was made from.

``nox -s generate`` copies each spec into its generated package, as
``hirelink/api/<package>/spec/<name>.yaml``; a spec without a generator config of its
own travels with the client whose name prefixes it (``personio-jobs-feed`` with
``personio``). So whoever has a client installed has its spec, from a wheel or a checkout.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

__all__ = ["spec_path"]

SPEC_DIRECTORY = "spec"
_SPEC_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def spec_path(name: str) -> Path:
    """The path of the OpenAPI document ``<name>.yaml`` shipped with a generated client.

    ``name`` is the spec's file stem (``"recruitee"``, ``"recruitee-partners"``,
    ``"personio-jobs-feed"``). The client ``hirelink.api.<package>`` holding it is the
    longest dash-separated prefix of ``name`` that is installed.

    Raises:
        ValueError: ``name`` is not a spec file stem.
        FileNotFoundError: no installed generated client ships ``<name>.yaml``.
    """
    if not _SPEC_NAME.fullmatch(name):
        raise ValueError(f"not a spec name: {name!r}")
    parts = name.split("-")
    searched: list[str] = []
    for end in range(len(parts), 0, -1):
        package = "hirelink.api." + "_".join(parts[:end])
        try:
            found = importlib.util.find_spec(package)
        except ModuleNotFoundError:  # not even the hirelink.api namespace is installed
            found = None
        if found is None or not found.submodule_search_locations:
            continue
        for location in found.submodule_search_locations:
            candidate = Path(location) / SPEC_DIRECTORY / f"{name}.yaml"
            if candidate.is_file():
                return candidate
            searched.append(str(candidate))
    where = ", ".join(searched) or "no hirelink.api.<client> package is installed for it"
    raise FileNotFoundError(f"OpenAPI document {name}.yaml not found ({where})")
