from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, stamp_or_unset

T = TypeVar("T", bound="Person")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "email",
        "created_at",
        "updated_at",
        "first_name",
        "last_name",
        "preferred_name",
        "gender",
        "profile_picture",
        "status",
        "custom_attributes",
        "employments",
        "_meta",
    }
)


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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        email = _src_get("email", UNSET)
        _created_at = _src_get("created_at", UNSET)
        created_at: datetime.datetime | Unset = (
            _created_at if _created_at is UNSET else stamp_or_unset(_created_at)
        )
        _updated_at = _src_get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset = (
            _updated_at if _updated_at is UNSET else stamp_or_unset(_updated_at)
        )
        first_name = _src_get("first_name", UNSET)
        last_name = _src_get("last_name", UNSET)
        preferred_name = _src_get("preferred_name", UNSET)
        gender = _src_get("gender", UNSET)
        _profile_picture = _src_get("profile_picture", UNSET)
        profile_picture: PersonProfilePicture | Unset = (
            UNSET
            if _profile_picture is UNSET
            else PersonProfilePicture.from_dict(_profile_picture)
        )
        status = _src_get("status", UNSET)
        _custom_attributes = _src_get("custom_attributes", UNSET)
        custom_attributes: list[PersonCustomAttribute] | Unset = (
            UNSET
            if _custom_attributes is UNSET
            else list(map(PersonCustomAttribute.from_dict, _custom_attributes))
        )
        _employments = _src_get("employments", UNSET)
        employments: list[PersonEmploymentsItem] | Unset = (
            UNSET
            if _employments is UNSET
            else list(map(PersonEmploymentsItem.from_dict, _employments))
        )
        _field_meta = _src_get("_meta", UNSET)
        field_meta: PersonMeta | Unset = (
            UNSET if _field_meta is UNSET else PersonMeta.from_dict(_field_meta)
        )
        _instance_ = cls(
            id,
            email,
            created_at,
            updated_at,
            first_name,
            last_name,
            preferred_name,
            gender,
            profile_picture,
            status,
            custom_attributes,
            employments,
            field_meta,
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
from ..models.person_custom_attribute import PersonCustomAttribute
from ..models.person_employments_item import PersonEmploymentsItem
from ..models.person_meta import PersonMeta
from ..models.person_profile_picture import PersonProfilePicture
