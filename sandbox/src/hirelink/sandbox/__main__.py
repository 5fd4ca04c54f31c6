"""``python -m hirelink.sandbox serve``: run the stand-ins until interrupted.

Prints one JSON line describing every stand-in (base URL and sandbox
credentials, which only open these local stand-ins), e.g.::

    {"recruitee": {"base_url": "http://127.0.0.1:50123", "company_id": 4100,
                   "token": "sandbox-recruitee-token"}}

then serves until SIGINT/SIGTERM or until ``--max-lifetime`` seconds have passed.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from attrs import define

from hirelink.sandbox.app import SandboxApp
from hirelink.sandbox.join import BASE_PATH as JOIN_BASE_PATH
from hirelink.sandbox.join import create_join_sandbox
from hirelink.sandbox.personio import create_personio_sandbox
from hirelink.sandbox.recruitee import create_recruitee_sandbox
from hirelink.sandbox.recruitee_partners import create_partners_sandbox
from hirelink.sandbox.server import SandboxServer

__all__ = ["PROVIDERS", "StandIn", "main", "start_stand_ins"]


@define(frozen=True)
class StandIn:
    """A running stand-in: its server and the details a client needs (URL, credentials)."""

    name: str
    server: SandboxServer
    details: dict[str, Any]
    sandbox: SandboxApp
    """The stand-in itself: its state, faults and recorder."""


StartProvider = Callable[..., tuple[SandboxApp, SandboxServer, dict[str, Any]]]


def _start_recruitee(
    *, host: str, port: int, max_lifetime: float | None, candidates: int
) -> tuple[SandboxApp, SandboxServer, dict[str, Any]]:
    sandbox = create_recruitee_sandbox(candidates=candidates)
    server = sandbox.serve(host=host, port=port, max_lifetime=max_lifetime)
    details = {"base_url": server.url, "company_id": sandbox.company_id, "token": sandbox.token}
    return sandbox, server, details


def _start_join(
    *, host: str, port: int, max_lifetime: float | None, candidates: int
) -> tuple[SandboxApp, SandboxServer, dict[str, Any]]:
    sandbox = create_join_sandbox()
    server = sandbox.serve(host=host, port=port, max_lifetime=max_lifetime)
    return sandbox, server, {"base_url": server.url + JOIN_BASE_PATH, "token": sandbox.token}


def _start_partners(
    *, host: str, port: int, max_lifetime: float | None, candidates: int
) -> tuple[SandboxApp, SandboxServer, dict[str, Any]]:
    sandbox = create_partners_sandbox()
    server = sandbox.serve(host=host, port=port, max_lifetime=max_lifetime)
    details = {
        "base_url": server.url,
        "codename": sandbox.codename,
        "personal_token": sandbox.personal_token,
        "partner_secret": sandbox.secret,
    }
    return sandbox, server, details


def _start_personio(
    *, host: str, port: int, max_lifetime: float | None, candidates: int
) -> tuple[SandboxApp, SandboxServer, dict[str, Any]]:
    sandbox = create_personio_sandbox()
    server = sandbox.serve(host=host, port=port, max_lifetime=max_lifetime)
    details = {
        "subdomain": sandbox.subdomain,
        "company_id": sandbox.company_id,
        "recruiting_token": sandbox.recruiting_token,
        "channel_id": sandbox.channel_id,
        "client_id": sandbox.client_id,
        "client_secret": sandbox.client_secret,
        "base_url": server.url,
        "jobs_base_url": sandbox.jobs_base_url(server.url),
    }
    return sandbox, server, details


PROVIDERS: dict[str, StartProvider] = {
    "recruitee": _start_recruitee,
    "join": _start_join,
    "recruitee_partners": _start_partners,
    "personio": _start_personio,
}
"""Stand-ins started by ``serve``, by the key they get in the printed JSON line."""


def start_stand_ins(
    *,
    host: str = "127.0.0.1",
    first_port: int = 0,
    max_lifetime: float | None = 3600.0,
    candidates: int = 250,
) -> list[StandIn]:
    """Start every stand-in; with ``first_port``, stand-in N listens on ``first_port + N``.

    Stops the ones already started if a later one fails.
    """
    started: list[StandIn] = []
    try:
        for index, (name, start) in enumerate(PROVIDERS.items()):
            port = first_port + index if first_port else 0
            sandbox, server, details = start(
                host=host, port=port, max_lifetime=max_lifetime, candidates=candidates
            )
            started.append(StandIn(name, server, details, sandbox))
    except BaseException:
        for stand_in in started:
            stand_in.server.stop()
        raise
    return started


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hirelink.sandbox", description="Local stand-ins for recruiting APIs."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the stand-ins on loopback")
    serve.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    serve.add_argument(
        "--port",
        type=int,
        default=0,
        help="port of the first stand-in; the others take the next ports (0: free ports)",
    )
    serve.add_argument("--candidates", type=int, default=250, help="candidates to seed")
    serve.add_argument(
        "--max-lifetime",
        type=float,
        default=3600.0,
        help="stop after this many seconds (0 or less: no limit)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.max_lifetime <= 0:
        args.max_lifetime = None
    stop = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    servers: list[SandboxServer] = []
    try:
        stand_ins = start_stand_ins(
            host=args.host,
            first_port=args.port,
            max_lifetime=args.max_lifetime,
            candidates=args.candidates,
        )
        servers = [stand_in.server for stand_in in stand_ins]
        description = {stand_in.name: stand_in.details for stand_in in stand_ins}
        sys.stdout.write(json.dumps(description) + "\n")
        sys.stdout.flush()
        while not stop.wait(0.2):
            if not all(server.running for server in servers):
                break
    except ValueError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    finally:
        for server in servers:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
