"""Personio in the catalog: its credentials and documents; the operations come from the client."""

from __future__ import annotations

from uuid import UUID

from attrs import frozen

from hirelink.personio import AsyncPersonio, Document, Personio
from hirelink.personio.documents import DocumentCategory

from ..files import Base64Content, file_conversion
from ..registry import CATALOG, CredentialField, Provider, declared_operations


def _document(content: bytes, filename: str, category: DocumentCategory) -> Document:
    return Document(content, type=category, filename=filename)


@frozen
class _Uploaded:
    """A document Personio holds already, named by the catalog's inputs (a StoredFile)."""

    uuid: UUID
    original_filename: str


def _stored_document(uuid: UUID, original_filename: str, category: DocumentCategory) -> Document:
    return Document(_Uploaded(uuid, original_filename), type=category)


DOCUMENT = file_conversion(
    _document, types=DocumentCategory, name="PersonioDocument", stored=_stored_document
)

PERSONIO = Provider(
    name="personio",
    title="Personio",
    credential_fields=(
        CredentialField(
            "subdomain",
            "Company subdomain: acme, or an address under personio.de or personio.com "
            "(acme.personio.de)",
        ),
        CredentialField(
            "company_id",
            "Recruiting API key: Company ID (Settings > Integrations > API credentials)",
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
            "client_id",
            "Custom integration client ID (Marketplace > Create custom integration)",
            required=False,
        ),
        CredentialField(
            "client_secret", "Custom integration client secret", secret=True, required=False
        ),
        CredentialField("base_url", "API base URL (defaults to production)", required=False),
        CredentialField(
            "jobs_base_url",
            "Job feed base URL with {subdomain} (defaults to production)",
            required=False,
        ),
    ),
    client_class=Personio,
    async_client_class=AsyncPersonio,
    check_operation="personio.check_connection",
    conversions={Document: DOCUMENT},
)


CATALOG.register(
    *declared_operations(
        PERSONIO,
        input_types={
            # bytes in JSON have no name: the one optional beside a path is needed here
            "upload_document": {"file": Base64Content, "filename": (str, ...)}
        },
    )
)
