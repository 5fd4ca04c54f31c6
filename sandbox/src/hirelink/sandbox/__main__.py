"""``python -m hirelink.sandbox serve``: run the stand-ins until interrupted.

Prints one JSON line describing every stand-in (base URL and sandbox
credentials, which only open these local stand-ins), e.g.::

    {"recruitee": {"base_url": "http://127.0.0.1:50123", "company_id": 4100,
                   "token": "sandbox-recruitee-token"}}

then serves until Ctrl-C, SIGTERM, SIGHUP (unless ignored, as under ``nohup``),
Ctrl-Break, or until ``--max-lifetime`` seconds have passed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType
from typing import Any

from hirelink.sandbox.standins import PROVIDERS, StandIn, start_stand_ins

__all__ = ["PROVIDERS", "StandIn", "main", "start_stand_ins"]


def _first_port(text: str) -> int:
    """A port the first stand-in can take with room for the others after it."""
    port = int(text)
    if not 0 <= port <= 65535 - (len(PROVIDERS) - 1):
        raise argparse.ArgumentTypeError(f"{port} is not in 0..{65535 - (len(PROVIDERS) - 1)}")
    return port


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hirelink.sandbox",
        description=(
            "Local stand-ins for Recruitee, the Recruitee Partners API, JOIN and Personio."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the stand-ins on loopback")
    serve.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    serve.add_argument(
        "--port",
        type=_first_port,
        default=0,
        help="port of the first stand-in; the others take the next ports (0: free ports)",
    )
    serve.add_argument("--candidates", type=int, default=250, help="candidates to seed")
    serve.add_argument(
        "--max-lifetime",
        type=float,
        default=3600.0,
        help="stop after this many seconds (0 or less, or inf: no limit)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    stop = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():  # only it may take signals
        previous = {number: signal.signal(number, request_stop) for number in _stopping()}
    stand_ins: list[StandIn[Any]] = []
    try:
        try:
            stand_ins = start_stand_ins(
                host=args.host,
                first_port=args.port,
                max_lifetime=args.max_lifetime,
                candidates=args.candidates,
            )
        except OSError as exc:  # a port in use: start_stand_ins names it
            sys.stderr.write(f"error: cannot listen on {exc.strerror or exc}\n")
            return 2
        description = {stand_in.name: stand_in.details for stand_in in stand_ins}
        try:
            sys.stdout.write(json.dumps(description) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # the reader left (`| head -c0`): stop quietly
            # Python flushes stdout again at exit: let that go nowhere.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        while not stop.wait(0.2):
            if not all(stand_in.server.running for stand_in in stand_ins):
                break
    except ValueError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    finally:
        for stand_in in stand_ins:
            stand_in.stop()
        for number, handler in previous.items():
            # None: a handler not installed from Python, which cannot be put back.
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
    return 0


def _stopping() -> list[int]:
    """Ctrl-C, SIGTERM, SIGHUP (the terminal closed) unless ignored, and Ctrl-Break."""
    hangup = getattr(signal, "SIGHUP", None)  # none on Windows
    if hangup is not None and signal.getsignal(hangup) is signal.SIG_IGN:
        hangup = None
    ctrl_break = getattr(signal, "SIGBREAK", None)  # Windows only
    candidates = (signal.SIGINT, signal.SIGTERM, hangup, ctrl_break)
    return [number for number in candidates if number is not None]


if __name__ == "__main__":
    sys.exit(main())
