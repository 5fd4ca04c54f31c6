"""Fixtures serving the Recruitee stand-in on loopback for the sandbox tests."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from hirelink.sandbox import RecruiteeSandbox, SandboxServer, create_recruitee_sandbox


@pytest.fixture(scope="module")
def sandbox() -> RecruiteeSandbox:
    """A seeded Recruitee stand-in shared by a test module."""
    return create_recruitee_sandbox(candidates=250)


@pytest.fixture(scope="module")
def server(sandbox: RecruiteeSandbox) -> Iterator[SandboxServer]:
    """The module's stand-in, served on an ephemeral loopback port."""
    with sandbox.serve(max_lifetime=300) as running:
        yield running


@pytest.fixture(scope="module")
def client(sandbox: RecruiteeSandbox, server: SandboxServer) -> Iterator[httpx.Client]:
    """A raw httpx client sending the sandbox token."""
    with httpx.Client(
        base_url=server.url,
        headers={"Authorization": f"Bearer {sandbox.token}"},
        timeout=10,
    ) as http:
        yield http


@pytest.fixture(autouse=True)
def _clean_sandbox(request: pytest.FixtureRequest) -> Iterator[None]:
    """Leave no fault or recorded request behind for the next test."""
    yield
    if "sandbox" in request.fixturenames:
        shared: RecruiteeSandbox = request.getfixturevalue("sandbox")
        shared.faults.clear()
        shared.recorder.clear()
