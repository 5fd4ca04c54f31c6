from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NoteCreateRequest")


@_attrs_define
class NoteCreateRequest:
    """
    Attributes:
        content (str): Plain text or HTML.
    """

    content: str

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        content = src_dict["content"]
        _instance_ = cls(
            content,
        )

        return _instance_
