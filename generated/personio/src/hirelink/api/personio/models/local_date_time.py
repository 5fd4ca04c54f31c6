from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from zoneinfo import ZoneInfo

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, datetime_from_iso

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
    """A local date-time and the IANA time zone it is in. Third-party clients read the key `date-time` (and defensively
    `date_time`, read through x-hirelink-moment and kept in additional_properties: as a property it would take the model
    attribute `date_time` from `date-time`); Personio's shared v2 component names it `date`. All three are accepted, and
    so is a plain ISO 8601 string (see Timestamp).

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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        date_time = _src_get("date-time", UNSET)
        date = _src_get("date", UNSET)
        timezone = _src_get("timezone", UNSET)
        _instance_ = cls(
            date_time,
            date,
            timezone,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return _instance_

    @property
    def additional_keys(self) -> list[str]:
        """The keys of the answer that the spec does not name (``obj[key]`` reads each)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    @staticmethod
    def moment_from_json(data: object) -> datetime.datetime:
        """The timezone-aware moment a stamp names.

        A stamp is this object (the local time under "date-time" or "date" or "date_time", the IANA
        zone under "timezone") or an ISO 8601 string. A local time is placed in its zone;
        a time with an offset keeps its instant (shown in the zone, if one is named); a
        time with neither is read as UTC.

        Raises:
            ValueError: ``data`` names no moment (no time, bad text, unknown zone).
        """
        zone_name: object = None
        text: object = data
        if isinstance(data, dict):
            text = data.get("date-time")
            if not isinstance(text, str):
                text = data.get("date")
            if not isinstance(text, str):
                text = data.get("date_time")
            zone_name = data.get("timezone")
        if not isinstance(text, str) or not (
            zone_name is None or isinstance(zone_name, str)
        ):
            raise ValueError(f"not a stamp: {type(data).__name__}")
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:  # the rare spellings
            moment = datetime_from_iso(text)
        if zone_name is None:
            return (
                moment if moment.tzinfo is not None else _placed(moment, datetime.UTC)
            )
        try:
            zone = ZoneInfo(zone_name)
            return (
                moment.astimezone(zone)
                if moment.tzinfo is not None
                else _placed(moment, zone)
            )
        except (KeyError, ValueError, OSError, OverflowError) as error:
            raise ValueError(
                f"cannot place {text!r} in time zone {zone_name!r}"
            ) from error

    @staticmethod
    def moment_or_unset(data: object) -> datetime.datetime | Unset:
        """:meth:`moment_from_json`, or ``UNSET`` where ``data`` names no moment."""
        try:
            return LocalDateTime.moment_from_json(data)
        except ValueError:
            return UNSET

    @staticmethod
    def moment_to_json(moment: datetime.datetime) -> dict[str, Any] | str:
        """The stamp for ``moment``: this object when its zone is an IANA zone, else ISO 8601.
        In an hour the zone's clocks repeat, its time carries the offset that says which
        pass it is (a form :meth:`moment_from_json` reads): without, it read as the first."""
        zone = moment.tzinfo
        if isinstance(zone, ZoneInfo) and zone.key:
            # Repeated when its first pass is ahead of UTC by more than its second (in a gap
            # of spring, the other way round: there the plain time reads back as written).
            first, second = moment.replace(fold=0), moment.replace(fold=1)
            repeated = first.utcoffset() > second.utcoffset()  # type: ignore[operator]
            local = moment if repeated else moment.replace(tzinfo=None)
            return {
                "date-time": local.isoformat(),
                "timezone": zone.key,
            }
        return moment.isoformat()

    def to_moment(self) -> datetime.datetime:
        """The timezone-aware moment this stamp names (see :meth:`moment_from_json`)."""
        return LocalDateTime.moment_from_json(self.to_dict())


def _placed(moment: datetime.datetime, zone: datetime.tzinfo) -> datetime.datetime:
    # The naive `moment` in `zone`: combine() costs a fraction of replace(tzinfo=...),
    # and this runs for every stamp of every record.
    return datetime.datetime.combine(moment, moment.time(), zone)
