from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerUrls")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "validate_token",
        "tests",
        "send_candidate",
        "help_article",
    }
)


@_attrs_define
class PartnerUrls:
    """Addresses Recruitee calls (validate_token, tests, send_candidate) or links to (help_article). Other keys, such as an
    older `send_assessment`, may appear.

        Attributes:
            validate_token (None | str | Unset): Called with GET and the customer's Bearer token (partner guide).
            tests (None | str | Unset):
            send_candidate (None | str | Unset):
            help_article (None | str | Unset): Help page for customers, opened in the browser. Recruitee offers the
                integration to every customer only once it is set (partner guide).
    """

    validate_token: None | str | Unset = UNSET
    tests: None | str | Unset = UNSET
    send_candidate: None | str | Unset = UNSET
    help_article: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        validate_token = _src_get("validate_token", UNSET)
        tests = _src_get("tests", UNSET)
        send_candidate = _src_get("send_candidate", UNSET)
        help_article = _src_get("help_article", UNSET)
        _instance_ = cls(
            validate_token,
            tests,
            send_candidate,
            help_article,
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
