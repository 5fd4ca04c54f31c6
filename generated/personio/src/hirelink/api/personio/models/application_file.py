from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.application_file_category import ApplicationFileCategory

T = TypeVar("T", bound="ApplicationFile")


@_attrs_define
class ApplicationFile:
    """
    Attributes:
        uuid (UUID): The `uuid` returned by the upload.
        original_filename (str):
        category (ApplicationFileCategory):
    """

    uuid: UUID
    original_filename: str
    category: ApplicationFileCategory

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        uuid = str(self.uuid)

        original_filename = self.original_filename

        category = self.category.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "uuid": uuid,
                "original_filename": original_filename,
                "category": category,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        uuid = UUID(src_dict["uuid"])
        original_filename = src_dict["original_filename"]
        category = ApplicationFileCategory(src_dict["category"])
        _instance_ = cls(
            uuid,
            original_filename,
            category,
        )

        return _instance_
