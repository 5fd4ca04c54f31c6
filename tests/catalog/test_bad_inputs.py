"""Bad input found by a sweep of every client method: each is refused with an
InvalidInputError naming the field, and nothing reaches the stand-in."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from enum import Enum
from typing import Any

import httpx
import pytest

from hirelink.api.personio.models import ListPersonsStatus
from hirelink.core import Document, InvalidInputError, request_options
from hirelink.personio import Personio
from hirelink.sandbox import StandIn

Case = tuple[str, Callable[[Any], Any], str]

CASES: list[Case] = [
    # A walker sets its own paging: the list operation's page/limit/cursor are refused.
    ("join", lambda c: c.iter_applications(page=2), "page"),
    ("join", lambda c: c.iter_offices(page=2), "page"),
    ("personio", lambda c: c.iter_applications(limit=5), "limit"),
    ("personio", lambda c: c.iter_candidates(cursor="x"), "cursor"),
    # "." and ".." would change the path; "0" is no id, as 0 is not.
    ("personio", lambda c: c.get_application("."), "application_id"),
    ("personio", lambda c: c.delete_webhook(".."), "webhook_id"),
    ("personio", lambda c: c.get_person("0"), "person_id"),
    # A datetime birthday would be sent with its time.
    (
        "personio",
        lambda c: c.create_application(
            1874512,
            first_name="A",
            last_name="B",
            email="ab@example.org",
            attributes={"birthday": datetime(1994, 8, 21)},
        ),
        "attributes.birthday",
    ),
    # Values httpx cannot put in a request at all: not Unicode, or a URL too long.
    ("recruitee", lambda c: c.list_candidates(query="caf\udce9"), "query"),
    ("recruitee", lambda c: c.list_candidates(query="x" * 70_000), "list_candidates"),
    ("recruitee", lambda c: c.create_candidate("Ada", offer_ids=31337), "offer_ids"),
    ("recruitee", lambda c: c.create_candidate("Ada", offer_ids=""), "offer_ids"),
    ("personio", lambda c: c.upload_document(b"%PDF", filename=5), "filename"),
    (
        "join",
        lambda c: c.create_application(
            8812345,
            first_name="A",
            last_name="B",
            email="ab@example.org",
            documents=[Document(b"%PDF", filename=5)],  # type: ignore[arg-type]
        ),
        "documents.0.filename",
    ),
    # Beyond a signed 64-bit integer: no provider stores such an id.
    ("recruitee", lambda c: c.get_candidate(2**63), "candidate_id"),
    ("join", lambda c: c.get_application(2**63), "application_id"),
    ("recruitee_partners", lambda c: c.list_candidate_reports(4100, 2**63), "candidate_id"),
    ("recruitee_partners", lambda c: c.create_partner(4100, kind=None, name=None), "kind"),
    ("recruitee_partners", lambda c: c.set_partner_inputs(4100, [{"kind": None}]), "inputs.0"),
    # A comma is no part of an address: Personio read "nobody,lena..." as two filters and
    # answered with another person's record.
    (
        "personio",
        lambda c: c.list_persons(emails=["nobody,lena.roth@nordlicht.example"]),
        "emails.0",
    ),
    ("personio", lambda c: c.list_candidates(email="a,lena.roth@nordlicht.example"), "email"),
    ("recruitee", lambda c: c.update_candidate(7730011, emails=["a,b@example.org"]), "emails.0"),
    # Text of more than 4,300 digits is more than int() converts, and no id.
    ("personio", lambda c: c.get_person("9" * 5000), "person_id"),
    ("personio", lambda c: c.get_person("9" * 20), "person_id"),
    ("recruitee_partners", lambda c: c.get_partner("9" * 5000), "company_id"),
    ("recruitee", lambda c: c.get_candidate(10**5000), "candidate_id"),
    # Control characters: NUL in any text; on one line (tags, names, filters, file names)
    # none, not even a line break; in a body or a message, tabs and line breaks only.
    ("recruitee", lambda c: c.add_candidate_tags(7730011, ["verified\x00"]), "tags.0"),
    ("join", lambda c: c.set_candidate_tags(41700001, ["a\r\nb"]), "tags.0"),
    ("recruitee", lambda c: c.list_candidates(query="a\x00b"), "query"),
    ("join", lambda c: c.list_applications(job_external_id="job\x7f"), "job_external_id"),
    ("recruitee", lambda c: c.create_candidate_note(7730011, "ok\x00"), "body"),
    ("recruitee", lambda c: c.create_candidate_note(7730011, "ok \x1b[31m"), "body"),
    ("join", lambda c: c.create_candidate_note(41700001, "a\x00b"), "body"),
    ("recruitee", lambda c: c.create_task(7730011, "Call", timezone="Europe/Berlin\n"), "timezone"),
    ("personio", lambda c: c.upload_document(b"%PDF", filename="cv\x00.pdf"), "filename"),
    (
        "personio",
        lambda c: c.create_application(
            1874512, first_name="Ada\tB", last_name="B", email="ab@example.org"
        ),
        "first_name",
    ),
    # bytes of any kind are no list of ids: bytearray(b"12") was sent as ids=49,50.
    ("recruitee", lambda c: c.list_candidates(ids=bytearray(b"12")), "ids"),
    ("recruitee", lambda c: c.list_candidates(ids=memoryview(b"12")), "ids"),
    # "\d" took an Arabic-Indic digit for a custom attribute's number.
    (
        "personio",
        lambda c: c.create_application(
            1874512,
            first_name="A",
            last_name="B",
            email="ab@example.org",
            attributes={"custom_attribute_\u0663": "x"},
        ),
        "attributes.custom_attribute_\u0663",
    ),
    # Half a surrogate pair (bytes read with surrogateescape) was found only while the
    # request was prepared: after Personio's uploads were sent, under the wire's name.
    *[
        (
            "personio",
            lambda c, given=given: c.create_application(
                1874512,
                **{"first_name": "A", "last_name": "B", "email": "ab@example.org", **given},
                documents=[Document(b"%PDF-1.4\n", type="cv", filename="cv.pdf")],
            ),
            field,
        )
        for given, field in [
            ({"first_name": "Ren\udce9e"}, "first_name"),
            ({"message": "Hallo \udcfc"}, "message"),
            ({"tags": ["vip\udce9"]}, "tags.0"),
            ({"attributes": {"location": "M\udcfcnchen"}}, "attributes.location"),
        ]
    ],
    ("join", lambda c: c.set_candidate_tags(41700001, ["x\udcff"]), "tags.0"),
    # A dict where a list is asked for was read as its keys: the phone numbers were
    # replaced by ["mobile"].
    ("recruitee", lambda c: c.update_candidate(7730011, phones={"mobile": "+46"}), "phones"),
    ("recruitee", lambda c: c.add_candidate_tags(7730011, {"vip": False}), "tags"),
    ("personio", lambda c: c.list_persons(ids={"1": 1}), "ids"),
    # A watch's store of the wrong kind fell back to this process's memory.
    ("join", lambda c: next(c.watch_applications(store=True)), "store"),
    ("join", lambda c: next(c.watch_applications(store={"url": "redis://x"})), "store"),
    ("join", lambda c: next(c.watch_applications(store=httpx.Client())), "store"),
    # A file store that cannot be one failed at the first poll as an OSError.
    ("join", lambda c: next(c.watch_applications(store="")), "store"),
    ("join", lambda c: next(c.watch_applications(store="/")), "store"),
    ("join", lambda c: next(c.watch_applications(store="ftp://host/cp.json")), "store"),
    ("join", lambda c: next(c.watch_applications(store="cp\x00.json")), "store"),
    ("join", lambda c: next(c.watch_applications(store="~nosuchuser/cp.json")), "store"),
    ("join", lambda c: next(c.watch_applications(name="feed\udce9")), "name"),
    # None for a required webhook setting was a KeyError from the generated model.
    ("personio", lambda c: c.create_webhook(None, ["person.created"]), "url"),
    ("personio", lambda c: c.create_webhook("https://hooks.example.org/p", None), "events"),
    # Header names are case-insensitive: both were sent.
    (
        "personio",
        lambda c: c.create_webhook(
            "https://hooks.example.org/p",
            ["person.created"],
            custom_headers={"X-Key": "1", "x-key": "2"},
        ),
        "custom_headers.x-key",
    ),
]


@pytest.mark.parametrize(("provider", "call", "field"), CASES, ids=[c[2] for c in CASES])
def test_bad_input_is_refused_before_anything_is_sent(
    provider: str, call: Callable[[Any], Any], field: str, request: pytest.FixtureRequest
) -> None:
    stand_in: StandIn[Any] = request.getfixturevalue(f"{provider}_sandbox_session")
    with stand_in.client() as client, pytest.raises(InvalidInputError) as refused:
        call(client)
    assert refused.value.field == field
    assert stand_in.recorder.requests == []


def test_a_client_given_a_store_that_is_none_is_refused_when_built(
    personio_sandbox_session: StandIn[Any],
) -> None:
    """``store=True`` failed at the first call with an AttributeError."""
    with pytest.raises(InvalidInputError) as refused:
        personio_sandbox_session.client(store=True)
    assert refused.value.field == "store"
    assert personio_sandbox_session.recorder.requests == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: next(c.watch_applications(interval="x" * 70_000)), "interval"),
        (lambda c: next(c.watch_applications(polls="x" * 70_000)), "polls"),
        (lambda c: c.create_webhook("https://" + "x" * 70_000 + "/ x", ["person.created"]), "url"),
        (lambda c: c.list_job_positions(language="x" * 70_000), "language"),
    ],
    ids=["interval", "polls", "url", "language"],
)
def test_a_refusal_quotes_no_long_value_whole(
    call: Callable[[Any], Any], field: str, personio_sandbox_session: StandIn[Any]
) -> None:
    """These quoted the whole value: 70,000 characters in a message and a log line."""
    with personio_sandbox_session.client() as client, pytest.raises(InvalidInputError) as refused:
        call(client)
    assert refused.value.field == field
    assert len(str(refused.value)) < 300


def test_a_company_id_read_with_its_line_break_is_the_number(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    with recruitee_sandbox_session.client(company_id="4100\n") as recruitee:
        assert recruitee.list_candidates(limit=1).candidates
    sent = recruitee_sandbox_session.recorder.last()
    assert sent is not None
    assert sent.path.startswith("/c/4100/")


def test_a_join_walk_yields_each_application_once_while_new_ones_arrive(
    join_sandbox: StandIn[Any],
) -> None:
    with join_sandbox.client() as join:
        walk = join.iter_applications(page_size=10)
        first = [next(walk).id for _ in range(10)]
        join.create_application(
            8812345, first_name="New", last_name="Arrival", email="new.arrival@example.org"
        )
        seen = first + [application.id for application in walk]
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("value", ["²", "0", "-7", " "])
@pytest.mark.parametrize("field", ["company_id", "channel_id"])
def test_personio_numeric_ids_are_positive_ascii_digits(field: str, value: str) -> None:
    ids: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInputError) as refused:
        Personio(subdomain="acme", recruiting_token="sandbox-token", **ids)
    assert refused.value.field == field


class Codename(str, Enum):  # noqa: UP042 - not a StrEnum: str() gives "Codename.SKILLCHECK"
    SKILLCHECK = "skillcheck"


class Subdomain(str, Enum):  # noqa: UP042 - what the test is about
    ACME = "acme"


class External(str, Enum):  # noqa: UP042 - what the test is about
    JOB = "job-17"


def test_a_str_enum_member_is_sent_as_its_value(
    recruitee_sandbox_session: StandIn[Any],
    join_sandbox_session: StandIn[Any],
    recruitee_partners_sandbox_session: StandIn[Any],
) -> None:
    # The checks read the member's value, and "Cls.MEMBER" was sent.
    with recruitee_sandbox_session.client(company_id=Subdomain.ACME) as recruitee:
        assert recruitee.company_id == "acme"
    with recruitee_sandbox_session.client() as recruitee:
        recruitee.list_candidates(query=External.JOB, limit=1)
    with join_sandbox_session.client() as join:
        join.list_applications(job_external_id=External.JOB)
    with recruitee_partners_sandbox_session.client(codename=Codename.SKILLCHECK) as partners:
        partners.get_partner(4100)
    sent = [
        *recruitee_sandbox_session.recorder.requests,
        *join_sandbox_session.recorder.requests,
        *recruitee_partners_sandbox_session.recorder.requests,
    ]
    assert [request.query_string for request in sent[:2]] == [
        "limit=1&query=job-17",
        "jobExternalId=job-17",
    ]
    assert sent[2].path == "/p/skillcheck/c/4100/partner"


def test_a_generated_enum_member_is_still_taken(personio_sandbox_session: StandIn[Any]) -> None:
    with personio_sandbox_session.client() as personio:
        personio.list_persons(status=ListPersonsStatus.ACTIVE, limit=1)
    sent = personio_sandbox_session.recorder.last()
    assert sent is not None
    assert sent.path == "/v2/persons"
    assert "status=ACTIVE" in sent.query_string


def test_a_note_body_keeps_its_tabs_and_line_and_page_breaks(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    # Word's soft line break (\v) and a PDF's page break (\f) were refused.
    body = "first line\r\n\tsecond line\vsoft break\fnext page"
    with recruitee_sandbox_session.client() as recruitee:
        recruitee.create_candidate_note(7730011, body)
        with pytest.raises(InvalidInputError) as caught:
            recruitee.create_candidate_note(7730011, "a bell\a")
    (sent,) = recruitee_sandbox_session.recorder.requests
    assert json.loads(sent.body)["note"]["body"] == body
    assert "U+0007" in caught.value.message


def test_a_refused_value_is_described_as_it_is(
    recruitee_sandbox_session: StandIn[Any], personio_sandbox_session: StandIn[Any]
) -> None:
    # "got an empty string" for spaces, "got text of 1 characters".
    with recruitee_sandbox_session.client() as recruitee:
        with pytest.raises(InvalidInputError) as spaces:
            recruitee.create_candidate("   ")
        with pytest.raises(InvalidInputError) as empty:
            recruitee.create_candidate("")
    with personio_sandbox_session.client() as personio, pytest.raises(InvalidInputError) as zero:
        personio.get_person("0")
    assert spaces.value.message.endswith("got white space only")
    assert empty.value.message.endswith("got an empty string")
    assert zero.value.message.endswith("got text of 1 character")
    assert recruitee_sandbox_session.recorder.requests == []
    assert personio_sandbox_session.recorder.requests == []


ONE_SHOT: list[Callable[[], Iterable[Any]]] = [
    lambda: (candidate_id for candidate_id in [7730011, 7730012]),
    lambda: iter([7730011, 7730012]),
    lambda: map(int, ["7730011", "7730012"]),
]


@pytest.mark.parametrize("ids", ONE_SHOT, ids=["generator", "iter", "map"])
def test_a_walk_takes_a_one_shot_iterable_as_a_list_filter(
    ids: Callable[[], Iterable[int]],
    recruitee_sandbox_session: StandIn[Any],
    personio_sandbox_session: StandIn[Any],
) -> None:
    # The walk's argument check read the generator, and its first page then had no ids.
    with recruitee_sandbox_session.client() as recruitee:
        assert sorted(c.id for c in recruitee.iter_candidates(ids=ids())) == [7730011, 7730012]
    with personio_sandbox_session.client() as personio:
        emails = iter(["lena.roth@nordlicht.example"])
        assert [p.email for p in personio.iter_persons(emails=emails)] == [
            "lena.roth@nordlicht.example"
        ]


@pytest.mark.anyio
async def test_an_async_walk_takes_a_one_shot_iterable_as_a_list_filter(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    async with recruitee_sandbox_session.async_client() as recruitee:
        walk = recruitee.iter_candidates(ids=(i for i in [7730011, 7730012]))
        assert sorted([candidate.id async for candidate in walk]) == [7730011, 7730012]


BAD_TIMEOUTS = [
    httpx.Timeout(float("nan")),
    httpx.Timeout(-1.0),
    httpx.Timeout(float("inf")),
    httpx.Timeout(1e12),
    httpx.Timeout(10.0, read=float("nan")),
]


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS, ids=repr)
def test_an_httpx_timeout_is_checked_as_seconds_are(
    timeout: httpx.Timeout, recruitee_sandbox_session: StandIn[Any]
) -> None:
    # A bare ValueError or OverflowError came out of the request, naming nothing.
    with pytest.raises(InvalidInputError) as refused:
        recruitee_sandbox_session.client(timeout=timeout)
    assert refused.value.field.startswith("timeout.")
    with (
        recruitee_sandbox_session.client() as recruitee,
        pytest.raises(InvalidInputError) as refused,
        request_options(timeout=timeout),
    ):
        recruitee.get_candidate(7730011)
    assert refused.value.field.startswith("timeout.")
    assert recruitee_sandbox_session.recorder.requests == []


def test_an_httpx_timeout_within_bounds_is_taken(recruitee_sandbox_session: StandIn[Any]) -> None:
    with recruitee_sandbox_session.client(timeout=httpx.Timeout(10.0, pool=None)) as recruitee:
        assert recruitee.get_candidate(7730011).id == 7730011


MISSPELT: list[tuple[str, Callable[[Any], Any], str, str]] = [
    (
        "recruitee",
        lambda c: c.list_candidates(created_afer=datetime(2025, 1, 1)),
        "created_afer",
        "created_after",
    ),
    ("recruitee", lambda c: c.iter_candidates(querry="Ada"), "querry", "query"),
    ("recruitee", lambda c: next(c.watch_candidates(intervl=5)), "intervl", "interval"),
    (
        "personio",
        lambda c: c.create_webhook(
            "https://hooks.example.org/p", ["person.updated"], descripton="x"
        ),
        "descripton",
        "description",
    ),
]


@pytest.mark.parametrize(
    ("provider", "call", "field", "meant"), MISSPELT, ids=[c[2] for c in MISSPELT]
)
def test_a_misspelt_argument_is_refused_with_the_one_meant(
    provider: str,
    call: Callable[[Any], Any],
    field: str,
    meant: str,
    request: pytest.FixtureRequest,
) -> None:
    # The command suggested the argument meant; Python callers got no hint.
    stand_in: StandIn[Any] = request.getfixturevalue(f"{provider}_sandbox_session")
    with stand_in.client() as client, pytest.raises(InvalidInputError) as refused:
        call(client)
    assert refused.value.field == field
    assert f"(did you mean {meant}?)" in str(refused.value)
    assert stand_in.recorder.requests == []


def test_an_unknown_keyword_is_named_cut_when_longer_than_any_name(
    personio_sandbox_session: StandIn[Any],
) -> None:
    """The name was quoted whole: a 70,000-character keyword made a message as long."""
    with personio_sandbox_session.client() as personio:
        for call in (personio.list_applications, personio.watch_applications):
            with pytest.raises(TypeError) as refused:
                next(iter(call(**{"y" * 70_000: 1})))
            assert "(70000 characters)" in str(refused.value)
            assert len(str(refused.value)) < 300
    assert personio_sandbox_session.recorder.requests == []
