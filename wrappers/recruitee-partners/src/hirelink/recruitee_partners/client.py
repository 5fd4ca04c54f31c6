"""``RecruiteePartners`` and ``AsyncRecruiteePartners``: the Recruitee Partners API.

The API takes two credentials for different operations: the RC Personal API token for
the partner record, the partner secret (``RT-PARTNER-SECRET``) for reports. Each
credential given gets its own connection (a hirelink-core provider client), so a request
only ever carries the credential its operation needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, Self, TypeVar, Unpack
from uuid import UUID

import httpx
from attrs import frozen

from hirelink.api.recruitee_partners import Client
from hirelink.api.recruitee_partners.models import Partner, PartnerKind, Report
from hirelink.core import (
    AsyncProviderClient,
    Call,
    ClientOptions,
    HeaderAuth,
    HttpConfig,
    InvalidInputError,
    ProviderClient,
    Secret,
)

from ._requests import (
    Environment,
    InputField,
    KindName,
    PartnerChanges,
    PartnerDetails,
    PartnersRequests,
    ReportFields,
)

T = TypeVar("T")

PRODUCTION_BASE_URL: Final = "https://integrations.recruitee.com/api"
RC_BASE_URL: Final = "https://integrations.rc.recruitee.dev/api"
"""Recruitee's release-candidate environment, where partners are built and managed."""
BASE_URLS: Final[Mapping[Environment, str]] = {
    "rc": RC_BASE_URL,
    "production": PRODUCTION_BASE_URL,
}
PARTNER_SECRET_HEADER: Final = "RT-PARTNER-SECRET"  # noqa: S105 - a header name


def _credential(field: str, value: str | Secret) -> Secret:
    return Secret.coerce(value, field=field)


@frozen
class _Setup:
    """What both client classes derive from their constructor arguments."""

    requests: PartnersRequests
    base_url: str
    management: HttpConfig | None
    reports: HttpConfig | None


def _setup(
    codename: str,
    environment: Environment,
    personal_token: str | Secret | None,
    partner_secret: str | Secret | None,
    options: ClientOptions,
    *,
    shared_httpx_client: bool,
) -> _Setup:
    requests = PartnersRequests(codename, environment)
    default_base_url = BASE_URLS[environment]
    management = reports = None
    # The personal token only works on RC, and only partner management takes it.
    if personal_token is not None and environment == "rc":
        auth = HeaderAuth.bearer(_credential("personal_token", personal_token))
        management = HttpConfig.from_options(options, default_base_url=default_base_url, auth=auth)
    if partner_secret is not None:
        secret = _credential("partner_secret", partner_secret)
        auth = HeaderAuth(secret, header=PARTNER_SECRET_HEADER)
        reports = HttpConfig.from_options(options, default_base_url=default_base_url, auth=auth)
    if shared_httpx_client and management is not None and reports is not None:
        raise InvalidInputError(
            "httpx_client",
            "one httpx client cannot carry both credentials; pass transport= instead, or "
            "build one client per credential",
        )
    base_url = (options.get("base_url") or default_base_url).rstrip("/")
    return _Setup(requests, base_url, management, reports)


def _missing(credential: str, purpose: str) -> InvalidInputError:
    return InvalidInputError(credential, f"{purpose} needs {credential}=; none was given")


_NO_TOKEN = ("personal_token", "managing the partner record")
_NO_SECRET = ("partner_secret", "this report operation")


class _Connection(ProviderClient):
    """The connection of one credential."""

    def run(self, call: Call[T]) -> T:
        return self._run(call)

    def rotate(self, secret: Secret) -> None:
        _rotate(self._http.auth, secret)


class _AsyncConnection(AsyncProviderClient):
    """The async connection of one credential."""

    async def run(self, call: Call[T]) -> T:
        return await self._run(call)

    def rotate(self, secret: Secret) -> None:
        _rotate(self._http.auth, secret)


def _rotate(auth: httpx.Auth | None, secret: Secret) -> None:
    assert isinstance(auth, HeaderAuth)  # the partner secret's auth, from _setup
    auth.rotate(secret)


class RecruiteePartners:
    """The Recruitee Partners API for one partner, from the partner's side.

    Args:
        codename: the partner's codename (chosen when it was created).
        environment: ``"rc"`` (release candidate, the default: where partners are built
            and their record managed) or ``"production"`` (reports only).
        personal_token: a Personal API token created on RC; needed to create, read,
            change or delete the partner record. Not accepted in production.
        partner_secret: the partner's ``secret``; needed for reports and to regenerate
            the secret.
        httpx_client: your own ``httpx.Client``, when only one credential is given
            (one client cannot carry two credentials; use ``transport`` then).
        transport: an inner httpx transport (proxies, TLS), shared by both credentials'
            connections and wrapped by hirelink's retry transport.
        **options: :class:`hirelink.core.ClientOptions`: ``base_url`` (overrides the
            environment's URL, e.g. a sandbox), ``timeout``, ``max_retries``, ``headers``.

    Partner-record methods raise :class:`hirelink.core.InvalidInputError` with
    ``environment="production"``: a promoted partner is changed on RC and promoted again.
    A method whose credential was not given raises ``InvalidInputError`` naming it. In
    both cases nothing is sent. Error answers raise :class:`hirelink.core.ApiError`
    subclasses. Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        codename: str,
        *,
        environment: Environment = "rc",
        personal_token: str | Secret | None = None,
        partner_secret: str | Secret | None = None,
        httpx_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        setup = _setup(
            codename,
            environment,
            personal_token,
            partner_secret,
            options,
            shared_httpx_client=httpx_client is not None,
        )
        self._requests = setup.requests
        self._base_url = setup.base_url
        self._management: _Connection | None = None
        self._reports: _Connection | None = None
        if setup.management is not None:
            self._management = _Connection(
                setup.management, Client, httpx_client=httpx_client, transport=transport
            )
        if setup.reports is not None:
            self._reports = _Connection(
                setup.reports, Client, httpx_client=httpx_client, transport=transport
            )

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def codename(self) -> str:
        return self._requests.codename

    @property
    def environment(self) -> Environment:
        return self._requests.environment

    def __repr__(self) -> str:
        return (
            f"RecruiteePartners(codename={self.codename!r}, "
            f"environment={self.environment!r}, base_url={self.base_url!r})"
        )

    def _manage(self, call: Call[T]) -> T:
        if self._management is None:
            raise _missing(*_NO_TOKEN)
        return self._management.run(call)

    def _report(self, call: Call[T]) -> T:
        if self._reports is None:
            raise _missing(*_NO_SECRET)
        return self._reports.run(call)

    # --- the partner record (RC, personal token) ------------------------------------

    def create_partner(
        self,
        company_id: int | str,
        *,
        kind: KindName | PartnerKind,
        name: str,
        **details: Unpack[PartnerDetails],
    ) -> Partner:
        """Create the partner in ``company_id`` (the RC company that owns it).

        ``kind`` is ``assessment``, ``background_check`` or ``reference_check``.
        Optional: ``description``, ``logo``, ``urls`` (``validate_token``, ``tests``,
        ``send_candidate``, ``help_article``) and ``inputs``. The answer carries the new
        partner ``secret`` (hirelink masks it in its logs and errors from then on).
        """
        return self._manage(
            self._requests.create_partner(company_id, kind=kind, name=name, **details)
        )

    def get_partner(self, company_id: int | str) -> Partner:
        """The partner record, including its current ``secret``."""
        return self._manage(self._requests.get_partner(company_id))

    def update_partner(self, company_id: int | str, **changes: Unpack[PartnerChanges]) -> Partner:
        """Change only the given fields (``kind``, ``name``, ``description``, ``logo``,
        ``urls``, ``inputs``); at least one is required. ``inputs`` replaces the list."""
        return self._manage(self._requests.update_partner(company_id, **changes))

    def set_inputs(self, company_id: int | str, inputs: Iterable[InputField]) -> Partner:
        """Replace the fields of the send dialog, e.g.
        ``[{"kind": "phone", "name": "phone", "required": False}]``.

        Kinds: ``first_name``, ``last_name``, ``email`` (the defaults), ``phone``,
        ``admin`` and ``offer``; each configured extra adds keys to ``send_candidate``.
        """
        return self._manage(self._requests.set_inputs(company_id, inputs))

    def delete_partner(self, company_id: int | str) -> None:
        """Delete the partner record."""
        self._manage(self._requests.delete_partner(company_id))

    # --- partner secret -------------------------------------------------------------

    def regenerate_secret(self) -> Secret:
        """Issue a new partner secret, switch this client to it, and return it.

        Recruitee retires the old secret at once; this client sends the new one from
        its next call on. Store the returned secret wherever you keep credentials.
        """
        secret = self._report(self._requests.regenerate_secret())
        assert self._reports is not None  # _report raised otherwise
        self._reports.rotate(secret)
        return secret

    def list_candidate_reports(self, company_id: int | str, candidate_id: int) -> list[Report]:
        """The reports this partner holds on a candidate of a customer company."""
        return self._report(self._requests.list_candidate_reports(company_id, candidate_id))

    def create_report(
        self, company_id: int | str, candidate_id: int, **fields: Unpack[ReportFields]
    ) -> Report:
        """Create a report on a candidate (``status`` defaults to ``sent``).

        Recruitee creates the report itself when a user sends a candidate, so this is
        only for results that did not start in Recruitee. Never retried after a server
        error, so a report is never created twice.
        """
        return self._report(self._requests.create_report(company_id, candidate_id, **fields))

    def update_report(self, report_id: str | UUID, **changes: Unpack[ReportFields]) -> Report:
        """Report progress or a result; only the given fields are sent.

        Fields: ``status`` (``sent``, ``completed``, ``failed``, ``canceled``),
        ``score`` (free text such as ``"82%"``), ``completed_at`` (a datetime),
        ``cancel_url`` and ``subtitle``. ``report_id`` is the ``report_id`` Recruitee
        sent with the candidate.
        """
        return self._report(self._requests.update_report(report_id, **changes))

    def delete_report(self, report_id: str | UUID) -> None:
        """Delete a report."""
        self._report(self._requests.delete_report(report_id))

    # --- lifecycle ------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection pools this client opened."""
        for connection in (self._management, self._reports):
            if connection is not None:
                connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncRecruiteePartners:
    """The async twin of :class:`RecruiteePartners`: same arguments, same methods, awaited."""

    def __init__(
        self,
        codename: str,
        *,
        environment: Environment = "rc",
        personal_token: str | Secret | None = None,
        partner_secret: str | Secret | None = None,
        httpx_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        setup = _setup(
            codename,
            environment,
            personal_token,
            partner_secret,
            options,
            shared_httpx_client=httpx_client is not None,
        )
        self._requests = setup.requests
        self._base_url = setup.base_url
        self._management: _AsyncConnection | None = None
        self._reports: _AsyncConnection | None = None
        if setup.management is not None:
            self._management = _AsyncConnection(
                setup.management, Client, httpx_client=httpx_client, transport=transport
            )
        if setup.reports is not None:
            self._reports = _AsyncConnection(
                setup.reports, Client, httpx_client=httpx_client, transport=transport
            )

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def codename(self) -> str:
        return self._requests.codename

    @property
    def environment(self) -> Environment:
        return self._requests.environment

    def __repr__(self) -> str:
        return (
            f"AsyncRecruiteePartners(codename={self.codename!r}, "
            f"environment={self.environment!r}, base_url={self.base_url!r})"
        )

    async def _manage(self, call: Call[T]) -> T:
        if self._management is None:
            raise _missing(*_NO_TOKEN)
        return await self._management.run(call)

    async def _report(self, call: Call[T]) -> T:
        if self._reports is None:
            raise _missing(*_NO_SECRET)
        return await self._reports.run(call)

    async def create_partner(
        self,
        company_id: int | str,
        *,
        kind: KindName | PartnerKind,
        name: str,
        **details: Unpack[PartnerDetails],
    ) -> Partner:
        """See :meth:`RecruiteePartners.create_partner`."""
        return await self._manage(
            self._requests.create_partner(company_id, kind=kind, name=name, **details)
        )

    async def get_partner(self, company_id: int | str) -> Partner:
        """See :meth:`RecruiteePartners.get_partner`."""
        return await self._manage(self._requests.get_partner(company_id))

    async def update_partner(
        self, company_id: int | str, **changes: Unpack[PartnerChanges]
    ) -> Partner:
        """See :meth:`RecruiteePartners.update_partner`."""
        return await self._manage(self._requests.update_partner(company_id, **changes))

    async def set_inputs(self, company_id: int | str, inputs: Iterable[InputField]) -> Partner:
        """See :meth:`RecruiteePartners.set_inputs`."""
        return await self._manage(self._requests.set_inputs(company_id, inputs))

    async def delete_partner(self, company_id: int | str) -> None:
        """See :meth:`RecruiteePartners.delete_partner`."""
        await self._manage(self._requests.delete_partner(company_id))

    async def regenerate_secret(self) -> Secret:
        """See :meth:`RecruiteePartners.regenerate_secret` (this client switches too)."""
        secret = await self._report(self._requests.regenerate_secret())
        assert self._reports is not None  # _report raised otherwise
        self._reports.rotate(secret)
        return secret

    async def list_candidate_reports(
        self, company_id: int | str, candidate_id: int
    ) -> list[Report]:
        """See :meth:`RecruiteePartners.list_candidate_reports`."""
        return await self._report(self._requests.list_candidate_reports(company_id, candidate_id))

    async def create_report(
        self, company_id: int | str, candidate_id: int, **fields: Unpack[ReportFields]
    ) -> Report:
        """See :meth:`RecruiteePartners.create_report`."""
        return await self._report(self._requests.create_report(company_id, candidate_id, **fields))

    async def update_report(self, report_id: str | UUID, **changes: Unpack[ReportFields]) -> Report:
        """See :meth:`RecruiteePartners.update_report`."""
        return await self._report(self._requests.update_report(report_id, **changes))

    async def delete_report(self, report_id: str | UUID) -> None:
        """See :meth:`RecruiteePartners.delete_report`."""
        await self._report(self._requests.delete_report(report_id))

    async def aclose(self) -> None:
        """Close the connection pools this client opened."""
        for connection in (self._management, self._reports):
            if connection is not None:
                await connection.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
