"""A stateful stand-in for JOIN's API v2 (``/v2/...``).

Create one with :func:`create_join_sandbox`; it is seeded deterministically (the same
arguments give identical data) and validates requests against ``specs/join.yaml``.
Point a client at ``server.url + BASE_PATH``::

    sandbox = create_join_sandbox()
    with sandbox.serve() as server:
        Join(token=sandbox.token, base_url=server.url + BASE_PATH)

What it does where the reference is unsure (each one is marked inferred in the spec):
a bad token is a 401, a missing ``Authorization`` header a 422 (as one probe saw); a
``pageSize`` above 50 is a 422; a duplicate application (same e-mail, same job) is a
409 whose message says "already exists"; creates answer 201 with ``candidateId`` and
the application ``id``; tags are ``PATCH /candidates/{id}`` with ``{"tags": [...]}``.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hmac
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from hirelink.sandbox.app import ApiCall, Operation, SandboxApp, SandboxError, json_response

__all__ = [
    "BASE_PATH",
    "MAX_DOCUMENT_BYTES",
    "MAX_PAGE_SIZE",
    "ApplicationQuery",
    "JoinSandbox",
    "JoinState",
    "StoredDocument",
    "create_join_sandbox",
    "format_time",
]

BASE_PATH = "/v2"
"""Where the API lives on the server, as on ``https://api.join.com/v2``."""
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 50
"""Used when ``page`` comes without ``pageSize`` (JOIN's default is not known)."""
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
FIRST_APPLICATION_ID = 51000001
FIRST_CANDIDATE_ID = 41700001
SEED_EPOCH = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
_FILES = "https://files.sandbox.invalid"
_ERROR_TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    409: "Conflict",
    422: "ValidationError",
    429: "TooManyRequests",
}


def format_time(moment: datetime) -> str:
    """JOIN's timestamp format as assumed: UTC, milliseconds, ``Z``."""
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def _utcnow() -> datetime:
    return datetime.now(UTC)


# ----------------------------------------------------------------------------- seed tables

_OFFICES: tuple[dict[str, Any], ...] = (
    {"id": 90211, "name": "Berlin HQ", "streetName": "Invalidenstraße", "streetNumber": "10",
     "postalCode": "10115", "city": "Berlin", "countryIso": "DE", "isDefault": True},
    {"id": 90212, "name": "Munich", "streetName": "Sendlinger Straße", "streetNumber": "7",
     "postalCode": "80331", "city": "München", "countryIso": "DE", "isDefault": False},
    {"id": 90213, "name": "Vienna", "streetName": "Mariahilfer Straße", "streetNumber": "88",
     "postalCode": "1070", "city": "Wien", "countryIso": "AT", "isDefault": False},
)  # fmt: skip
# (id, English name, German name, slug, sub-categories as (id, en, de, slug))
_CATEGORIES = (
    (41, "Software development", "Softwareentwicklung", "software-development",
     ((412, "Backend development", "Backend-Entwicklung", "backend-development"),
      (413, "Frontend development", "Frontend-Entwicklung", "frontend-development"))),
    (23, "Marketing", "Marketing", "marketing",
     ((233, "Online marketing", "Online-Marketing", "online-marketing"),)),
    (15, "Customer service", "Kundenservice", "customer-service",
     ((151, "Customer support", "Kundensupport", "customer-support"),)),
)  # fmt: skip
_EMPLOYMENT_TYPES = (
    (1, "Full-time", "Vollzeit", "full-time"),
    (2, "Part-time", "Teilzeit", "part-time"),
    (3, "Internship", "Praktikum", "internship"),
    (4, "Working student", "Werkstudent", "working-student"),
    (5, "Freelance", "Freiberuflich", "freelance"),
)
_SENIORITY_LEVELS = (
    (1, "Student", "Student"),
    (2, "Entry level", "Berufseinstieg"),
    (3, "Experienced", "Berufserfahren"),
    (4, "Manager", "Führungskraft"),
    (5, "Executive", "Geschäftsführung"),
)
# (id, title, status, workplaceType, remoteType, employmentTypeId, categoryId, seniorityId,
#  language, office id, externalId, salary (from, to) or None, days after the epoch)
_JOBS = (
    (8812345, "Backend Engineer (Python)", "ONLINE", "HYBRID", None, 1, 412, 3, "en", 90211,
     "req-2026-014", (60000, 75000), 0),
    (8812399, "Werkstudent Marketing (m/w/d)", "OFFLINE", "ONSITE", None, 4, 233, 1, "de", 90212,
     None, None, 3),
    (8812401, "Frontend Engineer (React)", "ONLINE", "REMOTE", "COUNTRY", 1, 413, 3, "en", 90211,
     "req-2026-021", (58000, 72000), 6),
    (8812420, "Kundensupport (m/w/d)", "ONLINE", "ONSITE", None, 2, 151, 2, "de", 90213,
     "req-2026-030", None, 9),
    (8812188, "Data Analyst", "ARCHIVED", "HYBRID", None, 1, 412, 3, "en", 90211, None, None, -30),
)  # fmt: skip
_FIRST_NAMES = (
    "Lena", "Tomas", "Aylin", "Jonas", "Mira", "Felix", "Sofia", "Noah", "Elif", "Paul",
    "Hannah", "Luca", "Amira", "David", "Clara", "Emil",
)  # fmt: skip
_LAST_NAMES = (
    "Vogt", "Ortega", "Yilmaz", "Becker", "Novak", "Schmidt", "Rossi", "Weber", "Kaya",
    "Hofmann", "Berg", "Lange", "Haddad",
)  # fmt: skip
_HIRING_STATES = ("APPLIED", "ACTIVE", "APPLIED", "REJECTED", "ACTIVE", "OFFER", "HIRED")
_PRODUCTS = ("JOIN", "LINKEDIN", "INDEED", "CAREER_PAGE", "STEPSTONE")


@attrs.frozen
class StoredDocument:
    """A document of a created application, decoded: ``data`` are the file's bytes."""

    type: str
    name: str
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")


@attrs.frozen(kw_only=True)
class ApplicationQuery:
    """The parameters of GET /applications, already parsed."""

    page: int = 1
    page_size: int | None = None
    job_external_id: str | None = None
    updated_at_gte: datetime | None = None
    job_id: int | None = None
    created_at_gte: datetime | None = None
    hiring_state: str | None = None


class JoinState:
    """The in-memory data of one JOIN company, seeded deterministically.

    All public methods are thread-safe. Values handed out are copies.

    Args:
        applications: how many applications to seed (one candidate each).
        clock: returns "now" (UTC) for the timestamps of changes.
    """

    def __init__(self, *, applications: int = 120, clock: Callable[[], datetime] = _utcnow) -> None:
        if applications < 0:
            raise ValueError("applications must be >= 0")
        self._clock = clock
        self._lock = threading.RLock()
        self._offices = {office["id"]: dict(office) for office in _OFFICES}
        self._jobs = {job["id"]: job for job in _build_jobs(self._offices)}
        self._candidates: dict[int, dict[str, Any]] = {}
        self._applications: dict[int, dict[str, Any]] = {}
        self._notes: dict[int, list[dict[str, Any]]] = {}
        self._documents: dict[int, list[StoredDocument]] = {}
        self._next_note_id = 7000001
        self._seed(applications)
        self._next_application_id = max(self._applications, default=FIRST_APPLICATION_ID - 1) + 1
        self._next_candidate_id = max(self._candidates, default=FIRST_CANDIDATE_ID - 1) + 1

    # ------------------------------------------------------------------ reading

    def now(self) -> str:
        """The current time in wire format."""
        return format_time(self._clock())

    def job_ids(self) -> list[int]:
        """Ids of the jobs, in list order."""
        with self._lock:
            return list(self._jobs)

    def application_ids(self) -> list[int]:
        """Ids of the applications, newest first (the list order)."""
        with self._lock:
            return [application["id"] for application in self._sorted_applications()]

    def list_jobs(self, page: int | None, page_size: int | None) -> list[dict[str, Any]]:
        """Jobs in id order; every job unless a page is asked for."""
        with self._lock:
            jobs = list(self._jobs.values())
            return copy.deepcopy(_page(jobs, page, page_size))

    def get_job(self, job_id: int) -> dict[str, Any]:
        """One job (404 SandboxError if unknown)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise SandboxError(404, "Job not found")
            return copy.deepcopy(job)

    def list_applications(self, query: ApplicationQuery) -> list[dict[str, Any]]:
        """One page of applications matching ``query``, newest first."""
        with self._lock:
            selected = [
                application
                for application in self._sorted_applications()
                if _matches(application, query)
            ]
            page = _page(selected, query.page, query.page_size or DEFAULT_PAGE_SIZE)
            return [self._render(application, detail=False) for application in page]

    def get_application(self, application_id: int) -> dict[str, Any]:
        """One application in detail (404 SandboxError if unknown)."""
        with self._lock:
            application = self._applications.get(application_id)
            if application is None:
                raise SandboxError(404, "Application not found")
            return self._render(application, detail=True)

    def candidate(self, candidate_id: int) -> dict[str, Any]:
        """One candidate with its tags (404 SandboxError if unknown)."""
        with self._lock:
            return copy.deepcopy(self._require_candidate(candidate_id))

    def notes(self, candidate_id: int) -> list[dict[str, Any]]:
        """The candidate's notes, oldest first (not readable through JOIN's API)."""
        with self._lock:
            self._require_candidate(candidate_id)
            return copy.deepcopy(self._notes.get(candidate_id, []))

    def documents(self, application_id: int) -> list[StoredDocument]:
        """The decoded documents sent with a created application."""
        with self._lock:
            return list(self._documents.get(application_id, []))

    def categories(self, language: str) -> list[dict[str, Any]]:
        return [
            {
                "id": category_id,
                "name": _localised(language, en, de),
                "slug": slug,
                "subCategories": [
                    {"id": sub_id, "name": _localised(language, sub_en, sub_de), "slug": sub_slug}
                    for sub_id, sub_en, sub_de, sub_slug in subs
                ],
            }
            for category_id, en, de, slug, subs in _CATEGORIES
        ]

    def employment_types(self, language: str) -> list[dict[str, Any]]:
        return [
            {"id": type_id, "name": _localised(language, en, de), "slug": slug}
            for type_id, en, de, slug in _EMPLOYMENT_TYPES
        ]

    def seniority_levels(self, language: str) -> list[dict[str, Any]]:
        return [
            {"id": level_id, "name": _localised(language, en, de)}
            for level_id, en, de in _SENIORITY_LEVELS
        ]

    def list_offices(
        self,
        page: int,
        page_size: int,
        country_code: str | None = None,
        city_name_like: str | None = None,
    ) -> list[dict[str, Any]]:
        with self._lock:
            offices = [
                office
                for office in self._offices.values()
                if (country_code is None or office["countryIso"] == country_code.upper())
                and (city_name_like is None or city_name_like.lower() in office["city"].lower())
            ]
            return copy.deepcopy(_page(offices, page, page_size))

    # ------------------------------------------------------------------ writing

    def create_application(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """Store an application (and its candidate, unless the e-mail is known).

        Raises:
            SandboxError: 404 for an unknown job, 409 when the same e-mail already
                applied to the job, 422 for a document that is not valid base64.
        """
        documents = [
            _decode_document(index, item) for index, item in enumerate(request.get("documents", []))
        ]
        fields = request["candidate"]
        email = str(fields["email"]).strip()
        with self._lock:
            job = self._jobs.get(request["jobId"])
            if job is None:
                raise SandboxError(404, "Job not found")
            candidate = self._candidate_by_email(email)
            if candidate is not None and any(
                application["candidateId"] == candidate["id"]
                and application["job"]["id"] == job["id"]
                for application in self._applications.values()
            ):
                raise SandboxError(409, "Application already exists")
            now = self.now()
            if candidate is None:
                candidate = {
                    "id": self._next_candidate_id,
                    "firstName": fields["firstName"],
                    "lastName": fields["lastName"],
                    "email": email,
                    "phoneNumber": fields.get("phone"),
                    "tags": [],
                }
                self._candidates[candidate["id"]] = candidate
                self._next_candidate_id += 1
            application_id = self._next_application_id
            self._next_application_id += 1
            self._applications[application_id] = {
                "id": application_id,
                "createdAt": now,
                "lastUpdatedAt": now,
                "hiringState": "APPLIED",
                "candidateId": candidate["id"],
                "job": _job_reference(job),
                "source": {"product": request.get("source", "ORGANIC"), "isPremium": False},
                "integrationExternalId": request.get("integrationExternalId"),
                "attachments": [
                    _attachment(application_id, index, document.type, document.name)
                    for index, document in enumerate(documents)
                ],
            }
            self._documents[application_id] = documents
            return {"candidateId": candidate["id"], "id": application_id}

    def set_tags(self, candidate_id: int, tags: Sequence[str]) -> dict[str, Any]:
        """Replace the candidate's tags (duplicates dropped, order kept)."""
        with self._lock:
            candidate = self._require_candidate(candidate_id)
            candidate["tags"] = list(dict.fromkeys(tags))
            return copy.deepcopy(candidate)

    def add_note(self, candidate_id: int, content: str) -> dict[str, Any]:
        """Add a note to the candidate and return it."""
        with self._lock:
            self._require_candidate(candidate_id)
            note = {"id": self._next_note_id, "content": content, "createdAt": self.now()}
            self._next_note_id += 1
            self._notes.setdefault(candidate_id, []).append(note)
            return dict(note)

    # ------------------------------------------------------------------ internals

    def _sorted_applications(self) -> list[dict[str, Any]]:
        return sorted(
            self._applications.values(),
            key=lambda application: (application["createdAt"], application["id"]),
            reverse=True,
        )

    def _render(self, application: Mapping[str, Any], *, detail: bool) -> dict[str, Any]:
        rendered = {key: value for key, value in application.items() if key != "candidateId"}
        if not detail:
            rendered.pop("integrationExternalId", None)
        candidate = self._candidates[application["candidateId"]]
        rendered["candidate"] = candidate
        return copy.deepcopy(rendered)

    def _require_candidate(self, candidate_id: int) -> dict[str, Any]:
        candidate = self._candidates.get(candidate_id)
        if candidate is None:
            raise SandboxError(404, "Candidate not found")
        return candidate

    def _candidate_by_email(self, email: str) -> dict[str, Any] | None:
        wanted = email.lower()
        for candidate in self._candidates.values():
            if str(candidate["email"]).lower() == wanted:
                return candidate
        return None

    def _seed(self, count: int) -> None:
        open_jobs = [job for job in self._jobs.values() if job["status"] != "ARCHIVED"]
        for n in range(count):
            first = _FIRST_NAMES[n % len(_FIRST_NAMES)]
            last = _LAST_NAMES[(n * 7) % len(_LAST_NAMES)]
            candidate_id = FIRST_CANDIDATE_ID + n
            self._candidates[candidate_id] = {
                "id": candidate_id,
                "firstName": first,
                "lastName": last,
                "email": f"{first}.{last}.{n + 1}@example.org".lower(),
                "phoneNumber": f"+49151{1000000 + n * 37:07d}" if n % 3 else None,
                "tags": ["shortlist"] if n % 10 == 0 else [],
            }
            application_id = FIRST_APPLICATION_ID + n
            created = SEED_EPOCH + timedelta(hours=7 * n)
            job = open_jobs[n % len(open_jobs)] if n % 17 else self._jobs[8812188]
            self._applications[application_id] = {
                "id": application_id,
                "createdAt": format_time(created),
                "lastUpdatedAt": format_time(created + timedelta(days=n % 5, minutes=n % 50)),
                "hiringState": _HIRING_STATES[n % len(_HIRING_STATES)],
                "candidateId": candidate_id,
                "job": _job_reference(job),
                "source": {"product": _PRODUCTS[n % len(_PRODUCTS)], "isPremium": n % 3 == 0},
                "integrationExternalId": None,
                "attachments": [
                    _attachment(application_id, 0, "CV" if n % 4 else "JOIN_CV", f"CV_{last}.pdf")
                ],
            }


def _build_jobs(offices: Mapping[int, dict[str, Any]]) -> list[dict[str, Any]]:
    jobs: list[dict[str, Any]] = []
    for (
        job_id, title, status, workplace, remote_type, employment, category, seniority,
        language, office_id, external_id, salary, days,
    ) in _JOBS:  # fmt: skip
        created = SEED_EPOCH + timedelta(days=days)
        jobs.append(
            {
                "id": job_id,
                "title": title,
                "description": f"<p>{title}</p><ul><li>Great team</li></ul>",
                "createdAt": format_time(created),
                "lastUpdatedAt": format_time(created + timedelta(days=2, hours=3)),
                "status": status,
                "workplaceType": workplace,
                "remoteType": remote_type,
                "employmentTypeId": employment,
                "categoryId": category,
                "seniorityId": seniority,
                "language": language,
                "externalId": external_id,
                "office": dict(offices[office_id]),
                "salary": None
                if salary is None
                else {
                    "from": salary[0],
                    "to": salary[1],
                    "currency": "EUR",
                    "frequency": "PER_YEAR",
                    "isShownOnJobAd": True,
                },
                "contact": {
                    "name": "Mara Klein",
                    "email": "mara.klein@example.com",
                    "position": "Talent Partner",
                },
            }
        )
    return jobs


def _job_reference(job: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": job["id"], "title": job["title"], "externalId": job["externalId"]}


def _attachment(application_id: int, index: int, kind: str, name: str) -> dict[str, Any]:
    return {
        "type": kind,
        "url": f"{_FILES}/applications/{application_id}/documents/{index}?sig=sandbox",
        "filename": name,
    }


def _localised(language: str, english: str, german: str) -> str:
    return german if language == "de" else english


def _page(items: list[Any], page: int | None, page_size: int | None) -> list[Any]:
    if page is None and page_size is None:
        return items
    size = page_size or DEFAULT_PAGE_SIZE
    start = ((page or 1) - 1) * size
    return items[start : start + size]


def _matches(application: Mapping[str, Any], query: ApplicationQuery) -> bool:
    job = application["job"]
    if query.job_external_id is not None and job["externalId"] != query.job_external_id:
        return False
    if query.job_id is not None and job["id"] != query.job_id:
        return False
    if query.hiring_state is not None and application["hiringState"] != query.hiring_state:
        return False
    if (
        query.updated_at_gte is not None
        and _parse_time(application["lastUpdatedAt"]) < query.updated_at_gte
    ):
        return False
    return not (
        query.created_at_gte is not None
        and _parse_time(application["createdAt"]) < query.created_at_gte
    )


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _decode_document(index: int, item: Mapping[str, Any]) -> StoredDocument:
    field = f"documents.{index}.data"
    try:
        data = base64.b64decode(item["data"], validate=True)
    except (binascii.Error, ValueError):
        raise _invalid(field, "must be standard base64") from None
    if not data:
        raise _invalid(field, "the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _invalid(field, f"the file is larger than {MAX_DOCUMENT_BYTES} bytes")
    return StoredDocument(type=str(item["type"]), name=str(item["name"]), data=data)


# ----------------------------------------------------------------------------- the ASGI app


class JoinSandbox(SandboxApp):
    """The JOIN API v2 stand-in. Create it with :func:`create_join_sandbox`.

    The API is served under :data:`BASE_PATH` (``/v2``); other paths answer 404.

    Attributes:
        state: the company's data; tests may read it (and the decoded documents of
            created applications) while serving.
        token: the API token it accepts, as the whole ``Authorization`` header.
    """

    spec_name = "join"

    def __init__(self, state: JoinState, *, token: str, validate: bool = True) -> None:
        if not token or token.lower().startswith("bearer "):
            raise ValueError("token must be a raw token, not empty and without 'Bearer '")
        self.state = state
        self.token = token
        super().__init__(validate=validate)
        # The spec's paths are relative to its server URL (https://api.join.com/v2), so
        # the routes are too: strip the prefix inside the recorder and the faults, which
        # see the path as sent.
        self.asgi = self.recorder.middleware(
            self.faults.middleware(self._under_base_path(self.starlette))
        )

    def operations(self) -> list[Operation]:
        """The eleven operations of ``specs/join.yaml``."""
        candidate = "/candidates/{candidate_id:int}"
        return [
            Operation("GET", "/jobs", "listJobs", self._list_jobs),
            Operation("GET", "/jobs/{job_id:int}", "getJob", self._get_job),
            Operation("GET", "/applications", "listApplications", self._list_applications),
            Operation("POST", "/applications", "createApplication", self._create_application),
            Operation(
                "GET", "/applications/{application_id:int}", "getApplication", self._get_application
            ),
            Operation("PATCH", candidate, "updateCandidate", self._update_candidate),
            Operation("POST", f"{candidate}/notes", "createCandidateNote", self._create_note),
            Operation("GET", "/categories", "listCategories", self._list_categories),
            Operation(
                "GET", "/employmentTypes", "listEmploymentTypes", self._list_employment_types
            ),
            Operation(
                "GET", "/seniorityLevels", "listSeniorityLevels", self._list_seniority_levels
            ),
            Operation("GET", "/offices", "listOffices", self._list_offices),
        ]

    def authenticate(self, call: ApiCall) -> None:
        """Require ``Authorization: <token>``: the token alone, no scheme.

        A missing header is a 422 (what a probe of the real API saw); any other value,
        ``Bearer <token>`` included, is a 401.
        """
        value = call.request.headers.get("authorization", "")
        if not value.strip():
            raise SandboxError(422, "The Authorization header is required")
        if not hmac.compare_digest(value.encode(), self.token.encode()):
            if value.lower().startswith("bearer "):
                raise SandboxError(401, "Invalid API token (send the token without 'Bearer ')")
            raise SandboxError(401, "Invalid API token")

    def error_body(self, error: SandboxError) -> Any:
        """JOIN's ``{"error": {"type", "message"}}``; field problems join the message."""
        message = error.message
        if error.field_errors:
            details = "; ".join(
                f"{field}: {', '.join(messages)}" for field, messages in error.field_errors.items()
            )
            message = f"{message}: {details}"
        kind = _ERROR_TYPES.get(
            error.status, "InternalServerError" if error.status >= 500 else "Error"
        )
        return {"error": {"type": kind, "message": message}}

    def _under_base_path(self, app: ASGIApp) -> ASGIApp:
        async def strip_base_path(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] == "http":
                path: str = scope["path"]
                if not path.startswith(BASE_PATH + "/"):
                    response = self.error_response(SandboxError(404, "Not found"))
                    await response(scope, receive, send)
                    return
                scope = {key: value for key, value in scope.items() if key != "raw_path"}
                scope["path"] = path[len(BASE_PATH) :]
            await app(scope, receive, send)

        return strip_base_path

    # ------------------------------------------------------------------ handlers

    def _list_jobs(self, call: ApiCall) -> Response:
        page = _integer(call.query, "page", minimum=1)
        page_size = _page_size(call.query)
        return json_response(self.state.list_jobs(page, page_size))

    def _get_job(self, call: ApiCall) -> Response:
        return json_response(self.state.get_job(call.path_params["job_id"]))

    def _list_applications(self, call: ApiCall) -> Response:
        return json_response(self.state.list_applications(parse_application_query(call.query)))

    def _get_application(self, call: ApiCall) -> Response:
        return json_response(self.state.get_application(call.path_params["application_id"]))

    def _create_application(self, call: ApiCall) -> Response:
        body = _object(call.json, "body")
        job_id = body.get("jobId")
        if not _is_int(job_id):
            raise _invalid("jobId", "must be an integer")
        candidate = _object(body.get("candidate"), "candidate")
        for name in ("firstName", "lastName", "email"):
            if not isinstance(candidate.get(name), str) or not candidate[name].strip():
                raise _invalid(f"candidate.{name}", "is required")
        documents = body.get("documents", [])
        if not isinstance(documents, list):
            raise _invalid("documents", "must be an array")
        for index, document in enumerate(documents):
            _object(document, f"documents.{index}")
        return json_response(self.state.create_application(body), 201)

    def _update_candidate(self, call: ApiCall) -> Response:
        tags = _object(call.json, "body").get("tags")
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag for tag in tags):
            raise _invalid("tags", "must be an array of non-empty strings")
        return json_response(self.state.set_tags(call.path_params["candidate_id"], tags))

    def _create_note(self, call: ApiCall) -> Response:
        content = _object(call.json, "body").get("content")
        if not isinstance(content, str) or not content.strip():
            raise _invalid("content", "must be a non-empty string")
        note = self.state.add_note(call.path_params["candidate_id"], content)
        return json_response(note, 201)

    def _list_categories(self, call: ApiCall) -> Response:
        return json_response(self.state.categories(call.query.get("language", "en")))

    def _list_employment_types(self, call: ApiCall) -> Response:
        return json_response(self.state.employment_types(call.query.get("language", "en")))

    def _list_seniority_levels(self, call: ApiCall) -> Response:
        return json_response(self.state.seniority_levels(call.query.get("language", "en")))

    def _list_offices(self, call: ApiCall) -> Response:
        offices = self.state.list_offices(
            _integer(call.query, "page", minimum=1) or 1,
            _page_size(call.query) or DEFAULT_PAGE_SIZE,
            country_code=call.query.get("countryCode"),
            city_name_like=call.query.get("cityNameLike"),
        )
        return json_response(offices)


def create_join_sandbox(
    *,
    token: str = "sandbox-join-token",  # noqa: S107 - opens only the local stand-in
    applications: int = 120,
    validate: bool = True,
    clock: Callable[[], datetime] | None = None,
) -> JoinSandbox:
    """Build a seeded JOIN stand-in (not yet served: call ``.serve()``).

    Args:
        token: the API token it accepts as ``Authorization: <token>``.
        applications: how many applications to seed (ids count up from 51000001, one
            candidate each from 41700001; three pages at ``pageSize=50`` by default).
            The five jobs (8812345 ONLINE, 8812399 OFFLINE, 8812401 ONLINE REMOTE,
            8812420 ONLINE, 8812188 ARCHIVED), three offices and the reference data
            are fixed.
        validate: validate requests against ``specs/join.yaml``.
        clock: source of "now" (UTC) for created applications and notes.
    """
    state = JoinState(applications=applications, clock=clock or _utcnow)
    return JoinSandbox(state, token=token, validate=validate)


# ----------------------------------------------------------------------------- request parsing
# These checks repeat the spec's rules so the stand-in answers the same way when spec
# validation is switched off.


def parse_application_query(query: Mapping[str, str]) -> ApplicationQuery:
    """Parse the query parameters of GET /applications (422 SandboxError when bad)."""
    state = query.get("hiringState")
    if state is not None and state not in ("APPLIED", "ACTIVE", "REJECTED", "HIRED", "OFFER"):
        raise _invalid("hiringState", "is not a hiring state")
    return ApplicationQuery(
        page=_integer(query, "page", minimum=1) or 1,
        page_size=_page_size(query),
        job_external_id=query.get("jobExternalId"),
        updated_at_gte=_moment(query, "updatedAtGte"),
        job_id=_integer(query, "jobId", minimum=1),
        created_at_gte=_moment(query, "createdAtGte"),
        hiring_state=state,
    )


def _invalid(field: str, message: str) -> SandboxError:
    return SandboxError(422, "Validation failed", {field: [message]})


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integer(query: Mapping[str, str], name: str, *, minimum: int) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(name, "must be an integer") from None
    if value < minimum:
        raise _invalid(name, f"must be >= {minimum}")
    return value


def _page_size(query: Mapping[str, str]) -> int | None:
    size = _integer(query, "pageSize", minimum=1)
    if size is not None and size > MAX_PAGE_SIZE:
        raise _invalid("pageSize", f"{size} is greater than the maximum of {MAX_PAGE_SIZE}")
    return size


def _moment(query: Mapping[str, str], name: str) -> datetime | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise _invalid(name, "must be an ISO-8601 date-time") from None
    if moment.tzinfo is None:
        raise _invalid(name, "must carry a time zone (Z or an offset)")
    return moment


def _object(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(field, "must be an object")
    return value
