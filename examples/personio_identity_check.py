"""Identity check on Personio: find the applications in a stage, check each candidate,
and write the outcomes to a report (JSON lines).

Personio's APIs offer no note or tag to write back to, so the outcome is a report your
team (or an import) picks up.

    HIRELINK_PERSONIO_SUBDOMAIN=acme HIRELINK_PERSONIO_CLIENT_ID=papi-... \\
        HIRELINK_PERSONIO_CLIENT_SECRET=... python personio_identity_check.py

Environment: HIRELINK_PERSONIO_SUBDOMAIN, HIRELINK_PERSONIO_CLIENT_ID and
HIRELINK_PERSONIO_CLIENT_SECRET (a custom integration with recruiting read access), optional
HIRELINK_PERSONIO_BASE_URL, STAGE (default "Phone screen") and REPORT (default
identity-report.jsonl). The report replaces the last one only once the run is through: a
failed run leaves it as it was.
"""

import json
import os

from hirelink.core import ClientOptions
from hirelink.personio import Personio, Unset


def main() -> None:
    stage = os.environ.get("STAGE", "Phone screen")
    report_path = os.environ.get("REPORT", "identity-report.jsonl")
    options: ClientOptions = {}
    if base_url := os.environ.get("HIRELINK_PERSONIO_BASE_URL", "").strip():
        options["base_url"] = base_url
    with Personio(
        subdomain=os.environ["HIRELINK_PERSONIO_SUBDOMAIN"],
        client_id=os.environ["HIRELINK_PERSONIO_CLIENT_ID"],
        client_secret=os.environ["HIRELINK_PERSONIO_CLIENT_SECRET"],
        **options,
    ) as personio:
        outcomes: list[str] = []
        for application in personio.iter_applications():
            stage_now, reference = application.current_stage, application.candidate
            if isinstance(stage_now, Unset) or stage_now.name != stage:
                continue
            if isinstance(reference, Unset) or isinstance(reference.id, Unset):
                continue  # the models read tolerantly: a field may be missing
            candidate = personio.get_candidate(reference.id)
            email = None if isinstance(candidate.email, Unset) else candidate.email
            verified = bool(email)
            outcome = {
                "application": application.id,
                "candidate": candidate.id,
                "email": email,  # None when Personio sent none: the case to report
                "verified": verified,
            }
            outcomes.append(json.dumps(outcome) + "\n")
            print(f"application {application.id}: {'verified' if verified else 'FAILED'}")
    # Written beside the report, then put in its place: a run that failed on the way (or
    # while writing) leaves the last report whole. Each line ends in "\n" alone, as JSON
    # Lines do, on Windows too.
    with open(f"{report_path}.part", "w", encoding="utf-8", newline="\n") as report:
        report.writelines(outcomes)
    os.replace(f"{report_path}.part", report_path)
    print(f"{len(outcomes)} application(s) in stage {stage!r} checked; report: {report_path}")


if __name__ == "__main__":
    main()
