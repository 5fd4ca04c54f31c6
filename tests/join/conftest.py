"""A JOIN sandbox per test module (read-mostly tests) or per test (mutating ones)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hirelink.join import Join
from hirelink.sandbox.join import BASE_PATH, JoinSandbox, create_join_sandbox
from hirelink.sandbox.server import SandboxServer


class Served:
    """A running sandbox and the base URL a client uses (``.../v2``)."""

    def __init__(self, sandbox: JoinSandbox, server: SandboxServer) -> None:
        self.sandbox = sandbox
        self.server = server
        self.url = server.url + BASE_PATH

    def client(self, **options: object) -> Join:
        return Join(token=self.sandbox.token, base_url=self.url, **options)  # type: ignore[arg-type]

    def requests(self, method: str, path_end: str) -> int:
        """How many ``method`` requests whose path ends with ``path_end`` arrived."""
        return sum(
            1
            for r in self.sandbox.recorder.requests
            if r.method == method and r.path.endswith(path_end)
        )


def _serve() -> Iterator[Served]:
    sandbox = create_join_sandbox()
    with sandbox.serve(max_lifetime=600) as server:
        yield Served(sandbox, server)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    """Shared by a module's tests: do not change data through it."""
    yield from _serve()


@pytest.fixture
def fresh() -> Iterator[Served]:
    """A sandbox of its own, for tests that create or change data."""
    yield from _serve()


@pytest.fixture
def join(served: Served) -> Iterator[Join]:
    served.sandbox.recorder.clear()
    served.sandbox.faults.clear()
    with served.client() as client:
        yield client
    served.sandbox.faults.clear()
