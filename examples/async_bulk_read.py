"""Async bulk read: every candidate of every Recruitee job, the jobs read concurrently.

    HIRELINK_RECRUITEE_COMPANY_ID=acme HIRELINK_RECRUITEE_TOKEN=... \\
        python async_bulk_read.py

Environment: the client's own HIRELINK_RECRUITEE_COMPANY_ID and HIRELINK_RECRUITEE_TOKEN,
optional HIRELINK_RECRUITEE_BASE_URL (another host, e.g. the sandbox) and CONCURRENCY
(default 4: how many jobs are read at once).
"""

import asyncio
import os

from hirelink.core import ClientOptions
from hirelink.recruitee import AsyncRecruitee


async def main() -> None:
    options: ClientOptions = {}
    if base_url := os.environ.get("HIRELINK_RECRUITEE_BASE_URL", "").strip():
        options["base_url"] = base_url
    at_once = asyncio.Semaphore(int(os.environ.get("CONCURRENCY", "4")))
    async with AsyncRecruitee(
        company_id=os.environ["HIRELINK_RECRUITEE_COMPANY_ID"],
        token=os.environ["HIRELINK_RECRUITEE_TOKEN"],
        **options,
    ) as recruitee:

        async def emails_of(offer_id: int) -> set[str]:
            async with at_once:
                found: set[str] = set()
                async for candidate in recruitee.iter_candidates(offer_id=offer_id, page_size=50):
                    found.update(candidate.emails or [])
                return found

        offers = await recruitee.list_offers(kind="job")
        # A task group: when one read fails, the others are cancelled before the client
        # closes (gather would leave them running against a closed client).
        async with asyncio.TaskGroup() as reads:
            tasks = [reads.create_task(emails_of(offer.id)) for offer in offers]
        per_offer = [task.result() for task in tasks]
        for offer, emails in zip(offers, per_offer, strict=True):
            print(f"{offer.id} {offer.title}: {len(emails)} candidate e-mail(s)")
        print(f"{len(set[str]().union(*per_offer))} distinct e-mails across {len(offers)} jobs")


if __name__ == "__main__":
    asyncio.run(main())
