"""A search by an applicant's e-mail address or name puts it in the request's URL; the
retry log and the error quote that URL with the value masked (personal data has no place
in logs or error trackers). Real HTTP against the stand-ins."""

from __future__ import annotations

import logging

import pytest

from hirelink.core import ServerError
from hirelink.sandbox import Fault, serve_stand_in

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
