"""A stateful stand-in for Personio: the career-site host and the API host, in one app.

Create one with :func:`create_personio_sandbox`. It serves two specs through the same
pipeline as every stand-in (routes and handlers from the spec, requests read by it):

- ``specs/personio-jobs-feed.yaml`` under ``/jobs/{subdomain}``: ``GET
  /jobs/{subdomain}/xml?language=..`` is what ``https://{subdomain}.jobs.personio.de/xml``
  answers in production, so a client's ``jobs_base_url`` is
  ``f"{server.url}/jobs/{{subdomain}}"`` (:meth:`PersonioSandbox.jobs_base_url`). One
  subdomain has a feed, a second one has it switched off, any other is unknown; tests
  can also serve raw documents (:meth:`PersonioState.serve_raw_feed`).
- ``specs/personio.yaml`` at the root: the Recruiting API v1 (Bearer access token plus
  ``X-Company-ID``, the 20-requests-per-60-s company limit answered with 429, reason
  codes in Personio's error body), the OAuth token and revocation endpoints (tokens
  expire after a configurable lifetime on an injectable clock), and the v2 recruiting
  and persons reads with cursor paging (absolute or relative ``next`` links,
  switchable) and Personio's problem bodies.

A request the spec refuses gets the error body of the API it addressed (v1 field
errors, a v2 problem, an OAuth error, or the career site's plain text). The data is
seeded deterministically (``seeds/personio.json``); stored values are replaced, never
mutated in place.
"""

from __future__ import annotations

import collections
import contextlib
import copy
import functools
import hashlib
import io
import itertools
import json
import math
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any, ClassVar, Final, Literal
from urllib.parse import urlencode
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import attrs
from jsonschema_path.readers import PathReader
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from werkzeug.formparser import parse_form_data

from hirelink.core.specs import spec_path
from hirelink.sandbox.app import (
    ApiCall,
    SandboxApp,
    SandboxError,
    bearer_token,
    handles,
    json_response,
    same_secret,
)
from hirelink.sandbox.outbox import DEFAULT_RETRY_DELAYS
from hirelink.sandbox.personio_webhooks import PersonioWebhooks
from hirelink.sandbox.resources import (
    Collection,
    Cursors,
    component_properties,
    format_time,
    load_seed,
    seed_records,
    utcnow,
)
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
WEBHOOKS_READ: Final = "personio:webhooks:read"
WEBHOOKS_WRITE: Final = "personio:webhooks:write"
ALL_SCOPES: Final = (RECRUITING_READ, RECRUITING_WRITE, PERSONS_READ, WEBHOOKS_READ, WEBHOOKS_WRITE)
_TABLES: Final = load_seed("personio")["tables"]
ALLOWED_EXTENSIONS: Final = frozenset(_TABLES["allowedExtensions"])
ATTRIBUTE_IDS: Final = frozenset(_TABLES["attributeIds"])
GENDERS: Final = frozenset({"male", "female", "diverse", "undefined"})
CUSTOM_ATTRIBUTE_OPTIONS: Final[Mapping[str, list[str]]] = _TABLES["customAttributeOptions"]
DEFAULT_MAX_DOCUMENT_BYTES: Final = 20 * 1024 * 1024
_CREDENTIALS_ERROR_URI: Final = "https://developer.personio.de/reference/errors#credentials."
_V2_ERROR_URI: Final = "https://developer.personio.de/reference/errors#common."

Flavour = Literal["v1", "v2", "oauth"]
Clock = Callable[[], float]


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


@contextlib.contextmanager
def _as_v2_error() -> Iterator[None]:
    """Report a refusal of the v1 rules (shared by the v2 submissions) as a v2 problem."""
    try:
        yield
    except PersonioError as error:
        if error.flavour != "v1":
            raise
        reasons = "; ".join(
            f"{field}: {', '.join(codes)}" for field, codes in (error.field_errors or {}).items()
        )
        detail = f"{error.message} ({reasons})" if reasons else error.message
        status = 400 if error.status == 422 else error.status  # v2 documents 400 for both
        raise PersonioError(status, detail, flavour="v2") from None


def _v1_field_errors(errors: Mapping[str, Sequence[str]]) -> PersonioError:
    return PersonioError(400, "Invalid request body supplied", errors, flavour="v1")


def _v2_bad_request(detail: str) -> PersonioError:
    return PersonioError(400, detail, flavour="v2", code="bad_request")


def _v2_not_found() -> PersonioError:
    return PersonioError(
        404, "The requested resource was not found.", flavour="v2", code="resource_not_found"
    )


def _oauth(error: str, description: str, status: int = 400) -> PersonioError:
    return PersonioError(status, description, flavour="oauth", code=error)


# ----------------------------------------------------------------------------- seed tables

_CHANNELS: Final = {
    int(key): (channel["name"], tuple(channel["postings"]))
    for key, channel in _TABLES["channels"].items()
}
_FIRST_NAMES: Final[list[str]] = _TABLES["firstNames"]
_LAST_NAMES: Final[list[str]] = _TABLES["lastNames"]


def render_feed(language: str) -> bytes:
    """The XML feed document in ``language`` (German for ``de``, else English): the
    seed's ``JobPosition`` records, written the way the feed spec maps them to XML."""
    wanted = "de" if language == "de" else "en"
    positions = [
        {key: value for key, value in position.items() if not key.startswith("_")}
        for position in load_seed("personio")["records"]["JobPosition"]
        if position["_language"] == wanted
    ]
    document = _xml("workzag-jobs", {"position": positions})
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{document}\n'.encode()


def _xml(name: str, value: Any) -> str:
    """An element per member; an array repeats its element (the spec's ``xml`` mapping)."""
    if isinstance(value, list):
        return "".join(_xml(name, item) for item in value)
    if isinstance(value, dict):
        return f"<{name}>{''.join(_xml(key, item) for key, item in value.items())}</{name}>"
    return f"<{name}>{escape(str(value))}</{name}>"


def local_stamp(moment: datetime) -> dict[str, str]:
    """Personio's v2 recruiting stamp: local Berlin time and the zone name."""
    local = moment.astimezone(BERLIN).replace(tzinfo=None)
    return {"date-time": local.isoformat(timespec="seconds"), "timezone": "Europe/Berlin"}


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


class PersonioState:
    """The data of one Personio company (thread-safe; see the module docstring).

    Attributes:
        applications: the applications submitted through the Recruiting API v1, as
            received (read with :meth:`submitted`).
        token_exchanges: how many tokens the token endpoint issued.
        rate_limited: how many v1 requests were answered 429.
        webhooks: the ``/v2/webhooks`` records; ``webhooks.emit(event_name, payload)``
            sends a dataless event to the enabled webhooks subscribed to it
            (:meth:`update_person` emits ``person.updated``).
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
        wall_clock: Callable[[], datetime] = utcnow,
        webhook_retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
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
        self._cursors = Cursors()
        self._arrivals: collections.deque[float] = collections.deque()
        self._raw_feeds: dict[str, bytes] = {}
        self._documents: dict[str, StoredDocument] = {}
        self._counter = itertools.count(1)
        self.applications: list[dict[str, Any]] = []
        self.token_exchanges = 0
        self.rate_limited = 0
        seeded = {
            "jobs": _build_jobs(company_id),
            "categories": seed_records("personio", "Category"),
            "persons": _build_persons(persons),
        }
        self._v2: dict[str, Collection[str]] = {
            kind: Collection(seeded.get(kind, ()), not_found=_v2_not_found, lock=self._lock)
            for kind in ("applications", "candidates", "jobs", "categories", "persons")
        }
        self._jobs, self._categories = self._v2["jobs"], self._v2["categories"]
        self._candidates, self._v2_applications = self._v2["candidates"], self._v2["applications"]
        self._transitions: dict[str, list[dict[str, Any]]] = {}
        self.webhooks = PersonioWebhooks(
            company_id=company_id,
            wall_clock=wall_clock,
            lock=self._lock,
            bad_request=_v2_bad_request,
            not_found=_v2_not_found,
            retry_delays=webhook_retry_delays,
        )
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
        return render_feed(language)

    @staticmethod
    def published_position_ids() -> list[int]:
        positions = load_seed("personio")["records"]["JobPosition"]
        return [position["id"] for position in positions if position["_language"] == "en"]

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
            (c for c in self._candidates if (c["email"] or "").lower() == email.lower()),
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
        job = self._jobs.get(str(body["job_position_id"]))
        stage = _phase_stage(body.get("phase"), job, self._categories)
        applied = body.get("application_date") or now.date().isoformat()
        channel = body.get("recruiting_channel_id")
        self._candidates.put(self._apply(candidate, job, applied, [(now, stage)], now, channel))

    def _apply(
        self,
        candidate: Mapping[str, Any],
        job: Mapping[str, Any],
        applied: str,
        transitions: Sequence[tuple[datetime, dict[str, Any]]],
        updated: datetime,
        channel: int | None,
        anonymized: bool = False,
    ) -> dict[str, Any]:
        """Store an application (its stages entered at the given moments); return the
        candidate with it."""
        application_id = str(8812001 + len(self._v2_applications))
        self._v2_applications.put(
            {
                "id": application_id,
                "application_date": applied,
                "candidate": _candidate_reference(candidate),
                "job": _job_reference(job),
                "current_stage": transitions[-1][1],
                "channel": None
                if channel is None
                else {"id": str(channel), "name": _CHANNELS[channel][0]},
                "hiring_team": job["hiring_team"],
                "is_anonymized": anonymized,
                "_created": transitions[0][0],
                "_updated": updated,
            }
        )
        self._transitions[application_id] = [
            {"_at": at, "stage": stage} for at, stage in transitions
        ]
        entry = {"id": application_id, "application_date": applied}
        return {
            **candidate,
            "applications": [*candidate["applications"], entry],
            "_updated": max(candidate["_updated"], updated),
        }

    # ------------------------------------------------------------------ OAuth

    def issue_token(self, form: Mapping[str, str]) -> dict[str, Any]:
        if form.get("grant_type") != "client_credentials":
            raise _oauth("unsupported_grant_type", "Only client_credentials is supported.")
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        known = self._clients.get(client_id)
        if known is None or not same_secret(secret, known[0]):
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
        self, kind: str, filters: Mapping[str, Any], cursor: str | None, limit: int
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of ``kind`` (its items rendered) and the next cursor, if any."""
        with self._lock:
            chunk, next_cursor = self._cursors.page(
                kind,
                lambda chosen: [r for r in self._records(kind) if _matches(r, chosen)],
                filters,
                cursor,
                limit or None,
                unknown=lambda value: _v2_bad_request(f"unknown cursor {value!r}"),
            )
            return [_render(kind, r) for r in chunk], next_cursor

    def _records(self, kind: str) -> list[dict[str, Any]]:
        if kind == "persons":
            return self._v2[kind].select(order=lambda r: r["id"])
        return self._v2[kind].select(order=lambda r: (r["_updated"], r["id"]), newest_first=True)

    def get(self, kind: str, key: str) -> dict[str, Any]:
        return _render(kind, self._v2[kind].get(key))

    def categories(self) -> list[dict[str, Any]]:
        return [_render("categories", c) for c in self._categories]

    def transitions(self, application_id: str) -> list[dict[str, Any]]:
        with self._lock:
            self._v2_applications.get(application_id)
            entries = sorted(
                self._transitions[application_id], key=lambda t: t["_at"], reverse=True
            )
            return [{"entered_at": local_stamp(t["_at"]), "stage": t["stage"]} for t in entries]

    def update_person(self, person_id: str, **changes: Any) -> dict[str, Any]:
        """Change a person's fields (404 when unknown), as someone in Personio would;
        the enabled webhooks listing ``person.updated`` hear of it. Returns the person."""
        with self._lock:
            now = self._wall_clock()
            updated = self._v2["persons"].update(
                person_id, **changes, updated_at=format_time(now, "seconds"), _updated=now
            )
            self.webhooks.emit("person.updated", {"id": person_id})
            return _render("persons", updated)

    # ------------------------------------------------------------------ seeding

    def _seed(self, count: int) -> None:
        rng = random.Random(20250106)  # noqa: S311 - deterministic fixtures
        jobs = [self._jobs.get(str(key)) for key in self.published_position_ids()]
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
                stages = self._categories.get(job["category"]["id"])["stages"]
                path = [_UNASSIGNED, *stages[: rng.randint(0, len(stages))]]
                steps = max(1, len(path) - 1)
                moments = [
                    applied + (updated - applied) * step / steps for step in range(len(path))
                ]
                channel = rng.choice((None, 531207, 531208))
                candidate = self._apply(
                    candidate,
                    job,
                    applied.date().isoformat(),
                    list(zip(moments, path, strict=True)),
                    updated,
                    channel,
                    anonymized=index == 5,
                )
            self._candidates.put(candidate)


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
    categories: Collection[str],
) -> dict[str, Any]:
    if phase is None:
        stages = categories.get(job["category"]["id"])["stages"]
        return stages[0] if stages else _UNASSIGNED
    if phase["type"] == "system":
        return {"id": None, "kind": "system", "name": None, "type": phase["id"]}
    for category in categories:
        for stage in category["stages"]:
            if stage["id"] == str(phase["id"]):
                return dict(stage)
    return _UNASSIGNED  # Personio's documented fallback for an unknown custom phase


def _candidate_reference(candidate: Mapping[str, Any]) -> dict[str, Any]:
    return {key: candidate[key] for key in component_properties("personio", "CandidateReference")}


def _job_reference(job: Mapping[str, Any]) -> dict[str, Any]:
    return {key: job[key] for key in component_properties("personio", "JobReference")}


def _build_jobs(company_id: str) -> list[dict[str, Any]]:
    """The seed's jobs, with the private timestamps the state sorts and filters by."""
    text = json.dumps(load_seed("personio")["records"]["Job"]).replace("{company_id}", company_id)
    jobs: list[dict[str, Any]] = json.loads(text)
    for job in jobs:
        for stamp, private in (("created_at", "_created"), ("updated_at", "_updated")):
            local = datetime.fromisoformat(job.pop(stamp)["date-time"])
            job[private] = local.replace(tzinfo=BERLIN).astimezone(UTC)
    return jobs


def _build_persons(count: int) -> list[dict[str, Any]]:
    """The first ``count`` persons of the seed, with private timestamps to filter by."""
    persons = seed_records("personio", "Person")
    if count > len(persons):
        raise ValueError(f"the seed holds {len(persons)} persons")
    for person in persons[:count]:
        person["_created"] = datetime.fromisoformat(person["created_at"])
        person["_updated"] = datetime.fromisoformat(person["updated_at"])
    return persons[:count]


def _render(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as the API shows it: without private keys, timestamps in wire format."""
    public = {
        key: value for key, value in record.items() if not key.startswith("_") or key == "_meta"
    }
    if kind not in ("persons", "categories"):  # persons carry their UTC stamps as seeded
        public["created_at"] = local_stamp(record["_created"])
        public["updated_at"] = local_stamp(record["_updated"])
    return copy.deepcopy(public)


def _moment(value: datetime | str) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _matches(record: Mapping[str, Any], filters: Mapping[str, Any]) -> bool:
    for name, raw in filters.items():
        if name in ("updated_at.gt", "updated_at.lt", "created_at.gt", "created_at.lt"):
            stamp = record["_updated"] if name.startswith("updated") else record["_created"]
            bound = _moment(raw)
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

_FLAVOURS: Final[Mapping[str, Flavour]] = {
    "createApplication": "v1", "uploadApplicationDocument": "v1",
    "issueAccessToken": "oauth", "revokeAccessToken": "oauth",
}  # fmt: skip
_V2_WRITES: Final = frozenset({"createApplicationV2", "uploadApplicationDocumentV2"})
_WEBHOOK_OPERATIONS: Final = {
    "listWebhooks": WEBHOOKS_READ,
    "listWebhookEvents": WEBHOOKS_READ,
    "createWebhook": WEBHOOKS_WRITE,
    "updateWebhook": WEBHOOKS_WRITE,
    "deleteWebhook": WEBHOOKS_WRITE,
}
_DEFAULT_LIMITS: Final = {"applications": 100, "candidates": 100, "jobs": 100, "persons": 10}
_V1_REASON_BY_FIELD: Final = (
    ("email", "errors.attribute-validation.invalid-email-format"),
    ("phase", "errors.phase-validation.invalid-system-phase"),
    ("application_date", "errors.attribute-validation.invalid-date-format"),
)
_PAGING: Final = frozenset({"limit", "cursor"})
_FEED_OPERATION: Final = "getJobFeed"


class _FeedError(SandboxError):
    """An answer of the career-site host, which speaks HTML and plain text."""

    def __init__(self, status: int, content: str, media_type: str) -> None:
        super().__init__(status, content)
        self.media_type = media_type


_FEED_NOT_FOUND: Final = "<html><body><h1>Page not found</h1></body></html>"


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

    A request the spec refuses gets the error body of the API it addressed (v1 field
    errors, a v2 problem, an OAuth error, or the career site's plain text).
    """

    specs: ClassVar[Mapping[str, str]] = {
        "personio": "",
        "personio-jobs-feed": JOBS_PATH + "/{subdomain}",
    }

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
        self._today = today or (lambda: utcnow().date())
        self.webhooks = state.webhooks.outbox
        super().__init__(validate=validate)

    @staticmethod
    def jobs_base_url(server_url: str) -> str:
        """The ``jobs_base_url`` a client uses for this stand-in served at ``server_url``."""
        return f"{server_url.rstrip('/')}{JOBS_PATH}/{{subdomain}}"

    def load_spec(self, name: str) -> SpecValidator:
        """The specs; ``personio``'s upload part declared the way openapi-core reads it."""
        if name != "personio":
            return super().load_spec(name)
        path = spec_path(name).resolve()
        return _upload_tolerant_validator(path, path.stat().st_mtime_ns)

    # ------------------------------------------------------------------ auth + errors

    def authenticate(self, call: ApiCall) -> None:
        """Check the credential of the API addressed (the feed and OAuth take none)."""
        flavour = _FLAVOURS.get(call.operation_id, "v2")
        if call.operation_id == _FEED_OPERATION or flavour == "oauth":
            return
        token = bearer_token(call.request)
        if flavour == "v1":
            self._authenticate_v1(token, call.request.headers.get("x-company-id", ""))
            return
        if not token:
            raise PersonioError(
                401, "A bearer token is required.", flavour="v2", code="unauthorized"
            )
        persons = call.request.url.path.startswith("/v2/persons")
        if call.operation_id in _V2_WRITES:
            scope = RECRUITING_WRITE
        elif call.operation_id in _WEBHOOK_OPERATIONS:
            scope = _WEBHOOK_OPERATIONS[call.operation_id]
        else:
            scope = PERSONS_READ if persons else RECRUITING_READ
        self.state.check_token(token, scope)

    def _authenticate_v1(self, token: str, company: str) -> None:
        if not same_secret(token, self.recruiting_token) or company != self.company_id:
            raise PersonioError(401, "The access token or company id is not valid.", flavour="v1")
        if not self.state.recruiting_api_enabled:
            raise PersonioError(403, "feature.public-api.disabled", flavour="v1")
        wait = self.state.admit()
        if wait is not None:
            retry_after = {"Retry-After": str(max(1, math.ceil(wait)))}
            raise PersonioError(429, "Too Many Requests", flavour="v1", headers=retry_after)

    def validation_error(
        self, call: ApiCall, problems: Sequence[ValidationProblem]
    ) -> SandboxError:
        detail = "; ".join(f"{p.field or p.location}: {p.message}" for p in problems)
        if call.operation_id == _FEED_OPERATION:
            return _FeedError(400, f"Bad request: {detail}", "text/plain")
        flavour = _FLAVOURS.get(call.operation_id, "v2")
        if flavour == "oauth":
            return _oauth("invalid_request", detail)
        if flavour == "v2":
            return _v2_bad_request(detail)
        if call.operation_id == "uploadApplicationDocument":
            reasons = {"file": ["errors.invalid-file-type"]}
            return PersonioError(422, "Invalid request body supplied", reasons, flavour="v1")
        errors: dict[str, list[str]] = collections.defaultdict(list)
        for problem in problems:
            reason = _v1_reason(problem)
            if reason is not None:
                errors[_v1_field(problem.field)].append(reason)
        if not errors:
            return PersonioError(400, f"Invalid request body supplied ({detail})", flavour="v1")
        return _v1_field_errors(errors)

    def error_body(self, error: SandboxError) -> Any:
        """Personio's bodies: v1 ``errors`` list, v2 problem, or an OAuth error."""
        flavour = error.flavour if isinstance(error, PersonioError) else "v2"
        code = error.code if isinstance(error, PersonioError) else None
        stamp, trace = format_time(utcnow(), "seconds"), str(uuid.uuid4())
        if flavour == "v1":
            items: list[dict[str, Any]] = [
                {"field": field, "errors": [{"reason": reason} for reason in reasons]}
                for field, reasons in error.field_errors.items()
            ]
            title = HTTPStatus(error.status).phrase
            general = {
                "id": trace,
                "status": str(error.status),
                "title": title,
                "detail": error.message,
            }
            return {"errors": items or [general]}
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
        problem = {
            "title": HTTPStatus(error.status).phrase,
            "detail": error.message,
            "type": _V2_ERROR_URI + kind,
            "_meta": {},
        }
        return {"personio_trace_id": trace, "timestamp": stamp, "errors": [problem]}

    def error_response(self, error: SandboxError) -> Response:
        if isinstance(error, _FeedError):
            return Response(error.message, error.status, media_type=error.media_type)
        flavour = error.flavour if isinstance(error, PersonioError) else "v2"
        return JSONResponse(
            self.error_body(error),
            status_code=error.status,
            headers=error.headers,
            media_type="application/json" if flavour == "v1" else "application/problem+json",
        )

    def route_error(self, request: Request, status: int) -> Response:
        if request.url.path.startswith(JOBS_PATH + "/"):
            return Response(_FEED_NOT_FOUND, 404, media_type="text/html")
        return super().route_error(request, status)

    # ------------------------------------------------------------------ handlers

    @handles(_FEED_OPERATION)
    def job_feed(self, call: ApiCall) -> Response:
        document = self.state.feed(call.params["subdomain"], call.params.get("language", "de"))
        if document is None:
            raise _FeedError(404, _FEED_NOT_FOUND, "text/html")
        return Response(document, 200, media_type="text/xml; charset=utf-8")

    @handles("createApplication")
    def create_application(self, call: ApiCall) -> Response:
        self.state.submit(call.body, self._today())
        return Response(status_code=201)

    @handles("createApplicationV2")
    def create_application_v2(self, call: ApiCall) -> Response:
        with _as_v2_error():
            self.state.submit(call.body, self._today())
        return Response(status_code=201)

    @handles("uploadApplicationDocumentV2")
    def upload_document_v2(self, call: ApiCall) -> Response:
        with _as_v2_error():
            return self.upload_document(call)

    @handles("uploadApplicationDocument")
    def upload_document(self, call: ApiCall) -> Response:
        environ = {
            "REQUEST_METHOD": "POST",
            "CONTENT_TYPE": call.request.headers.get("content-type", ""),
            "CONTENT_LENGTH": str(len(call.raw_body)),
            "wsgi.input": io.BytesIO(call.raw_body),
        }
        upload = parse_form_data(environ)[2].get("file")  # the file name is not in the body
        if upload is None or not upload.filename:
            raise _v1_field_errors({"file": ["errors.invalid-file-type"]})
        mimetype = upload.mimetype or "application/octet-stream"
        return json_response(
            self.state.store_document(upload.filename, upload.read(), mimetype).wire()
        )

    @handles("issueAccessToken")
    def issue_token(self, call: ApiCall) -> Response:
        return json_response(self.state.issue_token(call.body or {}))

    @handles("revokeAccessToken")
    def revoke_token(self, call: ApiCall) -> Response:
        token = (call.body or {}).get("token")
        if not token:
            raise _oauth("invalid_request", "The token parameter is required.")
        self.state.revoke_token(token)
        return Response(status_code=200)

    @handles("listApplications")
    def list_applications(self, call: ApiCall) -> Response:
        return self._list("applications", call)

    @handles("listCandidates")
    def list_candidates(self, call: ApiCall) -> Response:
        return self._list("candidates", call)

    @handles("listJobs")
    def list_jobs(self, call: ApiCall) -> Response:
        return self._list("jobs", call)

    @handles("listPersons")
    def list_persons(self, call: ApiCall) -> Response:
        return self._list("persons", call)

    @handles("getApplication")
    def get_application(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.get("applications", call.params["id"])})

    @handles("getJob")
    def get_job(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.get("jobs", call.params["id"])})

    @handles("getCandidate")
    def get_candidate(self, call: ApiCall) -> Response:
        return json_response(self.state.get("candidates", call.params["id"]))

    @handles("getCategory")
    def get_category(self, call: ApiCall) -> Response:
        return json_response(self.state.get("categories", call.params["id"]))

    @handles("getPerson")
    def get_person(self, call: ApiCall) -> Response:
        return json_response(self.state.get("persons", call.params["id"]))

    @handles("listApplicationStageTransitions")
    def list_transitions(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.transitions(call.params["id"])})

    @handles("listCategories")
    def list_categories(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.categories()})

    @handles("listWebhooks")
    def list_webhooks(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.webhooks.records()})

    @handles("createWebhook")
    def create_webhook(self, call: ApiCall) -> Response:
        return json_response(self.state.webhooks.create(call.body), 201)

    @handles("updateWebhook")
    def update_webhook(self, call: ApiCall) -> Response:
        return json_response(self.state.webhooks.update(call.params["id"], call.body))

    @handles("deleteWebhook")
    def delete_webhook(self, call: ApiCall) -> Response:
        self.state.webhooks.delete(call.params["id"])
        return Response(status_code=204)

    @handles("listWebhookEvents")
    def list_webhook_events(self, call: ApiCall) -> Response:
        return json_response({"_data": self.state.webhooks.events(call.params["id"])})

    def _list(self, kind: str, call: ApiCall) -> Response:
        filters = {name: value for name, value in call.params.items() if name not in _PAGING}
        if "updated_at.gt" in filters and "updated_at.lt" in filters:
            raise _v2_bad_request("updated_at.gt and updated_at.lt cannot be combined.")
        cursor = call.params.get("cursor")
        limit = call.params.get("limit") or (0 if cursor else _DEFAULT_LIMITS[kind])
        items, next_cursor = self.state.page(kind, filters, cursor, limit)
        path = call.request.url.path
        links: dict[str, Any] = {"self": {"href": self._link(call, path, call.request.url.query)}}
        if next_cursor is not None:
            links["next"] = {"href": self._link(call, path, urlencode({"cursor": next_cursor}))}
        return json_response({"_data": items, "_meta": {"links": links}})

    def _link(self, call: ApiCall, path: str, query: str) -> str:
        relative = f"{path}?{query}" if query else path
        if not self.state.absolute_links:
            return relative
        return str(call.request.base_url).rstrip("/") + relative


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
    webhook_retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
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
        candidates: how many candidates to seed (applications follow the candidates).
        persons: how many of the 25 seeded persons to serve.
        token_lifetime: ``expires_in`` of issued tokens, in seconds of ``clock``.
        rate_limit, rate_window: the v1 limit (20 per 60 s); tests shorten the window.
        max_document_bytes: uploads above it get 413 ``errors.file-too-big``.
        absolute_links: absolute (True) or relative ``next`` links in v2 lists.
        validate: refuse requests the specs refuse (see :class:`SandboxApp`).
        clock: monotonic seconds for token expiry and the rate window.
        today: the date "now" for the future-date check of applications.
        webhook_retry_delays: seconds before each further webhook delivery attempt
            (at most five: six attempts in all).
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
        webhook_retry_delays=webhook_retry_delays,
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
