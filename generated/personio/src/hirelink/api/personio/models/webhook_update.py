from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_auth_type import WebhookAuthType
from ..models.webhook_status import WebhookStatus
from ..types import UNSET, Unset


def _masked(value: object) -> str:
    """A secret's place in ``repr``: ``'***'`` once it holds a value."""
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


T = TypeVar("T", bound="WebhookUpdate")


@_attrs_define
class WebhookUpdate:
    """The members to change; `status` enables or disables the webhook.

    Attributes:
        url (str | Unset):
        status (WebhookStatus | Unset): A new webhook is `DISABLED` until enabled.
        auth_type (WebhookAuthType | Unset): What each delivery carries: nothing, `token` verbatim in `Authorization`,
            or up to three custom headers.
        token (str | Unset):
        custom_headers (list[WebhookHeader] | Unset):
        enabled_events (list[str] | Unset):
        description (str | Unset):
    """

    url: str | Unset = UNSET
    status: WebhookStatus | Unset = UNSET
    auth_type: WebhookAuthType | Unset = UNSET
    token: str | Unset = _attrs_field(default=UNSET, repr=_masked)
    custom_headers: list[WebhookHeader] | Unset = UNSET
    enabled_events: list[str] | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        url = self.url

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

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

        enabled_events: list[str] | Unset = UNSET
        if not isinstance(self.enabled_events, Unset):
            enabled_events = self.enabled_events

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if status is not UNSET:
            field_dict["status"] = status
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if token is not UNSET:
            field_dict["token"] = token
        if custom_headers is not UNSET:
            field_dict["custom_headers"] = custom_headers
        if enabled_events is not UNSET:
            field_dict["enabled_events"] = enabled_events
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        url = _src_get("url", UNSET)
        _status = _src_get("status", UNSET)
        status: WebhookStatus | Unset = (
            UNSET if _status is UNSET else WebhookStatus(_status)
        )
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
        enabled_events = _src_get("enabled_events", UNSET)
        description = _src_get("description", UNSET)
        _instance_ = cls(
            url,
            status,
            auth_type,
            token,
            custom_headers,
            enabled_events,
            description,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.webhook_header import WebhookHeader
