from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CandidateCvFields")


@_attrs_define
class CandidateCvFields:
    """
    Attributes:
        remote_cv_url (str): Publicly reachable URL of the new CV file; Recruitee downloads it.
    """

    remote_cv_url: str

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        remote_cv_url = self.remote_cv_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "remote_cv_url": remote_cv_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        remote_cv_url = src_dict["remote_cv_url"]
        _instance_ = cls(
            remote_cv_url,
        )

        return _instance_
