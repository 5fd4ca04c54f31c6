from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewCandidate")


@_attrs_define
class NewCandidate:
    """
    Attributes:
        first_name (str):
        last_name (str):
        email (str):
        phone (str | Unset): International format with a leading `+`. The one commercial integration adds the `+` when
            it is missing, which suggests JOIN insists on it.
    """

    first_name: str
    last_name: str
    email: str
    phone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "firstName": first_name,
                "lastName": last_name,
                "email": email,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        first_name = src_dict["firstName"]
        last_name = src_dict["lastName"]
        email = src_dict["email"]
        phone = _src_get("phone", UNSET)
        _instance_ = cls(
            first_name,
            last_name,
            email,
            phone,
        )

        return _instance_
