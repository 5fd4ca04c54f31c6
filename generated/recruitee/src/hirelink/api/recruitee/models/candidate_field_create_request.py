from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CandidateFieldCreateRequest")


@_attrs_define
class CandidateFieldCreateRequest:
    """
    Attributes:
        field (CandidateFieldInput): One profile field to write. The kinds and the entry shape per kind (`{text}` for
            `single_line`, `{flag}` for `boolean`, `{date}` for `date`) are our assumption, modelled on the built-in fields
            Recruitee returns.
    """

    field: CandidateFieldInput

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        field = self.field.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        field = CandidateFieldInput.from_dict(src_dict["field"])
        _instance_ = cls(
            field,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_field_input import CandidateFieldInput
