"""AsyncRecruiteePartners: every method, awaited, against the sandbox over real HTTP."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

import httpx
import pytest

from hirelink.core import (
    ApiError,
    AuthenticationError,
    InvalidInputError,
    NotFoundError,
    Secret,
)
from hirelink.recruitee_partners import (
    AsyncRecruiteePartners,
    PartnerInputKind,
    PartnerKind,
    ReportStatus,
)
from hirelink.sandbox import serve_stand_in
from hirelink.sandbox.faults import Fault
from tests.waiting import await_until

from .conftest import Served

pytestmark = pytest.mark.anyio


async def test_partner_record_lifecycle(empty: Served) -> None:
    async with empty.async_client(partner_secret=None) as partners:
        created = await partners.create_partner(
            4100,
            kind="reference_check",
            name="RefCheck",
            urls={"tests": "http://127.0.0.1:9/tests"},
        )
        assert created.kind == PartnerKind.REFERENCE_CHECK
        assert empty.last("POST", "/partner").json() == {
            "kind": "reference_check",
            "name": "RefCheck",
            "urls": {"tests": "http://127.0.0.1:9/tests"},
        }

        read = await partners.get_partner(4100)
        assert read.secret == created.secret == empty.sandbox.secret

        updated = await partners.update_partner(4100, logo="https://cdn.refcheck.example/l.png")
        assert empty.last("PATCH", "/partner").json() == {
            "logo": "https://cdn.refcheck.example/l.png"
        }
        assert updated.logo == "https://cdn.refcheck.example/l.png"
        assert updated.name == "RefCheck"

        with_phone = await partners.set_partner_inputs(4100, [{"kind": "phone", "required": False}])
        assert empty.last("POST", "/partner").json() == {
            "inputs": [{"kind": "phone", "required": False}]
        }
        assert [i.kind for i in with_phone.inputs or []] == [PartnerInputKind.PHONE]

        await partners.delete_partner(4100)
        assert empty.sandbox.state.partner() is None
        with pytest.raises(NotFoundError):
            await partners.get_partner(4100)


async def test_reports_lifecycle(fresh: Served) -> None:
    async with fresh.async_client(personal_token=None) as partners:
        listed = await partners.list_candidate_reports(4100, 7730011)
        assert [r.status for r in listed] == [ReportStatus.COMPLETED, ReportStatus.SENT]

        created = await partners.create_report(4100, 7730020, status="sent", subtitle="Round 1")
        assert fresh.last("POST", "/reports").json() == {"status": "sent", "subtitle": "Round 1"}
        assert created.candidate_id == 7730020

        finished = datetime(2025, 3, 6, 14, 5, 11, tzinfo=UTC)
        updated = await partners.update_report(
            created.id, status="completed", score="82%", completed_at=finished
        )
        assert fresh.last("PATCH", "/reports/").json() == {
            "status": "completed",
            "score": "82%",
            "completed_at": "2025-03-06T14:05:11+00:00",
        }
        assert updated.completed_at == finished
        assert updated.subtitle == "Round 1"

        await partners.delete_report(created.id)
        assert fresh.sandbox.state.report(created.id) is None


async def test_regenerate_secret(fresh: Served) -> None:
    old = fresh.secret
    async with fresh.async_client() as partners:
        new = await partners.regenerate_partner_secret()
        assert isinstance(new, Secret)
        assert new.reveal() == fresh.sandbox.secret != old
        assert len(await partners.list_candidate_reports(4100, 7730011)) == 2  # rotated
    async with fresh.async_client(partner_secret=old) as stale:
        with pytest.raises(AuthenticationError):
            await stale.list_candidate_reports(4100, 7730011)


async def test_a_call_out_while_the_secret_is_regenerated_goes_again_with_the_new_one(
    fresh: Served,
) -> None:
    # Every call in flight failed once with "401 ... check the partner secret", though the
    # client already held the new one: a report dropped under load.
    held = fresh.sandbox.faults.add(Fault(method="GET", path=r"/reports$", kind="hold"))
    async with fresh.async_client() as partners:
        listing = asyncio.ensure_future(partners.list_candidate_reports(4100, 7730011))
        # Out with the old secret, held back.
        await await_until(lambda: not fresh.sandbox.faults.remaining(held), "listing held")
        new = await partners.regenerate_partner_secret()
        fresh.sandbox.faults.release()  # checked now, against the new secret
        assert len(await listing) == 2
    sent = [r.headers for r in fresh.sandbox.recorder.requests if r.path.endswith("/reports")]
    assert len(sent) == 2  # refused with the old secret, then sent with the new
    assert new.reveal() == fresh.sandbox.secret
    async with fresh.async_client(partner_secret="wrong-secret") as stale:
        with pytest.raises(AuthenticationError):  # no rotation: a 401 is still an error
            await stale.list_candidate_reports(4100, 7730011)
    assert fresh.hits("GET", "/reports") == 3


class HeldNewSecret(httpx.AsyncHTTPTransport):
    """Holds back the first new secret's answer, carried out by the stand-in (the old
    secret retired), until ``released``; counts the 401s that pass."""

    def __init__(self) -> None:
        super().__init__()
        self.issued = self.released = False
        self.refusals = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        if request.url.path.endswith("/regenerate-secret") and not self.issued:
            await response.aread()
            self.issued = True
            await await_until(lambda: self.released, "the new secret's answer released")
        elif response.status_code == 401:
            self.refusals += 1
        return response


async def test_a_call_refused_before_the_new_secret_is_read_waits_for_it(fresh: Served) -> None:
    held = HeldNewSecret()
    async with fresh.async_client(transport=held) as partners:
        regenerating = asyncio.ensure_future(partners.regenerate_partner_secret())
        await await_until(lambda: held.issued, "the new secret issued")
        listing = asyncio.ensure_future(partners.list_candidate_reports(4100, 7730011))
        await await_until(lambda: held.refusals, "the listing refused with the old secret")
        held.released = True
        new = await regenerating
        assert len(await listing) == 2
    assert new.reveal() == fresh.sandbox.secret
    assert fresh.hits("GET", "/reports") == 2


async def test_two_regenerations_at_once_leave_the_client_on_the_newest_secret(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    held = HeldNewSecret()
    caplog.set_level(logging.DEBUG, "hirelink.auth")
    async with fresh.async_client(transport=held, personal_token=None) as partners:
        first = asyncio.ensure_future(partners.regenerate_partner_secret())
        await await_until(lambda: held.issued, "the new secret issued")
        second = asyncio.ensure_future(partners.regenerate_partner_secret())
        await await_until(
            lambda: second.done() or "waits for the one under way" in caplog.text,
            "second regeneration sent, or waiting its turn",
        )
        held.released = True
        issued = [(await first).reveal(), (await second).reveal()]
        assert len(await partners.list_candidate_reports(4100, 7730011)) == 2
    assert issued[1] == fresh.sandbox.secret != issued[0]


async def test_a_new_secret_refused_to_the_personal_token_is_asked_with_the_secret(
    fresh: Served,
) -> None:
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/regenerate-secret$", status=401))
    async with fresh.async_client() as partners:
        new = await partners.regenerate_partner_secret()
    assert new.reveal() == fresh.sandbox.secret
    first, second = fresh.sandbox.recorder.requests
    assert set(first.headers) & {"authorization", "rt-partner-secret"} == {"authorization"}
    assert set(second.headers) & {"authorization", "rt-partner-secret"} == {"rt-partner-secret"}
    async with fresh.async_client(personal_token="wrong", partner_secret="wrong") as partners:
        with pytest.raises(AuthenticationError) as caught:
            await partners.regenerate_partner_secret()
    assert "refused both the personal token and the partner secret" in str(caught.value)


async def test_a_regeneration_cancelled_while_out_says_the_secret_may_have_changed(
    fresh: Served,
) -> None:
    # A cancel (a workflow step's timeout) or Ctrl-C got no note, while Recruitee had
    # issued a new secret: the partner was locked out with nothing saying why.
    old = fresh.secret
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/regenerate-secret$", kind="delay", delay=1.0)
    )
    async with fresh.async_client() as partners:
        regenerating = asyncio.ensure_future(partners.regenerate_partner_secret())
        # out, its answer delayed
        await await_until(lambda: fresh.hits("POST", "/regenerate-secret"), "regenerate request")
        regenerating.cancel()
        with pytest.raises(asyncio.CancelledError) as caught:
            await regenerating
    notes = getattr(caught.value, "__notes__", [])
    assert any("may have issued a new partner secret" in note for note in notes)
    # the stand-in carries the request out all the same
    await await_until(lambda: fresh.sandbox.secret != old, "the new secret in the stand-in")


async def test_refusals_happen_before_sending(served: Served) -> None:
    async with AsyncRecruiteePartners(
        codename="skillcheck",
        environment="production",
        personal_token=served.sandbox.personal_token,
        base_url=served.url,
    ) as production:
        with pytest.raises(InvalidInputError) as caught:
            await production.update_partner(4100, name="New name")
        assert caught.value.field == "environment"
        with pytest.raises(InvalidInputError) as caught:
            await production.delete_report(served.first_report_id())
        assert caught.value.field == "partner_secret"
        with pytest.raises(InvalidInputError) as caught:
            await production.create_report(4100, 7730011, status="finished")  # type: ignore[arg-type]
        assert caught.value.field == "status"
    assert served.sandbox.recorder.requests == []
    assert "production" in repr(production)


async def test_a_supplied_client_that_follows_redirects_takes_the_secret_nowhere(
    served: Served,
) -> None:
    with serve_stand_in("recruitee") as elsewhere:
        served.sandbox.faults.add(
            Fault(path=r"/reports", status=307, headers={"Location": f"{elsewhere.url}/reports"})
        )
        async with httpx.AsyncClient(follow_redirects=True) as own:
            partners = AsyncRecruiteePartners(
                codename="skillcheck",
                partner_secret=served.secret,
                base_url=served.url,
                httpx_client=own,
            )
            with pytest.raises(ApiError, match="redirect") as caught:
                await partners.list_candidate_reports(4100, 7730011)
        assert caught.value.status_code == 307
        assert elsewhere.recorder.requests == []


async def test_calls_refused_while_regenerations_run_back_to_back_all_succeed(
    fresh: Served,
) -> None:
    """Concurrency hunt: a call refused during the first regeneration waited for it only,
    then went again with a secret the second one, begun meanwhile, had already retired;
    its second 401 was final (2 or 3 of 10 failed here)."""
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/regenerate-secret$", kind="late", delay=0.3, times=-1)
    )
    async with fresh.async_client(personal_token=None) as partners:

        async def regenerate_twice() -> None:
            await partners.regenerate_partner_secret()
            await partners.regenerate_partner_secret()

        regenerating = asyncio.ensure_future(regenerate_twice())
        await asyncio.sleep(0.1)  # the first is out
        calls = [partners.list_candidate_reports(4100, 7730011) for _ in range(10)]
        results = await asyncio.gather(*calls, return_exceptions=True)
        await regenerating
    assert [r for r in results if isinstance(r, BaseException)] == []
