from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Office")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "streetName",
        "streetNumber",
        "postalCode",
        "city",
        "countryIso",
        "isDefault",
    }
)


@_attrs_define
class Office:
    """
    Attributes:
        id (int):
        name (None | str | Unset):
        street_name (None | str | Unset):
        street_number (None | str | Unset):
        postal_code (None | str | Unset):
        city (None | str | Unset):
        country_iso (None | str | Unset): ISO 3166-1 alpha-2 (letter case not known).
        is_default (bool | None | Unset):
    """

    id: int
    name: None | str | Unset = UNSET
    street_name: None | str | Unset = UNSET
    street_number: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    country_iso: None | str | Unset = UNSET
    is_default: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        street_name: None | str | Unset
        if isinstance(self.street_name, Unset):
            street_name = UNSET
        else:
            street_name = self.street_name

        street_number: None | str | Unset
        if isinstance(self.street_number, Unset):
            street_number = UNSET
        else:
            street_number = self.street_number

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country_iso: None | str | Unset
        if isinstance(self.country_iso, Unset):
            country_iso = UNSET
        else:
            country_iso = self.country_iso

        is_default: bool | None | Unset
        if isinstance(self.is_default, Unset):
            is_default = UNSET
        else:
            is_default = self.is_default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if street_name is not UNSET:
            field_dict["streetName"] = street_name
        if street_number is not UNSET:
            field_dict["streetNumber"] = street_number
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if country_iso is not UNSET:
            field_dict["countryIso"] = country_iso
        if is_default is not UNSET:
            field_dict["isDefault"] = is_default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        name = _src_get("name", UNSET)
        street_name = _src_get("streetName", UNSET)
        street_number = _src_get("streetNumber", UNSET)
        postal_code = _src_get("postalCode", UNSET)
        city = _src_get("city", UNSET)
        country_iso = _src_get("countryIso", UNSET)
        is_default = _src_get("isDefault", UNSET)
        _instance_ = cls(
            id,
            name,
            street_name,
            street_number,
            postal_code,
            city,
            country_iso,
            is_default,
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
