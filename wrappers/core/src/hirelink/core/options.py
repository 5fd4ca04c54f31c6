"""Per-call overrides of client settings.

The generated endpoint functions take no timeout or retry arguments, so per-call options
travel in a context variable that the transport reads. Context variables are per thread
and per asyncio task, so concurrent calls never see each other's overrides::

    with request_options(timeout=5, max_retries=0):
        client.get_candidate(42)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx
from attrs import define, evolve

from .errors import InvalidInputError
from .validation import positive_seconds


@define(frozen=True)
class RequestOptions:
    """Settings that override the client's for the calls made inside :func:`request_options`."""

    timeout: httpx.Timeout | None = None
    max_retries: int | None = None


_NO_OVERRIDES = RequestOptions()  # frozen, so sharing it as the default is safe
_current: ContextVar[RequestOptions] = ContextVar("hirelink_options", default=_NO_OVERRIDES)


def as_timeout(field: str, value: float | httpx.Timeout | None) -> httpx.Timeout:
    """Normalise a user-given timeout (seconds, an httpx.Timeout, or None for no limit).
    Each limit an ``httpx.Timeout`` sets is checked as seconds are (``timeout.read``...):
    httpx takes NaN, a negative number or infinity, and the request then fails with a
    bare ValueError or OverflowError."""
    if isinstance(value, httpx.Timeout):
        for step in ("connect", "read", "write", "pool"):
            seconds = getattr(value, step)
            if seconds is not None:
                positive_seconds(f"{field}.{step}", seconds)
        return value
    if value is None:
        return httpx.Timeout(None)
    return httpx.Timeout(positive_seconds(field, value))


def check_max_retries(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError("max_retries", f"must be a whole number >= 0, got {value!r}")
    return value


@contextmanager
def request_options(
    *, timeout: float | httpx.Timeout | None = None, max_retries: int | None = None
) -> Iterator[RequestOptions]:
    """Override timeout and/or retries for every call made in the ``with`` block."""
    options = _current.get()
    if timeout is not None:
        options = evolve(options, timeout=as_timeout("timeout", timeout))
    if max_retries is not None:
        options = evolve(options, max_retries=check_max_retries(max_retries))
    token = _current.set(options)
    try:
        yield options
    finally:
        _current.reset(token)


def current_options() -> RequestOptions:
    return _current.get()
