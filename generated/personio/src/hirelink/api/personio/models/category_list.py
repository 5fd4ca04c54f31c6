from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.category import Category


T = TypeVar("T", bound="CategoryList")


@_attrs_define
class CategoryList:
    """
    Attributes:
        field_data (list[Category]):
    """

    field_data: list[Category]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_data = []
        for field_data_item_data in self.field_data:
            field_data_item = field_data_item_data.to_dict()
            field_data.append(field_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_data": field_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.category import Category

        d = dict(src_dict)
        field_data = []
        _field_data = d.pop("_data")
        for field_data_item_data in _field_data:
            field_data_item = Category.from_dict(field_data_item_data)

            field_data.append(field_data_item)

        category_list = cls(
            field_data=field_data,
        )

        category_list.additional_properties = d
        return category_list

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
