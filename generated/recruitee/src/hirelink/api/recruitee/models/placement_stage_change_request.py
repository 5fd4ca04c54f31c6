from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlacementStageChangeRequest")


@_attrs_define
class PlacementStageChangeRequest:
    """
    Attributes:
        stage_id (int): A stage of the placement's job pipeline.
        proceed (bool | Unset): Sent by both clients; what it changes (presumably running the stage's automations) is
            not documented.
    """

    stage_id: int
    proceed: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stage_id = self.stage_id

        proceed = self.proceed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "stage_id": stage_id,
            }
        )
        if proceed is not UNSET:
            field_dict["proceed"] = proceed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        _src_get = src_dict.get
        stage_id = src_dict["stage_id"]
        proceed = _src_get("proceed", UNSET)
        _instance_ = cls(
            stage_id,
            proceed,
        )

        return _instance_
