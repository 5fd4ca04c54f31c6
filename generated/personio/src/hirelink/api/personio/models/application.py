from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Application")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "application_date",
        "candidate",
        "job",
        "current_stage",
        "channel",
        "hiring_team",
        "is_anonymized",
        "created_at",
        "updated_at",
    }
)


@_attrs_define
class Application:
    """An application. Field shapes are known from third-party clients and mocks only, consistent across independent
    projects.

        Attributes:
            id (str | Unset):
            application_date (None | str | Unset): The submission date, `YYYY-MM-DD`.
            candidate (CandidateReference | Unset):
            job (JobReference | Unset):
            current_stage (Stage | Unset): A pipeline stage. System stages may come without id and name.
            channel (IdName | None | Unset): The recruiting channel the application came through, if any.
            hiring_team (list[HiringTeamMember] | Unset): Empty when nobody is assigned.
            is_anonymized (bool | Unset): True once the candidate's data was anonymised (GDPR).
            created_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
                (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
                unset and kept, as sent, in additional_properties.
            updated_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
                (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
                unset and kept, as sent, in additional_properties.
    """

    id: str | Unset = UNSET
    application_date: None | str | Unset = UNSET
    candidate: CandidateReference | Unset = UNSET
    job: JobReference | Unset = UNSET
    current_stage: Stage | Unset = UNSET
    channel: IdName | None | Unset = UNSET
    hiring_team: list[HiringTeamMember] | Unset = UNSET
    is_anonymized: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        application_date: None | str | Unset
        if isinstance(self.application_date, Unset):
            application_date = UNSET
        else:
            application_date = self.application_date

        candidate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.candidate, Unset):
            candidate = self.candidate.to_dict()

        job: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job, Unset):
            job = self.job.to_dict()

        current_stage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_stage, Unset):
            current_stage = self.current_stage.to_dict()

        channel: dict[str, Any] | None | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, IdName):
            channel = self.channel.to_dict()
        else:
            channel = self.channel

        hiring_team: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hiring_team, Unset):
            hiring_team = []
            for hiring_team_item_data in self.hiring_team:
                hiring_team_item = hiring_team_item_data.to_dict()
                hiring_team.append(hiring_team_item)

        is_anonymized = self.is_anonymized

        created_at: dict[str, Any] | str | Unset = (
            self.created_at
            if not isinstance(self.created_at, datetime.datetime)
            else LocalDateTime.moment_to_json(self.created_at)
        )

        updated_at: dict[str, Any] | str | Unset = (
            self.updated_at
            if not isinstance(self.updated_at, datetime.datetime)
            else LocalDateTime.moment_to_json(self.updated_at)
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if application_date is not UNSET:
            field_dict["application_date"] = application_date
        if candidate is not UNSET:
            field_dict["candidate"] = candidate
        if job is not UNSET:
            field_dict["job"] = job
        if current_stage is not UNSET:
            field_dict["current_stage"] = current_stage
        if channel is not UNSET:
            field_dict["channel"] = channel
        if hiring_team is not UNSET:
            field_dict["hiring_team"] = hiring_team
        if is_anonymized is not UNSET:
            field_dict["is_anonymized"] = is_anonymized
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        application_date = _src_get("application_date", UNSET)
        _candidate = _src_get("candidate", UNSET)
        candidate: CandidateReference | Unset = (
            UNSET if _candidate is UNSET else CandidateReference.from_dict(_candidate)
        )
        _job = _src_get("job", UNSET)
        job: JobReference | Unset = (
            UNSET if _job is UNSET else JobReference.from_dict(_job)
        )
        _current_stage = _src_get("current_stage", UNSET)
        current_stage: Stage | Unset = (
            UNSET if _current_stage is UNSET else Stage.from_dict(_current_stage)
        )
        _channel = _src_get("channel", UNSET)
        channel: IdName | None | Unset = (
            _channel
            if _channel is None or _channel is UNSET
            else _parse_channel(_channel)
        )
        _hiring_team = _src_get("hiring_team", UNSET)
        hiring_team: list[HiringTeamMember] | Unset = (
            UNSET
            if _hiring_team is UNSET
            else list(map(HiringTeamMember.from_dict, _hiring_team))
        )
        is_anonymized = _src_get("is_anonymized", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            UNSET
            if _created_at is UNSET
            else LocalDateTime.moment_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            UNSET
            if _updated_at is UNSET
            else LocalDateTime.moment_or_unset(_updated_at)
        )
        _instance_ = cls(
            id,
            application_date,
            candidate,
            job,
            current_stage,
            channel,
            hiring_team,
            is_anonymized,
            created_at,
            updated_at,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["created_at"] = _created_at
        if updated_at is UNSET and _updated_at is not UNSET:
            _instance_.additional_properties["updated_at"] = _updated_at
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


def _parse_channel(data: object) -> IdName | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        channel_type_0 = IdName.from_dict(data)

        return channel_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(IdName | None | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_reference import CandidateReference
from ..models.hiring_team_member import HiringTeamMember
from ..models.id_name import IdName
from ..models.job_reference import JobReference
from ..models.local_date_time import LocalDateTime
from ..models.stage import Stage
