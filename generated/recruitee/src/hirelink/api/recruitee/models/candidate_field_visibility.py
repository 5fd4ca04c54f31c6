from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CandidateFieldVisibility")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "level",
        "admin_ids",
        "role_ids",
    }
)


@_attrs_define
class CandidateFieldVisibility:
    """Who may see the field.

    Attributes:
        level (str | Unset): Visibility level (open set of values).
        admin_ids (list[int] | Unset):
        role_ids (list[int] | Unset):
    """

    level: str | Unset = UNSET
    admin_ids: list[int] | Unset = UNSET
    role_ids: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        level = self.level

        admin_ids: list[int] | Unset = UNSET
        if not isinstance(self.admin_ids, Unset):
            admin_ids = self.admin_ids

        role_ids: list[int] | Unset = UNSET
        if not isinstance(self.role_ids, Unset):
            role_ids = self.role_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if level is not UNSET:
            field_dict["level"] = level
        if admin_ids is not UNSET:
            field_dict["admin_ids"] = admin_ids
        if role_ids is not UNSET:
            field_dict["role_ids"] = role_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        level = _src_get("level", UNSET)
        admin_ids = _src_get("admin_ids", UNSET)
        role_ids = _src_get("role_ids", UNSET)
        _instance_ = cls(
            level,
            admin_ids,
            role_ids,
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
