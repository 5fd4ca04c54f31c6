"""A stateful stand-in for JOIN's API v2, served under ``/v2`` as on ``api.join.com``.

Seeded deterministically: fixed records from ``seeds/join.json``, applications drawn from
its tables. Where the reference is unsure (marked inferred in the spec): a missing
``Authorization`` header is a 422 (as one probe saw), the same e-mail applying to the same
job again a 409 "already exists", tags are ``PATCH /candidates/{id}`` with ``{"tags"}``,
and every answer carries ``x-ratelimit-limit``, ``x-ratelimit-remaining`` and
``x-ratelimit-reset`` (seconds until the window ends), over a fixed window whose size is
ours (JOIN's numbers are not known): past it, a 429. An attachment's ``url`` points at the
stand-in itself (:data:`FILES_PATH`, with a ``sig`` query for the pre-signed look), which
answers the file's bytes to a request carrying the token, as JOIN is reported to.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import itertools
import math
import mimetypes
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, ClassVar, TypeVar
from urllib.parse import quote

import attrs
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hirelink.sandbox.app import (
    ApiCall,
    SandboxApp,
    SandboxError,
    handles,
    invalid,
    json_response,
    moment,
    same_secret,
)
from hirelink.sandbox.resources import (
    Collection,
    delegate,
    format_time,
    load_seed,
    numbered_page,
    seed_records,
    seed_spacing,
    utcnow,
    view,
)

__all__ = [
    "BASE_PATH",
    "FILES_PATH",
    "MAX_DOCUMENT_BYTES",
    "RATE_LIMIT",
    "RATE_WINDOW",
    "JoinSandbox",
    "JoinState",
    "StoredDocument",
    "create_join_sandbox",
]

BASE_PATH = "/v2"
"""Where the API lives on the server, as on ``https://api.join.com/v2``."""
DEFAULT_PAGE_SIZE = 50
"""Used when ``page`` comes without ``pageSize`` (JOIN's default is not known)."""
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
"""The largest document the JOIN stand-in accepts (as the client checks)."""
RATE_LIMIT = 10_000
"""Requests the stand-in takes per :data:`RATE_WINDOW` before it answers 429 (ours: JOIN
publishes no numbers; high enough that no test suite meets it unless it asks to)."""
RATE_WINDOW = 60.0
"""The length of the stand-in's rate-limit window, in seconds."""
FIRST_APPLICATION_ID = 51000001
FIRST_CANDIDATE_ID = 41700001
SEED_EPOCH = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
FILES_PATH = "/files"
"""Where attachments are served: ``/files/applications/{id}/documents/{index}?sig=...``."""
_T = TypeVar("_T")
_TABLES = load_seed("join")["tables"]
_ERROR_TYPES = {int(status): kind for status, kind in _TABLES["errorTypes"].items()}
_join_time = partial(format_time, timespec="milliseconds")


def _collection(what: str, records: Iterable[dict[str, Any]] = (), **lock: Any) -> Collection[int]:
    return Collection(records, not_found=lambda: SandboxError(404, f"{what} not found"), **lock)


@attrs.frozen
class StoredDocument:
    """A document of a created application, decoded: ``data`` are the file's bytes."""

    type: str
    name: str
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")


class JoinState:
    """The in-memory data of one JOIN company; thread-safe, values handed out are copies.

    Args:
        applications: how many applications to seed (one candidate each).
        clock: returns "now" (UTC) for the timestamps of changes.
    """

    def __init__(self, *, applications: int = 120, clock: Callable[[], datetime] = utcnow) -> None:
        if applications < 0:
            raise ValueError("applications must be >= 0")
        self._clock = clock
        self.jobs = _collection("Job", seed_records("join", "Job"))
        self.offices = _collection("Office", seed_records("join", "Office"))
        self.candidates = _collection("Candidate", lock=self.jobs.lock)
        self.applications = _collection("Application", lock=self.jobs.lock)
        self._notes: dict[int, list[dict[str, Any]]] = {}
        self._note_ids = itertools.count(7000001)
        self._documents: dict[int, list[StoredDocument]] = {}
        self._seed(applications)

    def job_ids(self) -> list[int]:
        """Ids of the jobs, in list order."""
        return self.jobs.keys()

    def application_ids(self) -> list[int]:
        """Ids of the applications, newest first (the list order)."""
        return [application["id"] for application in self._newest_first({})]

    def list_jobs(self, page: int | None, page_size: int | None) -> list[dict[str, Any]]:
        """Jobs in seed order; every job unless a page is asked for."""
        return copy.deepcopy(numbered_page(list(self.jobs), page, page_size, DEFAULT_PAGE_SIZE))

    def get_application(self, application_id: int) -> dict[str, Any]:
        """One application in detail (404 SandboxError if unknown)."""
        return self._render(self.applications.get(application_id), detail=True)

    def candidate(self, candidate_id: int) -> dict[str, Any]:
        """One candidate with its tags (404 SandboxError if unknown)."""
        return copy.deepcopy(self.candidates.get(candidate_id))

    def notes(self, candidate_id: int) -> list[dict[str, Any]]:
        """The candidate's notes, oldest first (not readable through JOIN's API)."""
        self.candidates.get(candidate_id)
        with self.jobs.lock:
            return copy.deepcopy(self._notes.get(candidate_id, []))

    def documents(self, application_id: int) -> list[StoredDocument]:
        """The decoded documents sent with a created application (a seeded one holds a
        small placeholder CV)."""
        with self.jobs.lock:
            return list(self._documents.get(application_id, []))

    def attachment(self, application_id: int, index: int, signature: str) -> StoredDocument:
        """The file an attachment URL names: 404 SandboxError for an unknown application
        or document, 403 for a wrong signature."""
        documents = self.documents(application_id)
        if not 0 <= index < len(documents):
            raise SandboxError(404, "Attachment not found")
        if not same_secret(signature, _signature(application_id, index)):
            raise SandboxError(403, "The download link is not valid")
        return documents[index]

    def list_applications(self, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """One page of the applications matching the (unmarshalled) query, newest first."""
        selected = self._newest_first(params)
        return [self._render(a, detail=False) for a in _page(selected, params)]

    def create_application(self, request: Mapping[str, Any]) -> dict[str, Any]:
        """Store an application (and its candidate, unless the e-mail is known): a 404
        SandboxError for an unknown job, 409 when the same e-mail already applied to the
        job, 422 for a document that is not valid base64."""
        documents = [_decoded(n, item) for n, item in enumerate(request.get("documents", []))]
        person = request["candidate"]
        email = str(person["email"]).strip()
        with self.jobs.lock:
            job = self.jobs.get(request["jobId"])
            known = self.candidates.select(lambda c: c["email"].lower() == email.lower())
            candidate_id = known[0]["id"] if known else self.candidates.next_id(FIRST_CANDIDATE_ID)
            if self.applications.select(
                lambda a: (a["candidateId"], a["job"]["id"]) == (candidate_id, job["id"])
            ):
                raise SandboxError(409, "Application already exists")
            if not known:
                self._add_candidate(candidate_id, {**person, "email": email}, tags=[])
            application_id = self.applications.next_id(FIRST_APPLICATION_ID)
            now = _join_time(self._clock())
            self.applications.put(
                {
                    "id": application_id,
                    "createdAt": now,
                    "lastUpdatedAt": now,
                    "hiringState": "APPLIED",
                    "candidateId": candidate_id,
                    "job": _job_reference(job),
                    "source": {"product": request.get("source", "ORGANIC"), "isPremium": False},
                    "integrationExternalId": request.get("integrationExternalId"),
                    "attachments": [
                        _attachment(application_id, n, document.type, document.name)
                        for n, document in enumerate(documents)
                    ],
                }
            )
            self._documents[application_id] = documents
            return {"candidateId": candidate_id, "id": application_id}

    def update_candidate(self, candidate_id: int, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Replace the candidate's tags (duplicates dropped, order kept)."""
        tags = list(dict.fromkeys(changes["tags"]))
        return copy.deepcopy(self.candidates.update(candidate_id, tags=tags))

    def add_note(self, candidate_id: int, note: Mapping[str, Any]) -> dict[str, Any]:
        """Add a note (its ``content``) to the candidate and return it."""
        with self.jobs.lock:
            self.candidates.get(candidate_id)
            created = _join_time(self._clock())
            stored = {"id": next(self._note_ids), "content": note["content"], "createdAt": created}
            self._notes.setdefault(candidate_id, []).append(stored)
            return dict(stored)

    def _newest_first(self, params: Mapping[str, Any]) -> Sequence[dict[str, Any]]:
        """The applications matching the query ``params`` (paging aside), newest first."""
        filters = {key: value for key, value in params.items() if key not in ("page", "pageSize")}
        return self.applications.listing(_matches, filters, order=_creation, newest_first=True)

    def _render(self, application: Mapping[str, Any], *, detail: bool) -> dict[str, Any]:
        rendered = {key: value for key, value in application.items() if key != "candidateId"}
        if not detail:
            rendered.pop("integrationExternalId", None)
        rendered["candidate"] = self.candidates.get(application["candidateId"])
        return copy.deepcopy(rendered)

    def _add_candidate(self, candidate_id: int, person: Mapping[str, Any], tags: list[str]) -> None:
        """Store a candidate from a ``NewCandidate`` shaped ``person``."""
        names = {key: person[key] for key in ("firstName", "lastName", "email")}
        phone = person.get("phone")
        self.candidates.put({"id": candidate_id, **names, "phoneNumber": phone, "tags": tags})

    def _seed(self, count: int) -> None:
        first_names, last_names = _TABLES["firstNames"], _TABLES["lastNames"]
        states, products = _TABLES["hiringStates"], _TABLES["products"]
        open_jobs = [job for job in self.jobs if job["status"] != "ARCHIVED"]
        (archived,) = (job for job in self.jobs if job["status"] == "ARCHIVED")
        # An application's last update comes up to 4 days 49 minutes after it.
        start, step = seed_spacing(
            SEED_EPOCH, timedelta(hours=7), count, timedelta(days=5), self._clock()
        )
        for n in range(count):
            first, last = first_names[n % len(first_names)], last_names[(n * 7) % len(last_names)]
            candidate_id, application_id = FIRST_CANDIDATE_ID + n, FIRST_APPLICATION_ID + n
            email = f"{first}.{last}.{n + 1}@example.org".lower()
            phone = f"+49151{1000000 + n * 37:07d}" if n % 3 else None
            person = {"firstName": first, "lastName": last, "email": email, "phone": phone}
            self._add_candidate(candidate_id, person, tags=[] if n % 10 else ["shortlist"])
            created = start + step * n
            job = open_jobs[n % len(open_jobs)] if n % 17 else archived
            cv = "CV" if n % 4 else "JOIN_CV"
            placeholder = f"%PDF-1.4\n% CV of {first} {last} (sandbox)\n".encode()
            self._documents[application_id] = [StoredDocument(cv, f"CV_{last}.pdf", placeholder)]
            self.applications.put(
                {
                    "id": application_id,
                    "createdAt": _join_time(created),
                    "lastUpdatedAt": _join_time(created + timedelta(days=n % 5, minutes=n % 50)),
                    "hiringState": states[n % len(states)],
                    "candidateId": candidate_id,
                    "job": _job_reference(job),
                    "source": {"product": products[n % len(products)], "isPremium": n % 3 == 0},
                    "integrationExternalId": None,
                    "attachments": [_attachment(application_id, 0, cv, f"CV_{last}.pdf")],
                }
            )


def _job_reference(job: Mapping[str, Any]) -> dict[str, Any]:
    return view("join", "ApplicationJob", job)


def _signature(application_id: int, index: int) -> str:
    return hashlib.sha256(f"join-sandbox:{application_id}:{index}".encode()).hexdigest()[:32]


def _attachment(application_id: int, index: int, kind: str, name: str) -> dict[str, Any]:
    """An attachment whose ``url`` is a path on the stand-in (its answers make it absolute)."""
    path = f"{FILES_PATH}/applications/{application_id}/documents/{index}"
    return {
        "type": kind,
        "url": f"{path}?sig={_signature(application_id, index)}",
        "filename": name,
    }


def _with_absolute_urls(request: Request, application: dict[str, Any]) -> dict[str, Any]:
    """``application`` with its attachments' URLs on the host and port it was asked on."""
    origin = str(request.base_url).rstrip("/")
    for attachment in application.get("attachments", []):
        attachment["url"] = origin + attachment["url"]
    return application


def _page(items: Sequence[_T], params: Mapping[str, Any]) -> list[_T]:
    return numbered_page(items, params.get("page", 1), params.get("pageSize"), DEFAULT_PAGE_SIZE)


def _creation(application: Mapping[str, Any]) -> tuple[str, int]:
    return application["createdAt"], application["id"]


def _matches(application: Mapping[str, Any], params: Mapping[str, Any]) -> bool:
    job = application["job"]
    return (
        params.get("jobExternalId", job["externalId"]) == job["externalId"]
        and params.get("jobId", job["id"]) == job["id"]
        and params.get("hiringState", application["hiringState"]) == application["hiringState"]
        and _not_before(application["lastUpdatedAt"], params, "updatedAtGte")
        and _not_before(application["createdAt"], params, "createdAtGte")
    )


def _not_before(stamp: str, params: Mapping[str, Any], name: str) -> bool:
    return name not in params or datetime.fromisoformat(stamp) >= moment(name, params[name])


def _decoded(index: int, item: Mapping[str, Any]) -> StoredDocument:
    field = f"documents.{index}.data"
    try:
        data = base64.b64decode(item["data"], validate=True)
    except (binascii.Error, ValueError):
        raise invalid(field, "must be standard base64") from None
    if not data:
        raise invalid(field, "the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise invalid(field, f"the file is larger than {MAX_DOCUMENT_BYTES} bytes")
    return StoredDocument(type=str(item["type"]), name=str(item["name"]), data=data)


def _localised(record: dict[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    named = {**record, "name": names.get(record["name"], record["name"])}
    if "subCategories" in record:
        named["subCategories"] = [_localised(sub, names) for sub in record["subCategories"]]
    return named


@attrs.define
class _RateWindow:
    """A fixed window of ``limit`` requests per ``seconds``, counted from its first
    request; thread-safe."""

    limit: int
    seconds: float
    clock: Callable[[], float] = time.monotonic
    _start: float | None = attrs.field(default=None, init=False)
    _used: int = attrs.field(default=0, init=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False)

    def forget(self) -> None:
        """Start afresh: the next request opens a new window."""
        with self._lock:
            self._start, self._used = None, 0

    def arrive(self) -> tuple[bool, dict[str, str]]:
        """Count a request: whether the window still had room, and the headers to send."""
        with self._lock:
            now = self.clock()
            if self._start is None or now - self._start >= self.seconds:
                self._start, self._used = now, 0
            allowed = self._used < self.limit
            if allowed:
                self._used += 1
            # Elapsed first: (start + seconds) - now rounds above seconds at times (3601).
            left = math.ceil(self.seconds - (now - self._start))
            return allowed, {
                "x-ratelimit-limit": str(self.limit),
                "x-ratelimit-remaining": str(self.limit - self._used),
                "x-ratelimit-reset": str(max(left, 0)),
            }


class _RateLimited:
    """ASGI middleware: each answer carries the window's ``x-ratelimit-*`` headers, and
    a request past the limit is answered 429 without reaching the routes."""

    def __init__(
        self, app: ASGIApp, window: _RateWindow, refuse: Callable[[dict[str, str]], Response]
    ) -> None:
        self.app, self.window, self.refuse = app, window, refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        allowed, headers = self.window.arrive()
        if not allowed:
            await self.refuse(headers)(scope, receive, send)
            return
        encoded = [(name.encode(), value.encode()) for name, value in headers.items()]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *encoded]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _reference_list(operation_id: str, component: str) -> Callable[..., Response]:
    """The handler listing the seed's ``component`` records, in German for ``language=de``."""

    @handles(operation_id)
    def list_records(sandbox: JoinSandbox, call: ApiCall) -> Response:
        german = _TABLES["german"] if call.params.get("language") == "de" else {}
        return json_response([_localised(r, german) for r in seed_records("join", component)])

    return list_records


class JoinSandbox(SandboxApp):
    """The JOIN API v2 stand-in, served under :data:`BASE_PATH`; see :func:`create_join_sandbox`.

    Attributes:
        state: the company's data; tests may read it (and the decoded documents of
            created applications) while serving.
        token: the API token it accepts, as the whole ``Authorization`` header.
    """

    specs: ClassVar[Mapping[str, str]] = {"join": BASE_PATH}

    def __init__(
        self,
        state: JoinState,
        *,
        token: str,
        validate: bool = True,
        rate_limit: int = RATE_LIMIT,
        rate_window: float = RATE_WINDOW,
    ) -> None:
        if not token or token.lower().startswith("bearer "):
            raise ValueError("token must be a raw token, not empty and without 'Bearer '")
        if rate_limit < 1 or not rate_window > 0:
            raise ValueError("rate_limit must be >= 1 and rate_window > 0 seconds")
        self.state = state
        self.token = token
        self._rate_window = _RateWindow(rate_limit, rate_window)
        super().__init__(validate=validate)
        # Keywords: starlette before 0.41 gives the app as a keyword too.
        self.starlette.add_middleware(
            _RateLimited, window=self._rate_window, refuse=self._rate_limit_exceeded
        )

    def forget_budgets(self) -> None:
        """Count the rate limit from nothing again (a stand-in's reset)."""
        self._rate_window.forget()

    def _rate_limit_exceeded(self, headers: dict[str, str]) -> Response:
        return self.error_response(SandboxError(429, "Rate limit exceeded", headers=headers))

    def authenticate(self, call: ApiCall) -> None:
        """Require ``Authorization: <token>``, no scheme: without the header a 422 (what a
        probe of the real API saw), any other value, ``Bearer <token>`` included, a 401."""
        value = call.request.headers.get("authorization", "")
        if not value.strip():
            raise SandboxError(422, "The Authorization header is required")
        if not same_secret(value, self.token):
            bearer = value.lower().startswith("bearer ")
            hint = " (send the token without 'Bearer ')" if bearer else ""
            raise SandboxError(401, f"Invalid API token{hint}")

    def error_body(self, error: SandboxError) -> Any:
        """JOIN's ``{"error": {"type", "message"}}``; field problems join the message."""
        details = [
            f"{name}: {', '.join(messages)}" for name, messages in error.field_errors.items()
        ]
        message = f"{error.message}: {'; '.join(details)}" if details else error.message
        fallback = "InternalServerError" if error.status >= 500 else "Error"
        return {"error": {"type": _ERROR_TYPES.get(error.status, fallback), "message": message}}

    list_jobs = delegate("listJobs", JoinState.list_jobs, "page", "pageSize")
    create_application = delegate(
        "createApplication", JoinState.create_application, body=True, status=201
    )
    update_candidate = delegate(
        "updateCandidate", JoinState.update_candidate, "candidateId", body=True
    )
    create_note = delegate(
        "createCandidateNote", JoinState.add_note, "candidateId", body=True, status=201
    )
    get_job = delegate("getJob", Collection.get, "jobId", owner="state.jobs")
    list_categories = _reference_list("listCategories", "Category")
    list_employment_types = _reference_list("listEmploymentTypes", "EmploymentType")
    list_seniority_levels = _reference_list("listSeniorityLevels", "SeniorityLevel")

    @handles("listApplications")
    def list_applications(self, call: ApiCall) -> Response:
        applications = self.state.list_applications(call.params)
        return json_response([_with_absolute_urls(call.request, a) for a in applications])

    @handles("getApplication")
    def get_application(self, call: ApiCall) -> Response:
        application = self.state.get_application(call.params["applicationId"])
        return json_response(_with_absolute_urls(call.request, application))

    def unspecified_routes(self) -> list[BaseRoute]:
        path = FILES_PATH + "/applications/{application_id:int}/documents/{index:int}"
        return [Route(path, self._download, methods=["GET"])]

    async def _download(self, request: Request) -> Response:
        """An attachment's bytes, to ``Authorization: <token>`` only (401 otherwise, also
        without the header: which JOIN answers then is not known) and a valid ``sig``."""
        try:
            if not same_secret(request.headers.get("authorization", ""), self.token):
                raise SandboxError(401, "Invalid API token")
            document = self.state.attachment(
                request.path_params["application_id"],
                request.path_params["index"],
                request.query_params.get("sig", ""),
            )
        except SandboxError as error:
            return self.error_response(error)
        kind = mimetypes.guess_type(document.name)[0] or "application/octet-stream"
        plain = document.name.isascii() and document.name.isprintable() and '"' not in document.name
        disposition = (
            f'attachment; filename="{document.name}"'
            if plain
            else f"attachment; filename*=UTF-8''{quote(document.name)}"
        )
        return Response(
            document.data, media_type=kind, headers={"Content-Disposition": disposition}
        )

    @handles("listOffices")
    def list_offices(self, call: ApiCall) -> Response:
        country, city = call.params.get("countryCode"), call.params.get("cityNameLike")
        offices = self.state.offices.select(
            lambda office: (
                (country is None or office["countryIso"] == country.upper())
                and (city is None or city.lower() in office["city"].lower())
            )
        )
        return json_response(_page(offices, call.params))


def create_join_sandbox(
    *,
    token: str = "sandbox-join-token",  # noqa: S107 - opens only the local stand-in
    applications: int = 120,
    validate: bool = True,
    clock: Callable[[], datetime] | None = None,
    rate_limit: int = RATE_LIMIT,
    rate_window: float = RATE_WINDOW,
) -> JoinSandbox:
    """Build a seeded JOIN stand-in (not yet served: call ``.serve()``).

    Args:
        token: the API token it accepts as ``Authorization: <token>``.
        applications: how many applications to seed (ids count up from 51000001, one
            candidate each from 41700001; three pages at ``pageSize=50`` by default).
        validate: refuse requests the spec refuses (see :class:`SandboxApp`).
        clock: source of "now" (UTC) for created applications and notes.
        rate_limit, rate_window: how many requests it takes per window of that many
            seconds before it answers 429 (every answer reports the window in its
            ``x-ratelimit-*`` headers); JOIN's own numbers are not known.
    """
    state = JoinState(applications=applications, clock=clock or utcnow)
    return JoinSandbox(
        state, token=token, validate=validate, rate_limit=rate_limit, rate_window=rate_window
    )
