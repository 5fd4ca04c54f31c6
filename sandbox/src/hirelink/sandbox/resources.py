"""What every stand-in's state is made of: seed files, a resource collection, paging.

- :func:`load_seed` reads a stand-in's seed file (``seeds/<name>.json``, package data):
  ``records`` holds fixed records by the spec component they are instances of (a test
  validates each one against it), ``tables`` holds the pools the generated records
  (candidates, applications) draw from; :func:`seed_spacing` times those records.
- :class:`Collection` keeps records by id: get-or-404, insert, replace, remove, select
  (filter and sort), under one lock; :class:`Listings` keeps the selections a listing's
  pages slice until a record changes.
- :func:`offset_page`, :func:`numbered_page` and :class:`Cursors` cut a selection into
  pages the three ways the providers page: offset/limit, page/pageSize and cursors.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import operator
import random
import sys
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib.resources import files
from typing import Any, Generic, TypeVar

import attrs
from starlette.responses import Response

from hirelink.core.specs import spec_path
from hirelink.sandbox.app import (
    ApiCall,
    SandboxError,
    bearer_token,
    handles,
    json_response,
    moment,
    same_secret,
)
from hirelink.sandbox.validation import SpecValidator

__all__ = [
    "Collection",
    "Cursors",
    "Dice",
    "Listings",
    "bears",
    "component_properties",
    "delegate",
    "format_time",
    "load_seed",
    "nonempty",
    "numbered_page",
    "offset_page",
    "require_bearer",
    "require_secret",
    "seed_records",
    "seed_spacing",
    "stamp",
    "utcnow",
    "view",
]

_K = TypeVar("_K", bound=Hashable)
_T = TypeVar("_T")


def utcnow() -> datetime:
    """The current time, UTC (the default clock of every stand-in)."""
    return datetime.now(UTC)


def format_time(moment: datetime, timespec: str = "microseconds") -> str:
    """UTC with a ``Z``: ``2025-01-01T00:00:00.000000Z`` (``timespec`` as in isoformat).

    A naive ``moment`` is taken as UTC already.
    """
    utc = moment.astimezone(UTC) if moment.tzinfo is not None else moment
    return utc.replace(tzinfo=None).isoformat(timespec=timespec) + "Z"


def stamp(field: str, value: str) -> str:
    """A date-time a client sent, written as the stand-ins write times (:func:`format_time`);
    a 422 naming ``field`` when it is none."""
    return format_time(moment(field, value))


@cache
def component_properties(spec: str, component: str) -> tuple[str, ...]:
    """The members the spec's component schema names, in spec order (what a view shows)."""
    return SpecValidator.for_file(spec_path(spec)).properties(component)


@cache
def load_seed(name: str) -> Mapping[str, Any]:
    """The parsed seed file of the stand-in ``name``; treat it as read-only."""
    document: Mapping[str, Any] = json.loads(
        files("hirelink.sandbox").joinpath("seeds", f"{name}.json").read_text("utf-8")
    )
    return document


def seed_records(name: str, component: str, **placeholders: str) -> list[dict[str, Any]]:
    """Fresh copies of the seed records of ``name`` under its spec component ``component``,
    each ``{placeholder}`` in them (``{subdomain}``, ``{company_id}``) filled in."""
    records_by_component = load_seed(name)["records"]
    if component not in records_by_component:
        raise ValueError(
            f"the {name} seed has no records of {component!r}; "
            f"it has {', '.join(sorted(records_by_component))}"
        )
    text = json.dumps(records_by_component[component])
    for placeholder, value in placeholders.items():
        text = text.replace("{" + placeholder + "}", value)
    records: list[dict[str, Any]] = json.loads(text)
    return records


def seed_spacing(
    epoch: datetime, step: timedelta, count: int, tail: timedelta, now: datetime
) -> tuple[datetime, timedelta]:
    """When the first of ``count`` seeded records starts and how far apart they are:
    ``epoch`` and ``step``, unless the last one's stamps (up to ``tail`` after its start)
    would pass ``now``; then closer, up to ``now``, or (with less than a minute each)
    counted back from ``now``. Nothing seeded is then stamped ahead of the clock."""
    now = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    spaced = min(step, max(timedelta(minutes=1), (now - tail - epoch) / max(count, 1)))
    return min(epoch, now - tail - spaced * count), spaced


def view(spec: str, component: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """The members of ``record`` that the spec's component names, in the spec's order."""
    return {key: record[key] for key in component_properties(spec, component) if key in record}


class Listings(Generic[_T]):
    """Selections (filtered, sorted) kept by a key naming how they were made, until the
    records change: the pages of a listing slice one rather than filter and sort every
    record for each page. Not locked: the owner holds its lock around every call."""

    def __init__(self, kept: int = 8) -> None:
        self._kept = kept
        self._selections: dict[Hashable, Sequence[_T]] = {}

    def get(self, key: Hashable, select: Callable[[], Sequence[_T]]) -> Sequence[_T]:
        """The selection ``key``, made by ``select()`` if it is not kept (treat as read-only)."""
        if key not in self._selections:
            if len(self._selections) >= self._kept:  # a watch's moving filters make new ones
                self._selections.clear()
            self._selections[key] = select()
        return self._selections[key]

    def clear(self) -> None:
        """Forget every selection: a record was added, changed or removed."""
        self._selections.clear()


class Collection(Generic[_K]):
    """Records (JSON objects) by id, in insertion order, guarded by one lock.

    Stored records are replaced, never changed in place, so a record read out may be
    rendered without holding the lock.

    Args:
        records: the initial records.
        not_found: the error for an unknown id (the provider's 404).
        key: how to read a record's id (its ``"id"`` member by default).
    """

    def __init__(
        self,
        records: Iterable[dict[str, Any]] = (),
        *,
        not_found: Callable[[], SandboxError],
        key: Callable[[Mapping[str, Any]], _K] = lambda record: record["id"],
        lock: threading.RLock | None = None,
    ) -> None:
        self.lock = lock or threading.RLock()
        self._not_found = not_found
        self._key = key
        self._records: dict[_K, dict[str, Any]] = {key(record): record for record in records}
        self._listings: Listings[dict[str, Any]] = Listings()

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def __iter__(self) -> Iterator[dict[str, Any]]:
        with self.lock:
            return iter(list(self._records.values()))

    def keys(self) -> list[_K]:
        with self.lock:
            return list(self._records)

    def find(self, key: _K) -> dict[str, Any] | None:
        with self.lock:
            return self._records.get(key)

    def get(self, key: _K) -> dict[str, Any]:
        """The record ``key``, or the provider's 404."""
        record = self.find(key)
        if record is None:
            raise self._not_found()
        return record

    def put(self, record: dict[str, Any]) -> dict[str, Any]:
        """Insert or replace ``record``; return it."""
        with self.lock:
            self._records[self._key(record)] = record
            self._listings.clear()
        return record

    def update(self, key: _K, **changes: Any) -> dict[str, Any]:
        """Replace the record ``key`` by a copy with ``changes`` (404 if unknown)."""
        with self.lock:
            return self.put({**self.get(key), **changes})

    def remove(self, key: _K) -> dict[str, Any]:
        """Remove and return the record ``key`` (404 if unknown)."""
        with self.lock:
            record = self.get(key)
            del self._records[key]
            self._listings.clear()
            return record

    def next_id(self, first: int) -> int:
        """One more than the highest integer id, or ``first`` when empty."""
        with self.lock:
            return max((k for k in self._records if isinstance(k, int)), default=first - 1) + 1

    def select(
        self,
        where: Callable[[Mapping[str, Any]], bool] | None = None,
        *,
        order: Callable[[Mapping[str, Any]], Any] | None = None,
        newest_first: bool = False,
    ) -> list[dict[str, Any]]:
        """The records ``where`` accepts, sorted by ``order`` (insertion order without)."""
        with self.lock:
            chosen = [r for r in self._records.values() if where is None or where(r)]
        if order is not None:
            chosen.sort(key=order, reverse=newest_first)
        return chosen

    def listing(
        self,
        matches: Callable[[Mapping[str, Any], Mapping[str, Any]], bool],
        filters: Mapping[str, Any],
        *,
        order: Callable[[Mapping[str, Any]], Any],
        newest_first: bool = False,
    ) -> Sequence[dict[str, Any]]:
        """The records ``matches(record, filters)`` accepts, sorted by ``order``: a
        selection kept until a record changes (see :class:`Listings`; do not change it).
        Pass the same functions each time (they are part of the key) and hashable filters."""
        key = (matches, order, newest_first, tuple(sorted(filters.items())))
        with self.lock:
            return self._listings.get(
                key,
                lambda: self.select(
                    lambda record: matches(record, filters), order=order, newest_first=newest_first
                ),
            )


def offset_page(items: Iterable[_T], offset: int | None, limit: int | None) -> list[_T]:
    """``limit`` items from ``offset``; everything when neither is given. A generator is
    read only as far as the page goes."""
    start = min(offset or 0, sys.maxsize)  # beyond any sequence: an empty page
    stop = None if limit is None else min(start + limit, sys.maxsize)
    return list(itertools.islice(items, start, stop))


def numbered_page(
    items: Sequence[_T], page: int | None, page_size: int | None, default_size: int
) -> list[_T]:
    """Page ``page`` (from 1) of ``page_size`` items; everything when neither is given."""
    if page is None and page_size is None:
        return list(items)
    size = page_size or default_size
    return offset_page(items, ((page or 1) - 1) * size, size)


@attrs.frozen
class _Cursor:
    kind: str
    filters: tuple[tuple[str, Any], ...]
    offset: int
    limit: int


class Cursors:
    """Opaque, deterministic cursors remembering a listing's filters and position."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cursors: dict[str, _Cursor] = {}

    def page(
        self,
        kind: str,
        items: Callable[[Mapping[str, Any]], Sequence[_T]],
        filters: Mapping[str, Any],
        cursor: str | None,
        limit: int | None,
        *,
        unknown: Callable[[str], SandboxError],
    ) -> tuple[list[_T], str | None]:
        """One page of ``items(filters)`` and the cursor of the next page, if any.

        A ``cursor`` carries the filters and the limit of the page that produced it; a
        ``limit`` given with it overrides that one for this page and the next cursor.
        """
        offset = 0
        if cursor is not None:
            with self._lock:
                state = self._cursors.get(cursor)
            if state is None or state.kind != kind:
                raise unknown(cursor)
            filters, offset, limit = dict(state.filters), state.offset, limit or state.limit
        assert limit is not None
        selected = items(filters)
        chunk = list(selected[offset : offset + limit])
        if offset + limit >= len(selected):
            return chunk, None
        frozen = tuple(sorted(filters.items()))
        seed = f"{kind}:{frozen}:{offset + limit}:{limit}".encode()
        next_cursor = "cur_" + hashlib.sha256(seed).hexdigest()[:20]
        with self._lock:
            self._cursors[next_cursor] = _Cursor(kind, frozen, offset + limit, limit)
        return chunk, next_cursor


class Dice(random.Random):
    """A seeded ``random.Random`` with the draws seeding needs (not for secrets).

    Each draw takes exactly one ``random()``, so seeded data does not depend on how a
    Python version implements ``choice`` or ``randrange``.
    """

    def below(self, bound: int) -> int:
        """An integer from 0 up to, not including, ``bound``."""
        return int(self.random() * bound)

    def chance(self, probability: float) -> bool:
        """True with ``probability``."""
        return self.random() < probability

    def pick(self, items: Sequence[_T]) -> _T:
        """One of ``items``."""
        return items[self.below(len(items))]

    def subset(self, items: Sequence[_T], size: int) -> list[_T]:
        """``size`` distinct items (at most ``len(items)``), in the order drawn."""
        size = min(size, len(items))
        chosen: list[_T] = []
        while len(chosen) < size:
            item = self.pick(items)
            if item not in chosen:
                chosen.append(item)
        return chosen


# ------------------------------------------- for handlers: delegating to the state, credentials


def delegate(
    operation_id: str,
    state_method: Callable[..., Any],
    *params: str,
    body: bool = False,
    status: int = 200,
    empty: int = 204,
    envelope: str | None = None,
    owner: str = "state",
) -> Callable[[Any, ApiCall], Response]:
    """A handler of ``operation_id`` that passes the parameters ``params`` (None when
    absent), then the body if ``body``, to ``state_method`` of the stand-in's ``owner``
    (a dotted attribute path: its ``state`` by default).

    The method's result is the JSON answer with ``status`` (as ``{envelope: result}`` if
    ``envelope`` is given); None is an empty answer with ``empty``.
    """
    owner_of = operator.attrgetter(owner)

    @handles(operation_id)
    def handler(stand_in: Any, call: ApiCall) -> Response:
        arguments = [call.params.get(name) for name in params] + ([call.body] if body else [])
        result = state_method(owner_of(stand_in), *arguments)
        if result is None:
            return Response(status_code=empty)
        return json_response(result if envelope is None else {envelope: result}, status)

    return handler


def require_secret(given: str, expected: str) -> None:
    """A 401 "Unauthorized" unless the credential ``given`` is the ``expected`` one."""
    if not same_secret(given, expected):
        raise SandboxError(401, "Unauthorized")


def bears(call: ApiCall, token: str) -> bool:
    """Whether the request carries ``Authorization: Bearer <token>``."""
    return same_secret(bearer_token(call.request), token)


def require_bearer(call: ApiCall, token: str, *company_ids: str) -> None:
    """Recruitee's check of a Personal API token: ``Authorization: Bearer <token>`` (else
    401), then a ``company_id`` path parameter naming one of ``company_ids`` (else 404)."""
    if not bears(call, token):
        raise SandboxError(401, "Unauthorized")
    if call.params["company_id"] not in company_ids:
        raise SandboxError(404, "Company not found")


def nonempty(name: str, value: str) -> str:
    """``value``, or a ValueError naming ``name`` when it is empty (a stand-in's credential)."""
    if not value:
        raise ValueError(f"{name} must not be empty")
    return value
