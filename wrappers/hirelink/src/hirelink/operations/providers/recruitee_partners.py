"""Recruitee Partners operations: the partner record and the reports of its candidates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners

from ..registry import CATALOG, CredentialField, Operation, Provider


def _arguments(values: Mapping[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"codename": values["codename"]}
    for name in ("environment", "personal_token", "partner_secret", "base_url"):
        if values.get(name):
            arguments[name] = values[name]
    return arguments


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
            "The partner secret (RT-PARTNER-SECRET), for reports",
            secret=True,
            required=False,
        ),
        CredentialField("base_url", "API base URL (defaults to the environment's)", required=False),
    ),
    client_class=RecruiteePartners,
    async_client_class=AsyncRecruiteePartners,
    client_arguments=_arguments,
    spec_name="recruitee-partners",
    check_operation="recruitee_partners.list_candidate_reports",
    check_inputs={"company_id": 1, "candidate_id": 1},
    secret_output_fields=frozenset({"secret"}),
)

REPORT = "3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa"


def _operation(method: str, title: str, **extra: Any) -> Operation:
    return Operation(
        id=f"recruitee_partners.{method}", title=title, provider=PARTNERS, method=method, **extra
    )


CATALOG.register(
    _operation(
        "create_partner",
        "Create Partner",
        refreshes_credential="partner_secret",
        example={
            "company_id": 4100,
            "kind": "assessment",
            "name": "SkillCheck",
            "urls": {"send_candidate": "https://api.skillcheck.example/recruitee/send"},
        },
    ),
    _operation("get_partner", "Retrieve Partner", example={"company_id": 4100}),
    _operation(
        "update_partner",
        "Update Partner",
        example={"company_id": 4100, "description": "Timed coding tests."},
    ),
    _operation(
        "set_inputs",
        "Set Partner Inputs",
        example={"company_id": 4100, "inputs": [{"kind": "phone", "required": False}]},
    ),
    _operation("delete_partner", "Delete Partner", example={"company_id": 4100}),
    _operation(
        "regenerate_secret", "Regenerate Partner Secret", refreshes_credential="partner_secret"
    ),
    _operation(
        "list_candidate_reports",
        "List Candidate Reports",
        example={"company_id": 4100, "candidate_id": 7730011},
    ),
    _operation(
        "create_report",
        "Create Report",
        example={"company_id": 4100, "candidate_id": 7730011, "status": "sent"},
    ),
    _operation(
        "update_report",
        "Update Report",
        example={"report_id": REPORT, "status": "completed", "score": "82%"},
    ),
    _operation("delete_report", "Delete Report", example={"report_id": REPORT}),
)
