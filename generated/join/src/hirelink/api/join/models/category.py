from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sub_category import SubCategory


T = TypeVar("T", bound="Category")


@_attrs_define
class Category:
    """
    Attributes:
        id (int):
        name (str | Unset):
        slug (None | str | Unset):
        sub_categories (list[SubCategory] | Unset):
    """

    id: int
    name: str | Unset = UNSET
    slug: None | str | Unset = UNSET
    sub_categories: list[SubCategory] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        sub_categories: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_categories, Unset):
            sub_categories = []
            for sub_categories_item_data in self.sub_categories:
                sub_categories_item = sub_categories_item_data.to_dict()
                sub_categories.append(sub_categories_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if sub_categories is not UNSET:
            field_dict["subCategories"] = sub_categories

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.sub_category import SubCategory

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        _sub_categories = d.pop("subCategories", UNSET)
        sub_categories: list[SubCategory] | Unset = UNSET
        if _sub_categories is not UNSET:
            sub_categories = []
            for sub_categories_item_data in _sub_categories:
                sub_categories_item = SubCategory.from_dict(sub_categories_item_data)

                sub_categories.append(sub_categories_item)

        category = cls(
            id=id,
            name=name,
            slug=slug,
            sub_categories=sub_categories,
        )

        category.additional_properties = d
        return category

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
