"""Inputs that exercise every catalog operation against the sandboxes, in a sensible order.

A test checks that every registered operation appears here, so a new operation cannot
go untested.
"""

from __future__ import annotations

from typing import Any

CANDIDATE = 7730005
NEW_NAME = "Catalog Person"

# (operation id, inputs, a check of the JSON result)
RECRUITEE_STEPS: list[tuple[str, dict[str, Any], Any]] = [
    (
        "recruitee.list_candidates",
        {"limit": 5, "sort": "by_date"},
        lambda r: len(r["candidates"]) == 5,
    ),
    ("recruitee.get_candidate", {"candidate_id": CANDIDATE}, lambda r: r["id"] == CANDIDATE),
    (
        "recruitee.update_candidate",
        {"candidate_id": CANDIDATE, "phones": ["+4930123"]},
        lambda r: r["phones"] == ["+4930123"],
    ),
    (
        "recruitee.update_candidate_cv",
        {"candidate_id": CANDIDATE, "remote_cv_url": "https://files.example.org/cv.pdf"},
        lambda r: r["cv_url"].startswith("http"),
    ),
    (
        "recruitee.create_candidate",
        {"name": NEW_NAME, "emails": ["cp@example.org"]},
        lambda r: r["name"] == NEW_NAME,
    ),
    (
        "recruitee.create_candidate_note",
        {"candidate_id": CANDIDATE, "body": "Verified."},
        lambda r: r["body"] == "Verified.",
    ),
    (
        "recruitee.list_candidate_notes",
        {"candidate_id": CANDIDATE},
        lambda r: any(n["body"] == "Verified." for n in r),
    ),
    (
        "recruitee.add_candidate_tags",
        {"candidate_id": CANDIDATE, "tags": ["identity-verified"]},
        lambda r: "identity-verified" in r["tags"],
    ),
    (
        "recruitee.remove_candidate_tags",
        {"candidate_id": CANDIDATE, "tags": ["identity-verified"]},
        lambda r: "identity-verified" not in r["tags"],
    ),
    ("recruitee.list_offers", {"kind": "job"}, lambda r: all(o["kind"] == "job" for o in r)),
    ("recruitee.get_offer", {"offer_id": 31337}, lambda r: isinstance(r["title"], str)),
    ("recruitee.delete_candidate", {"candidate_id": CANDIDATE}, lambda r: r["id"] == CANDIDATE),
]

CV = "JVBERi0xLjQKJSBjYXRhbG9nIHRlc3QK"  # base64 of a tiny PDF header

JOIN_STEPS: list[tuple[str, dict[str, Any], Any]] = [
    ("join.list_jobs", {}, lambda r: len(r) == 5),
    ("join.get_job", {"job_id": 8812345}, lambda r: r["id"] == 8812345),
    ("join.list_applications", {"page": 1, "page_size": 20}, lambda r: len(r) == 20),
    ("join.get_application", {"application_id": 51000001}, lambda r: r["id"] == 51000001),
    (
        "join.create_application",
        {
            "job_id": 8812345,
            "first_name": "Cat",
            "last_name": "Alog",
            "email": "cat@example.org",
            "documents": [{"type": "CV", "filename": "cv.pdf", "content": CV}],
        },
        lambda r: isinstance(r["candidateId"], int),
    ),
    (
        "join.set_candidate_tags",
        {"candidate_id": 41700001, "tags": ["identity-verified"]},
        lambda r: r["tags"] == ["identity-verified"],
    ),
    (
        "join.create_candidate_note",
        {"candidate_id": 41700001, "body": "Verified."},
        lambda r: isinstance(r["id"], int),
    ),
    ("join.list_categories", {"language": "en"}, lambda r: len(r) > 0),
    ("join.list_employment_types", {}, lambda r: len(r) > 0),
    ("join.list_seniority_levels", {}, lambda r: len(r) > 0),
    ("join.list_offices", {}, lambda r: len(r) > 0),
]

SENT_REPORT = "a1dd18bf-b78c-4aa5-b13a-cf940e8b5e5b"  # seeded by the Partners stand-in
COMPLETED_REPORT = "b9eb4151-2294-4f25-9d31-34834f174540"

# The partner record steps run last: deleting it and creating it again rotates the secret.
PARTNERS_STEPS: list[tuple[str, dict[str, Any], Any]] = [
    (
        "recruitee_partners.get_partner",
        {"company_id": 4100},
        lambda r: r["name"] == "SkillCheck" and r["secret"] == "***",
    ),
    (
        "recruitee_partners.update_partner",
        {"company_id": 4100, "description": "Catalog test."},
        lambda r: r["description"] == "Catalog test.",
    ),
    (
        "recruitee_partners.set_inputs",
        {"company_id": 4100, "inputs": [{"kind": "email", "required": True}]},
        lambda r: [i["kind"] for i in r["inputs"]] == ["email"],
    ),
    (
        "recruitee_partners.list_candidate_reports",
        {"company_id": 4100, "candidate_id": 7730011},
        lambda r: {x["id"] for x in r} == {SENT_REPORT, COMPLETED_REPORT},
    ),
    (
        "recruitee_partners.update_report",
        {"report_id": SENT_REPORT, "status": "completed", "score": "12/15"},
        lambda r: (r["status"], r["score"]) == ("completed", "12/15"),
    ),
    (
        "recruitee_partners.create_report",
        {"company_id": 4100, "candidate_id": 7730011, "status": "sent"},
        lambda r: r["status"] == "sent",
    ),
    ("recruitee_partners.delete_report", {"report_id": COMPLETED_REPORT}, lambda r: r is None),
    (
        "recruitee_partners.regenerate_secret",
        {},
        lambda r: r.startswith("a new partner_secret was issued"),
    ),
    ("recruitee_partners.delete_partner", {"company_id": 4100}, lambda r: r is None),
    (
        "recruitee_partners.create_partner",
        {"company_id": 4100, "kind": "reference_check", "name": "RefCheck"},
        lambda r: r["kind"] == "reference_check" and r["secret"] == "***",
    ),
]

STEPS_BY_PROVIDER = {
    "recruitee": RECRUITEE_STEPS,
    "join": JOIN_STEPS,
    "recruitee_partners": PARTNERS_STEPS,
}

PERSONIO_STEPS: list[tuple[str, dict[str, Any], Any]] = [
    ("personio.check_connection", {}, lambda r: all(check["ok"] for check in r)),
    (
        "personio.list_job_positions",
        {"language": "en"},
        lambda r: any(p["id"] == 1874512 for p in r),
    ),
    (
        "personio.upload_document",
        {"file": CV, "filename": "cv.pdf"},
        lambda r: r["original_filename"] == "cv.pdf",
    ),
    (
        "personio.create_application",
        {
            "job_position_id": 1874512,
            "first_name": "Cat",
            "last_name": "Alog",
            "email": "cat.alog@example.org",
            "attributes": {"phone": "+49 40 555"},
            "documents": [{"type": "cv", "filename": "cv.pdf", "content": CV}],
        },
        lambda r: r["email"] == "cat.alog@example.org",
    ),
    ("personio.list_applications", {"limit": 2}, lambda r: len(r["_data"]) == 2),
    ("personio.get_application", {"application_id": 8812043}, lambda r: r["id"] == "8812043"),
    (
        "personio.list_application_stage_transitions",
        {"application_id": 8812043},
        lambda r: isinstance(r, list),
    ),
    (
        "personio.list_candidates",
        {"email": "emil.berg.29@example.org"},
        lambda r: [c["id"] for c in r["_data"]] == ["5520029"],
    ),
    ("personio.get_candidate", {"candidate_id": 5520029}, lambda r: r["id"] == "5520029"),
    ("personio.list_jobs", {"limit": 3}, lambda r: len(r["_data"]) == 3),
    ("personio.get_job", {"job_id": 1874599}, lambda r: r["id"] == "1874599"),
    ("personio.list_categories", {}, lambda r: [c["id"] for c in r] == ["88", "89", "90"]),
    ("personio.get_category", {"category_id": 88}, lambda r: r["id"] == "88"),
    ("personio.list_persons", {"limit": 2}, lambda r: len(r["_data"]) == 2),
    ("personio.get_person", {"person_id": 24205101}, lambda r: r["id"] == "24205101"),
]

STEPS_BY_PROVIDER["personio"] = PERSONIO_STEPS
