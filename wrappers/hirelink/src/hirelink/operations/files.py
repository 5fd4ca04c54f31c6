"""Files in catalog inputs: ``{"type", "filename", "content"}`` with base64 content, or
``{"type", "uuid", "original_filename"}`` for one the provider holds already.

Workflow engines pass documents (a CV, a cover letter) as JSON; providers take their own
document objects. A provider registers an :class:`~hirelink.operations.schema.InputConversion`
built by :func:`file_conversion` to turn one into the other.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Discriminator, EncodedBytes, Field, Tag, create_model
from pydantic_core import PydanticCustomError

from .schema import InputConversion


class _StandardBase64:
    """RFC 4648 base64 with ``+`` and ``/``, whitespace (line breaks) ignored; anything else
    refused.

    pydantic's ``Base64Bytes`` skips characters outside the alphabet, so a file sent as
    base64url or as a ``data:`` URL arrived as other bytes, and was uploaded as such.
    """

    @classmethod
    def decode(cls, data: bytes) -> bytes:
        try:
            return base64.b64decode(b"".join(data.split()), validate=True)
        except binascii.Error as error:
            raise PydanticCustomError(
                "base64_decode",
                "not standard base64 ({reason}): send the file's bytes alone (not a data: "
                "URL), encoded with + and / (not base64url's - and _)",
                {"reason": str(error)},
            ) from None

    @classmethod
    def encode(cls, value: bytes) -> bytes:
        return base64.b64encode(value)

    @classmethod
    def get_json_format(cls) -> str:
        return "base64"


Base64Content = Annotated[bytes, EncodedBytes(encoder=_StandardBase64)]
"""A file's bytes in JSON: standard base64, refused when it is anything else."""


class FileInput(BaseModel):
    """A file in catalog inputs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str | None = Field(
        default=None,
        description="The provider's document type, e.g. CV; left out, the provider's"
        " default (JOIN: CV, Personio: other).",
    )
    filename: str = Field(min_length=1, description="File name, with its extension.")
    content: Base64Content = Field(description="The file's bytes, base64-encoded.")


class StoredFileInput(BaseModel):
    """A file the provider holds already (uploaded before), attached by its id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: str | None = Field(
        default=None,
        description="The provider's document type, e.g. CV; left out, the provider's"
        " default (JOIN: CV, Personio: other).",
    )
    uuid: UUID = Field(description="The provider's id of the uploaded file.")
    original_filename: str = Field(min_length=1, description="The file's name as uploaded.")


def file_conversion(
    build: Callable[[bytes, str, Any], Any],
    *,
    types: Any = str,
    name: str = "FileInput",
    stored: Callable[[UUID, str, Any], Any] | None = None,
) -> InputConversion:
    """``build(content, filename, type)`` makes the provider's document object.

    ``types`` narrows ``type`` (e.g. a ``Literal`` of the provider's document types), so
    a wrong type is reported with the other input problems, before anything is sent.
    With ``stored(uuid, original_filename, type)``, a file may also be given as one the
    provider holds already (``{"type", "uuid", "original_filename"}``, an upload's answer).
    """
    type_field = (
        types | None,
        Field(
            default=None,
            description="The provider's document type; left out, the provider's default"
            " (JOIN: CV, Personio: other).",
        ),
    )
    model: type[FileInput] = create_model(name, __base__=FileInput, type=type_field)
    if stored is None:
        return InputConversion(
            json_type=model,
            to_python=lambda file: build(file.content, file.filename, file.type),
        )
    kept: type[StoredFileInput] = create_model(
        f"Stored{name}", __base__=StoredFileInput, type=type_field
    )

    def to_python(file: FileInput | StoredFileInput) -> Any:
        if isinstance(file, StoredFileInput):
            return stored(file.uuid, file.original_filename, file.type)
        return build(file.content, file.filename, file.type)

    # Types made at run time (mypy takes the variables for values here).
    either = Annotated[
        Annotated[model, Tag(CONTENT_TAG)] | Annotated[kept, Tag(STORED_TAG)],  # type: ignore[valid-type]
        Discriminator(_file_kind),
    ]
    return InputConversion(json_type=either, to_python=to_python)


CONTENT_TAG = "file-content"
STORED_TAG = "file-stored"
"""The names pydantic gives the two forms of a file in an error's location (left out of
the field path a problem names)."""


def _file_kind(value: Any) -> str:
    """Which form a file is given in: by its ``uuid`` one the provider holds, else its bytes
    (so that a problem is reported against the form meant, not against both)."""
    stored = "uuid" in value if isinstance(value, dict) else isinstance(value, StoredFileInput)
    return STORED_TAG if stored else CONTENT_TAG
