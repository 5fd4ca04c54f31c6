"""What may be logged or shown of an HTTP exchange.

Headers pass an allowlist: anything not known to be harmless keeps its name but loses
its value. URLs and bodies are scrubbed of registered secret values. Logging goes to
stdlib :mod:`logging` under ``hirelink.http``; nothing is logged unless the application
enables DEBUG for it. The lines of the HTTP stack hirelink drives (``httpx``, and
``httpcore``'s DEBUG traces, which quote answers' headers as they came) pass the same
rules once a client is built (:func:`guard_transport_logs`).
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Mapping
from typing import Final
from urllib.parse import urlsplit

import httpx

from .secrets import scrub

REDACTED: Final = "<redacted>"
"""What is shown in place of a header's value when the header is not in :data:`SAFE_HEADERS`."""

SAFE_HEADERS: Final = frozenset(
    {
        "accept",
        "accept-encoding",
        "cf-ray",  # Cloudflare's id of the answer, which its support and the provider's ask for
        "connection",
        "content-encoding",
        "content-length",
        "content-type",
        "date",
        "host",
        "location",
        "retry-after",
        "server",
        "user-agent",
        "www-authenticate",  # why a credential was refused (RFC 6750), never the credential
        "x-company-id",  # Personio's company id: an identifier, not a credential
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-request-id",
        "x-amz-cf-id",  # CloudFront's id of the answer
        "x-amzn-requestid",  # AWS API Gateway's
    }
)
"""The headers (lower case) whose values may be logged or shown; any other keeps its name
and shows :data:`REDACTED`."""

http_logger = logging.getLogger("hirelink.http")

OPERATION: Final = "hirelink_operation"
"""Request extension: the operation the request is sent for (the spec's operationId in
snake case, e.g. ``create_candidate``). Its errors carry it as ``operation``, its log
records as ``hirelink_operation`` (:func:`log_fields`), and the event hooks of an
``httpx_client=`` you pass can read it, to count or time calls per operation."""


REQUEST_ID_HEADERS: Final = ("x-request-id", "x-amzn-requestid", "cf-ray", "x-amz-cf-id")
"""Where an answer names itself, the provider's id first: a CDN's (an answer of 520 to 524
comes from Cloudflare, without the provider's) is what its support asks for."""


def request_id_header(headers: Mapping[str, str] | httpx.Headers) -> str | None:
    """The first of :data:`REQUEST_ID_HEADERS` an answer carried (any case of the name),
    scrubbed and on one line; None when it carried none."""
    carried = {name.lower(): value for name, value in headers.items()}
    value = next((carried[name] for name in REQUEST_ID_HEADERS if carried.get(name)), "")
    return one_line(scrub(value).strip()) or None


def log_fields(request: httpx.Request, **more: object) -> dict[str, object]:
    """The ``extra=`` of a log record about ``request``, for a formatter that writes
    records as data (JSON): ``hirelink_operation`` (None for a request of hirelink's own,
    a token exchange), ``hirelink_method``, ``hirelink_url`` (scrubbed), and each of
    ``more`` as ``hirelink_<name>``."""
    fields = {
        "operation": request.extensions.get(OPERATION),
        "method": request.method,
        "url": scrub(str(request.url)),
        **more,
    }
    return {f"hirelink_{name}": value for name, value in fields.items()}


_USERINFO: Final = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)[^/]*@")


def shown_url(url: str) -> str:
    """A URL an answer names (a redirect's ``Location``) as a message may quote it:
    scrubbed, and without a ``user:password@``, the query or the fragment, where a
    signed link carries its token."""
    before_query = re.split(r"[?#]", scrub(url), maxsplit=1)[0]
    return _USERINFO.sub(r"\1", before_query)


CONTROL_CHARACTERS: Final = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x061C,  # Arabic letter mark
    0x200E,  # left-to-right and right-to-left marks
    0x200F,
    0x2028,  # line and paragraph separators: str.splitlines() and log viewers break there
    0x2029,
    *range(0x202A, 0x202F),  # bidirectional embeddings and overrides
    *range(0x2066, 0x206A),  # bidirectional isolates
)
"""Characters a terminal or a log acts on instead of showing: colours, a terminal's title,
text shown in another order, and line breaks that start a forged log line. A provider's
answer may quote what a candidate typed."""
_ESCAPES: Final = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in CONTROL_CHARACTERS
} | {ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}
_ESCAPES_BUT_LINES: Final = {
    code: shown for code, shown in _ESCAPES.items() if chr(code) not in "\t\n"
}


def one_line(text: str) -> str:
    """``text`` as one line of characters that are shown as they are: every
    :data:`CONTROL_CHARACTERS` written as an escape (``\\n``, ``\\x1b``, ``\\u202e``).
    Provider text in an error's message is so, and cannot start a log line of its own."""
    return text.translate(_ESCAPES)


def without_controls(text: str) -> str:
    """:func:`one_line`, but tabs and line breaks (``\\n``) are kept."""
    return text.translate(_ESCAPES_BUT_LINES)


def safe_headers(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    """Headers with every value outside :data:`SAFE_HEADERS` replaced by ``<redacted>``; a
    ``Location`` as :func:`shown_url` shows it (a signed link's query is its token)."""
    return {name.lower(): _safe_value(name.lower(), value) for name, value in headers.items()}


def _safe_value(name: str, value: str) -> str:
    if name == "location":
        return shown_url(value)
    return scrub(value) if name in SAFE_HEADERS else REDACTED


def log_request(request: httpx.Request) -> None:
    request.extensions["hirelink_started"] = time.perf_counter()
    if http_logger.isEnabledFor(logging.DEBUG):
        fields = log_fields(request)
        http_logger.debug(
            "request %s %s headers=%s",
            request.method,
            fields["hirelink_url"],
            safe_headers(request.headers),
            extra=fields,
        )


def log_response(response: httpx.Response) -> None:
    if http_logger.isEnabledFor(logging.DEBUG):
        started = response.request.extensions.get("hirelink_started")
        elapsed_ms = (time.perf_counter() - started) * 1000 if started else float("nan")
        fields = log_fields(
            response.request,
            status=response.status_code,
            elapsed_ms=round(elapsed_ms, 1),
            request_id=request_id_header(response.headers),
        )
        http_logger.debug(
            "response %s %s -> %d in %.1f ms headers=%s",
            response.request.method,
            fields["hirelink_url"],
            response.status_code,
            elapsed_ms,
            safe_headers(response.headers),
            extra=fields,
        )


TRANSPORT_LOGGERS: Final = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "hpack.hpack",  # HTTP/2: each header it encodes or decodes, values in clear
    "hpack.table",
)
"""The loggers of the HTTP stack under hirelink; a filter on a parent logger would not see
their records, so each gets its own."""

# httpcore shows headers as byte-string pairs, (b'Authorization', b'Bearer ...'); hpack as
# such pairs, as b'authorization'=b'Bearer ...' and as b'authorization': b'Bearer ...'.
# repr() quotes with ' unless the bytes hold one, then with ". Each alternative reads a
# character one way only, so a failed match cannot backtrack exponentially over a run of
# backslashes.
_BYTES: Final = r"""b(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_HEADER_PAIR: Final = re.compile(rf"(?P<name>{_BYTES})(?P<between>, |=|: )(?P<value>{_BYTES})")
# hpack also logs whole header blocks, encoded (Huffman is no secrecy): none is shown.
_HEADER_BLOCK: Final = re.compile(rf"^(?P<what>Decoding |Encoded header block to ){_BYTES}")


def _redacted_pair(match: re.Match[str]) -> str:
    name = match["name"][2:-1]
    if name.lower() in SAFE_HEADERS:
        return match[0]
    return f"{match['name']}{match['between']}b'{REDACTED}'"


class TransportLogFilter(logging.Filter):
    """Rewrites a record of the HTTP stack as hirelink would log it: header values outside
    :data:`SAFE_HEADERS` redacted (in httpcore's and hpack's traces, which quote headers),
    registered secrets scrubbed. A record it does not change is left as it was (its
    ``msg`` and ``args`` too). It runs only for records that are logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        shown = message
        if not record.name.startswith("httpx"):  # httpx's own line quotes no headers
            shown = _HEADER_PAIR.sub(_redacted_pair, shown)
            shown = _HEADER_BLOCK.sub(rf"\g<what>b'{REDACTED}'", shown)
        shown = scrub(shown)
        if shown != message:
            record.msg, record.args = shown, ()
        return True


@functools.cache
def guard_transport_logs() -> None:
    """Add :class:`TransportLogFilter` to each of :data:`TRANSPORT_LOGGERS` (once)."""
    guard = TransportLogFilter()
    for name in TRANSPORT_LOGGERS:
        logging.getLogger(name).addFilter(guard)


def without_password(url: str) -> str:
    """``url`` as messages, reprs and listings show it: its password, and its query
    (where redis-py also reads one), masked."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return f"{url.partition('://')[0]}://(a URL that cannot be read)"
    if "@" in parts.path:  # a password with an unescaped "/": its start read as a host
        return f"{parts.scheme}://***"
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    if parts.username is not None or parts.password is not None:
        netloc = f"{parts.username or ''}{':***' if parts.password is not None else ''}@{netloc}"
    return f"{parts.scheme}://{netloc}{parts.path}" + ("?***" if parts.query else "")
