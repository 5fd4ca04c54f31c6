from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.report_status import ReportStatus
from ..types import UNSET, Unset, stamp_from_json

T = TypeVar("T", bound="ReportChanges")


@_attrs_define
class ReportChanges:
    """Report fields to change; only the fields present are changed.

    Attributes:
        status (ReportStatus | Unset): `sent`: the starting state; `completed`: the candidate took the test; `failed`:
            the candidate took it and failed; `canceled`: it will not be taken.
        score (str | Unset): Free text such as `10`, `76%` or `12/15`.
        completed_at (datetime.datetime | Unset): ISO 8601 time the candidate finished.
        subtitle (str | Unset): Not offered for background and reference checks; type assumed.
        properties (ReportChangesProperties | Unset): Extra details shown with the report (documented; not offered for
            background and reference checks). Their shape is not documented.
        urls (ReportUrlsInput | Unset):
    """

    status: ReportStatus | Unset = UNSET
    score: str | Unset = UNSET
    completed_at: datetime.datetime | Unset = UNSET
    subtitle: str | Unset = UNSET
    properties: ReportChangesProperties | Unset = UNSET
    urls: ReportUrlsInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        score = self.score

        completed_at: str | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.isoformat()

        subtitle = self.subtitle

        properties: dict[str, Any] | Unset = UNSET
        if not isinstance(self.properties, Unset):
            properties = self.properties.to_dict()

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if score is not UNSET:
            field_dict["score"] = score
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if subtitle is not UNSET:
            field_dict["subtitle"] = subtitle
        if properties is not UNSET:
            field_dict["properties"] = properties
        if urls is not UNSET:
            field_dict["urls"] = urls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        _status = _src_get("status", UNSET)
        status: ReportStatus | Unset = (
            UNSET if _status is UNSET else ReportStatus(_status)
        )
        score = _src_get("score", UNSET)
        _completed_at = _src_get("completed_at", UNSET)
        completed_at: datetime.datetime | Unset = (
            _completed_at if _completed_at is UNSET else stamp_from_json(_completed_at)
        )
        subtitle = _src_get("subtitle", UNSET)
        _properties = _src_get("properties", UNSET)
        properties: ReportChangesProperties | Unset = (
            UNSET
            if _properties is UNSET
            else ReportChangesProperties.from_dict(_properties)
        )
        _urls = _src_get("urls", UNSET)
        urls: ReportUrlsInput | Unset = (
            UNSET if _urls is UNSET else ReportUrlsInput.from_dict(_urls)
        )
        _instance_ = cls(
            status,
            score,
            completed_at,
            subtitle,
            properties,
            urls,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.report_changes_properties import ReportChangesProperties
from ..models.report_urls_input import ReportUrlsInput
