"""Sandboxes and stored credentials for catalog and command tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hirelink.sandbox import RecruiteeSandbox, StandIn, serve_stand_in, start_stand_ins


@pytest.fixture
def recruitee_sandbox() -> Iterator[StandIn[RecruiteeSandbox]]:
    """The plugin's per-test Recruitee stand-in, with 150 candidates (three pages of 50)."""
    with serve_stand_in("recruitee", candidates=150) as stand_in:
        yield stand_in


@pytest.fixture
def stand_ins() -> Iterator[dict[str, dict[str, Any]]]:
    """Every provider's stand-in, running; provider -> credential values."""
    started = start_stand_ins(max_lifetime=300, candidates=150)
    try:
        yield {stand_in.name: stand_in.details for stand_in in started}
    finally:
        for stand_in in started:
            stand_in.stop()
