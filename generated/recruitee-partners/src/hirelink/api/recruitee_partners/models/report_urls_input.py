from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportUrlsInput")


@_attrs_define
class ReportUrlsInput:
    """
    Attributes:
        cancel (str | Unset): Where a Recruitee user can cancel the test.
    """

    cancel: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        cancel = self.cancel

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if cancel is not UNSET:
            field_dict["cancel"] = cancel

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        cancel = _src_get("cancel", UNSET)
        _instance_ = cls(
            cancel,
        )

        return _instance_
