"""Identity check on Recruitee: find the candidates of a job still to check, record each
outcome as a private note and a tag.

    HIRELINK_RECRUITEE_COMPANY_ID=acme HIRELINK_RECRUITEE_TOKEN=... \\
        python recruitee_identity_check.py

Environment: HIRELINK_RECRUITEE_COMPANY_ID (id or subdomain), HIRELINK_RECRUITEE_TOKEN (a
personal API token), optional HIRELINK_RECRUITEE_BASE_URL, OFFER_ID (default 31337) and
LIMIT (default 5).
"""

import os

from hirelink.core import ClientOptions
from hirelink.recruitee import Recruitee

VERIFIED, FAILED = "identity-verified", "identity-check-failed"


def verify(name: str, emails: list[str]) -> bool:
    """Stands in for your identity provider's verdict."""
    return bool(name.strip() and emails)


def main() -> None:
    offer_id = int(os.environ.get("OFFER_ID", "31337"))
    limit = int(os.environ.get("LIMIT", "5"))
    options: ClientOptions = {}
    if base_url := os.environ.get("HIRELINK_RECRUITEE_BASE_URL", "").strip():
        options["base_url"] = base_url
    with Recruitee(
        company_id=os.environ["HIRELINK_RECRUITEE_COMPANY_ID"],
        token=os.environ["HIRELINK_RECRUITEE_TOKEN"],
        **options,
    ) as recruitee:
        recruitee.get_offer(offer_id)  # a wrong OFFER_ID fails here, not as "checked 0"
        checked = 0
        for listed in recruitee.iter_candidates(offer_id=offer_id, qualified=True):
            if checked == limit:
                break
            candidate = recruitee.get_candidate(listed.id)
            if {VERIFIED, FAILED} & set(candidate.tags or []):
                continue  # checked before
            ok = verify(str(candidate.name or ""), list(candidate.emails or []))
            outcome = "Identity verified." if ok else "Identity check failed: no e-mail on file."
            recruitee.create_candidate_note(candidate.id, outcome, visibility="private")
            recruitee.add_candidate_tags(candidate.id, [VERIFIED if ok else FAILED])
            print(f"{candidate.id}: {outcome}")  # the id: no personal data in the log
            checked += 1
        print(f"checked {checked} candidate(s) of offer {offer_id}")


if __name__ == "__main__":
    main()
