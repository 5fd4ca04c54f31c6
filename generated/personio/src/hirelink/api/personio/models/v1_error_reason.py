from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.v1_error_reason_context import V1ErrorReasonContext


T = TypeVar("T", bound="V1ErrorReason")


@_attrs_define
class V1ErrorReason:
    """
    Attributes:
        reason (str): A reason code (open set).
        context (V1ErrorReasonContext | Unset):
    """

    reason: str
    context: V1ErrorReasonContext | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.context, Unset):
            context = self.context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.v1_error_reason_context import V1ErrorReasonContext

        d = dict(src_dict)
        reason = d.pop("reason")

        _context = d.pop("context", UNSET)
        context: V1ErrorReasonContext | Unset
        if isinstance(_context, Unset):
            context = UNSET
        else:
            context = V1ErrorReasonContext.from_dict(_context)

        v1_error_reason = cls(
            reason=reason,
            context=context,
        )

        v1_error_reason.additional_properties = d
        return v1_error_reason

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
