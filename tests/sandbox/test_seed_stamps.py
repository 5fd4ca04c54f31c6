"""However many records a stand-in seeds, none is stamped after its clock at seeding:
the seeds are spaced from a fixed date, and a large count went past "now" (a watch then
warned of stamps ahead of the host's clock and kept every such change in its checkpoint)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hirelink.sandbox import ProviderName, serve_stand_in


def stamps(wire: Any) -> Iterator[datetime]:
    """Every moment in a record's wire form: ISO date-times, and Personio's local ones."""
    if isinstance(wire, dict):
        if set(wire) == {"date-time", "timezone"}:
            local = datetime.fromisoformat(wire["date-time"])
            yield local.replace(tzinfo=ZoneInfo(wire["timezone"]))
            return
        for value in wire.values():
            yield from stamps(value)
    elif isinstance(wire, list):
        for value in wire:
            yield from stamps(value)
    elif isinstance(wire, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT.+", wire):
        yield datetime.fromisoformat(wire)


@pytest.mark.parametrize(
    ("name", "settings", "clock"),
    [
        # An hour a candidate from 2025-01-01, seven an application from 2026-01-05: a
        # month of clock holds fewer, so they are spaced closer.
        ("recruitee", {"candidates": 1000}, datetime(2025, 1, 31, tzinfo=UTC)),
        ("join", {"applications": 200}, datetime(2026, 2, 4, tzinfo=UTC)),
        # A clock before the first seed's date: they are counted back from it.
        ("join", {"applications": 200}, datetime(2026, 1, 1, tzinfo=UTC)),
        # Three days a candidate from 2025-01-06: past today's clock at a few hundred.
        ("personio", {"candidates": 2000}, None),
    ],
)
def test_a_large_seed_stamps_nothing_after_the_clock(
    name: ProviderName, settings: dict[str, int], clock: datetime | None
) -> None:
    options: dict[str, Any] = settings if clock is None else {**settings, "clock": lambda: clock}
    with serve_stand_in(name, **options) as stand_in, stand_in.client() as client:
        now = clock or datetime.now(UTC)
        walks = ["iter_candidates"] if name == "recruitee" else ["iter_applications"]
        if name == "personio":
            walks.append("iter_candidates")
        records = [record.to_dict() for walk in walks for record in getattr(client, walk)()]
    assert len(records) >= sum(settings.values())
    assert max(moment for record in records for moment in stamps(record)) <= now
