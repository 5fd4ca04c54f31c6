from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.partner_kind import PartnerKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerFields")


@_attrs_define
class PartnerFields:
    """Partner fields to set; only the fields present are changed. Creating a partner needs at least `kind` and `name`
    (which fields the server requires is assumed).

        Attributes:
            kind (PartnerKind | Unset): What the partner offers. All three can receive candidates and report results; the
                kind only changes the labels Recruitee users see.
            name (str | Unset):
            description (str | Unset):
            logo (str | Unset):
            urls (PartnerUrlsInput | Unset):
            inputs (list[PartnerInputFields] | Unset): Replaces the whole list of inputs.
            options (PartnerFieldsOptions | Unset): Behaviour flags of the integration (documented in the partner concepts;
                their names are not).
    """

    kind: PartnerKind | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    logo: str | Unset = UNSET
    urls: PartnerUrlsInput | Unset = UNSET
    inputs: list[PartnerInputFields] | Unset = UNSET
    options: PartnerFieldsOptions | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        name = self.name

        description = self.description

        logo = self.logo

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        inputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.inputs, Unset):
            inputs = []
            for inputs_item_data in self.inputs:
                inputs_item = inputs_item_data.to_dict()
                inputs.append(inputs_item)

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if logo is not UNSET:
            field_dict["logo"] = logo
        if urls is not UNSET:
            field_dict["urls"] = urls
        if inputs is not UNSET:
            field_dict["inputs"] = inputs
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        _kind = _src_get("kind", UNSET)
        kind: PartnerKind | Unset = UNSET if _kind is UNSET else PartnerKind(_kind)
        name = _src_get("name", UNSET)
        description = _src_get("description", UNSET)
        logo = _src_get("logo", UNSET)
        _urls = _src_get("urls", UNSET)
        urls: PartnerUrlsInput | Unset = (
            UNSET if _urls is UNSET else PartnerUrlsInput.from_dict(_urls)
        )
        _inputs = _src_get("inputs", UNSET)
        inputs: list[PartnerInputFields] | Unset = (
            UNSET
            if _inputs is UNSET
            else list(map(PartnerInputFields.from_dict, _inputs))
        )
        _options = _src_get("options", UNSET)
        options: PartnerFieldsOptions | Unset = (
            UNSET if _options is UNSET else PartnerFieldsOptions.from_dict(_options)
        )
        _instance_ = cls(
            kind,
            name,
            description,
            logo,
            urls,
            inputs,
            options,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.partner_fields_options import PartnerFieldsOptions
from ..models.partner_input_fields import PartnerInputFields
from ..models.partner_urls_input import PartnerUrlsInput
