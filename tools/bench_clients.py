"""Benchmarks of the main list operation of each provider (figures, not assertions).

For Recruitee ``list_candidates`` (100 per page), JOIN ``list_applications`` (50 per
page) and Personio v2 ``list_applications`` (100 per page), against raw ``httpx`` +
``json.loads`` of the same request on the same sandbox:

1. per page, sync: median over paired, interleaved calls of hirelink / raw;
2. 1000 async calls at concurrency 50: wall time of hirelink / raw, paired rounds;
3. import: what importing the provider's wrapper and the modules its first call needs
   (endpoint, models, decoder; listed by an earlier fresh process) adds to ``import
   httpx``, in a fresh process, as wall and as CPU time (on a shared machine the wall
   time includes waiting for a core); modules load from bytecode, as installed packages
   do (the children share a bytecode cache that the earlier process fills);
4. first page in a fresh process: client creation + first call, hirelink / raw;
5. RSS after 300 calls: hirelink's process minus raw's (the same fresh processes);
Each figure is given for the current code reading with json and with orjson
(``HIRELINK_JSON_DECODER``), side by side; plus, for the current code, peak traced memory
while walking 1,000 and 10,000 records (flat means one page alive at a time), json against
orjson and msgspec decoding the same page bytes, ``bench_models``: Recruitee's
``from_dict`` per field kind, what starting and stopping each stand-in takes, and the
stand-ins' own page times walking 1,000, 10,000 and 50,000 records (``pages`` alone).

Every figure is measured in child processes, so ``--before DIR`` can also measure an
older checkout (its ``generated/*/src`` and ``wrappers/*/src`` put first on sys.path)
in the same run, interleaved with the current code. ``nox -s bench`` extracts the
commit the templates were introduced against (``BENCH_BEFORE``) and passes it.

The sandbox runs in its own process, so its CPU and memory are not counted.
Usage: python tools/bench_clients.py [--before DIR] [--rounds 3] [--quick] [pages]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import inspect
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROVIDERS = ("recruitee", "join", "personio")
# The figures use a small seed, so the stand-in's own cost per request (which grows with
# the records it holds) does not dilute the ratios; the walk uses a second, large one.
SEEDED = 300
RECORDS = 10_000
PAGE_RECORDS = (1_000, 10_000, 50_000)
# Loopback calls on a loaded machine can queue for seconds; no figure should be an error.
TIMEOUT = 120.0
TARGETS = {"sync": "<= 1.30x", "async": "<= 1.15x", "import": "<= 25 ms", "first": "<= 1.20x"}

# --- the sandbox process ----------------------------------------------------------


def serve(records: int) -> int:
    """Serve the three stand-ins seeded with ``records`` records each; print their details."""
    from hirelink.sandbox.join import BASE_PATH as JOIN_BASE_PATH
    from hirelink.sandbox.join import create_join_sandbox
    from hirelink.sandbox.personio import create_personio_sandbox
    from hirelink.sandbox.recruitee import create_recruitee_sandbox

    recruitee = create_recruitee_sandbox(candidates=records, validate=False)
    join = create_join_sandbox(applications=records, validate=False)
    personio = create_personio_sandbox(candidates=records, validate=False)
    # Stopped when the parent closes our stdin; the lifetime only bounds a lost parent.
    servers = [sandbox.serve(max_lifetime=3600) for sandbox in (recruitee, join, personio)]
    details = {
        "recruitee": {
            "base_url": servers[0].url,
            "company_id": recruitee.company_id,
            "token": recruitee.token,
        },
        "join": {"base_url": servers[1].url + JOIN_BASE_PATH, "token": join.token},
        "personio": {
            "base_url": servers[2].url,
            "subdomain": personio.subdomain,
            "client_id": personio.client_id,
            "client_secret": personio.client_secret,
        },
    }
    print(json.dumps(details), flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    for server in servers:
        server.stop()
    return 0


@contextmanager
def sandbox_process(records: int) -> Iterator[dict[str, Any]]:
    command = [sys.executable, __file__, "serve", "--records", str(records)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("the sandbox did not start")
        yield json.loads(line)
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


# --- what each provider's call is ---------------------------------------------------


@dataclass(frozen=True)
class RawRequest:
    url: str
    params: dict[str, str]
    headers: dict[str, str]


def raw_request(provider: str, details: dict[str, Any], token: str | None) -> RawRequest:
    base = details["base_url"]
    if provider == "recruitee":
        return RawRequest(
            f"{base}/c/{details['company_id']}/candidates",
            {"limit": "100", "offset": "0"},
            {"Authorization": f"Bearer {details['token']}"},
        )
    if provider == "join":
        return RawRequest(
            f"{base}/applications",
            {"page": "1", "pageSize": "50"},
            {"Authorization": details["token"]},
        )
    return RawRequest(
        f"{base}/v2/recruiting/applications",
        {"limit": "100"},
        {"Authorization": f"Bearer {token}"},
    )


def personio_token_form(details: dict[str, Any]) -> dict[str, str]:
    return {
        "grant_type": "client_credentials",
        "client_id": details["client_id"],
        "client_secret": details["client_secret"],
    }


def sync_raw_request(provider: str, details: dict[str, Any], http: Any) -> RawRequest:
    """The raw request, after Personio's token exchange (done once, as hirelink does)."""
    token = None
    if provider == "personio":
        answer = http.post(
            f"{details['base_url']}/v2/auth/token", data=personio_token_form(details)
        )
        token = answer.json()["access_token"]
    return raw_request(provider, details, token)


def wrapper_module(provider: str) -> str:
    return f"hirelink.{provider}"


def sdk_client(provider: str, details: dict[str, Any], asynchronous: bool = False) -> Any:
    """The provider's hirelink client for the sandbox (adjust here when signatures move)."""
    module = __import__(wrapper_module(provider), fromlist=["_"])
    if provider == "recruitee":
        cls = module.AsyncRecruitee if asynchronous else module.Recruitee
        return cls(
            company_id=details["company_id"],
            token=details["token"],
            base_url=details["base_url"],
            timeout=TIMEOUT,
        )
    if provider == "join":
        cls = module.AsyncJoin if asynchronous else module.Join
        return cls(token=details["token"], base_url=details["base_url"], timeout=TIMEOUT)
    cls = module.AsyncPersonio if asynchronous else module.Personio
    # The code before issue 11 names the API host api_base_url; since then, base_url.
    old = "api_base_url" in inspect.signature(cls).parameters
    host = "api_base_url" if old else "base_url"
    return cls(
        subdomain=details["subdomain"],
        client_id=details["client_id"],
        client_secret=details["client_secret"],
        timeout=TIMEOUT,
        **{host: details["base_url"]},
    )


def sdk_page(provider: str, client: Any) -> Any:
    if provider == "recruitee":
        return client.list_candidates(limit=100, offset=0)
    if provider == "join":
        return client.list_applications(page=1, page_size=50)
    return client.list_applications(limit=100)


def sdk_walk(provider: str, client: Any) -> Iterator[Any]:
    if provider == "recruitee":
        return client.iter_candidates(page_size=100)  # type: ignore[no-any-return]
    if provider == "join":
        return client.iter_applications(page_size=50)  # type: ignore[no-any-return]
    return client.iter_applications(page_size=100)  # type: ignore[no-any-return]


# --- measurements inside one child process ------------------------------------------


def raw_sync(provider: str, details: dict[str, Any]) -> Callable[[], object]:
    import httpx

    http = httpx.Client(timeout=TIMEOUT)
    request = sync_raw_request(provider, details, http)

    def call() -> object:
        response = http.get(request.url, params=request.params, headers=request.headers)
        response.raise_for_status()
        return json.loads(response.content)

    return call


def measure_sync(provider: str, details: dict[str, Any], pairs: int) -> dict[str, Any]:
    raw_call = raw_sync(provider, details)
    client = sdk_client(provider, details)
    for _ in range(20):  # warm up connections, caches, the token
        raw_call()
        sdk_page(provider, client)
    gc.collect()
    gc.freeze()  # the fresh heap's first full collection would land in one measured call
    ratios, raw_times, sdk_times, cpu_ratios = [], [], [], []
    for index in range(pairs):
        # Alternate which goes first, so drift and cache effects fall on both alike.
        order = (True, False) if index % 2 else (False, True)
        elapsed, cpu = {}, {}
        for is_sdk in order:
            started, started_cpu = time.perf_counter(), time.process_time()
            sdk_page(provider, client) if is_sdk else raw_call()
            elapsed[is_sdk] = time.perf_counter() - started
            cpu[is_sdk] = time.process_time() - started_cpu
        raw_times.append(elapsed[False])
        sdk_times.append(elapsed[True])
        ratios.append(elapsed[True] / elapsed[False])
        if cpu[False] > 0:
            cpu_ratios.append(cpu[True] / cpu[False])
    return {
        "ratio": statistics.median(ratios),
        "raw_ms": statistics.median(raw_times) * 1000,
        "sdk_ms": statistics.median(sdk_times) * 1000,
        # The wall ratio includes the stand-in's serving time, which dilutes it; this
        # process's CPU is the client's alone (the stand-in runs in a process of its own).
        "cpu_ratio": statistics.median(cpu_ratios),
    }


def measure_decoders(provider: str, details: dict[str, Any]) -> dict[str, Any]:
    """json.loads against orjson and msgspec (when installed) on the bytes of one page."""
    import httpx

    with httpx.Client(timeout=TIMEOUT) as http:
        request = sync_raw_request(provider, details, http)
        content = http.get(request.url, params=request.params, headers=request.headers).content
    figures: dict[str, Any] = {"json_us": best_of(lambda: json.loads(content)) * 1e6}
    try:
        import orjson
    except ImportError:
        pass
    else:
        figures["orjson_us"] = best_of(lambda: orjson.loads(content)) * 1e6
    try:
        import msgspec
    except ImportError:
        pass
    else:
        decoder = msgspec.json.Decoder()
        figures["msgspec_us"] = best_of(lambda: decoder.decode(content)) * 1e6
    return figures


def best_of(action: Callable[[], object], repeat: int = 7, number: int = 20) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            action()
        samples.append((time.perf_counter() - started) / number)
    return statistics.median(samples)


def measure_async(
    provider: str, details: dict[str, Any], calls: int, rounds: int
) -> dict[str, Any]:
    import httpx

    async def gather(
        call: Callable[[], Awaitable[object]], count: int = calls, at_once: int = 50
    ) -> float:
        gate = asyncio.Semaphore(at_once)

        async def one() -> None:
            async with gate:
                await call()

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(count)))
        return time.perf_counter() - started

    async def run() -> dict[int, list[float]]:
        # Idle connections expire before the stand-in's keep-alive timeout (5 s) closes
        # them while the other side's round runs; hirelink's retries would hide that race.
        # The pool sizes of the SDK's client (httpx's defaults), so both sides pool alike.
        limits = httpx.Limits(
            max_connections=100, max_keepalive_connections=20, keepalive_expiry=2.0
        )
        async with httpx.AsyncClient(limits=limits, timeout=TIMEOUT) as http:
            token = None
            if provider == "personio":
                answer = await http.post(
                    f"{details['base_url']}/v2/auth/token", data=personio_token_form(details)
                )
                token = answer.json()["access_token"]
            request = raw_request(provider, details, token)

            async def raw_call() -> object:
                response = await http.get(
                    request.url, params=request.params, headers=request.headers
                )
                response.raise_for_status()
                return json.loads(response.content)

            client = sdk_client(provider, details, asynchronous=True)
            async with client:

                async def sdk_call() -> object:
                    return await sdk_page(provider, client)

                await gather(raw_call, 100)  # warm up both
                await gather(sdk_call, 100)
                ratios: dict[int, list[float]] = {50: [], 1: []}
                # 50 at once measures httpcore's pool as much as the SDK (its connection
                # assignment is CPU-bound there); one at a time shows the SDK's own cost.
                for at_once, count in ((50, calls), (1, max(calls // 5, 20))):
                    for index in range(rounds):
                        sdk_first = bool(index % 2)
                        first = sdk_call if sdk_first else raw_call
                        second = raw_call if sdk_first else sdk_call
                        first_time = await gather(first, count, at_once)
                        second_time = await gather(second, count, at_once)
                        sdk_time, raw_time = (
                            (first_time, second_time) if sdk_first else (second_time, first_time)
                        )
                        ratios[at_once].append(sdk_time / raw_time)
                return ratios

    ratios = asyncio.run(run())
    return {
        "ratio": statistics.median(ratios[50]),
        "one_at_a_time": statistics.median(ratios[1]),
    }


def measure_fresh(
    provider: str, details: dict[str, Any], sdk: bool, calls: int, modules: Sequence[str] = ()
) -> dict[str, Any]:
    """In a fresh process: import times, client creation + first call, RSS after ``calls``.

    ``modules`` are imported with the wrapper and counted in its import time: given the
    modules the first call imports, the figure is the import of what a first call needs.
    """
    started, started_cpu = time.perf_counter(), time.process_time()
    import httpx

    httpx_s, httpx_cpu_s = time.perf_counter() - started, time.process_time() - started_cpu
    import_s = import_cpu_s = 0.0
    if sdk:
        started, started_cpu = time.perf_counter(), time.process_time()
        __import__(wrapper_module(provider))
        for name in modules:  # what the first call would import (a previous run's list)
            __import__(name)
        import_s, import_cpu_s = time.perf_counter() - started, time.process_time() - started_cpu
    before = set(sys.modules)
    started = time.perf_counter()
    if sdk:
        client = sdk_client(provider, details)
        call: Callable[[], object] = lambda: sdk_page(provider, client)  # noqa: E731
    else:
        call = raw_sync(provider, details)
    call()
    first_s = time.perf_counter() - started
    first_call_modules = sorted(set(sys.modules) - before)
    for _ in range(calls - 1):
        call()
    gc.collect()
    return {
        "httpx_ms": httpx_s * 1000,
        "httpx_cpu_ms": httpx_cpu_s * 1000,
        "import_ms": import_s * 1000,
        "import_cpu_ms": import_cpu_s * 1000,
        "first_ms": first_s * 1000,
        "first_call_modules": first_call_modules,
        "rss_mb": current_rss_mb(),
        "httpx": httpx.__version__,
    }


def current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: the peak is the closest figure
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)


def measure_walk(provider: str, details: dict[str, Any], counts: list[int]) -> dict[str, Any]:
    peaks = {}
    with sdk_client(provider, details) as client:  # imports and caches, before measuring
        sum(1 for _ in itertools.islice(sdk_walk(provider, client), 100))
    for count in counts:
        with sdk_client(provider, details) as client:
            gc.collect()
            tracemalloc.start()
            walked = sum(1 for _ in itertools.islice(sdk_walk(provider, client), count))
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        peaks[str(walked)] = peak / 1024
    return {"peak_kib": peaks}


def decoder_in_use() -> str:
    """The JSON decoder hirelink reads answers with here (json before it could choose)."""
    decoding = sys.modules.get("hirelink.core.decoding")
    if decoding is None:
        return "json" if "hirelink.core" in sys.modules else "-"
    return str(decoding.active_decoder().name)


def worker(args: argparse.Namespace) -> int:
    details = json.loads(args.details)[args.provider]
    if args.kind == "warm":
        result = measure_sync(args.provider, details, args.pairs)
        if args.calls:
            # Four rounds, alternating which side goes first: one round was noise (0.45x
            # to 1.5x for the same code).
            measured = measure_async(args.provider, details, args.calls, 4)
            result["async_ratio"] = measured["ratio"]
            result["async_one_ratio"] = measured["one_at_a_time"]
    elif args.kind == "decode":
        result = measure_decoders(args.provider, details)
    elif args.kind in ("fresh-raw", "fresh-sdk"):
        modules = [name for name in args.modules.split(",") if name]
        result = measure_fresh(
            args.provider, details, args.kind == "fresh-sdk", args.calls, modules
        )
    else:
        result = measure_walk(args.provider, details, [1_000, args.calls])
    loaded = sys.modules.get(wrapper_module(args.provider))
    result["code"] = getattr(loaded, "__file__", "") or ""
    result["decoder"] = decoder_in_use()
    print(json.dumps(result))
    return 0


# --- the parent: interleaved children, medians, the table ---------------------------


@dataclass(frozen=True)
class Variant:
    """One column of the table: a checkout (None: the current code) and a decoder."""

    label: str
    code: Path | None = None
    decoder: str = "auto"


def variants(before: Path | None) -> list[Variant]:
    """The code before (if given), then the current code with json and, if installed, orjson."""
    chosen = [Variant("before", before, "json")] if before is not None else []
    chosen.append(Variant("json", None, "json"))
    try:
        import orjson  # noqa: F401  (only whether it is there)
    except ImportError:
        return chosen
    return [*chosen, Variant("orjson", None, "orjson")]


def child(
    kind: str, provider: str, details: str, variant: Variant, **options: int | str
) -> dict[str, Any]:
    env = dict(os.environ)
    env["HIRELINK_JSON_DECODER"] = variant.decoder
    before = variant.code
    if before is not None:
        old = [str(path) for path in sorted(before.glob("*/*/src"))]
        env["PYTHONPATH"] = os.pathsep.join([*old, env.get("PYTHONPATH", "")])
    command = [sys.executable, __file__, "worker", kind, provider, "--details", details]
    for name, value in options.items():
        command += [f"--{name}", str(value)]
    output = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    if output.returncode:
        raise RuntimeError(f"{kind} {provider} failed:\n{output.stderr}")
    result: dict[str, Any] = json.loads(output.stdout.strip().splitlines()[-1])
    if before is not None and result.get("code") and str(before) not in result["code"]:
        raise RuntimeError(f"the old code was not imported: {result['code']}")
    return result


def first_call_modules(provider: str, details: str, variant: Variant) -> str:
    """The modules the first call imports beyond raw's, comma-joined."""
    raw = child("fresh-raw", provider, details, variant, calls=1)
    sdk = child("fresh-sdk", provider, details, variant, calls=1)
    return ",".join(sorted(set(sdk["first_call_modules"]) - set(raw["first_call_modules"])))


def figures(
    provider: str, details: str, columns: list[Variant], rounds: int, quick: bool
) -> list[dict[str, Any]]:
    """The five figures for each of ``columns``.

    Within every round each column runs once, in turn, so all see the same machine.
    """
    runs: list[dict[str, list[Any]]] = [
        {
            "sync": [],
            "sync_cpu": [],
            "async": [],
            "async_one": [],
            "fresh_raw": [],
            "fresh_sdk": [],
            "decoder": [],
        }
        for _ in columns
    ]
    needs = [first_call_modules(provider, details, variant) for variant in columns]
    for index in range(rounds):
        for variant, run, modules in zip(columns, runs, needs, strict=True):
            # 1000 async calls take long: two rounds of them are enough.
            calls = 0 if index >= 2 else 200 if quick else 1000
            pairs = 30 if quick else 60
            warm = child("warm", provider, details, variant, pairs=pairs, calls=calls)
            run["sync"].append(warm["ratio"])
            run["sync_cpu"].append(warm["cpu_ratio"])
            run["decoder"].append(warm["decoder"])
            if calls:
                run["async"].append(warm["async_ratio"])
                run["async_one"].append(warm["async_one_ratio"])
            run["fresh_raw"].append(child("fresh-raw", provider, details, variant, calls=300))
            run["fresh_sdk"].append(
                child("fresh-sdk", provider, details, variant, calls=300, modules=modules)
            )
    return [summarize(run) for run in runs]


def summarize(run: dict[str, list[Any]]) -> dict[str, Any]:
    fresh_raw, fresh_sdk = run["fresh_raw"], run["fresh_sdk"]
    first_raw = statistics.median(one["first_ms"] for one in fresh_raw)
    return {
        "decoder": "/".join(sorted(set(run["decoder"]))),
        "sync": statistics.median(run["sync"]),
        "sync_cpu": statistics.median(run["sync_cpu"]),
        "async": statistics.median(run["async"]),
        "async_one": statistics.median(run["async_one"]),
        "import": statistics.median(one["import_ms"] for one in fresh_sdk),
        "import_cpu": statistics.median(one["import_cpu_ms"] for one in fresh_sdk),
        "httpx_import": statistics.median(one["httpx_ms"] for one in fresh_raw),
        "httpx_import_cpu": statistics.median(one["httpx_cpu_ms"] for one in fresh_raw),
        "first": statistics.median(one["first_ms"] for one in fresh_sdk) / first_raw,
        "rss": statistics.median(
            sdk["rss_mb"] - raw["rss_mb"] for sdk, raw in zip(fresh_sdk, fresh_raw, strict=True)
        ),
        # The first call's modules are imported beforehand (counted in "import"); what
        # is left are modules the call itself still imports.
        "first_call_modules": max(
            len(set(sdk["first_call_modules"]) - set(raw["first_call_modules"]))
            for sdk, raw in zip(fresh_sdk, fresh_raw, strict=True)
        ),
    }


ROWS = [
    ("decoder used", "decoder", "{}", ""),
    ("per page, sync (x raw)", "sync", "{:.2f}x", TARGETS["sync"]),
    ("  the same, client CPU", "sync_cpu", "{:.2f}x", ""),
    ("1000 async calls, 50 at once", "async", "{:.2f}x", TARGETS["async"]),
    ("  async, one at a time", "async_one", "{:.2f}x", ""),
    ("import for a first call (wall)", "import", "+{:.1f} ms", TARGETS["import"]),
    ("  the same, CPU time", "import_cpu", "+{:.1f} ms", ""),
    ("first page, fresh process", "first", "{:.2f}x", TARGETS["first"]),
    ("RSS after 300 calls, over raw", "rss", "{:+.1f} MB", "<= +10 MB"),
]


def print_table(provider: str, columns: list[Variant], measured: list[dict[str, Any]]) -> None:
    print(f"\n{provider}: {OPERATIONS[provider]}")
    print(f"  {'figure':<32}" + "".join(f"{v.label:>12}" for v in columns) + "   target")
    for label, key, form, target in ROWS:
        cells = "".join(f"{form.format(one[key]):>12}" for one in measured)
        print(f"  {label:<32}{cells}   {target}")
    last = measured[-1]
    print(
        f"  (import httpx itself: {last['httpx_import']:.1f} ms wall,"
        f" {last['httpx_import_cpu']:.1f} ms CPU; modules the first call still imports:"
        f" {last['first_call_modules']})"
    )


OPERATIONS = {
    "recruitee": "list_candidates, 100 per page",
    "join": "list_applications, 50 per page",
    "personio": "v2 list_applications, 100 per page",
}


def model_figures(details: dict[str, Any]) -> None:
    """``bench_models`` on the stand-in's Recruitee page, in a process of its own."""
    import httpx

    with httpx.Client(timeout=TIMEOUT) as http:
        request = sync_raw_request("recruitee", details, http)
        page = http.get(request.url, params=request.params, headers=request.headers)
    with tempfile.TemporaryDirectory() as scratch:
        saved = Path(scratch) / "page.json"
        saved.write_bytes(page.content)
        script = Path(__file__).with_name("bench_models.py")
        subprocess.run([sys.executable, str(script), str(saved)], check=True)


def stand_in_figures(cycles: int) -> None:
    """What a test's own stand-in costs (the pytest plugin starts one per test): median
    start and stop, in this process, after one request has left a kept-alive connection."""
    import httpx

    from hirelink.sandbox import PROVIDERS, start_stand_in

    print(f"\nstand-ins: start / stop, median of {cycles}, one kept-alive connection open")
    for name in PROVIDERS:
        starts, stops = [], []
        for _ in range(cycles):
            began = time.perf_counter()
            stand_in = start_stand_in(name, max_lifetime=None)
            starts.append(time.perf_counter() - began)
            with httpx.Client(timeout=TIMEOUT) as http:
                http.get(stand_in.server.url + "/")  # any answer: the connection stays open
                began = time.perf_counter()
                stand_in.stop()
                stops.append(time.perf_counter() - began)
        start_ms, stop_ms = statistics.median(starts) * 1e3, statistics.median(stops) * 1e3
        print(f"  {name:<20}{start_ms:8.1f} ms {stop_ms:8.1f} ms")


# A watch's first poll: every record, through the filter a watch sends.
SINCE = {
    "recruitee": {"created_after": "2000-01-01T00:00:00Z"},
    "join": {"updatedAtGte": "2000-01-01T00:00:00Z"},
    "personio": {"updated_at.gt": "2000-01-01T00:00:00Z"},
}


def walk_pages(provider: str, details: dict[str, Any], filters: dict[str, str]) -> list[float]:
    """Seconds for each page of one raw walk through every record, in the paging of the
    provider (offsets, page numbers, ``next`` links)."""
    import httpx

    with httpx.Client(timeout=TIMEOUT) as http:
        request = sync_raw_request(provider, details, http)
        url, params, times = request.url, {**request.params, **filters}, []
        while True:
            started = time.perf_counter()
            response = http.get(url, params=params, headers=request.headers)
            response.raise_for_status()
            body = response.json()
            times.append(time.perf_counter() - started)
            if provider == "recruitee" and len(body["candidates"]) == 100:
                params["offset"] = str(int(params["offset"]) + 100)
            elif provider == "join" and len(body) == 50:
                params["page"] = str(int(params["page"]) + 1)
            elif provider == "personio" and "next" in body["_meta"]["links"]:
                params = dict(httpx.URL(body["_meta"]["links"]["next"]["href"]).params)
            else:
                return times


def stand_in_page_figures(counts: Sequence[int]) -> None:
    """The stand-ins' own cost per page as their records grow: every page of a walk, once
    without filters and once as a watch's first poll (the first page of each orders)."""
    print("\nstand-ins: page times walking every record (raw httpx, in ms; walk in s)")
    print(f"  {'':<20}{'records':>8}{'first':>9}{'median':>9}{'last':>9}{'walk':>8}")
    for count in counts:
        with sandbox_process(count) as served:
            for provider in PROVIDERS:
                for label, filters in (("", {}), (" since", SINCE[provider])):
                    times = walk_pages(provider, served[provider], filters)
                    first, middle, last = times[0], statistics.median(times), times[-1]
                    print(
                        f"  {provider + label:<20}{count:>8}{first * 1e3:>9.1f}"
                        f"{middle * 1e3:>9.1f}{last * 1e3:>9.1f}{sum(times):>8.1f}",
                        flush=True,
                    )


def describe(variant: Variant) -> str:
    if variant.code is not None:
        return f"{variant.label} = the checkout given with --before"
    return f"{variant.label} = this code, HIRELINK_JSON_DECODER={variant.decoder}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve").add_argument("--records", type=int, default=SEEDED)
    pages = commands.add_parser("pages", help="only the stand-ins' page times")
    pages.add_argument("--records", type=int, nargs="+", default=list(PAGE_RECORDS))
    work = commands.add_parser("worker")
    work.add_argument("kind")
    work.add_argument("provider", choices=PROVIDERS)
    work.add_argument("--details", required=True)
    work.add_argument("--pairs", type=int, default=100)
    work.add_argument("--calls", type=int, default=300)
    work.add_argument("--modules", default="", help="comma-separated, imported with the wrapper")
    parser.add_argument("--before", type=Path, help="an older checkout to measure alongside")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="fewer calls (a smoke run)")
    parser.add_argument("--providers", nargs="*", default=list(PROVIDERS), choices=PROVIDERS)
    args = parser.parse_args()
    if args.command == "serve":
        return serve(args.records)
    if args.command == "worker":
        return worker(args)
    if args.command == "pages":
        stand_in_page_figures(args.records)
        return 0
    with tempfile.TemporaryDirectory(prefix="hirelink-bench-bytecode-") as bytecode:
        # An installed package imports from bytecode (pip compiles it at install). Without
        # this, PYTHONDONTWRITEBYTECODE=1 in the environment would make every fresh child
        # compile httpx and hirelink from source, and the import figures measure that.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = bytecode
        return measure_all(args)


def measure_all(args: argparse.Namespace) -> int:
    """Every figure, for the providers and columns ``args`` names."""
    with sandbox_process(SEEDED) as details, sandbox_process(RECORDS) as large:
        encoded, encoded_large = json.dumps(details), json.dumps(large)
        columns = variants(args.before)
        print("Ratios are hirelink / raw httpx + json.loads on the same server; medians of")
        print(f"paired, interleaved runs ({args.rounds} rounds, the columns alternating).")
        print("Columns: " + ", ".join(describe(variant) for variant in columns) + ".")
        for provider in args.providers:
            measured = figures(provider, encoded, columns, args.rounds, args.quick)
            print_table(provider, columns, measured)
            current = columns[-1]
            decoded = child("decode", provider, encoded, current)
            shown = ", ".join(
                f"{name} {decoded[f'{name}_us']:.0f} µs"
                for name in ("json", "orjson", "msgspec")
                if f"{name}_us" in decoded
            )
            print(f"  decode one page: {shown}")
            count = 2_000 if args.quick else RECORDS
            peaks = child("walk", provider, encoded_large, current, calls=count)["peak_kib"]
            shown = ", ".join(f"{n} records {kib:.0f} KiB" for n, kib in peaks.items())
            print(f"  peak traced memory walking: {shown}")
        if "recruitee" in args.providers:
            model_figures(details["recruitee"])
    stand_in_figures(5 if args.quick else 20)
    stand_in_page_figures(PAGE_RECORDS[:2] if args.quick else PAGE_RECORDS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
