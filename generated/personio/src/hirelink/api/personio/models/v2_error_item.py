from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v2_error_item_meta import V2ErrorItemMeta


T = TypeVar("T", bound="V2ErrorItem")


@_attrs_define
class V2ErrorItem:
    """
    Attributes:
        title (str | Unset):
        detail (str | Unset):
        type_ (str | Unset): Link to the error's documentation.
        field_meta (V2ErrorItemMeta | Unset):
    """

    title: str | Unset = UNSET
    detail: str | Unset = UNSET
    type_: str | Unset = UNSET
    field_meta: V2ErrorItemMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        detail = self.detail

        type_ = self.type_

        field_meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_meta, Unset):
            field_meta = self.field_meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail
        if type_ is not UNSET:
            field_dict["type"] = type_
        if field_meta is not UNSET:
            field_dict["_meta"] = field_meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v2_error_item_meta import V2ErrorItemMeta

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        detail = d.pop("detail", UNSET)

        type_ = d.pop("type", UNSET)

        _field_meta = d.pop("_meta", UNSET)
        field_meta: V2ErrorItemMeta | Unset
        if isinstance(_field_meta, Unset):
            field_meta = UNSET
        else:
            field_meta = V2ErrorItemMeta.from_dict(_field_meta)

        v2_error_item = cls(
            title=title,
            detail=detail,
            type_=type_,
            field_meta=field_meta,
        )

        v2_error_item.additional_properties = d
        return v2_error_item

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
