"""The Personio demo: every Personio operation against the local stand-in.

    python -m hirelink.cli.demo_personio

Starts the Personio sandbox on 127.0.0.1 (both hosts: the career-site feed and the API),
then runs every operation of ``hirelink.personio`` once, printing one line per step.
No account or network is needed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Protocol

from hirelink.core import DuplicateApplicationError, HirelinkError
from hirelink.personio import ApplicationDocument, Personio, next_cursor, to_datetime
from hirelink.sandbox.personio import create_personio_sandbox

__all__ = ["StepRunner", "Steps", "main", "personio_demo"]


class StepRunner(Protocol):
    """Anything that runs a labelled demo step: ``action()`` returns a short result."""

    def run(self, operation: str, action: Callable[[], str]) -> None: ...


class Steps:
    """Runs demo steps, printing one line each: outcome, operation, result, time."""

    def __init__(self) -> None:
        self.failures = 0

    def run(self, operation: str, action: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            outcome, result = "ok  ", action()
        except HirelinkError as error:
            self.failures += 1
            outcome, result = "FAIL", f"{type(error).__name__}: {error}"
        elapsed_ms = (time.perf_counter() - started) * 1000
        print(f"  {outcome}  {operation:<52} {result:<62} {elapsed_ms:7.1f} ms")


CV = b"%PDF-1.7\n% Lena Vogt - curriculum vitae\n%%EOF\n"


def personio_demo(steps: StepRunner) -> None:
    """Start the Personio stand-in and run every Personio operation through ``steps``."""
    sandbox = create_personio_sandbox()
    with sandbox.serve() as server:
        personio = Personio(
            sandbox.subdomain,
            company_id=sandbox.company_id,
            recruiting_token=sandbox.recruiting_token,
            channel_id=sandbox.channel_id,
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            api_base_url=server.url,
            jobs_base_url=sandbox.jobs_base_url(server.url),
        )
        with personio:
            print(f"\nPersonio - sandbox at {server.url} (jobs host at {personio.feed_url})")
            print(f"  client: {personio!r}")
            _run_steps(steps, personio, lambda: sandbox.state.token_exchanges)


def _run_steps(steps: StepRunner, personio: Personio, exchanges: Callable[[], int]) -> None:
    state: dict[str, object] = {}
    email = "lena.vogt@example.org"

    def check() -> str:
        checks = personio.check_connection()
        passed = sum(check.ok for check in checks)
        return f"{passed}/{len(checks)} checks pass: " + ", ".join(c.name for c in checks if c.ok)

    def positions() -> str:
        found = personio.list_job_positions(language="en")
        first = found[0]
        state["position"] = first.id
        sections = ", ".join(name for name, _ in first.job_descriptions)
        return f"{len(found)} positions; {first.name} ({first.office}; {sections})"

    def upload() -> str:
        document = personio.upload_document(CV, filename="Lena_Vogt_CV.pdf")
        state["cv"] = document
        return f"{document.uuid} {document.size} bytes {document.mimetype}"

    def create() -> str:
        submitted = personio.create_application(
            int(str(state["position"])),
            first_name="Lena",
            last_name="Vogt",
            email=email,
            message="Found the role on JobBoardX.",
            application_date=date(2025, 4, 2),
            phase="unassigned",
            tags=["identity-verified"],
            attributes={"phone": "+49 40 5550123", "gender": "female", "location": "Hamburg"},
            documents=[
                ApplicationDocument(state["cv"], category="cv"),  # type: ignore[arg-type]
                ApplicationDocument(
                    b"Dear team, ...", category="cover-letter", filename="letter.txt"
                ),
            ],
        )
        files = submitted.files or []
        channel = submitted.recruiting_channel_id
        return f"position {submitted.job_position_id}, channel {channel}, {len(files)} documents"

    def duplicate() -> str:
        try:
            personio.create_application(
                int(str(state["position"])), first_name="Lena", last_name="Vogt", email=email
            )
        except DuplicateApplicationError as error:
            return f"refused: {error.field_errors}"
        raise HirelinkError("the second application was accepted")

    def applications() -> str:
        page = personio.list_applications(candidate_email=email)
        application = page.field_data[0]
        state["application"] = application.id
        stage = application.current_stage.type_ if application.current_stage else "?"
        return f"{len(page.field_data)} for {email}; id {application.id}, stage {stage}"

    def walk_applications() -> str:
        first = personio.list_applications(limit=20)
        walked = [a.id for a in personio.iter_applications(page_size=20)]
        return (
            f"{len(walked)} applications, 20 per page; next cursor {next_cursor(first.field_meta)}"
        )

    def application() -> str:
        found = personio.get_application(str(state["application"]))
        job = found.job.name if found.job else "?"
        return f"{found.id}: {job}, created {to_datetime(found.created_at)}"

    def transitions() -> str:
        history = personio.list_application_stage_transitions(str(state["application"]))
        return f"{len(history)} transition(s), latest entered {to_datetime(history[0].entered_at)}"

    def candidates() -> str:
        (candidate,) = personio.list_candidates(email=email).field_data
        walked = list(personio.iter_candidates(page_size=10))
        again = personio.get_candidate(candidate.id)
        return (
            f"{again.first_name} {again.last_name} ({again.phone}); {len(walked)} candidates in all"
        )

    def jobs() -> str:
        page = personio.list_jobs(limit=2)
        walked = list(personio.iter_jobs(page_size=2))
        job = personio.get_job(page.field_data[0].id)
        team = ", ".join(m.role.name for m in job.hiring_team or [] if m.role and m.role.name)
        return f"{len(walked)} jobs; {job.name} (hiring team: {team})"

    def categories() -> str:
        listed = personio.list_categories()
        tech = personio.get_category(listed[0].id)
        stages = " > ".join(str(s.name) for s in tech.stages or [])
        return f"{len(listed)} categories; {tech.name}: {stages}"

    def persons() -> str:
        page = personio.list_persons(status="ACTIVE", limit=5)
        walked = list(personio.iter_persons(page_size=50))
        person = personio.get_person(page.field_data[0].id)
        return f"{len(walked)} persons; {person.preferred_name} <{person.email}>, {person.status}"

    def revoke() -> str:
        before = exchanges()
        revoked = personio.revoke_access_token()
        personio.list_categories()
        return f"revoked={revoked}; the next read exchanged again ({before} -> {exchanges()})"

    steps.run("check_connection", check)
    steps.run("list_job_positions(language=en)", positions)
    steps.run("upload_document", upload)
    steps.run("create_application(documents, attributes)", create)
    steps.run("create_application (same candidate again)", duplicate)
    steps.run("list_applications(candidate_email)", applications)
    steps.run("iter_applications(page_size=20)", walk_applications)
    steps.run("get_application", application)
    steps.run("list_application_stage_transitions", transitions)
    steps.run("list_candidates(email) + iter_candidates + get_candidate", candidates)
    steps.run("list_jobs + iter_jobs + get_job", jobs)
    steps.run("list_categories + get_category", categories)
    steps.run("list_persons(status) + iter_persons + get_person", persons)
    steps.run("revoke_access_token", revoke)


def main() -> int:
    print("hirelink demo: every Personio operation against the local sandbox (no account needed)")
    steps = Steps()
    personio_demo(steps)
    print(f"\n{'all operations succeeded' if not steps.failures else f'{steps.failures} failed'}")
    return 1 if steps.failures else 0


if __name__ == "__main__":
    sys.exit(main())
