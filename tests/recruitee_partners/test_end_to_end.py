"""The full partner round trip: a kit-built partner service, the sandbox playing Recruitee.

The partner registers its service with the wrapper, the sandbox "clicks Send" (checks the
customer's token, fetches the tests, creates a report, posts the candidate), the partner
takes the candidate and reports the result through the wrapper with its secret.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners, ReportStatus
from hirelink.recruitee_partners.service import Refusal, SendCandidatePayload, create_partner_app
from hirelink.sandbox.recruitee_partners import PartnerCallError
from hirelink.sandbox.server import SandboxServer

from .conftest import Served

CUSTOMER_TOKEN = "skillcheck-customer-4100-7f3a"
CANDIDATE = {
    "id": 7730011,
    "first_name": "Ada",
    "last_name": "Lindqvist",
    "email": "ada.lindqvist@example.org",
    "phone": "+46 70 123 45 67",
}
TESTS = [{"id": 11, "name": "Python fundamentals"}, {"id": 12, "name": "SQL analytics"}]


class SkillCheck:
    """A small partner service: issued tokens, a test catalogue, invitations."""

    def __init__(self) -> None:
        self.invitations: list[SendCandidatePayload] = []
        self.out_of_invitations = False

    def validate_token(self, token: str) -> bool:
        return token == CUSTOMER_TOKEN

    def list_tests(self, token: str) -> list[dict[str, Any]]:
        return TESTS

    def on_send_candidate(self, token: str, payload: SendCandidatePayload) -> None:
        if self.out_of_invitations:
            raise Refusal("Your SkillCheck plan has no invitations left.", status_code=402)
        self.invitations.append(payload)


@pytest.fixture
def skillcheck() -> SkillCheck:
    return SkillCheck()


@pytest.fixture
def service(skillcheck: SkillCheck) -> Iterator[str]:
    app = create_partner_app(
        validate_token=skillcheck.validate_token,
        list_tests=skillcheck.list_tests,
        on_send_candidate=skillcheck.on_send_candidate,
    )
    with SandboxServer(app, max_lifetime=120) as server:
        yield server.url


def register(recruitee: Served, service: str) -> str:
    """Create the partner with URLs pointing at the service; return its secret."""
    with RecruiteePartners(
        codename="skillcheck",
        personal_token=recruitee.sandbox.personal_token,
        base_url=recruitee.url,
    ) as manager:
        partner = manager.create_partner(
            4100,
            kind="assessment",
            name="SkillCheck",
            urls={
                "validate_token": f"{service}/validate_token",
                "tests": f"{service}/tests",
                "send_candidate": f"{service}/send_candidate",
            },
        )
        manager.set_partner_inputs(
            4100,
            [
                {"kind": "first_name", "name": "first_name", "required": True},
                {"kind": "last_name", "name": "last_name", "required": True},
                {"kind": "email", "name": "email", "required": True},
                {"kind": "phone", "name": "phone", "required": False},
            ],
        )
    assert isinstance(partner.secret, str)
    return partner.secret


def test_send_candidate_then_report_the_score(
    empty: Served, service: str, skillcheck: SkillCheck
) -> None:
    secret = register(empty, service)

    report = empty.sandbox.send_candidate(
        company_id=4100, candidate=CANDIDATE, token=CUSTOMER_TOKEN, test_id=12
    )
    assert report["status"] == "sent"
    assert report["test_name"] == "SQL analytics"

    [invitation] = skillcheck.invitations
    assert invitation.email == "ada.lindqvist@example.org"
    assert invitation.candidate_id == 7730011
    assert invitation.company_id == 4100
    assert invitation.test_id == "12"
    assert invitation.phone == "+46 70 123 45 67"
    assert str(invitation.report_id) == report["id"]

    finished = datetime(2025, 3, 6, 14, 5, 11, tzinfo=UTC)
    with RecruiteePartners(
        codename="skillcheck", partner_secret=secret, base_url=empty.url
    ) as partner:
        updated = partner.update_report(
            invitation.report_id, status="completed", score="82%", completed_at=finished
        )
        assert updated.status == ReportStatus.COMPLETED
        [listed] = partner.list_candidate_reports(4100, 7730011)
        assert listed.score == "82%"

    stored = empty.sandbox.state.report(report["id"])
    assert stored is not None
    assert stored["status"] == "completed"
    assert stored["score"] == "82%"
    assert stored["completed_at"] == "2025-03-06T14:05:11.000000Z"
    assert stored["candidate_id"] == 7730011


def test_an_async_partner_reports_from_inside_its_callback(empty: Served) -> None:
    """The callback itself calls Recruitee (async client): no deadlock, report updated."""
    secret_holder: dict[str, str] = {}

    async def on_send_candidate(token: str, payload: SendCandidatePayload) -> None:
        async with AsyncRecruiteePartners(
            codename="skillcheck", partner_secret=secret_holder["secret"], base_url=empty.url
        ) as partner:
            await partner.update_report(
                payload.report_id,
                cancel_url=f"https://app.skillcheck.example/i/{payload.report_id}",
            )

    async def validate_token(token: str) -> bool:
        return token == CUSTOMER_TOKEN

    app = create_partner_app(
        validate_token=validate_token,
        list_tests=lambda token: TESTS,
        on_send_candidate=on_send_candidate,
    )
    with SandboxServer(app, max_lifetime=60) as server:
        secret_holder["secret"] = register(empty, server.url)
        report = empty.sandbox.send_candidate(
            company_id=4100, candidate=CANDIDATE, token=CUSTOMER_TOKEN
        )
    assert report["test_id"] == "11"  # the first test when none is chosen
    assert report["urls"]["cancel"] == f"https://app.skillcheck.example/i/{report['id']}"


def test_a_partner_refusal_is_what_the_recruitee_user_sees(
    empty: Served, service: str, skillcheck: SkillCheck
) -> None:
    register(empty, service)
    skillcheck.out_of_invitations = True
    with pytest.raises(PartnerCallError) as caught:
        empty.sandbox.send_candidate(company_id=4100, candidate=CANDIDATE, token=CUSTOMER_TOKEN)
    assert caught.value.step == "send_candidate"
    assert caught.value.status_code == 402
    assert caught.value.message == "Your SkillCheck plan has no invitations left."
    assert empty.sandbox.state.reports == {}  # a failed send leaves no report


def test_an_unknown_customer_token_is_rejected_before_anything_is_sent(
    empty: Served, service: str, skillcheck: SkillCheck
) -> None:
    register(empty, service)
    with pytest.raises(PartnerCallError) as caught:
        empty.sandbox.send_candidate(company_id=4100, candidate=CANDIDATE, token="made-up-token")
    assert caught.value.step == "validate_token"
    assert caught.value.token_rejected
    assert skillcheck.invitations == []
    with pytest.raises(PartnerCallError):
        empty.sandbox.check_token(token="made-up-token")
    empty.sandbox.check_token(token=CUSTOMER_TOKEN)
    assert empty.sandbox.list_tests(token=CUSTOMER_TOKEN) == TESTS


def test_every_call_to_the_partner_carries_the_token_and_the_json_content_type(
    empty: Served,
) -> None:
    """The guide's requests to a partner all show ``Content-Type: application/json``, the
    GETs too; a partner service that insists on it must pass in the sandbox as live."""
    seen: list[tuple[str, str | None, str | None]] = []

    async def answer(request: Request) -> JSONResponse:
        seen.append(
            (
                request.url.path,
                request.headers.get("content-type"),
                request.headers.get("authorization"),
            )
        )
        return JSONResponse(TESTS if request.url.path == "/tests" else {})

    paths = ["/validate_token", "/tests", "/send_candidate"]
    app = Starlette(routes=[Route(path, answer, methods=["GET", "POST"]) for path in paths])
    with SandboxServer(app, max_lifetime=60) as server:
        register(empty, server.url)
        empty.sandbox.send_candidate(company_id=4100, candidate=CANDIDATE, token=CUSTOMER_TOKEN)
    assert [path for path, _, _ in seen] == paths
    assert {content_type for _, content_type, _ in seen} == {"application/json"}
    assert {authorization for _, _, authorization in seen} == {f"Bearer {CUSTOMER_TOKEN}"}
