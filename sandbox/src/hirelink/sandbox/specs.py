"""Locate the OpenAPI documents the stand-ins validate requests against.

Each generated client ships the spec it was generated from (``hirelink.api.<client>``,
under ``spec/``), so the stand-ins validate against exactly what the clients send; see
:func:`hirelink.core.specs.spec_path`.
"""

from __future__ import annotations

from hirelink.core.specs import spec_path

__all__ = ["spec_path"]
