"""Every Recruitee Partners operation, declared once for both client classes.

Each operation validates its arguments, converts them to the wire format and returns the
:class:`~hirelink.core.Call` to run; :func:`~hirelink.core.operation` makes it a method
of ``RecruiteePartners`` and ``AsyncRecruiteePartners`` and an entry of the operations
catalog. Nothing here does I/O.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import partial
from typing import Any, ClassVar, Final, Literal, NotRequired, Required, TypedDict, Unpack
from uuid import UUID

from hirelink.api.recruitee_partners import models
from hirelink.api.recruitee_partners.models import (
    PartnerInputKind,
    PartnerKind,
    ReportStatus,
)
from hirelink.core import (
    Call,
    Flow,
    HeaderAuth,
    Inputs,
    InvalidInputError,
    MalformedResponseError,
    Param,
    Secret,
    instance_of,
    list_of,
    nothing,
    operation,
)
from hirelink.core.calls import may_have_been_carried_out
from hirelink.core.checks import ConnectionCheck
from hirelink.core.secrets import mask_all_while_alive, pop_secrets
from hirelink.core.validation import (
    choice,
    described,
    flag,
    http_url,
    id_number,
    json_object,
    non_empty_str,
    numeric_id,
    positive_int,
    secret,
    shape,
    text,
    utc_moment,
)

from .connection import PROBE_CANDIDATE_ID, PROBE_COMPANY_ID, connection_flow

logger = logging.getLogger("hirelink.recruitee_partners")

Environment = Literal["rc", "production"]
"""Where a partner lives: Recruitee's release-candidate environment (``rc``) or
``production``."""
KindName = Literal["assessment", "background_check", "reference_check"]
"""A partner's kind (``create_partner(kind=)``, ``PartnerChanges.kind``)."""
InputKindName = Literal["first_name", "last_name", "email", "phone", "admin", "offer"]
"""The kind of a field of the dialog shown when a user sends a candidate
(``InputField.kind``)."""
StatusName = Literal["sent", "completed", "failed", "canceled"]
"""A report's status (``ReportFields.status``)."""


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
    """What the partner does, shown to Recruitee users."""
    logo: str
    """Address of the logo image."""
    urls: ServiceUrls
    """The partner service's URLs: ``validate_token``, ``tests``, ``send_candidate`` and
    ``help_article``."""
    inputs: Iterable[InputField]
    """The send dialog's fields; Recruitee's default is first_name, last_name and email."""
    options: Mapping[str, object]
    """Behaviour flags of the integration, as a JSON object (their names are not public)."""


class PartnerChanges(PartnerDetails, total=False):
    """Fields ``update_partner`` can change; only the ones given are sent."""

    kind: KindName | PartnerKind
    """``assessment``, ``background_check`` or ``reference_check``."""
    name: str
    """The partner's name, shown to Recruitee users."""


class ReportFields(TypedDict, total=False):
    """Fields of a report; ``create_report`` and ``update_report`` send only those given."""

    status: StatusName | ReportStatus
    """``sent``, ``completed``, ``failed`` or ``canceled``."""
    score: str
    """Free text shown as is: ``"82%"``, ``"12/15"``, ``"passed"``."""
    completed_at: datetime
    """When the candidate finished (a datetime with a time zone)."""
    cancel_url: str
    """Where a Recruitee user can cancel the test (sent as ``urls.cancel``)."""
    subtitle: str
    """An extra line shown with the report (assessments only)."""
    properties: Mapping[str, object]
    """Extra details as a JSON object (assessments only; the shape is not public)."""


_URL_KEYS = tuple(ServiceUrls.__annotations__)
# Reports the sandbox seeds, so that the examples run against it.
_SENT_REPORT_EXAMPLE = "a1dd18bf-b78c-4aa5-b13a-cf940e8b5e5b"
_COMPLETED_REPORT_EXAMPLE = "b9eb4151-2294-4f25-9d31-34834f174540"


def _treat_secret_as_secret(partner: models.Partner) -> models.Partner:
    """Register the returned partner secret, so hirelink's logs and errors mask it.

    An answer that did not read as the spec says comes back as a record whose raw members
    are kept; a ``secret`` among them (at any depth: bare, under ``partner``...) moves to
    ``secret``, whose repr is masked, so that it is neither printed with the raw members
    nor lost."""
    found = pop_secrets(partner.additional_properties, ("secret",))
    if found and not isinstance(partner.secret, str):
        partner.secret = found[0]
    mask_all_while_alive(partner, [partner.secret, *found])
    return partner


def _as_secret(answer: models.PartnerSecret) -> Secret:
    if not isinstance(answer.secret, str):  # no secret read: the answer's own error says
        return Secret(answer.secret)
    try:
        # Sent from the next call on: one a header cannot carry would fail every call
        # after, and httpx's refusal quotes a control character in a form scrub misses.
        return secret("secret", answer.secret)  # as the client's constructor checks it
    except InvalidInputError:
        raise MalformedResponseError(
            "regenerate_partner_secret",
            "the issued secret cannot be sent as this client's credential (blank, a control"
            " character or a letter beyond ASCII, a space at an end, a 'Bearer ' in front);"
            " the client keeps the secret it had",
        ) from None


def report_uuid(report_id: str | UUID) -> UUID:
    """A report id as received in ``send_candidate`` (a UUID, as a string or UUID)."""
    if isinstance(report_id, UUID):
        return report_id
    if isinstance(report_id, str):
        try:
            return UUID(report_id)
        except ValueError:
            pass
    raise InvalidInputError("report_id", f"must be the report's UUID, got {shape(report_id)}")


def iso_timestamp(field: str, value: object) -> str:
    """An ISO 8601 timestamp in UTC of a datetime with a time zone."""
    if not isinstance(value, datetime):
        raise InvalidInputError(field, f"must be a datetime, got {shape(value)}")
    return utc_moment(field, value).isoformat()


def _service_urls(field: str, value: object) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidInputError(field, f"must be a mapping of {', '.join(_URL_KEYS)}")
    table = Inputs(field, **{f"{field}.{key}": Param(http_url, wire=key) for key in _URL_KEYS})
    urls = table.wire({f"{field}.{key}": url for key, url in value.items()})
    if not urls:
        raise InvalidInputError(field, f"give at least one of: {', '.join(_URL_KEYS)}")
    return urls


def _inputs(field: str, value: object) -> list[dict[str, object]]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(field, f"must be a list of input fields, got {shape(value)}")
    inputs: list[dict[str, object]] = []
    for index, item in enumerate(value):
        where = f"{field}.{index}"
        if not isinstance(item, Mapping) or item.get("kind") is None:
            raise InvalidInputError(where, f"must be a mapping with a 'kind', got {shape(item)}")
        given = {f"{where}.{key}": entry for key, entry in item.items()}
        table = Inputs(
            "an input field",
            **{
                f"{where}.kind": Param(lambda f, v: choice(f, v, PartnerInputKind), wire="kind"),
                f"{where}.name": Param(non_empty_str, wire="name"),
                f"{where}.required": Param(flag, wire="required"),
            },
        )
        inputs.append(table.wire(given))
    if not inputs:
        raise InvalidInputError(field, "must contain at least one input field")
    _warn_without_defaults(field, {str(item["kind"]) for item in inputs})
    return inputs


DEFAULT_INPUT_KINDS: Final = ("first_name", "last_name", "email")
"""The send dialog's fields Recruitee configures by default and asks partners to keep."""


def _warn_without_defaults(field: str, kinds: set[str]) -> None:
    """Warn (not refuse: Recruitee's guide itself shows a list of one extra input) when
    the inputs leave out a default field, which Recruitee may then leave out of
    ``send_candidate``, while a service built with the kit needs the names in each."""
    missing = [kind for kind in DEFAULT_INPUT_KINDS if kind not in kinds]
    if missing:
        logger.warning(
            "%s leaves out the default input(s) %s: Recruitee's guide says the three defaults "
            "(first_name, last_name, email) should at minimum be used, and the partner "
            "service kit refuses a send_candidate without any of the three (422); add to the "
            "defaults rather than replace them",
            field,
            ", ".join(missing),
        )


_PARTNER_FIELDS = Inputs(
    "update_partner",
    kind=lambda field, value: choice(field, value, PartnerKind).value,
    name=non_empty_str,
    description=text,
    logo=non_empty_str,
    urls=_service_urls,
    inputs=_inputs,
    options=json_object,
)
_REPORT_FIELDS = Inputs(
    "update_report",
    status=lambda field, value: choice(field, value, ReportStatus).value,
    score=non_empty_str,
    completed_at=iso_timestamp,
    cancel_url=Param(lambda field, value: {"cancel": http_url(field, value)}, wire="urls"),
    subtitle=non_empty_str,
    properties=json_object,
)
# The creates take what the updates change, and name themselves in a refusal.
_NEW_PARTNER = Inputs("create_partner", **_PARTNER_FIELDS.params)
_NEW_REPORT = Inputs("create_report", **_REPORT_FIELDS.params)
_CODENAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def codename_and_environment(codename: object, environment: object) -> tuple[str, Environment]:
    if not isinstance(codename, str) or not _CODENAME.fullmatch(codename):
        raise InvalidInputError(
            "codename",
            "must be the partner's codename (letters, digits, - and _), got " + described(codename),
        )
    # An enum member (of a class mixing in str) as its value, not as ``Cls.MEMBER``.
    if environment == "rc":
        return str.__str__(codename), "rc"
    if environment == "production":
        return str.__str__(codename), "production"
    raise InvalidInputError("environment", f"must be 'rc' or 'production', got {environment!r}")


_PERSONAL_TOKEN: Final = ("personal_token",)
"""What managing the partner record (on RC) needs."""
_PARTNER_SECRET: Final = ("partner_secret",)
"""What the partner's own calls (reports, a new secret) need."""


class PartnersOperations:
    """The operations of one partner; the client sets the attributes below."""

    renamed_methods: ClassVar[Mapping[str, str]] = {
        "set_inputs": "set_partner_inputs",
        "regenerate_secret": "regenerate_partner_secret",
    }
    """Methods renamed in hirelink 0.2: calling an old one names the new one."""

    codename: str
    environment: Environment
    credentials_given: frozenset[str]
    """Which of ``personal_token`` and ``partner_secret`` the client holds."""
    partner_secret_auth: HeaderAuth | None
    """The partner secret's credential, rotated in place by :meth:`regenerate_partner_secret`."""

    def _repr_fields(self) -> dict[str, object]:
        return {"codename": self.codename, "environment": self.environment}

    def _switch_to(self, secret: Secret) -> Secret:
        if self.partner_secret_auth is not None:
            self.partner_secret_auth.rotate(secret)
        return secret

    def _on_rc(self, operation: str) -> None:
        if self.environment != "rc":
            raise InvalidInputError(
                "environment",
                f"{operation} works on RC only: partner records are managed there (the "
                "personal API token is not accepted in production); a promoted partner is "
                "changed on RC (environment='rc') and then promoted again",
            )

    def _write_partner(
        self, company_id: int, fields: Mapping[str, object], *, new: bool
    ) -> Call[models.Partner]:
        """POST (``new``: create, or replace what is given) or PATCH the partner record."""
        if new:
            from hirelink.api.recruitee_partners.api.partner.create_partner import sync_detailed
        else:
            from hirelink.api.recruitee_partners.api.partner.update_partner import sync_detailed
        endpoint = sync_detailed
        body = models.PartnerFields.from_dict(fields)
        request = partial(endpoint, self.codename, numeric_id("company_id", company_id), body=body)
        # A PATCH of the fields given does the same however often it arrives.
        return self._partner_call(request, repeatable=not new)

    def _partner_call(
        self, endpoint_call: partial[Any], *, repeatable: bool = False
    ) -> Call[models.Partner]:
        return Call(
            endpoint_call,
            instance_of(models.Partner),
            envelope="partner",
            issues_credential=True,
            repeatable=repeatable,
        ).map(_treat_secret_as_secret)

    # --- first, so that its example finds the stand-in's partner record -------------

    @operation("Check Connection", example={"company_id": 4100})
    def check_connection(self, *, company_id: int | None = None) -> Flow[list[ConnectionCheck]]:
        """Check each credential the client holds and say what is wrong with it.

        Returns one :class:`~hirelink.core.ConnectionCheck` for the personal token (a read
        of the partner record of ``company_id``, the RC company owning it; without it a
        sample company is asked, which proves the token alone) and one for the partner
        secret (a reports read), saying what to fix. Changes nothing; never raises for API
        failures. The verdicts: :mod:`hirelink.recruitee_partners.connection`.

        Args:
            company_id: The RC company that owns the partner record (a number, or text of digits),
                whose record is read to check the personal token; left out, a sample company is
                asked, which proves the token alone.
        """
        company = None if company_id is None else id_number("company_id", company_id)
        return connection_flow(
            codename=self.codename,
            environment=self.environment,
            given=self.credentials_given,
            company_id=company,
            partner_record=lambda company: PartnersOperations.get_partner.prepare(self, company),
            reports=lambda: PartnersOperations.list_candidate_reports.prepare(
                self, PROBE_COMPANY_ID, PROBE_CANDIDATE_ID
            ),
        )

    # --- the partner record (RC, personal token) ------------------------------------

    @operation(
        "Create Partner",
        example={
            "company_id": 4100,
            "kind": "assessment",
            "name": "SkillCheck",
            "urls": {"send_candidate": "https://api.skillcheck.example/recruitee/send"},
        },
        requires=_PERSONAL_TOKEN,
    )
    def create_partner(
        self,
        company_id: int,
        *,
        kind: KindName | PartnerKind,
        name: str,
        **details: Unpack[PartnerDetails],
    ) -> Call[models.Partner]:
        """Create the partner in ``company_id`` (the RC company that owns it).

        ``kind`` is ``assessment``, ``background_check`` or ``reference_check``.
        Optional: ``description``, ``logo``, ``urls`` (``validate_token``, ``tests``,
        ``send_candidate``, ``help_article``), ``inputs`` and ``options``. The answer
        carries the new partner ``secret`` (hirelink masks it in its logs and errors from
        then on).

        Args:
            company_id: The RC company that owns the partner record: its numeric id, as a number or
                as text of digits.
            kind: ``assessment``, ``background_check`` or ``reference_check``: it changes only the
                labels Recruitee shows (such as "Send test").
            name: The partner's name, shown to Recruitee users (non-empty text).
        """
        self._on_rc("create_partner")
        for required, value in (("kind", kind), ("name", name)):
            if value is None:
                raise InvalidInputError(required, "is required to create a partner")
        fields = _NEW_PARTNER.wire({"kind": kind, "name": name, **details})
        return self._write_partner(company_id, fields, new=True)

    @operation("Retrieve Partner", example={"company_id": 4100}, requires=_PERSONAL_TOKEN)
    def get_partner(self, company_id: int) -> Call[models.Partner]:
        """The partner record, including its current ``secret``.

        Args:
            company_id: The RC company that owns the partner record: its numeric id, as a number or
                as text of digits.
        """
        from hirelink.api.recruitee_partners.api.partner import get_partner

        self._on_rc("get_partner")
        request = partial(
            get_partner.sync_detailed, self.codename, numeric_id("company_id", company_id)
        )
        return self._partner_call(request)

    @operation(
        "Update Partner",
        example={"company_id": 4100, "description": "Timed coding tests."},
        requires=_PERSONAL_TOKEN,
    )
    def update_partner(
        self, company_id: int, **changes: Unpack[PartnerChanges]
    ) -> Call[models.Partner]:
        """Change only the given fields (``kind``, ``name``, ``description``, ``logo``,
        ``urls``, ``inputs``, ``options``); at least one is required. ``inputs`` replaces the
        list.

        Args:
            company_id: The RC company that owns the partner record: its numeric id, as a number or
                as text of digits.
        """
        self._on_rc("update_partner")
        fields = _PARTNER_FIELDS.wire_changes(changes)
        return self._write_partner(company_id, fields, new=False)

    @operation(
        "Set Partner Inputs",
        example={
            "company_id": 4100,
            "inputs": [
                {"kind": "first_name", "name": "first_name", "required": True},
                {"kind": "last_name", "name": "last_name", "required": True},
                {"kind": "email", "name": "email", "required": True},
                {"kind": "phone", "name": "phone", "required": False},
            ],
        },
        requires=_PERSONAL_TOKEN,
    )
    def set_partner_inputs(
        self, company_id: int, inputs: Iterable[InputField]
    ) -> Call[models.Partner]:
        """Replace the fields of the send dialog: the defaults plus any extras, e.g.
        ``first_name``, ``last_name`` and ``email`` (each ``required``) and
        ``{"kind": "phone", "name": "phone", "required": False}``.

        Kinds: ``first_name``, ``last_name``, ``email`` (the defaults, which Recruitee asks
        partners to keep), ``phone``, ``admin`` and ``offer``; each configured extra adds
        keys to ``send_candidate``. A list leaving out a default is sent, with a warning on
        the ``hirelink.recruitee_partners`` logger.

        Args:
            company_id: The RC company that owns the partner record: its numeric id, as a number or
                as text of digits.
            inputs: The send dialog's fields (at least one), each a mapping with ``kind``
                (``first_name``, ``last_name``, ``email``, ``phone``, ``admin`` or ``offer``) and
                optionally ``name`` (non-empty text) and ``required`` (True or False); the list
                replaces the one the partner has.
        """
        self._on_rc("set_partner_inputs")
        return self._write_partner(company_id, {"inputs": _inputs("inputs", inputs)}, new=True)

    # --- partner secret -------------------------------------------------------------

    @operation("Regenerate Partner Secret", requires=_PARTNER_SECRET)
    def regenerate_partner_secret(self) -> Flow[Secret]:
        """Issue a new partner secret, switch this client to it, and return it.

        Recruitee retires the old secret at once; this client sends the new one from its
        next call on. Store the returned secret wherever you keep credentials.

        Which credential the call takes Recruitee does not document (its guide scopes the
        secret to reports): a client holding the personal token on RC sends that first,
        and the partner secret when the token is refused; in production, the secret. When the
        answer is lost or unreadable (a timeout, a dropped connection, a 5xx, a body that
        does not read), the error's note says that the
        secret may have changed all the same, and where to read it.
        """
        from hirelink.api.recruitee_partners.api.partner import regenerate_partner_secret

        request = partial(regenerate_partner_secret.sync_detailed, self.codename)
        # Switched to while the call still holds the rotation (see Call.rotates): calls
        # refused meanwhile wait for the new secret, and a second regeneration for this one.
        call = Call(
            request,
            instance_of(models.PartnerSecret),
            issues_credential=True,
            rotates=self.partner_secret_auth,
        )
        try:
            issued: Secret = yield call.map(lambda answer: self._switch_to(_as_secret(answer)))
        except BaseException as error:  # also Ctrl-C or a cancel while it was out
            if not may_have_been_carried_out(error):
                raise
            error.add_note(
                "Recruitee may have issued a new partner secret and retired the old one: if "
                "the next call is refused, read the current secret with get_partner (it "
                "needs the personal token); with the hirelink command, run "
                "regenerate_partner_secret again on RC, which stores the secret it issues"
            )
            raise
        return issued

    # --- reports (partner secret) ---------------------------------------------------

    @operation(
        "List Candidate Reports",
        example={"company_id": 4100, "candidate_id": 7730011},
        requires=_PARTNER_SECRET,
    )
    def list_candidate_reports(
        self, company_id: int, candidate_id: int
    ) -> Call[list[models.Report]]:
        """The reports this partner holds on a candidate of a customer company.

        Args:
            company_id: The customer company: the ``company_id`` Recruitee sent with the candidate,
                as a number or as text of digits.
            candidate_id: The candidate's Recruitee id: the ``candidate_id`` Recruitee sent with the
                candidate (a whole number >= 1).
        """
        from hirelink.api.recruitee_partners.api.reports import list_candidate_reports

        request = partial(
            list_candidate_reports.sync_detailed,
            self.codename,
            numeric_id("company_id", company_id),
            positive_int("candidate_id", candidate_id),
        )
        return Call(request, list_of(models.Report), envelope="reports")

    @operation(
        "Create Report",
        example={"company_id": 4100, "candidate_id": 7730011, "status": "sent"},
        requires=_PARTNER_SECRET,
    )
    def create_report(
        self, company_id: int, candidate_id: int, **fields: Unpack[ReportFields]
    ) -> Call[models.Report]:
        """Create a report on a candidate (``status`` defaults to ``sent``).

        Recruitee creates the report itself when a user sends a candidate, so this is
        only for results that did not start in Recruitee. Never retried after a server
        error, so a report is never created twice.

        Args:
            company_id: The customer company: the ``company_id`` Recruitee sent with the candidate,
                as a number or as text of digits.
            candidate_id: The candidate's Recruitee id: the ``candidate_id`` Recruitee sent with the
                candidate (a whole number >= 1).
        """
        from hirelink.api.recruitee_partners.api.reports import create_report

        request = partial(
            create_report.sync_detailed,
            self.codename,
            numeric_id("company_id", company_id),
            positive_int("candidate_id", candidate_id),
            body=models.NewReport.from_dict(_NEW_REPORT.wire(fields)),
        )
        return Call(request, instance_of(models.Report), envelope="report")

    @operation(
        "Update Report",
        example={"report_id": _SENT_REPORT_EXAMPLE, "status": "completed", "score": "82%"},
        requires=_PARTNER_SECRET,
    )
    def update_report(
        self, report_id: str | UUID, **changes: Unpack[ReportFields]
    ) -> Call[models.Report]:
        """Report progress or a result; only the given fields are sent.

        Fields: ``status`` (``sent``, ``completed``, ``failed``, ``canceled``),
        ``score`` (free text such as ``"82%"``), ``completed_at`` (a datetime),
        ``cancel_url``, ``subtitle`` and ``properties`` (a JSON object). ``report_id`` is the
        ``report_id`` Recruitee
        sent with the candidate.

        Args:
            report_id: The report's UUID, as text or a UUID: the ``report_id`` Recruitee sent with
                the candidate.
        """
        from hirelink.api.recruitee_partners.api.reports import update_report

        wire = _REPORT_FIELDS.wire_changes(changes)
        request = partial(
            update_report.sync_detailed,
            self.codename,
            report_uuid(report_id),
            body=models.ReportChanges.from_dict(wire),
        )
        # The report's state as given, however often it arrives: resent like a read.
        return Call(request, instance_of(models.Report), envelope="report", repeatable=True)

    @operation(
        "Delete Report", example={"report_id": _COMPLETED_REPORT_EXAMPLE}, requires=_PARTNER_SECRET
    )
    def delete_report(self, report_id: str | UUID) -> Call[None]:
        """Delete a report.

        Args:
            report_id: The report's UUID, as text or a UUID: the ``report_id`` Recruitee sent with
                the candidate.
        """
        from hirelink.api.recruitee_partners.api.reports import delete_report

        request = partial(delete_report.sync_detailed, self.codename, report_uuid(report_id))
        return Call(request, nothing)

    # --- last, so that the examples before it find the partner record -----------

    @operation("Delete Partner", example={"company_id": 4100}, requires=_PERSONAL_TOKEN)
    def delete_partner(self, company_id: int) -> Call[None]:
        """Delete the partner record.

        Args:
            company_id: The RC company that owns the partner record: its numeric id, as a number or
                as text of digits.
        """
        from hirelink.api.recruitee_partners.api.partner import delete_partner

        self._on_rc("delete_partner")
        request = partial(
            delete_partner.sync_detailed, self.codename, numeric_id("company_id", company_id)
        )
        return Call(request, nothing)
