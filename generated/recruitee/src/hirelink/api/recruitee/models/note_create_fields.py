from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.note_visibility_input import NoteVisibilityInput


T = TypeVar("T", bound="NoteCreateFields")


@_attrs_define
class NoteCreateFields:
    """
    Attributes:
        body (str): Plain-text content of the note.
        visibility (NoteVisibilityInput | Unset):
    """

    body: str
    visibility: NoteVisibilityInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        visibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.note_visibility_input import NoteVisibilityInput

        d = dict(src_dict)
        body = d.pop("body")

        _visibility = d.pop("visibility", UNSET)
        visibility: NoteVisibilityInput | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = NoteVisibilityInput.from_dict(_visibility)

        note_create_fields = cls(
            body=body,
            visibility=visibility,
        )

        return note_create_fields
