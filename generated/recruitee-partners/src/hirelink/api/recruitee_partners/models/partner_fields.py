from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.partner_kind import PartnerKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.partner_fields_options import PartnerFieldsOptions
    from ..models.partner_input_fields import PartnerInputFields
    from ..models.partner_urls_input import PartnerUrlsInput


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
        from ..models.partner_fields_options import PartnerFieldsOptions
        from ..models.partner_input_fields import PartnerInputFields
        from ..models.partner_urls_input import PartnerUrlsInput

        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: PartnerKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = PartnerKind(_kind)

        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        logo = d.pop("logo", UNSET)

        _urls = d.pop("urls", UNSET)
        urls: PartnerUrlsInput | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = PartnerUrlsInput.from_dict(_urls)

        _inputs = d.pop("inputs", UNSET)
        inputs: list[PartnerInputFields] | Unset = UNSET
        if _inputs is not UNSET:
            inputs = []
            for inputs_item_data in _inputs:
                inputs_item = PartnerInputFields.from_dict(inputs_item_data)

                inputs.append(inputs_item)

        _options = d.pop("options", UNSET)
        options: PartnerFieldsOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = PartnerFieldsOptions.from_dict(_options)

        partner_fields = cls(
            kind=kind,
            name=name,
            description=description,
            logo=logo,
            urls=urls,
            inputs=inputs,
            options=options,
        )

        return partner_fields
