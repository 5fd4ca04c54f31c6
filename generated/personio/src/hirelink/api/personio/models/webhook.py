from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Webhook")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "url",
        "status",
        "auth_type",
        "enabled_events",
        "custom_header_names",
        "description",
        "created_at",
        "updated_at",
    }
)


@_attrs_define
class Webhook:
    """A webhook. The member names besides `status` and `auth_type` are our reading; tokens and header values are never
    returned.

        Attributes:
            id (str | Unset):
            url (str | Unset):
            status (str | Unset): `ENABLED` or `DISABLED` (open set of values).
            auth_type (str | Unset): `NONE`, `TOKEN` or `CUSTOM` (open set of values).
            enabled_events (list[str] | Unset):
            custom_header_names (list[str] | Unset): The names of the custom headers (their values are not shown).
            description (None | str | Unset):
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
    """

    id: str | Unset = UNSET
    url: str | Unset = UNSET
    status: str | Unset = UNSET
    auth_type: str | Unset = UNSET
    enabled_events: list[str] | Unset = UNSET
    custom_header_names: list[str] | Unset = UNSET
    description: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        url = self.url

        status = self.status

        auth_type = self.auth_type

        enabled_events: list[str] | Unset = UNSET
        if not isinstance(self.enabled_events, Unset):
            enabled_events = self.enabled_events

        custom_header_names: list[str] | Unset = UNSET
        if not isinstance(self.custom_header_names, Unset):
            custom_header_names = self.custom_header_names

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if status is not UNSET:
            field_dict["status"] = status
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if enabled_events is not UNSET:
            field_dict["enabled_events"] = enabled_events
        if custom_header_names is not UNSET:
            field_dict["custom_header_names"] = custom_header_names
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        url = _src_get("url", UNSET)
        status = _src_get("status", UNSET)
        auth_type = _src_get("auth_type", UNSET)
        enabled_events = _src_get("enabled_events", UNSET)
        custom_header_names = _src_get("custom_header_names", UNSET)
        description = _src_get("description", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            _updated_at if _updated_at is UNSET else stamp_or_unset(_updated_at)
        )
        _instance_ = cls(
            id,
            url,
            status,
            auth_type,
            enabled_events,
            custom_header_names,
            description,
            created_at,
            updated_at,
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
