from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_auth_type import WebhookAuthType
from ..types import UNSET, Unset


def _masked(value: object) -> str:
    """A secret's place in ``repr``: ``'***'`` once it holds a value."""
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


T = TypeVar("T", bound="WebhookCreate")


@_attrs_define
class WebhookCreate:
    """A new webhook. `token` goes with `auth_type` `TOKEN`, `custom_headers` (at most three) with `CUSTOM`; the member
    names are our reading.

        Attributes:
            url (str):
            enabled_events (list[str]):
            auth_type (WebhookAuthType | Unset): What each delivery carries: nothing, `token` verbatim in `Authorization`,
                or up to three custom headers.
            token (str | Unset):
            custom_headers (list[WebhookHeader] | Unset):
            description (str | Unset):
    """

    url: str
    enabled_events: list[str]
    auth_type: WebhookAuthType | Unset = UNSET
    token: str | Unset = _attrs_field(default=UNSET, repr=_masked)
    custom_headers: list[WebhookHeader] | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        url = self.url

        enabled_events = self.enabled_events

        auth_type: str | Unset = UNSET
        if not isinstance(self.auth_type, Unset):
            auth_type = self.auth_type.value

        token = self.token

        custom_headers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_headers, Unset):
            custom_headers = []
            for custom_headers_item_data in self.custom_headers:
                custom_headers_item = custom_headers_item_data.to_dict()
                custom_headers.append(custom_headers_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "enabled_events": enabled_events,
            }
        )
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if token is not UNSET:
            field_dict["token"] = token
        if custom_headers is not UNSET:
            field_dict["custom_headers"] = custom_headers
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        url = src_dict["url"]
        enabled_events = src_dict["enabled_events"]
        _auth_type = _src_get("auth_type", UNSET)
        auth_type: WebhookAuthType | Unset = (
            UNSET if _auth_type is UNSET else WebhookAuthType(_auth_type)
        )
        token = _src_get("token", UNSET)
        _custom_headers = _src_get("custom_headers", UNSET)
        custom_headers: list[WebhookHeader] | Unset = (
            UNSET
            if _custom_headers is UNSET
            else list(map(WebhookHeader.from_dict, _custom_headers))
        )
        description = _src_get("description", UNSET)
        _instance_ = cls(
            url,
            enabled_events,
            auth_type,
            token,
            custom_headers,
            description,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.webhook_header import WebhookHeader
