from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CandidateField")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "kind",
        "name",
        "fixed",
        "origin",
        "visible",
        "visibility",
        "values",
    }
)


@_attrs_define
class CandidateField:
    """One structured profile field. `kind` names the field type and `values` holds its entries, whose shape depends on the
    kind.

        Attributes:
            id (int | None | Unset): Null for built-in fields that were never stored separately.
            kind (str | Unset): Field type (open set of values): built-in profile fields (`education`, `skills`, ...) carry
                no `name`; company-defined ones (`single_line`, `dropdown`, `boolean`, ...) do.
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
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
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
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        kind = _src_get("kind", UNSET)
        name = _src_get("name", UNSET)
        fixed = _src_get("fixed", UNSET)
        origin = _src_get("origin", UNSET)
        visible = _src_get("visible", UNSET)
        _visibility = _src_get("visibility", UNSET)
        visibility: CandidateFieldVisibility | Unset = (
            UNSET
            if _visibility is UNSET
            else CandidateFieldVisibility.from_dict(_visibility)
        )
        _values = _src_get("values", UNSET)
        values: list[CandidateFieldValuesItem] | Unset = (
            UNSET
            if _values is UNSET
            else list(map(CandidateFieldValuesItem.from_dict, _values))
        )
        _instance_ = cls(
            id,
            kind,
            name,
            fixed,
            origin,
            visible,
            visibility,
            values,
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
from ..models.candidate_field_values_item import CandidateFieldValuesItem
from ..models.candidate_field_visibility import CandidateFieldVisibility
