"""A worker process watching the JOIN stand-in's applications, for the process tests.

    python watch_worker.py <base_url> <token> <store> <since> <interval> <lease_ttl> [redis]

Prints ``poll <unix time>`` when it sends a list request (a poll), ``record <id>`` for each
application the watch yields, and ``overlap`` if, through Redis, it sees another worker's
list request in flight at the same moment. Runs until killed.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from typing import Any

import httpx
import redis

from hirelink.join import Join

IN_FLIGHT = "hirelink-test:polls-in-flight"


class Watching(httpx.HTTPTransport):
    """Reports every list request, and counts those in flight across workers."""

    def __init__(self, counter: Any) -> None:
        super().__init__()
        self.counter = counter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/applications"):
            return super().handle_request(request)
        print(f"poll {time.time():.3f}", flush=True)
        if self.counter is not None and self.counter.incr(IN_FLIGHT) > 1:
            print("overlap", flush=True)
        try:
            response = super().handle_request(request)
            response.read()
            return response
        finally:
            if self.counter is not None:
                self.counter.decr(IN_FLIGHT)


def main() -> None:
    base_url, token, store, since, interval, lease_ttl = sys.argv[1:7]
    counter = redis.Redis.from_url(sys.argv[7]) if len(sys.argv) > 7 else None
    with Join(token=token, base_url=base_url, transport=Watching(counter)) as join:
        watch = join.watch_applications(
            since=datetime.fromisoformat(since),
            interval=float(interval),
            lease_ttl=float(lease_ttl),
            store=store,
        )
        print("ready", flush=True)
        for application in watch:
            print(f"record {application.id}", flush=True)


if __name__ == "__main__":
    main()
