"""RecruiteePartners over real HTTP against the sandbox: every method, wire formats, errors."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from threading import Event
from typing import Any

import httpx
import pytest

from hirelink.api.recruitee_partners.models import PartnerOptions
from hirelink.api.recruitee_partners.types import UNSET
from hirelink.core import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AuthenticationError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    Secret,
    ServerError,
    UnprocessableEntityError,
)
from hirelink.core.secrets import scrub
from hirelink.recruitee_partners import (
    Environment,
    Partner,
    PartnerInputKind,
    PartnerKind,
    PartnerUrls,
    RecruiteePartners,
    Report,
    ReportStatus,
    ServiceUrls,
)
from hirelink.sandbox import serve_stand_in
from hirelink.sandbox.faults import Fault
from tests.waiting import wait_until

from .conftest import Served

LOCAL_URLS: ServiceUrls = {
    "validate_token": "http://127.0.0.1:9/validate_token",
    "tests": "http://127.0.0.1:9/tests",
    "send_candidate": "http://127.0.0.1:9/send_candidate",
    "help_article": "https://help.skillcheck.example/recruitee",
}


# --- the partner record ---------------------------------------------------------------


def test_create_partner_sends_the_given_fields_with_the_personal_token(empty: Served) -> None:
    with empty.client(partner_secret=None) as partners:
        partner = partners.create_partner(
            4100,
            kind="background_check",
            name="CheckRight",
            description="Background checks in 48 hours.",
            urls=LOCAL_URLS,
        )
    assert isinstance(partner, Partner)
    assert partner.kind == PartnerKind.BACKGROUND_CHECK
    assert partner.name == "CheckRight"
    assert partner.promoted is False
    assert partner.secret == empty.sandbox.secret
    assert [i.kind for i in partner.inputs or []] == [
        PartnerInputKind.FIRST_NAME,
        PartnerInputKind.LAST_NAME,
        PartnerInputKind.EMAIL,
    ]
    sent = empty.last("POST", "/partner")
    assert sent.path == "/p/skillcheck/c/4100/partner"
    assert sent.json() == {
        "kind": "background_check",
        "name": "CheckRight",
        "description": "Background checks in 48 hours.",
        "urls": LOCAL_URLS,
    }
    assert sent.headers["authorization"] == "<redacted>"
    assert "rt-partner-secret" not in sent.headers
    stored = empty.sandbox.state.partner()
    assert stored is not None
    assert stored["urls"]["send_candidate"] == LOCAL_URLS["send_candidate"]


def test_options_given_on_create_are_kept_like_on_update(empty: Served) -> None:
    with empty.client(partner_secret=None) as partners:
        created = partners.create_partner(
            4100, kind="assessment", name="SkillCheck", options={"auto_send": True}
        )
        read = partners.get_partner(4100)
    assert empty.last("POST", "/partner").json()["options"] == {"auto_send": True}
    for partner in (created, read):
        assert isinstance(partner.options, PartnerOptions)
        assert partner.options.to_dict() == {"auto_send": True}


def test_a_partner_record_never_shows_its_secret_in_repr(served: Served) -> None:
    with served.client() as partners:
        partner = partners.get_partner(4100)
    assert partner.secret == served.sandbox.secret  # the value itself is there
    assert "secret='***'" in repr(partner)
    assert str(served.sandbox.secret) not in repr(partner)


def test_an_issued_secret_in_an_answer_that_does_not_read_is_still_masked(
    fresh: Served,
) -> None:
    issued = "Nw7pQ2xLr9ZkT4mB8sVd1cYf6GjE3aUh"
    fresh.sandbox.faults.add(
        Fault(kind="malformed", path=REGENERATE, body='{"secret": "' + issued + '"')
    )
    drifted: dict[str, object] = {
        "partner": {"id": 3, "codename": "skillcheck", "secret": issued, "inputs": "x"}
    }
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/partner$", status=201, body=drifted))
    fresh.sandbox.faults.add(Fault(kind="malformed", path=REGENERATE, body=issued))
    with fresh.client() as partners:
        with pytest.raises(MalformedResponseError) as cut_off:
            partners.regenerate_partner_secret()  # a cut-off answer: not quoted
        assert "not JSON: 45 bytes, not shown" in str(cut_off.value)
        assert issued not in str(cut_off.value)
        with pytest.raises(MalformedResponseError) as plain:
            partners.regenerate_partner_secret()  # the secret as plain text: it was quoted
        assert issued not in f"{plain.value} {plain.value!r} {vars(plain.value)}"
        cut = '{"partner": {"id": 3, "secret": "ab\\"cd-REST-OF-THE-SECRET-0001", "na'
        fresh.sandbox.faults.add(Fault(kind="malformed", method="GET", path=r"/partner$", body=cut))
        with pytest.raises(MalformedResponseError) as quoted:
            partners.get_partner(4100)  # an escaped quote inside the value ends nothing
        assert "REST-OF-THE-SECRET" not in str(quoted.value)
        partner = partners.create_partner(4100, kind="assessment", name="SkillCheck")
        assert partner.secret == issued  # for the caller, moved out of the raw members
        assert "secret" not in partner.additional_properties["partner"]
        assert issued not in repr(partner)
        assert scrub(f"issued {issued}") == "issued ***"  # but never in hirelink's output


def test_get_partner_returns_the_record_with_its_secret(served: Served) -> None:
    with served.client() as partners:
        partner = partners.get_partner("4100")  # type: ignore[arg-type]  # digits are accepted
    assert partner.codename == "skillcheck"
    assert partner.kind == PartnerKind.ASSESSMENT
    assert partner.secret == served.secret
    assert isinstance(partner.urls, PartnerUrls)
    assert partner.urls.tests == "https://api.skillcheck.example/recruitee/tests"


def test_update_partner_sends_only_the_given_fields(fresh: Served) -> None:
    with fresh.client() as partners:
        partner = partners.update_partner(
            4100,
            description="Now with video interviews.",
            urls={"help_article": LOCAL_URLS["help_article"]},
        )
    assert fresh.last("PATCH", "/partner").json() == {
        "description": "Now with video interviews.",
        "urls": {"help_article": LOCAL_URLS["help_article"]},
    }
    assert partner.description == "Now with video interviews."
    assert partner.name == "SkillCheck"  # unchanged
    assert isinstance(partner.urls, PartnerUrls)
    assert partner.urls.help_article == LOCAL_URLS["help_article"]
    assert partner.urls.tests == "https://api.skillcheck.example/recruitee/tests"


def test_an_update_of_fields_given_as_none_says_none_changes_nothing(fresh: Served) -> None:
    fresh.sandbox.recorder.clear()
    unset: dict[str, Any] = {"name": None, "logo": None}  # as an untyped caller passes them
    with fresh.client() as partners, pytest.raises(InvalidInputError) as refused:
        partners.update_partner(4100, **unset)
    assert refused.value.field == "changes"
    assert "None leaves a field as it is (given for logo, name)" in refused.value.message
    assert fresh.sandbox.recorder.requests == []


def test_set_inputs_posts_only_the_inputs(fresh: Served) -> None:
    inputs: list[Any] = [
        {"kind": "email", "name": "email", "required": True},
        {"kind": "admin", "required": True},
        {"kind": PartnerInputKind.OFFER},
    ]
    with fresh.client() as partners:
        partner = partners.set_partner_inputs(4100, inputs)
    sent = fresh.last("POST", "/partner")
    assert sent.json() == {
        "inputs": [
            {"kind": "email", "name": "email", "required": True},
            {"kind": "admin", "required": True},
            {"kind": "offer"},
        ]
    }
    assert [i.kind for i in partner.inputs or []] == [
        PartnerInputKind.EMAIL,
        PartnerInputKind.ADMIN,
        PartnerInputKind.OFFER,
    ]
    assert partner.name == "SkillCheck"


def test_delete_partner_removes_the_record(fresh: Served) -> None:
    with fresh.client() as partners:
        partners.delete_partner(4100)
        assert fresh.sandbox.state.partner() is None
        with pytest.raises(NotFoundError):
            partners.get_partner(4100)
    assert fresh.last("DELETE", "/partner").path == "/p/skillcheck/c/4100/partner"


def test_regenerate_secret_rotates_the_client_and_retires_the_old_one(fresh: Served) -> None:
    old = fresh.secret
    with fresh.client() as partners:
        new = partners.regenerate_partner_secret()
        assert isinstance(new, Secret)
        assert repr(new) == "Secret('***')"
        assert new.reveal() == fresh.sandbox.secret != old
        # Holding the personal token on RC, the client sends that first, and only that.
        [sent] = fresh.sandbox.recorder.requests
        assert sent.path.endswith("/regenerate-secret")
        assert sent.headers["authorization"] == "<redacted>"
        assert "rt-partner-secret" not in sent.headers
        assert len(partners.list_candidate_reports(4100, 7730011)) == 2  # on the new one
    with fresh.client(partner_secret=old) as stale, pytest.raises(AuthenticationError):
        stale.list_candidate_reports(4100, 7730011)


def test_threads_calling_while_the_secret_is_regenerated_all_succeed(fresh: Served) -> None:
    # 16 threads listing while one regenerated: each call out at that moment failed once.
    held = fresh.sandbox.faults.add(Fault(method="GET", path=r"/reports$", kind="hold", times=16))
    with fresh.client() as partners, ThreadPoolExecutor(16) as pool:
        listings = [pool.submit(partners.list_candidate_reports, 4100, 7730011) for _ in range(16)]
        # All out with the old secret, held back.
        wait_until(lambda: not fresh.sandbox.faults.remaining(held), "listing held")
        partners.regenerate_partner_secret()
        fresh.sandbox.faults.release()  # checked now, against the new secret
        assert [len(listing.result(30)) for listing in listings] == [2] * 16
    assert fresh.hits("GET", "/reports") == 32


class HeldNewSecret(httpx.HTTPTransport):
    """Holds back the answers of the first ``hold`` new secrets, carried out by the
    stand-in (the old secret retired), until ``release`` is set; sets ``refused`` when a
    401 passes."""

    def __init__(self, hold: int = 1, fail: bool = False) -> None:
        super().__init__()
        self.issued, self.release, self.refused = Event(), Event(), Event()
        self._hold, self._fail = hold, fail

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("/regenerate-secret") and self._hold:
            self._hold -= 1
            response.read()
            self.issued.set()
            assert self.release.wait(30)
            if self._fail:  # the answer lost on the way: the client never reads it
                raise httpx.ReadError("connection reset", request=request)
        elif response.status_code == 401:
            self.refused.set()
        return response


def test_a_call_refused_before_the_new_secret_is_read_waits_for_it(fresh: Served) -> None:
    # Recruitee had retired the old secret, the client not yet read the new one: a report
    # call of another thread then failed with 401.
    held = HeldNewSecret()
    with fresh.client(transport=held) as partners, ThreadPoolExecutor(2) as pool:
        regenerating = pool.submit(partners.regenerate_partner_secret)
        assert held.issued.wait(30)
        listing = pool.submit(partners.list_candidate_reports, 4100, 7730011)
        assert held.refused.wait(30)  # out with the old secret, refused
        held.release.set()
        new = regenerating.result(30)
        assert len(listing.result(30)) == 2
    assert new.reveal() == fresh.sandbox.secret
    assert fresh.hits("GET", "/reports") == 2  # refused, then sent with the new secret


def test_a_call_refused_while_the_new_secret_is_lost_fails_as_refused(fresh: Served) -> None:
    held = HeldNewSecret(fail=True)
    with fresh.client(transport=held, max_retries=0) as partners, ThreadPoolExecutor(2) as pool:
        regenerating = pool.submit(partners.regenerate_partner_secret)
        assert held.issued.wait(30)
        listing = pool.submit(partners.list_candidate_reports, 4100, 7730011)
        assert held.refused.wait(30)
        held.release.set()
        with pytest.raises(ApiConnectionError) as lost:
            regenerating.result(30)
        assert "may have issued a new partner secret" in str(lost.value.__notes__)
        with pytest.raises(AuthenticationError) as refused:
            listing.result(30)
    assert refused.value.hint is not None
    assert "partner secret" in refused.value.hint
    assert fresh.secret not in str(refused.value)
    assert fresh.hits("GET", "/reports") == 1  # not sent again: no new secret to send


@pytest.mark.parametrize("personal_token", [True, False])
def test_two_regenerations_at_once_leave_the_client_on_the_newest_secret(
    fresh: Served, caplog: pytest.LogCaptureFixture, personal_token: bool
) -> None:
    # The first answer, arriving last, switched the client to the secret the second retired.
    held = HeldNewSecret()
    overrides = {} if personal_token else {"personal_token": None}
    caplog.set_level(logging.DEBUG, "hirelink.auth")
    with fresh.client(transport=held, **overrides) as partners, ThreadPoolExecutor(2) as pool:
        first = pool.submit(partners.regenerate_partner_secret)
        assert held.issued.wait(30)
        second = pool.submit(partners.regenerate_partner_secret)
        wait_until(
            lambda: second.done() or "waits for the one under way" in caplog.text,
            "second regeneration sent, or waiting its turn",
        )
        held.release.set()
        issued = [first.result(30).reveal(), second.result(30).reveal()]
        assert len(partners.list_candidate_reports(4100, 7730011)) == 2  # on the newest
    assert issued[1] == fresh.sandbox.secret != issued[0]


def test_without_the_personal_token_a_new_secret_is_asked_with_the_secret(
    fresh: Served,
) -> None:
    with fresh.client(personal_token=None) as partners:
        new = partners.regenerate_partner_secret()
    assert new.reveal() == fresh.sandbox.secret
    [sent] = fresh.sandbox.recorder.requests
    assert sent.headers["rt-partner-secret"] == "<redacted>"
    assert "authorization" not in sent.headers


@pytest.mark.parametrize("refusal", [401, 403])
def test_a_new_secret_refused_to_the_personal_token_is_asked_with_the_secret(
    fresh: Served, refusal: int
) -> None:
    """Recruitee does not document which credential the call takes: a refusal of the one
    changed nothing, so the client asks again with the other, never both at once."""
    fresh.sandbox.faults.add(Fault(method="POST", path=REGENERATE, status=refusal))
    old = fresh.secret
    with fresh.client() as partners:
        new = partners.regenerate_partner_secret()
    assert new.reveal() == fresh.sandbox.secret != old
    first, second = fresh.sandbox.recorder.requests
    assert first.path == second.path == "/p/skillcheck/partner/regenerate-secret"
    assert ("authorization" in first.headers, "rt-partner-secret" in first.headers) == (True, False)
    assert ("authorization" in second.headers, "rt-partner-secret" in second.headers) == (
        False,
        True,
    )


def test_a_new_secret_forbidden_to_every_credential_says_which_were_tried(fresh: Served) -> None:
    """Recruitee may answer 403 rather than 401 where a credential does not fit the call:
    the hint of which were tried came only with a 401."""
    fresh.sandbox.faults.add(Fault(method="POST", path=REGENERATE, status=403, times=2))
    with fresh.client() as partners, pytest.raises(PermissionDeniedError) as caught:
        partners.regenerate_partner_secret()
    assert caught.value.hint is not None
    assert "refused both the personal token and the partner secret" in caught.value.hint
    assert len(fresh.sandbox.recorder.requests) == 2
    # One credential tried: a 403 is then no verdict on it (a 401 still is).
    fresh.sandbox.faults.add(Fault(method="POST", path=REGENERATE, status=403))
    with fresh.client(personal_token=None) as partners, pytest.raises(PermissionDeniedError) as one:
        partners.regenerate_partner_secret()
    assert one.value.hint is None


def test_a_new_secret_refused_to_every_credential_says_which_were_tried(fresh: Served) -> None:
    old = fresh.secret
    with (
        fresh.client(personal_token="wrong-token", partner_secret="wrong-secret") as partners,
        pytest.raises(AuthenticationError) as caught,
    ):
        partners.regenerate_partner_secret()
    assert "refused both the personal token and the partner secret" in str(caught.value)
    assert len(fresh.sandbox.recorder.requests) == 2
    assert fresh.secret == old
    with (
        fresh.client(personal_token=None, partner_secret="wrong-secret") as partners,
        pytest.raises(AuthenticationError) as caught,
    ):
        partners.regenerate_partner_secret()
    assert "it may take the personal token, which works on RC only" in str(caught.value)
    assert "wrong-secret" not in str(caught.value)


# --- reports --------------------------------------------------------------------------


def test_list_candidate_reports_returns_typed_reports(served: Served) -> None:
    with served.client(personal_token=None) as partners:
        reports = partners.list_candidate_reports(4100, 7730011)
    assert [type(report) for report in reports] == [Report, Report]
    done, open_ = reports
    assert done.status == ReportStatus.COMPLETED
    assert done.score == "76%"
    assert done.completed_at == datetime(2025, 3, 6, 14, 5, 11, tzinfo=UTC)
    assert open_.status == ReportStatus.SENT
    assert open_.score is None
    sent = served.last("GET", "/reports")
    assert sent.path == "/p/skillcheck/c/4100/candidates/7730011/reports"
    assert sent.headers["rt-partner-secret"] == "<redacted>"
    with served.client() as partners:
        assert partners.list_candidate_reports(4100, 1) == []


def test_create_report_sends_only_the_given_fields(fresh: Served) -> None:
    with fresh.client() as partners:
        report = partners.create_report(
            4100, 7730012, cancel_url="https://app.skillcheck.example/invitations/9/cancel"
        )
    assert fresh.last("POST", "/reports").json() == {
        "urls": {"cancel": "https://app.skillcheck.example/invitations/9/cancel"}
    }
    assert report.status == ReportStatus.SENT
    assert report.candidate_id == 7730012
    assert fresh.sandbox.state.report(report.id) is not None


def test_update_report_sends_only_the_given_fields(fresh: Served) -> None:
    report_id = fresh.first_report_id()
    with fresh.client() as partners:
        report = partners.update_report(report_id, score="14/15")
        assert fresh.last("PATCH", "/reports/").json() == {"score": "14/15"}
        assert report.score == "14/15"
        assert report.status == ReportStatus.COMPLETED  # unchanged

        cet = timezone(timedelta(hours=1))
        partners.update_report(
            report_id,
            status="canceled",
            completed_at=datetime(2025, 3, 7, 10, 0, tzinfo=cet),
            cancel_url="https://app.skillcheck.example/invitations/3/cancel",
            subtitle="Canceled by the candidate",
        )
    assert fresh.last("PATCH", "/reports/").json() == {
        "status": "canceled",
        "completed_at": "2025-03-07T09:00:00+00:00",
        "urls": {"cancel": "https://app.skillcheck.example/invitations/3/cancel"},
        "subtitle": "Canceled by the candidate",
    }
    stored = fresh.sandbox.state.report(report_id)
    assert stored is not None
    assert stored["status"] == "canceled"
    assert stored["completed_at"] == "2025-03-07T09:00:00.000000Z"
    assert stored["score"] == "14/15"


def test_report_properties_and_partner_options_are_json_objects(fresh: Served) -> None:
    report_id = fresh.first_report_id()
    with fresh.client() as partners:
        partners.update_report(report_id, properties={"sections": [{"name": "SQL", "score": 9}]})
        assert fresh.last("PATCH", "/reports/").json() == {
            "properties": {"sections": [{"name": "SQL", "score": 9}]}
        }
        partners.update_partner(4100, options={"auto_send": True})
        assert fresh.last("PATCH", "/partner").json() == {"options": {"auto_send": True}}
        with pytest.raises(InvalidInputError) as refused:
            partners.update_report(report_id, properties={"when": datetime(2025, 1, 1)})
        assert refused.value.field == "properties"
        with pytest.raises(InvalidInputError) as refused:
            partners.update_partner(4100, options=["auto_send"])  # type: ignore[arg-type]
        assert refused.value.field == "options"


def test_only_an_assessment_keeps_a_reports_subtitle_and_properties(fresh: Served) -> None:
    """Recruitee has no subtitle or properties for background and reference checks: the
    stand-in drops them, so a display built on them fails in the sandbox as it would live."""
    report_id = fresh.first_report_id()
    extras: dict[str, Any] = {"subtitle": "Criminal record: clear", "properties": {"checks": 3}}
    with fresh.client() as partners:
        assessed = partners.create_report(4100, 7730012, **extras)
        assert (assessed.subtitle, assessed.properties) == ("Criminal record: clear", {"checks": 3})
        partners.update_partner(4100, kind="background_check")
        checked = partners.update_report(report_id, score="clear", **extras)
        created = partners.create_report(4100, 7730012, **extras)
    assert fresh.last("POST", "/reports").json() == extras  # sent as given
    stored = fresh.sandbox.state.report(checked.id)
    assert stored is not None
    assert stored["score"] == "clear"  # the rest of the change is kept
    for report in (checked, created):
        assert report.subtitle in (None, UNSET)
        assert report.properties in (None, UNSET)


def test_delete_report_removes_it(fresh: Served) -> None:
    report_id = fresh.first_report_id()
    with fresh.client() as partners:
        partners.delete_report(report_id)
        with pytest.raises(NotFoundError):
            partners.update_report(report_id, status="failed")
    assert fresh.sandbox.state.report(report_id) is None


def test_a_report_status_unknown_to_the_spec_still_parses(fresh: Served) -> None:
    report_id = fresh.first_report_id()
    fresh.sandbox.state.update_report("skillcheck", report_id, {"status": "expired"})
    with fresh.client() as partners:
        report = partners.list_candidate_reports(4100, 7730011)[0]
    assert report.status == "expired"


# --- errors -----------------------------------------------------------------------------


def test_wrong_credentials_raise_authentication_error(served: Served) -> None:
    with (
        served.client(personal_token="not-the-rc-token", partner_secret="not-the-secret") as bad,
        pytest.raises(AuthenticationError) as caught,
    ):
        bad.get_partner(4100)
    assert caught.value.status_code == 401
    assert caught.value.message == "Unauthorized"
    with (
        served.client(partner_secret="not-the-secret") as bad,
        pytest.raises(AuthenticationError),
    ):
        bad.list_candidate_reports(4100, 7730011)


def test_unknown_records_raise_not_found(served: Served) -> None:
    with served.client() as partners:
        with pytest.raises(NotFoundError, match="Report not found"):
            partners.update_report("00000000-0000-4000-8000-000000000000", status="failed")
        with pytest.raises(NotFoundError, match="Company not found"):
            partners.get_partner(999)
    with (
        RecruiteePartners(
            codename="someone-else", partner_secret=served.secret, base_url=served.url
        ) as stranger,
        pytest.raises(NotFoundError, match="Partner not found"),
    ):
        stranger.regenerate_partner_secret()


DEFAULT_INPUTS: list[Any] = [
    {"kind": kind, "name": kind, "required": True} for kind in ("first_name", "last_name", "email")
]


def test_inputs_without_the_defaults_are_sent_with_a_warning(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="hirelink.recruitee_partners")
    with fresh.client() as partners:
        partner = partners.set_partner_inputs(4100, [{"kind": "email", "name": "email"}])
    assert [i.kind for i in partner.inputs or []] == [PartnerInputKind.EMAIL]  # sent all the same
    (warning,) = [r for r in caplog.records if r.name == "hirelink.recruitee_partners"]
    assert warning.levelno == logging.WARNING
    assert "leaves out the default input(s) first_name, last_name" in warning.getMessage()
    assert "add to the defaults rather than replace them" in warning.getMessage()


def test_inputs_adding_to_the_defaults_log_nothing(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="hirelink")
    extended = [*DEFAULT_INPUTS, {"kind": "phone", "name": "phone", "required": False}]
    with fresh.client() as partners:
        partner = partners.set_partner_inputs(4100, extended)
        partners.update_partner(4100, inputs=DEFAULT_INPUTS)
    assert len(partner.inputs or []) == 4
    assert caplog.records == []


def test_creating_a_partner_with_inputs_missing_a_default_warns_too(
    empty: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="hirelink.recruitee_partners")
    with empty.client() as partners:
        partners.create_partner(4100, kind="assessment", name="X", inputs=DEFAULT_INPUTS[:2])
    assert "leaves out the default input(s) email" in caplog.text


def test_a_new_partner_without_kind_is_refused_by_the_server(empty: Served) -> None:
    with empty.client() as partners, pytest.raises(UnprocessableEntityError) as caught:
        partners.set_partner_inputs(4100, [{"kind": "email"}])
    assert caught.value.field_errors == {"kind": ["can't be blank"], "name": ["can't be blank"]}


def test_malformed_and_failing_answers(served: Served) -> None:
    served.sandbox.faults.add(Fault(method="GET", path=r"/reports$", kind="malformed"))
    with served.client() as partners:
        with pytest.raises(MalformedResponseError, match="list_candidate_reports"):
            partners.list_candidate_reports(4100, 7730011)
        served.sandbox.faults.add(
            Fault(method="POST", path=r"/reports$", status=503, headers={"Retry-After": "0"})
        )
        with pytest.raises(ServerError):
            partners.create_report(4100, 7730011, score="1")
    posts = [r for r in served.sandbox.recorder.requests if r.method == "POST"]
    assert len(posts) == 1  # a POST that may have been processed is never resent


def test_a_get_is_retried_after_a_503(served: Served) -> None:
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/reports$", status=503, headers={"Retry-After": "0"})
    )
    with served.client() as partners:
        assert len(partners.list_candidate_reports(4100, 7730011)) == 2
    gets = [r for r in served.sandbox.recorder.requests if r.method == "GET"]
    assert len(gets) == 2


# --- refused before sending -----------------------------------------------------------------


def test_partner_management_is_refused_in_production(served: Served) -> None:
    with RecruiteePartners(
        codename="skillcheck",
        environment="production",
        personal_token=served.sandbox.personal_token,
        partner_secret=served.secret,
        base_url=served.url,
    ) as production:
        attempts: list[Callable[[], object]] = [
            lambda: production.create_partner(4100, kind="assessment", name="SkillCheck"),
            lambda: production.get_partner(4100),
            lambda: production.update_partner(4100, name="SkillCheck 2"),
            lambda: production.set_partner_inputs(4100, [{"kind": "phone"}]),
            lambda: production.delete_partner(4100),
        ]
        for attempt in attempts:
            with pytest.raises(InvalidInputError) as caught:
                attempt()
            assert caught.value.field == "environment"
            assert "RC" in caught.value.message
            assert "promote" in caught.value.message
        assert served.sandbox.recorder.requests == []
        # Reports work in production (here: the sandbox standing in for it).
        assert production.list_candidate_reports(4100, 7730011)


def test_production_is_the_default_url_of_the_production_environment() -> None:
    with RecruiteePartners(
        codename="skillcheck", environment="production", partner_secret="s3cret!"
    ) as p:
        assert p.base_url == "https://integrations.recruitee.com/api"
    with RecruiteePartners(codename="skillcheck", personal_token="t0ken-rc") as rc:
        assert rc.base_url == "https://integrations.rc.recruitee.dev/api"


@pytest.mark.parametrize(
    ("environment", "base_url", "other"),
    [
        ("rc", "https://integrations.recruitee.com/api", "production"),
        ("rc", "HTTPS://Integrations.Recruitee.com/api/", "production"),
        ("rc", "https://integrations\uff0erecruitee\uff0ecom./api", "production"),
        ("production", "https://integrations.rc.recruitee.dev/api", "rc"),
    ],
)
def test_a_base_url_of_the_other_environment_is_refused(
    environment: Environment, base_url: str, other: str
) -> None:
    # rc with production's URL sent RC's personal token to production, its repr saying rc.
    with pytest.raises(InvalidInputError) as caught:
        RecruiteePartners(
            codename="skillcheck",
            environment=environment,
            personal_token="t0ken-rc",
            partner_secret="s3cret!",
            base_url=base_url,
        )
    assert caught.value.field == "base_url"
    assert f"give environment={other!r}" in str(caught.value)


def test_a_missing_credential_is_named_and_nothing_is_sent(served: Served) -> None:
    with served.client(personal_token=None) as only_secret:
        with pytest.raises(InvalidInputError) as caught:
            only_secret.get_partner(4100)
        assert caught.value.field == "personal_token"
    with served.client(partner_secret=None) as only_token:
        with pytest.raises(InvalidInputError) as caught:
            only_token.update_report(served.first_report_id(), status="failed")
        assert caught.value.field == "partner_secret"
        with pytest.raises(InvalidInputError, match="partner_secret"):
            only_token.regenerate_partner_secret()
    assert served.sandbox.recorder.requests == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda p: p.create_partner(4100, kind="quiz", name="X"), "kind"),
        (lambda p: p.create_partner(4100, kind="assessment", name=""), "name"),
        (lambda p: p.create_partner(4100, kind="assessment", name="X", colour="red"), "colour"),
        (lambda p: p.create_partner("acme", kind="assessment", name="X"), "company_id"),
        (lambda p: p.update_partner(4100), "changes"),
        (lambda p: p.update_partner(4100, urls={"tests": "ftp://x"}), "urls.tests"),
        (lambda p: p.update_partner(4100, urls={"home": "https://x"}), "urls.home"),
        (lambda p: p.set_partner_inputs(4100, []), "inputs"),
        (lambda p: p.set_partner_inputs(4100, [{"kind": "age"}]), "inputs.0.kind"),
        (
            lambda p: p.set_partner_inputs(4100, [{"kind": "phone", "required": "no"}]),
            "inputs.0.required",
        ),
        (lambda p: p.set_partner_inputs(4100, "phone"), "inputs"),
        (lambda p: p.list_candidate_reports(4100, 0), "candidate_id"),
        (lambda p: p.create_report(4100, 7730011, score=82), "score"),
        (lambda p: p.update_report("nope", status="failed"), "report_id"),
        (lambda p: p.update_report("3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa"), "changes"),
        (
            lambda p: p.update_report("3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa", status="done"),
            "status",
        ),
        (
            lambda p: p.update_report("3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa", completed_at="today"),
            "completed_at",
        ),
        (
            lambda p: p.update_report("3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa", cancel_url="x"),
            "cancel_url",
        ),
        (lambda p: p.delete_report(42), "report_id"),
    ],
)
def test_bad_input_names_the_field_and_sends_nothing(
    served: Served, call: Callable[[Any], object], field: str
) -> None:
    with served.client() as partners, pytest.raises(InvalidInputError) as caught:
        call(partners)
    assert caught.value.field == field
    assert served.sandbox.recorder.requests == []


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (
            lambda p: p.create_partner(4100, kind="assessment", name="X", colour="red"),
            "create_partner",
        ),
        (lambda p: p.update_partner(4100, colour="red"), "update_partner"),
        (lambda p: p.create_report(4100, 7730011, test_name="x"), "create_report"),
        (
            lambda p: p.update_report("3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa", test_name="x"),
            "update_report",
        ),
    ],
)
def test_an_unknown_argument_is_refused_naming_the_operation_given_it(
    served: Served, call: Callable[[Any], object], named: str
) -> None:
    # The creates shared the updates' tables: "is not an argument of update_report".
    with served.client() as partners, pytest.raises(InvalidInputError) as caught:
        call(partners)
    assert caught.value.message.endswith(f"is not an argument of {named}")


def test_bad_constructor_arguments_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="codename"):
        RecruiteePartners(codename="two/parts", partner_secret="s3cret!")
    with pytest.raises(InvalidInputError, match="environment"):
        RecruiteePartners(codename="skillcheck", environment="staging", partner_secret="s3cret!")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError) as caught:
        RecruiteePartners(codename="skillcheck", partner_secret="   ")
    assert caught.value.field == "partner_secret"


def test_one_supplied_httpx_client_carries_each_credential_to_its_operations(
    served: Served,
) -> None:
    with httpx.Client() as own:
        partners = RecruiteePartners(
            codename="skillcheck",
            personal_token=served.sandbox.personal_token,
            partner_secret=served.secret,
            base_url=served.url,
            httpx_client=own,
        )
        assert partners.get_partner(4100).codename == "skillcheck"
        managed = served.sandbox.recorder.requests[-1]
        assert "authorization" in managed.headers
        assert "rt-partner-secret" not in managed.headers
        assert len(partners.list_candidate_reports(4100, 7730011)) == 2
        reported = served.sandbox.recorder.requests[-1]
        assert "rt-partner-secret" in reported.headers
        assert "authorization" not in reported.headers


def test_a_supplied_httpx_client_gets_the_one_credential(served: Served) -> None:
    with httpx.Client() as own:
        partners = RecruiteePartners(
            codename="skillcheck",
            partner_secret=served.secret,
            base_url=served.url,
            httpx_client=own,
        )
        assert len(partners.list_candidate_reports(4100, 7730011)) == 2
        partners.close()
        assert not own.is_closed  # not ours to close


def test_a_supplied_client_that_follows_redirects_takes_the_secret_nowhere(
    served: Served,
) -> None:
    """httpx keeps custom headers such as RT-PARTNER-SECRET on a redirect to another host."""
    with serve_stand_in("recruitee") as elsewhere:
        served.sandbox.faults.add(
            Fault(path=r"/reports", status=302, headers={"Location": f"{elsewhere.url}/reports"})
        )
        with httpx.Client(follow_redirects=True) as own:
            partners = RecruiteePartners(
                codename="skillcheck",
                partner_secret=served.secret,
                base_url=served.url,
                httpx_client=own,
            )
            with pytest.raises(ApiError, match="redirect") as caught:
                partners.list_candidate_reports(4100, 7730011)
        assert caught.value.status_code == 302
        assert elsewhere.recorder.requests == []


# --- secrecy ----------------------------------------------------------------------------------


def test_credentials_never_show_in_logs_reprs_or_errors(
    empty: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="hirelink")
    token = empty.sandbox.personal_token
    with empty.client(partner_secret=None) as partners:
        partner = partners.create_partner(4100, kind="assessment", name="SkillCheck")
        assert token not in repr(partners)
        assert isinstance(partner.secret, str)
        secret = partner.secret
    with empty.client(partner_secret=secret) as partners:
        assert secret not in repr(partners)
        partners.list_candidate_reports(4100, 7730011)
        empty.sandbox.faults.add(
            Fault(
                path=r"/reports$",
                status=500,
                times=-1,
                headers={"Retry-After": "0"},
                body={"error": f"boom {secret} {token}"},
            )
        )
        with pytest.raises(ServerError) as caught:
            partners.list_candidate_reports(4100, 7730011)
    assert "request GET" in caplog.text  # debug logging was on
    for text in (caplog.text, str(caught.value), repr(caught.value), caught.value.body):
        assert secret not in text
        assert token not in text
    assert "boom ***" in caught.value.message


REGENERATE = r"/regenerate-secret$"


@pytest.mark.parametrize(
    ("fault", "raised"),
    [
        (
            Fault(method="POST", path=REGENERATE, kind="delay", delay=0.6),
            ApiTimeoutError,
        ),
        (
            Fault(method="POST", path=REGENERATE, kind="malformed"),
            MalformedResponseError,
        ),
        (Fault(method="POST", path=REGENERATE, status=500), ServerError),
    ],
    ids=["answer too late", "answer unreadable", "server error"],
)
def test_a_regeneration_whose_answer_is_lost_says_the_secret_may_have_changed(
    fresh: Served, fault: Fault, raised: type[Exception]
) -> None:
    fresh.sandbox.faults.add(fault)
    with fresh.client(timeout=0.3) as partners, pytest.raises(raised) as caught:
        partners.regenerate_partner_secret()  # it may have been carried out
    (note,) = caught.value.__notes__
    assert "may have issued a new partner secret" in note
    assert "get_partner" in note


def test_the_environment_is_read_from_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deployment configured by its environment alone reaches production."""
    monkeypatch.setenv("HIRELINK_RECRUITEE_PARTNERS_CODENAME", "skillcheck")
    monkeypatch.setenv("HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET", "s3cret-partner-0001")
    monkeypatch.setenv("HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT", "production")
    with RecruiteePartners() as partners:
        assert partners.environment == "production"
        assert str(partners.base_url) == "https://integrations.recruitee.com/api"
    with RecruiteePartners(environment="rc") as partners:  # the argument wins
        assert partners.environment == "rc"
    monkeypatch.setenv("HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT", "prod")
    with pytest.raises(InvalidInputError) as caught:
        RecruiteePartners()
    assert caught.value.field == "HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT"
    monkeypatch.delenv("HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT")
    with RecruiteePartners() as partners:
        assert partners.environment == "rc"


def test_a_stand_in_client_stays_on_rc_whatever_the_environment_says(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A partner service's tests run against the stand-in with its production settings in
    the environment: the stand-in's client still manages the record, as on RC."""
    monkeypatch.setenv("HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT", "production")
    with served.client() as partners:
        assert partners.environment == "rc"
        assert partners.get_partner(4100).codename == "skillcheck"


@pytest.mark.parametrize(
    "issued",
    [
        "new-secret\x00-123456",
        "new-secret\r\nX-Evil: 1",
        " padded-secret-123 ",
        "Bearer new-secret-123456",  # the client's constructor refuses it so
        "\r",  # blank: it said "Secret value must not be empty", not what the client kept
    ],
)
def test_an_issued_secret_no_header_can_carry_is_refused_and_the_client_keeps_its_own(
    fresh: Served, issued: str
) -> None:
    """Switched to, it failed every later call (httpx refuses the header), and its NUL
    was quoted in clear in that refusal."""
    fresh.sandbox.faults.add(
        Fault(method="POST", path=REGENERATE, status=200, body={"secret": issued})
    )
    with fresh.client() as partners:
        with pytest.raises(MalformedResponseError) as refused:
            partners.regenerate_partner_secret()
        shown = f"{refused.value} {refused.value!r} {getattr(refused.value, '__notes__', [])}"
        assert "new-secret" not in shown
        assert "padded" not in shown
        assert "cannot be sent as this client's credential" in str(refused.value)
        assert "read the current secret with get_partner" in shown
        assert len(partners.list_candidate_reports(4100, 7730011)) == 2  # still its own
