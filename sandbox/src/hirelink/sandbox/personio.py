"""A stateful stand-in for Personio: the career-site host and the API host, in one app.

``specs/personio-jobs-feed.yaml`` under ``/jobs/{subdomain}`` (what
``https://{subdomain}.jobs.personio.de/xml`` answers) and ``specs/personio.yaml``: the
Recruiting API v1 (20 requests per 60 s, reason codes), OAuth (tokens expire on an
injectable clock), the v2 reads (cursor paging) and webhooks. An operation takes the
credential its spec's security names; a refused request gets the error body of the API it
addressed. The data is seeded deterministically (``seeds/personio.json``).
"""

from __future__ import annotations

import collections
import copy
import functools
import hashlib
import math
import mimetypes
import operator
import re
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus
from typing import Any, ClassVar, Final, Literal
from urllib.parse import urlencode
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import attrs
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hirelink.core.errors import InvalidInputError
from hirelink.core.validation import email as email_address
from hirelink.sandbox.app import (
    ApiCall,
    SandboxApp,
    SandboxError,
    bearer_token,
    handles,
    json_response,
    same_secret,
)
from hirelink.sandbox.outbox import DEFAULT_RETRY_DELAYS, Outbox
from hirelink.sandbox.personio_webhooks import PersonioWebhooks
from hirelink.sandbox.resources import (
    Collection,
    Cursors,
    Dice,
    component_properties,
    delegate,
    format_time,
    load_seed,
    seed_records,
    seed_spacing,
    utcnow,
    view,
)
from hirelink.sandbox.validation import ValidationProblem

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
SEED_EPOCH: Final = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
DEFAULT_MAX_DOCUMENT_BYTES: Final = 20 * 1024 * 1024
_SEED: Final = load_seed("personio")
_TABLES: Final = _SEED["tables"]
_FILE_TYPES: Final = mimetypes.MimeTypes()  # Python's own table: alike on every host
_POSITIONS: Final = _SEED["records"]["JobPosition"]
_PUBLISHED: Final = tuple(job["id"] for job in _POSITIONS if job["_language"] == "en")
_CHANNELS: Final = {int(key): channel for key, channel in _TABLES["channels"].items()}
_UNASSIGNED: Final = {"id": None, "kind": "system", "name": None, "type": "unassigned"}
_DEFAULT_LIMITS: Final = {"applications": 100, "candidates": 100, "jobs": 100, "persons": 10}
_ERRORS_URI: Final = "https://developer.personio.de/reference/errors#"
_FEED_NOT_FOUND: Final = "<html><body><h1>Page not found</h1></body></html>"
_BY_UPDATE: Final = operator.itemgetter("_updated", "id")
_BY_ID: Final = operator.itemgetter("id")

Flavour = Literal["v1", "v2", "oauth", "feed"]
Clock = Callable[[], float]


class PersonioError(SandboxError):
    """A :class:`SandboxError` in the body of the API it belongs to: ``v1`` (reason codes
    by field), ``v2`` (a problem; ``code`` ends its type), ``oauth`` (``code`` is the
    error) or ``feed`` (the career site's HTML or text). A plain :class:`SandboxError` is
    a v2 problem whose type follows from its status."""

    def __init__(
        self, flavour: Flavour, status: int, message: str, code: str | None = None, **options: Any
    ) -> None:
        super().__init__(status, message, **options)
        self.flavour: Flavour = flavour
        self.code = code


def _v1_invalid(reasons: Mapping[str, Sequence[str]], status: int = 400) -> PersonioError:
    return PersonioError("v1", status, "Invalid request body supplied", field_errors=reasons)


def _v2_not_found() -> PersonioError:
    return PersonioError("v2", 404, "The requested resource was not found.", "resource_not_found")


def _oauth(error: str, description: str) -> PersonioError:
    return PersonioError("oauth", 400, description, error)


def _xml(name: str, value: Any) -> str:
    """An element per member; an array repeats its element (the spec's ``xml`` mapping).
    A description section's HTML ``value`` is a CDATA section, as Personio sends it."""
    if isinstance(value, list):
        return "".join(_xml(name, item) for item in value)
    if isinstance(value, dict):
        return f"<{name}>{''.join(_xml(key, item) for key, item in value.items())}</{name}>"
    if name == "value":
        return f"<value><![CDATA[{str(value).replace(']]>', ']]]]><![CDATA[>')}]]></value>"
    return f"<{name}>{escape(str(value))}</{name}>"


def local_stamp(moment: datetime) -> dict[str, str]:
    """Personio's v2 recruiting stamp: local Berlin time and the zone name."""
    local = moment.astimezone(ZoneInfo("Europe/Berlin")).replace(tzinfo=None)
    return {"date-time": local.isoformat(timespec="seconds"), "timezone": "Europe/Berlin"}


@attrs.frozen
class StoredDocument:
    """An uploaded document, as received."""

    uuid: str
    filename: str
    content: bytes = attrs.field(repr=lambda content: f"<{len(content)} bytes>")
    mimetype: str
    extension: str

    def wire(self) -> dict[str, Any]:
        """The upload's answer."""
        described = {"uuid": self.uuid, "size": len(self.content), "mimetype": self.mimetype}
        return {**described, "original_filename": self.filename, "extension": self.extension}


def _company_id_text(value: int | str) -> str:
    """A company id given as a number or its digits, as ``X-Company-ID`` carries it."""
    text = str(value)
    if isinstance(value, bool) or not re.fullmatch(r"[1-9][0-9]*", text):
        raise ValueError(f"company_id must be a positive whole number, got {value!r}")
    return text


@attrs.define(kw_only=True, eq=False, repr=False)
class _Settings:
    """What :class:`PersonioSandbox` hands on to its :class:`PersonioState` (see its Args)."""

    company_id: str = attrs.field(default="41737", converter=_company_id_text)
    subdomain: str = "nordlicht"
    candidates: int = 30
    persons: int = 25
    token_lifetime: int = 86400
    rate_limit: int = 20
    rate_window: float = 60.0
    token_rate_limit: int = 150
    token_rate_window: float = 60.0
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    absolute_links: bool = True
    clock: Clock = time.monotonic
    today: Callable[[], date] = lambda: utcnow().date()
    webhook_retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS
    webhook_events_page_size: int = 100


@attrs.define(kw_only=True, eq=False, repr=False)
class PersonioState(_Settings):
    """The data of one Personio company, thread-safe. The settings are
    :class:`PersonioSandbox`'s arguments; ``clients`` maps a client id to its secret and
    scopes; ``applications`` holds what v1 received (read it with :meth:`submitted`);
    ``webhooks.emit(event_name, payload)`` notifies the webhooks subscribed to an event;
    ``recruiting_api_enabled=False`` answers v1 with 403 ``feature.public-api.disabled``."""

    clients: Mapping[str, tuple[str, frozenset[str]]]
    recruiting_api_enabled: bool = attrs.field(default=True, init=False)
    applications: list[dict[str, Any]] = attrs.field(factory=list, init=False)
    token_exchanges: int = attrs.field(default=0, init=False)
    rate_limited: int = attrs.field(default=0, init=False)
    token_rate_limited: int = attrs.field(default=0, init=False)
    webhooks: PersonioWebhooks = attrs.field(init=False)
    _lock: threading.RLock = attrs.field(factory=threading.RLock, init=False)
    _tokens: dict[str, tuple[frozenset[str], float]] = attrs.field(factory=dict, init=False)
    _cursors: Cursors = attrs.field(factory=Cursors, init=False)
    _arrivals: collections.deque[float] = attrs.field(factory=collections.deque, init=False)
    _token_arrivals: collections.deque[float] = attrs.field(factory=collections.deque, init=False)
    _token_penalty: tuple[float, float] = attrs.field(default=(-math.inf, -math.inf), init=False)
    _raw_feeds: dict[str, bytes] = attrs.field(factory=dict, init=False)
    _documents: dict[str, StoredDocument] = attrs.field(factory=dict, init=False)
    _v2: dict[str, Collection[str]] = attrs.field(factory=dict, init=False)

    def __attrs_post_init__(self) -> None:
        persons = _seeded("Person", self.company_id)
        if self.persons > len(persons):
            raise ValueError(f"the seed holds {len(persons)} persons")
        seeded = {"jobs": _seeded("Job", self.company_id), "persons": persons[: self.persons]}
        seeded["categories"] = seed_records("personio", "Category")
        for kind in ("applications", "candidates", "jobs", "categories", "persons"):
            records = seeded.get(kind, ())
            self._v2[kind] = Collection(records, not_found=_v2_not_found, lock=self._lock)
        self.webhooks = PersonioWebhooks(
            company_id=self.company_id,
            lock=self._lock,
            not_found=_v2_not_found,
            retry_delays=self.webhook_retry_delays,
        )
        self._seed(self.candidates)

    def serve_raw_feed(self, subdomain: str, document: bytes) -> None:
        """Answer ``/jobs/{subdomain}/xml`` with ``document`` as it is (for hostile feeds)."""
        self._raw_feeds[subdomain] = document

    def feed(self, subdomain: str, language: str) -> bytes | None:
        """The feed of ``subdomain`` in ``language`` (German for ``de``, else English): the
        seed's ``JobPosition`` records as the feed spec maps them to XML. None for another
        subdomain (unknown, or its feed off) unless it serves a raw feed."""
        if subdomain in self._raw_feeds or subdomain != self.subdomain:
            return self._raw_feeds.get(subdomain)
        wanted = "de" if language == "de" else "en"
        mine = [position for position in _POSITIONS if position["_language"] == wanted]
        positions = [view("personio-jobs-feed", "JobPosition", position) for position in mine]
        document = _xml("workzag-jobs", {"position": positions})
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{document}\n'.encode()

    def admit(self) -> None:
        """Count a v1 request against the company's limit (429 when it is spent)."""
        with self._lock:
            now = self.clock()
            while self._arrivals and self._arrivals[0] <= now - self.rate_window:
                self._arrivals.popleft()
            if len(self._arrivals) >= self.rate_limit:
                self.rate_limited += 1
                wait = self._arrivals[0] + self.rate_window - now
                retry_after = {"Retry-After": str(max(1, math.ceil(wait)))}
                raise PersonioError("v1", 429, "Too Many Requests", headers=retry_after)
            self._arrivals.append(now)

    def store_document(self, filename: str, content: bytes, mimetype: str | None) -> StoredDocument:
        """Keep an upload (422: a type Personio refuses, 413: too big), typed by its extension."""
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if extension not in _TABLES["allowedExtensions"]:
            reasons = {"file": ["errors.invalid-file-type"]}
            raise PersonioError("v1", 422, "Invalid file type", field_errors=reasons)
        if len(content) > self.max_document_bytes:
            reasons = {"file": ["errors.file-too-big"]}
            raise PersonioError("v1", 413, "File too big", field_errors=reasons)
        mimetype = _FILE_TYPES.guess_type(filename)[0] or mimetype or "application/octet-stream"
        with self._lock:
            number = len(self._documents) + 1
            key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"personio-sandbox/document/{number}"))
            self._documents[key] = StoredDocument(key, filename, content, mimetype, extension)
            return self._documents[key]

    def document(self, key: str) -> StoredDocument | None:
        """The upload ``key``, or None."""
        return self._documents.get(key)

    def submitted(self) -> list[dict[str, Any]]:
        """Deep copies of the applications received through v1, oldest first."""
        with self._lock:
            return copy.deepcopy(self.applications)

    def submit(self, body: Mapping[str, Any]) -> None:
        """Check a v1 submission like Personio does (400 with reason codes) and keep it."""
        errors: dict[str, list[str]] = collections.defaultdict(list)
        for name in ("first_name", "last_name"):
            if not body[name].strip():  # the spec can only say minLength: 1
                errors[name].append("errors.attribute-validation.required-attribute")
        try:  # the spec's format: email passes any text with an "@"
            email_address("email", body["email"])
        except InvalidInputError:
            errors["email"].append("errors.attribute-validation.invalid-email-format")
        position = body["job_position_id"]
        if position not in _PUBLISHED:
            errors["job_position_id"].append("errors.job-position.not-published")
        channel = body.get("recruiting_channel_id")
        if channel is not None and channel not in _CHANNELS:
            errors["recruiting_channel_id"].append("errors.posting-validation.channel-not-found")
        posting = body.get("external_posting_id")
        if posting is not None and (
            channel not in _CHANNELS or posting not in _CHANNELS[channel]["postings"]
        ):
            errors["external_posting_id"].append("errors.posting-validation.posting-not-found")
        when = body.get("application_date")
        if when is not None and date.fromisoformat(when) > self.today():
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
            if not errors and any(  # the seeded applications too, not only this run's
                (app["candidate"].get("email") or "").lower() == email
                and app["job"]["id"] == str(position)
                for app in self._v2["applications"]
            ):
                errors["email"].append("errors.applicant-already-exists")
            if errors:
                raise _v1_invalid(errors)
            self.applications.append(copy.deepcopy(dict(body)))
            self._mirror(body)

    def _mirror(self, body: Mapping[str, Any]) -> None:
        """Make a v1 submission visible to the v2 reads."""
        now, email, candidates = utcnow(), body["email"], self._v2["candidates"]
        found = [c for c in candidates if (c["email"] or "").lower() == email.lower()]
        names = {key: body[key] for key in ("first_name", "last_name", "email")}
        candidate = (
            found[0] if found else _new_candidate(str(5520001 + len(candidates)), now) | names
        )
        attributes = {item["id"]: item["value"] for item in body.get("attributes", [])}
        changed = {key: value for key, value in attributes.items() if key in candidate}
        candidate = {**candidate, **changed}  # the attributes that are Candidate members
        job = self._v2["jobs"].get(str(body["job_position_id"]))
        stage = self._phase_stage(body.get("phase"), job)
        applied, channel = body.get("application_date"), body.get("recruiting_channel_id")
        candidates.put(self._apply(candidate, job, [(now, stage)], now, applied, channel))

    def _phase_stage(self, phase: Mapping[str, Any] | None, job: Mapping[str, Any]) -> Any:
        stages = self._v2["categories"].get(job["category"]["id"])["stages"]
        if phase is None:
            return stages[0] if stages else _UNASSIGNED
        if phase["type"] == "system":
            return {**_UNASSIGNED, "type": phase["id"]}
        # Personio's documented fallback for a custom phase unknown to the job's category
        # (another category's included): unassigned.
        return next((s for s in stages if s["id"] == str(phase["id"])), _UNASSIGNED)

    def _apply(
        self,
        candidate: Mapping[str, Any],
        job: Mapping[str, Any],
        transitions: Sequence[tuple[datetime, Any]],
        updated: datetime,
        applied: str | None = None,
        channel: int | None = None,
        anonymized: bool = False,
    ) -> dict[str, Any]:
        """Store an application (its stages entered at the given moments, applied on the
        first one's date unless ``applied``); return the candidate with it."""
        application_id = str(8812001 + len(self._v2["applications"]))
        applied = applied or transitions[0][0].date().isoformat()
        named = {"id": str(channel), "name": _CHANNELS[channel]["name"]} if channel else None
        self._v2["applications"].put(
            {
                "id": application_id,
                "application_date": applied,
                "candidate": view("personio", "CandidateReference", candidate),
                "job": view("personio", "JobReference", job),
                "current_stage": transitions[-1][1],
                "channel": named,
                "hiring_team": job["hiring_team"],
                "is_anonymized": anonymized,
                "_created": transitions[0][0],
                "_updated": updated,
                "_transitions": [{"_at": at, "stage": stage} for at, stage in transitions],
            }
        )
        entries = [*candidate["applications"], {"id": application_id, "application_date": applied}]
        latest = max(candidate["_updated"], updated)
        return {**candidate, "applications": entries, "_updated": latest}

    def forget_budgets(self) -> None:
        """Count the v1 and token limits from nothing again (the pytest plugin's reset of a
        session stand-in before each test)."""
        with self._lock:
            self._arrivals.clear()
            self._token_arrivals.clear()
            self._token_penalty = (-math.inf, -math.inf)

    def admit_token_request(self) -> None:
        """Count a token request against Personio's limit: ``token_rate_limit`` per
        ``token_rate_window``; past it, one a second until a window has passed (a 429
        without ``Retry-After`` for the others, as Personio documents no wait)."""
        with self._lock:
            now = self.clock()
            penalty_until, last = self._token_penalty
            arrivals = self._token_arrivals
            while arrivals and arrivals[0] <= now - self.token_rate_window:
                arrivals.popleft()
            if now < penalty_until:
                if now - last < 1:
                    self.token_rate_limited += 1
                    raise PersonioError("v2", 429, "Too many token requests.", "too_many_requests")
                self._token_penalty = (penalty_until, now)
            elif len(arrivals) >= self.token_rate_limit:
                self.token_rate_limited += 1
                self._token_penalty = (now + self.token_rate_window, now)
                raise PersonioError("v2", 429, "Too many token requests.", "too_many_requests")
            arrivals.append(now)

    def issue_token(self, form: Mapping[str, str]) -> dict[str, Any]:
        """Exchange client credentials for a token (an OAuth error when refused)."""
        self.admit_token_request()
        if form.get("grant_type") != "client_credentials":
            raise _oauth("unsupported_grant_type", "Only client_credentials is supported.")
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        known = self.clients.get(client_id)
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
            self._tokens[value] = (requested, self.clock() + self.token_lifetime)
        answer = {"access_token": value, "token_type": "Bearer", "expires_in": self.token_lifetime}
        return {**answer, "scope": " ".join(sorted(requested))}

    def revoke_token(self, value: str) -> None:
        """Forget the token ``value``."""
        with self._lock:
            self._tokens.pop(value, None)

    def check_token(self, value: str, scope: str) -> None:
        """Raise the v2 401 or 403 unless ``value`` is a live token carrying ``scope``."""
        with self._lock:
            scopes, expires_at = self._tokens.get(value, (frozenset(), -math.inf))
            if expires_at <= self.clock():
                self._tokens.pop(value, None)
                unknown = "The access token is invalid or expired."
                message = unknown if value else "A bearer token is required."
                raise PersonioError("v2", 401, message, "unauthorized")
        if scope not in scopes:
            raise PersonioError("v2", 403, "Insufficient access scope.", "forbidden")

    def page(
        self, kind: str, filters: Mapping[str, Any], cursor: str | None, limit: int | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of ``kind`` (its items rendered) and the next cursor, if any; without
        ``limit`` a cursor's own."""
        newest_first = kind != "persons"  # persons by id
        order = _BY_UPDATE if newest_first else _BY_ID

        def select(chosen: Mapping[str, Any]) -> Sequence[dict[str, Any]]:
            return self._v2[kind].listing(_matches, chosen, order=order, newest_first=newest_first)

        with self._lock:
            chunk, after = self._cursors.page(
                kind, select, filters, cursor, limit, unknown=_unknown_cursor
            )
            return [_render(kind, record) for record in chunk], after

    def webhook_events(
        self, webhook_id: str, cursor: str | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of a webhook's event history (newest first) and the next cursor, if
        any; a cursor of another webhook's history is unknown here."""
        with self._lock:
            history = self.webhooks.events(webhook_id)  # the v2 404 for an unknown webhook
            limit = None if cursor else self.webhook_events_page_size
            kind = f"webhook-events:{webhook_id}"
            return self._cursors.page(
                kind, lambda _: history, {}, cursor, limit, unknown=_unknown_cursor
            )

    def get(self, key: str, *, kind: str) -> dict[str, Any]:
        """The record ``key`` of ``kind``, rendered (the v2 404 when unknown)."""
        return _render(kind, self._v2[kind].get(key))

    def categories(self) -> list[dict[str, Any]]:
        """Every category, rendered."""
        return [_render("categories", category) for category in self._v2["categories"]]

    def transitions(self, application_id: str) -> list[dict[str, Any]]:
        """An application's stage transitions, newest first."""
        entries = self._v2["applications"].get(application_id)["_transitions"]
        newest_first = sorted(entries, key=lambda t: t["_at"], reverse=True)
        return [{"entered_at": local_stamp(t["_at"]), "stage": t["stage"]} for t in newest_first]

    def update_person(self, person_id: str, **changes: Any) -> dict[str, Any]:
        """Change a person's fields (404 when unknown), as someone in Personio would;
        the enabled webhooks listing ``person.updated`` hear of it. Returns the person."""
        with self._lock:
            updated = self._v2["persons"].update(person_id, **changes, _updated=utcnow())
            self.webhooks.emit("person.updated", {"id": person_id})
            return _render("persons", updated)

    def update_application(
        self, application_id: str, *, at: datetime | None = None, **changes: Any
    ) -> dict[str, Any]:
        """Change an application's fields (404 when unknown) as someone in Personio would,
        stamped ``at`` (now by default, which moves it to the top of the newest-first
        list). Returns the application."""
        if at is not None and at.utcoffset() is None:
            raise ValueError("at must be an aware datetime (with tzinfo)")
        if "id" in changes:
            raise ValueError("an application's id does not change")
        with self._lock:
            stamp = utcnow() if at is None else at
            updated = self._v2["applications"].update(application_id, **changes, _updated=stamp)
            return _render("applications", updated)

    def _seed(self, count: int) -> None:
        rng = Dice(20250106)
        jobs = [self._v2["jobs"].get(str(key)) for key in _PUBLISHED]
        first_names, last_names = _TABLES["firstNames"], _TABLES["lastNames"]
        # A candidate's last update comes up to 21 days 17 hours after its spot.
        start, step = seed_spacing(
            SEED_EPOCH, timedelta(days=3), count, timedelta(days=22), utcnow()
        )
        for index in range(count):
            first = first_names[index % len(first_names)]
            last = last_names[(index * 7) % len(last_names)]
            created = start + step * index + timedelta(hours=rng.below(10))
            candidate = _new_candidate(str(5520001 + index), created) | {
                "first_name": first,
                "last_name": last,
                "email": f"{first}.{last}.{index + 1}@example.org".lower(),
                "gender": rng.pick(("female", "male", "diverse", None)),
                "phone": f"+49 40 555{index:04d}",
                "location": rng.pick(("Hamburg", "Berlin", "Munich")),
            }
            for number in range(1 + index % 2):
                job = jobs[(index + number * 2) % len(jobs)]
                applied = created + timedelta(days=number)
                updated = applied + timedelta(days=rng.below(21), hours=rng.below(9))
                stages = self._v2["categories"].get(job["category"]["id"])["stages"]
                path = [_UNASSIGNED, *stages[: rng.below(len(stages) + 1)]]
                steps = max(1, len(path) - 1)
                moments = [applied + (updated - applied) * n / steps for n in range(len(path))]
                channel = rng.pick((None, *_CHANNELS))
                transitions = list(zip(moments, path, strict=True))
                candidate = self._apply(
                    candidate, job, transitions, updated, channel=channel, anonymized=index == 5
                )
            self._v2["candidates"].put(candidate)


def _new_candidate(candidate_id: str, created: datetime) -> dict[str, Any]:
    """A candidate without applications: every member of the spec's ``Candidate`` null."""
    blank = dict.fromkeys(component_properties("personio", "Candidate"))
    stamps = {"_created": created, "_updated": created}
    return {**blank, "id": candidate_id, "applications": [], **stamps}


def _attribute_problem(key: str, value: str) -> str | None:
    options, unknown_option = _TABLES["attributeOptions"], "unknown-attribute-option"
    if key in options:
        return None if value in options[key] else f"errors.attribute-validation.{unknown_option}"
    if key not in _TABLES["attributeIds"]:
        return "errors.attribute-validation.unknown"
    if key == "birthday" and not _calendar_date(value):
        return "errors.attribute-validation.invalid-date-format"
    return None


def _calendar_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a real day (Python alone also reads 19940821, 1994-W34-1)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _seeded(component: str, company_id: str) -> list[dict[str, Any]]:
    """The seed's records of ``component``, their stamps kept as private UTC datetimes
    (persons show UTC stamps, the recruiting records local ones)."""
    records = seed_records("personio", component, company_id=company_id)
    for record in records:
        for stamp in ("created", "updated"):
            value = record.pop(stamp + "_at")
            if isinstance(value, dict):  # a local time and its zone
                zone = ZoneInfo(value["timezone"])
                value = datetime.fromisoformat(value["date-time"]).replace(tzinfo=zone).isoformat()
            record["_" + stamp] = datetime.fromisoformat(value).astimezone(UTC)
    return records


def _render(kind: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as the API shows it: without private keys, timestamps in wire format."""
    public = {key: item for key, item in record.items() if key[0] != "_" or key == "_meta"}
    if "_created" in record:  # persons show UTC, the recruiting records Berlin time
        show = local_stamp if kind != "persons" else lambda moment: format_time(moment, "seconds")
        public |= {"created_at": show(record["_created"]), "updated_at": show(record["_updated"])}
    return copy.deepcopy(public)


def _matches(record: Mapping[str, Any], filters: Mapping[str, Any]) -> bool:
    """Whether ``record`` passes the list filters (unknown names are ignored)."""
    for name, wanted in filters.items():
        field, _, bound = name.partition(".")
        if bound in ("gt", "lt", "") and field in ("created_at", "updated_at"):
            stamp = record["_created" if field == "created_at" else "_updated"]
            passed = {"gt": stamp > wanted, "lt": stamp < wanted}.get(bound, stamp == wanted)
        elif name == "candidate.email":
            passed = (record["candidate"]["email"] or "").lower() == wanted.lower()
        elif name in ("email", "id"):
            choices = {value.strip().lower() for value in wanted.split(",")}
            passed = (record[name] or "").lower() in choices
        else:
            exact = name in ("first_name", "last_name", "preferred_name", "status")
            passed = not exact or record[name] == wanted
        if not passed:
            return False
    return True


def _flavour(call: ApiCall) -> Flavour:
    """The API an operation belongs to, by the security its spec names: ``oauth2`` v2,
    ``recruitingToken`` v1, none the OAuth endpoints (or the feed, of the feed's spec)."""
    if call.security:
        return "v2" if "oauth2" in call.security else "v1"
    return "feed" if call.operation_id == "getJobFeed" else "oauth"


def _reader(operation_id: str, kind: str, *, wrapped: bool = False) -> Callable[..., Response]:
    """The handler answering one record of ``kind`` by id (inside ``_data`` if ``wrapped``)."""
    read = functools.partial(PersonioState.get, kind=kind)
    return delegate(operation_id, read, "id", envelope="_data" if wrapped else None)


def _lister(operation_id: str, kind: str) -> Callable[..., Response]:
    """The handler answering one cursor page of ``kind``, with its ``self`` and ``next`` links."""

    @handles(operation_id)
    def list_page(sandbox: PersonioSandbox, call: ApiCall) -> Response:
        filters = dict(call.params)
        cursor, limit = filters.pop("cursor", None), filters.pop("limit", None)
        exclusive = kind != "persons"  # the recruiting lists' rule; persons combine them
        if exclusive and "updated_at.gt" in filters and "updated_at.lt" in filters:
            raise SandboxError(400, "updated_at.gt and updated_at.lt cannot be combined.")
        limit = limit or (None if cursor else _DEFAULT_LIMITS[kind])
        items, next_cursor = sandbox.state.page(kind, filters, cursor, limit)
        return _list_page_answer(sandbox, call, items, next_cursor)

    return list_page


def _list_page_answer(
    sandbox: PersonioSandbox, call: ApiCall, items: list[dict[str, Any]], next_cursor: str | None
) -> Response:
    """A v2 list page: ``_data``, and ``_meta.links`` with ``self`` and (but on the last
    page) ``next``, absolute or relative as the stand-in is set."""
    url = call.request.url
    base = str(call.request.base_url).rstrip("/") if sandbox.state.absolute_links else ""
    links = {"self": {"href": base + (f"{url.path}?{url.query}" if url.query else url.path)}}
    if next_cursor is not None:
        links["next"] = {"href": f"{base}{url.path}?{urlencode({'cursor': next_cursor})}"}
    return json_response({"_data": items, "_meta": {"links": links}})


_on_webhooks = functools.partial(delegate, owner="state.webhooks")
"""A :func:`delegate` to the state's :class:`PersonioWebhooks`."""


def _v2_variant(operation_id: str, v1_handler: Callable[..., Response]) -> Callable[..., Response]:
    """The handler of a v2 submission: ``v1_handler`` (the v1 rules), its refusals reported
    as v2 problems."""

    @handles(operation_id)
    def handler(sandbox: PersonioSandbox, call: ApiCall) -> Response:
        try:
            return v1_handler(sandbox, call)
        except PersonioError as error:
            if error.flavour != "v1":
                raise
            reasons = "; ".join(f"{key}: {', '.join(v)}" for key, v in error.field_errors.items())
            detail = f"{error.message} ({reasons})" if reasons else error.message
            status = 400 if error.status == 422 else error.status  # v2 documents 400 for both
            raise PersonioError("v2", status, detail) from None

    return handler


@attrs.define(kw_only=True, eq=False, repr=False)
class PersonioSandbox(SandboxApp, _Settings):
    """A seeded Personio stand-in (not yet served: call ``.serve()``).

    Its attributes are the arguments of the same names; ``state`` holds the company's data
    and counters (tests may read and change it), ``webhooks`` its webhooks' outbox.

    Args:
        company_id, recruiting_token: the Recruiting API key it accepts
            (``Authorization: Bearer <token>`` and ``X-Company-ID``); the id is given as
            a number or its digits and kept as the header's text (the stand-in's
            ``details`` give it as the number the client takes).
        channel_id: reported as the customer's channel (531207; 531208 exists too).
        client_id, client_secret: a custom integration granted every scope.
        limited_client_id, limited_client_secret: one granted ``personio:persons:read`` only.
        subdomain: the subdomain with a feed; any other's is off (404), as ``stillwater``'s.
        candidates: how many candidates to seed (applications follow the candidates).
        persons: how many of the 25 seeded persons to serve.
        token_lifetime: ``expires_in`` of issued tokens, in seconds of ``clock``.
        rate_limit, rate_window: the v1 limit (20 per 60 s); tests shorten the window.
        token_rate_limit, token_rate_window: the token endpoint's limit (150 per 60 s;
            past it, 429 without ``Retry-After`` but for one request a second, for 60 s).
        max_document_bytes: uploads above it get 413 ``errors.file-too-big``.
        absolute_links: absolute (True) or relative ``next`` links in v2 lists.
        validate: refuse requests the specs refuse (see :class:`SandboxApp`).
        clock: monotonic seconds for token expiry and the rate window.
        today: the date "now" for the future-date check of applications.
        webhook_retry_delays: seconds before each further webhook delivery attempt (at
            most five: six attempts in all).
        webhook_events_page_size: events per page of a webhook's history (``next`` links
            lead to the rest).
    """

    specs: ClassVar[Mapping[str, str]] = {
        "personio": "",
        "personio-jobs-feed": JOBS_PATH + "/{subdomain}",
    }

    recruiting_token: str = "sandbox-personio-recruiting-token"  # noqa: S105 - opens only the stand-in
    channel_id: int = 531207
    client_id: str = "papi-sandbox-client"
    client_secret: str = "sandbox-personio-client-secret"  # noqa: S105 - opens only the stand-in
    limited_client_id: str = "papi-sandbox-persons-only"
    limited_client_secret: str = "sandbox-personio-persons-secret"  # noqa: S105
    validate: bool = True
    state: PersonioState = attrs.field(init=False)
    webhooks: Outbox = attrs.field(init=False)

    def forget_budgets(self) -> None:
        """Count the rate limits from nothing again (a stand-in's reset)."""
        self.state.forget_budgets()

    def __attrs_post_init__(self) -> None:
        operations = self.load_spec("personio").operations()
        every_scope = frozenset(s for op in operations for s in op.security.get("oauth2", ()))
        persons_only = frozenset({"personio:persons:read"})
        clients = {
            self.client_id: (self.client_secret, every_scope),
            self.limited_client_id: (self.limited_client_secret, persons_only),
        }
        settings = {field.name: getattr(self, field.name) for field in attrs.fields(_Settings)}
        self.state = PersonioState(clients=clients, **settings)
        self.webhooks = self.state.webhooks.outbox
        super().__init__(validate=self.validate)

    @staticmethod
    def jobs_base_url(server_url: str) -> str:
        """The ``jobs_base_url`` a client uses for this stand-in served at ``server_url``."""
        return f"{server_url.rstrip('/')}{JOBS_PATH}/{{subdomain}}"

    def authenticate(self, call: ApiCall) -> None:
        """Check the credential the operation's security names (the feed and OAuth take none)."""
        token = bearer_token(call.request)
        if _flavour(call) == "v1":
            company = call.request.headers.get("x-company-id", "")
            if not same_secret(token, self.recruiting_token) or company != self.company_id:
                raise PersonioError("v1", 401, "The access token or company id is not valid.")
            if not self.state.recruiting_api_enabled:
                raise PersonioError("v1", 403, "feature.public-api.disabled")
            self.state.admit()
        elif "oauth2" in call.security:
            self.state.check_token(token, call.security["oauth2"][0])

    def validation_error(
        self, call: ApiCall, problems: Sequence[ValidationProblem]
    ) -> SandboxError:
        detail = "; ".join(f"{p.field or p.location}: {p.message}" for p in problems)
        flavour = _flavour(call)
        if flavour != "v1":
            code = {"oauth": "invalid_request", "v2": "bad_request"}.get(flavour)
            message = f"Bad request: {detail}" if flavour == "feed" else detail
            return PersonioError(flavour, 400, message, code)
        if call.operation_id == "uploadApplicationDocument":
            return _v1_invalid({"file": ["errors.invalid-file-type"]}, 422)
        reasons: dict[str, list[str]] = collections.defaultdict(list)
        for problem in problems:
            reason = _v1_reason(problem)
            if reason is not None:
                reasons[_v1_field(problem.field)].append(reason)
        if not reasons:
            return PersonioError("v1", 400, f"Invalid request body supplied ({detail})")
        return _v1_invalid(reasons)

    def error_response(self, error: SandboxError) -> Response:
        """Personio's answers: the career site's HTML or text, v1's ``errors`` list, an
        OAuth error, or a v2 problem (also for the errors of :class:`SandboxApp`)."""
        flavour = error.flavour if isinstance(error, PersonioError) else "v2"
        code = error.code if isinstance(error, PersonioError) else None
        if flavour == "feed":
            media_type = "text/html" if error.status == 404 else "text/plain"
            return Response(error.message, error.status, media_type=media_type)
        stamp, trace = format_time(utcnow(), "seconds"), str(uuid.uuid4())
        title, problem_json = HTTPStatus(error.status).phrase, "application/problem+json"
        if flavour == "v1":
            general = {"id": trace, "status": str(error.status), "title": title}
            items = [
                {"field": field, "errors": [{"reason": reason} for reason in reasons]}
                for field, reasons in error.field_errors.items()
            ]
            body: dict[str, Any] = {"errors": items or [general | {"detail": error.message}]}
            return JSONResponse(body, error.status, error.headers)
        if flavour == "oauth":
            uri = f"{_ERRORS_URI}credentials.{code}"
            described = {"error": code, "error_description": error.message, "error_uri": uri}
            body = {**described, "timestamp": stamp, "trace_id": trace, "meta": {}}
            return JSONResponse(body, error.status, error.headers, problem_json)
        kind = code or {404: "resource_not_found", 405: "method_not_allowed"}.get(
            error.status, "internal_error" if error.status >= 500 else "bad_request"
        )
        problem = {"title": title, "detail": error.message, "type": f"{_ERRORS_URI}common.{kind}"}
        body = {"personio_trace_id": trace, "timestamp": stamp, "errors": [problem | {"_meta": {}}]}
        return JSONResponse(body, error.status, error.headers, problem_json)

    def route_error(self, request: Request, status: int) -> Response:
        if request.url.path.startswith(JOBS_PATH + "/"):
            return self.error_response(PersonioError("feed", 404, _FEED_NOT_FOUND))
        return super().route_error(request, status)

    list_applications = _lister("listApplications", "applications")
    list_candidates = _lister("listCandidates", "candidates")
    list_jobs = _lister("listJobs", "jobs")
    list_persons = _lister("listPersons", "persons")
    get_application = _reader("getApplication", "applications", wrapped=True)
    get_job = _reader("getJob", "jobs", wrapped=True)
    get_candidate = _reader("getCandidate", "candidates")
    get_category = _reader("getCategory", "categories")
    get_person = _reader("getPerson", "persons")

    @handles("getJobFeed")
    def job_feed(self, call: ApiCall) -> Response:
        document = self.state.feed(call.params["subdomain"], call.params.get("language", "de"))
        if document is None:
            raise PersonioError("feed", 404, _FEED_NOT_FOUND)
        return Response(document, 200, media_type="text/xml; charset=utf-8")

    create_application = delegate("createApplication", PersonioState.submit, body=True, empty=201)
    issue_token = delegate("issueAccessToken", PersonioState.issue_token, body=True)
    list_transitions = delegate(
        "listApplicationStageTransitions", PersonioState.transitions, "id", envelope="_data"
    )
    list_categories = delegate("listCategories", PersonioState.categories, envelope="_data")
    list_webhooks = _on_webhooks("listWebhooks", PersonioWebhooks.records, envelope="_data")
    create_webhook = _on_webhooks("createWebhook", PersonioWebhooks.create, body=True, status=201)
    update_webhook = _on_webhooks("updateWebhook", PersonioWebhooks.update, "id", body=True)
    delete_webhook = _on_webhooks("deleteWebhook", PersonioWebhooks.delete, "id")

    @handles("listWebhookEvents")
    def list_webhook_events(self, call: ApiCall) -> Response:
        items, next_cursor = self.state.webhook_events(call.params["id"], call.params.get("cursor"))
        return _list_page_answer(self, call, items, next_cursor)

    @handles("uploadApplicationDocument")
    def upload_document(self, call: ApiCall) -> Response:
        upload = call.files.get("file")  # the file name is not in the body the spec reads
        if upload is None or not upload.filename:
            raise _v1_invalid({"file": ["errors.invalid-file-type"]})
        stored = self.state.store_document(upload.filename, upload.content, upload.content_type)
        return json_response(stored.wire())

    create_application_v2 = _v2_variant("createApplicationV2", create_application)
    upload_document_v2 = _v2_variant("uploadApplicationDocumentV2", upload_document)

    @handles("revokeAccessToken")
    def revoke_token(self, call: ApiCall) -> Response:
        token = call.body.get("token")
        if not token:
            raise _oauth("invalid_request", "The token parameter is required.")
        self.state.revoke_token(token)
        return Response(status_code=200)


create_personio_sandbox = PersonioSandbox
"""Build a seeded Personio stand-in: :class:`PersonioSandbox` with its defaults."""


def _v1_reason(problem: ValidationProblem) -> str | None:
    """The reason code Personio gives for a value the spec refuses (None: a general error)."""
    if "is a required property" in problem.message:
        return None
    if problem.field.startswith("files.") and problem.field.endswith(".category"):
        return "errors.file-validation.unknown-file-category"
    reasons: Mapping[str, str] = _TABLES["reasonsByField"]
    return reasons.get(problem.field.split(".")[0])


def _v1_field(field: str) -> str:
    """``files.0.uuid`` -> ``files[0].uuid``: the field names Personio uses."""
    head, *rest = field.split(".")
    return head + "".join(f"[{part}]" if part.isdigit() else f".{part}" for part in rest)


def _unknown_cursor(value: str) -> SandboxError:
    return SandboxError(400, f"unknown cursor {value!r}")
