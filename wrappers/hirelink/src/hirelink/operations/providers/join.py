"""JOIN in the catalog: its credential and documents; the operations come from the client."""

from __future__ import annotations

from hirelink.join import AsyncJoin, Document, Join
from hirelink.join.documents import DocumentTypeName

from ..files import file_conversion
from ..registry import CATALOG, CredentialField, Provider, declared_operations


def _document(content: bytes, filename: str, type_: DocumentTypeName) -> Document:
    return Document(content, type=type_, filename=filename)


JOIN = Provider(
    name="join",
    title="JOIN",
    credential_fields=(
        CredentialField("token", "API token (JOIN: User Settings > API Credentials)", secret=True),
        CredentialField("base_url", "API base URL (defaults to production)", required=False),
    ),
    client_class=Join,
    async_client_class=AsyncJoin,
    check_operation="join.check_connection",
    conversions={Document: file_conversion(_document, types=DocumentTypeName, name="JoinDocument")},
)


CATALOG.register(*declared_operations(JOIN))
