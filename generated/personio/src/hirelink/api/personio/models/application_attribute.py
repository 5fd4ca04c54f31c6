from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ApplicationAttribute")


@_attrs_define
class ApplicationAttribute:
    """
    Attributes:
        id (str): `birthday`, `gender`, `location`, `phone`, `available_from`, `salary_expectations` or
            `custom_attribute_<n>`.
        value (str):
    """

    id: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        id = src_dict["id"]
        value = src_dict["value"]
        _instance_ = cls(
            id,
            value,
        )

        return _instance_
