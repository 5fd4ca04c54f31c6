"""A stateful stand-in for Recruitee's ATS API (``/c/{company_id}/...``).

Create one with :func:`create_recruitee_sandbox`; it is seeded deterministically
(the same arguments give byte-identical data: offers, stages and admins from
``seeds/recruitee.json``, candidates drawn from its tables) and serves the operations
of ``specs/recruitee.yaml``.

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
from typing import Any, ClassVar, Literal, TypeVar, cast
from urllib.parse import urlsplit

import attrs
from starlette.responses import Response

from hirelink.sandbox.app import (
    ApiCall,
    SandboxApp,
    SandboxError,
    bearer_token,
    handles,
    invalid,
    json_response,
    same_secret,
)
from hirelink.sandbox.outbox import DEFAULT_RETRY_DELAYS, Outbox, Outcome, Subscription
from hirelink.sandbox.resources import (
    Collection,
    component_properties,
    format_time,
    load_seed,
    seed_records,
    utcnow,
)

__all__ = [
    "TOKEN_OWNER_ID",
    "CandidateQuery",
    "CandidateRecord",
    "RecruiteeSandbox",
    "RecruiteeState",
    "create_recruitee_sandbox",
]

TOKEN_OWNER_ID = 51200
"""The admin who owns the sandbox token: "my" messages are the ones this admin sent."""
FIRST_CANDIDATE_ID = 7730001
SEED_EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
CandidateSort = Literal["by_date", "by_last_message"]
Found = tuple[dict[str, Any], list[dict[str, Any]]]
"""A full candidate and the references it points to."""

_T = TypeVar("_T")
_STORAGE = "https://storage.sandbox.invalid"

_UPDATABLE_ARRAYS = ("emails", "phones", "social_links", "links")
_OFFER_BRIEF_KEYS = ("id", "title", "status", "kind")
_ACTIVE_STATUSES = frozenset({"published", "internal", "closed"})
_FILE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
_CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain",
}


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
        return {key: self.data[key] for key in _shown("CandidateListItem")}

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

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> CandidateQuery:
        """The query of GET /candidates, from its parameters as the spec reads them."""
        created_after, ids = params.get("created_after"), params.get("ids")
        return cls(
            limit=params.get("limit"),
            offset=params.get("offset"),
            created_after=None if created_after is None else _created_after(created_after),
            qualified=params.get("qualified", False),
            disqualified=params.get("disqualified", False),
            with_messages=params.get("with_messages", False),
            with_my_messages=params.get("with_my_messages", False),
            offer_id=params.get("offer_id"),
            ids=None if ids is None else frozenset(int(part) for part in ids.split(",")),
            query=params.get("query") or None,
            sort=params.get("sort", "by_date"),
        )


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
        clock: Callable[[], datetime] = utcnow,
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
        self._tables = load_seed("recruitee")["tables"]
        self._admins = {a["id"]: a for a in _for_company("AdminReference", subdomain)}
        self._stages = {stage["id"]: stage for stage in seed_records("recruitee", "StageReference")}
        self._offers: Collection[int] = Collection(
            _for_company("Offer", subdomain),
            not_found=lambda: SandboxError(404, "Offer not found"),
            lock=self._lock,
        )
        self._templates = {t["id"]: t for t in seed_records("recruitee", "PipelineTemplate")}
        self._reasons = {r["id"]: r for r in seed_records("recruitee", "DisqualifyReason")}
        self._tasks: list[dict[str, Any]] = []
        self._candidates: dict[int, CandidateRecord] = {}
        self._next_placement_id = 990001
        self._next_field_id = 550001
        self._next_task_id = 77001
        self._next_note_id = 8800001
        self._listeners: list[Callable[[dict[str, Any]], object]] = []
        self._seed(candidates)
        self._next_candidate_id = max(self._candidates, default=FIRST_CANDIDATE_ID - 1) + 1

    def subscribe(self, listener: Callable[[dict[str, Any]], object]) -> None:
        """Call ``listener(event)`` with each webhook event (``{event_type, event_subtype,
        payload}``) a change causes, in order, while the state lock is held (keep it quick)."""
        with self._lock:
            self._listeners.append(listener)

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
            return [copy.deepcopy(offer) for offer in self._offer_views(self._offers)]

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

    def get_candidate(self, candidate_id: int) -> Found:
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
                for offer in self._offers
                if (kind is None or offer["kind"] == kind)
                and _in_scope(offer["status"], scope)
                and (not statuses or offer["status"] in statuses)
            ]
            if brief:
                return [{key: offer[key] for key in _OFFER_BRIEF_KEYS} for offer in selected]
            return self._offer_views(selected)

    def get_offer(self, offer_id: int) -> dict[str, Any]:
        """One offer in full, with its pipeline embedded (404 SandboxError if unknown)."""
        with self._lock:
            offer = self._offer_views([self._offers.get(offer_id)])[0]
            template = self._templates.get(offer["pipeline_template_id"])
            return {**offer, "pipeline_template": copy.deepcopy(template)}

    def pipeline_template(self, template_id: int) -> dict[str, Any]:
        """One pipeline template with its stages (404 SandboxError if unknown)."""
        template = self._templates.get(template_id)
        if template is None:
            raise SandboxError(404, "Pipeline template not found")
        return copy.deepcopy(template)

    def disqualify_reasons(self) -> list[dict[str, Any]]:
        """The company's disqualify reasons, ascending by id."""
        return [dict(self._reasons[key]) for key in sorted(self._reasons)]

    def attachments(self, candidate_id: int) -> list[dict[str, Any]]:
        """The candidate's files: its CV, when it has one (404 SandboxError if unknown)."""
        with self._lock:
            data = self._require(candidate_id).data
            url = data.get("cv_original_url")
            if not url:
                return []
            filename = posixpath.basename(urlsplit(url).path)
            suffix = posixpath.splitext(filename)[1]
            return [
                {
                    "id": candidate_id * 10 + 1,
                    "candidate_id": candidate_id,
                    "filename": filename,
                    "file_url": url,
                    "content_type": _CONTENT_TYPES.get(suffix, "application/octet-stream"),
                }
            ]

    def tasks(self, candidate_id: int | None = None) -> list[dict[str, Any]]:
        """The tasks created, oldest first (only the candidate's when given)."""
        with self._lock:
            return [
                dict(task)
                for task in self._tasks
                if candidate_id is None or task["candidate_id"] == candidate_id
            ]

    # ------------------------------------------------------------------ writing

    def create_candidate(self, fields: Mapping[str, Any], offer_ids: Sequence[int] = ()) -> Found:
        """Create a candidate placed in each of ``offer_ids``; return it with references.

        Raises:
            SandboxError: 422 naming ``offers`` when an offer id is unknown.
        """
        with self._lock:
            unknown = [offer_id for offer_id in offer_ids if offer_id not in self._offers]
            if unknown:
                messages = [f"unknown offer id {offer_id}" for offer_id in unknown]
                raise SandboxError(422, "Validation failed", {"offers": messages})
            now = self.now()
            candidate_id = self._next_candidate_id
            self._next_candidate_id += 1
            name = str(fields["name"])
            data = self._candidate_data(
                candidate_id=candidate_id,
                name=name,
                emails=[],
                phones=[],
                created_at=now,
                updated_at=now,
                admin_id=TOKEN_OWNER_ID,
                source="manual",
            )
            data.update({key: list(fields.get(key, [])) for key in (*_UPDATABLE_ARRAYS, "sources")})
            data["cover_letter"] = fields.get("cover_letter")
            data["placements"] = [
                self._placement(candidate_id, offer_id, next(iter(self._stages)), now)
                for offer_id in dict.fromkeys(offer_ids)
            ]
            if fields.get("remote_cv_url"):
                data.update(_cv_fields(candidate_id, str(fields["remote_cv_url"])))
            record = CandidateRecord(id=candidate_id, data=data)
            self._candidates[candidate_id] = record
            self._changed()
            first_offer = next(iter(dict.fromkeys(offer_ids)), None)
            self._emit("new_candidate", "manual", record, first_offer)
            return dict(data), self._references([record])

    def update_candidate(self, candidate_id: int, fields: Mapping[str, Any]) -> Found:
        """Replace the given profile fields (arrays replace); ``remote_cv_url`` sets the CV."""
        if not fields:  # also without spec validation: there would be nothing to do
            raise invalid("candidate", "must contain at least one field to update")
        with self._lock:
            record = self._require(candidate_id)
            kept = (*_UPDATABLE_ARRAYS, "name", "cover_letter")
            changes = {key: copy.copy(value) for key, value in fields.items() if key in kept}
            if "name" in fields:
                changes["initials"] = _initials(fields["name"])
            if fields.get("remote_cv_url"):
                changes.update(_cv_fields(candidate_id, str(fields["remote_cv_url"])))
            self._touch(record, changes)
            return dict(record.data), self._references([record])

    def update_cv(self, candidate_id: int, remote_cv_url: str) -> Found:
        """Point the candidate's CV at a copy of ``remote_cv_url``."""
        return self.update_candidate(candidate_id, {"remote_cv_url": remote_cv_url})

    def delete_candidate(self, candidate_id: int) -> dict[str, Any]:
        """Remove the candidate; return it with ``deleted_at`` set."""
        with self._lock:
            record = self._require(candidate_id)
            del self._candidates[candidate_id]
            self._changed()
            self._emit("candidate_deleted", None, record, None)
            return {**record.data, "deleted_at": self.now()}

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

    def add_tags(self, candidate_id: int, tags: Iterable[str]) -> Found:
        """Add tags the candidate lacks, keeping order; return the candidate."""
        with self._lock:
            record = self._require(candidate_id)
            merged = list(dict.fromkeys([*record.data["tags"], *tags]))
            self._touch(record, {"tags": merged})
            return dict(record.data), self._references([record])

    def remove_tags(self, candidate_id: int, tags: Iterable[str]) -> Found:
        """Remove the given tags from the candidate; return the candidate."""
        with self._lock:
            record = self._require(candidate_id)
            unwanted = set(tags)
            kept = [tag for tag in record.data["tags"] if tag not in unwanted]
            self._touch(record, {"tags": kept})
            return dict(record.data), self._references([record])

    def place(self, candidate_id: int, offer_id: int) -> dict[str, Any]:
        """Place the candidate in an offer (a job at its first stage); return the placement.

        Raises:
            SandboxError: 404 for an unknown candidate; 422 for an unknown offer or one
                the candidate is already placed in.
        """
        with self._lock:
            record = self._require(candidate_id)
            if offer_id not in self._offers:
                raise SandboxError(422, "Validation failed", {"offer_id": ["does not exist"]})
            if offer_id in set(_placement_offer_ids(record.placements)):
                raise SandboxError(422, "Validation failed", {"offer_id": ["already placed"]})
            placement = self._placement(
                candidate_id, offer_id, self._first_stage(offer_id), self.now()
            )
            self._touch(record, {"placements": [*record.placements, placement]})
            self._emit("candidate_assigned", None, record, offer_id)
            return dict(placement)

    def change_stage(self, placement_id: int, stage_id: int) -> dict[str, Any]:
        """Move a placement to a stage of its job's pipeline; return the placement.

        Raises:
            SandboxError: 404 for an unknown placement; 422 for a stage outside the
                job's pipeline (or any stage for a talent-pool placement).
        """
        with self._lock:
            record, placement = self._find_placement(placement_id)
            if stage_id not in self._pipeline_stage_ids(placement["offer_id"]):
                raise SandboxError(422, "Validation failed", {"stage_id": ["not in the pipeline"]})
            from_stage = placement["stage_id"]
            changed = self._change_placement(record, placement, {"stage_id": stage_id})
            details = {
                "from_stage": self._event_stage(from_stage),
                "to_stage": self._event_stage(stage_id),
            }
            self._emit("candidate_moved", "stage_changed", record, placement["offer_id"], details)
            return changed

    def disqualify(self, placement_id: int, reason_id: int) -> dict[str, Any]:
        """Disqualify a placement with one of the company's reasons; return it.

        Raises:
            SandboxError: 404 for an unknown placement; 422 for an unknown reason.
        """
        with self._lock:
            record, placement = self._find_placement(placement_id)
            reason = self._reasons.get(reason_id)
            if reason is None:
                raise SandboxError(
                    422, "Validation failed", {"disqualify_reason_id": ["does not exist"]}
                )
            changes = {
                "disqualified_at": self.now(),
                "disqualify_kind": "admin",
                "disqualify_reason": dict(reason),
            }
            changed = self._change_placement(record, placement, changes)
            self._emit("candidate_moved", "disqualified", record, placement["offer_id"])
            return changed

    def requalify(self, placement_id: int) -> dict[str, Any]:
        """Clear a placement's disqualification; return it (404 if unknown)."""
        with self._lock:
            record, placement = self._find_placement(placement_id)
            changes = {"disqualified_at": None, "disqualify_kind": None, "disqualify_reason": None}
            changed = self._change_placement(record, placement, changes)
            self._emit("candidate_moved", "requalified", record, placement["offer_id"])
            return changed

    def set_field(self, candidate_id: int, field: Mapping[str, Any]) -> dict[str, Any]:
        """Store a profile field on the candidate (replacing one of the same name)."""
        with self._lock:
            record = self._require(candidate_id)
            kept = [f for f in record.data["fields"] if f.get("name") != field["name"]]
            stored = {
                "id": self._next_field_id,
                "kind": field["kind"],
                "name": field["name"],
                "fixed": False,
                "origin": "manual",
                "visible": True,
                "visibility": {"level": "public", "admin_ids": [], "role_ids": []},
                "values": copy.deepcopy(list(field["values"])),
            }
            self._next_field_id += 1
            self._touch(record, {"fields": [*kept, stored]})
            return copy.deepcopy(stored)

    def create_task(self, task: Mapping[str, Any]) -> dict[str, Any]:
        """Create a task about a candidate (422 when the candidate does not exist)."""
        with self._lock:
            record = self._candidates.get(task["candidate_id"])
            if record is None:
                raise SandboxError(422, "Validation failed", {"candidate_id": ["does not exist"]})
            created = {
                "id": self._next_task_id,
                "candidate_id": record.id,
                "title": task["title"],
                "due_date": task.get("due_date"),
                "completed": False,
                "created_at": self.now(),
            }
            self._next_task_id += 1
            self._tasks.append(created)
            self._touch(record, {"tasks_count": record.data.get("tasks_count", 0) + 1})
            return dict(created)

    # ------------------------------------------------------------------ internals

    def _first_stage(self, offer_id: int) -> int | None:
        stage_ids = self._pipeline_stage_ids(offer_id)
        return stage_ids[0] if stage_ids else None

    def _pipeline_stage_ids(self, offer_id: int | None) -> list[int]:
        if offer_id is None:
            return []
        template = self._templates.get(self._offers.get(offer_id)["pipeline_template_id"])
        return [stage["id"] for stage in template["stages"]] if template else list(self._stages)

    def _find_placement(self, placement_id: int) -> tuple[CandidateRecord, dict[str, Any]]:
        for record in self._candidates.values():
            for placement in record.placements:
                if placement["id"] == placement_id:
                    return record, placement
        raise SandboxError(404, "Placement not found")

    def _change_placement(
        self, record: CandidateRecord, placement: dict[str, Any], changes: Mapping[str, Any]
    ) -> dict[str, Any]:
        changed = {**placement, **changes, "updated_at": self.now()}
        placements = [changed if p["id"] == placement["id"] else p for p in record.placements]
        self._touch(record, {"placements": placements})
        return dict(changed)

    def _require(self, candidate_id: int) -> CandidateRecord:
        record = self._candidates.get(candidate_id)
        if record is None:
            raise SandboxError(404, "Candidate not found")
        return record

    def _changed(self) -> None:
        self._version += 1

    def _emit(
        self,
        event_type: str,
        event_subtype: str | None,
        record: CandidateRecord,
        offer_id: int | None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Tell the listeners, in the shape of the spec's ``webhooks`` (members inferred)."""
        if not self._listeners:
            return
        data = record.data
        payload: dict[str, Any] = {
            "candidate": {
                "id": record.id,
                "name": data["name"],
                "emails": list(data["emails"]),
                "phones": list(data["phones"]),
            }
        }
        if offer_id is not None and offer_id in self._offers:
            offer = self._offers.get(offer_id)
            payload["offer"] = {key: offer.get(key) for key in ("id", "title", "slug")}
        if details is not None:
            payload["details"] = dict(details)
        event = {"event_type": event_type, "event_subtype": event_subtype, "payload": payload}
        for listener in self._listeners:
            listener(event)

    def _event_stage(self, stage_id: int | None) -> dict[str, Any] | None:
        stage = self._stages.get(stage_id) if stage_id is not None else None
        if stage is None:
            return None
        return {"id": stage["id"], "name": stage["name"], "category": stage["category"]}

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
                self._offers.get(offer_id)["title"] for offer_id in _placement_offer_ids(placements)
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
        for offer_id in sorted(offer_ids & set(self._offers.keys())):
            offer = self._offers.get(offer_id)
            fields = {key: offer[key] for key in _shown("OfferReference") if key in offer}
            references.append({"type": "Offer", **fields})
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

    def _candidate_data(
        self,
        *,
        candidate_id: int,
        name: str,
        emails: list[str],
        phones: list[str],
        created_at: str,
        updated_at: str,
        admin_id: int | None,
        source: str,
    ) -> dict[str, Any]:
        adminapp_url = (
            "https://app.recruitee.com/#/dashboard/overview"
            f"?candidate={candidate_id}&company={self.company_id}"
        )
        return {
            **copy.deepcopy(self._tables["candidateDefaults"]),
            "id": candidate_id,
            "name": name,
            "emails": emails,
            "phones": phones,
            "admin_id": admin_id,
            "adminapp_url": adminapp_url,
            "created_at": created_at,
            "updated_at": updated_at,
            "initials": _initials(name),
            "source": source,
            "last_activity_at": updated_at,
            "admin_ids": [admin_id] if admin_id is not None else [],
        }

    def _placement(
        self, candidate_id: int, offer_id: int, stage_id: int | None, created_at: str
    ) -> dict[str, Any]:
        """A new placement in a job (at ``stage_id``) or in a talent pool (at no stage)."""
        is_pool = self._offers.get(offer_id)["kind"] == "talent_pool"
        self._next_placement_id += 1
        return {
            **copy.deepcopy(self._tables["placementDefaults"]),
            "id": self._next_placement_id - 1,
            "candidate_id": candidate_id,
            "offer_id": None if is_pool else offer_id,
            "stage_id": None if is_pool else stage_id,
            "created_at": created_at,
            "updated_at": created_at,
            "talent_pool_id": offer_id if is_pool else None,
        }

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
        offer_ids = self._offers.keys()
        pool_ids = {offer["id"] for offer in self._offers if offer["kind"] == "talent_pool"}
        admin_ids = list(self._admins)
        stage_ids = list(self._stages)
        hire_stage = stage_ids[-1]
        tables = self._tables
        epoch = SEED_EPOCH.replace(tzinfo=None)
        for number in range(1, count + 1):
            candidate_id = FIRST_CANDIDATE_ID + number - 1
            first, last = dice.pick(tables["firstNames"]), dice.pick(tables["lastNames"])
            created = epoch + timedelta(hours=number)
            created_at = format_time(created)
            updated_at = format_time(created + timedelta(hours=1 + dice.below(72)))
            source = dice.pick(tables["candidateSources"])
            data = self._candidate_data(
                candidate_id=candidate_id,
                name=f"{first} {last}",
                emails=[f"{first.lower()}.{last.lower()}.{number}@example.org"],
                phones=[f"+46701{number:06d}"],
                created_at=created_at,
                updated_at=updated_at,
                admin_id=dice.pick(admin_ids) if source == "manual" else None,
                source=source,
            )
            placed_at = format_time(created + timedelta(seconds=1))
            placements = []
            for offer_id in sorted(dice.subset(offer_ids, 1 + dice.below(2))):
                is_pool = offer_id in pool_ids
                stage_id = None if is_pool else dice.pick(stage_ids)
                placement = self._placement(candidate_id, offer_id, stage_id, placed_at)
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
                data["last_message_at"] = format_time(
                    created + timedelta(hours=2 + dice.below(96), minutes=dice.below(60))
                )
                data["mailbox_messages_count"] = 1 + dice.below(6)
            data["tags"] = sorted(dice.subset(tables["tags"], dice.below(4)))
            data["sources"] = [dice.pick(tables["sources"])]
            data["social_links"] = [
                f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{number}"
            ]
            if dice.chance(0.3):
                data["cover_letter"] = f"{first} would enjoy the challenge."
            if dice.chance(0.7):
                data.update(_stored_cv(candidate_id, f"{number:012x}", ".docx"))
            skills = dice.subset(tables["skills"], 1 + dice.below(3))
            data["fields"] = [{**tables["skillsField"], "values": [{"text": s} for s in skills]}]
            notes = []
            for index in range(dice.below(3)):
                note_time = format_time(created + timedelta(hours=index + 1))
                visibility = "public" if dice.chance(0.8) else "private"
                body = dice.pick(tables["noteBodies"])
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
        "attachments_count": 1,
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


def _created_after(value: str) -> datetime:
    """Recruitee's ``created_after`` (the spec's pattern: seconds and ``Z`` optional), UTC."""
    try:
        return datetime.fromisoformat(value.removesuffix("Z")).replace(tzinfo=UTC)
    except ValueError as exc:  # the pattern lets through a 13th month or a 30th of February
        raise invalid("created_after", str(exc)) from None


def _shown(component: str) -> tuple[str, ...]:
    """The members a view of the spec shows (the list item, a side-loaded offer)."""
    return component_properties("recruitee", component)


def _for_company(component: str, subdomain: str) -> list[dict[str, Any]]:
    """Seed records whose URLs and addresses name the company's ``{subdomain}``."""
    text = json.dumps(load_seed("recruitee")["records"][component])
    records: list[dict[str, Any]] = json.loads(text.replace("{subdomain}", subdomain))
    return records


# ----------------------------------------------------------------------------- the ASGI app


class RecruiteeSandbox(SandboxApp):
    """The Recruitee ATS stand-in. Create it with :func:`create_recruitee_sandbox`.

    Attributes:
        state: the company's data; tests may read and change it while serving.
        webhooks: Recruitee's webhook deliveries: ``webhooks.register(url, secret)`` sends
            every later event (candidate created, assigned, moved to a stage,
            disqualified, requalified, deleted) to ``url`` (loopback only), signed
            (``X-Recruitee-Signature``), from a background thread, retrying anything but
            exactly 200 after ``retry_delays``; ``webhooks.emit({"test": True}, to=[...])``
            sends the "Test" button's ping; ``webhooks.stats``, ``wait_idle()``.
        token: the Personal API token the stand-in accepts.
        company_id: the company id accepted in paths.
        subdomain: the subdomain accepted in paths instead of the id.
    """

    specs: ClassVar[Mapping[str, str]] = {"recruitee": ""}

    def __init__(
        self,
        state: RecruiteeState,
        *,
        token: str,
        validate: bool = True,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        if not token:
            raise ValueError("token must not be empty")
        self.state = state
        self.token = token
        self.company_id = state.company_id
        self.subdomain = state.subdomain
        self.webhooks = Outbox(
            headers=_recruitee_delivery_headers,
            retries=_recruitee_outcome,
            retry_delays=retry_delays,
        )
        state.subscribe(self.webhooks.emit)
        super().__init__(validate=validate)

    def authenticate(self, call: ApiCall) -> None:
        """Require ``Authorization: Bearer <token>`` (401), then a known company (404)."""
        if not same_secret(bearer_token(call.request), self.token):
            raise SandboxError(401, "Unauthorized")
        if call.params["company_id"] not in (str(self.company_id), self.subdomain):
            raise SandboxError(404, "Company not found")

    @handles("listCandidates")
    def list_candidates(self, call: ApiCall) -> Response:
        body = self.state.list_candidates_json(CandidateQuery.from_params(call.params))
        return Response(body, media_type="application/json")

    @handles("getCandidate")
    def get_candidate(self, call: ApiCall) -> Response:
        return _candidate_response(self.state.get_candidate(call.params["candidate_id"]))

    @handles("createCandidate")
    def create_candidate(self, call: ApiCall) -> Response:
        fields, offers = call.body["candidate"], call.body.get("offers", [])
        return _candidate_response(self.state.create_candidate(fields, offers), 201)

    @handles("updateCandidate")
    def update_candidate(self, call: ApiCall) -> Response:
        changed = self.state.update_candidate(call.params["candidate_id"], call.body["candidate"])
        return _candidate_response(changed)

    @handles("updateCandidateCv")
    def update_cv(self, call: ApiCall) -> Response:
        url = call.body["candidate"]["remote_cv_url"]
        return _candidate_response(self.state.update_cv(call.params["candidate_id"], url))

    @handles("deleteCandidate")
    def delete_candidate(self, call: ApiCall) -> Response:
        candidate = self.state.delete_candidate(call.params["candidate_id"])
        return json_response({"candidate": candidate, "references": []})

    @handles("listCandidateNotes")
    def list_notes(self, call: ApiCall) -> Response:
        return json_response({"notes": self.state.notes(call.params["candidate_id"])})

    @handles("createCandidateNote")
    def create_note(self, call: ApiCall) -> Response:
        note = call.body["note"]
        level = note.get("visibility", {}).get("level", "public")
        created = self.state.add_note(call.params["candidate_id"], note["body"], level)
        return json_response({"note": created}, 201)

    @handles("addCandidateTags")
    def add_tags(self, call: ApiCall) -> Response:
        return _candidate_response(
            self.state.add_tags(call.params["candidate_id"], call.body["tags"])
        )

    @handles("removeCandidateTags")
    def remove_tags(self, call: ApiCall) -> Response:
        tags = call.body["tags"]
        return _candidate_response(self.state.remove_tags(call.params["candidate_id"], tags))

    @handles("listOffers")
    def list_offers(self, call: ApiCall) -> Response:
        offers = self.state.list_offers(
            kind=call.params.get("kind"),
            scope=call.params.get("scope"),
            statuses=call.params.get("statuses[]", ()),
            brief=call.params.get("view_mode") == "brief",
        )
        return json_response({"offers": offers})

    @handles("getOffer")
    def get_offer(self, call: ApiCall) -> Response:
        return json_response({"offer": self.state.get_offer(call.params["offer_id"])})

    @handles("getPipelineTemplate")
    def get_pipeline_template(self, call: ApiCall) -> Response:
        template = self.state.pipeline_template(call.params["pipeline_template_id"])
        return json_response({"pipeline_template": template})

    @handles("createPlacement")
    def create_placement(self, call: ApiCall) -> Response:
        placement = self.state.place(call.body["candidate_id"], call.body["offer_id"])
        return json_response({"placement": placement}, 201)

    @handles("changePlacementStage")
    def change_placement_stage(self, call: ApiCall) -> Response:
        placement = self.state.change_stage(call.params["placement_id"], call.body["stage_id"])
        return json_response({"placement": placement})

    @handles("disqualifyPlacement")
    def disqualify_placement(self, call: ApiCall) -> Response:
        reason_id = call.body["disqualify_reason_id"]
        return json_response(
            {"placement": self.state.disqualify(call.params["placement_id"], reason_id)}
        )

    @handles("requalifyPlacement")
    def requalify_placement(self, call: ApiCall) -> Response:
        return json_response({"placement": self.state.requalify(call.params["placement_id"])})

    @handles("listDisqualifyReasons")
    def list_disqualify_reasons(self, call: ApiCall) -> Response:
        return json_response({"disqualify_reasons": self.state.disqualify_reasons()})

    @handles("createCandidateField")
    def create_candidate_field(self, call: ApiCall) -> Response:
        field = self.state.set_field(call.params["candidate_id"], call.body["field"])
        return json_response({"field": field}, 201)

    @handles("createTask")
    def create_task(self, call: ApiCall) -> Response:
        return json_response({"task": self.state.create_task(call.body["task"])}, 201)

    @handles("listCandidateAttachments")
    def list_attachments(self, call: ApiCall) -> Response:
        return json_response({"attachments": self.state.attachments(call.params["candidate_id"])})


def _recruitee_delivery_headers(subscription: Subscription, body: bytes) -> dict[str, str]:
    headers = {"User-Agent": "Recruitee-Webhooks"}
    if subscription.secret is not None:
        signature = hmac.new(subscription.secret.encode(), body, hashlib.sha256).hexdigest()
        headers["X-Recruitee-Signature"] = signature
    return headers


def _recruitee_outcome(status: int | None) -> Outcome:
    """Only exactly 200 counts as delivered; everything else is retried (fact sheet A9)."""
    return "delivered" if status == 200 else "retry"


def _candidate_response(
    found: tuple[dict[str, Any], list[dict[str, Any]]], status: int = 200
) -> Response:
    candidate, references = found
    return json_response({"candidate": candidate, "references": references}, status)


def create_recruitee_sandbox(
    *,
    token: str = "sandbox-recruitee-token",  # noqa: S107 - opens only the local stand-in
    company_id: int = 4100,
    subdomain: str = "acme",
    candidates: int = 250,
    validate: bool = True,
    clock: Callable[[], datetime] | None = None,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
) -> RecruiteeSandbox:
    """Build a seeded Recruitee stand-in (not yet served: call ``.serve()``).

    Args:
        token: the Personal API token it accepts as ``Authorization: Bearer <token>``.
        company_id: the company id accepted in ``/c/{company_id}``.
        subdomain: accepted in ``/c/{company_id}`` instead of the id.
        candidates: how many candidates to seed (ids count up from 7730001).
        validate: refuse requests the spec refuses (see :class:`SandboxApp`).
        clock: source of "now" (UTC) for changes and ``generated_at``.
        retry_delays: seconds before each further webhook delivery attempt (their number
            plus one is the most attempts a delivery gets).
    """
    state = RecruiteeState(
        company_id=company_id, subdomain=subdomain, candidates=candidates, clock=clock or utcnow
    )
    return RecruiteeSandbox(state, token=token, validate=validate, retry_delays=retry_delays)
