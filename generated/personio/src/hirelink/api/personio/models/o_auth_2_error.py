from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.o_auth_2_error_meta import OAuth2ErrorMeta


T = TypeVar("T", bound="OAuth2Error")


@_attrs_define
class OAuth2Error:
    """
    Attributes:
        error (str): OAuth 2.0 error code (open set).
        error_description (None | str | Unset):
        error_uri (None | str | Unset):
        timestamp (str | Unset):
        trace_id (str | Unset):
        meta (OAuth2ErrorMeta | Unset): Extra details, e.g. `missing_parameters`.
    """

    error: str
    error_description: None | str | Unset = UNSET
    error_uri: None | str | Unset = UNSET
    timestamp: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    meta: OAuth2ErrorMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_description: None | str | Unset
        if isinstance(self.error_description, Unset):
            error_description = UNSET
        else:
            error_description = self.error_description

        error_uri: None | str | Unset
        if isinstance(self.error_uri, Unset):
            error_uri = UNSET
        else:
            error_uri = self.error_uri

        timestamp = self.timestamp

        trace_id = self.trace_id

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description
        if error_uri is not UNSET:
            field_dict["error_uri"] = error_uri
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if meta is not UNSET:
            field_dict["meta"] = meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.o_auth_2_error_meta import OAuth2ErrorMeta

        d = dict(src_dict)
        error = d.pop("error")

        def _parse_error_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_description = _parse_error_description(d.pop("error_description", UNSET))

        def _parse_error_uri(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_uri = _parse_error_uri(d.pop("error_uri", UNSET))

        timestamp = d.pop("timestamp", UNSET)

        trace_id = d.pop("trace_id", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: OAuth2ErrorMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = OAuth2ErrorMeta.from_dict(_meta)

        o_auth_2_error = cls(
            error=error,
            error_description=error_description,
            error_uri=error_uri,
            timestamp=timestamp,
            trace_id=trace_id,
            meta=meta,
        )

        o_auth_2_error.additional_properties = d
        return o_auth_2_error

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
