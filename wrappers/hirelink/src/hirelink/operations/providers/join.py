"""JOIN operations: the seven workflow steps of the JOIN guide, plus reference data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirelink.join import AsyncJoin, Document, Join
from hirelink.join.documents import DocumentTypeName

from ..files import file_conversion
from ..registry import CATALOG, CredentialField, Operation, Provider


def _arguments(values: Mapping[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"token": values["token"]}
    if values.get("base_url"):
        arguments["base_url"] = values["base_url"]
    return arguments


def _document(content: bytes, file_name: str, type_: DocumentTypeName) -> Document:
    return Document.from_bytes(content, file_name=file_name, type=type_)


JOIN = Provider(
    name="join",
    title="JOIN",
    credential_fields=(
        CredentialField("token", "API token (JOIN: Settings > Integrations > API)", secret=True),
        CredentialField("base_url", "API base URL (defaults to production)", required=False),
    ),
    client_class=Join,
    async_client_class=AsyncJoin,
    client_arguments=_arguments,
    spec_name="join",
    check_operation="join.list_categories",
    conversions={Document: file_conversion(_document, types=DocumentTypeName, name="JoinDocument")},
)


def _operation(method: str, title: str, **extra: Any) -> Operation:
    return Operation(id=f"join.{method}", title=title, provider=JOIN, method=method, **extra)


CATALOG.register(
    _operation("list_jobs", "List Jobs", iter_method="iter_jobs", example={"page_size": 20}),
    _operation("get_job", "Retrieve Job", example={"job_id": 1021}),
    _operation(
        "list_applications",
        "List Applications",
        iter_method="iter_applications",
        example={"page": 1, "page_size": 50, "updated_since": "2025-03-01T00:00:00Z"},
    ),
    _operation("get_application", "Retrieve Application", example={"application_id": 51000001}),
    _operation(
        "create_application",
        "Create Application",
        example={
            "job_id": 1021,
            "first_name": "Ada",
            "last_name": "Lindqvist",
            "email": "ada@example.org",
            "documents": [{"type": "CV", "file_name": "cv.pdf", "content": "JVBERi0xLjQK"}],
        },
    ),
    _operation(
        "set_candidate_tags",
        "Update Candidate",
        example={"candidate_id": 41700001, "tags": ["identity-verified"]},
    ),
    _operation(
        "create_candidate_note",
        "Create Candidate Note",
        example={"candidate_id": 41700001, "content": "Identity verified."},
    ),
    _operation("list_categories", "List Categories", example={"language": "en"}),
    _operation("list_employment_types", "List Employment Types", example={"language": "en"}),
    _operation("list_seniority_levels", "List Seniority Levels", example={"language": "en"}),
    _operation("list_offices", "List Offices", iter_method="iter_offices", example={}),
)
