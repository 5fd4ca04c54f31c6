"""The demo: an identity-check workflow through the operations catalog, on the sandbox.

    python -m hirelink.cli.demo

Starts every provider's stand-in on 127.0.0.1, saves credentials pointing at them (in a
throwaway config directory, so yours are untouched), then runs each provider's workflow
the way a workflow engine would: operation id, credential nickname, inputs. Operations
the workflow story does not need run afterwards with the example their declaration
carries (``hirelink.core.operation(example=...)``), so every catalog operation runs at
least once and a new one needs no demo change. No account or network is needed.
"""

from __future__ import annotations

import base64
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import define, field
from rich.console import Console
from rich.table import Table

from hirelink.api.recruitee_partners.inbound import SendCandidatePayload
from hirelink.core import HirelinkError, Secret
from hirelink.operations import invoke, load_providers
from hirelink.operations.credentials import CredentialStore
from hirelink.recruitee_partners.service import create_partner_app
from hirelink.sandbox import StandIn, start_stand_ins
from hirelink.sandbox.recruitee_partners import PartnerCallError, PartnersSandbox
from hirelink.sandbox.server import SandboxServer

Context = dict[str, Any]


@define(frozen=True)
class Step:
    """One workflow step: an operation, its inputs, and how to summarise its result.

    With ``action``, the step is not a catalog operation but something the other side
    does (the sandbox playing Recruitee calling a partner); ``operation_id`` labels it.
    """

    operation_id: str
    inputs: Mapping[str, Any] | Callable[[Context], Mapping[str, Any]]
    summary: Callable[[Any], str]
    remember: Callable[[Any, Context], None] = field(default=lambda result, context: None)
    action: Callable[[Context], Any] | None = None


def recruitee_workflow() -> list[Step]:
    """Find a candidate, verify them, write the outcome back; then the other operations."""

    def found(result: Any, context: Context) -> None:
        context["candidate"] = result["candidates"][0]["id"]

    def created(result: Any, context: Context) -> None:
        context["new_candidate"] = result["id"]

    return [
        Step(
            "recruitee.list_candidates",
            {"limit": 5, "with_messages": True, "sort": "by_date"},
            lambda r: f"{len(r['candidates'])} candidates; first: {r['candidates'][0]['name']}",
            found,
        ),
        Step(
            "recruitee.get_candidate",
            lambda c: {"candidate_id": c["candidate"]},
            lambda r: f"{r['name']} <{', '.join(r['emails'])}>",
        ),
        Step(
            "recruitee.update_candidate",
            lambda c: {
                "candidate_id": c["candidate"],
                "phones": ["+49 30 1234567"],
                "links": ["https://verify.example.org/case/42"],
            },
            lambda r: f"phones={r['phones']}",
        ),
        Step(
            "recruitee.update_candidate_cv",
            lambda c: {
                "candidate_id": c["candidate"],
                "remote_cv_url": "https://files.example.org/cv-verified.pdf",
            },
            lambda r: f"CV {r['cv_processing_status']}",
        ),
        Step(
            "recruitee.create_candidate_note",
            lambda c: {"candidate_id": c["candidate"], "body": "Identity verified."},
            lambda r: f"note {r['id']}",
        ),
        Step(
            "recruitee.list_candidate_notes",
            lambda c: {"candidate_id": c["candidate"]},
            lambda r: f"{len(r)} note(s)",
        ),
        Step(
            "recruitee.add_candidate_tags",
            lambda c: {"candidate_id": c["candidate"], "tags": ["identity-verified", "demo"]},
            lambda r: f"tags {r['tags']}",
        ),
        Step(
            "recruitee.remove_candidate_tags",
            lambda c: {"candidate_id": c["candidate"], "tags": ["demo"]},
            lambda r: f"tags {r['tags']}",
        ),
        Step(
            "recruitee.list_offers",
            {"kind": "job", "scope": "active"},
            lambda r: f"{len(r)} active jobs",
            lambda r, c: c.update(offer=r[0]["id"]),
        ),
        Step(
            "recruitee.get_offer",
            lambda c: {"offer_id": c["offer"]},
            lambda r: f"{r['title']} ({r['status']})",
        ),
        Step(
            "recruitee.create_candidate",
            lambda c: {
                "name": "Demo Applicant",
                "emails": ["demo@example.org"],
                "offer_ids": [c["offer"]],
            },
            lambda r: f"id {r['id']}",
            created,
        ),
        Step(
            "recruitee.delete_candidate",
            lambda c: {"candidate_id": c["new_candidate"]},
            lambda r: f"deleted {r['id']}",
        ),
    ]


CV_BASE64 = base64.b64encode(b"%PDF-1.4\n% demo CV\n").decode()


def join_workflow() -> list[Step]:
    """Apply with a CV, read it back, tag the candidate verified and leave a note."""

    def applied(result: Any, context: Context) -> None:
        context["candidate"] = result["candidateId"]

    return [
        Step(
            "join.list_jobs",
            {},
            lambda r: f"{len(r)} jobs; first: {r[0]['title']}",
            lambda r, c: c.update(job=r[0]["id"]),
        ),
        Step(
            "join.get_job",
            lambda c: {"job_id": c["job"]},
            lambda r: f"{r['title']} ({r['status']})",
        ),
        Step(
            "join.create_application",
            lambda c: {
                "job_id": c["job"],
                "first_name": "Ada",
                "last_name": "Lindqvist",
                "email": "ada.demo@example.org",
                "source": "ORGANIC",
                "documents": [{"type": "CV", "filename": "ada-cv.pdf", "content": CV_BASE64}],
            },
            lambda r: f"candidate {r['candidateId']}",
            applied,
        ),
        Step(
            "join.list_applications",
            {"page": 1, "page_size": 50},
            lambda r: f"{len(r)} applications on page 1",
            lambda r, c: c.update(application=r[0]["id"]),
        ),
        Step(
            "join.get_application",
            lambda c: {"application_id": c["application"]},
            lambda r: f"{r['candidate']['firstName']} {r['candidate']['lastName']}",
        ),
        Step(
            "join.set_candidate_tags",
            lambda c: {"candidate_id": c["candidate"], "tags": ["identity-verified"]},
            lambda r: f"tags {r.get('tags')}",
        ),
        Step(
            "join.create_candidate_note",
            lambda c: {"candidate_id": c["candidate"], "body": "Identity verified."},
            lambda r: f"note {r.get('id')}",
        ),
    ]


CUSTOMER_TOKEN = "skillcheck-customer-4100"  # noqa: S105 - issued by the demo partner
CANDIDATE = {
    "id": 7730011,
    "first_name": "Ada",
    "last_name": "Lindqvist",
    "email": "ada.lindqvist@example.org",
    "phone": "+46 70 123 45 67",
}


class SkillCheck:
    """A partner's own service logic, served with the partner kit during the demo."""

    tests = ({"id": 11, "name": "Python fundamentals"}, {"id": 12, "name": "SQL analytics"})

    def __init__(self) -> None:
        self.invitations: list[SendCandidatePayload] = []

    def validate_token(self, token: str) -> bool:
        return token == CUSTOMER_TOKEN

    def list_tests(self, token: str) -> tuple[dict[str, Any], ...]:
        return self.tests

    def on_send_candidate(self, token: str, payload: SendCandidatePayload) -> None:
        self.invitations.append(payload)


def partners_workflow(sandbox: PartnersSandbox, service_url: str, company: int) -> list[Step]:
    """Register a partner service, let Recruitee send it a candidate, report the result."""

    def send(context: Context) -> Any:
        sandbox.check_token(token=CUSTOMER_TOKEN)
        return sandbox.send_candidate(
            company_id=company, candidate=CANDIDATE, token=CUSTOMER_TOKEN, test_id=12
        )

    urls = {name: f"{service_url}/{name}" for name in ("validate_token", "tests", "send_candidate")}
    return [
        Step(
            "recruitee_partners.get_partner",
            {"company_id": company},
            lambda r: f"sample partner {r['name']!r}, secret {r['secret']}",
        ),
        Step(
            "recruitee_partners.delete_partner",
            {"company_id": company},
            lambda r: "sample partner deleted",
        ),
        Step(
            "recruitee_partners.create_partner",
            {"company_id": company, "kind": "assessment", "name": "SkillCheck", "urls": urls},
            lambda r: f"{r['name']} ({r['kind']}); secret saved in the credential",
        ),
        Step(
            "recruitee_partners.set_inputs",
            {
                "company_id": company,
                "inputs": [
                    {"kind": "first_name", "required": True},
                    {"kind": "last_name", "required": True},
                    {"kind": "email", "required": True},
                    {"kind": "phone", "required": False},
                ],
            },
            lambda r: "send dialog: " + ", ".join(i["kind"] for i in r["inputs"]),
        ),
        Step(
            "recruitee_partners.update_partner",
            {"company_id": company, "description": "Timed tests with auto-scoring."},
            lambda r: f"description: {r['description']}",
        ),
        Step(
            "Recruitee -> partner: send candidate",
            {},
            action=send,
            summary=lambda r: f"report {r['status']} for {r['test_name']!r}",
            remember=lambda r, c: c.update(report=r["id"]),
        ),
        Step(
            "recruitee_partners.update_report",
            lambda c: {
                "report_id": c["report"],
                "status": "completed",
                "score": "82%",
                "completed_at": "2025-03-06T14:05:11Z",
            },
            lambda r: f"status {r['status']}, score {r['score']}",
        ),
        Step(
            "recruitee_partners.create_report",
            {
                "company_id": company,
                "candidate_id": CANDIDATE["id"],
                "status": "sent",
                "subtitle": "Retake",
            },
            lambda r: f"report {r['id'][:8]}... {r['status']}",
            lambda r, c: c.update(retake=r["id"]),
        ),
        Step(
            "recruitee_partners.delete_report",
            lambda c: {"report_id": c["retake"]},
            lambda r: "retake report deleted",
        ),
        Step(
            "recruitee_partners.regenerate_secret",
            {},
            lambda r: "new secret saved in the credential",
        ),
        Step(
            "recruitee_partners.list_candidate_reports",
            {"company_id": company, "candidate_id": CANDIDATE["id"]},
            lambda r: "; ".join(f"{x['test_name']}: {x['status']} {x['score']}" for x in r),
        ),
    ]


def personio_workflow() -> list[Step]:
    """Check the connection, take an application with a CV, then read it back through v2."""

    def positions(result: Any, context: Context) -> None:
        context["position"] = result[0]["id"]

    return [
        Step(
            "personio.check_connection",
            {},
            lambda r: f"{sum(c['ok'] for c in r)}/{len(r)} credentials pass",
        ),
        Step(
            "personio.list_job_positions",
            {"language": "en"},
            lambda r: f"{len(r)} open positions; first: {r[0]['name']}",
            positions,
        ),
        Step(
            "personio.upload_document",
            {"file": CV_BASE64, "filename": "lena-cv.pdf"},
            lambda r: f"{r['original_filename']} stored as {r['uuid'][:8]}...",
        ),
        Step(
            "personio.create_application",
            lambda c: {
                "job_position_id": c["position"],
                "first_name": "Lena",
                "last_name": "Demo",
                "email": "lena.demo@example.org",
                "attributes": {"phone": "+49 40 5550123"},
                "documents": [{"type": "cv", "filename": "lena-cv.pdf", "content": CV_BASE64}],
            },
            lambda r: f"submitted to position {r['job_position_id']}",
        ),
        Step(
            "personio.list_applications",
            {"candidate_email": "lena.demo@example.org"},
            lambda r: f"{len(r['_data'])} application(s) for lena.demo@example.org",
            lambda r, c: c.update(
                application=r["_data"][0]["id"], candidate=r["_data"][0]["candidate"]["id"]
            ),
        ),
        Step(
            "personio.get_application",
            lambda c: {"application_id": c["application"]},
            lambda r: f"application {r['id']}: {r['job']['name']}",
        ),
        Step(
            "personio.list_application_stage_transitions",
            lambda c: {"application_id": c["application"]},
            lambda r: f"{len(r)} stage transition(s)",
        ),
        Step(
            "personio.list_candidates",
            {"email": "lena.demo@example.org"},
            lambda r: f"{len(r['_data'])} candidate(s)",
        ),
        Step(
            "personio.get_candidate",
            lambda c: {"candidate_id": c["candidate"]},
            lambda r: f"{r['first_name']} {r['last_name']}",
        ),
        Step(
            "personio.list_jobs",
            {"limit": 5},
            lambda r: f"{len(r['_data'])} jobs",
            lambda r, c: c.update(job=r["_data"][0]["id"]),
        ),
        Step("personio.get_job", lambda c: {"job_id": c["job"]}, lambda r: r["name"]),
        Step(
            "personio.list_categories",
            {},
            lambda r: f"{len(r)} categories",
            lambda r, c: c.update(category=r[0]["id"]),
        ),
        Step(
            "personio.get_category",
            lambda c: {"category_id": c["category"]},
            lambda r: f"{r['name']}: {len(r.get('stages') or [])} stages",
        ),
        Step(
            "personio.list_persons",
            {"limit": 5},
            lambda r: f"{len(r['_data'])} persons",
            lambda r, c: c.update(person=r["_data"][0]["id"]),
        ),
        Step(
            "personio.get_person",
            lambda c: {"person_id": c["person"]},
            lambda r: f"{r['first_name']} {r['last_name']} ({r['status']})",
        ),
    ]


WORKFLOWS: dict[str, Callable[[], list[Step]]] = {
    "recruitee": recruitee_workflow,
    "join": join_workflow,
    "personio": personio_workflow,
}


@define
class Outcome:
    operation_id: str
    ok: bool
    result: str
    milliseconds: float


def _summary(result: Any) -> str:
    if isinstance(result, list):
        return f"{len(result)} item(s)"
    if isinstance(result, dict):
        shown = [f"{key}={result[key]}" for key in ("id", "name", "title") if key in result]
        return ", ".join(shown) or f"{len(result)} field(s)"
    return str(result)


def declared_steps(provider: str, story: list[Step]) -> list[Step]:
    """The provider's catalog operations the story leaves out, with their declared examples."""
    told = {step.operation_id for step in story}
    return [
        Step(operation.id, operation.example, _summary)
        for operation in load_providers().operations(provider)
        if operation.id not in told
    ]


def run_workflow(
    provider: str, nickname: str, store: CredentialStore, steps: list[Step]
) -> list[Outcome]:
    context: Context = {}

    def keep(field_name: str, secret: Secret) -> None:
        stored = store.get(nickname)
        store.add(nickname, provider, {**stored.values, field_name: secret})

    outcomes = []
    for step in steps:
        started = time.perf_counter()
        try:
            if step.action is not None:
                result = step.action(context)
            else:
                inputs = step.inputs(context) if callable(step.inputs) else step.inputs
                values = store.credential_values(nickname)
                result = invoke(step.operation_id, values, inputs, on_secret=keep)
            step.remember(result, context)
            ok, summary = True, step.summary(result)
        except (HirelinkError, PartnerCallError, KeyError, IndexError, TypeError) as error:
            ok, summary = False, f"{type(error).__name__}: {error}"
        elapsed_ms = (time.perf_counter() - started) * 1000
        outcomes.append(Outcome(step.operation_id, ok, summary, elapsed_ms))
    return outcomes


def _workflow(stand_in: StandIn[Any], partner_service_url: str) -> list[Step]:
    if stand_in.name == "recruitee_partners":
        sandbox = stand_in.sandbox
        assert isinstance(sandbox, PartnersSandbox)
        return partners_workflow(sandbox, partner_service_url, sandbox.company_id)
    return WORKFLOWS[stand_in.name]()


def main() -> int:
    console = Console(width=max(Console().width, 130))  # the table needs room even in a pipe
    catalog = load_providers()
    console.print(
        "[bold]hirelink demo[/bold]: an identity-check workflow through the catalog, "
        "against the local sandbox (no account needed)\n"
    )
    stand_ins = start_stand_ins(max_lifetime=600)
    skillcheck = SkillCheck()
    partner_service = SandboxServer(
        create_partner_app(
            validate_token=skillcheck.validate_token,
            list_tests=skillcheck.list_tests,
            on_send_candidate=skillcheck.on_send_candidate,
        ),
        max_lifetime=600,
    ).start()
    console.print(f"partner service (built with the partner kit) -> {partner_service.url}")
    outcomes: list[Outcome] = []
    try:
        with tempfile.TemporaryDirectory() as config_dir:
            store = CredentialStore(catalog, path=Path(config_dir) / "credentials.toml")
            for stand_in in stand_ins:
                nickname = f"sandbox-{stand_in.name}"
                store.add(nickname, stand_in.name, stand_in.details)
                console.print(f"credential [cyan]{nickname}[/cyan] -> {stand_in.server.url}")
                steps = _workflow(stand_in, partner_service.url)
                steps += declared_steps(stand_in.name, steps)
                outcomes += run_workflow(stand_in.name, nickname, store, steps)
    finally:
        partner_service.stop()
        for stand_in in stand_ins:
            stand_in.server.stop()
    table = Table(title="workflow")
    table.add_column("operation", no_wrap=True)
    table.add_column("result", overflow="ellipsis", no_wrap=True)
    table.add_column("ms", justify="right", no_wrap=True)
    for outcome in outcomes:
        mark = "[green]ok[/green]" if outcome.ok else "[red]FAIL[/red]"
        table.add_row(
            f"{mark} {outcome.operation_id}",
            outcome.result,
            f"{outcome.milliseconds:.1f}",
        )
    console.print(table)
    ran = {outcome.operation_id for outcome in outcomes if outcome.ok}
    missing = sorted(o.id for o in catalog.operations() if o.id not in ran)
    failed = [outcome for outcome in outcomes if not outcome.ok]
    if missing:
        console.print(f"[red]operations the demo did not run: {', '.join(missing)}[/red]")
    if failed or missing:
        console.print(f"[red]{len(failed)} operation(s) failed[/red]")
        return 1
    console.print(f"all {len(outcomes)} operations succeeded")
    return 0


if __name__ == "__main__":
    sys.exit(main())
