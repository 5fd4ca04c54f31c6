"""JOIN operations: the seed's seven workflow steps, and the reference-data lists."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from hirelink.core import InvalidInputError
from hirelink.join import AsyncJoin, Document, Join
from hirelink.join.documents import DocumentTypeName

from ..registry import CATALOG, CredentialField, Operation, Provider
from ..schema import InputConversion


class DocumentInput(BaseModel):
    """A document in catalog inputs: base64 ``content`` with a ``file_name``, or a ``path``."""

    model_config = ConfigDict(extra="forbid")

    type: DocumentTypeName = "CV"
    file_name: str | None = None
    content: str | None = None
    """The file's bytes, standard base64."""
    path: str | None = None
    """A local file instead of ``content`` (its name is used unless ``file_name`` is given)."""

    @model_validator(mode="after")
    def _one_source(self) -> DocumentInput:
        if (self.content is None) == (self.path is None):
            raise ValueError("give either content (base64, with file_name) or path")
        if self.content is not None and not self.file_name:
            raise ValueError("file_name is required with content")
        return self


def _document(value: DocumentInput) -> Document:
    if value.path is not None:
        return Document.from_path(value.path, type=value.type, file_name=value.file_name)
    try:
        data = base64.b64decode(value.content or "", validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInputError("documents.content", "must be standard base64") from None
    return Document.from_bytes(data, file_name=value.file_name or "", type=value.type)


def _arguments(values: Mapping[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"token": values["token"]}
    if values.get("base_url"):
        arguments["base_url"] = values["base_url"]
    return arguments


JOIN = Provider(
    name="join",
    title="JOIN",
    credential_fields=(
        CredentialField(
            "token",
            "API token (JOIN app: User Settings > API Credentials), without 'Bearer'",
            secret=True,
        ),
        CredentialField("base_url", "API base URL (defaults to production)", required=False),
    ),
    client_class=Join,
    async_client_class=AsyncJoin,
    client_arguments=_arguments,
    spec_name="join",
    check_operation="join.list_employment_types",
    conversions={Document: InputConversion(DocumentInput, _document)},
)


def _operation(id_: str, title: str, **extra: Any) -> Operation:
    return Operation(id=f"join.{id_}", title=title, provider=JOIN, method=id_, **extra)


CATALOG.register(
    _operation("list_jobs", "List Jobs", iter_method="iter_jobs", example={"content": True}),
    _operation("get_job", "Retrieve Job", example={"job_id": 8812345}),
    _operation(
        "list_applications",
        "List Applications",
        iter_method="iter_applications",
        example={"page": 1, "page_size": 50, "job_external_id": "req-2026-014"},
    ),
    _operation("get_application", "Retrieve Application", example={"application_id": 51002233}),
    _operation(
        "create_application",
        "Create Application",
        example={
            "job_id": 8812345,
            "first_name": "Lena",
            "last_name": "Vogt",
            "email": "lena.vogt@example.org",
            "source": "JOB_BOARDS",
            "documents": [{"type": "CV", "file_name": "cv.pdf", "content": "JVBERi0xLjcK"}],
        },
    ),
    _operation(
        "set_candidate_tags",
        "Update Candidate",
        example={"candidate_id": 41766224, "tags": ["identity-verified"]},
    ),
    _operation(
        "create_candidate_note",
        "Create Candidate Note",
        example={"candidate_id": 41766224, "content": "Identity verified."},
    ),
    _operation("list_categories", "List Categories", example={"language": "en"}),
    _operation("list_employment_types", "List Employment Types", example={"language": "en"}),
    _operation("list_seniority_levels", "List Seniority Levels", example={"language": "en"}),
    _operation(
        "list_offices", "List Offices", iter_method="iter_offices", example={"country_code": "DE"}
    ),
)
