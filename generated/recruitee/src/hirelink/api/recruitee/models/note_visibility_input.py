from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.note_visibility_input_level import NoteVisibilityInputLevel

T = TypeVar("T", bound="NoteVisibilityInput")


@_attrs_define
class NoteVisibilityInput:
    """
    Attributes:
        level (NoteVisibilityInputLevel): `public` is the value working clients send. `private` is offered by one
            connector only and another client says only `public` is documented, so `private` may be rejected or ignored.
    """

    level: NoteVisibilityInputLevel

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        level = self.level.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        level = NoteVisibilityInputLevel(src_dict["level"])
        _instance_ = cls(
            level,
        )

        return _instance_
