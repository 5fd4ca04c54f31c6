from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Candidate")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "first_name",
        "last_name",
        "email",
        "gender",
        "phone",
        "location",
        "birthday",
        "linkedin_profile",
        "available_from",
        "applications",
        "created_at",
        "updated_at",
    }
)


@_attrs_define
class Candidate:
    """A candidate. The properties are known from a single third-party client.

    Attributes:
        id (str | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        email (None | str | Unset):
        gender (None | str | Unset):
        phone (None | str | Unset):
        location (None | str | Unset):
        birthday (None | str | Unset):
        linkedin_profile (None | str | Unset):
        available_from (None | str | Unset):
        applications (list[CandidateApplication] | Unset):
        created_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
            (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
            unset and kept, as sent, in additional_properties.
        updated_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
            (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
            unset and kept, as sent, in additional_properties.
    """

    id: str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    gender: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    birthday: None | str | Unset = UNSET
    linkedin_profile: None | str | Unset = UNSET
    available_from: None | str | Unset = UNSET
    applications: list[CandidateApplication] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        else:
            birthday = self.birthday

        linkedin_profile: None | str | Unset
        if isinstance(self.linkedin_profile, Unset):
            linkedin_profile = UNSET
        else:
            linkedin_profile = self.linkedin_profile

        available_from: None | str | Unset
        if isinstance(self.available_from, Unset):
            available_from = UNSET
        else:
            available_from = self.available_from

        applications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.applications, Unset):
            applications = []
            for applications_item_data in self.applications:
                applications_item = applications_item_data.to_dict()
                applications.append(applications_item)

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
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if email is not UNSET:
            field_dict["email"] = email
        if gender is not UNSET:
            field_dict["gender"] = gender
        if phone is not UNSET:
            field_dict["phone"] = phone
        if location is not UNSET:
            field_dict["location"] = location
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if linkedin_profile is not UNSET:
            field_dict["linkedin_profile"] = linkedin_profile
        if available_from is not UNSET:
            field_dict["available_from"] = available_from
        if applications is not UNSET:
            field_dict["applications"] = applications
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
        first_name = _src_get("first_name", UNSET)
        last_name = _src_get("last_name", UNSET)
        email = _src_get("email", UNSET)
        gender = _src_get("gender", UNSET)
        phone = _src_get("phone", UNSET)
        location = _src_get("location", UNSET)
        birthday = _src_get("birthday", UNSET)
        linkedin_profile = _src_get("linkedin_profile", UNSET)
        available_from = _src_get("available_from", UNSET)
        _applications = _src_get("applications", UNSET)
        applications: list[CandidateApplication] | Unset = (
            UNSET
            if _applications is UNSET
            else list(map(CandidateApplication.from_dict, _applications))
        )
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
            first_name,
            last_name,
            email,
            gender,
            phone,
            location,
            birthday,
            linkedin_profile,
            available_from,
            applications,
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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.candidate_application import CandidateApplication
from ..models.local_date_time import LocalDateTime
