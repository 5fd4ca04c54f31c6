from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlacementDisqualifyRequest")


@_attrs_define
class PlacementDisqualifyRequest:
    """
    Attributes:
        disqualify_reason_id (int):
    """

    disqualify_reason_id: int

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        disqualify_reason_id = self.disqualify_reason_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "disqualify_reason_id": disqualify_reason_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        disqualify_reason_id = src_dict["disqualify_reason_id"]
        _instance_ = cls(
            disqualify_reason_id,
        )

        return _instance_
