from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Application")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "createdAt",
        "lastUpdatedAt",
        "hiringState",
        "candidate",
        "job",
        "source",
        "attachments",
    }
)


@_attrs_define
class Application:
    """An application. The detail view also holds screening-question answers, cover letter and other answers under keys
    that are not known; they are kept among the unknown properties.

        Attributes:
            id (int):
            created_at (datetime.datetime | Unset): An ISO-8601 date-time. Its exact format (fractions of a second, the
                zone) is assumed; only the field's name is seen in integrations.
            last_updated_at (datetime.datetime | Unset): An ISO-8601 date-time. Its exact format (fractions of a second, the
                zone) is assumed; only the field's name is seen in integrations.
            hiring_state (str | Unset): Coarse state (pipeline stages are not exposed). Open set of values; known are
                APPLIED, ACTIVE, REJECTED, HIRED and OFFER.
            candidate (Candidate | Unset): The person behind an application. Note `phoneNumber` here against `phone` when
                creating an application.
            job (ApplicationJob | Unset): The job applied to.
            source (ApplicationSourceInfo | None | Unset):
            attachments (list[Attachment] | Unset):
    """

    id: int
    created_at: datetime.datetime | Unset = UNSET
    last_updated_at: datetime.datetime | Unset = UNSET
    hiring_state: str | Unset = UNSET
    candidate: Candidate | Unset = UNSET
    job: ApplicationJob | Unset = UNSET
    source: ApplicationSourceInfo | None | Unset = UNSET
    attachments: list[Attachment] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        last_updated_at: str | Unset = UNSET
        if not isinstance(self.last_updated_at, Unset):
            last_updated_at = self.last_updated_at.isoformat()

        hiring_state = self.hiring_state

        candidate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.candidate, Unset):
            candidate = self.candidate.to_dict()

        job: dict[str, Any] | Unset = UNSET
        if not isinstance(self.job, Unset):
            job = self.job.to_dict()

        source: dict[str, Any] | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ApplicationSourceInfo):
            source = self.source.to_dict()
        else:
            source = self.source

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if hiring_state is not UNSET:
            field_dict["hiringState"] = hiring_state
        if candidate is not UNSET:
            field_dict["candidate"] = candidate
        if job is not UNSET:
            field_dict["job"] = job
        if source is not UNSET:
            field_dict["source"] = source
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        _created_at = _src_get("createdAt", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _last_updated_at = _src_get("lastUpdatedAt", UNSET)
        last_updated_at: datetime.datetime | Unset = (
            _last_updated_at
            if _last_updated_at is UNSET
            else stamp_or_unset(_last_updated_at)
        )
        hiring_state = _src_get("hiringState", UNSET)
        _candidate = _src_get("candidate", UNSET)
        candidate: Candidate | Unset = (
            UNSET if _candidate is UNSET else Candidate.from_dict(_candidate)
        )
        _job = _src_get("job", UNSET)
        job: ApplicationJob | Unset = (
            UNSET if _job is UNSET else ApplicationJob.from_dict(_job)
        )
        _source = _src_get("source", UNSET)
        source: ApplicationSourceInfo | None | Unset = (
            _source if _source is None or _source is UNSET else _parse_source(_source)
        )
        _attachments = _src_get("attachments", UNSET)
        attachments: list[Attachment] | Unset = (
            UNSET
            if _attachments is UNSET
            else list(map(Attachment.from_dict, _attachments))
        )
        _instance_ = cls(
            id,
            created_at,
            last_updated_at,
            hiring_state,
            candidate,
            job,
            source,
            attachments,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
        # A stamp that names no moment is kept as it came.
        if created_at is UNSET and _created_at is not UNSET:
            _instance_.additional_properties["createdAt"] = _created_at
        if last_updated_at is UNSET and _last_updated_at is not UNSET:
            _instance_.additional_properties["lastUpdatedAt"] = _last_updated_at
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


def _parse_source(data: object) -> ApplicationSourceInfo | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        source_type_0 = ApplicationSourceInfo.from_dict(data)

        return source_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(ApplicationSourceInfo | None | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.application_job import ApplicationJob
from ..models.application_source_info import ApplicationSourceInfo
from ..models.attachment import Attachment
from ..models.candidate import Candidate
