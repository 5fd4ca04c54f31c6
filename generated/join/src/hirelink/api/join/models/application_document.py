from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.document_type import DocumentType

T = TypeVar("T", bound="ApplicationDocument")


@_attrs_define
class ApplicationDocument:
    """
    Attributes:
        type_ (DocumentType):
        name (str): The file name; JOIN presumably derives the file type from its extension.
        data (str): The file's bytes, standard base64 without a `data:` prefix. JOIN publishes no size limit; hirelink
            assumes 10 MiB per file (13,981,016 base64 characters).
    """

    type_: DocumentType
    name: str
    data: str

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        type_ = self.type_.value

        name = self.name

        data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "name": name,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        type_ = DocumentType(src_dict["type"])
        name = src_dict["name"]
        data = src_dict["data"]
        _instance_ = cls(
            type_,
            name,
            data,
        )

        return _instance_
