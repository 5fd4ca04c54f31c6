"""A Recruitee sandbox per test module (read-mostly tests) or per test (mutating ones)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hirelink.recruitee import Recruitee
from hirelink.sandbox.recruitee import RecruiteeSandbox, create_recruitee_sandbox
from hirelink.sandbox.server import SandboxServer


class Served:
    """A running sandbox and its base URL."""

    def __init__(self, sandbox: RecruiteeSandbox, server: SandboxServer) -> None:
        self.sandbox = sandbox
        self.server = server
        self.url = server.url

    def client(self, **options: object) -> Recruitee:
        return Recruitee(
            company_id=self.sandbox.company_id,
            token=self.sandbox.token,
            base_url=self.url,
            **options,  # type: ignore[arg-type]
        )


def _serve() -> Iterator[Served]:
    sandbox = create_recruitee_sandbox(candidates=250)
    with sandbox.serve() as server:
        yield Served(sandbox, server)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """Shared by a module's tests: do not mutate data through it."""
    yield from _serve()


@pytest.fixture
def fresh() -> Iterator[Served]:
    """A sandbox of its own, for tests that create, change or delete data."""
    yield from _serve()


@pytest.fixture
def recruitee(served: Served) -> Iterator[Recruitee]:
    served.sandbox.recorder.clear()
    served.sandbox.faults.clear()
    with served.client() as client:
        yield client
