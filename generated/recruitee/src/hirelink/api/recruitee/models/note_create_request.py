from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NoteCreateRequest")


@_attrs_define
class NoteCreateRequest:
    """
    Attributes:
        note (NoteCreateFields):
    """

    note: NoteCreateFields

    def to_dict(self) -> dict[str, Any]:
        note = self.note.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        note = NoteCreateFields.from_dict(src_dict["note"])
        _instance_ = cls(
            note,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.note_create_fields import NoteCreateFields
