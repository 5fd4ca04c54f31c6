"""One worker process of the shared-budget test.

Usage: python budget_worker.py WORKER COUNT WINDOW

Prints "ready" once imported, then for each line ``API_URL STORE`` on stdin (so every
worker starts a round at the same moment) creates COUNT applications against API_URL
with the given store (``memory`` or a Redis URL) and retries off (a 429 is counted,
not resent), and prints a JSON summary of the round.
"""

from __future__ import annotations

import json
import sys

from hirelink.core import RateLimitError
from hirelink.personio import Personio

POSITION = 1874512


def run_round(api_url: str, store: str, worker: int, count: int, window: float) -> dict[str, int]:
    created = refused = 0
    with Personio(
        subdomain="nordlicht",
        company_id=41737,
        recruiting_token="sandbox-personio-recruiting-token",
        channel_id=531207,
        base_url=api_url,
        recruiting_rate_window=window,
        max_retries=0,
        store=store,
    ) as personio:
        for number in range(count):
            try:
                personio.create_application(
                    POSITION,
                    first_name="Worker",
                    last_name=str(worker),
                    email=f"worker{worker}.{number}@example.org",
                )
                created += 1
            except RateLimitError:
                refused += 1
    return {"created": created, "refused": refused}


def main() -> None:
    worker, count, window = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    print("ready", flush=True)
    for line in sys.stdin:
        api_url, store = line.split()
        print(json.dumps(run_round(api_url, store, worker, count, window)), flush=True)


if __name__ == "__main__":
    main()
