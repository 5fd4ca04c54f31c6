"""A Recruitee marketplace partner (background check) reports its results: find the
reports still open (``sent``) on a candidate and complete each with the outcome of your
check; a report that already has its result (completed, failed or canceled) is left as it
is.

    HIRELINK_RECRUITEE_PARTNERS_CODENAME=skillcheck \\
        HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET=... COMPANY_ID=... CANDIDATE_ID=... \\
        python partner_background_check.py

Environment: HIRELINK_RECRUITEE_PARTNERS_CODENAME, HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET
(the partner secret), optional HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT ("rc" by default, or
"production") and HIRELINK_RECRUITEE_PARTNERS_BASE_URL; COMPANY_ID and CANDIDATE_ID (the
customer company and its candidate; the sandbox's are 4100 and 7730011).
"""

import os
from datetime import UTC, datetime

from hirelink.core import ClientOptions
from hirelink.recruitee_partners import RecruiteePartners, Report, ReportStatus

ENVIRONMENT = "HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT"


def background_check(report: Report) -> tuple[ReportStatus, str]:
    """Stands in for your background check: the report's status and score. Replace it: a
    report completed "clear" tells the customer's recruiters the check was passed."""
    return ReportStatus.COMPLETED, "clear"


def main() -> None:
    company_id = int(os.environ["COMPANY_ID"])
    candidate_id = int(os.environ["CANDIDATE_ID"])
    options: ClientOptions = {}
    if base_url := os.environ.get("HIRELINK_RECRUITEE_PARTNERS_BASE_URL", "").strip():
        options["base_url"] = base_url
    with RecruiteePartners(
        codename=os.environ["HIRELINK_RECRUITEE_PARTNERS_CODENAME"],
        environment="production" if os.environ.get(ENVIRONMENT) == "production" else "rc",
        partner_secret=os.environ["HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET"],
        **options,
    ) as partners:
        completed = 0
        for report in partners.list_candidate_reports(company_id, candidate_id):
            if str(report.status) != "sent":  # completed, failed or canceled: has its result
                print(f"report {report.id}: already {report.status}")
                continue
            status, score = background_check(report)
            partners.update_report(
                report.id, status=status, score=score, completed_at=datetime.now(UTC)
            )
            print(f"report {report.id}: {status}, background check {score}")
            completed += 1
        print(f"{completed} report(s) completed for candidate {candidate_id}")


if __name__ == "__main__":
    main()
