"""Files attached to a new application: :class:`Document`.

A document is checked when it is built (type, emptiness, size), so a bad file is
refused before any request is sent; its bytes are base64-encoded only when the
application is sent.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Literal

from attrs import define, field

from hirelink.api.join.models import ApplicationDocument, DocumentType
from hirelink.core import InvalidInputError
from hirelink.core.validation import choice, non_empty_str

__all__ = ["MAX_DOCUMENT_BYTES", "Document", "DocumentTypeName"]

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""The largest file accepted: 10 MiB. JOIN publishes no limit; this one is our assumption
(``specs/join.yaml`` marks it inferred), chosen to match common upload limits."""

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


def _document_type(value: DocumentTypeName | DocumentType) -> DocumentType:
    return choice("type", value, DocumentType)


def _check_size(field_name: str, size: int) -> None:
    if size == 0:
        raise InvalidInputError(field_name, "the file is empty")
    if size > MAX_DOCUMENT_BYTES:
        raise InvalidInputError(
            field_name,
            f"the file has {size} bytes; at most {MAX_DOCUMENT_BYTES} (10 MiB) are accepted",
        )


def _check_name(_instance: object, _attribute: object, value: str) -> None:
    non_empty_str("file_name", value)


def _check_data(_instance: object, _attribute: object, value: bytes) -> None:
    if not isinstance(value, bytes):
        raise InvalidInputError("data", f"must be bytes, got {type(value).__name__}")
    _check_size("data", len(value))


@define(frozen=True, kw_only=True, repr=False)
class Document:
    """A file for :meth:`hirelink.join.Join.create_application`.

    Build it with :meth:`from_path` or :meth:`from_bytes`. ``type`` is one of JOIN's
    document types (``CV``, ``COVER_LETTER``, ``PORTFOLIO``, ``CERTIFICATES``,
    ``OTHER``, ``REFERENCES``, ``TRANSCRIPT``, ``WORK_SAMPLES``); ``name`` is the file
    name JOIN shows (it presumably derives the file type from the extension).

    Raises:
        InvalidInputError: unknown ``type``, empty ``name``, or a file that is empty or
            larger than :data:`MAX_DOCUMENT_BYTES`.
    """

    type: DocumentType = field(converter=_document_type)
    name: str = field(validator=_check_name)
    data: bytes = field(validator=_check_data)

    @classmethod
    def from_path(
        cls,
        path: str | os.PathLike[str],
        *,
        type: DocumentTypeName | DocumentType = "CV",
        file_name: str | None = None,
    ) -> Document:
        """The file at ``path``; its name is sent unless ``file_name`` is given.

        The size is checked before the file is read.
        """
        file = Path(path)
        try:
            size = file.stat().st_size
        except OSError as error:
            raise InvalidInputError("path", f"cannot read {file}: {error.strerror}") from None
        if not file.is_file():
            raise InvalidInputError("path", f"{file} is not a file")
        _check_size("path", size)
        return cls(
            type=type, name=file.name if file_name is None else file_name, data=file.read_bytes()
        )

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        *,
        file_name: str,
        type: DocumentTypeName | DocumentType = "CV",
    ) -> Document:
        """A file held in memory, sent as ``file_name``."""
        return cls(type=type, name=file_name, data=data)

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return len(self.data)

    def to_api(self) -> ApplicationDocument:
        """The wire form: the bytes as standard base64, without a ``data:`` prefix."""
        encoded = base64.b64encode(self.data).decode("ascii")
        return ApplicationDocument(type_=self.type, name=self.name, data=encoded)

    def __repr__(self) -> str:
        return f"Document(type={self.type.value!r}, name={self.name!r}, size={self.size})"
