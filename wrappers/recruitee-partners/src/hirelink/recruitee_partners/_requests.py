"""Recruitee Partners operations as prepared calls, shared by the sync and async clients.

Each method validates its arguments, converts them to the wire format and returns the
:class:`~hirelink.core.Call` to run. Nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, Literal, NotRequired, Required, TypedDict, Unpack
from uuid import UUID

from hirelink.api.recruitee_partners.api.partner import (
    create_partner,
    delete_partner,
    get_partner,
    regenerate_partner_secret,
    update_partner,
)
from hirelink.api.recruitee_partners.api.reports import (
    create_report,
    delete_report,
    list_candidate_reports,
    update_report,
)
from hirelink.api.recruitee_partners.models import (
    NewReport,
    Partner,
    PartnerFields,
    PartnerInputKind,
    PartnerKind,
    PartnerSecret,
    Report,
    ReportChanges,
    ReportStatus,
)
from hirelink.core import Call, InvalidInputError, Secret, instance_of, list_of, nothing
from hirelink.core.calls import Endpoint
from hirelink.core.validation import choice, non_empty_str, positive_int

Environment = Literal["rc", "production"]
KindName = Literal["assessment", "background_check", "reference_check"]
InputKindName = Literal["first_name", "last_name", "email", "phone", "admin", "offer"]
StatusName = Literal["sent", "completed", "failed", "canceled"]

_CODENAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_ENVIRONMENTS: tuple[Environment, ...] = ("rc", "production")


class ServiceUrls(TypedDict, total=False):
    """The partner's ``urls``: what Recruitee calls, and the help page it links to."""

    validate_token: str
    """GET here checks a customer's token (2xx accepts it, 401/403 reject it)."""
    tests: str
    """GET here lists the tests (or packages) a customer can choose from."""
    send_candidate: str
    """POST here hands over a candidate when a user clicks "Send"."""
    help_article: str
    """Help page for customers (needed before promotion); never called."""


class InputField(TypedDict):
    """One field of the dialog shown when a user sends a candidate."""

    kind: Required[InputKindName | PartnerInputKind]
    name: NotRequired[str]
    required: NotRequired[bool]


class PartnerDetails(TypedDict, total=False):
    """Optional fields of ``create_partner``."""

    description: str
    logo: str
    """Address of the logo image."""
    urls: ServiceUrls
    inputs: Iterable[InputField]
    """The send dialog's fields; Recruitee's default is first_name, last_name and email."""


class PartnerChanges(PartnerDetails, total=False):
    """Fields ``update_partner`` can change; only the ones given are sent."""

    kind: KindName | PartnerKind
    name: str


class ReportFields(TypedDict, total=False):
    """Fields of a report; ``create_report`` and ``update_report`` send only those given."""

    status: StatusName | ReportStatus
    """``sent``, ``completed``, ``failed`` or ``canceled``."""
    score: str
    """Free text shown as is: ``"82%"``, ``"12/15"``, ``"passed"``."""
    completed_at: datetime
    """When the candidate finished (naive datetimes are taken to be UTC)."""
    cancel_url: str
    """Where a Recruitee user can cancel the test (sent as ``urls.cancel``)."""
    subtitle: str
    """An extra line shown with the report (assessments only)."""


_URL_KEYS = tuple(ServiceUrls.__annotations__)
_INPUT_KEYS = frozenset(InputField.__annotations__)
_PARTNER = instance_of(Partner)
_REPORT = instance_of(Report)


_nothing = nothing


def _treat_secret_as_secret(partner: Partner) -> Partner:
    """Register the returned partner secret, so hirelink's logs and errors mask it."""
    if isinstance(partner.secret, str) and partner.secret.strip():
        Secret(partner.secret)
    return partner


def _as_secret(answer: PartnerSecret) -> Secret:
    return Secret(answer.secret)


def _url(field: str, value: object) -> str:
    url = non_empty_str(field, value)
    if not url.startswith(("https://", "http://")):
        raise InvalidInputError(field, f"must be an http(s) URL, got {url!r}")
    return url


def _reject_unknown(given: Iterable[str], allowed: Iterable[str], operation: str) -> None:
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise InvalidInputError(unknown[0], f"is not an argument of {operation}")


def company_path_segment(company_id: int | str) -> str:
    """The ``/c/{company_id}`` segment: a Recruitee company id, as digits."""
    digits = isinstance(company_id, str) and company_id.isascii() and company_id.isdigit()
    return str(positive_int("company_id", int(company_id) if digits else company_id))


def report_uuid(report_id: str | UUID) -> UUID:
    """A report id as received in ``send_candidate`` (a UUID, as a string or UUID)."""
    if isinstance(report_id, UUID):
        return report_id
    if isinstance(report_id, str):
        try:
            return UUID(report_id)
        except ValueError:
            pass
    raise InvalidInputError("report_id", f"must be the report's UUID, got {report_id!r}")


def iso_timestamp(field: str, value: object) -> str:
    """An ISO 8601 timestamp in UTC; naive datetimes are taken to be UTC already."""
    if not isinstance(value, datetime):
        raise InvalidInputError(field, f"must be a datetime, got {value!r}")
    moment = value.astimezone(UTC) if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return moment.isoformat()


class PartnersRequests:
    """Builds every Recruitee Partners call for one partner (its ``codename``)."""

    def __init__(self, codename: str, environment: Environment) -> None:
        if not isinstance(codename, str) or not _CODENAME.fullmatch(codename):
            raise InvalidInputError(
                "codename",
                f"must be the partner's codename (letters, digits, - and _), got {codename!r}",
            )
        if environment not in _ENVIRONMENTS:
            raise InvalidInputError(
                "environment", f"must be 'rc' or 'production', got {environment!r}"
            )
        self.codename = codename
        self.environment: Environment = environment

    # --- the partner record (RC only) -------------------------------------------------

    def _on_rc(self, operation: str) -> None:
        if self.environment != "rc":
            raise InvalidInputError(
                "environment",
                f"{operation} works on RC only: partner records are managed there (the "
                "personal API token is not accepted in production); a promoted partner is "
                "changed on RC (environment='rc') and then promoted again",
            )

    def _partner_kwargs(self, company_id: int | str) -> dict[str, Any]:
        return {"codename": self.codename, "company_id": company_path_segment(company_id)}

    def create_partner(
        self,
        company_id: int | str,
        *,
        kind: KindName | PartnerKind,
        name: str,
        **details: Unpack[PartnerDetails],
    ) -> Call[Partner]:
        self._on_rc("create_partner")
        _reject_unknown(details, PartnerDetails.__annotations__, "create_partner")
        fields = self._partner_fields({"kind": kind, "name": name, **details})
        return self._write_partner(create_partner, company_id, fields)

    def get_partner(self, company_id: int | str) -> Call[Partner]:
        self._on_rc("get_partner")
        kwargs = self._partner_kwargs(company_id)
        return Call(get_partner, _PARTNER, kwargs, envelope="partner").map(_treat_secret_as_secret)

    def update_partner(
        self, company_id: int | str, **changes: Unpack[PartnerChanges]
    ) -> Call[Partner]:
        self._on_rc("update_partner")
        _reject_unknown(changes, PartnerChanges.__annotations__, "update_partner")
        fields = self._partner_fields(changes)
        if not fields:
            raise InvalidInputError(
                "changes", "give at least one of: " + ", ".join(PartnerChanges.__annotations__)
            )
        return self._write_partner(update_partner, company_id, fields)

    def set_inputs(self, company_id: int | str, inputs: Iterable[InputField]) -> Call[Partner]:
        self._on_rc("set_inputs")
        return self._write_partner(create_partner, company_id, {"inputs": _inputs(inputs)})

    def delete_partner(self, company_id: int | str) -> Call[None]:
        self._on_rc("delete_partner")
        return Call(delete_partner, _nothing, self._partner_kwargs(company_id))

    def _write_partner(
        self, endpoint: Endpoint, company_id: int | str, fields: Mapping[str, object]
    ) -> Call[Partner]:
        kwargs = {**self._partner_kwargs(company_id), "body": PartnerFields.from_dict(fields)}
        return Call(endpoint, _PARTNER, kwargs, envelope="partner").map(_treat_secret_as_secret)

    @staticmethod
    def _partner_fields(fields: Mapping[str, object]) -> dict[str, object]:
        """Validated wire values of the partner fields given (None means not given)."""
        wire: dict[str, object] = {}
        for field, value in fields.items():
            if value is None:
                continue
            if field == "kind":
                wire[field] = choice(field, value, PartnerKind).value
            elif field in ("name", "logo"):
                wire[field] = non_empty_str(field, value)
            elif field == "description":
                if not isinstance(value, str):
                    raise InvalidInputError(field, f"must be a string, got {value!r}")
                wire[field] = value
            elif field == "urls":
                wire[field] = _service_urls(value)
            elif field == "inputs":
                wire[field] = _inputs(value)
        return wire

    def regenerate_secret(self) -> Call[Secret]:
        kwargs = {"codename": self.codename}
        return Call(regenerate_partner_secret, instance_of(PartnerSecret), kwargs).map(_as_secret)

    # --- reports (partner secret) ---------------------------------------------------

    def list_candidate_reports(
        self, company_id: int | str, candidate_id: int
    ) -> Call[list[Report]]:
        kwargs = {
            "codename": self.codename,
            "company_id": company_path_segment(company_id),
            "candidate_id": positive_int("candidate_id", candidate_id),
        }
        return Call(list_candidate_reports, list_of(Report), kwargs, envelope="reports")

    def create_report(
        self, company_id: int | str, candidate_id: int, **fields: Unpack[ReportFields]
    ) -> Call[Report]:
        _reject_unknown(fields, ReportFields.__annotations__, "create_report")
        kwargs = {
            "codename": self.codename,
            "company_id": company_path_segment(company_id),
            "candidate_id": positive_int("candidate_id", candidate_id),
            "body": NewReport.from_dict(_report_fields(fields)),
        }
        return Call(create_report, _REPORT, kwargs, envelope="report")

    def update_report(self, report_id: str | UUID, **changes: Unpack[ReportFields]) -> Call[Report]:
        _reject_unknown(changes, ReportFields.__annotations__, "update_report")
        wire = _report_fields(changes)
        if not wire:
            raise InvalidInputError(
                "changes", "give at least one of: " + ", ".join(ReportFields.__annotations__)
            )
        kwargs = {
            "codename": self.codename,
            "report_id": report_uuid(report_id),
            "body": ReportChanges.from_dict(wire),
        }
        return Call(update_report, _REPORT, kwargs, envelope="report")

    def delete_report(self, report_id: str | UUID) -> Call[None]:
        kwargs = {"codename": self.codename, "report_id": report_uuid(report_id)}
        return Call(delete_report, _nothing, kwargs)


def _service_urls(value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidInputError("urls", f"must be a mapping of {', '.join(_URL_KEYS)}")
    _reject_unknown(value, _URL_KEYS, "urls")
    urls = {key: _url(f"urls.{key}", url) for key, url in value.items() if url is not None}
    if not urls:
        raise InvalidInputError("urls", f"give at least one of: {', '.join(_URL_KEYS)}")
    return urls


def _inputs(value: object) -> list[dict[str, object]]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError("inputs", f"must be a list of input fields, got {value!r}")
    inputs: list[dict[str, object]] = []
    for index, item in enumerate(value):
        where = f"inputs.{index}"
        if not isinstance(item, Mapping) or "kind" not in item:
            raise InvalidInputError(where, f"must be a mapping with a 'kind', got {item!r}")
        unknown = sorted(set(item) - _INPUT_KEYS)
        if unknown:
            raise InvalidInputError(f"{where}.{unknown[0]}", "is not a key of an input field")
        wire: dict[str, object] = {"kind": choice(f"{where}.kind", item["kind"], PartnerInputKind)}
        if item.get("name") is not None:
            wire["name"] = non_empty_str(f"{where}.name", item["name"])
        if "required" in item:
            if not isinstance(item["required"], bool):
                raise InvalidInputError(f"{where}.required", "must be True or False")
            wire["required"] = item["required"]
        inputs.append(wire)
    if not inputs:
        raise InvalidInputError("inputs", "must contain at least one input field")
    return inputs


def _report_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """Validated wire values of the report fields given (None means not given)."""
    wire: dict[str, object] = {}
    for field, value in fields.items():
        if value is None:
            continue
        if field == "status":
            wire[field] = choice(field, value, ReportStatus).value
        elif field in ("score", "subtitle"):
            wire[field] = non_empty_str(field, value)
        elif field == "completed_at":
            wire[field] = iso_timestamp(field, value)
        elif field == "cancel_url":
            wire["urls"] = {"cancel": _url(field, value)}
    return wire
