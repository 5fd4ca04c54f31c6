from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadedDocument")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "uuid",
        "size",
        "mimetype",
        "original_filename",
        "extension",
    }
)


@_attrs_define
class UploadedDocument:
    """A stored document, ready to be referenced by an application.

    Attributes:
        uuid (UUID):
        size (int): Size in bytes.
        mimetype (str): The MIME type Personio detected.
        original_filename (str):
        extension (str): The file type (open set; Personio's own enum lists the upload types, with `ptt` where `ppt` is
            meant).
    """

    uuid: UUID
    size: int
    mimetype: str
    original_filename: str
    extension: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        uuid = str(self.uuid)

        size = self.size

        mimetype = self.mimetype

        original_filename = self.original_filename

        extension = self.extension

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
                "size": size,
                "mimetype": mimetype,
                "original_filename": original_filename,
                "extension": extension,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        uuid = UUID(src_dict["uuid"])
        size = src_dict["size"]
        mimetype = src_dict["mimetype"]
        original_filename = src_dict["original_filename"]
        extension = src_dict["extension"]
        _instance_ = cls(
            uuid,
            size,
            mimetype,
            original_filename,
            extension,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        return _instance_

    @property
    def additional_keys(self) -> list[str]:
        """The keys of the answer that the spec does not name (``obj[key]`` reads each)."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
