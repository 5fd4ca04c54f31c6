"""Many workers, one Personio budget: worker processes submit applications through one
Redis store, so together they stay within Personio's 20 requests per minute.

It files made-up applicants into the first published position, so it runs against a
stand-in only: it refuses to start without HIRELINK_PERSONIO_BASE_URL.

    HIRELINK_STORE=redis://localhost:6379/0 HIRELINK_PERSONIO_SUBDOMAIN=acme \\
        HIRELINK_PERSONIO_COMPANY_ID=... HIRELINK_PERSONIO_RECRUITING_TOKEN=... \\
        HIRELINK_PERSONIO_CHANNEL_ID=... python many_workers.py

Environment: HIRELINK_STORE (a Redis URL; needs `pip install 'hirelink-core[redis]'`),
HIRELINK_PERSONIO_SUBDOMAIN, HIRELINK_PERSONIO_COMPANY_ID,
HIRELINK_PERSONIO_RECRUITING_TOKEN, HIRELINK_PERSONIO_CHANNEL_ID, optional
HIRELINK_PERSONIO_BASE_URL and HIRELINK_PERSONIO_JOBS_BASE_URL, WORKERS (default 3) and
APPLICATIONS (per worker, default 2).
"""

import os
import sys
import uuid
from concurrent.futures import ProcessPoolExecutor
from urllib.parse import urlsplit

from hirelink.core import ClientOptions
from hirelink.personio import Document, Personio


def personio() -> Personio:
    environ = os.environ
    options: ClientOptions = {}
    if base_url := environ.get("HIRELINK_PERSONIO_BASE_URL", "").strip():
        options["base_url"] = base_url
    return Personio(
        subdomain=environ["HIRELINK_PERSONIO_SUBDOMAIN"],
        company_id=int(environ["HIRELINK_PERSONIO_COMPANY_ID"]),
        recruiting_token=environ["HIRELINK_PERSONIO_RECRUITING_TOKEN"],
        channel_id=int(environ["HIRELINK_PERSONIO_CHANNEL_ID"]),
        jobs_base_url=environ.get("HIRELINK_PERSONIO_JOBS_BASE_URL"),
        store=environ["HIRELINK_STORE"],
        **options,
    )


def work(run: str, worker: int, applications: int) -> str:
    with personio() as client:
        position = client.list_job_positions(language="en")[0]
        for number in range(applications):
            client.create_application(
                position.id,
                first_name=f"Worker{worker}",
                last_name=f"Applicant{number}",
                email=f"worker{worker}.applicant{number}.{run}@example.org",  # new each run
                documents=[Document(b"%PDF-1.4 CV", type="cv", filename="cv.pdf")],
            )
    return f"worker {worker}: {applications} application(s) to position {position.id}"


def main() -> None:
    if not os.environ.get("HIRELINK_PERSONIO_BASE_URL", "").strip():  # empty: production
        sys.exit("many_workers.py files made-up applications: run it against a stand-in")
    workers = int(os.environ.get("WORKERS", "3"))
    applications = int(os.environ.get("APPLICATIONS", "2"))
    run = uuid.uuid4().hex[:8]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for line in pool.map(work, [run] * workers, range(workers), [applications] * workers):
            print(line)
    # Never print the URL itself: a production Redis URL holds its password.
    redis = urlsplit(os.environ["HIRELINK_STORE"])
    where = f"{redis.hostname}:{redis.port or 6379}" if redis.hostname else redis.path
    print(f"{workers * applications} applications, one shared budget in Redis at {where}")


if __name__ == "__main__":
    main()
