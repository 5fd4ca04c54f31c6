"""Where ``from_dict`` spends its time, per field kind (figures, not assertions).

For Recruitee's ``CandidateListItem`` and ``Placement``, on the records of the stand-in's
own 100-candidate page: the cost of a record holding only its ``id`` (every other field is
looked up and found absent; the instance is built), then what each kind of field adds
when present (plain scalars, lists of scalars, nullable scalars, datetimes, nullable
datetime unions, nested models, nested lists of models), and from_dict of the whole page
(its decoding with json, orjson and msgspec is among the clients' figures).

Usage: python tools/bench_models.py PAGE.json  (a saved ``GET /candidates`` answer;
``nox -s bench`` runs it on the stand-in's page after the clients)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

# The kinds of field of each model, in the order they are added to the record.
KINDS: dict[str, dict[str, Sequence[str]]] = {
    "CandidateListItem": {
        "plain scalars": [
            "name",
            "followed",
            "example",
            "has_avatar",
            "rating",
            "ratings_count",
            "notes_count",
            "tasks_count",
            "pending_result_request",
            "my_pending_result_request",
            "upcoming_event",
            "my_upcoming_event",
            "unread_notifications",
            "viewed",
        ],
        "lists of scalars": ["emails", "phones"],
        "nullable scalars": [
            "admin_id",
            "adminapp_url",
            "initials",
            "photo_thumb_url",
            "positive_ratings",
            "my_last_rating",
            "referrer",
            "source",
        ],
        "datetimes": ["created_at", "updated_at"],
        "nullable datetimes (unions)": ["last_message_at"],
        "nested model": ["ratings"],
        "nested list of models": ["placements"],
    },
    "Placement": {
        "plain scalars": [
            "candidate_id",
            "offer_id",
            "stage_id",
            "position",
            "hired_in_this_placement",
            "hired_in_other_placement",
            "language",
        ],
        "nullable scalars": [
            "hired_by_id",
            "overdue_diff",
            "positive_ratings",
            "talent_pool_id",
            "disqualify_kind",
            "disqualify_reason",
        ],
        "datetimes": ["created_at", "updated_at"],
        "nullable datetimes (unions)": [
            "hired_at",
            "job_starts_at",
            "overdue_at",
            "disqualified_at",
        ],
        "nested model": ["ratings"],
    },
}


def per_call(action: Callable[[], object], number: int = 10, repeat: int = 25) -> float:
    """Seconds per call of ``action``: the fastest of ``repeat`` runs of ``number`` (on a
    shared machine the fastest run is the one least disturbed)."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            action()
        samples.append((time.perf_counter() - started) / number)
    return min(samples)


def kind_costs(
    from_dict: Callable[[Mapping[str, Any]], object],
    records: Sequence[Mapping[str, Any]],
    kinds: Mapping[str, Sequence[str]],
) -> list[tuple[str, float]]:
    """µs per record: the bare record, then what each kind adds, then the whole record."""

    def cost(keys: set[str]) -> float:
        subset = [{key: record[key] for key in keys if key in record} for record in records]
        return per_call(lambda: [from_dict(item) for item in subset]) / len(records) * 1e6

    keys = {"id"}
    rows = [("id only (lookups of absent fields, the instance)", cost(keys))]
    previous = rows[0][1]
    for kind, names in kinds.items():
        keys |= set(names)
        now = cost(keys)
        rows.append((f"+ {kind} ({len(names)})", now - previous))
        previous = now
    whole = per_call(lambda: [from_dict(record) for record in records]) / len(records) * 1e6
    rows.append(("whole record (as served)", whole))
    return rows


def main(page: bytes) -> None:
    from hirelink.api.recruitee.models import CandidateListItem, Placement

    body = json.loads(page)
    candidates = body["candidates"]
    placements = [placement for item in candidates for placement in item.get("placements", [])]
    print(
        f"\nfrom_dict per field kind, µs per record (Recruitee page: {len(candidates)}"
        f" candidates, {len(placements)} placements)"
    )
    for name, model, records in (
        ("CandidateListItem", CandidateListItem, candidates),
        ("Placement", Placement, placements),
    ):
        print(f"  {name}")
        rows = kind_costs(model.from_dict, records, KINDS[name])
        for label, micros in rows:
            print(f"    {label:<52}{micros:>7.2f}")
        if model is CandidateListItem:
            whole = rows[-1][1] * len(candidates)  # the last row: whole records, as served
    print(f"  the page: from_dict of its candidates {whole:.0f} µs (decoding: above)")


if __name__ == "__main__":
    main(open(sys.argv[1], "rb").read())  # noqa: SIM115 - a one-shot script
