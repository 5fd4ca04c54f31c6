from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


def _masked(value: object) -> str:
    """A secret's place in ``repr``: ``'***'`` once it holds a value."""
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


T = TypeVar("T", bound="OAuth2Token")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "access_token",
        "token_type",
        "expires_in",
        "scope",
        "refresh_token",
    }
)


@_attrs_define
class OAuth2Token:
    """Personio's own document requires none of the members, so none is required here; a token body without `access_token`
    is refused by the client as a failed authentication.

        Attributes:
            access_token (str | Unset):
            token_type (str | Unset): Always `Bearer` so far (open set).
            expires_in (int | Unset): Lifetime in seconds (one day by default).
            scope (str | Unset): The granted scopes, space-separated.
            refresh_token (None | str | Unset): Not issued for this grant.
    """

    access_token: str | Unset = _attrs_field(default=UNSET, repr=_masked)
    token_type: str | Unset = UNSET
    expires_in: int | Unset = UNSET
    scope: str | Unset = UNSET
    refresh_token: None | str | Unset = _attrs_field(default=UNSET, repr=_masked)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in

        scope = self.scope

        refresh_token: None | str | Unset
        if isinstance(self.refresh_token, Unset):
            refresh_token = UNSET
        else:
            refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if access_token is not UNSET:
            field_dict["access_token"] = access_token
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if scope is not UNSET:
            field_dict["scope"] = scope
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        access_token = _src_get("access_token", UNSET)
        token_type = _src_get("token_type", UNSET)
        expires_in = _src_get("expires_in", UNSET)
        scope = _src_get("scope", UNSET)
        refresh_token = _src_get("refresh_token", UNSET)
        _instance_ = cls(
            access_token,
            token_type,
            expires_in,
            scope,
            refresh_token,
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
