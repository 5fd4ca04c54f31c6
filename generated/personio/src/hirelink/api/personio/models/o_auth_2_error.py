from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuth2Error")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "error",
        "error_description",
        "error_uri",
        "timestamp",
        "trace_id",
        "meta",
    }
)


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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        error = src_dict["error"]
        error_description = _src_get("error_description", UNSET)
        error_uri = _src_get("error_uri", UNSET)
        timestamp = _src_get("timestamp", UNSET)
        trace_id = _src_get("trace_id", UNSET)
        _meta = _src_get("meta", UNSET)
        meta: OAuth2ErrorMeta | Unset = (
            UNSET if _meta is UNSET else OAuth2ErrorMeta.from_dict(_meta)
        )
        _instance_ = cls(
            error,
            error_description,
            error_uri,
            timestamp,
            trace_id,
            meta,
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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.o_auth_2_error_meta import OAuth2ErrorMeta
