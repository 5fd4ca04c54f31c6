from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerUrls")


@_attrs_define
class PartnerUrls:
    """Addresses Recruitee calls (validate_token, tests, send_candidate) or links to (help_article). Other keys, such as an
    older `send_assessment`, may appear.

        Attributes:
            validate_token (None | str | Unset): Called with GET and the customer's Bearer token (partner guide).
            tests (None | str | Unset):
            send_candidate (None | str | Unset):
            help_article (None | str | Unset): Help page for customers, opened in the browser; required before the
                integration can be promoted to all customers (partner guide).
    """

    validate_token: None | str | Unset = UNSET
    tests: None | str | Unset = UNSET
    send_candidate: None | str | Unset = UNSET
    help_article: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        validate_token: None | str | Unset
        if isinstance(self.validate_token, Unset):
            validate_token = UNSET
        else:
            validate_token = self.validate_token

        tests: None | str | Unset
        if isinstance(self.tests, Unset):
            tests = UNSET
        else:
            tests = self.tests

        send_candidate: None | str | Unset
        if isinstance(self.send_candidate, Unset):
            send_candidate = UNSET
        else:
            send_candidate = self.send_candidate

        help_article: None | str | Unset
        if isinstance(self.help_article, Unset):
            help_article = UNSET
        else:
            help_article = self.help_article

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if validate_token is not UNSET:
            field_dict["validate_token"] = validate_token
        if tests is not UNSET:
            field_dict["tests"] = tests
        if send_candidate is not UNSET:
            field_dict["send_candidate"] = send_candidate
        if help_article is not UNSET:
            field_dict["help_article"] = help_article

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_validate_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        validate_token = _parse_validate_token(d.pop("validate_token", UNSET))

        def _parse_tests(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tests = _parse_tests(d.pop("tests", UNSET))

        def _parse_send_candidate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        send_candidate = _parse_send_candidate(d.pop("send_candidate", UNSET))

        def _parse_help_article(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        help_article = _parse_help_article(d.pop("help_article", UNSET))

        partner_urls = cls(
            validate_token=validate_token,
            tests=tests,
            send_candidate=send_candidate,
            help_article=help_article,
        )

        partner_urls.additional_properties = d
        return partner_urls

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
