from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.note_create_fields import NoteCreateFields


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
        from ..models.note_create_fields import NoteCreateFields

        d = dict(src_dict)
        note = NoteCreateFields.from_dict(d.pop("note"))

        note_create_request = cls(
            note=note,
        )

        return note_create_request
