"""``Join`` and ``AsyncJoin``: JOIN's API v2.

Both inherit every operation from :class:`~hirelink.join._operations.JoinOperations`, where
each is declared once; they add only their constructor.
"""

from __future__ import annotations

import hashlib
from typing import Final, Unpack
from urllib.parse import urlsplit

import httpx

from hirelink.api.join import Client
from hirelink.core import (
    ApiError,
    AsyncProviderClient,
    ClientOptions,
    CredentialVariables,
    DuplicateApplicationError,
    HeaderAuth,
    HttpConfig,
    ProviderClient,
    Secret,
)
from hirelink.core.validation import secret

from ._operations import DEFAULT_BASE_URL, JoinOperations

ENVIRONMENT_VARIABLES: Final = CredentialVariables("HIRELINK_JOIN", "token")
"""Where the clients read ``token`` when it is not passed."""

CREDENTIAL_HINT: Final = (
    "Check the API token (token): JOIN app > User Settings > API Credentials "
    "(https://join.com/user/api); a revoked token cannot be restored, generate a new one"
)
"""What an :class:`~hirelink.core.AuthenticationError` (401) tells the caller to check."""


def refine_join_error(error: ApiError) -> ApiError | None:
    """JOIN says "already exists" when a candidate applies to a job twice.

    The status of that answer is not known (409, 400 or 422 are all plausible), so the
    message decides: any such answer to ``POST /applications`` becomes a
    :class:`~hirelink.core.DuplicateApplicationError` keeping the real status.
    """
    if (
        error.method == "POST"
        and urlsplit(error.url).path.endswith("/applications")
        and "already exists" in error.message.lower()
    ):
        return error.recast(DuplicateApplicationError)
    return None


def _config(
    client: JoinOperations, token: str | Secret | None, options: ClientOptions
) -> HttpConfig:
    with ENVIRONMENT_VARIABLES.naming_variables(token=token):
        given = secret("token", ENVIRONMENT_VARIABLES.require("token", token))
    # A token stands for one company: a digest of it names the company where hirelink
    # keeps something per company (a watch's checkpoint), without keeping the token.
    digest = hashlib.sha256(b"hirelink-join-account\0" + given.reveal().encode())
    client.account = digest.hexdigest()[:16]
    return HttpConfig.from_options(
        options,
        default_base_url=DEFAULT_BASE_URL,
        auth=HeaderAuth(given, hint=CREDENTIAL_HINT),  # Authorization: <token>, no scheme
        refine_error=refine_join_error,
    )


class Join(JoinOperations, ProviderClient):
    """A JOIN company, reached with its API token.

    Args:
        token: the API token (JOIN app: User Settings > API Credentials). It is sent
            as the whole ``Authorization`` header, without ``Bearer``. The API needs
            JOIN's Advanced or Enterprise plan. Default ``$HIRELINK_JOIN_TOKEN``.
        httpx_client: your own ``httpx.Client`` (proxies, TLS, limits); requests go out
            through it with hirelink's auth, retries and hooks; it is left unchanged.
        transport: an inner httpx transport, wrapped by hirelink's retry transport; it
            replaces hirelink's own, the environment's proxies with it.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (production,
            :data:`~hirelink.join.DEFAULT_BASE_URL`, by default; a sandbox URL), ``timeout``
            (seconds or an ``httpx.Timeout``), ``max_retries`` (resends after 408, 429,
            500, 502, 503, 504, 520 to 524 and connection failures, waiting ``x-ratelimit-reset``
            seconds after a 429; a POST or PATCH only when JOIN cannot have processed
            it), ``headers``.

    Every method raises :class:`hirelink.core.InvalidInputError` for bad arguments
    (before sending anything) and :class:`hirelink.core.ApiError` subclasses for error
    answers. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        *,
        token: str | Secret | None = None,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _config(self, token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)


class AsyncJoin(JoinOperations, AsyncProviderClient):
    """The async twin of :class:`Join`: same arguments, same methods, awaited
    (``aclose()`` for ``close()``).

    The ``iter_*`` methods return async iterators (``async for``).
    """

    def __init__(
        self,
        *,
        token: str | Secret | None = None,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        config = _config(self, token, options)
        super().__init__(config, Client, httpx_client=httpx_client, transport=transport)
