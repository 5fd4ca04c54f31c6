"""The JOIN part of the demo: the seed's seven workflow steps, then the reference data.

An identity-check workflow as Persona's JOIN integration runs it: pick the job and an
application, create an application with a CV, and write the outcome back to the
candidate as a tag and a note. Each step is a catalog operation (see
:mod:`hirelink.operations.providers.join`).
"""

from __future__ import annotations

import base64
from typing import Any

from .demo import Context, Step

DEMO_CV = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
"""A tiny PDF sent as the new application's CV."""


def join_workflow() -> list[Step]:
    """List Jobs, Retrieve Job, List Applications, Retrieve Application, Create
    Application, Update Candidate (tags), Create Candidate Note; then reference data."""

    def jobs(result: Any, context: Context) -> None:
        context["job"] = next(job["id"] for job in result if job["status"] == "ONLINE")

    def applications(result: Any, context: Context) -> None:
        context["application"] = result[0]["id"]

    def application(result: Any, context: Context) -> None:
        context["candidate"] = result["candidate"]["id"]

    return [
        Step(
            "join.list_jobs",
            {"content": True},
            lambda r: f"{len(r)} jobs, {sum(j['status'] == 'ONLINE' for j in r)} online",
            jobs,
        ),
        Step(
            "join.get_job",
            lambda c: {"job_id": c["job"]},
            lambda r: f"{r['title']} ({r['status']}, {r['workplaceType']}, {r['office']['city']})",
        ),
        Step(
            "join.list_applications",
            {"page": 1, "page_size": 50, "updated_since": "2026-01-01T00:00:00Z"},
            lambda r: f"{len(r)} on page 1; newest {r[0]['id']} ({r[0]['hiringState']})",
            applications,
        ),
        Step(
            "join.get_application",
            lambda c: {"application_id": c["application"]},
            lambda r: (
                f"{r['candidate']['firstName']} {r['candidate']['lastName']} "
                f"<{r['candidate']['email']}>, candidate {r['candidate']['id']}"
            ),
            application,
        ),
        Step(
            "join.create_application",
            lambda c: {
                "job_id": c["job"],
                "first_name": "Demo",
                "last_name": "Applicant",
                "email": "demo.applicant@example.org",
                "phone": "+4915100000000",
                "source": "ORGANIC",
                "integration_external_id": "hirelink-demo-1",
                "documents": [
                    {
                        "type": "CV",
                        "file_name": "Demo_Applicant_CV.pdf",
                        "content": base64.b64encode(DEMO_CV).decode(),
                    }
                ],
            },
            lambda r: f"candidate {r['candidateId']}, application {r.get('id')}, CV attached",
        ),
        Step(
            "join.set_candidate_tags",
            lambda c: {"candidate_id": c["candidate"], "tags": ["identity-verified"]},
            lambda r: f"tags now {r['tags']} (the whole set is replaced)",
        ),
        Step(
            "join.create_candidate_note",
            lambda c: {
                "candidate_id": c["candidate"],
                "content": "Identity verified by the hirelink demo.",
            },
            lambda r: f"note {r['id']}",
        ),
        Step(
            "join.list_categories",
            {"language": "de"},
            lambda r: f"{len(r)} categories; first: {r[0]['name']}",
        ),
        Step(
            "join.list_employment_types",
            {},
            lambda r: ", ".join(t["name"] for t in r),
        ),
        Step(
            "join.list_seniority_levels",
            {"language": "en"},
            lambda r: ", ".join(level["name"] for level in r),
        ),
        Step(
            "join.list_offices",
            {"country_code": "DE"},
            lambda r: ", ".join(f"{o['name']} ({o['city']})" for o in r),
        ),
    ]
