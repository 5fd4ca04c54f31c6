"""Personio operations as prepared calls, shared by the sync and async clients.

Each method checks that the credentials the operation needs were given, validates its
arguments, converts them to Personio's wire format and returns the
:class:`~hirelink.core.Call` (or calls) to run. Nothing here does I/O except reading
the files to upload, which are checked before anything is sent.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from typing import Any, Final, Literal, Protocol, TypedDict, TypeVar, Unpack
from urllib.parse import urlsplit

from attrs import frozen

from hirelink.api.personio.api.applications import (
    get_application,
    list_application_stage_transitions,
    list_applications,
)
from hirelink.api.personio.api.auth import revoke_access_token
from hirelink.api.personio.api.candidates import get_candidate, list_candidates
from hirelink.api.personio.api.categories import get_category, list_categories
from hirelink.api.personio.api.jobs import get_job, list_jobs
from hirelink.api.personio.api.persons import get_person, list_persons
from hirelink.api.personio.api.recruiting_v1 import (
    create_application,
    upload_application_document,
)
from hirelink.api.personio.models import (
    Application,
    ApplicationAttribute,
    ApplicationFile,
    ApplicationList,
    ApplicationRequest,
    Candidate,
    CandidateList,
    Category,
    CategoryList,
    CustomPhase,
    DocumentUploadRequest,
    Job,
    JobList,
    ListMeta,
    ListPersonsStatus,
    Person,
    PersonList,
    RevokeRequest,
    StageTransition,
    StageTransitionList,
    SystemPhase,
    SystemPhaseId,
    UploadedDocument,
)
from hirelink.api.personio.types import UNSET, File, Unset
from hirelink.core import Call, InvalidInputError, Secret, cursor_from_link, instance_of, list_of
from hirelink.core.pagination import CursorPage
from hirelink.core.validation import choice, non_empty_str, positive_int, string_list

from ._jobs_feed import list_job_positions
from .documents import ApplicationDocument, DocumentFile, load_document
from .positions import JobPosition

__all__ = [
    "ApplicationFilters",
    "ApplicationPlan",
    "CandidateFilters",
    "Credentials",
    "JobFilters",
    "NewApplication",
    "PersonFilters",
    "PersonioRequests",
    "next_cursor",
]

DEFAULT_API_BASE_URL: Final = "https://api.personio.de"
DEFAULT_JOBS_BASE_URL: Final = "https://{subdomain}.jobs.personio.de"
LANGUAGES: Final = ("de", "en", "fr", "es", "nl", "it", "pt")
MAX_RECRUITING_PAGE_SIZE: Final = 200
MAX_PERSONS_PAGE_SIZE: Final = 50
GENDERS: Final = ("male", "female", "diverse", "undefined")
ATTRIBUTE_IDS: Final = (
    "phone",
    "gender",
    "birthday",
    "location",
    "available_from",
    "salary_expectations",
)
_CUSTOM_ATTRIBUTE = re.compile(r"custom_attribute_\d+")
_SUBDOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
_PROBE_DATE: Final = date(2999, 12, 31)

Language = Literal["de", "en", "fr", "es", "nl", "it", "pt"]
SystemPhaseName = Literal["unassigned", "rejected", "withdrawn", "offer", "accepted"]
Moment = datetime | date
T = TypeVar("T")
Item_co = TypeVar("Item_co", covariant=True)

WHERE_TO_FIND: Final[Mapping[str, str]] = {
    "subdomain": "the subdomain of your Personio login page (https://<subdomain>.personio.de)",
    "company_id": (
        "Personio > Settings > Integrations > API credentials > 'Recruiting API key' > Company ID"
    ),
    "recruiting_token": (
        "Personio > Settings > Integrations > API credentials > 'Recruiting API key' > Access token"
    ),
    "channel_id": (
        "Personio > Settings > Recruiting > Channels > your channel > 'Recruiting API channel ID'"
    ),
    "client_id": (
        "Personio > Marketplace > Create custom integration "
        "(https://<subdomain>.personio.de/configuration/marketplace/connected) > client ID"
    ),
    "client_secret": (
        "Personio > Marketplace > Create custom integration "
        "(https://<subdomain>.personio.de/configuration/marketplace/connected) > API Secret"
    ),
}
"""Where a customer finds each credential of the connection flow."""


def subdomain_of(value: object) -> str:
    """The company's subdomain; ``acme``, ``acme.personio.de`` and URLs are accepted."""
    text = non_empty_str("subdomain", value).strip().lower()
    host = urlsplit(text).hostname if "://" in text else text
    name = (host or "").split(".", 1)[0]
    if not _SUBDOMAIN.fullmatch(name):
        raise InvalidInputError("subdomain", f"must be {WHERE_TO_FIND['subdomain']}, got {value!r}")
    return name


def _digits(field: str, value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(positive_int(field, value))
    if isinstance(value, str) and value.strip().isdigit():
        return value.strip()
    raise InvalidInputError(field, f"must be a numeric id ({WHERE_TO_FIND[field]}), got {value!r}")


@frozen
class Credentials:
    """What the connection flow collects; each operation needs only some of it."""

    subdomain: str
    company_id: str | None = None
    recruiting_token: Secret | None = None
    channel_id: int | None = None
    client_id: str | None = None
    client_secret: Secret | None = None

    @classmethod
    def create(
        cls,
        subdomain: str,
        company_id: int | str | None = None,
        recruiting_token: str | Secret | None = None,
        channel_id: int | str | None = None,
        client_id: str | None = None,
        client_secret: str | Secret | None = None,
    ) -> Credentials:
        """Validate the given credentials (those left out stay None)."""
        return cls(
            subdomain=subdomain_of(subdomain),
            company_id=None if company_id is None else _digits("company_id", company_id),
            recruiting_token=None if recruiting_token is None else Secret.coerce(recruiting_token),
            channel_id=None if channel_id is None else int(_digits("channel_id", channel_id)),
            client_id=None if client_id is None else non_empty_str("client_id", client_id),
            client_secret=None if client_secret is None else Secret.coerce(client_secret),
        )

    @property
    def given(self) -> tuple[str, ...]:
        """Names of the credentials that were given."""
        names = ("company_id", "recruiting_token", "channel_id", "client_id", "client_secret")
        return tuple(name for name in names if getattr(self, name) is not None)

    def missing(self, *names: str) -> list[str]:
        return [name for name in names if getattr(self, name) is None]

    def require(self, operation: str, *names: str) -> None:
        """Raise :class:`InvalidInputError` naming the first missing credential."""
        for name in self.missing(*names):
            raise InvalidInputError(
                name, f"{operation} needs it; find it under {WHERE_TO_FIND[name]}"
            )


def utc_moment(field: str, value: object) -> datetime:
    """An aware UTC datetime; naive datetimes are taken as UTC, a date as its midnight."""
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=UTC)
    raise InvalidInputError(field, f"must be a datetime or date, got {value!r}")


def _unknown(given: Iterable[str], allowed: type, operation: str) -> None:
    unknown = sorted(set(given) - set(allowed.__annotations__))
    if unknown:
        raise InvalidInputError(unknown[0], f"is not a filter of {operation}")


def next_cursor(meta: ListMeta | object) -> str | None:
    """The cursor of the next page from ``_meta.links.next.href`` (absolute or relative)."""
    if not isinstance(meta, ListMeta) or not meta.links or not meta.links.next_:
        return None
    return cursor_from_link(meta.links.next_.href)


class ListPage(Protocol[Item_co]):
    """What every generated v2 list model has: ``_data`` and ``_meta``."""

    @property
    def field_data(self) -> Sequence[Item_co]: ...

    @property
    def field_meta(self) -> ListMeta | Unset: ...


PageCall = Callable[[str | None], Call[CursorPage[T]]]
"""Builds the call of one cursor page (None: the first page)."""


def _cursor_page(page: ListPage[T]) -> CursorPage[T]:
    return page.field_data, next_cursor(page.field_meta)


def _unwrap(model: type[T]) -> Callable[[object], T]:
    """Accept a by-id answer wrapped in ``_data`` or bare (Personio's shape is unclear)."""
    narrow = instance_of(model)

    def unwrap(parsed: object) -> T:
        data = getattr(parsed, "field_data", None)
        return narrow(data if data is not None and not isinstance(parsed, model) else parsed)

    return unwrap


def _nothing(parsed: object) -> None:
    """For answers without a documented body."""


# --- argument groups ------------------------------------------------------------------


class UpdatedFilters(TypedDict, total=False):
    """``updated_after`` or ``updated_before`` (Personio refuses both at once)."""

    updated_after: Moment
    """Only records updated after this moment (aware datetimes are converted to UTC)."""
    updated_before: Moment
    """Only records updated before this moment."""


class ApplicationFilters(UpdatedFilters, total=False):
    """Filters of ``list_applications`` / ``iter_applications``."""

    candidate_email: str
    """Only applications of the candidate with this email address."""


class CandidateFilters(UpdatedFilters, total=False):
    """Filters of ``list_candidates`` / ``iter_candidates``."""

    email: str
    """Only the candidate with this email address."""


class JobFilters(UpdatedFilters, total=False):
    """Filters of ``list_jobs`` / ``iter_jobs``."""


class PersonFilters(TypedDict, total=False):
    """Filters of ``list_persons`` / ``iter_persons``; they combine with AND."""

    ids: Sequence[str | int]
    emails: Sequence[str]
    first_name: str
    last_name: str
    preferred_name: str
    created_after: Moment
    created_before: Moment
    updated_after: Moment
    updated_before: Moment
    status: Literal["ACTIVE", "INACTIVE"] | ListPersonsStatus


class NewApplication(TypedDict, total=False):
    """Optional fields of ``create_application``."""

    recruiting_channel_id: int
    """The channel to attribute the application to; defaults to the client's channel_id."""
    external_posting_id: str
    """The posting's id at the channel (e.g. from a multiposting provider)."""
    message: str
    """The applicant's message."""
    application_date: date
    """The submission date (Personio refuses dates in the future)."""
    phase: SystemPhaseName | SystemPhaseId | int
    """A system phase by name, or the id of a custom phase."""
    tags: Iterable[str]
    """Tags to add; unknown tags are created."""
    attributes: Mapping[str, str | date]
    """``phone``, ``gender``, ``birthday``, ``location``, ``available_from``,
    ``salary_expectations`` and ``custom_attribute_<n>`` values."""
    documents: Sequence[ApplicationDocument | DocumentFile]
    """Files to upload first and attach (a bare file gets the category ``other``)."""


@frozen
class ApplicationPlan:
    """``create_application`` as dependent calls: the uploads, then the submission.

    ``submit`` builds the submission from the uploads' results (their uuids).
    """

    uploads: tuple[Call[UploadedDocument], ...]
    submit: Callable[[Sequence[UploadedDocument]], Call[ApplicationRequest]]


def _attributes(values: object) -> list[ApplicationAttribute]:
    if not isinstance(values, Mapping):
        raise InvalidInputError("attributes", f"must be a mapping of id to value, got {values!r}")
    attributes = []
    for key, value in values.items():
        field = f"attributes.{key}"
        if key not in ATTRIBUTE_IDS and not (
            isinstance(key, str) and _CUSTOM_ATTRIBUTE.fullmatch(key)
        ):
            allowed = ", ".join(ATTRIBUTE_IDS)
            raise InvalidInputError(field, f"must be one of {allowed} or custom_attribute_<n>")
        if key == "birthday" and not isinstance(value, date):
            raise InvalidInputError(field, f"must be a date, got {value!r}")
        text = value.isoformat() if isinstance(value, date) else non_empty_str(field, value)
        if key == "gender" and text not in GENDERS:
            raise InvalidInputError(field, f"must be one of {', '.join(GENDERS)}, got {text!r}")
        attributes.append(ApplicationAttribute(id=key, value=text))
    return attributes


def _phase(value: object) -> SystemPhase | CustomPhase:
    if isinstance(value, int) and not isinstance(value, bool):
        return CustomPhase(type_="custom", id=positive_int("phase", value))
    return SystemPhase(type_="system", id=choice("phase", value, SystemPhaseId))


def _documents(values: object) -> list[tuple[ApplicationDocument, Any]]:
    """Each document with its loaded file, or its UploadedDocument when uploaded already."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInputError("documents", f"must be a list of documents, got {values!r}")
    prepared: list[tuple[ApplicationDocument, Any]] = []
    for index, value in enumerate(values):
        document = value if isinstance(value, ApplicationDocument) else ApplicationDocument(value)
        if isinstance(document.file, UploadedDocument):
            prepared.append((document, document.file))
        else:
            loaded = load_document(
                document.file, filename=document.filename, field_name=f"documents.{index}"
            )
            prepared.append((document, loaded))
    return prepared


class PersonioRequests:
    """Builds every Personio call for one set of credentials."""

    def __init__(self, credentials: Credentials, *, jobs_base_url: str) -> None:
        self.credentials = credentials
        self.feed_url = jobs_base_url.replace("{subdomain}", credentials.subdomain).rstrip("/")
        self.feed_url += "/xml"

    # --- XML feed ---------------------------------------------------------------------

    def list_job_positions(self, language: Language | str = "de") -> Call[list[JobPosition]]:
        if language not in LANGUAGES:
            raise InvalidInputError(
                "language", f"must be one of {', '.join(LANGUAGES)}, got {language!r}"
            )
        kwargs = {"url": self.feed_url, "language": language}
        return Call(list_job_positions, list_of(JobPosition), kwargs | self._company_header())

    # --- Recruiting API v1 -----------------------------------------------------------

    def upload_document(
        self, file: DocumentFile, *, filename: str | None = None
    ) -> Call[UploadedDocument]:
        self.credentials.require("upload_document", "company_id", "recruiting_token")
        loaded = load_document(file, filename=filename)
        return self._upload(loaded.filename, loaded.content, loaded.mime_type)

    def _company_header(self) -> dict[str, str]:
        """The ``X-Company-ID`` header parameter, when the company id is known."""
        company = self.credentials.company_id
        return {} if company is None else {"x_company_id": company}

    def _upload(self, filename: str, content: bytes, mime_type: str) -> Call[UploadedDocument]:
        payload = File(payload=io.BytesIO(content), file_name=filename, mime_type=mime_type)
        body = DocumentUploadRequest(file=payload)
        kwargs = {"body": body, **self._company_header()}
        return Call(upload_application_document, instance_of(UploadedDocument), kwargs)

    def create_application(
        self,
        job_position_id: int,
        *,
        first_name: str,
        last_name: str,
        email: str,
        **fields: Unpack[NewApplication],
    ) -> ApplicationPlan:
        self.credentials.require("create_application", "company_id", "recruiting_token")
        _unknown(fields, NewApplication, "create_application")
        request: dict[str, Any] = {
            "job_position_id": positive_int("job_position_id", job_position_id),
            "first_name": non_empty_str("first_name", first_name).strip(),
            "last_name": non_empty_str("last_name", last_name).strip(),
            "email": self._email("email", email),
        }
        channel = fields.get("recruiting_channel_id", self.credentials.channel_id)
        if channel is not None:
            request["recruiting_channel_id"] = positive_int("recruiting_channel_id", channel)
        if "external_posting_id" in fields:
            posting = fields["external_posting_id"]
            request["external_posting_id"] = non_empty_str("external_posting_id", posting)
        if "message" in fields:
            request["message"] = non_empty_str("message", fields["message"])
        if "application_date" in fields:
            when = fields["application_date"]
            if not isinstance(when, date) or isinstance(when, datetime):
                raise InvalidInputError("application_date", f"must be a date, got {when!r}")
            request["application_date"] = when
        if "phase" in fields:
            request["phase"] = _phase(fields["phase"])
        if "tags" in fields:
            request["tags"] = string_list("tags", fields["tags"])
        if "attributes" in fields:
            request["attributes"] = _attributes(fields["attributes"])
        documents = _documents(fields.get("documents", ()))
        uploads = tuple(
            self._upload(item.filename, item.content, item.mime_type)
            for _, item in documents
            if not isinstance(item, UploadedDocument)
        )

        def submit(uploaded: Sequence[UploadedDocument]) -> Call[ApplicationRequest]:
            fresh = iter(uploaded)
            files = [
                ApplicationFile(
                    uuid=stored.uuid,
                    original_filename=stored.original_filename,
                    category=document.category,
                )
                for document, item in documents
                for stored in [item if isinstance(item, UploadedDocument) else next(fresh)]
            ]
            body = ApplicationRequest(**request, files=files or UNSET)
            kwargs = {"body": body, **self._company_header()}
            return Call(create_application, _nothing, kwargs).map(lambda _: body)

        return ApplicationPlan(uploads=uploads, submit=submit)

    def connection_probe(self, job_position_id: int) -> Call[None]:
        """A submission Personio must refuse (its date lies far in the future).

        Personio checks the Recruiting API key first (401/403) and then reports every
        invalid field at once, including an unknown channel; so the answer tells
        whether the key and the channel id work, and nothing is created.
        """
        self.credentials.require("check_connection", "company_id", "recruiting_token")
        body = ApplicationRequest(
            first_name="Connection",
            last_name="Check",
            email="connection-check@hirelink.invalid",
            job_position_id=job_position_id,
            application_date=_PROBE_DATE,
            recruiting_channel_id=(
                UNSET if self.credentials.channel_id is None else self.credentials.channel_id
            ),
        )
        return Call(create_application, _nothing, {"body": body, **self._company_header()})

    @staticmethod
    def _email(field: str, value: object) -> str:
        text = non_empty_str(field, value).strip()
        local, _, domain = text.partition("@")
        if not local or "." not in domain or " " in text:
            raise InvalidInputError(field, f"must be an email address, got {value!r}")
        return text

    # --- OAuth -----------------------------------------------------------------------

    def revoke_access_token(self, token: Secret) -> Call[None]:
        body = RevokeRequest(token=token.reveal())
        return Call(revoke_access_token, _nothing, {"body": body})

    # --- v2 recruiting ---------------------------------------------------------------

    def _v2(self, operation: str) -> None:
        self.credentials.require(operation, "client_id", "client_secret")

    @staticmethod
    def _page_params(limit: int | None, cursor: str | None, maximum: int) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if limit is not None:
            params["limit"] = positive_int("limit", limit)
            if limit > maximum:
                raise InvalidInputError("limit", f"must be at most {maximum}, got {limit}")
        if cursor is not None:
            params["cursor"] = non_empty_str("cursor", cursor)
        return params

    @staticmethod
    def _updated(filters: Mapping[str, Any]) -> dict[str, Any]:
        if "updated_after" in filters and "updated_before" in filters:
            raise InvalidInputError(
                "updated_before",
                "Personio cannot combine updated_after and updated_before; give one of them",
            )
        wire: dict[str, Any] = {}
        if "updated_after" in filters:
            wire["updated_at_gt"] = utc_moment("updated_after", filters["updated_after"])
        if "updated_before" in filters:
            wire["updated_at_lt"] = utc_moment("updated_before", filters["updated_before"])
        return wire

    def list_applications(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> Call[ApplicationList]:
        self._v2("list_applications")
        _unknown(filters, ApplicationFilters, "list_applications")
        params = self._page_params(limit, cursor, MAX_RECRUITING_PAGE_SIZE)
        params.update(self._updated(filters))
        if "candidate_email" in filters:
            params["candidate_email"] = self._email("candidate_email", filters["candidate_email"])
        return Call(list_applications, instance_of(ApplicationList), params)

    def get_application(self, application_id: str | int) -> Call[Application]:
        self._v2("get_application")
        kwargs = {"id": _id("application_id", application_id)}
        return Call(get_application, _unwrap(Application), kwargs)

    def list_application_stage_transitions(
        self, application_id: str | int
    ) -> Call[list[StageTransition]]:
        self._v2("list_application_stage_transitions")
        kwargs = {"id": _id("application_id", application_id)}
        return Call(
            list_application_stage_transitions, instance_of(StageTransitionList), kwargs
        ).map(lambda page: page.field_data)

    def list_candidates(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> Call[CandidateList]:
        self._v2("list_candidates")
        _unknown(filters, CandidateFilters, "list_candidates")
        params = self._page_params(limit, cursor, MAX_RECRUITING_PAGE_SIZE)
        params.update(self._updated(filters))
        if "email" in filters:
            params["email"] = self._email("email", filters["email"])
        return Call(list_candidates, instance_of(CandidateList), params)

    def get_candidate(self, candidate_id: str | int) -> Call[Candidate]:
        self._v2("get_candidate")
        kwargs = {"id": _id("candidate_id", candidate_id)}
        return Call(get_candidate, _unwrap(Candidate), kwargs)

    def list_jobs(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[JobFilters],
    ) -> Call[JobList]:
        self._v2("list_jobs")
        _unknown(filters, JobFilters, "list_jobs")
        params = self._page_params(limit, cursor, MAX_RECRUITING_PAGE_SIZE)
        params.update(self._updated(filters))
        return Call(list_jobs, instance_of(JobList), params)

    def get_job(self, job_id: str | int) -> Call[Job]:
        self._v2("get_job")
        return Call(get_job, _unwrap(Job), {"id": _id("job_id", job_id)})

    def list_categories(self) -> Call[list[Category]]:
        self._v2("list_categories")
        return Call(list_categories, instance_of(CategoryList)).map(lambda page: page.field_data)

    def get_category(self, category_id: str | int) -> Call[Category]:
        self._v2("get_category")
        return Call(get_category, _unwrap(Category), {"id": _id("category_id", category_id)})

    # --- v2 persons ------------------------------------------------------------------

    def list_persons(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[PersonFilters],
    ) -> Call[PersonList]:
        self._v2("list_persons")
        _unknown(filters, PersonFilters, "list_persons")
        params = self._page_params(limit, cursor, MAX_PERSONS_PAGE_SIZE)
        if "ids" in filters:
            ids = filters["ids"]
            if isinstance(ids, str | bytes) or not isinstance(ids, Iterable):
                raise InvalidInputError("ids", f"must be a list of person ids, got {ids!r}")
            listed = [_id(f"ids.{index}", value) for index, value in enumerate(ids)]
            params["id"] = ",".join(string_list("ids", listed))
        if "emails" in filters:
            emails = string_list("emails", filters["emails"])
            params["email"] = ",".join(self._email(f"emails.{i}", e) for i, e in enumerate(emails))
        for name in ("first_name", "last_name", "preferred_name"):
            if name in filters:
                params[name] = non_empty_str(name, filters[name])
        for name, wire in (
            ("created_after", "created_at_gt"),
            ("created_before", "created_at_lt"),
            ("updated_after", "updated_at_gt"),
            ("updated_before", "updated_at_lt"),
        ):
            if name in filters:
                params[wire] = utc_moment(name, filters[name])  # type: ignore[literal-required]
        if "status" in filters:
            params["status"] = choice("status", filters["status"], ListPersonsStatus)
        return Call(list_persons, instance_of(PersonList), params)

    def get_person(self, person_id: str | int) -> Call[Person]:
        self._v2("get_person")
        return Call(get_person, _unwrap(Person), {"id": _id("person_id", person_id)})

    # --- cursor walks (``iter_*``) -----------------------------------------------------
    # After the first page only the cursor and the page size are sent: Personio's next
    # links carry nothing else, so the cursor is taken to remember the filters.

    @staticmethod
    def _page_size(page_size: int, maximum: int) -> int:
        size = positive_int("page_size", page_size)
        if size > maximum:
            raise InvalidInputError("page_size", f"must be at most {maximum}, got {size}")
        return size

    def application_pages(
        self, page_size: int, **filters: Unpack[ApplicationFilters]
    ) -> PageCall[Application]:
        size = self._page_size(page_size, MAX_RECRUITING_PAGE_SIZE)
        return lambda cursor: self.list_applications(
            limit=size, cursor=cursor, **({} if cursor else filters)
        ).map(_cursor_page)

    def candidate_pages(
        self, page_size: int, **filters: Unpack[CandidateFilters]
    ) -> PageCall[Candidate]:
        size = self._page_size(page_size, MAX_RECRUITING_PAGE_SIZE)
        return lambda cursor: self.list_candidates(
            limit=size, cursor=cursor, **({} if cursor else filters)
        ).map(_cursor_page)

    def job_pages(self, page_size: int, **filters: Unpack[JobFilters]) -> PageCall[Job]:
        size = self._page_size(page_size, MAX_RECRUITING_PAGE_SIZE)
        return lambda cursor: self.list_jobs(
            limit=size, cursor=cursor, **({} if cursor else filters)
        ).map(_cursor_page)

    def person_pages(self, page_size: int, **filters: Unpack[PersonFilters]) -> PageCall[Person]:
        size = self._page_size(page_size, MAX_PERSONS_PAGE_SIZE)
        return lambda cursor: self.list_persons(
            limit=size, cursor=cursor, **({} if cursor else filters)
        ).map(_cursor_page)


def _id(field: str, value: object) -> str:
    """A v2 id: Personio sends them as strings of digits; ints are accepted too."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(positive_int(field, value))
    text = non_empty_str(field, value).strip()
    if "/" in text:
        raise InvalidInputError(field, f"must be an id, got {value!r}")
    return text
