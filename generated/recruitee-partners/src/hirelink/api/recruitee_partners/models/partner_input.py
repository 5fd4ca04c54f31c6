from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_input_kind import PartnerInputKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerInput")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "kind",
        "name",
        "required",
    }
)


@_attrs_define
class PartnerInput:
    """
    Attributes:
        kind (PartnerInputKind | str): Open set of values.
        name (None | str | Unset):
        required (bool | Unset):
    """

    kind: PartnerInputKind | str
    name: None | str | Unset = UNSET
    required: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        kind: str
        if isinstance(self.kind, PartnerInputKind):
            kind = self.kind.value
        else:
            kind = self.kind

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        required = self.required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        kind = _parse_kind(src_dict["kind"])
        name = _src_get("name", UNSET)
        required = _src_get("required", UNSET)
        _instance_ = cls(
            kind,
            name,
            required,
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


def _parse_kind(data: object) -> PartnerInputKind | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        kind_type_0 = PartnerInputKind(data)

        return kind_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(PartnerInputKind | str, data)
