"""Turn operation results into JSON-ready data (dicts, lists, strings, numbers)."""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import enum
import math
from collections.abc import Mapping
from typing import Any

import attrs

from hirelink.core import Secret


def to_json(value: Any) -> Any:
    """Generated models via their ``to_dict()`` (the provider's wire format); other attrs
    classes field by field; datetimes as ISO 8601; bytes as base64; a number that is not
    finite (a provider's ``NaN``, which hirelink reads) as None, which JSON can hold."""
    if isinstance(value, Secret):
        return repr(value)  # never the value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_json(to_dict())
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)  # exact: amounts must not turn into binary floats
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if attrs.has(type(value)):
        return {f.name: to_json(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, Mapping):
        # A required field that a write's unreadable answer left unset is left out.
        return {str(key): to_json(item) for key, item in value.items() if not _is_unset(item)}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(item) for item in value]
    raise TypeError(f"cannot turn {type(value).__name__} into JSON")


def _is_unset(value: Any) -> bool:
    """The ``UNSET`` of any generated client (each has its own ``types.Unset``)."""
    return type(value).__name__ == "Unset" and type(value).__module__.endswith(".types")


def mask_fields(value: Any, secret_keys: frozenset[str]) -> Any:
    """``value`` with every non-empty string under one of ``secret_keys`` replaced by ``***``."""
    if not secret_keys:
        return value
    if isinstance(value, dict):
        return {
            key: "***"
            if key in secret_keys and isinstance(item, str) and item
            else mask_fields(item, secret_keys)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [mask_fields(item, secret_keys) for item in value]
    return value
