"""Files for the Recruiting API: Personio's limits, checked before anything is sent.

Personio takes one file per upload request, at most 20 MB, of a fixed list of types.
Files are read and checked by hirelink-core's loader with :data:`LIMITS`; a document of
a new application is a :class:`hirelink.core.Document` whose ``type`` is one of the
categories below (``other`` when none is given) and whose ``file`` may also be an
``UploadedDocument`` returned by ``upload_document``.
"""

from __future__ import annotations

from typing import Final, Literal

from hirelink.core import Document, FileLimits
from hirelink.core.files import FileSource

__all__ = [
    "ALLOWED_EXTENSIONS",
    "LIMITS",
    "MAX_DOCUMENT_BYTES",
    "Document",
    "DocumentCategory",
    "DocumentFile",
    "uploaded_documents",
]

MAX_DOCUMENT_BYTES: Final = 20 * 1024 * 1024
"""20 MB, read as 20 MiB (Personio does not say which); Personio refuses anything it
considers bigger with 413, raised as ``UnprocessableEntityError``."""

ALLOWED_EXTENSIONS: Final = frozenset(
    {
        "pdf", "pptx", "xlsx", "docx", "doc", "xls", "ppt", "ods", "odt", "7z", "gz", "rar",
        "zip", "bmp", "gif", "jpg", "png", "tif", "csv", "txt", "rtf", "mp4", "3gp", "mov",
        "avi", "wmv",
    }
)  # fmt: skip
"""File types the Recruiting API accepts, by extension."""

LIMITS: Final = FileLimits(
    provider="Personio", max_bytes=MAX_DOCUMENT_BYTES, extensions=ALLOWED_EXTENSIONS
)
"""What a Personio document may be (its size and extension), checked before anything is
sent."""

DocumentFile = FileSource
"""Raw bytes (then a ``filename`` is needed), a path, or a binary file object."""

DocumentCategory = Literal[
    "cv", "cover-letter", "employment-reference", "certificate", "work-sample", "other"
]
"""The categories the Recruiting API files an uploaded document under."""


_UPLOADED: Final = "hirelink_uploaded_documents"


def keep_uploaded(error: BaseException, documents: list[Document]) -> None:
    """Note on ``error`` the documents its ``create_application`` uploaded already."""
    setattr(error, _UPLOADED, list(documents))


def uploaded_documents(error: BaseException) -> list[Document]:
    """The documents a ``create_application`` that stopped with ``error`` had uploaded
    already, each with its category: Personio keeps them, so pass them back as
    ``documents=`` to try again without uploading the files again. Empty for an error of
    anything else, or when nothing was uploaded before it.

    For the ``TimeoutError`` of ``asyncio.timeout`` or ``anyio.fail_after`` they are those
    of the cancellation it came of (its ``__context__``). No other error leads on to
    another: an application made while handling another's error would be given that
    applicant's documents. Several applications under one timeout (``gather``) end in one
    ``TimeoutError``, which names one cancellation's documents: give each application its
    own timeout to keep each one's."""
    documents: list[Document] | None = getattr(error, _UPLOADED, None)
    cancellation = error.__context__
    behind = isinstance(error, TimeoutError) and cancellation is not None
    if documents is None and behind and not isinstance(cancellation, Exception):
        documents = getattr(cancellation, _UPLOADED, None)  # a cancellation, not a failure
    return list(documents or [])
