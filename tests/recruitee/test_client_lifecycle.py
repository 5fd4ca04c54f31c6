"""What a client is built with and where it runs: refused before anything is sent."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from hirelink.core import (
    ApiConnectionError,
    InvalidInputError,
    UnusableClientError,
    may_have_been_carried_out,
)
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.sandbox.faults import Fault
from tests.forking import answer_of_forked_child

from .conftest import Served


def test_an_async_client_given_a_sync_httpx_client_is_refused(served: Served) -> None:
    with httpx.Client() as sync_http, pytest.raises(InvalidInputError) as caught:
        AsyncRecruitee(**served.client_kwargs(), httpx_client=sync_http)  # type: ignore[arg-type]
    assert caught.value.field == "httpx_client"
    assert "httpx.AsyncClient" in caught.value.message


@pytest.mark.parametrize(
    ("client", "transport"),
    [(Recruitee, httpx.AsyncHTTPTransport()), (AsyncRecruitee, httpx.HTTPTransport())],
)
def test_a_transport_of_the_other_kind_is_refused(
    served: Served, client: type[Recruitee | AsyncRecruitee], transport: object
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        client(**served.client_kwargs(), transport=transport)  # type: ignore[arg-type]
    assert caught.value.field == "transport"


def test_a_closed_client_refuses_a_write_saying_nothing_was_sent(fresh: Served) -> None:
    """httpx's own RuntimeError reads, to a job system, as a write interrupted while out:
    a closed client says that nothing was sent, and adds no such note."""
    client = fresh.client()
    client.close()
    with pytest.raises(RuntimeError, match="is closed, and nothing was sent") as caught:
        client.create_candidate_note(7730011, "after close")
    assert isinstance(caught.value, UnusableClientError)
    assert not getattr(caught.value, "__notes__", None)
    assert fresh.hits("POST", "/notes") == 0

    async def write_after_close() -> None:
        async with fresh.async_client() as closing:
            pass
        await closing.create_candidate_note(7730011, "after close")

    with pytest.raises(UnusableClientError, match="AsyncRecruitee is closed"):
        asyncio.run(write_after_close())


def test_a_closed_httpx_client_of_the_callers_refuses_a_write_saying_nothing_was_sent(
    fresh: Served,
) -> None:
    """httpx's RuntimeError came once the request counted as handed over: the write read
    as perhaps carried out."""
    own = httpx.Client()
    own.close()
    with (
        Recruitee(**fresh.client_kwargs(), httpx_client=own) as client,
        pytest.raises(UnusableClientError, match=r"\(Client\) was closed; nothing") as caught,
    ):
        client.create_candidate_note(7730011, "after close")
    assert not may_have_been_carried_out(caught.value)

    async def write_through_a_closed_one() -> None:
        own = httpx.AsyncClient()
        await own.aclose()
        async with AsyncRecruitee(**fresh.client_kwargs(), httpx_client=own) as client:
            await client.create_candidate_note(7730011, "after close")

    with pytest.raises(UnusableClientError, match=r"this client \(AsyncClient\) was closed"):
        asyncio.run(write_through_a_closed_one())
    assert fresh.hits("POST", "/notes") == 0


def test_an_async_client_refuses_a_second_event_loop_before_sending(fresh: Served) -> None:
    """A client built once and used by several ``asyncio.run`` jobs: its connections
    belong to the first loop, so a later job's write is refused, not half carried out."""
    client = fresh.async_client()

    async def note(text: str) -> None:
        await client.create_candidate_note(7730011, text)

    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(note("from job 1"))
        with pytest.raises(RuntimeError, match="first used in another event loop") as caught:
            asyncio.run(note("from job 2"))
        assert fresh.hits("POST", "/notes") == 1
        # Refused before sending: no note that the write may have been carried out.
        assert isinstance(caught.value, UnusableClientError)
        assert not getattr(caught.value, "__notes__", None)
    finally:
        first.run_until_complete(client.aclose())
        first.close()


@pytest.mark.parametrize("first", ["asyncio", "trio"])
def test_an_async_client_refuses_another_async_library_before_sending(
    fresh: Served, first: str
) -> None:
    """A test suite running anyio's two backends over one client got a bare RuntimeError
    (``no running event loop``, ``must be called from async context``) naming nothing."""
    import trio

    client = fresh.async_client()

    async def note(text: str) -> None:
        await client.create_candidate_note(7730011, text)

    loop = asyncio.new_event_loop()

    def run_under(library: str, call: Callable[..., Any], *arguments: Any) -> None:
        if library == "trio":
            trio.run(call, *arguments)
        else:
            loop.run_until_complete(call(*arguments))

    second = "trio" if first == "asyncio" else "asyncio"
    try:
        run_under(first, note, "under the first")
        with pytest.raises(UnusableClientError, match=f"first used under {first}.*under {second}"):
            run_under(second, note, "under the second")
        assert fresh.hits("POST", "/notes") == 1
    finally:
        run_under(first, client.aclose)
        loop.close()


def test_a_trio_guest_run_inside_asyncio_is_trio_to_the_guard(fresh: Served) -> None:
    """trio's guest mode runs inside an asyncio loop: its first call was taken for
    asyncio's, and the host's next call failed with a bare ``RuntimeError``."""
    import trio

    client = fresh.async_client()

    async def note(text: str) -> None:
        await client.create_candidate_note(7730011, text)

    async def host() -> None:
        loop = asyncio.get_running_loop()
        guest_done: asyncio.Future[Any] = loop.create_future()
        trio.lowlevel.start_guest_run(
            note,
            "from the trio guest",
            run_sync_soon_threadsafe=loop.call_soon_threadsafe,
            done_callback=guest_done.set_result,
        )
        (await guest_done).unwrap()
        with pytest.raises(UnusableClientError, match=r"first used under trio.*under asyncio"):
            await note("from the asyncio host")

    asyncio.run(host())
    assert fresh.hits("POST", "/notes") == 1
    trio.run(client.aclose)


def test_the_loop_guard_error_is_what_leaves_async_with_in_another_loop(fresh: Served) -> None:
    """``async with`` closes the client on the way out: closing connections of a closed
    loop must not replace the guard's explanation with ``Event loop is closed``."""
    client = fresh.async_client()

    async def read() -> None:
        await client.get_candidate(7730011)

    async def job_in_async_with() -> None:
        async with client:
            await read()

    asyncio.run(read())  # the first loop, now closed
    with pytest.raises(RuntimeError, match="first used in another event loop") as caught:
        asyncio.run(job_in_async_with())
    assert caught.value.__context__ is None


def test_an_async_client_over_a_transport_of_the_callers_serves_any_loop(fresh: Served) -> None:
    """An in-memory transport (as in users' unit tests) keeps no connection to a loop."""
    kwargs = {**fresh.client_kwargs(), "base_url": "http://stand-in"}
    client = AsyncRecruitee(**kwargs, transport=httpx.ASGITransport(app=fresh.sandbox.asgi))

    async def name() -> str:
        return str((await client.get_candidate(7730011)).name)

    assert asyncio.run(name()) == asyncio.run(name())
    asyncio.run(client.aclose())


def test_an_async_client_over_a_transport_of_the_callers_waits_in_any_loop(fresh: Served) -> None:
    """A retry's wait in a second loop raised RuntimeError: the wait's event was bound to
    the first loop that waited (each test of a suite may run its own loop)."""
    kwargs = {**fresh.client_kwargs(), "base_url": "http://stand-in"}
    client = AsyncRecruitee(**kwargs, transport=httpx.ASGITransport(app=fresh.sandbox.asgi))

    async def name_after_a_503() -> str:
        fresh.sandbox.faults.add(
            Fault(method="GET", path=r"/candidates/7730011$", status=503, times=1)
        )
        return str((await client.get_candidate(7730011)).name)

    assert asyncio.run(name_after_a_503()) == asyncio.run(name_after_a_503())
    assert fresh.hits("GET", "/candidates/7730011") == 4
    asyncio.run(client.aclose())


def closed_during(
    fresh: Served, call: Callable[[Recruitee], object], method: str, path_end: str, after: float
) -> BaseException:
    """The error of ``call`` when its client is closed ``after`` seconds past the arrival
    of its first request."""
    client = fresh.client()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            call(client)
        except ApiConnectionError as error:
            outcome.append(error)

    running = threading.Thread(target=run)
    running.start()
    while fresh.hits(method, path_end) == 0:
        time.sleep(0.01)
    time.sleep(after)
    client.close()
    running.join()
    (error,) = outcome
    return error


def test_a_request_waiting_in_a_backoff_when_the_client_closes_is_not_sent(
    fresh: Served,
) -> None:
    fresh.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=503, headers={"Retry-After": "2"})
    )
    error = closed_during(fresh, lambda client: client.list_offers(), "GET", "/offers", 0.0)
    assert "the client was closed while GET" in str(error)
    assert fresh.hits("GET", "/offers") == 1  # the retry was never sent


def test_a_write_whose_answer_the_close_cut_may_have_been_carried_out(fresh: Served) -> None:
    # Closing the client cut the DELETE's answer; its resend then found the client closed
    # and the error said "it was not sent", while the candidate was gone.
    fresh.sandbox.faults.add(
        Fault(method="DELETE", path=r"/candidates/7730001$", kind="delay", delay=1.0)
    )
    error = closed_during(
        fresh, lambda client: client.delete_candidate(7730001), "DELETE", "/7730001", 0.1
    )
    assert "was not sent" not in str(error)
    assert "may have been carried out" in str(error)


def test_a_read_whose_answer_the_close_cut_is_not_said_to_be_unsent(fresh: Served) -> None:
    # The GET reached the provider; the error said "it was not sent" (while not_sent was
    # False). A read changes nothing, so nothing is said about checking either.
    fresh.sandbox.faults.add(Fault(method="GET", path=r"/offers$", kind="delay", delay=1.0))
    error = closed_during(fresh, lambda client: client.list_offers(), "GET", "/offers", 0.1)
    assert isinstance(error, ApiConnectionError)
    assert "waited to be sent again" in str(error)
    assert "not sent" not in str(error)
    assert "carried out" not in str(error)
    assert error.not_sent is False


def test_a_write_refused_with_429_then_closed_in_its_wait_was_not_carried_out(
    fresh: Served,
) -> None:
    # A 429 says the write was not carried out; the first wording of the fix above said it
    # may have been, which would have sent users looking for a duplicate.
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/notes$", status=429, headers={"Retry-After": "5"})
    )
    error = closed_during(  # closed once the 429 was read (counted on arrival, before it)
        fresh, lambda client: client.create_candidate_note(7730001, "Checked."), "POST",
        "/notes", 0.5,
    )  # fmt: skip
    assert "it was not sent" in str(error)
    assert "carried out" not in str(error)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")
def test_an_async_client_used_in_a_loop_before_a_fork_serves_the_childs_loop(
    fresh: Served,
) -> None:
    """gunicorn's --preload with a start-up check in the parent: every call of every
    worker was refused as coming from another event loop, though its pool is its own."""
    client = fresh.async_client()
    name = asyncio.run(client.get_candidate(7730011)).name

    def in_child() -> str:
        return str(asyncio.run(client.get_candidate(7730011)).name)

    assert answer_of_forked_child(in_child) == name
    with pytest.raises(UnusableClientError, match="another event loop"):
        asyncio.run(client.get_candidate(7730011))  # the parent's own rule holds
    asyncio.run(client.aclose())


def test_a_client_used_before_a_fork_gives_each_process_its_own_answers(fresh: Served) -> None:
    """A pooled keep-alive connection inherited through os.fork was one socket in two
    processes (Celery's prefork, gunicorn's --preload): each read the other's answers."""
    with fresh.client() as recruitee:
        first, second = (c.id for c in recruitee.list_candidates(limit=2).candidates)
        names = {first: recruitee.get_candidate(first).name}  # a connection now in the pool
        names[second] = recruitee.get_candidate(second).name
        assert names[first] != names[second]
        for _ in range(8):
            recruitee.get_candidate(first)  # the parent's connection, idle in the pool
            readable, writable = os.pipe()
            child = os.fork()
            if child == 0:  # pragma: no cover - the child reports through the pipe
                try:
                    answer = str(recruitee.get_candidate(second).name)
                except BaseException as error:  # reported to the parent
                    answer = f"failed: {error!r}"
                os.write(writable, answer.encode())
                sys.stdout.flush()
                os._exit(0)
            os.close(writable)
            in_parent = recruitee.get_candidate(first).name
            with os.fdopen(readable, "rb") as pipe:
                in_child = pipe.read().decode()
            os.waitpid(child, 0)
            assert (in_parent, in_child) == (names[first], names[second])
