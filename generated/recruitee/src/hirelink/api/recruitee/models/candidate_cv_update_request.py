from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.candidate_cv_fields import CandidateCvFields


T = TypeVar("T", bound="CandidateCvUpdateRequest")


@_attrs_define
class CandidateCvUpdateRequest:
    """
    Attributes:
        candidate (CandidateCvFields):
    """

    candidate: CandidateCvFields

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
        from ..models.candidate_cv_fields import CandidateCvFields

        d = dict(src_dict)
        candidate = CandidateCvFields.from_dict(d.pop("candidate"))

        candidate_cv_update_request = cls(
            candidate=candidate,
        )

        return candidate_cv_update_request
