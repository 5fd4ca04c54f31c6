from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CandidateCreateRequest")


@_attrs_define
class CandidateCreateRequest:
    """
    Attributes:
        candidate (CandidateCreateFields):
        offers (list[int] | Unset): Ids of offers to place the new candidate in, each at its default stage.
    """

    candidate: CandidateCreateFields
    offers: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        candidate = self.candidate.to_dict()

        offers: list[int] | Unset = UNSET
        if not isinstance(self.offers, Unset):
            offers = self.offers

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "candidate": candidate,
            }
        )
        if offers is not UNSET:
            field_dict["offers"] = offers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        candidate = CandidateCreateFields.from_dict(src_dict["candidate"])
        offers = _src_get("offers", UNSET)
        _instance_ = cls(
            candidate,
            offers,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_create_fields import CandidateCreateFields
