"""AsyncRecruitee: every method over real HTTP against the sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import pytest

from hirelink.core import InvalidInputError, NotFoundError, ServerError
from hirelink.recruitee import AsyncRecruitee, Candidate
from hirelink.sandbox.faults import Fault

from .conftest import Served

pytestmark = pytest.mark.anyio


@pytest.fixture
async def arecruitee(fresh: Served) -> AsyncIterator[AsyncRecruitee]:
    async with AsyncRecruitee(
        company_id=fresh.sandbox.company_id, token=fresh.sandbox.token, base_url=fresh.url
    ) as client:
        yield client


async def test_async_paging_and_filters(fresh: Served, arecruitee: AsyncRecruitee) -> None:
    page = await arecruitee.list_candidates(limit=7, sort="by_date")
    assert len(page.candidates) == 7
    walked = [c.id async for c in arecruitee.iter_candidates(page_size=60)]
    assert len(walked) == len(set(walked)) == 250
    chosen = await arecruitee.list_candidates(ids=[7730004, 7730005])
    assert sorted(c.id for c in chosen.candidates) == [7730004, 7730005]
    with pytest.raises(InvalidInputError, match="with_messages"):
        arecruitee.iter_candidates(with_messages=False)  # type: ignore[arg-type]


async def test_async_candidate_operations(arecruitee: AsyncRecruitee) -> None:
    candidate = await arecruitee.get_candidate(7730003)
    assert isinstance(candidate, Candidate)
    created = await arecruitee.create_candidate("Async Person", emails=["a@example.org"])
    updated = await arecruitee.update_candidate(
        created.id, links=["https://a.example.org"], remote_cv_url="https://a.example.org/cv.pdf"
    )
    assert updated.links == ["https://a.example.org"]
    assert isinstance(updated.cv_url, str)
    replaced = await arecruitee.update_candidate_cv(created.id, "https://a.example.org/cv2.pdf")
    assert replaced.id == created.id
    note = await arecruitee.create_candidate_note(created.id, "Checked.")
    assert [n.id for n in await arecruitee.list_candidate_notes(created.id)] == [note.id]
    tagged = await arecruitee.add_candidate_tags(created.id, ["identity-verified"])
    assert tagged.tags == ["identity-verified"]
    assert (await arecruitee.remove_candidate_tags(created.id, ["identity-verified"])).tags == []
    await arecruitee.delete_candidate(created.id)
    with pytest.raises(NotFoundError):
        await arecruitee.get_candidate(created.id)


async def test_async_offers(arecruitee: AsyncRecruitee) -> None:
    offers = await arecruitee.list_offers(kind="talent_pool")
    assert offers
    assert all(o.kind == "talent_pool" for o in offers)
    assert (await arecruitee.get_offer(offers[0].id)).id == offers[0].id


async def test_async_calls_run_concurrently_on_one_client(arecruitee: AsyncRecruitee) -> None:
    found: dict[int, str] = {}

    async def fetch(candidate_id: int) -> None:
        found[candidate_id] = (await arecruitee.get_candidate(candidate_id)).name or ""

    async with anyio.create_task_group() as group:
        for candidate_id in range(7730001, 7730021):
            group.start_soon(fetch, candidate_id)
    assert sorted(found) == list(range(7730001, 7730021))


async def test_async_post_is_not_resent_after_503(
    fresh: Served, arecruitee: AsyncRecruitee
) -> None:
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/candidates$", status=503, headers={"Retry-After": "0"})
    )
    with pytest.raises(ServerError):
        await arecruitee.create_candidate("Once Only")
    posts = [r for r in fresh.sandbox.recorder.requests if r.method == "POST"]
    assert len(posts) == 1
