"""Files sent to providers: one :class:`Document` shape and one loader with limits.

A :class:`Document` names a file (bytes, a path or a binary file object), its
provider-specific ``type`` (JOIN's ``CV``, Personio's ``cv``, ...) and optionally the
``filename`` to send. A provider checks it against its :class:`FileLimits` with
:func:`load_file` while building the request, so a bad file is refused before anything
is sent.
"""

from __future__ import annotations

import base64
import contextlib
import enum
import inspect
import io
import mimetypes
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PureWindowsPath
from typing import IO, Final, Protocol, TypeVar, runtime_checkable
from uuid import UUID

from attrs import field, frozen

from .errors import InvalidInputError
from .validation import non_empty_str

__all__ = ["Document", "FileLimits", "FileSource", "LoadedFile", "StoredFile", "load_file"]

FileSource = bytes | bytearray | str | os.PathLike[str] | IO[bytes]
"""Raw bytes (then a ``filename`` is needed), a path, or a binary file object."""


@runtime_checkable
class StoredFile(Protocol):
    """A file the provider holds already (the answer of an upload, e.g. Personio's
    ``UploadedDocument``, or a record of one kept by the caller): attached by reference,
    never read again."""

    @property
    def uuid(self) -> UUID:
        """The provider's id of the stored file."""
        ...

    @property
    def original_filename(self) -> str:
        """The file's name as it was uploaded."""
        ...


_SPELLINGS = {"jpeg": "jpg", "tiff": "tif"}
"""Other spellings of an extension, named in the refusal: a provider that lists only one
spelling refuses the other (Personio's upload list has ``jpg`` and ``tif`` only)."""

# What is shown as a refused file's extension; anything else after a dot may be part of a
# name ("Bewerbung Dr. Lena Vogt").
_EXTENSION = re.compile(r"[a-z0-9]{1,5}")


@frozen
class FileLimits:
    """What a provider accepts: at most ``max_bytes``, and these extensions if given."""

    provider: str
    max_bytes: int
    extensions: frozenset[str] | None = None
    """Lower-case extensions without the dot; None accepts any type."""

    def check_name(self, field_name: str, filename: str) -> None:
        """Raise :class:`InvalidInputError` naming ``field_name`` if the provider refuses
        the file's extension (and say how to rename it when only the spelling differs)."""
        if self.extensions is None:
            return
        extension = Path(filename).suffix.lower().removeprefix(".")
        if extension not in self.extensions:
            allowed = ", ".join(sorted(self.extensions))
            # The name itself is not quoted: a CV's is often its applicant's.
            shown = _EXTENSION.fullmatch(extension)
            got = f"a .{extension} file" if shown else "a name that ends in none of them"
            message = f"{self.provider} accepts only these file types: {allowed}; got {got}"
            if _SPELLINGS.get(extension) in self.extensions:
                message += f" (pass filename= ending in .{_SPELLINGS[extension]})"
            raise InvalidInputError(field_name, message)

    def check_size(self, field_name: str, size: int, *, read_whole: bool = True) -> None:
        """Raise :class:`InvalidInputError` naming ``field_name`` for an empty file or one
        larger than the provider accepts. ``read_whole`` False: ``size`` is what was read of
        a file object, which is read no further than a byte past the limit."""
        if size == 0:
            raise InvalidInputError(field_name, "the file is empty")
        if size > self.max_bytes:
            has = f"{size} bytes" if read_whole else f"more than {self.max_bytes} bytes"
            raise InvalidInputError(
                field_name,
                f"the file has {has}; {self.provider} accepts at most {self.max_bytes}",
            )


@frozen
class LoadedFile:
    """A file read into memory and checked: its name, bytes and MIME type."""

    filename: str
    content: bytes = field(repr=lambda content: f"<{len(content)} bytes>")
    mime_type: str

    def base64(self) -> str:
        """Standard base64, without a ``data:`` prefix."""
        return base64.b64encode(self.content).decode("ascii")


_BINARY_MODE: Final = "must be opened in binary mode ('rb')"
_MEDIA_TYPES: Final = {
    "7z": "application/x-7z-compressed",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "gz": "application/gzip",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "rar": "application/vnd.rar",
    "rtf": "application/rtf",
    "wmv": "video/x-ms-wmv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
"""Media types of uploads Python's own table lacks: without /etc/mime.types (slim and
distroless images) a CV in .docx went as application/octet-stream."""


def load_file(
    source: FileSource, limits: FileLimits, *, filename: str | None = None, field_name: str = "file"
) -> LoadedFile:
    """Read and check one file.

    ``filename`` (the name sent; its extension decides the type) is required for bytes
    and taken from the path or the file object's ``name`` otherwise. A path's size is
    checked before it is read; a file object is read from its current position to its
    end, at most one byte past the limit, and put back at that position when it can seek.
    """
    name_field = "filename" if field_name == "file" else f"{field_name}.filename"
    if filename is not None:
        filename = non_empty_str(name_field, filename)
    if isinstance(source, bytes | bytearray):
        if filename is None:
            raise InvalidInputError(name_field, "is required when the file is given as bytes")
        content = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        size = _readable(field_name, path, lambda: path.stat().st_size)
        if not path.is_file():
            raise InvalidInputError(field_name, "the path given is not a file")
        filename = filename or path.name
        limits.check_name(field_name, filename)
        limits.check_size(field_name, size)
        content = _readable(field_name, path, path.read_bytes)
    elif hasattr(source, "read"):
        name = getattr(source, "name", None)
        if isinstance(name, bytes):  # a file opened by a bytes path
            name = os.fsdecode(name)
        filename = filename or (Path(name).name if isinstance(name, str) else None)
        if filename is None:
            raise InvalidInputError(name_field, "is required for a file object without a name")
        if isinstance(source, io.TextIOBase):  # would fail decoding a PDF before the check
            raise InvalidInputError(field_name, _BINARY_MODE)
        if inspect.iscoroutinefunction(source.read):  # anyio's or aiofiles' files
            raise InvalidInputError(
                field_name,
                "is an async file object, which cannot be read here: pass its bytes "
                "(await file.read(), with filename=) or its path",
            )
        start = _position(source)
        try:
            content = _read_past(field_name, source, limits.max_bytes)
        except InvalidInputError:  # a ValueError, said already
            raise
        except UnicodeDecodeError:  # a text stream that is no io.TextIOBase
            raise InvalidInputError(field_name, _BINARY_MODE) from None
        except (OSError, ValueError) as error:  # closed, unreadable, not seekable
            raise InvalidInputError(field_name, f"cannot read the file object: {error}") from None
        finally:
            _seek_back(source, start)  # so that a retried call, or the caller, reads it again
        if not content and start:
            raise InvalidInputError(
                field_name,
                "nothing is left to read from the file object's current position, where "
                "reading starts (was it read already?)",
            )
    else:
        raise InvalidInputError(
            field_name,
            f"must be bytes, a path or a binary file object, got {type(source).__name__}",
        )
    # The last part of a path in either convention: a name a browser forwards may be
    # Windows' C:\Users\...\cv.pdf, which POSIX's Path keeps whole.
    filename = PureWindowsPath(Path(filename).name).name
    if _not_unicode(filename):
        raise InvalidInputError(
            name_field,
            "the file's name is not text (bytes of a name in another encoding than the "
            "system's): pass filename= with the name to show",
        )
    filename = non_empty_str(name_field, filename)
    limits.check_name(field_name, filename)
    limits.check_size(field_name, len(content), read_whole=not hasattr(source, "read"))
    mime_type = (
        _MEDIA_TYPES.get(PureWindowsPath(filename).suffix.lower().removeprefix("."))
        or mimetypes.guess_type(filename)[0]
        or "application/octet-stream"
    )
    return LoadedFile(filename=filename, content=content, mime_type=mime_type)


R = TypeVar("R")


def _not_unicode(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: Python's stand-in for the bytes of a file
    name in another encoding than the system's (``Lebenslauf_M\\udcfcller.pdf``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _readable(field_name: str, path: Path, read: Callable[[], R]) -> R:
    """``read()`` of ``path``; a path that is missing, unreadable or holds a NUL is bad input."""
    try:
        return read()
    except (OSError, ValueError) as error:
        # Neither the path nor OSError's text (which repeats it) is quoted: a CV's path
        # often holds its applicant's name.
        why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise InvalidInputError(
            field_name, f"cannot read the file at the path given: {why}"
        ) from None


def _read_past(field_name: str, source: IO[bytes], max_bytes: int) -> bytes:
    """What ``source`` holds from its position to its end, or its first ``max_bytes + 1``
    bytes, enough to tell the file is too large.

    One ``read(n)`` may return less than ``n`` before the end: raw pipes, sockets and
    unbuffered files give what has arrived so far.
    """
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = source.read(left)
        if chunk is None:  # a non-blocking stream with nothing to read yet
            raise InvalidInputError(
                field_name,
                "the file object would block: pass a blocking or fully buffered one, or its bytes",
            )
        if not isinstance(chunk, bytes):
            raise InvalidInputError(field_name, _BINARY_MODE)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _seek_back(source: IO[bytes], start: int | None) -> None:
    if start is None:
        return
    with contextlib.suppress(OSError, ValueError):  # closed meanwhile: nothing to put back
        source.seek(start)


def _position(source: IO[bytes]) -> int | None:
    """Where a seekable file object stands (None for a stream that cannot seek)."""
    try:
        return source.tell() if source.seekable() else None
    except (OSError, ValueError):
        return None


@frozen
class Document:
    """A file attached to an application, the same shape for every provider.

    Args:
        file: bytes (then ``filename`` is required), a path, a binary file object (read
            from its current position to its end), or a :class:`StoredFile` where the
            provider lets documents be uploaded first.
        type: the provider's document type (JOIN: ``CV``, ``COVER_LETTER``, ...;
            Personio: ``cv``, ``cover-letter``, ...); checked by the provider.
        filename: the name sent; by default the path's or file object's name.
    """

    file: FileSource | StoredFile = field(repr=False)
    type: str | enum.Enum | None = None
    filename: str | None = None

    def load(self, limits: FileLimits, field_name: str) -> LoadedFile:
        if isinstance(self.file, StoredFile):
            raise InvalidInputError(
                field_name, f"{limits.provider} takes the file's contents, not an upload"
            )
        return load_file(self.file, limits, filename=self.filename, field_name=field_name)


def document_list(field_name: str, values: object) -> list[Document]:
    """A list of :class:`Document` values (a single one is refused: wrap it in a list);
    None is no documents, as for every optional argument."""
    if values is None:
        return []
    if isinstance(values, Document | str | bytes) or not isinstance(values, Iterable):
        raise InvalidInputError(field_name, "must be a list of Document values")
    documents = list(values)
    for index, value in enumerate(documents):
        if not isinstance(value, Document):
            raise InvalidInputError(
                f"{field_name}.{index}", f"must be a Document, got {type(value).__name__}"
            )
    return documents
