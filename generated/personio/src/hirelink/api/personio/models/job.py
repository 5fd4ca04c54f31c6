from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "name",
        "department",
        "category",
        "hiring_team",
        "company",
        "created_at",
        "updated_at",
    }
)


@_attrs_define
class Job:
    """A job. Without description or public link. The hiring team is confirmed; the other properties are known from third-
    party clients.

        Attributes:
            id (str | Unset):
            name (str | Unset):
            department (IdName | None | Unset):
            category (IdName | None | Unset):
            hiring_team (list[HiringTeamMember] | Unset):
            company (JobCompany | Unset):
            created_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
                (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
                unset and kept, as sent, in additional_properties.
            updated_at (datetime.datetime | Unset): A moment in v2 recruiting responses: a LocalDateTime object, or
                (defensively) a plain ISO 8601 string. Read as a timezone-aware datetime; a stamp that names no moment is left
                unset and kept, as sent, in additional_properties.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    department: IdName | None | Unset = UNSET
    category: IdName | None | Unset = UNSET
    hiring_team: list[HiringTeamMember] | Unset = UNSET
    company: JobCompany | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
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

        hiring_team: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hiring_team, Unset):
            hiring_team = []
            for hiring_team_item_data in self.hiring_team:
                hiring_team_item = hiring_team_item_data.to_dict()
                hiring_team.append(hiring_team_item)

        company: dict[str, Any] | Unset = UNSET
        if not isinstance(self.company, Unset):
            company = self.company.to_dict()

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
        if name is not UNSET:
            field_dict["name"] = name
        if department is not UNSET:
            field_dict["department"] = department
        if category is not UNSET:
            field_dict["category"] = category
        if hiring_team is not UNSET:
            field_dict["hiring_team"] = hiring_team
        if company is not UNSET:
            field_dict["company"] = company
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
        _hiring_team = _src_get("hiring_team", UNSET)
        hiring_team: list[HiringTeamMember] | Unset = (
            UNSET
            if _hiring_team is UNSET
            else list(map(HiringTeamMember.from_dict, _hiring_team))
        )
        _company = _src_get("company", UNSET)
        company: JobCompany | Unset = (
            UNSET if _company is UNSET else JobCompany.from_dict(_company)
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
            name,
            department,
            category,
            hiring_team,
            company,
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
from ..models.hiring_team_member import HiringTeamMember
from ..models.id_name import IdName
from ..models.job_company import JobCompany
from ..models.local_date_time import LocalDateTime
