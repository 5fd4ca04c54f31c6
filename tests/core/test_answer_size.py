"""An answer's body is read up to MAX_ANSWER_BYTES, decoded: a small gzip body that
decodes to gigabytes, or a stream that never ends, ran a worker out of memory."""

from __future__ import annotations

import copy
import gzip
import io
import logging
import pickle
from typing import Any

import pytest

from hirelink.core import ApiConnectionError
from hirelink.core.transport import MAX_ANSWER_BYTES, AnswerTooLarge
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.sandbox import Fault, RecruiteeSandbox, StandIn

CANDIDATE = 7730011


def bomb(layers: int = 1) -> bytes:
    """A JSON body a little over the limit once decoded, about 80 KiB gzipped (about 1 KiB
    gzipped twice)."""
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb") as body:
        body.write(b'{"candidate": {"id": 1, "note": "')
        spaces = b" " * (1 << 20)
        for _ in range(MAX_ANSWER_BYTES // len(spaces) + 1):
            body.write(spaces)
        body.write(b'"}}')
    packed_once = packed.getvalue()
    return packed_once if layers == 1 else gzip.compress(packed_once)


def answered_with(
    stand_in: StandIn[Any], method: str, path: str, status: int, coding: str = "gzip"
) -> None:
    headers = {"Content-Encoding": coding, "Content-Type": "application/json"}
    body = bomb(layers=len(coding.split(",")))
    stand_in.faults.add(Fault(method=method, path=path, status=status, headers=headers, body=body))


def test_a_read_answered_past_the_limit_fails_once_and_is_not_resent(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    answered_with(recruitee_sandbox, "GET", rf"/candidates/{CANDIDATE}$", 200)
    with Recruitee(**recruitee_sandbox.client_kwargs()) as client:
        with pytest.raises(ApiConnectionError, match="more than 64 MiB") as caught:
            client.get_candidate(CANDIDATE)
        assert caught.value.method == "GET"
        assert "if it is a list, ask for smaller pages" in str(caught.value)  # what to do
        assert recruitee_sandbox.hits("GET", f"/candidates/{CANDIDATE}") == 1
        assert client.get_candidate(CANDIDATE).id == CANDIDATE  # the client goes on


def test_the_too_large_error_behind_it_pickles_as_a_worker_hands_it_over(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    # Its class took the request first: unpickled from its message, it raised.
    answered_with(recruitee_sandbox, "GET", rf"/candidates/{CANDIDATE}$", 200)
    with (
        Recruitee(**recruitee_sandbox.client_kwargs()) as client,
        pytest.raises(ApiConnectionError) as caught,
    ):
        client.get_candidate(CANDIDATE)
    cause = caught.value.__cause__
    assert isinstance(cause, AnswerTooLarge)
    cause.add_note("while syncing candidate 7730011")  # the notes were lost
    copies = (pickle.loads(pickle.dumps(cause)), copy.copy(cause), copy.deepcopy(cause))  # noqa: S301 - our own bytes
    for copied in copies:
        assert type(copied) is AnswerTooLarge
        assert str(copied) == str(cause)
        assert copied.__notes__ == ["while syncing candidate 7730011"]
        with pytest.raises(RuntimeError):  # the request is left out: its headers hold the token
            copied.request  # noqa: B018 - reading it is the check


@pytest.mark.anyio
async def test_the_async_client_stops_reading_alike(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    answered_with(recruitee_sandbox, "GET", rf"/candidates/{CANDIDATE}$", 200)
    async with AsyncRecruitee(**recruitee_sandbox.client_kwargs()) as client:
        with pytest.raises(ApiConnectionError, match="more than 64 MiB"):
            await client.get_candidate(CANDIDATE)
    assert recruitee_sandbox.hits("GET", f"/candidates/{CANDIDATE}") == 1


def test_a_write_answered_past_the_limit_is_carried_out_and_says_its_answer_was_lost(
    recruitee_sandbox: StandIn[RecruiteeSandbox], caplog: pytest.LogCaptureFixture
) -> None:
    answered_with(recruitee_sandbox, "POST", r"/candidates$", 201)
    with Recruitee(**recruitee_sandbox.client_kwargs()) as client, caplog.at_level(logging.WARNING):
        client.create_candidate("Ada Lovelace")
    assert recruitee_sandbox.hits("POST", "/candidates") == 1
    said = [record.getMessage() for record in caplog.records]
    assert any("more than 64 MiB" in message for message in said)
    assert not any("smaller pages" in message for message in said)  # no list was asked for


@pytest.mark.parametrize("coding", ["gzip, gzip", "gzip,deflate", "br", "zstd"])
def test_a_body_compressed_in_layers_or_without_bound_is_not_read(
    recruitee_sandbox: StandIn[RecruiteeSandbox], coding: str
) -> None:
    # httpx decodes every layer of a chunk at once: 2 KB of gzip twice took a gigabyte
    # before the limit was checked.
    answered_with(recruitee_sandbox, "GET", rf"/candidates/{CANDIDATE}$", 200, coding)
    with Recruitee(**recruitee_sandbox.client_kwargs()) as client:
        with pytest.raises(ApiConnectionError, match=f"compressed as '{coding}'"):
            client.get_candidate(CANDIDATE)
        client.get_candidate(CANDIDATE)
    assert recruitee_sandbox.hits("GET", f"/candidates/{CANDIDATE}") == 2
    sent = recruitee_sandbox.sandbox.recorder.requests[-1]
    assert sent.headers["accept-encoding"] == "gzip, deflate"  # never br or zstd
