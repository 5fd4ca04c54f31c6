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

from hirelink.sandbox.recruitee import create_recruitee_sandbox
from hirelink.sandbox.server import SandboxServer

__all__ = ["PROVIDERS", "main"]

StartProvider = Callable[[argparse.Namespace], tuple[SandboxServer, dict[str, Any]]]


def _start_recruitee(args: argparse.Namespace) -> tuple[SandboxServer, dict[str, Any]]:
    sandbox = create_recruitee_sandbox(candidates=args.candidates)
    server = sandbox.serve(host=args.host, port=args.port, max_lifetime=args.max_lifetime)
    details = {"base_url": server.url, "company_id": sandbox.company_id, "token": sandbox.token}
    return server, details


PROVIDERS: dict[str, StartProvider] = {"recruitee": _start_recruitee}
"""Stand-ins started by ``serve``, by the key they get in the printed JSON line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hirelink.sandbox", description="Local stand-ins for recruiting APIs."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the stand-ins on loopback")
    serve.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    serve.add_argument(
        "--port", type=int, default=0, help="port of the Recruitee stand-in (0: any free port)"
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
        description: dict[str, Any] = {}
        for name, start in PROVIDERS.items():
            server, details = start(args)
            servers.append(server)
            description[name] = details
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
