"""Calls made from a job system (Celery, RQ, Temporal activities): a time limit raised
inside a call stops it as Ctrl-C does, and an error says whether to retry the job."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest

from hirelink.core import (
    ApiConnectionError,
    ApiError,
    HirelinkError,
    MalformedResponseError,
    may_have_been_carried_out,
    request_options,
    worth_retrying,
)
from hirelink.core.calls import INTERRUPTED_WRITE
from hirelink.personio import Document, Personio, uploaded_documents
from hirelink.recruitee import Recruitee
from hirelink.sandbox import Fault, StandIn, serve_stand_in

PDF = b"%PDF-1.7\n% a small but real-looking document\n%%EOF\n"


class TimeLimitExceeded(Exception):  # noqa: N818 - named as Celery and RQ name theirs
    """As Celery's ``SoftTimeLimitExceeded`` and RQ's ``JobTimeoutException`` are: an
    ``Exception``, raised by a signal handler in whatever the job was doing."""


@contextmanager
def time_limit_once_out(stand_in: StandIn[Any], method: str, path_end: str) -> Iterator[None]:
    """Strike the job's time limit once a request ``method ...path_end`` has reached the
    stand-in (which holds its answer back)."""
    sent_before = stand_in.hits(method, path_end)
    with time_limit_when(lambda: stand_in.hits(method, path_end) > sent_before):
        yield


@contextmanager
def time_limit_when(due: Callable[[], bool]) -> Iterator[None]:
    """Strike the job's time limit once ``due()`` holds."""

    def strike(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded

    def watch() -> None:
        deadline = time.monotonic() + 30
        while not due():
            if time.monotonic() > deadline:
                return  # the test fails: the call ends without the time limit
            time.sleep(0.01)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)

    previous = signal.signal(signal.SIGUSR1, strike)
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        yield
    finally:
        watcher.join()
        signal.signal(signal.SIGUSR1, previous)


def _apply_with_a_cv(client: Personio, email: str) -> None:
    client.create_application(
        1874512,
        first_name="Lena",
        last_name="Vogt",
        email=email,
        documents=[Document(PDF, type="cv", filename="cv.pdf")],
    )


def test_a_write_stopped_by_a_time_limit_says_it_may_have_been_carried_out() -> None:
    """A Celery soft time limit during a write said nothing, though the note was stored:
    a task retried on any Exception wrote it twice. A read stopped so says nothing."""
    with serve_stand_in("recruitee") as stand_in, Recruitee(**stand_in.client_kwargs()) as client:
        stand_in.faults.add(Fault(path=r"/notes$", kind="delay", delay=3, times=-1))
        stand_in.faults.add(Fault(path=r"/offers$", kind="delay", delay=3, times=-1))
        with (
            pytest.raises(TimeLimitExceeded) as written,
            time_limit_once_out(stand_in, "POST", "/notes"),
        ):
            client.create_candidate_note(7730001, "Stopped by a time limit.")
        with (
            pytest.raises(TimeLimitExceeded) as read,
            time_limit_once_out(stand_in, "GET", "/offers"),
        ):
            client.list_offers()
        assert stand_in.hits("POST", "/notes") == 1
    assert getattr(written.value, "__notes__", []) == [INTERRUPTED_WRITE]
    assert may_have_been_carried_out(written.value)
    assert not worth_retrying(written.value)  # hirelink did not raise it: the job decides
    assert getattr(read.value, "__notes__", []) == []


def test_an_application_stopped_by_a_time_limit_names_its_uploaded_documents() -> None:
    """Personio's application is two steps: a time limit during the submission lost the
    uploaded CV's uuid and said nothing, and the retried job uploaded it again."""
    with serve_stand_in("personio") as stand_in, Personio(**stand_in.client_kwargs()) as client:
        stand_in.faults.add(Fault(path=r"/applications$", kind="delay", delay=3))
        with (
            pytest.raises(TimeLimitExceeded) as stopped,
            time_limit_once_out(stand_in, "POST", "/recruiting/applications"),
        ):
            _apply_with_a_cv(client, "lena.vogt.jobs@applicants.example")
        assert stand_in.hits("POST", "/documents") == 1
    (note,) = getattr(stopped.value, "__notes__", [])
    assert note.startswith("the submission may have been carried out")
    assert [document.type for document in uploaded_documents(stopped.value)] == ["cv"]


def test_a_write_stopped_while_it_waits_for_a_rate_limit_slot_was_not_sent() -> None:
    """A time limit while a Personio write waited for the client-side window (20 a
    minute) said the write "may have been carried out", though nothing had left."""
    with serve_stand_in("personio") as stand_in, Personio(**stand_in.client_kwargs()) as client:
        for number in range(20):  # the window's budget
            client.upload_document(PDF, filename=f"cv-{number}.pdf")
        started = time.monotonic()
        with (
            pytest.raises(TimeLimitExceeded) as upload,
            time_limit_when(lambda: time.monotonic() - started > 0.5),
        ):
            client.upload_document(PDF, filename="one-more.pdf")
        started = time.monotonic()
        with (
            pytest.raises(TimeLimitExceeded) as application,
            time_limit_when(lambda: time.monotonic() - started > 0.5),
        ):
            _apply_with_a_cv(client, "lena.vogt.waits@applicants.example")
        assert stand_in.hits("POST", "/documents") == 20
        assert stand_in.hits("POST", "/recruiting/applications") == 0
    for stopped in (upload.value, application.value):
        assert not may_have_been_carried_out(stopped)
        assert getattr(stopped, "__notes__", []) == []


@pytest.mark.parametrize(
    ("fault", "expected", "worth"),
    [
        (Fault(path=r"/offers$", status=503, times=-1), ApiError, True),
        (Fault(path=r"/offers$", status=429, times=-1), ApiError, True),
        (Fault(path=r"/offers$", status=408, times=-1), ApiError, True),
        (Fault(path=r"/offers$", status=404, times=-1), ApiError, False),
        (Fault(path=r"/offers$", status=422, times=-1), ApiError, False),
        (Fault(path=r"/offers$", kind="drop", times=-1), ApiConnectionError, True),
        (Fault(path=r"/offers$", kind="malformed", times=-1), MalformedResponseError, False),
    ],
    ids=["503", "429", "408", "404", "422", "dropped", "malformed"],
)
def test_an_error_says_whether_the_job_is_worth_retrying(
    fault: Fault, expected: type[HirelinkError], worth: bool
) -> None:
    with serve_stand_in("recruitee") as stand_in, Recruitee(**stand_in.client_kwargs()) as client:
        stand_in.faults.add(fault)
        with request_options(max_retries=0), pytest.raises(expected) as caught:
            client.list_offers()
    assert worth_retrying(caught.value) is worth


def test_a_refused_connection_is_worth_retrying_and_certainly_not_carried_out() -> None:
    with serve_stand_in("recruitee") as stand_in:
        kwargs = stand_in.client_kwargs()
    with (
        Recruitee(**kwargs) as client,  # the stand-in has stopped: its port is closed
        request_options(max_retries=0),
        pytest.raises(ApiConnectionError) as caught,
    ):
        client.create_candidate_note(7730001, "Nobody is listening.")
    assert caught.value.not_sent
    assert worth_retrying(caught.value)
    assert not may_have_been_carried_out(caught.value)


@pytest.mark.parametrize("kind", ["late", "status"])
def test_a_write_safe_to_repeat_may_still_have_been_carried_out(kind: str) -> None:
    """Retries hunt: writes resent as reads (setting fields, adding tags) said False,
    though the provider had applied them (an answer lost after the write, a 5xx)."""
    fault = (
        Fault(method="PATCH", kind="late", delay=1.0, times=-1)
        if kind == "late"
        else Fault(method="PATCH", status=503, times=-1)
    )
    with serve_stand_in("recruitee") as stand_in, Recruitee(**stand_in.client_kwargs()) as client:
        stand_in.faults.add(fault)
        with request_options(max_retries=1, timeout=0.3), pytest.raises(HirelinkError) as caught:
            client.update_candidate(7730011, phones=["+46700000000"])
        stand_in.faults.clear()
        applied = client.get_candidate(7730011).phones == ["+46700000000"]
    assert caught.value.harmless_to_repeat  # type: ignore[attr-defined]
    assert applied is (kind == "late")
    assert may_have_been_carried_out(caught.value)
