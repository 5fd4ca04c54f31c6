"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar
from urllib.parse import quote

from attrs import define


class Unset:
    """The type of ``UNSET``: a field's value when the answer did not have it. Narrow a
    ``X | Unset`` field with ``isinstance(value, Unset)``, ``if value:`` or ``value or []``
    (type checkers do not narrow on ``value is not UNSET``)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # A copy or an unpickled model holds the one UNSET, which `is UNSET` tests.
        return "UNSET"


UNSET: Unset = Unset()
"""The value of a field the answer did not have (falsy; this client's own: each generated
client has its ``Unset``)."""


def path_segment(name: str, value: object) -> str:
    """``value`` as one segment of a URL path, every reserved character escaped. An empty
    segment, ``.`` or ``..`` raises ``ValueError`` naming ``name``: httpx resolves dot
    segments, so ``id=".."`` sent the request, credentials and all, to the parent path."""
    text = str(value)
    if text in ("", ".", ".."):
        raise ValueError(f"{name} cannot be {text!r} in a URL path")
    return quote(text, safe="")


_fromisoformat = datetime.datetime.fromisoformat  # one global lookup per stamp


def stamp_or_unset(data: object) -> datetime.datetime | Unset:
    """A JSON date-time stamp as a timezone-aware ``datetime``, or ``UNSET`` when ``data``
    names no moment (not text, or not a date and time). A model keeps such a value, as
    sent, in its ``additional_properties``.

    Text is read as ``datetime.datetime.fromisoformat`` reads it (so also a date alone, or
    a space between date and time), and with RFC 3339's lower-case ``z``. A time without
    an offset is UTC: naive, it would compare with no aware time and be the host's local
    time to ``.timestamp()``.
    """
    try:
        moment = _fromisoformat(data)  # type: ignore[arg-type]  # not text: TypeError
    except (TypeError, ValueError):
        try:
            moment = datetime_from_iso(data)
        except ValueError:
            return UNSET
    if moment.tzinfo is None:
        # combine() costs a fraction of replace(tzinfo=...).
        return datetime.datetime.combine(moment, moment.time(), datetime.UTC)
    return moment


def stamp_from_json(data: object) -> datetime.datetime:
    """:func:`stamp_or_unset` for a stamp that must be read (a required one).

    Raises:
        ValueError: ``data`` names no moment.
    """
    moment = datetime_from_iso(data)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def datetime_from_iso(text: object) -> datetime.datetime:
    """``text`` as ``datetime.datetime.fromisoformat`` reads it, and with RFC 3339's
    lower-case ``z``, which it refuses; naive when ``text`` has no offset.

    Raises:
        ValueError: ``text`` is not text, or not a date and time.
    """
    if not isinstance(text, str):
        raise ValueError(f"not a date and time: {type(text).__name__}")
    return _fromisoformat(text[:-1] + "Z" if text.endswith("z") else text)


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "datetime_from_iso",
    "path_segment",
    "stamp_from_json",
    "stamp_or_unset",
]
