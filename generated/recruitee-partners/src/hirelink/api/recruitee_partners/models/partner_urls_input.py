from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerUrlsInput")


@_attrs_define
class PartnerUrlsInput:
    """
    Attributes:
        validate_token (str | Unset): Called with GET to check a customer's token (see validateToken).
        tests (str | Unset): Called with GET to list the tests.
        send_candidate (str | Unset): Called with POST to hand over a candidate.
        help_article (str | Unset): Opened in the browser; not called. Recruitee offers the integration to every
            customer only once it is set (partner guide).
    """

    validate_token: str | Unset = UNSET
    tests: str | Unset = UNSET
    send_candidate: str | Unset = UNSET
    help_article: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        validate_token = self.validate_token

        tests = self.tests

        send_candidate = self.send_candidate

        help_article = self.help_article

        field_dict: dict[str, Any] = {}

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

        return _instance_
