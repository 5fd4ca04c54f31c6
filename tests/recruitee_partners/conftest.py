"""Partners sandboxes: one per module for read-only tests, a fresh one for mutating tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners
from hirelink.sandbox.recorder import RecordedRequest
from hirelink.sandbox.recruitee_partners import PartnersSandbox, create_partners_sandbox
from hirelink.sandbox.server import SandboxServer


class Served:
    """A running partners sandbox and clients for it."""

    def __init__(self, sandbox: PartnersSandbox, server: SandboxServer) -> None:
        self.sandbox = sandbox
        self.server = server
        self.url = server.url

    @property
    def secret(self) -> str:
        secret = self.sandbox.secret
        assert secret is not None
        return secret

    def client(self, **options: Any) -> RecruiteePartners:
        """Both credentials, pointed at the sandbox."""
        options.setdefault("personal_token", self.sandbox.personal_token)
        options.setdefault("partner_secret", self.sandbox.secret)
        return RecruiteePartners(codename=self.sandbox.codename, base_url=self.url, **options)

    def async_client(self, **options: Any) -> AsyncRecruiteePartners:
        options.setdefault("personal_token", self.sandbox.personal_token)
        options.setdefault("partner_secret", self.sandbox.secret)
        return AsyncRecruiteePartners(codename=self.sandbox.codename, base_url=self.url, **options)

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
    sandbox = create_partners_sandbox(seed_partner=seed_partner)
    with sandbox.serve(max_lifetime=300) as server:
        yield Served(sandbox, server)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """Shared by a module's tests: do not change data through it."""
    yield from _serve()


@pytest.fixture(autouse=True)
def _clean_shared(request: pytest.FixtureRequest) -> None:
    """Each test starts with no fault and an empty request log on the shared sandbox."""
    if "served" in request.fixturenames:
        shared: Served = request.getfixturevalue("served")
        shared.sandbox.faults.clear()
        shared.sandbox.recorder.clear()


@pytest.fixture
def fresh() -> Iterator[Served]:
    """A seeded sandbox of its own, for tests that change data."""
    yield from _serve()


@pytest.fixture
def empty() -> Iterator[Served]:
    """A sandbox without a partner record, for tests that create one."""
    yield from _serve(seed_partner=False)
