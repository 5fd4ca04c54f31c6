"""JOIN operations as prepared calls, shared by the sync and async clients.

Each method validates its arguments, converts them to JOIN's wire format and returns
the :class:`~hirelink.core.Call` to run. Nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Literal, TypedDict, Unpack

from hirelink.api.join.api.applications import (
    create_application,
    get_application,
    list_applications,
)
from hirelink.api.join.api.candidates import create_candidate_note, update_candidate
from hirelink.api.join.api.jobs import get_job, list_jobs
from hirelink.api.join.api.reference_data import (
    list_categories,
    list_employment_types,
    list_offices,
    list_seniority_levels,
)
from hirelink.api.join.models import (
    Application,
    ApplicationCreated,
    ApplicationCreateRequest,
    ApplicationSource,
    Candidate,
    CandidateUpdateRequest,
    Category,
    EmploymentType,
    HiringStateFilter,
    Job,
    NewCandidate,
    Note,
    NoteCreateRequest,
    Office,
    SeniorityLevel,
)
from hirelink.api.join.types import UNSET
from hirelink.core import Call, InvalidInputError, instance_of, list_of
from hirelink.core.validation import (
    choice,
    non_empty_str,
    positive_int,
    string_list,
    utc_timestamp,
    without_none,
)

from .documents import Document

MAX_PAGE_SIZE = 50
"""JOIN's largest ``pageSize`` as far as known (every client sends 50; one says it is the
maximum)."""

HiringState = Literal["APPLIED", "ACTIVE", "REJECTED", "HIRED", "OFFER"] | HiringStateFilter
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

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_LANGUAGE = re.compile(r"[a-z]{2}")
_COUNTRY = re.compile(r"[A-Za-z]{2}")


class ApplicationFilters(TypedDict, total=False):
    """Filters of ``list_applications`` / ``iter_applications`` (all optional)."""

    job_external_id: str
    """Only applications to the job with this ``externalId`` (your own job id)."""
    updated_since: datetime | date
    """Only applications updated at or after this moment (aware datetimes are converted
    to UTC; naive ones are taken as UTC)."""
    job_id: int
    """Only applications to this JOIN job. Inferred: no JOIN client was seen using it."""
    created_since: datetime | date
    """Only applications created at or after this moment. Inferred, like ``job_id``."""
    hiring_state: HiringState
    """Only applications in this state. Inferred, like ``job_id``."""


class OfficeFilters(TypedDict, total=False):
    """Filters of ``list_offices`` / ``iter_offices`` (all optional)."""

    country_code: str
    """ISO 3166-1 alpha-2 country code, e.g. ``"DE"``."""
    city_name_like: str
    """Text the city name contains."""


def _page_size(value: object) -> int:
    size = positive_int("page_size", value)
    if size > MAX_PAGE_SIZE:
        raise InvalidInputError("page_size", f"must be at most {MAX_PAGE_SIZE}, got {size}")
    return size


def _paging(page: int | None, page_size: int | None) -> dict[str, Any]:
    return without_none(
        {
            "page": None if page is None else positive_int("page", page),
            "page_size": None if page_size is None else _page_size(page_size),
        }
    )


def _moment(field: str, value: object) -> str:
    """ISO-8601 in UTC with a ``Z``, as JOIN's ``*Gte`` filters are sent by its clients."""
    return utc_timestamp(field, value) + "Z"


def _language(value: object) -> str:
    if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
        raise InvalidInputError("language", f"must be a two-letter ISO 639-1 code, got {value!r}")
    return value


def _unknown(filters: Mapping[str, object], allowed: type, operation: str) -> None:
    unknown = set(filters) - set(allowed.__annotations__)
    if unknown:
        raise InvalidInputError(sorted(unknown)[0], f"is not a filter of {operation}")


class JoinRequests:
    """Builds every JOIN call."""

    # --- jobs -----------------------------------------------------------------------

    def list_jobs(
        self, *, page: int | None = None, page_size: int | None = None, content: bool | None = None
    ) -> Call[list[Job]]:
        kwargs = _paging(page, page_size)
        if content is not None:
            if not isinstance(content, bool):
                raise InvalidInputError("content", f"must be True or False, got {content!r}")
            kwargs["content"] = content
        return Call(list_jobs, list_of(Job), kwargs)

    def get_job(self, job_id: int) -> Call[Job]:
        return Call(get_job, instance_of(Job), {"job_id": positive_int("job_id", job_id)})

    # --- applications ---------------------------------------------------------------

    def list_applications(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> Call[list[Application]]:
        _unknown(filters, ApplicationFilters, "list_applications")
        kwargs = _paging(page, page_size)
        if "job_external_id" in filters:
            kwargs["job_external_id"] = non_empty_str("job_external_id", filters["job_external_id"])
        if "updated_since" in filters:
            kwargs["updated_at_gte"] = _moment("updated_since", filters["updated_since"])
        if "job_id" in filters:
            kwargs["job_id"] = positive_int("job_id", filters["job_id"])
        if "created_since" in filters:
            kwargs["created_at_gte"] = _moment("created_since", filters["created_since"])
        if "hiring_state" in filters:
            kwargs["hiring_state"] = choice(
                "hiring_state", filters["hiring_state"], HiringStateFilter
            )
        return Call(list_applications, list_of(Application), kwargs)

    def get_application(self, application_id: int) -> Call[Application]:
        kwargs = {"application_id": positive_int("application_id", application_id)}
        return Call(get_application, instance_of(Application), kwargs)

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
    ) -> Call[ApplicationCreated]:
        if not isinstance(email, str) or not _EMAIL.fullmatch(email.strip()):
            raise InvalidInputError("email", f"must be an e-mail address, got {email!r}")
        candidate = NewCandidate(
            first_name=non_empty_str("first_name", first_name),
            last_name=non_empty_str("last_name", last_name),
            email=email.strip(),
            phone=UNSET if phone is None else non_empty_str("phone", phone),
        )
        body = ApplicationCreateRequest(
            job_id=positive_int("job_id", job_id),
            candidate=candidate,
            source=UNSET if source is None else choice("source", source, ApplicationSource),
            integration_external_id=(
                UNSET
                if integration_external_id is None
                else non_empty_str("integration_external_id", integration_external_id)
            ),
        )
        attached = _documents(documents)
        if attached:
            body.documents = [document.to_api() for document in attached]
        return Call(create_application, instance_of(ApplicationCreated), {"body": body})

    # --- candidates -----------------------------------------------------------------

    def set_candidate_tags(self, candidate_id: int, tags: Iterable[str]) -> Call[Candidate]:
        names = list(dict.fromkeys(string_list("tags", tags, allow_empty=True)))
        kwargs = {
            "candidate_id": positive_int("candidate_id", candidate_id),
            "body": CandidateUpdateRequest(tags=names),
        }
        return Call(update_candidate, instance_of(Candidate), kwargs)

    def create_candidate_note(self, candidate_id: int, content: str) -> Call[Note]:
        kwargs = {
            "candidate_id": positive_int("candidate_id", candidate_id),
            "body": NoteCreateRequest(content=non_empty_str("content", content)),
        }
        return Call(create_candidate_note, instance_of(Note), kwargs)

    # --- reference data -------------------------------------------------------------

    def list_categories(self, *, language: str | None = None) -> Call[list[Category]]:
        kwargs = {} if language is None else {"language": _language(language)}
        return Call(list_categories, list_of(Category), kwargs)

    def list_employment_types(self, *, language: str | None = None) -> Call[list[EmploymentType]]:
        kwargs = {} if language is None else {"language": _language(language)}
        return Call(list_employment_types, list_of(EmploymentType), kwargs)

    def list_seniority_levels(self, *, language: str | None = None) -> Call[list[SeniorityLevel]]:
        kwargs = {} if language is None else {"language": _language(language)}
        return Call(list_seniority_levels, list_of(SeniorityLevel), kwargs)

    def list_offices(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        **filters: Unpack[OfficeFilters],
    ) -> Call[list[Office]]:
        _unknown(filters, OfficeFilters, "list_offices")
        kwargs = _paging(page, page_size)
        if "country_code" in filters:
            code = filters["country_code"]
            if not isinstance(code, str) or not _COUNTRY.fullmatch(code):
                raise InvalidInputError("country_code", f"must be two letters, got {code!r}")
            kwargs["country_code"] = code
        if "city_name_like" in filters:
            kwargs["city_name_like"] = non_empty_str("city_name_like", filters["city_name_like"])
        return Call(list_offices, list_of(Office), kwargs)


def _documents(documents: Iterable[Document]) -> list[Document]:
    if isinstance(documents, Document | str | bytes):
        raise InvalidInputError("documents", "must be a list of Document values")
    attached = list(documents)
    for index, document in enumerate(attached):
        if not isinstance(document, Document):
            raise InvalidInputError(
                f"documents.{index}",
                "must be a Document (Document.from_path or Document.from_bytes), "
                f"got {type(document).__name__}",
            )
    return attached
