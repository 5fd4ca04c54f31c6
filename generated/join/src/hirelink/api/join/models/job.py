from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Job")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "title",
        "description",
        "createdAt",
        "lastUpdatedAt",
        "status",
        "workplaceType",
        "remoteType",
        "remote",
        "employmentTypeId",
        "categoryId",
        "seniorityId",
        "language",
        "externalId",
        "office",
        "salary",
        "contact",
    }
)


@_attrs_define
class Job:
    """A job advert. Only `id` is required: other fields may be missing in list items, and in a live tenant until this
    document is verified.

        Attributes:
            id (int):
            title (str | Unset):
            description (None | str | Unset): HTML.
            created_at (datetime.datetime | Unset): An ISO-8601 date-time. Its exact format (fractions of a second, the
                zone) is assumed; only the field's name is seen in integrations.
            last_updated_at (datetime.datetime | Unset): An ISO-8601 date-time. Its exact format (fractions of a second, the
                zone) is assumed; only the field's name is seen in integrations.
            status (str | Unset): Open set of values; known are ONLINE, OFFLINE and ARCHIVED.
            workplace_type (None | str | Unset): Open set of values; known are ONSITE, HYBRID and REMOTE.
            remote_type (None | str | Unset): Only meaningful for REMOTE jobs. Open set of values; known are COUNTRY and
                ANYWHERE.
            remote (bool | None | Unset): An older remote flag, still sent by some integrations.
            employment_type_id (int | None | Unset): See `GET /employmentTypes`.
            category_id (int | None | Unset): A sub-category id (see `GET /categories`).
            seniority_id (int | None | Unset): See `GET /seniorityLevels`.
            language (None | str | Unset): ISO 639-1 language of the advert.
            external_id (None | str | Unset): The integrator's own id, set when the job is created through the API. That it
                is returned on read is assumed.
            office (None | Office | Unset):
            salary (None | Salary | Unset):
            contact (JobContact | None | Unset):
    """

    id: int
    title: str | Unset = UNSET
    description: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    last_updated_at: datetime.datetime | Unset = UNSET
    status: str | Unset = UNSET
    workplace_type: None | str | Unset = UNSET
    remote_type: None | str | Unset = UNSET
    remote: bool | None | Unset = UNSET
    employment_type_id: int | None | Unset = UNSET
    category_id: int | None | Unset = UNSET
    seniority_id: int | None | Unset = UNSET
    language: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    office: None | Office | Unset = UNSET
    salary: None | Salary | Unset = UNSET
    contact: JobContact | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        last_updated_at: str | Unset = UNSET
        if not isinstance(self.last_updated_at, Unset):
            last_updated_at = self.last_updated_at.isoformat()

        status = self.status

        workplace_type: None | str | Unset
        if isinstance(self.workplace_type, Unset):
            workplace_type = UNSET
        else:
            workplace_type = self.workplace_type

        remote_type: None | str | Unset
        if isinstance(self.remote_type, Unset):
            remote_type = UNSET
        else:
            remote_type = self.remote_type

        remote: bool | None | Unset
        if isinstance(self.remote, Unset):
            remote = UNSET
        else:
            remote = self.remote

        employment_type_id: int | None | Unset
        if isinstance(self.employment_type_id, Unset):
            employment_type_id = UNSET
        else:
            employment_type_id = self.employment_type_id

        category_id: int | None | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        else:
            category_id = self.category_id

        seniority_id: int | None | Unset
        if isinstance(self.seniority_id, Unset):
            seniority_id = UNSET
        else:
            seniority_id = self.seniority_id

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        office: dict[str, Any] | None | Unset
        if isinstance(self.office, Unset):
            office = UNSET
        elif isinstance(self.office, Office):
            office = self.office.to_dict()
        else:
            office = self.office

        salary: dict[str, Any] | None | Unset
        if isinstance(self.salary, Unset):
            salary = UNSET
        elif isinstance(self.salary, Salary):
            salary = self.salary.to_dict()
        else:
            salary = self.salary

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, JobContact):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_updated_at is not UNSET:
            field_dict["lastUpdatedAt"] = last_updated_at
        if status is not UNSET:
            field_dict["status"] = status
        if workplace_type is not UNSET:
            field_dict["workplaceType"] = workplace_type
        if remote_type is not UNSET:
            field_dict["remoteType"] = remote_type
        if remote is not UNSET:
            field_dict["remote"] = remote
        if employment_type_id is not UNSET:
            field_dict["employmentTypeId"] = employment_type_id
        if category_id is not UNSET:
            field_dict["categoryId"] = category_id
        if seniority_id is not UNSET:
            field_dict["seniorityId"] = seniority_id
        if language is not UNSET:
            field_dict["language"] = language
        if external_id is not UNSET:
            field_dict["externalId"] = external_id
        if office is not UNSET:
            field_dict["office"] = office
        if salary is not UNSET:
            field_dict["salary"] = salary
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        title = _src_get("title", UNSET)
        description = _src_get("description", UNSET)
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
        status = _src_get("status", UNSET)
        workplace_type = _src_get("workplaceType", UNSET)
        remote_type = _src_get("remoteType", UNSET)
        remote = _src_get("remote", UNSET)
        employment_type_id = _src_get("employmentTypeId", UNSET)
        category_id = _src_get("categoryId", UNSET)
        seniority_id = _src_get("seniorityId", UNSET)
        language = _src_get("language", UNSET)
        external_id = _src_get("externalId", UNSET)
        _office = _src_get("office", UNSET)
        office: None | Office | Unset = (
            _office if _office is None or _office is UNSET else _parse_office(_office)
        )
        _salary = _src_get("salary", UNSET)
        salary: None | Salary | Unset = (
            _salary if _salary is None or _salary is UNSET else _parse_salary(_salary)
        )
        _contact = _src_get("contact", UNSET)
        contact: JobContact | None | Unset = (
            _contact
            if _contact is None or _contact is UNSET
            else _parse_contact(_contact)
        )
        _instance_ = cls(
            id,
            title,
            description,
            created_at,
            last_updated_at,
            status,
            workplace_type,
            remote_type,
            remote,
            employment_type_id,
            category_id,
            seniority_id,
            language,
            external_id,
            office,
            salary,
            contact,
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


def _parse_office(data: object) -> None | Office | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        office_type_0 = Office.from_dict(data)

        return office_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(None | Office | Unset, data)


def _parse_salary(data: object) -> None | Salary | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        salary_type_0 = Salary.from_dict(data)

        return salary_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(None | Salary | Unset, data)


def _parse_contact(data: object) -> JobContact | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        contact_type_0 = JobContact.from_dict(data)

        return contact_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(JobContact | None | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.job_contact import JobContact
from ..models.office import Office
from ..models.salary import Salary
