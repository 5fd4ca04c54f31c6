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

T = TypeVar("T", bound="OfferReference")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "type",
        "id",
        "title",
        "slug",
        "guid",
        "kind",
        "status",
        "location",
        "lang_code",
        "position",
        "department_id",
    }
)


@_attrs_define
class OfferReference:
    """
    Attributes:
        type_ (Literal['Offer']):
        id (int | Unset):
        title (str | Unset):
        slug (str | Unset):
        guid (str | Unset):
        kind (str | Unset): Open set of values.
        status (str | Unset): Open set of values.
        location (None | str | Unset):
        lang_code (None | str | Unset):
        position (int | None | Unset):
        department_id (int | None | Unset):
    """

    type_: Literal["Offer"]
    id: int | Unset = UNSET
    title: str | Unset = UNSET
    slug: str | Unset = UNSET
    guid: str | Unset = UNSET
    kind: str | Unset = UNSET
    status: str | Unset = UNSET
    location: None | str | Unset = UNSET
    lang_code: None | str | Unset = UNSET
    position: int | None | Unset = UNSET
    department_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        type_ = self.type_

        id = self.id

        title = self.title

        slug = self.slug

        guid = self.guid

        kind = self.kind

        status = self.status

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        lang_code: None | str | Unset
        if isinstance(self.lang_code, Unset):
            lang_code = UNSET
        else:
            lang_code = self.lang_code

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        department_id: int | None | Unset
        if isinstance(self.department_id, Unset):
            department_id = UNSET
        else:
            department_id = self.department_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if slug is not UNSET:
            field_dict["slug"] = slug
        if guid is not UNSET:
            field_dict["guid"] = guid
        if kind is not UNSET:
            field_dict["kind"] = kind
        if status is not UNSET:
            field_dict["status"] = status
        if location is not UNSET:
            field_dict["location"] = location
        if lang_code is not UNSET:
            field_dict["lang_code"] = lang_code
        if position is not UNSET:
            field_dict["position"] = position
        if department_id is not UNSET:
            field_dict["department_id"] = department_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        type_ = cast(Literal["Offer"], src_dict["type"])
        if type_ != "Offer":
            raise ValueError(f"type must match const 'Offer', got '{type_}'")
        id = _src_get("id", UNSET)
        title = _src_get("title", UNSET)
        slug = _src_get("slug", UNSET)
        guid = _src_get("guid", UNSET)
        kind = _src_get("kind", UNSET)
        status = _src_get("status", UNSET)
        location = _src_get("location", UNSET)
        lang_code = _src_get("lang_code", UNSET)
        position = _src_get("position", UNSET)
        department_id = _src_get("department_id", UNSET)
        _instance_ = cls(
            type_,
            id,
            title,
            slug,
            guid,
            kind,
            status,
            location,
            lang_code,
            position,
            department_id,
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
