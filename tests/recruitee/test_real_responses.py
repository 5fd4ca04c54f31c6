"""Answers captured from the live Recruitee API by third parties, read through the wrapper.

The bodies live in ``../shared/reference/real-responses/recruitee`` (provenance in its
``SOURCES.md``); they are read at run time, never copied into the project. Each is served
by the stand-in (a fault answering the request) with the status the spec documents and
with the other successes a provider may send instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hirelink.api.recruitee import models
from hirelink.sandbox.faults import Fault

from .conftest import Served

RECORDED = Path(__file__).resolve().parents[3] / "shared" / "reference" / "real-responses"
CREATES = sorted((RECORDED / "recruitee").glob("candidate_create.*.json"))

pytestmark = pytest.mark.skipif(not CREATES, reason=f"no recorded answers in {RECORDED}")


def _recorded(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


@pytest.mark.parametrize("status", [200, 201, 202])
@pytest.mark.parametrize("recorded", CREATES, ids=[path.stem for path in CREATES])
def test_create_candidate_answered_with_any_success_returns_the_candidate(
    served: Served, recorded: Path, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    body = _recorded(recorded)
    served.sandbox.faults.add(
        Fault(
            method="POST",
            path=r"/candidates$",
            status=status,
            body=json.dumps(body),
            headers={"Content-Type": "application/json"},
        )
    )
    with served.client() as recruitee, caplog.at_level("WARNING", logger="hirelink"):
        candidate = recruitee.create_candidate(name="Recorded Person")
    assert isinstance(candidate, models.Candidate)
    assert candidate.id == body["candidate"]["id"]
    assert candidate.name == body["candidate"]["name"]
    assert not caplog.records, [record.getMessage() for record in caplog.records]


LISTS = sorted((RECORDED / "recruitee").glob("candidates_list.*.json"))


def _placement_shapes(listing: dict[str, Any]) -> set[tuple[str, ...]]:
    """Which disqualification keys a listed placement carries, with the reason's type."""
    shapes = set()
    for candidate in listing["candidates"]:
        for placement in candidate["placements"]:
            keys = sorted(k for k in placement if k.startswith("disqualif"))
            reason = type(placement.get("disqualify_reason")).__name__
            shapes.add((*keys, reason))
    return shapes


def test_the_stand_in_lists_disqualified_placements_as_recruitee_does(served: Served) -> None:
    recorded = set().union(*(_placement_shapes(_recorded(path)) for path in LISTS))
    # Recorded: a qualified placement has no such key; a disqualified one has the kind and
    # the reason's name (a string), and no disqualified_at.
    assert recorded == {("NoneType",), ("disqualify_kind", "disqualify_reason", "str")}
    with served.client() as recruitee:
        listing = recruitee.list_candidates(limit=100)
    assert _placement_shapes(listing.to_dict()) == recorded


def test_the_stand_in_places_candidates_in_talent_pools_as_recruitee_does(
    served: Served,
) -> None:
    # Recorded: a placement in a talent pool has no stage and carries the pool's id as
    # offer_id, with no talent_pool_id key; the stand-in set offer_id null beside one.
    recorded = [
        placement
        for path in LISTS
        for candidate in _recorded(path)["candidates"]
        for placement in candidate["placements"]
    ]
    pooled = [placement for placement in recorded if placement["stage_id"] is None]
    assert pooled
    assert all(p["offer_id"] is not None and "talent_pool_id" not in p for p in pooled)
    with served.client() as recruitee:
        listing = recruitee.list_candidates(limit=100).to_dict()
    served_placements = [p for c in listing["candidates"] for p in c["placements"]]
    assert set().union(*served_placements) <= set().union(*recorded)
    served_pooled = [p for p in served_placements if p["stage_id"] is None]
    assert served_pooled
    assert all(p["offer_id"] is not None for p in served_pooled)
    # Recorded placements carry no language (the stand-in's were all "en").
    assert {p["language"] for p in recorded} == {p["language"] for p in served_placements}


def _hire_shapes(listing: dict[str, Any]) -> set[tuple[bool, bool, bool, bool]]:
    """Per placement: hired_at set, in a stage of category hire, and the two hired_in flags."""
    hire_stages = {
        reference["id"]
        for reference in listing["references"]
        if reference.get("type") == "Stage" and reference.get("category") == "hire"
    }
    return {
        (
            placement["hired_at"] is not None,
            placement["stage_id"] in hire_stages,
            placement["hired_in_this_placement"],
            placement["hired_in_other_placement"],
        )
        for candidate in listing["candidates"]
        for placement in candidate["placements"]
    }


def test_the_stand_in_lists_hires_as_recruitee_does(served: Served) -> None:
    recorded = set().union(*(_hire_shapes(_recorded(path)) for path in LISTS))
    # Recorded: a hire is a placement with hired_at in a stage of category "hire"; both
    # hired_in_* flags are false on it as on every other placement (the stand-in's seeded
    # hires said hired_in_this_placement, their other placements hired_in_other_placement).
    assert recorded == {(True, True, False, False), (False, False, False, False)}
    with served.client() as recruitee:
        listing = recruitee.list_candidates(limit=100)
    assert _hire_shapes(listing.to_dict()) == recorded


def test_the_stand_in_names_candidate_sources_as_recruitee_does(served: Served) -> None:
    recorded = {c["source"] for path in LISTS for c in _recorded(path)["candidates"]}
    assert "import" in recorded  # the stand-in said "imported"
    with served.client() as recruitee:
        listing = recruitee.list_candidates(limit=100)
    assert {candidate.source for candidate in listing.candidates} <= recorded


SINGLES = [*sorted((RECORDED / "recruitee").glob("candidate_get.*.json")), *CREATES]


def test_a_single_candidate_carries_the_members_recruitee_sends(fresh: Served) -> None:
    recorded = set().union(*(_recorded(path)["candidate"] for path in SINGLES))
    with fresh.client() as recruitee:
        listed = recruitee.list_candidates(limit=20).candidates
        read = [recruitee.get_candidate(candidate.id).to_dict() for candidate in listed]
        created = recruitee.create_candidate(name="Recorded Person").to_dict()
    # The stand-in sent cv_pdf_url, which no recorded candidate carries, and lacked four
    # gdpr_* members every recorded one has.
    assert set().union(*read, created) == recorded
    # Both recorded creates name the creator as admin_id and leave admin_ids empty.
    assert {str(_recorded(path)["candidate"]["admin_ids"]) for path in CREATES} == {"[]"}
    assert created["admin_id"] is not None
    assert created["admin_ids"] == []
