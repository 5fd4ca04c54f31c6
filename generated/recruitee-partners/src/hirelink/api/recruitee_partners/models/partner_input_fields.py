from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.partner_input_kind import PartnerInputKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerInputFields")


@_attrs_define
class PartnerInputFields:
    """
    Attributes:
        kind (PartnerInputKind): A field of the dialog shown when a user sends a candidate. `first_name`, `last_name`
            and `email` are the defaults; `phone` lets the user pick one of the candidate's numbers, `admin` a team member
            and `offer` the job (all shown in the sending guide).
        name (str | Unset): Left out in the documented admin and offer examples.
        required (bool | Unset):
    """

    kind: PartnerInputKind
    name: str | Unset = UNSET
    required: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        kind = self.kind.value

        name = self.name

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if required is not UNSET:
            field_dict["required"] = required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        kind = PartnerInputKind(src_dict["kind"])
        name = _src_get("name", UNSET)
        required = _src_get("required", UNSET)
        _instance_ = cls(
            kind,
            name,
            required,
        )

        return _instance_
