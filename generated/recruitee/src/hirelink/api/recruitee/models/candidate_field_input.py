from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.candidate_field_input_kind import CandidateFieldInputKind

T = TypeVar("T", bound="CandidateFieldInput")


@_attrs_define
class CandidateFieldInput:
    """One profile field to write. The kinds and the entry shape per kind (`{text}` for `single_line`, `{flag}` for
    `boolean`, `{date}` for `date`) are our assumption, modelled on the built-in fields Recruitee returns.

        Attributes:
            kind (CandidateFieldInputKind):
            name (str):
            values (list[CandidateFieldInputValuesItem]):
    """

    kind: CandidateFieldInputKind
    name: str
    values: list[CandidateFieldInputValuesItem]

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        kind = self.kind.value

        name = self.name

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        kind = CandidateFieldInputKind(src_dict["kind"])
        name = src_dict["name"]
        values = list(map(CandidateFieldInputValuesItem.from_dict, src_dict["values"]))
        _instance_ = cls(
            kind,
            name,
            values,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_field_input_values_item import CandidateFieldInputValuesItem
