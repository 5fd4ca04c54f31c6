from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hiring_team_member_person import HiringTeamMemberPerson
    from ..models.hiring_team_member_role import HiringTeamMemberRole


T = TypeVar("T", bound="HiringTeamMember")


@_attrs_define
class HiringTeamMember:
    """
    Attributes:
        person (HiringTeamMemberPerson | Unset):
        role (HiringTeamMemberRole | Unset):
    """

    person: HiringTeamMemberPerson | Unset = UNSET
    role: HiringTeamMemberRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person: dict[str, Any] | Unset = UNSET
        if not isinstance(self.person, Unset):
            person = self.person.to_dict()

        role: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if person is not UNSET:
            field_dict["person"] = person
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hiring_team_member_person import HiringTeamMemberPerson
        from ..models.hiring_team_member_role import HiringTeamMemberRole

        d = dict(src_dict)
        _person = d.pop("person", UNSET)
        person: HiringTeamMemberPerson | Unset
        if isinstance(_person, Unset):
            person = UNSET
        else:
            person = HiringTeamMemberPerson.from_dict(_person)

        _role = d.pop("role", UNSET)
        role: HiringTeamMemberRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = HiringTeamMemberRole.from_dict(_role)

        hiring_team_member = cls(
            person=person,
            role=role,
        )

        hiring_team_member.additional_properties = d
        return hiring_team_member

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
