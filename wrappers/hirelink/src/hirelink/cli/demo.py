"""The demo: an identity-check workflow through the operations catalog, on the sandbox.

    python -m hirelink.cli.demo

Starts every provider's stand-in on 127.0.0.1, saves credentials pointing at them (in a
throwaway config directory, so yours are untouched), then runs every catalog operation
the way a workflow engine would: operation id, credential nickname, inputs. The inputs
are the example each declaration carries (``hirelink.core.operation(example=...)``); a
provider's story only orders some operations and passes ids from one step to the next
(the candidate found is the one verified). Operations the story leaves out run after it,
in declaration order, so a new operation needs no demo change. No account or network is
needed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import define, field, frozen
from rich.console import Console
from rich.table import Table

from hirelink.api.recruitee_partners.inbound import SendCandidatePayload
from hirelink.core import HirelinkError, Secret
from hirelink.operations import Operation, invoke, load_providers
from hirelink.operations.credentials import CredentialStore
from hirelink.recruitee_partners.service import create_partner_app
from hirelink.sandbox import StandIn, start_stand_ins
from hirelink.sandbox.recruitee_partners import PartnerCallError, PartnersSandbox
from hirelink.sandbox.server import SandboxServer

Context = dict[str, Any]


@frozen
class Step:
    """A story's step: a catalog operation run with its declared example, plus ids.

    ``uses`` maps an input to the context key holding the id an earlier step found (or to
    a function of the context); ``keeps`` maps a context key to what a later step needs
    from this step's result. With ``action``, the step is not a catalog operation but
    something the other side does (the sandbox playing Recruitee calling a partner);
    ``method`` labels it.
    """

    method: str
    uses: Mapping[str, str | Callable[[Context], Any]] = field(factory=dict)
    keeps: Mapping[str, Callable[[Any], Any]] = field(factory=dict)
    action: Callable[[Context], Any] | None = None

    def inputs(self, example: Mapping[str, Any], context: Context) -> dict[str, Any]:
        given = {
            name: context[source] if isinstance(source, str) else source(context)
            for name, source in self.uses.items()
        }
        return {**example, **given}


def _id(result: Any) -> Any:
    return result["id"]


def _first_id(result: Any) -> Any:
    return result[0]["id"]


def _first_v2_id(result: Any) -> Any:
    return result["_data"][0]["id"]


CANDIDATE = {"candidate_id": "candidate"}

STORIES: dict[str, list[Step]] = {
    # Find a candidate, verify them, write the outcome back; then apply someone to a job.
    "recruitee": [
        Step("list_candidates", keeps={"candidate": lambda r: r["candidates"][0]["id"]}),
        Step("get_candidate", CANDIDATE),
        Step("update_candidate", CANDIDATE),
        Step("update_candidate_cv", CANDIDATE),
        Step("create_candidate_note", CANDIDATE),
        Step("list_candidate_notes", CANDIDATE),
        Step("add_candidate_tags", CANDIDATE),
        Step("remove_candidate_tags", CANDIDATE),
        Step("list_offers", keeps={"offer": _first_id}),
        Step("get_offer", {"offer_id": "offer"}),
        Step(
            "create_candidate",
            {"offer_ids": lambda c: [c["offer"]]},
            keeps={"new_candidate": _id},
        ),
        Step("delete_candidate", {"candidate_id": "new_candidate"}),
    ],
    # Apply with a CV, read it back, tag the candidate verified and leave a note.
    "join": [
        Step("list_jobs", keeps={"job": _first_id}),
        Step("get_job", {"job_id": "job"}),
        Step(
            "create_application",
            {"job_id": "job"},
            keeps={"candidate": lambda r: r["candidateId"]},
        ),
        Step("list_applications", keeps={"application": _first_id}),
        Step("get_application", {"application_id": "application"}),
        Step("set_candidate_tags", CANDIDATE),
        Step("create_candidate_note", CANDIDATE),
    ],
    # Check the connection, take an application with a CV, then read it back through v2.
    "personio": [
        Step("check_connection"),
        Step("list_job_positions", keeps={"position": _first_id}),
        Step("upload_document"),
        Step("create_application", {"job_position_id": "position"}),
        Step(
            "list_applications",
            keeps={
                "application": _first_v2_id,
                "candidate": lambda r: r["_data"][0]["candidate"]["id"],
            },
        ),
        Step("get_application", {"application_id": "application"}),
        Step("list_application_stage_transitions", {"application_id": "application"}),
        Step("get_candidate", CANDIDATE),
        Step("list_jobs", keeps={"job": _first_v2_id}),
        Step("get_job", {"job_position_id": "job"}),
        Step("list_categories", keeps={"category": _first_id}),
        Step("get_category", {"category_id": "category"}),
        Step("list_persons", keeps={"person": _first_v2_id}),
        Step("get_person", {"person_id": "person"}),
    ],
}


CUSTOMER_TOKEN = "skillcheck-customer-4100"  # noqa: S105 - issued by the demo partner
APPLICANT = {
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


def partners_story(sandbox: PartnersSandbox, service_url: str) -> list[Step]:
    """Check the credentials, register a partner service, let Recruitee send it a
    candidate, report the result."""

    def send(context: Context) -> Any:
        sandbox.check_token(token=CUSTOMER_TOKEN)
        return sandbox.send_candidate(
            company_id=sandbox.company_id,
            candidate=APPLICANT,
            token=CUSTOMER_TOKEN,
            test_id=12,
        )

    urls = {name: f"{service_url}/{name}" for name in ("validate_token", "tests", "send_candidate")}
    return [
        Step("check_connection"),
        Step("create_partner", {"urls": lambda c: urls}),
        Step("set_partner_inputs"),
        Step("update_partner"),
        Step(
            "Recruitee -> partner: send candidate", action=send, keeps={"report": lambda r: r["id"]}
        ),
        Step("update_report", {"report_id": "report"}),
        Step("create_report", keeps={"retake": _id}),
        Step("delete_report", {"report_id": "retake"}),
    ]


@define
class Outcome:
    operation_id: str
    ok: bool
    result: str
    milliseconds: float


def _summary(result: Any) -> str:
    pages = [key for key in ("_data", "candidates") if isinstance(result, dict) and key in result]
    if pages:  # a page of a list: Personio's v2 ``_data``, Recruitee's ``candidates``
        result = result[pages[0]]
    if isinstance(result, list):
        return f"{len(result)} item(s)"
    if isinstance(result, dict):
        shown = [f"{key}={result[key]}" for key in ("id", "name", "title") if key in result]
        return ", ".join(shown) or f"{len(result)} field(s)"
    return str(result)


def planned(provider: str, story: list[Step]) -> list[tuple[Step, Operation | None]]:
    """The story's steps, then the provider's operations it leaves out (in declaration order)."""
    operations = {o.method: o for o in load_providers().operations(provider)}
    told = [(step, None if step.action else operations[step.method]) for step in story]
    methods = {step.method for step in story}
    return told + [(Step(m), o) for m, o in operations.items() if m not in methods]


def run_story(
    provider: str, nickname: str, store: CredentialStore, story: list[Step]
) -> list[Outcome]:
    context: Context = {}

    def keep(field_name: str, secret: Secret) -> None:
        stored = store.get(nickname)
        store.add(nickname, provider, {**stored.values, field_name: secret})

    outcomes = []
    for step, operation in planned(provider, story):
        label = operation.id if operation else step.method
        started = time.perf_counter()
        try:
            if operation is None:
                assert step.action is not None
                result = step.action(context)
            else:
                inputs = step.inputs(operation.example, context)
                values = store.credential_values(nickname)
                result = invoke(operation.id, values, inputs, on_secret=keep)
            context.update({key: read(result) for key, read in step.keeps.items()})
            ok, summary = True, _summary(result)
        except (HirelinkError, PartnerCallError, KeyError, IndexError, TypeError) as error:
            ok, summary = False, f"{type(error).__name__}: {error}"
        elapsed_ms = (time.perf_counter() - started) * 1000
        outcomes.append(Outcome(label, ok, summary, elapsed_ms))
    return outcomes


def _story(stand_in: StandIn[Any], partner_service_url: str) -> list[Step]:
    if isinstance(stand_in.sandbox, PartnersSandbox):
        return partners_story(stand_in.sandbox, partner_service_url)
    return STORIES[stand_in.name]


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
                story = _story(stand_in, partner_service.url)
                outcomes += run_story(stand_in.name, nickname, store, story)
    finally:
        partner_service.stop()
        for stand_in in stand_ins:
            stand_in.stop()
    table = Table(title="workflow")
    widest = max((len(outcome.operation_id) for outcome in outcomes), default=0)
    table.add_column("operation", no_wrap=True, min_width=widest + 5)  # + the ok/FAIL mark
    table.add_column("result", overflow="fold", max_width=60)  # wrapped, never cut
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
