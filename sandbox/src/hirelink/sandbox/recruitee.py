"""A stateful stand-in for Recruitee's ATS API (``/c/{company_id}/...``).

Create one with :func:`create_recruitee_sandbox`; it is seeded deterministically
(the same arguments give byte-identical data) and validates requests against
``specs/recruitee.yaml``.

Conventions of the state: stored JSON values are never mutated in place; a
change replaces the value (copy on write). So the structures the state hands out
may share nested values with it and stay consistent, but callers must treat them
as read-only.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import hmac
import html
import json
import posixpath
import random
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any, Literal, TypeVar, cast
from urllib.parse import urlsplit

import attrs
from starlette.responses import Response

from hirelink.sandbox.app import ApiCall, Operation, SandboxApp, SandboxError, json_response

__all__ = [
    "TOKEN_OWNER_ID",
    "CandidateQuery",
    "CandidateRecord",
    "RecruiteeSandbox",
    "RecruiteeState",
    "create_recruitee_sandbox",
    "format_time",
]

TOKEN_OWNER_ID = 51200
"""The admin who owns the sandbox token: "my" messages are the ones this admin sent."""
FIRST_CANDIDATE_ID = 7730001
SEED_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
CandidateSort = Literal["by_date", "by_last_message"]

_T = TypeVar("_T")
_STORAGE = "https://storage.sandbox.invalid"

# Keys of the reduced candidate returned by GET /candidates, in wire order.
_LIST_ITEM_KEYS = (
    "id", "name", "emails", "phones", "admin_id", "adminapp_url", "created_at", "updated_at",
    "last_message_at", "followed", "has_avatar", "initials", "photo_thumb_url", "rating",
    "ratings", "ratings_count", "positive_ratings", "my_last_rating", "notes_count",
    "tasks_count", "pending_result_request", "my_pending_result_request", "upcoming_event",
    "my_upcoming_event", "unread_notifications", "viewed", "example", "referrer", "source",
    "placements",
)  # fmt: skip
_UPDATABLE_ARRAYS = ("emails", "phones", "social_links", "links")
_OFFER_BRIEF_KEYS = ("id", "title", "status", "kind")
_OFFER_REFERENCE_KEYS = (
    "id", "title", "slug", "guid", "kind", "status", "location", "lang_code", "position",
    "department_id",
)  # fmt: skip
_ACTIVE_STATUSES = frozenset({"published", "internal", "closed"})
_TRUE_FLAGS = frozenset({"true", "1"})
_CREATED_AFTER = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?Z?")
_FILE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
_IDS = re.compile(r"\d+(?:,\d+)*")
_SORTS: tuple[CandidateSort, ...] = ("by_date", "by_last_message")


def format_time(moment: datetime) -> str:
    """Recruitee's timestamp format: UTC, microseconds, ``Z`` (``2025-01-01T00:00:00.000000Z``).

    ``moment`` must be timezone-aware.
    """
    return _naive_time(moment.astimezone(UTC).replace(tzinfo=None))


def _naive_time(moment: datetime) -> str:
    """Format a naive datetime that is already in UTC."""
    return moment.isoformat(timespec="microseconds") + "Z"


def _utcnow() -> datetime:
    return datetime.now(UTC)


# ----------------------------------------------------------------------------- seed tables

_OFFER_SEEDS: tuple[dict[str, Any], ...] = (
    {"id": 31337, "title": "Backend Engineer", "kind": "job", "status": "published",
     "city": "Stockholm", "country": "Sweden", "country_code": "SE", "remote": False,
     "department": "Engineering", "department_id": 88, "days": 10},
    {"id": 31400, "title": "Data Analyst", "kind": "job", "status": "internal",
     "city": "Berlin", "country": "Germany", "country_code": "DE", "remote": True,
     "department": "Data", "department_id": 89, "days": 20},
    {"id": 31455, "title": "Product Designer", "kind": "job", "status": "closed",
     "city": "Amsterdam", "country": "Netherlands", "country_code": "NL", "remote": False,
     "department": "Design", "department_id": 90, "days": 30},
    {"id": 31502, "title": "Customer Support Specialist", "kind": "job", "status": "archived",
     "city": "Lisbon", "country": "Portugal", "country_code": "PT", "remote": True,
     "department": "Support", "department_id": 91, "days": 40},
    {"id": 31600, "title": "Future Talent Pool", "kind": "talent_pool", "status": "internal",
     "city": None, "country": None, "country_code": None, "remote": None,
     "department": None, "department_id": None, "days": 50},
)  # fmt: skip
_STAGE_SEEDS = (
    (610001, "Applied", "apply"),
    (610002, "Phone interview", "phone_screen"),
    (610003, "Interview", "interview"),
    (610004, "Offer", "offer"),
    (610005, "Hired", "hire"),
)
_ADMIN_SEEDS = (
    (TOKEN_OWNER_ID, "Jonas", "Berg", "Europe/Stockholm"),
    (51201, "Maria", "Santos", "Europe/Lisbon"),
)
_FIRST_NAMES = (
    "Ada", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonah",
    "Kaja", "Liam", "Mirela", "Nadia", "Oskar", "Priya", "Rafael", "Sanna", "Tomas", "Yara",
)  # fmt: skip
_LAST_NAMES = (
    "Lindqvist", "Okafor", "Rossi", "Novak", "Yilmaz", "Haddad", "Berg", "Tanaka", "Moreau",
    "Reyes", "Kowalski", "Dumitrescu", "Fischer", "Raman", "Silva", "Andersen",
)  # fmt: skip
_TAGS = ("python", "shortlist", "relocation", "senior", "referral", "remote", "golang", "sql")
_SOURCES = ("LinkedIn", "Referral", "Careers fair", "Indeed", "Meetup")
_SKILLS = ("PostgreSQL", "Python", "Kubernetes", "Figma", "Go", "Customer empathy", "dbt")
_NOTE_BODIES = (
    "Strong SQL; schedule tech interview.",
    "Asked to reschedule to next week.",
    "Great system-design answers; move to final round.",
    "Salary expectation discussed.",
    "Available from May.",
)
_CANDIDATE_SOURCES = ("manual", "career_site", "email", "imported")


@attrs.define
class CandidateRecord:
    """A stored candidate.

    Attributes:
        id: candidate id.
        data: the full candidate exactly as GET /candidates/{id} returns it.
        notes: the candidate's notes, oldest first (wire shape).
        message_sender_ids: admins who sent the candidate messages (not on the
            wire; drives ``with_my_messages``).
    """

    id: int
    data: dict[str, Any]
    notes: list[dict[str, Any]] = attrs.field(factory=list)
    message_sender_ids: frozenset[int] = frozenset()
    _list_item_json: bytes | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def list_item(self) -> dict[str, Any]:
        """The reduced candidate of GET /candidates."""
        return {key: self.data[key] for key in _LIST_ITEM_KEYS}

    def list_item_json(self) -> bytes:
        """:attr:`list_item` as compact JSON, cached until the record changes."""
        if self._list_item_json is None:
            self._list_item_json = _dump_json(self.list_item)
        return self._list_item_json

    def forget_rendering(self) -> None:
        """Drop cached renderings after a change of :attr:`data`."""
        self._list_item_json = None

    @property
    def created_at(self) -> str:
        """Creation timestamp in wire format (sorts chronologically as a string)."""
        return cast("str", self.data["created_at"])

    @property
    def last_message_at(self) -> str | None:
        """Timestamp of the last message, if any."""
        return cast("str | None", self.data["last_message_at"])

    @property
    def placements(self) -> list[dict[str, Any]]:
        """The candidate's placements (wire shape)."""
        return cast("list[dict[str, Any]]", self.data["placements"])

    def copy(self) -> CandidateRecord:
        """A deep copy, safe to mutate."""
        return CandidateRecord(
            id=self.id,
            data=copy.deepcopy(self.data),
            notes=copy.deepcopy(self.notes),
            message_sender_ids=self.message_sender_ids,
        )


@attrs.frozen(kw_only=True)
class CandidateQuery:
    """The filters of GET /candidates, already parsed (see the reference, A3).

    ``limit``/``offset`` both None returns every candidate; ``offset`` alone skips.
    Flags are True when the request asked to filter (``true`` or ``1``).
    """

    limit: int | None = None
    offset: int | None = None
    created_after: datetime | None = None
    qualified: bool = False
    disqualified: bool = False
    with_messages: bool = False
    with_my_messages: bool = False
    offer_id: int | None = None
    ids: frozenset[int] | None = None
    query: str | None = None
    sort: CandidateSort = "by_date"


class RecruiteeState:
    """The in-memory data of one Recruitee company, seeded deterministically.

    All public methods are thread-safe (the server thread and the test thread may
    call them concurrently).

    Args:
        company_id: the company's id (used in app URLs).
        subdomain: the company's subdomain (used in careers URLs).
        candidates: how many candidates to seed.
        clock: returns "now" for timestamps of changes (UTC).
    """

    def __init__(
        self,
        *,
        company_id: int = 4100,
        subdomain: str = "acme",
        candidates: int = 250,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        if candidates < 0:
            raise ValueError("candidates must be >= 0")
        self.company_id = company_id
        self.subdomain = subdomain
        self._clock = clock
        self._lock = threading.RLock()
        self._version = 0
        self._sorted_cache: dict[CandidateSort, tuple[int, list[CandidateRecord]]] = {}
        self._offer_counts_cache: tuple[int, dict[int, dict[str, int]]] | None = None
        self._admins = {admin["id"]: admin for admin in _build_admins(subdomain)}
        self._stages = {stage["id"]: stage for stage in _build_stages()}
        self._offers = {offer["id"]: offer for offer in _build_offers(subdomain, company_id)}
        self._candidates: dict[int, CandidateRecord] = {}
        self._next_placement_id = 990001
        self._next_note_id = 8800001
        self._seed(candidates)
        self._next_candidate_id = max(self._candidates, default=FIRST_CANDIDATE_ID - 1) + 1

    # ------------------------------------------------------------------ reading

    @property
    def lock(self) -> threading.RLock:
        """The lock guarding the state, for callers combining several calls atomically."""
        return self._lock

    def now(self) -> str:
        """The current time in wire format."""
        return format_time(self._clock())

    def candidate_ids(self) -> list[int]:
        """Ids of the stored candidates, ascending."""
        with self._lock:
            return sorted(self._candidates)

    def records(self) -> list[CandidateRecord]:
        """Deep copies of every stored candidate, ascending by id (for assertions)."""
        with self._lock:
            return [self._candidates[key].copy() for key in sorted(self._candidates)]

    def record(self, candidate_id: int) -> CandidateRecord | None:
        """A deep copy of one stored candidate, or None."""
        with self._lock:
            record = self._candidates.get(candidate_id)
            return record.copy() if record is not None else None

    def offers(self) -> list[dict[str, Any]]:
        """Deep copies of every offer (full view), ascending by id."""
        with self._lock:
            return [copy.deepcopy(offer) for offer in self._offer_views(self._offers.values())]

    def list_candidates(
        self, query: CandidateQuery
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The reduced candidates matching ``query`` and the references they point to."""
        with self._lock:
            page = self._page(query)
            return [record.list_item for record in page], self._references(page)

    def list_candidates_json(self, query: CandidateQuery) -> bytes:
        """The whole GET /candidates response body for ``query``, as JSON.

        Equivalent to dumping :meth:`list_candidates` with ``generated_at``, but
        reuses each candidate's cached rendering, which makes big pages cheap.
        """
        with self._lock:
            page = self._page(query)
            items = b",".join(record.list_item_json() for record in page)
            references = _dump_json(self._references(page))
            generated_at = _dump_json(self.now())
        return (
            b'{"candidates":['
            + items
            + b'],"generated_at":'
            + generated_at
            + b',"references":'
            + references
            + b"}"
        )

    def get_candidate(self, candidate_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The full candidate and its references.

        Raises:
            SandboxError: 404 when there is no such candidate.
        """
        with self._lock:
            record = self._require(candidate_id)
            return dict(record.data), self._references([record])

    def notes(self, candidate_id: int) -> list[dict[str, Any]]:
        """The candidate's notes, oldest first (404 SandboxError if unknown)."""
        with self._lock:
            return list(self._require(candidate_id).notes)

    def list_offers(
        self,
        *,
        kind: str | None = None,
        scope: str | None = None,
        statuses: Sequence[str] = (),
        brief: bool = False,
    ) -> list[dict[str, Any]]:
        """Offers filtered by ``kind``, ``scope`` (active, archived, not_archived) and
        ``statuses`` (any of them; none given means every status)."""
        with self._lock:
            selected = [
                offer
                for offer in self._offers.values()
                if (kind is None or offer["kind"] == kind)
                and _in_scope(offer["status"], scope)
                and (not statuses or offer["status"] in statuses)
            ]
            if brief:
                return [{key: offer[key] for key in _OFFER_BRIEF_KEYS} for offer in selected]
            return self._offer_views(selected)

    def get_offer(self, offer_id: int) -> dict[str, Any]:
        """One offer in full (404 SandboxError if unknown)."""
        with self._lock:
            offer = self._offers.get(offer_id)
            if offer is None:
                raise SandboxError(404, "Offer not found")
            return self._offer_views([offer])[0]

    # ------------------------------------------------------------------ writing

    def create_candidate(
        self, fields: Mapping[str, Any], offer_ids: Sequence[int] = ()
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Create a candidate placed in each of ``offer_ids``; return it with references.

        Raises:
            SandboxError: 422 naming ``offers`` when an offer id is unknown.
        """
        with self._lock:
            unknown = [offer_id for offer_id in offer_ids if offer_id not in self._offers]
            if unknown:
                raise SandboxError(
                    422,
                    "Validation failed",
                    {"offers": [f"unknown offer id {offer_id}" for offer_id in unknown]},
                )
            now = self.now()
            candidate_id = self._next_candidate_id
            self._next_candidate_id += 1
            name = str(fields["name"])
            data = _candidate_data(
                candidate_id=candidate_id,
                company_id=self.company_id,
                name=name,
                emails=list(fields.get("emails", [])),
                phones=list(fields.get("phones", [])),
                created_at=now,
                updated_at=now,
                admin_id=TOKEN_OWNER_ID,
                source="manual",
            )
            data["social_links"] = list(fields.get("social_links", []))
            data["links"] = list(fields.get("links", []))
            data["cover_letter"] = fields.get("cover_letter")
            data["sources"] = list(fields.get("sources", []))
            data["placements"] = [
                self._new_placement(candidate_id, offer_id, now)
                for offer_id in dict.fromkeys(offer_ids)
            ]
            if fields.get("remote_cv_url"):
                data.update(_cv_fields(candidate_id, str(fields["remote_cv_url"])))
            record = CandidateRecord(id=candidate_id, data=data)
            self._candidates[candidate_id] = record
            self._changed()
            return dict(data), self._references([record])

    def update_candidate(
        self, candidate_id: int, fields: Mapping[str, Any]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Replace the given profile fields (arrays replace); ``remote_cv_url`` sets the CV."""
        with self._lock:
            record = self._require(candidate_id)
            changes: dict[str, Any] = {}
            if "name" in fields:
                changes["name"] = str(fields["name"])
                changes["initials"] = _initials(changes["name"])
            for key in _UPDATABLE_ARRAYS:
                if key in fields:
                    changes[key] = list(fields[key])
            if "cover_letter" in fields:
                changes["cover_letter"] = fields["cover_letter"]
            if fields.get("remote_cv_url"):
                changes.update(_cv_fields(candidate_id, str(fields["remote_cv_url"])))
            self._touch(record, changes)
            return dict(record.data), self._references([record])

    def update_cv(
        self, candidate_id: int, remote_cv_url: str
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Point the candidate's CV at a copy of ``remote_cv_url``."""
        return self.update_candidate(candidate_id, {"remote_cv_url": remote_cv_url})

    def delete_candidate(self, candidate_id: int) -> dict[str, Any]:
        """Remove the candidate; return it with ``deleted_at`` set."""
        with self._lock:
            record = self._require(candidate_id)
            del self._candidates[candidate_id]
            self._changed()
            deleted = dict(record.data)
            deleted["deleted_at"] = self.now()
            return deleted

    def add_note(self, candidate_id: int, body: str, visibility: str = "public") -> dict[str, Any]:
        """Append a note to the candidate and return it."""
        with self._lock:
            record = self._require(candidate_id)
            now = self.now()
            note = _note(self._next_note_id, candidate_id, body, now, visibility)
            self._next_note_id += 1
            record.notes = [*record.notes, note]
            self._touch(record, {"notes_count": len(record.notes)})
            return note

    def add_tags(
        self, candidate_id: int, tags: Iterable[str]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Add tags the candidate lacks, keeping order; return the candidate."""
        with self._lock:
            record = self._require(candidate_id)
            merged = list(dict.fromkeys([*record.data["tags"], *tags]))
            self._touch(record, {"tags": merged})
            return dict(record.data), self._references([record])

    def remove_tags(
        self, candidate_id: int, tags: Iterable[str]
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Remove the given tags from the candidate; return the candidate."""
        with self._lock:
            record = self._require(candidate_id)
            unwanted = set(tags)
            kept = [tag for tag in record.data["tags"] if tag not in unwanted]
            self._touch(record, {"tags": kept})
            return dict(record.data), self._references([record])

    # ------------------------------------------------------------------ internals

    def _require(self, candidate_id: int) -> CandidateRecord:
        record = self._candidates.get(candidate_id)
        if record is None:
            raise SandboxError(404, "Candidate not found")
        return record

    def _changed(self) -> None:
        self._version += 1

    def _page(self, query: CandidateQuery) -> list[CandidateRecord]:
        threshold = format_time(query.created_after) if query.created_after is not None else None
        matching = (
            record for record in self._sorted(query.sort) if self._matches(record, query, threshold)
        )
        start = query.offset or 0
        stop = None if query.limit is None else start + query.limit
        return list(islice(matching, start, stop))

    def _touch(self, record: CandidateRecord, changes: Mapping[str, Any]) -> None:
        now = self.now()
        record.forget_rendering()
        record.data.update(changes)
        record.data["updated_at"] = now
        record.data["last_activity_at"] = now
        self._changed()

    def _sorted(self, sort: CandidateSort) -> list[CandidateRecord]:
        cached = self._sorted_cache.get(sort)
        if cached is not None and cached[0] == self._version:
            return cached[1]
        records = list(self._candidates.values())
        if sort == "by_last_message":
            records.sort(
                key=lambda r: (r.last_message_at is not None, r.last_message_at or "", r.id),
                reverse=True,
            )
        else:
            records.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        self._sorted_cache[sort] = (self._version, records)
        return records

    def _matches(
        self, record: CandidateRecord, query: CandidateQuery, created_after: str | None
    ) -> bool:
        placements = record.placements
        if query.ids is not None and record.id not in query.ids:
            return False
        if created_after is not None and record.created_at <= created_after:
            return False
        if query.qualified and not any(p["disqualified_at"] is None for p in placements):
            return False
        if query.disqualified and not any(p["disqualified_at"] is not None for p in placements):
            return False
        if query.with_messages and record.last_message_at is None:
            return False
        if query.with_my_messages and TOKEN_OWNER_ID not in record.message_sender_ids:
            return False
        if query.offer_id is not None and query.offer_id not in _placement_offer_ids(placements):
            return False
        if query.query:
            needle = query.query.casefold()
            titles = (
                self._offers[offer_id]["title"] for offer_id in _placement_offer_ids(placements)
            )
            if needle not in record.data["name"].casefold() and not any(
                needle in title.casefold() for title in titles
            ):
                return False
        return True

    def _references(self, records: Iterable[CandidateRecord]) -> list[dict[str, Any]]:
        offer_ids: set[int] = set()
        stage_ids: set[int] = set()
        admin_ids: set[int] = set()
        for record in records:
            if record.data["admin_id"] is not None:
                admin_ids.add(record.data["admin_id"])
            for placement in record.placements:
                offer_ids.update(_placement_offer_ids([placement]))
                if placement["stage_id"] is not None:
                    stage_ids.add(placement["stage_id"])
                if placement["hired_by_id"] is not None:
                    admin_ids.add(placement["hired_by_id"])
        references: list[dict[str, Any]] = []
        for offer_id in sorted(offer_ids & self._offers.keys()):
            offer = self._offers[offer_id]
            references.append({"type": "Offer", **{k: offer[k] for k in _OFFER_REFERENCE_KEYS}})
        references.extend(
            {"type": "Stage", **self._stages[i]} for i in sorted(stage_ids & self._stages.keys())
        )
        references.extend(
            {"type": "Admin", **self._admins[i]} for i in sorted(admin_ids & self._admins.keys())
        )
        return references

    def _offer_views(self, offers: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        counts = self._offer_counts()
        return [{**offer, **counts.get(offer["id"], _ZERO_COUNTS)} for offer in offers]

    def _offer_counts(self) -> dict[int, dict[str, int]]:
        if self._offer_counts_cache is not None and self._offer_counts_cache[0] == self._version:
            return self._offer_counts_cache[1]
        counts: dict[int, dict[str, int]] = {}
        for record in self._candidates.values():
            for placement in record.placements:
                for offer_id in _placement_offer_ids([placement]):
                    offer_counts = counts.setdefault(offer_id, dict(_ZERO_COUNTS))
                    offer_counts["candidates_count"] += 1
                    if placement["disqualified_at"] is None:
                        offer_counts["qualified_candidates_count"] += 1
                    else:
                        offer_counts["disqualified_candidates_count"] += 1
                    if placement["hired_at"] is not None:
                        offer_counts["hired_candidates_count"] += 1
        self._offer_counts_cache = (self._version, counts)
        return counts

    def _new_placement(self, candidate_id: int, offer_id: int, now: str) -> dict[str, Any]:
        offer = self._offers[offer_id]
        is_pool = offer["kind"] == "talent_pool"
        placement = _placement(
            placement_id=self._next_placement_id,
            candidate_id=candidate_id,
            offer_id=None if is_pool else offer_id,
            talent_pool_id=offer_id if is_pool else None,
            stage_id=None if is_pool else _STAGE_SEEDS[0][0],
            created_at=now,
        )
        self._next_placement_id += 1
        return placement

    def _seed(self, count: int) -> None:
        # Seeding allocates hundreds of thousands of containers that all stay
        # alive; pausing the cyclic GC meanwhile roughly halves the time.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._seed_candidates(count)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _seed_candidates(self, count: int) -> None:
        dice = _Dice(f"hirelink-recruitee:{self.company_id}")
        offer_ids = list(self._offers)
        pool_ids = {key for key, offer in self._offers.items() if offer["kind"] == "talent_pool"}
        admin_ids = list(self._admins)
        stage_ids = [stage_id for stage_id, _, _ in _STAGE_SEEDS]
        hire_stage = _STAGE_SEEDS[-1][0]
        epoch = SEED_EPOCH.replace(tzinfo=None)
        for number in range(1, count + 1):
            candidate_id = FIRST_CANDIDATE_ID + number - 1
            first, last = dice.pick(_FIRST_NAMES), dice.pick(_LAST_NAMES)
            created = epoch + timedelta(hours=number)
            created_at = _naive_time(created)
            updated_at = _naive_time(created + timedelta(hours=1 + dice.below(72)))
            source = dice.pick(_CANDIDATE_SOURCES)
            data = _candidate_data(
                candidate_id=candidate_id,
                company_id=self.company_id,
                name=f"{first} {last}",
                emails=[f"{first.lower()}.{last.lower()}.{number}@example.org"],
                phones=[f"+46701{number:06d}"],
                created_at=created_at,
                updated_at=updated_at,
                admin_id=dice.pick(admin_ids) if source == "manual" else None,
                source=source,
            )
            placed_at = _naive_time(created + timedelta(seconds=1))
            placements = []
            for offer_id in sorted(dice.subset(offer_ids, 1 + dice.below(2))):
                is_pool = offer_id in pool_ids
                stage_id = None if is_pool else dice.pick(stage_ids)
                placement = _placement(
                    placement_id=self._next_placement_id,
                    candidate_id=candidate_id,
                    offer_id=None if is_pool else offer_id,
                    talent_pool_id=offer_id if is_pool else None,
                    stage_id=stage_id,
                    created_at=placed_at,
                )
                self._next_placement_id += 1
                if stage_id == hire_stage:
                    placement["hired_at"] = updated_at
                    placement["hired_by_id"] = dice.pick(admin_ids)
                    placement["hired_in_this_placement"] = True
                elif dice.chance(0.25):
                    placement["disqualified_at"] = updated_at
                    placement["disqualify_kind"] = "admin"
                    placement["disqualify_reason"] = {"id": 301, "name": "Not a fit"}
                placements.append(placement)
            if any(placement["hired_at"] for placement in placements):
                for placement in placements:
                    placement["hired_in_other_placement"] = not placement["hired_in_this_placement"]
            data["placements"] = placements
            senders: frozenset[int] = frozenset()
            if dice.chance(0.4):
                senders = frozenset(dice.subset(admin_ids, 1 + dice.below(len(admin_ids))))
                data["last_message_at"] = _naive_time(
                    created + timedelta(hours=2 + dice.below(96), minutes=dice.below(60))
                )
                data["mailbox_messages_count"] = 1 + dice.below(6)
            data["tags"] = sorted(dice.subset(_TAGS, dice.below(4)))
            data["sources"] = [dice.pick(_SOURCES)]
            data["social_links"] = [
                f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{number}"
            ]
            if dice.chance(0.3):
                data["cover_letter"] = f"{first} would enjoy the challenge."
            if dice.chance(0.7):
                data.update(_stored_cv(candidate_id, f"{number:012x}", ".docx"))
            data["fields"] = [_skills_field(dice.subset(_SKILLS, 1 + dice.below(3)))]
            notes = []
            for index in range(dice.below(3)):
                note_time = _naive_time(created + timedelta(hours=index + 1))
                visibility = "public" if dice.chance(0.8) else "private"
                body = dice.pick(_NOTE_BODIES)
                notes.append(_note(self._next_note_id, candidate_id, body, note_time, visibility))
                self._next_note_id += 1
            data["notes_count"] = len(notes)
            self._candidates[candidate_id] = CandidateRecord(
                id=candidate_id, data=data, notes=notes, message_sender_ids=senders
            )


class _Dice:
    """Deterministic choices for seeding (not for anything security related)."""

    def __init__(self, seed: str) -> None:
        self._random = random.Random(seed).random  # noqa: S311 - fixtures, not secrets

    def below(self, bound: int) -> int:
        return int(self._random() * bound)

    def chance(self, probability: float) -> bool:
        return self._random() < probability

    def pick(self, items: Sequence[_T]) -> _T:
        return items[int(self._random() * len(items))]

    def subset(self, items: Sequence[_T], size: int) -> list[_T]:
        """``size`` distinct items (at most ``len(items)``), in the order drawn."""
        count = len(items)
        size = min(size, count)
        chosen: list[_T] = []
        while len(chosen) < size:
            item = items[int(self._random() * count)]
            if item not in chosen:
                chosen.append(item)
        return chosen


_ZERO_COUNTS: Mapping[str, int] = {
    "candidates_count": 0,
    "qualified_candidates_count": 0,
    "disqualified_candidates_count": 0,
    "hired_candidates_count": 0,
}


def _dump_json(value: Any) -> bytes:
    """Compact JSON, as Starlette's JSONResponse renders it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _in_scope(status: str, scope: str | None) -> bool:
    if scope == "active":
        return status in _ACTIVE_STATUSES
    if scope == "archived":
        return status == "archived"
    if scope == "not_archived":
        return status != "archived"
    return True


def _placement_offer_ids(placements: Iterable[Mapping[str, Any]]) -> Iterator[int]:
    for placement in placements:
        offer_id = placement["offer_id"] or placement["talent_pool_id"]
        if offer_id is not None:
            yield offer_id


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


def _cv_fields(candidate_id: int, remote_cv_url: str) -> dict[str, Any]:
    """Storage URLs a CV downloaded from ``remote_cv_url`` would get (deterministic)."""
    digest = hashlib.sha256(remote_cv_url.encode()).hexdigest()[:12]
    suffix = posixpath.splitext(urlsplit(remote_cv_url).path)[1].lower()
    if not _FILE_SUFFIX.fullmatch(suffix):
        suffix = ".pdf"
    return _stored_cv(candidate_id, digest, suffix)


def _stored_cv(candidate_id: int, key: str, suffix: str) -> dict[str, Any]:
    base = f"{_STORAGE}/candidates/{candidate_id}/cv_{key}"
    return {
        "cv_url": f"{base}.pdf",
        "cv_original_url": f"{base}{suffix}",
        "cv_pdf_url": f"{base}.pdf",
        "cv_processing_status": "ok",
    }


def _candidate_data(
    *,
    candidate_id: int,
    company_id: int,
    name: str,
    emails: list[str],
    phones: list[str],
    created_at: str,
    updated_at: str,
    admin_id: int | None,
    source: str,
) -> dict[str, Any]:
    return {
        "id": candidate_id,
        "name": name,
        "emails": emails,
        "phones": phones,
        "admin_id": admin_id,
        "adminapp_url": (
            f"https://app.recruitee.com/#/dashboard/overview?candidate={candidate_id}"
            f"&company={company_id}"
        ),
        "created_at": created_at,
        "updated_at": updated_at,
        "last_message_at": None,
        "followed": False,
        "has_avatar": False,
        "initials": _initials(name),
        "photo_thumb_url": None,
        "rating": 0,
        "ratings": {},
        "ratings_count": 0,
        "positive_ratings": None,
        "my_last_rating": None,
        "notes_count": 0,
        "tasks_count": 0,
        "pending_result_request": False,
        "my_pending_result_request": False,
        "upcoming_event": False,
        "my_upcoming_event": False,
        "unread_notifications": False,
        "viewed": True,
        "example": False,
        "referrer": None,
        "source": source,
        "placements": [],
        "social_links": [],
        "links": [],
        "cover_letter": None,
        "cv_url": None,
        "cv_original_url": None,
        "cv_pdf_url": None,
        "cv_processing_status": "ok",
        "photo_url": None,
        "tags": [],
        "sources": [],
        "fields": [],
        "custom_fields": [],
        "open_question_answers": [],
        "grouped_open_question_answers": [],
        "attachments_count": 0,
        "mailbox_messages_count": 0,
        "last_activity_at": updated_at,
        "admin_ids": [admin_id] if admin_id is not None else [],
        "referral_referrers_ids": [],
        "duplicates": [],
        "gdpr_status": "no_consent",
        "gdpr_expires_at": None,
        "gdpr_consent_ever_given": False,
        "in_active_share": False,
        "pending_request_link": False,
        "rating_visible": True,
        "online_data": None,
        "sourcing_data": None,
        "sourcing_origin": None,
    }


def _placement(
    *,
    placement_id: int,
    candidate_id: int,
    offer_id: int | None,
    talent_pool_id: int | None,
    stage_id: int | None,
    created_at: str,
) -> dict[str, Any]:
    return {
        "id": placement_id,
        "candidate_id": candidate_id,
        "offer_id": offer_id,
        "stage_id": stage_id,
        "position": 1,
        "created_at": created_at,
        "updated_at": created_at,
        "hired_at": None,
        "hired_by_id": None,
        "hired_in_this_placement": False,
        "hired_in_other_placement": False,
        "job_starts_at": None,
        "language": "en",
        "overdue_at": None,
        "overdue_diff": None,
        "positive_ratings": None,
        "ratings": {},
        "talent_pool_id": talent_pool_id,
        "disqualified_at": None,
        "disqualify_kind": None,
    }


def _note(
    note_id: int, candidate_id: int, body: str, created_at: str, visibility: str
) -> dict[str, Any]:
    return {
        "id": note_id,
        "candidate_id": candidate_id,
        "body": body,
        "body_html": f"<p>{html.escape(body)}</p>",
        "created_at": created_at,
        "updated_at": created_at,
        "pinned_at": None,
        "visibility": {"level": visibility},
    }


def _skills_field(skills: Sequence[str]) -> dict[str, Any]:
    return {
        "id": None,
        "kind": "skills",
        "name": None,
        "fixed": True,
        "origin": "manual",
        "visible": True,
        "visibility": {"level": "public", "admin_ids": [], "role_ids": []},
        "values": [{"text": skill} for skill in skills],
    }


def _build_admins(subdomain: str) -> list[dict[str, Any]]:
    return [
        {
            "id": admin_id,
            "first_name": first,
            "last_name": last,
            "email": f"{first.lower()}@{subdomain}.example",
            "initials": f"{first[0]}{last[0]}",
            "has_avatar": False,
            "photo_normal_url": None,
            "photo_thumb_url": None,
            "timezone": timezone,
            "time_format24": True,
        }
        for admin_id, first, last, timezone in _ADMIN_SEEDS
    ]


def _build_stages() -> list[dict[str, Any]]:
    return [
        {
            "id": stage_id,
            "name": name,
            "category": category,
            "position": position,
            "group": None,
            "locked": category in ("apply", "hire"),
            "time_limit": None,
            "fair_evaluations_enabled": False,
            "placements_count": None,
            "created_at": None,
            "updated_at": None,
        }
        for position, (stage_id, name, category) in enumerate(_STAGE_SEEDS)
    ]


def _build_offers(subdomain: str, company_id: int) -> list[dict[str, Any]]:
    offers = []
    for position, seed in enumerate(_OFFER_SEEDS, start=1):
        slug = re.sub(r"[^a-z0-9]+", "-", seed["title"].lower()).strip("-")
        created = SEED_EPOCH - timedelta(days=seed["days"])
        status = seed["status"]
        is_job = seed["kind"] == "job"
        location = f"{seed['city']}, {seed['country']}" if seed["city"] else None
        offers.append(
            {
                "id": seed["id"],
                "title": seed["title"],
                "slug": slug,
                "guid": hashlib.sha256(f"{company_id}:{seed['id']}".encode()).hexdigest()[:5],
                "kind": seed["kind"],
                "status": status,
                "url": f"https://{subdomain}.recruitee.com/o/{slug}",
                "careers_url": f"https://{subdomain}.recruitee.com/o/{slug}",
                "adminapp_url": f"https://app.recruitee.com/#/offers/{slug}",
                "location": location,
                "city": seed["city"],
                "country_code": seed["country_code"],
                "state_code": None,
                "state_name": None,
                "postal_code": None,
                "street": None,
                "remote": seed["remote"],
                "department": seed["department"],
                "department_id": seed["department_id"],
                "employment_type": "fulltime_permanent" if is_job else None,
                "category": None,
                "education": None,
                "experience": None,
                "min_hours": 32 if is_job else None,
                "max_hours": 40 if is_job else None,
                "salary": None,
                "description": f"<p>Join us as {html.escape(seed['title'])}.</p>",
                "requirements": "<ul><li>Curiosity</li></ul>" if is_job else None,
                "highlight_html": None,
                "number_of_openings": 1 if is_job else None,
                "created_at": format_time(created),
                "updated_at": format_time(created + timedelta(days=1)),
                "published_at": (
                    format_time(created + timedelta(days=1)) if status != "internal" else None
                ),
                "closed_at": (
                    format_time(created + timedelta(days=5))
                    if status in ("closed", "archived")
                    else None
                ),
                "lang_code": "en",
                "primary_lang_code": "en",
                "pipeline_template_id": 9001 if is_job else None,
                "position": position,
                "example": False,
                "offer_tags": [],
                "followed": False,
                "hiring_manager_id": TOKEN_OWNER_ID,
                "recruiter_id": None,
                "mailbox_email": f"job.{seed['id']}@{subdomain}.recruitee.example",
                "options_cv": "required" if is_job else "optional",
                "options_cover_letter": "optional",
                "options_phone": "optional",
                "options_photo": "optional",
                "enabled_languages": [{"code": "en", "name": "English", "native_name": "English"}],
            }
        )
    return offers


# ----------------------------------------------------------------------------- the ASGI app


class RecruiteeSandbox(SandboxApp):
    """The Recruitee ATS stand-in. Create it with :func:`create_recruitee_sandbox`.

    Attributes:
        state: the company's data; tests may read and change it while serving.
        token: the Personal API token the stand-in accepts.
        company_id: the company id accepted in paths.
        subdomain: the subdomain accepted in paths instead of the id.
    """

    spec_name = "recruitee"

    def __init__(
        self,
        state: RecruiteeState,
        *,
        token: str,
        validate: bool = True,
    ) -> None:
        if not token:
            raise ValueError("token must not be empty")
        self.state = state
        self.token = token
        self.company_id = state.company_id
        self.subdomain = state.subdomain
        super().__init__(validate=validate)

    def operations(self) -> list[Operation]:
        """The twelve operations of ``specs/recruitee.yaml``."""
        company = "/c/{company_id}"
        candidate = f"{company}/candidates/{{candidate_id:int}}"
        return [
            Operation("GET", f"{company}/candidates", "listCandidates", self._list_candidates),
            Operation("POST", f"{company}/candidates", "createCandidate", self._create_candidate),
            Operation("GET", candidate, "getCandidate", self._get_candidate),
            Operation("PATCH", candidate, "updateCandidate", self._update_candidate),
            Operation("DELETE", candidate, "deleteCandidate", self._delete_candidate),
            Operation("PATCH", f"{candidate}/update_cv", "updateCandidateCv", self._update_cv),
            Operation("GET", f"{candidate}/notes", "listCandidateNotes", self._list_notes),
            Operation("POST", f"{candidate}/notes", "createCandidateNote", self._create_note),
            Operation("POST", f"{candidate}/tags", "addCandidateTags", self._add_tags),
            Operation("DELETE", f"{candidate}/tags", "removeCandidateTags", self._remove_tags),
            Operation("GET", f"{company}/offers", "listOffers", self._list_offers),
            Operation("GET", f"{company}/offers/{{offer_id:int}}", "getOffer", self._get_offer),
        ]

    def authenticate(self, call: ApiCall) -> None:
        """Require ``Authorization: Bearer <token>`` (401), then a known company (404)."""
        scheme, _, credentials = call.request.headers.get("authorization", "").partition(" ")
        if (
            scheme.lower() != "bearer"
            or not credentials
            or not hmac.compare_digest(credentials.encode(), self.token.encode())
        ):
            raise SandboxError(401, "Unauthorized")
        if call.path_params["company_id"] not in (str(self.company_id), self.subdomain):
            raise SandboxError(404, "Company not found")

    # ------------------------------------------------------------------ handlers

    def _list_candidates(self, call: ApiCall) -> Response:
        body = self.state.list_candidates_json(parse_candidate_query(call.query))
        return Response(body, media_type="application/json")

    def _get_candidate(self, call: ApiCall) -> Response:
        candidate, references = self.state.get_candidate(call.path_params["candidate_id"])
        return json_response({"candidate": candidate, "references": references})

    def _create_candidate(self, call: ApiCall) -> Response:
        body = _object(call.json, "")
        fields = _candidate_fields(body, create=True)
        offers = body.get("offers", [])
        if not isinstance(offers, list) or not all(_is_int(item) for item in offers):
            raise _invalid("offers", "must be an array of offer ids")
        candidate, references = self.state.create_candidate(fields, offers)
        return json_response({"candidate": candidate, "references": references}, 201)

    def _update_candidate(self, call: ApiCall) -> Response:
        fields = _candidate_fields(_object(call.json, ""), create=False)
        candidate, references = self.state.update_candidate(
            call.path_params["candidate_id"], fields
        )
        return json_response({"candidate": candidate, "references": references})

    def _update_cv(self, call: ApiCall) -> Response:
        fields = _object(_object(call.json, "").get("candidate"), "candidate")
        url = fields.get("remote_cv_url")
        if not isinstance(url, str) or not url:
            raise _invalid("candidate.remote_cv_url", "can't be blank")
        candidate, references = self.state.update_cv(call.path_params["candidate_id"], url)
        return json_response({"candidate": candidate, "references": references})

    def _delete_candidate(self, call: ApiCall) -> Response:
        candidate = self.state.delete_candidate(call.path_params["candidate_id"])
        return json_response({"candidate": candidate, "references": []})

    def _list_notes(self, call: ApiCall) -> Response:
        return json_response({"notes": self.state.notes(call.path_params["candidate_id"])})

    def _create_note(self, call: ApiCall) -> Response:
        note = _object(_object(call.json, "").get("note"), "note")
        body = note.get("body")
        if not isinstance(body, str) or not body:
            raise _invalid("note.body", "can't be blank")
        level = _object(note.get("visibility", {"level": "public"}), "note.visibility").get("level")
        if level not in ("public", "private"):
            raise _invalid("note.visibility.level", "must be public or private")
        created = self.state.add_note(call.path_params["candidate_id"], body, level)
        return json_response({"note": created}, 201)

    def _add_tags(self, call: ApiCall) -> Response:
        tags = _tags(call.json)
        candidate, references = self.state.add_tags(call.path_params["candidate_id"], tags)
        return json_response({"candidate": candidate, "references": references})

    def _remove_tags(self, call: ApiCall) -> Response:
        tags = _tags(call.json)
        candidate, references = self.state.remove_tags(call.path_params["candidate_id"], tags)
        return json_response({"candidate": candidate, "references": references})

    def _list_offers(self, call: ApiCall) -> Response:
        kind = _choice(call.query, "kind", ("job", "talent_pool"))
        scope = _choice(call.query, "scope", ("archived", "active", "not_archived"))
        view_mode = _choice(call.query, "view_mode", ("default", "brief"))
        offers = self.state.list_offers(
            kind=kind,
            scope=scope,
            statuses=call.query.getlist("statuses[]"),
            brief=view_mode == "brief",
        )
        return json_response({"offers": offers})

    def _get_offer(self, call: ApiCall) -> Response:
        return json_response({"offer": self.state.get_offer(call.path_params["offer_id"])})


def create_recruitee_sandbox(
    *,
    token: str = "sandbox-recruitee-token",  # noqa: S107 - opens only the local stand-in
    company_id: int = 4100,
    subdomain: str = "acme",
    candidates: int = 250,
    validate: bool = True,
    clock: Callable[[], datetime] | None = None,
) -> RecruiteeSandbox:
    """Build a seeded Recruitee stand-in (not yet served: call ``.serve()``).

    Args:
        token: the Personal API token it accepts as ``Authorization: Bearer <token>``.
        company_id: the company id accepted in ``/c/{company_id}``.
        subdomain: accepted in ``/c/{company_id}`` instead of the id.
        candidates: how many candidates to seed (ids count up from 7730001).
        validate: validate requests against ``specs/recruitee.yaml``.
        clock: source of "now" (UTC) for changes and ``generated_at``.
    """
    state = RecruiteeState(
        company_id=company_id,
        subdomain=subdomain,
        candidates=candidates,
        clock=clock or _utcnow,
    )
    return RecruiteeSandbox(state, token=token, validate=validate)


# ----------------------------------------------------------------------------- request parsing
# These checks repeat the spec's rules so the stand-in answers the same way when
# spec validation is switched off.


def parse_candidate_query(query: Mapping[str, str]) -> CandidateQuery:
    """Parse the query parameters of GET /candidates.

    Raises:
        SandboxError: 422 naming the offending parameter.
    """
    ids = query.get("ids")
    if ids is not None and not _IDS.fullmatch(ids):
        raise _invalid("ids", "must be comma-separated ids without spaces")
    text = query.get("query")
    return CandidateQuery(
        limit=_integer(query, "limit", minimum=1),
        offset=_integer(query, "offset", minimum=0),
        created_after=_created_after(query.get("created_after")),
        qualified=query.get("qualified") in _TRUE_FLAGS,
        disqualified=query.get("disqualified") in _TRUE_FLAGS,
        with_messages=query.get("with_messages") in _TRUE_FLAGS,
        with_my_messages=query.get("with_my_messages") in _TRUE_FLAGS,
        offer_id=_integer(query, "offer_id", minimum=None),
        ids=frozenset(int(part) for part in ids.split(",")) if ids else None,
        query=text or None,
        sort=cast("CandidateSort", _choice(query, "sort", _SORTS) or "by_date"),
    )


def _invalid(field: str, message: str) -> SandboxError:
    return SandboxError(422, "Validation failed", {field: [message]})


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _integer(query: Mapping[str, str], name: str, *, minimum: int | None) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(name, "must be an integer") from None
    if minimum is not None and value < minimum:
        raise _invalid(name, f"must be >= {minimum}")
    return value


def _choice(query: Mapping[str, str], name: str, allowed: Sequence[str]) -> str | None:
    raw = query.get(name)
    if raw is not None and raw not in allowed:
        raise _invalid(name, f"must be one of {', '.join(allowed)}")
    return raw


def _created_after(raw: str | None) -> datetime | None:
    if raw is None:
        return None
    match = _CREATED_AFTER.fullmatch(raw)
    if match is None:
        raise _invalid("created_after", "must look like YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z]")
    year, month, day, hour, minute, second, fraction = match.groups()
    try:
        microsecond = int((fraction or "0")[:6].ljust(6, "0"))
        numbers = (int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        return datetime(*numbers, microsecond, tzinfo=UTC)
    except ValueError as exc:
        raise _invalid("created_after", str(exc)) from None


def _object(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _invalid(field or "body", "must be an object")
    return value


def _candidate_fields(body: Mapping[str, Any], *, create: bool) -> dict[str, Any]:
    fields = _object(body.get("candidate"), "candidate")
    allowed_arrays = (*_UPDATABLE_ARRAYS, "sources") if create else _UPDATABLE_ARRAYS
    errors: dict[str, list[str]] = {}
    if not fields and not create:
        errors["candidate"] = ["must contain at least one field to update"]
    name = fields.get("name")
    if (create or "name" in fields) and (not isinstance(name, str) or not name):
        errors["candidate.name"] = ["can't be blank"]
    for key in allowed_arrays:
        value = fields.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            errors[f"candidate.{key}"] = ["must be an array of strings"]
    for key in ("cover_letter", "remote_cv_url"):
        if key in fields and not isinstance(fields[key], str):
            errors[f"candidate.{key}"] = ["must be a string"]
    if errors:
        raise SandboxError(422, "Validation failed", errors)
    return fields


def _tags(body: Any) -> list[str]:
    tags = _object(body, "").get("tags")
    if (
        not isinstance(tags, list)
        or not tags
        or not all(isinstance(tag, str) and tag for tag in tags)
    ):
        raise _invalid("tags", "must be a non-empty array of non-empty strings")
    return tags
