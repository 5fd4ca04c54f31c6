from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TaskCreateRequest")


@_attrs_define
class TaskCreateRequest:
    """
    Attributes:
        task (TaskCreateFields):
    """

    task: TaskCreateFields

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        task = self.task.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "task": task,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        task = TaskCreateFields.from_dict(src_dict["task"])
        _instance_ = cls(
            task,
        )

        return _instance_


# Imported after the class, not inside its methods: models that refer to each other
# then import in either order, and no call pays for an import statement.
from ..models.task_create_fields import TaskCreateFields
