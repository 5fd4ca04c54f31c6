"""Work an async call hands to a thread runs on threads of hirelink's own, not anyio's
shared pool, which the application's own blocking work holds."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Coroutine
from typing import Any

import anyio
import anyio.from_thread
import anyio.to_thread
import pytest

from hirelink.core.errors import ApiConnectionError
from hirelink.core.stores import RedisStore
from hirelink.core.threads import OwnThreads
from hirelink.sandbox import serve_stand_in

SHARED_POOL = 40
"""Threads in anyio's process-wide pool (Starlette's sync endpoints run there too)."""


def test_uploads_awaited_from_every_shared_worker_thread_are_done() -> None:
    # Each upload read its file on a thread of the shared pool, which the 40 threads
    # waiting for the uploads held: none began, and all waited for ever.
    _from_every_shared_worker_thread(_upload, store=None)


def test_uploads_awaited_from_every_shared_worker_thread_are_done_with_a_redis_store(
    redis_url: str,
) -> None:
    # Each upload took its rate-limit slot from Redis on a thread of the shared pool,
    # which the 40 threads waiting for the uploads held.
    store = RedisStore(redis_url)
    _from_every_shared_worker_thread(_upload, store=store)
    assert list(store.client.scan_iter(match="hirelink:slots:*")), "no slot taken in Redis"


def test_calls_awaited_from_every_shared_worker_thread_share_one_token_through_redis(
    redis_url: str,
) -> None:
    # No token yet: the first call looked for one in Redis, took the exchange lock and
    # shared the token it got, each on a thread of the shared pool, which the 40 threads
    # waiting for the calls held.
    store = RedisStore(redis_url, share_tokens=True)
    _from_every_shared_worker_thread(_list_persons, store=store)
    assert list(store.client.scan_iter(match="hirelink:tokens:*")), "no token shared in Redis"


def test_slots_of_calls_never_sent_are_given_back_from_every_shared_worker_thread(
    redis_url: str,
) -> None:
    # The stand-in is gone: each upload failed to connect, and gave its rate-limit slot
    # back to Redis on a thread of the shared pool, which the 40 threads waiting for the
    # uploads held.
    _from_every_shared_worker_thread(_upload_to_nowhere, store=RedisStore(redis_url), stopped=True)


async def _upload_to_nowhere(personio: Any, number: int) -> object:
    with pytest.raises(ApiConnectionError):
        await _upload(personio, number)
    return None


async def _upload(personio: Any, number: int) -> object:
    return await personio.upload_document(b"%PDF-1.4", filename=f"cv-{number}.pdf")


async def _list_persons(personio: Any, number: int) -> object:
    return await personio.list_persons()


def _from_every_shared_worker_thread(
    call: Callable[[Any, int], Coroutine[Any, Any, object]],
    *,
    store: RedisStore | None,
    stopped: bool = False,
) -> None:
    """40 threads of anyio's shared pool, each awaiting ``call`` of a Personio client
    through ``anyio.from_thread.run`` (with the stand-in ``stopped`` before, not reached):
    every call is done (within 30 s, not for ever)."""
    done: list[int] = []

    async def main() -> int | None:
        with serve_stand_in("personio", rate_window=0.01) as served:
            async with served.async_client(
                recruiting_rate_window=0.01, store=store, max_retries=0
            ) as personio:
                if stopped:
                    served.stop()

                def from_a_worker_thread(number: int) -> None:
                    anyio.from_thread.run(call, personio, number)
                    done.append(number)

                async def worker(number: int) -> None:
                    await anyio.to_thread.run_sync(
                        from_a_worker_thread, number, abandon_on_cancel=True
                    )

                with anyio.move_on_after(30):
                    async with anyio.create_task_group() as workers:
                        for number in range(SHARED_POOL):
                            workers.start_soon(worker, number)
                    return None
                # Counted now: the abandoned threads give the shared pool back, and the
                # calls they held up go on.
                return len(done)

    stuck_after = anyio.run(main)
    assert stuck_after is None, f"{stuck_after} of {SHARED_POOL} calls done within 30 s"
    assert sorted(done) == list(range(SHARED_POOL))


def test_each_kind_of_work_has_a_limiter_of_its_own() -> None:
    # Named alike, under anyio before 4.10 they shared one limiter (its RunVar's name).
    first, second = OwnThreads("work", 1), OwnThreads("work", 1)

    async def main() -> bool:
        return first.limiter() is not second.limiter() and first.limiter() is first.limiter()

    assert anyio.run(main)


def test_the_limiter_of_threads_no_longer_used_is_freed_while_the_loop_runs() -> None:
    """Long-run hunt: each OwnThreads (a receiver app builds one) kept its limiter in
    anyio's registry of the loop for as long as the loop ran: in a server, for good."""

    async def main() -> bool:
        threads = OwnThreads("a receiver's callbacks", 2)
        await threads.run(lambda: None)
        freed = weakref.ref(threads.limiter())
        del threads
        gc.collect()
        return freed() is None

    assert anyio.run(main)


@pytest.mark.parametrize("capacity", [0, -1, True, 1.5])
def test_a_capacity_that_is_no_positive_integer_is_refused(capacity: object) -> None:
    with pytest.raises(ValueError, match="capacity must be a positive integer"):
        OwnThreads("work", capacity)  # type: ignore[arg-type]
