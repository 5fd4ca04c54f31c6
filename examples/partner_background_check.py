"""A Recruitee marketplace partner (background check) reports its results: find the
reports still open (``sent``) on a candidate and complete each with the outcome; a report
that already has its result (completed, failed or canceled) is left as it is.

    HIRELINK_RECRUITEE_PARTNERS_CODENAME=skillcheck \\
        HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET=... python partner_background_check.py

Environment: HIRELINK_RECRUITEE_PARTNERS_CODENAME, HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET
(the partner secret), optional HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT ("rc" by default, or
"production"), HIRELINK_RECRUITEE_PARTNERS_BASE_URL, COMPANY_ID (default 4100) and
CANDIDATE_ID (default 7730011).
"""

import os
from datetime import UTC, datetime

from hirelink.core import ClientOptions
from hirelink.recruitee_partners import RecruiteePartners

ENVIRONMENT = "HIRELINK_RECRUITEE_PARTNERS_ENVIRONMENT"


def main() -> None:
    company_id = int(os.environ.get("COMPANY_ID", "4100"))
    candidate_id = int(os.environ.get("CANDIDATE_ID", "7730011"))
    options: ClientOptions = {}
    if "HIRELINK_RECRUITEE_PARTNERS_BASE_URL" in os.environ:
        options["base_url"] = os.environ["HIRELINK_RECRUITEE_PARTNERS_BASE_URL"]
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
            partners.update_report(
                report.id, status="completed", score="clear", completed_at=datetime.now(UTC)
            )
            print(f"report {report.id}: completed, background check clear")
            completed += 1
        print(f"{completed} report(s) completed for candidate {candidate_id}")


if __name__ == "__main__":
    main()
