"""Reservations behind a client-side rate limit, by queue depth (figures, not assertions).

Requests queued behind a limit (uploads started at once, Personio's 20 per minute) each
reserve a slot: this measures, for queues of 250, 1,000 and 3,000 requests behind 20 per
61 s (Personio's Recruiting limit with its headroom), the time to queue them all and the
median time of one reservation at the end of the queue, with the in-process limiter and,
when a redis-server can be started (tools/redis_server.py), with a ``RedisStore``. A
reservation is taken under the limiter's lock (in Redis, in its one thread): an async
client reserves on its event loop, which waits meanwhile.

Usage: python -m tools.bench_limiter [--depths 250 1000 3000] [--no-redis]
(``nox -s bench`` runs it after the clients' figures)
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import statistics
import sys
import time

from hirelink.core.ratelimit import Limiter, SlidingWindowLimiter

LIMIT = 20
WINDOW = 61.0
PROBES = 25  # reservations timed one by one at the end of each queue


def measure(limiter: Limiter, depth: int) -> tuple[float, float]:
    """Seconds to queue ``depth`` reservations, and the median one after them."""
    started = time.perf_counter()
    for _ in range(depth):
        limiter.reserve()
    filled = time.perf_counter() - started
    times = []
    for _ in range(PROBES):
        started = time.perf_counter()
        limiter.reserve()
        times.append(time.perf_counter() - started)
    return filled, statistics.median(times)


def show(where: str, depth: int, filled: float, at_the_end: float) -> None:
    print(
        f"  {where:<12}{depth:>7,} queued in {filled:8.3f} s;"
        f" one more at the end {at_the_end * 1e3:8.3f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depths", type=int, nargs="+", default=[250, 1_000, 3_000])
    parser.add_argument("--no-redis", action="store_true", help="the in-process limiter only")
    args = parser.parse_args()
    print(f"\nrate-limit reservations: {LIMIT} per {WINDOW:g} s, queued all at once")
    for depth in args.depths:
        show("in-process", depth, *measure(SlidingWindowLimiter(LIMIT, WINDOW), depth))
    if args.no_redis:
        return 0
    with contextlib.ExitStack() as stack:
        try:
            from hirelink.core.stores import RedisStore
            from tools.redis_server import RedisServer

            server = stack.enter_context(RedisServer())
        except Exception as error:  # figures, not assertions: say why and go on
            print(f"  Redis: not measured ({type(error).__name__}: {error})")
            return 0
        store = RedisStore(server.url)
        for depth in args.depths:
            key = f"bench:{secrets.token_hex(4)}"
            show("Redis", depth, *measure(store.limiter(key, LIMIT, WINDOW), depth))
    return 0


if __name__ == "__main__":
    sys.exit(main())
