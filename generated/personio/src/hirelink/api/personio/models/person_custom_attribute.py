from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonCustomAttribute")


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
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        global_id = d.pop("global_id", UNSET)

        label = d.pop("label", UNSET)

        value = d.pop("value", UNSET)

        person_custom_attribute = cls(
            id=id,
            type_=type_,
            global_id=global_id,
            label=label,
            value=value,
        )

        person_custom_attribute.additional_properties = d
        return person_custom_attribute

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
