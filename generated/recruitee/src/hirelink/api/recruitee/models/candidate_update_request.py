from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.candidate_update_fields import CandidateUpdateFields


T = TypeVar("T", bound="CandidateUpdateRequest")


@_attrs_define
class CandidateUpdateRequest:
    """
    Attributes:
        candidate (CandidateUpdateFields): Profile properties to change; at least one must be present. Arrays replace
            the stored values (assumed; see updateCandidate).
    """

    candidate: CandidateUpdateFields

    def to_dict(self) -> dict[str, Any]:
        candidate = self.candidate.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "candidate": candidate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.candidate_update_fields import CandidateUpdateFields

        d = dict(src_dict)
        candidate = CandidateUpdateFields.from_dict(d.pop("candidate"))

        candidate_update_request = cls(
            candidate=candidate,
        )

        return candidate_update_request
