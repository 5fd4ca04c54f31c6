from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.report_status import ReportStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_urls import ReportUrls


T = TypeVar("T", bound="Report")


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
        from ..models.report_urls import ReportUrls

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> ReportStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ReportStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ReportStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_subtitle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subtitle = _parse_subtitle(d.pop("subtitle", UNSET))

        properties = d.pop("properties", UNSET)

        _urls = d.pop("urls", UNSET)
        urls: ReportUrls | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = ReportUrls.from_dict(_urls)

        candidate_id = d.pop("candidate_id", UNSET)

        company_id = d.pop("company_id", UNSET)

        def _parse_test_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        test_id = _parse_test_id(d.pop("test_id", UNSET))

        def _parse_test_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        test_name = _parse_test_name(d.pop("test_name", UNSET))

        report = cls(
            id=id,
            status=status,
            score=score,
            completed_at=completed_at,
            subtitle=subtitle,
            properties=properties,
            urls=urls,
            candidate_id=candidate_id,
            company_id=company_id,
            test_id=test_id,
            test_name=test_name,
        )

        report.additional_properties = d
        return report

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
