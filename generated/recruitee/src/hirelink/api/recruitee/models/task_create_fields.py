from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset, stamp_from_json

T = TypeVar("T", bound="TaskCreateFields")


@_attrs_define
class TaskCreateFields:
    """
    Attributes:
        candidate_id (int):
        title (str):
        description (str | Unset): The task's details.
        due_date (datetime.datetime | Unset): When the task is due (ISO 8601 date-time; hirelink sends it in UTC).
        timezone (str | Unset): The time zone the task is shown in; its form (an IANA name such as Europe/Amsterdam, or
            another) is not documented.
    """

    candidate_id: int
    title: str
    description: str | Unset = UNSET
    due_date: datetime.datetime | Unset = UNSET
    timezone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        candidate_id = self.candidate_id

        title = self.title

        description = self.description

        due_date: str | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.isoformat()

        timezone = self.timezone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "candidate_id": candidate_id,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        candidate_id = src_dict["candidate_id"]
        title = src_dict["title"]
        description = _src_get("description", UNSET)
        _due_date = _src_get("due_date", UNSET)
        due_date: datetime.datetime | Unset = (
            _due_date if _due_date is UNSET else stamp_from_json(_due_date)
        )
        timezone = _src_get("timezone", UNSET)
        _instance_ = cls(
            candidate_id,
            title,
            description,
            due_date,
            timezone,
        )

        return _instance_
