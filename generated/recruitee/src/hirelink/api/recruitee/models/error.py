from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Error")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "error",
        "errors",
    }
)


@_attrs_define
class Error:
    """Error body. Recruitee does not document the ATS API's error format and no sample was found, so this shape (a message
    and/or per-field messages) is an assumption; clients should also keep the raw response text.

        Attributes:
            error (str | Unset): Human-readable message.
            errors (ErrorErrors | Unset): Validation messages keyed by field path.
    """

    error: str | Unset = UNSET
    errors: ErrorErrors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        error = self.error

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["error"] = error
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        error = _src_get("error", UNSET)
        _errors = _src_get("errors", UNSET)
        errors: ErrorErrors | Unset = (
            UNSET if _errors is UNSET else ErrorErrors.from_dict(_errors)
        )
        _instance_ = cls(
            error,
            errors,
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
from ..models.error_errors import ErrorErrors
