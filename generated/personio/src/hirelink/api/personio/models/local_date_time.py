from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LocalDateTime")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "date-time",
        "date",
        "timezone",
    }
)


@_attrs_define
class LocalDateTime:
    """A local date-time and the IANA time zone it is in. Third-party clients read the key `date-time`; Personio's shared
    v2 component names it `date`. Both are accepted, and so is a plain ISO 8601 string (see Timestamp).

        Attributes:
            date_time (str | Unset): Local date and time, e.g. `2025-04-02T10:12:44`.
            date (str | Unset): The same value under the name of Personio's shared component.
            timezone (str | Unset): IANA time zone name, e.g. `Europe/Berlin`.
    """

    date_time: str | Unset = UNSET
    date: str | Unset = UNSET
    timezone: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date_time = self.date_time

        date = self.date

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if date_time is not UNSET:
            field_dict["date-time"] = date_time
        if date is not UNSET:
            field_dict["date"] = date
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _src_get = src_dict.get
        date_time = _src_get("date-time", UNSET)
        date = _src_get("date", UNSET)
        timezone = _src_get("timezone", UNSET)
        _instance_ = cls(
            date_time=date_time,
            date=date,
            timezone=timezone,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return _instance_

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
