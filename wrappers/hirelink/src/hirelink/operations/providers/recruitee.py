"""Recruitee in the catalog: its credential; the operations come from the client's declarations."""

from __future__ import annotations

from hirelink.recruitee import AsyncRecruitee, Recruitee

from ..registry import CATALOG, CredentialField, Provider, declared_operations

RECRUITEE = Provider(
    name="recruitee",
    title="Recruitee",
    credential_fields=(
        CredentialField("company_id", "Company ID or subdomain (in the app's URL after company=)"),
        CredentialField(
            "token",
            "Personal API token (Settings > Apps and plugins > Personal API tokens)",
            secret=True,
        ),
        CredentialField("base_url", "API base URL (defaults to production)", required=False),
    ),
    client_class=Recruitee,
    async_client_class=AsyncRecruitee,
    check_operation="recruitee.check_connection",
)


CATALOG.register(*declared_operations(RECRUITEE))
