"""Recruitee wrapper over real HTTP against the sandbox: operations, paging, wire formats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs

import httpx
import pytest

from hirelink.core import (
    ApiTimeoutError,
    AuthenticationError,
    InvalidInputError,
    NotFoundError,
    UnprocessableEntityError,
)
from hirelink.recruitee import (
    AdminReference,
    Candidate,
    CandidateListItem,
    OfferReference,
    Placement,
    Recruitee,
    StageReference,
)
from hirelink.sandbox.faults import Fault

from .conftest import Served


def placements(candidate: CandidateListItem | Candidate) -> list[Placement]:
    assert isinstance(candidate.placements, list)
    return candidate.placements


def last_query(served: Served, path_contains: str = "/candidates") -> dict[str, list[str]]:
    request = served.sandbox.recorder.last(path_contains=path_contains)
    assert request is not None
    return parse_qs(request.query_string, keep_blank_values=True)


def test_list_candidates_returns_one_typed_page_with_references(recruitee: Recruitee) -> None:
    page = recruitee.list_candidates(limit=5, offset=0)
    assert len(page.candidates) == 5
    assert isinstance(page.references, list)
    assert all(isinstance(candidate, CandidateListItem) for candidate in page.candidates)
    assert isinstance(page.generated_at, datetime)
    kinds = {type(reference) for reference in page.references}
    assert {OfferReference, StageReference, AdminReference} <= kinds
    offer_ids = {r.id for r in page.references if isinstance(r, OfferReference)}
    placed = {p.offer_id for c in page.candidates for p in placements(c) if p.offer_id}
    assert placed <= offer_ids


def test_iter_candidates_walks_three_pages_without_duplicates_or_omissions(
    served: Served, recruitee: Recruitee
) -> None:
    walked = [candidate.id for candidate in recruitee.iter_candidates(page_size=100)]
    everyone = [c.id for c in recruitee.list_candidates().candidates]  # no limit: all at once
    assert len(walked) == len(set(walked)) == 250
    assert walked == everyone
    offsets = [
        parse_qs(r.query_string)["offset"]
        for r in served.sandbox.recorder.requests
        if r.path.endswith("/candidates") and "offset" in r.query_string
    ]
    assert offsets == [["0"], ["99"], ["198"]]  # each page starts on the last one read


def test_every_filter_reaches_the_wire_in_recruitees_format(
    served: Served, recruitee: Recruitee
) -> None:
    cet = timezone(timedelta(hours=1))
    recruitee.list_candidates(
        limit=10,
        offset=20,
        created_after=datetime(2025, 1, 2, 1, 30, tzinfo=cet),
        qualified=True,
        disqualified=True,
        offer_id=31337,
        ids=[7730001, 7730002],
        query="ada",
        sort="by_last_message",
        with_messages=True,
        with_my_messages=True,
    )
    assert last_query(served) == {
        "limit": ["10"],
        "offset": ["20"],
        "created_after": ["2025-01-02T00:30:00"],
        "qualified": ["true"],
        "disqualified": ["true"],
        "offer_id": ["31337"],
        "ids": ["7730001,7730002"],
        "query": ["ada"],
        "sort": ["by_last_message"],
        "with_messages": ["true"],
        "with_my_messages": ["true"],
    }


def test_unset_filters_are_not_sent(served: Served, recruitee: Recruitee) -> None:
    recruitee.list_candidates(limit=3)
    assert last_query(served) == {"limit": ["3"]}


def test_created_after_goes_out_in_whole_seconds_and_includes_its_own_second(
    fresh: Served,
) -> None:
    # Recruitee documents whole seconds: a fraction is dropped, so the moment's own second
    # is included (a candidate's created_at passed back returns that candidate).
    with fresh.client() as recruitee:
        created = recruitee.create_candidate("Edsger Dijkstra")
        assert isinstance(created.created_at, datetime)
        moment = created.created_at.replace(microsecond=999999)
        again = recruitee.list_candidates(created_after=moment).candidates
    assert last_query(fresh)["created_after"] == [moment.strftime("%Y-%m-%dT%H:%M:%S")]
    assert [c.id for c in again] == [created.id]


def test_filters_select_what_they_say(recruitee: Recruitee) -> None:
    after = datetime(2025, 1, 5, tzinfo=UTC)
    created = recruitee.list_candidates(created_after=after).candidates
    assert created
    assert all(c.created_at > after for c in created)  # type: ignore[operator]

    first = recruitee.list_candidates(limit=1).candidates[0]
    some_offer = next(p.offer_id for p in placements(first) if isinstance(p.offer_id, int))
    in_offer = recruitee.list_candidates(offer_id=some_offer).candidates
    assert in_offer
    assert all(any(p.offer_id == some_offer for p in placements(c)) for c in in_offer)

    chosen = recruitee.list_candidates(ids=[7730003, 7730007]).candidates
    assert sorted(c.id for c in chosen) == [7730003, 7730007]

    messaged = recruitee.list_candidates(with_messages=True).candidates
    assert messaged
    assert all(c.last_message_at is not None for c in messaged)


def test_get_candidate_returns_the_full_record(recruitee: Recruitee) -> None:
    candidate = recruitee.get_candidate(7730001)
    assert isinstance(candidate, Candidate)
    assert candidate.id == 7730001
    assert isinstance(candidate.tags, list)
    assert candidate.emails


def test_unknown_ids_raise_not_found(recruitee: Recruitee) -> None:
    with pytest.raises(NotFoundError) as caught:
        recruitee.get_candidate(1)
    assert caught.value.status_code == 404
    assert "/candidates/1" in caught.value.url
    with pytest.raises(NotFoundError):
        recruitee.get_offer(1)


def test_company_subdomain_works_like_the_numeric_id(served: Served) -> None:
    with Recruitee(
        company_id=served.sandbox.subdomain, token=served.sandbox.token, base_url=served.url
    ) as by_subdomain:
        assert by_subdomain.list_candidates(limit=2).candidates
    capitalised = served.sandbox.subdomain.capitalize()  # as a host name: the same company
    with Recruitee(company_id=capitalised, token=served.sandbox.token, base_url=served.url) as by:
        assert by.list_candidates(limit=2).candidates
    assert served.sandbox.recorder.requests[-1].path.startswith(f"/c/{served.sandbox.subdomain}/")


def test_update_candidate_sends_only_the_given_fields(fresh: Served) -> None:
    with fresh.client() as recruitee:
        before = recruitee.get_candidate(7730002)
        updated = recruitee.update_candidate(7730002, phones=["+4930123456"], name="Ada Example")
    assert updated.phones == ["+4930123456"]
    assert updated.name == "Ada Example"
    assert updated.emails == before.emails
    patch = fresh.sandbox.recorder.last(method="PATCH")
    assert patch is not None
    assert patch.json() == {"candidate": {"phones": ["+4930123456"], "name": "Ada Example"}}


def test_update_candidate_sends_a_new_cv_to_the_cv_endpoint(fresh: Served) -> None:
    with fresh.client() as recruitee:
        updated = recruitee.update_candidate(
            7730002, cover_letter="Verified.", remote_cv_url="https://files.example.org/cv.pdf"
        )
    patches = [r for r in fresh.sandbox.recorder.requests if r.method == "PATCH"]
    assert [r.path.rsplit("/", 1)[-1] for r in patches] == ["7730002", "update_cv"]
    assert patches[0].json() == {"candidate": {"cover_letter": "Verified."}}
    assert patches[1].json() == {"candidate": {"remote_cv_url": "https://files.example.org/cv.pdf"}}
    assert updated.cover_letter == "Verified."
    assert isinstance(updated.cv_url, str)


def test_a_failed_cv_step_says_the_profile_update_was_applied(fresh: Served) -> None:
    fresh.sandbox.faults.add(Fault(method="PATCH", path=r"/update_cv$", status=422))
    with fresh.client() as recruitee, pytest.raises(UnprocessableEntityError) as caught:
        recruitee.update_candidate(
            7730002, name="Ada Example", remote_cv_url="https://files.example.org/cv.pdf"
        )
    (note,) = caught.value.__notes__
    assert "profile update (name) was applied" in note
    with fresh.client() as recruitee:
        assert recruitee.get_candidate(7730002).name == "Ada Example"


def test_update_candidate_without_fields_sends_nothing(
    served: Served, recruitee: Recruitee
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        recruitee.update_candidate(7730002)
    assert caught.value.field == "changes"
    with pytest.raises(InvalidInputError, match="emails"):
        recruitee.update_candidate(7730002, emails="ada@example.org")
    assert served.sandbox.recorder.requests == []


def test_candidate_lifecycle_with_notes_and_tags(fresh: Served) -> None:
    with fresh.client() as recruitee:
        offer = recruitee.list_offers(kind="job")[0]
        created = recruitee.create_candidate(
            "Tomás Reyes", emails=["tomas@example.net"], sources=["Referral"], offer_ids=[offer.id]
        )
        assert created.name == "Tomás Reyes"
        assert [p.offer_id for p in placements(created)] == [offer.id]

        note = recruitee.create_candidate_note(
            created.id, "Identity verified.", visibility="private"
        )
        assert note.body == "Identity verified."
        notes = recruitee.list_candidate_notes(created.id)
        assert [n.id for n in notes] == [note.id]

        tagged = recruitee.add_candidate_tags(created.id, ["identity-verified", "vip"])
        assert {"identity-verified", "vip"} <= set(tagged.tags)  # type: ignore[arg-type]
        untagged = recruitee.remove_candidate_tags(created.id, ["vip"])
        assert "vip" not in untagged.tags  # type: ignore[operator]
        assert "identity-verified" in untagged.tags  # type: ignore[operator]

        deleted = recruitee.delete_candidate(created.id)
        assert deleted.id == created.id
        with pytest.raises(NotFoundError):
            recruitee.get_candidate(created.id)


def test_create_with_an_unknown_offer_is_unprocessable(fresh: Served) -> None:
    with fresh.client() as recruitee, pytest.raises(UnprocessableEntityError) as caught:
        recruitee.create_candidate("Nobody", offer_ids=[999999])
    assert caught.value.status_code == 422
    assert "offers" in caught.value.field_errors


def test_offers_filters_and_brief_view(served: Served, recruitee: Recruitee) -> None:
    jobs = recruitee.list_offers(kind="job", scope="active")
    assert jobs
    assert all(o.kind == "job" for o in jobs)
    assert last_query(served, "/offers") == {"kind": ["job"], "scope": ["active"]}
    brief = recruitee.list_offers(view_mode="brief")
    assert set(brief[0].to_dict()) <= {"id", "title", "status", "kind"}
    assert recruitee.get_offer(jobs[0].id).title == jobs[0].title


def test_offers_by_status(served: Served, recruitee: Recruitee) -> None:
    chosen = recruitee.list_offers(statuses=["published", "internal"])
    assert chosen
    assert {o.status for o in chosen} == {"published", "internal"}
    assert last_query(served, "/offers") == {"statuses[]": ["published", "internal"]}
    everything = recruitee.list_offers()
    assert len(everything) > len(chosen)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda r: r.list_candidates(sort="oldest"), "sort"),
        (lambda r: r.list_candidates(qualified=False), "qualified"),
        (lambda r: r.list_candidates(ids="1,2"), "ids"),
        (lambda r: r.list_candidates(limit=0), "limit"),
        (lambda r: r.list_candidates(colour="red"), "colour"),
        (lambda r: r.iter_candidates(page_size=0), "page_size"),
        (lambda r: r.add_candidate_tags(7730001, []), "tags"),
        (lambda r: r.create_candidate(""), "name"),
        (lambda r: r.create_candidate("X", remote_cv_url="ftp://x"), "remote_cv_url"),
        (lambda r: r.create_candidate("X", emails=["x@example.org", "x.example.org"]), "emails.1"),
        (lambda r: r.update_candidate(7730001, emails=["x @example.org"]), "emails.0"),
        (lambda r: r.create_candidate_note(7730001, "hi", visibility="team"), "visibility"),
        (lambda r: r.get_candidate(-3), "candidate_id"),
        (lambda r: r.list_offers(scope="everything"), "scope"),
        (lambda r: r.list_offers(statuses=[]), "statuses"),
    ],
)
def test_bad_input_names_the_field_and_sends_nothing(
    served: Served, recruitee: Recruitee, call: object, field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(recruitee)  # type: ignore[operator]
    assert caught.value.field == field
    assert isinstance(caught.value, ValueError)
    assert served.sandbox.recorder.requests == []


def test_bad_company_id_is_refused_at_construction() -> None:
    with pytest.raises(InvalidInputError, match="company_id"):
        Recruitee(company_id="acme/../x", token="t0ken-value")


def test_a_wrong_token_raises_authentication_error(served: Served) -> None:
    with (
        Recruitee(
            company_id=served.sandbox.company_id, token="wrong-token-123", base_url=served.url
        ) as recruitee,
        pytest.raises(AuthenticationError) as caught,
    ):
        recruitee.list_candidates(limit=1)
    assert caught.value.status_code == 401
    assert "wrong-token-123" not in str(caught.value)


def test_a_supplied_httpx_client_gets_auth_and_typed_errors(served: Served) -> None:
    with (
        httpx.Client() as http,
        Recruitee(
            company_id=served.sandbox.company_id,
            token=served.sandbox.token,
            base_url=served.url,
            httpx_client=http,
        ) as recruitee,
    ):
        assert recruitee.list_candidates(limit=1).candidates
        with pytest.raises(NotFoundError):
            recruitee.get_candidate(1)
        assert not http.is_closed


def test_a_supplied_httpx_client_keeps_hirelinks_timeout_and_user_agent(served: Served) -> None:
    served.sandbox.faults.add(Fault(kind="delay", delay=1.0, path=r"/offers$", times=1))
    kwargs = served.client_kwargs(timeout=0.3, max_retries=0)
    with httpx.Client() as plain, Recruitee(**kwargs, httpx_client=plain) as recruitee:
        recruitee.list_candidates(limit=1)  # httpx's own 5 s and python-httpx are not used
        sent = served.sandbox.recorder.last()
        assert sent is not None
        assert sent.headers["user-agent"].startswith("hirelink/")
        with pytest.raises(ApiTimeoutError):
            recruitee.list_offers()
    named = httpx.Client(headers={"User-Agent": "acme-sync/2.1"})
    with named, Recruitee(**served.client_kwargs(), httpx_client=named) as recruitee:
        recruitee.list_candidates(limit=1)
    sent = served.sandbox.recorder.last()
    assert sent is not None
    assert sent.headers["user-agent"] == "acme-sync/2.1"


def test_the_headers_option_wins_over_a_supplied_clients_headers(served: Served) -> None:
    own = httpx.Client(headers={"X-Request-Source": "acme-client", "X-Team": "identity"})
    kwargs = served.client_kwargs(headers={"X-Request-Source": "hirelink-option"})
    with own, Recruitee(**kwargs, httpx_client=own) as recruitee:
        recruitee.list_candidates(limit=1)
    sent = served.sandbox.recorder.last()
    assert sent is not None
    assert sent.headers["x-request-source"] == "hirelink-option"
    assert sent.headers["x-team"] == "identity"  # the client's other headers still travel
