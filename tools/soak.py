"""A fault soak against the stand-ins: figures to read, not assertions.

1. Faulted lists: N ``list_candidates`` calls while 20 % of the stand-in's answers are
   faulted (429 with ``Retry-After: 0``, 503, a connection closed without an answer, a
   third each); failed operations at the default ``max_retries`` and at 5, and whether
   every failure was a typed hirelink error.
2. Creates answered 503 once each: the server-side duplicates (resends the stand-in
   processed), which must be 0: a POST is never resent after a 5xx.
3. Concurrent first calls of a Personio v2 read: token exchanges (must be 1), for one
   sync client on many threads, one async client on many tasks, and many clients (one
   per "worker") sharing tokens through Redis.
4. Memory: RSS before and after many Personio v2 calls with the access token revoked
   (so refreshed) every 100 calls, and how many secrets the scrub registry holds (flat).

Usage, from the repository root (or ``nox -s soak -- ...``):
    python -m tools.soak [--lists 1000] [--creates 200] [--concurrent 50] [--calls 10000]
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import anyio
import psutil  # type: ignore[import-untyped]

from hirelink.core import HirelinkError
from hirelink.core.secrets import registered_count
from hirelink.core.stores import RedisStore
from hirelink.personio import AsyncPersonio, Personio
from hirelink.recruitee import Recruitee
from hirelink.sandbox.faults import FOREVER, Fault
from hirelink.sandbox.personio import create_personio_sandbox
from hirelink.sandbox.recruitee import create_recruitee_sandbox
from tools.redis_server import RedisServer

FAULT_SHARE = 0.2


def faulted_lists(calls: int, max_retries: int | None) -> dict[str, Any]:
    sandbox = create_recruitee_sandbox(candidates=30)
    # The first matching fault whose die says yes fires: chances of 1/15, 1/14 and 1/13
    # in turn make each kind 1/15 of the answers, 1/5 together.
    kinds = [
        Fault(status=429, headers={"Retry-After": "0"}),
        Fault(status=503),
        Fault(kind="drop"),
    ]
    for index, kind in enumerate(kinds):
        sandbox.faults.add(
            Fault(
                method="GET",
                path=r"/candidates$",
                times=FOREVER,
                status=kind.status,
                headers=kind.headers,
                kind=kind.kind,
                chance=(FAULT_SHARE / 3) / (1 - index * FAULT_SHARE / 3),
            )
        )
    options: dict[str, Any] = {} if max_retries is None else {"max_retries": max_retries}
    failures: Counter[str] = Counter()
    untyped = 0
    with (
        sandbox.serve(max_lifetime=600) as server,
        Recruitee(
            company_id=sandbox.company_id, token=sandbox.token, base_url=server.url, **options
        ) as recruitee,
    ):

        def one(_: int) -> None:
            nonlocal untyped
            try:
                recruitee.list_candidates(limit=5)
            except HirelinkError as error:
                failures[type(error).__name__] += 1
            except Exception as error:  # counted: an untyped failure is what the soak looks for
                failures[type(error).__name__] += 1
                untyped += 1

        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(one, range(calls)))
        sent = sum(1 for r in sandbox.recorder.requests if r.method == "GET")
    return {
        "calls": calls,
        "max_retries": "default (2)" if max_retries is None else max_retries,
        "requests sent": sent,
        "failed operations": sum(failures.values()),
        "failures by type": dict(failures),
        "every failure typed": untyped == 0,
    }


def creates_answered_503(creates: int) -> dict[str, Any]:
    sandbox = create_recruitee_sandbox(candidates=0)
    failures: Counter[str] = Counter()
    with (
        sandbox.serve(max_lifetime=600) as server,
        Recruitee(
            company_id=sandbox.company_id, token=sandbox.token, base_url=server.url
        ) as recruitee,
    ):
        for number in range(creates):
            sandbox.faults.add(Fault(method="POST", path=r"/candidates$", status=503, times=1))
            try:
                recruitee.create_candidate(f"Soak Candidate {number}")
            except HirelinkError as error:
                failures[type(error).__name__] += 1
        posts = sum(1 for r in sandbox.recorder.requests if r.method == "POST")
        # Each create's first POST met the 503; any further POST was a resend, processed.
        created = len(recruitee.list_candidates().candidates)
    return {
        "creates": creates,
        "POSTs received": posts,
        "server-side duplicates": created,
        "answers to the caller": dict(failures),
    }


def first_calls(concurrent: int, redis_url: str | None) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    sandbox = create_personio_sandbox()
    with sandbox.serve(max_lifetime=600) as server:
        settings: dict[str, Any] = {
            "subdomain": sandbox.subdomain,
            "client_id": sandbox.client_id,
            "client_secret": sandbox.client_secret,
            "base_url": server.url,
        }

        def exchanges_during(action: Callable[[], None]) -> int:
            before = sandbox.state.token_exchanges
            action()
            return sandbox.state.token_exchanges - before

        def on_threads(make: Callable[[int], Personio]) -> None:
            clients = [make(n) for n in range(concurrent)]
            start = threading.Barrier(concurrent)

            def call(client: Personio) -> None:
                start.wait()
                client.list_persons(limit=1)

            with ThreadPoolExecutor(max_workers=concurrent) as pool:
                list(pool.map(call, clients))
            for client in {id(c): c for c in clients}.values():
                client.close()

        shared = Personio(**settings)
        figures["sync, one client, threads"] = exchanges_during(
            lambda: on_threads(lambda _: shared)
        )

        async def on_tasks() -> None:
            async with AsyncPersonio(**settings) as personio, anyio.create_task_group() as group:
                for _ in range(concurrent):
                    group.start_soon(_list_one_person, personio)

        figures["async, one client, tasks"] = exchanges_during(lambda: anyio.run(on_tasks))
        if redis_url is not None:
            store = RedisStore(redis_url, share_tokens=True)
            figures["sync, one client per worker, tokens shared in Redis"] = exchanges_during(
                lambda: on_threads(lambda _: Personio(**settings, store=store))
            )
    return {"concurrent first calls": concurrent, "token exchanges": figures}


@contextmanager
def personio_process() -> Iterator[dict[str, Any]]:
    """The stand-ins in a process of their own, so only the client's memory is measured."""
    command = [sys.executable, "-m", "hirelink.sandbox", "serve", "--max-lifetime", "1800"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield json.loads(process.stdout.readline())["personio"]
    finally:
        process.terminate()
        process.wait(timeout=10)


async def _list_one_person(personio: AsyncPersonio) -> None:
    await personio.list_persons(limit=1)


def memory_over_calls(calls: int, refresh_every: int) -> dict[str, Any]:
    me = psutil.Process()

    def rss_mib() -> float:
        gc.collect()
        rss: int = me.memory_info().rss
        return round(rss / 2**20, 1)

    with (
        personio_process() as details,
        Personio(
            subdomain=details["subdomain"],
            client_id=details["client_id"],
            client_secret=details["client_secret"],
            base_url=details["base_url"],
        ) as personio,
    ):
        for _ in range(200):  # warm up: imports, pools, first token
            personio.list_persons(limit=1)
        before, secrets_before = rss_mib(), registered_count()
        samples = []
        for number in range(1, calls + 1):
            personio.list_persons(limit=1)
            if number % refresh_every == 0:
                personio.revoke_access_token()
            if number % (calls // 5) == 0:
                samples.append(rss_mib())
        after, secrets_after = rss_mib(), registered_count()
    return {
        "calls": calls,
        "token refreshes": calls // refresh_every,
        "RSS before (MiB)": before,
        "RSS during (MiB)": samples,
        "RSS after (MiB)": after,
        "growth (MiB)": round(after - before, 1),
        "registered secrets before/after": [secrets_before, secrets_after],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=1000)
    parser.add_argument("--creates", type=int, default=200)
    parser.add_argument("--concurrent", type=int, default=50)
    parser.add_argument("--calls", type=int, default=10_000)
    args = parser.parse_args()

    def show(title: str, figures: dict[str, Any]) -> None:
        print(f"\n== {title}", flush=True)
        for name, value in figures.items():
            print(f"  {name}: {value}", flush=True)

    for retries in (None, 5):
        show("faulted lists (20 % of answers faulted)", faulted_lists(args.lists, retries))
    show("creates answered 503 once each", creates_answered_503(args.creates))
    with RedisServer() as redis_server:
        show("concurrent first v2 reads", first_calls(args.concurrent, redis_server.url))
    show("memory over calls with token refreshes", memory_over_calls(args.calls, 100))


if __name__ == "__main__":
    main()
