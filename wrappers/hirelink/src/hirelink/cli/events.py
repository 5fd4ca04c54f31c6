"""``hirelink watch`` and ``hirelink webhooks serve``: events in the terminal, as JSON Lines.

A feed is a provider's ``watch_*`` method (``join.applications`` is
``Join.watch_applications``), found from the client's declarations, so there is no list
of feeds to keep. Both commands run until interrupted (Ctrl-C).
"""

from __future__ import annotations

import _thread
import asyncio
import codecs
import contextlib
import errno
import io
import json
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Final, NoReturn

import typer

from hirelink.core import HirelinkError, InvalidInputError, worth_retrying
from hirelink.core.feeds import (
    LONGEST_PAUSE,
    FeedTracker,
    FileFeedStore,
    wait_unless_stopped,
)
from hirelink.core.file_updates import failure
from hirelink.core.operations import Watcher, declarations
from hirelink.core.redaction import CONTROL_CHARACTERS, one_line
from hirelink.core.validation import non_empty_str
from hirelink.operations import load_providers
from hirelink.operations.credentials import CredentialStore
from hirelink.operations.jsonable import mask_fields, to_json
from hirelink.operations.registry import read_input

WEBHOOK_SECRET_ENV = "HIRELINK_WEBHOOK_SECRET"  # noqa: S105 - a variable's name
WEBHOOK_TOKENS_ENV = "HIRELINK_WEBHOOK_TOKENS"
watch_logger = logging.getLogger("hirelink.cli.watch")

webhooks_app = typer.Typer(help="Receive provider webhooks.", no_args_is_help=True)


def feeds() -> dict[str, tuple[str, str]]:
    """Every feed: ``"join.applications"`` -> (provider, method name)."""
    found = {}
    for provider in load_providers().providers():
        for name, declared in declarations(provider.client_class).items():
            if isinstance(declared, Watcher):
                found[f"{provider.name}.{name.removeprefix('watch_')}"] = (provider.name, name)
    return found


_printing = threading.Lock()


def _carries_unicode(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None)
    try:
        return bool(encoding) and codecs.lookup(str(encoding)).name.startswith("utf")
    except LookupError:
        return False


def _json_escapes(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: what the encoding lacks, as JSON ``\\u`` escapes (pairs
    above U+FFFF). Right in JSON text, where such characters only occur in strings."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for character in error.object[error.start : error.end]:
        code = ord(character)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


codecs.register_error("hirelink-json-escape", _json_escapes)


# json escapes C0 in strings itself; C0 outside strings is the layout (newlines, indent).
_JSON_ESCAPES: Final = {code: f"\\u{code:04x}" for code in CONTROL_CHARACTERS if code >= 0x7F}


def json_text(document: Any, *, indent: int | None = None) -> str:
    """``document`` as JSON for stdout. On a UTF-8 (or other Unicode) stdout every
    character is written as it is (a lone surrogate as a ``\\u`` escape); on any other
    (Windows writes a redirected stdout in its ANSI code page, which PowerShell then reads
    in the OEM one) the JSON is pure ASCII, with ``\\u`` escapes: the same JSON, read
    alike under every code page, and never a command failed after its work was done."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        unicode = codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        unicode = False
    if not unicode:
        return json.dumps(document, indent=indent, default=str)
    text = json.dumps(document, indent=indent, ensure_ascii=False, default=str)
    text = text.translate(_JSON_ESCAPES)
    return text.encode(encoding, "hirelink-json-escape").decode(encoding)


def tolerate_narrow_encodings() -> None:
    """Text stdout or stderr cannot encode (a table of names, an error quoting one) is
    written as escapes instead of failing the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _carries_unicode(stream):
            stream.reconfigure(errors="backslashreplace")


def _print_line(document: Any, abandoned: threading.Event | None = None) -> None:
    """``document`` as a JSON line on stdout; from a receiver's callback, given up (raising
    ``RuntimeError``) once ``abandoned`` is set while the line waits for its reader."""
    line = json_text(document) + "\n"
    if threading.current_thread() is threading.main_thread():
        with _printing:
            write_whole(line)
        return
    # A receiver's callback, on a worker thread: the line is written by a daemon thread
    # it waits for. Blocked in the write itself (a reader that stopped reading), the
    # worker kept the process from ending after the server stopped, until a SIGKILL.
    written: Future[None] = Future()

    def write() -> None:
        try:
            with _printing:  # one whole line at a time
                write_whole(line)
        except BaseException as error:
            written.set_exception(error)
        else:
            written.set_result(None)

    threading.Thread(target=write, name="hirelink stdout", daemon=True).start()
    while True:
        try:
            return written.result(timeout=_ABANDON_CHECK)
        except TimeoutError:
            if abandoned is not None and abandoned.is_set():
                raise RuntimeError("the server stopped before its reader took the line") from None


_ABANDON_CHECK: Final = 0.2
"""Seconds between a waiting callback's looks at whether its server stopped."""


def write_whole(text: str) -> None:
    """``text`` on stdout, all of it. A blocked write of more than the buffer (8 KiB) that
    a signal interrupted, its handler returning (Ctrl-C and SIGTERM during a watch or
    ``run --all``), was taken by CPython as done with the part written: the rest was
    dropped, and its reader got a record cut short. Written here by the descriptor, a
    partial write goes on from where it stopped."""
    stdout = sys.stdout
    try:
        descriptor = stdout.fileno()
        codec = codecs.lookup(stdout.encoding).name
        encoded = text.encode(codec, stdout.errors or "strict")
    except (AttributeError, OSError, ValueError, LookupError, TypeError):  # as by CliRunner
        descriptor, codec = -1, ""
    # Windows: text mode writes "\r\n", and no signal cuts a write short. An encoding
    # marking its start (utf-8-sig, utf-16) would mark each line encoded on its own.
    if descriptor < 0 or _WINDOWS or codec in _MARKING_ENCODINGS:
        stdout.write(text)
        stdout.flush()
        return
    stdout.flush()  # what was written through it before comes first
    left = memoryview(encoded)
    while left:
        left = left[os.write(descriptor, left) :]


_WINDOWS = sys.platform == "win32"
_MARKING_ENCODINGS: Final = frozenset({"utf-8-sig", "utf-16", "utf-32"})


def reader_left(error: BaseException | None) -> bool:
    """Whether ``error``, raised writing the output, means its reader left (``| head``):
    a ``BrokenPipeError``, or on Windows an ``OSError`` EINVAL naming no file (its C
    runtime's answer to a write to a pipe whose reader closed, CPython issue 79935; a path
    Windows refuses, ``bad?name``, is EINVAL too, with the path)."""
    if isinstance(error, BrokenPipeError):
        return True
    return (
        _WINDOWS
        and isinstance(error, OSError)
        and error.errno == errno.EINVAL
        and error.filename is None
    )


def silence_stdout() -> None:
    """After the reader of stdout left (``| head``): so Python does not complain at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # closed at start, or replaced
        descriptor = 1
    os.dup2(devnull, descriptor)


def _terminating_signals() -> list[int]:
    """SIGTERM (systemd, Docker and Kubernetes stopping the process), SIGHUP (the terminal
    closed) unless it is ignored (``nohup``: the command is to outlive its terminal) and,
    on Windows, SIGBREAK (Ctrl-Break), whose default is to end the process at once."""
    hangup = getattr(signal, "SIGHUP", None)  # none on Windows
    if hangup is not None and signal.getsignal(hangup) is signal.SIG_IGN:
        hangup = None
    ctrl_break = getattr(signal, "SIGBREAK", None)
    return [number for number in (signal.SIGTERM, hangup, ctrl_break) if number is not None]


def _stopping_signals() -> list[int]:
    """SIGINT unless it is ignored (a background job of a script, ``trap '' INT``: Python
    leaves it ignored, as plain ``run`` does), and the :func:`_terminating_signals`."""
    interrupt = [] if signal.getsignal(signal.SIGINT) is signal.SIG_IGN else [signal.SIGINT]
    return [*interrupt, *_terminating_signals()]


@contextlib.contextmanager
def terminated_as_interrupted() -> Iterator[None]:
    """Stop on SIGTERM (systemd, Docker and Kubernetes stopping the process), SIGHUP (its
    terminal closed) or Ctrl-Break as on Ctrl-C, so a watch saves its checkpoint and gives
    its lease up: by default the process died at once, and a Redis lease kept the next
    worker from the feed for its TTL."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = {number: signal.signal(number, interrupt) for number in _terminating_signals()}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextlib.contextmanager
def signals_stopping(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C, SIGTERM (systemd, Docker and Kubernetes stopping the process), SIGHUP (its
    terminal closed) and on Windows Ctrl-Break set ``stop``, which a watch (``run --all``
    between two items) looks at where it can end cleanly: it saves its checkpoint and gives
    its lease up. A watch not done :data:`STOP_GRACE` seconds later (a call in progress,
    its retries, a write to a reader that does not read) gets the signal again, as does one
    sent a second time: it then raises KeyboardInterrupt where the watch is.

    A KeyboardInterrupt raised by the first signal could land anywhere: between taking a
    lock and the block that releases it, or in a finalizer that swallows it, and the watch
    then hung or went on. Nor may the handler set ``stop`` itself: the handler runs on the
    main thread, which may be holding the event's own lock. It writes the signal's number
    to a pipe; a thread sets ``stop``."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may handle signals
        return
    readable, writable = os.pipe()
    received = 0
    done = threading.Event()
    ending = threading.Lock()  # the relay's signal and the block's end, one after the other
    main = threading.main_thread().ident

    def handle(number: int, _frame: object) -> None:
        nonlocal received
        if done.is_set():
            return  # the watch is over: nothing left to stop
        received += 1
        if received > 1:
            raise KeyboardInterrupt
        with contextlib.suppress(OSError):
            os.write(writable, bytes([number]))

    def relay() -> None:
        number = os.read(readable, 1)
        if not number:
            return  # the watch ended without a signal
        stop.set()
        if done.wait(STOP_GRACE):
            return
        with ending, contextlib.suppress(OSError, ValueError):
            if done.is_set() or received > 1:  # over meanwhile, or signalled again already
                return
            if hasattr(signal, "pthread_kill") and main is not None:
                signal.pthread_kill(main, number[0])  # interrupts a blocked call, too
            else:  # Windows
                _thread.interrupt_main(signal.Signals(number[0]))

    relaying = threading.Thread(target=relay, name="hirelink-signals", daemon=True)
    relaying.start()
    stopping = _stopping_signals()
    previous = {number: signal.signal(number, handle) for number in stopping}
    try:
        yield
    finally:
        with ending:
            done.set()
        os.close(writable)  # the relay, if no signal came, reads the pipe's end
        relaying.join()
        os.close(readable)
        for number, handler in previous.items():  # after the relay: none comes in late
            signal.signal(number, handler)


STOP_GRACE: Final = 3.0
"""Seconds a watch asked to stop by a signal has to end cleanly before the signal comes
again and stops it at once (Docker waits 10 s before SIGKILL, Kubernetes 30 s)."""


SHUTDOWN_GRACE: Final = 5
"""Seconds ``webhooks serve`` asked to stop gives the deliveries in hand before it cuts
them: a sender stalled half-way through a body held it up until the sender went away
(Docker's SIGKILL comes after 10 s)."""


def _cut_short_in_one_line(record: logging.LogRecord) -> bool:
    """uvicorn's log of a delivery its shutdown cut short, in one line (its traceback ran
    through the server's internals and said nothing more)."""
    if record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError):
        record.msg, record.args = "a delivery in hand was cut short by the stop", ()
        record.exc_info = record.exc_text = None
    return True


def _one_per_line(variable: str) -> list[str]:
    """The secrets or tokens in ``variable``, one per line, surrounding spaces dropped. A
    secret holds no line break, so none is split; Personio's tokens were comma-separated,
    and a token holding a comma (which Personio and ``create_webhook`` take) was split into
    pieces the receiver each accepted: a two-character one let anyone forge deliveries."""
    return [line.strip() for line in os.environ.get(variable, "").splitlines() if line.strip()]


class _CheckpointFile(FileFeedStore):
    """The ``--checkpoint`` file, whose failures (a missing folder, a file that is not a
    checkpoint) are the option's; the watch's other failures are not blamed on it."""

    def acquire_lease(self, feed: str, owner: str, ttl: float) -> bool:
        with self._blamed():
            return super().acquire_lease(feed, owner, ttl)

    def load_checkpoint(self, feed: str) -> str | None:
        with self._blamed():
            text = super().load_checkpoint(feed)
            if text is not None:
                FeedTracker.load(text, timedelta())  # refuse it here, naming the file
            return text

    def save_checkpoint(self, feed: str, owner: str, checkpoint: str) -> bool:
        with self._blamed():
            return super().save_checkpoint(feed, owner, checkpoint)

    @contextlib.contextmanager
    def _blamed(self) -> Iterator[None]:
        try:
            yield
        except InvalidInputError as error:  # names the file already
            raise InvalidInputError("--checkpoint", error.message) from None
        except OSError as error:
            raise InvalidInputError("--checkpoint", failure(self.path, error)) from None
        except ValueError as error:
            problem = f"{self.path}: not readable: {error}"
            raise InvalidInputError("--checkpoint", problem) from None


# The watch's own restarts (a store out of reach) pause as its failed polls do: doubling
# from --interval, to at most LONGEST_PAUSE, for failures within that long of each other.


def register(app: typer.Typer, fail: Callable[[HirelinkError], NoReturn]) -> None:
    """Add ``watch`` and ``webhooks serve`` to ``app``; ``fail`` reports an error and exits."""

    @app.command()
    def watch(
        feed: Annotated[str, typer.Argument(help="e.g. join.applications")],
        credential: Annotated[
            str, typer.Option("--credential", "-c", help="Credential nickname.")
        ] = "",
        since: Annotated[
            str | None,
            typer.Option(
                help="Where to start when there is no checkpoint: a day (2026-04-01, its"
                " midnight UTC, or now if that is later and the day is today somewhere) or"
                " a moment (2026-04-01T09:00:00Z; UTC when it names no offset), read as"
                " `run --input` reads them."
            ),
        ] = None,
        checkpoint: Annotated[
            Path | None,
            typer.Option(help="A file keeping where the watch is, to resume after a restart."),
        ] = None,
        interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 30.0,
        name: Annotated[
            str | None,
            typer.Option(
                help="The watch's name in its checkpoint; by default one naming the account"
                " (JOIN's: its token, so that a new token starts afresh). Give one per"
                " customer where tokens change.",
            ),
        ] = None,
    ) -> None:
        """Stream every record created or changed (on Recruitee, created), as JSON Lines,
        until interrupted. Ctrl-C, SIGTERM, SIGHUP or Ctrl-Break ends it, saving where it is
        and giving its lease up: at once between polls, within 3 s during a call (a second
        one: at once). A poll that fails for a while (the provider or the store unavailable,
        rate limited) is tried again later, from the checkpoint, with a warning; any other
        error ends the watch with its exit code."""
        try:
            known = feeds()
            if feed not in known:
                raise InvalidInputError("feed", f"unknown feed {feed!r}; one of {sorted(known)}")
            provider_name, method = known[feed]
            if not credential:
                raise InvalidInputError("--credential", "name the credential to use")
            stored = CredentialStore(load_providers()).get(credential)
            if stored.provider != provider_name:
                raise InvalidInputError(
                    "--credential",
                    f"{credential!r} is a {stored.provider} credential; {feed} needs a "
                    f"{provider_name} one",
                )
            options: dict[str, Any] = {"interval": interval}
            if since is not None:
                options["since"] = read_input("--since", datetime | date, since)
            if checkpoint is not None:
                options["store"] = _CheckpointFile(checkpoint)
            if name is not None:
                options["name"] = non_empty_str("--name", name)
            provider = load_providers().provider(provider_name)
            pause = interval
            stop = threading.Event()
            options["stop"] = stop
            with signals_stopping(stop):
                while not stop.is_set():
                    started = time.monotonic()
                    try:
                        with provider.client(stored.values) as client:
                            for record in getattr(client, method)(**options):
                                shown = mask_fields(to_json(record), provider.secret_output_fields)
                                _print_line(shown)
                        return
                    except HirelinkError as error:
                        if stop.is_set() and worth_retrying(error):
                            return  # stopped meanwhile: not watched again
                        if not worth_retrying(error):  # ends the watch, not only a poll
                            raise
                        if time.monotonic() - started > LONGEST_PAUSE:
                            pause = interval  # it ran well for a while: not in a row
                        pause = min(max(pause, 1.0), LONGEST_PAUSE)
                        watch_logger.warning(
                            "a poll failed (%s); watching again in %g s, from the checkpoint",
                            one_line(str(error)),
                            pause,
                        )
                        wait_unless_stopped(stop, pause)
                        pause *= 2
        except HirelinkError as error:
            fail(error)
        except KeyboardInterrupt:
            pass

    @webhooks_app.command("serve")
    def serve(
        provider: Annotated[str, typer.Argument(help="recruitee or personio")],
        port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
        host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
        path: Annotated[str, typer.Option(help="Path of the endpoint.")] = "/",
    ) -> None:
        """Receive webhooks and print each verified event as a JSON line.

        Recruitee: the webhook's secret in $HIRELINK_WEBHOOK_SECRET, one per line when
        several webhooks send here (unset: only test pings are answered). Personio: the
        accepted tokens, one per line, in $HIRELINK_WEBHOOK_TOKENS. Secrets are read
        from the environment, never from the command line (which other users of the
        machine can see). It stops once the reader of its output left (`| head`):
        Recruitee's delivery is then answered 500 and resent, Personio's was answered 202
        already and is lost.
        """
        try:
            import uvicorn
        except ImportError:  # said first: not a problem of the provider or its secrets
            fail(
                InvalidInputError(
                    "webhooks serve",
                    'needs uvicorn, which is not installed: pip install "hirelink[webhooks]"',
                )
            )
        try:
            if not path.startswith("/"):
                raise InvalidInputError("--path", f"must start with '/', got {path!r}")
            printer = _Printer()
            app_to_serve = _receiver(provider, path, printer)
        except HirelinkError as error:
            fail(error)
        stopping = _GracefulStop()
        with stopping.taking_signals():
            try:
                listening = _listening_socket(provider, host, port, path)
            except InvalidInputError as error:
                fail(error)
            # Made once the port is bound: uvicorn's Config sets its loggers' levels, which
            # a refused --port must leave alone (a test's process, a caller's). No lifespan:
            # the receivers have no start-up or shutdown steps, and uvicorn 0.30 stopped
            # while starting left its lifespan task to be cancelled, with a traceback.
            config = uvicorn.Config(
                app_to_serve,
                log_level="warning",
                lifespan="off",
                timeout_graceful_shutdown=SHUTDOWN_GRACE,
            )
            logging.getLogger("uvicorn.error").addFilter(_cut_short_in_one_line)
            server = printer.server = uvicorn.Server(config)
            if stopping.serve_with(server):
                try:
                    server.run(sockets=[listening])
                finally:
                    printer.abandoned.set()  # the lines not taken yet are given up

    app.add_typer(webhooks_app, name="webhooks")


def _tell(message: str) -> None:
    """A message on stderr, best-effort as every message is: a stderr that cannot be
    written (a full disk) must not stop the server from serving."""
    with contextlib.suppress(OSError):
        typer.echo(message, err=True)


def _listening_socket(provider: str, host: str, port: int, path: str) -> socket.socket:
    """A socket listening on ``host`` and ``port``, its URL printed on stderr. Bound here,
    so that a port in use is a clear error, not uvicorn's exit 3."""
    host = host.removeprefix("[").removesuffix("]")  # an IPv6 address as URLs write it
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    listening = socket.socket(family, socket.SOCK_STREAM)
    if os.name != "nt":  # on Windows it lets a second server take a bound port
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
        listening.listen()  # from here on a delivery waits to be served, not refused
    except OSError as error:
        listening.close()
        # A port taken or reserved is --port's; an address not this machine's (or no
        # address at all) is --host's.
        blamed = "--port" if error.errno in (errno.EADDRINUSE, errno.EACCES) else "--host"
        raise InvalidInputError(
            blamed, f"cannot listen on {shown}:{port}: {error.strerror}"
        ) from None
    bound = listening.getsockname()[1]  # the port chosen for --port 0
    _tell(f"receiving {provider} webhooks at http://{shown}:{bound}{path}")
    return listening


class _GracefulStop:
    """Ctrl-C, SIGTERM, SIGHUP (the terminal closed, unless ignored) and Ctrl-Break stop
    uvicorn's server from before the port is bound, finishing the deliveries in hand.
    uvicorn takes SIGINT and SIGTERM only while it serves and raises the signal again when
    it is done; that raise, and a signal before it started or after it ended, come here.
    A KeyboardInterrupt raised instead cut the deliveries short, and one raised while
    uvicorn started left a traceback or a warning of a coroutine never awaited."""

    def __init__(self) -> None:
        self._server: Any = None
        self._asked = False

    def serve_with(self, server: Any) -> bool:
        """Stop ``server`` from now on; False when a stop came before it was made."""
        self._server = server
        if signal.SIGINT not in _stopping_signals():  # ignored when the command started
            # uvicorn takes SIGINT while it serves, ignored or not: it is dropped there.
            stop = server.handle_exit

            def handle_exit(number: int, frame: Any) -> None:
                if number != signal.SIGINT:
                    stop(number, frame)

            server.handle_exit = handle_exit
        return not self._asked

    def _stop(self, number: int, frame: Any) -> None:
        if self._server is None:
            self._asked = True  # before the server is made: it is not run
            return
        self._server.handle_exit(
            signal.SIGINT if number == signal.SIGINT else signal.SIGTERM, frame
        )

    @contextlib.contextmanager
    def taking_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # only the main thread may handle signals
            return
        stopping = _stopping_signals()
        previous = {number: signal.signal(number, self._stop) for number in stopping}
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)


class _Printer:
    """Prints each event as a JSON line. Once the reader of stdout left, it stops the
    server, so that later deliveries are refused (and resent) instead of acknowledged and
    lost; the event it could not print fails (Recruitee's receiver answers 500)."""

    def __init__(self) -> None:
        self.server: Any = None
        self.abandoned = threading.Event()  # set once the server stopped

    def __call__(self, document: Any) -> None:
        try:
            _print_line(document, self.abandoned)
        except OSError as error:
            if not reader_left(error):
                raise
            silence_stdout()
            if self.server is not None:
                self.server.should_exit = True
            raise


def _receiver(provider: str, path: str, printer: _Printer) -> Any:
    if provider == "recruitee":
        from hirelink.recruitee.webhooks import WebhookEvent
        from hirelink.recruitee.webhooks import create_webhook_app as recruitee_app

        def print_event(event: WebhookEvent) -> None:
            printer(event.model_dump(mode="json"))

        # One secret per line: while one webhook replaces another, both send here, each
        # signing with its own.
        secrets = _one_per_line(WEBHOOK_SECRET_ENV)
        if not secrets:
            _tell(f"${WEBHOOK_SECRET_ENV} is not set: only test pings are answered")
        secret: str | list[str] | None = secrets[0] if len(secrets) == 1 else secrets or None
        try:
            return recruitee_app(secret=secret, on_event=print_event, path=path)
        except InvalidInputError:  # names its own field (HIRELINK_STORE, say)
            raise
        except ValueError as error:  # the secret refused; never echoes it
            raise InvalidInputError(WEBHOOK_SECRET_ENV, str(error)) from None
    if provider == "personio":
        from hirelink.personio.webhooks import WebhookDelivery
        from hirelink.personio.webhooks import create_webhook_app as personio_app

        def print_delivery(delivery: WebhookDelivery) -> None:
            printer(delivery.model_dump(mode="json"))

        tokens = _one_per_line(WEBHOOK_TOKENS_ENV)
        if not tokens:
            raise InvalidInputError(
                WEBHOOK_TOKENS_ENV, f"set ${WEBHOOK_TOKENS_ENV} to the accepted token(s)"
            )
        if any("," in token for token in tokens):
            _tell(
                f"${WEBHOOK_TOKENS_ENV}: a comma is part of a token; give several tokens one"
                " per line"
            )
        return personio_app(tokens=tokens, on_event=print_delivery, path=path)
    raise InvalidInputError(
        "provider", f"webhooks come from recruitee or personio, not {provider!r}"
    )
