"""The exceptions every hirelink SDK raises.

- :class:`InvalidInputError` (a :class:`ValueError`): bad input, raised before any request.
- :class:`ApiError` and one subclass per status family: the provider answered with an error.
- :class:`ApiConnectionError` / :class:`ApiTimeoutError`: no usable answer arrived.
- :class:`MalformedResponseError`: a success status whose body could not be parsed.
- :class:`StoreUnavailableError`: the shared store (Redis) could not be reached.

Everything an error carries has been through :func:`hirelink.core.secrets.scrub` and the
header allowlist, so printing or logging an error never leaks a credential.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Final, TypeVar

import httpx

from .redaction import OPERATION, one_line, request_id_header, safe_headers, shown_url
from .secrets import scrub
from .waits import server_requested_wait

__all__ = [
    "ALL_REFUSED_HINT",
    "ATTEMPTS",
    "BODY_LOST",
    "CREDENTIAL_HINT",
    "FAILED_WITH",
    "HANDED_OVER",
    "OPERATION",
    "REPEATABLE",
    "TOKEN_EXCHANGE",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DuplicateApplicationError",
    "ErrorRefiner",
    "HirelinkError",
    "InvalidInputError",
    "MalformedResponseError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "StoreUnavailableError",
    "UnknownArgumentError",
    "UnprocessableEntityError",
    "UnusableClientError",
    "api_error_from_response",
    "without_frames",
]


CREDENTIAL_HINT: Final = "hirelink_credential_hint"
"""Request extension set by a credential's auth flow: which credential to check, and where
the customer finds it. An :class:`AuthenticationError` for the request carries it."""

ALL_REFUSED_HINT: Final = "hirelink_all_refused_hint"
"""Request extension set by an auth that tried several credentials in turn
(``FirstAcceptedAuth``): what to check once the last was refused too. An
:class:`AuthenticationError` or a :class:`PermissionDeniedError` for the request carries it
(a 403 otherwise says nothing of the credential: a missing scope, a role, a plan)."""

REPEATABLE: Final = "hirelink.repeatable"
"""A request extension: true when sending the request twice does no harm whatever its
method (an OAuth client-credentials exchange is a POST that only asks for a token; a write
setting fields or adding tags does the same however often it arrives). Its errors say so
(``harmless_to_repeat``); such a write may still have been carried out."""

TOKEN_EXCHANGE: Final = "token exchange"  # noqa: S105 - an operation's name, no secret
"""The ``operation`` of a :class:`MalformedResponseError` for an OAuth token answer (an
:class:`ApiError` of one names no operation: it is hirelink's own request)."""

HANDED_OVER: Final = "hirelink_handed_over"
"""A request extension: true once an attempt of the request went to the network, past
every wait before it (a rate-limit slot, a backoff and, in hirelink's own connection pool,
a free connection: there it is ``False`` until the request's first bytes are written). A
call stopped before then (Ctrl-C, a time limit, a failure of the shared store) was not
sent. Between attempts it says whether an earlier one may have been carried out (its
answer lost, or a 5xx; a 429 was a refusal), and a resend going out makes it true again:
one stopped while it waits to be sent again counts as sent when an earlier attempt may
have been carried out."""

FAILED_WITH: Final = "hirelink_failed_with"
"""Request extension set when hirelink raises an error for the request (an ``ApiError``
for its answer, an ``ApiConnectionError`` when none came): the error, for an auth flow
whose own request it was (it sees only that it was abandoned)."""


ATTEMPTS: Final = "hirelink_attempts"
"""Request extension: ``(attempts, seconds)`` of a request sent more than once, from the
first attempt to its last answer, for the error that may follow (see ``tried``)."""

BODY_LOST: Final = "hirelink_body_lost"
"""Response extension: why the body of an answer whose status arrived could not be read
(the connection dropped or stalled mid-body, a broken compression). The retry transport
passes such an answer on without its body when the request must not be sent again, so
that its status still says what happened (a 2xx: the write was carried out)."""


class HirelinkError(Exception):
    """Base class of every error hirelink raises on purpose.

    Errors pickle whole (a process pool hands a worker's error to its parent)."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce calls cls(*args), which subclasses taking their own
        # arguments cannot take: rebuild from args and attributes instead.
        return (_unpickled, (type(self), self.args, self.__dict__))


def _unpickled(cls: type[HirelinkError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class InvalidInputError(HirelinkError, ValueError):
    """An argument was rejected before anything was sent.

    ``field`` names the argument (dotted for nested values, e.g. ``documents.0.type``).
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class UnknownArgumentError(InvalidInputError, TypeError):
    """A keyword the operation does not take, found among those it passes on (filters,
    changes, fields). A :class:`TypeError` as well, as Python's own check of a signature
    raises: ``except TypeError`` catches a misspelt keyword whichever method was given it."""

    @classmethod
    def among(cls, name: str, known: Iterable[str], problem: str) -> UnknownArgumentError:
        """``name`` refused with ``problem``, and the closest of ``known`` suggested. A
        name longer than any keyword is cut: it would make the message (and a log line)
        as long as itself."""
        if len(name) > _LONGEST_NAME_SHOWN:
            return cls(f"{name[:_LONGEST_NAME_SHOWN]}... ({len(name)} characters)", problem)
        return cls(name, problem + did_you_mean(name, known))


_LONGEST_NAME_SHOWN: Final = 80


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`` (did you mean created_after?)`` for the one of ``known`` closest to a misspelt
    ``name`` (a ``-`` read as ``_``), else ``""``."""
    close = difflib.get_close_matches(name.replace("-", "_"), sorted(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def tried(error: ApiError | ApiConnectionError) -> str:
    """``; sent 3 times over 2.5 s`` for an error of a request that was retried, else ``""``:
    without it, a failure after its retries read as one answer. ``; tried 3 times over
    1.3 s, none carried out`` when no attempt was carried out (refused connections, or a
    429 before them), which "sent" made a write read as possibly done three times."""
    if error.attempts < 2:
        return ""
    if isinstance(error, ApiConnectionError) and error.not_sent:
        return f"; tried {error.attempts} times over {error.tried_for:.1f} s, none carried out"
    return f"; sent {error.attempts} times over {error.tried_for:.1f} s"


class ApiError(HirelinkError):
    """The provider answered with an error status, or a redirect (3xx, which hirelink
    never follows: the request was not carried out where it was sent, except after a 303,
    which says it was carried out and its result is elsewhere).

    Attributes:
        status_code: the HTTP status.
        message: the provider's own explanation when it gave one, else the reason phrase.
        error: the parsed error body (whatever JSON the provider sent), or None.
        field_errors: per-field messages when the provider listed them.
        headers: response headers, non-allowlisted values redacted.
        body: the raw response text, secrets scrubbed.
        method: the method of the request that failed.
        url: the URL of the request that failed (scrubbed).
        harmless_to_repeat: the request harms nothing when repeated (a token exchange,
            a write that does the same however often it arrives: see ``REPEATABLE``),
            whatever its method.
        attempts: how many times the request was sent (1, or more after retries).
        tried_for: seconds from its first attempt to this answer (0 when sent once).
        operation: the operation the request was sent for (``create_candidate``: the
            spec's operationId in snake case); None for a request of hirelink's own (a
            token exchange).
        hint: for an :class:`AuthenticationError`, which credential to check and where
            the customer finds it (the provider's wrapper supplies it with the credential's
            auth, see ``CREDENTIAL_HINT``); for either it or a
            :class:`PermissionDeniedError`, which credentials were tried when several were
            (``ALL_REFUSED_HINT``); else None.

    :attr:`request_id` is the provider's id of the failed request, for its support.
    """

    # The status a subclass stands for, to pick it; an error's own is ``status_code`` (a 413
    # is an UnprocessableEntityError). Public as ``status``, it read as the answer's status.
    _status: ClassVar[int | None] = None

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        error: Any = None,
        field_errors: Mapping[str, list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
        body: str = "",
        method: str = "",
        url: str = "",
        hint: str | None = None,
        harmless_to_repeat: bool = False,
    ) -> None:
        self.status_code = status_code
        self.harmless_to_repeat = harmless_to_repeat
        self.message = message
        self.error = error
        self.field_errors = dict(field_errors or {})
        self.headers = dict(headers or {})
        self.body = body
        self.method = method
        self.url = url
        self.hint = hint
        self.attempts, self.tried_for = 1, 0.0
        self.operation: str | None = None
        where = f" ({method} {url})" if method else ""
        super().__init__(f"{status_code} {message}{where}")

    @property
    def retry_after(self) -> float | None:
        """Seconds from now the provider asked to wait before asking again (``Retry-After``;
        on a 429 also its rate-limit window's ``x-ratelimit-reset``), mostly with a 429 or
        a 503; None when it named no wait. hirelink waits up to 60 s itself, so an error
        that names a wait asked for a longer one (or came after the retries)."""
        return server_requested_wait(
            httpx.Headers(self.headers, encoding="utf-8"), rate_limited=self.status_code == 429
        )

    @property
    def request_id(self) -> str | None:
        """The provider's id of the failed request, to quote to its support: Personio's
        ``personio_trace_id`` (``trace_id`` at its token endpoint) or an ``X-Request-Id``
        header, else a CDN's id of the answer (``redaction.REQUEST_ID_HEADERS``); None when
        the answer carried none."""
        if isinstance(self.error, dict):
            for key in _REQUEST_ID_KEYS:
                value = self.error.get(key)
                if isinstance(value, str) and value.strip():
                    return one_line(value.strip())
        return request_id_header(self.headers)

    @property
    def asked_wait(self) -> str | None:
        """``the provider asks to wait N s`` when it named a wait (:attr:`retry_after`)."""
        wait = self.retry_after
        if wait is None:
            return None
        return f"the provider asks to wait {f'{wait:.1f}'.removesuffix('.0')} s"

    def __str__(self) -> str:
        text = super().__str__() + tried(self)
        wait = self.asked_wait
        if wait is not None:
            text += f"; {wait}"
        request_id = self.request_id
        if request_id is not None:
            text += f"; request id {request_id}"
        return f"{text}. {self.hint}" if self.hint else text

    def __repr__(self) -> str:
        shown = [f"status_code={self.status_code}", f"message={self.message!r}"]
        for name, value in (
            ("operation", self.operation),
            ("request_id", self.request_id),
            ("attempts", self.attempts if self.attempts > 1 else None),
        ):
            if value is not None:
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def recast(self, cls: type[E], message: str | None = None) -> E:
        """The same error as an instance of ``cls`` (for an :data:`ErrorRefiner`).

        Everything is kept (status code, parsed body, field errors, headers, body,
        request, attempts, operation); ``message`` replaces the message when given.
        """
        recast = cls(
            self.message if message is None else one_line(scrub(message)),
            status_code=self.status_code,
            error=self.error,
            field_errors={name: list(texts) for name, texts in self.field_errors.items()},
            headers=self.headers,
            body=self.body,
            method=self.method,
            url=self.url,
            hint=self.hint,
            harmless_to_repeat=self.harmless_to_repeat,
        )
        recast.attempts, recast.tried_for = self.attempts, self.tried_for
        recast.operation = self.operation
        return recast


E = TypeVar("E", bound=ApiError)

# Where the error bodies of our providers carry the request's id: Personio's v2 envelope,
# then its OAuth token endpoint's.
_REQUEST_ID_KEYS = ("personio_trace_id", "trace_id")


class BadRequestError(ApiError):
    """The provider refused the request as malformed (400); ``field_errors`` names the
    fields when it listed them."""

    _status = 400


class AuthenticationError(ApiError):
    """The provider did not accept the credential (401); ``hint`` says which one to check
    and where the customer finds it."""

    _status = 401


class PermissionDeniedError(ApiError):
    """The credential was accepted but may not do this (403): a scope, a role or a plan."""

    _status = 403


class NotFoundError(ApiError):
    """The record asked for (or one the request names) does not exist (404)."""

    _status = 404


class ConflictError(ApiError):
    """The request conflicts with the record's state (409), e.g. a duplicate."""

    _status = 409


class DuplicateApplicationError(ConflictError):
    """The provider refused an application because the candidate already applied.

    Raised whatever status the provider used for it (``status_code`` keeps the real one).
    """


class UnprocessableEntityError(ApiError):
    """422, and 413 (content too large: Personio documents it for a file too big; a front
    proxy answers it for any provider)."""

    _status = 422


class RateLimitError(ApiError):
    """The provider refused the request for now (429). hirelink has already waited and
    resent it as its retry policy allows (a wait it asks for beyond 60 s is not waited)."""

    _status = 429


class ServerError(ApiError):
    """Any 5xx answer."""


class MalformedResponseError(HirelinkError):
    """A success status arrived with a body that does not parse as the documented shape.

    ``operation`` names the call; the message says what did not parse. A body that is not
    JSON at all is quoted: its first 120 bytes, with live secrets scrubbed.
    ``harmless_to_repeat``, as for :class:`ApiError` (a token exchange's answer).
    """

    def __init__(self, operation: str, detail: str, *, harmless_to_repeat: bool = False) -> None:
        self.operation = operation
        self.detail = detail
        self.harmless_to_repeat = harmless_to_repeat
        super().__init__(f"{operation}: unexpected response body ({detail})")


class ApiConnectionError(HirelinkError):
    """The request could not be completed: DNS, refused or dropped connection, TLS, ...

    ``not_sent`` is True when no attempt of it reached the provider (every connection was
    refused, or the client was closed before it went), so a write was certainly not
    carried out; False when one may have been. ``method`` is the request's (empty when
    not known); ``harmless_to_repeat``, ``attempts``, ``tried_for`` and ``operation``,
    as for :class:`ApiError`. ``permanent`` is True when no retry would change it (the
    server's certificate did not verify, a proxy refused the tunnel with a 4xx, the
    answer was too large): a matter of configuration, not of waiting.
    """

    permanent: bool = False  # also for one pickled by a release without it

    def __init__(
        self,
        message: str,
        *,
        not_sent: bool = False,
        method: str = "",
        harmless_to_repeat: bool = False,
        permanent: bool = False,
    ) -> None:
        super().__init__(message)
        self.not_sent = not_sent
        self.method = method
        self.harmless_to_repeat = harmless_to_repeat
        self.permanent = permanent
        self.attempts, self.tried_for = 1, 0.0
        self.operation: str | None = None

    def __str__(self) -> str:
        return super().__str__() + tried(self)

    def __repr__(self) -> str:
        shown = [repr(super().__str__())]
        for name, value in (
            ("operation", self.operation),
            ("attempts", self.attempts if self.attempts > 1 else None),
            ("not_sent", self.not_sent or None),
        ):
            if value is not None:
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"


class ApiTimeoutError(ApiConnectionError):
    """The request timed out (connect, read, write or pool)."""


def closed_while_waiting(
    request: httpx.Request, *, carried_out: bool = False
) -> ApiConnectionError:
    """The error of a request whose client was closed while it waited (for a rate-limit
    slot or a retry): it is not sent over a pool that nobody would close again.
    ``carried_out``: an earlier attempt may have been carried out (its answer was lost or
    a 5xx), as the retry flow judged it."""
    where = f"{request.method} {scrub(str(request.url))}"
    message = f"the client was closed while {where} waited; it was not sent"
    if carried_out:  # an earlier attempt reached the provider
        message = f"the client was closed while {where} waited to be sent again"
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            message += "; an earlier attempt may have been carried out"  # the note says more
    error = ApiConnectionError(
        message,
        not_sent=not carried_out,
        method=request.method,
        harmless_to_repeat=bool(request.extensions.get(REPEATABLE)),
    )
    error.operation = request.extensions.get(OPERATION)
    return error


class StoreUnavailableError(HirelinkError):
    """The shared store (Redis) could not be reached; the call that needed it stopped there,
    before sending its request. ``permanent`` is True when Redis refused hirelink (the
    URL's credentials, the user's ACL rules, a key of another kind): a mistake to fix,
    not an outage."""

    permanent: bool = False  # also for one pickled by a release without it

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class UnusableClientError(HirelinkError, RuntimeError):
    """A client was called after it was closed, or an async one from another asyncio event
    loop than its first call's (its connections belong to that loop): nothing was sent.
    Build a client where it is used: inside its ``with`` block, one per ``asyncio.run``.
    Also a watch iterated on in a process forked from the one that started it."""


_BY_STATUS: dict[int, type[ApiError]] = {
    cls._status: cls
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        UnprocessableEntityError,
        RateLimitError,
    )
    if cls._status is not None
}
_BY_STATUS[413] = UnprocessableEntityError  # content too large

ErrorRefiner = Callable[[ApiError], "ApiError | None"]
"""A provider hook: given the generic error, return a more specific one (or None)."""


def _error_class(status_code: int) -> type[ApiError]:
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code, ApiError)


MAX_MESSAGE_CHARS: Final = 1000
"""The most of a provider's error text an error's message shows; the whole answer is in
its ``body`` and ``error``. A megabyte of error text went whole into every log line and
error tracker's event."""


def _shortened(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit} more characters)"


def _message_from(parsed: Any) -> str | None:
    """The human message in the error shapes our providers use."""
    if isinstance(parsed, list):  # express-validator: [{"param": ..., "msg": ...}]
        return "; ".join(filter(None, (_listed_text(item) for item in parsed))) or None
    if not isinstance(parsed, dict):
        return None
    error = parsed.get("error")
    if isinstance(error, str) and error:
        description = parsed.get("error_description")
        if isinstance(description, str) and description:  # OAuth 2.0 token endpoints
            return f"{error}: {description}"
        return error  # Recruitee Partners: {"error": "..."}
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return str(error["message"])  # JOIN: {"error": {"type", "message"}}
    if isinstance(error, list) and any(isinstance(item, str) and item for item in error):
        return "; ".join(item for item in error if isinstance(item, str) and item)
    errors = parsed.get("errors")
    if isinstance(errors, list):  # Personio: {"errors": [{"title"|"message"|"detail"}]}
        texts = [_item_text(item) for item in errors if isinstance(item, dict) and _item_text(item)]
        texts += [item for item in errors if isinstance(item, str) and item]
        # Personio v1 field errors: {"field": "email", "errors": [{"reason": "..."}]}
        texts += [
            f"{item['field']}: {', '.join(_reasons(item))}"
            for item in errors
            if isinstance(item, dict) and isinstance(item.get("field"), str) and _reasons(item)
        ]
        if texts:
            return "; ".join(texts)
    for key in ("message", "detail", "title"):
        if isinstance(parsed.get(key), str) and parsed[key]:
            return str(parsed[key])
    return None


def _listed_text(item: object) -> str:
    """One entry of a bare list of errors: a text, or ``field: message``."""
    if isinstance(item, str):
        return item
    if not isinstance(item, dict):
        return ""
    field, text = _field_of(item), item.get("msg") or item.get("message")
    if not text:
        return ""
    return f"{field}: {text}" if field else str(text)


def _field_of(item: Mapping[str, Any]) -> str | None:
    field = item.get("field", item.get("param"))
    return field if isinstance(field, str) else None


def _item_text(item: Mapping[str, Any]) -> str:
    """One listed error's text, after the field it names; a problem item's generic title
    gets its detail added."""
    title, detail = item.get("title"), item.get("detail")
    message = item.get("message") or item.get("msg")  # msg: express-validator
    if message:
        text = str(message)
    elif title and detail and str(detail) != str(title):
        text = f"{title}: {detail}"  # Personio v2: {"title": "Not Found", "detail": "..."}
    else:
        text = str(title or detail or "")
    field = _field_of(item)
    return f"{field}: {text}" if field and text else text


def _reasons(item: Mapping[str, Any]) -> list[str]:
    """Reason codes nested in a field error: ``{"errors": [{"reason": "..."}]}``."""
    nested = item.get("errors")
    if not isinstance(nested, list):
        return []
    return [
        str(entry["reason"])
        for entry in nested
        if isinstance(entry, dict) and isinstance(entry.get("reason"), str)
    ]


def _field_errors_from(parsed: Any) -> dict[str, list[str]]:
    if isinstance(parsed, list):  # express-validator: [{"param": ..., "msg": ...}]
        parsed = {"errors": parsed}
    if not isinstance(parsed, dict):
        return {}
    errors = parsed.get("errors")
    if isinstance(errors, dict):
        return _flattened(errors)
    found: dict[str, list[str]] = {}
    for item in errors if isinstance(errors, list) else []:
        field = _field_of(item) if isinstance(item, dict) else None
        if field is not None:
            text = item.get("message") or item.get("msg") or item.get("title") or item.get("detail")
            texts = [str(text)] if text else _reasons(item) or [""]
            found.setdefault(field, []).extend(texts)
    return found


def _flattened(errors: Mapping[Any, Any], prefix: str = "") -> dict[str, list[str]]:
    """Rails-style ``{"email": ["..."]}``; a nested object's fields get dotted names."""
    found: dict[str, list[str]] = {}
    for field, messages in errors.items():
        name = f"{prefix}{field}"
        if isinstance(messages, dict):
            found.update(_flattened(messages, f"{name}."))
        else:
            found[name] = [str(m) for m in (messages if isinstance(messages, list) else [messages])]
    return found


def _message_from_fields(field_errors: Mapping[str, list[str]]) -> str | None:
    """``email: has already been taken; name: can't be blank`` when no message was given."""
    texts = [
        f"{field}: {', '.join(filter(None, messages))}"
        for field, messages in field_errors.items()
        if any(messages)
    ]
    return "; ".join(texts) or None


def names_field(message: str | None, field: str) -> bool:
    """Whether ``message`` names ``field`` as a word ("id" is not in "Validation")."""
    if not message:
        return False
    return re.search(rf"(?<!\w){re.escape(field)}(?!\w)", message, re.I) is not None


def _scrubbed(value: Any) -> Any:
    """``value`` (decoded JSON) with :func:`scrub` applied to every string in it."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_scrubbed(item) for item in value]
    if isinstance(value, dict):
        return {scrub(str(key)): _scrubbed(item) for key, item in value.items()}
    return value


def without_frames(error: BaseException, *, spare: BaseException | None) -> BaseException:
    """``error`` and the exceptions chained to it, their tracebacks dropped, and the
    document a ``JSONDecodeError`` keeps emptied: what an answer that could not be read was
    is kept as the frames' locals that decoded and parsed it (the body: an applicant's
    record, an issued token), which a traceback shown with its locals (an error tracker's
    default) would show. Raise the error built from it ``from without_frames(error)``.

    ``spare`` is the exception the caller was handling when the operation began
    (``sys.exc_info()[1]`` then): chained as the context of hirelink's own, it and what it
    chains are the caller's, and are left as they are."""
    seen: set[int] = set() if spare is None else {id(spare)}
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = None
        if isinstance(current, json.JSONDecodeError):
            current.doc = ""
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return error


def api_error_from_response(
    response: httpx.Response, *, refine: ErrorRefiner | None = None
) -> ApiError:
    """Build the typed, redacted error for an error response whose body has been read."""
    body = scrub(response.text)
    try:
        decoded: Any = json.loads(body, strict=False) if body else None
        # An escape scrub cannot see in the text (\u0053 for S, \u0026 for &) decodes to
        # the secret: scrub what was decoded too, and show the body as decoded then.
        parsed = _scrubbed(decoded)
        if parsed != decoded:
            body = json.dumps(parsed, ensure_ascii=False)
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to walk
        parsed = None
    field_errors = _field_errors_from(parsed)
    message = _message_from(parsed)
    # Each field is looked for in what the message will show (in the whole of a megabyte
    # of text, a thousand fields took 24 s).
    shown = _shortened(one_line(message)) if message else message
    unnamed = {  # "Validation failed" names no field
        field: texts for field, texts in field_errors.items() if not names_field(shown, field)
    }
    from_fields = _message_from_fields(unnamed)
    if message and from_fields:
        message = f"{message}: {from_fields}"
    message = _shortened(one_line(message or from_fields or response.reason_phrase or "HTTP error"))
    lost = response.extensions.get(BODY_LOST)
    if lost:
        message = f"{message} (its body was lost: {lost})"
    if response.is_redirect:
        location = _shortened(shown_url(response.headers.get("location", "")), 200)
        message = f"redirected to {location!r}: hirelink follows no redirects (check base_url)"
        if response.status_code == 303:  # "see other": carried out, its result is there
            message = f"see other: {location!r} (hirelink follows no redirects)"
    request = response.request
    error = _error_class(response.status_code)(
        scrub(message),
        status_code=response.status_code,
        error=parsed,
        field_errors=field_errors,
        headers=safe_headers(response.headers),
        body=body,
        method=request.method,
        url=scrub(str(request.url)),
        harmless_to_repeat=bool(request.extensions.get(REPEATABLE)),
    )
    if refine is not None:
        error = refine(error) or error
    if isinstance(error, AuthenticationError | PermissionDeniedError) and error.hint is None:
        hint = request.extensions.get(ALL_REFUSED_HINT)
        if hint is None and isinstance(error, AuthenticationError):
            hint = request.extensions.get(CREDENTIAL_HINT)
        error.hint = hint
    return error
