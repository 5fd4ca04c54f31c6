"""The partners stand-in over raw HTTP: auth, validation, determinism, loopback only."""

from __future__ import annotations

import httpx
import pytest

from hirelink.sandbox.recruitee_partners import create_partners_sandbox

from .conftest import Served

PARTNER = "/p/skillcheck/c/4100/partner"
REPORTS = "/p/skillcheck/c/4100/candidates/7730011/reports"


def test_the_partner_record_needs_the_personal_token(served: Served) -> None:
    assert httpx.get(f"{served.url}{PARTNER}").status_code == 401
    wrong = httpx.get(f"{served.url}{PARTNER}", headers={"Authorization": "Bearer nope"})
    assert (wrong.status_code, wrong.json()) == (401, {"error": "Unauthorized"})
    # The partner secret does not open the partner record.
    secret = httpx.get(f"{served.url}{PARTNER}", headers={"RT-PARTNER-SECRET": served.secret})
    assert secret.status_code == 401
    good = httpx.get(
        f"{served.url}{PARTNER}",
        headers={"Authorization": f"Bearer {served.sandbox.personal_token}"},
    )
    assert good.status_code == 200
    assert good.json()["secret"] == served.secret


def test_reports_need_the_partner_secret(served: Served) -> None:
    assert httpx.get(f"{served.url}{REPORTS}").status_code == 401
    token = httpx.get(
        f"{served.url}{REPORTS}",
        headers={"Authorization": f"Bearer {served.sandbox.personal_token}"},
    )
    assert token.status_code == 401
    good = httpx.get(f"{served.url}{REPORTS}", headers={"RT-PARTNER-SECRET": served.secret})
    assert [report["status"] for report in good.json()] == ["completed", "sent"]
    unknown = httpx.get(
        f"{served.url}/p/other/c/4100/candidates/7730011/reports",
        headers={"RT-PARTNER-SECRET": served.secret},
    )
    assert (unknown.status_code, unknown.json()) == (404, {"error": "Partner not found"})
    recorded = served.sandbox.recorder.last("GET", "/reports")
    assert recorded is not None
    assert recorded.headers["rt-partner-secret"] == "<redacted>"


def test_requests_are_validated_against_the_spec(served: Served) -> None:
    headers = {"RT-PARTNER-SECRET": served.secret}
    report_id = served.first_report_id()
    bad_status = httpx.patch(
        f"{served.url}/p/skillcheck/reports/{report_id}", headers=headers, json={"status": "done"}
    )
    assert bad_status.status_code == 422
    assert "status" in bad_status.json()["errors"]
    empty_body = httpx.patch(
        f"{served.url}/p/skillcheck/reports/{report_id}", headers=headers, json={}
    )
    assert empty_body.status_code == 422
    not_a_uuid = httpx.patch(
        f"{served.url}/p/skillcheck/reports/42", headers=headers, json={"score": "1"}
    )
    assert not_a_uuid.status_code == 422
    assert served.sandbox.state.reports[report_id]["score"] == "76%"  # nothing changed


def test_the_same_arguments_give_the_same_data() -> None:
    first, second = create_partners_sandbox(), create_partners_sandbox()
    assert first.secret == second.secret
    assert first.state.reports == second.state.reports
    assert len(first.secret or "") == 32
    assert create_partners_sandbox(codename="other").secret != first.secret
    assert create_partners_sandbox(seed_partner=False).secret is None


def test_calls_to_the_partner_go_to_loopback_only(served: Served) -> None:
    # The seeded record points at an example host, which the sandbox will not call.
    with pytest.raises(ValueError, match="loopback"):
        served.sandbox.send_candidate(
            company_id=4100,
            candidate={"id": 1, "first_name": "A", "last_name": "B", "email": "a@b.example"},
            token="anything",
        )
    assert served.sandbox.state.list_reports("skillcheck", 4100, 1) == []
    with pytest.raises(ValueError, match="no partner"):
        served.sandbox.list_tests(token="anything", codename="nobody")


def test_a_partner_made_again_never_gets_a_secret_already_retired() -> None:
    state = create_partners_sandbox().state
    codename = "rotating"
    first = state.save_partner(codename, {"kind": "assessment", "name": "Rotating"})[0]
    retired = {first["secret"], state.regenerate_secret(codename)["secret"]}
    state.delete_partner(codename)
    again = state.save_partner(codename, {"kind": "assessment", "name": "Rotating"})[0]
    assert again["secret"] not in retired
