from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        candidate = CandidateUpdateFields.from_dict(src_dict["candidate"])
        _instance_ = cls(
            candidate,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_update_fields import CandidateUpdateFields
