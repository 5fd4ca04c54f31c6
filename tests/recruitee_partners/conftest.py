"""Recruitee Partners stand-ins (hirelink-sandbox's ``serve_stand_in``).

``served`` is shared by a module's tests (read-only; faults and the request log are
reset before each test), ``fresh`` is a seeded stand-in of the test's own and ``empty``
one without a partner record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from attrs import define

from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners
from hirelink.sandbox import PartnersSandbox, StandIn, serve_stand_in
from hirelink.sandbox.recorder import RecordedRequest


@define(frozen=True)
class Served(StandIn[PartnersSandbox]):
    """A running partners stand-in: typed clients and helpers these tests share."""

    def client(self, **overrides: Any) -> RecruiteePartners:
        return RecruiteePartners(**self.client_kwargs(**overrides))

    def async_client(self, **overrides: Any) -> AsyncRecruiteePartners:
        return AsyncRecruiteePartners(**self.client_kwargs(**overrides))

    @property
    def secret(self) -> str:
        secret = self.sandbox.secret
        assert secret is not None
        return secret

    def last(self, method: str, path_contains: str = "/p/") -> RecordedRequest:
        request = self.sandbox.recorder.last(method, path_contains)
        assert request is not None, f"no {method} request containing {path_contains!r}"
        return request

    def first_report_id(self, candidate_id: int = 7730011) -> str:
        reports = self.sandbox.state.list_reports(
            self.sandbox.codename, self.sandbox.company_id, candidate_id
        )
        return str(reports[0]["id"])


def _serve(*, seed_partner: bool = True) -> Iterator[Served]:
    with serve_stand_in("recruitee_partners", seed_partner=seed_partner) as stand_in:
        yield Served.of(stand_in)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """Shared by a module's tests: do not change data through it."""
    yield from _serve()


@pytest.fixture(autouse=True)
def _clean_shared(request: pytest.FixtureRequest) -> None:
    """Each test starts with no fault and an empty request log on the shared sandbox."""
    if "served" in request.fixturenames:
        shared: Served = request.getfixturevalue("served")
        shared.reset()


@pytest.fixture
def fresh() -> Iterator[Served]:
    """A seeded sandbox of its own, for tests that change data."""
    yield from _serve()


@pytest.fixture
def empty() -> Iterator[Served]:
    """A sandbox without a partner record, for tests that create one."""
    yield from _serve(seed_partner=False)
