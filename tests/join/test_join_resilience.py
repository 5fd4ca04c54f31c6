"""Retries (x-ratelimit-reset), faults and secrecy of Join, over real HTTP."""

from __future__ import annotations

import base64
import logging
from datetime import UTC, datetime
from urllib.parse import parse_qs

import pytest

from hirelink.core import (
    DuplicateApplicationError,
    MalformedResponseError,
    RateLimitError,
    ServerError,
)
from hirelink.join import Document, Join, Unset
from hirelink.sandbox.faults import Fault

from .conftest import Served

THROTTLED: dict[str, object] = {
    "error": {"type": "TooManyRequests", "message": "Rate limit exceeded"}
}


def test_429_waits_x_ratelimit_reset_then_succeeds(
    served: Served, join: Join, caplog: pytest.LogCaptureFixture
) -> None:
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/applications$",
            status=429,
            headers={
                "x-ratelimit-limit": "100",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": "1",
            },
            body=THROTTLED,
        )
    )
    caplog.set_level(logging.INFO, logger="hirelink.retry")
    assert len(join.list_applications(page=1, page_size=5)) == 5
    assert served.hits("GET", "/applications") == 2
    assert "after 429 with x-ratelimit-reset: 1 in 1.00s" in caplog.text


def test_429_on_create_application_is_resent_and_creates_once(fresh: Served) -> None:
    fresh.sandbox.faults.add(
        Fault(
            method="POST",
            path=r"/applications$",
            status=429,
            headers={"x-ratelimit-reset": "0"},
            body=THROTTLED,
        )
    )
    with fresh.client() as join:
        created = join.create_application(
            8812345, first_name="Once", last_name="Only", email="once@example.org"
        )
    assert fresh.hits("POST", "/applications") == 2
    assert fresh.sandbox.state.application_ids().count(created.id) == 1  # type: ignore[arg-type]


def test_a_reset_beyond_the_cap_raises_rate_limit_error_at_once(served: Served, join: Join) -> None:
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/jobs$",
            status=429,
            headers={"x-ratelimit-reset": "3600"},
            body=THROTTLED,
        )
    )
    with pytest.raises(RateLimitError) as caught:
        join.list_jobs()
    assert caught.value.message == "Rate limit exceeded"
    assert caught.value.headers["x-ratelimit-reset"] == "3600"
    assert served.hits("GET", "/jobs") == 1


def test_503_is_retried_for_reads_but_never_for_notes(served: Served, join: Join) -> None:
    served.sandbox.faults.add(
        Fault(
            method="GET", path=r"/jobs/8812345$", status=503, times=2, headers={"Retry-After": "0"}
        )
    )
    assert join.get_job(8812345).id == 8812345
    assert served.hits("GET", "/jobs/8812345") == 3

    served.sandbox.faults.add(
        Fault(method="POST", path=r"/notes$", status=503, headers={"Retry-After": "0"})
    )
    with pytest.raises(ServerError):
        join.create_candidate_note(41700001, "Sent once.")
    assert served.hits("POST", "/notes") == 1
    assert served.sandbox.state.notes(41700001) == []


@pytest.mark.parametrize(
    "fault",
    [
        Fault(method="PATCH", path=r"/candidates/\d+$", status=502),
        Fault(method="PATCH", path=r"/candidates/\d+$", kind="drop"),
    ],
    ids=["502", "dropped connection"],
)
def test_a_tag_update_is_resent_after_a_5xx_or_a_lost_answer(fresh: Served, fault: Fault) -> None:
    # The tags sent replace the whole set, so the same set twice is the same set.
    fresh.sandbox.faults.add(fault)
    with fresh.client() as join:
        assert join.set_candidate_tags(41700001, ["verified"]).tags == ["verified"]
    assert fresh.hits("PATCH", "/candidates/41700001") == 2
    assert fresh.sandbox.state.candidate(41700001)["tags"] == ["verified"]


def test_malformed_body_raises_malformed_response_error(served: Served, join: Join) -> None:
    served.sandbox.faults.add(Fault(method="GET", path=r"/applications/\d+$", kind="malformed"))
    with pytest.raises(MalformedResponseError) as caught:
        join.get_application(51000001)
    assert caught.value.operation == "get_application"


def test_token_and_document_bytes_never_appear_in_logs_reprs_or_errors(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    token = fresh.sandbox.token
    caplog.set_level(logging.DEBUG, logger="hirelink")
    fresh.sandbox.faults.add(
        Fault(method="GET", path=r"/jobs$", status=503, headers={"Retry-After": "0"})
    )
    passport = b"PASSPORT-NUMBER-C01X00T47"
    texts: list[str] = []
    with fresh.client() as join:
        texts.append(repr(join))
        join.list_jobs()
        document = Document(passport, filename="id.pdf", type="OTHER")
        texts.append(repr(document))
        join.create_application(
            8812345, first_name="A", last_name="B", email="a@example.org", documents=[document]
        )
        with pytest.raises(DuplicateApplicationError) as raised:
            join.create_application(
                8812345, first_name="A", last_name="B", email="a@example.org", documents=[document]
            )
        error = raised.value
        texts += [str(error), repr(error), repr(error.__dict__)]
    with Join(token=token, base_url=fresh.url) as other:
        texts.append(repr(other.__dict__))
    assert "request GET" in caplog.text
    assert "retrying GET" in caplog.text
    assert "<redacted>" in caplog.text
    everything = caplog.text + "\n".join(texts)
    assert token not in everything
    assert "PASSPORT" not in everything
    assert base64.b64encode(passport).decode()[:16] not in everything
    recorded = fresh.sandbox.recorder.last("POST")
    assert recorded is not None
    assert recorded.headers["authorization"] == "<redacted>"


def test_iter_jobs_stops_with_an_error_when_every_page_repeats(fresh: Served) -> None:
    # JOIN may ignore paging on /jobs (fact sheet 3.2); with exactly page_size jobs the
    # walk never saw the short page that ends it and asked for pages without end (five
    # repeated answers, then the real pages: the old code ends, not raising, not hanging).
    with fresh.client() as join:
        jobs = join.list_jobs(page=1, page_size=2)
        fresh.sandbox.faults.add(
            Fault(
                method="GET", path=r"/jobs$", status=200, body=[j.to_dict() for j in jobs], times=5
            )
        )
        walk = iter(join.iter_jobs(page_size=2))
        assert [next(walk).id for _ in jobs] == [job.id for job in jobs]
        with pytest.raises(MalformedResponseError, match="ignores paging") as caught:
            next(walk)
    assert caught.value.operation == "list_jobs"
    assert fresh.hits("GET", "/jobs") == 4  # the list_jobs above, then pages 1 to 3


def test_stamps_read_as_utc_and_an_unreadable_one_does_not_fail_the_page(
    served: Served, join: Join
) -> None:
    # JOIN's stamp format is inferred: without an offset a stamp is UTC (it was a naive
    # datetime, which compares with no aware one and could not be passed back as a
    # filter); RFC 3339's lower-case z reads; a stamp naming no moment is kept as sent.
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/applications$",
            status=200,
            body=[
                {"id": 1, "createdAt": "2026-04-03T14:02:10", "lastUpdatedAt": "2026-04-03"},
                {
                    "id": 2,
                    "createdAt": "2026-04-03 14:02:10",
                    "lastUpdatedAt": "2026-04-03T14:02:10.000z",
                },
                {"id": 3, "createdAt": "yesterday", "lastUpdatedAt": "2026-04-03T14:02:10Z"},
            ],
        )
    )
    first, second, odd = join.list_applications()
    at = datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)
    assert (first.created_at, second.created_at, second.last_updated_at) == (at, at, at)
    assert first.last_updated_at == datetime(2026, 4, 3, tzinfo=UTC)
    assert isinstance(odd.created_at, Unset)
    assert odd.additional_properties == {"createdAt": "yesterday"}
    assert odd.last_updated_at == at
    assert not isinstance(second.last_updated_at, Unset)
    join.list_applications(updated_after=second.last_updated_at)  # a filter as it was read
    sent = served.sandbox.recorder.last("GET")
    assert sent is not None
    assert parse_qs(sent.query_string)["updatedAtGte"] == ["2026-04-03T14:02:10Z"]
