"""Retries, as an httpx transport shared by every provider.

Why not httpx-retries or stamina: httpx-retries decides by method alone, so it cannot
express "a POST is retried after 429 (the server refused it) but never after a 5xx or a
read timeout (it may have been processed)", nor read JOIN's ``x-ratelimit-reset``;
stamina retries whole functions, below which the generated clients give us no hook.
The policy here is small, pure and unit-tested.

The transports read each response's body before deciding: a connection that closes
mid-body or a server that stalls after its headers is a transport failure like any
other, retried when that is safe and otherwise raised as ``ApiConnectionError`` /
``ApiTimeoutError``, never a raw httpx exception out of a later read.

The retry decisions are written once, as a generator (the same idea as ``httpx.Auth``
flows): it yields :data:`SEND` when it wants the request sent and a :class:`Backoff` when
it wants to wait; :class:`RetryTransport` and :class:`AsyncRetryTransport` only drive it.
"""

from __future__ import annotations

import errno
import inspect
import logging
import os
import random
import re
import ssl
import time
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Final

import httpx
from attrs import define, field

from .errors import (
    ATTEMPTS,
    BODY_LOST,
    FAILED_WITH,
    HANDED_OVER,
    OPERATION,
    REPEATABLE,
    ApiConnectionError,
    ApiTimeoutError,
    closed_while_waiting,
)
from .options import current_options
from .ratelimit import NOT_SENT_ERRORS, RATE_WINDOW, Closing
from .redaction import log_fields, request_id_header
from .secrets import scrub
from .waits import LONG_WAIT, server_requested_wait

retry_logger = logging.getLogger("hirelink.retry")

IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
"""The methods resent after an attempt the server may have carried out."""
DELETED_ALREADY: Final = "hirelink.deleted_already"
"""A response extension: true on the empty 204 that stands for a resent DELETE answered
404 (see :func:`retry_flow`); the record went, and its last state is not known."""
REFUSED_STATUSES: Final = frozenset({408, 429})
"""Statuses resent whatever the method: the server says it did not process the request."""
TRANSIENT_STATUSES: Final = frozenset({500, 502, 503, 504, 520, 521, 522, 523, 524})
"""Statuses resent only for a method in :data:`IDEMPOTENT_METHODS` (or a request marked
:data:`REPEATABLE`): the server may have processed the request. 520 to 524 come from a
CDN in front (Cloudflare's) that could not reach or hear from the provider."""
# No answer could be read: none arrived, or its body would not decode (a broken gzip).
ANSWER_LOST: Final = (httpx.TransportError, httpx.DecodingError)
AnswerLost = httpx.TransportError | httpx.DecodingError


def equal_jitter(delay: float) -> float:
    """Half the delay fixed, half random: spreads clients out without ever waiting ~0."""
    return delay / 2 + random.uniform(0, delay / 2)  # noqa: S311 - not cryptographic


@define(frozen=True, kw_only=True)
class RetryPolicy:
    """When to resend a request and how long to wait first.

    Attributes:
        max_retries: resends after the first attempt (0 disables retries).
        backoff_initial: first backoff in seconds; doubles each retry.
        backoff_max: ceiling of the computed backoff.
        max_server_wait: the longest server-requested wait (``Retry-After``) we honour;
            a longer one is not waited for: the error is raised at once.
        jitter: turns a computed backoff into the actual wait (tests pass ``lambda d: 0``).
    """

    max_retries: int = 2
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    max_server_wait: float = 60.0
    jitter: Callable[[float], float] = field(default=equal_jitter, repr=False)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Refuse an override written for 0.1, whose first argument was the method's name:
        given the request instead, ``method == "POST"`` never held, and it stopped every
        resend it allowed without a word."""
        super().__init_subclass__(**kwargs)
        for name in ("may_resend_after_status", "may_resend_after_error"):
            override = cls.__dict__.get(name)
            override = getattr(override, "__func__", override)  # a classmethod's function
            if override is None:
                continue
            try:
                parameters = list(inspect.signature(override).parameters)
            except (TypeError, ValueError):  # a partialmethod, say: nothing to read
                continue
            if parameters[1:2] == ["method"]:
                raise TypeError(
                    f"{cls.__name__}.{name}(self, method, ...) is the hirelink 0.1 signature:"
                    " since 0.2 it is given the request (an httpx.Request; read"
                    " request.method)"
                )

    def may_resend_after_status(self, request: httpx.Request, status_code: int) -> bool:
        """Whether an answer of ``status_code`` may be retried: a refusal that did nothing
        always, a transient failure only for a request that is safe to repeat."""
        if status_code in REFUSED_STATUSES:
            return True
        return status_code in TRANSIENT_STATUSES and repeatable(request)

    def may_resend_after_error(self, request: httpx.Request, error: AnswerLost) -> bool:
        """Whether a request whose answer was lost may be sent again: if it never left, or
        if it is safe to repeat; never after the server's certificate was refused, or a
        proxy refused the tunnel with a 4xx (its credentials, its policy), or the answer was
        too large (:class:`AnswerTooLarge`), which no retry changes."""
        if no_retry_changes(error):
            return False
        return isinstance(error, NOT_SENT_ERRORS) or repeatable(request)

    def backoff(self, retry_number: int) -> float:
        """Wait before retry number ``retry_number`` (1-based) when the server named none."""
        # A float power, its exponent bounded: from retry 1025 on, 2 ** n overflowed float
        # and the call ended in a bare OverflowError (max_retries meaning "keep trying").
        growth = 2.0 ** min(retry_number - 1, 1023)
        return self.jitter(min(self.backoff_max, self.backoff_initial * growth))

    def wait_after(
        self, response: httpx.Response, retry_number: int, request: httpx.Request | None = None
    ) -> float | None:
        """Seconds to wait before resending after ``response``; None means do not resend.

        A 429 naming no wait, for a request under a client-side limit, waits out that
        limit's window (:data:`~hirelink.core.ratelimit.RATE_WINDOW`, at most
        ``max_server_wait``). A named wait shorter than the backoff (``Retry-After: 0``, a
        date already past) waits the backoff: else every retry went within milliseconds."""
        rate_limited = response.status_code == 429
        requested = server_requested_wait(response.headers, rate_limited=rate_limited)
        window = request.extensions.get(RATE_WINDOW) if request is not None else None
        if requested is None and rate_limited and window is not None:
            return min(float(window), self.max_server_wait)
        if requested is None:
            return self.backoff(retry_number)
        if requested > self.max_server_wait:
            return None
        return max(requested, self.backoff(retry_number))


def repeatable(request: httpx.Request) -> bool:
    """Whether ``request`` may be sent again after an attempt the server may have carried
    out: its method is idempotent, or it is marked :data:`REPEATABLE`."""
    return request.method.upper() in IDEMPOTENT_METHODS or bool(request.extensions.get(REPEATABLE))


SEND: Final = "send"
"""What a retry flow (:func:`retry_flow`) yields when it wants the request sent."""


@define(frozen=True)
class Backoff:
    """An instruction of the retry flow: discard ``response`` (if any), wait, then resend."""

    seconds: float
    discard: httpx.Response | None = None
    carried_out: bool = False
    """Whether an earlier attempt may have been carried out (said if the resend never goes)."""


Instruction = str | Backoff
RetryFlow = Generator[Instruction, httpx.Response | None, httpx.Response]


VIA_PROXY: Final = "hirelink_via_proxy"
"""Request extension: ``host:port (HTTPS_PROXY)`` (or ``(the system's proxy settings)``),
the proxy the request went through (never its credentials); an error of the connection
names it, which otherwise read as the provider's."""


def _translate(error: AnswerLost, request: httpx.Request, *, not_sent: bool) -> ApiConnectionError:
    where = f"{request.method} {scrub(str(request.url))}"
    if via := request.extensions.get(VIA_PROXY):
        where += f" via the proxy {via}"
    kind = ApiConnectionError
    message = f"{type(error).__name__} on {where}: {scrub(str(error))}"
    reason = system_reason(error)
    if reason and reason not in message:  # async: "All connection attempts failed"
        message += f" ({reason})"
    if isinstance(error, httpx.TimeoutException):
        kind, message = ApiTimeoutError, f"timed out ({type(error).__name__}) on {where}"
        if said := more_than_a_timeout(error):
            message += f": {scrub(said)}"
    harmless = bool(request.extensions.get(REPEATABLE))
    failure = kind(
        message,
        not_sent=not_sent,
        method=request.method,
        harmless_to_repeat=harmless,
        permanent=no_retry_changes(error),
    )
    failure.operation = request.extensions.get(OPERATION)
    return failure


_NETWORK_ERRNOS: Final = frozenset(
    getattr(errno, name)
    for name in (
        "ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "EHOSTUNREACH", "EHOSTDOWN",
        "ENETUNREACH", "ENETDOWN", "ENETRESET", "ETIMEDOUT", "EADDRNOTAVAIL", "EPIPE",
    )
    if hasattr(errno, name)
)  # fmt: skip


def system_reason(error: BaseException) -> str:
    """The network's reason under ``error`` ("Connection refused"): the first socket error
    among the errors it came of, in groups too. anyio's connect, under the async client,
    says only "All connection attempts failed". Only a network error number is taken, and
    never from an error the caller was handling when the call failed."""
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        number = current.errno if isinstance(current, OSError) else None
        if number is not None and number in _NETWORK_ERRNOS:
            return os.strerror(number)
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        if current.__cause__ is not None:
            pending.append(current.__cause__)
        # httpcore and anyio raise their own errors inside `except` without `from`; any
        # other error's context may be one the caller was handling.
        if current.__context__ is not None and _raised_by_the_http_stack(current):
            pending.append(current.__context__)
    return ""


def _raised_by_the_http_stack(error: BaseException) -> bool:
    return type(error).__module__.partition(".")[0] in ("httpx", "httpcore", "anyio")


def more_than_a_timeout(error: BaseException) -> str:
    """What an httpx timeout says beyond "timed out", or "": pytest-httpx answers a
    request nothing was registered for with a timeout explaining so."""
    said = str(error)
    if not isinstance(error, httpx.TimeoutException) or "timed out" in said.lower():
        return ""
    return said


def no_retry_changes(error: BaseException) -> bool:
    """Whether a lost answer comes of the setup, not of a passing failure: the server's
    certificate was refused, the server refused the TLS handshake (:func:`handshake_refused`),
    a proxy refused the tunnel with a 4xx (its credentials, its policy), or the answer was
    too large (:class:`AnswerTooLarge`)."""
    return (
        certificate_refused(error)
        or handshake_refused(error)
        or proxy_refused(error)
        or isinstance(error, AnswerTooLarge)
    )


def certificate_refused(error: BaseException) -> bool:
    """Whether ``error`` comes of a server certificate that did not verify (untrusted,
    expired, for another host): a configuration problem, not a passing one."""
    return _caused_by(error, lambda cause: isinstance(cause, ssl.SSLCertVerificationError))


# The TLS alerts by which a server ends the handshake over what this side offered: the
# client certificate it requires (missing, unknown, expired: an mTLS gateway), the protocol
# versions or ciphers. Under TLS 1.3 the alert may come after the client took the handshake
# for done and wrote its request, which the server never read.
_HANDSHAKE_REFUSALS: Final = frozenset(
    {
        "TLSV13_ALERT_CERTIFICATE_REQUIRED",
        "SSLV3_ALERT_BAD_CERTIFICATE",
        "SSLV3_ALERT_UNSUPPORTED_CERTIFICATE",
        "SSLV3_ALERT_CERTIFICATE_REVOKED",
        "SSLV3_ALERT_CERTIFICATE_EXPIRED",
        "SSLV3_ALERT_CERTIFICATE_UNKNOWN",
        "SSLV3_ALERT_HANDSHAKE_FAILURE",
        "TLSV1_ALERT_UNKNOWN_CA",
        "TLSV1_ALERT_ACCESS_DENIED",
        "TLSV1_ALERT_PROTOCOL_VERSION",
        "TLSV1_ALERT_INSUFFICIENT_SECURITY",
    }
)


def handshake_refused(error: BaseException) -> bool:
    """Whether ``error`` comes of a server that ended the TLS handshake with an alert over
    this side's offer (its client certificate, protocol versions, ciphers): a
    configuration problem, and no request was read."""
    return _caused_by(
        error,
        lambda cause: (
            isinstance(cause, ssl.SSLError)
            and getattr(cause, "reason", None) in _HANDSHAKE_REFUSALS
        ),
    )


def _caused_by(error: BaseException, test: Callable[[BaseException], bool]) -> bool:
    """Whether ``error`` or an error in its chain of causes passes ``test``."""
    cause: BaseException | None = error
    seen: set[int] = set()
    while cause is not None and id(cause) not in seen:
        if test(cause):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False


# httpcore says why a proxy would not open a tunnel only in its message: "407 Proxy ...".
_PROXY_REFUSAL: Final = re.compile(r"4\d\d\b")


def proxy_refused(error: BaseException) -> bool:
    """Whether ``error`` is a proxy's 4xx answer to opening a tunnel (407: its
    credentials; 403: its policy), not a passing failure such as its 502 or 503."""
    return isinstance(error, httpx.ProxyError) and bool(_PROXY_REFUSAL.match(str(error)))


def retry_flow(policy: RetryPolicy, request: httpx.Request) -> RetryFlow:
    """The retry decisions for one request, independent of sync or async I/O."""
    max_retries = current_options().max_retries
    if max_retries is None:
        max_retries = policy.max_retries
    retries = 0
    may_have_been_carried_out = False  # by an earlier attempt of this request
    started = time.monotonic()
    request.extensions.pop(ATTEMPTS, None)  # of an earlier round (resent after a 401)
    while True:
        try:
            response = yield SEND
        except ANSWER_LOST as error:
            if retries < max_retries and policy.may_resend_after_error(request, error):
                retries += 1
                may_have_been_carried_out |= not isinstance(error, NOT_SENT_ERRORS)
                wait = policy.backoff(retries)
                _log_retry(request, type(error).__name__, wait, retries, max_retries)
                _mark_handed_over(request, may_have_been_carried_out)
                yield Backoff(wait, carried_out=may_have_been_carried_out)
                continue
            not_sent = (
                isinstance(error, NOT_SENT_ERRORS) or handshake_refused(error)
            ) and not may_have_been_carried_out
            failure = _translate(error, request, not_sent=not_sent)
            if retries:
                failure.attempts, failure.tried_for = retries + 1, time.monotonic() - started
            request.extensions[FAILED_WITH] = failure
            raise failure from error
        assert response is not None
        if retries < max_retries and policy.may_resend_after_status(request, response.status_code):
            wait_or_none = policy.wait_after(response, retries + 1, request)
            if wait_or_none is not None:
                retries += 1
                may_have_been_carried_out |= response.status_code in TRANSIENT_STATUSES
                cause = _status_cause(response)
                _log_retry(request, cause, wait_or_none, retries, max_retries, response)
                _mark_handed_over(request, may_have_been_carried_out)
                yield Backoff(wait_or_none, discard=response, carried_out=may_have_been_carried_out)
                continue
        if retries:  # for the error this answer may be (its attempts said there)
            request.extensions[ATTEMPTS] = (retries + 1, time.monotonic() - started)
        if may_have_been_carried_out and _deleted_already(request, response):
            fields = log_fields(request, status=404, retry=retries)
            retry_logger.info(
                "%s %s answered 404 after a resend: an earlier attempt deleted it; read as done",
                request.method,
                fields["hirelink_url"],
                extra=fields,
            )
            # the 404's body is read: released
            return httpx.Response(204, request=request, extensions={DELETED_ALREADY: True})
        return response


def _mark_handed_over(request: httpx.Request, carried_out: bool) -> None:
    """Between attempts, whether the request may have been carried out, as
    :data:`~hirelink.core.errors.HANDED_OVER` says (the resend marks it again once it goes
    out): an attempt refused (a 429) left it saying handed over, and a resend cancelled
    before going out kept its rate-limit slot, its error noted as maybe carried out. Only
    where hirelink's own transport marks it."""
    if HANDED_OVER in request.extensions:
        request.extensions[HANDED_OVER] = carried_out


def _deleted_already(request: httpx.Request, response: httpx.Response) -> bool:
    """A DELETE of the record at its URL resent after an attempt that may have been carried
    out, answered 404: the record is gone, most likely by that attempt, which is what the
    caller asked for. A DELETE with a body removes part of a record (Recruitee's
    ``DELETE .../candidates/{id}/tags``), and a 404 then says the record is missing."""
    return (
        request.method.upper() == "DELETE"
        and response.status_code == 404
        and request.headers.get("content-length", "0") == "0"
        and "transfer-encoding" not in request.headers
    )


def _status_cause(response: httpx.Response) -> str:
    """``429 with Retry-After: 60``: the status and the header that set the wait, if any."""
    headers = (
        ("retry-after", "x-ratelimit-reset") if response.status_code == 429 else ("retry-after",)
    )
    for header in headers:
        value = response.headers.get(header)
        if value is not None:
            shown = "Retry-After" if header == "retry-after" else header
            return f"{response.status_code} with {shown}: {scrub(value)[:40]}"
    return str(response.status_code)


def _log_retry(
    request: httpx.Request,
    cause: str,
    wait: float,
    retry: int,
    of: int,
    answer: httpx.Response | None = None,
) -> None:
    # A long wait looks like a hang from outside: say how long and why, once, loudly.
    level = logging.WARNING if wait > LONG_WAIT else logging.INFO
    if not retry_logger.isEnabledFor(level):
        return
    request_id = request_id_header(answer.headers) if answer is not None else None
    fields = log_fields(
        request,
        cause=cause,
        status=answer.status_code if answer is not None else None,
        request_id=request_id,
        wait_s=round(wait, 3),
        retry=retry,
        retries=of,
    )
    retry_logger.log(
        level,
        "retrying %s %s after %s in %.2fs (retry %d of %d)%s",
        request.method,
        fields["hirelink_url"],
        cause,
        wait,
        retry,
        of,
        f"; request id {request_id}" if request_id else "",
        extra=fields,
    )


def _apply_timeout_override(request: httpx.Request) -> None:
    timeout = current_options().timeout
    if timeout is not None:
        request.extensions["timeout"] = timeout.as_dict()


MAX_ANSWER_BYTES: Final = 64 * 1024 * 1024
"""The most an answer's body may hold, decoded: past it, it is not read on. A few hundred
kilobytes of gzip may decode to gigabytes, and an endless stream never ends; either ran
a worker out of memory."""


ACCEPTED_ENCODINGS: Final = "gzip, deflate"
"""What hirelink's requests accept (``Accept-Encoding``). A layer of gzip or deflate grows
at most about a thousandfold, so reading it a chunk at a time keeps to the limit; brotli
and zstd, which httpx offers when their packages are installed, may grow far more."""

UNPAGED: Final = "hirelink.unpaged"
"""A request extension: true for a read of a whole document that has no pages (an XML
feed), so that an answer too large does not advise asking for smaller pages."""

_BOUNDED_CODINGS: Final = frozenset({"gzip", "deflate"})
_UNBOUNDED_CODINGS: Final = frozenset({"br", "zstd"})
"""Codings httpx decodes whose one chunk may grow without a useful bound."""
_DECODED_CODINGS: Final = _BOUNDED_CODINGS | _UNBOUNDED_CODINGS
"""The codings httpx decodes; any other name it leaves as it is."""


class AnswerTooLarge(httpx.DecodingError):
    """An answer whose body, decoded, holds (or could hold) more than
    :data:`MAX_ANSWER_BYTES`: its body is lost, as a cut-off one is, and the request is
    not resent for it. Compressed more than once, or other than with gzip or deflate, it
    is not read at all: a body of 2 KB in gzip twice decoded to a gigabyte in one chunk."""

    def __init__(self, request: httpx.Request, codings: str | None = None) -> None:
        limit = MAX_ANSWER_BYTES // (1024 * 1024)
        why = f"holds more than {limit} MiB"
        if codings is not None:
            why = f"is compressed as {codings!r}, which could hold more than {limit} MiB"
        paged = request.method == "GET" and not request.extensions.get(UNPAGED)
        advice = "; if it is a list, ask for smaller pages" if paged else ""
        super().__init__(f"the answer's body {why}: not read{advice}", request=request)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own calls cls(message), taken here for the request: a pickle (a
        # process pool, Celery) keeps the message and the state (notes added on the way
        # up), without the request, whose headers hold the credentials.
        state = {name: value for name, value in vars(self).items() if name != "_request"}
        return (_answer_too_large, (str(self),), state)


def _answer_too_large(message: str) -> AnswerTooLarge:
    error = AnswerTooLarge.__new__(AnswerTooLarge)
    httpx.DecodingError.__init__(error, message)
    return error


def _check_codings(response: httpx.Response, request: httpx.Request) -> None:
    """Refuse a body compressed in layers, or with a coding a chunk of which may grow
    without bound, before any of it is decoded."""
    header = response.headers.get("content-encoding")
    if header is None:
        return
    codings = [coding.strip().lower() for coding in header.split(",")]
    layers = [coding for coding in codings if coding in _DECODED_CODINGS]
    if len(layers) > 1 or _UNBOUNDED_CODINGS.intersection(layers):
        raise AnswerTooLarge(request, header)


def _within_limit(request: httpx.Request, size: int) -> int:
    """``size``, the bytes of the answer's body read so far; raises past the limit."""
    if size > MAX_ANSWER_BYTES:
        raise AnswerTooLarge(request)
    return size


def _read_body(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """The body read as ``response.read()`` would, but at most :data:`MAX_ANSWER_BYTES`."""
    try:
        _check_codings(response, request)
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size = _within_limit(request, size + len(chunk))
        response._content = b"".join(chunks)  # what read() keeps
    except BaseException:
        response.close()
        raise
    return response


async def _aread_body(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """The async twin of :func:`_read_body`."""
    try:
        _check_codings(response, request)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            size = _within_limit(request, size + len(chunk))
        response._content = b"".join(chunks)
    except BaseException:
        await response.aclose()
        raise
    return response


def _without_body(
    response: httpx.Response | None, request: httpx.Request, error: AnswerLost
) -> httpx.Response | None:
    """The answer whose body could not be read, without its body, so that its status is
    not taken for no answer at all; None when no answer arrived or the request may simply
    be resent (the retry flow then decides, as for a lost answer)."""
    if response is None or repeatable(request):
        return None
    reason = type(error).__name__ + (f": {scrub(str(error))}" if str(error) else "")
    return bodiless(response, request, reason)


def bodiless(
    response: httpx.Response, request: httpx.Request, reason: str | None, content: bytes = b""
) -> httpx.Response:
    """``response``'s status and headers with ``content`` (decoded) as its body; without
    ``content``, its body was lost for ``reason`` (said in errors)."""
    kept = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    extensions: dict[str, Any] = {} if reason is None else {BODY_LOST: reason}
    for key in ("http_version", "reason_phrase"):
        if key in response.extensions:
            extensions[key] = response.extensions[key]
    return httpx.Response(
        response.status_code, headers=kept, content=content, request=request, extensions=extensions
    )


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport with :class:`RetryPolicy` and per-call option overrides."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._closing = Closing()
        self._sleep = sleep or self._closing.sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        _apply_timeout_override(request)
        flow = retry_flow(self._policy, request)
        instruction = next(flow)
        carried_out = False
        while True:
            try:
                if isinstance(instruction, Backoff):
                    if instruction.discard is not None:
                        instruction.discard.close()
                    carried_out = instruction.carried_out
                    self._sleep(instruction.seconds)
                    instruction = flow.send(None)
                    continue
                if self._closing.closed:  # after a backoff, or queued behind the close
                    raise closed_while_waiting(request, carried_out=carried_out)
                answered = None
                try:
                    answered = self._inner.handle_request(request)
                    response = _read_body(answered, request)
                except ApiConnectionError:  # the limiter's, closed while the resend waited
                    if carried_out and self._closing.closed:
                        raise closed_while_waiting(request, carried_out=True) from None
                    raise
                except ANSWER_LOST as error:
                    kept = _without_body(answered, request, error)
                    instruction = flow.throw(error) if kept is None else flow.send(kept)
                else:
                    instruction = flow.send(response)
            except StopIteration as done:
                result: httpx.Response = done.value
                return result

    def close(self) -> None:
        """Close the transport below; a request waiting to retry raises at once."""
        self._closing.close()
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RetryTransport`, driving the same :func:`retry_flow`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._closing = Closing()
        self._sleep = sleep or self._closing.asleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, retrying as the policy allows."""
        _apply_timeout_override(request)
        flow = retry_flow(self._policy, request)
        instruction = next(flow)
        carried_out = False
        while True:
            try:
                if isinstance(instruction, Backoff):
                    if instruction.discard is not None:
                        await instruction.discard.aclose()
                    carried_out = instruction.carried_out
                    await self._sleep(instruction.seconds)
                    instruction = flow.send(None)
                    continue
                if self._closing.closed:  # after a backoff, or queued behind the close
                    raise closed_while_waiting(request, carried_out=carried_out)
                answered = None
                try:
                    answered = await self._inner.handle_async_request(request)
                    response = await _aread_body(answered, request)
                except ApiConnectionError:
                    if carried_out and self._closing.closed:
                        raise closed_while_waiting(request, carried_out=True) from None
                    raise
                except ANSWER_LOST as error:
                    kept = _without_body(answered, request, error)
                    instruction = flow.throw(error) if kept is None else flow.send(kept)
                else:
                    instruction = flow.send(response)
            except StopIteration as done:
                result: httpx.Response = done.value
                return result

    async def aclose(self) -> None:
        """Close the transport below; a request waiting to retry raises at once."""
        self._closing.close()
        await self._inner.aclose()
