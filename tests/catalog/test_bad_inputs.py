"""Bad input found by a sweep of every client method: each is refused with an
InvalidInputError naming the field, and nothing reaches the stand-in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from hirelink.core import Document, InvalidInputError
from hirelink.personio import Personio
from hirelink.sandbox import StandIn

Case = tuple[str, Callable[[Any], Any], str]

CASES: list[Case] = [
    # A walker sets its own paging: the list operation's page/limit/cursor are refused.
    ("join", lambda c: c.iter_applications(page=2), "page"),
    ("join", lambda c: c.iter_offices(page=2), "page"),
    ("personio", lambda c: c.iter_applications(limit=5), "limit"),
    ("personio", lambda c: c.iter_candidates(cursor="x"), "cursor"),
    # "." and ".." would change the path; "0" is no id, as 0 is not.
    ("personio", lambda c: c.get_application("."), "application_id"),
    ("personio", lambda c: c.delete_webhook(".."), "webhook_id"),
    ("personio", lambda c: c.get_person("0"), "person_id"),
    # A datetime birthday would be sent with its time.
    (
        "personio",
        lambda c: c.create_application(
            1874512,
            first_name="A",
            last_name="B",
            email="ab@example.org",
            attributes={"birthday": datetime(1994, 8, 21)},
        ),
        "attributes.birthday",
    ),
    # Values httpx cannot put in a request at all: not Unicode, or a URL too long.
    ("recruitee", lambda c: c.list_candidates(query="caf\udce9"), "query"),
    ("recruitee", lambda c: c.list_candidates(query="x" * 70_000), "list_candidates"),
    ("recruitee", lambda c: c.create_candidate("Ada", offer_ids=31337), "offer_ids"),
    ("recruitee", lambda c: c.create_candidate("Ada", offer_ids=""), "offer_ids"),
    ("personio", lambda c: c.upload_document(b"%PDF", filename=5), "filename"),
    (
        "join",
        lambda c: c.create_application(
            8812345,
            first_name="A",
            last_name="B",
            email="ab@example.org",
            documents=[Document(b"%PDF", filename=5)],  # type: ignore[arg-type]
        ),
        "documents.0.filename",
    ),
    # Beyond a signed 64-bit integer: no provider stores such an id.
    ("recruitee", lambda c: c.get_candidate(2**63), "candidate_id"),
    ("join", lambda c: c.get_application(2**63), "application_id"),
    ("recruitee_partners", lambda c: c.list_candidate_reports(4100, 2**63), "candidate_id"),
    ("recruitee_partners", lambda c: c.create_partner(4100, kind=None, name=None), "kind"),
    ("recruitee_partners", lambda c: c.set_partner_inputs(4100, [{"kind": None}]), "inputs.0"),
]


@pytest.mark.parametrize(("provider", "call", "field"), CASES, ids=[c[2] for c in CASES])
def test_bad_input_is_refused_before_anything_is_sent(
    provider: str, call: Callable[[Any], Any], field: str, request: pytest.FixtureRequest
) -> None:
    stand_in: StandIn[Any] = request.getfixturevalue(f"{provider}_sandbox_session")
    with stand_in.client() as client, pytest.raises(InvalidInputError) as refused:
        call(client)
    assert refused.value.field == field
    assert stand_in.recorder.requests == []


def test_a_company_id_read_with_its_line_break_is_the_number(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    with recruitee_sandbox_session.client(company_id="4100\n") as recruitee:
        assert recruitee.list_candidates(limit=1).candidates
    sent = recruitee_sandbox_session.recorder.last()
    assert sent is not None
    assert sent.path.startswith("/c/4100/")


def test_a_join_walk_yields_each_application_once_while_new_ones_arrive(
    join_sandbox: StandIn[Any],
) -> None:
    with join_sandbox.client() as join:
        walk = join.iter_applications(page_size=10)
        first = [next(walk).id for _ in range(10)]
        join.create_application(
            8812345, first_name="New", last_name="Arrival", email="new.arrival@example.org"
        )
        seen = first + [application.id for application in walk]
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("value", ["²", "0", "-7", " "])
@pytest.mark.parametrize("field", ["company_id", "channel_id"])
def test_personio_numeric_ids_are_positive_ascii_digits(field: str, value: str) -> None:
    ids: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInputError) as refused:
        Personio(subdomain="acme", recruiting_token="sandbox-token", **ids)
    assert refused.value.field == field
