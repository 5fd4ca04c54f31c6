"""Retries, timeouts, faults and secrecy, against sandbox faults over real HTTP."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

import pytest

from hirelink.api.recruitee.models import Note
from hirelink.core import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    ServerError,
    decoding,
    request_options,
)
from hirelink.core.calls import MAY_HAVE_WRITTEN
from hirelink.core.reading import unread_writes
from hirelink.recruitee import Candidate, Recruitee, Unset
from hirelink.sandbox.faults import FOREVER, Fault
from tests.waiting import await_until

from .conftest import Served

NOTES = r"/candidates/7730001/notes$"


def hits(served: Served, method: str, path_end: str) -> int:
    return sum(
        1
        for r in served.sandbox.recorder.requests
        if r.method == method and r.path.endswith(path_end)
    )


def test_429_with_retry_after_is_waited_for_then_succeeds(
    served: Served, recruitee: Recruitee, caplog: pytest.LogCaptureFixture
) -> None:
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/candidates$", status=429, headers={"Retry-After": "1"})
    )
    caplog.set_level(logging.INFO, logger="hirelink.retry")
    page = recruitee.list_candidates(limit=2)
    assert len(page.candidates) == 2
    assert hits(served, "GET", "/candidates") == 2
    assert "after 429 with Retry-After: 1 in 1.00s" in caplog.text


def test_429_beyond_the_retry_budget_raises_rate_limit_error(
    served: Served, recruitee: Recruitee
) -> None:
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=429, times=-1, headers={"Retry-After": "0"})
    )
    with pytest.raises(RateLimitError) as caught:
        recruitee.list_offers()
    assert caught.value.headers.get("retry-after") == "0"
    assert caught.value.retry_after == 0.0
    assert hits(served, "GET", "/offers") == 3  # first try + max_retries (2)


@pytest.mark.parametrize(
    ("status", "raised", "wait"),
    # A 503's wait was not said at all: it failed after one attempt, saying nothing of why.
    [(429, RateLimitError, 86400), (503, ServerError, 600)],
)
def test_an_answer_asking_for_a_longer_wait_than_hirelink_waits_says_how_long(
    served: Served, recruitee: Recruitee, status: int, raised: type[ApiError], wait: int
) -> None:
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=status, headers={"Retry-After": str(wait)})
    )
    with pytest.raises(raised) as caught:
        recruitee.list_offers()
    assert caught.value.retry_after == wait
    assert f"the provider asks to wait {wait} s" in str(caught.value)
    assert hits(served, "GET", "/offers") == 1


def test_an_error_with_a_rate_limit_reset_header_asks_no_wait_unless_a_429(
    served: Served, recruitee: Recruitee
) -> None:
    # Servers send x-ratelimit-reset on every answer: only a 429's is a wait.
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=404, headers={"x-ratelimit-reset": "30"})
    )
    with pytest.raises(NotFoundError) as caught:
        recruitee.list_offers()
    assert caught.value.retry_after is None
    assert "asks to wait" not in str(caught.value)


def test_503_on_get_is_retried(served: Served, recruitee: Recruitee) -> None:
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/candidates/7730001$",
            status=503,
            times=2,
            headers={"Retry-After": "0"},
        )
    )
    assert recruitee.get_candidate(7730001).id == 7730001
    assert hits(served, "GET", "/candidates/7730001") == 3


def test_503_on_post_is_not_resent(served: Served, recruitee: Recruitee) -> None:
    notes_before = len(recruitee.list_candidate_notes(7730001))
    served.sandbox.faults.add(
        Fault(method="POST", path=NOTES, status=503, headers={"Retry-After": "0"})
    )
    with pytest.raises(ServerError) as caught:
        recruitee.create_candidate_note(7730001, "Should be sent once.")
    assert caught.value.status_code == 503
    assert hits(served, "POST", "/notes") == 1
    assert len(recruitee.list_candidate_notes(7730001)) == notes_before
    # Its text alone did not say whether to send it again (the CLI's did).
    assert caught.value.__notes__ == [MAY_HAVE_WRITTEN]


def test_writes_that_do_the_same_however_often_they_arrive_are_resent_after_a_503(
    served: Served, recruitee: Recruitee
) -> None:
    # The fields given, tags added to a set: a caller wrote its own retry around each.
    served.sandbox.faults.add(Fault(method="PATCH", path=r"/candidates/7730001$", status=503))
    assert recruitee.update_candidate(7730001, phones=["+4930123456"]).phones == ["+4930123456"]
    assert hits(served, "PATCH", "/candidates/7730001") == 2
    served.sandbox.faults.add(Fault(method="POST", path=r"/7730001/tags$", status=503))
    tags = recruitee.add_candidate_tags(7730001, ["verified"]).tags
    assert isinstance(tags, list)
    assert "verified" in tags
    assert hits(served, "POST", "/7730001/tags") == 2
    # The CV step of an update too: the same CV, fetched again.
    served.sandbox.faults.add(Fault(method="PATCH", path=r"/update_cv$", status=503))
    recruitee.update_candidate(7730001, remote_cv_url="https://files.example.org/cv.pdf")
    assert hits(served, "PATCH", "/update_cv") == 2
    # An answer that does not read: nothing was made, so nothing is listed as made unseen.
    body: dict[str, object] = {"candidate": {"id": "not a number"}}
    served.sandbox.faults.add(Fault(method="POST", path=r"/7730001/tags$", status=200, body=body))
    with unread_writes() as unread:
        recruitee.add_candidate_tags(7730001, ["verified"])
    assert unread == []


def test_dropped_connection_is_retried_for_get_but_not_for_post(
    served: Served, recruitee: Recruitee
) -> None:
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="drop"))
    assert recruitee.list_offers()
    assert hits(served, "GET", "/offers") == 2

    served.sandbox.faults.add(Fault(method="POST", path=NOTES, kind="drop"))
    with pytest.raises(ApiConnectionError) as caught:
        recruitee.create_candidate_note(7730001, "Dropped.")
    assert hits(served, "POST", "/notes") == 1
    assert caught.value.__notes__ == [MAY_HAVE_WRITTEN]
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="drop", times=FOREVER))
    with pytest.raises(ApiConnectionError) as read:
        recruitee.list_offers()
    assert not hasattr(read.value, "__notes__")  # a read: nothing to check before resending


def test_malformed_body_raises_malformed_response_error(
    served: Served, recruitee: Recruitee
) -> None:
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="malformed"))
    with pytest.raises(MalformedResponseError) as caught:
        recruitee.list_offers()
    assert caught.value.operation == "list_offers"


def test_a_body_that_will_not_decompress_is_resent_for_a_read_and_a_write_keeps_its_status(
    served: Served, recruitee: Recruitee, caplog: pytest.LogCaptureFixture
) -> None:
    """Resent for a read, like a dropped connection; a write is not resent, and its 201
    says it was carried out (it is not an answer that never came)."""
    broken = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=200, headers=broken, body=b"not gzip")
    )
    assert recruitee.list_offers()
    assert hits(served, "GET", "/offers") == 2

    served.sandbox.faults.add(
        Fault(method="POST", path=NOTES, status=201, headers=broken, body=b"not gzip")
    )
    caplog.set_level(logging.WARNING, logger="hirelink.reading")
    note = recruitee.create_candidate_note(7730001, "Sent once.")
    assert hits(served, "POST", "/notes") == 1
    assert isinstance(note, Note)  # nothing could be read, but it is a note
    assert "its body was lost: DecodingError" in caplog.text


def test_a_body_cut_off_is_resent_for_a_read_and_a_write_keeps_its_status(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    fresh.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="cut"))
    fresh.sandbox.faults.add(Fault(method="POST", path=NOTES, kind="cut"))
    with fresh.client() as recruitee:
        assert recruitee.list_offers()
        assert hits(fresh, "GET", "/offers") == 2
        caplog.set_level(logging.WARNING, logger="hirelink.reading")
        before = len(recruitee.list_candidate_notes(7730001))
        note = recruitee.create_candidate_note(7730001, "Sent once.")
        assert hits(fresh, "POST", "/notes") == 1
        assert isinstance(note, Note)
        assert "its body was lost" in caplog.text
        assert len(recruitee.list_candidate_notes(7730001)) == before + 1  # carried out, once

        fresh.sandbox.faults.add(Fault(method="POST", path=r"/candidates$", kind="cut"))
        with unread_writes() as unread:
            created = recruitee.create_candidate("Ada Lovelace", emails=["ada@example.org"])
        # As docs/errors.md says: `id` is typed int, yet UNSET; the POST is listed.
        assert isinstance(created.id, Unset)
        assert unread == ["create_candidate"]


@pytest.mark.parametrize("decoder", ["json", "orjson"])
@pytest.mark.parametrize("depth", [600, 1_000, 1_024, 100_000])
def test_json_nested_too_deeply_is_malformed_not_a_recursion_error(
    served: Served,
    recruitee: Recruitee,
    monkeypatch: pytest.MonkeyPatch,
    decoder: str,
    depth: int,
) -> None:
    # Deep enough for the decoder to read it, but not for a recursive walk over it.
    pytest.importorskip(decoder)
    monkeypatch.setattr(decoding, "active_decoder", lambda: decoding.choose_decoder(decoder))
    deep = "[" * depth + "]" * depth
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", status=200, body=deep))
    with pytest.raises(MalformedResponseError):
        recruitee.list_offers()
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", status=503, body=deep))
    with request_options(max_retries=0), pytest.raises(ServerError) as caught:
        recruitee.list_offers()
    if depth > 1_024:  # beyond both decoders' reach
        assert caught.value.error is None  # the body could not be read


def test_per_call_timeout_raises_api_timeout_error(served: Served, recruitee: Recruitee) -> None:
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="delay", delay=1.0))
    with request_options(timeout=0.2, max_retries=0), pytest.raises(ApiTimeoutError):
        recruitee.list_offers()
    assert recruitee.list_offers()  # the fault is spent and the client still works


def test_token_never_appears_in_logs_reprs_or_errors(
    served: Served, caplog: pytest.LogCaptureFixture
) -> None:
    token = served.sandbox.token
    caplog.set_level(logging.DEBUG, logger="hirelink")
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=503, headers={"Retry-After": "0"})
    )
    texts: list[str] = []
    with served.client() as recruitee:
        texts.append(repr(recruitee))
        recruitee.list_candidates(limit=1)
        recruitee.list_offers()
        with pytest.raises(NotFoundError) as raised:
            recruitee.get_candidate(1)
        error = raised.value
        texts += [str(error), repr(error), str(error.__dict__)]
    with Recruitee(company_id=4100, token=token, base_url=served.url) as other:
        texts.append(repr(other.__dict__))
    assert "request GET" in caplog.text
    assert "retrying GET" in caplog.text
    everything = caplog.text + "\n".join(texts)
    assert token not in everything
    assert "<redacted>" in caplog.text


def test_a_delete_resent_after_a_late_answer_is_done_not_not_found(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    # The first DELETE is carried out, but its answer comes after the client gave up.
    fresh.sandbox.faults.add(
        Fault(method="DELETE", path=r"/candidates/7730012$", kind="late", delay=0.8)
    )
    caplog.set_level(logging.INFO, logger="hirelink")
    with fresh.client(timeout=0.4) as recruitee, unread_writes() as unread:
        gone = recruitee.delete_candidate(7730012)  # the resend's 404 raised NotFoundError
        with pytest.raises(NotFoundError):
            recruitee.delete_candidate(7730012)  # a plain 404 is still one
    assert fresh.hits("DELETE", "/candidates/7730012") == 3
    assert "answered 404 after a resend" in caplog.text
    assert isinstance(gone, Candidate)  # its last state is unknown: nothing read
    assert isinstance(gone.id, Unset)  # typed int, yet UNSET (docs/errors.md); not listed
    assert unread == []
    assert not [r for r in caplog.records if r.name == "hirelink.reading"]  # no drift blamed


def test_a_tag_removal_resent_and_answered_404_raises_not_found(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    # DELETE .../tags removes part of a candidate; a 404 says the candidate is missing,
    # never that the tags went already.
    fresh.sandbox.faults.add(Fault(method="DELETE", path=r"/tags$", status=503))
    with fresh.client() as recruitee, pytest.raises(NotFoundError):
        recruitee.remove_candidate_tags(999999, ["identity-verified"])
    assert fresh.hits("DELETE", "/candidates/999999/tags") == 2


def test_a_write_interrupted_while_out_says_it_may_have_been_carried_out(fresh: Served) -> None:
    """Ctrl-C during a one-request write said nothing, and it had been carried out: the
    user ran it again and wrote twice. A read interrupted says nothing (it changed
    nothing)."""
    import signal
    import threading

    from hirelink.core.calls import INTERRUPTED_WRITE

    def press_ctrl_c_once_out(method: str, path_end: str, sent_before: int) -> None:
        deadline = time.monotonic() + 30
        while fresh.hits(method, path_end) == sent_before:
            if time.monotonic() > deadline:
                return  # the test fails: the call ends without an interrupt
            time.sleep(0.01)
        # A real SIGINT: it interrupts the wait for the answer.
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    fresh.sandbox.faults.add(Fault(method="POST", path=NOTES, kind="delay", delay=3))
    fresh.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="delay", delay=3))
    updated = r"/candidates/7730002$"
    fresh.sandbox.faults.add(Fault(method="PATCH", path=updated, kind="delay", delay=3))
    with fresh.client() as recruitee:
        for call, request, expected in (
            (
                lambda: recruitee.create_candidate_note(7730001, "Interrupted."),
                ("POST", "/notes"),
                [INTERRUPTED_WRITE],
            ),
            (recruitee.list_offers, ("GET", "/offers"), []),
            # A write that does the same however often it arrives: nothing to check first.
            (
                lambda: recruitee.update_candidate(7730002, name="Ada L."),
                ("PATCH", "/candidates/7730002"),
                [],
            ),
        ):
            # Counted here: the presser thread may start after the request is out.
            presser = threading.Thread(
                target=press_ctrl_c_once_out, args=(*request, fresh.hits(*request))
            )
            presser.start()
            with pytest.raises(KeyboardInterrupt) as stopped:
                call()
            presser.join()
            notes = getattr(stopped.value, "__notes__", [])
            assert notes == expected
    assert fresh.hits("POST", "/notes") == 1
    assert fresh.hits("PATCH", "/candidates/7730002") == 1


@pytest.mark.anyio
async def test_an_async_write_cancelled_while_out_says_it_may_have_been_carried_out(
    fresh: Served,
) -> None:
    import anyio

    from hirelink.core.calls import INTERRUPTED_WRITE

    fresh.sandbox.faults.add(Fault(method="POST", path=NOTES, kind="delay", delay=3))
    stopped: list[BaseException] = []
    async with fresh.async_client() as recruitee:

        async def write() -> None:
            try:
                await recruitee.create_candidate_note(7730001, "Cancelled.")
            except BaseException as error:
                stopped.append(error)
                raise

        async with anyio.create_task_group() as tasks:
            tasks.start_soon(write)
            await await_until(lambda: fresh.hits("POST", "/notes"), "note sent")  # then cancel
            tasks.cancel_scope.cancel()
    (cancelled,) = stopped
    assert getattr(cancelled, "__notes__", []) == [INTERRUPTED_WRITE]


def test_an_error_after_retries_says_how_often_and_how_long_it_was_tried(fresh: Served) -> None:
    """Retries log at INFO; at the usual WARNING threshold, a failure after three attempts
    read as one answer."""
    fresh.sandbox.faults.add(Fault(method="GET", path=r"/offers$", status=503, times=FOREVER))
    with fresh.client(max_retries=2) as recruitee:
        with pytest.raises(ServerError) as failed:
            recruitee.list_offers()
        assert failed.value.attempts == 3
        assert failed.value.tried_for > 0
        assert f"; sent 3 times over {failed.value.tried_for:.1f} s" in str(failed.value)
        fresh.sandbox.faults.clear()
        fresh.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="drop", times=FOREVER))
        with pytest.raises(ApiConnectionError) as lost:
            recruitee.list_offers()
        assert lost.value.attempts == 3
        assert "; sent 3 times over " in str(lost.value)
        with pytest.raises(NotFoundError) as once:
            recruitee.get_candidate(1)
        assert once.value.attempts == 1
        assert "sent" not in str(once.value)


def test_text_that_is_not_unicode_is_refused_naming_where_it_is(fresh: Served) -> None:
    """A lone surrogate (from a broken decode upstream) cannot be sent: the refusal named
    the operation, not the value, and quoted the codec's message; later, where the text
    sat in the request rather than the argument."""
    from hirelink.core import InvalidInputError

    with fresh.client() as recruitee, pytest.raises(InvalidInputError) as refused:
        recruitee.create_candidate_note(7730001, "a\ud800b")
    assert refused.value.field == "body"  # the argument (it named the request's body.note.body)
    assert "half of a surrogate pair" in str(refused.value)
    assert fresh.hits("POST", "/notes") == 0


def test_an_offer_list_that_says_it_holds_more_warns(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    """Whether Recruitee pages /offers is in doubt (2022 evidence says not): an answer that
    counted more than it held was read as all the offers, without a word."""
    with fresh.client() as recruitee:
        offer = recruitee.list_offers()[0].to_dict()
        fresh.sandbox.faults.add(
            Fault(
                method="GET",
                path=r"/offers$",
                status=200,
                body={"offers": [offer], "meta": {"total_count": 5}},
            )
        )
        caplog.set_level(logging.WARNING, logger="hirelink.reading")
        assert len(recruitee.list_offers()) == 1
        assert "list_offers: the answer holds 1 of 5 (Recruitee paged" in caplog.text
        caplog.clear()
        assert recruitee.list_offers()  # the stand-in's own answer counts none
        assert "offers" not in caplog.text
        department = recruitee.list_departments()[0].to_dict()
        paged: dict[str, object] = {"departments": [department], "meta": {"total_count": 3}}
        fresh.sandbox.faults.add(Fault(method="GET", path=r"/departments$", status=200, body=paged))
        assert len(recruitee.list_departments()) == 1
        assert "list_departments: the answer holds 1 of 3 (Recruitee paged" in caplog.text


def test_stamps_read_as_utc_and_an_unreadable_one_does_not_fail_the_page(
    served: Served, recruitee: Recruitee
) -> None:
    # Without an offset a stamp is UTC (it was a naive datetime); RFC 3339's lower-case z
    # reads (it failed the page); a stamp naming no moment is kept as sent (a nullable one
    # was the raw text, typed as a datetime).
    served.sandbox.faults.add(
        Fault(
            method="GET",
            path=r"/candidates$",
            status=200,
            body={
                "candidates": [
                    {
                        "id": 1,
                        "name": "Lena Vogt",
                        "created_at": "2026-04-03T14:02:10",
                        "updated_at": "2026-04-03T14:02:10.000z",
                        "last_message_at": "soon",
                    }
                ],
                "generated_at": "2026-04-03 14:02:10",
            },
        )
    )
    page = recruitee.list_candidates()
    at = datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)
    (lena,) = page.candidates
    assert (page.generated_at, lena.created_at, lena.updated_at) == (at, at, at)
    assert isinstance(lena.last_message_at, Unset)
    assert lena.additional_properties == {"last_message_at": "soon"}
    assert lena.to_dict()["last_message_at"] == "soon"
