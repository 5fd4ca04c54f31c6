"""``RecruiteePartners`` and ``AsyncRecruiteePartners``: the Recruitee Partners API.

The API takes two credentials for different operations: the RC Personal API token for
the partner record, the partner secret (``RT-PARTNER-SECRET``) for reports. One
connection holds both: a :class:`~hirelink.core.RoutedAuth` gives each request the
credential its path needs, so a request only ever carries one. Which one a new secret
takes Recruitee does not document, so that call goes with the personal token where the
client holds one on RC and, refused, with the partner secret
(:class:`~hirelink.core.FirstAcceptedAuth`). Both classes inherit every operation from
:class:`~hirelink.recruitee_partners._operations.PartnersOperations`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Unpack

import httpx

from hirelink.api.recruitee_partners import Client
from hirelink.core import (
    AsyncProviderClient,
    ClientOptions,
    CredentialVariables,
    FirstAcceptedAuth,
    HeaderAuth,
    HttpConfig,
    InvalidInputError,
    ProviderClient,
    RoutedAuth,
    Secret,
)
from hirelink.core.validation import secret

from ._operations import Environment, PartnersOperations, codename_and_environment

PRODUCTION_BASE_URL: Final = "https://integrations.recruitee.com/api"
"""Recruitee's Partners API in production."""
RC_BASE_URL: Final = "https://integrations.rc.recruitee.dev/api"
"""Recruitee's release-candidate environment, where partners are built and managed."""
BASE_URLS: Final[Mapping[Environment, str]] = {
    "rc": RC_BASE_URL,
    "production": PRODUCTION_BASE_URL,
}
"""The Partners API of each environment (``rc``, ``production``)."""
PARTNER_SECRET_HEADER: Final = "RT-PARTNER-SECRET"  # noqa: S105 - a header name
"""The header carrying the partner secret."""
_PARTNER_RECORD_PATH = r"/p/[^/]+/c/[^/]+/partner$"
_NEW_SECRET_PATH = r"/p/[^/]+/partner/regenerate-secret$"  # noqa: S105 - a path

ENVIRONMENT_VARIABLES: Final = CredentialVariables(
    "HIRELINK_RECRUITEE_PARTNERS", "codename", "environment", "personal_token", "partner_secret"
)
"""Where the clients read ``codename``, ``environment``, ``personal_token`` and
``partner_secret`` when they are not passed."""

CREDENTIAL_HINTS: Final[Mapping[str, str]] = {
    "personal_token": (
        "Check the personal token (personal_token): a Personal API token created on "
        "Recruitee's RC environment (https://app.rc.recruitee.dev/#/settings/api_tokens); "
        "production tokens are not accepted"
    ),
    "partner_secret": (
        "Check the partner secret (partner_secret): the partner record's secret, returned "
        "when the partner was created on RC or its secret regenerated; it is sent as "
        "RT-PARTNER-SECRET"
    ),
}
"""What an :class:`~hirelink.core.AuthenticationError` (401) tells the caller to check."""

_NEW_SECRET_HINTS: Final[Mapping[bool, str]] = {
    True: (
        "Recruitee refused both the personal token and the partner secret for a new secret "
        "(which one the call takes is not documented): check both"
    ),
    False: (
        f"{CREDENTIAL_HINTS['partner_secret']}. Which credential a new secret takes is not "
        "documented: if the secret is right, it may take the personal token, which works on "
        "RC only: give it with environment='rc', and it is tried first"
    ),
}
"""The hint of a refused new secret, by whether the personal token was tried as well."""


def _refuse_the_other_environment(environment: Environment, base_url: str) -> None:
    """Refuse a ``base_url`` on the host of the environment not named: RC's personal token
    went to production, and operations refused for production were sent to RC. Another
    host (a sandbox, a proxy) is the caller's to choose."""
    try:  # the host as httpx will send to it (IDNA: full-width dots are dots)
        host = httpx.URL(base_url.strip()).host.rstrip(".")
    except (httpx.InvalidURL, ValueError):
        return  # not a URL: the client options say so
    for other, url in BASE_URLS.items():
        if other != environment and host == httpx.URL(url).host:
            raise InvalidInputError(
                "base_url",
                f"is Recruitee's {other} Partners API, while the environment is "
                f"{environment!r}: give environment={other!r}, or leave base_url out",
            )


def _setup(
    client: PartnersOperations,
    codename: str | None,
    environment: Environment | None,
    personal_token: str | Secret | None,
    partner_secret: str | Secret | None,
    options: ClientOptions,
) -> HttpConfig:
    passed = {
        "codename": codename,
        "environment": environment,
        "personal_token": personal_token,
        "partner_secret": partner_secret,
    }
    read = ENVIRONMENT_VARIABLES.get_value
    with ENVIRONMENT_VARIABLES.naming_variables(**passed):
        client.codename, client.environment = codename_and_environment(
            ENVIRONMENT_VARIABLES.require("codename", codename),
            read("environment", environment) or "rc",
        )
        personal_token = read("personal_token", personal_token)
        partner_secret = read("partner_secret", partner_secret)
        management = reports = None
        # The personal token only works on RC, and only partner management takes it.
        if personal_token is not None and client.environment == "rc":
            management = HeaderAuth.bearer(
                secret("personal_token", personal_token), hint=CREDENTIAL_HINTS["personal_token"]
            )
        if partner_secret is not None:
            reports = HeaderAuth(
                secret("partner_secret", partner_secret),
                header=PARTNER_SECRET_HEADER,
                hint=CREDENTIAL_HINTS["partner_secret"],
            )
    default_base_url = BASE_URLS[client.environment]
    if options.get("base_url") is not None:
        _refuse_the_other_environment(client.environment, str(options["base_url"]))
    client.partner_secret_auth = reports
    # Given, even where unusable: operations on the partner record refuse production
    # themselves, naming the environment rather than the token.
    client.credentials_given = frozenset(
        name
        for name, value in (("personal_token", personal_token), ("partner_secret", reports))
        if value is not None
    )
    new_secret = None
    if reports is not None:
        tried = [auth for auth in (management, reports) if auth is not None]
        new_secret = FirstAcceptedAuth(tried, hint=_NEW_SECRET_HINTS[len(tried) > 1])
    auth = RoutedAuth(
        [(_PARTNER_RECORD_PATH, management), (_NEW_SECRET_PATH, new_secret), ("/p/", reports)]
    )
    return HttpConfig.from_options(options, default_base_url=default_base_url, auth=auth)


class RecruiteePartners(PartnersOperations, ProviderClient):
    """The Recruitee Partners API for one partner, from the partner's side.

    Args:
        codename: the partner's codename (chosen when it was created).
        environment: ``"rc"`` (release candidate, the default: where partners are built
            and their record managed) or ``"production"`` (reports and a new secret; the
            record is managed on RC only). Not passed: read from
            ``HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT``, else ``"rc"``.
        personal_token: a Personal API token created on RC; needed to create, read,
            change or delete the partner record, and tried first for a new secret. Not
            accepted in production.
        partner_secret: the partner's ``secret``; needed for reports and to regenerate
            the secret.
        httpx_client: your own ``httpx.Client`` (proxies, TLS, limits); requests go out
            through it with hirelink's auth, retries and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's retry transport; it
            replaces hirelink's own, the environment's proxies with it.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (overrides the
            environment's URL, e.g. a sandbox), ``timeout``, ``max_retries``, ``headers``.

    A credential not passed is read from its environment variable:
    ``HIRELINK_RECRUITEE_PARTNERS_CODENAME``, ``HIRELINK_RECRUITEE_PARTNERS_PERSONAL_TOKEN``,
    ``HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET``. An
    :class:`~hirelink.core.AuthenticationError` says which credential to check.

    Partner-record methods raise :class:`hirelink.core.InvalidInputError` with
    ``environment="production"``: a promoted partner is changed on RC and promoted again.
    A method whose credential was not given raises ``InvalidInputError`` naming it. In
    both cases nothing is sent. Error answers raise :class:`hirelink.core.ApiError`
    subclasses. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        *,
        codename: str | None = None,
        environment: Environment | None = None,
        personal_token: str | Secret | None = None,
        partner_secret: str | Secret | None = None,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _setup(self, codename, environment, personal_token, partner_secret, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)


class AsyncRecruiteePartners(PartnersOperations, AsyncProviderClient):
    """The async twin of :class:`RecruiteePartners`: same arguments, same methods, awaited
    (``aclose()`` for ``close()``)."""

    def __init__(
        self,
        *,
        codename: str | None = None,
        environment: Environment | None = None,
        personal_token: str | Secret | None = None,
        partner_secret: str | Secret | None = None,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _setup(self, codename, environment, personal_token, partner_secret, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)
