"""AsyncJoin: every method over real HTTP against the sandbox."""

from __future__ import annotations

import io
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from hirelink.core import (
    DuplicateApplicationError,
    InvalidInputError,
    NotFoundError,
    ServerError,
    UnknownArgumentError,
)
from hirelink.join import Application, AsyncJoin, Document, Job
from hirelink.sandbox.faults import Fault

from .conftest import Served

pytestmark = pytest.mark.anyio


@pytest.fixture
async def ajoin(fresh: Served) -> AsyncIterator[AsyncJoin]:
    async with AsyncJoin(token=fresh.sandbox.token, base_url=fresh.url) as client:
        yield client


async def test_async_jobs(fresh: Served, ajoin: AsyncJoin) -> None:
    jobs = await ajoin.list_jobs(content=True)
    assert [job.id for job in jobs] == fresh.sandbox.state.job_ids()
    assert [job.id async for job in ajoin.iter_jobs(page_size=3)] == fresh.sandbox.state.job_ids()
    job = await ajoin.get_job(jobs[0].id)
    assert isinstance(job, Job)
    assert job.title == jobs[0].title
    with pytest.raises(NotFoundError):
        await ajoin.get_job(1)


async def test_async_applications_paging_and_filters(fresh: Served, ajoin: AsyncJoin) -> None:
    page = await ajoin.list_applications(page=3, page_size=50)
    assert len(page) == 20
    walked = [a.id async for a in ajoin.iter_applications()]
    assert walked == fresh.sandbox.state.application_ids()
    since = datetime(2026, 2, 1, tzinfo=UTC)
    recent = [a async for a in ajoin.iter_applications(page_size=10, updated_after=since)]
    assert recent
    assert all(a.last_updated_at >= since for a in recent)  # type: ignore[operator]
    detail = await ajoin.get_application(walked[0])
    assert isinstance(detail, Application)
    assert detail.id == walked[0]
    with pytest.raises(InvalidInputError, match="hiring_state"):
        ajoin.iter_applications(hiring_state="NEW")  # type: ignore[arg-type]


async def test_async_a_renamed_keyword_is_refused_naming_the_new_one(served: Served) -> None:
    since = datetime(2026, 2, 1, tzinfo=UTC)
    async with served.async_client() as ajoin:
        with pytest.raises(UnknownArgumentError) as caught:
            await ajoin.create_candidate_note(41700001, content="Identity verified.")  # type: ignore[call-arg]
        assert caught.value.field == "content"
        assert caught.value.message.endswith("; it was renamed 'body' in hirelink 0.2")
        with pytest.raises(UnknownArgumentError, match=r"renamed 'created_after' in hirelink"):
            ajoin.iter_applications(created_since=since)  # type: ignore[call-arg]
        with pytest.raises(UnknownArgumentError, match=r"\(did you mean documents\?\)$"):
            # create_application reads its documents on a worker thread: refused before.
            await ajoin.create_application(1, documnets=[])  # type: ignore[call-arg]
    assert served.sandbox.recorder.requests == []


async def test_async_create_application_with_documents_tags_and_note(
    fresh: Served, ajoin: AsyncJoin, tmp_path: Path
) -> None:
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF-1.7\n\x00\xff binary")
    created = await ajoin.create_application(
        8812420,
        first_name="Async",
        last_name="Applicant",
        email="async@example.org",
        source="REFERRALS",
        documents=[
            Document(cv),
            Document(b"work", filename="w.zip", type="WORK_SAMPLES"),
        ],
    )
    assert created.id is not None
    stored = fresh.sandbox.state.documents(created.id)  # type: ignore[arg-type]
    assert [d.data for d in stored] == [cv.read_bytes(), b"work"]
    with pytest.raises(DuplicateApplicationError):
        await ajoin.create_application(
            8812420, first_name="Async", last_name="Applicant", email="async@example.org"
        )

    tagged = await ajoin.set_candidate_tags(created.candidate_id, ["identity-verified"])
    assert tagged.tags == ["identity-verified"]
    detail = await ajoin.get_application(created.id)  # type: ignore[arg-type]
    assert detail.candidate.tags == ["identity-verified"]  # type: ignore[union-attr]
    note = await ajoin.create_candidate_note(created.candidate_id, "Checked.")
    assert fresh.sandbox.state.notes(created.candidate_id)[-1]["id"] == note.id


class ThreadNotingFile(io.BytesIO):
    """A CV whose reads note the thread each ran on."""

    name = "cv.pdf"

    def __init__(self, content: bytes) -> None:
        super().__init__(content)
        self.read_on: set[int] = set()

    def read(self, size: int | None = -1) -> bytes:
        self.read_on.add(threading.get_ident())
        return super().read(size)


async def test_async_documents_are_read_and_encoded_off_the_event_loop(
    fresh: Served, ajoin: AsyncJoin, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 10 MiB CV took about 60 ms to read and base64 and 80 ms to encode as JSON on the
    # loop, holding up every other task of it.
    loop_thread = threading.get_ident()
    encoded_on: dict[str, set[int]] = {}
    build_request = ajoin._http.build_request

    def noting_build_request(method: str, url: Any, **kwargs: Any) -> httpx.Request:
        encoded_on.setdefault(method.upper(), set()).add(threading.get_ident())
        return build_request(method, url, **kwargs)

    monkeypatch.setattr(ajoin._http, "build_request", noting_build_request)
    cv = ThreadNotingFile(b"%PDF-1.7\n" + bytes(range(256)) * 64)
    created = await ajoin.create_application(
        8812420,
        first_name="Off",
        last_name="Loop",
        email="off.loop@example.org",
        documents=[Document(cv)],
    )
    await ajoin.get_job(8812420)
    assert cv.read_on
    assert loop_thread not in cv.read_on
    assert encoded_on["POST"]
    assert loop_thread not in encoded_on["POST"]
    assert encoded_on["GET"] == {loop_thread}  # a call without files stays on the loop
    stored = fresh.sandbox.state.documents(created.id)  # type: ignore[arg-type]
    assert [d.data for d in stored] == [cv.getvalue()]


async def test_async_reference_data(ajoin: AsyncJoin) -> None:
    assert (await ajoin.list_categories(language="en"))[0].name == "Software development"
    assert len(await ajoin.list_employment_types()) == 5
    assert len(await ajoin.list_seniority_levels()) == 5
    assert [o.id for o in await ajoin.list_offices(country_code="AT")] == [90213]
    assert [o.id async for o in ajoin.iter_offices(page_size=1)] == [90211, 90212, 90213]


async def test_async_calls_run_concurrently_on_one_client(ajoin: AsyncJoin) -> None:
    found: dict[int, object] = {}

    async def fetch(application_id: int) -> None:
        application = await ajoin.get_application(application_id)
        found[application_id] = application.candidate.id  # type: ignore[union-attr]

    async with anyio.create_task_group() as group:
        for application_id in range(51000001, 51000021):
            group.start_soon(fetch, application_id)
    assert sorted(found) == list(range(51000001, 51000021))


async def test_async_create_is_not_resent_after_503(fresh: Served, ajoin: AsyncJoin) -> None:
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/applications$", status=503, headers={"Retry-After": "0"})
    )
    with pytest.raises(ServerError):
        await ajoin.create_application(8812345, first_name="A", last_name="B", email="a@b.org")
    assert fresh.hits("POST", "/applications") == 1
