"""Recruitee Partners in the catalog: its credentials; the operations come from the client."""

from __future__ import annotations

from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners

from ..registry import CATALOG, CredentialField, Provider, declared_operations

PARTNERS = Provider(
    name="recruitee_partners",
    title="Recruitee Partners",
    credential_fields=(
        CredentialField("codename", "The partner's codename (chosen when it was created)"),
        CredentialField("environment", "rc (default) or production", required=False),
        CredentialField(
            "personal_token",
            "RC personal API token, for the partner record (app.rc.recruitee.dev > API tokens)",
            secret=True,
            required=False,
        ),
        CredentialField(
            "partner_secret",
            "The partner secret (RT-PARTNER-SECRET), for reports and a new secret",
            secret=True,
            required=False,
        ),
        CredentialField("base_url", "API base URL (defaults to the environment's)", required=False),
    ),
    client_class=RecruiteePartners,
    async_client_class=AsyncRecruiteePartners,
    check_operation="recruitee_partners.check_connection",
    secret_output_fields=frozenset({"secret"}),
)

CATALOG.register(
    *declared_operations(
        PARTNERS,
        refreshes_credential={
            "create_partner": "partner_secret",
            "regenerate_partner_secret": "partner_secret",
        },
    )
)
