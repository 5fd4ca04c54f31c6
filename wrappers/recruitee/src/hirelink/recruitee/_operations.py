"""Every Recruitee operation, declared once for ``Recruitee`` and ``AsyncRecruitee``.

Each operation validates its arguments, converts them to Recruitee's wire format and
returns the :class:`~hirelink.core.Call` (or flow of calls) to run; the
:func:`~hirelink.core.operation` descriptor turns it into a method of both clients and an
entry of the operations catalog. Nothing here does I/O.
"""

from __future__ import annotations

import contextlib
import json
import re
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from functools import partial
from typing import Any, Literal, Protocol, TypedDict, TypeVar, Unpack

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
    member_of,
    operation,
    walker,
)
from hirelink.core.checks import ConnectionCheck, one_read_check
from hirelink.core.feeds import Feed, WatchOptions
from hirelink.core.http import account_at
from hirelink.core.operations import watcher
from hirelink.core.reading import reading_logger
from hirelink.core.secrets import hide_query_values
from hirelink.core.validation import (
    bounded_int,
    choice,
    described,
    email,
    flag,
    http_url,
    id_list,
    int_list,
    json_object,
    listed,
    matching,
    name_key,
    non_empty_str,
    non_empty_text,
    numeric_id,
    one_of,
    positive_int,
    string_list,
    text,
    true_only_flag,
    unix_seconds,
    unix_seconds_rounded_up,
    utc_moment,
    utc_timestamp,
)

_SUBDOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*")

# A candidate search: a name, an e-mail address (filters_json holds search_candidates' text).
hide_query_values("query", "filters_json")

DEFAULT_BASE_URL = "https://api.recruitee.com"
"""Recruitee's ATS API (production)."""
RC_BASE_URL = "https://api.rc.recruitee.dev"
"""Recruitee's release-candidate environment (for partners developing integrations)."""
DEFAULT_PAGE_SIZE = 100
SEARCH_MAX_LIMIT = 10_000
"""The most hits one page of ``search_candidates`` may hold (Recruitee answers 500 above)."""

Result = TypeVar("Result")

OfferKind = Literal["job", "talent_pool"] | ListOffersKind
"""``list_offers(kind=)``: jobs or talent pools."""
OfferScope = Literal["archived", "active", "not_archived"] | ListOffersScope
"""``list_offers(scope=)``: ``active`` (published, internal and closed), ``archived`` or
``not_archived``."""
OfferViewMode = Literal["default", "brief"] | ListOffersViewMode
"""``list_offers(view_mode=)``: ``default`` (the most details) or ``brief`` (only id,
title, status and kind)."""
NoteVisibilityLevel = Literal["public", "private"] | NoteVisibilityInputLevel
"""``create_candidate_note(visibility=)``: who can read the new note (the
:class:`NoteVisibility` of a note read back is a model)."""


class CandidateFilters(TypedDict, total=False):
    """Filters of ``list_candidates`` / ``iter_candidates`` (all optional; ``None`` is the
    same as leaving one out)."""

    created_after: datetime | date | None
    """Only candidates created after this moment (a datetime with a time zone, converted to
    UTC), sent in whole seconds as Recruitee documents it: a fraction of a second is dropped,
    so candidates created within that second are included (passing a candidate's own
    ``created_at`` returns that candidate again; ``watch_candidates`` drops such repeats)."""
    qualified: Literal[True] | None
    """Only candidates qualified in at least one job."""
    disqualified: Literal[True] | None
    """Only candidates disqualified in at least one job."""
    offer_id: int | None
    """Only candidates placed in this job or talent pool."""
    ids: Sequence[int] | None
    """Only these candidates."""
    query: str | None
    """Free text matched against the candidate's name or job."""
    sort: Literal["by_date", "by_last_message"] | ListCandidatesSort | None
    """``by_date`` (newest first; Recruitee's default) or ``by_last_message``."""
    with_messages: Literal[True] | None
    """Only candidates with messages."""
    with_my_messages: Literal[True] | None
    """Only candidates with messages sent by the token's owner."""


class CandidateSearch(TypedDict, total=False):
    """Criteria of ``search_candidates`` / ``iter_search_candidates`` (all optional; ``None``
    is the same as leaving one out). A candidate must match every one given."""

    query: str | None
    """Free text Recruitee searches the candidates for (its ``all`` field): a name, or an
    e-mail address (that ``all`` covers addresses is our reading)."""
    created_after: datetime | date | None
    """Only candidates created after this moment (a datetime with a time zone, or a date:
    its midnight UTC), sent in whole Unix seconds: a fraction of a second is dropped, so
    candidates created within that second are included."""
    created_before: datetime | date | None
    """Only candidates created before this moment (a datetime with a time zone, or a date:
    its midnight UTC), sent in whole Unix seconds: a fraction of a second is rounded up,
    so candidates created within that second are included."""
    updated_after: datetime | date | None
    """Only candidates changed after this moment, sent as ``created_after`` is (that
    Recruitee filters on ``updated_at`` is our reading: clients sort by it)."""
    filters: Sequence[Mapping[str, Any]] | None
    """More of Recruitee's filter objects, sent as given after the ones above, e.g.
    ``[{"field": "admin_id", "in": [51200]}]``: each a dict naming its ``field`` and one
    operator or more (``in``, ``gte``, ``has_any``, ...), holding only JSON values."""
    sort_by: str | None
    """The order of the hits: ``<field>_asc`` or ``<field>_desc``, e.g.
    ``created_at_desc``, ``updated_at_asc``, ``candidate_name_asc`` (left out,
    Recruitee's own order)."""


class CandidateProfile(TypedDict, total=False):
    """Profile fields ``update_candidate`` can change; only the ones given are sent."""

    name: str
    """The candidate's full name."""
    emails: Sequence[str]
    """E-mail addresses."""
    phones: Sequence[str]
    """Phone numbers, as written."""
    social_links: Sequence[str]
    """Profile URLs on social networks."""
    links: Sequence[str]
    """Other URLs: a portfolio, a personal site."""
    cover_letter: str
    """The cover letter's text."""
    remote_cv_url: str
    """Public URL of a CV file that Recruitee downloads."""


class NewCandidate(TypedDict, total=False):
    """Optional fields of ``create_candidate``."""

    emails: Iterable[str]
    """The candidate's e-mail addresses."""
    phones: Iterable[str]
    """The candidate's phone numbers, as written."""
    social_links: Iterable[str]
    """The candidate's profile URLs on social networks."""
    links: Iterable[str]
    """The candidate's other URLs: a portfolio, a personal site."""
    sources: Iterable[str]
    """Where the candidate came from, e.g. ``["Referral"]``."""
    cover_letter: str
    """The text of the candidate's cover letter."""
    remote_cv_url: str
    """Public URL of a CV file that Recruitee downloads."""
    offer_ids: Iterable[int]
    """Place the candidate in the default stage of each of these jobs or talent pools."""


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


def _filter_objects(field: str, value: object) -> list[dict[str, Any]]:
    """Recruitee search filters: JSON objects, each naming its ``field`` and an operator."""
    objects = listed(field, value, "filter objects (dicts)")
    checked = [json_object(f"{field}.{index}", given) for index, given in enumerate(objects)]
    for index, given in enumerate(checked):
        if "field" not in given or len(given) < 2:
            raise InvalidInputError(
                f"{field}.{index}",
                'must name its "field" and an operator, e.g. {"field": "admin_id", "in": [51200]}',
            )
        non_empty_str(f"{field}.{index}.field", given["field"])
    return checked


_SEARCH = Inputs(
    "search_candidates",
    query=non_empty_str,
    created_after=unix_seconds,
    created_before=unix_seconds_rounded_up,
    updated_after=unix_seconds,
    filters=_filter_objects,
    sort_by=matching(
        r"[a-z][a-z_]*_(asc|desc)", "<field>_asc or <field>_desc, e.g. created_at_desc"
    ),
)
_SEARCH_PAGING = Inputs(
    "search_candidates", limit=bounded_int(maximum=SEARCH_MAX_LIMIT), page=positive_int
)
# (search_candidates' argument, the filter's field and operator): a filter object each.
_SEARCH_FILTERS = (
    ("query", "all", "query"),
    ("created_after", "created_at", "gt"),
    ("created_before", "created_at", "lt"),
    ("updated_after", "updated_at", "gt"),
)


def _email_list(field: str, value: object) -> list[str]:
    """E-mail addresses (an empty list clears them), each checked as Personio's and JOIN's
    applicant's address is: a typo is refused before it is stored on the candidate."""
    given = string_list(field, value, allow_empty=True, strip=True)
    return [email(f"{field}.{index}", address) for index, address in enumerate(given)]


_PROFILE = Inputs(
    "update_candidate",
    name=non_empty_str,
    emails=_email_list,
    phones=_LIST_FIELD,
    social_links=_LIST_FIELD,
    links=_LIST_FIELD,
    cover_letter=text,
    remote_cv_url=partial(http_url, personal=True),
)
_NEW_CANDIDATE = Inputs(
    "create_candidate",
    **_PROFILE.params,
    sources=_LIST_FIELD,
    offer_ids=lambda field, ids: int_list(field, ids, allow_empty=True),
)


def _utc_iso(field: str, value: object) -> str:
    """A datetime (or a date's midnight) in UTC, ISO 8601 (see :func:`utc_moment`)."""
    return utc_moment(field, value).isoformat()


def _midnight_in(day: date, zone_name: str) -> date | datetime:
    """``day``'s midnight in the time zone ``zone_name`` when that is an IANA name, else
    ``day`` (its midnight UTC): Recruitee's form of ``timezone`` is not documented, and
    it may take names of its own."""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return day
    return datetime.combine(day, time(0, 0), tzinfo=zone)


def _day_or_moment(field: str, value: object) -> str:
    """A date as ``YYYY-MM-DD``; a datetime as :func:`_utc_iso`."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return _utc_iso(field, value)


_STAGE_CHANGE = Inputs(
    "change_placement_stage",
    proceed=flag,
    hired_at=_utc_iso,
    job_starts_at=_day_or_moment,
    work_location_id=positive_int,
    opening_id=positive_int,
)
_TASK = Inputs("create_task", description=non_empty_text, due_date=_utc_iso, timezone=non_empty_str)
_OFFER_FILTERS = Inputs(
    "list_offers",
    kind=one_of(ListOffersKind),
    scope=one_of(ListOffersScope),
    view_mode=one_of(ListOffersViewMode),
    statuses=string_list,
)


def _candidate_call(request: partial[Any], *, repeatable: bool = False) -> Call[models.Candidate]:
    """``repeatable``: a write that does the same however often it arrives (the fields
    given, tags added to a set): resent after a 5xx or a lost answer, as a read is."""
    return Call(request, instance_of(models.CandidateEnvelope), repeatable=repeatable).map(
        _candidate
    )


def _candidate(envelope: models.CandidateEnvelope) -> models.Candidate:
    return envelope.candidate


def _candidate_key(candidate: models.CandidateListItem | models.Candidate) -> int:
    return candidate.id


def _search_wire(criteria: CandidateSearch) -> dict[str, Any]:
    """The search's query parameters: ``filters_json`` (the criteria's filter objects,
    then ``filters``) and ``sort_by``."""
    wire = _SEARCH.wire(criteria)
    objects = [
        {"field": field, operator: wire.pop(name)}
        for name, field, operator in _SEARCH_FILTERS
        if name in wire
    ]
    objects += wire.pop("filters", [])
    if objects:
        wire["filters_json"] = json.dumps(objects, ensure_ascii=False, separators=(",", ":"))
    return wire


def company_path_segment(company_id: int | str) -> str:
    """The ``/c/{company_id}`` segment: a numeric id or the company subdomain (in lower
    case, as host names are: ``Acme`` is ``acme``)."""
    if isinstance(company_id, str):
        subdomain = str.__str__(company_id).lower()  # an enum member's value, not its name
        if _SUBDOMAIN.fullmatch(subdomain) and not subdomain.isdigit():
            return subdomain
    with contextlib.suppress(InvalidInputError):
        return numeric_id("company_id", company_id)
    raise InvalidInputError(
        "company_id",
        f"must be the numeric company id or the subdomain, got {described(company_id)}",
    )


def _all_listed(operation: str, listed: Any, records: list[Result]) -> list[Result]:
    """``records`` of the answer ``listed``, warning when its ``meta`` counts more
    (Recruitee paged the list after all: the rest is not read)."""
    meta = listed.additional_properties.get("meta")
    total = meta.get("total_count") if isinstance(meta, dict) else None
    if isinstance(total, int) and total > len(records):
        reading_logger.warning(
            "%s: the answer holds %d of %d (Recruitee paged the list, which hirelink does"
            " not read further)",
            operation,
            len(records),
            total,
        )
    return records


def _all_offers(listed: models.OfferList) -> list[models.Offer]:
    return _all_listed("list_offers", listed, listed.offers)


def _all_departments(listed: models.DepartmentList) -> list[models.Department]:
    return _all_listed("list_departments", listed, listed.departments)


class RecruiteeOperations:
    """The operations of one Recruitee company (``company_id`` is set by the client)."""

    company_id: str
    base_url: str  # the client's (ProviderClient.base_url)

    def _repr_fields(self) -> dict[str, object]:
        return {"company_id": self.company_id}

    @operation("Check Connection", example={})
    def check_connection(self) -> Flow[list[ConnectionCheck]]:
        """Check the token and the company id with one read of the company's offers (their
        brief view: ids, titles, status and kind, not each job's description).

        Returns one :class:`~hirelink.core.ConnectionCheck` saying what to fix: a 401
        refuses the token, a 403 accepts it without access to the company's jobs, a 404
        names a company Recruitee does not know. Changes nothing; never raises for API
        failures.
        """
        company = self.company_id
        unknown = f"Recruitee knows no company {company}"
        fix = (
            "Check company_id: the number after company= in the app's URL, or the company's "
            "subdomain."
        )
        if self.base_url not in (DEFAULT_BASE_URL, RC_BASE_URL):  # a 404 may be the host's
            unknown += f", or {self.base_url} is not Recruitee's API"
            fix += " Check base_url too."
        refusals = {
            403: (
                f"accepted, but not allowed to read the offers of company {company} (403)",
                f"Use a token of a user of company {company} who may see its jobs.",
            ),
            404: (f"{unknown} (404)", fix),
        }
        return one_read_check(
            "token",
            "Personal API token and company ID",
            RecruiteeOperations.list_offers.prepare(self, view_mode="brief"),
            provider="Recruitee",
            accepted=lambda offers: (
                f"accepted for company {company}: {len(offers)} offers readable"
            ),
            refusals=refusals,
        )

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
        is slow for big companies, and past 64 MiB (tens of thousands of candidates) is not
        read at all (an :class:`~hirelink.core.ApiConnectionError`): prefer
        :meth:`iter_candidates` (``--all`` in the CLI). Filters:
        ``created_after``, ``qualified``, ``disqualified``, ``offer_id``, ``ids``,
        ``query``, ``sort``, ``with_messages``, ``with_my_messages`` (see
        :class:`~hirelink.recruitee.CandidateFilters`). The boolean filters accept only
        ``True``: Recruitee cannot filter for the opposite. ``created_after`` is sent in
        whole seconds, so it includes candidates created within its own second.

        Args:
            limit: How many candidates the page holds (a whole number >= 1). Without ``limit`` and
                ``offset`` Recruitee returns every candidate in one answer.
            offset: How many candidates to skip before the page (a whole number >= 0); the next page
                starts at this ``offset`` plus ``limit``.
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
        next while new candidates arrive is yielded once; while candidates are deleted,
        one per page is absorbed, and with more one moved onto a page already read is
        missed (as with a candidate moved by a sort on a field that changes, such as
        ``by_last_message``). A write that takes candidates out of ``filters`` counts as a
        deletion (disqualifying them while walking ``qualified=True``): collect the ids
        first, then act on them. The pages' side-loaded
        ``references`` (jobs, stages, admins) are not yielded: read them from
        :meth:`list_candidates`.

        Args:
            page_size: How many candidates each request asks for (a whole number >= 1; 100 by
                default).
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
        handling was cut short comes again. None is lost, except when candidates are
        deleted while a poll reads several pages: one deletion per page is absorbed (each
        page starts at the last one read); with more, a candidate moved onto a page
        already read can be skipped for good. With a Redis ``store`` one
        worker at a time polls; another takes over within ``lease_ttl`` plus one
        ``interval`` when it dies. Options: :class:`hirelink.core.feeds.WatchOptions`.
        """
        return Feed.declare(
            f"recruitee:{account_at(self.company_id, self.base_url, DEFAULT_BASE_URL)}:candidates",
            lambda moment: RecruiteeOperations.iter_candidates.build(self, created_after=moment),
            timestamp=lambda candidate: candidate.created_at,
            key=lambda candidate: candidate.id,
            options=options,
        )

    @operation(
        "Search Candidates",
        example={"query": "bruno.yilmaz.11@example.org", "sort_by": "created_at_desc"},
    )
    def search_candidates(
        self,
        *,
        limit: int | None = None,
        page: int | None = None,
        **criteria: Unpack[CandidateSearch],
    ) -> Call[models.CandidateSearchResult]:
        """One page of the candidates matching every criterion given, with how many match
        in all (``total``), from Recruitee's advanced search.

        Each hit is a full :class:`~hirelink.recruitee.Candidate`. ``query`` is free text
        (Recruitee's ``all`` field, which it documents without saying what it covers; by
        our reading names and e-mail addresses): the way to find a candidate by address.
        Time criteria go out in whole Unix seconds, as Recruitee documents them,
        ``created_after`` and ``updated_after`` compared with ``>``, ``created_before``
        with ``<``; a fraction of a second is rounded outward, so the moment's own second
        is included. ``filters`` adds Recruitee's own filter objects
        (see :class:`~hirelink.recruitee.CandidateSearch`). The endpoint, its filters and
        ``limit`` are documented; ``page``, ``sort_by`` and the answer's shape come from
        third-party clients. Unlike :meth:`list_candidates`, a page never holds every
        candidate at once: 60 when ``limit`` is left out.

        Args:
            limit: How many hits the page holds, 1 to 10000 (Recruitee's default, 60, when left
                out; Recruitee fails with a 500 above 10000, so more is refused before sending).
            page: Which page of hits, from 1 (the first when left out).
        """
        from hirelink.api.recruitee.api.candidates import search_candidates

        paging = _SEARCH_PAGING.wire({"limit": limit, "page": page})
        request = partial(
            search_candidates.sync_detailed,
            self.company_id,
            **paging,
            **_search_wire(criteria),
        )
        return Call(request, instance_of(models.CandidateSearchResult))

    @walker(search_candidates)
    def iter_search_candidates(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **criteria: Unpack[CandidateSearch]
    ) -> Walk[models.Candidate]:
        """Every candidate matching ``criteria``, fetched lazily ``page_size`` at a time.

        Stops after the first short page. A candidate that slides from one page onto the
        next while new candidates arrive is yielded once; one moved onto a page already
        read (while candidates are deleted, or change under ``sort_by``) is missed.

        Args:
            page_size: How many candidates each request asks for, 1 to 10000 (100 by default).
        """
        bounded_int(maximum=SEARCH_MAX_LIMIT)("page_size", page_size)
        return Walk.pages(
            lambda page, size: RecruiteeOperations.search_candidates.prepare(
                self, page=page, limit=size, **criteria
            ).map(lambda found: found.hits),
            page_size=page_size,
            key=_candidate_key,
        )

    @operation("Retrieve Candidate", example={"candidate_id": 7730011})
    def get_candidate(self, candidate_id: int) -> Call[models.Candidate]:
        """The full candidate record (contact data, CV, tags, sources, profile fields).

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
        """
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
        """Add a candidate (as if added by hand, so that no confirmation e-mail is sent:
        inferred from a third-party description, not documented by Recruitee).

        ``offer_ids`` places the candidate in the default stage of each of those offers.
        Not retried after a server error, so a candidate is never created twice.

        Args:
            name: The candidate's full name (non-empty text).
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
        ``remote_cv_url`` is sent to Recruitee's CV endpoint: a request of its own, after
        the profile update when other fields are given too.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.candidates import update_candidate

        # Recruitee documents PATCH /candidates/{id}/update_cv as the way to replace a
        # CV; only one client puts remote_cv_url in the plain PATCH, so whether that is
        # honoured is uncertain. The documented endpoint replaces the CV for sure.
        profile = _PROFILE.wire_changes(changes)
        cv_url = profile.pop("remote_cv_url", None)
        candidate_id = self._candidate_id(candidate_id)
        cv_call = None if cv_url is None else self._cv_call(candidate_id, cv_url)
        if not profile:
            assert cv_call is not None  # wire_changes requires at least one field
            return _in_order([cv_call])
        request = partial(
            update_candidate.sync_detailed,
            self.company_id,
            candidate_id,
            body=models.CandidateUpdateRequest.from_dict({"candidate": profile}),
        )
        return _profile_then_cv(_candidate_call(request, repeatable=True), sorted(profile), cv_call)

    @operation(
        "Update Candidate CV",
        example={"candidate_id": 7730011, "remote_cv_url": "https://files.example.org/cv.pdf"},
    )
    def update_candidate_cv(self, candidate_id: int, remote_cv_url: str) -> Call[models.Candidate]:
        """Replace the CV with the file at a public URL (Recruitee downloads it).

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            remote_cv_url: The http(s) URL of the new CV file. Recruitee downloads it, so it must be
                public: a URL behind a login or a password fails.
        """
        candidate = self._candidate_id(candidate_id)
        return self._cv_call(candidate, http_url("remote_cv_url", remote_cv_url, personal=True))

    def _cv_call(self, candidate_id: int, url: str) -> Call[models.Candidate]:
        from hirelink.api.recruitee.api.candidates import update_candidate_cv

        body = models.CandidateCvUpdateRequest.from_dict({"candidate": {"remote_cv_url": url}})
        request = partial(
            update_candidate_cv.sync_detailed, self.company_id, candidate_id, body=body
        )
        return _candidate_call(request, repeatable=True)  # the same CV, fetched again

    @operation("Delete Candidate", example={"candidate_id": 7730012})
    def delete_candidate(self, candidate_id: int) -> Call[models.Candidate]:
        """Delete a candidate; returns the record as it was, with ``deleted_at``.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.candidates import delete_candidate

        request = partial(
            delete_candidate.sync_detailed, self.company_id, self._candidate_id(candidate_id)
        )
        return _candidate_call(request)

    @operation(
        "Add Candidate Tags", example={"candidate_id": 7730011, "tags": ["identity-verified"]}
    )
    def add_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Call[models.Candidate]:
        """Add tags (existing tags stay); returns the updated candidate.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            tags: The tag names to add (at least one, each non-empty); tags the candidate has stay.
        """
        return self._tags_call(candidate_id, tags, add=True)

    @operation(
        "Remove Candidate Tags", example={"candidate_id": 7730011, "tags": ["identity-verified"]}
    )
    def remove_candidate_tags(
        self, candidate_id: int, tags: Iterable[str]
    ) -> Call[models.Candidate]:
        """Remove tags; returns the updated candidate.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            tags: The tag names to remove (at least one, each non-empty).
        """
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
        return _candidate_call(request, repeatable=add)  # a removal is a DELETE: resent anyway

    @staticmethod
    def _candidate_id(candidate_id: int) -> int:
        return positive_int("candidate_id", candidate_id)

    # --- notes ----------------------------------------------------------------------

    @operation("List Candidate Notes", example={"candidate_id": 7730011})
    def list_candidate_notes(self, candidate_id: int) -> Call[list[models.Note]]:
        """The candidate's notes.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.notes import list_candidate_notes

        request = partial(
            list_candidate_notes.sync_detailed, self.company_id, self._candidate_id(candidate_id)
        )
        return Call(request, instance_of(models.NoteList)).map(lambda listed: listed.notes)

    @operation(
        "Create Candidate Note", example={"candidate_id": 7730011, "body": "Identity verified."}
    )
    def create_candidate_note(
        self, candidate_id: int, body: str, *, visibility: NoteVisibilityLevel = "public"
    ) -> Call[models.Note]:
        """Add a note to the candidate's profile (``public`` or ``private``).

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            body: The note's text (non-empty).
            visibility: ``public`` (the default) or ``private``. That Recruitee honours ``private``
                when a note is added through the API is unconfirmed.
        """
        from hirelink.api.recruitee.api.notes import create_candidate_note

        level = choice("visibility", visibility, NoteVisibilityInputLevel)
        note = {"body": non_empty_text("body", body), "visibility": {"level": level}}
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
        """Jobs and talent pools, all of them: Recruitee did not page this list (2022
        evidence); newer clients send ``page``/``limit`` (unconfirmed). An answer that says
        it holds more (``meta.total_count``) logs a warning on ``hirelink.reading``.

        ``kind``: ``job`` or ``talent_pool``; ``scope``: ``active`` (published, internal,
        closed), ``archived`` or ``not_archived``; ``statuses``: only offers in any of
        these states (e.g. ``["published", "internal"]``); ``view_mode="brief"`` returns
        only id, title, status and kind.

        Args:
            kind: ``job`` or ``talent_pool``; left out, both.
            scope: ``active`` (published, internal and closed), ``archived`` or ``not_archived``;
                left out, every offer.
            view_mode: ``default`` (the most details) or ``brief`` (only id, title, status and
                kind).
            statuses: Only offers in any of these states, e.g. ``["published", "internal"]`` (at
                least one, each non-empty).
        """
        from hirelink.api.recruitee.api.offers import list_offers

        given = {"kind": kind, "scope": scope, "view_mode": view_mode, "statuses": statuses}
        wire = _OFFER_FILTERS.wire(given)
        request = partial(list_offers.sync_detailed, self.company_id, **wire)
        return Call(request, instance_of(models.OfferList)).map(_all_offers)

    @operation("Retrieve Offer", example={"offer_id": 31337})
    def get_offer(self, offer_id: int) -> Call[models.Offer]:
        """One job or talent pool.

        Args:
            offer_id: The job's or talent pool's id (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.offers import get_offer

        request = partial(
            get_offer.sync_detailed, self.company_id, positive_int("offer_id", offer_id)
        )
        return Call(request, instance_of(models.OfferEnvelope)).map(lambda found: found.offer)

    @operation("List Offer Stages", example={"offer_id": 31337})
    def list_offer_stages(self, offer_id: int) -> Call[list[models.PipelineStage]]:
        """The stages of a job's pipeline, in pipeline order, from the job's detail view.

        Recruitee embeds the pipeline in an offer's detail view (``pipeline_template``);
        where it does not, this list is empty and :meth:`get_pipeline_template` with the
        offer's ``pipeline_template_id`` gives the stages.

        Args:
            offer_id: The job's id (a whole number >= 1).
        """
        return RecruiteeOperations.get_offer.prepare(self, offer_id).map(_pipeline_stages)

    @operation("Retrieve Pipeline Template", example={"pipeline_template_id": 9001})
    def get_pipeline_template(self, pipeline_template_id: int) -> Call[models.PipelineTemplate]:
        """A hiring pipeline with its stages (an offer's ``pipeline_template_id``).

        The endpoint is inferred from one third-party client.

        Args:
            pipeline_template_id: The pipeline template's id, as an offer's ``pipeline_template_id``
                gives it (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.offers import get_pipeline_template

        request = partial(
            get_pipeline_template.sync_detailed,
            self.company_id,
            positive_int("pipeline_template_id", pipeline_template_id),
        )
        expect = member_of(
            models.PipelineTemplateEnvelope, "pipeline_template", models.PipelineTemplate
        )
        return Call(request, expect)

    @operation("List Departments", example={})
    def list_departments(self) -> Call[list[models.Department]]:
        """The company's departments, each with how many offers it holds (an offer's
        ``department_id``). Not paged: Recruitee sent all of them in one answer (2022
        evidence)."""
        from hirelink.api.recruitee.api.departments import list_departments

        request = partial(list_departments.sync_detailed, self.company_id)
        expect = instance_of(models.DepartmentList)
        return Call(request, expect).map(_all_departments)

    # --- placements: where a candidate stands in a job ------------------------------

    @operation("Create Placement", example={"candidate_id": 7730011, "offer_id": 31455})
    def create_placement(self, candidate_id: int, offer_id: int) -> Call[models.Placement]:
        """Place an existing candidate in a job (or talent pool), at its default stage.

        The endpoint is inferred from one third-party client. Not retried after a server
        error, so a candidate is never placed twice.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            offer_id: The job or talent pool to place the candidate in (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.placements import create_placement

        body = models.PlacementCreateRequest(
            candidate_id=self._candidate_id(candidate_id),
            offer_id=positive_int("offer_id", offer_id),
        )
        request = partial(create_placement.sync_detailed, self.company_id, body=body)
        return _placement_call(request)

    @operation("Change Placement Stage", example={"placement_id": 990014, "stage_id": 610003})
    def change_placement_stage(
        self,
        placement_id: int,
        *,
        stage_id: int | None = None,
        stage_name: str | None = None,
        offer_id: int | None = None,
        proceed: bool | None = None,
        hired_at: datetime | date | None = None,
        job_starts_at: datetime | date | None = None,
        work_location_id: int | None = None,
        opening_id: int | None = None,
    ) -> Flow[models.Placement]:
        """Move the candidate, in one job, to another stage of the job's pipeline.

        Give ``stage_id``, or ``stage_name`` together with the placement's ``offer_id``:
        the name is looked up (case-insensitively) in that job's pipeline first, and a
        name the pipeline lacks raises ``InvalidInputError`` listing the stages it has.
        The ``offer_id`` must be the placement's own job (each job has its own stage ids,
        which the sandbox's jobs share); a talent pool has no stages and is refused.
        ``proceed`` is passed on as Recruitee's ``proceed`` flag.

        For a move to a hire stage (such as Hired): ``hired_at`` (sent in UTC; Recruitee
        stamps the move's time without it), ``job_starts_at`` (a date is sent as
        ``YYYY-MM-DD``), ``work_location_id`` and ``opening_id``, sent as given. The
        members are the ones third-party clients send; what Recruitee does with each is
        inferred.

        Args:
            placement_id: The placement's id: the candidate's place in one job or talent pool (a
                whole number >= 1).
            stage_id: The id of the stage to move to (a whole number >= 1). Give either ``stage_id``
                or ``stage_name``, not both.
            stage_name: The name of the stage to move to, looked up case-insensitively in the
                pipeline of ``offer_id``: give it, together with ``offer_id``, when ``stage_id`` is
                not given.
            offer_id: The placement's own job (a whole number >= 1), whose pipeline ``stage_name``
                is looked up in: required with ``stage_name``, refused with ``stage_id``.
            proceed: Recruitee's ``proceed`` flag (True or False), sent as given; Recruitee does not
                document what it does.
            hired_at: For a move to a hire stage: when the candidate was hired, a datetime with a
                time zone (sent in UTC) or a date (its midnight UTC). Left out, Recruitee stamps the
                time of the move.
            job_starts_at: For a move to a hire stage: when the job starts, a date (sent as
                YYYY-MM-DD) or a datetime with a time zone (sent in UTC).
            work_location_id: For a move to a hire stage: the id of the work location (a whole
                number >= 1), sent as given; what Recruitee does with it is inferred.
            opening_id: For a move to a hire stage: the id of the job's opening (a whole
                number >= 1), sent as given; what Recruitee does with it is inferred.
        """
        placement_id = positive_int("placement_id", placement_id)
        extras = _STAGE_CHANGE.wire(
            {
                "proceed": proceed,
                "hired_at": hired_at,
                "job_starts_at": job_starts_at,
                "work_location_id": work_location_id,
                "opening_id": opening_id,
            }
        )
        if (stage_id is None) == (stage_name is None):
            raise InvalidInputError("stage_id", "give either stage_id or stage_name")
        if stage_id is not None:
            if offer_id is not None:
                raise InvalidInputError("offer_id", "is only used to look up stage_name")
            stage_call = self._stage_call(placement_id, positive_int("stage_id", stage_id), extras)
            return _in_order([stage_call])
        name = non_empty_str("stage_name", stage_name, strip=True)
        if offer_id is None:
            raise InvalidInputError("offer_id", "is required with stage_name (the job's pipeline)")
        offer_call = RecruiteeOperations.get_offer.prepare(self, offer_id)
        return self._move_by_name(placement_id, offer_call, name, extras)

    def _move_by_name(
        self,
        placement_id: int,
        offer_call: Call[models.Offer],
        name: str,
        extras: dict[str, object],
    ) -> Flow[models.Placement]:
        offer: models.Offer = yield offer_call
        if offer.kind == "talent_pool":  # live placements in a pool carry its id as offer_id
            raise InvalidInputError(
                "offer_id", f"offer {offer.id} is a talent pool: it has no stages to move to"
            )
        stages = _pipeline_stages(offer)
        if not stages and isinstance(offer.pipeline_template_id, int):
            fetch_template = RecruiteeOperations.get_pipeline_template.prepare
            template: models.PipelineTemplate = yield fetch_template(
                self, offer.pipeline_template_id
            )
            stages = _stages_of(template)
        stage_id = _id_named("stage_name", name, stages)
        placement: models.Placement = yield self._stage_call(placement_id, stage_id, extras)
        return placement

    def _stage_call(
        self, placement_id: int, stage_id: int, extras: dict[str, object]
    ) -> Call[models.Placement]:
        from hirelink.api.recruitee.api.placements import change_placement_stage

        body = models.PlacementStageChangeRequest.from_dict({"stage_id": stage_id, **extras})
        request = partial(
            change_placement_stage.sync_detailed, self.company_id, placement_id, body=body
        )
        return _placement_call(request)

    @operation("List Disqualify Reasons", example={})
    def list_disqualify_reasons(self) -> Call[list[models.DisqualifyReason]]:
        """The company's reasons for disqualifying a candidate."""
        from hirelink.api.recruitee.api.placements import list_disqualify_reasons

        request = partial(list_disqualify_reasons.sync_detailed, self.company_id)
        expect = instance_of(models.DisqualifyReasonList)
        return Call(request, expect).map(lambda listed: listed.disqualify_reasons)

    @operation("Disqualify Placement", example={"placement_id": 990014, "reason_id": 301})
    def disqualify_placement(
        self, placement_id: int, *, reason_id: int | None = None, reason_name: str | None = None
    ) -> Flow[models.Placement]:
        """Disqualify the candidate in one job, with one of the company's reasons.

        Give ``reason_id``, or ``reason_name``: the name is looked up (case-insensitively)
        in :meth:`list_disqualify_reasons` first, and a name the company lacks raises
        ``InvalidInputError`` listing the reasons it has.

        Args:
            placement_id: The placement's id: the candidate's place in one job or talent pool (a
                whole number >= 1).
            reason_id: The id of one of the company's disqualify reasons (a whole number >= 1). Give
                either ``reason_id`` or ``reason_name``, not both.
            reason_name: The name of one of the company's disqualify reasons, looked up
                case-insensitively: give it when ``reason_id`` is not given.
        """
        placement_id = positive_int("placement_id", placement_id)
        if (reason_id is None) == (reason_name is None):
            raise InvalidInputError("reason_id", "give either reason_id or reason_name")
        if reason_id is not None:
            return _in_order(
                [self._disqualify_call(placement_id, positive_int("reason_id", reason_id))]
            )
        reasons_call = RecruiteeOperations.list_disqualify_reasons.prepare(self)
        return self._disqualify_by_name(
            placement_id, reasons_call, non_empty_str("reason_name", reason_name, strip=True)
        )

    def _disqualify_by_name(
        self,
        placement_id: int,
        reasons_call: Call[list[models.DisqualifyReason]],
        name: str,
    ) -> Flow[models.Placement]:
        reasons: list[models.DisqualifyReason] = yield reasons_call
        reason_id = _id_named("reason_name", name, reasons)
        placement: models.Placement = yield self._disqualify_call(placement_id, reason_id)
        return placement

    def _disqualify_call(self, placement_id: int, reason_id: int) -> Call[models.Placement]:
        from hirelink.api.recruitee.api.placements import disqualify_placement

        body = models.PlacementDisqualifyRequest(disqualify_reason_id=reason_id)
        request = partial(
            disqualify_placement.sync_detailed, self.company_id, placement_id, body=body
        )
        return _placement_call(request)

    @operation("Requalify Placement", example={"placement_id": 990014})
    def requalify_placement(self, placement_id: int) -> Call[models.Placement]:
        """Undo a disqualification in one job (the endpoint is inferred).

        Args:
            placement_id: The placement's id: the candidate's place in one job or talent pool (a
                whole number >= 1).
        """
        from hirelink.api.recruitee.api.placements import requalify_placement

        request = partial(
            requalify_placement.sync_detailed,
            self.company_id,
            positive_int("placement_id", placement_id),
        )
        return _placement_call(request)

    @operation("Delete Placement", example={"placement_id": 990013})
    def delete_placement(self, placement_id: int) -> Call[models.Placement]:
        """Take the candidate out of one job or talent pool; return the placement as it
        was. The candidate stays in the company's database, and in their other jobs.

        Args:
            placement_id: The placement's id: the candidate's place in one job or talent pool (a
                whole number >= 1).
        """
        from hirelink.api.recruitee.api.placements import delete_placement

        request = partial(
            delete_placement.sync_detailed,
            self.company_id,
            positive_int("placement_id", placement_id),
        )
        return _placement_call(request)

    # --- profile fields, tasks, files -----------------------------------------------

    @operation(
        "Set Candidate Field",
        example={"candidate_id": 7730011, "name": "Identity check", "value": "passed"},
    )
    def set_candidate_field(
        self, candidate_id: int, name: str, value: str | bool | date
    ) -> Call[models.CandidateField]:
        """Write a profile field on the candidate, shown on the profile under ``name``.

        The field's kind follows the value: a ``str`` is a ``single_line`` field, a
        ``bool`` a ``boolean`` one, a ``date`` a ``date`` one. The endpoint is Recruitee's;
        the body (and so these kinds) is inferred from one third-party client.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            name: The field's name, shown on the profile (non-empty text).
            value: The field's value, which decides its kind: non-empty text a ``single_line``
                field, True or False a ``boolean`` one, a date (YYYY-MM-DD) a ``date`` one; a
                datetime is refused.
        """
        from hirelink.api.recruitee.api.candidates import create_candidate_field

        field_name = non_empty_str("name", name)
        kind, entry = _field_entry(value)
        field = {"kind": kind, "name": field_name, "values": [entry]}
        body = models.CandidateFieldCreateRequest.from_dict({"field": field})
        request = partial(
            create_candidate_field.sync_detailed,
            self.company_id,
            self._candidate_id(candidate_id),
            body=body,
        )
        return Call(
            request, member_of(models.CandidateFieldEnvelope, "field", models.CandidateField)
        )

    @operation(
        "Retrieve Candidate Field", example={"candidate_id": 7730011, "name": "Identity check"}
    )
    def get_candidate_field(
        self, candidate_id: int, name: str
    ) -> Call[models.CandidateField | None]:
        """The candidate's profile field named ``name`` (its case and Unicode form aside:
        :func:`~hirelink.core.validation.name_key`), or None.

        Recruitee's built-in profile fields (``education``, ``experience``, ``skills``,
        ``language_skill``, ``address``, ``date_of_birth``, ``gender``) carry no name: when
        no field has the name, a field without one whose ``kind`` is ``name`` is returned,
        so ``get_candidate_field(id, "skills")`` reads the skills.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            name: The field's name, or the kind of a built-in field such as ``skills``
                (non-empty text); its case, surrounding spaces and Unicode form do not matter.
        """
        from hirelink.api.recruitee.api.candidates import get_candidate

        wanted = name_key(non_empty_str("name", name, strip=True))
        request = partial(
            get_candidate.sync_detailed, self.company_id, self._candidate_id(candidate_id)
        )
        return _candidate_call(request).map(lambda candidate: _field_named(candidate, wanted))

    @operation(
        "Create Task",
        example={
            "candidate_id": 7730011,
            "title": "Review the identity check",
            "due_date": "2026-01-15T09:00:00Z",
        },
    )
    def create_task(
        self,
        candidate_id: int,
        title: str,
        *,
        due_date: datetime | date | None = None,
        description: str | None = None,
        timezone: str | None = None,
    ) -> Call[models.Task]:
        """Create a to-do for the hiring team about the candidate, due at ``due_date``.

        ``description`` holds the details; ``timezone`` is the zone the task is shown in
        (sent as given: its form is not documented). A ``due_date`` given as a date is
        its midnight in ``timezone`` when that is a zone name such as ``Europe/Berlin``,
        else its midnight UTC (the evening before, west of UTC). Not retried after a
        server error, so a task is never created twice.

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
            title: The task's title (non-empty text).
            due_date: When the task is due: a datetime with a time zone (sent in UTC), or a date,
                which is its midnight in ``timezone`` when that is a zone name such as
                ``Europe/Berlin``, else its midnight UTC.
            description: The task's details (non-empty text).
            timezone: The time zone the task is shown in (non-empty text), sent as given: Recruitee
                does not document its form. A zone name such as ``Europe/Berlin`` also places a
                ``due_date`` given as a date.
        """
        from hirelink.api.recruitee.api.tasks import create_task

        if isinstance(due_date, date) and not isinstance(due_date, datetime) and timezone:
            due_date = _midnight_in(due_date, non_empty_str("timezone", timezone))
        task = {
            "candidate_id": self._candidate_id(candidate_id),
            "title": non_empty_str("title", title),
            **_TASK.wire({"description": description, "due_date": due_date, "timezone": timezone}),
        }
        body = models.TaskCreateRequest.from_dict({"task": task})
        request = partial(create_task.sync_detailed, self.company_id, body=body)
        return Call(request, member_of(models.TaskEnvelope, "task", models.Task))

    @operation("List Candidate Attachments", example={"candidate_id": 7730013})
    def list_candidate_attachments(self, candidate_id: int) -> Call[list[models.Attachment]]:
        """The files on the candidate's profile (the endpoint is inferred).

        Args:
            candidate_id: The candidate's Recruitee id (a whole number >= 1).
        """
        from hirelink.api.recruitee.api.candidates import list_candidate_attachments

        request = partial(
            list_candidate_attachments.sync_detailed,
            self.company_id,
            self._candidate_id(candidate_id),
        )
        return Call(request, member_of(models.AttachmentList, "attachments", list))


def _placement_call(request: partial[Any]) -> Call[models.Placement]:
    return Call(request, instance_of(models.PlacementEnvelope)).map(lambda found: found.placement)


def _profile_then_cv(
    profile_call: Call[models.Candidate],
    fields: list[str],
    cv_call: Call[models.Candidate] | None,
) -> Flow[models.Candidate]:
    """The profile update, then the CV's; a failing CV step says the profile was changed."""
    candidate: models.Candidate = yield profile_call
    if cv_call is None:
        return candidate
    try:
        candidate = yield cv_call
    except BaseException as error:  # a hirelink error, or an interruption (Ctrl-C)
        error.add_note(
            f"the profile update ({', '.join(fields)}) was applied; only the CV "
            "replacement failed. Repeating the whole call is safe."
        )
        raise
    return candidate


def _in_order(calls: list[Call[Result]]) -> Flow[Result]:
    # Built before the flow starts, so bad arguments raise at the method call.
    result: Result | None = None
    for call in calls:
        result = yield call
    assert result is not None
    return result


def _stages_of(template: object) -> list[models.PipelineStage]:
    stages = getattr(template, "stages", None)
    return (
        [stage for stage in stages if isinstance(stage, models.PipelineStage)]
        if isinstance(stages, list)
        else []
    )


def _pipeline_stages(offer: models.Offer) -> list[models.PipelineStage]:
    return _stages_of(offer.pipeline_template)


class _Named(Protocol):
    @property
    def id(self) -> object: ...

    @property
    def name(self) -> object: ...


def _id_named(field: str, name: str, known: Sequence[_Named]) -> int:
    """The id of the item called ``name`` (:func:`~hirelink.core.validation.name_key`);
    else the names there are."""
    wanted = name_key(name)
    found = [
        (item.name == name.strip(), item.id)
        for item in known
        if isinstance(item.name, str) and isinstance(item.id, int) and name_key(item.name) == wanted
    ]
    if found:
        # The name as written first: "Kir" is not "K\u0131r" (dotless), though they fold
        # alike; else the first listed (max keeps the first of equals).
        return max(found, key=lambda exact_and_id: exact_and_id[0])[1]
    names = [item.name for item in known if isinstance(item.name, str)]
    there = ", ".join(repr(n) for n in names) if names else "none"
    raise InvalidInputError(
        field, f"no {field.removesuffix('_name')} named {name!r}; there are: {there}"
    )


def _field_entry(value: object) -> tuple[str, dict[str, object]]:
    if isinstance(value, bool):
        return "boolean", {"flag": value}
    if isinstance(value, datetime):
        raise InvalidInputError("value", "must be a str, a bool or a date (not a datetime)")
    if isinstance(value, date):
        return "date", {"date": value.isoformat()}
    if isinstance(value, str):
        return "single_line", {"text": non_empty_str("value", value)}
    raise InvalidInputError("value", f"must be a str, a bool or a date, got {type(value).__name__}")


def _field_named(candidate: models.Candidate, wanted: str) -> models.CandidateField | None:
    """The candidate's field of that name, else the built-in (nameless) field of that kind;
    of several (written twice), the last, newest."""
    fields = candidate.fields if isinstance(candidate.fields, list) else []
    named = [f for f in fields if isinstance(f.name, str) and name_key(f.name) == wanted]
    if not named:  # built-in fields only: a company field's kind (single_line) is no name
        named = [f for f in fields if not isinstance(f.name, str) and _kind_key(f) == wanted]
    return named[-1] if named else None


def _kind_key(field: models.CandidateField) -> str | None:
    return name_key(field.kind) if isinstance(field.kind, str) else None
