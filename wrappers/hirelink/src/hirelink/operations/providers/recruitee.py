"""Recruitee operations: the seed's "List Candidates" and "Update Candidate", and the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hirelink.recruitee import AsyncRecruitee, Recruitee

from ..registry import CATALOG, CredentialField, Operation, Provider


def _arguments(values: Mapping[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"company_id": values["company_id"], "token": values["token"]}
    if values.get("base_url"):
        arguments["base_url"] = values["base_url"]
    return arguments


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
    client_arguments=_arguments,
    spec_name="recruitee",
    check_operation="recruitee.list_offers",
)


def _operation(id_: str, title: str, method: str, **extra: Any) -> Operation:
    return Operation(id=f"recruitee.{id_}", title=title, provider=RECRUITEE, method=method, **extra)


CATALOG.register(
    _operation(
        "list_candidates",
        "List Candidates",
        "list_candidates",
        iter_method="iter_candidates",
        example={"limit": 20, "offset": 0, "qualified": True, "sort": "by_date"},
    ),
    _operation(
        "update_candidate",
        "Update Candidate",
        "update_candidate",
        example={"candidate_id": 7730011, "phones": ["+46701234567"]},
    ),
    _operation(
        "get_candidate", "Retrieve Candidate", "get_candidate", example={"candidate_id": 7730011}
    ),
    _operation(
        "create_candidate",
        "Create Candidate",
        "create_candidate",
        example={"name": "Tomás Reyes", "emails": ["tomas@example.net"], "offer_ids": [31337]},
    ),
    _operation(
        "delete_candidate",
        "Delete Candidate",
        "delete_candidate",
        example={"candidate_id": 7730011},
    ),
    _operation(
        "update_candidate_cv",
        "Update Candidate CV",
        "update_candidate_cv",
        example={"candidate_id": 7730011, "remote_cv_url": "https://files.example.org/cv.pdf"},
    ),
    _operation(
        "list_candidate_notes",
        "List Candidate Notes",
        "list_candidate_notes",
        example={"candidate_id": 7730011},
    ),
    _operation(
        "create_candidate_note",
        "Create Candidate Note",
        "create_candidate_note",
        example={"candidate_id": 7730011, "body": "Identity verified."},
    ),
    _operation(
        "add_candidate_tags",
        "Add Candidate Tags",
        "add_candidate_tags",
        example={"candidate_id": 7730011, "tags": ["identity-verified"]},
    ),
    _operation(
        "remove_candidate_tags",
        "Remove Candidate Tags",
        "remove_candidate_tags",
        example={"candidate_id": 7730011, "tags": ["identity-verified"]},
    ),
    _operation("list_offers", "List Offers", "list_offers", example={"kind": "job"}),
    _operation("get_offer", "Retrieve Offer", "get_offer", example={"offer_id": 31337}),
)
