"""Sandboxes and stored credentials for catalog and command tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hirelink.sandbox.join import BASE_PATH, JoinSandbox, create_join_sandbox
from hirelink.sandbox.recruitee import RecruiteeSandbox, create_recruitee_sandbox


@pytest.fixture
def recruitee_sandbox() -> Iterator[tuple[RecruiteeSandbox, dict[str, Any]]]:
    sandbox = create_recruitee_sandbox(candidates=150)
    with sandbox.serve() as server:
        credential = {
            "company_id": sandbox.company_id,
            "token": sandbox.token,
            "base_url": server.url,
        }
        yield sandbox, credential


@pytest.fixture
def join_sandbox() -> Iterator[tuple[JoinSandbox, dict[str, Any]]]:
    sandbox = create_join_sandbox()
    with sandbox.serve() as server:
        yield sandbox, {"token": sandbox.token, "base_url": server.url + BASE_PATH}


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", str(directory))
    for key in list(__import__("os").environ):
        if key.startswith("HIRELINK_CREDENTIAL_"):
            monkeypatch.delenv(key)
    return directory
