"""``Recruitee`` and ``AsyncRecruitee``: the Recruitee ATS API, one method per operation."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Literal, Unpack

import httpx

from hirelink.api.recruitee import Client
from hirelink.api.recruitee.models import (
    Candidate,
    CandidateList,
    CandidateListItem,
    ListOffersKind,
    ListOffersScope,
    ListOffersViewMode,
    Note,
    NoteVisibilityInputLevel,
    Offer,
)
from hirelink.core import (
    AsyncProviderClient,
    ClientOptions,
    HeaderAuth,
    HttpConfig,
    ProviderClient,
    Secret,
)

from ._requests import CandidateFilters, CandidateProfile, NewCandidate, RecruiteeRequests

DEFAULT_BASE_URL = "https://api.recruitee.com"
RC_BASE_URL = "https://api.rc.recruitee.dev"
"""Recruitee's release-candidate environment (for partners developing integrations)."""

DEFAULT_PAGE_SIZE = 100

OfferKind = Literal["job", "talent_pool"] | ListOffersKind
OfferScope = Literal["archived", "active", "not_archived"] | ListOffersScope
OfferViewMode = Literal["default", "brief"] | ListOffersViewMode
NoteVisibility = Literal["public", "private"] | NoteVisibilityInputLevel


def _config(token: str | Secret, options: ClientOptions) -> HttpConfig:
    return HttpConfig.from_options(
        options,
        default_base_url=DEFAULT_BASE_URL,
        auth=HeaderAuth.bearer(Secret.coerce(token, field="token")),
    )


def _candidate_key(candidate: CandidateListItem) -> int:
    return candidate.id


class Recruitee(ProviderClient):
    """A Recruitee company, reached with a personal API token.

    Args:
        company_id: the numeric company id (after ``company=`` in the app's URL) or the
            company's subdomain.
        token: a personal API token (Settings > Apps and plugins > Personal API tokens).
            It acts with its creator's permissions and never expires unless revoked.
        httpx_client: your own ``httpx.Client`` (proxies, TLS, limits); requests go out
            through it with hirelink's auth, retries and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's retry transport.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (production by
            default; :data:`RC_BASE_URL` or a sandbox URL), ``timeout`` (seconds or an
            ``httpx.Timeout``), ``max_retries`` (resends after 408/429/5xx and connection
            failures; POST and PATCH only when the server cannot have processed them),
            ``headers`` (e.g. Recruitee's ``x-recruitee-partner-name`` and
            ``x-recruitee-partner-id`` for marketplace apps).

    Every method raises :class:`hirelink.core.InvalidInputError` for bad arguments
    (before sending anything) and :class:`hirelink.core.ApiError` subclasses for error
    answers. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        company_id: int | str,
        token: str | Secret,
        *,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._requests = RecruiteeRequests(company_id)
        config = _config(token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)

    def __repr__(self) -> str:
        return f"Recruitee(company_id={self._requests.company_id!r}, base_url={self.base_url!r})"

    def list_candidates(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> CandidateList:
        """One page of candidates (reduced records), with side-loaded ``references``.

        Without ``limit`` and ``offset`` Recruitee returns every candidate at once, which
        can be slow for big companies: prefer :meth:`iter_candidates`. Filters:
        ``created_after``, ``qualified``, ``disqualified``, ``offer_id``, ``ids``,
        ``query``, ``sort``, ``with_messages``, ``with_my_messages`` (see
        :class:`~hirelink.recruitee.CandidateFilters`). The boolean filters accept only
        ``True``: Recruitee cannot filter for the opposite.
        """
        return self._run(self._requests.list_candidates(limit=limit, offset=offset, **filters))

    def iter_candidates(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[CandidateFilters]
    ) -> Iterator[CandidateListItem]:
        """Every candidate matching ``filters``, fetched lazily ``page_size`` at a time.

        Stops after the first short page. A candidate that slides from one page onto the
        next while new candidates arrive is yielded once.
        """
        return self._walk_offsets(
            lambda offset, limit: self._requests.candidate_page(offset, limit, **filters),
            page_size=page_size,
            key=_candidate_key,
        )

    def get_candidate(self, candidate_id: int) -> Candidate:
        """The full candidate record (contact data, CV, tags, sources, profile fields)."""
        return self._run(self._requests.get_candidate(candidate_id))

    def create_candidate(self, name: str, **fields: Unpack[NewCandidate]) -> Candidate:
        """Add a candidate (as if added by hand: no confirmation e-mail is sent).

        ``offer_ids`` places the candidate in the first stage of each of those offers.
        Not retried after a server error, so a candidate is never created twice.
        """
        return self._run(self._requests.create_candidate(name, **fields))

    def update_candidate(self, candidate_id: int, **changes: Unpack[CandidateProfile]) -> Candidate:
        """Change only the given profile fields; list fields replace the stored list.

        Fields: ``name``, ``emails``, ``phones``, ``social_links``, ``links``,
        ``cover_letter``, ``remote_cv_url``. At least one is required. A new
        ``remote_cv_url`` is sent to Recruitee's CV endpoint (a second request).
        """
        return self._run_in_order(self._requests.update_candidate(candidate_id, **changes))

    def update_candidate_cv(self, candidate_id: int, remote_cv_url: str) -> Candidate:
        """Replace the CV with the file at a public URL (Recruitee downloads it)."""
        return self._run(self._requests.update_candidate_cv(candidate_id, remote_cv_url))

    def delete_candidate(self, candidate_id: int) -> Candidate:
        """Delete a candidate; returns the record as it was, with ``deleted_at``."""
        return self._run(self._requests.delete_candidate(candidate_id))

    def list_candidate_notes(self, candidate_id: int) -> list[Note]:
        """The candidate's notes."""
        return self._run(self._requests.list_candidate_notes(candidate_id))

    def create_candidate_note(
        self, candidate_id: int, body: str, *, visibility: NoteVisibility = "public"
    ) -> Note:
        """Add a note to the candidate's profile (``public`` or ``private``)."""
        return self._run(
            self._requests.create_candidate_note(candidate_id, body, visibility=visibility)
        )

    def add_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Candidate:
        """Add tags (existing tags stay); returns the updated candidate."""
        return self._run(self._requests.add_candidate_tags(candidate_id, tags))

    def remove_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Candidate:
        """Remove tags; returns the updated candidate."""
        return self._run(self._requests.remove_candidate_tags(candidate_id, tags))

    def list_offers(
        self,
        *,
        kind: OfferKind | None = None,
        scope: OfferScope | None = None,
        view_mode: OfferViewMode | None = None,
    ) -> list[Offer]:
        """Jobs and talent pools (all of them: Recruitee does not page this list).

        ``kind``: ``job`` or ``talent_pool``; ``scope``: ``active`` (published, internal,
        closed), ``archived`` or ``not_archived``; ``view_mode="brief"`` returns only id,
        title, status and kind.
        """
        return self._run(self._requests.list_offers(kind=kind, scope=scope, view_mode=view_mode))

    def get_offer(self, offer_id: int) -> Offer:
        """One job or talent pool."""
        return self._run(self._requests.get_offer(offer_id))


class AsyncRecruitee(AsyncProviderClient):
    """The async twin of :class:`Recruitee`: same arguments, same methods, awaited.

    ``iter_candidates`` returns an async iterator (``async for``).
    """

    def __init__(
        self,
        company_id: int | str,
        token: str | Secret,
        *,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._requests = RecruiteeRequests(company_id)
        config = _config(token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)

    def __repr__(self) -> str:
        return (
            f"AsyncRecruitee(company_id={self._requests.company_id!r}, base_url={self.base_url!r})"
        )

    async def list_candidates(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> CandidateList:
        """See :meth:`Recruitee.list_candidates`."""
        return await self._run(
            self._requests.list_candidates(limit=limit, offset=offset, **filters)
        )

    def iter_candidates(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[CandidateFilters]
    ) -> AsyncIterator[CandidateListItem]:
        """See :meth:`Recruitee.iter_candidates`; use with ``async for``."""
        return self._walk_offsets(
            lambda offset, limit: self._requests.candidate_page(offset, limit, **filters),
            page_size=page_size,
            key=_candidate_key,
        )

    async def get_candidate(self, candidate_id: int) -> Candidate:
        """See :meth:`Recruitee.get_candidate`."""
        return await self._run(self._requests.get_candidate(candidate_id))

    async def create_candidate(self, name: str, **fields: Unpack[NewCandidate]) -> Candidate:
        """See :meth:`Recruitee.create_candidate`."""
        return await self._run(self._requests.create_candidate(name, **fields))

    async def update_candidate(
        self, candidate_id: int, **changes: Unpack[CandidateProfile]
    ) -> Candidate:
        """See :meth:`Recruitee.update_candidate`."""
        return await self._run_in_order(self._requests.update_candidate(candidate_id, **changes))

    async def update_candidate_cv(self, candidate_id: int, remote_cv_url: str) -> Candidate:
        """See :meth:`Recruitee.update_candidate_cv`."""
        return await self._run(self._requests.update_candidate_cv(candidate_id, remote_cv_url))

    async def delete_candidate(self, candidate_id: int) -> Candidate:
        """See :meth:`Recruitee.delete_candidate`."""
        return await self._run(self._requests.delete_candidate(candidate_id))

    async def list_candidate_notes(self, candidate_id: int) -> list[Note]:
        """See :meth:`Recruitee.list_candidate_notes`."""
        return await self._run(self._requests.list_candidate_notes(candidate_id))

    async def create_candidate_note(
        self, candidate_id: int, body: str, *, visibility: NoteVisibility = "public"
    ) -> Note:
        """See :meth:`Recruitee.create_candidate_note`."""
        return await self._run(
            self._requests.create_candidate_note(candidate_id, body, visibility=visibility)
        )

    async def add_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Candidate:
        """See :meth:`Recruitee.add_candidate_tags`."""
        return await self._run(self._requests.add_candidate_tags(candidate_id, tags))

    async def remove_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Candidate:
        """See :meth:`Recruitee.remove_candidate_tags`."""
        return await self._run(self._requests.remove_candidate_tags(candidate_id, tags))

    async def list_offers(
        self,
        *,
        kind: OfferKind | None = None,
        scope: OfferScope | None = None,
        view_mode: OfferViewMode | None = None,
    ) -> list[Offer]:
        """See :meth:`Recruitee.list_offers`."""
        return await self._run(
            self._requests.list_offers(kind=kind, scope=scope, view_mode=view_mode)
        )

    async def get_offer(self, offer_id: int) -> Offer:
        """See :meth:`Recruitee.get_offer`."""
        return await self._run(self._requests.get_offer(offer_id))
