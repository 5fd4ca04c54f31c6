"""Files for the Recruiting API: checked before anything is sent.

Personio takes one file per upload request, at most 20 MB, of a fixed list of types;
:func:`load_document` reads a file from bytes, a path or a binary file object and
refuses what Personio would refuse. :class:`ApplicationDocument` is one entry of
``create_application(documents=...)``: a file to upload (or an already uploaded
document) and its category.
"""

from __future__ import annotations

import mimetypes
import os
from pathlib import Path
from typing import IO, Final, Literal

from attrs import define, field, frozen

from hirelink.api.personio.models import ApplicationFileCategory, UploadedDocument
from hirelink.core import InvalidInputError
from hirelink.core.validation import choice, non_empty_str

__all__ = [
    "ALLOWED_EXTENSIONS",
    "MAX_DOCUMENT_BYTES",
    "ApplicationDocument",
    "DocumentCategory",
    "DocumentFile",
    "LoadedDocument",
    "load_document",
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

DocumentFile = bytes | bytearray | str | os.PathLike[str] | IO[bytes]
"""Raw bytes (then a ``filename`` is needed), a path, or a binary file object."""

DocumentCategory = Literal[
    "cv", "cover-letter", "employment-reference", "certificate", "work-sample", "other"
]


@frozen
class LoadedDocument:
    """A file read into memory and checked: its name, bytes and MIME type."""

    filename: str
    content: bytes = field(repr=lambda content: f"<{len(content)} bytes>")
    mime_type: str


def _extension(field_name: str, filename: str) -> str:
    extension = Path(filename).suffix.lower().removeprefix(".")
    if extension == "jpeg":
        extension = "jpg"
    if extension == "tiff":
        extension = "tif"
    if extension not in ALLOWED_EXTENSIONS:
        allowed = ", ".join(sorted(ALLOWED_EXTENSIONS))
        raise InvalidInputError(
            field_name, f"Personio accepts only these file types: {allowed}; got {filename!r}"
        )
    return extension


def _check_size(field_name: str, size: int) -> None:
    if size == 0:
        raise InvalidInputError(field_name, "the file is empty")
    if size > MAX_DOCUMENT_BYTES:
        raise InvalidInputError(
            field_name,
            f"the file has {size} bytes; Personio accepts at most {MAX_DOCUMENT_BYTES} (20 MB)",
        )


def load_document(
    file: DocumentFile, *, filename: str | None = None, field_name: str = "file"
) -> LoadedDocument:
    """Read and check one file.

    ``filename`` (the name Personio stores and whose extension decides the type) is
    required for bytes and taken from the path or the file object's ``name`` otherwise.

    Raises:
        InvalidInputError: no usable file name, a type Personio refuses, an empty file,
            a file over :data:`MAX_DOCUMENT_BYTES`, or a path that cannot be read.
    """
    name_field = "filename" if field_name == "file" else f"{field_name}.filename"
    if isinstance(file, bytes | bytearray):
        if filename is None:
            raise InvalidInputError(name_field, "is required when the file is given as bytes")
        content = bytes(file)
    elif isinstance(file, str | os.PathLike):
        path = Path(file)
        try:
            size = path.stat().st_size
        except OSError as error:
            raise InvalidInputError(field_name, f"cannot read {str(path)!r}: {error}") from None
        _extension(field_name, filename or path.name)
        _check_size(field_name, size)
        filename = filename or path.name
        content = path.read_bytes()
    elif hasattr(file, "read"):
        name = getattr(file, "name", None)
        filename = filename or (Path(name).name if isinstance(name, str) else None)
        if filename is None:
            raise InvalidInputError(name_field, "is required for a file object without a name")
        data = file.read(MAX_DOCUMENT_BYTES + 1)
        if not isinstance(data, bytes):
            raise InvalidInputError(field_name, "must be opened in binary mode ('rb')")
        content = data
    else:
        raise InvalidInputError(
            field_name, f"must be bytes, a path or a binary file object, got {type(file).__name__}"
        )
    filename = non_empty_str(name_field, Path(filename).name)
    _extension(field_name, filename)
    _check_size(field_name, len(content))
    mime_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return LoadedDocument(filename=filename, content=content, mime_type=mime_type)


def _category(value: DocumentCategory | ApplicationFileCategory) -> ApplicationFileCategory:
    return choice("category", value, ApplicationFileCategory)


@define(frozen=True)
class ApplicationDocument:
    """A document of a new application: a file to upload first, or one uploaded already.

    Args:
        file: bytes (with ``filename``), a path, a binary file object, or an
            :class:`~hirelink.api.personio.models.UploadedDocument` returned by
            ``upload_document``.
        category: ``cv``, ``cover-letter``, ``employment-reference``, ``certificate``,
            ``work-sample`` or ``other``.
        filename: the name Personio shows; required for bytes.
    """

    file: DocumentFile | UploadedDocument = field(repr=False)
    category: ApplicationFileCategory = field(
        default=ApplicationFileCategory.OTHER, converter=_category
    )
    filename: str | None = None
