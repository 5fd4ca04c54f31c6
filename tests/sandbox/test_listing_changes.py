"""A listing shows the changes made since the last one: the stand-ins keep a listing's
selection for its next pages, and each change (through the API or the state) drops it.
A record created shows up first, one changed moves or joins a filtered listing, one
deleted vanishes."""

from __future__ import annotations

from datetime import UTC, datetime

from hirelink.sandbox import serve_stand_in


def test_join_lists_what_changed_since_its_last_listing() -> None:
    with serve_stand_in("join", applications=5) as stand_in, stand_in.client() as client:

        def listed(**filters: str) -> list[int]:
            return [a.id for a in client.list_applications(page=1, page_size=50, **filters)]

        before = listed()
        made = client.create_application(
            8812345, first_name="Ada", last_name="Listed", email="ada.listed@example.org"
        ).id
        assert listed() == [made, *before]
        applications = stand_in.sandbox.state.applications
        applications.update(made, createdAt="2000-01-01T00:00:00.000Z")
        assert listed() == [*before, made]
        assert listed(hiring_state="HIRED") == []
        applications.update(before[-1], hiringState="HIRED")
        assert listed(hiring_state="HIRED") == [before[-1]]
        assert listed() == [*before, made]
        applications.remove(before[0])
        assert listed() == [*before[1:], made]


def test_recruitee_lists_what_changed_since_its_last_listing() -> None:
    with serve_stand_in("recruitee", candidates=5) as stand_in, stand_in.client() as client:

        def listed(**filters: str) -> list[int]:
            page = client.list_candidates(limit=50, offset=0, **filters)
            return [candidate.id for candidate in page.candidates]

        before = listed()
        made = client.create_candidate("Ada Listed").id
        assert listed() == [made, *before]
        assert listed(query="zelda") == []
        client.update_candidate(before[-1], name="Zelda Renamed")
        assert listed(query="zelda") == [before[-1]]
        assert listed() == [made, *before]
        client.delete_candidate(made)
        assert listed() == before
        assert listed(query="zelda") == [before[-1]]
        client.delete_candidate(before[-1])
        assert listed(query="zelda") == []
        assert listed() == before[:-1]


def test_personio_lists_what_changed_since_its_last_listing() -> None:
    with serve_stand_in("personio", candidates=3) as stand_in, stand_in.client() as client:

        def applications() -> list[str]:
            return [a.id for a in client.list_applications(limit=50).field_data]

        def candidates() -> list[tuple[str, str]]:
            return [(c.id, c.email) for c in client.list_candidates(limit=50).field_data]

        def persons(**filters: datetime) -> list[str]:
            return [p.id for p in client.list_persons(limit=50, **filters).field_data]

        seeded, people, since = applications(), candidates(), datetime.now(UTC)
        assert persons(updated_after=since) == []
        client.create_application(
            1874512, first_name="Ada", last_name="Listed", email="ada.listed@example.org"
        )
        assert applications()[1:] == seeded
        newcomer, *others = candidates()
        assert others == people
        # The candidate changed longest ago applies again (to a job none of the three
        # seeded candidates applied to): it moves to the top.
        oldest = people[-1]
        client.create_application(1874516, first_name="A", last_name="B", email=oldest[1])
        assert candidates() == [oldest, newcomer, *people[:-1]]
        person = persons()[-1]
        stand_in.sandbox.state.update_person(person, first_name="Zelda")
        assert persons(updated_after=since) == [person]
