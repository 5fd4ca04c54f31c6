"""Builds the httpx clients that the generated code sends through.

Every provider client gets the same stack, outermost first::

    event hooks: log request -> (send) -> log response -> raise typed ApiError on >= 300;
                 a 2xx's ``json()`` then decodes with core's decoder (hirelink.core.decoding)
    auth (an ``httpx.Auth``)
    RetryTransport (per-call options, retries, backoff, Retry-After; reads the body)
    RateLimitTransport (only when the config declares rate limits; budgets in the store)
    the inner transport (``httpx.HTTPTransport``, the caller's transport, or the
    caller's own httpx client)

Because errors are raised in a response hook, generated code only ever parses 2xx
bodies; a wrapper never checks status codes itself. The one exception: an auth flow
that answers some statuses itself (a token renewal after a 401) lists them in the
request's :data:`AUTH_HANDLED_STATUSES` extension, and the hook lets those through.
"""

from __future__ import annotations

import errno
import functools
import ipaddress
import os
import ssl
import threading
import urllib.request
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Final, Generic, TypedDict, TypeVar

import httpx
from attrs import define, field

from . import decoding
from ._version import VERSION
from .decoding import adopt
from .errors import (
    ATTEMPTS,
    FAILED_WITH,
    HANDED_OVER,
    OPERATION,
    ApiError,
    ErrorRefiner,
    InvalidInputError,
    UnusableClientError,
    api_error_from_response,
)
from .options import as_timeout, check_max_retries
from .ratelimit import AsyncRateLimitTransport, RateLimit, RateLimitTransport
from .redaction import guard_transport_logs, http_logger, log_request, log_response
from .stores import IN_PROCESS, Store, resolve_store
from .transport import (
    ACCEPTED_ENCODINGS,
    VIA_PROXY,
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    bodiless,
)
from .validation import DEFAULT_PORTS, header_values
from .validation import base_url as valid_base_url

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""30 s to read/write/wait for a pooled connection, 10 s to connect."""

DEFAULT_MAX_RETRIES = 2
"""Resends of a request after a failure that allows one: a read is tried three times."""

AUTH_HANDLED_STATUSES: Final = "hirelink_auth_handled_statuses"
"""Request extension: the statuses the request's auth flow answers itself (e.g. a 401 it
renews a token for); the typed-error hook does not raise for them."""

CARRIES_CLIENT_HEADERS: Final = "hirelink_carries_client_headers"
"""Request extension: a request an auth flow makes of its own (an OAuth token exchange).
httpx sends such a request without the client's headers; hirelink's request hook gives it
those it lacks (the User-Agent, the ``headers`` option: a provider's partner headers), all
but the ones that carry a credential (:data:`NOT_CARRIED`)."""

NOT_CARRIED: Final = frozenset({"authorization", "proxy-authorization", "cookie"})
"""Client headers a request marked :data:`CARRIES_CLIENT_HEADERS` is not given: a
credential meant for the API, not for the token endpoint."""


def default_ssl_context() -> ssl.SSLContext:
    """One verifying SSL context for every client hirelink builds while the environment
    names the same CA certificates (and the ``SSL_CERT_FILE`` is unchanged).

    httpx builds a new context (loading the CA bundle, ~5 ms) for each transport; clients
    are cheap to create once that cost is paid once per process. The certificates are
    certifi's, or those of the ``SSL_CERT_FILE`` (a PEM bundle) or ``SSL_CERT_DIR`` (a
    directory of hashed certificates) variable: a corporate proxy's CA goes there
    (``REQUESTS_CA_BUNDLE`` is requests', not read).

    Raises:
        InvalidInputError: ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` names no readable
            certificates (the variable is the error's ``field``).
    """
    cert_file = os.environ.get("SSL_CERT_FILE") or ""
    return _ssl_context(cert_file, os.environ.get("SSL_CERT_DIR") or "", _stamp(cert_file))


def _stamp(path: str) -> tuple[int, int] | None:
    """When ``path`` was last written, and its size: a bundle replaced in place (a CA
    rotated) is read again by the clients built after."""
    try:
        status = os.stat(path) if path else None
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if status else None


# Bounded: each rewrite of the bundle is a new stamp, and an unbounded cache kept every
# context (0.66 MiB each) for good; clients still using an older one keep it themselves.
@functools.lru_cache(maxsize=8)
def _ssl_context(cert_file: str, cert_dir: str, stamp: tuple[int, int] | None) -> ssl.SSLContext:
    variable, value = ("SSL_CERT_FILE", cert_file) if cert_file else ("SSL_CERT_DIR", cert_dir)
    # httpx before 0.28 skips a path that is neither a file nor a directory, and then
    # trusts no certificate at all: every call failed, naming no setting.
    missing = (
        not os.path.isfile(cert_file)
        if cert_file
        else bool(cert_dir) and not os.path.isdir(cert_dir)
    )
    try:
        if missing:
            raise FileNotFoundError(errno.ENOENT, "no such file or directory")
        return httpx.create_ssl_context()
    except OSError as error:  # ssl.SSLError too: a file holding no certificate
        if not value:
            raise
        reason = error.strerror or str(error)
        problem = f"{value!r} holds no CA certificates hirelink can read ({reason})"
        raise InvalidInputError(variable, problem) from None


def user_agent() -> str:
    """``hirelink/<version of hirelink-core>``: the User-Agent of every request, unless
    the ``headers`` option or the caller's ``httpx_client=`` sets another."""
    return f"hirelink/{VERSION}"


class ClientOptions(TypedDict, total=False):
    """Keyword options every provider client accepts."""

    base_url: str
    """Where to send requests: another environment, or a sandbox."""
    timeout: float | httpx.Timeout | None
    """Seconds (or an ``httpx.Timeout``) for each step of a request on the network
    (connect, write, each read), not for waits for a rate-limit slot or a ``Retry-After``;
    None for no limit. Also with ``httpx_client=``: that client's own timeout is not used.
    Default :data:`DEFAULT_TIMEOUT`: 30 s, and 10 s to connect."""
    max_retries: int
    """Resends after 408 and 429, after 500, 502, 503, 504 and 520 to 524
    (:data:`~hirelink.core.transport.TRANSIENT_STATUSES`), and after connection failures;
    a POST or PATCH only where the server cannot have processed it (0 disables).
    Default :data:`DEFAULT_MAX_RETRIES`: 2."""
    headers: Mapping[str, str]
    """Extra headers sent with every request."""


class StoreUser:
    """An ``httpx.Auth`` that keeps state in the client's store (e.g. OAuth tokens)."""

    def use_store(self, store: Store) -> None:
        """Called once, before the first request, with the client's store."""

    @property
    def keeps_state(self) -> bool:
        """Whether this auth has anything to keep in the store (an OAuth token does)."""
        return True


@define(frozen=True, kw_only=True)
class HttpConfig:
    """Everything needed to build a provider's httpx client."""

    base_url: str
    auth: httpx.Auth | None = None
    timeout: httpx.Timeout = DEFAULT_TIMEOUT
    retry: RetryPolicy = field(factory=RetryPolicy)
    headers: Mapping[str, str] = field(factory=dict)
    refine_error: ErrorRefiner | None = None
    rate_limits: tuple[RateLimit, ...] = ()
    store: Store = IN_PROCESS

    @classmethod
    def create(
        cls,
        *,
        base_url: str,
        auth: httpx.Auth | None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        refine_error: ErrorRefiner | None = None,
        rate_limits: Sequence[RateLimit] = (),
        store: Store | str | None = None,
    ) -> HttpConfig:
        """Validate user-facing settings (seconds or Timeout, retry count) into a config.

        The rate limits and a :class:`StoreUser` auth are moved onto the chosen store.
        ``$HIRELINK_STORE`` is read only when there is something to share; a ``store``
        given explicitly is always checked.
        """
        shares = bool(rate_limits) or (isinstance(auth, StoreUser) and auth.keeps_state)
        chosen = resolve_store(store) if shares or store is not None else IN_PROCESS
        if isinstance(auth, StoreUser):
            auth.use_store(chosen)
        url = valid_base_url("base_url", base_url).rstrip("/")
        _warn_of_plain_http(url)
        return cls(
            base_url=url,
            auth=auth,
            timeout=as_timeout("timeout", timeout),
            retry=RetryPolicy(max_retries=check_max_retries(max_retries)),
            headers={
                "User-Agent": user_agent(),
                "Accept-Encoding": ACCEPTED_ENCODINGS,
                **header_values("headers", headers or {}),
            },
            refine_error=refine_error,
            rate_limits=tuple(limit.on(chosen) for limit in rate_limits),
            store=chosen,
        )

    @classmethod
    def from_options(
        cls,
        options: ClientOptions,
        *,
        default_base_url: str,
        auth: httpx.Auth | None,
        refine_error: ErrorRefiner | None = None,
        rate_limits: Sequence[RateLimit] = (),
        store: Store | str | None = None,
    ) -> HttpConfig:
        """A config from a client's ``**options``, filling in hirelink's defaults.

        ``rate_limits`` are client-side limits for the requests they match (see
        :mod:`hirelink.core.ratelimit`), applied to every request, also through a
        caller-supplied httpx client. ``store`` is where they (and shared tokens) live: only
        a client with something to share offers it.
        """
        _reject_unknown(options)
        return cls.create(
            base_url=options.get("base_url") or default_base_url,
            auth=auth,
            timeout=options.get("timeout", DEFAULT_TIMEOUT),
            max_retries=options.get("max_retries", DEFAULT_MAX_RETRIES),
            headers=options.get("headers"),
            refine_error=refine_error,
            rate_limits=rate_limits,
            store=store,
        )


def _reject_unknown(options: ClientOptions) -> None:
    """``**options`` arrive unchecked at run time: an unknown one must not be ignored."""
    unknown = sorted(set(options) - set(ClientOptions.__annotations__))
    if not unknown:
        return
    if unknown == ["store"]:
        raise TypeError(
            "unexpected keyword argument 'store': this client keeps nothing a store would "
            "share between processes (no client-side rate limit, no OAuth token)"
        )
    renamed = _RENAMED_OPTIONS.get(unknown[0])
    if renamed is not None:
        raise TypeError(
            f"unexpected keyword argument {unknown[0]!r}: it was renamed {renamed!r} in"
            " hirelink 0.2"
        )
    known = ", ".join(ClientOptions.__annotations__)
    raise TypeError(f"unexpected keyword argument {unknown[0]!r} (client options: {known})")


_RENAMED_OPTIONS: Final = {"api_base_url": "base_url"}
"""Client options renamed since hirelink 0.1 (Personio's ``api_base_url``)."""


def _release_stream(response: httpx.Response) -> None:
    """Drop httpx's stream wrapper once the body is read.

    httpx wraps each response's stream in an object that points back at the response;
    that cycle keeps every body alive until the cycle collector runs, so walking many
    pages would grow memory with the pages walked. The body is read already, so a plain
    stream over it is all the response needs.
    """
    response.stream = httpx.ByteStream(response.content)


def _should_raise(response: httpx.Response) -> bool:
    """An error status or a redirect (hirelink follows none: a write redirected was not
    carried out) that no auth flow has claimed (see :data:`AUTH_HANDLED_STATUSES`)."""
    if response.is_success:
        return False
    handled = response.request.extensions.get(AUTH_HANDLED_STATUSES, ())
    return response.status_code not in handled


def sendable_again(stream: object) -> bool:
    """Whether a request body can be sent a second time without being read into memory:
    bytes, or httpx's multipart of fields whose files are bytes or seekable. Anything else
    (a generator, a pipe, another stream; or an httpx that changed its multipart) is not."""
    if isinstance(stream, httpx.ByteStream):
        return True
    fields = getattr(stream, "fields", None)  # httpx's MultipartStream
    if not isinstance(fields, list):
        return False
    for part in fields:
        file = getattr(part, "file", b"")  # a DataField has none
        if isinstance(file, str | bytes):
            continue
        seekable = getattr(file, "seekable", None)
        if not (callable(seekable) and seekable()):
            return False
    return True


def account_at(account: object, base_url: str, default_base_url: str) -> str:
    """``account``, and its API host (``account@host``) when ``base_url`` is not the
    provider's own: what a rate budget or a watch's checkpoint is kept per, so that a
    local stand-in or a proxy does not share them with the provider, or with another."""
    host = httpx.URL(base_url).netloc.decode()
    if host == httpx.URL(default_base_url).netloc.decode():
        return str(account)
    return f"{account}@{host}"


def noted_error(response: httpx.Response, refine: ErrorRefiner | None = None) -> ApiError:
    """The error for ``response``, noted on its request (see ``FAILED_WITH``)."""
    error = api_error_from_response(response, refine=refine)
    error.attempts, error.tried_for = response.request.extensions.get(ATTEMPTS, (1, 0.0))
    error.operation = response.request.extensions.get(OPERATION)
    response.request.extensions[FAILED_WITH] = error
    return error


def _raise_for_status(refine: ErrorRefiner | None) -> Callable[[httpx.Response], None]:
    def hook(response: httpx.Response) -> None:
        response.read()  # read already by the retry transport; this only returns it
        _release_stream(response)
        adopt(response)
        if _should_raise(response):
            raise noted_error(response, refine)

    return hook


def _araise_for_status(
    refine: ErrorRefiner | None,
) -> Callable[[httpx.Response], Awaitable[None]]:
    async def hook(response: httpx.Response) -> None:
        await response.aread()
        _release_stream(response)
        adopt(response)
        if _should_raise(response):
            raise noted_error(response, refine)

    return hook


async def _alog_request(request: httpx.Request) -> None:
    log_request(request)


async def _alog_response(response: httpx.Response) -> None:
    log_response(response)


EventHooks = dict[str, list[Callable[..., object]]]


def _client_headers(headers: httpx.Headers) -> Callable[[httpx.Request], None]:
    """The hook giving a request marked :data:`CARRIES_CLIENT_HEADERS` the client's
    ``headers`` it lacks."""

    def hook(request: httpx.Request) -> None:
        if not request.extensions.get(CARRIES_CLIENT_HEADERS):
            return
        own = set(request.headers)  # lower-cased names
        for name in headers:
            if name not in NOT_CARRIED and name not in own:
                # A header given twice goes as one, its values comma-joined (RFC 9110 5.3).
                request.headers[name] = ", ".join(headers.get_list(name))

    return hook


def _async_client_headers(headers: httpx.Headers) -> Callable[[httpx.Request], Awaitable[None]]:
    carry = _client_headers(headers)

    async def hook(request: httpx.Request) -> None:
        carry(request)

    return hook


def event_hooks(config: HttpConfig, headers: httpx.Headers | None = None) -> EventHooks:
    """Logging and typed-error hooks for a sync httpx client (and, given the client's
    ``headers``, the hook carrying them to an auth flow's own requests)."""
    return {
        "request": [_client_headers(httpx.Headers(headers)), log_request],
        "response": [log_response, _raise_for_status(config.refine_error)],
    }


def async_event_hooks(config: HttpConfig, headers: httpx.Headers | None = None) -> EventHooks:
    """The async twin of :func:`event_hooks`."""
    return {
        "request": [_async_client_headers(httpx.Headers(headers)), _alog_request],
        "response": [_alog_response, _araise_for_status(config.refine_error)],
    }


# httpx's own example of a response hook raises for every error status, closing the
# answer unread: its status still goes through hirelink's errors and retries.
_HOOK_RAISED: Final = "a response hook of the httpx_client raised for its status"


def _answer_of(error: httpx.HTTPStatusError, request: httpx.Request) -> httpx.Response:
    """The answer a caller's hook raised for: its body when the hook read it (to log it),
    else without it (httpx closed it unread)."""
    try:
        content = error.response.content
    except httpx.ResponseNotRead:
        return bodiless(error.response, request, _HOOK_RAISED)
    return bodiless(error.response, request, None, content)


_GOING_OUT: Final = "send_request_headers.started"
"""httpcore's trace event (``http11.`` or ``http2.``) of a request's first bytes leaving."""


def _going_out(event: str, info: dict[str, Any]) -> bool:
    """Whether httpcore's trace ``event`` is the request starting to be written; not the
    CONNECT that opens a tunnel through a proxy first (it carries the request's
    extensions, trace included), after which the request may still wait for TLS."""
    if not event.endswith(_GOING_OUT):
        return False
    written = info.get("request")
    return getattr(written, "method", None) != b"CONNECT"


def _already_marking(trace: object) -> bool:
    return getattr(trace, "_hirelink_marks_hand_over", False) is True


def _mark_when_going_out(
    request: httpx.Request, make_trace: Callable[[dict[str, Any], Any], Any]
) -> None:
    """Mark ``request`` handed over when httpcore starts writing it, not before: a request
    waiting for a pooled connection (or for one to connect) has not gone out. Until then
    its mark is ``False``: known not to have gone out. ``make_trace`` makes the trace
    (:func:`_trace` or :func:`_async_trace`) from the request's extensions and the
    caller's own trace, which it calls too."""
    extensions = request.extensions  # not the request: it and its body would be kept in a
    callers_trace = extensions.get("trace")  # cycle, freed only by the cycle collector
    if _already_marking(callers_trace):  # a resend: marked by the first attempt's trace
        return
    extensions[HANDED_OVER] = False
    trace = make_trace(extensions, callers_trace)
    setattr(trace, "_hirelink_marks_hand_over", True)  # noqa: B010
    extensions["trace"] = trace


def _trace(extensions: dict[str, Any], callers_trace: Any) -> Callable[[str, dict[str, Any]], None]:
    def trace(event: str, info: dict[str, Any]) -> None:
        if _going_out(event, info):
            extensions[HANDED_OVER] = True
        if callers_trace is not None:
            callers_trace(event, info)

    return trace


def _async_trace(
    extensions: dict[str, Any], callers_trace: Any
) -> Callable[[str, dict[str, Any]], Awaitable[None]]:
    """:func:`_trace` for async transports (httpcore awaits the trace)."""

    async def trace(event: str, info: dict[str, Any]) -> None:
        if _going_out(event, info):
            extensions[HANDED_OVER] = True
        if callers_trace is not None:
            await callers_trace(event, info)

    return trace


class _HandOver(httpx.BaseTransport):
    """The last layer before the network: marks each request it passes on as handed over
    (:data:`~hirelink.core.errors.HANDED_OVER`), past every wait. Through hirelink's own
    pool (``traced``) the mark waits for the request's first bytes to be written: one
    cancelled while waiting for a pooled connection was not sent (its rate-limit slot is
    given back, and a write is not said to have maybe been carried out). Through any
    other transport it is marked as it is passed on."""

    def __init__(self, inner: httpx.BaseTransport, *, traced: bool = False) -> None:
        self._inner = inner
        self._traced = traced

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._traced:
            _mark_when_going_out(request, _trace)
        else:
            request.extensions[HANDED_OVER] = True
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


class _AsyncHandOver(httpx.AsyncBaseTransport):
    """The async twin of :class:`_HandOver`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, *, traced: bool = False) -> None:
        self._inner = inner
        self._traced = traced

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._traced:
            _mark_when_going_out(request, _async_trace)
        else:
            request.extensions[HANDED_OVER] = True
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class ThroughClient(httpx.BaseTransport):
    """Sends through a caller's own ``httpx.Client``, leaving that client as it is.

    Its transport, proxies, TLS, limits and event hooks apply. Its auth does not
    (hirelink's auth already set the credential), nor does ``follow_redirects``: httpx
    keeps a custom credential header (``RT-PARTNER-SECRET``, ``X-Company-ID``) on a
    redirect to another host, so a 3xx is raised as with hirelink's own client. Closing
    hirelink's client leaves it open.
    """

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the caller's client, without its auth or redirects."""
        _refuse_if_closed(self._client)
        try:
            return self._client.send(request, stream=True, auth=None, follow_redirects=False)
        except httpx.HTTPStatusError as error:  # the caller's hook raised (raise_for_status)
            return _answer_of(error, request)

    def close(self) -> None:
        """The caller's client is the caller's to close."""


class AsyncThroughClient(httpx.AsyncBaseTransport):
    """The async twin of :class:`ThroughClient`."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` through the caller's client, without its auth or redirects."""
        _refuse_if_closed(self._client)
        try:
            return await self._client.send(request, stream=True, auth=None, follow_redirects=False)
        except httpx.HTTPStatusError as error:
            return _answer_of(error, request)

    async def aclose(self) -> None:
        """The caller's client is the caller's to close."""


def _refuse_if_closed(client: httpx.Client | httpx.AsyncClient) -> None:
    """httpx's own refusal is a bare RuntimeError, raised once the request counts as
    handed over (a write would read as perhaps carried out)."""
    if client.is_closed:
        raise UnusableClientError(
            f"the httpx_client given to this client ({type(client).__name__}) was closed;"
            " nothing was sent: keep it open while hirelink's client is in use"
        )


_HTTPX_USER_AGENT: Final = f"python-httpx/{httpx.__version__}"  # what httpx sends unless told


def _client_settings(
    config: HttpConfig, own: httpx.Client | httpx.AsyncClient | None
) -> dict[str, Any]:
    """Base URL, timeout and headers of hirelink's client.

    With the caller's client: hirelink's base URL whatever that client's is (a shared
    client's base URL must not take the credentials elsewhere); hirelink's timeout (the
    ``timeout`` option, or :data:`DEFAULT_TIMEOUT`); its headers with the ``headers``
    option over them, and hirelink's User-Agent unless that client names itself.
    """
    if own is None:
        return {"base_url": config.base_url, "timeout": config.timeout, "headers": config.headers}
    headers = httpx.Headers(own.headers)
    names_itself = headers.get("user-agent", _HTTPX_USER_AGENT) != _HTTPX_USER_AGENT
    for name, value in config.headers.items():
        if name.lower() == "user-agent" and value == user_agent() and names_itself:
            continue
        headers[name] = value
    return {"base_url": config.base_url, "timeout": config.timeout, "headers": headers}


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine's loopback: ``localhost`` or a name below it
    (RFC 6761), with or without the root's trailing dot, or a loopback address (all of
    127.0.0.0/8, ``::1``, and 127.x mapped into IPv6). A proxy cannot reach it (as
    browsers know), and nothing sent to it crosses the network."""
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return address.is_loopback or (mapped is not None and mapped.is_loopback)


_Pool = TypeVar("_Pool", httpx.HTTPTransport, httpx.AsyncHTTPTransport)


@functools.lru_cache(maxsize=256)  # once per URL: a client built per request said it each time
def _warn_of_plain_http(url: str) -> None:
    """A WARNING for an ``http://`` base URL of another host than this machine's: the
    credentials go unencrypted (a token in each request, Personio's client secret in the
    token exchange). A provider then redirects to https, which hirelink refuses, and the
    URL was fixed without a word that the credential had crossed the network in clear.
    Not refused: a stand-in reached by a container's name (``http://sandbox:8080``) is
    plain http too."""
    parts = httpx.URL(url)
    if parts.scheme != "http" or is_loopback(parts.host):
        return
    http_logger.warning(
        "base_url %s is http://: this client's credentials go unencrypted; rotate them if"
        " this host is not yours, and use https://",
        url,
    )


class _NoProxy:
    """The hosts ``NO_PROXY`` exempts, read as requests and curl read it: ``*`` (every
    host); a host or domain (``example.com`` and ``.example.com`` also match its
    subdomains; a trailing dot is the same name); ``host:port``; an IP address or network
    (``10.0.0.0/8``)."""

    def __init__(self, value: str) -> None:
        self.everything = False
        self.names: list[tuple[str, int | None]] = []
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in (part.strip().lower() for part in value.split(",")):
            if entry == "*":
                self.everything = True
            elif entry:
                self._add(entry)

    def _add(self, entry: str) -> None:
        try:
            self.networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            return
        except ValueError:
            pass
        name, colon, port = entry.rpartition(":")
        if colon and port.isdigit():
            self.names.append((name.strip("[]").strip("."), int(port)))
        else:
            self.names.append((entry.strip("."), None))

    def exempts(self, url: httpx.URL) -> bool:
        if self.everything:
            return True
        host = url.host.lower().rstrip(".")  # the root's dot: the same host
        port = url.port or DEFAULT_PORTS.get(url.scheme)
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            pass
        else:
            if any(address in network for network in self.networks):
                return True
        return any(
            (host == name or host.endswith("." + name)) and wanted in (None, port)
            for name, wanted in self.names
        )


def _address(proxy: str) -> str:
    """``host:port`` of a proxy URL httpx took (its credentials left out)."""
    return httpx.URL(proxy).netloc.decode("ascii")


def _scheme(proxy: str) -> str:
    """The scheme of a proxy URL: ``socks4``, say."""
    return proxy.partition("://")[0].lower()


_SYSTEM_PROXY_SETTINGS: Final = "the system's proxy settings"
"""Where a proxy comes from when no variable names one: ``urllib.request`` reads the
settings of macOS and Windows then."""

_BYPASS_DECISIONS_KEPT: Final = 1024
"""Hosts whose answer from ``proxy_bypass`` a pool keeps (past that, the least used goes)."""


def _bypassed_by_system(host: str) -> bool:
    """Whether the system's settings send ``host`` past the proxy."""
    return bool(urllib.request.proxy_bypass(host))


class _ProxyRoutes(Generic[_Pool]):
    """The transports of a pool that honours the environment's proxies: ``HTTPS_PROXY``,
    ``HTTP_PROXY``, ``ALL_PROXY`` as ``urllib.request`` reads them (with the system's
    settings on macOS and Windows when no variable names one), ``NO_PROXY`` as
    :class:`_NoProxy` reads it, all when the pool is made. Loopback is reached directly.
    A proxy's transport is made at its first use, so that a proxy httpx cannot use
    (SOCKS without ``socksio``) fails only the requests that need it."""

    def __init__(self, make: Callable[..., _Pool], proxies: Mapping[str, str]) -> None:
        self._make: Callable[..., _Pool] = make
        # A proxy written without a scheme (``proxy.corp:3128``) is an HTTP proxy, as
        # httpx, requests and curl read it.
        self._proxies = {
            scheme: url if "://" in url else f"http://{url}"
            for scheme, url in proxies.items()
            if scheme != "no"
        }
        self._no_proxy = _NoProxy(proxies.get("no", ""))
        self._from_system = not set(urllib.request.getproxies_environment()) - {"no"}
        # Taken now: the certificates named when the client is built, for every route.
        self._ssl_context = default_ssl_context()
        self.direct: _Pool = make(verify=self._ssl_context)
        self.through: dict[str, _Pool] = {}
        # Asked once per host: ``proxy_bypass`` may look the host up in the DNS (macOS,
        # Windows), which blocks, on the event loop of an async client.
        self._bypassed_by_system = functools.lru_cache(maxsize=_BYPASS_DECISIONS_KEPT)(
            _bypassed_by_system
        )
        self._lock = threading.Lock()

    def _direct(self, url: httpx.URL) -> bool:
        if is_loopback(url.host) or self._no_proxy.exempts(url):
            return True
        return self._from_system and self._bypassed_by_system(url.host)

    def _setting(self, named: str) -> str:
        """Where the proxy for the scheme ``named`` was set: ``HTTPS_PROXY``, say, or
        ``https_proxy`` (which ``urllib.request`` reads first, as curl does)."""
        if self._from_system:
            return _SYSTEM_PROXY_SETTINGS
        lower = f"{named.lower()}_proxy"
        return lower if os.environ.get(lower) else lower.upper()

    def transport_for(self, request: httpx.Request) -> _Pool:
        """The transport ``request`` goes through; one through a proxy is marked with the
        proxy's address (:data:`~hirelink.core.transport.VIA_PROXY`)."""
        url = request.url
        named = url.scheme if url.scheme in self._proxies else "all"
        proxy = self._proxies.get(named)
        if proxy is None or self._direct(url):
            return self.direct
        with self._lock:
            transport = self.through.get(proxy)
            if transport is None:
                transport = self.through[proxy] = self._proxy_transport(named, proxy)
        request.extensions[VIA_PROXY] = f"{_address(proxy)} ({self._setting(named)})"
        return transport

    def _proxy_transport(self, named: str, proxy: str) -> _Pool:
        setting = self._setting(named)
        names = "name" if self._from_system else "names"
        try:
            return self._make(verify=self._ssl_context, proxy=proxy)
        except ImportError:
            problem = f'{names} a SOCKS proxy, which needs socksio: pip install "httpx[socks]"'
            raise InvalidInputError(setting, problem) from None
        except (ValueError, httpx.InvalidURL):  # not echoed: it may hold a password
            problem = "is not a proxy URL httpx can use"
            if self._from_system:  # its scheme says most (Windows' SOCKS is socks4://)
                problem = f"name a proxy httpx cannot use ({_scheme(proxy)}://...)"
            raise InvalidInputError(setting, problem) from None

    def all(self) -> list[_Pool]:
        with self._lock:
            transports = [self.direct]
            transports.extend(self.through.values())
            return transports


def _environment_proxies() -> dict[str, str] | None:
    """The proxies the environment names, or None (``NO_PROXY`` alone names none)."""
    proxies = urllib.request.getproxies()
    return proxies if set(proxies) - {"no"} else None


class _ProxiedPool(httpx.BaseTransport):
    """hirelink's own pool when the environment names proxies (see :class:`_ProxyRoutes`).
    httpx reads them only for a client given no transport, and hirelink's are given one."""

    def __init__(self, proxies: Mapping[str, str]) -> None:
        self._routes = _ProxyRoutes(
            functools.partial(httpx.HTTPTransport, limits=POOL_LIMITS), proxies
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._routes.transport_for(request).handle_request(request)

    def close(self) -> None:
        for transport in self._routes.all():
            transport.close()


class _AsyncProxiedPool(httpx.AsyncBaseTransport):
    """The async twin of :class:`_ProxiedPool`."""

    def __init__(self, proxies: Mapping[str, str]) -> None:
        self._routes = _ProxyRoutes(httpx.AsyncHTTPTransport, proxies)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._routes.transport_for(request).handle_async_request(request)

    async def aclose(self) -> None:
        for transport in self._routes.all():
            await transport.aclose()


POOL_LIMITS: Final = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""The sync clients' own pool: up to 100 connections, each kept for reuse when idle.
httpx keeps 20 by default: a client shared by more threads than that closed a connection
after nearly every request and opened a new one for the next (a TCP and TLS handshake
each, and a socket left in TIME_WAIT). An idle connection expires after 5 s, but is closed
only at the client's next request or ``close()``: after a burst a client may hold up to
100 sockets. The async clients keep httpx's limits: their tasks did not reopen
connections so, and httpcore's pool, which looks through every connection it keeps on
each request, made 50 tasks at once a fifth slower with 100 kept. For other limits, pass
``httpx_client=`` a client of your own."""


def _pool() -> httpx.BaseTransport:
    proxies = _environment_proxies()
    if proxies is not None:
        return _ProxiedPool(proxies)
    return httpx.HTTPTransport(verify=default_ssl_context(), limits=POOL_LIMITS)


def _async_pool() -> httpx.AsyncBaseTransport:
    proxies = _environment_proxies()
    if proxies is not None:
        return _AsyncProxiedPool(proxies)
    return httpx.AsyncHTTPTransport(verify=default_ssl_context())


class _PerProcessPool(httpx.BaseTransport):
    """hirelink's own connection pool, made anew in a child process after ``os.fork``
    (Celery's prefork, gunicorn's ``--preload``, multiprocessing's ``fork``). A pooled
    keep-alive connection inherited through a fork is one socket in two processes: each
    read answers meant for the other. The parent's pool is left alone in the child, never
    closed there (closing a TLS connection writes to the socket the parent still uses)."""

    def __init__(self) -> None:
        self._pid = os.getpid()
        self._pool = _pool()

    def _current(self) -> httpx.BaseTransport:
        if self._pid != os.getpid():  # the pool first: a thread seeing the pid sees it too
            self._pool = _pool()
            self._pid = os.getpid()
        return self._pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._current().handle_request(request)

    def close(self) -> None:
        if self._pid == os.getpid():
            self._pool.close()


class _AsyncPerProcessPool(httpx.AsyncBaseTransport):
    """The async twin of :class:`_PerProcessPool`."""

    def __init__(self) -> None:
        self._pid = os.getpid()
        self._pool = _async_pool()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._pid != os.getpid():
            self._pool = _async_pool()
            self._pid = os.getpid()
        return await self._pool.handle_async_request(request)

    async def aclose(self) -> None:
        if self._pid == os.getpid():
            await self._pool.aclose()


def _check_settings() -> None:
    """What every client needs of the process, checked when a client is built: a bad
    ``$HIRELINK_JSON_DECODER`` is refused here, not after the first request was carried
    out. Also guards httpx's and httpcore's logs (see :func:`guard_transport_logs`)."""
    decoding.active_decoder()
    guard_transport_logs()


def build_client(
    config: HttpConfig,
    *,
    transport: httpx.BaseTransport | None = None,
    httpx_client: httpx.Client | None = None,
) -> httpx.Client:
    """A sync httpx client with hirelink's stack (see module docstring).

    With ``httpx_client``, requests go out through that client (see
    :class:`ThroughClient`): retries, rate limits and per-call options still apply.
    """
    _check_settings()
    if httpx_client is not None:
        inner: httpx.BaseTransport = ThroughClient(httpx_client)
    else:
        inner = transport or _PerProcessPool()
    inner = _HandOver(inner, traced=httpx_client is None and transport is None)
    if config.rate_limits:
        inner = RateLimitTransport(inner, config.rate_limits)
    settings = _client_settings(config, httpx_client)
    return httpx.Client(
        auth=config.auth,
        transport=RetryTransport(inner, config.retry),
        event_hooks=event_hooks(config, settings["headers"]),
        **settings,
    )


def build_async_client(
    config: HttpConfig,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    httpx_client: httpx.AsyncClient | None = None,
) -> httpx.AsyncClient:
    """The async twin of :func:`build_client`."""
    _check_settings()
    if httpx_client is not None:
        inner: httpx.AsyncBaseTransport = AsyncThroughClient(httpx_client)
    else:
        inner = transport or _AsyncPerProcessPool()
    inner = _AsyncHandOver(inner, traced=httpx_client is None and transport is None)
    if config.rate_limits:
        inner = AsyncRateLimitTransport(inner, config.rate_limits)
    settings = _client_settings(config, httpx_client)
    return httpx.AsyncClient(
        auth=config.auth,
        transport=AsyncRetryTransport(inner, config.retry),
        event_hooks=async_event_hooks(config, settings["headers"]),
        **settings,
    )
