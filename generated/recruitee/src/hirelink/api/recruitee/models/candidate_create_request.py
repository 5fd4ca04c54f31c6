from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate_create_fields import CandidateCreateFields


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
        from ..models.candidate_create_fields import CandidateCreateFields

        d = dict(src_dict)
        candidate = CandidateCreateFields.from_dict(d.pop("candidate"))

        offers = cast(list[int], d.pop("offers", UNSET))

        candidate_create_request = cls(
            candidate=candidate,
            offers=offers,
        )

        return candidate_create_request
