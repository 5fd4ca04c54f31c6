"""Checks wrappers run on their arguments before anything is sent.

Each function returns the value in the form the wire needs and raises
:class:`~hirelink.core.errors.InvalidInputError` naming the argument otherwise.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from .errors import InvalidInputError

E = TypeVar("E", bound=enum.Enum)


def non_empty_str(field: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(field, f"must be a non-empty string, got {value!r}")
    return value


def positive_int(field: str, value: object, *, minimum: int = 1) -> int:
    """A whole number >= ``minimum`` (booleans are refused although they are ints)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidInputError(field, f"must be a whole number >= {minimum}, got {value!r}")
    return value


def string_list(field: str, values: object, *, allow_empty: bool = False) -> list[str]:
    """A list of non-empty strings. A bare string is refused (it would be split into letters)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInputError(field, f"must be a list of strings, got {values!r}")
    items = list(values)
    if not items and not allow_empty:
        raise InvalidInputError(field, "must contain at least one value")
    for index, item in enumerate(items):
        non_empty_str(f"{field}.{index}", item)
    return items


def id_list(field: str, values: object) -> str:
    """Positive integer ids, comma-joined without spaces: ``[1, 2]`` -> ``"1,2"``."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInputError(field, f"must be a list of integer ids, got {values!r}")
    ids = [positive_int(f"{field}.{index}", value) for index, value in enumerate(values)]
    if not ids:
        raise InvalidInputError(field, "must contain at least one id")
    return ",".join(str(i) for i in ids)


def choice(field: str, value: object, options: type[E]) -> E:
    """One of an enum's values, given as the enum member or its wire value."""
    if isinstance(value, options):
        return value
    try:
        return options(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in options)
        raise InvalidInputError(field, f"must be one of {allowed}, got {value!r}") from None


def true_only_flag(field: str, value: object) -> bool:
    """A filter the provider applies only when sent as ``true``.

    ``False`` is refused rather than sent, because the provider does not treat it as the
    opposite filter: omit the argument to include everything.
    """
    if value is True:
        return True
    if value is False:
        raise InvalidInputError(
            field, "the API can only filter for true; leave it out to include everything"
        )
    raise InvalidInputError(field, f"must be True, got {value!r}")


def utc_timestamp(field: str, value: object) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` in UTC.

    Aware datetimes are converted to UTC; naive ones are taken to be UTC already; a
    ``date`` means its midnight UTC.
    """
    if isinstance(value, datetime):
        moment = value.astimezone(UTC) if value.tzinfo is not None else value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0, 0))
    else:
        raise InvalidInputError(field, f"must be a datetime or date, got {value!r}")
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def without_none(values: Mapping[str, Any]) -> dict[str, Any]:
    """The entries whose value was given (not None): generated code fills in the rest."""
    return {name: value for name, value in values.items() if value is not None}
