"""Work an async call hands to a thread runs on threads of hirelink's own, not anyio's
shared pool, which the application's own blocking work holds."""

from __future__ import annotations

import anyio
import anyio.from_thread
import anyio.to_thread
import pytest

from hirelink.core.threads import OwnThreads
from hirelink.sandbox import serve_stand_in

SHARED_POOL = 40
"""Threads in anyio's process-wide pool (Starlette's sync endpoints run there too)."""


def test_uploads_awaited_from_every_shared_worker_thread_are_done() -> None:
    # Each upload read its file on a thread of the shared pool, which the 40 threads
    # waiting for the uploads held: none began, and all waited for ever.
    done: list[int] = []

    async def main() -> bool:
        with serve_stand_in("personio", rate_window=0.01) as served:
            async with served.async_client(recruiting_rate_window=0.01) as personio:
                await personio.list_persons()  # the token, exchanged beforehand

                def from_a_worker_thread(number: int) -> None:
                    anyio.from_thread.run(
                        lambda: personio.upload_document(b"%PDF-1.4", filename=f"cv-{number}.pdf")
                    )
                    done.append(number)

                async def worker(number: int) -> None:
                    await anyio.to_thread.run_sync(
                        from_a_worker_thread, number, abandon_on_cancel=True
                    )

                with anyio.move_on_after(30) as hang_guard:
                    async with anyio.create_task_group() as workers:
                        for number in range(SHARED_POOL):
                            workers.start_soon(worker, number)
                return not hang_guard.cancelled_caught

    assert anyio.run(main), f"{len(done)} of {SHARED_POOL} uploads done within 30 s"
    assert sorted(done) == list(range(SHARED_POOL))


def test_each_kind_of_work_has_a_limiter_of_its_own() -> None:
    # Named alike, under anyio before 4.10 they shared one limiter (its RunVar's name).
    first, second = OwnThreads("work", 1), OwnThreads("work", 1)

    async def main() -> bool:
        return first.limiter() is not second.limiter() and first.limiter() is first.limiter()

    assert anyio.run(main)


@pytest.mark.parametrize("capacity", [0, -1, True, 1.5])
def test_a_capacity_that_is_no_positive_integer_is_refused(capacity: object) -> None:
    with pytest.raises(ValueError, match="capacity must be a positive integer"):
        OwnThreads("work", capacity)  # type: ignore[arg-type]
