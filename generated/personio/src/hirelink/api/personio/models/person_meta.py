from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_meta_links import PersonMetaLinks


T = TypeVar("T", bound="PersonMeta")


@_attrs_define
class PersonMeta:
    """
    Attributes:
        links (PersonMetaLinks | Unset):
    """

    links: PersonMetaLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.person_meta_links import PersonMetaLinks

        d = dict(src_dict)
        _links = d.pop("links", UNSET)
        links: PersonMetaLinks | Unset
        if isinstance(_links, Unset):
            links = UNSET
        else:
            links = PersonMetaLinks.from_dict(_links)

        person_meta = cls(
            links=links,
        )

        person_meta.additional_properties = d
        return person_meta

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
