from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineTemplate")

# Everything else a payload holds is kept in additional_properties.
_KNOWN_KEYS: frozenset[str] = frozenset(
    {
        "id",
        "title",
        "default",
        "custom",
        "stages",
    }
)


@_attrs_define
class PipelineTemplate:
    """A hiring pipeline. Embedded in an offer as `pipeline_template` (C3 [SAMPLE]) and answered by getPipelineTemplate (I
    [SL2]).

        Attributes:
            id (int | Unset):
            title (None | str | Unset):
            default (bool | None | Unset):
            custom (bool | None | Unset):
            stages (list[PipelineStage] | Unset):
    """

    id: int | Unset = UNSET
    title: None | str | Unset = UNSET
    default: bool | None | Unset = UNSET
    custom: bool | None | Unset = UNSET
    stages: list[PipelineStage] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        id = self.id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        default: bool | None | Unset
        if isinstance(self.default, Unset):
            default = UNSET
        else:
            default = self.default

        custom: bool | None | Unset
        if isinstance(self.custom, Unset):
            custom = UNSET
        else:
            custom = self.custom

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if default is not UNSET:
            field_dict["default"] = default
        if custom is not UNSET:
            field_dict["custom"] = custom
        if stages is not UNSET:
            field_dict["stages"] = stages

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        _src_get = src_dict.get
        id = _src_get("id", UNSET)
        title = _src_get("title", UNSET)
        default = _src_get("default", UNSET)
        custom = _src_get("custom", UNSET)
        _stages = _src_get("stages", UNSET)
        stages: list[PipelineStage] | Unset = (
            UNSET if _stages is UNSET else list(map(PipelineStage.from_dict, _stages))
        )
        _instance_ = cls(
            id,
            title,
            default,
            custom,
            stages,
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
from ..models.pipeline_stage import PipelineStage
