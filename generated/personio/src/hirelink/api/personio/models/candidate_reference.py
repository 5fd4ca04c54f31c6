from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CandidateReference")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "email",
        "first_name",
        "last_name",
        "gender",
    }
)


@_attrs_define
class CandidateReference:
    """
    Attributes:
        id (str | Unset):
        email (str | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        gender (None | str | Unset):
    """

    id: str | Unset = UNSET
    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    gender: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if gender is not UNSET:
            field_dict["gender"] = gender

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        email = _src_get("email", UNSET)
        first_name = _src_get("first_name", UNSET)
        last_name = _src_get("last_name", UNSET)
        gender = _src_get("gender", UNSET)
        _instance_ = cls(
            id,
            email,
            first_name,
            last_name,
            gender,
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
