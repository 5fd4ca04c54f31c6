"""Recruitee operations as prepared calls, shared by the sync and async clients.

Each method validates its arguments, converts them to Recruitee's wire format and
returns the :class:`~hirelink.core.Call` (or calls) to run. Nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Literal, TypedDict, Unpack

from hirelink.api.recruitee.api.candidates import (
    create_candidate,
    delete_candidate,
    get_candidate,
    list_candidates,
    update_candidate,
    update_candidate_cv,
)
from hirelink.api.recruitee.api.notes import create_candidate_note, list_candidate_notes
from hirelink.api.recruitee.api.offers import get_offer, list_offers
from hirelink.api.recruitee.api.tags import add_candidate_tags, remove_candidate_tags
from hirelink.api.recruitee.models import (
    Candidate,
    CandidateCreateRequest,
    CandidateCvUpdateRequest,
    CandidateEnvelope,
    CandidateList,
    CandidateListItem,
    CandidateTagsRequest,
    CandidateUpdateRequest,
    ListCandidatesSort,
    ListOffersKind,
    ListOffersScope,
    ListOffersViewMode,
    Note,
    NoteCreateRequest,
    NoteEnvelope,
    NoteList,
    NoteVisibilityInputLevel,
    Offer,
    OfferEnvelope,
    OfferList,
)
from hirelink.core import Call, InvalidInputError, instance_of
from hirelink.core.calls import Endpoint
from hirelink.core.validation import (
    choice,
    id_list,
    non_empty_str,
    positive_int,
    string_list,
    true_only_flag,
    utc_timestamp,
    without_none,
)

_SUBDOMAIN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class CandidateFilters(TypedDict, total=False):
    """Filters of ``list_candidates`` / ``iter_candidates`` (all optional)."""

    created_after: datetime | date
    """Only candidates created after this moment (aware datetimes are converted to UTC)."""
    qualified: Literal[True]
    """Only candidates qualified in at least one job."""
    disqualified: Literal[True]
    """Only candidates disqualified in at least one job."""
    offer_id: int
    """Only candidates placed in this job or talent pool."""
    ids: Sequence[int]
    """Only these candidates."""
    query: str
    """Free text matched against the candidate's name or job."""
    sort: Literal["by_date", "by_last_message"] | ListCandidatesSort
    """``by_date`` (newest first; Recruitee's default) or ``by_last_message``."""
    with_messages: Literal[True]
    """Only candidates with messages."""
    with_my_messages: Literal[True]
    """Only candidates with messages sent by the token's owner."""


class CandidateProfile(TypedDict, total=False):
    """Profile fields ``update_candidate`` can change; only the ones given are sent."""

    name: str
    emails: Sequence[str]
    phones: Sequence[str]
    social_links: Sequence[str]
    links: Sequence[str]
    cover_letter: str
    remote_cv_url: str
    """Public URL of a CV file that Recruitee downloads."""


class NewCandidate(TypedDict, total=False):
    """Optional fields of ``create_candidate``."""

    emails: Iterable[str]
    phones: Iterable[str]
    social_links: Iterable[str]
    links: Iterable[str]
    sources: Iterable[str]
    """Where the candidate came from, e.g. ``["Referral"]``."""
    cover_letter: str
    remote_cv_url: str
    """Public URL of a CV file that Recruitee downloads."""
    offer_ids: Iterable[int]
    """Place the candidate in the first stage of each of these jobs or talent pools."""


_LIST_FIELDS = ("emails", "phones", "social_links", "links", "sources")
_CANDIDATE = instance_of(CandidateEnvelope)


def _candidate(envelope: CandidateEnvelope) -> Candidate:
    return envelope.candidate


def company_path_segment(company_id: int | str) -> str:
    """The ``/c/{company_id}`` segment: a numeric id or the company subdomain."""
    if isinstance(company_id, int) and not isinstance(company_id, bool):
        return str(positive_int("company_id", company_id))
    if isinstance(company_id, str) and (company_id.isdigit() or _SUBDOMAIN.match(company_id)):
        return company_id
    raise InvalidInputError(
        "company_id", f"must be the numeric company id or the subdomain, got {company_id!r}"
    )


def _url(field: str, value: object) -> str:
    url = non_empty_str(field, value)
    if not url.startswith(("https://", "http://")):
        raise InvalidInputError(
            field, f"must be an http(s) URL Recruitee can download, got {url!r}"
        )
    return url


class RecruiteeRequests:
    """Builds every Recruitee call for one company."""

    def __init__(self, company_id: int | str) -> None:
        self.company_id = company_path_segment(company_id)

    # --- candidates ---------------------------------------------------------------

    def list_candidates(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> Call[CandidateList]:
        params = without_none(
            {
                "limit": None if limit is None else positive_int("limit", limit),
                "offset": None if offset is None else positive_int("offset", offset, minimum=0),
            }
        )
        params.update(self._filters(filters))
        return Call(
            list_candidates, instance_of(CandidateList), {"company_id": self.company_id, **params}
        )

    def candidate_page(
        self, offset: int, limit: int, **filters: Unpack[CandidateFilters]
    ) -> Call[list[CandidateListItem]]:
        """One page of candidates as a list (what ``iter_candidates`` walks)."""
        page = self.list_candidates(
            limit=positive_int("page_size", limit), offset=offset, **filters
        )
        return page.map(lambda listed: listed.candidates)

    @staticmethod
    def _filters(filters: CandidateFilters) -> dict[str, object]:
        unknown = set(filters) - set(CandidateFilters.__annotations__)
        if unknown:
            raise InvalidInputError(sorted(unknown)[0], "is not a filter of list_candidates")
        wire: dict[str, object] = {}
        for flag in ("qualified", "disqualified", "with_messages", "with_my_messages"):
            if flag in filters:
                wire[flag] = true_only_flag(flag, filters[flag])
        if "created_after" in filters:
            wire["created_after"] = utc_timestamp("created_after", filters["created_after"])
        if "offer_id" in filters:
            wire["offer_id"] = positive_int("offer_id", filters["offer_id"])
        if "ids" in filters:
            wire["ids"] = id_list("ids", filters["ids"])
        if "query" in filters:
            wire["query"] = non_empty_str("query", filters["query"])
        if "sort" in filters:
            wire["sort"] = choice("sort", filters["sort"], ListCandidatesSort)
        return wire

    def get_candidate(self, candidate_id: int) -> Call[Candidate]:
        return self._candidate_call(get_candidate, candidate_id)

    def create_candidate(self, name: str, **fields: Unpack[NewCandidate]) -> Call[Candidate]:
        unknown = set(fields) - set(NewCandidate.__annotations__)
        if unknown:
            raise InvalidInputError(sorted(unknown)[0], "is not a field of create_candidate")
        candidate: dict[str, object] = {"name": non_empty_str("name", name)}
        candidate.update(self._profile(fields))
        payload: dict[str, object] = {"candidate": candidate}
        if "offer_ids" in fields:
            offers = fields["offer_ids"]
            payload["offers"] = [positive_int(f"offer_ids.{i}", o) for i, o in enumerate(offers)]
        body = CandidateCreateRequest.from_dict(payload)
        return Call(
            create_candidate, _CANDIDATE, {"company_id": self.company_id, "body": body}
        ).map(_candidate)

    @staticmethod
    def _profile(fields: Mapping[str, object]) -> dict[str, object]:
        """Validated wire values of the profile fields given (None means not given)."""
        profile: dict[str, object] = {}
        for field, value in fields.items():
            if value is None or field == "offer_ids":
                continue
            if field in _LIST_FIELDS:
                profile[field] = string_list(field, value, allow_empty=True)
            elif field == "name":
                profile[field] = non_empty_str(field, value)
            elif field == "remote_cv_url":
                profile[field] = _url(field, value)
            elif isinstance(value, str):
                profile[field] = value
            else:
                raise InvalidInputError(field, f"must be a string, got {value!r}")
        return profile

    def update_candidate(
        self, candidate_id: int, **changes: Unpack[CandidateProfile]
    ) -> list[Call[Candidate]]:
        """One PATCH for the profile fields, and one for the CV when ``remote_cv_url`` is given.

        Recruitee documents ``PATCH /candidates/{id}/update_cv`` as the way to replace a
        CV, and working clients send ``remote_cv_url`` there; only one client puts it in
        the plain PATCH, so whether that is honoured is uncertain. We use the documented
        endpoint, so the CV is replaced for sure, at the price of a second request.
        """
        unknown = set(changes) - set(CandidateProfile.__annotations__)
        if unknown:
            raise InvalidInputError(
                sorted(unknown)[0], "is not a field update_candidate can change"
            )
        profile = self._profile(changes)
        cv_url = profile.pop("remote_cv_url", None)
        if not profile and cv_url is None:
            raise InvalidInputError(
                "fields", "give at least one of: " + ", ".join(CandidateProfile.__annotations__)
            )
        calls: list[Call[Candidate]] = []
        if profile:
            body = CandidateUpdateRequest.from_dict({"candidate": profile})
            calls.append(self._candidate_call(update_candidate, candidate_id, body=body))
        if cv_url is not None:
            calls.append(self.update_candidate_cv(candidate_id, str(cv_url)))
        return calls

    def update_candidate_cv(self, candidate_id: int, remote_cv_url: str) -> Call[Candidate]:
        body = CandidateCvUpdateRequest.from_dict(
            {"candidate": {"remote_cv_url": _url("remote_cv_url", remote_cv_url)}}
        )
        return self._candidate_call(update_candidate_cv, candidate_id, body=body)

    def delete_candidate(self, candidate_id: int) -> Call[Candidate]:
        return self._candidate_call(delete_candidate, candidate_id)

    def add_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Call[Candidate]:
        body = CandidateTagsRequest.from_dict({"tags": string_list("tags", tags)})
        return self._candidate_call(add_candidate_tags, candidate_id, body=body)

    def remove_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Call[Candidate]:
        body = CandidateTagsRequest.from_dict({"tags": string_list("tags", tags)})
        return self._candidate_call(remove_candidate_tags, candidate_id, body=body)

    def _candidate_call(
        self, endpoint: Endpoint, candidate_id: int, **extra: object
    ) -> Call[Candidate]:
        kwargs = {
            "company_id": self.company_id,
            "candidate_id": positive_int("candidate_id", candidate_id),
            **extra,
        }
        return Call(endpoint, _CANDIDATE, kwargs).map(_candidate)

    # --- notes ----------------------------------------------------------------------

    def list_candidate_notes(self, candidate_id: int) -> Call[list[Note]]:
        kwargs = {
            "company_id": self.company_id,
            "candidate_id": positive_int("candidate_id", candidate_id),
        }
        return Call(list_candidate_notes, instance_of(NoteList), kwargs).map(lambda n: n.notes)

    def create_candidate_note(
        self,
        candidate_id: int,
        body: str,
        *,
        visibility: Literal["public", "private"] | NoteVisibilityInputLevel = "public",
    ) -> Call[Note]:
        request = NoteCreateRequest.from_dict(
            {
                "note": {
                    "body": non_empty_str("body", body),
                    "visibility": {
                        "level": choice("visibility", visibility, NoteVisibilityInputLevel)
                    },
                }
            }
        )
        kwargs = {
            "company_id": self.company_id,
            "candidate_id": positive_int("candidate_id", candidate_id),
            "body": request,
        }
        return Call(create_candidate_note, instance_of(NoteEnvelope), kwargs).map(lambda n: n.note)

    # --- offers ---------------------------------------------------------------------

    def list_offers(
        self,
        *,
        kind: Literal["job", "talent_pool"] | ListOffersKind | None = None,
        scope: Literal["archived", "active", "not_archived"] | ListOffersScope | None = None,
        view_mode: Literal["default", "brief"] | ListOffersViewMode | None = None,
    ) -> Call[list[Offer]]:
        params = without_none(
            {
                "kind": None if kind is None else choice("kind", kind, ListOffersKind),
                "scope": None if scope is None else choice("scope", scope, ListOffersScope),
                "view_mode": None
                if view_mode is None
                else choice("view_mode", view_mode, ListOffersViewMode),
            }
        )
        kwargs = {"company_id": self.company_id, **params}
        return Call(list_offers, instance_of(OfferList), kwargs).map(lambda o: o.offers)

    def get_offer(self, offer_id: int) -> Call[Offer]:
        kwargs = {"company_id": self.company_id, "offer_id": positive_int("offer_id", offer_id)}
        return Call(get_offer, instance_of(OfferEnvelope), kwargs).map(lambda o: o.offer)
