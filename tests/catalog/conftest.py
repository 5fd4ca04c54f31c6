"""Sandboxes and stored credentials for catalog and command tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hirelink.sandbox.__main__ import start_stand_ins
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
def stand_ins() -> Iterator[dict[str, dict[str, Any]]]:
    """Every provider's stand-in, running; provider -> credential values."""
    started = start_stand_ins(max_lifetime=300, candidates=150)
    try:
        yield {stand_in.name: stand_in.details for stand_in in started}
    finally:
        for stand_in in started:
            stand_in.server.stop()


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "config"
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", str(directory))
    for key in list(__import__("os").environ):
        if key.startswith("HIRELINK_CREDENTIAL_"):
            monkeypatch.delenv(key)
    return directory
