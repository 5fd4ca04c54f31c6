"""A stateful stand-in for the Recruitee Partners API, playing Recruitee for partners.

It serves the API a partner calls (``/p/{codename}/...``: the partner record with the RC
Personal API token, reports with the ``RT-PARTNER-SECRET`` header) and makes Recruitee's
calls *to* the partner (:meth:`PartnersSandbox.send_candidate`), to loopback addresses
only. Data is deterministic: secrets and report ids are derived from counters.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import ssl
import string
import uuid
from collections.abc import Mapping
from operator import itemgetter
from typing import Any, ClassVar, Final

import httpx
from starlette.responses import Response

from hirelink.sandbox.app import ApiCall, SandboxApp, SandboxError, handles, json_response
from hirelink.sandbox.resources import (
    Collection,
    bears,
    delegate,
    load_seed,
    nonempty,
    require_bearer,
    require_secret,
    seed_records,
    stamp,
)
from hirelink.sandbox.server import loopback_url

__all__ = [
    "DEFAULT_CODENAME",
    "PartnerCallError",
    "PartnersSandbox",
    "PartnersState",
    "create_partners_sandbox",
]

DEFAULT_CODENAME: Final = "skillcheck"
"""The codename of the stand-in's partner."""
_REPORT_OWNER: Final = ("codename", "company_id", "candidate_id")
_owner: Final = itemgetter("_codename", "company_id", "candidate_id")  # of a report
_SECRET_ALPHABET: Final = string.ascii_letters + string.digits
_SECRET_HEADER: Final = "rt-partner-secret"  # noqa: S105 - a header name


def _derived_secret(codename: str, generation: int) -> str:
    """A 32-character secret, the same for the same codename and generation."""
    digest = hashlib.sha256(f"partner-secret:{codename}:{generation}".encode()).digest()
    return "".join(_SECRET_ALPHABET[byte % len(_SECRET_ALPHABET)] for byte in digest)


def _public(record: Mapping[str, Any]) -> dict[str, Any]:
    return copy.deepcopy({key: value for key, value in record.items() if not key.startswith("_")})


def _merged(record: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with ``fields`` set: ``urls`` merged key by key, a partner's ``inputs``
    completed, a report's ``completed_at`` in UTC."""
    merged = {**record, **fields, "urls": {**record["urls"], **fields.get("urls", {})}}
    if "inputs" in fields and "inputs" in record:
        merged["inputs"] = [
            {"kind": i["kind"], "name": i.get("name"), "required": i.get("required", False)}
            for i in fields["inputs"]
        ]
    if "completed_at" in fields and "completed_at" in record:
        merged["completed_at"] = stamp("completed_at", fields["completed_at"])
    return merged


_ASSESSMENT_ONLY: Final = ("subtitle", "properties")


def _shown(partner: Mapping[str, Any], fields: Mapping[str, Any]) -> Mapping[str, Any]:
    """``fields`` of a report without those its partner's kind cannot have: Recruitee
    keeps ``subtitle`` and ``properties`` for assessments only (the guide)."""
    if partner["kind"] == "assessment":
        return fields
    return {key: value for key, value in fields.items() if key not in _ASSESSMENT_ONLY}


def _new(kind: str) -> dict[str, Any]:
    """A fresh copy of the seed's defaults of a new ``newPartner`` or ``newReport``."""
    return copy.deepcopy(dict(load_seed("recruitee_partners")["tables"][kind]))


class PartnersState:
    """Partner records and reports, kept for the run; thread-safe. ``codename`` is the
    partner the sandbox is about, ``company_id`` the RC company owning partner records."""

    def __init__(self, *, codename: str = DEFAULT_CODENAME, company_id: int = 4100) -> None:
        self.codename = codename
        self.company_id = company_id
        self._partners: Collection[str] = Collection(
            not_found=lambda: SandboxError(404, "Partner not found"),
            key=lambda partner: partner["codename"],
        )
        self.lock = self._partners.lock
        # Reports carry their partner's codename privately (``_codename``, not on the wire).
        self._reports: Collection[str] = Collection(
            not_found=lambda: SandboxError(404, "Report not found"), lock=self.lock
        )
        self._secret_generations: dict[str, int] = {}
        self._reports_created = 0

    @property
    def partners(self) -> dict[str, dict[str, Any]]:
        """Deep copies of the partner records, by codename (wire shape, with secrets)."""
        return {partner["codename"]: copy.deepcopy(partner) for partner in self._partners}

    @property
    def reports(self) -> dict[str, dict[str, Any]]:
        """Deep copies of every report, by report id (wire shape), oldest first."""
        return {report["id"]: _public(report) for report in self._reports}

    @property
    def secret(self) -> str | None:
        """The current secret of ``codename``'s partner, or None without a record."""
        partner = self._partners.find(self.codename)
        return None if partner is None else str(partner["secret"])

    def partner(self, codename: str | None = None) -> dict[str, Any] | None:
        """A deep copy of one partner record (default: ``codename``), or None."""
        return copy.deepcopy(self._partners.find(codename or self.codename))

    def report(self, report_id: str) -> dict[str, Any] | None:
        """A deep copy of one report, or None."""
        found = self._reports.find(str(report_id))
        return None if found is None else _public(found)

    def save_partner(self, codename: str, fields: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
        """Create the partner (needs ``kind`` and ``name``) or change the given fields;
        return the record and whether it was created."""
        with self.lock:
            existing = self._partners.find(codename)
            if existing is not None:
                return copy.deepcopy(self._partners.put(_merged(existing, fields))), False
            missing = {key: ["can't be blank"] for key in ("kind", "name") if key not in fields}
            if missing:  # required to create, optional to change: the spec cannot say it
                raise SandboxError(422, "Validation failed", missing)
            # A partner made again after a delete gets a secret never issued before.
            generation = self._secret_generations[codename] = (
                self._secret_generations.get(codename, 0) + 1
            )
            secret = _derived_secret(codename, generation)
            new = {**_new("newPartner"), "codename": codename, "secret": secret}
            return copy.deepcopy(self._partners.put(_merged(new, fields))), True

    def get_partner(self, codename: str) -> dict[str, Any]:
        """The partner record (404 SandboxError when there is none)."""
        return copy.deepcopy(self._partners.get(codename))

    def update_partner(self, codename: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Change the given fields of an existing partner (404 when there is none)."""
        with self.lock:
            self._partners.get(codename)
            return self.save_partner(codename, fields)[0]

    def delete_partner(self, codename: str) -> None:
        """Delete the partner and its reports."""
        with self.lock:
            self._partners.remove(codename)
            for report in self._reports.select(lambda r: r["_codename"] == codename):
                self._reports.remove(report["id"])

    def regenerate_secret(self, codename: str) -> dict[str, Any]:
        """Replace the partner's secret (the old one stops working); answer ``{secret}``."""
        with self.lock:
            self._partners.get(codename)
            self._secret_generations[codename] += 1
            secret = _derived_secret(codename, self._secret_generations[codename])
            return {"secret": self._partners.update(codename, secret=secret)["secret"]}

    def list_reports(
        self, codename: str, company_id: int | str, candidate_id: int
    ) -> list[dict[str, Any]]:
        """The partner's reports on one candidate of one company, oldest first."""
        owner = (codename, int(company_id), candidate_id)
        return [_public(report) for report in self._reports.select(lambda r: _owner(r) == owner)]

    def create_report(
        self,
        codename: str,
        company_id: int | str,
        candidate_id: int,
        fields: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A new report (status ``sent`` unless ``fields`` say otherwise)."""
        with self.lock:
            partner = self._partners.get(codename)
            self._reports_created += 1
            seed = f"report:{codename}:{self._reports_created}".encode()
            report = {
                **_new("newReport"),
                "id": str(uuid.UUID(bytes=hashlib.sha256(seed).digest()[:16], version=4)),
                "candidate_id": candidate_id,
                "company_id": int(company_id),
                "_codename": codename,
            }
            return _public(self._reports.put(_merged(report, _shown(partner, fields or {}))))

    def update_report(
        self, codename: str, report_id: str, fields: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Change the given fields of a report (404 when the partner has no such report)."""
        with self.lock:
            report = self._partner_report(codename, report_id)
            shown = _shown(self._partners.get(codename), fields)
            return _public(self._reports.put(_merged(report, shown)))

    def delete_report(self, codename: str, report_id: str) -> None:
        """Delete a report (404 when the partner has no such report)."""
        with self.lock:
            self._reports.remove(self._partner_report(codename, report_id)["id"])

    def seed(self) -> None:
        """A partner record for ``codename`` and two reports on one candidate."""
        tables = load_seed("recruitee_partners")["tables"]
        for fields in seed_records("recruitee_partners", "PartnerFields"):
            self.save_partner(self.codename, fields)
        reports = seed_records("recruitee_partners", "NewReport")
        for fields, test in zip(reports, tables["reportTests"], strict=True):
            candidate_id = tables["reportCandidateId"]
            self.create_report(self.codename, self.company_id, candidate_id, {**fields, **test})

    def _partner_report(self, codename: str, report_id: str) -> dict[str, Any]:
        self._partners.get(codename)
        report = self._reports.get(report_id)
        if report["_codename"] != codename:
            raise SandboxError(404, "Report not found")
        return report


class PartnerCallError(Exception):
    """A call to the partner's service (``step``: ``validate_token``, ``tests`` or
    ``send_candidate``) failed with the partner's ``status_code`` (a 2xx when its tests
    answer was unusable); ``message`` is what Recruitee shows (the partner's ``{"error"}``
    text, else a generic one); ``token_rejected`` when it answered 401 or 403 (Recruitee:
    invalid token)."""

    def __init__(self, step: str, status_code: int, message: str) -> None:
        super().__init__(f"{step}: {message}")
        self.step = step
        self.status_code = status_code
        self.message = message
        self.token_rejected = status_code in (401, 403)


class PartnersSandbox(SandboxApp):
    """A Recruitee Partners stand-in (not yet served: call ``.serve()``).

    It accepts the RC Personal API token ``personal_token`` for the partner record of
    ``codename``, owned by the company ``company_id``. ``seed_partner`` starts with that
    record (its ``urls`` point at a non-loopback example host: register your own before
    sending) and two reports on candidate 7730011; ``validate`` refuses what the spec refuses.
    ``state`` holds partner records and reports (tests may read and change it while serving).
    """

    specs: ClassVar[Mapping[str, str]] = {"recruitee-partners": ""}

    def __init__(
        self,
        *,
        personal_token: str = "sandbox-rc-personal-token",  # noqa: S107 - opens only the stand-in
        codename: str = DEFAULT_CODENAME,
        company_id: int = 4100,
        seed_partner: bool = True,
        validate: bool = True,
    ) -> None:
        self.personal_token = nonempty("personal_token", personal_token)
        self.codename, self.company_id = codename, company_id
        self.state = PartnersState(codename=codename, company_id=company_id)
        if seed_partner:
            self.state.seed()
        super().__init__(validate=validate)

    @property
    def secret(self) -> str | None:
        """The current partner secret of ``codename`` (None without a record)."""
        return self.state.secret

    def authenticate(self, call: ApiCall) -> None:
        """Partner record: the personal token (401), then its company (404). Everything
        else: a known partner (404), then its current secret in ``RT-PARTNER-SECRET`` (401);
        a new secret takes the personal token too (the spec lists both: undocumented)."""
        if call.operation_id == "regeneratePartnerSecret" and bears(call, self.personal_token):
            self.state.get_partner(call.params["codename"])
        elif "personalToken" in call.security:
            require_bearer(call, self.personal_token, str(self.company_id))
        else:
            partner = self.state.get_partner(call.params["codename"])
            require_secret(call.request.headers.get(_SECRET_HEADER, ""), partner["secret"])

    @handles("createPartner")
    def create_partner(self, call: ApiCall) -> Response:
        partner, created = self.state.save_partner(call.params["codename"], call.body)
        return json_response(partner, 201 if created else 200)

    get_partner = delegate("getPartner", PartnersState.get_partner, "codename")
    update_partner = delegate("updatePartner", PartnersState.update_partner, "codename", body=True)
    delete_partner = delegate("deletePartner", PartnersState.delete_partner, "codename")
    list_reports = delegate("listCandidateReports", PartnersState.list_reports, *_REPORT_OWNER)
    create_report = delegate(
        "createReport", PartnersState.create_report, *_REPORT_OWNER, body=True, status=201
    )
    update_report = delegate(
        "updateReport", PartnersState.update_report, "codename", "report_id", body=True
    )
    delete_report = delegate("deleteReport", PartnersState.delete_report, "codename", "report_id")
    regenerate_secret = delegate(
        "regeneratePartnerSecret", PartnersState.regenerate_secret, "codename"
    )

    # ------------------------------------------------------------------ Recruitee's side
    # Each raises PartnerCallError when the partner refuses or fails, ValueError for an
    # unknown partner or a URL that is not a loopback address.

    def check_token(
        self, *, token: str, codename: str | None = None, timeout: float = 10.0
    ) -> None:
        """What Recruitee does when a customer connects the integration with ``token``:
        GET the partner's ``validate_token`` URL, if it has one."""
        with _PartnerService(self._partner(codename), token, timeout) as partner:
            partner.validate_token()

    def list_tests(
        self, *, token: str, codename: str | None = None, timeout: float = 10.0
    ) -> list[dict[str, Any]]:
        """What Recruitee does to fill the send dialog: GET the partner's ``tests`` URL."""
        with _PartnerService(self._partner(codename), token, timeout) as partner:
            return partner.tests()

    def send_candidate(
        self,
        *,
        company_id: int,
        candidate: Mapping[str, Any],
        token: str,
        test_id: int | str | None = None,
        codename: str | None = None,
        timeout: float = 10.0,
    ) -> dict[str, Any]:
        """What Recruitee does when a user clicks "Send"; returns the new report.

        Checks ``token`` with the partner, fetches its tests, creates a ``sent`` report
        for ``test_id`` (default: the first test) and POSTs ``candidate`` to the partner:
        ``id``, ``first_name``, ``last_name``, ``email``, and ``phone``, ``admin_id``/
        ``admin_name``/``admin_email`` or ``offer_id``/``offer_title`` when the partner
        asks for that input. A failed send leaves no report behind; a partner that
        cannot be reached raises ``httpx.HTTPError``.
        """
        record = self._partner(codename)
        with _PartnerService(record, token, timeout) as partner:
            partner.url("send_candidate")  # refuse a non-loopback URL before any call
            partner.validate_token()
            chosen = _choose_test(partner.tests(), test_id)
            test = {"test_id": str(chosen["id"]), "test_name": str(chosen["name"])}
            report = self.state.create_report(
                record["codename"], company_id, int(candidate["id"]), test
            )
            try:
                partner.call("POST", "send_candidate", json=_payload(record, candidate, report))
            except (PartnerCallError, httpx.HTTPError):
                self.state.delete_report(record["codename"], report["id"])
                raise
        return self.state.report(report["id"]) or report

    def _partner(self, codename: str | None) -> dict[str, Any]:
        partner = self.state.partner(codename)
        if partner is None:
            raise ValueError(f"no partner {codename or self.codename!r} in the sandbox")
        return partner


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Built once: loading CA certificates for every new httpx client costs ~50 ms."""
    return ssl.create_default_context()


class _PartnerService(httpx.Client):
    """A partner's service, called with the customer's token as Recruitee calls it."""

    def __init__(self, record: Mapping[str, Any], token: str, timeout: float) -> None:
        # trust_env=False: calls to a loopback partner must not go through a proxy.
        # The guide shows the JSON content type on every call Recruitee makes, GETs too.
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        super().__init__(timeout=timeout, trust_env=False, verify=_tls_context(), headers=headers)
        self.record = record
        self.failed = f"There was a problem with the {record['name']} API."
        self.rejected = f"The token was not accepted by {record['name']}."

    def url(self, step: str) -> str:
        url = self.record["urls"].get(step)
        if not isinstance(url, str) or not url:
            raise ValueError(f"the partner has no {step} URL")
        return loopback_url(url)

    def call(self, method: str, step: str, **request: Any) -> httpx.Response:
        """Call the partner's ``step`` URL; read a failure as Recruitee does (see the
        spec's webhooks): the partner's ``{"error"}`` text, else a message of its own."""
        answer = self.request(method, self.url(step), **request)
        if answer.is_success:
            return answer
        body = _json(answer)
        error = body.get("error") if isinstance(body, dict) else None
        if not isinstance(error, str) or not error:
            error = self.rejected if answer.status_code in (401, 403) else self.failed
        raise PartnerCallError(step, answer.status_code, error)

    def validate_token(self) -> None:
        if self.record["urls"].get("validate_token") is not None:
            self.call("GET", "validate_token")

    def tests(self) -> list[dict[str, Any]]:
        answer = self.call("GET", "tests")
        tests = _json(answer)
        if not isinstance(tests, list) or not all(
            isinstance(t, dict)
            and isinstance(t.get("id"), int | str)
            and isinstance(t.get("name"), str)
            for t in tests
        ):
            raise PartnerCallError("tests", answer.status_code, self.failed)
        return tests


def _json(answer: httpx.Response) -> Any:
    try:
        return answer.json()
    except ValueError:
        return None


def _choose_test(tests: list[dict[str, Any]], test_id: int | str | None) -> dict[str, Any]:
    if not tests:
        raise ValueError("the partner offers no tests")
    for test in tests:
        if test_id is None or str(test["id"]) == str(test_id):
            return test
    raise ValueError(f"the partner offers no test {test_id!r}")


def _payload(
    partner: Mapping[str, Any], candidate: Mapping[str, Any], report: Mapping[str, Any]
) -> dict[str, Any]:
    """The body of send_candidate: the candidate, the report, and the optional inputs."""
    payload = {key: candidate[key] for key in ("first_name", "last_name", "email")}
    payload.update(candidate_id=int(candidate["id"]), company_id=report["company_id"])
    payload.update(report_id=report["id"], test_id=report["test_id"], test_name=report["test_name"])
    configured = {item["kind"] for item in partner["inputs"]}
    for kind, keys in load_seed("recruitee_partners")["tables"]["inputExtras"].items():
        if kind in configured:
            payload.update({key: candidate.get(key) for key in keys})
    return payload


create_partners_sandbox = PartnersSandbox
"""Build a Recruitee Partners stand-in: :class:`PartnersSandbox` with its defaults."""
