"""A search by an applicant's e-mail address or name puts it in the request's URL; the
retry log and the error quote that URL with the value masked (personal data has no place
in logs or error trackers). Real HTTP against the stand-ins."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hirelink.core import InvalidInputError, ServerError
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
        ("recruitee", "create_candidate", {"name": "Ada", "phones": "+44 20 7946 0000"}, "phones"),
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
