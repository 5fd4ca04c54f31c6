from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Department")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "offers_count",
        "status",
        "grouped_translations",
    }
)


@_attrs_define
class Department:
    """
    Attributes:
        id (int):
        name (str):
        offers_count (int | Unset):
        status (str | Unset): The department's status (values seen in AB's schema are open text).
        grouped_translations (DepartmentGroupedTranslations | Unset): The department's name per language, e.g. `{en:
            {name: ...}}`.
    """

    id: int
    name: str
    offers_count: int | Unset = UNSET
    status: str | Unset = UNSET
    grouped_translations: DepartmentGroupedTranslations | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        name = self.name

        offers_count = self.offers_count

        status = self.status

        grouped_translations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.grouped_translations, Unset):
            grouped_translations = self.grouped_translations.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if offers_count is not UNSET:
            field_dict["offers_count"] = offers_count
        if status is not UNSET:
            field_dict["status"] = status
        if grouped_translations is not UNSET:
            field_dict["grouped_translations"] = grouped_translations

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = src_dict["id"]
        name = src_dict["name"]
        offers_count = _src_get("offers_count", UNSET)
        status = _src_get("status", UNSET)
        _grouped_translations = _src_get("grouped_translations", UNSET)
        grouped_translations: DepartmentGroupedTranslations | Unset = (
            UNSET
            if _grouped_translations is UNSET
            else DepartmentGroupedTranslations.from_dict(_grouped_translations)
        )
        _instance_ = cls(
            id,
            name,
            offers_count,
            status,
            grouped_translations,
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


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.department_grouped_translations import DepartmentGroupedTranslations
