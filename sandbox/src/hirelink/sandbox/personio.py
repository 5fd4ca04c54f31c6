"""A stateful stand-in for Personio: the career-site host and the API host, in one app.

Create one with :func:`create_personio_sandbox`. It serves

- the **jobs host** by path: ``GET /jobs/{subdomain}/xml?language=..`` is what
  ``https://{subdomain}.jobs.personio.de/xml`` answers in production, so a client's
  ``jobs_base_url`` is ``f"{server.url}/jobs/{{subdomain}}"`` (see
  :meth:`PersonioSandbox.jobs_base_url`). One subdomain has a feed, a second one has
  the feed switched off, any other is unknown; tests can also serve raw documents
  (:meth:`PersonioState.serve_raw_feed`). Requests are validated against
  ``specs/personio-jobs-feed.yaml``.
- the **API host** at the root: the Recruiting API v1 (Bearer access token plus
  ``X-Company-ID``, the 20-requests-per-60-s company limit answered with 429, reason
  codes in Personio's error body), the OAuth token and revocation endpoints (tokens
  expire after a configurable lifetime on an injectable clock), and the v2 recruiting
  and persons reads with cursor paging (absolute or relative ``next`` links,
  switchable) and Personio's problem bodies. Requests are validated against
  ``specs/personio.yaml``; a request the spec refuses gets the error body of the API it
  addressed (v1 field errors, a v2 problem, or an OAuth error).

The data is seeded deterministically. Conventions of the state as in the Recruitee
stand-in: stored JSON values are replaced, never mutated in place.
"""

from __future__ import annotations

import collections
import copy
import functools
import hashlib
import hmac
import io
import itertools
import math
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import parse_qs, parse_qsl, urlencode
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import attrs
from jsonschema_path.readers import PathReader
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from werkzeug.formparser import parse_form_data

from hirelink.sandbox.app import ApiCall, Operation, SandboxApp, SandboxError, json_response
from hirelink.sandbox.specs import spec_path
from hirelink.sandbox.validation import SpecValidator, ValidationProblem

__all__ = [
    "JOBS_PATH",
    "PersonioError",
    "PersonioSandbox",
    "PersonioState",
    "StoredDocument",
    "create_personio_sandbox",
]

JOBS_PATH: Final = "/jobs"
"""Prefix of the jobs host's routes: ``/jobs/{subdomain}/xml``."""
BERLIN: Final = ZoneInfo("Europe/Berlin")
SEED_EPOCH: Final = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
RECRUITING_READ: Final = "personio:recruiting:read"
RECRUITING_WRITE: Final = "personio:recruiting:write"
PERSONS_READ: Final = "personio:persons:read"
ALL_SCOPES: Final = (RECRUITING_READ, RECRUITING_WRITE, PERSONS_READ)
ALLOWED_EXTENSIONS: Final = frozenset(
    {
        "pdf", "pptx", "xlsx", "docx", "doc", "xls", "ppt", "ods", "odt", "7z", "gz", "rar",
        "zip", "bmp", "gif", "jpg", "png", "tif", "csv", "txt", "rtf", "mp4", "3gp", "mov",
        "avi", "wmv",
    }
)  # fmt: skip
ATTRIBUTE_IDS: Final = frozenset(
    {"phone", "gender", "birthday", "location", "available_from", "salary_expectations"}
)
GENDERS: Final = frozenset({"male", "female", "diverse", "undefined"})
CUSTOM_ATTRIBUTE_OPTIONS: Final = {"custom_attribute_48213": ("Referral", "Job board", "Event")}
DEFAULT_MAX_DOCUMENT_BYTES: Final = 20 * 1024 * 1024
_CREDENTIALS_ERROR_URI: Final = "https://developer.personio.de/reference/errors#credentials."
_V2_ERROR_URI: Final = "https://developer.personio.de/reference/errors#common."

Flavour = Literal["v1", "v2", "oauth"]
Clock = Callable[[], float]


def _utcnow() -> datetime:
    return datetime.now(UTC)


# ----------------------------------------------------------------------------- errors


class PersonioError(SandboxError):
    """A :class:`SandboxError` rendered in the body of the API it belongs to.

    Args:
        status: HTTP status.
        message: the detail (v1 general error, v2 problem) or the OAuth description.
        field_errors: v1 only: field -> reason codes.
        flavour: ``v1`` (``{"errors": [...]}``), ``v2`` (problem body) or ``oauth``.
        code: the OAuth ``error`` code, or the v2 error type suffix.
        headers: extra response headers.
    """

    def __init__(
        self,
        status: int,
        message: str,
        field_errors: Mapping[str, Sequence[str]] | None = None,
        *,
        flavour: Flavour,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status, message, field_errors, headers=headers)
        self.flavour: Flavour = flavour
        self.code = code


def _v1_field_errors(errors: Mapping[str, Sequence[str]]) -> PersonioError:
    return PersonioError(400, "Invalid request body supplied", errors, flavour="v1")


def _v2_bad_request(detail: str) -> PersonioError:
    return PersonioError(400, detail, flavour="v2", code="bad_request")


def _oauth(error: str, description: str, status: int = 400) -> PersonioError:
    return PersonioError(status, description, flavour="oauth", code=error)


# ----------------------------------------------------------------------------- seed tables

_POSITIONS: tuple[dict[str, Any], ...] = (
    {"id": 1874512,
     "name": ("Backend Engineer Billing (m/f/d)", "Backend Engineer Billing (m/w/d)"),
     "office": "Hamburg", "additional": ("Remote (Germany)",), "department": "Engineering",
     "category": 88, "employment": "permanent", "seniority": "experienced", "schedule": "full-time",
     "years": "2-5", "keywords": "python,go,billing,backend",
     "occupation": "software_and_web_development", "occupation_category": "it_software",
     "created": "2025-03-14T09:30:00+01:00", "salary": ("60000", "80000", "EUR", "€", "yearly")},
    {"id": 1874513, "name": ("Office Manager (m/f/d)", "Office Manager (m/w/d)"),
     "office": "Berlin", "additional": (), "department": "Operations", "category": 89,
     "employment": "permanent", "seniority": "experienced", "schedule": "part-time",
     "years": "1-2", "keywords": "office,organisation", "occupation": "office_management",
     "occupation_category": "administrative_and_clerical", "created": "2025-02-01T08:00:00+0100",
     "salary": None},
    {"id": 1874514, "name": ("Working Student Data (m/f/d)", "Werkstudent Data (m/w/d)"),
     "office": "Munich", "additional": ("Hamburg",), "department": "Data", "category": 88,
     "employment": "working_student", "seniority": "student", "schedule": "part-time",
     "years": "lt-1", "keywords": "sql,dbt", "occupation": "data_science",
     "occupation_category": "it_software", "created": "2025-04-02T12:15:00+02:00",
     "salary": None},
    {"id": 1874515, "name": ("Head of People (m/f/d)", "Head of People (m/w/d)"),
     "office": "Hamburg", "additional": (), "department": "People", "category": 90,
     "employment": "permanent", "seniority": "executive", "schedule": "full-time",
     "years": "10-15", "keywords": "hr,leadership", "occupation": "human_resources",
     "occupation_category": "human_resources", "created": "2025-01-20T10:00:00+00:00",
     "salary": None},
    {"id": 1874516, "name": ("Product Design Intern (m/f/d)", "Praktikum Produktdesign (m/w/d)"),
     "office": "Remote", "additional": (), "department": "Design", "category": 88,
     "employment": "intern", "seniority": "entry-level", "schedule": "full-or-part-time",
     "years": None, "keywords": "figma,ux", "occupation": "design",
     "occupation_category": "arts_and_design", "created": "2025-04-10T07:45:00+02:00",
     "salary": None},
)  # fmt: skip
UNPUBLISHED_POSITION_ID: Final = 1874599
"""A job that exists (v2 ``/jobs``) but is not published: applications to it are refused."""
_CATEGORIES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("88", "Tech",
     (("26410", "Phone screen"), ("26411", "Tech interview"), ("26412", "Final interview"))),
    ("89", "Operations", (("26420", "Screening"), ("26421", "Interview"))),
    ("90", "People", (("26430", "Conversation"),)),
)  # fmt: skip
_DEPARTMENTS = {"Engineering": "301", "Operations": "302", "Data": "303", "People": "304",
                "Design": "305", "Finance": "306"}  # fmt: skip
_CHANNELS: Final = {
    531207: ("JobBoardX", ("jb-77c1e0a4", "jb-77c1e0a5")),
    531208: ("Careers fair", ()),
}
_FIRST_NAMES = ("Lena", "Jonas", "Mia", "Tomas", "Aylin", "Noah", "Greta", "Omar", "Ida", "Luca",
                "Mara", "Finn", "Sofia", "Emil", "Hanna")  # fmt: skip
_LAST_NAMES = ("Vogt", "Berg", "Klein", "Roth", "Yilmaz", "Weber", "Hansen", "Haddad", "Lund",
               "Moreau", "Novak", "Petersen", "Schulz")  # fmt: skip
_ROLES = ("Hiring Manager", "Recruiter", "Interviewer")


def _descriptions(position: Mapping[str, Any], language: str) -> list[tuple[str, str]]:
    title = position["name"][1 if language == "de" else 0]
    if language == "de":
        return [
            ("Deine Aufgaben", f"<p>Als {escape(title)} gestaltest du unser Team mit.</p>"),
            ("Dein Profil", "<ul><li>Neugier</li><li>Teamgeist</li></ul>"),
        ]
    return [
        ("Your role", f"<p>As {escape(title)} you shape how our team works.</p>"),
        ("What you bring", "<ul><li>Curiosity</li><li>Team spirit</li></ul>"),
    ]


def render_feed(positions: Iterable[Mapping[str, Any]], language: str) -> bytes:
    """The XML feed document for ``positions`` in ``language`` (German for unknown ones)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<workzag-jobs>"]
    for position in positions:
        name = position["name"][1 if language == "de" else 0]
        lines += ["  <position>", f"    <id>{position['id']}</id>"]
        lines.append("    <subcompany>Nordlicht Software GmbH</subcompany>")
        lines.append(f"    <office>{escape(position['office'])}</office>")
        if position["additional"]:
            offices = "".join(f"<office>{escape(o)}</office>" for o in position["additional"])
            lines.append(f"    <additionalOffices>{offices}</additionalOffices>")
        lines.append(f"    <department>{escape(position['department'])}</department>")
        category = next(name for cid, name, _ in _CATEGORIES if cid == str(position["category"]))
        lines.append(f"    <recruitingCategory>{category}</recruitingCategory>")
        lines.append(f"    <name>{escape(name)}</name>")
        lines.append("    <jobDescriptions>")
        for title, html in _descriptions(position, language):
            lines.append(
                f"      <jobDescription><name>{escape(title)}</name>"
                f"<value><![CDATA[{html}]]></value></jobDescription>"
            )
        lines.append("    </jobDescriptions>")
        lines.append(f"    <employmentType>{position['employment']}</employmentType>")
        lines.append(f"    <seniority>{position['seniority']}</seniority>")
        lines.append(f"    <schedule>{position['schedule']}</schedule>")
        if position["years"]:
            lines.append(f"    <yearsOfExperience>{position['years']}</yearsOfExperience>")
        lines.append(f"    <keywords>{escape(position['keywords'])}</keywords>")
        lines.append(f"    <occupation>{position['occupation']}</occupation>")
        lines.append(
            f"    <occupationCategory>{position['occupation_category']}</occupationCategory>"
        )
        lines.append(f"    <createdAt>{position['created']}</createdAt>")
        if position["salary"]:
            low, high, code, symbol, kind = position["salary"]
            lines.append(
                f"    <salaryInformation><min>{low}</min><max>{high}</max>"
                f"<currencyCode>{code}</currencyCode><currencySymbol>{symbol}</currencySymbol>"
                f"<type>{kind}</type></salaryInformation>"
            )
        lines.append("  </position>")
    lines.append("</workzag-jobs>")
    return ("\n".join(lines) + "\n").encode()


def local_stamp(moment: datetime) -> dict[str, str]:
    """Personio's v2 recruiting stamp: local Berlin time and the zone name."""
    local = moment.astimezone(BERLIN).replace(tzinfo=None)
    return {"date-time": local.isoformat(timespec="seconds"), "timezone": "Europe/Berlin"}


def utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ----------------------------------------------------------------------------- state


@attrs.frozen
class StoredDocument:
    """An uploaded document, as received."""

    uuid: str
    filename: str
    content: bytes = attrs.field(repr=lambda content: f"<{len(content)} bytes>")
    mimetype: str
    extension: str

    def wire(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "size": len(self.content),
            "mimetype": self.mimetype,
            "original_filename": self.filename,
            "extension": self.extension,
        }


@attrs.frozen
class _Token:
    value: str
    client_id: str
    scopes: frozenset[str]
    expires_at: float


@attrs.frozen
class _Cursor:
    kind: str
    filters: tuple[tuple[str, str], ...]
    offset: int
    limit: int


class PersonioState:
    """The data of one Personio company (thread-safe; see the module docstring).

    Attributes:
        applications: the applications submitted through the Recruiting API v1, as
            received (read with :meth:`submitted`).
        token_exchanges: how many tokens the token endpoint issued.
        rate_limited: how many v1 requests were answered 429.
        absolute_links: whether v2 ``next`` links are absolute URLs (else relative).
        recruiting_api_enabled: False answers v1 calls with 403
            ``feature.public-api.disabled``.
    """

    def __init__(
        self,
        *,
        company_id: str,
        subdomain: str,
        disabled_subdomain: str,
        clients: Mapping[str, tuple[str, Iterable[str]]],
        candidates: int = 30,
        persons: int = 25,
        token_lifetime: int = 86400,
        rate_limit: int = 20,
        rate_window: float = 60.0,
        max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
        absolute_links: bool = True,
        clock: Clock = time.monotonic,
        wall_clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.company_id = company_id
        self.subdomain = subdomain
        self.disabled_subdomain = disabled_subdomain
        self.token_lifetime = token_lifetime
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self.max_document_bytes = max_document_bytes
        self.absolute_links = absolute_links
        self.recruiting_api_enabled = True
        self._clock = clock
        self._wall_clock = wall_clock
        self._lock = threading.RLock()
        self._clients = {
            key: (secret, frozenset(scopes)) for key, (secret, scopes) in clients.items()
        }
        self._tokens: dict[str, _Token] = {}
        self._cursors: dict[str, _Cursor] = {}
        self._arrivals: collections.deque[float] = collections.deque()
        self._raw_feeds: dict[str, bytes] = {}
        self._documents: dict[str, StoredDocument] = {}
        self._counter = itertools.count(1)
        self.applications: list[dict[str, Any]] = []
        self.token_exchanges = 0
        self.rate_limited = 0
        self._jobs = {job["id"]: job for job in _build_jobs(company_id)}
        self._categories = {c["id"]: c for c in _build_categories()}
        self._candidates: dict[str, dict[str, Any]] = {}
        self._v2_applications: dict[str, dict[str, Any]] = {}
        self._transitions: dict[str, list[dict[str, Any]]] = {}
        self._persons = {p["id"]: p for p in _build_persons(persons)}
        self._seed(candidates)

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    # ------------------------------------------------------------------ jobs host

    def serve_raw_feed(self, subdomain: str, document: bytes) -> None:
        """Answer ``/jobs/{subdomain}/xml`` with ``document`` as it is (for hostile feeds)."""
        with self._lock:
            self._raw_feeds[subdomain] = document

    def feed(self, subdomain: str, language: str) -> bytes | None:
        """The feed document of ``subdomain``, or None (unknown subdomain or feed off)."""
        with self._lock:
            if subdomain in self._raw_feeds:
                return self._raw_feeds[subdomain]
        if subdomain != self.subdomain:
            return None
        return render_feed(_POSITIONS, language)

    @staticmethod
    def published_position_ids() -> list[int]:
        return [position["id"] for position in _POSITIONS]

    # ------------------------------------------------------------------ v1

    def admit(self) -> float | None:
        """Count a v1 request against the company's limit; None if admitted, else the wait."""
        with self._lock:
            now = self._clock()
            while self._arrivals and self._arrivals[0] <= now - self.rate_window:
                self._arrivals.popleft()
            if len(self._arrivals) >= self.rate_limit:
                self.rate_limited += 1
                return self._arrivals[0] + self.rate_window - now
            self._arrivals.append(now)
            return None

    def store_document(self, filename: str, content: bytes, mimetype: str) -> StoredDocument:
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if extension not in ALLOWED_EXTENSIONS:
            raise PersonioError(
                422, "Invalid file type", {"file": ["errors.invalid-file-type"]}, flavour="v1"
            )
        if len(content) > self.max_document_bytes:
            raise PersonioError(
                413, "File too big", {"file": ["errors.file-too-big"]}, flavour="v1"
            )
        with self._lock:
            number = next(self._counter)
            key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"personio-sandbox/document/{number}"))
            stored = StoredDocument(key, filename, content, mimetype, extension)
            self._documents[key] = stored
            return stored

    def document(self, key: str) -> StoredDocument | None:
        with self._lock:
            return self._documents.get(key)

    def submitted(self) -> list[dict[str, Any]]:
        """Deep copies of the applications received through v1, oldest first."""
        with self._lock:
            return copy.deepcopy(self.applications)

    def submit(self, body: Mapping[str, Any], today: date) -> None:
        """Validate a v1 submission like Personio does and store it (or raise 400)."""
        errors: dict[str, list[str]] = collections.defaultdict(list)
        position = body["job_position_id"]
        if position not in self.published_position_ids():
            errors["job_position_id"].append("errors.job-position.not-published")
        channel = body.get("recruiting_channel_id")
        if channel is not None and channel not in _CHANNELS:
            errors["recruiting_channel_id"].append("errors.posting-validation.channel-not-found")
        posting = body.get("external_posting_id")
        if posting is not None and (
            channel not in _CHANNELS or posting not in _CHANNELS[channel][1]
        ):
            errors["external_posting_id"].append("errors.posting-validation.posting-not-found")
        when = body.get("application_date")
        if when is not None and date.fromisoformat(when) > today:
            errors["application_date"].append("errors.date-validation.date-in-the-future")
        for index, item in enumerate(body.get("files", [])):
            if self.document(item["uuid"]) is None:
                errors[f"files[{index}].uuid"].append("errors.file-validation.file-not-exists")
        for index, attribute in enumerate(body.get("attributes", [])):
            reason = _attribute_problem(attribute["id"], attribute["value"])
            if reason:
                errors[f"attributes[{index}]"].append(reason)
        with self._lock:
            email = body["email"].lower()
            if not errors and any(
                app["email"].lower() == email and app["job_position_id"] == position
                for app in self.applications
            ):
                errors["email"].append("errors.applicant-already-exists")
            if errors:
                raise _v1_field_errors(errors)
            self.applications.append(copy.deepcopy(dict(body)))
            self._mirror(body)

    def _mirror(self, body: Mapping[str, Any]) -> None:
        """Make a v1 submission visible to the v2 reads."""
        now = self._wall_clock()
        email = body["email"]
        candidate = next(
            (c for c in self._candidates.values() if (c["email"] or "").lower() == email.lower()),
            None,
        )
        if candidate is None:
            candidate_id = str(5520000 + len(self._candidates) + 1)
            candidate = {
                "id": candidate_id,
                "first_name": body["first_name"], "last_name": body["last_name"],
                "email": email, "gender": None, "phone": None, "location": None, "birthday": None,
                "linkedin_profile": None, "available_from": None, "applications": [],
                "_created": now, "_updated": now,
            }  # fmt: skip
        for attribute in body.get("attributes", []):
            if attribute["id"] in ("phone", "location", "gender", "birthday", "available_from"):
                candidate = {**candidate, attribute["id"]: attribute["value"]}
        application_id = str(8812000 + len(self._v2_applications) + 1)
        applied = body.get("application_date") or now.date().isoformat()
        candidate = {
            **candidate,
            "applications": [
                *candidate["applications"],
                {"id": application_id, "application_date": applied},
            ],
            "_updated": now,
        }
        self._candidates[candidate["id"]] = candidate
        job = self._jobs[str(body["job_position_id"])]
        stage = _phase_stage(body.get("phase"), job, self._categories)
        channel = body.get("recruiting_channel_id")
        self._v2_applications[application_id] = {
            "id": application_id,
            "application_date": applied,
            "candidate": _candidate_reference(candidate),
            "job": _job_reference(job),
            "current_stage": stage,
            "channel": None
            if channel is None
            else {"id": str(channel), "name": _CHANNELS[channel][0]},
            "hiring_team": job["hiring_team"],
            "is_anonymized": False,
            "_created": now,
            "_updated": now,
        }
        self._transitions[application_id] = [{"_at": now, "stage": stage}]

    # ------------------------------------------------------------------ OAuth

    def issue_token(self, form: Mapping[str, str]) -> dict[str, Any]:
        if form.get("grant_type") != "client_credentials":
            raise _oauth("unsupported_grant_type", "Only client_credentials is supported.")
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        known = self._clients.get(client_id)
        if known is None or not hmac.compare_digest(known[0].encode(), secret.encode()):
            raise _oauth("unauthorized_client", "Client credentials were not accepted.")
        granted = known[1]
        requested = frozenset(form["scope"].split()) if form.get("scope") else granted
        if not requested <= granted:
            raise _oauth("invalid_scope", "A requested scope is not granted to this client.")
        with self._lock:
            self.token_exchanges += 1
            number = self.token_exchanges
            digest = hashlib.sha256(f"{client_id}:{number}".encode()).hexdigest()[:24]
            value = f"papi-sandbox-{number}-{digest}"
            self._tokens[value] = _Token(
                value, client_id, requested, self._clock() + self.token_lifetime
            )
        return {
            "access_token": value,
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
            "scope": " ".join(sorted(requested)),
        }

    def revoke_token(self, value: str) -> None:
        with self._lock:
            self._tokens.pop(value, None)

    def check_token(self, value: str, scope: str) -> None:
        """Raise the v2 401 or 403 unless ``value`` is a live token carrying ``scope``."""
        with self._lock:
            token = self._tokens.get(value)
            if token is not None and token.expires_at <= self._clock():
                del self._tokens[value]
                token = None
        if token is None:
            raise PersonioError(
                401, "The access token is invalid or expired.", flavour="v2", code="unauthorized"
            )
        if scope not in token.scopes:
            raise PersonioError(
                403,
                "Insufficient access scope.",
                flavour="v2",
                code="forbidden",
            )

    # ------------------------------------------------------------------ v2 reads

    def page(
        self, kind: str, filters: Mapping[str, str], cursor: str | None, limit: int
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of ``kind`` (its items rendered) and the next cursor, if any."""
        with self._lock:
            if cursor is not None:
                state = self._cursors.get(cursor)
                if state is None or state.kind != kind:
                    raise _v2_bad_request(f"unknown cursor {cursor!r}")
                filters, offset, limit = dict(state.filters), state.offset, limit or state.limit
            else:
                offset = 0
            records = [r for r in self._records(kind) if _matches(kind, r, filters)]
            chunk = records[offset : offset + limit]
            next_cursor = None
            if offset + limit < len(records):
                frozen = tuple(sorted(filters.items()))
                seed = f"{kind}:{frozen}:{offset + limit}:{limit}".encode()
                next_cursor = "cur_" + hashlib.sha256(seed).hexdigest()[:20]
                self._cursors[next_cursor] = _Cursor(kind, frozen, offset + limit, limit)
            return [_render(kind, r) for r in chunk], next_cursor

    def _records(self, kind: str) -> list[dict[str, Any]]:
        if kind == "persons":
            return [self._persons[key] for key in sorted(self._persons)]
        source = {
            "applications": self._v2_applications,
            "candidates": self._candidates,
            "jobs": self._jobs,
        }[kind]
        return sorted(source.values(), key=lambda r: (r["_updated"], r["id"]), reverse=True)

    def get(self, kind: str, key: str) -> dict[str, Any]:
        with self._lock:
            source = {
                "applications": self._v2_applications,
                "candidates": self._candidates,
                "jobs": self._jobs,
                "categories": self._categories,
                "persons": self._persons,
            }[kind]
            record = source.get(key)
            if record is None:
                raise PersonioError(
                    404,
                    "The requested resource was not found.",
                    flavour="v2",
                    code="resource_not_found",
                )
            return _render(kind, record)

    def categories(self) -> list[dict[str, Any]]:
        with self._lock:
            return [_render("categories", c) for c in self._categories.values()]

    def transitions(self, application_id: str) -> list[dict[str, Any]]:
        with self._lock:
            if application_id not in self._v2_applications:
                raise PersonioError(
                    404,
                    "The requested resource was not found.",
                    flavour="v2",
                    code="resource_not_found",
                )
            entries = sorted(
                self._transitions[application_id], key=lambda t: t["_at"], reverse=True
            )
            return [{"entered_at": local_stamp(t["_at"]), "stage": t["stage"]} for t in entries]

    # ------------------------------------------------------------------ seeding

    def _seed(self, count: int) -> None:
        rng = random.Random(20250106)  # noqa: S311 - deterministic fixtures
        jobs = [self._jobs[str(p["id"])] for p in _POSITIONS]
        for index in range(count):
            first = _FIRST_NAMES[index % len(_FIRST_NAMES)]
            last = _LAST_NAMES[(index * 7) % len(_LAST_NAMES)]
            created = SEED_EPOCH + timedelta(days=index * 3, hours=rng.randint(0, 9))
            candidate_id = str(5520001 + index)
            candidate: dict[str, Any] = {
                "id": candidate_id, "first_name": first, "last_name": last,
                "email": f"{first}.{last}.{index + 1}@example.org".lower(),
                "gender": rng.choice(("female", "male", "diverse", None)),
                "phone": f"+49 40 555{index:04d}",
                "location": rng.choice(("Hamburg", "Berlin", "Munich")),
                "birthday": None, "linkedin_profile": None, "available_from": None,
                "applications": [], "_created": created, "_updated": created,
            }  # fmt: skip
            for number in range(1 + index % 2):
                job = jobs[(index + number * 2) % len(jobs)]
                applied = created + timedelta(days=number)
                updated = applied + timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 8))
                application_id = str(8812001 + len(self._v2_applications))
                stages = self._categories[job["category"]["id"]]["stages"]
                path = stages[: rng.randint(0, len(stages))]
                current = path[-1] if path else _UNASSIGNED
                channel = rng.choice((None, 531207, 531208))
                self._v2_applications[application_id] = {
                    "id": application_id,
                    "application_date": applied.date().isoformat(),
                    "candidate": _candidate_reference(candidate),
                    "job": _job_reference(job),
                    "current_stage": current,
                    "channel": None
                    if channel is None
                    else {"id": str(channel), "name": _CHANNELS[channel][0]},
                    "hiring_team": job["hiring_team"],
                    "is_anonymized": index == 5,
                    "_created": applied,
                    "_updated": updated,
                }
                moments = [
                    applied + (updated - applied) * step / max(1, len(path))
                    for step in range(len(path) + 1)
                ]
                self._transitions[application_id] = [
                    {"_at": moment, "stage": stage}
                    for moment, stage in zip(moments, [_UNASSIGNED, *path], strict=True)
                ]
                candidate["applications"] = [
                    *candidate["applications"],
                    {"id": application_id, "application_date": applied.date().isoformat()},
                ]
                candidate["_updated"] = max(candidate["_updated"], updated)
            self._candidates[candidate_id] = candidate


_UNASSIGNED: Final = {"id": None, "kind": "system", "name": None, "type": "unassigned"}


def _attribute_problem(key: str, value: str) -> str | None:
    if key in CUSTOM_ATTRIBUTE_OPTIONS:
        return (
            None
            if value in CUSTOM_ATTRIBUTE_OPTIONS[key]
            else "errors.attribute-validation.unknown-attribute-option"
        )
    if key not in ATTRIBUTE_IDS:
        return "errors.attribute-validation.unknown"
    if key == "gender" and value not in GENDERS:
        return "errors.attribute-validation.unknown-attribute-option"
    if key == "birthday":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "errors.attribute-validation.invalid-date-format"
    return None


def _phase_stage(
    phase: Mapping[str, Any] | None,
    job: Mapping[str, Any],
    categories: Mapping[str, dict[str, Any]],
) -> dict[str, Any]:
    if phase is None:
        stages = categories[job["category"]["id"]]["stages"]
        return stages[0] if stages else _UNASSIGNED
    if phase["type"] == "system":
        return {"id": None, "kind": "system", "name": None, "type": phase["id"]}
    for category in categories.values():
        for stage in category["stages"]:
            if stage["id"] == str(phase["id"]):
                return dict(stage)
    return _UNASSIGNED  # Personio's documented fallback for an unknown custom phase


def _candidate_reference(candidate: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("id", "email", "first_name", "last_name", "gender")
    return {key: candidate[key] for key in keys}


def _job_reference(job: Mapping[str, Any]) -> dict[str, Any]:
    return {key: job[key] for key in ("id", "name", "department", "category")}


def _build_categories() -> list[dict[str, Any]]:
    return [
        {
            "id": cid,
            "name": name,
            "stages": [
                {"id": sid, "kind": "custom", "name": stage, "type": "custom"}
                for sid, stage in stages
            ],
        }
        for cid, name, stages in _CATEGORIES
    ]


def _build_jobs(company_id: str) -> list[dict[str, Any]]:
    jobs = []
    unpublished = {
        "id": UNPUBLISHED_POSITION_ID, "name": ("Finance Controller (m/f/d)",) * 2,
        "department": "Finance", "category": 89, "created": "2025-04-20T09:00:00+02:00",
    }  # fmt: skip
    for number, position in enumerate([*_POSITIONS, unpublished]):
        created = datetime.fromisoformat(position["created"])
        category = next(c for c in _CATEGORIES if c[0] == str(position["category"]))
        person = str(24205101 + number % 4)
        jobs.append(
            {
                "id": str(position["id"]),
                "name": position["name"][0],
                "department": {
                    "id": _DEPARTMENTS[position["department"]],
                    "name": position["department"],
                },
                "category": {"id": category[0], "name": category[1]},
                "hiring_team": [
                    {
                        "person": {
                            "id": person,
                            "_meta": {
                                "links": {
                                    "self": {"href": f"https://api.personio.de/v2/persons/{person}"}
                                }
                            },
                        },
                        "role": {"name": _ROLES[number % len(_ROLES)]},
                    }
                ],
                "company": {"id": company_id},
                "_created": created,
                "_updated": created + timedelta(days=2 + number),
            }
        )
    return jobs


def _build_persons(count: int) -> list[dict[str, Any]]:
    rng = random.Random(24205101)  # noqa: S311 - deterministic fixtures
    persons = []
    for index in range(count):
        first = _FIRST_NAMES[(index * 4) % len(_FIRST_NAMES)]
        last = _LAST_NAMES[(index * 5 + 3) % len(_LAST_NAMES)]
        person_id = str(24205101 + index)
        created = datetime(2021, 2, 1, 8, tzinfo=UTC) + timedelta(days=index * 37)
        persons.append(
            {
                "id": person_id,
                "email": f"{first}.{last}@nordlicht.example".lower(),
                "first_name": first,
                "last_name": last,
                "preferred_name": f"{first} {last}",
                "gender": rng.choice(("FEMALE", "MALE", "DIVERSE", "UNSPECIFIED")),
                "profile_picture": {
                    "url": f"https://api.personio.de/v1/company/employees/{person_id}/profile-picture"
                },
                "status": "INACTIVE" if index % 6 == 5 else "ACTIVE",
                "custom_attributes": [
                    {
                        "id": "dynamic_7731",
                        "type": "STRING",
                        "global_id": "team",
                        "label": "Team",
                        "value": rng.choice(("Platform", "Billing", "People", "Data")),
                    },
                ],
                "employments": [
                    {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"employment/{person_id}"))}
                ],
                "_meta": {
                    "links": {
                        "employments": {
                            "href": f"https://api.personio.de/v2/persons/{person_id}/employments"
                        }
                    }
                },
                "_created": created,
                "_updated": created + timedelta(days=400 + index * 11),
            }
        )
    return persons


def _render(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as the API shows it: without private keys, timestamps in wire format."""
    public = {
        key: value for key, value in record.items() if not key.startswith("_") or key == "_meta"
    }
    if kind == "persons":
        public["created_at"] = utc_text(record["_created"])
        public["updated_at"] = utc_text(record["_updated"])
    elif kind != "categories":
        public["created_at"] = local_stamp(record["_created"])
        public["updated_at"] = local_stamp(record["_updated"])
    return copy.deepcopy(public)


def _parse_moment(name: str, raw: str) -> datetime:
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise _v2_bad_request(f"{name} must be an ISO 8601 date-time, got {raw!r}") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _matches(kind: str, record: Mapping[str, Any], filters: Mapping[str, str]) -> bool:
    for name, raw in filters.items():
        if name in ("updated_at.gt", "updated_at.lt", "created_at.gt", "created_at.lt"):
            stamp = record["_updated"] if name.startswith("updated") else record["_created"]
            bound = _parse_moment(name, raw)
            if (name.endswith(".gt") and not stamp > bound) or (
                name.endswith(".lt") and not stamp < bound
            ):
                return False
        elif name == "candidate.email":
            if (record["candidate"]["email"] or "").lower() != raw.lower():
                return False
        elif name in ("email", "id"):
            wanted = {value.strip().lower() for value in raw.split(",")}
            if (record[name] or "").lower() not in wanted:
                return False
        elif (
            name in ("first_name", "last_name", "preferred_name", "status") and record[name] != raw
        ):
            return False
    return True


# ----------------------------------------------------------------------------- the ASGI app

_LIST_FILTERS: Final[Mapping[str, tuple[str, ...]]] = {
    "applications": ("updated_at.gt", "updated_at.lt", "candidate.email"),
    "candidates": ("updated_at.gt", "updated_at.lt", "email"),
    "jobs": ("updated_at.gt", "updated_at.lt"),
    "persons": (
        "id", "email", "first_name", "last_name", "preferred_name", "created_at.gt",
        "created_at.lt", "updated_at.gt", "updated_at.lt", "status",
    ),
}  # fmt: skip
_DEFAULT_LIMITS: Final = {"applications": 100, "candidates": 100, "jobs": 100, "persons": 10}
_V1_OPERATIONS: Final = frozenset({"createApplication", "uploadApplicationDocument"})
_OAUTH_OPERATIONS: Final = frozenset({"issueAccessToken", "revokeAccessToken"})
_V1_REASON_BY_FIELD: Final = (
    ("email", "errors.attribute-validation.invalid-email-format"),
    ("phase", "errors.phase-validation.invalid-system-phase"),
    ("application_date", "errors.attribute-validation.invalid-date-format"),
)


class PersonioSandbox(SandboxApp):
    """The Personio stand-in. Create it with :func:`create_personio_sandbox`.

    Attributes:
        state: the company's data and counters; tests may read and change it.
        company_id: with ``recruiting_token``, the Recruiting API key it accepts.
        recruiting_token: see ``company_id``.
        channel_id: a recruiting channel that exists (531207; 531208 exists too).
        client_id: with ``client_secret``, a custom integration with every scope.
        client_secret: see ``client_id``.
        limited_client_id: with ``limited_client_secret``, one with
            ``personio:persons:read`` only.
        limited_client_secret: see ``limited_client_id``.
        subdomain: the subdomain whose feed is on; ``disabled_subdomain``: feed off.

    Requests are validated in :meth:`authenticate` (after the credentials), so that a
    refusal carries the body of the API addressed; :attr:`validator` stays None.
    """

    spec_name = "personio"

    def __init__(
        self,
        state: PersonioState,
        *,
        recruiting_token: str,
        channel_id: int,
        client_id: str,
        client_secret: str,
        limited_client_id: str,
        limited_client_secret: str,
        validate: bool = True,
        today: Callable[[], date] | None = None,
    ) -> None:
        self.state = state
        self.company_id = state.company_id
        self.recruiting_token = recruiting_token
        self.channel_id = channel_id
        self.client_id = client_id
        self.client_secret = client_secret
        self.limited_client_id = limited_client_id
        self.limited_client_secret = limited_client_secret
        self.subdomain = state.subdomain
        self.disabled_subdomain = state.disabled_subdomain
        self._today = today or (lambda: _utcnow().date())
        self._api_validator = _api_validator() if validate else None
        self._feed_validator = (
            SpecValidator.for_file(spec_path("personio-jobs-feed")) if validate else None
        )
        super().__init__(validate=False)
        self.asgi = self.recorder.middleware(self.faults.middleware(self._route_hosts))

    @staticmethod
    def jobs_base_url(server_url: str) -> str:
        """The ``jobs_base_url`` a client uses for this stand-in served at ``server_url``."""
        return f"{server_url.rstrip('/')}{JOBS_PATH}/{{subdomain}}"

    def operations(self) -> list[Operation]:
        """The fifteen operations of ``specs/personio.yaml`` (the feed is routed apart)."""
        v1, recruiting = "/v1/recruiting/applications", "/v2/recruiting"
        return [
            Operation("POST", v1, "createApplication", self._create),
            Operation("POST", f"{v1}/documents", "uploadApplicationDocument", self._upload),
            Operation("POST", "/v2/auth/token", "issueAccessToken", self._issue_token),
            Operation("POST", "/v2/auth/revoke", "revokeAccessToken", self._revoke_token),
            Operation(
                "GET",
                f"{recruiting}/applications",
                "listApplications",
                self._lister("applications"),
            ),
            Operation(
                "GET",
                f"{recruiting}/applications/{{id}}",
                "getApplication",
                self._getter("applications", wrap=True),
            ),
            Operation(
                "GET",
                f"{recruiting}/applications/{{id}}/stage-transitions",
                "listApplicationStageTransitions",
                self._transitions,
            ),
            Operation(
                "GET", f"{recruiting}/candidates", "listCandidates", self._lister("candidates")
            ),
            Operation(
                "GET",
                f"{recruiting}/candidates/{{id}}",
                "getCandidate",
                self._getter("candidates", wrap=False),
            ),
            Operation("GET", f"{recruiting}/jobs", "listJobs", self._lister("jobs")),
            Operation(
                "GET", f"{recruiting}/jobs/{{id}}", "getJob", self._getter("jobs", wrap=True)
            ),
            Operation("GET", f"{recruiting}/categories", "listCategories", self._categories),
            Operation(
                "GET",
                f"{recruiting}/categories/{{id}}",
                "getCategory",
                self._getter("categories", wrap=False),
            ),
            Operation("GET", "/v2/persons", "listPersons", self._lister("persons")),
            Operation("GET", "/v2/persons/{id}", "getPerson", self._getter("persons", wrap=False)),
        ]

    # ------------------------------------------------------------------ auth + validation

    def authenticate(self, call: ApiCall) -> None:
        """Check the credential of the API addressed, then validate against the spec."""
        operation = call.operation_id
        if operation in _V1_OPERATIONS:
            self._authenticate_v1(call)
            flavour: Flavour = "v1"
        elif operation in _OAUTH_OPERATIONS:
            flavour = "oauth"
        else:
            scheme, _, token = call.request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not token:
                raise PersonioError(
                    401, "A bearer token is required.", flavour="v2", code="unauthorized"
                )
            path = call.request.url.path
            self.state.check_token(
                token, PERSONS_READ if path.startswith("/v2/persons") else RECRUITING_READ
            )
            flavour = "v2"
        if self._api_validator is not None:
            problems = self._api_validator.validate(call.request, call.body)
            if problems:
                raise _problems_error(flavour, operation, problems)

    def _authenticate_v1(self, call: ApiCall) -> None:
        scheme, _, token = call.request.headers.get("authorization", "").partition(" ")
        company = call.request.headers.get("x-company-id", "")
        if (
            scheme.lower() != "bearer"
            or not hmac.compare_digest(token.encode(), self.recruiting_token.encode())
            or company != self.company_id
        ):
            raise PersonioError(401, "The access token or company id is not valid.", flavour="v1")
        if not self.state.recruiting_api_enabled:
            raise PersonioError(403, "feature.public-api.disabled", flavour="v1")
        wait = self.state.admit()
        if wait is not None:
            raise PersonioError(
                429,
                "Too Many Requests",
                flavour="v1",
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )

    # ------------------------------------------------------------------ error bodies

    def error_body(self, error: SandboxError) -> Any:
        """Personio's bodies: v1 ``errors`` list, v2 problem, or an OAuth error."""
        flavour = error.flavour if isinstance(error, PersonioError) else "v2"
        code = error.code if isinstance(error, PersonioError) else None
        stamp = utc_text(_utcnow())
        trace = str(uuid.uuid4())
        if flavour == "v1":
            items: list[dict[str, Any]] = [
                {"field": field, "errors": [{"reason": reason} for reason in reasons]}
                for field, reasons in error.field_errors.items()
            ]
            if not items:
                items.append(
                    {
                        "id": trace,
                        "status": str(error.status),
                        "title": HTTPStatus(error.status).phrase,
                        "detail": error.message,
                    }
                )
            return {"errors": items}
        if flavour == "oauth":
            return {
                "error": code or "invalid_request",
                "error_description": error.message,
                "error_uri": _CREDENTIALS_ERROR_URI + (code or "invalid_request"),
                "timestamp": stamp,
                "trace_id": trace,
                "meta": {},
            }
        kind = code or {404: "resource_not_found", 405: "method_not_allowed"}.get(
            error.status, "internal_error" if error.status >= 500 else "bad_request"
        )
        return {
            "personio_trace_id": trace,
            "timestamp": stamp,
            "errors": [
                {
                    "title": HTTPStatus(error.status).phrase,
                    "detail": error.message,
                    "type": _V2_ERROR_URI + kind,
                    "_meta": {},
                }
            ],
        }

    def error_response(self, error: SandboxError) -> Response:
        flavour = error.flavour if isinstance(error, PersonioError) else "v2"
        media = "application/json" if flavour == "v1" else "application/problem+json"
        return JSONResponse(
            self.error_body(error),
            status_code=error.status,
            headers=error.headers,
            media_type=media,
        )

    # ------------------------------------------------------------------ jobs host

    async def _route_hosts(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(JOBS_PATH + "/"):
            response = self._feed_response(scope)
            await response(scope, receive, send)
            return
        await self.starlette(scope, receive, send)

    def _feed_response(self, scope: Scope) -> Response:
        parts = scope["path"][len(JOBS_PATH) + 1 :].split("/")
        not_found = Response(
            "<html><body><h1>Page not found</h1></body></html>", 404, media_type="text/html"
        )
        if len(parts) != 2 or parts[1] != "xml" or scope["method"] != "GET":
            return not_found
        query = scope.get("query_string", b"").decode("latin-1")
        if self._feed_validator is not None:
            problems = self._feed_validator.validate_parts(
                method="GET", path="/xml", query_string=query, headers=scope.get("headers", [])
            )
            if problems:
                detail = "; ".join(f"{p.field or p.location}: {p.message}" for p in problems)
                return Response(f"Bad request: {detail}", 400, media_type="text/plain")
        language = dict(parse_qsl(query)).get("language", "de")
        document = self.state.feed(parts[0], language)
        if document is None:
            return not_found
        return Response(document, 200, media_type="text/xml; charset=utf-8")

    # ------------------------------------------------------------------ handlers

    def _create(self, call: ApiCall) -> Response:
        self.state.submit(call.json, self._today())
        return Response(status_code=201)

    def _upload(self, call: ApiCall) -> Response:
        environ = {
            "REQUEST_METHOD": "POST",
            "CONTENT_TYPE": call.request.headers.get("content-type", ""),
            "CONTENT_LENGTH": str(len(call.body)),
            "wsgi.input": io.BytesIO(call.body),
        }
        _, _, files = parse_form_data(environ)
        upload = files.get("file")
        if upload is None or not upload.filename:
            raise _v1_field_errors({"file": ["errors.invalid-file-type"]})
        stored = self.state.store_document(
            upload.filename, upload.read(), upload.mimetype or "application/octet-stream"
        )
        return json_response(stored.wire())

    def _issue_token(self, call: ApiCall) -> Response:
        return json_response(self.state.issue_token(_form(call.body)))

    def _revoke_token(self, call: ApiCall) -> Response:
        token = _form(call.body).get("token")
        if not token:
            raise _oauth("invalid_request", "The token parameter is required.")
        self.state.revoke_token(token)
        return Response(status_code=200)

    def _lister(self, kind: str) -> Callable[[ApiCall], Response]:
        def handler(call: ApiCall) -> Response:
            filters = {name: call.query[name] for name in _LIST_FILTERS[kind] if name in call.query}
            if "updated_at.gt" in filters and "updated_at.lt" in filters:
                raise _v2_bad_request("updated_at.gt and updated_at.lt cannot be combined.")
            raw_limit = call.query.get("limit", "0")
            if not raw_limit.isdigit():
                raise _v2_bad_request(f"limit must be a whole number, got {raw_limit!r}")
            limit = int(raw_limit) or None
            cursor = call.query.get("cursor")
            items, next_cursor = self.state.page(
                kind, filters, cursor, limit or (0 if cursor else _DEFAULT_LIMITS[kind])
            )
            path = call.request.url.path
            links: dict[str, Any] = {
                "self": {"href": self._link(call, path, call.request.url.query)}
            }
            if next_cursor is not None:
                links["next"] = {"href": self._link(call, path, urlencode({"cursor": next_cursor}))}
            return json_response({"_data": items, "_meta": {"links": links}})

        return handler

    def _link(self, call: ApiCall, path: str, query: str) -> str:
        relative = f"{path}?{query}" if query else path
        if not self.state.absolute_links:
            return relative
        return str(call.request.base_url).rstrip("/") + relative

    def _getter(self, kind: str, *, wrap: bool) -> Callable[[ApiCall], Response]:
        def handler(call: ApiCall) -> Response:
            record = self.state.get(kind, call.path_params["id"])
            return json_response({"_data": record} if wrap else record)

        return handler

    def _transitions(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.transitions(call.path_params["id"])})

    def _categories(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.categories()})


def _api_validator() -> SpecValidator:
    path = spec_path("personio").resolve()
    return _upload_tolerant_validator(path, path.stat().st_mtime_ns)


@functools.cache
def _upload_tolerant_validator(path: Path, _mtime_ns: int) -> SpecValidator:
    """``specs/personio.yaml`` with the upload's file part declared the OpenAPI 3.1 way.

    openapi-python-client generates a file upload only from ``type: string, format:
    binary``; openapi-core's 3.1 validator then type-checks the part's bytes as a
    string and refuses every upload. This copy declares the same part with
    ``contentMediaType``, which openapi-core accepts; nothing else differs.
    """
    document, base_uri = PathReader(path).read()
    document = copy.deepcopy(dict(document))
    properties = document["components"]["schemas"]["DocumentUploadRequest"]["properties"]
    properties["file"] = {"type": "string", "contentMediaType": "application/octet-stream"}
    return SpecValidator(document, base_uri=base_uri)


def _form(body: bytes) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(body.decode()).items()}


def _problems_error(
    flavour: Flavour, operation: str, problems: Sequence[ValidationProblem]
) -> PersonioError:
    if flavour == "v1":
        if operation == "uploadApplicationDocument":
            return PersonioError(
                422,
                "Invalid request body supplied",
                {"file": ["errors.invalid-file-type"]},
                flavour="v1",
            )
        errors: dict[str, list[str]] = collections.defaultdict(list)
        general = []
        for problem in problems:
            reason = _v1_reason(problem)
            if reason is None:
                general.append(f"{problem.field or problem.location}: {problem.message}")
            else:
                errors[_v1_field(problem.field)].append(reason)
        if general and not errors:
            return PersonioError(
                400, "Invalid request body supplied (" + "; ".join(general) + ")", flavour="v1"
            )
        return _v1_field_errors(errors)
    detail = "; ".join(f"{p.field or p.location}: {p.message}" for p in problems)
    if flavour == "oauth":
        return _oauth("invalid_request", detail)
    return _v2_bad_request(detail)


def _v1_reason(problem: ValidationProblem) -> str | None:
    """The reason code Personio gives for a value the spec refuses (None: a general error)."""
    field = problem.field
    if "is a required property" in problem.message:
        return None
    if field.startswith("files.") and field.endswith(".category"):
        return "errors.file-validation.unknown-file-category"
    for prefix, reason in _V1_REASON_BY_FIELD:
        if field == prefix or field.startswith(prefix + "."):
            return reason
    return None


def _v1_field(field: str) -> str:
    """``files.0.uuid`` -> ``files[0].uuid``: the field names Personio uses."""
    parts = field.split(".")
    out = parts[0]
    for part in parts[1:]:
        out += f"[{part}]" if part.isdigit() else f".{part}"
    return out


def create_personio_sandbox(
    *,
    company_id: str = "41737",
    recruiting_token: str = "sandbox-personio-recruiting-token",  # noqa: S107 - opens only the stand-in
    channel_id: int = 531207,
    client_id: str = "papi-sandbox-client",
    client_secret: str = "sandbox-personio-client-secret",  # noqa: S107 - opens only the stand-in
    limited_client_id: str = "papi-sandbox-persons-only",
    limited_client_secret: str = "sandbox-personio-persons-secret",  # noqa: S107
    subdomain: str = "nordlicht",
    disabled_subdomain: str = "stillwater",
    candidates: int = 30,
    persons: int = 25,
    token_lifetime: int = 86400,
    rate_limit: int = 20,
    rate_window: float = 60.0,
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    absolute_links: bool = True,
    validate: bool = True,
    clock: Clock | None = None,
    today: Callable[[], date] | None = None,
) -> PersonioSandbox:
    """Build a seeded Personio stand-in (not yet served: call ``.serve()``).

    Args:
        company_id, recruiting_token: the Recruiting API key it accepts
            (``Authorization: Bearer <token>`` and ``X-Company-ID``).
        channel_id: reported as the customer's channel (it exists in the data).
        client_id, client_secret: a custom integration granted every scope.
        limited_client_id, limited_client_secret: one granted ``personio:persons:read``
            only (to see a missing recruiting scope).
        subdomain: the subdomain with a feed; ``disabled_subdomain``: feed off.
        candidates, persons: how many to seed (applications follow the candidates).
        token_lifetime: ``expires_in`` of issued tokens, in seconds of ``clock``.
        rate_limit, rate_window: the v1 limit (20 per 60 s); tests shorten the window.
        max_document_bytes: uploads above it get 413 ``errors.file-too-big``.
        absolute_links: absolute (True) or relative ``next`` links in v2 lists.
        validate: validate requests against the specs.
        clock: monotonic seconds for token expiry and the rate window.
        today: the date "now" for the future-date check of applications.
    """
    state = PersonioState(
        company_id=company_id,
        subdomain=subdomain,
        disabled_subdomain=disabled_subdomain,
        clients={
            client_id: (client_secret, ALL_SCOPES),
            limited_client_id: (limited_client_secret, (PERSONS_READ,)),
        },
        candidates=candidates,
        persons=persons,
        token_lifetime=token_lifetime,
        rate_limit=rate_limit,
        rate_window=rate_window,
        max_document_bytes=max_document_bytes,
        absolute_links=absolute_links,
        clock=clock or time.monotonic,
    )
    return PersonioSandbox(
        state,
        recruiting_token=recruiting_token,
        channel_id=channel_id,
        client_id=client_id,
        client_secret=client_secret,
        limited_client_id=limited_client_id,
        limited_client_secret=limited_client_secret,
        validate=validate,
        today=today,
    )
