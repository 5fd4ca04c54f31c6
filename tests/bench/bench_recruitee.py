"""Benchmarks of the Recruitee client (figures to read, not assertions).

1. Per-call overhead: median time of ``list_candidates(limit=100)`` against raw
   ``httpx`` + ``json.loads`` of the same request, on the same loopback sandbox.
   Target: at most 1.5x raw.
2. Memory: peak traced allocation while walking N candidates with ``iter_candidates``
   for several N. Target: flat in N (only one page is alive at a time).

The sandbox runs in a subprocess, so its own allocations and CPU are not counted.
Usage: python tests/bench/bench_recruitee.py [--calls 200] [--candidates 10000]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from hirelink.recruitee import Recruitee


@contextmanager
def sandbox_process(candidates: int) -> Iterator[dict[str, Any]]:
    command = [
        sys.executable,
        "-m",
        "hirelink.sandbox",
        "serve",
        "--candidates",
        str(candidates),
        "--max-lifetime",
        "600",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox did not start")
        yield json.loads(line)["recruitee"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def median_ms(action: Callable[[], object], calls: int) -> float:
    samples = []
    for _ in range(calls):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def overhead(info: dict[str, Any], calls: int) -> tuple[float, float]:
    base_url, company, token = info["base_url"], info["company_id"], info["token"]
    url = f"{base_url}/c/{company}/candidates"
    params = {"limit": "100", "offset": "0"}
    headers = {"Authorization": f"Bearer {token}"}
    with (
        httpx.Client() as raw,
        Recruitee(company_id=company, token=token, base_url=base_url) as client,
    ):

        def raw_call() -> object:
            response = raw.get(url, params=params, headers=headers)
            response.raise_for_status()
            return json.loads(response.content)

        def sdk_call() -> object:
            return client.list_candidates(limit=100, offset=0)

        for _ in range(20):  # warm up connections and caches
            raw_call()
            sdk_call()
        raw_times, sdk_times = [], []
        for _ in range(5):  # interleave rounds so drift affects both alike
            raw_times.append(median_ms(raw_call, calls // 5))
            sdk_times.append(median_ms(sdk_call, calls // 5))
    return statistics.median(raw_times), statistics.median(sdk_times)


def walk_peak_kib(info: dict[str, Any], count: int) -> tuple[int, float]:
    with Recruitee(
        company_id=info["company_id"], token=info["token"], base_url=info["base_url"]
    ) as client:
        gc.collect()
        tracemalloc.start()
        walked = sum(1 for _ in itertools.islice(client.iter_candidates(page_size=100), count))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return walked, peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--candidates", type=int, default=10_000)
    args = parser.parse_args()
    with sandbox_process(args.candidates) as info:
        raw_ms, sdk_ms = overhead(info, args.calls)
        ratio = sdk_ms / raw_ms
        print("list_candidates, 100-candidate page, median per call")
        print(f"  raw httpx + json.loads : {raw_ms:8.2f} ms")
        print(f"  hirelink Recruitee     : {sdk_ms:8.2f} ms")
        print(f"  ratio                  : {ratio:8.2f}x   (target <= 1.50x)")
        print("\niter_candidates, peak traced memory while walking")
        peaks = []
        for count in (1_000, 5_000, args.candidates):
            walked, peak = walk_peak_kib(info, count)
            peaks.append(peak)
            print(f"  {walked:>6} candidates     : {peak:8.0f} KiB")
        growth = peaks[-1] / peaks[0]
        print(f"  peak({args.candidates}) / peak(1000) : {growth:.2f}   (target: flat, ~1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
