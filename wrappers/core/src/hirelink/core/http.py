"""Builds the httpx clients that the generated code sends through.

Every provider client gets the same stack, outermost first:

    event hooks: log request -> (send) -> log response -> raise typed ApiError on >= 400
    auth (an ``httpx.Auth``)
    RetryTransport (per-call options, retries, backoff, Retry-After)
    RateLimitTransport (only when the config declares rate limits)
    the inner transport (``httpx.HTTPTransport`` unless the caller supplies one)

Because errors are raised in a response hook, generated code only ever parses 2xx
bodies; a wrapper never checks status codes itself. The one exception: an auth flow
that answers some statuses itself (a token renewal after a 401) lists them in the
request's :data:`AUTH_HANDLED_STATUSES` extension, and the hook lets those through.
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import Awaitable, Callable, Mapping, Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Final, TypedDict

import httpx
from attrs import define, field

from .errors import ErrorRefiner, api_error_from_response
from .options import as_timeout, check_max_retries
from .ratelimit import AsyncRateLimitTransport, RateLimit, RateLimitTransport
from .redaction import log_request, log_response
from .transport import AsyncRetryTransport, RetryPolicy, RetryTransport

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""30 s to read/write/wait for a pooled connection, 10 s to connect."""

DEFAULT_MAX_RETRIES = 2

AUTH_HANDLED_STATUSES: Final = "hirelink_auth_handled_statuses"
"""Request extension: the statuses the request's auth flow answers itself (e.g. a 401 it
renews a token for); the typed-error hook does not raise for them."""


@functools.cache
def default_ssl_context() -> ssl.SSLContext:
    """One verifying SSL context for every client hirelink builds.

    httpx builds a new context (loading the CA bundle, ~5 ms) for each transport; clients
    are cheap to create once that cost is paid once per process.
    """
    return httpx.create_ssl_context()


def _user_agent() -> str:
    try:
        return f"hirelink/{version('hirelink-core')}"
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "hirelink"


USER_AGENT = _user_agent()


class ClientOptions(TypedDict, total=False):
    """Keyword options every provider client accepts."""

    base_url: str
    """Where to send requests: another environment, or a sandbox."""
    timeout: float | httpx.Timeout | None
    """Seconds (or an ``httpx.Timeout``) for each request; None for no limit."""
    max_retries: int
    """Resends after refusals, 5xx answers and connection failures (0 disables)."""
    headers: Mapping[str, str]
    """Extra headers sent with every request."""


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
    ) -> HttpConfig:
        """Validate user-facing settings (seconds or Timeout, retry count) into a config."""
        return cls(
            base_url=base_url.rstrip("/"),
            auth=auth,
            timeout=as_timeout("timeout", timeout),
            retry=RetryPolicy(max_retries=check_max_retries(max_retries)),
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            refine_error=refine_error,
            rate_limits=tuple(rate_limits),
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
    ) -> HttpConfig:
        """A config from a client's ``**options``, filling in hirelink's defaults.

        ``rate_limits`` are client-side limits for the requests they match (see
        :mod:`hirelink.core.ratelimit`); a caller-supplied httpx client keeps its own
        transport, so they (like retries) apply only to clients hirelink builds.
        """
        return cls.create(
            base_url=options.get("base_url") or default_base_url,
            auth=auth,
            timeout=options.get("timeout", DEFAULT_TIMEOUT),
            max_retries=options.get("max_retries", DEFAULT_MAX_RETRIES),
            headers=options.get("headers"),
            refine_error=refine_error,
            rate_limits=rate_limits,
        )


def _release_stream(response: httpx.Response) -> None:
    """Drop httpx's stream wrapper once the body is read.

    httpx wraps each response's stream in an object that points back at the response;
    that cycle keeps every body alive until the cycle collector runs, so walking many
    pages would grow memory with the pages walked. The body is read already, so a plain
    stream over it is all the response needs.
    """
    response.stream = httpx.ByteStream(response.content)


def _should_raise(response: httpx.Response) -> bool:
    """An error status that no auth flow has claimed (see :data:`AUTH_HANDLED_STATUSES`)."""
    if not response.is_error:
        return False
    handled = response.request.extensions.get(AUTH_HANDLED_STATUSES, ())
    return response.status_code not in handled


def _raise_for_status(refine: ErrorRefiner | None) -> Callable[[httpx.Response], None]:
    def hook(response: httpx.Response) -> None:
        response.read()  # hirelink never streams: httpx would read it next anyway
        _release_stream(response)
        if _should_raise(response):
            raise api_error_from_response(response, refine=refine)

    return hook


def _araise_for_status(
    refine: ErrorRefiner | None,
) -> Callable[[httpx.Response], Awaitable[None]]:
    async def hook(response: httpx.Response) -> None:
        await response.aread()
        _release_stream(response)
        if _should_raise(response):
            raise api_error_from_response(response, refine=refine)

    return hook


async def _alog_request(request: httpx.Request) -> None:
    log_request(request)


async def _alog_response(response: httpx.Response) -> None:
    log_response(response)


EventHooks = dict[str, list[Callable[..., object]]]


def event_hooks(config: HttpConfig) -> EventHooks:
    """Logging and typed-error hooks for a sync httpx client."""
    return {
        "request": [log_request],
        "response": [log_response, _raise_for_status(config.refine_error)],
    }


def async_event_hooks(config: HttpConfig) -> EventHooks:
    """Logging and typed-error hooks for an async httpx client."""
    return {
        "request": [_alog_request],
        "response": [_alog_response, _araise_for_status(config.refine_error)],
    }


def build_client(
    config: HttpConfig, *, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """A sync httpx client with hirelink's stack (see module docstring)."""
    inner = transport or httpx.HTTPTransport(verify=default_ssl_context())
    if config.rate_limits:
        inner = RateLimitTransport(inner, config.rate_limits)
    return httpx.Client(
        base_url=config.base_url,
        auth=config.auth,
        timeout=config.timeout,
        headers=dict(config.headers),
        transport=RetryTransport(inner, config.retry),
        event_hooks=event_hooks(config),
    )


def build_async_client(
    config: HttpConfig, *, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The async twin of :func:`build_client`."""
    inner = transport or httpx.AsyncHTTPTransport(verify=default_ssl_context())
    if config.rate_limits:
        inner = AsyncRateLimitTransport(inner, config.rate_limits)
    return httpx.AsyncClient(
        base_url=config.base_url,
        auth=config.auth,
        timeout=config.timeout,
        headers=dict(config.headers),
        transport=AsyncRetryTransport(inner, config.retry),
        event_hooks=async_event_hooks(config),
    )
