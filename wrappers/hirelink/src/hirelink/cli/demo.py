"""The demo: start the local sandbox and run every operation against it.

    python -m hirelink.cli.demo

No account or network is needed: the sandbox serves on 127.0.0.1 and stops on exit.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from hirelink.core import HirelinkError, NotFoundError
from hirelink.recruitee import Recruitee
from hirelink.sandbox.recruitee import create_recruitee_sandbox


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
        print(f"  {outcome}  {operation:<46} {result:<58} {elapsed_ms:7.1f} ms")


def recruitee_demo(steps: Steps) -> None:
    sandbox = create_recruitee_sandbox()
    with (
        sandbox.serve() as server,
        Recruitee(
            company_id=sandbox.company_id, token=sandbox.token, base_url=server.url
        ) as recruitee,
    ):
        print(f"\nRecruitee — sandbox at {server.url}, company {sandbox.company_id}")
        print(f"  client: {recruitee!r}")
        state: dict[str, int] = {}

        def list_page() -> str:
            page = recruitee.list_candidates(limit=5, sort="by_date")
            state["candidate"] = page.candidates[0].id
            return f"{len(page.candidates)} candidates, newest: {page.candidates[0].name}"

        def walk() -> str:
            ids = [c.id for c in recruitee.iter_candidates(page_size=100)]
            return f"{len(ids)} candidates, {len(set(ids))} distinct, 100 per page"

        def filtered() -> str:
            since = datetime(2025, 1, 10, tzinfo=UTC)
            page = recruitee.list_candidates(created_after=since, with_messages=True)
            return f"{len(page.candidates)} created after {since:%Y-%m-%d} with messages"

        def get() -> str:
            candidate = recruitee.get_candidate(state["candidate"])
            return f"{candidate.name} <{', '.join(candidate.emails or [])}>"

        def update() -> str:
            candidate = recruitee.update_candidate(
                state["candidate"],
                phones=["+49 30 1234567"],
                links=["https://verify.example.org/case/42"],
            )
            return f"phones={candidate.phones} links={candidate.links}"

        def update_cv() -> str:
            candidate = recruitee.update_candidate(
                state["candidate"], remote_cv_url="https://files.example.org/cv-verified.pdf"
            )
            return f"cv_url={candidate.cv_url}"

        def create() -> str:
            offer = recruitee.list_offers(kind="job", scope="active")[0]
            candidate = recruitee.create_candidate(
                "Demo Applicant", emails=["demo.applicant@example.org"], offer_ids=[offer.id]
            )
            state["created"] = candidate.id
            return f"id {candidate.id}, placed in '{offer.title}'"

        def note() -> str:
            created = recruitee.create_candidate_note(state["created"], "Identity verified.")
            notes = recruitee.list_candidate_notes(state["created"])
            return f"note {created.id} added; {len(notes)} note(s) listed"

        def tags() -> str:
            recruitee.add_candidate_tags(state["created"], ["identity-verified", "demo"])
            candidate = recruitee.remove_candidate_tags(state["created"], ["demo"])
            return f"tags now {candidate.tags}"

        def offers() -> str:
            listed = recruitee.list_offers(view_mode="brief")
            offer = recruitee.get_offer(listed[0].id)
            return f"{len(listed)} offers; first: {offer.title} ({offer.status})"

        def delete() -> str:
            recruitee.delete_candidate(state["created"])
            try:
                recruitee.get_candidate(state["created"])
            except NotFoundError:
                return "deleted; a second read answers 404"
            return "deleted, but still readable"

        steps.run("list_candidates(limit=5)", list_page)
        steps.run("iter_candidates(page_size=100)", walk)
        steps.run("list_candidates(created_after, with_messages)", filtered)
        steps.run("get_candidate", get)
        steps.run("update_candidate(phones, links)", update)
        steps.run("update_candidate(remote_cv_url)", update_cv)
        steps.run("create_candidate(offer_ids)", create)
        steps.run("create_candidate_note + list_candidate_notes", note)
        steps.run("add_candidate_tags + remove_candidate_tags", tags)
        steps.run("list_offers(view_mode=brief) + get_offer", offers)
        steps.run("delete_candidate", delete)


def main() -> int:
    print("hirelink demo: every operation against the local sandbox (no account needed)")
    steps = Steps()
    recruitee_demo(steps)
    print(f"\n{'all operations succeeded' if not steps.failures else f'{steps.failures} failed'}")
    return 1 if steps.failures else 0


if __name__ == "__main__":
    sys.exit(main())
