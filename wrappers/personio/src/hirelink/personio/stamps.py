"""Personio's v2 recruiting timestamps as timezone-aware datetimes.

v2 recruiting records stamp ``created_at``, ``updated_at`` and ``entered_at`` as
``{"date-time": "2025-04-02T10:12:44", "timezone": "Europe/Berlin"}``: a local time and
the zone it is in (parsed as the generated ``LocalDateTime``). Personio's shared v2
component calls the first key ``date``, and defensive clients also accept a plain ISO
8601 string, so :func:`to_datetime` takes all of these.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hirelink.api.personio.models import LocalDateTime
from hirelink.api.personio.types import Unset
from hirelink.core import MalformedResponseError

__all__ = ["to_datetime"]


def _local_text(stamp: LocalDateTime) -> str | None:
    for value in (stamp.date_time, stamp.date, stamp.additional_properties.get("date_time")):
        if isinstance(value, str) and value:
            return value
    return None


def to_datetime(stamp: LocalDateTime | str | datetime | Unset | None) -> datetime | None:
    """The moment a Personio stamp stands for, timezone-aware; None when there is none.

    A local time is placed in its IANA zone; a value that carries an offset keeps it
    and is converted to that zone; a plain string without an offset is taken as UTC.

    Raises:
        MalformedResponseError: the text is not ISO 8601 or the zone is unknown.
    """
    if stamp is None or isinstance(stamp, Unset):
        return None
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)
    text = stamp if isinstance(stamp, str) else _local_text(stamp)
    if text is None:
        raise MalformedResponseError("to_datetime", "the stamp has no date-time")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise MalformedResponseError("to_datetime", str(error)) from error
    if isinstance(stamp, str) or not isinstance(stamp.timezone, str):
        # A stamp without its zone (the spec no longer requires one) reads like a string.
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(stamp.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise MalformedResponseError("to_datetime", f"unknown time zone {stamp.timezone!r}") from (
            error
        )
    return moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(tzinfo=zone)
