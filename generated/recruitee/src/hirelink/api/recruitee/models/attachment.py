from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Attachment")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "candidate_id",
        "filename",
        "file_url",
        "content_type",
    }
)


@_attrs_define
class Attachment:
    """A file on a candidate's profile (members per SL2; inferred).

    Attributes:
        id (int | Unset):
        candidate_id (int | None | Unset):
        filename (None | str | Unset):
        file_url (None | str | Unset):
        content_type (None | str | Unset):
    """

    id: int | Unset = UNSET
    candidate_id: int | None | Unset = UNSET
    filename: None | str | Unset = UNSET
    file_url: None | str | Unset = UNSET
    content_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        candidate_id: int | None | Unset
        if isinstance(self.candidate_id, Unset):
            candidate_id = UNSET
        else:
            candidate_id = self.candidate_id

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        file_url: None | str | Unset
        if isinstance(self.file_url, Unset):
            file_url = UNSET
        else:
            file_url = self.file_url

        content_type: None | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        else:
            content_type = self.content_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if candidate_id is not UNSET:
            field_dict["candidate_id"] = candidate_id
        if filename is not UNSET:
            field_dict["filename"] = filename
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if content_type is not UNSET:
            field_dict["content_type"] = content_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        candidate_id = _src_get("candidate_id", UNSET)
        filename = _src_get("filename", UNSET)
        file_url = _src_get("file_url", UNSET)
        content_type = _src_get("content_type", UNSET)
        _instance_ = cls(
            id,
            candidate_id,
            filename,
            file_url,
            content_type,
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
