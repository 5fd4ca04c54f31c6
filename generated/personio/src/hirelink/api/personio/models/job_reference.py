from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JobReference")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "department",
        "category",
    }
)


@_attrs_define
class JobReference:
    """
    Attributes:
        id (str | Unset):
        name (str | Unset):
        department (IdName | None | Unset):
        category (IdName | None | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    department: IdName | None | Unset = UNSET
    category: IdName | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        name = self.name

        department: dict[str, Any] | None | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        elif isinstance(self.department, IdName):
            department = self.department.to_dict()
        else:
            department = self.department

        category: dict[str, Any] | None | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, IdName):
            category = self.category.to_dict()
        else:
            category = self.category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if department is not UNSET:
            field_dict["department"] = department
        if category is not UNSET:
            field_dict["category"] = category

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        name = _src_get("name", UNSET)
        _department = _src_get("department", UNSET)
        department: IdName | None | Unset = (
            _department
            if _department is None or _department is UNSET
            else _parse_department(_department)
        )
        _category = _src_get("category", UNSET)
        category: IdName | None | Unset = (
            _category
            if _category is None or _category is UNSET
            else _parse_category(_category)
        )
        _instance_ = cls(
            id,
            name,
            department,
            category,
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


def _parse_department(data: object) -> IdName | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        department_type_0 = IdName.from_dict(data)

        return department_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(IdName | None | Unset, data)


def _parse_category(data: object) -> IdName | None | Unset:
    if data is None:
        return data
    if isinstance(data, Unset):
        return data
    try:
        if not isinstance(data, dict):
            raise TypeError()
        category_type_0 = IdName.from_dict(data)

        return category_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(IdName | None | Unset, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.id_name import IdName
