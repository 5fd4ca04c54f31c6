"""``Personio`` and ``AsyncPersonio``: Personio's recruiting APIs.

Both hosts go through one httpx client (one connection pool, one set of hooks): the API
host is its base URL, the career-site host of the XML feed is addressed by absolute URL.
A :class:`~hirelink.core.RoutedAuth` gives each request the credential its path needs:

- ``{api}/v1/recruiting/...``: the Recruiting API key (bearer access token plus
  ``X-Company-ID``);
- ``{api}/v2/auth/...``: nothing (the token endpoints take credentials in the body);
- ``{api}/v2/...``: the custom integration's OAuth token
  (:class:`~hirelink.core.ClientCredentialsAuth` fetches and renews it);
- anything else, in particular the public job feed host: nothing.

Both classes inherit every operation from
:class:`~hirelink.personio._operations.PersonioOperations`.
"""

from __future__ import annotations

from typing import Final, Unpack

import attrs
import httpx

from hirelink.api.personio import Client
from hirelink.core import (
    AsyncProviderClient,
    ClientCredentialsAuth,
    ClientOptions,
    CredentialVariables,
    HeaderAuth,
    HttpConfig,
    ProviderClient,
    RateLimit,
    RoutedAuth,
    Secret,
)
from hirelink.core.http import account_at
from hirelink.core.stores import Store
from hirelink.core.validation import base_url, positive_seconds

from ._errors import refine_personio_error
from ._operations import DEFAULT_API_BASE_URL, DEFAULT_JOBS_BASE_URL, PersonioOperations
from .credentials import WHERE_TO_FIND, Credentials

__all__ = [
    "DEFAULT_API_BASE_URL",
    "DEFAULT_JOBS_BASE_URL",
    "RECRUITING_REQUESTS_PER_WINDOW",
    "RECRUITING_WINDOW",
    "TOKEN_REQUESTS_PER_WINDOW",
    "TOKEN_WINDOW",
    "AsyncPersonio",
    "Personio",
]

RECRUITING_REQUESTS_PER_WINDOW: Final = 20
"""Requests the Recruiting API takes per company in :data:`RECRUITING_WINDOW` seconds."""
RECRUITING_WINDOW: Final = 60.0
"""Personio's Recruiting API limit: 20 requests per 60 s per company, uploads and
submissions together."""

TOKEN_REQUESTS_PER_WINDOW: Final = 150
"""Token requests (``POST /v2/auth/token``) Personio takes per :data:`TOKEN_WINDOW`."""
TOKEN_WINDOW: Final = 60.0
"""Personio's token limit: 150 requests a minute; past it, one a second for the next 60 s.
A 429 naming no wait is resent after the window (core's rule for a limited request)."""

ENVIRONMENT_VARIABLES: Final = CredentialVariables(
    "HIRELINK_PERSONIO",
    "subdomain",
    "company_id",
    "recruiting_token",
    "channel_id",
    "client_id",
    "client_secret",
)
"""Where the clients read each credential that is not passed."""

CREDENTIAL_KINDS: Final = (("company_id", "recruiting_token"), ("client_id", "client_secret"))
"""The two kinds of API credential: the Recruiting API key (v1) and a custom integration's
client credentials (v2). A client passed one of a kind reads only that kind's variables."""


def _hint(*names: str) -> str:
    where = "; ".join(f"{name} is under {WHERE_TO_FIND[name]}" for name in names)
    return f"Check {' and '.join(names)}: {where}"


def _credentials(
    subdomain: str | None,
    company_id: int | str | None,
    recruiting_token: str | Secret | None,
    channel_id: int | str | None,
    client_id: str | None,
    client_secret: str | Secret | None,
) -> Credentials:
    """The given credentials, each one not given read from its environment variable.

    The environment completes a kind of API credential the code passed part of; a kind it
    passed nothing of, and ``channel_id``, are read only when it passed no API credential
    at all. A service serving several companies passes each one's credentials, and
    variables left in its environment may be another company's: a Recruiting API key read
    from them would send this company's applications to that one, and a channel id would
    attribute them to that company's channel.
    """
    given = {
        "company_id": company_id,
        "recruiting_token": recruiting_token,
        "client_id": client_id,
        "client_secret": client_secret,
    }
    passed = {name for name, value in given.items() if value is not None}
    readable = {
        name for kind in CREDENTIAL_KINDS if not passed or passed & set(kind) for name in kind
    }
    if not passed or channel_id is not None:
        readable.add("channel_id")
    read = ENVIRONMENT_VARIABLES.get_value
    api = {name: read(name, value) if name in readable else value for name, value in given.items()}
    unread = tuple(
        (name, ENVIRONMENT_VARIABLES[name])
        for name in (*given, "channel_id")
        if name not in readable and read(name, None) is not None
    )
    with ENVIRONMENT_VARIABLES.naming_variables(
        **given, subdomain=subdomain, channel_id=channel_id
    ):
        credentials = Credentials.create(
            ENVIRONMENT_VARIABLES.require("subdomain", subdomain),
            channel_id=read("channel_id", channel_id) if "channel_id" in readable else None,
            **api,  # type: ignore[arg-type]
        )
    return attrs.evolve(credentials, unread=unread)


def _setup(
    client: PersonioOperations,
    credentials: Credentials,
    jobs_base_url: str | None,
    recruiting_rate_window: float,
    store: Store | str | None,
    options: ClientOptions,
) -> HttpConfig:
    api = base_url("base_url", options.get("base_url") or DEFAULT_API_BASE_URL).rstrip("/")
    jobs = base_url("jobs_base_url", jobs_base_url or DEFAULT_JOBS_BASE_URL)
    window = positive_seconds("recruiting_rate_window", recruiting_rate_window)
    client.credentials = credentials
    client.feed_url = jobs.replace("{subdomain}", credentials.subdomain).rstrip("/") + "/xml"
    client.oauth = None
    if credentials.client_id is not None and credentials.client_secret is not None:
        client.oauth = ClientCredentialsAuth(
            f"{api}/v2/auth/token",
            credentials.client_id,
            credentials.client_secret,
            hint=_hint("client_id", "client_secret"),
        )
    recruiting = None
    if credentials.recruiting_token is not None:
        company = {} if credentials.company_id is None else {"X-Company-ID": credentials.company_id}
        recruiting = HeaderAuth(
            credentials.recruiting_token,
            prefix="Bearer ",
            headers=company,
            hint=_hint("company_id", "recruiting_token"),
        )
    auth = RoutedAuth(
        [("^/v1/recruiting/", recruiting), ("^/v2/auth/", None), ("^/v2/", client.oauth)],
        base_url=api,
    )
    limits = []
    api_path = httpx.URL(api).path.rstrip("/")
    if client.oauth is not None:
        limits.append(
            RateLimit.shared(
                "personio-token:" + account_at(credentials.client_id, api, DEFAULT_API_BASE_URL),
                requests=TOKEN_REQUESTS_PER_WINDOW,
                per=TOKEN_WINDOW,
                paths=api_path + "/v2/auth/token",
                headroom=TOKEN_WINDOW / 60,
            )
        )
    if credentials.company_id is not None:
        limits.append(
            RateLimit.shared(
                "personio-recruiting:"
                + account_at(credentials.company_id, api, DEFAULT_API_BASE_URL),
                requests=RECRUITING_REQUESTS_PER_WINDOW,
                per=window,
                paths=api_path + "/v1/recruiting/applications",
                # Personio counts arrivals, we count departures: a second a minute of slack.
                headroom=window / 60,
            )
        )
    return HttpConfig.from_options(
        options,
        default_base_url=api,
        auth=auth,
        refine_error=refine_personio_error,
        rate_limits=limits,
        store=store,
    )


class Personio(PersonioOperations, ProviderClient):
    """A Personio company, reached with the credentials of Personio's connection flow.

    Args:
        subdomain: the company: the subdomain of the Personio login page (``acme`` for
            ``https://acme.personio.de``), or that address (under personio.de or
            personio.com; another host is refused). Required by every client; it also
            opens the XML job feed.
        company_id, recruiting_token: the Company ID and Access token of the
            "Recruiting API key" (Settings > Integrations > API credentials). Used to
            upload documents and create applications (API v1) when given; without them
            those go through v2 with the client credentials.
        channel_id: the "Recruiting API channel ID" of the channel the customer created
            for you (Settings > Recruiting > Channels); new applications are attributed
            to it unless ``recruiting_channel_id`` says otherwise.
        client_id, client_secret: a custom integration's client ID and API secret
            (Marketplace > Create custom integration). Needed for the v2 reads, and for
            uploads and applications when the Recruiting API key is not given (scope
            ``personio:recruiting:write``); tokens are fetched, cached and renewed
            automatically.
        jobs_base_url: the career-site host of the XML feed; ``{subdomain}`` in it is
            replaced (default ``https://{subdomain}.jobs.personio.de``).
        recruiting_rate_window: seconds of the Recruiting API's rate window (60): at
            most 20 uploads and submissions per window per company, across every client
            of the process. Only a sandbox with a shorter window needs another value.
        store: where that budget and the OAuth token live: this process (the default,
            unless ``$HIRELINK_STORE`` names one) or Redis, shared by every worker: a
            ``redis://`` / ``rediss://`` / ``unix://`` URL or a
            :class:`hirelink.core.stores.RedisStore` (see :mod:`hirelink.core.stores`).
        httpx_client: your own ``httpx.Client``; requests go out through it with
            hirelink's auth, retries, rate limits and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's rate-limit and retry
            transports; it replaces hirelink's own, the environment's proxies with it.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (the API host,
            ``https://api.personio.de``, e.g. a sandbox), ``timeout``, ``max_retries``,
            ``headers`` (e.g. Personio's recommended partner headers: its v1 pages name
            them ``X-Personio-Partner-ID`` and ``X-Personio-App-ID``, its v2 document
            ``Personio-Partner-ID`` and ``Personio-App-ID``; which names v2 reads is not
            documented, so send both pairs; they go with the token exchange too).

    Every argument is keyword-only. A credential not passed is read from its environment
    variable, ``HIRELINK_PERSONIO_`` and the argument's name in capitals
    (``HIRELINK_PERSONIO_SUBDOMAIN``, ``..._COMPANY_ID``, ``..._RECRUITING_TOKEN``,
    ``..._CHANNEL_ID``, ``..._CLIENT_ID``, ``..._CLIENT_SECRET``), except that a client
    passed one kind of API credential (``company_id``/``recruiting_token``, or
    ``client_id``/``client_secret``) does not read the other kind, which may be another
    company's; a missing credential's error says when its variable was set but not read.
    An :class:`~hirelink.core.AuthenticationError` says which credential to check and where
    the customer finds it. Each operation needs only its own credentials;
    calling one without them raises :class:`~hirelink.core.InvalidInputError` naming
    the credential and where to find it. API failures raise
    :class:`~hirelink.core.ApiError` subclasses.
    """

    def __init__(
        self,
        *,
        subdomain: str | None = None,
        company_id: int | None = None,
        recruiting_token: str | Secret | None = None,
        channel_id: int | None = None,
        client_id: str | None = None,
        client_secret: str | Secret | None = None,
        jobs_base_url: str | None = None,
        recruiting_rate_window: float = RECRUITING_WINDOW,
        store: Store | str | None = None,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        credentials = _credentials(
            subdomain, company_id, recruiting_token, channel_id, client_id, client_secret
        )
        config = _setup(self, credentials, jobs_base_url, recruiting_rate_window, store, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)


class AsyncPersonio(PersonioOperations, AsyncProviderClient):
    """The async twin of :class:`Personio`: same arguments, same methods, awaited
    (``aclose()`` for ``close()``).

    The ``iter_*`` methods return async iterators (``async for``).
    """

    def __init__(
        self,
        *,
        subdomain: str | None = None,
        company_id: int | None = None,
        recruiting_token: str | Secret | None = None,
        channel_id: int | None = None,
        client_id: str | None = None,
        client_secret: str | Secret | None = None,
        jobs_base_url: str | None = None,
        recruiting_rate_window: float = RECRUITING_WINDOW,
        store: Store | str | None = None,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        credentials = _credentials(
            subdomain, company_id, recruiting_token, channel_id, client_id, client_secret
        )
        config = _setup(self, credentials, jobs_base_url, recruiting_rate_window, store, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)
