"""``Recruitee`` and ``AsyncRecruitee``: the Recruitee ATS API.

Both inherit every operation from :class:`~hirelink.recruitee._operations.RecruiteeOperations`,
where each is declared once; they add only their constructor.
"""

from __future__ import annotations

from typing import Final, Unpack

import httpx

from hirelink.api.recruitee import Client
from hirelink.core import (
    AsyncProviderClient,
    ClientOptions,
    CredentialVariables,
    HeaderAuth,
    HttpConfig,
    ProviderClient,
    Secret,
)
from hirelink.core.validation import secret

from ._operations import DEFAULT_BASE_URL, RecruiteeOperations, company_path_segment

ENVIRONMENT_VARIABLES: Final = CredentialVariables("HIRELINK_RECRUITEE", "company_id", "token")
"""Where the clients read ``company_id`` and ``token`` when they are not passed."""

CREDENTIAL_HINT: Final = (
    "Check the personal API token (token) and the company ID (company_id): tokens are made "
    "in Recruitee under Settings > Apps and plugins > Personal API tokens, belong to one "
    "user and one company and stop working when revoked; the company ID is in the app's "
    "URL after company= (or use the company's subdomain)"
)
"""What an :class:`~hirelink.core.AuthenticationError` (401) tells the caller to check."""


def _setup(
    client: RecruiteeOperations,
    company_id: int | str | None,
    token: str | Secret | None,
    options: ClientOptions,
) -> HttpConfig:
    with ENVIRONMENT_VARIABLES.naming_variables(company_id=company_id, token=token):
        client.company_id = company_path_segment(
            ENVIRONMENT_VARIABLES.require("company_id", company_id)
        )
        given = secret("token", ENVIRONMENT_VARIABLES.require("token", token))
    return HttpConfig.from_options(
        options,
        default_base_url=DEFAULT_BASE_URL,
        auth=HeaderAuth.bearer(given, hint=CREDENTIAL_HINT),
    )


class Recruitee(RecruiteeOperations, ProviderClient):
    """A Recruitee company, reached with a personal API token.

    Args:
        company_id: the numeric company id (after ``company=`` in the app's URL) or the
            company's subdomain; default ``$HIRELINK_RECRUITEE_COMPANY_ID``.
        token: a personal API token (Settings > Apps and plugins > Personal API tokens).
            It acts with its creator's permissions and never expires unless revoked;
            default ``$HIRELINK_RECRUITEE_TOKEN``.
        httpx_client: your own ``httpx.Client`` (proxies, TLS, limits); requests go out
            through it with hirelink's auth, retries and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's retry transport; it
            replaces hirelink's own, the environment's proxies with it.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (production by
            default; :data:`~hirelink.recruitee.RC_BASE_URL` or a sandbox URL), ``timeout``
            (seconds or an ``httpx.Timeout``), ``max_retries`` (resends after 408, 429,
            500, 502, 503, 504, 520 to 524 and connection failures; POST and PATCH only when the
            server cannot have processed them), ``headers`` (e.g. Recruitee's
            ``x-recruitee-partner-name`` and ``x-recruitee-partner-id`` for marketplace
            apps).

    Every method raises :class:`hirelink.core.InvalidInputError` for bad arguments
    (before sending anything) and :class:`hirelink.core.ApiError` subclasses for error
    answers; an :class:`~hirelink.core.AuthenticationError` says which credential to check
    and where to find it. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        *,
        company_id: int | str | None = None,
        token: str | Secret | None = None,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _setup(self, company_id, token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)


class AsyncRecruitee(RecruiteeOperations, AsyncProviderClient):
    """The async twin of :class:`Recruitee`: same arguments, same methods, awaited
    (``aclose()`` for ``close()``).

    ``iter_candidates`` returns an async iterator (``async for``).
    """

    def __init__(
        self,
        *,
        company_id: int | str | None = None,
        token: str | Secret | None = None,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _setup(self, company_id, token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)
