from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplicationRequest")


@_attrs_define
class ApplicationRequest:
    """An application as the Recruiting API v1 accepts it.

    Attributes:
        first_name (str): Not empty and not only whitespace.
        last_name (str): Not empty and not only whitespace.
        email (str):
        job_position_id (int): The published position's id (the XML feed's `id`). Must be a JSON integer; a body with
            the id in quotes was seen rejected.
        recruiting_channel_id (int | Unset): Id of a recruiting channel configured under Settings, Recruiting, Channels;
            attributes the application to it.
        external_posting_id (str | Unset): The posting's id at the channel (e.g. forwarded by a multiposting provider).
            Must match the channel; whether it is accepted without `recruiting_channel_id` is unknown.
        message (str | Unset): The applicant's message.
        application_date (datetime.date | Unset): Submission date (`YYYY-MM-DD`); must not be in the future.
        phase (CustomPhase | SystemPhase | Unset): The phase to create the application in. Without it the application
            starts in the initial phase of the job's category. An unknown custom phase silently falls back to `unassigned`.
        tags (list[str] | Unset): Tags to add; tags that do not exist yet are created.
        files (list[ApplicationFile] | Unset): Documents uploaded beforehand with uploadApplicationDocument.
        attributes (list[ApplicationAttribute] | Unset): Attribute values: `birthday` (`YYYY-MM-DD`), `gender` (`male`,
            `female`, `diverse` or `undefined`), `location`, `phone`, `available_from`, `salary_expectations` (free text)
            and the company's custom attributes by API name (`custom_attribute_<n>`).
    """

    first_name: str
    last_name: str
    email: str
    job_position_id: int
    recruiting_channel_id: int | Unset = UNSET
    external_posting_id: str | Unset = UNSET
    message: str | Unset = UNSET
    application_date: datetime.date | Unset = UNSET
    phase: CustomPhase | SystemPhase | Unset = UNSET
    tags: list[str] | Unset = UNSET
    files: list[ApplicationFile] | Unset = UNSET
    attributes: list[ApplicationAttribute] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        first_name = self.first_name

        last_name = self.last_name

        email = self.email

        job_position_id = self.job_position_id

        recruiting_channel_id = self.recruiting_channel_id

        external_posting_id = self.external_posting_id

        message = self.message

        application_date: str | Unset = UNSET
        if not isinstance(self.application_date, Unset):
            application_date = self.application_date.isoformat()

        phase: dict[str, Any] | Unset
        if isinstance(self.phase, Unset):
            phase = UNSET
        elif isinstance(self.phase, SystemPhase):
            phase = self.phase.to_dict()
        else:
            phase = self.phase.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        files: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = []
            for files_item_data in self.files:
                files_item = files_item_data.to_dict()
                files.append(files_item)

        attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = []
            for attributes_item_data in self.attributes:
                attributes_item = attributes_item_data.to_dict()
                attributes.append(attributes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_name": first_name,
                "last_name": last_name,
                "email": email,
                "job_position_id": job_position_id,
            }
        )
        if recruiting_channel_id is not UNSET:
            field_dict["recruiting_channel_id"] = recruiting_channel_id
        if external_posting_id is not UNSET:
            field_dict["external_posting_id"] = external_posting_id
        if message is not UNSET:
            field_dict["message"] = message
        if application_date is not UNSET:
            field_dict["application_date"] = application_date
        if phase is not UNSET:
            field_dict["phase"] = phase
        if tags is not UNSET:
            field_dict["tags"] = tags
        if files is not UNSET:
            field_dict["files"] = files
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        first_name = src_dict["first_name"]
        last_name = src_dict["last_name"]
        email = src_dict["email"]
        job_position_id = src_dict["job_position_id"]
        recruiting_channel_id = _src_get("recruiting_channel_id", UNSET)
        external_posting_id = _src_get("external_posting_id", UNSET)
        message = _src_get("message", UNSET)
        _application_date = _src_get("application_date", UNSET)
        application_date: datetime.date | Unset = (
            UNSET
            if _application_date is UNSET
            else datetime.date.fromisoformat(_application_date)
        )
        _phase = _src_get("phase", UNSET)
        phase: CustomPhase | SystemPhase | Unset = (
            UNSET if _phase is UNSET else _parse_phase(_phase)
        )
        tags = _src_get("tags", UNSET)
        _files = _src_get("files", UNSET)
        files: list[ApplicationFile] | Unset = (
            UNSET if _files is UNSET else list(map(ApplicationFile.from_dict, _files))
        )
        _attributes = _src_get("attributes", UNSET)
        attributes: list[ApplicationAttribute] | Unset = (
            UNSET
            if _attributes is UNSET
            else list(map(ApplicationAttribute.from_dict, _attributes))
        )
        _instance_ = cls(
            first_name,
            last_name,
            email,
            job_position_id,
            recruiting_channel_id,
            external_posting_id,
            message,
            application_date,
            phase,
            tags,
            files,
            attributes,
        )

        return _instance_


def _parse_phase(data: object) -> CustomPhase | SystemPhase | Unset:
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_application_phase_type_0 = SystemPhase.from_dict(data)

        return componentsschemas_application_phase_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    if not isinstance(data, dict):
        raise TypeError()
    componentsschemas_application_phase_type_1 = CustomPhase.from_dict(data)

    return componentsschemas_application_phase_type_1


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.application_attribute import ApplicationAttribute
from ..models.application_file import ApplicationFile
from ..models.custom_phase import CustomPhase
from ..models.system_phase import SystemPhase
