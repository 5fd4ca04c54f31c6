from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineStage")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "category",
        "position",
        "group",
        "locked",
        "time_limit",
    }
)


@_attrs_define
class PipelineStage:
    """One stage of a job's pipeline, as the offer's `pipeline_template` (C3 [SAMPLE]) or a pipeline template (I [SL2])
    lists it.

        Attributes:
            id (int | Unset):
            name (None | str | Unset):
            category (None | str | Unset): Pipeline stage category (open set of values).
            position (int | None | Unset):
            group (None | str | Unset):
            locked (bool | None | Unset):
            time_limit (int | None | Unset):
    """

    id: int | Unset = UNSET
    name: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    position: int | None | Unset = UNSET
    group: None | str | Unset = UNSET
    locked: bool | None | Unset = UNSET
    time_limit: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
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

        locked: bool | None | Unset
        if isinstance(self.locked, Unset):
            locked = UNSET
        else:
            locked = self.locked

        time_limit: int | None | Unset
        if isinstance(self.time_limit, Unset):
            time_limit = UNSET
        else:
            time_limit = self.time_limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        name = _src_get("name", UNSET)
        category = _src_get("category", UNSET)
        position = _src_get("position", UNSET)
        group = _src_get("group", UNSET)
        locked = _src_get("locked", UNSET)
        time_limit = _src_get("time_limit", UNSET)
        _instance_ = cls(
            id,
            name,
            category,
            position,
            group,
            locked,
            time_limit,
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
