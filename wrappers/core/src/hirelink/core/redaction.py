"""What may be logged or shown of an HTTP exchange.

Headers pass an allowlist: anything not known to be harmless keeps its name but loses
its value. URLs and bodies are scrubbed of registered secret values. Logging goes to
stdlib :mod:`logging` under ``hirelink.http``; nothing is logged unless the application
enables DEBUG for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Final

import httpx

from .secrets import scrub

REDACTED: Final = "<redacted>"

SAFE_HEADERS: Final = frozenset(
    {
        "accept",
        "accept-encoding",
        "content-encoding",
        "content-length",
        "content-type",
        "date",
        "location",
        "retry-after",
        "server",
        "user-agent",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-request-id",
    }
)

http_logger = logging.getLogger("hirelink.http")


def safe_headers(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    """Headers with every value outside :data:`SAFE_HEADERS` replaced by ``<redacted>``."""
    return {
        name.lower(): scrub(value) if name.lower() in SAFE_HEADERS else REDACTED
        for name, value in headers.items()
    }


def log_request(request: httpx.Request) -> None:
    request.extensions["hirelink_started"] = time.perf_counter()
    if http_logger.isEnabledFor(logging.DEBUG):
        http_logger.debug(
            "request %s %s headers=%s",
            request.method,
            scrub(str(request.url)),
            safe_headers(request.headers),
        )


def log_response(response: httpx.Response) -> None:
    if http_logger.isEnabledFor(logging.DEBUG):
        started = response.request.extensions.get("hirelink_started")
        elapsed_ms = (time.perf_counter() - started) * 1000 if started else float("nan")
        http_logger.debug(
            "response %s %s -> %d in %.1f ms headers=%s",
            response.request.method,
            scrub(str(response.request.url)),
            response.status_code,
            elapsed_ms,
            safe_headers(response.headers),
        )
