from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Note")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "candidate_id",
        "body",
        "body_html",
        "created_at",
        "updated_at",
        "pinned_at",
        "visibility",
    }
)


@_attrs_define
class Note:
    """A note on a candidate. The list and create endpoints are confirmed, but the note's properties are known from a
    single client only.

        Attributes:
            id (int | Unset):
            candidate_id (int | Unset):
            body (None | str | Unset): Plain-text content.
            body_html (None | str | Unset): HTML rendering of the content.
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            pinned_at (datetime.datetime | None | Unset):
            visibility (NoteVisibility | Unset): Who can read the note, as returned by the API.
    """

    id: int | Unset = UNSET
    candidate_id: int | Unset = UNSET
    body: None | str | Unset = UNSET
    body_html: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    pinned_at: datetime.datetime | None | Unset = UNSET
    visibility: NoteVisibility | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        candidate_id = self.candidate_id

        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        body_html: None | str | Unset
        if isinstance(self.body_html, Unset):
            body_html = UNSET
        else:
            body_html = self.body_html

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        pinned_at: None | str | Unset
        if isinstance(self.pinned_at, Unset):
            pinned_at = UNSET
        elif isinstance(self.pinned_at, datetime.datetime):
            pinned_at = self.pinned_at.isoformat()
        else:
            pinned_at = self.pinned_at

        visibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if candidate_id is not UNSET:
            field_dict["candidate_id"] = candidate_id
        if body is not UNSET:
            field_dict["body"] = body
        if body_html is not UNSET:
            field_dict["body_html"] = body_html
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if pinned_at is not UNSET:
            field_dict["pinned_at"] = pinned_at
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        candidate_id = _src_get("candidate_id", UNSET)
        body = _src_get("body", UNSET)
        body_html = _src_get("body_html", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            _updated_at if _updated_at is UNSET else stamp_or_unset(_updated_at)
        )
        _pinned_at = _src_get("pinned_at", UNSET)
        pinned_at: datetime.datetime | None | Unset = (
            _pinned_at
            if _pinned_at is None or _pinned_at is UNSET
            else stamp_or_unset(_pinned_at)
        )
        _visibility = _src_get("visibility", UNSET)
        visibility: NoteVisibility | Unset = (
            UNSET if _visibility is UNSET else NoteVisibility.from_dict(_visibility)
        )
        _instance_ = cls(
            id,
            candidate_id,
            body,
            body_html,
            created_at,
            updated_at,
            pinned_at,
            visibility,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["created_at"] = _created_at
        if updated_at is UNSET and _updated_at is not UNSET:
            _instance_.additional_properties["updated_at"] = _updated_at
        if pinned_at is UNSET and _pinned_at is not UNSET:
            _instance_.additional_properties["pinned_at"] = _pinned_at
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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.note_visibility import NoteVisibility
