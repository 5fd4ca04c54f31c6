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

JOB = 8812345
APPLICATION = 51000042
JOIN_CANDIDATE = 41700042

JOIN_STEPS: list[tuple[str, dict[str, Any], Any]] = [
    ("join.list_jobs", {"content": True}, lambda r: len(r) == 5),
    ("join.get_job", {"job_id": JOB}, lambda r: r["id"] == JOB),
    (
        "join.list_applications",
        {"page": 2, "page_size": 50, "updated_since": "2026-01-01T00:00:00Z"},
        lambda r: len(r) == 50,
    ),
    (
        "join.get_application",
        {"application_id": APPLICATION},
        lambda r: r["candidate"]["id"] == JOIN_CANDIDATE,
    ),
    (
        "join.create_application",
        {
            "job_id": JOB,
            "first_name": "Catalog",
            "last_name": "Person",
            "email": "cp@example.org",
            "source": "REFERRALS",
            "documents": [{"type": "CV", "file_name": "cv.pdf", "content": "JVBERi0xLjcK"}],
        },
        lambda r: isinstance(r["candidateId"], int),
    ),
    (
        "join.set_candidate_tags",
        {"candidate_id": JOIN_CANDIDATE, "tags": ["identity-verified"]},
        lambda r: r["tags"] == ["identity-verified"],
    ),
    (
        "join.create_candidate_note",
        {"candidate_id": JOIN_CANDIDATE, "content": "Verified."},
        lambda r: r["content"] == "Verified.",
    ),
    ("join.list_categories", {"language": "de"}, lambda r: r[0]["name"] == "Softwareentwicklung"),
    ("join.list_employment_types", {}, lambda r: len(r) == 5),
    ("join.list_seniority_levels", {"language": "en"}, lambda r: len(r) == 5),
    ("join.list_offices", {"country_code": "AT"}, lambda r: [o["id"] for o in r] == [90213]),
]
