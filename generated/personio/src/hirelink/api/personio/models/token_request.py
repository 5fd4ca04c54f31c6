from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_request_grant_type import TokenRequestGrantType
from ..types import UNSET, Unset


def _masked(value: object) -> str:
    """A secret's place in ``repr``: ``'***'`` once it holds a value."""
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


T = TypeVar("T", bound="TokenRequest")


@_attrs_define
class TokenRequest:
    """
    Attributes:
        grant_type (TokenRequestGrantType):
        client_id (str):
        client_secret (str):
        scope (str | Unset): Space-separated scopes; without it every granted scope is included.
    """

    grant_type: TokenRequestGrantType
    client_id: str
    client_secret: str = _attrs_field(repr=_masked)
    scope: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        grant_type = self.grant_type.value

        client_id = self.client_id

        client_secret = self.client_secret

        scope = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grant_type": grant_type,
                "client_id": client_id,
                "client_secret": client_secret,
            }
        )
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        grant_type = TokenRequestGrantType(src_dict["grant_type"])
        client_id = src_dict["client_id"]
        client_secret = src_dict["client_secret"]
        scope = _src_get("scope", UNSET)
        _instance_ = cls(
            grant_type,
            client_id,
            client_secret,
            scope,
        )

        return _instance_
