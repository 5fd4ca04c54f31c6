from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="CandidateList")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "candidates",
        "generated_at",
        "references",
    }
)


@_attrs_define
class CandidateList:
    """Response of GET /candidates.

    Attributes:
        candidates (list[CandidateListItem]):
        generated_at (datetime.datetime | Unset): Server time at which the list was produced; usable as the next
            `created_after` when polling for new candidates.
        references (list[AdminReference | OfferReference | StageReference | UnknownReference] | Unset): Side-loaded
            objects (offers, stages, admins) that list items point to.
    """

    candidates: list[CandidateListItem]
    generated_at: datetime.datetime | Unset = UNSET
    references: (
        list[AdminReference | OfferReference | StageReference | UnknownReference]
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)

        generated_at: str | Unset = UNSET
        if not isinstance(self.generated_at, Unset):
            generated_at = self.generated_at.isoformat()

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
                "candidates": candidates,
            }
        )
        if generated_at is not UNSET:
            field_dict["generated_at"] = generated_at
        if references is not UNSET:
            field_dict["references"] = references

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        candidates = list(map(CandidateListItem.from_dict, src_dict["candidates"]))
        _generated_at = _src_get("generated_at", UNSET)
        generated_at: datetime.datetime | Unset = (
            _generated_at if _generated_at is UNSET else stamp_or_unset(_generated_at)
        )
        _references = _src_get("references", UNSET)
        references: (
            list[AdminReference | OfferReference | StageReference | UnknownReference]
            | Unset
        ) = (
            UNSET
            if _references is UNSET
            else list(map(_parse_references_item, _references))
        )
        _instance_ = cls(
            candidates,
            generated_at,
            references,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if generated_at is UNSET and _generated_at is not UNSET:
            _instance_.additional_properties["generated_at"] = _generated_at
        return _instance_

    @property
    def additional_keys(self) -> list[str]:
        """The keys of the answer that the spec does not name (``obj[key]`` reads each)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


def _parse_references_item(
    data: object,
) -> AdminReference | OfferReference | StageReference | UnknownReference:
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_reference_type_0 = OfferReference.from_dict(data)

        return componentsschemas_reference_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_reference_type_1 = StageReference.from_dict(data)

        return componentsschemas_reference_type_1
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_reference_type_2 = AdminReference.from_dict(data)

        return componentsschemas_reference_type_2
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_reference_type_3 = UnknownReference.from_dict(data)

    return componentsschemas_reference_type_3


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.admin_reference import AdminReference
from ..models.candidate_list_item import CandidateListItem
from ..models.offer_reference import OfferReference
from ..models.stage_reference import StageReference
from ..models.unknown_reference import UnknownReference
