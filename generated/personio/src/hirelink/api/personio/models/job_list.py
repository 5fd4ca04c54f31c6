from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job import Job
    from ..models.list_meta import ListMeta


T = TypeVar("T", bound="JobList")


@_attrs_define
class JobList:
    """
    Attributes:
        field_data (list[Job]):
        field_meta (ListMeta | Unset): Paging links; `next` is absent on the last page.
    """

    field_data: list[Job]
    field_meta: ListMeta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_data = []
        for field_data_item_data in self.field_data:
            field_data_item = field_data_item_data.to_dict()
            field_data.append(field_data_item)

        field_meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_meta, Unset):
            field_meta = self.field_meta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_data": field_data,
            }
        )
        if field_meta is not UNSET:
            field_dict["_meta"] = field_meta

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.job import Job
        from ..models.list_meta import ListMeta

        d = dict(src_dict)
        field_data = []
        _field_data = d.pop("_data")
        for field_data_item_data in _field_data:
            field_data_item = Job.from_dict(field_data_item_data)

            field_data.append(field_data_item)

        _field_meta = d.pop("_meta", UNSET)
        field_meta: ListMeta | Unset
        if isinstance(_field_meta, Unset):
            field_meta = UNSET
        else:
            field_meta = ListMeta.from_dict(_field_meta)

        job_list = cls(
            field_data=field_data,
            field_meta=field_meta,
        )

        job_list.additional_properties = d
        return job_list

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
