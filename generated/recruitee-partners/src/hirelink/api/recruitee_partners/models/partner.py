from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_kind import PartnerKind
from ..types import UNSET, Unset


def _masked(value: object) -> str:
    """A secret's place in ``repr``: ``'***'`` once it holds a value."""
    return repr(value) if value is None or isinstance(value, Unset) else "'***'"


T = TypeVar("T", bound="Partner")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "kind",
        "name",
        "codename",
        "description",
        "logo",
        "urls",
        "inputs",
        "options",
        "secret",
        "promoted",
    }
)


@_attrs_define
class Partner:
    """The partner record as Recruitee returns it.

    Attributes:
        kind (PartnerKind | str): Open set of values.
        name (str): Shown to users, also in Recruitee's generic error message.
        codename (str | Unset): The partner's identifier. Whether the record repeats it is assumed.
        description (None | str | Unset):
        logo (None | str | Unset): Address of the partner's logo. That it is a URL is assumed.
        urls (PartnerUrls | Unset): Addresses Recruitee calls (validate_token, tests, send_candidate) or links to
            (help_article). Other keys, such as an older `send_assessment`, may appear.
        inputs (list[PartnerInput] | Unset): The fields of the send dialog, in order.
        options (PartnerOptions | Unset): Behaviour flags; their names are not documented.
        secret (str | Unset): The partner secret for the report calls. Treat it like a password.
        promoted (bool | Unset): Whether the partner is available to every customer. `false` when the record is created
            (partner guide).
    """

    kind: PartnerKind | str
    name: str
    codename: str | Unset = UNSET
    description: None | str | Unset = UNSET
    logo: None | str | Unset = UNSET
    urls: PartnerUrls | Unset = UNSET
    inputs: list[PartnerInput] | Unset = UNSET
    options: PartnerOptions | Unset = UNSET
    secret: str | Unset = _attrs_field(default=UNSET, repr=_masked)
    promoted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        kind: str
        if isinstance(self.kind, PartnerKind):
            kind = self.kind.value
        else:
            kind = self.kind

        name = self.name

        codename = self.codename

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        logo: None | str | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        else:
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

        secret = self.secret

        promoted = self.promoted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if codename is not UNSET:
            field_dict["codename"] = codename
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
        if secret is not UNSET:
            field_dict["secret"] = secret
        if promoted is not UNSET:
            field_dict["promoted"] = promoted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        kind = _parse_kind(src_dict["kind"])
        name = src_dict["name"]
        codename = _src_get("codename", UNSET)
        description = _src_get("description", UNSET)
        logo = _src_get("logo", UNSET)
        _urls = _src_get("urls", UNSET)
        urls: PartnerUrls | Unset = (
            UNSET if _urls is UNSET else PartnerUrls.from_dict(_urls)
        )
        _inputs = _src_get("inputs", UNSET)
        inputs: list[PartnerInput] | Unset = (
            UNSET if _inputs is UNSET else list(map(PartnerInput.from_dict, _inputs))
        )
        _options = _src_get("options", UNSET)
        options: PartnerOptions | Unset = (
            UNSET if _options is UNSET else PartnerOptions.from_dict(_options)
        )
        secret = _src_get("secret", UNSET)
        promoted = _src_get("promoted", UNSET)
        _instance_ = cls(
            kind,
            name,
            codename,
            description,
            logo,
            urls,
            inputs,
            options,
            secret,
            promoted,
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


def _parse_kind(data: object) -> PartnerKind | str:
    try:
        if not isinstance(data, str):
            raise TypeError()
        kind_type_0 = PartnerKind(data)

        return kind_type_0
    except (TypeError, ValueError, AttributeError, KeyError):
        pass
    return cast(PartnerKind | str, data)


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.partner_input import PartnerInput
from ..models.partner_options import PartnerOptions
from ..models.partner_urls import PartnerUrls
