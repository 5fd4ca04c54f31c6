from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import File

T = TypeVar("T", bound="DocumentUploadRequest")


@_attrs_define
class DocumentUploadRequest:
    """
    Attributes:
        file (File): The file, at most 20 MB, of type pdf, pptx, xlsx, docx, doc, xls, ppt, ods, odt, 7z, gz, rar, zip,
            bmp, gif, jpg, png, tif, csv, txt, rtf, mp4, 3gp, mov, avi or wmv. Whether "20 MB" means 20,000,000 bytes or 20
            MiB is not stated; hirelink checks against 20 MiB and lets Personio refuse anything it considers too big.
    """

    file: File

    def to_dict(self) -> dict[str, Any]:
        """This object as the API's JSON object: keys spelled as the API spells them, unset
        fields left out, extra keys kept."""
        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        """This object as the parts of a ``multipart/form-data`` body."""
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read a decoded JSON object; keys the spec does not name are kept as extra keys."""
        file = File(payload=BytesIO(src_dict["file"]))

        _instance_ = cls(
            file,
        )

        return _instance_
