"""A Personio sandbox per test module (read-mostly tests) or per test (mutating ones).

The sandbox's Recruiting API window is shortened to half a second (20 requests per
0.5 s) and the clients' limiter to 0.6 s, so rate-limit tests run in about a second
instead of minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hirelink.personio import AsyncPersonio, Personio
from hirelink.sandbox.personio import PersonioSandbox, create_personio_sandbox
from hirelink.sandbox.server import SandboxServer

SANDBOX_WINDOW = 0.5
CLIENT_WINDOW = 0.6


class Served:
    """A running sandbox and the clients that reach it."""

    def __init__(self, sandbox: PersonioSandbox, server: SandboxServer) -> None:
        self.sandbox = sandbox
        self.server = server
        self.url = server.url

    def credentials(self, **overrides: Any) -> dict[str, Any]:
        sandbox = self.sandbox
        values: dict[str, Any] = {
            "subdomain": sandbox.subdomain,
            "company_id": sandbox.company_id,
            "recruiting_token": sandbox.recruiting_token,
            "channel_id": sandbox.channel_id,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "base_url": self.url,
            "jobs_base_url": sandbox.jobs_base_url(self.url),
            "recruiting_rate_window": CLIENT_WINDOW,
        }
        values.update(overrides)
        return {name: value for name, value in values.items() if value is not None}

    def client(self, **overrides: Any) -> Personio:
        return Personio(**self.credentials(**overrides))

    def async_client(self, **overrides: Any) -> AsyncPersonio:
        return AsyncPersonio(**self.credentials(**overrides))

    def hits(self, method: str, path_end: str) -> int:
        """How many ``method`` requests whose path ends with ``path_end`` arrived."""
        return sum(
            1
            for r in self.sandbox.recorder.requests
            if r.method == method and r.path.endswith(path_end)
        )


def serve(**settings: Any) -> Iterator[Served]:
    settings.setdefault("rate_window", SANDBOX_WINDOW)
    sandbox = create_personio_sandbox(**settings)
    with sandbox.serve(max_lifetime=600) as server:
        yield Served(sandbox, server)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """Shared by a module's tests: do not change data through it."""
    yield from serve()


@pytest.fixture
def fresh() -> Iterator[Served]:
    """A sandbox of its own, for tests that create or change data."""
    yield from serve()


@pytest.fixture
def personio(served: Served) -> Iterator[Personio]:
    served.sandbox.recorder.clear()
    served.sandbox.faults.clear()
    with served.client() as client:
        yield client
    served.sandbox.faults.clear()
