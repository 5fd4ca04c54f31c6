from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplicationJob")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "title",
        "externalId",
    }
)


@_attrs_define
class ApplicationJob:
    """The job applied to.

    Attributes:
        id (int | Unset):
        title (None | str | Unset):
        external_id (None | str | Unset):
    """

    id: int | Unset = UNSET
    title: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if external_id is not UNSET:
            field_dict["externalId"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        title = _src_get("title", UNSET)
        external_id = _src_get("externalId", UNSET)
        _instance_ = cls(
            id,
            title,
            external_id,
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
