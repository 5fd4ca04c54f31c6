"""A whole identity-verification loop on Recruitee: learn of new candidates, decide,
record the outcome where recruiters look.

    HIRELINK_RECRUITEE_COMPANY_ID=acme HIRELINK_RECRUITEE_TOKEN=... \\
        python recruitee_verification_loop.py

1. Learn: ``watch_candidates`` yields every candidate created after its checkpoint
   (kept in ``CHECKPOINT``, a file, so a second run goes on where the first stopped).
2. Decide: your identity provider's verdict (here: the candidate has an e-mail address).
3. Record: in each job the candidate applied to, the next stage (``NEXT_STAGE``) when
   verified (only where the candidate is not there or past it already, and not
   disqualified), or disqualified with the reason ``REASON`` when not (unless a recruiter
   disqualified or hired them there already); then a profile field
   "Identity check". The field comes last: it marks a candidate whose outcome is
   complete, so a run cut short (a 5xx on a stage move, which hirelink never resends)
   records that candidate again the next time instead of skipping it half done.

Environment: the client's own variables (HIRELINK_RECRUITEE_COMPANY_ID,
HIRELINK_RECRUITEE_TOKEN; HIRELINK_RECRUITEE_BASE_URL for another host, e.g. the sandbox);
optional SINCE (ISO date of the first candidates to handle; default: from now on, so a
first run leaves the candidates already there alone; the sandbox's are from 2025, so try
it there with SINCE=2025-01-01), LIMIT (default 3), NEXT_STAGE (default
"Phone interview"), REASON (default "Identity not verified"), CHECKPOINT (default
identity-loop.checkpoint).
"""

import os
from contextlib import closing
from datetime import UTC, datetime
from itertools import islice

from hirelink.core import ClientOptions
from hirelink.recruitee import PipelineStage, Recruitee


def verify(name: str, emails: list[str]) -> bool:
    """Stands in for your identity provider's verdict."""
    return bool(name.strip() and emails)


def _at_or_past(stages: list[PipelineStage], stage_id: object, stage_name: str) -> bool:
    """Whether the stage ``stage_id`` comes at or after the one named ``stage_name``."""
    now = [stage.position for stage in stages if stage.id == stage_id]
    wanted = [
        stage.position
        for stage in stages
        if isinstance(stage.name, str) and stage.name.casefold() == stage_name.casefold()
    ]
    if not now or not wanted or not isinstance(now[0], int) or not isinstance(wanted[0], int):
        return False  # an unknown name is refused by the move, naming the stages
    return now[0] >= wanted[0]


def main() -> None:
    since = datetime.fromisoformat(os.environ.get("SINCE") or datetime.now(UTC).isoformat())
    if since.tzinfo is None:  # a date, or a time without an offset: UTC
        since = since.replace(tzinfo=UTC)
    limit = int(os.environ.get("LIMIT", "3"))
    next_stage = os.environ.get("NEXT_STAGE", "Phone interview")
    reason = os.environ.get("REASON", "Identity not verified")
    checkpoint = os.environ.get("CHECKPOINT", "identity-loop.checkpoint")
    options: ClientOptions = {}
    if base_url := os.environ.get("HIRELINK_RECRUITEE_BASE_URL", "").strip():
        options["base_url"] = base_url
    with (
        Recruitee(**options) as recruitee,
        # closed on the way out, even by an error: its lease on the checkpoint file ends
        closing(recruitee.watch_candidates(since=since, store=checkpoint, polls=1)) as new,
    ):
        handled = 0
        for listed in islice(new, limit):
            if recruitee.get_candidate_field(listed.id, "Identity check") is not None:
                print(f"{listed.id}: checked before")  # a watch delivers at least once
                continue
            candidate = recruitee.get_candidate(listed.id)
            verified = verify(str(candidate.name or ""), list(candidate.emails or []))
            jobs = 0
            for placement in candidate.placements or []:
                offer_id = placement.offer_id
                # A talent pool has no pipeline to move in: its placements have no stage
                # (live ones carry the pool's id as their offer_id).
                if not isinstance(offer_id, int) or placement.stage_id is None:
                    continue
                # Recruitee marks a disqualified placement by its disqualify_kind (it sends
                # no disqualified_at); a recruiter's decision, or a hire, is never undone.
                if placement.disqualify_kind or placement.hired_at:
                    continue
                if verified:
                    stages = recruitee.list_offer_stages(offer_id)
                    if _at_or_past(stages, placement.stage_id, next_stage):
                        continue  # never moved back
                    recruitee.change_placement_stage(
                        placement.id, stage_name=next_stage, offer_id=offer_id
                    )
                else:
                    recruitee.disqualify_placement(placement.id, reason_name=reason)
                jobs += 1
            recruitee.set_candidate_field(
                candidate.id, "Identity check", "passed" if verified else "failed"
            )
            verdict = f"verified, moved to {next_stage}" if verified else f"not verified: {reason}"
            done = f"in {jobs} job(s)" if jobs else "(no job to change)"
            print(f"{candidate.id}: {verdict} {done}")  # the id: no personal data in the log
            handled += 1
        print(f"handled {handled} new candidate(s)")


if __name__ == "__main__":
    main()
