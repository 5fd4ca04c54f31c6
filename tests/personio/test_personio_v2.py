"""v2 recruiting and persons reads over real HTTP: paging, filters, shapes, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import assert_type
from urllib.parse import parse_qs
from zoneinfo import ZoneInfo

import httpx
import pytest

from hirelink.api.personio.models import LocalDateTime, WebhookHeader
from hirelink.api.personio.types import Unset
from hirelink.core import (
    ApiError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
    UnknownArgumentError,
    scrub,
)
from hirelink.personio import (
    UNSET,
    Application,
    AsyncPersonio,
    Candidate,
    Category,
    Job,
    Person,
    Personio,
    StageTransition,
    next_cursor,
    to_datetime,
)
from hirelink.sandbox.faults import Fault

from .conftest import Served


def queries(served: Served, path_end: str) -> list[dict[str, list[str]]]:
    return [
        parse_qs(r.query_string)
        for r in served.sandbox.recorder.requests
        if r.method == "GET" and r.path.endswith(path_end)
    ]


def test_applications_page_by_page_and_walked(served: Served, personio: Personio) -> None:
    page = personio.list_applications(limit=10)
    assert len(page.field_data) == 10
    assert all(isinstance(a, Application) for a in page.field_data)
    cursor = next_cursor(page.field_meta)
    assert cursor is not None
    assert cursor.startswith("cur_")
    second = personio.list_applications(limit=10, cursor=cursor)
    assert {a.id for a in second.field_data}.isdisjoint(a.id for a in page.field_data)

    walked = [a.id for a in personio.iter_applications(page_size=7)]
    everything = personio.list_applications(limit=200).field_data
    assert walked == [a.id for a in everything]
    assert len(walked) == len(set(walked)) == 45
    sent = queries(served, "/v2/recruiting/applications")[-8:]
    assert sent[0] == {"limit": ["7"]}
    assert all(set(q) == {"limit", "cursor"} for q in sent[1:7])


def test_relative_next_links_walk_the_same(fresh: Served) -> None:
    with fresh.client() as personio:
        absolute = personio.list_jobs(limit=2)
        assert absolute.field_meta.links.next_.href.startswith("http://")  # type: ignore[union-attr]
        fresh.sandbox.state.absolute_links = False
        relative = personio.list_jobs(limit=2)
        assert relative.field_meta.links.next_.href.startswith("/v2/recruiting/jobs?cursor=")  # type: ignore[union-attr]
        assert [j.id for j in personio.iter_jobs(page_size=2)] == [
            j.id for j in personio.list_jobs().field_data
        ]


@pytest.mark.parametrize(
    ("next_link", "problem", "pages_read"),
    [
        ("/v2/recruiting/jobs?page=2", "holds no cursor", 1),  # not the last page, unreadable
        ("/v2/recruiting/jobs?cursor=c1", "second time", 2),  # the same cursor again: a loop
    ],
)
def test_a_next_link_that_cannot_be_followed_is_an_error_not_the_end(
    served: Served, personio: Personio, next_link: str, problem: str, pages_read: int
) -> None:
    page: dict[str, object] = {"_data": [], "_meta": {"links": {"next": {"href": next_link}}}}
    served.sandbox.faults.add(Fault(path=r"/jobs$", status=200, times=2, body=page))
    with pytest.raises(MalformedResponseError, match=problem) as caught:
        list(personio.iter_jobs())
    assert caught.value.operation == "list_jobs"
    assert served.hits("GET", "/v2/recruiting/jobs") == pages_read


def test_filters_reach_the_wire_and_select(served: Served, personio: Personio) -> None:
    cet = timezone(timedelta(hours=1))
    since = datetime(2025, 3, 1, 1, 0, tzinfo=cet)
    recent = personio.list_applications(updated_after=since, limit=200).field_data
    assert recent
    assert all(isinstance(a.updated_at, datetime) and a.updated_at > since for a in recent)
    assert queries(served, "/applications")[-1] == {
        "limit": ["200"],
        "updated_at.gt": ["2025-03-01T00:00:00+00:00"],
    }
    older = personio.list_applications(updated_before=date(2025, 3, 1), limit=200).field_data
    assert {a.id for a in older}.isdisjoint(a.id for a in recent)

    email = recent[0].candidate.email  # type: ignore[union-attr]
    assert isinstance(email, str)
    mine = personio.list_applications(candidate_email=email).field_data
    assert mine
    assert {a.candidate.email for a in mine} == {email}  # type: ignore[union-attr]
    assert queries(served, "/applications")[-1] == {"candidate.email": [email]}

    (candidate,) = personio.list_candidates(email=email).field_data
    assert candidate.email == email
    walked = list(personio.iter_candidates(page_size=4, updated_after=since))
    assert walked
    assert all(isinstance(c.updated_at, datetime) and c.updated_at > since for c in walked)


def test_updated_after_and_before_cannot_be_combined(served: Served, personio: Personio) -> None:
    for call in (
        lambda: personio.list_applications(
            updated_after=date(2025, 1, 1), updated_before=date(2025, 2, 1)
        ),
        lambda: personio.iter_candidates(
            updated_after=date(2025, 1, 1), updated_before=date(2025, 2, 1)
        ),
        lambda: personio.list_jobs(updated_after=date(2025, 1, 1), updated_before=date(2025, 2, 1)),
    ):
        with pytest.raises(InvalidInputError) as caught:
            call()
        assert caught.value.field == "updated_before"
    assert served.sandbox.recorder.requests == []


def test_a_bound_passed_as_none_counts_as_not_given(served: Served, personio: Personio) -> None:
    since: date = date(2025, 3, 1)
    until: date | None = None  # e.g. an optional argument handed on
    page = personio.list_applications(
        updated_after=since,
        updated_before=until,
        limit=200,
    )
    assert page.field_data
    assert queries(served, "/applications")[-1] == {
        "limit": ["200"],
        "updated_at.gt": ["2025-03-01T00:00:00+00:00"],
    }
    assert list(personio.iter_candidates(updated_after=None, updated_before=since))
    assert queries(served, "/candidates")[-1] == {
        "limit": ["200"],
        "updated_at.lt": ["2025-03-01T00:00:00+00:00"],
    }
    assert personio.list_jobs(updated_after=None, updated_before=None).field_data


def test_the_sandbox_refuses_both_filters_like_personio(served: Served) -> None:
    with served.client() as personio:
        personio.list_categories()  # fetches a token
        token = personio.oauth.token  # type: ignore[union-attr]
    assert token is not None
    response = httpx.get(
        f"{served.url}/v2/recruiting/jobs",
        params={"updated_at.gt": "2025-01-01T00:00:00Z", "updated_at.lt": "2025-02-01T00:00:00Z"},
        headers={"Authorization": f"Bearer {token.value.reveal()}"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert "cannot be combined" in response.json()["errors"][0]["detail"]


def test_get_application_and_its_stage_transitions(personio: Personio) -> None:
    listed = personio.list_applications(limit=200).field_data
    target = next(a for a in listed if a.current_stage and a.current_stage.type_ == "custom")
    assert isinstance(target.id, str)  # optional in the spec (inferred), sent by the sandbox
    application = personio.get_application(target.id)  # answered wrapped in _data
    assert isinstance(application, Application)
    assert application.id == target.id
    assert application.job.name  # type: ignore[union-attr]
    transitions = personio.list_application_stage_transitions(int(target.id))
    assert all(isinstance(t, StageTransition) for t in transitions)
    assert transitions[0].stage.id == target.current_stage.id  # type: ignore[union-attr]
    assert transitions[-1].stage.type_ == "unassigned"  # type: ignore[union-attr]
    moments = [t.entered_at for t in transitions]
    assert all(isinstance(moment, datetime) for moment in moments)
    assert moments == sorted(moments, reverse=True)  # type: ignore[type-var]


def test_stamps_become_aware_datetimes(served: Served, personio: Personio) -> None:
    application = personio.list_applications(limit=1).field_data[0]
    created = application.created_at
    assert isinstance(created, datetime)
    assert created.tzinfo == ZoneInfo("Europe/Berlin")
    # The same instant the sandbox sent (its local time in its zone), and back again.
    token = personio.oauth.token  # type: ignore[union-attr]
    assert token is not None
    wire = httpx.get(
        f"{served.url}/v2/recruiting/applications",
        params={"limit": "1"},
        headers={"Authorization": f"Bearer {token.value.reveal()}"},
    ).json()["_data"][0]["created_at"]
    assert created.replace(tzinfo=None).isoformat() == wire["date-time"]
    assert application.to_dict()["created_at"] == wire
    assert to_datetime(created) == created
    assert to_datetime("2025-04-02T10:12:44Z") == datetime(2025, 4, 2, 10, 12, 44, tzinfo=UTC)
    assert to_datetime(LocalDateTime.from_dict({"date": "2025-04-02T10:12:44", "timezone": "UTC"}))
    with pytest.raises(MalformedResponseError):
        to_datetime(LocalDateTime.from_dict({"date-time": "x", "timezone": "Mars/Olympus"}))
    # Typed by what it is given (mypy checks the assert_type lines): a stamp is a moment,
    # UNSET or None none, so a raw stamp needs no None check before .date().
    assert assert_type(to_datetime("2025-04-02T10:12:44Z").date(), date) == date(2025, 4, 2)
    assert assert_type(to_datetime(UNSET), None) is None
    assert assert_type(to_datetime(application.created_at), datetime | None) == created


def test_candidates_jobs_and_categories(personio: Personio) -> None:
    candidate = personio.get_candidate("5520001")  # answered bare
    assert isinstance(candidate, Candidate)
    assert candidate.applications
    assert len(list(personio.iter_candidates(page_size=8))) == 30

    jobs = list(personio.iter_jobs(page_size=4))
    assert len(jobs) == 6
    assert isinstance(jobs[0].id, str)
    job = personio.get_job(jobs[0].id)
    assert isinstance(job, Job)
    assert job.hiring_team
    assert job.hiring_team[0].role.name  # type: ignore[union-attr]

    categories = personio.list_categories()
    assert [c.name for c in categories] == ["Tech", "Operations", "People"]
    tech = personio.get_category(88)
    assert isinstance(tech, Category)
    assert [s.name for s in tech.stages] == ["Phone screen", "Tech interview", "Final interview"]  # type: ignore[union-attr]


def test_person_stamps_read_as_utc_and_an_unreadable_one_does_not_fail_the_page(
    served: Served, personio: Personio
) -> None:
    # Without an offset a stamp is UTC (it was a naive datetime, which no filter took
    # back); RFC 3339's lower-case z reads; one naming no moment is kept as sent.
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/v2/persons$",
            status=200,
            body={
                "_data": [
                    {"id": "1", "created_at": "2026-04-03T14:02:10", "updated_at": "2026-04-03"},
                    {"id": "2", "created_at": "2026-04-03T14:02:10z", "updated_at": "soon"},
                ],
                "_meta": {"links": {}},
            },
        )
    )
    first, second = personio.list_persons().field_data
    at = datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)
    assert (first.created_at, second.created_at) == (at, at)
    assert first.updated_at == datetime(2026, 4, 3, tzinfo=UTC)
    assert isinstance(second.updated_at, Unset)
    assert second.additional_properties == {"updated_at": "soon"}
    assert isinstance(first.created_at, datetime)
    personio.list_persons(created_after=first.created_at)  # a filter as it was read
    assert queries(served, "/v2/persons")[-1] == {"created_at.gt": ["2026-04-03T14:02:10+00:00"]}


def test_persons_filters_and_paging(served: Served, personio: Personio) -> None:
    first = personio.list_persons()
    assert len(first.field_data) == 10  # Personio's default page size
    walked = list(personio.iter_persons(page_size=7))
    assert len(walked) == 25
    assert all(isinstance(p, Person) for p in walked)
    inactive = personio.list_persons(status="INACTIVE", limit=50).field_data
    assert inactive
    assert {p.status for p in inactive} == {"INACTIVE"}
    two = personio.list_persons(ids=[24205101, "24205102"]).field_data
    assert [p.id for p in two] == ["24205101", "24205102"]
    by_mail = personio.list_persons(emails=[two[0].email]).field_data  # type: ignore[list-item]
    assert [p.id for p in by_mail] == ["24205101"]
    newer = personio.list_persons(created_after=datetime(2023, 1, 1, tzinfo=UTC), limit=50)
    assert newer.field_data
    assert all(p.created_at > datetime(2023, 1, 1, tzinfo=UTC) for p in newer.field_data)  # type: ignore[operator]
    assert queries(served, "/v2/persons")[-1] == {
        "limit": ["50"],
        "created_at.gt": ["2023-01-01T00:00:00+00:00"],
    }
    person = personio.get_person("24205101")
    assert person.email == two[0].email
    assert isinstance(person.created_at, datetime)
    assert person.created_at.tzinfo is not None


def test_persons_created_or_updated_at_a_moment(served: Served, personio: Personio) -> None:
    person = personio.get_person("24205102")
    assert isinstance(person.created_at, datetime)
    assert isinstance(person.updated_at, datetime)
    created = personio.list_persons(
        created_at=person.created_at.astimezone(timezone(timedelta(hours=2)))
    )
    assert [p.id for p in created.field_data] == ["24205102"]
    assert queries(served, "/v2/persons")[-1] == {"created_at": [person.created_at.isoformat()]}
    updated = personio.list_persons(updated_at=person.updated_at, limit=50).field_data
    assert "24205102" in [p.id for p in updated]
    assert all(p.updated_at == person.updated_at for p in updated)


def test_an_id_or_an_address_read_with_its_line_break_is_taken(
    served: Served, personio: Personio
) -> None:
    # Both are stripped anyway; the line break was refused before they were.
    address = personio.get_person("24205101\r\n").email
    assert isinstance(address, str)
    found = personio.list_persons(ids=["24205101\n", " 24205102"], emails=[f"{address}\n"])
    assert [p.id for p in found.field_data] == ["24205101"]
    assert queries(served, "/v2/persons")[-1] == {"id": ["24205101,24205102"], "email": [address]}


def test_unknown_ids_are_not_found(personio: Personio) -> None:
    for call in (
        lambda: personio.get_application("1"),
        lambda: personio.list_application_stage_transitions("1"),
        lambda: personio.get_candidate("1"),
        lambda: personio.get_job("1"),
        lambda: personio.get_category("1"),
        lambda: personio.get_person("1"),
    ):
        with pytest.raises(NotFoundError) as caught:
            call()
        assert caught.value.status_code == 404
        assert "not found" in caught.value.message


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda p: p.list_applications(limit=201), "limit"),
        (lambda p: p.list_persons(limit=51), "limit"),
        (lambda p: p.iter_persons(page_size=0), "page_size"),
        (lambda p: p.iter_applications(page_size=500), "page_size"),
        (lambda p: p.list_applications(candidate_email="nobody"), "candidate_email"),
        (lambda p: p.list_candidates(updated_after="yesterday"), "updated_after"),
        (lambda p: p.list_persons(status="GONE"), "status"),
        (lambda p: p.list_persons(ids="24205101"), "ids"),
        (lambda p: p.list_persons(ids=bytearray(b"12")), "ids"),  # was sent as id=49,50
        (lambda p: p.list_persons(ids=memoryview(b"12")), "ids"),
        (lambda p: p.list_persons(ids=["2420\n5101"]), "ids.0"),
        (lambda p: p.list_persons(emails=["lena\n@example.org"]), "emails.0"),
        (lambda p: p.list_jobs(colour="red"), "colour"),
        (lambda p: p.get_application(""), "application_id"),
        (lambda p: p.get_person("../persons"), "person_id"),
    ],
)
def test_bad_v2_input_names_the_field_and_sends_nothing(
    served: Served, personio: Personio, call: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(personio)  # type: ignore[operator]
    assert caught.value.field == field
    assert served.sandbox.recorder.requests == []


@pytest.mark.parametrize("missing", ["client_id", "client_secret"])
def test_v2_without_client_credentials_names_what_is_missing(served: Served, missing: str) -> None:
    served.sandbox.recorder.clear()
    with served.client(**{missing: None}) as personio:
        for call in (
            personio.list_categories,
            lambda: personio.get_person("1"),
            personio.iter_jobs,
        ):
            with pytest.raises(InvalidInputError) as caught:
                call()
            assert caught.value.field == missing
            assert "Create custom integration" in caught.value.message
    assert served.sandbox.recorder.requests == []


def test_get_job_given_job_id_names_job_position_id(served: Served, personio: Personio) -> None:
    # Python's own binding said only "got an unexpected keyword argument 'job_id'".
    with pytest.raises(UnknownArgumentError) as caught:
        personio.get_job(job_id=1874512)  # type: ignore[call-arg]
    assert caught.value.field == "job_id"
    assert caught.value.message == (
        "is not an argument of get_job; it was renamed 'job_position_id' in hirelink 0.2"
    )
    assert isinstance(caught.value, TypeError)
    assert served.sandbox.recorder.requests == []


@pytest.mark.anyio
async def test_async_get_job_given_job_id_names_job_position_id(served: Served) -> None:
    served.reset()
    async with served.async_client() as personio:
        with pytest.raises(UnknownArgumentError, match=r"renamed 'job_position_id' in hirelink"):
            await personio.get_job(job_id=1874512)  # type: ignore[call-arg]
    assert served.sandbox.recorder.requests == []


@pytest.mark.anyio
async def test_async_reads(served: Served) -> None:
    async with served.async_client() as personio:
        assert isinstance(personio, AsyncPersonio)
        page = await personio.list_applications(limit=5)
        assert len(page.field_data) == 5
        walked = [str(a.id) async for a in personio.iter_applications(page_size=20)]
        assert len(walked) == len(set(walked)) == 45
        application = await personio.get_application(walked[0])
        assert application.id == walked[0]
        transitions = await personio.list_application_stage_transitions(walked[0])
        assert transitions
        assert len([c async for c in personio.iter_candidates(page_size=9)]) == 30
        assert (await personio.list_candidates(limit=3)).field_data
        assert (await personio.get_candidate("5520002")).id == "5520002"
        assert len([j async for j in personio.iter_jobs(page_size=5)]) == 6
        assert (await personio.list_jobs(limit=1)).field_data
        assert (await personio.get_job("1874512")).name
        assert len(await personio.list_categories()) == 3
        assert (await personio.get_category("89")).name == "Operations"
        assert len([p async for p in personio.iter_persons(page_size=50, status="ACTIVE")]) > 10
        assert (await personio.list_persons(limit=2)).field_data
        assert (await personio.get_person("24205103")).id == "24205103"
        with pytest.raises(NotFoundError):
            await personio.get_job("1")
        with pytest.raises(InvalidInputError):
            personio.iter_jobs(updated_after=date(2025, 1, 1), updated_before=date(2025, 1, 2))


@pytest.mark.parametrize("media_type", ["application/json", "application/problem+json"])
def test_v2_errors_read_alike_as_json_and_problem_json(served: Served, media_type: str) -> None:
    body = {
        "personio_trace_id": "3f1e2d3c-4b5a-4697-8877-665544332211",
        "timestamp": "2025-05-06T08:15:00Z",
        "errors": [{"title": "Not found", "detail": "No such job.", "type": "x", "_meta": {}}],
    }
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/v2/recruiting/jobs/1$",
            status=404,
            headers={"Content-Type": media_type},
            body=json.dumps(body),
        )
    )
    with served.client() as personio, pytest.raises(NotFoundError) as caught:
        personio.get_job("1")
    assert "No such job." in str(caught.value)


def test_webhook_secrets_quoted_back_by_personio_are_masked(
    served: Served, personio: Personio
) -> None:
    token, header_value = "whk-live-7f3a9c2e5b1d", "hdr-live-91ab22cd33ef"
    hook = "https://hooks.example.org/p"
    writes: list[tuple[str, Callable[[], object]]] = [
        (token, lambda: personio.create_webhook(hook, ["person.created"], token=token)),
        (
            header_value,
            lambda: personio.create_webhook(
                hook, ["person.created"], custom_headers={"X-Hook-Key": header_value}
            ),
        ),
        (
            token,
            lambda: personio.update_webhook(
                "5d1c9e0a-7b42-4f6e-8a31-2c9d0e7f6b54", auth_type="TOKEN", token=token
            ),
        ),
    ]
    for sent, write in writes:
        quoted: dict[str, object] = {
            "errors": [{"title": "Unprocessable", "detail": f"{sent} is refused"}]
        }
        served.sandbox.faults.add(Fault(path=r"/v2/webhooks", status=422, body=quoted))
        with pytest.raises(ApiError) as raised:
            write()
        assert "*** is refused" in str(raised.value)
        assert sent not in f"{raised.value} {raised.value.body!r}"
    header = WebhookHeader(name="X-Hook-Key", value=header_value)
    assert header_value not in repr(header)


_ECHOED_TOKEN, _ECHOED_HEADER_VALUE = "whk-echo-5c8e1a7d", "hdr-echo-0f4b93e6"
_ECHOING_WEBHOOK: dict[str, object] = {
    "id": "0b7e6a52-8f0e-4c31-9d2a-5e1f3c7b9a10",
    "url": "https://hooks.example.org/x",
    "status": "ENABLED",
    "auth_type": "TOKEN",
    "enabled_events": ["person.created"],
    "token": _ECHOED_TOKEN,
    "custom_headers": [{"name": "X-Key", "value": _ECHOED_HEADER_VALUE}],
}


@pytest.mark.parametrize("listing", [True, False], ids=["list", "create"])
def test_webhook_secrets_echoed_in_an_answer_are_withheld_and_masked(
    served: Served, personio: Personio, listing: bool
) -> None:
    if listing:
        body: dict[str, object] = {"_data": [_ECHOING_WEBHOOK]}
        served.faults.add(Fault(method="GET", path=r"/v2/webhooks$", status=200, body=body))
        webhook = personio.list_webhooks()[0]
    else:
        served.faults.add(
            Fault(method="POST", path=r"/v2/webhooks$", status=201, body=_ECHOING_WEBHOOK)
        )
        webhook = personio.create_webhook("https://hooks.example.org/x", ["person.created"])
    shown = f"{webhook!r} {webhook.to_dict()}"
    assert webhook.id == _ECHOING_WEBHOOK["id"]
    assert webhook.additional_properties["custom_headers"] == [{"name": "X-Key"}]
    for echoed in (_ECHOED_TOKEN, _ECHOED_HEADER_VALUE):
        assert echoed not in shown
        assert scrub(f"sent {echoed}") == "sent ***"


def test_a_by_id_answer_in_data_with_a_null_member_reads_the_record(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    # The spec types these members as objects or lists; a null made the envelope fail to
    # parse and the bare model took the answer with nothing set: an empty record, no word.
    with fresh.client() as personio:
        listed = personio.list_applications(limit=1).field_data[0]
        raw = listed.to_dict()
        raw["candidate"] = None
        fresh.faults.add(
            Fault(
                method="GET", path=rf"/applications/{listed.id}$", status=200, body={"_data": raw}
            )
        )
        fresh.faults.add(
            Fault(
                method="GET",
                path=r"/jobs/\d+$",
                status=200,
                body={"_data": {"id": "77", "name": "Ops", "hiring_team": None}},
            )
        )
        got = personio.get_application(str(listed.id))
        job = personio.get_job(77)
    assert got.id == listed.id
    assert got.updated_at == listed.updated_at
    assert got.job.id == listed.job.id  # type: ignore[union-attr]
    assert isinstance(got.candidate, Unset)  # the null, read as absent
    assert "_data" not in got.additional_properties
    assert (job.id, job.name) == ("77", "Ops")
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


def test_a_webhook_write_answered_in_data_reads_the_webhook(fresh: Served) -> None:
    with fresh.client() as personio:
        made = personio.create_webhook("https://example.org/hook", ["person.created"])
        fresh.faults.add(
            Fault(
                method="PATCH",
                path=rf"/webhooks/{made.id}$",
                status=200,
                body={"_data": made.to_dict()},
            )
        )
        enabled = personio.enable_webhook(str(made.id))
    assert enabled.id == made.id
    assert "_data" not in enabled.additional_properties


def test_a_webhooks_event_history_is_read_page_by_page(fresh: Served) -> None:
    fresh.sandbox.state.webhook_events_page_size = 2
    with fresh.client() as personio:
        hook = personio.create_webhook("https://hooks.example.org/p", ["person.created"])
        assert isinstance(hook.id, str)
        personio.enable_webhook(hook.id)
        for number in range(5):
            fresh.sandbox.state.webhooks.emit("person.created", {"id": f"2420510{number}"})
        fresh.sandbox.recorder.clear()
        first = personio.list_webhook_events(hook.id)
        walked = list(personio.iter_webhook_events(hook.id))
    assert len(first.field_data) == 2
    assert next_cursor(first.field_meta) is not None
    # every event, newest first, each once
    assert [event.to_dict()["payload"] for event in walked] == [
        {"id": f"2420510{number}"} for number in reversed(range(5))
    ]
    pages = queries(fresh, "/events")[1:]  # after the one-page read
    assert len(pages) == 3
    assert pages[0] == {}
    assert all(set(page) == {"cursor"} for page in pages[1:])


@pytest.mark.anyio
async def test_async_webhook_events_walk_every_page(fresh: Served) -> None:
    fresh.sandbox.state.webhook_events_page_size = 1
    async with fresh.async_client() as personio:
        hook = await personio.create_webhook("https://hooks.example.org/p", ["person.created"])
        assert isinstance(hook.id, str)
        await personio.enable_webhook(hook.id)
        for number in range(3):
            fresh.sandbox.state.webhooks.emit("person.created", {"id": str(number)})
        walked = [event async for event in personio.iter_webhook_events(hook.id)]
    assert [event.to_dict()["payload"] for event in walked] == [
        {"id": "2"},
        {"id": "1"},
        {"id": "0"},
    ]


@pytest.mark.parametrize("name", ["X-A\r\nInjected", "Bad Name:", "X Key", "Ümlaut"])
def test_a_custom_header_name_that_is_no_http_token_is_refused_before_sending(
    served: Served, personio: Personio, name: str
) -> None:
    # Personio sends these names as HTTP headers on its deliveries; a line break in one
    # injected another header.
    with pytest.raises(InvalidInputError) as caught:
        personio.create_webhook(
            "https://hooks.example.org/p", ["person.created"], custom_headers={name: "v"}
        )
    assert caught.value.field.startswith("custom_headers.")
    assert "header name" in caught.value.message
    assert served.hits("POST", "/v2/webhooks") == 0


def test_a_webhook_header_of_your_own_may_carry_a_bearer_scheme(
    served: Served, personio: Personio
) -> None:
    # The "Bearer " refusal is for the credentials hirelink places itself; a custom header
    # is sent as given, and "Authorization: Bearer ..." is its most common use.
    served.sandbox.recorder.clear()
    personio.create_webhook(
        "https://hooks.example.org/p",
        ["person.created"],
        custom_headers={"Authorization": "Bearer receiver-token-4e1f"},
    )
    sent = served.sandbox.recorder.last("POST", "/v2/webhooks")
    assert sent is not None
    assert sent.json()["custom_headers"] == [
        {"name": "Authorization", "value": "Bearer receiver-token-4e1f"}
    ]
