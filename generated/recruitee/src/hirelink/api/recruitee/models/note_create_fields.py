from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        body = src_dict["body"]
        _visibility = _src_get("visibility", UNSET)
        visibility: NoteVisibilityInput | Unset = (
            UNSET
            if _visibility is UNSET
            else NoteVisibilityInput.from_dict(_visibility)
        )
        _instance_ = cls(
            body,
            visibility,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.note_visibility_input import NoteVisibilityInput
