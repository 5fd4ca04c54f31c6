"""A stateful stand-in for Recruitee's ATS API (``/c/{company_id}/...``), seeded from
``seeds/recruitee.json``. A change replaces a stored JSON value, never changes it in place,
so what the state hands out may share nested values with it: treat those as read-only."""

from __future__ import annotations

import copy
import hashlib
import hmac
import html
import itertools
import json
import operator
import posixpath
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Literal, TypedDict, cast
from urllib.parse import urlsplit

import attrs
from starlette.responses import Response

from hirelink.core.validation import name_key
from hirelink.sandbox.app import ApiCall, SandboxApp, SandboxError, handles, invalid, json_response
from hirelink.sandbox.outbox import DEFAULT_RETRY_DELAYS, Outbox, Subscription
from hirelink.sandbox.resources import (
    Collection,
    Dice,
    Listings,
    delegate,
    format_time,
    load_seed,
    nonempty,
    numbered_page,
    offset_page,
    require_bearer,
    seed_records,
    seed_spacing,
    stamp,
    utcnow,
    view,
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
_HOUR = timedelta(hours=1)
CandidateSort = Literal["by_date", "by_last_message"]
Found = tuple[dict[str, Any], list[dict[str, Any]]]
"""A full candidate and the references it points to."""

_STORAGE = "https://storage.sandbox.invalid"
_BRIEF_OFFER = ("id", "title", "status", "kind")
_UPDATABLE_ARRAYS = ("emails", "phones", "social_links", "links")
_FILE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
_OFFER_COUNTS = [
    f"{kind}candidates_count" for kind in ("", "qualified_", "disqualified_", "hired_")
]


@attrs.define
class CandidateRecord:
    """A stored candidate: ``data`` as GET /candidates/{id} returns it, its ``notes`` (oldest
    first) and the admins who sent it messages (not on the wire; for ``with_my_messages``)."""

    id: int
    data: dict[str, Any]
    notes: list[dict[str, Any]] = attrs.field(factory=list)
    message_sender_ids: frozenset[int] = frozenset()
    list_item_json: bytes | None = attrs.field(default=None, eq=False, repr=False)
    """The list item as JSON, kept until the candidate changes (pages of 100 render 10x faster)."""

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


class CandidateQuery(TypedDict, total=False):
    """The parameters of GET /candidates as the spec reads them (the reference, A3)."""

    limit: int
    offset: int
    created_after: str
    qualified: bool
    disqualified: bool
    with_messages: bool
    with_my_messages: bool
    offer_id: int
    ids: str
    query: str
    sort: CandidateSort


_SORT_KEYS: Mapping[str, Callable[[CandidateRecord], tuple[Any, ...]]] = {
    "by_date": lambda record: (record.created_at, record.id),
    "by_last_message": lambda record: (record.last_message_at or "", record.id),
}
# As Recruitee lists them (captured answers): a disqualified placement carries the kind
# and the reason's name; a qualified one carries neither key, and none has disqualified_at.
_DISQUALIFICATION = ("disqualify_kind", "disqualify_reason")


def _disqualified(placement: Mapping[str, Any]) -> bool:
    return placement.get("disqualify_kind") is not None


_FLAGS: Mapping[str, Callable[[CandidateRecord], bool]] = {
    "qualified": lambda record: any(not _disqualified(p) for p in record.placements),
    "disqualified": lambda record: any(_disqualified(p) for p in record.placements),
    "with_messages": lambda record: record.last_message_at is not None,
    "with_my_messages": lambda record: TOKEN_OWNER_ID in record.message_sender_ids,
}
_SEARCH_SORT_KEYS: Mapping[str, Callable[[CandidateRecord], tuple[Any, ...]]] = {
    "updated_at": lambda record: (record.data["updated_at"], record.id),
}  # any other sort field (relevance, ...) orders by created_at
_RANGES: Mapping[str, Callable[[str, str], bool]] = {
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}
_SCOPES: Mapping[str, Callable[[str], bool]] = {
    "active": lambda status: status in ("published", "internal", "closed"),
    "archived": lambda status: status == "archived",
    "not_archived": lambda status: status != "archived",
}


class RecruiteeState:
    """The data of one Recruitee company, seeded deterministically; thread-safe."""

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
        self.lock = threading.RLock()
        """The lock guarding the state, for callers combining several calls atomically."""
        self._tables = load_seed("recruitee")["tables"]
        admins = seed_records("recruitee", "AdminReference", subdomain=subdomain)
        self._admins = {admin["id"]: admin for admin in admins}
        self._stages = {stage["id"]: stage for stage in seed_records("recruitee", "StageReference")}
        self._offers: Collection[int] = Collection(
            seed_records("recruitee", "Offer", subdomain=subdomain),
            not_found=lambda: SandboxError(404, "Offer not found"),
            lock=self.lock,
        )
        self._templates = {t["id"]: t for t in seed_records("recruitee", "PipelineTemplate")}
        self._reasons = {r["id"]: r for r in seed_records("recruitee", "DisqualifyReason")}
        self._tasks: list[dict[str, Any]] = []
        self._candidates: dict[int, CandidateRecord] = {}
        self._listings: Listings[CandidateRecord] = Listings()
        self._candidate_ids = itertools.count(FIRST_CANDIDATE_ID + candidates)
        self._placement_ids = itertools.count(990001)
        self._field_ids = itertools.count(550001)
        self._task_ids = itertools.count(77001)
        self._note_ids = itertools.count(8800001)
        self._listeners: list[Callable[[dict[str, Any]], object]] = []
        self._seed_candidates(candidates)

    def subscribe(self, listener: Callable[[dict[str, Any]], object]) -> None:
        """Call ``listener(event)`` with each webhook event a change causes, under the lock."""
        with self.lock:
            self._listeners.append(listener)

    # ------------------------------------------------------------------ reading

    def now(self) -> str:
        """The current time in wire format."""
        return format_time(self._clock())

    def candidate_ids(self) -> list[int]:
        """Ids of the stored candidates, ascending."""
        with self.lock:
            return sorted(self._candidates)

    def records(self) -> list[CandidateRecord]:
        """Deep copies of every stored candidate, ascending by id (for assertions)."""
        with self.lock:
            return [copy.deepcopy(self._candidates[key]) for key in sorted(self._candidates)]

    def record(self, candidate_id: int) -> CandidateRecord | None:
        """A deep copy of one stored candidate, or None."""
        with self.lock:
            return copy.deepcopy(self._candidates.get(candidate_id))

    def offers(self) -> list[dict[str, Any]]:
        """Deep copies of every offer (full view), ascending by id."""
        with self.lock:
            return copy.deepcopy(self._offer_views(list(self._offers)))

    def list_candidates(
        self, query: CandidateQuery
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The reduced candidates matching ``query`` and the references they point to."""
        with self.lock:
            page = self._page(query)
            return [_list_item(record) for record in page], self._references(page)

    def list_candidates_json(self, query: CandidateQuery) -> bytes:
        """The whole GET /candidates response body for ``query``, as compact JSON."""
        with self.lock:
            page = self._page(query)
            for record in page:
                if record.list_item_json is None:
                    record.list_item_json = _json(_list_item(record))
            items = b",".join(cast("bytes", record.list_item_json) for record in page)
            rest = {"generated_at": self.now(), "references": self._references(page)}
        return b'{"candidates":[' + items + b"]," + _json(rest).removeprefix(b"{")

    def search_candidates(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """GET /search/new/candidates: a page (``page``, ``limit``: 60 by default, a 500
        above 10 000 as Recruitee answers) of the full candidates matching every filter of
        ``filters_json``, sorted by ``sort_by`` (newest first by default), and the
        ``total``. Filters: ``all`` (``query`` in the name or an e-mail address, any
        case), ``created_at`` and ``updated_at`` (``gt``, ``gte``, ``lt``, ``lte`` in Unix
        seconds); others are ignored, since Recruitee has more fields than the stand-in
        models (a 422 only for what is no filter array)."""
        limit = params.get("limit", 60)
        if limit > 10_000:
            raise SandboxError(500, "Internal server error")
        filters_json, sort_by = params.get("filters_json", "[]"), params.get("sort_by", "")
        tests = [test for given in _filter_objects(filters_json) for test in _search_tests(given)]
        field, _, direction = sort_by.rpartition("_")
        sort_key = _SEARCH_SORT_KEYS.get(field, _SORT_KEYS["by_date"])

        def select() -> list[CandidateRecord]:
            chosen = [r for r in self._candidates.values() if all(test(r) for test in tests)]
            return sorted(chosen, key=sort_key, reverse=direction != "asc")

        with self.lock:
            chosen = self._listings.get(("search", filters_json, sort_by), select)
            hits = numbered_page(chosen, params.get("page", 1), limit, 60)
            return {"hits": [dict(record.data) for record in hits], "total": len(chosen)}

    def get_candidate(self, candidate_id: int) -> dict[str, Any]:
        """The full candidate and its references (404 SandboxError if unknown)."""
        with self.lock:
            return self._answer(self._require(candidate_id))

    def list_notes(self, candidate_id: int) -> dict[str, Any]:
        """The candidate's notes, oldest first (404 SandboxError if unknown)."""
        with self.lock:
            return {"notes": list(self._require(candidate_id).notes)}

    def list_offers(self, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The offers of GET /offers for its parameters as the spec reads them."""
        statuses = params.get("statuses[]")
        in_scope = _SCOPES[params["scope"]] if "scope" in params else None
        with self.lock:
            selected = self._offers.select(
                lambda offer: (
                    params.get("kind", offer["kind"]) == offer["kind"]
                    and (in_scope is None or in_scope(offer["status"]))
                    and (not statuses or offer["status"] in statuses)
                )
            )
            if params.get("view_mode") == "brief":
                return [{key: o[key] for key in _BRIEF_OFFER} for o in selected]
            return self._offer_views(selected)

    def get_offer(self, offer_id: int) -> dict[str, Any]:
        """One offer in full, with its pipeline embedded (404 SandboxError if unknown)."""
        with self.lock:
            offer = self._offer_views([self._offers.get(offer_id)])[0]
            template = self._templates.get(offer["pipeline_template_id"])
            return {"offer": {**offer, "pipeline_template": copy.deepcopy(template)}}

    def get_pipeline_template(self, template_id: int) -> dict[str, Any]:
        """One pipeline template with its stages (404 SandboxError if unknown)."""
        if template_id not in self._templates:
            raise SandboxError(404, "Pipeline template not found")
        return {"pipeline_template": copy.deepcopy(self._templates[template_id])}

    def disqualify_reasons(self) -> list[dict[str, Any]]:
        """The company's disqualify reasons, ascending by id."""
        return [dict(self._reasons[key]) for key in sorted(self._reasons)]

    def departments(self) -> list[dict[str, Any]]:
        """The departments the offers name, ascending by id, each with its offers_count."""
        found: dict[int, dict[str, Any]] = {}
        with self.lock:
            for offer in self._offers:
                department_id = offer.get("department_id")
                if department_id is None:
                    continue
                name = offer["department"]
                entry = found.setdefault(
                    department_id,
                    {
                        "id": department_id,
                        "name": name,
                        "offers_count": 0,
                        "status": "active",
                        "grouped_translations": {"en": {"name": name}},
                    },
                )
                entry["offers_count"] += 1
        return [found[key] for key in sorted(found)]

    def list_attachments(self, candidate_id: int) -> dict[str, Any]:
        """The candidate's files: its CV, when it has one (404 SandboxError if unknown)."""
        with self.lock:
            url = self._require(candidate_id).data["cv_original_url"]
        if not url:
            return {"attachments": []}
        filename = posixpath.basename(urlsplit(url).path)
        content_type = self._tables["contentTypes"].get(posixpath.splitext(filename)[1])
        attachment = {
            "id": candidate_id * 10 + 1,
            "candidate_id": candidate_id,
            "filename": filename,
            "file_url": url,
            "content_type": content_type or "application/octet-stream",
        }
        return {"attachments": [attachment]}

    def tasks(self, candidate_id: int | None = None) -> list[dict[str, Any]]:
        """The tasks created, oldest first (only the candidate's when given)."""
        with self.lock:
            return [dict(t) for t in self._tasks if candidate_id in (None, t["candidate_id"])]

    # ------------------------------------------------------------------ writing

    def create_candidate(self, fields: Mapping[str, Any], offer_ids: Sequence[int] = ()) -> Found:
        """Create a candidate placed in each of ``offer_ids`` (422 for an unknown one)."""
        with self.lock:
            unknown = [f"unknown offer id {i}" for i in offer_ids if i not in self._offers]
            if unknown:
                raise SandboxError(422, "Validation failed", {"offers": unknown})
            now = self.now()
            candidate_id = next(self._candidate_ids)
            data = self._new_candidate(candidate_id, str(fields["name"]), now, now, TOKEN_OWNER_ID)
            data.update({key: list(fields.get(key, [])) for key in (*_UPDATABLE_ARRAYS, "sources")})
            data["cover_letter"] = fields.get("cover_letter")
            offers = list(dict.fromkeys(offer_ids))
            data["placements"] = [
                self._placement(candidate_id, offer_id, self._default_stage(offer_id), now)
                for offer_id in offers
            ]
            if fields.get("remote_cv_url"):
                data.update(_cv_fields(candidate_id, str(fields["remote_cv_url"])))
            record = self._candidates[candidate_id] = CandidateRecord(candidate_id, data)
            self._listings.clear()
            self._emit("new_candidate", "manual", record, next(iter(offers), None))
            return dict(record.data), self._references([record])

    def update_candidate(self, candidate_id: int, body: Mapping[str, Any]) -> dict[str, Any]:
        """Replace the given profile fields (arrays replace); ``remote_cv_url`` sets the CV."""
        fields = body["candidate"]
        if not fields:  # also without spec validation: there would be nothing to do
            raise invalid("candidate", "must contain at least one field to update")
        with self.lock:
            record = self._require(candidate_id)
            kept = (*_UPDATABLE_ARRAYS, "name", "cover_letter")
            changes = {key: copy.copy(value) for key, value in fields.items() if key in kept}
            if "name" in fields:
                changes["initials"] = _initials(fields["name"])
            if fields.get("remote_cv_url"):
                changes.update(_cv_fields(candidate_id, str(fields["remote_cv_url"])))
            self._touch(record, changes)
            return self._answer(record)

    def delete_candidate(self, candidate_id: int) -> dict[str, Any]:
        """Remove the candidate, with their tasks; return it with ``deleted_at`` set."""
        with self.lock:
            record = self._require(candidate_id)
            del self._candidates[candidate_id]
            self._tasks = [task for task in self._tasks if task["candidate_id"] != candidate_id]
            self._listings.clear()
            self._emit("candidate_deleted", None, record, None)
            return {**record.data, "deleted_at": self.now()}

    def add_note(self, candidate_id: int, body: Mapping[str, Any]) -> dict[str, Any]:
        """Append a note to the candidate and return it."""
        given = body["note"]
        level = given.get("visibility", {}).get("level", "public")
        with self.lock:
            record = self._require(candidate_id)
            note = _note(next(self._note_ids), candidate_id, given["body"], self.now(), level)
            record.notes = [*record.notes, note]
            self._touch(record, {"notes_count": len(record.notes)})
            return {"note": note}

    def add_tags(self, candidate_id: int, body: Mapping[str, Any]) -> dict[str, Any]:
        """Add tags the candidate lacks, keeping order; return the candidate."""
        with self.lock:
            record = self._require(candidate_id)
            tags = list(dict.fromkeys([*record.data["tags"], *body["tags"]]))
            self._touch(record, {"tags": tags})
            return self._answer(record)

    def remove_tags(self, candidate_id: int, body: Mapping[str, Any]) -> dict[str, Any]:
        """Remove the given tags from the candidate; return the candidate."""
        with self.lock:
            record = self._require(candidate_id)
            unwanted = set(body["tags"])
            self._touch(record, {"tags": [t for t in record.data["tags"] if t not in unwanted]})
            return self._answer(record)

    def place(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """Place a candidate in an offer (a job at Applied; 422 if placed already)."""
        candidate_id, offer_id = body["candidate_id"], body["offer_id"]
        with self.lock:
            record = self._require(candidate_id)
            if offer_id not in self._offers:
                raise invalid("offer_id", "does not exist")
            if offer_id in {placement["offer_id"] for placement in record.placements}:
                raise invalid("offer_id", "already placed")
            stage_id = self._default_stage(offer_id)
            placement = self._placement(candidate_id, offer_id, stage_id, self.now())
            self._touch(record, {"placements": [*record.placements, placement]})
            self._emit("candidate_assigned", None, record, offer_id)
            return {"placement": dict(placement)}

    def change_stage(
        self, placement_id: int, stage_id: int, hire: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Move a placement to a stage of its job's pipeline (422 for any other stage).

        A move to a hire stage stamps ``hired_at`` (``hire["hired_at"]``, else now) and
        ``hired_by_id`` (the token's owner), and keeps ``hire["job_starts_at"]`` as a
        date-time (a date is its midnight UTC; 422 for neither), as the captured hired
        placements show them."""
        hire = hire or {}
        with self.lock:
            record, placement = self._find_placement(placement_id)
            if stage_id not in self._pipeline_stage_ids(placement["offer_id"]):
                raise invalid("stage_id", "not in the pipeline")
            details = {
                "from_stage": self._event_stage(placement["stage_id"]),
                "to_stage": self._event_stage(stage_id),
            }
            changes: dict[str, Any] = {"stage_id": stage_id}
            if self._stages[stage_id]["category"] == "hire":
                hired_at = hire.get("hired_at")
                changes["hired_at"] = stamp("hired_at", hired_at) if hired_at else self.now()
                changes["hired_by_id"] = TOKEN_OWNER_ID
                starts_at = hire.get("job_starts_at")
                changes["job_starts_at"] = (
                    stamp("job_starts_at", starts_at) if starts_at else placement["job_starts_at"]
                )
            return self._move(record, placement, changes, "stage_changed", details)

    def disqualify(self, placement_id: int, reason_id: int) -> dict[str, Any]:
        """Disqualify a placement with one of the company's reasons; return it."""
        with self.lock:
            record, placement = self._find_placement(placement_id)
            if reason_id not in self._reasons:
                raise invalid("disqualify_reason_id", "does not exist")
            changes = {
                "disqualify_kind": "admin",
                "disqualify_reason": self._reasons[reason_id]["name"],
            }
            return self._move(record, placement, changes, "disqualified")

    def requalify(self, placement_id: int) -> dict[str, Any]:
        """Clear a placement's disqualification; return it (404 if unknown)."""
        with self.lock:
            record, placement = self._find_placement(placement_id)
            qualified = {k: v for k, v in placement.items() if k not in _DISQUALIFICATION}
            return self._move(record, qualified, {}, "requalified")

    def unplace(self, placement_id: int) -> dict[str, Any]:
        """Take a placement off its candidate; return it as it was (404 if unknown)."""
        with self.lock:
            record, placement = self._find_placement(placement_id)
            kept = [p for p in record.placements if p["id"] != placement_id]
            self._touch(record, {"placements": kept}, profile=False)
            return placement

    def set_field(self, candidate_id: int, body: Mapping[str, Any]) -> dict[str, Any]:
        """Store a profile field on the candidate (replacing one of the same name)."""
        field = body["field"]
        with self.lock:
            record = self._require(candidate_id)
            chosen = {key: field[key] for key in ("kind", "name", "values")}
            stored = copy.deepcopy({**self._tables["fieldDefaults"], **chosen})
            stored["id"] = next(self._field_ids)
            same = name_key(str(field["name"]))  # as the wrapper reads names
            kept = [f for f in record.data["fields"] if name_key(str(f.get("name"))) != same]
            self._touch(record, {"fields": [*kept, stored]})
            return {"field": copy.deepcopy(stored)}

    def create_task(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """Create a task about a candidate (422 when the candidate does not exist)."""
        task = body["task"]
        with self.lock:
            record = self._candidates.get(task["candidate_id"])
            if record is None:
                raise invalid("task.candidate_id", "does not exist")  # its body path
            created = {
                "id": next(self._task_ids),
                "candidate_id": record.id,
                "title": task["title"],
                "description": task.get("description"),
                "due_date": task.get("due_date"),
                "timezone": task.get("timezone"),
                "completed": False,
                "created_at": self.now(),
            }
            self._tasks.append(created)
            self._touch(record, {"tasks_count": record.data["tasks_count"] + 1})
            return {"task": dict(created)}

    # ------------------------------------------------------------------ internals

    def _answer(self, record: CandidateRecord) -> dict[str, Any]:
        return {"candidate": dict(record.data), "references": self._references([record])}

    def _require(self, candidate_id: int) -> CandidateRecord:
        if candidate_id not in self._candidates:
            raise SandboxError(404, "Candidate not found")
        return self._candidates[candidate_id]

    def _touch(
        self, record: CandidateRecord, changes: Mapping[str, Any], *, profile: bool = True
    ) -> None:
        """Apply ``changes``; ``profile``: they change the candidate's own record, so its
        ``updated_at`` moves too (a placement's change does not, as captured)."""
        now = self.now()
        record.data.update(changes, last_activity_at=now)
        if profile:
            record.data["updated_at"] = now
        record.list_item_json = None
        self._listings.clear()

    def _pipeline_stage_ids(self, offer_id: int | None) -> list[int]:
        offer = None if offer_id is None else self._offers.get(offer_id)
        if offer is None or offer["kind"] == "talent_pool":  # a pool has no stages
            return []
        template = self._templates.get(offer["pipeline_template_id"])
        return [stage["id"] for stage in template["stages"]] if template else list(self._stages)

    def _default_stage(self, offer_id: int) -> int | None:
        """Where a new placement starts, the pipeline's default stage: its "apply" stage
        (Applied, after Referred and Sourced in Recruitee's default pipeline), else its
        first."""
        stage_ids = self._pipeline_stage_ids(offer_id)
        applied = [i for i in stage_ids if self._stages[i]["category"] == "apply"]
        return next(iter(applied or stage_ids), None)

    def _find_placement(self, placement_id: int) -> tuple[CandidateRecord, dict[str, Any]]:
        for record in self._candidates.values():
            for placement in record.placements:
                if placement["id"] == placement_id:
                    return record, placement
        raise SandboxError(404, "Placement not found")

    def _move(
        self,
        record: CandidateRecord,
        placement: dict[str, Any],
        changes: Mapping[str, Any],
        event_subtype: str,
        details: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Change a placement, then announce it as ``candidate_moved``; return it. The
        candidate's own ``updated_at`` stays: in the captured answers, placements hired or
        disqualified weeks later did not change it."""
        changed = {**placement, **changes, "updated_at": self.now()}
        placements = [changed if p["id"] == placement["id"] else p for p in record.placements]
        self._touch(record, {"placements": placements}, profile=False)
        self._emit("candidate_moved", event_subtype, record, placement["offer_id"], details)
        return dict(changed)

    def _emit(
        self,
        event_type: str,
        event_subtype: str | None,
        record: CandidateRecord,
        offer_id: int | None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Tell the listeners, in the shape of the spec's ``webhooks`` (members inferred)."""
        candidate = {key: record.data[key] for key in ("id", "name", "emails", "phones")}
        payload: dict[str, Any] = {"candidate": candidate}
        if offer_id is not None:
            offer = self._offers.get(offer_id)
            payload["offer"] = {key: offer[key] for key in ("id", "title", "slug")}
        if details is not None:
            payload["details"] = dict(details)
        event = {"event_type": event_type, "event_subtype": event_subtype, "payload": payload}
        for listener in self._listeners:
            listener(event)

    def _event_stage(self, stage_id: int | None) -> dict[str, Any] | None:
        stage = self._stages.get(stage_id) if stage_id is not None else None
        return None if stage is None else {key: stage[key] for key in ("id", "name", "category")}

    def _page(self, query: CandidateQuery) -> list[CandidateRecord]:
        tests = [test for flag, test in _FLAGS.items() if query.get(flag)]
        if "ids" in query:
            wanted = {int(part) for part in query["ids"].split(",")}
            tests.append(lambda record: record.id in wanted)
        if "created_after" in query:  # the spec's pattern: seconds and ``Z`` optional, UTC
            after = stamp("created_after", query["created_after"])  # 422 for a 30th of February
            tests.append(lambda record: record.created_at > after)
        if "offer_id" in query:
            offer_id = query["offer_id"]
            tests.append(lambda record: offer_id in (p["offer_id"] for p in record.placements))
        if query.get("query"):
            needle = query["query"].casefold()
            tests.append(lambda record: any(needle in text for text in self._texts(record)))
        sort_key = _SORT_KEYS[query.get("sort", "by_date")]

        def select() -> list[CandidateRecord]:  # filtered first: a watch's polls match few
            chosen = [r for r in self._candidates.values() if all(test(r) for test in tests)]
            return sorted(chosen, key=sort_key, reverse=True)

        filters = tuple(sorted((k, v) for k, v in query.items() if k not in ("offset", "limit")))
        chosen = self._listings.get(filters, select)
        return offset_page(chosen, query.get("offset"), query.get("limit"))

    def _texts(self, record: CandidateRecord) -> list[str]:
        """What ``query`` searches: the name and the titles of the offers, casefolded."""
        titles = [self._offers.get(p["offer_id"])["title"] for p in record.placements]
        return [text.casefold() for text in [record.data["name"], *titles]]

    def _references(self, records: Sequence[CandidateRecord]) -> list[dict[str, Any]]:
        placements = [placement for record in records for placement in record.placements]
        offer_ids = {placement["offer_id"] for placement in placements}
        stage_ids = {placement["stage_id"] for placement in placements}
        admin_ids = {p["hired_by_id"] for p in placements} | {r.data["admin_id"] for r in records}
        offers = [self._offers.get(offer_id) for offer_id in sorted(offer_ids)]
        return [
            *({"type": "Offer", **view("recruitee", "OfferReference", o)} for o in offers),
            *(dict(self._stages[i]) for i in sorted(self._stages.keys() & stage_ids)),
            *(dict(self._admins[i]) for i in sorted(self._admins.keys() & admin_ids)),
        ]

    def _offer_views(self, offers: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        counts: Counter[tuple[int, str]] = Counter()
        for record in self._candidates.values():
            for placement in record.placements:
                offer_id = placement["offer_id"]
                status = "disqualified" if _disqualified(placement) else "qualified"
                counts[offer_id, "candidates_count"] += 1
                counts[offer_id, f"{status}_candidates_count"] += 1
                if placement["hired_at"] is not None:
                    counts[offer_id, "hired_candidates_count"] += 1
        return [{**o, **{key: counts[o["id"], key] for key in _OFFER_COUNTS}} for o in offers]

    def _new_candidate(
        self, candidate_id: int, name: str, created_at: str, updated_at: str, admin_id: int | None
    ) -> dict[str, Any]:
        defaults = copy.deepcopy(self._tables["candidateDefaults"])
        url = defaults["adminapp_url"].format(id=candidate_id, company=self.company_id)
        return {
            **defaults,
            "id": candidate_id,
            "name": name,
            "admin_id": admin_id,
            "adminapp_url": url,
            "created_at": created_at,
            "updated_at": updated_at,
            "initials": _initials(name),
            "last_activity_at": updated_at,
        }

    def _placement(
        self, candidate_id: int, offer_id: int, stage_id: int | None, created_at: str
    ) -> dict[str, Any]:
        """A new placement in a job (at ``stage_id``) or in a talent pool (``stage_id`` None)."""
        return {
            **copy.deepcopy(self._tables["placementDefaults"]),
            "id": next(self._placement_ids),
            "candidate_id": candidate_id,
            "offer_id": offer_id,  # a pool's id for a talent pool, as captured live
            "stage_id": stage_id,
            "created_at": created_at,
            "updated_at": created_at,
        }

    def _seed_candidates(self, count: int) -> None:
        dice = Dice(f"hirelink-recruitee:{self.company_id}")
        tables = self._tables
        admin_ids, stage_ids = list(self._admins), list(self._stages)
        # A candidate's latest stamp is its last message's, up to 98 hours after it came.
        start, step = seed_spacing(SEED_EPOCH, _HOUR, count, 98 * _HOUR, self._clock())
        for number in range(1, count + 1):
            candidate_id = FIRST_CANDIDATE_ID + number - 1
            first, last = dice.pick(tables["firstNames"]), dice.pick(tables["lastNames"])
            created = start + step * number
            updated_at = format_time(created + timedelta(hours=1 + dice.below(72)))
            source = dice.pick(tables["candidateSources"])
            admin_id = dice.pick(admin_ids) if source == "manual" else None
            data = self._new_candidate(
                candidate_id, f"{first} {last}", format_time(created), updated_at, admin_id
            )
            data["emails"] = [f"{first.lower()}.{last.lower()}.{number}@example.org"]
            data["phones"] = [f"+46701{number:06d}"]
            data["source"] = source
            placed_at = format_time(created + timedelta(seconds=1))
            placements = []
            for offer_id in sorted(dice.subset(self._offers.keys(), 1 + dice.below(2))):
                is_pool = self._offers.get(offer_id)["kind"] == "talent_pool"
                stage_id = None if is_pool else dice.pick(stage_ids)
                placement = self._placement(candidate_id, offer_id, stage_id, placed_at)
                if stage_id == stage_ids[-1]:
                    placement["hired_at"] = updated_at
                    placement["hired_by_id"] = dice.pick(admin_ids)
                elif dice.chance(0.25):
                    placement["disqualify_kind"] = "admin"
                    placement["disqualify_reason"] = self._reasons[301]["name"]
                placements.append(placement)
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
                notes.append(_note(next(self._note_ids), candidate_id, body, note_time, visibility))
            data["notes_count"] = len(notes)
            self._candidates[candidate_id] = CandidateRecord(candidate_id, data, notes, senders)


def _filter_objects(filters_json: str) -> list[dict[str, Any]]:
    try:
        filters = json.loads(filters_json)
    except ValueError:
        filters = None
    if not isinstance(filters, list) or not all(isinstance(f, dict) for f in filters):
        raise invalid("filters_json", "must be a JSON array of filter objects")
    return filters


def _search_tests(given: Mapping[str, Any]) -> list[Callable[[CandidateRecord], bool]]:
    """The tests of one search filter the stand-in models (none for other fields)."""
    field = given.get("field")
    if field == "all" and isinstance(given.get("query"), str):
        needle = given["query"].casefold()
        return [
            lambda r: any(needle in text.casefold() for text in [r.data["name"], *r.data["emails"]])
        ]
    if field not in ("created_at", "updated_at"):
        return []
    return [
        _in_range(field, compare, _unix_stamp(given[name]))
        for name, compare in _RANGES.items()
        if name in given
    ]


def _in_range(
    field: str, compare: Callable[[str, str], bool], bound: str
) -> Callable[[CandidateRecord], bool]:
    return lambda record: compare(record.data[field], bound)


def _unix_stamp(seconds: object) -> str:
    """Unix seconds (a number or its text) as the stand-in writes times; else a 422."""
    if isinstance(seconds, int | float | str) and not isinstance(seconds, bool):
        try:
            return format_time(datetime.fromtimestamp(float(seconds), UTC))
        except (ValueError, OverflowError, OSError):
            pass
    raise invalid("filters_json", f"{seconds!r} is no Unix time in seconds")


def _list_item(record: CandidateRecord) -> dict[str, Any]:
    return view("recruitee", "CandidateListItem", record.data)


def _json(value: Any) -> bytes:
    """Compact JSON, as Starlette's JSONResponse renders it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


def _cv_fields(candidate_id: int, remote_cv_url: str) -> dict[str, Any]:
    """Storage URLs a CV downloaded from ``remote_cv_url`` would get (deterministic)."""
    digest = hashlib.sha256(remote_cv_url.encode()).hexdigest()[:12]
    suffix = posixpath.splitext(urlsplit(remote_cv_url).path)[1].lower()
    return _stored_cv(candidate_id, digest, suffix if _FILE_SUFFIX.fullmatch(suffix) else ".pdf")


def _stored_cv(candidate_id: int, key: str, suffix: str) -> dict[str, Any]:
    base = f"{_STORAGE}/candidates/{candidate_id}/cv_{key}"
    return {
        "cv_url": f"{base}.pdf",
        "cv_original_url": f"{base}{suffix}",
        "attachments_count": 1,
    }


def _note(note_id: int, candidate_id: int, body: str, at: str, visibility: str) -> dict[str, Any]:
    return {
        "id": note_id,
        "candidate_id": candidate_id,
        "body": body,
        "body_html": f"<p>{html.escape(body)}</p>",
        "created_at": at,
        "updated_at": at,
        "pinned_at": None,
        "visibility": {"level": visibility},
    }


# ----------------------------------------------------------------------------- the ASGI app


class RecruiteeSandbox(SandboxApp):
    """A seeded Recruitee ATS stand-in (not yet served: call ``.serve()``).

    It accepts ``Authorization: Bearer <token>`` and names the company in
    ``/c/{company_id}`` by ``company_id`` or ``subdomain``; ``candidates`` are seeded with
    ids from 7730001; ``validate`` refuses what the spec refuses; ``clock`` gives "now"
    (UTC). ``state`` is the company's data (tests may read and change it while serving);
    ``webhooks`` delivers each change to the loopback URLs of ``webhooks.register(url,
    secret)``, signed (``X-Recruitee-Signature``), and retries after each of ``retry_delays``
    seconds unless answered exactly 200 (``webhooks.emit({"test": True}, to=[...])`` is the
    "Test" ping).
    """

    specs: ClassVar[Mapping[str, str]] = {"recruitee": ""}

    def __init__(
        self,
        *,
        token: str = "sandbox-recruitee-token",  # noqa: S107 - opens only the local stand-in
        company_id: int = 4100,
        subdomain: str = "acme",
        candidates: int = 250,
        validate: bool = True,
        clock: Callable[[], datetime] | None = None,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        self.token = nonempty("token", token)
        self.company_id, self.subdomain = company_id, subdomain
        self.state = RecruiteeState(
            company_id=company_id, subdomain=subdomain, candidates=candidates, clock=clock or utcnow
        )
        self.webhooks = Outbox(
            headers=_delivery_headers,
            # Our reading (unpublished): only exactly 200 counts; all else is retried.
            retries=lambda status: "delivered" if status == 200 else "retry",
            retry_delays=retry_delays,
        )
        self.state.subscribe(self.webhooks.emit)
        super().__init__(validate=validate)

    def authenticate(self, call: ApiCall) -> None:
        """Require ``Authorization: Bearer <token>`` (401), then a known company (404)."""
        require_bearer(call, self.token, str(self.company_id), self.subdomain)

    get_candidate = delegate("getCandidate", RecruiteeState.get_candidate, "candidate_id")
    update_candidate = delegate(
        "updateCandidate", RecruiteeState.update_candidate, "candidate_id", body=True
    )
    list_notes = delegate("listCandidateNotes", RecruiteeState.list_notes, "candidate_id")
    create_note = delegate(
        "createCandidateNote", RecruiteeState.add_note, "candidate_id", body=True, status=201
    )
    add_tags = delegate("addCandidateTags", RecruiteeState.add_tags, "candidate_id", body=True)
    remove_tags = delegate(
        "removeCandidateTags", RecruiteeState.remove_tags, "candidate_id", body=True
    )
    get_offer = delegate("getOffer", RecruiteeState.get_offer, "offer_id")
    get_pipeline_template = delegate(
        "getPipelineTemplate", RecruiteeState.get_pipeline_template, "pipeline_template_id"
    )
    create_placement = delegate("createPlacement", RecruiteeState.place, body=True, status=201)
    create_candidate_field = delegate(
        "createCandidateField", RecruiteeState.set_field, "candidate_id", body=True, status=201
    )
    create_task = delegate("createTask", RecruiteeState.create_task, body=True, status=201)
    list_attachments = delegate(
        "listCandidateAttachments", RecruiteeState.list_attachments, "candidate_id"
    )

    @handles("listCandidates")
    def list_candidates(self, call: ApiCall) -> Response:
        body = self.state.list_candidates_json(cast("CandidateQuery", call.params))
        return Response(body, media_type="application/json")

    @handles("searchCandidates")
    def search_candidates(self, call: ApiCall) -> Response:
        return json_response(self.state.search_candidates(call.params))

    @handles("createCandidate")
    def create_candidate(self, call: ApiCall) -> Response:
        fields, offers = call.body["candidate"], call.body.get("offers", [])
        candidate, references = self.state.create_candidate(fields, offers)
        return json_response({"candidate": candidate, "references": references}, 201)

    @handles("updateCandidateCv")
    def update_cv(self, call: ApiCall) -> Response:
        fields = {"remote_cv_url": call.body["candidate"]["remote_cv_url"]}
        changed = self.state.update_candidate(call.params["candidate_id"], {"candidate": fields})
        return json_response(changed)

    @handles("deleteCandidate")
    def delete_candidate(self, call: ApiCall) -> Response:
        candidate = self.state.delete_candidate(call.params["candidate_id"])
        return json_response({"candidate": candidate, "references": []})

    @handles("listOffers")
    def list_offers(self, call: ApiCall) -> Response:
        return json_response({"offers": self.state.list_offers(call.params)})

    @handles("changePlacementStage")
    def change_placement_stage(self, call: ApiCall) -> Response:
        body = call.body
        placement = self.state.change_stage(call.params["placement_id"], body["stage_id"], body)
        return json_response({"placement": placement})

    @handles("disqualifyPlacement")
    def disqualify_placement(self, call: ApiCall) -> Response:
        reason_id = call.body["disqualify_reason_id"]
        placement = self.state.disqualify(call.params["placement_id"], reason_id)
        return json_response({"placement": placement})

    requalify_placement = delegate(
        "requalifyPlacement", RecruiteeState.requalify, "placement_id", envelope="placement"
    )
    delete_placement = delegate(
        "deletePlacement", RecruiteeState.unplace, "placement_id", envelope="placement"
    )
    list_disqualify_reasons = delegate(
        "listDisqualifyReasons", RecruiteeState.disqualify_reasons, envelope="disqualify_reasons"
    )
    list_departments = delegate(
        "listDepartments", RecruiteeState.departments, envelope="departments"
    )


def _delivery_headers(subscription: Subscription, body: bytes) -> dict[str, str]:
    headers = {"User-Agent": "Recruitee-Webhooks"}
    if subscription.secret is not None:
        signature = hmac.new(subscription.secret.encode(), body, hashlib.sha256).hexdigest()
        headers["X-Recruitee-Signature"] = signature
    return headers


create_recruitee_sandbox = RecruiteeSandbox
"""Build a seeded Recruitee stand-in: :class:`RecruiteeSandbox` with its defaults."""
