"""The demo: an identity-check workflow through the operations catalog, on the sandbox.

    python -m hirelink.cli.demo

Starts every provider's stand-in on 127.0.0.1, saves credentials pointing at them (in a
throwaway config directory, so yours are untouched), then runs each provider's workflow
the way a workflow engine would: operation id, credential nickname, inputs. Every
catalog operation runs at least once. No account or network is needed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from attrs import define, field
from rich.console import Console
from rich.table import Table

from hirelink.core import HirelinkError
from hirelink.operations import invoke, load_providers
from hirelink.operations.credentials import CredentialStore
from hirelink.sandbox.__main__ import start_stand_ins

Context = dict[str, Any]


@define(frozen=True)
class Step:
    """One workflow step: an operation, its inputs, and how to summarise its result."""

    operation_id: str
    inputs: Mapping[str, Any] | Callable[[Context], Mapping[str, Any]]
    summary: Callable[[Any], str]
    remember: Callable[[Any, Context], None] = field(default=lambda result, context: None)


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


def join_workflow() -> list[Step]:
    from .demo_join import join_workflow as steps  # it imports Step from here

    return steps()


WORKFLOWS: dict[str, Callable[[], list[Step]]] = {
    "recruitee": recruitee_workflow,
    "join": join_workflow,
}


@define
class Outcome:
    provider: str
    operation_id: str
    ok: bool
    result: str
    milliseconds: float


def run_workflow(
    provider: str, nickname: str, store: CredentialStore, steps: list[Step]
) -> list[Outcome]:
    context: Context = {}
    outcomes = []
    for step in steps:
        started = time.perf_counter()
        try:
            inputs = step.inputs(context) if callable(step.inputs) else step.inputs
            result = invoke(step.operation_id, store.credential_values(nickname), inputs)
            step.remember(result, context)
            outcome = Outcome(provider, step.operation_id, True, step.summary(result), 0.0)
        except (HirelinkError, KeyError, IndexError) as error:
            outcome = Outcome(
                provider, step.operation_id, False, f"{type(error).__name__}: {error}", 0.0
            )
        outcome.milliseconds = (time.perf_counter() - started) * 1000
        outcomes.append(outcome)
    return outcomes


def main() -> int:
    console = Console(width=max(Console().width, 130))  # the table needs room even in a pipe
    catalog = load_providers()
    console.print(
        "[bold]hirelink demo[/bold]: an identity-check workflow through the catalog, "
        "against the local sandbox (no account needed)\n"
    )
    stand_ins = start_stand_ins(max_lifetime=600)
    outcomes: list[Outcome] = []
    try:
        with tempfile.TemporaryDirectory() as config_dir:
            store = CredentialStore(catalog, path=Path(config_dir) / "credentials.toml")
            for stand_in in stand_ins:
                nickname = f"sandbox-{stand_in.name}"
                store.add(nickname, stand_in.name, stand_in.details)
                console.print(f"credential [cyan]{nickname}[/cyan] -> {stand_in.server.url}")
                outcomes += run_workflow(stand_in.name, nickname, store, WORKFLOWS[stand_in.name]())
    finally:
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
    ran = {outcome.operation_id for outcome in outcomes}
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
