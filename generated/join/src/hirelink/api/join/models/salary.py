from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Salary")


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
        d = dict(src_dict)

        def _parse_from_(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_to(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_is_shown_on_job_ad(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_shown_on_job_ad = _parse_is_shown_on_job_ad(d.pop("isShownOnJobAd", UNSET))

        salary = cls(
            from_=from_,
            to=to,
            currency=currency,
            frequency=frequency,
            is_shown_on_job_ad=is_shown_on_job_ad,
        )

        salary.additional_properties = d
        return salary

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
