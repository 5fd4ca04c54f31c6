from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="CustomPhase")


@_attrs_define
class CustomPhase:
    """
    Attributes:
        type_ (Literal['custom']):
        id (int): Id of a phase configured under Settings, Recruiting, Phases.
    """

    type_: Literal["custom"]
    id: int

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        type_ = self.type_

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        type_ = cast(Literal["custom"], src_dict["type"])
        if type_ != "custom":
            raise ValueError(f"type must match const 'custom', got '{type_}'")
        id = src_dict["id"]
        _instance_ = cls(
            type_,
            id,
        )

        return _instance_
