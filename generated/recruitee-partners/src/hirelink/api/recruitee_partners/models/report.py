from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_status import ReportStatus
from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Report")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "status",
        "score",
        "completed_at",
        "subtitle",
        "properties",
        "urls",
        "candidate_id",
        "company_id",
        "test_id",
        "test_name",
    }
)


@_attrs_define
class Report:
    """A partner's result on one candidate. Besides the documented fields, the record is assumed to repeat the candidate,
    company and test it belongs to.

        Attributes:
            id (str): UUID, the `report_id` of send_candidate.
            status (ReportStatus | str): Open set of values.
            score (None | str | Unset): Free text such as `10`, `76%` or `12/15`; never a number.
            completed_at (datetime.datetime | None | Unset):
            subtitle (None | str | Unset): Extra line shown with the report; not offered for background and reference
                checks. Its type is assumed.
            properties (Any | Unset): Extra details; not offered for background and reference checks. Shape unknown.
            urls (ReportUrls | Unset): Links attached to the report; keys other than `cancel` may appear.
            candidate_id (int | Unset):
            company_id (int | Unset):
            test_id (None | str | Unset):
            test_name (None | str | Unset):
    """

    id: str
    status: ReportStatus | str
    score: None | str | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    subtitle: None | str | Unset = UNSET
    properties: Any | Unset = UNSET
    urls: ReportUrls | Unset = UNSET
    candidate_id: int | Unset = UNSET
    company_id: int | Unset = UNSET
    test_id: None | str | Unset = UNSET
    test_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        status: str
        if isinstance(self.status, ReportStatus):
            status = self.status.value
        else:
            status = self.status

        score: None | str | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        subtitle: None | str | Unset
        if isinstance(self.subtitle, Unset):
            subtitle = UNSET
        else:
            subtitle = self.subtitle

        properties = self.properties

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        candidate_id = self.candidate_id

        company_id = self.company_id

        test_id: None | str | Unset
        if isinstance(self.test_id, Unset):
            test_id = UNSET
        else:
            test_id = self.test_id

        test_name: None | str | Unset
        if isinstance(self.test_name, Unset):
            test_name = UNSET
        else:
            test_name = self.test_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )
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
        if candidate_id is not UNSET:
            field_dict["candidate_id"] = candidate_id
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if test_id is not UNSET:
            field_dict["test_id"] = test_id
        if test_name is not UNSET:
            field_dict["test_name"] = test_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        status = _parse_status(src_dict["status"])
        score = _src_get("score", UNSET)
        _completed_at = _src_get("completed_at", UNSET)
        completed_at: datetime.datetime | None | Unset = (
            _completed_at
            if _completed_at is None or _completed_at is UNSET
            else stamp_or_unset(_completed_at)
        )
        subtitle = _src_get("subtitle", UNSET)
        properties = _src_get("properties", UNSET)
        _urls = _src_get("urls", UNSET)
        urls: ReportUrls | Unset = (
            UNSET if _urls is UNSET else ReportUrls.from_dict(_urls)
        )
        candidate_id = _src_get("candidate_id", UNSET)
        company_id = _src_get("company_id", UNSET)
        test_id = _src_get("test_id", UNSET)
        test_name = _src_get("test_name", UNSET)
        _instance_ = cls(
            id,
            status,
            score,
            completed_at,
            subtitle,
            properties,
            urls,
            candidate_id,
            company_id,
            test_id,
            test_name,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if completed_at is UNSET and _completed_at is not UNSET:
            _instance_.additional_properties["completed_at"] = _completed_at
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


def _parse_status(data: object) -> ReportStatus | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        status_type_0 = ReportStatus(data)

        return status_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ReportStatus | str, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.report_urls import ReportUrls
