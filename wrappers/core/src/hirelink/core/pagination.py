"""Walking every page of a list operation, lazily, in constant memory.

Each paging style keeps its bookkeeping in one small class that knows nothing about
I/O; a sync and an async driver feed it pages. Providers pass a function that fetches
one page; the walkers yield items one by one and stop on a short (or empty) page.

Styles: offset/limit (Recruitee). Page-number and cursor styles join this module
with the providers that use them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable, Iterator, Sequence
from typing import Generic, TypeVar

from .validation import positive_int

T = TypeVar("T")

KeyFunction = Callable[[T], Hashable]


class OffsetWalk(Generic[T]):
    """Offset/limit bookkeeping.

    Offset paging shifts when records are inserted while we walk (a new record at the
    top pushes the last one of the page we just read onto the next page). With ``key``,
    items already seen on the previous page are dropped, which removes those duplicates
    while keeping memory bounded by one page.
    """

    def __init__(self, *, page_size: int, start: int = 0, key: KeyFunction[T] | None = None):
        self.page_size = positive_int("page_size", page_size)
        self.offset = positive_int("offset", start, minimum=0)
        self.done = False
        self._key = key
        self._previous_keys: frozenset[Hashable] = frozenset()

    def take(self, page: Sequence[T]) -> list[T]:
        """Record a fetched page; return the items to yield."""
        self.offset += len(page)
        self.done = len(page) < self.page_size
        if self._key is None:
            return list(page)
        keys = [self._key(item) for item in page]
        fresh = [item for item, k in zip(page, keys, strict=True) if k not in self._previous_keys]
        self._previous_keys = frozenset(keys)
        return fresh


def iter_offset(
    fetch_page: Callable[[int, int], Sequence[T]],
    *,
    page_size: int,
    start: int = 0,
    key: KeyFunction[T] | None = None,
) -> Iterator[T]:
    """Yield every item, calling ``fetch_page(offset, limit)`` one page at a time."""
    walk: OffsetWalk[T] = OffsetWalk(page_size=page_size, start=start, key=key)
    while not walk.done:
        yield from walk.take(fetch_page(walk.offset, walk.page_size))


async def aiter_offset(
    fetch_page: Callable[[int, int], Awaitable[Sequence[T]]],
    *,
    page_size: int,
    start: int = 0,
    key: KeyFunction[T] | None = None,
) -> AsyncIterator[T]:
    """The async twin of :func:`iter_offset`."""
    walk: OffsetWalk[T] = OffsetWalk(page_size=page_size, start=start, key=key)
    while not walk.done:
        for item in walk.take(await fetch_page(walk.offset, walk.page_size)):
            yield item
