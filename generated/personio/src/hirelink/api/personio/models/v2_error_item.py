from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V2ErrorItem")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "title",
        "detail",
        "type",
        "_meta",
    }
)


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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        title = _src_get("title", UNSET)
        detail = _src_get("detail", UNSET)
        type_ = _src_get("type", UNSET)
        _field_meta = _src_get("_meta", UNSET)
        field_meta: V2ErrorItemMeta | Unset = (
            UNSET if _field_meta is UNSET else V2ErrorItemMeta.from_dict(_field_meta)
        )
        _instance_ = cls(
            title,
            detail,
            type_,
            field_meta,
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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.v2_error_item_meta import V2ErrorItemMeta
