from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate_application import CandidateApplication
    from ..models.local_date_time import LocalDateTime


T = TypeVar("T", bound="Candidate")


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
        created_at (LocalDateTime | str | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
            (defensively) a plain ISO 8601 string.
        updated_at (LocalDateTime | str | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
            (defensively) a plain ISO 8601 string.
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
    created_at: LocalDateTime | str | Unset = UNSET
    updated_at: LocalDateTime | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.local_date_time import LocalDateTime

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

        created_at: dict[str, Any] | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, LocalDateTime):
            created_at = self.created_at.to_dict()
        else:
            created_at = self.created_at

        updated_at: dict[str, Any] | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, LocalDateTime):
            updated_at = self.updated_at.to_dict()
        else:
            updated_at = self.updated_at

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
        from ..models.candidate_application import CandidateApplication
        from ..models.local_date_time import LocalDateTime

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_birthday(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))

        def _parse_linkedin_profile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linkedin_profile = _parse_linkedin_profile(d.pop("linkedin_profile", UNSET))

        def _parse_available_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        available_from = _parse_available_from(d.pop("available_from", UNSET))

        _applications = d.pop("applications", UNSET)
        applications: list[CandidateApplication] | Unset = UNSET
        if _applications is not UNSET:
            applications = []
            for applications_item_data in _applications:
                applications_item = CandidateApplication.from_dict(
                    applications_item_data
                )

                applications.append(applications_item)

        def _parse_created_at(data: object) -> LocalDateTime | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = LocalDateTime.from_dict(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocalDateTime | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> LocalDateTime | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_timestamp_type_0 = LocalDateTime.from_dict(data)

                return componentsschemas_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocalDateTime | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        candidate = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            gender=gender,
            phone=phone,
            location=location,
            birthday=birthday,
            linkedin_profile=linkedin_profile,
            available_from=available_from,
            applications=applications,
            created_at=created_at,
            updated_at=updated_at,
        )

        candidate.additional_properties = d
        return candidate

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
