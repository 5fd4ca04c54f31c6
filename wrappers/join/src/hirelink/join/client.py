"""``Join`` and ``AsyncJoin``: JOIN's API v2, one method per operation."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Unpack
from urllib.parse import urlsplit

import httpx

from hirelink.api.join import Client
from hirelink.api.join.models import (
    Application,
    ApplicationCreated,
    Candidate,
    Category,
    EmploymentType,
    Job,
    Note,
    Office,
    SeniorityLevel,
)
from hirelink.core import (
    ApiError,
    AsyncProviderClient,
    ClientOptions,
    DuplicateApplicationError,
    HeaderAuth,
    HttpConfig,
    InvalidInputError,
    ProviderClient,
    Secret,
)

from ._requests import MAX_PAGE_SIZE, ApplicationFilters, JoinRequests, OfficeFilters, Source
from .documents import Document

DEFAULT_BASE_URL = "https://api.join.com/v2"
DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE


def refine_join_error(error: ApiError) -> ApiError | None:
    """JOIN says "already exists" when a candidate applies to a job twice.

    The status of that answer is not known (409, 400 or 422 are all plausible), so the
    message decides: any such answer to ``POST /applications`` becomes a
    :class:`~hirelink.core.DuplicateApplicationError` keeping the real status.
    """
    if (
        error.method == "POST"
        and urlsplit(error.url).path.endswith("/applications")
        and "already exists" in error.message.lower()
    ):
        return error.recast(DuplicateApplicationError)
    return None


def _auth(token: str | Secret) -> HeaderAuth:
    secret = Secret.coerce(token, field="token")
    if secret.reveal().lower().startswith("bearer "):
        raise InvalidInputError("token", "give JOIN's API token as it is, without 'Bearer '")
    return HeaderAuth(secret)  # Authorization: <token>, no scheme


def _config(token: str | Secret, options: ClientOptions) -> HttpConfig:
    return HttpConfig.from_options(
        options,
        default_base_url=DEFAULT_BASE_URL,
        auth=_auth(token),
        refine_error=refine_join_error,
    )


class Join(ProviderClient):
    """A JOIN company, reached with its API token.

    Args:
        token: the API token (JOIN app: User Settings > API Credentials). It is sent
            as the whole ``Authorization`` header, without ``Bearer``. The API needs
            JOIN's Advanced or Enterprise plan.
        httpx_client: your own ``httpx.Client`` (proxies, TLS, limits); requests go out
            through it with hirelink's auth, retries and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's retry transport.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (production,
            :data:`DEFAULT_BASE_URL`, by default; a sandbox URL), ``timeout`` (seconds or
            an ``httpx.Timeout``), ``max_retries`` (resends after 408/429/5xx and
            connection failures, waiting ``x-ratelimit-reset`` seconds after a 429; a
            POST or PATCH only when JOIN cannot have processed it), ``headers``.

    Every method raises :class:`hirelink.core.InvalidInputError` for bad arguments
    (before sending anything) and :class:`hirelink.core.ApiError` subclasses for error
    answers. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        token: str | Secret,
        *,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._requests = JoinRequests()
        config = _config(token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)

    def __repr__(self) -> str:
        return f"Join(base_url={self.base_url!r})"

    # --- jobs -----------------------------------------------------------------------

    def list_jobs(
        self, *, page: int | None = None, page_size: int | None = None, content: bool | None = None
    ) -> list[Job]:
        """Jobs of every status (``ONLINE``, ``OFFLINE``, ``ARCHIVED``).

        Without ``page`` and ``page_size`` JOIN is known to return every job at once;
        paging this list is assumed to work as for applications. ``content=True`` asks
        for the full job content (our reading of a flag integrations send).
        """
        return self._run(self._requests.list_jobs(page=page, page_size=page_size, content=content))

    def iter_jobs(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, content: bool | None = None
    ) -> Iterator[Job]:
        """Every job, fetched lazily ``page_size`` (at most 50) at a time."""
        return self._walk_pages(
            lambda page, size: self._requests.list_jobs(page=page, page_size=size, content=content),
            page_size=page_size,
        )

    def get_job(self, job_id: int) -> Job:
        """One job, with office, salary and contact."""
        return self._run(self._requests.get_job(job_id))

    # --- applications ---------------------------------------------------------------

    def list_applications(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> list[Application]:
        """One page of applications (``page`` from 1; ``page_size`` at most 50), newest first.

        Filters: ``job_external_id``, ``updated_since`` (seen in JOIN clients) and
        ``job_id``, ``created_since``, ``hiring_state`` (inferred: not seen in any JOIN
        client). See :class:`~hirelink.join.ApplicationFilters`.
        """
        return self._run(
            self._requests.list_applications(page=page, page_size=page_size, **filters)
        )

    def iter_applications(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[ApplicationFilters]
    ) -> Iterator[Application]:
        """Every application matching ``filters``, fetched lazily ``page_size`` at a time.

        Stops after the first short page (JOIN sends no total count).
        """
        return self._walk_pages(
            lambda page, size: self._requests.list_applications(
                page=page, page_size=size, **filters
            ),
            page_size=page_size,
        )

    def get_application(self, application_id: int) -> Application:
        """One application with its candidate (whose ``id`` notes and tags need), job,
        source and attachments."""
        return self._run(self._requests.get_application(application_id))

    def create_application(
        self,
        job_id: int,
        *,
        first_name: str,
        last_name: str,
        email: str,
        phone: str | None = None,
        source: Source | None = None,
        integration_external_id: str | None = None,
        documents: Iterable[Document] = (),
    ) -> ApplicationCreated:
        """Apply a candidate to a job; returns the ``candidate_id`` (and the application
        ``id`` where JOIN sends it).

        ``phone`` in international format (``+49...``); ``source`` one of JOIN's
        channels (``ORGANIC``, ``REFERRALS``, ``JOB_BOARDS``, ...);
        ``integration_external_id`` your own reference; ``documents`` built with
        :meth:`Document.from_path` or :meth:`Document.from_bytes`.

        Raises :class:`~hirelink.core.DuplicateApplicationError` when the candidate has
        already applied to the job. Never resent after a server error or timeout, so an
        application is not created twice.
        """
        return self._run(
            self._requests.create_application(
                job_id,
                first_name=first_name,
                last_name=last_name,
                email=email,
                phone=phone,
                source=source,
                integration_external_id=integration_external_id,
                documents=documents,
            )
        )

    # --- candidates -----------------------------------------------------------------

    def set_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Candidate:
        """Replace the candidate's whole tag set with ``tags``.

        Tags not in ``tags`` are removed; ``[]`` removes every tag. To add a tag, send
        the current tags plus the new one (an application's ``candidate.tags``, where
        JOIN returns them). The endpoint's path and body are inferred (see the README).
        """
        return self._run(self._requests.set_candidate_tags(candidate_id, tags))

    def create_candidate_note(self, candidate_id: int, content: str) -> Note:
        """Add an internal note (plain text or HTML) to the candidate."""
        return self._run(self._requests.create_candidate_note(candidate_id, content))

    # --- reference data -------------------------------------------------------------

    def list_categories(self, *, language: str | None = None) -> list[Category]:
        """Job categories with their sub-categories (a job's ``category_id`` is a
        sub-category), named in ``language`` (ISO 639-1)."""
        return self._run(self._requests.list_categories(language=language))

    def list_employment_types(self, *, language: str | None = None) -> list[EmploymentType]:
        """Employment types, named in ``language``."""
        return self._run(self._requests.list_employment_types(language=language))

    def list_seniority_levels(self, *, language: str | None = None) -> list[SeniorityLevel]:
        """Seniority levels, named in ``language``."""
        return self._run(self._requests.list_seniority_levels(language=language))

    def list_offices(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[OfficeFilters],
    ) -> list[Office]:
        """One page of offices; filters ``country_code`` and ``city_name_like``."""
        return self._run(self._requests.list_offices(page=page, page_size=page_size, **filters))

    def iter_offices(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[OfficeFilters]
    ) -> Iterator[Office]:
        """Every office matching ``filters``, fetched lazily."""
        return self._walk_pages(
            lambda page, size: self._requests.list_offices(page=page, page_size=size, **filters),
            page_size=page_size,
        )


class AsyncJoin(AsyncProviderClient):
    """The async twin of :class:`Join`: same arguments, same methods, awaited.

    The ``iter_*`` methods return async iterators (``async for``).
    """

    def __init__(
        self,
        token: str | Secret,
        *,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        self._requests = JoinRequests()
        config = _config(token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)

    def __repr__(self) -> str:
        return f"AsyncJoin(base_url={self.base_url!r})"

    async def list_jobs(
        self, *, page: int | None = None, page_size: int | None = None, content: bool | None = None
    ) -> list[Job]:
        """See :meth:`Join.list_jobs`."""
        return await self._run(
            self._requests.list_jobs(page=page, page_size=page_size, content=content)
        )

    def iter_jobs(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, content: bool | None = None
    ) -> AsyncIterator[Job]:
        """See :meth:`Join.iter_jobs`; use with ``async for``."""
        return self._walk_pages(
            lambda page, size: self._requests.list_jobs(page=page, page_size=size, content=content),
            page_size=page_size,
        )

    async def get_job(self, job_id: int) -> Job:
        """See :meth:`Join.get_job`."""
        return await self._run(self._requests.get_job(job_id))

    async def list_applications(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> list[Application]:
        """See :meth:`Join.list_applications`."""
        return await self._run(
            self._requests.list_applications(page=page, page_size=page_size, **filters)
        )

    def iter_applications(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[ApplicationFilters]
    ) -> AsyncIterator[Application]:
        """See :meth:`Join.iter_applications`; use with ``async for``."""
        return self._walk_pages(
            lambda page, size: self._requests.list_applications(
                page=page, page_size=size, **filters
            ),
            page_size=page_size,
        )

    async def get_application(self, application_id: int) -> Application:
        """See :meth:`Join.get_application`."""
        return await self._run(self._requests.get_application(application_id))

    async def create_application(
        self,
        job_id: int,
        *,
        first_name: str,
        last_name: str,
        email: str,
        phone: str | None = None,
        source: Source | None = None,
        integration_external_id: str | None = None,
        documents: Iterable[Document] = (),
    ) -> ApplicationCreated:
        """See :meth:`Join.create_application`."""
        return await self._run(
            self._requests.create_application(
                job_id,
                first_name=first_name,
                last_name=last_name,
                email=email,
                phone=phone,
                source=source,
                integration_external_id=integration_external_id,
                documents=documents,
            )
        )

    async def set_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Candidate:
        """See :meth:`Join.set_candidate_tags`: replaces the whole tag set."""
        return await self._run(self._requests.set_candidate_tags(candidate_id, tags))

    async def create_candidate_note(self, candidate_id: int, content: str) -> Note:
        """See :meth:`Join.create_candidate_note`."""
        return await self._run(self._requests.create_candidate_note(candidate_id, content))

    async def list_categories(self, *, language: str | None = None) -> list[Category]:
        """See :meth:`Join.list_categories`."""
        return await self._run(self._requests.list_categories(language=language))

    async def list_employment_types(self, *, language: str | None = None) -> list[EmploymentType]:
        """See :meth:`Join.list_employment_types`."""
        return await self._run(self._requests.list_employment_types(language=language))

    async def list_seniority_levels(self, *, language: str | None = None) -> list[SeniorityLevel]:
        """See :meth:`Join.list_seniority_levels`."""
        return await self._run(self._requests.list_seniority_levels(language=language))

    async def list_offices(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[OfficeFilters],
    ) -> list[Office]:
        """See :meth:`Join.list_offices`."""
        return await self._run(
            self._requests.list_offices(page=page, page_size=page_size, **filters)
        )

    def iter_offices(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[OfficeFilters]
    ) -> AsyncIterator[Office]:
        """See :meth:`Join.iter_offices`; use with ``async for``."""
        return self._walk_pages(
            lambda page, size: self._requests.list_offices(page=page, page_size=size, **filters),
            page_size=page_size,
        )
