from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate_field_values_item import CandidateFieldValuesItem
    from ..models.candidate_field_visibility import CandidateFieldVisibility


T = TypeVar("T", bound="CandidateField")


@_attrs_define
class CandidateField:
    """One structured profile field. `kind` names the field type and `values` holds its entries, whose shape depends on the
    kind.

        Attributes:
            id (int | None | Unset): Null for built-in fields that were never stored separately.
            kind (str | Unset): Field type (open set of values).
            name (None | str | Unset): Display name; mainly present on company-defined fields.
            fixed (bool | Unset):
            origin (None | str | Unset):
            visible (bool | Unset):
            visibility (CandidateFieldVisibility | Unset): Who may see the field.
            values (list[CandidateFieldValuesItem] | Unset):
    """

    id: int | None | Unset = UNSET
    kind: str | Unset = UNSET
    name: None | str | Unset = UNSET
    fixed: bool | Unset = UNSET
    origin: None | str | Unset = UNSET
    visible: bool | Unset = UNSET
    visibility: CandidateFieldVisibility | Unset = UNSET
    values: list[CandidateFieldValuesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: int | None | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        kind = self.kind

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        fixed = self.fixed

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        visible = self.visible

        visibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.to_dict()

        values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = []
            for values_item_data in self.values:
                values_item = values_item_data.to_dict()
                values.append(values_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if fixed is not UNSET:
            field_dict["fixed"] = fixed
        if origin is not UNSET:
            field_dict["origin"] = origin
        if visible is not UNSET:
            field_dict["visible"] = visible
        if visibility is not UNSET:
            field_dict["visibility"] = visibility
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.candidate_field_values_item import CandidateFieldValuesItem
        from ..models.candidate_field_visibility import CandidateFieldVisibility

        d = dict(src_dict)

        def _parse_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        kind = d.pop("kind", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        fixed = d.pop("fixed", UNSET)

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        visible = d.pop("visible", UNSET)

        _visibility = d.pop("visibility", UNSET)
        visibility: CandidateFieldVisibility | Unset
        if isinstance(_visibility, Unset):
            visibility = UNSET
        else:
            visibility = CandidateFieldVisibility.from_dict(_visibility)

        _values = d.pop("values", UNSET)
        values: list[CandidateFieldValuesItem] | Unset = UNSET
        if _values is not UNSET:
            values = []
            for values_item_data in _values:
                values_item = CandidateFieldValuesItem.from_dict(values_item_data)

                values.append(values_item)

        candidate_field = cls(
            id=id,
            kind=kind,
            name=name,
            fixed=fixed,
            origin=origin,
            visible=visible,
            visibility=visibility,
            values=values,
        )

        candidate_field.additional_properties = d
        return candidate_field

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
