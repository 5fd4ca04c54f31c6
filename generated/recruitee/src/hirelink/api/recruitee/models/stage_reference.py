from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="StageReference")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "id",
        "name",
        "category",
        "position",
        "group",
        "locked",
        "time_limit",
        "fair_evaluations_enabled",
        "placements_count",
        "created_at",
        "updated_at",
    }
)


@_attrs_define
class StageReference:
    """
    Attributes:
        type_ (Literal['Stage']):
        id (int | Unset):
        name (str | Unset):
        category (None | str | Unset): Pipeline stage category (open set of values).
        position (int | None | Unset):
        group (None | str | Unset):
        locked (bool | Unset):
        time_limit (int | None | Unset):
        fair_evaluations_enabled (bool | Unset):
        placements_count (int | None | Unset):
        created_at (datetime.datetime | None | Unset):
        updated_at (datetime.datetime | None | Unset):
    """

    type_: Literal["Stage"]
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    category: None | str | Unset = UNSET
    position: int | None | Unset = UNSET
    group: None | str | Unset = UNSET
    locked: bool | Unset = UNSET
    time_limit: int | None | Unset = UNSET
    fair_evaluations_enabled: bool | Unset = UNSET
    placements_count: int | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        type_ = self.type_

        id = self.id

        name = self.name

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        group: None | str | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        else:
            group = self.group

        locked = self.locked

        time_limit: int | None | Unset
        if isinstance(self.time_limit, Unset):
            time_limit = UNSET
        else:
            time_limit = self.time_limit

        fair_evaluations_enabled = self.fair_evaluations_enabled

        placements_count: int | None | Unset
        if isinstance(self.placements_count, Unset):
            placements_count = UNSET
        else:
            placements_count = self.placements_count

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if category is not UNSET:
            field_dict["category"] = category
        if position is not UNSET:
            field_dict["position"] = position
        if group is not UNSET:
            field_dict["group"] = group
        if locked is not UNSET:
            field_dict["locked"] = locked
        if time_limit is not UNSET:
            field_dict["time_limit"] = time_limit
        if fair_evaluations_enabled is not UNSET:
            field_dict["fair_evaluations_enabled"] = fair_evaluations_enabled
        if placements_count is not UNSET:
            field_dict["placements_count"] = placements_count
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        type_ = cast(Literal["Stage"], src_dict["type"])
        if type_ != "Stage":
            raise ValueError(f"type must match const 'Stage', got '{type_}'")
        id = _src_get("id", UNSET)
        name = _src_get("name", UNSET)
        category = _src_get("category", UNSET)
        position = _src_get("position", UNSET)
        group = _src_get("group", UNSET)
        locked = _src_get("locked", UNSET)
        time_limit = _src_get("time_limit", UNSET)
        fair_evaluations_enabled = _src_get("fair_evaluations_enabled", UNSET)
        placements_count = _src_get("placements_count", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | None | Unset = (
            _created_at
            if _created_at is None or _created_at is UNSET
            else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | None | Unset = (
            _updated_at
            if _updated_at is None or _updated_at is UNSET
            else stamp_or_unset(_updated_at)
        )
        _instance_ = cls(
            type_,
            id,
            name,
            category,
            position,
            group,
            locked,
            time_limit,
            fair_evaluations_enabled,
            placements_count,
            created_at,
            updated_at,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["created_at"] = _created_at
        if updated_at is UNSET and _updated_at is not UNSET:
            _instance_.additional_properties["updated_at"] = _updated_at
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
