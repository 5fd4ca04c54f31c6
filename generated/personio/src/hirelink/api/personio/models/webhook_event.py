from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="WebhookEvent")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "event_name",
        "occurred_at",
        "status",
        "attempts",
        "payload",
    }
)


@_attrs_define
class WebhookEvent:
    """One event of a webhook's 30-day history, with how its delivery went. The member names are our reading.

    Attributes:
        id (str | Unset):
        event_name (str | Unset):
        occurred_at (datetime.datetime | Unset):
        status (str | Unset): `PENDING`, `DELIVERED` or `FAILED` (names inferred).
        attempts (int | Unset):
        payload (WebhookEventPayload | Unset):
    """

    id: str | Unset = UNSET
    event_name: str | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    status: str | Unset = UNSET
    attempts: int | Unset = UNSET
    payload: WebhookEventPayload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        event_name = self.event_name

        occurred_at: str | Unset = UNSET
        if not isinstance(self.occurred_at, Unset):
            occurred_at = self.occurred_at.isoformat()

        status = self.status

        attempts = self.attempts

        payload: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payload, Unset):
            payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if event_name is not UNSET:
            field_dict["event_name"] = event_name
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if status is not UNSET:
            field_dict["status"] = status
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if payload is not UNSET:
            field_dict["payload"] = payload

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        event_name = _src_get("event_name", UNSET)
        _occurred_at = _src_get("occurred_at", UNSET)
        occurred_at: datetime.datetime | Unset = (
            _occurred_at if _occurred_at is UNSET else stamp_or_unset(_occurred_at)
        )
        status = _src_get("status", UNSET)
        attempts = _src_get("attempts", UNSET)
        _payload = _src_get("payload", UNSET)
        payload: WebhookEventPayload | Unset = (
            UNSET if _payload is UNSET else WebhookEventPayload.from_dict(_payload)
        )
        _instance_ = cls(
            id,
            event_name,
            occurred_at,
            status,
            attempts,
            payload,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if occurred_at is UNSET and _occurred_at is not UNSET:
            _instance_.additional_properties["occurred_at"] = _occurred_at
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
from ..models.webhook_event_payload import WebhookEventPayload
