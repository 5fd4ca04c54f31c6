from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonCustomAttribute")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "type",
        "global_id",
        "label",
        "value",
    }
)


@_attrs_define
class PersonCustomAttribute:
    """
    Attributes:
        id (str | Unset):
        type_ (str | Unset): Open set of values.
        global_id (str | Unset):
        label (str | Unset):
        value (Any | Unset): The value; its JSON type follows `type`.
    """

    id: str | Unset = UNSET
    type_: str | Unset = UNSET
    global_id: str | Unset = UNSET
    label: str | Unset = UNSET
    value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        type_ = self.type_

        global_id = self.global_id

        label = self.label

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if global_id is not UNSET:
            field_dict["global_id"] = global_id
        if label is not UNSET:
            field_dict["label"] = label
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        type_ = _src_get("type", UNSET)
        global_id = _src_get("global_id", UNSET)
        label = _src_get("label", UNSET)
        value = _src_get("value", UNSET)
        _instance_ = cls(
            id,
            type_,
            global_id,
            label,
            value,
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
