from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_reference import AdminReference
    from ..models.candidate import Candidate
    from ..models.offer_reference import OfferReference
    from ..models.stage_reference import StageReference
    from ..models.unknown_reference import UnknownReference


T = TypeVar("T", bound="CandidateEnvelope")


@_attrs_define
class CandidateEnvelope:
    """Wrapper returned by the single-candidate endpoints.

    Attributes:
        candidate (Candidate): The full candidate returned by the single-candidate endpoints: every property of
            CandidateListItem plus the profile details below.
        references (list[AdminReference | OfferReference | StageReference | UnknownReference] | Unset):
    """

    candidate: Candidate
    references: (
        list[AdminReference | OfferReference | StageReference | UnknownReference]
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.admin_reference import AdminReference
        from ..models.offer_reference import OfferReference
        from ..models.stage_reference import StageReference

        candidate = self.candidate.to_dict()

        references: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.references, Unset):
            references = []
            for references_item_data in self.references:
                references_item: dict[str, Any]
                if (
                    isinstance(references_item_data, OfferReference)
                    or isinstance(references_item_data, StageReference)
                    or isinstance(references_item_data, AdminReference)
                ):
                    references_item = references_item_data.to_dict()
                else:
                    references_item = references_item_data.to_dict()

                references.append(references_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "candidate": candidate,
            }
        )
        if references is not UNSET:
            field_dict["references"] = references

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.admin_reference import AdminReference
        from ..models.candidate import Candidate
        from ..models.offer_reference import OfferReference
        from ..models.stage_reference import StageReference
        from ..models.unknown_reference import UnknownReference

        d = dict(src_dict)
        candidate = Candidate.from_dict(d.pop("candidate"))

        _references = d.pop("references", UNSET)
        references: (
            list[AdminReference | OfferReference | StageReference | UnknownReference]
            | Unset
        ) = UNSET
        if _references is not UNSET:
            references = []
            for references_item_data in _references:

                def _parse_references_item(
                    data: object,
                ) -> (
                    AdminReference | OfferReference | StageReference | UnknownReference
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_reference_type_0 = OfferReference.from_dict(
                            data
                        )

                        return componentsschemas_reference_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_reference_type_1 = StageReference.from_dict(
                            data
                        )

                        return componentsschemas_reference_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_reference_type_2 = AdminReference.from_dict(
                            data
                        )

                        return componentsschemas_reference_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_reference_type_3 = UnknownReference.from_dict(
                        data
                    )

                    return componentsschemas_reference_type_3

                references_item = _parse_references_item(references_item_data)

                references.append(references_item)

        candidate_envelope = cls(
            candidate=candidate,
            references=references,
        )

        candidate_envelope.additional_properties = d
        return candidate_envelope

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
