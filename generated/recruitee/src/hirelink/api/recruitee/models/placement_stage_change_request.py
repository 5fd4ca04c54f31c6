from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset, stamp_from_json

T = TypeVar("T", bound="PlacementStageChangeRequest")


@_attrs_define
class PlacementStageChangeRequest:
    """
    Attributes:
        stage_id (int): A stage of the placement's job pipeline.
        proceed (bool | Unset): Sent by both clients; what it changes (presumably running the stage's automations) is
            not documented.
        hired_at (datetime.datetime | Unset): When the candidate was hired, for a move to a hire stage (hirelink sends
            UTC). That Recruitee stamps the move's time without it is inferred from the captured hired placements.
        job_starts_at (str | Unset): When the hired candidate starts (an ISO 8601 date or date-time; which one Recruitee
            reads is not documented).
        work_location_id (int | Unset): Where the hired candidate works (a location of the company).
        opening_id (int | Unset): The job's opening the hire fills.
    """

    stage_id: int
    proceed: bool | Unset = UNSET
    hired_at: datetime.datetime | Unset = UNSET
    job_starts_at: str | Unset = UNSET
    work_location_id: int | Unset = UNSET
    opening_id: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        stage_id = self.stage_id

        proceed = self.proceed

        hired_at: str | Unset = UNSET
        if not isinstance(self.hired_at, Unset):
            hired_at = self.hired_at.isoformat()

        job_starts_at = self.job_starts_at

        work_location_id = self.work_location_id

        opening_id = self.opening_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage_id": stage_id,
            }
        )
        if proceed is not UNSET:
            field_dict["proceed"] = proceed
        if hired_at is not UNSET:
            field_dict["hired_at"] = hired_at
        if job_starts_at is not UNSET:
            field_dict["job_starts_at"] = job_starts_at
        if work_location_id is not UNSET:
            field_dict["work_location_id"] = work_location_id
        if opening_id is not UNSET:
            field_dict["opening_id"] = opening_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        stage_id = src_dict["stage_id"]
        proceed = _src_get("proceed", UNSET)
        _hired_at = _src_get("hired_at", UNSET)
        hired_at: datetime.datetime | Unset = (
            _hired_at if _hired_at is UNSET else stamp_from_json(_hired_at)
        )
        job_starts_at = _src_get("job_starts_at", UNSET)
        work_location_id = _src_get("work_location_id", UNSET)
        opening_id = _src_get("opening_id", UNSET)
        _instance_ = cls(
            stage_id,
            proceed,
            hired_at,
            job_starts_at,
            work_location_id,
            opening_id,
        )

        return _instance_
