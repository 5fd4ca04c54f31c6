from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Salary")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "from",
        "to",
        "currency",
        "frequency",
        "isShownOnJobAd",
    }
)


@_attrs_define
class Salary:
    """
    Attributes:
        from_ (float | None | Unset):
        to (float | None | Unset):
        currency (None | str | Unset): Open set of values; known are EUR, CHF, USD and GBP.
        frequency (None | str | Unset): Open set of values; known are PER_HOUR, PER_DAY, PER_WEEK, PER_MONTH and
            PER_YEAR.
        is_shown_on_job_ad (bool | None | Unset):
    """

    from_: float | None | Unset = UNSET
    to: float | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    frequency: None | str | Unset = UNSET
    is_shown_on_job_ad: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        from_: float | None | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        to: float | None | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        else:
            to = self.to

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        else:
            frequency = self.frequency

        is_shown_on_job_ad: bool | None | Unset
        if isinstance(self.is_shown_on_job_ad, Unset):
            is_shown_on_job_ad = UNSET
        else:
            is_shown_on_job_ad = self.is_shown_on_job_ad

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if currency is not UNSET:
            field_dict["currency"] = currency
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if is_shown_on_job_ad is not UNSET:
            field_dict["isShownOnJobAd"] = is_shown_on_job_ad

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        from_ = _src_get("from", UNSET)
        to = _src_get("to", UNSET)
        currency = _src_get("currency", UNSET)
        frequency = _src_get("frequency", UNSET)
        is_shown_on_job_ad = _src_get("isShownOnJobAd", UNSET)
        _instance_ = cls(
            from_,
            to,
            currency,
            frequency,
            is_shown_on_job_ad,
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
