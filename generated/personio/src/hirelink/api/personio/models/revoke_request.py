from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import Unset


def _masked(value: object) -> str:
    """A secret's place in ``repr``: ``'***'`` once it holds a value."""
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


T = TypeVar("T", bound="RevokeRequest")


@_attrs_define
class RevokeRequest:
    """
    Attributes:
        token (str):
    """

    token: str = _attrs_field(repr=_masked)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        token = src_dict["token"]
        _instance_ = cls(
            token,
        )

        return _instance_
