"""Files in catalog inputs: ``{"type", "filename", "content"}`` with base64 content.

Workflow engines pass documents (a CV, a cover letter) as JSON; providers take their own
document objects. A provider registers an :class:`~hirelink.operations.schema.InputConversion`
built by :func:`file_conversion` to turn one into the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import Base64Bytes, BaseModel, ConfigDict, Field, create_model

from .schema import InputConversion


class FileInput(BaseModel):
    """A file in catalog inputs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str = Field(description="The provider's document type, e.g. CV.")
    filename: str = Field(min_length=1, description="File name, with its extension.")
    content: Base64Bytes = Field(description="The file's bytes, base64-encoded.")


def file_conversion(
    build: Callable[[bytes, str, Any], Any], *, types: Any = str, name: str = "FileInput"
) -> InputConversion:
    """``build(content, filename, type)`` makes the provider's document object.

    ``types`` narrows ``type`` (e.g. a ``Literal`` of the provider's document types), so
    a wrong type is reported with the other input problems, before anything is sent.
    """
    model: type[FileInput] = create_model(
        name,
        __base__=FileInput,
        type=(types, Field(description="The provider's document type.")),
    )
    return InputConversion(
        json_type=model,
        to_python=lambda file: build(file.content, file.filename, file.type),
    )
