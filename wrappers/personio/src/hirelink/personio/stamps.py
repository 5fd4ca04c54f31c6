"""Personio's v2 recruiting timestamps as timezone-aware datetimes.

v2 recruiting records stamp ``created_at``, ``updated_at`` and ``entered_at`` as
``{"date-time": "2025-04-02T10:12:44", "timezone": "Europe/Berlin"}``: a local time and
the zone it is in. The generated models already read these fields as aware
``datetime`` values (the spec marks ``LocalDateTime`` with ``x-hirelink-moment``), so
most code never needs this module. :func:`to_datetime` reads a stamp that reached you
some other way: one kept as sent in ``additional_properties``, a webhook body, a
``LocalDateTime`` you built.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

from hirelink.api.personio import models
from hirelink.api.personio.types import Unset
from hirelink.core import MalformedResponseError

__all__ = ["to_datetime"]


@overload
def to_datetime(stamp: models.LocalDateTime | dict[str, object] | str | datetime) -> datetime: ...


@overload
def to_datetime(stamp: Unset | None) -> None: ...


def to_datetime(
    stamp: models.LocalDateTime | dict[str, object] | str | datetime | Unset | None,
) -> datetime | None:
    """The moment a Personio stamp stands for, timezone-aware; None when there is none.

    Typed so: a stamp (a ``LocalDateTime``, its JSON object, text or a ``datetime``)
    gives a ``datetime``, ``UNSET`` or None gives None, and a field that may be either
    (``LocalDateTime | Unset``) gives ``datetime | None``.

    A local time is placed in its IANA zone; a value that carries an offset keeps its
    instant; a time with neither (or a naive datetime) is taken as UTC. The reading is
    the generated ``LocalDateTime.moment_from_json``: one rule for both.

    Raises:
        MalformedResponseError: the text is not ISO 8601 or the zone is unknown.
    """
    if stamp is None or isinstance(stamp, Unset):
        return None
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)
    raw = stamp.to_dict() if isinstance(stamp, models.LocalDateTime) else stamp
    try:
        return models.LocalDateTime.moment_from_json(raw)
    except ValueError as error:
        raise MalformedResponseError("to_datetime", str(error)) from error
