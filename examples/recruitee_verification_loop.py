"""A whole identity-verification loop on Recruitee: learn of new candidates, decide,
record the outcome where recruiters look.

    HIRELINK_RECRUITEE_COMPANY_ID=acme HIRELINK_RECRUITEE_TOKEN=... \\
        python recruitee_verification_loop.py

1. Learn: ``watch_candidates`` yields every candidate created after its checkpoint
   (kept in ``CHECKPOINT``, a file, so a second run goes on where the first stopped).
2. Decide: your identity provider's verdict (here: the candidate has an e-mail address).
3. Record: a profile field "Identity check", and in each job the candidate applied to,
   the next stage (``NEXT_STAGE``) when verified, or disqualified with the reason
   ``REASON`` when not.

Environment: the client's own variables (HIRELINK_RECRUITEE_COMPANY_ID,
HIRELINK_RECRUITEE_TOKEN; HIRELINK_RECRUITEE_BASE_URL for another host, e.g. the sandbox);
optional SINCE (ISO date, default 2000-01-01), LIMIT (default 3), NEXT_STAGE (default
"Interview"), REASON (default "Identity not verified"), CHECKPOINT (default
identity-loop.checkpoint).
"""

import os
from datetime import date
from itertools import islice

from hirelink.core import ClientOptions
from hirelink.recruitee import Recruitee


def verify(name: str, emails: list[str]) -> bool:
    """Stands in for your identity provider's verdict."""
    return bool(name.strip() and emails)


def main() -> None:
    since = date.fromisoformat(os.environ.get("SINCE", "2000-01-01"))
    limit = int(os.environ.get("LIMIT", "3"))
    next_stage = os.environ.get("NEXT_STAGE", "Interview")
    reason = os.environ.get("REASON", "Identity not verified")
    checkpoint = os.environ.get("CHECKPOINT", "identity-loop.checkpoint")
    options: ClientOptions = {}
    if "HIRELINK_RECRUITEE_BASE_URL" in os.environ:
        options["base_url"] = os.environ["HIRELINK_RECRUITEE_BASE_URL"]
    with Recruitee(**options) as recruitee:
        new = recruitee.watch_candidates(since=since, store=checkpoint, polls=1)
        handled = 0
        for listed in islice(new, limit):
            if recruitee.get_candidate_field(listed.id, "Identity check") is not None:
                print(f"{listed.id}: checked before")  # a watch delivers at least once
                continue
            candidate = recruitee.get_candidate(listed.id)
            verified = verify(str(candidate.name or ""), list(candidate.emails or []))
            recruitee.set_candidate_field(
                candidate.id, "Identity check", "passed" if verified else "failed"
            )
            jobs = 0
            for placement in candidate.placements or []:
                offer_id = placement.offer_id
                if not isinstance(offer_id, int):
                    continue  # a talent pool: no pipeline to move in
                if verified:
                    recruitee.change_placement_stage(
                        placement.id, stage_name=next_stage, offer_id=offer_id
                    )
                else:
                    recruitee.disqualify_placement(placement.id, reason_name=reason)
                jobs += 1
            verdict = f"verified, moved to {next_stage}" if verified else f"not verified: {reason}"
            print(f"{candidate.id} {candidate.name}: {verdict} in {jobs} job(s)")
            handled += 1
        print(f"handled {handled} new candidate(s)")


if __name__ == "__main__":
    main()
