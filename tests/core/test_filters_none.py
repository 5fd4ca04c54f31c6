"""A filter given ``None`` is left out of the request, in every provider's list operations."""

from __future__ import annotations

import typing
from typing import Any

import pytest

from hirelink import join, personio, recruitee
from hirelink.sandbox import StandIn

# The list operations taking filters, by stand-in fixture, each with its filters' TypedDict.
FILTERED: dict[str, list[tuple[str, type]]] = {
    "recruitee_sandbox": [("list_candidates", recruitee.CandidateFilters)],
    "join_sandbox": [
        ("list_applications", join.ApplicationFilters),
        ("list_offices", join.OfficeFilters),
    ],
    "personio_sandbox": [
        ("list_applications", personio.ApplicationFilters),
        ("list_candidates", personio.CandidateFilters),
        ("list_jobs", personio.JobFilters),
        ("list_persons", personio.PersonFilters),
    ],
}


@pytest.mark.parametrize("fixture", sorted(FILTERED))
def test_none_filters_send_the_same_request_as_no_filters(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    stand_in: StandIn[Any] = request.getfixturevalue(fixture)
    with stand_in.client() as client:
        for operation, filters in FILTERED[fixture]:
            names = typing.get_type_hints(filters)
            assert len(names) >= 2, operation
            getattr(client, operation)()
            bare = stand_in.recorder.requests[-1]
            getattr(client, operation)(**dict.fromkeys(names, None))
            given_none = stand_in.recorder.requests[-1]
            assert given_none is not bare, operation
            assert (given_none.path, given_none.query_string) == (bare.path, bare.query_string)
