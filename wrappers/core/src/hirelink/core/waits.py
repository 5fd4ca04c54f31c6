"""How long a server asks a client to wait before trying again, from its headers."""

from __future__ import annotations

import email.utils
import math
import re
import time
from collections.abc import Callable
from datetime import UTC
from typing import Final

import httpx

__all__ = ["LONG_WAIT", "server_requested_wait"]

LONG_WAIT: Final = 5.0
"""A retry or a rate-limit hold that waits longer than this many seconds is logged as a
WARNING (else INFO): a long wait looks like a hang from outside."""


def server_requested_wait(
    headers: httpx.Headers, now: Callable[[], float] = time.time, *, rate_limited: bool = True
) -> float | None:
    """Seconds the server asked us to wait, from ``Retry-After`` or ``x-ratelimit-reset``.

    ``Retry-After`` is seconds (digits, a fraction tolerated) or an HTTP date; anything
    else is ignored. ``x-ratelimit-reset`` is seconds to wait (JOIN,
    Recruitee's rate-limit plug); a value that looks like a Unix time, in seconds or
    milliseconds, is read as one. A moment (an HTTP date, a Unix time) is measured from
    the answer's ``Date`` when it has one, else from ``now()``. It
    says when the rate-limit window resets, which servers send on every answer: it counts
    only when ``rate_limited`` (the answer is a 429).
    """
    retry_after = headers.get("retry-after")
    if retry_after is not None:
        seconds = _seconds(retry_after)
        if seconds is not None:
            return seconds
        moment = _http_date(retry_after)
        if moment is not None:  # else neither: the backoff decides, as without the header
            return max(0.0, moment - _server_now(headers, now))
    reset = headers.get("x-ratelimit-reset")
    if reset is not None and rate_limited:
        value = _seconds(reset)
        if value is None:
            return None
        if value > 100_000_000_000:  # a Unix time in milliseconds (seconds: year 5138)
            value /= 1000
        return max(0.0, value - _server_now(headers, now)) if value > 1_000_000_000 else value
    return None


def _server_now(headers: httpx.Headers, now: Callable[[], float]) -> float:
    """The answer's ``Date`` as a Unix time, else ``now()``: a moment the server names
    was taken on its clock, and measured on ours it was off by their difference (a host a
    minute ahead resent at once, spending its retries on more 429s)."""
    stamped = _http_date(headers.get("date", ""))
    return now() if stamped is None else stamped


def _http_date(text: str) -> float | None:
    """An HTTP date as a Unix time, else None."""
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:  # asctime's form, or -0000: HTTP dates are in GMT
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


_DIGITS: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _seconds(text: str) -> float | None:
    """A header's number of seconds, in digits (a fraction tolerated), else None. Not what
    ``float`` reads besides: ``1_000`` was 1000 s, and ``1e3``, ``inf``, ``-5`` or ``nan``
    are no delay-seconds either (RFC 9110: digits)."""
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None  # 400 digits: no number of seconds
