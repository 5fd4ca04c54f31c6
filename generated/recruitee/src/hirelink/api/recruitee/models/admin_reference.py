from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AdminReference")


@_attrs_define
class AdminReference:
    """
    Attributes:
        type_ (Literal['Admin']):
        id (int | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        email (str | Unset):
        initials (None | str | Unset):
        has_avatar (bool | Unset):
        photo_normal_url (None | str | Unset):
        photo_thumb_url (None | str | Unset):
        timezone (None | str | Unset):
        time_format24 (bool | Unset):
    """

    type_: Literal["Admin"]
    id: int | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    email: str | Unset = UNSET
    initials: None | str | Unset = UNSET
    has_avatar: bool | Unset = UNSET
    photo_normal_url: None | str | Unset = UNSET
    photo_thumb_url: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    time_format24: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

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

        email = self.email

        initials: None | str | Unset
        if isinstance(self.initials, Unset):
            initials = UNSET
        else:
            initials = self.initials

        has_avatar = self.has_avatar

        photo_normal_url: None | str | Unset
        if isinstance(self.photo_normal_url, Unset):
            photo_normal_url = UNSET
        else:
            photo_normal_url = self.photo_normal_url

        photo_thumb_url: None | str | Unset
        if isinstance(self.photo_thumb_url, Unset):
            photo_thumb_url = UNSET
        else:
            photo_thumb_url = self.photo_thumb_url

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        time_format24 = self.time_format24

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if email is not UNSET:
            field_dict["email"] = email
        if initials is not UNSET:
            field_dict["initials"] = initials
        if has_avatar is not UNSET:
            field_dict["has_avatar"] = has_avatar
        if photo_normal_url is not UNSET:
            field_dict["photo_normal_url"] = photo_normal_url
        if photo_thumb_url is not UNSET:
            field_dict["photo_thumb_url"] = photo_thumb_url
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if time_format24 is not UNSET:
            field_dict["time_format24"] = time_format24

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = cast(Literal["Admin"], d.pop("type"))
        if type_ != "Admin":
            raise ValueError(f"type must match const 'Admin', got '{type_}'")

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

        email = d.pop("email", UNSET)

        def _parse_initials(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initials = _parse_initials(d.pop("initials", UNSET))

        has_avatar = d.pop("has_avatar", UNSET)

        def _parse_photo_normal_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_normal_url = _parse_photo_normal_url(d.pop("photo_normal_url", UNSET))

        def _parse_photo_thumb_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        photo_thumb_url = _parse_photo_thumb_url(d.pop("photo_thumb_url", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        time_format24 = d.pop("time_format24", UNSET)

        admin_reference = cls(
            type_=type_,
            id=id,
            first_name=first_name,
            last_name=last_name,
            email=email,
            initials=initials,
            has_avatar=has_avatar,
            photo_normal_url=photo_normal_url,
            photo_thumb_url=photo_thumb_url,
            timezone=timezone,
            time_format24=time_format24,
        )

        admin_reference.additional_properties = d
        return admin_reference

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
