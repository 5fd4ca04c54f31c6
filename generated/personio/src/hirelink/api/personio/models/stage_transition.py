from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

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
        entered_at (LocalDateTime | str | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
            (defensively) a plain ISO 8601 string.
        stage (Stage | Unset): A pipeline stage. System stages may come without id and name.
    """

    entered_at: LocalDateTime | str | Unset = UNSET
    stage: Stage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entered_at: dict[str, Any] | str | Unset
        if isinstance(self.entered_at, Unset):
            entered_at = UNSET
        elif isinstance(self.entered_at, LocalDateTime):
            entered_at = self.entered_at.to_dict()
        else:
            entered_at = self.entered_at

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
        _src_get = src_dict.get
        _entered_at = _src_get("entered_at", UNSET)
        entered_at: LocalDateTime | str | Unset = (
            UNSET if isinstance(_entered_at, Unset) else _parse_entered_at(_entered_at)
        )
        _stage = _src_get("stage", UNSET)
        stage: Stage | Unset = (
            UNSET if isinstance(_stage, Unset) else Stage.from_dict(_stage)
        )
        _instance_ = cls(
            entered_at=entered_at,
            stage=stage,
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


def _parse_entered_at(data: object) -> LocalDateTime | str | Unset:
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_timestamp_type_0 = LocalDateTime.from_dict(data)

        return componentsschemas_timestamp_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(LocalDateTime | str | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.local_date_time import LocalDateTime
from ..models.stage import Stage
