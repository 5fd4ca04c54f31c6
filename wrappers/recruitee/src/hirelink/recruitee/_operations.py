"""Every Recruitee operation, declared once for ``Recruitee`` and ``AsyncRecruitee``.

Each operation validates its arguments, converts them to Recruitee's wire format and
returns the :class:`~hirelink.core.Call` (or flow of calls) to run; the
:func:`~hirelink.core.operation` descriptor turns it into a method of both clients and an
entry of the operations catalog. Nothing here does I/O.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import partial
from typing import Any, Literal, TypedDict, Unpack

from hirelink.api.recruitee import models
from hirelink.api.recruitee.models import (
    ListCandidatesSort,
    ListOffersKind,
    ListOffersScope,
    ListOffersViewMode,
    NoteVisibilityInputLevel,
)
from hirelink.core import (
    Call,
    Flow,
    Inputs,
    InvalidInputError,
    Walk,
    instance_of,
    operation,
    walker,
)
from hirelink.core.feeds import Feed, WatchOptions
from hirelink.core.operations import watcher
from hirelink.core.validation import (
    choice,
    http_url,
    id_list,
    non_empty_str,
    numeric_id,
    one_of,
    positive_int,
    string_list,
    text,
    true_only_flag,
    utc_timestamp,
)

_SUBDOMAIN = re.compile(r"^[a-z0-9][a-z0-9-]*$")

DEFAULT_PAGE_SIZE = 100

OfferKind = Literal["job", "talent_pool"] | ListOffersKind
OfferScope = Literal["archived", "active", "not_archived"] | ListOffersScope
OfferViewMode = Literal["default", "brief"] | ListOffersViewMode
NoteVisibility = Literal["public", "private"] | NoteVisibilityInputLevel


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


_CANDIDATE_FILTERS = Inputs(
    "list_candidates",
    created_after=utc_timestamp,
    qualified=true_only_flag,
    disqualified=true_only_flag,
    with_messages=true_only_flag,
    with_my_messages=true_only_flag,
    offer_id=positive_int,
    ids=id_list,
    query=non_empty_str,
    sort=one_of(ListCandidatesSort),
)
_PAGING = Inputs(
    "list_candidates", limit=positive_int, offset=lambda f, v: positive_int(f, v, minimum=0)
)
_LIST_FIELD = lambda field, value: string_list(field, value, allow_empty=True)  # noqa: E731


_PROFILE = Inputs(
    "update_candidate",
    name=non_empty_str,
    emails=_LIST_FIELD,
    phones=_LIST_FIELD,
    social_links=_LIST_FIELD,
    links=_LIST_FIELD,
    cover_letter=text,
    remote_cv_url=http_url,
)
_NEW_CANDIDATE = Inputs(
    "create_candidate",
    **_PROFILE.params,
    sources=_LIST_FIELD,
    offer_ids=lambda field, ids: [positive_int(f"{field}.{i}", o) for i, o in enumerate(ids)],
)
_OFFER_FILTERS = Inputs(
    "list_offers",
    kind=one_of(ListOffersKind),
    scope=one_of(ListOffersScope),
    view_mode=one_of(ListOffersViewMode),
    statuses=string_list,
)


def _candidate_call(request: partial[Any]) -> Call[models.Candidate]:
    return Call(request, instance_of(models.CandidateEnvelope)).map(_candidate)


def _candidate(envelope: models.CandidateEnvelope) -> models.Candidate:
    return envelope.candidate


def _candidate_key(candidate: models.CandidateListItem) -> int:
    return candidate.id


def company_path_segment(company_id: int | str) -> str:
    """The ``/c/{company_id}`` segment: a numeric id or the company subdomain."""
    if isinstance(company_id, str) and _SUBDOMAIN.match(company_id) and not company_id.isdigit():
        return company_id
    with contextlib.suppress(InvalidInputError):
        return numeric_id("company_id", company_id)
    raise InvalidInputError(
        "company_id", f"must be the numeric company id or the subdomain, got {company_id!r}"
    )


class RecruiteeOperations:
    """The operations of one Recruitee company (``company_id`` is set by the client)."""

    company_id: str

    # --- candidates ---------------------------------------------------------------

    @operation(
        "List Candidates",
        example={"limit": 20, "offset": 0, "qualified": True, "sort": "by_date"},
    )
    def list_candidates(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> Call[models.CandidateList]:
        """One page of candidates (reduced records), with side-loaded ``references``.

        Without ``limit`` and ``offset`` Recruitee returns every candidate at once, which
        can be slow for big companies: prefer :meth:`iter_candidates`. Filters:
        ``created_after``, ``qualified``, ``disqualified``, ``offer_id``, ``ids``,
        ``query``, ``sort``, ``with_messages``, ``with_my_messages`` (see
        :class:`~hirelink.recruitee.CandidateFilters`). The boolean filters accept only
        ``True``: Recruitee cannot filter for the opposite.
        """
        return self._candidates_call(limit, offset, filters)

    def _candidates_call(
        self, limit: int | None, offset: int | None, filters: CandidateFilters
    ) -> Call[models.CandidateList]:
        from hirelink.api.recruitee.api.candidates import list_candidates

        paging = _PAGING.wire({"limit": limit, "offset": offset})
        wire = _CANDIDATE_FILTERS.wire(filters)
        request = partial(
            list_candidates.sync_detailed, company_id=self.company_id, **paging, **wire
        )
        return Call(request, instance_of(models.CandidateList))

    @walker(list_candidates)
    def iter_candidates(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[CandidateFilters]
    ) -> Walk[models.CandidateListItem]:
        """Every candidate matching ``filters``, fetched lazily ``page_size`` at a time.

        Stops after the first short page. A candidate that slides from one page onto the
        next while new candidates arrive is yielded once.
        """
        positive_int("page_size", page_size)

        def page(offset: int, limit: int) -> Call[list[models.CandidateListItem]]:
            listed = self._candidates_call(limit, offset, filters)
            return listed.map(lambda candidates: candidates.candidates)

        return Walk.offsets(page, page_size=page_size, key=_candidate_key)

    @watcher(iter_candidates)
    def watch_candidates(self, **options: Unpack[WatchOptions]) -> Feed[models.CandidateListItem]:
        """Every candidate created after a checkpoint, once (for changes, use webhooks).

        Polls ``iter_candidates(created_after=...)`` every ``interval`` seconds and yields
        each new candidate, oldest first, until the loop stops (or after ``polls``
        polls). Starts from the checkpoint saved in ``store`` under ``name``, else from
        ``since``, else from now. At least once: after a restart a candidate whose
        handling was cut short comes again; none is lost. With a Redis ``store`` one
        worker at a time polls; another takes over within ``lease_ttl`` plus one
        ``interval`` when it dies. Options: :class:`hirelink.core.feeds.WatchOptions`.
        """
        return Feed.declare(
            f"recruitee:{self.company_id}:candidates",
            lambda moment: RecruiteeOperations.iter_candidates.build(self, created_after=moment),
            timestamp=lambda candidate: candidate.created_at,
            key=lambda candidate: candidate.id,
            options=options,
        )

    @operation("Retrieve Candidate", example={"candidate_id": 7730011})
    def get_candidate(self, candidate_id: int) -> Call[models.Candidate]:
        """The full candidate record (contact data, CV, tags, sources, profile fields)."""
        from hirelink.api.recruitee.api.candidates import get_candidate

        request = partial(
            get_candidate.sync_detailed, self.company_id, self._candidate_id(candidate_id)
        )
        return _candidate_call(request)

    @operation(
        "Create Candidate",
        example={"name": "Tomás Reyes", "emails": ["tomas@example.net"], "offer_ids": [31337]},
    )
    def create_candidate(self, name: str, **fields: Unpack[NewCandidate]) -> Call[models.Candidate]:
        """Add a candidate (as if added by hand: no confirmation e-mail is sent).

        ``offer_ids`` places the candidate in the first stage of each of those offers.
        Not retried after a server error, so a candidate is never created twice.
        """
        from hirelink.api.recruitee.api.candidates import create_candidate

        candidate = _NEW_CANDIDATE.wire({"name": non_empty_str("name", name), **fields})
        offers = candidate.pop("offer_ids", None)
        payload: dict[str, object] = {"candidate": candidate}
        if offers is not None:
            payload["offers"] = offers
        request = partial(
            create_candidate.sync_detailed,
            self.company_id,
            body=models.CandidateCreateRequest.from_dict(payload),
        )
        return _candidate_call(request)

    @operation("Update Candidate", example={"candidate_id": 7730011, "phones": ["+46701234567"]})
    def update_candidate(
        self, candidate_id: int, **changes: Unpack[CandidateProfile]
    ) -> Flow[models.Candidate]:
        """Change only the given profile fields; list fields replace the stored list.

        Fields: ``name``, ``emails``, ``phones``, ``social_links``, ``links``,
        ``cover_letter``, ``remote_cv_url``. At least one is required. A new
        ``remote_cv_url`` is sent to Recruitee's CV endpoint (a second request).
        """
        from hirelink.api.recruitee.api.candidates import update_candidate

        # Recruitee documents PATCH /candidates/{id}/update_cv as the way to replace a
        # CV; only one client puts remote_cv_url in the plain PATCH, so whether that is
        # honoured is uncertain. The documented endpoint replaces the CV for sure.
        profile = _PROFILE.wire_changes(changes)
        cv_url = profile.pop("remote_cv_url", None)
        candidate_id = self._candidate_id(candidate_id)
        calls: list[Call[models.Candidate]] = []
        if profile:
            request = partial(
                update_candidate.sync_detailed,
                self.company_id,
                candidate_id,
                body=models.CandidateUpdateRequest.from_dict({"candidate": profile}),
            )
            calls.append(_candidate_call(request))
        if cv_url is not None:
            calls.append(self._cv_call(candidate_id, cv_url))
        return self._in_order(calls)

    @staticmethod
    def _in_order(calls: list[Call[models.Candidate]]) -> Flow[models.Candidate]:
        # Built before the flow starts, so bad arguments raise at the method call.
        result: models.Candidate | None = None
        for call in calls:
            result = yield call
        assert result is not None
        return result

    @operation(
        "Update Candidate CV",
        example={"candidate_id": 7730011, "remote_cv_url": "https://files.example.org/cv.pdf"},
    )
    def update_candidate_cv(self, candidate_id: int, remote_cv_url: str) -> Call[models.Candidate]:
        """Replace the CV with the file at a public URL (Recruitee downloads it)."""
        return self._cv_call(
            self._candidate_id(candidate_id), http_url("remote_cv_url", remote_cv_url)
        )

    def _cv_call(self, candidate_id: int, url: str) -> Call[models.Candidate]:
        from hirelink.api.recruitee.api.candidates import update_candidate_cv

        body = models.CandidateCvUpdateRequest.from_dict({"candidate": {"remote_cv_url": url}})
        request = partial(
            update_candidate_cv.sync_detailed, self.company_id, candidate_id, body=body
        )
        return _candidate_call(request)

    @operation("Delete Candidate", example={"candidate_id": 7730012})
    def delete_candidate(self, candidate_id: int) -> Call[models.Candidate]:
        """Delete a candidate; returns the record as it was, with ``deleted_at``."""
        from hirelink.api.recruitee.api.candidates import delete_candidate

        request = partial(
            delete_candidate.sync_detailed, self.company_id, self._candidate_id(candidate_id)
        )
        return _candidate_call(request)

    @operation(
        "Add Candidate Tags", example={"candidate_id": 7730011, "tags": ["identity-verified"]}
    )
    def add_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Call[models.Candidate]:
        """Add tags (existing tags stay); returns the updated candidate."""
        return self._tags_call(candidate_id, tags, add=True)

    @operation(
        "Remove Candidate Tags", example={"candidate_id": 7730011, "tags": ["identity-verified"]}
    )
    def remove_candidate_tags(
        self, candidate_id: int, tags: Iterable[str]
    ) -> Call[models.Candidate]:
        """Remove tags; returns the updated candidate."""
        return self._tags_call(candidate_id, tags, add=False)

    def _tags_call(
        self, candidate_id: int, tags: Iterable[str], *, add: bool
    ) -> Call[models.Candidate]:
        if add:
            from hirelink.api.recruitee.api.tags.add_candidate_tags import sync_detailed
        else:
            from hirelink.api.recruitee.api.tags.remove_candidate_tags import sync_detailed
        endpoint = sync_detailed
        body = models.CandidateTagsRequest.from_dict({"tags": string_list("tags", tags)})
        request = partial(endpoint, self.company_id, self._candidate_id(candidate_id), body=body)
        return _candidate_call(request)

    @staticmethod
    def _candidate_id(candidate_id: int) -> int:
        return positive_int("candidate_id", candidate_id)

    # --- notes ----------------------------------------------------------------------

    @operation("List Candidate Notes", example={"candidate_id": 7730011})
    def list_candidate_notes(self, candidate_id: int) -> Call[list[models.Note]]:
        """The candidate's notes."""
        from hirelink.api.recruitee.api.notes import list_candidate_notes

        request = partial(
            list_candidate_notes.sync_detailed, self.company_id, self._candidate_id(candidate_id)
        )
        return Call(request, instance_of(models.NoteList)).map(lambda listed: listed.notes)

    @operation(
        "Create Candidate Note", example={"candidate_id": 7730011, "body": "Identity verified."}
    )
    def create_candidate_note(
        self, candidate_id: int, body: str, *, visibility: NoteVisibility = "public"
    ) -> Call[models.Note]:
        """Add a note to the candidate's profile (``public`` or ``private``)."""
        from hirelink.api.recruitee.api.notes import create_candidate_note

        level = choice("visibility", visibility, NoteVisibilityInputLevel)
        note = {"body": non_empty_str("body", body), "visibility": {"level": level}}
        request = partial(
            create_candidate_note.sync_detailed,
            self.company_id,
            self._candidate_id(candidate_id),
            body=models.NoteCreateRequest.from_dict({"note": note}),
        )
        return Call(request, instance_of(models.NoteEnvelope)).map(lambda created: created.note)

    # --- offers ---------------------------------------------------------------------

    @operation("List Offers", example={"kind": "job"})
    def list_offers(
        self,
        *,
        kind: OfferKind | None = None,
        scope: OfferScope | None = None,
        view_mode: OfferViewMode | None = None,
        statuses: Iterable[str] | None = None,
    ) -> Call[list[models.Offer]]:
        """Jobs and talent pools (all of them: Recruitee does not page this list).

        ``kind``: ``job`` or ``talent_pool``; ``scope``: ``active`` (published, internal,
        closed), ``archived`` or ``not_archived``; ``statuses``: only offers in any of
        these states (e.g. ``["published", "internal"]``); ``view_mode="brief"`` returns
        only id, title, status and kind.
        """
        from hirelink.api.recruitee.api.offers import list_offers

        given = {"kind": kind, "scope": scope, "view_mode": view_mode, "statuses": statuses}
        wire = _OFFER_FILTERS.wire(given)
        request = partial(list_offers.sync_detailed, self.company_id, **wire)
        return Call(request, instance_of(models.OfferList)).map(lambda listed: listed.offers)

    @operation("Retrieve Offer", example={"offer_id": 31337})
    def get_offer(self, offer_id: int) -> Call[models.Offer]:
        """One job or talent pool."""
        from hirelink.api.recruitee.api.offers import get_offer

        request = partial(
            get_offer.sync_detailed, self.company_id, positive_int("offer_id", offer_id)
        )
        return Call(request, instance_of(models.OfferEnvelope)).map(lambda found: found.offer)
