from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StageTransition")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "entered_at",
        "stage",
    }
)


@_attrs_define
class StageTransition:
    """Entering one stage. Known from third-party clients only.

    Attributes:
        entered_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
            (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
            unset and kept, as sent, in additional_properties.
        stage (Stage | Unset): A pipeline stage. System stages may come without id and name.
    """

    entered_at: datetime.datetime | Unset = UNSET
    stage: Stage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        entered_at: dict[str, Any] | str | Unset = (
            self.entered_at
            if not isinstance(self.entered_at, datetime.datetime)
            else LocalDateTime.moment_to_json(self.entered_at)
        )

        stage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stage, Unset):
            stage = self.stage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if entered_at is not UNSET:
            field_dict["entered_at"] = entered_at
        if stage is not UNSET:
            field_dict["stage"] = stage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        _entered_at = _src_get("entered_at", UNSET)
        entered_at: datetime.datetime | Unset = (
            UNSET
            if _entered_at is UNSET
            else LocalDateTime.moment_or_unset(_entered_at)
        )
        _stage = _src_get("stage", UNSET)
        stage: Stage | Unset = UNSET if _stage is UNSET else Stage.from_dict(_stage)
        _instance_ = cls(
            entered_at,
            stage,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if entered_at is UNSET and _entered_at is not UNSET:
            _instance_.additional_properties["entered_at"] = _entered_at
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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.local_date_time import LocalDateTime
from ..models.stage import Stage
