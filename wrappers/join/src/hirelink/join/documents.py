"""Files of applications: JOIN's limits and wire form of a :class:`~hirelink.core.Document`
attached to a new application, and :class:`DownloadedFile`, an attachment downloaded.

Documents are :class:`hirelink.core.Document` values (the same shape for every
provider); they are checked while the application is built (type, emptiness, size), so a
bad file is refused before any request is sent, and base64-encoded for the wire.
"""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from hirelink.api.join import models
from hirelink.core import Document, FileLimits
from hirelink.core.validation import choice

__all__ = [
    "LIMITS",
    "MAX_DOCUMENT_BYTES",
    "Document",
    "DocumentTypeName",
    "DownloadedFile",
    "to_api",
]


@frozen
class DownloadedFile:
    """An attachment's file, as :meth:`~hirelink.join.Join.download_attachment` read it."""

    content: bytes = field(repr=lambda content: f"<{len(content)} bytes>")
    """The file's bytes."""
    content_type: str | None = None
    """The ``Content-Type`` JOIN answered with (``application/pdf``), if any."""
    filename: str | None = None
    """The file's name: from the answer's ``Content-Disposition``, else the attachment's
    ``filename``; its last path segment only (never a directory). Check it before writing
    a file of that name: it is the applicant's choice."""


MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""The largest file accepted: 10 MiB. JOIN publishes no limit; this one is our assumption
(``specs/join.yaml`` marks it inferred), chosen to match common upload limits."""

LIMITS = FileLimits(provider="JOIN", max_bytes=MAX_DOCUMENT_BYTES)
"""What a JOIN document may be (its size), checked before anything is sent."""

DocumentTypeName = Literal[
    "CV",
    "COVER_LETTER",
    "PORTFOLIO",
    "CERTIFICATES",
    "OTHER",
    "REFERENCES",
    "TRANSCRIPT",
    "WORK_SAMPLES",
]
"""The document types JOIN files an attachment under."""


def to_api(document: Document, field_name: str) -> models.ApplicationDocument:
    """The wire form: JOIN's type (``CV`` when none is given), the file name JOIN shows,
    and the bytes as standard base64 without a ``data:`` prefix."""
    kind = choice(f"{field_name}.type", document.type or "CV", models.DocumentType)
    loaded = document.load(LIMITS, field_name)
    return models.ApplicationDocument(type_=kind, name=loaded.filename, data=loaded.base64())
