from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlacementCreateRequest")


@_attrs_define
class PlacementCreateRequest:
    """
    Attributes:
        candidate_id (int):
        offer_id (int): The job (or talent pool) to place the candidate in.
    """

    candidate_id: int
    offer_id: int

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        candidate_id = self.candidate_id

        offer_id = self.offer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "candidate_id": candidate_id,
                "offer_id": offer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        candidate_id = src_dict["candidate_id"]
        offer_id = src_dict["offer_id"]
        _instance_ = cls(
            candidate_id,
            offer_id,
        )

        return _instance_
