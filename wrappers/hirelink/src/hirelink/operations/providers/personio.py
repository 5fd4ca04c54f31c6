"""Personio operations: the job feed, applications through the Recruiting API, v2 reads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Base64Bytes

from hirelink.personio import ApplicationDocument, AsyncPersonio, Personio
from hirelink.personio.documents import DocumentCategory

from ..files import file_conversion
from ..registry import CATALOG, CredentialField, Operation, Provider

_VALUES = (
    "company_id",
    "recruiting_token",
    "channel_id",
    "client_id",
    "client_secret",
    "api_base_url",
    "jobs_base_url",
)


def _arguments(values: Mapping[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"subdomain": values["subdomain"]}
    arguments.update({name: values[name] for name in _VALUES if values.get(name)})
    if "channel_id" in arguments:
        arguments["channel_id"] = int(arguments["channel_id"])
    return arguments


def _document(content: bytes, filename: str, category: DocumentCategory) -> ApplicationDocument:
    return ApplicationDocument(content, category=category, filename=filename)


DOCUMENT = file_conversion(_document, types=DocumentCategory, name="PersonioDocument")

PERSONIO = Provider(
    name="personio",
    title="Personio",
    credential_fields=(
        CredentialField("subdomain", "API domain: <subdomain>.jobs.personio.de"),
        CredentialField(
            "company_id",
            "Recruiting API key: Company ID (Settings > API credentials)",
            required=False,
        ),
        CredentialField(
            "recruiting_token", "Recruiting API key: access token", secret=True, required=False
        ),
        CredentialField(
            "channel_id",
            "Recruiting API channel ID (Settings > Recruiting > Channels)",
            required=False,
        ),
        CredentialField(
            "client_id", "Custom integration client ID (Settings > Integrations)", required=False
        ),
        CredentialField(
            "client_secret", "Custom integration client secret", secret=True, required=False
        ),
        CredentialField("api_base_url", "API base URL (defaults to production)", required=False),
        CredentialField(
            "jobs_base_url",
            "Job feed base URL with {subdomain} (defaults to production)",
            required=False,
        ),
    ),
    client_class=Personio,
    async_client_class=AsyncPersonio,
    client_arguments=_arguments,
    spec_name="personio",
    check_operation="personio.check_connection",
    conversions={ApplicationDocument: DOCUMENT},
)


def _operation(method: str, title: str, **extra: Any) -> Operation:
    return Operation(
        id=f"personio.{method}", title=title, provider=PERSONIO, method=method, **extra
    )


CATALOG.register(
    _operation("list_job_positions", "List Job Positions", example={"language": "en"}),
    _operation(
        "upload_document",
        "Upload Document",
        input_types={"file": Base64Bytes, "filename": str},
        example={"file": "JVBERi0xLjQK", "filename": "cv.pdf"},
    ),
    _operation(
        "create_application",
        "Create Application",
        input_types={"documents": list[DOCUMENT.json_type]},  # type: ignore[name-defined]
        example={
            "job_position_id": 1874512,
            "first_name": "Lena",
            "last_name": "Vogt",
            "email": "lena.vogt@example.org",
            "documents": [{"type": "cv", "filename": "cv.pdf", "content": "JVBERi0xLjQK"}],
        },
    ),
    _operation(
        "list_applications",
        "List Applications",
        iter_method="iter_applications",
        example={"candidate_email": "lena.vogt@example.org"},
    ),
    _operation("get_application", "Retrieve Application", example={"application_id": 8812046}),
    _operation(
        "list_application_stage_transitions",
        "List Application Stage Transitions",
        example={"application_id": 8812046},
    ),
    _operation(
        "list_candidates",
        "List Candidates",
        iter_method="iter_candidates",
        example={"email": "lena.vogt@example.org"},
    ),
    _operation("get_candidate", "Retrieve Candidate", example={"candidate_id": 1}),
    _operation("list_jobs", "List Jobs", iter_method="iter_jobs", example={"limit": 10}),
    _operation("get_job", "Retrieve Job", example={"job_id": 1874512}),
    _operation("list_categories", "List Categories"),
    _operation("get_category", "Retrieve Category", example={"category_id": 1}),
    _operation(
        "list_persons", "List Persons", iter_method="iter_persons", example={"status": "ACTIVE"}
    ),
    _operation("get_person", "Retrieve Person", example={"person_id": 24205129}),
    _operation("check_connection", "Check Connection"),
    # revoke_access_token is left out: each catalog call uses a fresh client, which
    # holds no token to revoke.
)
