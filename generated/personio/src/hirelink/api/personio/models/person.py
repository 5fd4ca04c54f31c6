from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_custom_attribute import PersonCustomAttribute
    from ..models.person_employments_item import PersonEmploymentsItem
    from ..models.person_meta import PersonMeta
    from ..models.person_profile_picture import PersonProfilePicture


T = TypeVar("T", bound="Person")


@_attrs_define
class Person:
    """A person (employee).

    Attributes:
        id (str):
        email (None | str | Unset):
        created_at (datetime.datetime | Unset): UTC.
        updated_at (datetime.datetime | Unset): UTC.
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        preferred_name (None | str | Unset):
        gender (str | Unset): Open set of values.
        profile_picture (PersonProfilePicture | Unset):
        status (str | Unset): Derived from the latest employment (open set of values).
        custom_attributes (list[PersonCustomAttribute] | Unset):
        employments (list[PersonEmploymentsItem] | Unset):
        field_meta (PersonMeta | Unset):
    """

    id: str
    email: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    preferred_name: None | str | Unset = UNSET
    gender: str | Unset = UNSET
    profile_picture: PersonProfilePicture | Unset = UNSET
    status: str | Unset = UNSET
    custom_attributes: list[PersonCustomAttribute] | Unset = UNSET
    employments: list[PersonEmploymentsItem] | Unset = UNSET
    field_meta: PersonMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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

        preferred_name: None | str | Unset
        if isinstance(self.preferred_name, Unset):
            preferred_name = UNSET
        else:
            preferred_name = self.preferred_name

        gender = self.gender

        profile_picture: dict[str, Any] | Unset = UNSET
        if not isinstance(self.profile_picture, Unset):
            profile_picture = self.profile_picture.to_dict()

        status = self.status

        custom_attributes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_attributes, Unset):
            custom_attributes = []
            for custom_attributes_item_data in self.custom_attributes:
                custom_attributes_item = custom_attributes_item_data.to_dict()
                custom_attributes.append(custom_attributes_item)

        employments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.employments, Unset):
            employments = []
            for employments_item_data in self.employments:
                employments_item = employments_item_data.to_dict()
                employments.append(employments_item)

        field_meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_meta, Unset):
            field_meta = self.field_meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if preferred_name is not UNSET:
            field_dict["preferred_name"] = preferred_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if profile_picture is not UNSET:
            field_dict["profile_picture"] = profile_picture
        if status is not UNSET:
            field_dict["status"] = status
        if custom_attributes is not UNSET:
            field_dict["custom_attributes"] = custom_attributes
        if employments is not UNSET:
            field_dict["employments"] = employments
        if field_meta is not UNSET:
            field_dict["_meta"] = field_meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.person_custom_attribute import PersonCustomAttribute
        from ..models.person_employments_item import PersonEmploymentsItem
        from ..models.person_meta import PersonMeta
        from ..models.person_profile_picture import PersonProfilePicture

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

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

        def _parse_preferred_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_name = _parse_preferred_name(d.pop("preferred_name", UNSET))

        gender = d.pop("gender", UNSET)

        _profile_picture = d.pop("profile_picture", UNSET)
        profile_picture: PersonProfilePicture | Unset
        if isinstance(_profile_picture, Unset):
            profile_picture = UNSET
        else:
            profile_picture = PersonProfilePicture.from_dict(_profile_picture)

        status = d.pop("status", UNSET)

        _custom_attributes = d.pop("custom_attributes", UNSET)
        custom_attributes: list[PersonCustomAttribute] | Unset = UNSET
        if _custom_attributes is not UNSET:
            custom_attributes = []
            for custom_attributes_item_data in _custom_attributes:
                custom_attributes_item = PersonCustomAttribute.from_dict(
                    custom_attributes_item_data
                )

                custom_attributes.append(custom_attributes_item)

        _employments = d.pop("employments", UNSET)
        employments: list[PersonEmploymentsItem] | Unset = UNSET
        if _employments is not UNSET:
            employments = []
            for employments_item_data in _employments:
                employments_item = PersonEmploymentsItem.from_dict(
                    employments_item_data
                )

                employments.append(employments_item)

        _field_meta = d.pop("_meta", UNSET)
        field_meta: PersonMeta | Unset
        if isinstance(_field_meta, Unset):
            field_meta = UNSET
        else:
            field_meta = PersonMeta.from_dict(_field_meta)

        person = cls(
            id=id,
            email=email,
            created_at=created_at,
            updated_at=updated_at,
            first_name=first_name,
            last_name=last_name,
            preferred_name=preferred_name,
            gender=gender,
            profile_picture=profile_picture,
            status=status,
            custom_attributes=custom_attributes,
            employments=employments,
            field_meta=field_meta,
        )

        person.additional_properties = d
        return person

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
