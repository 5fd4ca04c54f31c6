from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferSalary")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "min",
        "max",
        "currency",
        "period",
    }
)


@_attrs_define
class OfferSalary:
    """Salary range of a job. The property names are observed; their value types are our assumption.

    Attributes:
        min_ (float | None | str | Unset):
        max_ (float | None | str | Unset):
        currency (None | str | Unset):
        period (None | str | Unset):
    """

    min_: float | None | str | Unset = UNSET
    max_: float | None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    period: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        min_: float | None | str | Unset
        if isinstance(self.min_, Unset):
            min_ = UNSET
        else:
            min_ = self.min_

        max_: float | None | str | Unset
        if isinstance(self.max_, Unset):
            max_ = UNSET
        else:
            max_ = self.max_

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        period: None | str | Unset
        if isinstance(self.period, Unset):
            period = UNSET
        else:
            period = self.period

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_
        if currency is not UNSET:
            field_dict["currency"] = currency
        if period is not UNSET:
            field_dict["period"] = period

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        min_ = _src_get("min", UNSET)
        max_ = _src_get("max", UNSET)
        currency = _src_get("currency", UNSET)
        period = _src_get("period", UNSET)
        _instance_ = cls(
            min_,
            max_,
            currency,
            period,
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
