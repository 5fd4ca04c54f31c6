from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Task")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "candidate_id",
        "title",
        "description",
        "due_date",
        "timezone",
        "completed",
        "created_at",
    }
)


@_attrs_define
class Task:
    """A task; its members are assumed (the answer was never seen).

    Attributes:
        id (int | Unset):
        candidate_id (int | None | Unset):
        title (None | str | Unset):
        description (None | str | Unset):
        due_date (datetime.datetime | None | Unset): When the task is due. Assumed to come back as the ISO 8601 date-
            time that createTask sends, like the other stamps (fact sheet A8).
        timezone (None | str | Unset):
        completed (bool | None | Unset):
        created_at (datetime.datetime | None | Unset): When the task was made. Assumed to be an ISO 8601 date-time like
            every other `created_at` (fact sheet A8).
    """

    id: int | Unset = UNSET
    candidate_id: int | None | Unset = UNSET
    title: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    due_date: datetime.datetime | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    completed: bool | None | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        candidate_id: int | None | Unset
        if isinstance(self.candidate_id, Unset):
            candidate_id = UNSET
        else:
            candidate_id = self.candidate_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.datetime):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        completed: bool | None | Unset
        if isinstance(self.completed, Unset):
            completed = UNSET
        else:
            completed = self.completed

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if candidate_id is not UNSET:
            field_dict["candidate_id"] = candidate_id
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if completed is not UNSET:
            field_dict["completed"] = completed
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        candidate_id = _src_get("candidate_id", UNSET)
        title = _src_get("title", UNSET)
        description = _src_get("description", UNSET)
        _due_date = _src_get("due_date", UNSET)
        due_date: datetime.datetime | None | Unset = (
            _due_date
            if _due_date is None or _due_date is UNSET
            else stamp_or_unset(_due_date)
        )
        timezone = _src_get("timezone", UNSET)
        completed = _src_get("completed", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | None | Unset = (
            _created_at
            if _created_at is None or _created_at is UNSET
            else stamp_or_unset(_created_at)
        )
        _instance_ = cls(
            id,
            candidate_id,
            title,
            description,
            due_date,
            timezone,
            completed,
            created_at,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if due_date is UNSET and _due_date is not UNSET:
            _instance_.additional_properties["due_date"] = _due_date
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["created_at"] = _created_at
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
