"""Identity check on JOIN: find the applications updated since a date, tag each
candidate with the outcome and leave a note. A candidate tagged with an outcome already
was checked before (by an earlier run): left alone, so a daily run notes nobody twice and
goes on to the next ones.

    HIRELINK_JOIN_TOKEN=... python join_identity_check.py

Environment: HIRELINK_JOIN_TOKEN (the API token), optional HIRELINK_JOIN_BASE_URL, SINCE
(an ISO date, default 2026-02-01) and LIMIT (default 5).
"""

import os
from datetime import UTC, datetime

from hirelink.core import ClientOptions
from hirelink.join import Join, Unset

OUTCOMES = ("identity-verified", "identity-check-failed")


def main() -> None:
    since = datetime.fromisoformat(os.environ.get("SINCE", "2026-02-01")).replace(tzinfo=UTC)
    limit = int(os.environ.get("LIMIT", "5"))
    options: ClientOptions = {}
    if base_url := os.environ.get("HIRELINK_JOIN_BASE_URL", "").strip():
        options["base_url"] = base_url
    with Join(token=os.environ["HIRELINK_JOIN_TOKEN"], **options) as join:
        checked = 0
        for listed in join.iter_applications(updated_after=since):
            if checked == limit:
                break
            application = join.get_application(listed.id)
            candidate = application.candidate
            if isinstance(candidate, Unset) or isinstance(candidate.id, Unset):
                continue  # the models read tolerantly: a field may be missing
            if isinstance(candidate.tags, list) and set(OUTCOMES) & set(candidate.tags):
                print(f"candidate {candidate.id}: checked before")
                continue
            verified = bool(candidate.email and candidate.first_name and candidate.last_name)
            tag = OUTCOMES[0] if verified else OUTCOMES[1]
            join.create_candidate_note(candidate.id, f"Identity check: {tag}.")
            # set_candidate_tags replaces the whole set: without the current tags (JOIN
            # left them out), adding ours would erase every tag the recruiters set.
            if isinstance(candidate.tags, list):
                join.set_candidate_tags(candidate.id, [*candidate.tags, tag])
                print(f"application {application.id}, candidate {candidate.id}: {tag}")
            else:
                print(
                    f"application {application.id}, candidate {candidate.id}: {tag}"
                    " (noted; JOIN did not send the candidate's tags, so they were left alone)"
                )
            checked += 1
        print(f"checked {checked} application(s) updated since {since.date()}")


if __name__ == "__main__":
    main()
