from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="V1ErrorItem")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "field",
        "errors",
        "id",
        "status",
        "title",
        "detail",
    }
)


@_attrs_define
class V1ErrorItem:
    """Either a field error (`field`, `errors`) or a general error (`id`, `status`, `title`, `detail`).

    Attributes:
        field (str | Unset): The offending field, unique within the list.
        errors (list[V1ErrorReason] | Unset):
        id (str | Unset): Personio's internal reference of the failure (a uuid).
        status (str | Unset): The HTTP status, as a string.
        title (str | Unset):
        detail (str | Unset):
    """

    field: str | Unset = UNSET
    errors: list[V1ErrorReason] | Unset = UNSET
    id: str | Unset = UNSET
    status: str | Unset = UNSET
    title: str | Unset = UNSET
    detail: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        field = self.field

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        id = self.id

        status = self.status

        title = self.title

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if errors is not UNSET:
            field_dict["errors"] = errors
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        field = _src_get("field", UNSET)
        _errors = _src_get("errors", UNSET)
        errors: list[V1ErrorReason] | Unset = (
            UNSET if _errors is UNSET else list(map(V1ErrorReason.from_dict, _errors))
        )
        id = _src_get("id", UNSET)
        status = _src_get("status", UNSET)
        title = _src_get("title", UNSET)
        detail = _src_get("detail", UNSET)
        _instance_ = cls(
            field,
            errors,
            id,
            status,
            title,
            detail,
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
from ..models.v1_error_reason import V1ErrorReason
