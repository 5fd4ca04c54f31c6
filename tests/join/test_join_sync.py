"""Join over real HTTP against the sandbox: every operation, paging, wire formats, errors."""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, cast
from urllib.parse import parse_qs

import anyio
import httpx
import pytest

from hirelink.core import (
    ApiError,
    AuthenticationError,
    ConflictError,
    DuplicateApplicationError,
    InvalidInputError,
    NotFoundError,
    UnknownArgumentError,
    UnprocessableEntityError,
)
from hirelink.join import (
    MAX_DOCUMENT_BYTES,
    Application,
    ApplicationCreated,
    AsyncJoin,
    Candidate,
    Document,
    DocumentType,
    Job,
    Join,
    Note,
)
from hirelink.join.documents import to_api
from hirelink.sandbox.faults import Fault
from tests.short_reads import Trickle

from .conftest import Served

BACKEND_JOB = 8812345
PERSON: dict[str, Any] = {"first_name": "A", "last_name": "B", "email": "a@b.org"}


def last_query(served: Served, path_end: str) -> dict[str, list[str]]:
    request = served.sandbox.recorder.last(method="GET", path_contains=path_end)
    assert request is not None
    return parse_qs(request.query_string, keep_blank_values=True)


def last_body(served: Served, method: str) -> object:
    request = served.sandbox.recorder.last(method=method)
    assert request is not None
    return request.json()


# --- jobs ---------------------------------------------------------------------------


def test_list_jobs_returns_every_job_as_typed_models(served: Served, join: Join) -> None:
    jobs = join.list_jobs(content=True)
    assert [job.id for job in jobs] == served.sandbox.state.job_ids()
    assert all(isinstance(job, Job) for job in jobs)
    assert {job.status for job in jobs} == {"ONLINE", "OFFLINE", "ARCHIVED"}
    assert last_query(served, "/v2/jobs") == {"content": ["true"]}


def test_list_jobs_pages_and_iter_jobs_walks_them(served: Served, join: Join) -> None:
    assert [job.id for job in join.list_jobs(page=2, page_size=2)] == [8812401, 8812420]
    walked = [job.id for job in join.iter_jobs(page_size=2)]
    assert walked == served.sandbox.state.job_ids()
    pages = [parse_qs(r.query_string)["page"] for r in served.sandbox.recorder.requests[1:]]
    assert pages == [["1"], ["2"], ["3"]]  # 2 + 2 + 1: the short third page ends the walk


def test_get_job_returns_the_full_record(join: Join) -> None:
    job = join.get_job(BACKEND_JOB)
    assert job.title == "Backend Engineer (Python)"
    assert job.external_id == "req-2026-014"
    assert job.office is not None
    assert job.office.city == "Berlin"  # type: ignore[union-attr]
    assert job.salary.currency == "EUR"  # type: ignore[union-attr]
    assert isinstance(job.created_at, datetime)


def test_unknown_job_raises_not_found_with_joins_message(join: Join) -> None:
    with pytest.raises(NotFoundError) as caught:
        join.get_job(1)
    assert caught.value.status_code == 404
    assert caught.value.message == "Job not found"
    assert caught.value.error == {"error": {"type": "NotFound", "message": "Job not found"}}
    assert caught.value.url.endswith("/v2/jobs/1")


# --- applications -------------------------------------------------------------------


def test_list_applications_returns_one_page_newest_first(served: Served, join: Join) -> None:
    page = join.list_applications(page=1, page_size=50)
    assert len(page) == 50
    assert all(isinstance(application, Application) for application in page)
    assert [a.id for a in page] == served.sandbox.state.application_ids()[:50]
    assert isinstance(page[0].candidate, Candidate)
    assert isinstance(page[0].candidate.id, int)
    assert last_query(served, "/applications") == {"page": ["1"], "pageSize": ["50"]}


def test_iter_applications_walks_three_pages_without_duplicates(served: Served, join: Join) -> None:
    walked = [application.id for application in join.iter_applications()]
    assert len(walked) == len(set(walked)) == 120
    assert walked == served.sandbox.state.application_ids()
    pages = [
        (parse_qs(r.query_string)["page"], parse_qs(r.query_string)["pageSize"])
        for r in served.sandbox.recorder.requests
    ]
    assert pages == [(["1"], ["50"]), (["2"], ["50"]), (["3"], ["50"])]


def test_every_application_filter_reaches_the_wire_in_joins_format(
    served: Served, join: Join
) -> None:
    cet = timezone(timedelta(hours=1))
    join.list_applications(
        page=2,
        page_size=10,
        job_external_id="req-2026-014",
        updated_after=datetime(2026, 2, 1, 1, 30, tzinfo=cet),
        job_id=BACKEND_JOB,
        created_after=date(2026, 1, 10),
        hiring_state="ACTIVE",
    )
    assert last_query(served, "/applications") == {
        "page": ["2"],
        "pageSize": ["10"],
        "jobExternalId": ["req-2026-014"],
        "updatedAtGte": ["2026-02-01T00:30:00Z"],
        "jobId": ["8812345"],
        "createdAtGte": ["2026-01-10T00:00:00Z"],
        "hiringState": ["ACTIVE"],
    }


def test_unset_filters_are_not_sent(served: Served, join: Join) -> None:
    join.list_applications()
    assert last_query(served, "/applications") == {}


def test_application_filters_select_what_they_say(join: Join) -> None:
    by_external = list(join.iter_applications(job_external_id="req-2026-021"))
    assert by_external
    assert all(a.job.external_id == "req-2026-021" for a in by_external)  # type: ignore[union-attr]

    since = datetime(2026, 2, 1, tzinfo=UTC)
    updated = list(join.iter_applications(updated_after=since))
    assert 0 < len(updated) < 120
    assert all(a.last_updated_at >= since for a in updated)  # type: ignore[operator]

    created = list(join.iter_applications(created_after=since))
    assert all(a.created_at >= since for a in created)  # type: ignore[operator]

    offers = list(join.iter_applications(hiring_state="OFFER", job_id=BACKEND_JOB))
    assert offers
    assert all(a.hiring_state == "OFFER" and a.job.id == BACKEND_JOB for a in offers)  # type: ignore[union-attr]


def test_get_application_returns_candidate_job_source_and_attachments(join: Join) -> None:
    listed = join.list_applications(page=1, page_size=1)[0]
    application = join.get_application(listed.id)
    assert application.id == listed.id
    assert application.candidate.email == listed.candidate.email  # type: ignore[union-attr]
    assert application.job.title  # type: ignore[union-attr]
    assert application.source.product  # type: ignore[union-attr]
    assert isinstance(application.attachments, list)
    assert application.attachments[0].type_ in ("CV", "JOIN_CV")
    with pytest.raises(NotFoundError, match="Application not found"):
        join.get_application(1)


def test_a_candidate_id_sent_at_the_top_is_where_notes_and_tags_look(
    served: Served, join: Join
) -> None:
    # Where JOIN puts it is not confirmed (fact sheet 4.3): sent as a top-level
    # candidateId, it was left in additional_properties and every application was passed
    # over as having no candidate.
    listed = join.list_applications(page=1, page_size=2)
    top_level: list[Any] = [
        {**{k: v for k, v in a.to_dict().items() if k != "candidate"}, "candidateId": 41766224}
        for a in listed
    ]
    top_level[1]["candidate"] = {"email": "only.mail@example.org"}  # without its id
    served.faults.add(Fault(method="GET", path=r"/applications$", status=200, body=top_level))
    served.faults.add(
        Fault(method="GET", path=r"/applications/\d+$", status=200, body=top_level[0])
    )
    assert [a.candidate.id for a in join.list_applications()] == [41766224] * 2  # type: ignore[union-attr]
    assert join.get_application(listed[0].id).candidate.id == 41766224  # type: ignore[union-attr]


def test_create_application_round_trips_documents_and_shows_up_in_list_and_detail(
    fresh: Served, tmp_path: Path
) -> None:
    cv_bytes = bytes(range(256)) * 40  # binary, not valid UTF-8
    cv = tmp_path / "Lena_Vogt_CV.pdf"
    cv.write_bytes(cv_bytes)
    letter = "Sehr geehrte Damen und Herren, ✓".encode()
    with fresh.client() as join:
        created = join.create_application(
            BACKEND_JOB,
            first_name="Lena",
            last_name="Vogt",
            email="lena.vogt@example.org",
            phone="+4915112345678",
            source="JOB_BOARDS",
            integration_external_id="acme-apply-7f3c2a9e",
            documents=[
                Document(cv),
                Document(letter, filename="letter.txt", type="COVER_LETTER"),
            ],
        )
        assert isinstance(created, ApplicationCreated)
        assert isinstance(created.id, int)

        stored = fresh.sandbox.state.documents(created.id)
        assert [(d.type, d.name, d.data) for d in stored] == [
            ("CV", "Lena_Vogt_CV.pdf", cv_bytes),
            ("COVER_LETTER", "letter.txt", letter),
        ]
        body = last_body(fresh, "POST")
        assert body == {
            "jobId": BACKEND_JOB,
            "candidate": {
                "firstName": "Lena",
                "lastName": "Vogt",
                "email": "lena.vogt@example.org",
                "phone": "+4915112345678",
            },
            "source": "JOB_BOARDS",
            "integrationExternalId": "acme-apply-7f3c2a9e",
            "documents": [
                {
                    "type": "CV",
                    "name": "Lena_Vogt_CV.pdf",
                    "data": base64.b64encode(cv_bytes).decode(),
                },
                {
                    "type": "COVER_LETTER",
                    "name": "letter.txt",
                    "data": base64.b64encode(letter).decode(),
                },
            ],
        }

        newest = join.list_applications(page=1, page_size=1)[0]
        assert newest.id == created.id
        assert newest.candidate.id == created.candidate_id  # type: ignore[union-attr]
        detail = join.get_application(created.id)
        assert detail.hiring_state == "APPLIED"
        assert detail.job.id == BACKEND_JOB  # type: ignore[union-attr]
        assert [a.filename for a in detail.attachments] == ["Lena_Vogt_CV.pdf", "letter.txt"]  # type: ignore[union-attr]
        assert len(list(join.iter_applications())) == 121


def test_create_application_sends_what_was_given_and_organic_as_the_source(
    fresh: Served,
) -> None:
    # JOIN's one commercial integration always sends a source, ORGANIC by default;
    # whether JOIN takes an application without one is not known.
    with fresh.client() as join:
        join.create_application(
            8812401, first_name="Tomás", last_name="Ortega", email="t@example.net"
        )
        join.create_application(8812401, **PERSON, source=None)
    assert last_body(fresh, "POST") == {
        "jobId": 8812401,
        "candidate": {"firstName": "A", "lastName": "B", "email": "a@b.org"},
        "source": "ORGANIC",
    }
    first = fresh.sandbox.recorder.requests[0].json()
    assert first == {
        "jobId": 8812401,
        "candidate": {"firstName": "Tomás", "lastName": "Ortega", "email": "t@example.net"},
        "source": "ORGANIC",
    }


def test_ids_join_sent_as_text_can_be_passed_back(fresh: Served) -> None:
    # JOIN's ids have been seen as numbers and as strings: a job read as
    # Job(id="8812345") must work in get_job(job.id) and create_application(job.id).
    fresh.sandbox.faults.add(
        Fault(method="GET", path=r"/jobs$", status=200, body=[{"id": "8812345", "title": "B"}])
    )
    with fresh.client() as join:
        (job,) = join.list_jobs()
        assert cast(object, job.id) == "8812345"  # kept as JOIN sent it
        assert join.get_job(job.id).title == "Backend Engineer (Python)"
        created = join.create_application(job.id, **PERSON)
        assert last_body(fresh, "POST") == {
            "jobId": BACKEND_JOB,  # a number on the wire, as JOIN wants
            "candidate": {"firstName": "A", "lastName": "B", "email": "a@b.org"},
            "source": "ORGANIC",
        }
        assert created.id is not None
        assert join.get_application(str(created.id)).id == created.id
        candidate_id = str(created.candidate_id)
        assert join.set_candidate_tags(candidate_id, ["verified"]).tags == ["verified"]
        assert join.create_candidate_note(candidate_id, "Verified.").content == "Verified."
        assert [a.id for a in join.list_applications(job_id=job.id, page_size=1)] == [created.id]
    assert last_query(fresh, "/applications") == {"pageSize": ["1"], "jobId": ["8812345"]}
    paths = [request.path for request in fresh.sandbox.recorder.requests]
    assert paths == [
        "/v2/jobs",
        "/v2/jobs/8812345",
        "/v2/applications",
        f"/v2/applications/{created.id}",
        f"/v2/candidates/{created.candidate_id}",
        f"/v2/candidates/{created.candidate_id}/notes",
        "/v2/applications",
    ]


def test_a_413_from_a_front_proxy_is_an_unprocessable_entity(fresh: Served) -> None:
    # Personio's 413 was UnprocessableEntityError and JOIN's a plain ApiError: the same
    # refusal (documents too large for the proxy) needs one class to catch.
    page = "<html><body><h1>413 Request Entity Too Large</h1></body></html>"
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/applications$", status=413, body=page,
              headers={"Content-Type": "text/html"})
    )  # fmt: skip
    with fresh.client() as join, pytest.raises(UnprocessableEntityError) as caught:
        join.create_application(
            BACKEND_JOB, first_name="Ada", last_name="Lovelace", email="ada413@example.org"
        )
    assert caught.value.status_code == 413
    assert fresh.hits("POST", "/applications") == 1  # a refusal, not resent


def test_a_second_application_to_the_same_job_is_a_duplicate(fresh: Served) -> None:
    with fresh.client() as join:
        first = join.create_application(
            BACKEND_JOB, first_name="Ada", last_name="Lovelace", email="ada@example.org"
        )
        with pytest.raises(DuplicateApplicationError) as caught:
            join.create_application(
                BACKEND_JOB, first_name="Ada", last_name="Lovelace", email="ADA@example.org"
            )
        assert isinstance(caught.value, ConflictError)
        assert caught.value.status_code == 409
        assert "already exists" in caught.value.message
        assert caught.value.error["error"]["type"] == "Conflict"
        other_job = join.create_application(
            8812401, first_name="Ada", last_name="Lovelace", email="ada@example.org"
        )
        assert other_job.candidate_id == first.candidate_id  # the same candidate, another job
    assert fresh.hits("POST", "/applications") == 3  # the duplicate was not resent


@pytest.mark.parametrize("status", [400, 422])
def test_already_exists_means_duplicate_whatever_the_status(
    served: Served, join: Join, status: int
) -> None:
    served.sandbox.faults.add(
        Fault(
            method="POST",
            path=r"/applications$",
            status=status,
            body={"error": {"type": "Invalid", "message": "Candidate already exists for job"}},
        )
    )
    with pytest.raises(DuplicateApplicationError) as caught:
        join.create_application(BACKEND_JOB, first_name="A", last_name="B", email="a@b.org")
    assert caught.value.status_code == status


def test_other_conflicts_are_not_duplicates(served: Served, join: Join) -> None:
    served.sandbox.faults.add(
        Fault(
            method="POST", path=r"/applications$", status=409, body={"error": {"message": "Busy"}}
        )
    )
    with pytest.raises(ConflictError) as caught:
        join.create_application(BACKEND_JOB, first_name="A", last_name="B", email="a@b.org")
    assert not isinstance(caught.value, DuplicateApplicationError)
    served.sandbox.faults.add(
        Fault(
            method="POST",
            path=r"/notes$",
            status=422,
            body={"error": {"message": "Note already exists"}},
        )
    )
    with pytest.raises(UnprocessableEntityError) as unprocessable:
        join.create_candidate_note(41700001, "x")
    assert not isinstance(unprocessable.value, DuplicateApplicationError)


def test_create_application_for_an_unknown_job_is_not_found(fresh: Served) -> None:
    with fresh.client() as join, pytest.raises(NotFoundError, match="Job not found"):
        join.create_application(999, first_name="A", last_name="B", email="a@b.org")


# --- candidates ---------------------------------------------------------------------


def test_set_candidate_tags_replaces_the_whole_set(fresh: Served) -> None:
    with fresh.client() as join:
        application = join.list_applications(page=1, page_size=1)[0]
        candidate_id = application.candidate.id  # type: ignore[union-attr]
        assert isinstance(candidate_id, int)
        tagged = join.set_candidate_tags(
            candidate_id, ["identity-verified", "priority", "priority"]
        )
        assert isinstance(tagged, Candidate)
        assert tagged.tags == ["identity-verified", "priority"]
        assert last_body(fresh, "PATCH") == {"tags": ["identity-verified", "priority"]}

        replaced = join.set_candidate_tags(candidate_id, ["identity-verified"])
        assert replaced.tags == ["identity-verified"]
        assert join.get_application(application.id).candidate.tags == ["identity-verified"]  # type: ignore[union-attr]

        assert join.set_candidate_tags(candidate_id, []).tags == []
        assert fresh.sandbox.state.candidate(candidate_id)["tags"] == []
        with pytest.raises(NotFoundError, match="Candidate not found"):
            join.set_candidate_tags(1, ["x"])


def test_create_candidate_note_is_kept(fresh: Served) -> None:
    with fresh.client() as join:
        note = join.create_candidate_note(41700005, "<p>Identity verified.</p>")
        assert isinstance(note, Note)
        assert note.content == "<p>Identity verified.</p>"
        join.create_candidate_note(41700005, "Second note.")
        with pytest.raises(NotFoundError):
            join.create_candidate_note(1, "Nobody.")
    assert last_body(fresh, "POST") == {"content": "Nobody."}
    notes = fresh.sandbox.state.notes(41700005)
    assert [n["content"] for n in notes] == ["<p>Identity verified.</p>", "Second note."]
    assert notes[0]["id"] == note.id


# --- reference data -----------------------------------------------------------------


def test_reference_data(served: Served, join: Join) -> None:
    categories = join.list_categories(language="de")
    assert categories[0].name == "Softwareentwicklung"
    assert 412 in [sub.id for sub in categories[0].sub_categories]  # type: ignore[union-attr]
    assert last_query(served, "/categories") == {"language": ["de"]}
    assert [t.id for t in join.list_employment_types()] == [1, 2, 3, 4, 5]
    assert join.list_seniority_levels(language="en")[2].name == "Experienced"
    german = join.list_offices(country_code="DE", page=1, page_size=50)
    assert [o.city for o in german] == ["Berlin", "München"]
    assert last_query(served, "/offices") == {
        "page": ["1"],
        "pageSize": ["50"],
        "countryCode": ["DE"],
    }
    assert [o.id for o in join.iter_offices(page_size=2)] == [90211, 90212, 90213]
    assert [o.name for o in join.list_offices(city_name_like="wie")] == ["Vienna"]


# --- validation, auth ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda j: j.list_jobs(page_size=51), "page_size"),
        (lambda j: j.list_jobs(page=0), "page"),
        (lambda j: j.list_jobs(content="yes"), "content"),
        (lambda j: j.iter_jobs(page_size=0), "page_size"),
        (lambda j: j.get_job(-3), "job_id"),
        (lambda j: j.get_job("8812345a"), "job_id"),
        (lambda j: j.get_job("0"), "job_id"),
        (lambda j: j.get_job("-3"), "job_id"),
        (lambda j: j.get_job("\uff18\uff18"), "job_id"),  # full-width digits: not JOIN's
        (lambda j: j.get_application(""), "application_id"),
        (lambda j: j.list_applications(job_id="x"), "job_id"),
        (lambda j: j.create_candidate_note("41700001.0", "x"), "candidate_id"),
        (lambda j: j.set_candidate_tags("1e3", []), "candidate_id"),
        (lambda j: j.list_applications(hiring_state="NEW"), "hiring_state"),
        (lambda j: j.list_applications(updated_after="yesterday"), "updated_after"),
        (lambda j: j.list_applications(job_external_id=""), "job_external_id"),
        (lambda j: j.list_applications(colour="red"), "colour"),
        (lambda j: j.iter_applications(page_size=100), "page_size"),
        (lambda j: j.iter_applications(job_id=0), "job_id"),
        (lambda j: j.get_application(True), "application_id"),
        (lambda j: j.create_application(1, **{**PERSON, "first_name": ""}), "first_name"),
        (lambda j: j.create_application(1, **{**PERSON, "email": "nope"}), "email"),
        (lambda j: j.create_application(1, **PERSON, source="WEB"), "source"),
        (lambda j: j.create_application(1, **PERSON, documents=[b"%PDF"]), "documents.0"),
        (lambda j: j.create_application(0, **PERSON), "job_id"),
        (lambda j: j.create_application("9" * 20, **PERSON), "job_id"),
        (
            lambda j: j.create_application(1, **PERSON, integration_external_id=""),
            "integration_external_id",
        ),
        (lambda j: j.set_candidate_tags(41700001, "identity-verified"), "tags"),
        (lambda j: j.set_candidate_tags(41700001, ["ok", ""]), "tags.1"),
        (lambda j: j.create_candidate_note(41700001, "  "), "body"),
        (lambda j: j.list_categories(language="english"), "language"),
        (lambda j: j.list_offices(country_code="DEU"), "country_code"),
        (lambda j: j.iter_offices(town="Berlin"), "town"),
    ],
)  # fmt: skip
def test_bad_input_names_the_field_and_sends_nothing(
    served: Served, join: Join, call: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(join)  # type: ignore[operator]
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)
    assert served.sandbox.recorder.requests == []


RENAMED_IN_0_2 = "it was renamed '{}' in hirelink 0.2"
SINCE = datetime(2026, 2, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("call", "field", "problem"),
    [
        (
            lambda j: j.create_candidate_note(41700001, content="Identity verified."),
            "content",
            "is not an argument of create_candidate_note; " + RENAMED_IN_0_2.format("body"),
        ),
        (
            lambda j: j.list_applications(updated_since=SINCE),
            "updated_since",
            "is not an argument of list_applications; " + RENAMED_IN_0_2.format("updated_after"),
        ),
        (
            lambda j: j.iter_applications(created_since=SINCE),
            "created_since",
            "is not an argument of iter_applications; " + RENAMED_IN_0_2.format("created_after"),
        ),
        # Not renamed: the closest of the method's own keywords.
        (
            lambda j: j.get_job(jobid=8812345),
            "jobid",
            "is not an argument of get_job (did you mean job_id?)",
        ),
        # A watch takes no filters: the list's rename is not offered.
        (
            lambda j: j.watch_applications(updated_since=SINCE),
            "updated_since",
            "is not an argument of watch_applications",
        ),
    ],
)
def test_a_keyword_not_taken_is_refused_naming_its_new_name_or_the_closest(
    served: Served, join: Join, call: Any, field: str, problem: str
) -> None:
    # Python's own binding said only "got an unexpected keyword argument 'content'".
    with pytest.raises(UnknownArgumentError) as caught:
        call(join)
    assert caught.value.field == field
    assert caught.value.message == problem
    assert isinstance(caught.value, TypeError)  # as Python's refusal is
    assert served.sandbox.recorder.requests == []


def test_documents_are_checked_before_sending(served: Served, join: Join, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as file:  # sparse: the size check must not read it
        file.truncate(MAX_DOCUMENT_BYTES + 1)
    exactly = b"x" * MAX_DOCUMENT_BYTES
    cases: list[tuple[Document, str, str]] = [
        (Document(empty), "documents.0", "empty"),
        (Document(huge), "documents.0", "at most"),
        (Document(tmp_path / "missing.pdf"), "documents.0", "cannot read"),
        (Document(tmp_path), "documents.0", "not a file"),
        (Document(b"", filename="a.pdf"), "documents.0", "empty"),
        (Document(exactly + b"x", filename="a.pdf"), "documents.0", "at most"),
        (Document(b"x", filename="a.pdf", type="PHOTO"), "documents.0.type", "CV"),
        (Document(b"x", filename=""), "documents.0.filename", "non-empty"),
        (Document(b"x"), "documents.0.filename", "required"),
        (Document("text.txt", filename="a.txt"), "documents.0", "cannot read"),
    ]
    for document, field, words in cases:
        with pytest.raises(InvalidInputError) as caught:
            join.create_application(1, **PERSON, documents=[document])
        assert caught.value.field == field
        assert words in caught.value.message
    assert served.sandbox.recorder.requests == []


def test_document_names_types_and_repr(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"secret-bytes-of-a-passport")
    document = Document(path, type=DocumentType.CERTIFICATES, filename="id.png")
    wire = to_api(document, "documents.0")
    assert (wire.type_, wire.name) == (DocumentType.CERTIFICATES, "id.png")
    assert base64.b64decode(wire.data) == b"secret-bytes-of-a-passport"
    assert "secret" not in repr(document)
    assert "secret" not in str(document)
    assert to_api(Document(str(path)), "d").name == "scan.png"
    assert to_api(Document(path), "d").type_ is DocumentType.CV


def test_a_bearer_token_is_refused_at_construction() -> None:
    with pytest.raises(InvalidInputError, match="without 'Bearer '") as caught:
        Join(token="Bearer sandbox-join-token")
    assert caught.value.field == "token"


def test_a_wrong_token_raises_authentication_error(served: Served) -> None:
    with (
        Join(token="wrong-token-123", base_url=served.url) as join,
        pytest.raises(AuthenticationError) as caught,
    ):
        join.list_jobs()
    assert caught.value.status_code == 401
    assert caught.value.error["error"]["type"] == "Unauthorized"
    assert "wrong-token-123" not in str(caught.value) + repr(caught.value.__dict__)


def test_the_token_is_sent_raw_in_authorization(served: Served) -> None:
    seen: list[str] = []

    def spy(request: httpx.Request) -> None:
        seen.append(request.headers["authorization"])

    with (
        httpx.Client(event_hooks={"request": [spy]}) as http,
        Join(token=served.sandbox.token, base_url=served.url, httpx_client=http) as join,
    ):
        assert join.list_jobs()
        with pytest.raises(NotFoundError):
            join.get_job(1)
        assert not http.is_closed
    assert seen == [served.sandbox.token, served.sandbox.token]


@pytest.mark.parametrize("reads", [False, True], ids=["unread", "read by the hook"])
@pytest.mark.parametrize("asynchronous", [False, True])
def test_an_own_client_raising_for_status_in_a_hook_keeps_the_errors_and_retries(
    fresh: Served, asynchronous: bool, reads: bool
) -> None:
    # httpx's documented hook (raise_for_status) made every error an httpx.HTTPStatusError:
    # no NotFoundError, and a 429 was not resent.
    fresh.sandbox.faults.add(Fault(path=r"/jobs$", status=429, headers={"Retry-After": "0"}))
    kwargs: dict[str, Any] = {"token": fresh.sandbox.token, "base_url": fresh.url}

    def raise_for_status(response: httpx.Response) -> None:
        if reads:  # to log it: the body is then kept, not called lost
            response.read()
        response.raise_for_status()

    async def araise_for_status(response: httpx.Response) -> None:
        if reads:
            await response.aread()
        response.raise_for_status()

    said = "Job not found" if reads else "a response hook of the httpx_client raised"

    if asynchronous:

        async def run() -> None:
            hooks = {"response": [araise_for_status]}
            async with (
                httpx.AsyncClient(event_hooks=hooks) as http,
                AsyncJoin(**kwargs, httpx_client=http) as join,
            ):
                assert await join.list_jobs()
                with pytest.raises(NotFoundError) as caught:
                    await join.get_job(1)
                assert said in str(caught.value)

        anyio.run(run)
    else:
        with (
            httpx.Client(event_hooks={"response": [raise_for_status]}) as http,
            Join(**kwargs, httpx_client=http) as join,
        ):
            assert join.list_jobs()
            with pytest.raises(NotFoundError) as caught:
                join.get_job(1)
            assert said in str(caught.value)
    assert fresh.hits("GET", "/jobs") == 2  # the 429, then its resend


def test_a_document_from_a_file_object_is_sent_whole_again_when_the_call_is_repeated(
    fresh: Served, tmp_path: Path
) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4)
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/applications$", status=400))
    with cv.open("rb") as opened, fresh.client() as join:
        document = Document(opened, type="CV")
        with pytest.raises(ApiError):  # refused once: the caller tries again
            join.create_application(
                BACKEND_JOB, first_name="Kai", last_name="Rewind", email="kai@example.org",
                documents=[document],
            )  # fmt: skip
        created = join.create_application(
            BACKEND_JOB, first_name="Kai", last_name="Rewind", email="kai@example.org",
            documents=[document],
        )  # fmt: skip
    assert isinstance(created.id, int)
    (stored,) = fresh.sandbox.state.documents(created.id)
    assert stored.data == cv.read_bytes()


def test_a_document_from_a_file_object_giving_short_reads_is_sent_whole(fresh: Served) -> None:
    # One read() of a raw stream gives what has arrived: the CV was sent cut short.
    cv = b"%PDF-1.4 " + bytes(range(256)) * 400
    with fresh.client() as join:
        created = join.create_application(
            BACKEND_JOB, first_name="Kai", last_name="Trickle", email="kai.t@example.org",
            documents=[Document(cast(IO[bytes], Trickle(cv)), type="CV", filename="cv.pdf")],
        )  # fmt: skip
    assert isinstance(created.id, int)
    (stored,) = fresh.sandbox.state.documents(created.id)
    assert stored.data == cv


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("zoe.ng@example.org\u200b", "U+200B"),  # zero-width space, pasted after it
        ("\ufeffzoe.ng@example.org", "U+FEFF"),  # a byte order mark read from a file
        ("zoe.ng@exam\u00adple.org", "U+00AD"),  # a soft hyphen
        ("zoe\u2060.ng@example.org", "U+2060"),  # a word joiner
        ("zoe.ng@example.org\x00", "U+0000"),
        ("zoe\u200d@example.org", "U+200D"),  # a joiner joining nothing
        ("zo\u200de.ng@example.org", "U+200D"),  # between Latin letters: no virama before
        ("zoe.n\u200cg@example.org", "U+200C"),  # nor a joining script around it
        ("zoe\ufe0f.ng@example.org", "U+FE0F"),  # a variation selector (a mark)
        ("zoe\u034f.ng@example.org", "U+034F"),  # the combining grapheme joiner
        ("zoe\u3164.ng@example.org", "U+3164"),  # a Hangul filler (a letter)
        ("zoe\U000e01f0.ng@example.org", "U+E01F0"),  # reserved as ignorable, unassigned
        ("\u0627\u200c\u0628@example.org", "U+200C"),  # alef joins nothing after it
    ],
)
def test_an_email_holding_an_invisible_character_is_refused_before_sending(
    fresh: Served, address: str, named: str
) -> None:
    # Sent as it was: to JOIN another address, so the same applicant applied twice.
    with fresh.client() as join, pytest.raises(InvalidInputError) as caught:
        join.create_application(BACKEND_JOB, first_name="Zoë", last_name="Ng", email=address)
    assert caught.value.field == "email"
    assert f"invisible or control character ({named})" in caught.value.message
    assert "zoe" not in f"{caught.value} {caught.value!r}"
    assert fresh.sandbox.recorder.requests == []


@pytest.mark.parametrize(
    "address",
    [
        "info@\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.example",
        "\u0dc1\u0dca\u200d\u0dbb\u0dd3@example.lk",
        "\u0915\u094d\u200d\u0937@example.in",
        "\U0001e922\u200c\U0001e922@example.org",
    ],
    ids=["non-joiner in Persian", "joiner in Sinhala", "joiner in Devanagari", "Adlam"],
)
def test_a_joiner_where_idna_allows_it_is_part_of_an_email(fresh: Served, address: str) -> None:
    # Persian, Sinhala or Devanagari need them (IDNA allows them there); they were refused.
    with fresh.client() as join:
        join.create_application(BACKEND_JOB, first_name="Zoë", last_name="Ng", email=address)
    (request,) = [r for r in fresh.sandbox.recorder.requests if r.method == "POST"]
    assert request.json()["candidate"]["email"] == address


def test_documents_none_means_no_documents(fresh: Served) -> None:
    with fresh.client() as join:
        created = join.create_application(
            8812345,
            first_name="No",
            last_name="Files",
            email="nofiles@example.org",
            documents=None,  # type: ignore[arg-type]  # what a caller forwarding None passes
        )
    assert created.candidate_id
    sent = fresh.sandbox.recorder.last("POST", "/applications")
    assert sent is not None
    assert "documents" not in sent.json()
