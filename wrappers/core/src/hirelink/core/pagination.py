"""Walking every page of a list operation, lazily, in constant memory.

Each paging style keeps its bookkeeping in one small class that knows nothing about
I/O; a sync and an async driver feed it pages. Providers pass a function that fetches
one page; the walkers yield items one by one and stop on a short (or empty) page.

Styles:

- offset/limit (Recruitee): :func:`iter_offset` / :func:`aiter_offset`;
- page number/page size (JOIN): :func:`iter_pages` / :func:`aiter_pages`;
- cursors from "next" links (Personio v2): :func:`iter_cursor` / :func:`aiter_cursor`,
  with :func:`cursor_from_link` to read the cursor out of an absolute or relative link.
"""

from __future__ import annotations

import collections
import contextlib
from collections.abc import (
    AsyncGenerator,
    Awaitable,
    Callable,
    Generator,
    Hashable,
    Iterator,
    Sequence,
)
from typing import ClassVar, Generic, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit

from .errors import MalformedResponseError
from .secrets import scrub
from .validation import positive_int

T = TypeVar("T")

KeyFunction = Callable[[T], Hashable]


class _Recent:
    """The last ``size`` keys added (each one not among them already), with membership
    in constant time: what a walk remembers, its memory bounded."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._order: collections.deque[Hashable] = collections.deque()
        self._members: set[Hashable] = set()

    def __contains__(self, key: Hashable) -> bool:
        return key in self._members

    def __len__(self) -> int:
        return len(self._order)

    def add(self, key: Hashable) -> None:
        self._order.append(key)
        self._members.add(key)
        if len(self._order) > self._size:
            self._members.discard(self._order.popleft())


class _Located(Protocol):
    @property
    def where(self) -> str:
        """The page a walk asks for next, as an error names it (built only for one)."""
        ...


class _NotRepeated(Generic[T]):
    """Drops the items of a page that were among the last :attr:`REMEMBERED` items read,
    by ``key`` (no ``key``: keeps every item, and only the same page twice counts as a
    repeat). Offset and page-number paging both shift when records are inserted while a
    walk reads (a new record at the top pushes the last one of the page just read onto the
    next page, and a page's worth of them a whole page); a cursor may hand out a record
    again that moved (Personio's, when a record is updated mid-walk). This removes those
    repeats, with memory bounded by :attr:`REMEMBERED` keys.

    A page made only of the previous page's records can come from a burst of insertions,
    but two in a row mean the endpoint ignores the page asked for: the walk would ask for
    ever (a page number or offset it ignores answers the same records again).
    :meth:`check` then raises. (Only the previous page counts here: a burst of two pages'
    worth makes two pages in a row of records read before, and the walk goes on. Exactly
    a page's worth arriving before each of two pages in a row, a page less one record for
    offsets, looks the same as an endpoint ignoring the page, and stops the walk.)
    """

    REMEMBERED: ClassVar[int] = 10_000

    def __init__(self, key: KeyFunction[T] | None, operation: str) -> None:
        self._key = key
        self._operation = operation
        self._read_keys = _Recent(self.REMEMBERED)
        self._previous_page: list[T] = []
        self._previous_keys: frozenset[Hashable] = frozenset()
        self._stale_pages = 0
        self._read = 0

    def fresh(self, page: Sequence[T]) -> list[T]:
        if self._key is None:  # no key to tell repeats by: the same page again is stale
            fresh = list(page)
            repeated = bool(page) and fresh == self._previous_page
            self._previous_page = fresh
        else:
            keys = [self._key(item) for item in page]
            fresh = []
            for item, key in zip(page, keys, strict=True):
                if key not in self._read_keys:
                    fresh.append(item)
                    self._read_keys.add(key)
            repeated = bool(page) and self._previous_keys.issuperset(keys)
            self._previous_keys = frozenset(keys)
        self._stale_pages = self._stale_pages + 1 if repeated else 0
        self._read += len(fresh)
        return fresh

    def check(self, walk: _Located) -> None:
        """Raise when two full pages in a row repeated the page before them (the second
        being the one ``walk`` asked for)."""
        if self._stale_pages >= 2:
            raise MalformedResponseError(
                self._operation,
                f"{walk.where} and the one before it repeated the page before them: the "
                f"endpoint ignores paging, so the walk stops after "
                f"{self._read} records",
            )


@contextlib.contextmanager
def _reading(walk: _Located) -> Iterator[None]:
    """Notes on an answer that does not read which page ``walk`` asked for (the other
    errors name it in their URL)."""
    try:
        yield
    except MalformedResponseError as error:
        error.add_note(f"while reading {walk.where}")
        raise


class OffsetWalk(Generic[T]):
    """Offset/limit bookkeeping. With ``key``, items read already (the offsets shifted
    under insertions) are dropped, and (``page_size`` above 1) each page
    after the first starts at the previous page's last item: a record deleted from a page
    already read moves the rest up by one, and the record that moved onto the read page is
    then still fetched (one deletion per page is absorbed, for one more item per page)."""

    def __init__(
        self,
        *,
        page_size: int,
        start: int = 0,
        key: KeyFunction[T] | None = None,
        operation: str = "offset paging",
    ):
        self.page_size = positive_int("page_size", page_size)
        self.offset = positive_int("offset", start, minimum=0)
        self.done = False
        self._repeats: _NotRepeated[T] = _NotRepeated(key, operation)
        self._overlap = 1 if key is not None and self.page_size > 1 else 0

    @property
    def where(self) -> str:
        """The page asked for next, as an error names it."""
        return f"the page at offset {self.offset}"

    def take(self, page: Sequence[T]) -> list[T]:
        """Record a fetched page; return the items to yield."""
        # A longer page than asked for means the endpoint ignored paging and sent
        # everything: stop, or the walk would fetch the same records forever.
        self.done = len(page) != self.page_size
        fresh = self._repeats.fresh(page)
        if not self.done:
            self._repeats.check(self)
        self.offset += len(page) - (0 if self.done else self._overlap)
        return fresh


def iter_offset(
    fetch_page: Callable[[int, int], Sequence[T]],
    *,
    page_size: int,
    start: int = 0,
    key: KeyFunction[T] | None = None,
    operation: str = "offset paging",
) -> Generator[T, None, None]:
    """Yield every item, calling ``fetch_page(offset, limit)`` one page at a time."""
    walk: OffsetWalk[T] = OffsetWalk(page_size=page_size, start=start, key=key, operation=operation)
    while not walk.done:
        with _reading(walk):
            page = fetch_page(walk.offset, walk.page_size)
        yield from walk.take(page)


async def aiter_offset(
    fetch_page: Callable[[int, int], Awaitable[Sequence[T]]],
    *,
    page_size: int,
    start: int = 0,
    key: KeyFunction[T] | None = None,
    operation: str = "offset paging",
) -> AsyncGenerator[T, None]:
    """The async twin of :func:`iter_offset`."""
    walk: OffsetWalk[T] = OffsetWalk(page_size=page_size, start=start, key=key, operation=operation)
    while not walk.done:
        with _reading(walk):
            page = await fetch_page(walk.offset, walk.page_size)
        for item in walk.take(page):
            yield item


class PageWalk(Generic[T]):
    """Page-number bookkeeping: ``page`` counts from ``first_page``.

    A short page ends the walk, and so does a long one (the endpoint ignored paging). With
    ``key``, items read already (insertions shifted the pages) are dropped. Page numbers
    cannot overlap as offsets do (:class:`OffsetWalk`): a record deleted from a page
    already read moves the next page's first item onto it, unread.
    """

    def __init__(
        self,
        *,
        page_size: int,
        first_page: int = 1,
        key: KeyFunction[T] | None = None,
        operation: str = "page paging",
    ) -> None:
        self.page_size = positive_int("page_size", page_size)
        self.page = positive_int("first_page", first_page, minimum=0)
        self.done = False
        self._repeats: _NotRepeated[T] = _NotRepeated(key, operation)

    @property
    def where(self) -> str:
        """The page asked for next, as an error names it."""
        return f"page {self.page}"

    def take(self, items: Sequence[T]) -> list[T]:
        self.done = len(items) != self.page_size  # short: the last page; long: paging ignored
        fresh = self._repeats.fresh(items)
        if not self.done:
            self._repeats.check(self)
        self.page += 1
        return fresh


def iter_pages(
    fetch_page: Callable[[int, int], Sequence[T]],
    *,
    page_size: int,
    first_page: int = 1,
    key: KeyFunction[T] | None = None,
    operation: str = "page paging",
) -> Generator[T, None, None]:
    """Yield every item, calling ``fetch_page(page, page_size)`` one page at a time."""
    walk: PageWalk[T] = PageWalk(
        page_size=page_size, first_page=first_page, key=key, operation=operation
    )
    while not walk.done:
        with _reading(walk):
            items = fetch_page(walk.page, walk.page_size)
        yield from walk.take(items)


async def aiter_pages(
    fetch_page: Callable[[int, int], Awaitable[Sequence[T]]],
    *,
    page_size: int,
    first_page: int = 1,
    key: KeyFunction[T] | None = None,
    operation: str = "page paging",
) -> AsyncGenerator[T, None]:
    """The async twin of :func:`iter_pages`."""
    walk: PageWalk[T] = PageWalk(
        page_size=page_size, first_page=first_page, key=key, operation=operation
    )
    while not walk.done:
        with _reading(walk):
            items = await fetch_page(walk.page, walk.page_size)
        for item in walk.take(items):
            yield item


CursorPage = tuple[Sequence[T], str | None]
"""A page's items and the cursor of the next page (None on the last page)."""


class CursorWalk(Generic[T]):
    """Cursor bookkeeping: follows cursors until there is none, refusing to loop.

    A cursor that comes back raises :class:`MalformedResponseError` naming ``operation``
    (the list walked): at once when it is one of the last :attr:`RECENT` cursors, else
    (a loop longer than that) within two rounds of the loop, so that a walk's memory
    does not grow with its pages (Brent's cycle detection).
    """

    RECENT: ClassVar[int] = 1024

    def __init__(
        self, operation: str = "cursor paging", *, key: KeyFunction[T] | None = None
    ) -> None:
        self.operation = operation
        self._repeats: _NotRepeated[T] | None = _NotRepeated(key, operation) if key else None
        self.cursor: str | None = None
        self.done = False
        self._recent = _Recent(self.RECENT)
        self._landmark: str | None = None  # Brent: a cursor to meet again, moved at 2^k
        self._steps, self._power = 0, 1

    @property
    def where(self) -> str:
        """The page asked for next, as an error names it."""
        if self.cursor is None:
            return "the first page"
        return f"the page at cursor {scrub(self.cursor)[:80]!r}"

    def take(self, page: CursorPage[T]) -> Sequence[T]:
        items, next_cursor = page
        if next_cursor is not None:
            if next_cursor in self._recent or next_cursor == self._landmark:
                raise MalformedResponseError(
                    self.operation,
                    f"the cursor {scrub(next_cursor)[:80]!r} came back a second time; "
                    "following it would loop",
                )
            self._remember(next_cursor)
        fresh = items if self._repeats is None else self._repeats.fresh(items)
        if self._repeats is not None and next_cursor is not None:
            self._repeats.check(self)  # the cursor asked for: not moved on yet
        self.cursor = next_cursor
        self.done = next_cursor is None
        return fresh

    def _remember(self, cursor: str) -> None:
        self._recent.add(cursor)
        self._steps += 1
        if self._steps == self._power:
            self._landmark, self._steps, self._power = cursor, 0, self._power * 2


def iter_cursor(
    fetch_page: Callable[[str | None], CursorPage[T]],
    operation: str = "cursor paging",
    *,
    key: KeyFunction[T] | None = None,
) -> Generator[T, None, None]:
    """Yield every item; ``fetch_page(cursor)`` returns (items, next cursor or None).
    With ``key``, an item read already is not yielded again."""
    walk: CursorWalk[T] = CursorWalk(operation, key=key)
    while not walk.done:
        with _reading(walk):
            page = fetch_page(walk.cursor)
        yield from walk.take(page)


async def aiter_cursor(
    fetch_page: Callable[[str | None], Awaitable[CursorPage[T]]],
    operation: str = "cursor paging",
    *,
    key: KeyFunction[T] | None = None,
) -> AsyncGenerator[T, None]:
    """The async twin of :func:`iter_cursor`."""
    walk: CursorWalk[T] = CursorWalk(operation, key=key)
    while not walk.done:
        with _reading(walk):
            page = await fetch_page(walk.cursor)
        for item in walk.take(page):
            yield item


def cursor_from_link(link: str | None, parameter: str = "cursor") -> str | None:
    """The cursor in a "next" link, absolute (``https://host/path?cursor=x``) or relative."""
    if not link:
        return None
    values = parse_qs(urlsplit(link).query).get(parameter)
    return values[0] if values else None
