"""A search by an applicant's e-mail address or name puts it in the request's URL; the
retry log and the error quote that URL with the value masked (personal data has no place
in logs or error trackers). Real HTTP against the stand-ins."""

from __future__ import annotations

import base64
import json
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hirelink.core import BadRequestError, InvalidInputError, MalformedResponseError, ServerError
from hirelink.join import Document
from hirelink.recruitee import Recruitee
from hirelink.sandbox import Fault, serve_stand_in
from hirelink.sandbox.standins import ProviderName

EMAIL = "ada.lovelace@example.org"


def test_a_personio_search_by_email_is_masked_in_logs_and_errors(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with serve_stand_in("personio") as stand_in:
        stand_in.sandbox.faults.add(Fault(path=r"/v2/recruiting/applications", status=503, times=2))
        caplog.set_level(logging.DEBUG, logger="hirelink")
        with (
            stand_in.client(max_retries=1) as personio,
            pytest.raises(ServerError) as caught,
        ):
            personio.list_applications(candidate_email=EMAIL, limit=1)
        sent = stand_in.sandbox.recorder.last(path_contains="/v2/recruiting/applications")
    assert sent is not None
    assert "candidate.email=ada.lovelace%40example.org" in sent.query_string  # it is sent
    shown = [str(caught.value), caught.value.url, *(r.getMessage() for r in caplog.records)]
    assert any("retrying GET" in line for line in shown)
    assert all("ada.lovelace" not in line and "example.org" not in line for line in shown)
    assert "candidate.email=***" in str(caught.value)
    assert "limit=1" in caught.value.url  # what is not personal still shows


def test_a_recruitee_candidate_search_is_masked_in_errors() -> None:
    with serve_stand_in("recruitee") as stand_in:
        stand_in.sandbox.faults.add(Fault(path=r"/candidates$", status=500))
        with (
            stand_in.client(max_retries=0) as recruitee,
            pytest.raises(ServerError) as caught,
        ):
            recruitee.list_candidates(query="Ada Lovelace")
    assert "Ada" not in str(caught.value)
    assert "query=***" in str(caught.value)


ADA = {"first_name": "Ada", "last_name": "Lovelace", "email": EMAIL}
APPLICATION = {"job_position_id": 1874512, **ADA}


@pytest.mark.parametrize(
    ("provider", "operation", "arguments", "field"),
    [
        ("personio", "list_applications", {"candidate_email": "ada@lovelace"}, "candidate_email"),
        ("personio", "create_application", {**APPLICATION, "first_name": ["Ada"]}, "first_name"),
        (
            "personio",
            "create_application",
            {**APPLICATION, "attributes": {"birthday": "10.12.1815"}},
            "attributes.birthday",
        ),
        (
            "personio",
            "create_application",
            {**APPLICATION, "attributes": {"gender": "Ada Lovelace"}},
            "attributes.gender",
        ),
        (
            "personio",
            "create_application",
            {**APPLICATION, "attributes": {"custom_attribute_1": 442079460000}},
            "attributes.custom_attribute_1",
        ),
        (
            "personio",
            "create_application",
            {**APPLICATION, "attributes": {"birthday": 18151210}},
            "attributes.birthday",
        ),
        ("recruitee", "create_candidate", {"name": "Ada", "phones": "+44 20 7946 0000"}, "phones"),
        (
            "recruitee",
            "create_candidate",
            {"name": "Ada", "remote_cv_url": "ftp://cvs.example.org/Ada_Lovelace_CV.pdf"},
            "remote_cv_url",
        ),
        (
            "recruitee",
            "update_candidate_cv",
            {"candidate_id": 7730011, "remote_cv_url": "cvs.example.org/Ada Lovelace CV.pdf"},
            "remote_cv_url",
        ),
        ("recruitee", "create_candidate", {"name": "Ada", "emails": EMAIL}, "emails"),
        ("join", "create_application", {"job_id": 1, **ADA, "email": "ada.lovelace"}, "email"),
    ],
)
def test_a_refused_personal_value_is_described_not_quoted(
    provider: ProviderName, operation: str, arguments: dict[str, object], field: str
) -> None:
    # The caller's own bad input, but an error tracker or a webhook receiver's ERROR line
    # keeps what the message quotes (a date of birth, a phone number, an address).
    with serve_stand_in(provider) as stand_in, stand_in.client() as client:
        with pytest.raises(InvalidInputError) as caught:
            getattr(client, operation)(**arguments)
        assert stand_in.sandbox.recorder.requests == []
    assert caught.value.field == field
    shown = f"{caught.value} {caught.value!r}"
    for part in ("Ada", "Lovelace", "lovelace", "1815", "7946"):
        assert part not in shown, shown


CALLS: list[tuple[ProviderName, Callable[[Any], object], str]] = [
    ("recruitee", lambda client: client.get_candidate("ada.lovelace@example.org"), "candidate_id"),
    ("recruitee", lambda client: client.list_candidates(ids="Ada Lovelace"), "ids"),
    ("personio", lambda client: client.get_person("Ada Lovelace"), "person_id"),
    (
        "personio",
        lambda client: client.upload_document(b"%PDF", filename="Bewerbung Dr. Ada Lovelace"),
        "file",
    ),
    (
        "personio",
        lambda client: client.upload_document(Path("/no/such/dir/Ada_Lovelace_1815_CV.pdf")),
        "file",
    ),
]


@pytest.mark.parametrize(("provider", "call", "field"), CALLS)
def test_a_refused_id_or_file_name_is_described_not_quoted(
    provider: ProviderName, call: Callable[[Any], object], field: str
) -> None:
    with (
        serve_stand_in(provider) as stand_in,
        stand_in.client() as client,
        pytest.raises(InvalidInputError) as caught,
    ):
        call(client)
    assert caught.value.field == field
    shown = f"{caught.value} {caught.value!r}"
    for part in ("Ada", "Lovelace", "lovelace", "1815"):
        assert part not in shown, shown


def test_headers_given_as_pairs_are_refused_without_their_values() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Recruitee(company_id=1, token="t0ken-value", headers=[("X-Api-Key", "s3cr3t-key")])  # type: ignore[arg-type]
    assert "s3cr3t-key" not in str(caught.value)
    assert caught.value.field == "headers"


def test_a_record_garbled_on_the_way_is_not_quoted_in_the_error() -> None:
    """A body that starts as JSON and does not parse is a record cut or garbled on the way:
    the error gives its size and where it broke, not the applicant it describes."""
    cut = f'{{"candidate": {{"id": 7730011, "name": "Ada Lovelace", "emails": ["{EMAIL}"'
    with serve_stand_in("recruitee") as stand_in:
        stand_in.sandbox.faults.add(
            Fault(method="GET", path=r"/candidates/7730011$", status=200, body=cut)
        )
        with stand_in.client() as recruitee, pytest.raises(MalformedResponseError) as caught:
            recruitee.get_candidate(7730011)
    shown = f"{caught.value} {caught.value!r}"
    for part in ("Ada", "Lovelace", "lovelace"):
        assert part not in shown, shown
    assert f"{len(cut)} bytes that start as JSON and do not parse (" in shown
    assert f"at character {len(cut)}), not shown" in shown


CV = b"%PDF-1.4 the CV of Ada Lovelace, born 1815"
APPLYING: dict[ProviderName, tuple[str, Callable[[Any], object]]] = {
    "join": (
        r"/applications$",
        lambda client: client.create_application(
            8812345, **ADA, documents=[Document(CV, type="CV", filename="cv.pdf")]
        ),
    ),
    "personio": (r"/applications$", lambda client: client.create_application(**APPLICATION)),
    "recruitee": (
        r"/candidates$",
        lambda client: client.create_candidate(name="Ada Lovelace", emails=[EMAIL]),
    ),
}


@pytest.mark.parametrize("provider", list(APPLYING))
def test_a_traceback_with_its_locals_shows_no_applicant(provider: ProviderName) -> None:
    """An error tracker shows the repr of every frame's locals (Sentry's default): the
    prepared call in four of hirelink's core frames showed the whole request, names,
    addresses and the CV's base64 included. Its repr names the operation now."""
    path, apply = APPLYING[provider]
    with serve_stand_in(provider) as stand_in, stand_in.client() as client:
        stand_in.sandbox.faults.add(Fault(method="POST", path=path, status=400))
        with pytest.raises(BadRequestError) as caught:
            apply(client)
    frames = traceback.TracebackException.from_exception(caught.value, capture_locals=True).stack
    shown = {
        f"{frame.filename}:{name}": value
        for frame in frames
        if "/hirelink/core/" in frame.filename  # a wrapper's frames hold what it was given
        for name, value in (frame.locals or {}).items()
    }
    assert any("hirelink/core/calls.py" in where for where in shown)  # hirelink's, with locals
    assert any(" request>" in value for value in shown.values())  # the call, by its operation
    for part in ("Ada", "Lovelace", "lovelace", base64.b64encode(CV).decode()[:20]):
        assert [where for where, value in shown.items() if part in value] == []


GARBLED = f'{{"candidate": {{"id": 7730011, "name": "Ada Lovelace", "emails": ["{EMAIL}"'
DRIFTED = {"candidate": [{"id": 7730011, "name": "Ada Lovelace", "emails": [EMAIL]}]}


@pytest.mark.parametrize("answer", [GARBLED, DRIFTED], ids=["garbled", "drifted"])
def test_a_record_that_does_not_read_is_in_no_frame_of_the_error(answer: object) -> None:
    """The decoders' and parsers' frames, chained as the error's cause, and the reading
    frame's copy of the body held the record as their locals."""
    with serve_stand_in("recruitee") as stand_in:
        stand_in.sandbox.faults.add(
            Fault(method="GET", path=r"/candidates/7730011$", status=200, body=answer)  # type: ignore[arg-type]
        )
        with stand_in.client() as recruitee, pytest.raises(MalformedResponseError) as caught:
            recruitee.get_candidate(7730011)
    shown = _locals_of_every_frame_but_this_files(caught.value)
    assert any("hirelink/core/reading.py" in where for where in shown)  # with their locals
    for part in ("Lovelace", "lovelace"):
        assert [where for where, value in shown.items() if part in value] == []


def _locals_of_every_frame_but_this_files(error: BaseException) -> dict[str, str]:
    """Each local of each frame of ``error`` and of the exceptions chained to it, as a
    traceback shown with its locals shows them; this file's frames hold the test's own."""
    shown: dict[str, str] = {}
    chained: traceback.TracebackException | None = traceback.TracebackException.from_exception(
        error, capture_locals=True
    )
    while chained is not None:
        for frame in chained.stack:
            if frame.filename != __file__:
                for name, value in (frame.locals or {}).items():
                    shown[f"{frame.filename}:{frame.lineno}:{name}"] = value
        chained = chained.__cause__ or chained.__context__
    return shown


def test_the_callers_own_error_keeps_its_frames_when_an_answer_does_not_read() -> None:
    """Dropping the frames of what decoded the answer walked on into the error the
    caller was handling when it called, and wiped its traceback and its document."""
    with serve_stand_in("recruitee") as stand_in:
        stand_in.sandbox.faults.add(
            Fault(method="GET", path=r"/candidates/7730011$", status=200, body=GARBLED)
        )
        with stand_in.client() as recruitee:
            owns: list[json.JSONDecodeError] = []
            try:
                json.loads('{"retry": tru}')
            except json.JSONDecodeError as own:
                owns.append(own)
                with pytest.raises(MalformedResponseError):
                    recruitee.get_candidate(7730011)
    (callers,) = owns
    assert callers.doc == '{"retry": tru}'
    assert traceback.extract_tb(callers.__traceback__)


@pytest.mark.parametrize(
    "base_url", ["admin:hunter22@https://x.example", "s3cr3tTOKENhunter22xhttps://x.example"]
)
def test_a_url_with_a_secret_before_its_scheme_is_refused_without_it(base_url: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        Recruitee(company_id=1, token="t0ken-value", base_url=base_url)
    assert "hunter22" not in f"{refused.value} {refused.value!r}"
    assert "ftp" in str(_refusal("ftp://x.example"))  # a scheme is still named


def _refusal(base_url: str) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as refused:
        Recruitee(company_id=1, token="t0ken-value", base_url=base_url)
    return refused.value
