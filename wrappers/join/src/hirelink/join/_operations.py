"""Every JOIN operation, declared once for ``Join`` and ``AsyncJoin``.

Each operation validates its arguments, converts them to JOIN's wire format and returns
the :class:`~hirelink.core.Call` (or walk over pages) to run; the
:func:`~hirelink.core.operation` descriptor turns it into a method of both clients and an
entry of the operations catalog. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import partial
from typing import Any, Final, Literal, TypedDict, Unpack

import httpx
from attrs import evolve

from hirelink.api.join import models
from hirelink.api.join.models import (
    ApplicationSource,
    HiringStateFilter,
)
from hirelink.api.join.types import Unset
from hirelink.core import (
    Call,
    Document,
    Flow,
    Inputs,
    InvalidInputError,
    Param,
    Walk,
    instance_of,
    list_of,
    operation,
    walker,
)
from hirelink.core.checks import ConnectionCheck, one_read_check
from hirelink.core.feeds import Feed, WatchOptions
from hirelink.core.files import document_list
from hirelink.core.http import account_at
from hirelink.core.operations import watcher
from hirelink.core.secrets import hide_query_values, mask_all_while_alive
from hirelink.core.validation import (
    bounded_int,
    flag,
    id_number,
    matching,
    non_empty_str,
    non_empty_text,
    one_of,
    positive_int,
    string_list,
    trusted_url,
    utc_timestamp_z,
)
from hirelink.core.validation import email as email_address

from .documents import DownloadedFile, to_api

DEFAULT_BASE_URL = "https://api.join.com/v2"
"""JOIN's API (version 2)."""
MAX_PAGE_SIZE = 50
"""JOIN's largest ``pageSize`` as far as known (every client sends 50; one says it is the
maximum)."""
DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE

# The signature of a pre-signed attachment URL stays out of errors and logs (JOIN's own
# parameter name is not known: these are the common signing schemes'; a download also
# hides the names its own URL uses).
hide_query_values("sig", "signature", "X-Amz-Signature", "X-Amz-Security-Token", "X-Goog-Signature")
TRUSTED_HOSTS: Final = ("join.com",)
"""The hosts (and their subdomains) ``download_attachment`` sends the API token to over
https by default, besides the client's own API host."""

HiringState = Literal["APPLIED", "ACTIVE", "REJECTED", "HIRED", "OFFER"] | HiringStateFilter
"""``ApplicationFilters.hiring_state``: an application's state in JOIN's hiring process."""
Source = (
    Literal[
        "ORGANIC",
        "REFERRALS",
        "JOB_BOARDS",
        "SOCIAL_MEDIA",
        "AGENCY",
        "SOURCING_TOOLS",
        "EVENTS",
        "INTERNAL_APPLICATION",
        "OTHER",
    ]
    | ApplicationSource
)
"""``create_application(source=)``: the channel the candidate came through."""
DEFAULT_SOURCE: Final = "ORGANIC"
"""The ``source`` sent when none is given: what JOIN's one commercial integration sends by
default. Whether JOIN requires a source at all is not known (inferred)."""


class ApplicationFilters(TypedDict, total=False):
    """Filters of ``list_applications`` / ``iter_applications`` (all optional; ``None`` is
    the same as leaving one out)."""

    job_external_id: str | None
    """Only applications to the job with this ``externalId`` (your own job id)."""
    updated_after: datetime | date | None
    """Only applications updated at or after this moment (a datetime with a time zone,
    converted to UTC, or a date: its midnight UTC)."""
    job_id: int | str | None
    """Only applications to this JOIN job (its id as an int or a string of digits).
    Inferred: no JOIN client was seen using it."""
    created_after: datetime | date | None
    """Only applications created at or after this moment. Inferred, like ``job_id``."""
    hiring_state: HiringState | None
    """Only applications in this state. Inferred, like ``job_id``."""


class OfficeFilters(TypedDict, total=False):
    """Filters of ``list_offices`` / ``iter_offices`` (all optional; ``None`` is the same as
    leaving one out)."""

    country_code: str | None
    """ISO 3166-1 alpha-2 country code, e.g. ``"DE"``."""
    city_name_like: str | None
    """Text the city name contains."""


# Ids are taken as an int or as a string of digits (id_number) and sent as numbers: JOIN
# was seen sending them both ways, and Job(id="8812345") must work in get_job(job.id).
_PAGING = {"page": positive_int, "page_size": bounded_int(maximum=MAX_PAGE_SIZE)}
_JOBS = Inputs("list_jobs", **_PAGING, content=flag)
# JOIN's clients send the *Gte filters as ISO-8601 in UTC with a Z.
_APPLICATIONS = Inputs(
    "list_applications",
    **_PAGING,
    job_external_id=non_empty_str,
    updated_after=Param(utc_timestamp_z, wire="updated_at_gte"),
    job_id=id_number,
    created_after=Param(utc_timestamp_z, wire="created_at_gte"),
    hiring_state=one_of(HiringStateFilter),
)
_OFFICES = Inputs(
    "list_offices",
    **_PAGING,
    country_code=matching("[A-Za-z]{2}", "two letters"),
    city_name_like=non_empty_str,
)
_LANGUAGE = Inputs("reference data", language=matching("[a-z]{2}", "a two-letter ISO 639-1 code"))


def _record_id(record: models.Job | models.Application | models.Office) -> int:
    """A walked record's key: its id (a record on two pages is yielded once)."""
    return record.id


def _change_time(application: models.Application) -> datetime | None:
    """When ``application`` last changed: ``lastUpdatedAt`` (on list items third-party
    evidence only, C3), else (missing or null) ``createdAt`` for one never changed. None for a
    ``lastUpdatedAt`` that names no time (kept in ``additional_properties``): the watch
    passes it over with a warning, where ``createdAt`` would place it before the change."""
    if application.last_updated_at is not None and not isinstance(
        application.last_updated_at, Unset
    ):
        return application.last_updated_at
    if application.additional_properties.get("lastUpdatedAt") is not None:
        return None  # there, and no time
    return None if isinstance(application.created_at, Unset) else application.created_at


def _with_candidate_id(application: models.Application) -> models.Application:
    """``application`` with its candidate's id where notes and tags look for it,
    ``candidate.id``, also when JOIN sends it as a top-level ``candidateId`` (which of the
    two it sends is not confirmed: fact sheet 4.3, I): read only from ``candidate``, every
    such application would be passed over as having no candidate."""
    top = application.additional_properties.get("candidateId")
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        return application
    if isinstance(application.candidate, Unset):
        application.candidate = models.Candidate(id=top)
    elif isinstance(application.candidate.id, Unset):
        application.candidate.id = top
    return application


def _with_candidate_ids(applications: list[models.Application]) -> list[models.Application]:
    return [_with_candidate_id(application) for application in applications]


def _revision(application: models.Application) -> dict[str, Any]:
    """What tells two versions of an application apart when their stamps are equal (JOIN's
    may be whole seconds: inferred): its content, but the attachments' download URLs,
    which are pre-signed and so may differ in every answer, and the candidate's tags,
    which change no stamp of the application: an integration tagging what a watch hands
    it got the application again at the next poll, and wrote its outcome twice."""
    content = application.to_dict()
    for attachment in content.get("attachments", []):
        attachment.pop("url", None)
    candidate = content.get("candidate")
    if isinstance(candidate, dict):
        candidate.pop("tags", None)
    return content


class JoinOperations:
    """The operations of one JOIN company."""

    account: str
    """A digest of the API token, which stands for the company (never the token)."""
    base_url: str  # the client's (ProviderClient.base_url)

    @operation("Check Connection", example={})
    def check_connection(self) -> Flow[list[ConnectionCheck]]:
        """Check the token with one read of the job categories.

        Returns one :class:`~hirelink.core.ConnectionCheck` saying what to fix (a 401
        refuses the token). Changes nothing; never raises for API failures.
        """
        forbidden = (
            "accepted, but not allowed to read the job categories (403)",
            "Use a token of a JOIN user with access to the company's jobs.",
        )
        return one_read_check(
            "token",
            "API token",
            JoinOperations.list_categories.prepare(self),
            provider="JOIN",
            accepted=lambda categories: f"accepted: {len(categories)} job categories readable",
            refusals={403: forbidden},
        )

    # --- jobs -----------------------------------------------------------------------

    @operation("List Jobs", example={"page_size": 20})
    def list_jobs(
        self, *, page: int | None = None, page_size: int | None = None, content: bool | None = None
    ) -> Call[list[models.Job]]:
        """Jobs of every status (``ONLINE``, ``OFFLINE``, ``ARCHIVED``).

        Without ``page`` and ``page_size`` JOIN is known to return every job at once;
        paging this list is assumed to work as for applications. ``content=True`` asks
        for the full job content (our reading of a flag integrations send).

        Args:
            page: Which page of jobs, from 1. Without ``page`` and ``page_size`` JOIN is known to
                return every job at once.
            page_size: How many jobs a page holds, 1 to 50.
            content: True asks for each job's full content (our reading of a flag JOIN integrations
                send); True or False.
        """
        from hirelink.api.join.api.jobs import list_jobs

        wire = _JOBS.wire({"page": page, "page_size": page_size, "content": content})
        return Call(partial(list_jobs.sync_detailed, **wire), list_of(models.Job))

    @walker(list_jobs)
    def iter_jobs(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, content: bool | None = None
    ) -> Walk[models.Job]:
        """Every job, fetched lazily ``page_size`` (at most 50) at a time.

        Args:
            page_size: How many jobs each request asks for, 1 to 50 (50 by default).
            content: True asks for each job's full content (our reading of a flag JOIN integrations
                send); True or False.
        """
        return Walk.pages(
            lambda page, size: JoinOperations.list_jobs.prepare(
                self, page=page, page_size=size, content=content
            ),
            page_size=page_size,
            key=_record_id,
        )

    @operation("Retrieve Job", example={"job_id": 8812345})
    def get_job(self, job_id: int | str) -> Call[models.Job]:
        """One job, with office, salary and contact.

        Args:
            job_id: The JOIN job's id: a whole number >= 1, or its digits as a string (a
                ``job.id`` JOIN sent as text).
        """
        from hirelink.api.join.api.jobs import get_job

        return Call(
            partial(get_job.sync_detailed, id_number("job_id", job_id)), instance_of(models.Job)
        )

    # --- applications ---------------------------------------------------------------

    @operation(
        "List Applications",
        example={"page": 1, "page_size": 50, "updated_after": "2025-03-01T00:00:00Z"},
        renamed={"updated_since": "updated_after", "created_since": "created_after"},
    )
    def list_applications(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> Call[list[models.Application]]:
        """One page of applications (``page`` from 1; ``page_size`` at most 50), newest first.

        Filters: ``job_external_id``, ``updated_after`` (seen in JOIN clients) and
        ``job_id``, ``created_after``, ``hiring_state`` (inferred: not seen in any JOIN
        client). See :class:`~hirelink.join.ApplicationFilters`.

        Args:
            page: Which page of applications, from 1.
            page_size: How many applications a page holds, 1 to 50.
        """
        from hirelink.api.join.api.applications import list_applications

        wire = _APPLICATIONS.wire({"page": page, "page_size": page_size, **filters})
        return Call(
            partial(list_applications.sync_detailed, **wire), list_of(models.Application)
        ).map(_with_candidate_ids)

    @walker(list_applications)
    def iter_applications(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[ApplicationFilters]
    ) -> Walk[models.Application]:
        """Every application matching ``filters``, fetched lazily ``page_size`` at a time.

        Stops after the first short page (JOIN sends no total count). An application that
        slides from one page onto the next while new ones arrive is yielded once; one
        moved onto a page already read, while others are deleted, is missed.

        Args:
            page_size: How many applications each request asks for, 1 to 50 (50 by default).
        """
        return Walk.pages(
            lambda page, size: JoinOperations.list_applications.prepare(
                self, page=page, page_size=size, **filters
            ),
            page_size=page_size,
            key=_record_id,
        )

    @watcher(iter_applications)
    def watch_applications(self, **options: Unpack[WatchOptions]) -> Feed[models.Application]:
        """Every application created or changed after a checkpoint, once per change.

        Polls ``iter_applications(updated_after=...)`` every ``interval`` seconds and yields
        each application whose ``last_updated_at`` (else ``created_at``) or content is new,
        oldest first, until the loop stops (or after ``polls`` polls). Starts from the
        checkpoint saved in ``store`` under ``name``, else from ``since``, else from now. At
        least once: after a restart an application whose handling was cut short comes again.
        None is lost, except when an application is deleted during a poll: the one moved
        onto a page already read can be skipped for good (page numbers cannot overlap). With
        a Redis ``store`` one worker at a time polls; another takes over within
        ``lease_ttl`` plus one ``interval`` when it dies. The default ``name`` holds a
        digest of the token (JOIN's token stands for the company), so each company's watch
        keeps its own checkpoint; a new token makes it another name, whose watch starts
        afresh: where tokens change, pass a ``name`` that outlives them (a customer id).
        Options: :class:`hirelink.core.feeds.WatchOptions`.
        """
        return Feed.declare(
            f"join:{account_at(self.account, self.base_url, DEFAULT_BASE_URL)}:applications",
            lambda moment: JoinOperations.iter_applications.build(self, updated_after=moment),
            timestamp=_change_time,
            key=lambda application: application.id,
            options=options,
            revision=_revision,
        )

    @operation("Retrieve Application", example={"application_id": 51000001})
    def get_application(self, application_id: int | str) -> Call[models.Application]:
        """One application with its candidate (whose ``id`` notes and tags need), job,
        source and attachments.

        Args:
            application_id: The application's JOIN id: a whole number >= 1, or its digits as
                a string.
        """
        from hirelink.api.join.api.applications import get_application

        request = partial(
            get_application.sync_detailed, id_number("application_id", application_id)
        )
        return Call(request, instance_of(models.Application)).map(_with_candidate_id)

    @operation(
        "Create Application",
        example={
            "job_id": 8812345,
            "first_name": "Ada",
            "last_name": "Lindqvist",
            "email": "ada@example.org",
            "documents": [{"type": "CV", "filename": "cv.pdf", "content": "JVBERi0xLjQK"}],
        },
        reads_files=True,
    )
    def create_application(
        self,
        job_id: int | str,
        *,
        first_name: str,
        last_name: str,
        email: str,
        phone: str | None = None,
        source: Source | None = None,
        integration_external_id: str | None = None,
        documents: Iterable[Document] = (),
    ) -> Call[models.ApplicationCreated]:
        """Apply a candidate to a job; returns the ``candidate_id`` (and the application
        ``id`` where JOIN sends it).

        ``phone`` in international format (``+49...``); ``source`` one of JOIN's
        channels (``ORGANIC``, sent when none is given, ``REFERRALS``, ``JOB_BOARDS``, ...);
        ``integration_external_id`` your own reference; ``documents`` a list of
        :class:`~hirelink.core.Document` (``type`` one of JOIN's document types, ``CV`` by
        default; at most 10 MiB each).

        Raises :class:`~hirelink.core.DuplicateApplicationError` when the candidate has
        already applied to the job. Never resent after a server error or timeout, so an
        application is not created twice.

        Args:
            job_id: The JOIN job to apply to: a whole number >= 1, or its digits as a string.
            first_name: The candidate's first name (non-empty text).
            last_name: The candidate's last name (non-empty text).
            email: The candidate's e-mail address (its shape is checked before sending).
            phone: The candidate's phone number, in international format (``+49...``).
            source: The channel the candidate came through: ``ORGANIC``, ``REFERRALS``,
                ``JOB_BOARDS``, ``SOCIAL_MEDIA``, ``AGENCY``, ``SOURCING_TOOLS``, ``EVENTS``,
                ``INTERNAL_APPLICATION`` or ``OTHER``. Left out (or None), ``ORGANIC`` is sent, as
                JOIN's one commercial integration does: whether JOIN needs a source is not known.
            integration_external_id: Your own reference for the application (non-empty text).
            documents: Files to attach, each a :class:`~hirelink.core.Document` (in the catalog
                an object of ``filename``, base64 ``content`` and ``type``) whose ``type`` is
                one of JOIN's document types (``CV`` by default, ``COVER_LETTER``, ``PORTFOLIO``,
                ``CERTIFICATES``, ``REFERENCES``, ``TRANSCRIPT``, ``WORK_SAMPLES``, ``OTHER``); at
                most 10 MiB each, a limit hirelink assumes (JOIN publishes none).
        """
        from hirelink.api.join.api.applications import create_application
        from hirelink.api.join.types import UNSET

        candidate = models.NewCandidate(
            first_name=non_empty_str("first_name", first_name),
            last_name=non_empty_str("last_name", last_name),
            email=email_address("email", email),
            phone=UNSET if phone is None else non_empty_str("phone", phone),
        )
        body = models.ApplicationCreateRequest(
            job_id=id_number("job_id", job_id),
            candidate=candidate,
            source=one_of(ApplicationSource)(
                "source", DEFAULT_SOURCE if source is None else source
            ),
            integration_external_id=(
                UNSET
                if integration_external_id is None
                else non_empty_str("integration_external_id", integration_external_id)
            ),
        )
        attached = document_list("documents", documents)
        if attached:
            body.documents = [
                to_api(document, f"documents.{index}") for index, document in enumerate(attached)
            ]
        return Call(
            partial(create_application.sync_detailed, body=body),
            instance_of(models.ApplicationCreated),
            large_body=bool(attached),  # base64 in JSON
        )

    @operation()
    def download_attachment(
        self,
        attachment: models.Attachment | str,
        *,
        trusted_hosts: Iterable[str] = TRUSTED_HOSTS,
    ) -> Call[DownloadedFile]:
        """Download an application's attachment (a CV): its bytes, content type and file name.

        ``attachment`` is one of an application's ``attachments`` or its ``url``. JOIN
        is reported to want the API token with the pre-signed URL too (third-party
        evidence), so the token goes with it, and only to a host that is JOIN's: an https
        URL on the client's API host or on one of ``trusted_hosts`` (default ``join.com``)
        or a subdomain of one, or a URL on the client's own ``base_url`` origin (a
        stand-in). Any other URL raises :class:`~hirelink.core.InvalidInputError` naming
        its host, and nothing is sent; pass ``trusted_hosts=`` (it replaces the default)
        if JOIN serves files from a host of its own outside ``join.com``. A redirect is
        not followed (an :class:`~hirelink.core.ApiError`), so the token never goes on
        to another host.

        A read: resent after a 5xx or a lost answer. The whole file is read into memory
        (hirelink reads each answer whole, at most 64 MiB); write ``.content`` to a file
        yourself. Not in the operations catalog (its URL is absolute, so no example can
        name it before a stand-in runs).

        Args:
            attachment: An :class:`~hirelink.join.Attachment` of an application, or its
                ``url`` (an absolute http(s) URL).
            trusted_hosts: Host names the token may go to over https, each with its
                subdomains (``join.com`` covers ``files.join.com``); the client's API
                host is always trusted.
        """
        from ._attachments import download_attachment
        from ._attachments.download_attachment import base_name

        field, filename = "attachment", None
        url: object = attachment
        if isinstance(attachment, models.Attachment):
            field, url = "attachment.url", attachment.url
            if not isinstance(url, str):
                raise InvalidInputError(field, "is missing: JOIN gave this attachment no URL")
            if isinstance(attachment.filename, str):
                filename = base_name(attachment.filename)
        checked = trusted_url(
            field,
            url,
            base_url=self.base_url,
            trusted_hosts=trusted_hosts,
            credential="JOIN API token",
        )
        request = partial(download_attachment.sync_detailed, url=checked)
        call = Call(request, instance_of(DownloadedFile)).map(
            lambda file: file if file.filename or not filename else evolve(file, filename=filename)
        )
        # Whatever the query names, its values sign the URL: they stay out of errors and logs
        # while the call runs. Masking its names for the process (a provider chooses them)
        # masked `page=` in every other URL after one download.
        parsed = httpx.URL(checked)
        written = [part.partition("=")[2] for part in parsed.query.decode().split("&")]
        decoded = [value for _, value in parsed.params.multi_items()]
        mask_all_while_alive(call, [*written, *decoded])  # as in the URL, and as read
        return call

    # --- candidates -----------------------------------------------------------------

    @operation(
        "Set Candidate Tags", example={"candidate_id": 41700001, "tags": ["identity-verified"]}
    )
    def set_candidate_tags(
        self, candidate_id: int | str, tags: Iterable[str]
    ) -> Call[models.Candidate]:
        """Replace the candidate's whole tag set with ``tags``.

        Tags not in ``tags`` are removed; ``[]`` removes every tag. To add a tag, send
        the current tags plus the new one (an application's ``candidate.tags``, where
        JOIN returns them). The endpoint's path and body are inferred (see the README).
        Resent after a 5xx or a lost answer, as a read is: the same set twice is the
        same set.

        Args:
            candidate_id: The JOIN candidate's id, an application's ``candidate.id``: a whole
                number >= 1, or its digits as a string.
            tags: The candidate's whole new tag set (each non-empty; a tag given twice is sent
                once); ``[]`` removes every tag.
        """
        from hirelink.api.join.api.candidates import update_candidate

        names = list(dict.fromkeys(string_list("tags", tags, allow_empty=True)))
        request = partial(
            update_candidate.sync_detailed,
            id_number("candidate_id", candidate_id),
            body=models.CandidateUpdateRequest(tags=names),
        )
        # The whole set replaces the one before: sending it twice does no harm, so it is
        # resent after a 5xx or a lost answer, as a read is.
        return Call(request, instance_of(models.Candidate), repeatable=True)

    @operation(
        "Create Candidate Note",
        example={"candidate_id": 41700001, "body": "Identity verified."},
        renamed={"content": "body"},
    )
    def create_candidate_note(self, candidate_id: int | str, body: str) -> Call[models.Note]:
        """Add an internal note (plain text or HTML) to the candidate.

        Args:
            candidate_id: The JOIN candidate's id, an application's ``candidate.id``: a whole
                number >= 1, or its digits as a string.
            body: The note's text, plain or HTML (non-empty).
        """
        from hirelink.api.join.api.candidates import create_candidate_note

        request = partial(
            create_candidate_note.sync_detailed,
            id_number("candidate_id", candidate_id),
            body=models.NoteCreateRequest(content=non_empty_text("body", body)),
        )
        return Call(request, instance_of(models.Note))

    # --- reference data -------------------------------------------------------------

    @operation("List Categories", example={"language": "en"})
    def list_categories(self, *, language: str | None = None) -> Call[list[models.Category]]:
        """Job categories with their sub-categories (a job's ``category_id`` is a
        sub-category), named in ``language`` (ISO 639-1).

        Args:
            language: The language to name them in: a two-letter ISO 639-1 code in lower case, such
                as ``en`` or ``de``; left out, JOIN's default.
        """
        from hirelink.api.join.api.reference_data import list_categories

        wire = _LANGUAGE.wire({"language": language})
        return Call(partial(list_categories.sync_detailed, **wire), list_of(models.Category))

    @operation("List Employment Types", example={"language": "en"})
    def list_employment_types(
        self, *, language: str | None = None
    ) -> Call[list[models.EmploymentType]]:
        """Employment types, named in ``language``.

        Args:
            language: The language to name them in: a two-letter ISO 639-1 code in lower case, such
                as ``en`` or ``de``; left out, JOIN's default.
        """
        from hirelink.api.join.api.reference_data import list_employment_types

        wire = _LANGUAGE.wire({"language": language})
        return Call(
            partial(list_employment_types.sync_detailed, **wire), list_of(models.EmploymentType)
        )

    @operation("List Seniority Levels", example={"language": "en"})
    def list_seniority_levels(
        self, *, language: str | None = None
    ) -> Call[list[models.SeniorityLevel]]:
        """Seniority levels, named in ``language``.

        Args:
            language: The language to name them in: a two-letter ISO 639-1 code in lower case, such
                as ``en`` or ``de``; left out, JOIN's default.
        """
        from hirelink.api.join.api.reference_data import list_seniority_levels

        wire = _LANGUAGE.wire({"language": language})
        return Call(
            partial(list_seniority_levels.sync_detailed, **wire), list_of(models.SeniorityLevel)
        )

    @operation("List Offices", example={})
    def list_offices(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[OfficeFilters],
    ) -> Call[list[models.Office]]:
        """One page of offices; filters ``country_code`` and ``city_name_like``.

        Args:
            page: Which page of offices, from 1.
            page_size: How many offices a page holds, 1 to 50.
        """
        from hirelink.api.join.api.reference_data import list_offices

        wire = _OFFICES.wire({"page": page, "page_size": page_size, **filters})
        return Call(partial(list_offices.sync_detailed, **wire), list_of(models.Office))

    @walker(list_offices)
    def iter_offices(
        self, *, page_size: int = DEFAULT_PAGE_SIZE, **filters: Unpack[OfficeFilters]
    ) -> Walk[models.Office]:
        """Every office matching ``filters``, fetched lazily.

        Args:
            page_size: How many offices each request asks for, 1 to 50 (50 by default).
        """
        return Walk.pages(
            lambda page, size: JoinOperations.list_offices.prepare(
                self, page=page, page_size=size, **filters
            ),
            page_size=page_size,
            key=_record_id,
        )
