"""Every Personio operation, declared once for ``Personio`` and ``AsyncPersonio``.

Each operation checks that the credentials it needs were given, validates its arguments,
converts them to Personio's wire format and returns the :class:`~hirelink.core.Call`
(or flow of calls, or walk over pages) to run; :func:`~hirelink.core.operation` makes it
a method of both clients and an entry of the operations catalog. Nothing here does I/O
except reading the files to upload, which are checked before anything is sent.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypedDict, TypeVar, Unpack
from uuid import UUID

from hirelink.api.personio import models
from hirelink.api.personio.models import (
    ApplicationFileCategory,
    ListPersonsStatus,
    SystemPhaseId,
)
from hirelink.core import (
    Call,
    ClientCredentialsAuth,
    Document,
    Flow,
    Inputs,
    InvalidInputError,
    Param,
    Walk,
    cursor_from_link,
    instance_of,
    list_of,
    load_file,
    operation,
    walker,
)
from hirelink.core.calls import may_have_been_carried_out, nothing
from hirelink.core.errors import MalformedResponseError, UnknownArgumentError
from hirelink.core.feeds import Feed, WatchOptions
from hirelink.core.files import LoadedFile, StoredFile, document_list
from hirelink.core.http import account_at
from hirelink.core.operations import Operation, require_credentials, watcher
from hirelink.core.pagination import CursorPage
from hirelink.core.secrets import hide_query_values, mask_all_while_alive, pop_secrets, scrub
from hirelink.core.validation import (
    Converter,
    bounded_int,
    choice,
    email,
    header_name,
    http_url,
    id_digits,
    id_number,
    latest_today,
    listed,
    non_empty_str,
    non_empty_text,
    one_of,
    positive_int,
    secret,
    shape,
    string_list,
    utc_moment,
)
from hirelink.core.validation import email as email_address

from ._jobs_feed import list_job_positions
from .connection import RECRUITING_WRITE, ConnectionCheck, connection_flow
from .credentials import WHERE_TO_FIND, Credentials
from .documents import LIMITS, DocumentFile, keep_uploaded
from .positions import JobPosition

if TYPE_CHECKING:
    from hirelink.api.personio.types import Unset

__all__ = [
    "ApplicationFilters",
    "CandidateFilters",
    "JobFilters",
    "NewApplication",
    "PersonFilters",
    "PersonioOperations",
    "WebhookChanges",
    "WebhookSettings",
    "next_cursor",
]

# Searches by an applicant's or employee's e-mail address or name: not in logs or errors.
hide_query_values("candidate.email", "email", "first_name", "last_name", "preferred_name")

DEFAULT_API_BASE_URL: Final = "https://api.personio.de"
"""Personio's API (v1 Recruiting and v2)."""
DEFAULT_JOBS_BASE_URL: Final = "https://{subdomain}.jobs.personio.de"
"""Personio's public XML job feed, per company subdomain."""
LANGUAGES: Final = ("de", "en", "fr", "es", "nl", "it", "pt")
MAX_RECRUITING_PAGE_SIZE: Final = 200
MAX_PERSONS_PAGE_SIZE: Final = 50
MAX_WEBHOOK_HEADERS: Final = 3
_WEBHOOK_ID: Final = "0b7e6a52-8f0e-4c31-9d2a-5e1f3c7b9a10"
GENDERS: Final = ("male", "female", "diverse", "undefined")
ATTRIBUTE_IDS: Final = (
    "phone",
    "gender",
    "birthday",
    "location",
    "available_from",
    "salary_expectations",
)
_CUSTOM_ATTRIBUTE = re.compile(r"custom_attribute_[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_PROBE_DATE: Final = date(2999, 12, 31)

Language = Literal["de", "en", "fr", "es", "nl", "it", "pt"]
SystemPhaseName = Literal["unassigned", "rejected", "withdrawn", "offer", "accepted"]
Moment = datetime | date
SubmissionApi = Literal["v1", "v2"]
T = TypeVar("T")
Item_co = TypeVar("Item_co", covariant=True)


def next_cursor(meta: models.ListMeta | object, operation: str = "next_cursor") -> str | None:
    """The cursor of the next page from ``_meta.links.next.href`` (absolute or relative);
    None when there is no next page.

    Raises:
        MalformedResponseError: (naming ``operation``) a next link that holds no cursor:
            there is a next page, but it cannot be asked for.
    """
    if not isinstance(meta, models.ListMeta) or not meta.links or not meta.links.next_:
        return None
    link = meta.links.next_.href
    cursor = cursor_from_link(link)
    if link and cursor is None:
        raise MalformedResponseError(
            operation, f"the next-page link {scrub(str(link))[:120]!r} holds no cursor"
        )
    return cursor


class ListPage(Protocol[Item_co]):
    """What every generated v2 list model has: ``_data`` and ``_meta``."""

    @property
    def field_data(self) -> Sequence[Item_co]: ...

    @property
    def field_meta(self) -> models.ListMeta | Unset: ...


_ATTACH_AGAIN: Final = (
    "to try again without uploading them again, pass uploaded_documents(error) as"
    " documents= (hirelink.personio.uploaded_documents), or in the catalog and the"
    " hirelink command these documents"
)


def _note_kept_uploads(error: BaseException, uploaded: list[Document], what: str) -> None:
    """Name the documents Personio keeps from a create_application that stopped (failed,
    or interrupted): a retry can attach them instead of uploading them again."""
    if uploaded:  # a hirelink error, or an interruption: all a flow is thrown
        keep_uploaded(error, uploaded)
        error.add_note(f"uploaded before {what}: {_named(uploaded)}")


def _named(uploaded: list[Document]) -> str:
    """The uploaded documents in the catalog's form, as JSON, after how to attach them
    (ASCII, so that it stays JSON on an output that cannot show every character)."""
    listed = [
        {
            "type": document.type,
            "uuid": str(document.file.uuid),
            "original_filename": document.file.original_filename,
        }
        for document in uploaded
        if isinstance(document.file, StoredFile)
    ]
    return f"{_ATTACH_AGAIN}: {json.dumps(listed)}"


def _cursor_page(operation: str, page: ListPage[T]) -> CursorPage[T]:
    return page.field_data, next_cursor(page.field_meta, operation)


_WITHOUT_ID = itertools.count()


def _record_key(record: object) -> Hashable:
    """A walked record's id (one read already is not yielded again); a record without one
    (the spec leaves most ids optional) is never taken for one read already."""
    identifier = getattr(record, "id", None)
    return identifier if isinstance(identifier, str) else ("no id", next(_WITHOUT_ID))


def _by_id(
    request: partial[Any], model: type[T], *, fallback: Callable[[object], T] | None = None
) -> Call[T]:
    """A by-id answer, wrapped in ``_data`` or bare (Personio's shape is unclear)."""
    return Call(request, _unwrap(model), envelope="_data", fallback=fallback)


def _unwrap(model: type[T]) -> Callable[[object], T]:
    narrow = instance_of(model)

    def unwrap(parsed: object) -> T:
        if isinstance(getattr(parsed, "additional_properties", {}).get("_data"), dict):
            # The envelope did not parse (a null member, say) and the bare model took the
            # answer with nothing set: a drift, read again by the tolerant reader.
            raise TypeError(f"{model.__name__}: its _data did not read as one")
        data = getattr(parsed, "field_data", None)
        return narrow(data if data is not None and not isinstance(parsed, model) else parsed)

    return unwrap


# --- argument groups ------------------------------------------------------------------


class UpdatedFilters(TypedDict, total=False):
    """``updated_after`` or ``updated_before`` (Personio refuses both at once; ``None`` is the
    same as leaving one out)."""

    updated_after: Moment | None
    """Only records updated after this moment (a datetime with a time zone, converted to UTC)."""
    updated_before: Moment | None
    """Only records updated before this moment."""


class ApplicationFilters(UpdatedFilters, total=False):
    """Filters of ``list_applications`` / ``iter_applications``."""

    candidate_email: str | None
    """Only applications of the candidate with this email address."""


class CandidateFilters(UpdatedFilters, total=False):
    """Filters of ``list_candidates`` / ``iter_candidates``."""

    email: str | None
    """Only the candidate with this email address."""


class JobFilters(UpdatedFilters, total=False):
    """Filters of ``list_jobs`` / ``iter_jobs``."""


class PersonFilters(TypedDict, total=False):
    """Filters of ``list_persons`` / ``iter_persons``; they combine with AND (``None`` is the
    same as leaving one out)."""

    ids: Sequence[str | int] | None
    """Only these persons (their Personio ids)."""
    emails: Sequence[str] | None
    """Only persons with one of these e-mail addresses."""
    first_name: str | None
    """Only persons with this first name."""
    last_name: str | None
    """Only persons with this last name."""
    preferred_name: str | None
    """Only persons with this preferred name."""
    created_at: Moment | None
    """Only persons created at exactly this moment (a datetime with a time zone, converted to
    UTC), as an answer's ``created_at`` gives it."""
    created_after: Moment | None
    """Only persons created after this moment (a datetime with a time zone, converted to UTC)."""
    created_before: Moment | None
    """Only persons created before this moment."""
    updated_at: Moment | None
    """Only persons last updated at exactly this moment."""
    updated_after: Moment | None
    """Only persons updated after this moment."""
    updated_before: Moment | None
    """Only persons updated before this moment."""
    status: Literal["ACTIVE", "INACTIVE"] | ListPersonsStatus | None
    """``ACTIVE`` or ``INACTIVE`` employees only."""


class NewApplication(TypedDict, total=False):
    """Optional fields of ``create_application``."""

    recruiting_channel_id: int
    """The channel to attribute the application to; defaults to the client's channel_id."""
    external_posting_id: str
    """The posting's id at the channel (e.g. from a multiposting provider)."""
    message: str
    """The applicant's message."""
    application_date: date
    """The submission date. Personio refuses dates in the future; one after today at
    UTC+14 (the future everywhere) is refused before anything is sent."""
    phase: SystemPhaseName | SystemPhaseId | int
    """A system phase by name, or the id of a custom phase."""
    tags: Iterable[str]
    """Tags to add; unknown tags are created."""
    attributes: Mapping[str, str | date]
    """``phone``, ``gender``, ``birthday``, ``location``, ``available_from``,
    ``salary_expectations`` and ``custom_attribute_<n>`` values; ``birthday`` a
    ``datetime.date`` or its ``YYYY-MM-DD`` text."""
    documents: Sequence[Document]
    """Files to upload first (or uploaded already) and attach; ``type`` is the category
    (``cv``, ``cover-letter``, ``employment-reference``, ``certificate``,
    ``work-sample``, ``other``: the default)."""


def _attributes(values: object) -> list[models.ApplicationAttribute]:
    if not isinstance(values, Mapping):
        raise InvalidInputError(
            "attributes", f"must be a mapping of id to value, got {shape(values)}"
        )
    attributes = []
    for key, value in values.items():
        field = f"attributes.{key}"
        if key not in ATTRIBUTE_IDS and not (
            isinstance(key, str) and _CUSTOM_ATTRIBUTE.fullmatch(key)
        ):
            allowed = ", ".join(ATTRIBUTE_IDS)
            raise InvalidInputError(field, f"must be one of {allowed} or custom_attribute_<n>")
        if not isinstance(value, str | date):
            # The applicant's own value (a phone number, a salary, a date of birth given as
            # a number): its type is named, never the value.
            expected = "text or a datetime.date"
            if key == "birthday":
                expected = "a datetime.date or its YYYY-MM-DD text"
            number = isinstance(value, int | float) and not isinstance(value, bool)
            given = "a number" if number else f"a value of type {type(value).__name__}"
            raise InvalidInputError(field, f"must be {expected}, got {given}")
        if key == "birthday" and isinstance(value, str):
            value = _iso_date(field, value)
        if key == "birthday" or isinstance(value, datetime):
            # Date attributes take YYYY-MM-DD: a datetime would be sent with its time.
            value = _date_only(field, value)
        text = value.isoformat() if isinstance(value, date) else non_empty_text(field, value)
        if key == "gender" and text not in GENDERS:
            raise InvalidInputError(
                field, f"must be one of {', '.join(GENDERS)}, got {shape(text)}"
            )
        attributes.append(models.ApplicationAttribute(id=key, value=text))
    return attributes


def _phase(value: object) -> models.SystemPhase | models.CustomPhase:
    if isinstance(value, int) and not isinstance(value, bool):
        return models.CustomPhase(type_="custom", id=positive_int("phase", value))
    return models.SystemPhase(type_="system", id=choice("phase", value, SystemPhaseId))


def _document_category(field: str, document: Document) -> ApplicationFileCategory:
    return choice(field, document.type or "other", ApplicationFileCategory)


def _loaded(field: str, document: Document) -> LoadedFile | StoredFile:
    """A document Personio holds already (an upload's answer) as it is; a file read and
    checked against Personio's limits."""
    if isinstance(document.file, StoredFile):
        return document.file
    return document.load(LIMITS, field)


def _date_only(field: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInputError(
            field, f"must be a datetime.date (YYYY-MM-DD in the catalog), got {shape(value)}"
        )
    return value


def _iso_date(field: str, text: str) -> date:
    """``YYYY-MM-DD`` text (what the catalog and the CLI pass) as the date it names."""
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        problem = f"must be a calendar date as YYYY-MM-DD or a datetime.date, got {shape(text)}"
        raise InvalidInputError(field, problem) from None


def _past_date(field: str, value: object) -> date:
    """A date that is not in the future anywhere on Earth.

    Personio refuses an application dated in the future, judged by a clock and time zone
    of its own; this host's local date is neither. So only a date after today at UTC+14
    is refused here; a date that is today somewhere is left for Personio to judge.
    """
    given = _date_only(field, value)
    if given > latest_today():
        raise InvalidInputError(field, f"must not be in the future, got {given.isoformat()}")
    return given


_CURSOR_PAGING: dict[str, Converter] = {
    "limit": bounded_int(maximum=MAX_RECRUITING_PAGE_SIZE),
    "cursor": non_empty_str,
}
_UPDATED = {
    "updated_after": Param(utc_moment, wire="updated_at_gt"),
    "updated_before": Param(utc_moment, wire="updated_at_lt"),
}
_APPLICATIONS = Inputs("list_applications", **_CURSOR_PAGING, **_UPDATED, candidate_email=email)
_CANDIDATES = Inputs("list_candidates", **_CURSOR_PAGING, **_UPDATED, email=email)
_JOBS = Inputs("list_jobs", **_CURSOR_PAGING, **_UPDATED)
_WEBHOOK_EVENTS = Inputs("list_webhook_events", cursor=non_empty_str)


def _person_ids(field: str, ids: object) -> str:
    given = listed(field, ids, "person ids")
    checked = [_id(f"{field}.{index}", id_) for index, id_ in enumerate(given)]
    if not checked:
        raise InvalidInputError(field, "must contain at least one value")
    return ",".join(checked)


def _emails(field: str, emails: object) -> str:
    given = string_list(field, emails, strip=True)
    return ",".join(email(f"{field}.{index}", value) for index, value in enumerate(given))


_PERSONS = Inputs(
    "list_persons",
    limit=bounded_int(maximum=MAX_PERSONS_PAGE_SIZE),
    cursor=non_empty_str,
    ids=Param(_person_ids, wire="id"),
    emails=Param(_emails, wire="email"),
    first_name=non_empty_str,
    last_name=non_empty_str,
    preferred_name=non_empty_str,
    created_at=utc_moment,
    updated_at=utc_moment,
    created_after=Param(utc_moment, wire="created_at_gt"),
    created_before=Param(utc_moment, wire="created_at_lt"),
    **_UPDATED,
    status=one_of(ListPersonsStatus),
)
_NEW_APPLICATION = Inputs(
    "create_application",
    recruiting_channel_id=positive_int,
    external_posting_id=non_empty_str,
    message=non_empty_text,
    application_date=_past_date,
    phase=lambda field, value: _phase(value),
    tags=string_list,
    attributes=lambda field, value: _attributes(value),
)


def _one_updated_bound(filters: Mapping[str, object]) -> None:
    """Refuse both bounds given; one passed as None counts as not given (as everywhere)."""
    if filters.get("updated_after") is not None and filters.get("updated_before") is not None:
        raise InvalidInputError(
            "updated_before",
            "Personio cannot combine updated_after and updated_before; give one of them",
        )


_RECRUITING_KEY: Final = ("company_id", "recruiting_token")
"""What the Recruiting API v1 needs (the ``Recruiting API key`` of the connection flow)."""
_CLIENT_CREDENTIALS: Final = ("client_id", "client_secret")
"""What the v2 API needs (a custom integration's client credentials)."""


class PersonioOperations:
    """Every Personio operation; the client sets the attributes below."""

    credentials: Credentials
    feed_url: str
    base_url: str  # the client's (ProviderClient.base_url)
    oauth: ClientCredentialsAuth | None
    """The v2 token flow (None without client credentials)."""

    @property
    def credential_hints(self) -> dict[str, str]:
        """Where the customer finds each credential (for a missing one's error)."""
        return {name: self.credentials.where_to_find(name) for name in WHERE_TO_FIND}

    @property
    def credentials_given(self) -> tuple[str, ...]:
        return self.credentials.given

    def _repr_fields(self) -> dict[str, object]:
        return {
            "subdomain": self.credentials.subdomain,
            "credentials": list(self.credentials.given),
        }

    # --- XML feed ---------------------------------------------------------------------

    @operation("List Job Positions", example={"language": "en"})
    def list_job_positions(self, *, language: Language = "de") -> Call[list[JobPosition]]:
        """The published positions of the XML job feed (no credentials needed).

        ``language``: ``de``, ``en``, ``fr``, ``es``, ``nl``, ``it`` or ``pt``; only
        languages enabled for the career site are available. A disabled feed or an
        unknown subdomain raises :class:`~hirelink.core.NotFoundError` saying so.

        Args:
            language: The feed's language: ``de`` (the default), ``en``, ``fr``, ``es``, ``nl``,
                ``it`` or ``pt``; only languages enabled for the career site are available.
        """
        if language not in LANGUAGES:
            short = isinstance(language, str) and len(language) < 9
            given = repr(language) if short else shape(language)
            raise InvalidInputError(
                "language", f"must be one of {', '.join(LANGUAGES)}, got {given}"
            )
        request = partial(
            list_job_positions.sync_detailed,
            url=self.feed_url,
            language=language,
            **self._company_header(),
        )
        return Call(request, list_of(JobPosition))

    # --- Recruiting API v1 -----------------------------------------------------------

    @operation(
        "Upload Document",
        example={"file": "JVBERi0xLjQK", "filename": "cv.pdf"},
        reads_files=True,
    )
    def upload_document(
        self, file: DocumentFile, *, filename: str | None = None
    ) -> Call[models.UploadedDocument]:
        """Upload one file (at most 20 MB, a type Personio accepts) for a later application.

        ``file`` is bytes (then ``filename`` is required), a path or a binary file
        object. Returns the stored document; pass it as the ``file`` of a
        :class:`~hirelink.core.Document` in ``documents`` of :meth:`create_application`
        to attach it.

        Sent like :meth:`create_application`: with the Recruiting API key (v1) when the
        client holds it, else with the client credentials (v2, scope
        ``personio:recruiting:write``).

        Args:
            file: The file: its bytes (base64 text in the catalog), a path or a binary file object;
                at most 20 MB, of a type Personio accepts (judged by the file name's extension: pdf,
                docx, jpg, png, txt and others).
            filename: The name sent, with the extension that tells the file's type: required for
                bytes (so always in the catalog, which takes base64 text) and for a file object
                without a name, else taken from the path or the file object when left out.
        """
        loaded = load_file(file, LIMITS, filename=filename)
        return self._upload(loaded, self._submission_api("upload_document"))

    def _company_header(self) -> dict[str, str]:
        """The ``X-Company-ID`` header parameter, when the company id is known."""
        company = self.credentials.company_id
        return {} if company is None else {"x_company_id": str(company)}

    def _company_id(self) -> str:
        """The required ``X-Company-ID`` header parameter of the Recruiting API v1."""
        require_credentials(self, "the Recruiting API", ("company_id",))
        return str(self.credentials.company_id)

    def _submission_api(self, operation: str) -> SubmissionApi:
        """Which API submits applications and documents: the rule, stated once.

        The Recruiting API key (v1) when the client holds it: its path is the documented
        one with a published rate limit, while v2's body names are inferred. Otherwise
        the client credentials (v2). With neither complete, the error names the first
        missing part of the key and the alternative.
        """
        if not self.credentials.missing(*_RECRUITING_KEY):
            return "v1"
        if not self.credentials.missing(*_CLIENT_CREDENTIALS):
            return "v2"
        missing = self.credentials.missing(*_RECRUITING_KEY)[0]
        raise InvalidInputError(
            missing,
            f"{operation} needs the Recruiting API key (company_id=, recruiting_token=) or "
            f"the client credentials (client_id=, client_secret=) of a custom integration "
            f"with {RECRUITING_WRITE}; find {missing} under "
            + self.credentials.where_to_find(missing),
        )

    def _upload(self, loaded: LoadedFile, api: SubmissionApi) -> Call[models.UploadedDocument]:
        from hirelink.api.personio.api.applications import upload_application_document_v2
        from hirelink.api.personio.api.recruiting_v1 import upload_application_document
        from hirelink.api.personio.types import File

        payload = File(
            payload=io.BytesIO(loaded.content),
            file_name=loaded.filename,
            mime_type=loaded.mime_type,
        )
        body = models.DocumentUploadRequest(file=payload)
        request: partial[Any]
        if api == "v2":
            request = partial(upload_application_document_v2.sync_detailed, body=body)
        else:
            request = partial(
                upload_application_document.sync_detailed,
                body=body,
                x_company_id=self._company_id(),
            )
        return Call(request, instance_of(models.UploadedDocument))

    @operation(
        "Create Application",
        example={
            "job_position_id": 1874512,
            "first_name": "Lena",
            "last_name": "Vogt",
            "email": "lena.vogt@example.org",
            "documents": [{"type": "cv", "filename": "cv.pdf", "content": "JVBERi0xLjQK"}],
        },
        reads_files=True,
    )
    def create_application(
        self,
        job_position_id: int | str,
        *,
        first_name: str,
        last_name: str,
        email: str,
        **fields: Unpack[NewApplication],
    ) -> Flow[models.ApplicationRequest]:
        """Submit an application, uploading its ``documents`` first.

        ``job_position_id`` is the position's id, as an int or as the string of digits
        the v2 job listings give (``job.id``). Optional: ``recruiting_channel_id``
        (defaults to the client's ``channel_id``), ``external_posting_id``, ``message``,
        ``application_date``, ``phase`` (a system phase name or a custom phase id),
        ``tags``, ``attributes`` (``phone``, ``gender``, ``birthday``, ``location``,
        ``available_from``, ``salary_expectations``, ``custom_attribute_<n>``) and
        ``documents``.
        Everything is validated before the first upload.

        Sent with the Recruiting API key (v1) when the client holds it, else with the
        client credentials (v2: ``POST /v2/recruiting/applications``, scope
        ``personio:recruiting:write``; its body names are inferred from v1's).

        Personio answers without a body, so this returns the application as submitted
        (with the uuids of the uploaded documents). A candidate who already applied
        raises :class:`~hirelink.core.DuplicateApplicationError`; other refusals raise
        the error their reason codes call for, with the codes in ``field_errors``. v2's
        error format is not documented: its codes are read where an error's ``detail``
        quotes them (unverified against Personio).

        Args:
            job_position_id: The position applied to: its id as an int, or as the string of digits
                the v2 job listings give (``job.id``).
            first_name: The applicant's first name (non-empty; surrounding spaces are dropped).
            last_name: The applicant's last name (non-empty; surrounding spaces are dropped).
            email: The applicant's e-mail address (its shape is checked before sending).
        """
        documents = document_list("documents", fields.pop("documents", None))
        request: dict[str, Any] = {
            "job_position_id": id_number("job_position_id", job_position_id),
            "first_name": non_empty_str("first_name", first_name, strip=True),
            "last_name": non_empty_str("last_name", last_name, strip=True),
            "email": email_address("email", email),
            "recruiting_channel_id": self.credentials.channel_id,
            **_NEW_APPLICATION.wire(fields),
        }
        attached = [
            (_document_category(f"documents.{i}.type", d), _loaded(f"documents.{i}", d))
            for i, d in enumerate(documents)
        ]
        return self._upload_then_submit(
            request, attached, self._submission_api("create_application")
        )

    def _upload_then_submit(
        self,
        request: dict[str, Any],
        attached: list[tuple[ApplicationFileCategory, LoadedFile | StoredFile]],
        api: SubmissionApi,
    ) -> Flow[models.ApplicationRequest]:
        from hirelink.api.personio.api.applications import create_application_v2
        from hirelink.api.personio.api.recruiting_v1 import create_application
        from hirelink.api.personio.types import UNSET

        files = []
        uploaded: list[Document] = []
        for category, item in attached:
            if isinstance(item, StoredFile):
                stored = item
            else:
                upload = self._upload(item, api)
                try:
                    stored = yield upload
                except BaseException as error:
                    _note_kept_uploads(error, uploaded, f"uploading {item.filename!r} failed")
                    if may_have_been_carried_out(error):
                        error.add_note(f"Personio may hold {item.filename!r} all the same")
                    raise
                if not isinstance(stored.uuid, UUID):  # its answer could not be read
                    unread = MalformedResponseError(
                        upload.operation,
                        f"{item.filename!r} was sent, but the answer names no document uuid,"
                        " so the application was not submitted; Personio may hold the file:"
                        " check before resending",
                    )
                    _note_kept_uploads(unread, uploaded, f"uploading {item.filename!r}")
                    raise unread
                uploaded.append(Document(stored, type=category.value))
            files.append(
                models.ApplicationFile(
                    uuid=stored.uuid,
                    original_filename=stored.original_filename,
                    category=category,
                )
            )
        wire = {name: value for name, value in request.items() if value is not None}
        body = models.ApplicationRequest(**wire, files=files or UNSET)
        submission: partial[Any]
        if api == "v2":
            submission = partial(create_application_v2.sync_detailed, body=body)
        else:
            submission = partial(
                create_application.sync_detailed, body=body, x_company_id=self._company_id()
            )
        try:
            yield Call(submission, nothing)
        except BaseException as error:
            if may_have_been_carried_out(error):  # a retry could apply twice
                kept = ""
                if uploaded:
                    keep_uploaded(error, uploaded)
                    kept = f"; it attached documents uploaded first: {_named(uploaded)}"
                error.add_note(
                    "the submission may have been carried out: look for the application in"
                    f" Personio before trying again{kept}"
                )
            else:
                _note_kept_uploads(error, uploaded, "the submission failed")
            raise
        return body

    def _connection_probe(self, job_position_id: int) -> Call[None]:
        """A submission Personio must refuse (its date lies far in the future).

        Personio checks the Recruiting API key first (401/403) and then reports every
        invalid field at once, including an unknown channel; so the answer tells
        whether the key and the channel id work, and nothing is created.
        """
        from hirelink.api.personio.api.recruiting_v1 import create_application
        from hirelink.api.personio.types import UNSET

        body = models.ApplicationRequest(
            first_name="Connection",
            last_name="Check",
            email="connection-check@hirelink.invalid",
            job_position_id=job_position_id,
            application_date=_PROBE_DATE,
            recruiting_channel_id=(
                UNSET if self.credentials.channel_id is None else self.credentials.channel_id
            ),
        )
        request = partial(
            create_application.sync_detailed, body=body, x_company_id=self._company_id()
        )
        return Call(request, nothing)

    # --- OAuth and the connection --------------------------------------------------------

    @operation(requires=_CLIENT_CREDENTIALS)
    def revoke_access_token(self) -> Flow[bool]:
        """Revoke the cached v2 access token; the next v2 call fetches a new one.

        Returns False when no token was cached (nothing to revoke). The token is forgotten
        once Personio confirmed the revocation: when that fails, it is still cached, so
        calling this again revokes it (revoking is resent after a lost answer or a 5xx,
        since revoking twice does no harm).
        """
        # Not in the catalog: each catalog call uses a fresh client, which holds no token.
        from hirelink.api.personio.api.auth import revoke_access_token

        token = self.oauth.token if self.oauth else None
        if token is None:
            return False
        body = models.RevokeRequest(token=token.value.reveal())
        request = partial(revoke_access_token.sync_detailed, body=body)
        yield Call(request, nothing, repeatable=True)
        if self.oauth and self.oauth.token is token:  # not one fetched meanwhile
            self.oauth.invalidate()
        return True

    @operation("Check Connection")
    def check_connection(self) -> Flow[list[ConnectionCheck]]:
        """Check every credential of the connection flow; see :mod:`hirelink.personio.connection`.

        Returns one :class:`~hirelink.core.ConnectionCheck` each for the API domain and XML
        feed, the Recruiting API key, the channel ID, the client credentials, their
        recruiting read scope and the write scope v2 submissions need, saying what to fix.
        Creates no data; never raises for API failures.
        """
        return connection_flow(
            self.credentials,
            self.feed_url,
            feed=PersonioOperations.list_job_positions.prepare(self, language="de"),
            probe=self._connection_probe,
            categories=lambda: PersonioOperations.list_categories.prepare(self),
            granted_scopes=self._granted_scopes,
        )

    def _granted_scopes(self) -> tuple[str, ...]:
        token = self.oauth.token if self.oauth else None
        return token.scopes if token else ()

    def _every_page(
        self,
        listing: Operation[Any, ...],
        *path: str,
        page_size: int | None = None,
        maximum: int = MAX_RECRUITING_PAGE_SIZE,
        filters: Mapping[str, Any] | None = None,
    ) -> Walk[Any]:
        """Every item of the v2 list operation ``listing``, page by page (every walker).

        ``path`` holds its positional arguments (a webhook's id), sent with every page;
        ``page_size`` (at most ``maximum``) is its ``limit``, for the lists that take one.
        """
        paging: dict[str, int] = {}
        if page_size is not None:
            paging["limit"] = bounded_int(maximum=maximum)("page_size", page_size)
        first_page = filters or {}
        # After the first page only the cursor and the page size are sent: Personio's next
        # links carry nothing else, so the cursor is taken to remember the filters.

        def page(cursor: str | None) -> Call[CursorPage[Any]]:
            call = listing.prepare(
                self, *path, **paging, cursor=cursor, **({} if cursor else first_page)
            )
            return call.map(partial(_cursor_page, call.operation))

        return Walk.cursor(page, key=_record_key)

    # --- v2 recruiting ---------------------------------------------------------------

    @operation(
        "List Applications",
        example={"candidate_email": "lena.vogt@example.org"},
        requires=_CLIENT_CREDENTIALS,
    )
    def list_applications(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[ApplicationFilters],
    ) -> Call[models.ApplicationList]:
        """One page of applications, most recently updated first.

        Filters: ``updated_after`` or ``updated_before`` (not both), ``candidate_email``.
        ``limit`` is 1 to 200; ``cursor`` comes from the previous page (see
        :func:`~hirelink.personio.next_cursor`). Prefer :meth:`iter_applications`.

        Args:
            limit: How many applications a page holds, 1 to 200.
            cursor: Where the page starts: the cursor of the previous page's next link (see
                :func:`~hirelink.personio.next_cursor`); left out, the first page.
        """
        from hirelink.api.personio.api.applications import list_applications

        _one_updated_bound(filters)
        wire = _APPLICATIONS.wire({"limit": limit, "cursor": cursor, **filters})
        request = partial(list_applications.sync_detailed, **wire)
        return Call(request, instance_of(models.ApplicationList))

    @walker(list_applications)
    def iter_applications(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[ApplicationFilters]
    ) -> Walk[models.Application]:
        """Every application matching ``filters``, fetched lazily page by page.

        Each is yielded once. Personio does not document where its cursor goes when an
        application changes during the walk: one that moves onto a page already read is
        missed; to follow changes, watch.

        Args:
            page_size: How many applications each request asks for, 1 to 200 (200 by default).
        """
        return self._every_page(
            PersonioOperations.list_applications,
            page_size=page_size,
            filters=filters,
        )

    @watcher(iter_applications)
    def watch_applications(self, **options: Unpack[WatchOptions]) -> Feed[models.Application]:
        """Every application created or changed after a checkpoint, once per change.

        Personio has no recruiting webhooks, so this polls
        ``iter_applications(updated_after=...)`` every ``interval`` seconds and yields each
        application whose ``updated_at`` is new (that a stage change moves it is our
        reading), oldest first, until the loop stops (or after ``polls`` polls). Starts
        from the checkpoint saved in ``store`` under ``name``, else from ``since``, else
        from now. At least once: after a restart an application whose handling was cut
        short comes again. None is lost, unless Personio's cursors stand for positions
        (not documented) and applications are deleted while a poll reads several pages:
        then one moved onto a page already read can be skipped for good. With a Redis
        ``store`` one worker at a time
        polls (and spends the rate budget); another takes over within ``lease_ttl`` plus
        one ``interval`` when it dies. Options: :class:`hirelink.core.feeds.WatchOptions`.
        """
        return Feed.declare(
            "personio:"
            + account_at(self.credentials.subdomain, self.base_url, DEFAULT_API_BASE_URL)
            + ":applications",
            lambda moment: PersonioOperations.iter_applications.build(self, updated_after=moment),
            timestamp=lambda application: application.updated_at,
            key=lambda application: application.id,
            options=options,
            # stamps are whole seconds: a second change within one is told by content
            revision=lambda application: application.to_dict(),
        )

    @operation(
        "Retrieve Application", example={"application_id": 8812046}, requires=_CLIENT_CREDENTIALS
    )
    def get_application(self, application_id: str | int) -> Call[models.Application]:
        """One application.

        Args:
            application_id: The application's Personio id: the string of digits Personio gives, or a
                whole number >= 1.
        """
        from hirelink.api.personio.api.applications import get_application

        request = partial(get_application.sync_detailed, _id("application_id", application_id))
        return _by_id(request, models.Application)

    @operation(
        "List Application Stage Transitions",
        example={"application_id": 8812046},
        requires=_CLIENT_CREDENTIALS,
    )
    def list_application_stage_transitions(
        self, application_id: str | int
    ) -> Call[list[models.StageTransition]]:
        """The stages an application went through, latest first.

        Args:
            application_id: The application's Personio id: the string of digits Personio gives, or a
                whole number >= 1.
        """
        from hirelink.api.personio.api.applications import list_application_stage_transitions

        request = partial(
            list_application_stage_transitions.sync_detailed,
            _id("application_id", application_id),
        )
        return Call(request, instance_of(models.StageTransitionList)).map(
            lambda page: page.field_data
        )

    @operation(
        "List Candidates", example={"email": "lena.vogt@example.org"}, requires=_CLIENT_CREDENTIALS
    )
    def list_candidates(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[CandidateFilters],
    ) -> Call[models.CandidateList]:
        """One page of candidates; filters ``updated_after`` or ``updated_before``, ``email``.

        Args:
            limit: How many candidates a page holds, 1 to 200.
            cursor: Where the page starts: the cursor of the previous page's next link (see
                :func:`~hirelink.personio.next_cursor`); left out, the first page.
        """
        from hirelink.api.personio.api.candidates import list_candidates

        _one_updated_bound(filters)
        wire = _CANDIDATES.wire({"limit": limit, "cursor": cursor, **filters})
        return Call(
            partial(list_candidates.sync_detailed, **wire), instance_of(models.CandidateList)
        )

    @walker(list_candidates)
    def iter_candidates(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[CandidateFilters]
    ) -> Walk[models.Candidate]:
        """Every candidate matching ``filters``, fetched lazily page by page.

        Each is yielded once. Personio does not document where its cursor goes when a
        candidate changes during the walk: one that moves onto a page already read is
        missed; to follow changes, watch.

        Args:
            page_size: How many candidates each request asks for, 1 to 200 (200 by default).
        """
        return self._every_page(
            PersonioOperations.list_candidates,
            page_size=page_size,
            filters=filters,
        )

    @operation(
        "Retrieve Candidate", example={"candidate_id": 5520029}, requires=_CLIENT_CREDENTIALS
    )
    def get_candidate(self, candidate_id: str | int) -> Call[models.Candidate]:
        """One candidate.

        Args:
            candidate_id: The candidate's Personio id: the string of digits Personio gives, or a
                whole number >= 1.
        """
        from hirelink.api.personio.api.candidates import get_candidate

        request = partial(get_candidate.sync_detailed, _id("candidate_id", candidate_id))
        return _by_id(request, models.Candidate)

    @operation("List Jobs", example={"limit": 10}, requires=_CLIENT_CREDENTIALS)
    def list_jobs(
        self, *, limit: int | None = None, cursor: str | None = None, **filters: Unpack[JobFilters]
    ) -> Call[models.JobList]:
        """One page of jobs (no descriptions: those are in the XML feed).

        Args:
            limit: How many jobs a page holds, 1 to 200.
            cursor: Where the page starts: the cursor of the previous page's next link (see
                :func:`~hirelink.personio.next_cursor`); left out, the first page.
        """
        from hirelink.api.personio.api.jobs import list_jobs

        _one_updated_bound(filters)
        wire = _JOBS.wire({"limit": limit, "cursor": cursor, **filters})
        return Call(partial(list_jobs.sync_detailed, **wire), instance_of(models.JobList))

    @walker(list_jobs)
    def iter_jobs(
        self, *, page_size: int = MAX_RECRUITING_PAGE_SIZE, **filters: Unpack[JobFilters]
    ) -> Walk[models.Job]:
        """Every job matching ``filters``, fetched lazily page by page.

        Each is yielded once. Personio does not document where its cursor goes when a
        job changes during the walk: one that moves onto a page already read is
        missed; to follow changes, watch.

        Args:
            page_size: How many jobs each request asks for, 1 to 200 (200 by default).
        """
        return self._every_page(
            PersonioOperations.list_jobs,
            page_size=page_size,
            filters=filters,
        )

    @operation(
        "Retrieve Job",
        example={"job_position_id": 1874512},
        requires=_CLIENT_CREDENTIALS,
        renamed={"job_id": "job_position_id"},
    )
    def get_job(self, job_position_id: str | int) -> Call[models.Job]:
        """One job: the v2 record of a job position (the id the feed and
        ``create_application`` call ``job_position_id``).

        Args:
            job_position_id: The job position's Personio id (the feed's and ``create_application``'s
                ``job_position_id``): the string of digits Personio gives, or a whole number >= 1.
        """
        from hirelink.api.personio.api.jobs import get_job

        return _by_id(
            partial(get_job.sync_detailed, _id("job_position_id", job_position_id)), models.Job
        )

    @operation("List Categories", requires=_CLIENT_CREDENTIALS)
    def list_categories(self) -> Call[list[models.Category]]:
        """Every job category (not paged)."""
        from hirelink.api.personio.api.categories import list_categories

        return Call(partial(list_categories.sync_detailed), instance_of(models.CategoryList)).map(
            lambda page: page.field_data
        )

    @operation("Retrieve Category", example={"category_id": 88}, requires=_CLIENT_CREDENTIALS)
    def get_category(self, category_id: str | int) -> Call[models.Category]:
        """One job category.

        Args:
            category_id: The category's Personio id: the string of digits Personio gives, or a whole
                number >= 1.
        """
        from hirelink.api.personio.api.categories import get_category

        request = partial(get_category.sync_detailed, _id("category_id", category_id))
        return _by_id(request, models.Category)

    # --- v2 persons ------------------------------------------------------------------

    @operation("List Persons", example={"status": "ACTIVE"}, requires=_CLIENT_CREDENTIALS)
    def list_persons(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        **filters: Unpack[PersonFilters],
    ) -> Call[models.PersonList]:
        """One page of persons (employees); ``limit`` is 1 to 50.

        Filters (combined with AND): ``ids``, ``emails``, ``first_name``, ``last_name``,
        ``preferred_name``, ``created_at``, ``created_after``, ``created_before``,
        ``updated_at``, ``updated_after``, ``updated_before``, ``status`` (``ACTIVE`` or
        ``INACTIVE``).

        Args:
            limit: How many persons a page holds, 1 to 50.
            cursor: Where the page starts: the cursor of the previous page's next link (see
                :func:`~hirelink.personio.next_cursor`); left out, the first page.
        """
        from hirelink.api.personio.api.persons import list_persons

        wire = _PERSONS.wire({"limit": limit, "cursor": cursor, **filters})
        return Call(partial(list_persons.sync_detailed, **wire), instance_of(models.PersonList))

    @walker(list_persons)
    def iter_persons(
        self, *, page_size: int = MAX_PERSONS_PAGE_SIZE, **filters: Unpack[PersonFilters]
    ) -> Walk[models.Person]:
        """Every person matching ``filters``, fetched lazily page by page.

        Each is yielded once. Personio does not document where its cursor goes when a
        person changes during the walk: one that moves onto a page already read is
        missed; to follow changes, watch.

        Args:
            page_size: How many persons each request asks for, 1 to 50 (50 by default).
        """
        return self._every_page(
            PersonioOperations.list_persons,
            page_size=page_size,
            maximum=MAX_PERSONS_PAGE_SIZE,
            filters=filters,
        )

    @operation("Retrieve Person", example={"person_id": 24205101}, requires=_CLIENT_CREDENTIALS)
    def get_person(self, person_id: str | int) -> Call[models.Person]:
        """One person.

        Args:
            person_id: The person's Personio id: the string of digits Personio gives, or a whole
                number >= 1.
        """
        from hirelink.api.personio.api.persons import get_person

        return _by_id(partial(get_person.sync_detailed, _id("person_id", person_id)), models.Person)

    # --- v2 webhooks ------------------------------------------------------------------

    @operation("List Webhooks", requires=_CLIENT_CREDENTIALS)
    def list_webhooks(self) -> Call[list[models.Webhook]]:
        """The company's webhooks (scope ``personio:webhooks:read``); tokens and header
        values are never shown."""
        from hirelink.api.personio.api.webhook_management import list_webhooks

        return Call(partial(list_webhooks.sync_detailed), instance_of(models.WebhookList)).map(
            lambda page: [_withhold_echoed_secrets(webhook) for webhook in page.field_data]
        )

    @operation(
        "Create Webhook",
        example={
            "url": "https://hooks.example.org/personio",
            "events": ["person.created", "employment.updated"],
            "token": "whk-token-3b9d",
        },
        requires=_CLIENT_CREDENTIALS,
    )
    def create_webhook(
        self, url: str, events: Iterable[str], **settings: Unpack[WebhookSettings]
    ) -> Call[models.Webhook]:
        """Register ``url`` for ``events`` (scope ``personio:webhooks:write``).

        The new webhook is ``DISABLED``: call :meth:`enable_webhook` to start the
        deliveries. ``token`` makes ``auth_type`` ``TOKEN`` (Personio sends it verbatim
        in ``Authorization``; check it with
        :func:`hirelink.personio.webhooks.create_webhook_app`), ``custom_headers`` (up to
        three) makes it ``CUSTOM``, neither ``NONE``. Optional ``description``.

        Args:
            url: Where Personio sends the deliveries: an http(s) URL.
            events: The events to deliver, e.g. ``person.created``, ``employment.updated`` (at least
                one).
        """
        from hirelink.api.personio.api.webhook_management import create_webhook

        body = _webhook_body(
            {**settings, "url": http_url("url", url), "events": string_list("events", events)},
            creating=True,
        )
        request = partial(
            create_webhook.sync_detailed, body=_masked(models.WebhookCreate.from_dict(body), body)
        )
        return _webhook_call(request)

    @operation(
        "Update Webhook",
        example={"webhook_id": _WEBHOOK_ID, "events": ["person.created"]},
        requires=_CLIENT_CREDENTIALS,
    )
    def update_webhook(
        self, webhook_id: str, **changes: Unpack[WebhookChanges]
    ) -> Call[models.Webhook]:
        """Change a webhook's ``url``, ``events``, ``auth_type``, ``token``,
        ``custom_headers`` or ``description`` (only those given); a ``token`` makes its
        ``auth_type`` TOKEN, ``custom_headers`` CUSTOM, unless ``auth_type`` is given.

        Args:
            webhook_id: The webhook's id, a UUID as :meth:`list_webhooks` gives it.
        """
        from hirelink.api.personio.api.webhook_management import update_webhook

        body = _webhook_body(changes, creating=False)
        return self._update_webhook(update_webhook, webhook_id, body)

    @operation("Enable Webhook", example={"webhook_id": _WEBHOOK_ID}, requires=_CLIENT_CREDENTIALS)
    def enable_webhook(self, webhook_id: str) -> Call[models.Webhook]:
        """Start the deliveries of a webhook (new ones are ``DISABLED``).

        Args:
            webhook_id: The webhook's id, a UUID as :meth:`list_webhooks` gives it.
        """
        from hirelink.api.personio.api.webhook_management import update_webhook

        return self._update_webhook(update_webhook, webhook_id, {"status": "ENABLED"})

    @operation("Disable Webhook", example={"webhook_id": _WEBHOOK_ID}, requires=_CLIENT_CREDENTIALS)
    def disable_webhook(self, webhook_id: str) -> Call[models.Webhook]:
        """Stop the deliveries of a webhook (it is kept).

        Args:
            webhook_id: The webhook's id, a UUID as :meth:`list_webhooks` gives it.
        """
        from hirelink.api.personio.api.webhook_management import update_webhook

        return self._update_webhook(update_webhook, webhook_id, {"status": "DISABLED"})

    @operation(
        "List Webhook Events", example={"webhook_id": _WEBHOOK_ID}, requires=_CLIENT_CREDENTIALS
    )
    def list_webhook_events(
        self, webhook_id: str, *, cursor: str | None = None
    ) -> Call[models.WebhookEventList]:
        """One page of the webhook's events of the last 30 days, newest first, each with
        how its delivery went (scope ``personio:webhooks:read``).

        ``cursor`` comes from the previous page (see :func:`~hirelink.personio.next_cursor`).
        Prefer :meth:`iter_webhook_events`, which reads every page.

        Args:
            webhook_id: The webhook's id, a UUID as :meth:`list_webhooks` gives it.
            cursor: Where the page starts: the cursor of the previous page's next link (see
                :func:`~hirelink.personio.next_cursor`); left out, the first page.
        """
        from hirelink.api.personio.api.webhook_management import list_webhook_events

        request = partial(
            list_webhook_events.sync_detailed,
            _id("webhook_id", webhook_id),
            **_WEBHOOK_EVENTS.wire({"cursor": cursor}),
        )
        return Call(request, instance_of(models.WebhookEventList))

    @walker(list_webhook_events)
    def iter_webhook_events(self, webhook_id: str) -> Walk[models.WebhookEvent]:
        """Every event of the webhook's last 30 days, newest first, fetched lazily page by
        page.

        Args:
            webhook_id: The webhook's id, a UUID as :meth:`list_webhooks` gives it.
        """
        return self._every_page(PersonioOperations.list_webhook_events, webhook_id)

    @operation(
        "Delete Webhook",
        example={"webhook_id": "5d1c9e0a-7b42-4f6e-8a31-2c9d0e7f6b54"},
        requires=_CLIENT_CREDENTIALS,
    )
    def delete_webhook(self, webhook_id: str) -> Call[None]:
        """Delete a webhook; deliveries stop.

        Args:
            webhook_id: The webhook's id, a UUID as :meth:`list_webhooks` gives it.
        """
        from hirelink.api.personio.api.webhook_management import delete_webhook

        return Call(partial(delete_webhook.sync_detailed, _id("webhook_id", webhook_id)), nothing)

    def _update_webhook(
        self, endpoint: Any, webhook_id: str, body: Mapping[str, Any]
    ) -> Call[models.Webhook]:
        request = partial(
            endpoint.sync_detailed,
            _id("webhook_id", webhook_id),
            body=_masked(models.WebhookUpdate.from_dict(body), body),
        )
        return _webhook_call(request)


WebhookAuth = Literal["NONE", "TOKEN", "CUSTOM"]


class WebhookSettings(TypedDict, total=False):
    """What ``create_webhook`` takes besides ``url`` and ``events``."""

    auth_type: WebhookAuth
    """``NONE``, ``TOKEN`` (``token`` sent verbatim in ``Authorization``) or ``CUSTOM``
    (``custom_headers``); inferred from ``token``/``custom_headers`` when left out."""
    token: str
    """What Personio sends in ``Authorization`` (``auth_type`` ``TOKEN``)."""
    custom_headers: dict[str, str]
    """Up to three header names with their values."""
    description: str
    """A note on the webhook, for people."""


class WebhookChanges(WebhookSettings, total=False):
    """What ``update_webhook`` may change."""

    url: str
    """Where Personio sends the deliveries."""
    events: Iterable[str]
    """Event names, e.g. ``person.created``, ``employment.updated``."""


def _webhook_body(changes: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """The wire body of a webhook create or update, checked before anything is sent."""
    known = {*WebhookSettings.__annotations__, "url", "events"}
    unknown = set(changes) - known
    if unknown:
        raise UnknownArgumentError.among(sorted(unknown)[0], known, "is not a webhook setting")
    body: dict[str, Any] = {}
    if changes.get("url") is not None:
        body["url"] = http_url("url", changes["url"])
    if changes.get("events") is not None:
        body["enabled_events"] = string_list("events", changes["events"])
    if changes.get("description") is not None:
        body["description"] = non_empty_text("description", changes["description"])
    token = changes.get("token")
    headers = changes.get("custom_headers")
    auth_type = changes.get("auth_type")
    # An update that gives a token or headers switches to them: the type stayed as it was,
    # so a token added to a webhook without auth never went out with its deliveries.
    if auth_type is None and (creating or token is not None or headers is not None):
        auth_type = "TOKEN" if token is not None else "CUSTOM" if headers is not None else "NONE"
    if auth_type is not None:
        body["auth_type"] = choice("auth_type", auth_type, models.WebhookAuthType)
    if token is not None:
        if auth_type not in (None, "TOKEN"):
            raise InvalidInputError("token", "goes with auth_type TOKEN only")
        body["token"] = secret("token", token, ascii_only=False, scheme_free=False).reveal()
    elif auth_type == "TOKEN" and creating:
        raise InvalidInputError("token", "is required with auth_type TOKEN")
    if headers is not None:
        if auth_type not in (None, "CUSTOM"):
            raise InvalidInputError("custom_headers", "go with auth_type CUSTOM only")
        body["custom_headers"] = _custom_headers(headers)
    elif auth_type == "CUSTOM" and creating:
        raise InvalidInputError("custom_headers", "are required with auth_type CUSTOM")
    if not body:
        settings = ", ".join(["url", "events", *WebhookSettings.__annotations__])
        raise InvalidInputError("changes", f"give at least one of: {settings}")
    return body


def _masked(model: T, body: Mapping[str, Any]) -> T:
    """``model`` (the request model of ``body``), its token and header values scrubbed from
    hirelink's output (an error quoting them back) for as long as it, and so the call, lives."""
    headers: Sequence[Mapping[str, str]] = body.get("custom_headers") or ()
    mask_all_while_alive(model, [body.get("token"), *(header["value"] for header in headers)])
    return model


def _webhook_call(request: partial[Any]) -> Call[models.Webhook]:
    """A webhook write: its answer (bare or in ``_data``), or, when the answer cannot be
    read (a 2xx without a body), a webhook with every field unset."""
    return _by_id(request, models.Webhook, fallback=instance_of(models.Webhook).fallback).map(
        _withhold_echoed_secrets
    )


def _withhold_echoed_secrets(webhook: models.Webhook) -> models.Webhook:
    """``webhook`` without the token and custom header values an answer echoed among its
    raw members (Personio is documented never to return them: inferred), which hirelink
    then scrubs from its output for as long as the webhook lives."""
    members = webhook.additional_properties
    found = pop_secrets(members, ("token",)) + pop_secrets(
        members.get("custom_headers"), ("value",)
    )
    mask_all_while_alive(webhook, found)
    return webhook


def _custom_headers(headers: object) -> list[dict[str, str]]:
    if not isinstance(headers, Mapping) or not headers:
        raise InvalidInputError("custom_headers", "must map one to three header names to values")
    if len(headers) > MAX_WEBHOOK_HEADERS:
        raise InvalidInputError(
            "custom_headers", f"Personio sends at most {MAX_WEBHOOK_HEADERS} custom headers"
        )
    checked: dict[str, dict[str, str]] = {}
    for name, value in headers.items():
        field = f"custom_headers.{name}"
        header = header_name(field, name)
        earlier = checked.get(header.lower())  # names are case-insensitive: both were sent
        if earlier is not None:
            raise InvalidInputError(field, f"names the header {earlier['name']!r} again")
        value = secret(field, value, scheme_free=False).reveal()
        checked[header.lower()] = {"name": header, "value": value}
    return list(checked.values())


def _id(field: str, value: object) -> str:
    """A v2 id: Personio sends them as strings of digits (webhooks: UUIDs); positive ints
    are accepted too. Nothing else reaches a path: ``.`` or ``..`` would change it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(positive_int(field, value))
    text = non_empty_str(field, value, strip=True)
    if not _ID.fullmatch(text) or not text.strip("0"):
        raise InvalidInputError(field, f"must be an id (letters, digits, '-'), got {shape(value)}")
    return id_digits(field, text) if text.isdigit() else text
