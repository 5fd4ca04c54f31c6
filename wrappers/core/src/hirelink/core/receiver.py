"""What every hirelink receiver of provider calls shares (Starlette).

The Recruitee Partners service kit and the webhook receivers of Recruitee and Personio
read a request the same way: a body refused with 413 past a size limit and with 415 when
compressed (a ``Content-Encoding``), JSON refused with 400 when malformed or nested
absurdly deep, callbacks that may be plain functions (run on worker threads of the
receiver's own, :func:`callback_threads`) or ``async`` ones, and error answers
``{"error": "<message>"}`` that never carry a stack trace. Those pieces live here, once;
each receiver adds only its own authentication and payloads.

Needs Starlette (``pip install "hirelink-core[receiver]"``; the provider packages that
offer receivers depend on it).
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import os
import sysconfig
import threading
import time
import traceback
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, ClassVar, Final, Protocol

import anyio.to_thread

try:
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.requests import ClientDisconnect, Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route
except ModuleNotFoundError as missing:
    if (missing.name or "").partition(".")[0] != "starlette":
        raise  # something Starlette needs: reinstalling the extra would not help
    raise ModuleNotFoundError(
        f"{missing.msg}: hirelink.core.receiver needs Starlette, which the receiver extra"
        ' installs (pip install "hirelink-core[receiver]")',
        name=missing.name,
    ) from None

from .redaction import one_line
from .secrets import scrub
from .threads import STORE_THREADS, OwnThreads

__all__ = [
    "CALLBACK_THREADS",
    "DEFAULT_MAX_BODY_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_LISTED_PROBLEMS",
    "CallbackError",
    "Endpoint",
    "RefusalLog",
    "Rejection",
    "answer",
    "bearer_token",
    "callback_threads",
    "decode_json",
    "describe_problems",
    "error_response",
    "http_error",
    "invoke",
    "invoke_settled",
    "log_failure",
    "positive_limit",
    "read_body",
    "receiver_app",
]

DEFAULT_MAX_BODY_BYTES: Final = 1_000_000
"""The largest request body a receiver reads (1 MB); a larger one is answered 413."""
MAX_JSON_DEPTH: Final = 100
"""Deeper JSON is refused as malformed (400); provider payloads nest a few levels."""
MAX_LISTED_PROBLEMS: Final = 5
"""A 422 lists this many problems of a payload, then how many more there are."""
CALLBACK_THREADS: Final = 40
"""The most sync callbacks one receiver runs at once, on worker threads of its own (as
many as anyio's shared pool has); more wait for one of them."""

Endpoint = Callable[[Request], Awaitable[Response]]
"""A Starlette endpoint: ``async (request) -> response``."""


_BODY_REFUSED: Final = frozenset({400, 422})
# A repeat still being handled (Recruitee's 409): its sender is asked to try again later.
_NOT_LOGGED: Final = frozenset({409})
REFUSED_SENDER_INTERVAL: Final = 60.0
"""Seconds between two log lines of deliveries refused with one status of 401 (their
credential), 413 (too large), 415 (compressed) or another an application's middleware
answered."""


class RefusalLog:
    """What a webhook receiver logs of the deliveries it refuses, at WARNING and masked.

    A body it refuses (400, 422) is logged each time: the provider will not resend it for
    ever. A delivery refused for its credential (401), its size (413), its
    ``Content-Encoding`` (415), or with any other status by the application it is mounted
    in (a middleware's 408, 429) is logged at once, then at most once every ``interval``
    seconds per status with how many were refused since: a wrong or missing secret, or a
    proxy compressing the bodies, shows in the log without a scanner's requests flooding it.
    A repeat still being handled (409) is not logged.
    ``refused_what`` names what was refused in the line (a service answering calls says
    ``"a call"``).
    """

    def __init__(
        self,
        logger: logging.Logger,
        component: str,
        *,
        interval: float = REFUSED_SENDER_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        refused_what: str = "a delivery",
    ) -> None:
        self._logger, self.component, self._refused_what = logger, component, refused_what
        self._interval, self._clock = interval, clock
        self._lock = threading.Lock()
        self._unlogged: dict[int, int] = {}
        self._next_line: dict[int, float] = {}

    def refused(self, path: str, status: int, message: str) -> None:
        if status in _BODY_REFUSED:
            self._line(path, status, message)
        elif status not in _NOT_LOGGED:
            with self._lock:
                now = self._clock()
                if now < self._next_line.get(status, now):
                    self._unlogged[status] = self._unlogged.get(status, 0) + 1
                    return
                since = self._unlogged.pop(status, 0)
                self._next_line[status] = now + self._interval
            counted = (
                f" ({since} more refused with {status} since the last such line)" if since else ""
            )
            self._line(path, status, message + counted)

    def _line(self, path: str, status: int, message: str) -> None:
        # The sender's text (a header's value, the path) as one line: a line break in it
        # (U+0085 passes HTTP's parsers) forged a log line before any signature was checked.
        self._logger.warning(
            "%s refused %s to %s with %d: %s",
            self.component,
            self._refused_what,
            one_line(path),
            status,
            one_line(message),
        )


class Rejection(Exception):  # noqa: N818 - an answer, not a failure of ours
    """Answer ``{"error": message}`` with ``status_code`` (a 4xx or 5xx)."""

    logged: ClassVar[bool] = True
    """Whether :func:`answer` hands it to the receiver's :class:`RefusalLog`: a receiver's
    own refusals are; a subclass an application raises to answer as it chooses (the
    partner kit's ``Refusal``) says False."""

    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own calls cls(*args): args holds the message alone.
        return (type(self), (self.message, self.status_code), self.__dict__)


class CallbackError(Exception):
    """A callback of the application raised something other than a :class:`Rejection`."""

    def __init__(self, callback: str, error: Exception) -> None:
        super().__init__(callback)
        self.callback = callback
        self.error = error

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.callback, self.error), self.__dict__)


def _is_async(callback: Callable[..., object]) -> bool:
    return inspect.iscoroutinefunction(callback) or inspect.iscoroutinefunction(
        getattr(callback, "__call__", None)  # noqa: B004 - an object with an async __call__
    )


def callback_threads(component: str) -> OwnThreads:
    """Worker threads for the sync callbacks of one receiver (``component``), at most
    :data:`CALLBACK_THREADS` at once: a backlog of slow ones waits for these alone.

    Not anyio's shared pool, where Starlette runs the application's sync endpoints: a
    burst of slow callbacks there held every thread of it, and the application's
    endpoints waited for them (and the callbacks for the endpoints).
    """
    return OwnThreads(f"{component}'s callbacks", CALLBACK_THREADS)


async def invoke(
    name: str,
    callback: Callable[..., Any],
    *args: object,
    threads: OwnThreads | None = None,
) -> Any:
    """Await an async callback or run a sync one in a worker thread (of ``threads``, else
    of anyio's shared pool).

    Raises:
        Rejection: raised by the callback, passed on as it is.
        CallbackError: anything else the callback raised, named ``name``.
    """
    try:
        if _is_async(callback):
            result = callback(*args)
        else:
            limiter = None if threads is None else threads.limiter()
            call = functools.partial(callback, *args)
            result = await anyio.to_thread.run_sync(call, limiter=limiter)
        if inspect.isawaitable(result):
            result = await result
        return result
    except Rejection:
        raise
    except Exception as error:
        raise CallbackError(name, error) from error


async def invoke_settled(
    name: str,
    callback: Callable[[Any], object],
    argument: object,
    settle: Callable[[bool], None],
    *,
    settle_blocks: bool = True,
    threads: OwnThreads | None = None,
) -> Exception | None:
    """:func:`invoke` (a sync callback on one of ``threads``, else of anyio's shared pool),
    then ``settle(True)`` when the callback returned or ``settle(False)`` when it raised or
    was cancelled (``settle`` blocks, e.g. on Redis, unless told it does not: this
    process's memory).

    Returns the error of ``settle(True)`` when the callback returned but settling failed
    (the event was handled: the caller decides what to answer), else None.

    After a sync callback, ``settle`` runs in the callback's own worker thread: a request
    cancelled meanwhile (a timeout middleware, a server's shutdown) leaves the thread
    running, and the outcome must follow the callback, not the request. After an async
    one (or a sync one that returned an awaitable), it runs on one of the
    :data:`~hirelink.core.threads.STORE_THREADS`, shielded from anyio's cancels; should
    asyncio's own cancel stop it before it began, on the loop. One that does not block
    runs on the loop at once.
    An error of ``settle(False)`` is noted on the callback's error, never raised as it.
    """
    pending: list[Awaitable[object]] = []
    unsettled: list[Exception] = []
    # The request may leave (cancelled) before a sync callback returns its awaitable:
    # whichever of the two comes second closes the awaitable and settles it as failed.
    handover = threading.Lock()
    abandoned: list[bool] = []
    # A request cancelled before a sync callback's thread began (waiting for a thread)
    # never calls it: the request settles it as failed, or its retry met "being handled"
    # until the claim lapsed.
    started: list[bool] = []

    def settle_kept(handled: bool) -> None:
        try:
            settle(handled)
        except Exception as error:  # the store's, not the callback's
            unsettled.append(error)

    def settled(value: object) -> None:
        with handover:
            if abandoned:
                return
            started.append(True)
        try:
            result = callback(value)
        except BaseException:
            settle_kept(False)
            raise
        if not inspect.isawaitable(result):
            settle_kept(True)
            return
        with handover:  # a lambda around an async function: awaited on the loop
            orphan = bool(abandoned)
            if not orphan:
                pending.append(result)
        if orphan:
            _close(result)
            settle_kept(False)

    async def settle_awaited(*, handled: bool) -> None:
        if settle_blocks:
            await _settle_shielded(settle_kept, handled=handled)
        else:
            settle_kept(handled)

    awaited = _is_async(callback)
    try:
        await invoke(name, callback if awaited else settled, argument, threads=threads)
        if pending:
            awaited = True
            await invoke(name, _awaited, pending[0])
    except BaseException as error:
        with handover:
            abandoned.append(True)
            orphan = pending[0] if pending and not awaited else None
            never_called = not awaited and not started
        if orphan is not None:
            _close(orphan)
        if awaited or orphan is not None or never_called:
            await settle_awaited(handled=False)
        if unsettled:
            error.add_note(f"settling it failed too: {scrub(str(unsettled[0]))}")
        raise
    if awaited:
        await settle_awaited(handled=True)
    return unsettled[0] if unsettled else None


async def _awaited(awaitable: Awaitable[object]) -> object:
    return await awaitable


def _close(awaitable: Awaitable[object]) -> None:
    """Close an awaitable nobody will await (no "never awaited" warning)."""
    close = getattr(awaitable, "close", None)
    if callable(close):
        close()


async def _settle_shielded(settle: Callable[[bool], None], *, handled: bool) -> None:
    started: list[bool] = []

    def begin() -> None:
        started.append(True)
        settle(handled)

    try:
        with anyio.CancelScope(shield=True):
            await STORE_THREADS.run(begin)
    except anyio.get_cancelled_exc_class():  # asyncio's own cancel, which no shield holds
        if not started:  # begun, it finishes on its thread
            settle(handled)
        raise


def positive_limit(name: str, value: object) -> int:
    """``value`` if it is a positive int, else ValueError naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return value


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit`` bytes.

    A declared Content-Length over the limit is refused before reading; the stream is
    counted too, since a chunked body declares no length and a declared one may lie.
    A ``Content-Encoding`` other than ``identity`` is refused with 415 naming it, before
    anything is read: a body is never decompressed, and a compressed one got a misleading
    400 (not JSON) or 401 (a signature over the decompressed body does not match).

    A middleware of the application the receiver is mounted in may refuse the body as it
    is read, raising an ``HTTPException`` (FastAPI's ``max_body_size``, Starlette's
    ``RequestBodyLimitMiddleware``: 413): that is a :class:`Rejection` with its status and
    detail too, not a failure of the receiver (a 500, and an ERROR line any sender could
    write).
    """
    _refuse_encodings(request)
    too_large = Rejection(f"the request body is larger than {limit} bytes", 413)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    received = bytearray()
    try:
        async for chunk in request.stream():
            received += chunk
            if len(received) > limit:
                raise too_large
    except HTTPException as refused:
        raise Rejection(str(refused.detail), refused.status_code) from None
    return bytes(received)


_SHOWN_ENCODING_CHARS: Final = 40


def _refuse_encodings(request: Request) -> None:
    sent = ",".join(request.headers.getlist("content-encoding")).lower()
    encodings = [coding.strip() for coding in sent.split(",")]
    unsupported = ", ".join(coding for coding in encodings if coding not in ("", "identity"))
    if unsupported:
        if len(unsupported) > _SHOWN_ENCODING_CHARS:
            unsupported = unsupported[:_SHOWN_ENCODING_CHARS] + "..."
        raise Rejection(f"Content-Encoding {unsupported} is not supported", 415)


def decode_json(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON document in ``body``; :class:`Rejection` 400 when it is not JSON."""
    try:
        document = json.loads(body)
    except ValueError as error:
        raise Rejection(f"malformed JSON body: {error}", 400) from None
    except RecursionError:  # e.g. 200,000 unclosed "[": undecodable, not our failure
        raise Rejection("malformed JSON body: nested too deeply", 400) from None
    if _nesting_exceeds(document, max_depth):
        # Python 3.13's decoder reads far deeper documents than 3.11's; the limit is ours.
        raise Rejection("malformed JSON body: nested too deeply", 400)
    return document


def _nesting_exceeds(document: object, limit: int) -> bool:
    """Whether arrays and objects in ``document`` nest more than ``limit`` levels deep."""
    level = [document] if isinstance(document, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
    return False


def error_response(
    status_code: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """``{"error": message}`` with ``status_code``."""
    return JSONResponse({"error": message}, status_code=status_code, headers=headers)


async def http_error(request: Request, exc: Exception) -> Response:
    """Routing errors (unknown path, wrong method) in the same ``{"error"}`` shape."""
    status_code = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    headers = exc.headers if isinstance(exc, HTTPException) else None
    return JSONResponse({"error": detail}, status_code=status_code, headers=headers)


def log_failure(
    logger: logging.Logger,
    where: str,
    failure: Exception,
    mask: Callable[[str], str] = scrub,
    *,
    component: str = "the receiver",
    about: str = "",
) -> None:
    """One line: what failed and where (``file:line``), masked by ``mask`` (:func:`scrub`,
    or one that scrubs too: :func:`~hirelink.core.secrets.mask_value` of a caller's token);
    never the whole stack trace
    (at DEBUG, a second line gives the application's frames that led there, by place only).
    ``about`` ends the line: what was being handled, to find it again.

    Where is the innermost frame of the application's own code (not of an installed
    library such as httpx), so a failed ``raise_for_status()`` points at its caller.
    """
    notes: list[str] = []
    if isinstance(failure, CallbackError):  # its notes: what failed after it (a store)
        notes = [str(note) for note in getattr(failure, "__notes__", ())]
        component, failure = failure.callback, failure.error
    frames = traceback.extract_tb(failure.__traceback__)
    own = [frame for frame in frames if not _installed(frame.filename)] or frames
    at = f" at {own[-1].filename}:{own[-1].lineno}" if own else ""
    try:
        described = f"{type(failure).__name__}: {failure}"
    except Exception:  # an exception whose __str__ fails is still logged, by its type
        described = type(failure).__name__
    described = "; ".join([described, *notes])
    # One line of characters shown as they are, whatever it held: an exception quoting an
    # applicant's name may hold a terminal's escape sequence or a bidi override.
    summary = one_line(" ".join(mask(described).split()))
    about = f" {one_line(' '.join(mask(about).split()))}" if about.strip() else ""
    logger.error("%s failed on %s%s: %s%s", component, where, at, summary, about)
    if len(own) > 1 and logger.isEnabledFor(logging.DEBUG):
        # The way there, for a bug deeper than that frame: where each step was, never the
        # exception's text or the frames' values again (they may hold what was masked).
        path = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(own))
        logger.debug("%s failed on %s, called from: %s", component, where, path)


def _installed(filename: str) -> bool:
    """Whether ``filename`` belongs to an installed library (or the standard library)."""
    path = os.path.normcase(os.path.abspath(filename))
    return path.startswith(_library_roots())


@functools.cache
def _library_roots() -> tuple[str, ...]:
    # Asked once a failure is logged, not when the module is imported.
    return tuple(
        os.path.normcase(os.path.abspath(sysconfig.get_path(kind))) + os.sep
        for kind in ("purelib", "platlib", "stdlib")
    )


class _Problems(Protocol):
    """What :func:`describe_problems` reads: a pydantic ``ValidationError``."""

    def errors(
        self, *, include_url: bool, include_context: bool, include_input: bool
    ) -> Sequence[Mapping[str, Any]]: ...


def bearer_token(request: Request) -> str:
    """The token of an ``Authorization: Bearer <token>`` header, without surrounding
    space; empty when there is none (or another scheme)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def describe_problems(error: _Problems, limit: int = MAX_LISTED_PROBLEMS) -> str:
    """``"email: field required; candidate_id: input should be a valid integer"``.

    Where each problem is and what it is, at most ``limit`` of them; the offending values
    are never echoed.
    """
    problems = error.errors(include_url=False, include_context=False, include_input=False)
    described = []
    for problem in problems[:limit]:
        where = ".".join(str(part) for part in problem["loc"]) or "body"
        message = str(problem["msg"])
        described.append(f"{where}: {message[:1].lower()}{message[1:]}")
    if len(problems) > limit:
        described.append(f"and {len(problems) - limit} more")
    return "; ".join(described)


async def answer(
    request: Request,
    respond: Callable[[], Awaitable[Response]],
    *,
    logger: logging.Logger,
    component: str,
    failure_message: str,
    mask: Callable[[str], str] = scrub,
    error: Callable[[int, str], Response] = error_response,
    refusals: RefusalLog | None = None,
) -> Response:
    """``respond()``, with every way it can fail answered through ``error``.

    A :class:`Rejection` answers its status and message, and goes to ``refusals`` (a
    webhook receiver's :class:`RefusalLog`), masked. A body the sender cut off answers
    400; anything else is logged in one masked line naming ``component`` and answers 500
    with ``failure_message``.
    """
    try:
        return await respond()
    except Rejection as rejection:
        if refusals is not None and rejection.logged:
            refusals.refused(request.url.path, rejection.status_code, mask(rejection.message))
        return error(rejection.status_code, rejection.message)
    except ClientDisconnect:
        return error(400, "the request body was cut off")  # nobody is left to read it
    except Exception as failure:
        log_failure(logger, request.url.path, failure, mask, component=component)
        return error(500, failure_message)


def receiver_app(
    routes: Sequence[tuple[str, str, Endpoint]],
    *,
    callbacks: Mapping[str, object],
    max_body_bytes: int,
    answer_probes: bool = False,
) -> Starlette:
    """The app of a receiver: one ``(method, path, endpoint)`` route each, with routing
    errors in the ``{"error"}`` shape; its settings are checked first.

    With ``answer_probes``, a GET or HEAD to a POST endpoint's path (a load balancer's
    health check) is answered 200 ``{}``, logged nowhere.

    Raises:
        ValueError: a callback is not callable (naming it), ``max_body_bytes`` is not a
            positive integer, a path does not start with ``/``, or two paths coincide.
    """
    for name, callback in callbacks.items():
        if not callable(callback):
            raise ValueError(f"{name} must be callable, got {callback!r}")
    positive_limit("max_body_bytes", max_body_bytes)
    paths = tuple(path for _, path, _ in routes)
    for path in paths:
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError(f"a path must start with '/', got {path!r}")
    if len(set(paths)) != len(paths):
        raise ValueError(f"endpoint paths must differ, got {paths!r}")
    return Starlette(
        routes=[_route(method, path, endpoint, answer_probes) for method, path, endpoint in routes],
        exception_handlers={HTTPException: http_error},
    )


def _route(method: str, path: str, endpoint: Endpoint, answer_probes: bool) -> Route:
    if not answer_probes or method != "POST":
        return Route(path, endpoint, methods=[method])

    async def endpoint_or_probe(request: Request) -> Response:
        if request.method in ("GET", "HEAD"):
            return JSONResponse({})  # public: it says only that the receiver is up
        return await endpoint(request)

    return Route(path, endpoint_or_probe, methods=["POST", "GET", "HEAD"])
