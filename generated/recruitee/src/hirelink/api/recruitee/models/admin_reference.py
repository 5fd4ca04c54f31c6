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

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "id",
        "first_name",
        "last_name",
        "email",
        "initials",
        "has_avatar",
        "photo_normal_url",
        "photo_thumb_url",
        "timezone",
        "time_format24",
    }
)


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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        type_ = cast(Literal["Admin"], src_dict["type"])
        if type_ != "Admin":
            raise ValueError(f"type must match const 'Admin', got '{type_}'")
        id = _src_get("id", UNSET)
        first_name = _src_get("first_name", UNSET)
        last_name = _src_get("last_name", UNSET)
        email = _src_get("email", UNSET)
        initials = _src_get("initials", UNSET)
        has_avatar = _src_get("has_avatar", UNSET)
        photo_normal_url = _src_get("photo_normal_url", UNSET)
        photo_thumb_url = _src_get("photo_thumb_url", UNSET)
        timezone = _src_get("timezone", UNSET)
        time_format24 = _src_get("time_format24", UNSET)
        _instance_ = cls(
            type_,
            id,
            first_name,
            last_name,
            email,
            initials,
            has_avatar,
            photo_normal_url,
            photo_thumb_url,
            timezone,
            time_format24,
        )

        if not src_dict.keys() <= _KNOWN_KEYS:
            _instance_.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _KNOWN_KEYS
            }
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
