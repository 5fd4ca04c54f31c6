"""``Personio`` and ``AsyncPersonio``: Personio's recruiting APIs, one method per operation.

Both hosts go through one httpx client (one connection pool, one set of hooks): the API
host is its base URL, the career-site host of the XML feed is addressed by absolute URL.
:class:`~hirelink.personio._auth.PersonioAuth` gives each request the credential its
path needs and nothing to the feed host.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Final, Unpack

import httpx

from hirelink.api.personio import Client
from hirelink.api.personio.models import (
    Application,
    ApplicationList,
    ApplicationRequest,
    Candidate,
    CandidateList,
    Category,
    Job,
    JobList,
    Person,
    PersonList,
    StageTransition,
    UploadedDocument,
)
from hirelink.core import (
    AsyncProviderClient,
    ClientCredentialsAuth,
    ClientOptions,
    HeaderAuth,
    HttpConfig,
    InvalidInputError,
    ProviderClient,
    RateLimit,
    Secret,
)

from ._auth import PersonioAuth
from ._errors import refine_personio_error
from ._requests import (
    DEFAULT_API_BASE_URL,
    DEFAULT_JOBS_BASE_URL,
    MAX_PERSONS_PAGE_SIZE,
    MAX_RECRUITING_PAGE_SIZE,
    ApplicationFilters,
    CandidateFilters,
    Credentials,
    JobFilters,
    Language,
    NewApplication,
    PersonFilters,
    PersonioRequests,
)
from .connection import ConnectionCheck, arun_checks, connection_flow, run_checks
from .documents import DocumentFile
from .positions import JobPosition

__all__ = [
    "DEFAULT_API_BASE_URL",
    "DEFAULT_JOBS_BASE_URL",
    "RECRUITING_REQUESTS_PER_WINDOW",
    "RECRUITING_WINDOW",
    "AsyncPersonio",
    "Personio",
]

RECRUITING_REQUESTS_PER_WINDOW: Final = 20
RECRUITING_WINDOW: Final = 60.0
"""Personio's Recruiting API limit: 20 requests per 60 s per company, uploads and
submissions together."""


def _setup(
    credentials: Credentials,
    api_base_url: str | None,
    jobs_base_url: str | None,
    recruiting_rate_window: float,
    options: ClientOptions,
) -> tuple[HttpConfig, PersonioRequests, PersonioAuth]:
    if "base_url" in options:
        raise InvalidInputError(
            "base_url", "Personio has two hosts: pass api_base_url= and/or jobs_base_url="
        )
    api = (api_base_url or DEFAULT_API_BASE_URL).rstrip("/")
    jobs = jobs_base_url or DEFAULT_JOBS_BASE_URL
    for field, url in (("api_base_url", api), ("jobs_base_url", jobs)):
        if not url.startswith(("https://", "http://")):
            raise InvalidInputError(field, f"must be an http(s) URL, got {url!r}")
    if isinstance(recruiting_rate_window, bool) or not (
        isinstance(recruiting_rate_window, int | float) and recruiting_rate_window > 0
    ):
        raise InvalidInputError(
            "recruiting_rate_window",
            f"must be a positive number of seconds, got {recruiting_rate_window!r}",
        )
    oauth = None
    if credentials.client_id is not None and credentials.client_secret is not None:
        oauth = ClientCredentialsAuth(
            f"{api}/v2/auth/token", credentials.client_id, credentials.client_secret
        )
    token = credentials.recruiting_token
    auth = PersonioAuth(
        api,
        recruiting=None if token is None else HeaderAuth.bearer(token),
        company_id=credentials.company_id,
        oauth=oauth,
    )
    limits = []
    if credentials.company_id is not None:
        limits.append(
            RateLimit.shared(
                f"personio-recruiting:{credentials.company_id}",
                requests=RECRUITING_REQUESTS_PER_WINDOW,
                per=recruiting_rate_window,
                paths=httpx.URL(api).path.rstrip("/") + "/v1/recruiting/applications",
                # Personio counts arrivals, we count departures: a second a minute of slack.
                headroom=recruiting_rate_window / 60,
            )
        )
    config = HttpConfig.from_options(
        options,
        default_base_url=api,
        auth=auth,
        refine_error=refine_personio_error,
        rate_limits=limits,
    )
    return config, PersonioRequests(credentials, jobs_base_url=jobs), auth


def _describe(name: str, credentials: Credentials, base_url: str) -> str:
    return (
        f"{name}(subdomain={credentials.subdomain!r}, credentials={list(credentials.given)!r}, "
        f"api_base_url={base_url!r})"
    )


class Personio(ProviderClient):
    """A Personio company, reached with the credentials of Personio's connection flow.

    Args:
        subdomain: the API domain: the subdomain of the Personio login page
            (``acme`` for ``https://acme.personio.de``). Opens the XML job feed.
        company_id, recruiting_token: the Company ID and Access token of the
            "Recruiting API key" (Settings > Integrations > API credentials). Needed to
            upload documents and create applications.
        channel_id: the "Recruiting API channel ID" of the channel the customer created
            for you (Settings > Recruiting > Channels); new applications are attributed
            to it unless ``recruiting_channel_id`` says otherwise.
        client_id, client_secret: a custom integration's client ID and API secret
            (Marketplace > Create custom integration). Needed for the v2 reads; tokens
            are fetched, cached and renewed automatically.
        api_base_url: the API host (``https://api.personio.de``), e.g. a sandbox.
        jobs_base_url: the career-site host of the XML feed; ``{subdomain}`` in it is
            replaced (default ``https://{subdomain}.jobs.personio.de``).
        recruiting_rate_window: seconds of the Recruiting API's rate window (60): at
            most 20 uploads and submissions per window per company, across every client
            of the process. Only a sandbox with a shorter window needs another value.
        httpx_client: your own ``httpx.Client``; requests go out through it with
            hirelink's auth, retries, rate limits and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's rate-limit and retry
            transports.
        **options: :class:`hirelink.core.ClientOptions` except ``base_url``:
            ``timeout``, ``max_retries``, ``headers`` (e.g. Personio's recommended
            ``X-Personio-Partner-ID`` and ``X-Personio-App-ID``).

    Each operation needs only its own credentials; calling one without them raises
    :class:`~hirelink.core.InvalidInputError` naming the credential and where to find
    it. API failures raise :class:`~hirelink.core.ApiError` subclasses.
    """

    def __init__(
        self,
        subdomain: str,
        company_id: int | str | None = None,
        recruiting_token: str | Secret | None = None,
        channel_id: int | str | None = None,
        client_id: str | None = None,
        client_secret: str | Secret | None = None,
        *,
        api_base_url: str | None = None,
        jobs_base_url: str | None = None,
        recruiting_rate_window: float = RECRUITING_WINDOW,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        credentials = Credentials.create(
            subdomain, company_id, recruiting_token, channel_id, client_id, client_secret
        )
        config, self._requests, self._auth = _setup(
            credentials, api_base_url, jobs_base_url, recruiting_rate_window, options
        )
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)

    def __repr__(self) -> str:
        return _describe("Personio", self._requests.credentials, self.base_url)

    @property
    def feed_url(self) -> str:
        """The XML job feed's URL."""
        return self._requests.feed_url

    # --- XML feed ---------------------------------------------------------------------

    def list_job_positions(self, *, language: Language = "de") -> list[JobPosition]:
        """The published positions of the XML job feed (no credentials needed).

        ``language``: ``de``, ``en``, ``fr``, ``es``, ``nl``, ``it`` or ``pt``; only
        languages enabled for the career site are available. A disabled feed or an
        unknown subdomain raises :class:`~hirelink.core.NotFoundError` saying so.
        """
        return self._run(self._requests.list_job_positions(language))

    # --- Recruiting API v1 -----------------------------------------------------------

    def upload_document(
        self, file: DocumentFile, *, filename: str | None = None
    ) -> UploadedDocument:
        """Upload one file (at most 20 MB, a type Personio accepts) for a later application.

        ``file`` is bytes (then ``filename`` is required), a path or a binary file
        object. Returns the stored document; pass it in ``documents`` of
        :meth:`create_application` (with a category) to attach it.
        """
        return self._run(self._requests.upload_document(file, filename=filename))

    def create_application(
        self,
        job_position_id: int,
        *,
        first_name: str,
        last_name: str,
        email: str,
        **fields: Unpack[NewApplication],
    ) -> ApplicationRequest:
        """Submit an application, uploading its ``documents`` first.

        Optional: ``recruiting_channel_id`` (defaults to the client's ``channel_id``),
        ``external_posting_id``, ``message``, ``application_date``, ``phase`` (a system
        phase name or a custom phase id), ``tags``, ``attributes`` (``phone``,
        ``gender``, ``birthday``, ``location``, ``available_from``,
        ``salary_expectations``, ``custom_attribute_<n>``) and ``documents``.
        Everything is validated before the first upload.

        Personio answers without a body, so this returns the application as submitted
        (with the uuids of the uploaded documents). A candidate who already applied
        raises :class:`~hirelink.core.DuplicateApplicationError`; other refusals raise
        the error their reason codes call for, with the codes in ``field_errors``.
        """
        plan = self._requests.create_application(
            job_position_id, first_name=first_name, last_name=last_name, email=email, **fields
        )
        uploaded = [self._run(upload) for upload in plan.uploads]
        return self._run(plan.submit(uploaded))

    # --- v2 recruiting ---------------------------------------------------------------

    def list_applications(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> ApplicationList:
        """One page of applications, most recently updated first.

        Filters: ``updated_after`` or ``updated_before`` (not both), ``candidate_email``.
        ``limit`` is 1 to 200; ``cursor`` comes from the previous page (see
        :func:`~hirelink.personio.next_cursor`). Prefer :meth:`iter_applications`.
        """
        return self._run(self._requests.list_applications(limit=limit, cursor=cursor, **filters))

    def iter_applications(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[ApplicationFilters]
    ) -> Iterator[Application]:
        """Every application matching ``filters``, fetched lazily page by page."""
        return self._walk_cursor(self._requests.application_pages(page_size, **filters))

    def get_application(self, application_id: str | int) -> Application:
        """One application."""
        return self._run(self._requests.get_application(application_id))

    def list_application_stage_transitions(
        self, application_id: str | int
    ) -> list[StageTransition]:
        """The stages an application went through, latest first."""
        return self._run(self._requests.list_application_stage_transitions(application_id))

    def list_candidates(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> CandidateList:
        """One page of candidates; filters ``updated_after`` or ``updated_before``, ``email``."""
        return self._run(self._requests.list_candidates(limit=limit, cursor=cursor, **filters))

    def iter_candidates(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[CandidateFilters]
    ) -> Iterator[Candidate]:
        """Every candidate matching ``filters``, fetched lazily page by page."""
        return self._walk_cursor(self._requests.candidate_pages(page_size, **filters))

    def get_candidate(self, candidate_id: str | int) -> Candidate:
        """One candidate."""
        return self._run(self._requests.get_candidate(candidate_id))

    def list_jobs(
        self, *, limit: int | None = None, cursor: str | None = None, **filters: Unpack[JobFilters]
    ) -> JobList:
        """One page of jobs (no descriptions: those are in the XML feed)."""
        return self._run(self._requests.list_jobs(limit=limit, cursor=cursor, **filters))

    def iter_jobs(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[JobFilters]
    ) -> Iterator[Job]:
        """Every job matching ``filters``, fetched lazily page by page."""
        return self._walk_cursor(self._requests.job_pages(page_size, **filters))

    def get_job(self, job_id: str | int) -> Job:
        """One job."""
        return self._run(self._requests.get_job(job_id))

    def list_categories(self) -> list[Category]:
        """Every job category (not paged)."""
        return self._run(self._requests.list_categories())

    def get_category(self, category_id: str | int) -> Category:
        """One job category."""
        return self._run(self._requests.get_category(category_id))

    # --- v2 persons ------------------------------------------------------------------

    def list_persons(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[PersonFilters],
    ) -> PersonList:
        """One page of persons (employees); ``limit`` is 1 to 50.

        Filters (combined with AND): ``ids``, ``emails``, ``first_name``, ``last_name``,
        ``preferred_name``, ``created_after``, ``created_before``, ``updated_after``,
        ``updated_before``, ``status`` (``ACTIVE`` or ``INACTIVE``).
        """
        return self._run(self._requests.list_persons(limit=limit, cursor=cursor, **filters))

    def iter_persons(
        self, *, page_size: int = MAX_PERSONS_PAGE_SIZE, **filters: Unpack[PersonFilters]
    ) -> Iterator[Person]:
        """Every person matching ``filters``, fetched lazily page by page."""
        return self._walk_cursor(self._requests.person_pages(page_size, **filters))

    def get_person(self, person_id: str | int) -> Person:
        """One person."""
        return self._run(self._requests.get_person(person_id))

    # --- tokens and connection -------------------------------------------------------

    def revoke_access_token(self) -> bool:
        """Revoke the cached v2 access token; the next v2 call fetches a new one.

        Returns False when no token was cached (nothing to revoke).
        """
        self._requests.credentials.require("revoke_access_token", "client_id", "client_secret")
        token = self._auth.oauth.invalidate() if self._auth.oauth else None
        if token is None:
            return False
        self._run(self._requests.revoke_access_token(token.value))
        return True

    def check_connection(self) -> list[ConnectionCheck]:
        """Check every credential of the connection flow; see :mod:`hirelink.personio.connection`.

        Returns one :class:`ConnectionCheck` each for the API domain and XML feed, the
        Recruiting API key, the channel ID, the client credentials and their recruiting
        scope, saying what to fix. Creates no data; never raises for API failures.
        """
        return run_checks(connection_flow(self._requests, self._granted_scopes), self._run)

    def _granted_scopes(self) -> tuple[str, ...]:
        token = self._auth.oauth.token if self._auth.oauth else None
        return token.scopes if token else ()


class AsyncPersonio(AsyncProviderClient):
    """The async twin of :class:`Personio`: same arguments, same methods, awaited.

    The ``iter_*`` methods return async iterators (``async for``).
    """

    def __init__(
        self,
        subdomain: str,
        company_id: int | str | None = None,
        recruiting_token: str | Secret | None = None,
        channel_id: int | str | None = None,
        client_id: str | None = None,
        client_secret: str | Secret | None = None,
        *,
        api_base_url: str | None = None,
        jobs_base_url: str | None = None,
        recruiting_rate_window: float = RECRUITING_WINDOW,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        credentials = Credentials.create(
            subdomain, company_id, recruiting_token, channel_id, client_id, client_secret
        )
        config, self._requests, self._auth = _setup(
            credentials, api_base_url, jobs_base_url, recruiting_rate_window, options
        )
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)

    def __repr__(self) -> str:
        return _describe("AsyncPersonio", self._requests.credentials, self.base_url)

    @property
    def feed_url(self) -> str:
        """The XML job feed's URL."""
        return self._requests.feed_url

    async def list_job_positions(self, *, language: Language = "de") -> list[JobPosition]:
        """See :meth:`Personio.list_job_positions`."""
        return await self._run(self._requests.list_job_positions(language))

    async def upload_document(
        self, file: DocumentFile, *, filename: str | None = None
    ) -> UploadedDocument:
        """See :meth:`Personio.upload_document`."""
        return await self._run(self._requests.upload_document(file, filename=filename))

    async def create_application(
        self,
        job_position_id: int,
        *,
        first_name: str,
        last_name: str,
        email: str,
        **fields: Unpack[NewApplication],
    ) -> ApplicationRequest:
        """See :meth:`Personio.create_application`."""
        plan = self._requests.create_application(
            job_position_id, first_name=first_name, last_name=last_name, email=email, **fields
        )
        uploaded = [await self._run(upload) for upload in plan.uploads]
        return await self._run(plan.submit(uploaded))

    async def list_applications(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> ApplicationList:
        """See :meth:`Personio.list_applications`."""
        return await self._run(
            self._requests.list_applications(limit=limit, cursor=cursor, **filters)
        )

    def iter_applications(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[ApplicationFilters]
    ) -> AsyncIterator[Application]:
        """See :meth:`Personio.iter_applications`; use with ``async for``."""
        return self._walk_cursor(self._requests.application_pages(page_size, **filters))

    async def get_application(self, application_id: str | int) -> Application:
        """See :meth:`Personio.get_application`."""
        return await self._run(self._requests.get_application(application_id))

    async def list_application_stage_transitions(
        self, application_id: str | int
    ) -> list[StageTransition]:
        """See :meth:`Personio.list_application_stage_transitions`."""
        return await self._run(self._requests.list_application_stage_transitions(application_id))

    async def list_candidates(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> CandidateList:
        """See :meth:`Personio.list_candidates`."""
        return await self._run(
            self._requests.list_candidates(limit=limit, cursor=cursor, **filters)
        )

    def iter_candidates(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[CandidateFilters]
    ) -> AsyncIterator[Candidate]:
        """See :meth:`Personio.iter_candidates`; use with ``async for``."""
        return self._walk_cursor(self._requests.candidate_pages(page_size, **filters))

    async def get_candidate(self, candidate_id: str | int) -> Candidate:
        """See :meth:`Personio.get_candidate`."""
        return await self._run(self._requests.get_candidate(candidate_id))

    async def list_jobs(
        self, *, limit: int | None = None, cursor: str | None = None, **filters: Unpack[JobFilters]
    ) -> JobList:
        """See :meth:`Personio.list_jobs`."""
        return await self._run(self._requests.list_jobs(limit=limit, cursor=cursor, **filters))

    def iter_jobs(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[JobFilters]
    ) -> AsyncIterator[Job]:
        """See :meth:`Personio.iter_jobs`; use with ``async for``."""
        return self._walk_cursor(self._requests.job_pages(page_size, **filters))

    async def get_job(self, job_id: str | int) -> Job:
        """See :meth:`Personio.get_job`."""
        return await self._run(self._requests.get_job(job_id))

    async def list_categories(self) -> list[Category]:
        """See :meth:`Personio.list_categories`."""
        return await self._run(self._requests.list_categories())

    async def get_category(self, category_id: str | int) -> Category:
        """See :meth:`Personio.get_category`."""
        return await self._run(self._requests.get_category(category_id))

    async def list_persons(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[PersonFilters],
    ) -> PersonList:
        """See :meth:`Personio.list_persons`."""
        return await self._run(self._requests.list_persons(limit=limit, cursor=cursor, **filters))

    def iter_persons(
        self, *, page_size: int = MAX_PERSONS_PAGE_SIZE, **filters: Unpack[PersonFilters]
    ) -> AsyncIterator[Person]:
        """See :meth:`Personio.iter_persons`; use with ``async for``."""
        return self._walk_cursor(self._requests.person_pages(page_size, **filters))

    async def get_person(self, person_id: str | int) -> Person:
        """See :meth:`Personio.get_person`."""
        return await self._run(self._requests.get_person(person_id))

    async def revoke_access_token(self) -> bool:
        """See :meth:`Personio.revoke_access_token`."""
        self._requests.credentials.require("revoke_access_token", "client_id", "client_secret")
        token = self._auth.oauth.invalidate() if self._auth.oauth else None
        if token is None:
            return False
        await self._run(self._requests.revoke_access_token(token.value))
        return True

    async def check_connection(self) -> list[ConnectionCheck]:
        """See :meth:`Personio.check_connection`."""
        return await arun_checks(connection_flow(self._requests, self._granted_scopes), self._run)

    def _granted_scopes(self) -> tuple[str, ...]:
        token = self._auth.oauth.token if self._auth.oauth else None
        return token.scopes if token else ()
