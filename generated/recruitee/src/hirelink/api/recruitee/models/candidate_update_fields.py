from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CandidateUpdateFields")


@_attrs_define
class CandidateUpdateFields:
    """Profile properties to change; at least one must be present. Arrays replace the stored values (assumed; see
    updateCandidate).

        Attributes:
            name (str | Unset):
            emails (list[str] | Unset):
            phones (list[str] | Unset):
            social_links (list[str] | Unset):
            links (list[str] | Unset):
            cover_letter (str | Unset):
            remote_cv_url (str | Unset): Public URL of a CV file that Recruitee downloads. Clients disagree on whether this
                endpoint honours it or only `update_cv` does; prefer updateCandidateCv to replace a CV.
    """

    name: str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    phones: list[str] | Unset = UNSET
    social_links: list[str] | Unset = UNSET
    links: list[str] | Unset = UNSET
    cover_letter: str | Unset = UNSET
    remote_cv_url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        name = self.name

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        social_links: list[str] | Unset = UNSET
        if not isinstance(self.social_links, Unset):
            social_links = self.social_links

        links: list[str] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links

        cover_letter = self.cover_letter

        remote_cv_url = self.remote_cv_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if phones is not UNSET:
            field_dict["phones"] = phones
        if social_links is not UNSET:
            field_dict["social_links"] = social_links
        if links is not UNSET:
            field_dict["links"] = links
        if cover_letter is not UNSET:
            field_dict["cover_letter"] = cover_letter
        if remote_cv_url is not UNSET:
            field_dict["remote_cv_url"] = remote_cv_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        name = _src_get("name", UNSET)
        emails = _src_get("emails", UNSET)
        phones = _src_get("phones", UNSET)
        social_links = _src_get("social_links", UNSET)
        links = _src_get("links", UNSET)
        cover_letter = _src_get("cover_letter", UNSET)
        remote_cv_url = _src_get("remote_cv_url", UNSET)
        _instance_ = cls(
            name,
            emails,
            phones,
            social_links,
            links,
            cover_letter,
            remote_cv_url,
        )

        return _instance_
