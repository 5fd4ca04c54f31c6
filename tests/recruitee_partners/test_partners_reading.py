"""Tolerant reading against the Partners stand-in: envelopes, drift after a write."""

from __future__ import annotations

import copy
import json
import logging
import pickle
from datetime import UTC, datetime

import pytest

from hirelink.api.recruitee_partners.models import Partner, Report
from hirelink.api.recruitee_partners.types import UNSET
from hirelink.core import MalformedResponseError
from hirelink.sandbox.faults import Fault

from .conftest import Served

REPORT = {"id": "a1dd18bf-b78c-4aa5-b13a-cf940e8b5e5b", "status": "completed", "score": "12/15"}
JSON = {"Content-Type": "application/json"}


def _answer(served: Served, method: str, path: str, body: object, status: int = 200) -> None:
    served.sandbox.faults.add(
        Fault(method=method, path=path, status=status, headers=JSON, body=json.dumps(body))
    )


def _sent(served: Served, method: str) -> int:
    return sum(1 for r in served.sandbox.recorder.requests if r.method == method)


def test_update_report_reads_the_record_bare_or_wrapped(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    _answer(served, "PATCH", r"/reports/", {"report": REPORT})
    _answer(served, "PATCH", r"/reports/", REPORT)
    with caplog.at_level(logging.WARNING, "hirelink"), served.client() as partners:
        wrapped = partners.update_report(REPORT["id"], score="12/15")
        bare = partners.update_report(REPORT["id"], score="12/15")
    assert (wrapped.score, bare.score) == ("12/15", "12/15")
    assert str(wrapped.id) == REPORT["id"]
    assert caplog.records == []


def test_a_report_update_answered_503_is_resent(served: Served) -> None:
    # The report's state as given, however often it arrives: the partner's whole outcome
    # was lost to one 503.
    served.sandbox.faults.add(Fault(method="PATCH", path=r"/reports/", status=503))
    served.sandbox.recorder.clear()
    with served.client() as partners:
        assert partners.update_report(REPORT["id"], score="12/15").score == "12/15"
    assert _sent(served, "PATCH") == 2


def test_report_stamps_read_as_utc_and_an_unreadable_one_does_not_fail_the_list(
    served: Served,
) -> None:
    # Without an offset a stamp is UTC (it was a naive datetime); RFC 3339's lower-case z
    # reads (it failed the list); a stamp naming no moment is kept as sent (it was the
    # raw text, typed as a datetime).
    stamps = ["2026-04-03T14:02:10", "2026-04-03T14:02:10.000z", "soon", None]
    reports = [{**REPORT, "id": f"r{n}", "completed_at": s} for n, s in enumerate(stamps)]
    _answer(served, "GET", r"/reports$", {"reports": reports})
    with served.client() as partners:
        naive, lower_z, odd, null = partners.list_candidate_reports(4100, 7730011)
    at = datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)
    assert (naive.completed_at, lower_z.completed_at, null.completed_at) == (at, at, None)
    assert odd.completed_at is UNSET
    assert odd.additional_properties == {"completed_at": "soon"}
    assert odd.to_dict()["completed_at"] == "soon"


def test_create_partner_reads_the_record_wrapped_under_partner(empty: Served) -> None:
    answer = {"partner": {"kind": "assessment", "name": "SkillCheck", "secret": None}}
    _answer(empty, "POST", r"/partner$", answer, status=201)
    with empty.client() as partners:
        created = partners.create_partner(4100, kind="assessment", name="SkillCheck")
    assert isinstance(created, Partner)
    assert created.name == "SkillCheck"
    assert created.secret is None


@pytest.mark.parametrize(
    "answer",
    [
        {"name": "SkillCheck", "secret": "q9XvT2mLw8ZrB4kHs7PdN1cY"},  # no kind
        {"partner": {"name": "SkillCheck", "secret": "q9XvT2mLw8ZrB4kHs7PdN1cY"}},
        {
            "data": {
                "kind": "assessment",
                "name": "SkillCheck",
                "secret": "q9XvT2mLw8ZrB4kHs7PdN1cY",
            }
        },
    ],
)
def test_a_secret_in_a_create_answer_off_the_spec_is_kept_masked(
    empty: Served, answer: dict[str, object]
) -> None:
    _answer(empty, "POST", r"/partner$", answer, status=201)
    with empty.client() as partners:
        created = partners.create_partner(4100, kind="assessment", name="SkillCheck")
    assert created.secret == "q9XvT2mLw8ZrB4kHs7PdN1cY"  # the only copy, not lost
    assert "q9XvT2mLw8ZrB4kHs7PdN1cY" not in repr(created)
    assert "q9XvT2mLw8ZrB4kHs7PdN1cY" not in json.dumps(created.additional_properties)
    assert "SkillCheck" in repr(created)  # the rest of the raw answer is kept


@pytest.mark.parametrize(
    ("body", "kept"),
    [([1, 2], {"body": [1, 2]}), ({"report": "done"}, {"report": "done"})],
)
def test_a_write_answered_with_an_unreadable_body_returns_and_warns_once(
    served: Served, caplog: pytest.LogCaptureFixture, body: object, kept: object
) -> None:
    _answer(served, "PATCH", r"/reports/", body)
    with caplog.at_level(logging.WARNING, "hirelink"), served.client() as partners:
        report = partners.update_report(REPORT["id"], score="12/15")
    assert isinstance(report, Report)
    assert report.additional_properties == kept
    assert isinstance(report.status, type(UNSET))
    assert _sent(served, "PATCH") == 1  # not resent
    # Kept as what was answered: to_dict() wrote (or failed on) the UNSET of the fields
    # it requires, and the job storing the result failed after the write was done.
    assert json.loads(json.dumps(report.to_dict())) == kept
    report.additional_properties["noted"] = "by the caller"  # a copy keeps it, as it is now
    assert pickle.loads(pickle.dumps(report)) == report  # noqa: S301 - our own bytes
    assert copy.copy(report) == report
    warnings = [r for r in caplog.records if r.name == "hirelink.reading"]
    assert len(warnings) == 1
    assert "update_report" in warnings[0].getMessage()
    assert "write was carried out" in warnings[0].getMessage()


def test_a_write_answered_with_text_returns_and_warns(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    served.sandbox.faults.add(Fault(method="PATCH", path=r"/reports/", status=200, body="OK"))
    with caplog.at_level(logging.WARNING, "hirelink"), served.client() as partners:
        report = partners.update_report(REPORT["id"], score="1")
    assert report.additional_properties == {}  # text, not JSON: nothing could be read
    assert _sent(served, "PATCH") == 1
    assert [r.name for r in caplog.records] == ["hirelink.reading"]


def test_a_read_answered_with_text_raises_with_status_and_excerpt(served: Served) -> None:
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/reports$", status=200, body=f"<html>{served.secret}</html>")
    )
    with served.client() as partners, pytest.raises(MalformedResponseError) as caught:
        partners.list_candidate_reports(4100, 7730011)
    message = str(caught.value)
    assert "HTTP 200" in message
    assert "<html>" in message
    assert served.secret not in message


def test_a_secret_across_the_excerpts_end_is_masked_whole(served: Served) -> None:
    padding = "x" * (120 - 6 - len(served.secret) // 2)  # the secret straddles the cut
    body = f"<html>{padding}{served.secret} and more</html>"
    served.sandbox.faults.add(Fault(method="GET", path=r"/reports$", status=200, body=body))
    with served.client() as partners, pytest.raises(MalformedResponseError) as caught:
        partners.list_candidate_reports(4100, 7730011)
    message = str(caught.value)
    assert padding in message
    assert served.secret[:8] not in message


@pytest.mark.anyio
async def test_async_write_drift_returns_too(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    _answer(served, "PATCH", r"/reports/", [1])
    with caplog.at_level(logging.WARNING, "hirelink"):
        async with served.async_client() as partners:
            report = await partners.update_report(REPORT["id"], score="1")
    assert report.additional_properties == {"body": [1]}
    assert _sent(served, "PATCH") == 1
    assert len([r for r in caplog.records if r.name == "hirelink.reading"]) == 1
