"""`hirelink watch` and `hirelink webhooks serve`, run as the user runs them."""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from hirelink.cli import events
from hirelink.cli.main import app
from hirelink.core.feeds import FileFeedStore
from hirelink.join import Join
from hirelink.sandbox import FOREVER, Fault, StandIn
from tests.waiting import wait_until

WAIT = 60.0


class Command:
    """``hirelink ...`` in a process of its own; its stdout lines through a queue."""

    def __init__(self, *arguments: str, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - this interpreter, the hirelink app
            [sys.executable, "-c", "from hirelink.cli.main import app; app()", *arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        self.lines: Queue[str] = Queue()
        self.said: list[str] = []  # stderr's lines read before the URL was announced
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def next_json(self) -> Any:
        try:
            return json.loads(self.lines.get(timeout=WAIT))
        except Empty:
            self.process.kill()
            assert self.process.stderr is not None
            raise AssertionError(self.process.stderr.read()) from None

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


@pytest.fixture
def commands() -> Iterator[Callable[..., Command]]:
    """Start ``hirelink`` commands; any still running when the test ends is killed."""
    started: list[Command] = []

    def start(*arguments: str, env: dict[str, str] | None = None) -> Command:
        started.append(Command(*arguments, env=env or {}))
        return started[-1]

    yield start
    for command in started:
        if command.process.poll() is None:
            command.process.kill()
            command.process.wait(timeout=30)


def listening(url: str) -> bool:
    try:
        httpx.get(url)
    except httpx.ConnectError:
        return False
    return True


def announced_url(process: subprocess.Popen[str], said: list[str] | None = None) -> str:
    """The URL `webhooks serve` says it receives at (on stderr), once it says it; the lines
    before it go to ``said``. From then on a signal stops it cleanly; its port is its own
    (``--port 0``), so no other server answers in its place."""
    assert process.stderr is not None
    announced = ""
    while "receiving" not in announced:
        announced = process.stderr.readline()
        assert announced, "the command ended without saying where it listens"
        if said is not None:
            said.append(announced)
    return announced.split(" at ")[1].strip()


def serve(commands: Callable[..., Command], provider: str, **env: str) -> tuple[Command, str]:
    """``hirelink webhooks serve PROVIDER`` on a free port, listening; it and its URL."""
    serving = commands("webhooks", "serve", provider, "--port", "0", env=env)
    return serving, announced_url(serving.process, serving.said)


def deliver_signed(url: str, secret: str, *, timeout: float = WAIT, **candidate: Any) -> int:
    """Deliver a Recruitee candidate_deleted event signed with ``secret``; the status."""
    event = {"event_type": "candidate_deleted", "payload": {"candidate": candidate}}
    body = json.dumps(event).encode()
    signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {"X-Recruitee-Signature": signature}
    return httpx.post(url, content=body, headers=headers, timeout=timeout).status_code


def test_watch_streams_jsonl_and_resumes_from_its_checkpoint(
    config_dir: Path,
    join_sandbox: StandIn[Any],
    commands: Callable[..., Command],
    tmp_path: Path,
) -> None:
    _join_credential(join_sandbox)
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    checkpoint = tmp_path / "join.json"
    arguments = ("watch", "join.applications", "-c", "sb", "--since", since,
                 "--checkpoint", str(checkpoint), "--interval", "0.05")  # fmt: skip
    with Join(**join_sandbox.client_kwargs()) as join:
        first_id = join.create_application(
            8812345, first_name="Cli", last_name="One", email="cli1@example.org"
        ).id
        watching = commands(*arguments)
        assert watching.next_json()["id"] == first_id
        # The watch saves its starting point at once; it moves past the record once the
        # record is handed over.
        handed_over = lambda: checkpoint.exists() and str(first_id) in checkpoint.read_text()  # noqa: E731
        wait_until(handed_over, "checkpoint past the first record", timeout=WAIT)
        assert watching.interrupt() in (0, -signal.SIGINT)
        second_id = join.create_application(
            8812345, first_name="Cli", last_name="Two", email="cli2@example.org"
        ).id
        resumed = commands(*arguments)
        assert resumed.next_json()["id"] == second_id  # not the first one again
        resumed.interrupt()


@pytest.mark.parametrize(
    ("during", "stop"),
    [
        ("a wait", signal.SIGTERM),
        ("a wait", signal.SIGHUP),
        pytest.param("a call", signal.SIGTERM, marks=pytest.mark.primary_only),
    ],
)  # the call: a command in a subprocess, version-independent, 3 s of grace
def test_watch_stopped_by_sigterm_saves_and_gives_its_lease_up(
    config_dir: Path,
    join_sandbox: StandIn[Any],
    commands: Callable[..., Command],
    redis_url: str,
    during: str,
    stop: signal.Signals,
) -> None:
    # SIGTERM (systemd, Docker, Kubernetes) killed the watch outright: its Redis lease kept
    # the next worker from the feed for the lease's TTL (three intervals). Then, stopping
    # at the watch's next clean point waited out a call in progress and its retries: a held
    # request took 90 s, past Docker's 10 s and Kubernetes' 30 s before SIGKILL. So did
    # SIGHUP (the terminal closed) later.
    import redis

    _join_credential(join_sandbox)
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    with Join(**join_sandbox.client_kwargs()) as join:
        created = join.create_application(
            8812345, first_name="Cli", last_name="Term", email="cli-term@example.org"
        ).id
    interval = "0.05" if during == "a call" else "30"
    watching = commands(
        "watch", "join.applications", "-c", "sb", "--since", since, "--interval", interval,
        env={"HIRELINK_STORE": redis_url},
    )  # fmt: skip
    assert watching.next_json()["id"] == created
    with redis.Redis.from_url(redis_url) as client:
        wait_until(
            lambda: bool(list(client.scan_iter(match="hirelink:feed:*:lease"))),
            "lease in Redis",
            timeout=WAIT,
        )
        if during == "a call":
            join_sandbox.faults.add(Fault(method="GET", path=r"/applications$", kind="hold"))
            wait_until(lambda: not join_sandbox.faults.active, "a poll held", timeout=WAIT)
        watching.process.send_signal(stop)
        try:
            assert watching.process.wait(timeout=30) == 0
        finally:
            join_sandbox.faults.release()
        assert list(client.scan_iter(match="hirelink:feed:*:lease")) == []
        assert list(client.scan_iter(match="hirelink:feed:*:checkpoint"))


@pytest.fixture
def ctrl_break(monkeypatch: pytest.MonkeyPatch) -> Iterator[signal.Signals]:
    """Windows' SIGBREAK (Ctrl-Break), played by SIGUSR1; a signal nothing else handles is
    only noted, not the death of the test's process."""
    noted: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda number, _frame: noted.append(number))
    monkeypatch.setattr(signal, "SIGBREAK", signal.SIGUSR1, raising=False)
    yield signal.SIGUSR1
    signal.signal(signal.SIGUSR1, previous)


def test_ctrl_break_stops_a_watch_as_ctrl_c_does(ctrl_break: signal.Signals) -> None:
    """On Windows only Ctrl-C stopped a watch cleanly: Ctrl-Break (and a service manager
    sending it) ended the process at once, and a Redis lease kept the next worker from the
    feed for its TTL."""
    stop = threading.Event()
    with events.signals_stopping(stop):
        signal.raise_signal(ctrl_break)
        assert stop.wait(WAIT)
    with pytest.raises(KeyboardInterrupt), events.terminated_as_interrupted():
        signal.raise_signal(ctrl_break)  # its handler runs before this returns


def test_a_watch_started_with_sighup_ignored_outlives_its_terminal(
    config_dir: Path, join_sandbox: StandIn[Any], commands: Callable[..., Command]
) -> None:
    # `nohup hirelink watch ...`: the watch stopping on SIGHUP must not undo nohup.
    _join_credential(join_sandbox)
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    arguments = ("watch", "join.applications", "-c", "sb", "--since", since, "--interval", "0.05")
    ignoring = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as nohup does, for the command
    try:
        watching = commands(*arguments)
    finally:
        signal.signal(signal.SIGHUP, ignoring)
    with Join(**join_sandbox.client_kwargs()) as join:
        first = join.create_application(
            8812345, first_name="Cli", last_name="Nohup", email="cli-nohup1@example.org"
        ).id
        assert watching.next_json()["id"] == first
        watching.process.send_signal(signal.SIGHUP)
        second = join.create_application(
            8812345, first_name="Cli", last_name="Nohup", email="cli-nohup2@example.org"
        ).id
        assert watching.next_json()["id"] == second  # still watching
    assert watching.interrupt() == 0


def test_a_line_whose_write_a_signal_interrupts_is_written_whole() -> None:
    # With a handler that returns (a watch's first Ctrl-C or SIGTERM), CPython took a
    # write blocked on a full pipe as done with the part written: the rest of the line was
    # dropped, and the watch handed over a record its reader got cut short.
    printing = (
        "import signal, sys\n"
        "from hirelink.cli.events import _print_line\n"
        "stopped = []\n"
        "signal.signal(signal.SIGTERM, lambda *_: stopped.append(True))\n"
        "print('ready', file=sys.stderr, flush=True)\n"
        "while not stopped:\n"
        "    _print_line({'note': 'x' * 10000})\n"
    )
    process = subprocess.Popen(  # noqa: S603 - this interpreter
        [sys.executable, "-c", printing], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    assert process.stderr.readline() == b"ready\n"
    time.sleep(0.5)  # the pipe, unread, is full: the printing is blocked in a write
    process.send_signal(signal.SIGTERM)
    printed, _ = process.communicate(timeout=WAIT)
    *lines, end = printed.split(b"\n")
    assert end == b""  # no line cut short
    assert all(json.loads(line) == {"note": "x" * 10000} for line in lines)


def test_lines_printed_in_an_encoding_that_marks_its_start_are_marked_once() -> None:
    printing = (
        "from hirelink.cli.events import _print_line\n"
        "_print_line({'n': 1})\n"
        "_print_line({'n': 2})\n"
    )
    printed = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", printing],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8-sig"},
        check=True,
    ).stdout
    assert printed == '\ufeff{"n": 1}\n{"n": 2}\n'.encode()


def test_watch_refuses_an_unknown_feed(config_dir: Path) -> None:
    result = CliRunner().invoke(app, ["watch", "join.jobs", "-c", "sb"])
    assert result.exit_code == 2
    assert "join.applications" in result.output


def test_webhooks_serve_prints_verified_events(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    secret = "whsec-cli-5521"
    serving = commands(
        "webhooks", "serve", "recruitee", "--port", "0",
        env={"HIRELINK_WEBHOOK_SECRET": secret + "\n"},  # as read from a file: stripped
    )  # fmt: skip
    url = announced_url(serving.process)
    assert deliver_signed(url, "forged", id=4242) == 401
    assert deliver_signed(url, secret, id=4242) == 200
    printed = serving.next_json()
    assert printed["event_type"] == "candidate_deleted"
    assert printed["payload"]["candidate"]["id"] == 4242
    serving.interrupt()
    assert serving.lines.empty()  # the forged delivery printed nothing


def test_webhooks_serve_on_port_0_says_which_port_it_took(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    serving = commands("webhooks", "serve", "recruitee", "--port", "0")
    url = announced_url(serving.process)
    assert not url.startswith("http://127.0.0.1:0/")
    ping = httpx.post(url, json={"test": True})  # the "Test" button, answered without a secret
    assert ping.status_code == 200
    serving.interrupt()


def test_webhooks_serve_answers_a_health_check_at_the_url_it_prints(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    # A GET of the URL it prints (a load balancer's health check) got 405.
    serving = commands("webhooks", "serve", "recruitee", "--port", "0", "--path", "/hooks/in")
    url = announced_url(serving.process)
    assert url.endswith("/hooks/in")
    probed = httpx.get(url, timeout=WAIT)
    assert (probed.status_code, probed.json()) == (200, {})
    assert httpx.head(url, timeout=WAIT).status_code == 200
    serving.interrupt()
    assert serving.lines.empty()  # a probe is no event


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_webhooks_serve_stopped_by_sigterm_or_ctrl_c_exits_0(
    config_dir: Path, commands: Callable[..., Command], stop: signal.Signals
) -> None:
    serving = commands("webhooks", "serve", "recruitee", "--port", "0")
    announced_url(serving.process)
    serving.process.send_signal(stop)  # at once: it died of a SIGTERM before uvicorn took it
    assert serving.process.wait(timeout=30) == 0  # SIGTERM ended it with -15, SIGHUP -1
    assert serving.process.stderr is not None
    assert serving.process.stderr.read() == ""  # no traceback, no coroutine never awaited


@pytest.mark.primary_only  # waits out the grace (5 s)
def test_webhooks_serve_stops_though_a_sender_stalls_half_way_through_a_body(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    """It waited for the rest of the body until the sender went away; SIGTERM then had
    to wait for a SIGKILL, and a second Ctrl-C printed a traceback of uvicorn's."""
    serving = commands("webhooks", "serve", "recruitee", "--port", "0")
    url = httpx.URL(announced_url(serving.process))
    with socket.create_connection((url.host, url.port), timeout=WAIT) as sender:
        # The server says "100 Continue" once the receiver starts reading the body.
        head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n"
        sender.sendall(head + b"\r\n")
        assert sender.recv(100).startswith(b"HTTP/1.1 100 ")
        sender.sendall(b'{"event_type": ')
        serving.process.send_signal(signal.SIGTERM)
        assert serving.process.wait(timeout=30) == 0
    assert serving.process.stderr is not None
    said = serving.process.stderr.read()
    assert "a delivery in hand was cut short by the stop" in said
    assert "Traceback" not in said


@pytest.mark.primary_only  # waits out the grace (5 s)
def test_webhooks_serve_stops_though_its_reader_stopped_reading(config_dir: Path) -> None:
    """Events hunt: callbacks blocked writing to a full pipe kept the process alive
    after SIGTERM, the grace over, until a SIGKILL."""
    unread, stdout = os.pipe()
    secret = "whsec-cli-5521"
    process = subprocess.Popen(
        [sys.executable, "-c", "from hirelink.cli.main import app; app()",
         "webhooks", "serve", "recruitee", "--port", "0"],
        stdout=stdout, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "HIRELINK_WEBHOOK_SECRET": secret},
    )  # fmt: skip
    os.close(stdout)
    try:
        url = announced_url(process)
        for number in range(100):  # 4 kB a line: the pipe's 64 KiB fill up
            try:
                deliver_signed(url, secret, timeout=2, id=number, note="x" * 4000)
            except httpx.ReadTimeout:
                break  # a line waits for the reader
        else:
            pytest.fail("every delivery was answered: the output never filled up")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
        assert process.stderr is not None
        assert "a delivery in hand was cut short by the stop" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        os.close(unread)


def test_webhooks_serve_refuses_a_secret_no_signature_would_match(config_dir: Path) -> None:
    result = CliRunner().invoke(
        app, ["webhooks", "serve", "recruitee"], env={"HIRELINK_WEBHOOK_SECRET": "whsec\x01x"}
    )
    assert result.exit_code == 2
    assert "HIRELINK_WEBHOOK_SECRET" in result.output
    assert "line break" in result.output
    assert "whsec" not in result.output


def test_webhooks_serve_blames_the_store_url_not_the_secret_and_quotes_no_password(
    config_dir: Path,
) -> None:
    env = {
        "HIRELINK_WEBHOOK_SECRET": "whsec-good-0001",
        "HIRELINK_STORE": "redis://:Pa55/word-SEKRET@127.0.0.1:6379/0",  # an unescaped "/"
    }
    result = CliRunner().invoke(app, ["webhooks", "serve", "recruitee"], env=env)
    assert result.exit_code == 2, result.output
    assert "HIRELINK_STORE: cannot read this Redis URL" in result.output
    assert "HIRELINK_WEBHOOK_SECRET:" not in result.output
    assert "Pa55" not in result.output
    assert "SEKRET" not in result.output


def _join_credential(join_sandbox: StandIn[Any]) -> None:
    settings = [f"--set={k}={v}" for k, v in join_sandbox.details.items()]
    added = CliRunner().invoke(app, ["credentials", "add", "sb", "--provider", "join", *settings])
    assert added.exit_code == 0, added.output


def test_watch_blames_the_checkpoint_only_for_its_own_failures(
    config_dir: Path, join_sandbox: StandIn[Any], tmp_path: Path
) -> None:
    _join_credential(join_sandbox)
    checkpoint = tmp_path / "join.json"
    watch = ["watch", "join.applications", "-c", "sb", "--checkpoint", str(checkpoint)]
    for bad in ("nan", "inf"):
        result = CliRunner().invoke(app, [*watch, "--interval", bad])
        assert result.exit_code == 2, result.output
        assert "interval: must be a positive number of seconds" in result.output
        assert "--checkpoint" not in result.output
    checkpoint.write_text("not a checkpoint")
    result = CliRunner().invoke(app, [*watch, "--interval", "0.05"])
    assert result.exit_code == 2
    assert f"--checkpoint: {checkpoint}: not readable" in result.output


def test_watch_names_a_checkpoint_it_cannot_save_or_finds_cut_short(
    config_dir: Path, join_sandbox: StandIn[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The library now names the file and the watch itself; the option still says whose."""
    _join_credential(join_sandbox)
    # A watch that got past its checkpoint ends at its first poll (exit 3), not never.
    join_sandbox.faults.add(Fault(method="GET", path=r"/applications$", status=401, times=FOREVER))
    checkpoint = tmp_path / "join.json"
    watch = ["watch", "join.applications", "-c", "sb", "--checkpoint", str(checkpoint)]
    saved_before = FileFeedStore(checkpoint)
    assert saved_before.acquire_lease("another-feed", "me", 10)
    assert saved_before.save_checkpoint("another-feed", "me", "saved")
    saved_before.release_lease("another-feed", "me")
    checkpoint.write_text("")  # a save cut short
    result = CliRunner().invoke(app, [*watch, "--interval", "0.05"])
    assert result.exit_code == 2, result.output
    empty = rf"--checkpoint: watch join:\S+:applications: {checkpoint} is empty"
    assert re.search(empty, result.output)

    checkpoint.unlink()

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = CliRunner().invoke(app, [*watch, "--interval", "0.05"])
    assert result.exit_code == 2, result.output
    assert re.search(
        rf"--checkpoint: {checkpoint}: the checkpoint of watch join:\S+:applications was not"
        " saved: No space left on device",
        result.output,
    )


def test_watch_names_the_lock_file_beside_the_checkpoint_when_that_failed(
    config_dir: Path, join_sandbox: StandIn[Any], tmp_path: Path
) -> None:
    """Files hunt: a lease's lock file that could not be opened was reported as the
    checkpoint itself, which was fine."""
    _join_credential(join_sandbox)
    checkpoint = tmp_path / "join.json"
    digest = hashlib.sha256(b"acme:applications").hexdigest()[:16]
    lock = tmp_path / f"join.json.{digest}.lock"
    lock.mkdir()  # cannot be opened as a file
    watch = ["watch", "join.applications", "-c", "sb", "--checkpoint", str(checkpoint)]
    result = CliRunner().invoke(app, [*watch, "--name", "acme:applications"])
    assert result.exit_code == 2, result.output
    assert f"--checkpoint: {checkpoint}: Is a directory ({lock})" in result.output


def test_watch_keeps_its_checkpoint_under_the_name_given(
    config_dir: Path, join_sandbox: StandIn[Any], tmp_path: Path
) -> None:
    """JOIN's default name holds a digest of the token: a new token lost the checkpoint."""
    _join_credential(join_sandbox)
    join_sandbox.faults.add(Fault(method="GET", path=r"/applications$", status=401, times=FOREVER))
    checkpoint = tmp_path / "join.json"
    watch = ["watch", "join.applications", "-c", "sb", "--checkpoint", str(checkpoint)]
    result = CliRunner().invoke(app, [*watch, "--name", "acme:applications"])
    assert result.exit_code == 3, result.output  # the 401 ends it after the first save
    assert list(json.loads(checkpoint.read_text())) == ["acme:applications"]
    blank = CliRunner().invoke(app, [*watch, "--name", " "])
    assert blank.exit_code == 2
    assert "--name: must be a non-empty string" in blank.output


def test_watch_whose_reader_left_stops_quietly(
    config_dir: Path, join_sandbox: StandIn[Any], tmp_path: Path
) -> None:
    _join_credential(join_sandbox)
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    with Join(**join_sandbox.client_kwargs()) as join:
        join.create_application(8812345, first_name="Pipe", last_name="A", email="p1@example.org")
        process = subprocess.Popen(  # noqa: S603 - this interpreter, the hirelink app
            [sys.executable, "-c", "from hirelink.cli.main import app; app()", "watch",
             "join.applications", "-c", "sb", "--since", since, "--interval", "0.05",
             "--checkpoint", str(tmp_path / "join.json")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert process.stdout is not None
            assert json.loads(process.stdout.readline())["candidate"]["lastName"] == "A"
            process.stdout.close()  # `| head -n 1`
            join.create_application(
                8812345, first_name="Pipe", last_name="B", email="p2@example.org"
            )
            assert process.wait(timeout=WAIT) == 0
        finally:
            process.kill()
    assert process.stderr is not None
    errors = process.stderr.read()
    assert "--checkpoint" not in errors
    assert "Traceback" not in errors


def test_webhooks_serve_whose_reader_left_stops_and_refuses_the_rest(config_dir: Path) -> None:
    # It went on acknowledging deliveries it could no longer print (Personio's: lost).
    secret = "whsec-cli-5521"
    process = subprocess.Popen(
        [sys.executable, "-c", "from hirelink.cli.main import app; app()",
         "webhooks", "serve", "recruitee", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "HIRELINK_WEBHOOK_SECRET": secret},
    )  # fmt: skip
    try:
        url = announced_url(process)
        assert deliver_signed(url, secret, id=1) == 200
        assert process.stdout is not None
        assert json.loads(process.stdout.readline())["payload"]["candidate"]["id"] == 1
        process.stdout.close()  # `| head -n 1`
        assert deliver_signed(url, secret, id=2) == 500  # Recruitee resends it
        assert process.wait(timeout=WAIT) == 0
    finally:
        process.kill()
    assert not listening(url)


@pytest.mark.parametrize(
    "arguments",
    [
        ("ops", "list"),
        ("ops", "list", "--json"),
        ("--version",),
        ("--help",),  # help is printed while the arguments are read: it exited 1
        ("run", "--help"),
        ("credentials",),
    ],
    ids=" ".join,
)
def test_a_command_whose_reader_left_exits_0_quietly(
    config_dir: Path, arguments: tuple[str, ...]
) -> None:
    # Exit 1 (an API or store error, by the docs) made a script run a done write again.
    _exits_quietly_once_its_reader_left(*arguments)


def test_run_all_whose_reader_left_exits_0_quietly(
    config_dir: Path, join_sandbox: StandIn[Any]
) -> None:
    _join_credential(join_sandbox)
    _exits_quietly_once_its_reader_left("run", "join.list_jobs", "--all", "-c", "sb")


@pytest.mark.parametrize(
    "arguments",
    [("run", "join.list_jobs", "-c", "nobody"), ("run", "--no-such-option"), ("no-such-command",)],
    ids=" ".join,
)
def test_a_failing_command_whose_error_reader_left_fails_still(
    config_dir: Path, arguments: tuple[str, ...]
) -> None:
    # Help whose reader left exits 0; a failure printed to a stderr nobody reads exited 0
    # too (rich's answer to a broken pipe was taken for help's).
    process = subprocess.Popen(  # noqa: S603 - this interpreter, the hirelink app
        [sys.executable, "-c", "from hirelink.cli.main import app; app()", *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stderr is not None
    process.stderr.close()  # `2>&1 | head -0`, or a log shipper that went away
    assert process.wait(timeout=WAIT) != 0


def _exits_quietly_once_its_reader_left(*arguments: str) -> None:
    process = subprocess.Popen(  # noqa: S603 - this interpreter, the hirelink app
        [sys.executable, "-c", "from hirelink.cli.main import app; app()", *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    process.stdout.close()  # the reader left before anything was written
    assert process.wait(timeout=WAIT) == 0
    assert process.stderr is not None
    assert process.stderr.read() == b""


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_webhooks_serve_prints_each_of_many_simultaneous_events_on_a_line_of_its_own(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    # Sync callbacks run on threads: unlocked writes of events a few KB long mixed two
    # events on one line, and every delivery had been answered 200 (never resent).
    secret, count = "whsec-cli-5521", 40
    serving = commands(
        "webhooks", "serve", "recruitee", "--port", "0",
        env={"HIRELINK_WEBHOOK_SECRET": secret},
    )  # fmt: skip
    url = announced_url(serving.process)

    def deliver(number: int) -> int:
        return deliver_signed(url, secret, id=number, notes="x" * 20_000)

    with ThreadPoolExecutor(max_workers=count) as pool:
        assert set(pool.map(deliver, range(count))) == {200}
    printed = {serving.next_json()["payload"]["candidate"]["id"] for _ in range(count)}
    assert printed == set(range(count))
    serving.interrupt()


_WINDOWS_PIPE = """
import errno, os, sys
import hirelink.cli.events
hirelink.cli.events._WINDOWS = True  # Windows' answer to a write to a pipe nobody reads

class Closed:
    def __init__(self, real):
        self.real, self.written = real, 0
    def _fail(self):  # until stdout is sent to the null device
        if self.written > 200 and not os.path.samestat(os.fstat(1), os.stat(os.devnull)):
            raise OSError(errno.EINVAL, "Invalid argument")
    def write(self, text):
        self.written += len(text)
        self._fail()
        return len(text)
    def flush(self):
        self._fail()
    def __getattr__(self, name):
        return getattr(self.real, name)

sys.stdout = Closed(sys.stdout)
from hirelink.cli.main import app
app()
"""


def test_a_reader_that_left_on_windows_is_no_failure_either(config_dir: Path) -> None:
    """Windows answers a write to a closed pipe with EINVAL, not EPIPE."""
    process = subprocess.run(  # noqa: S603 - this interpreter, the hirelink app
        [sys.executable, "-c", _WINDOWS_PIPE, "ops", "list", "--json"],
        capture_output=True, text=True, timeout=WAIT, check=False,
    )  # fmt: skip
    assert (process.returncode, process.stderr) == (0, "")


def test_webhooks_serve_takes_a_secret_per_line(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    """While one Recruitee webhook replaces another, both send here, each signing with its
    own secret."""
    serving, url = serve(
        commands, "recruitee", HIRELINK_WEBHOOK_SECRET="whsec-old-0001\nwhsec-new-0002\n"
    )
    assert deliver_signed(url, "whsec-old-0001", id=1) == 200
    assert deliver_signed(url, "whsec-new-0002", id=2) == 200
    assert deliver_signed(url, "whsec-other-0003", id=3) == 401
    assert [serving.next_json()["payload"]["candidate"]["id"] for _ in range(2)] == [1, 2]
    serving.interrupt()


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_webhooks_serve_personio_takes_a_token_per_line_and_a_comma_as_part_of_one(
    config_dir: Path, commands: Callable[..., Command]
) -> None:
    """Tokens were comma-separated: one holding a comma (Personio and create_webhook take
    it) was split, each piece accepted, and ``k9`` alone forged a delivery."""
    serving, url = serve(
        commands,
        "personio",
        HIRELINK_WEBHOOK_TOKENS="k9,Zq7-long-webhook-token-rest\nwhk-second-0002\n",
    )

    def status_with(token: str) -> int:
        return httpx.post(url, json={}, headers={"Authorization": token}, timeout=WAIT).status_code

    assert status_with("k9") == 401
    assert status_with("Zq7-long-webhook-token-rest") == 401
    assert status_with("k9,Zq7-long-webhook-token-rest") != 401  # read; the body is another matter
    assert status_with("whk-second-0002") != 401
    serving.interrupt()
    assert serving.process.stderr is not None
    assert "a comma is part of a token" in "".join(serving.said) + serving.process.stderr.read()


def test_on_windows_only_an_einval_naming_no_file_is_a_reader_that_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows refuses a path such as ``bad?dir`` with EINVAL too: that failure must stay
    one (a credential not saved), not pass for a reader of the output that left."""
    from hirelink.cli import events

    monkeypatch.setattr(events, "_WINDOWS", True)
    assert events.reader_left(OSError(errno.EINVAL, "Invalid argument"))
    assert not events.reader_left(OSError(errno.EINVAL, "Invalid argument", "C:/cfg/bad?dir"))
    monkeypatch.setattr(events, "_WINDOWS", False)
    assert not events.reader_left(OSError(errno.EINVAL, "Invalid argument"))
    assert events.reader_left(BrokenPipeError())


@pytest.fixture
def stored_join_credential(config_dir: Path, join_sandbox: StandIn[Any]) -> str:
    """The nickname of a stored credential of the session's JOIN stand-in."""
    _join_credential(join_sandbox)
    return "sb"


def _saved_start(watching: Command, checkpoint: Path) -> datetime:
    """Where the watch started (saved at once), once it saved it; it is then stopped."""
    started = lambda: checkpoint.exists() or watching.process.poll() is not None  # noqa: E731
    wait_until(started, "the starting point saved, or the command ended", timeout=WAIT)
    assert watching.process.stderr is not None
    assert checkpoint.exists(), watching.process.stderr.read()
    watching.interrupt()
    (saved,) = json.loads(checkpoint.read_text()).values()
    return datetime.fromisoformat(json.loads(saved)["after"])


@pytest.mark.parametrize("written", ["without an offset", "with a lower-case z"])
def test_watch_since_reads_a_moment_as_run_does(
    stored_join_credential: str, commands: Callable[..., Command], tmp_path: Path, written: str
) -> None:
    # The Python API refuses a naive datetime; --since text without an offset is UTC.
    # `run --input` reads RFC 3339's lower-case z; --since refused it (time and text hunt).
    start = (datetime.now(UTC) - timedelta(seconds=1)).replace(microsecond=0)
    text = (
        start.replace(tzinfo=None).isoformat()
        if written == "without an offset"
        else start.strftime("%Y-%m-%dT%H:%M:%Sz")
    )
    checkpoint = tmp_path / "join.json"
    watching = commands(
        "watch", "join.applications", "-c", stored_join_credential,
        "--since", text, "--checkpoint", str(checkpoint), "--interval", "0.05",
    )  # fmt: skip
    assert _saved_start(watching, checkpoint) == start


@pytest.mark.parametrize("since", ["20260101T100000Z", "2026-01-01x10:00"])
def test_watch_since_refuses_what_run_refuses_naming_the_option(
    stored_join_credential: str, since: str
) -> None:
    # Bare fromisoformat took the basic form and any separator, which `run` refuses.
    arguments = ["watch", "join.applications", "-c", stored_join_credential, "--since", since]
    refused = subprocess.run(  # noqa: S603 - this interpreter; taken, it would watch on
        [sys.executable, "-c", "from hirelink.cli.main import app; app()", *arguments],
        capture_output=True, text=True, timeout=WAIT,
    )  # fmt: skip
    assert refused.returncode == 2
    assert "--since: Input should be a valid datetime or date" in refused.stderr


def test_watch_since_today_east_of_utc_starts_no_later_than_now(
    stored_join_credential: str, commands: Callable[..., Command], tmp_path: Path
) -> None:
    # The latest date that is today anywhere (today at UTC+14) is, from 10:00 UTC, a
    # midnight UTC still ahead: it was refused as in the future.
    today_east = datetime.now(timezone(timedelta(hours=14))).date()
    midnight_utc = datetime.combine(today_east, datetime.min.time(), UTC)
    asked_at = datetime.now(UTC)
    checkpoint = tmp_path / "join.json"
    watching = commands(
        "watch", "join.applications", "-c", stored_join_credential,
        "--since", today_east.isoformat(), "--checkpoint", str(checkpoint), "--interval", "60",
    )  # fmt: skip
    start = _saved_start(watching, checkpoint)
    assert min(midnight_utc, asked_at) <= start <= datetime.now(UTC)
    # A date that is today nowhere yet is still refused.
    later = (today_east + timedelta(days=1)).isoformat()
    arguments = ["watch", "join.applications", "-c", stored_join_credential, "--since", later]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 2
    assert "since: is in the future" in result.output


@pytest.mark.parametrize("status", [503, pytest.param(408, marks=pytest.mark.primary_only)])
def test_watch_goes_on_after_polls_that_failed_for_a_while(
    config_dir: Path,
    join_sandbox: StandIn[Any],
    commands: Callable[..., Command],
    tmp_path: Path,
    status: int,
) -> None:
    """A few seconds of 503s ended the long-running watch with exit 6 (its retries spent);
    it now says so and polls again later, from its checkpoint. So it does after 408s,
    which ended it (exit 1) while a 503 did not."""
    from hirelink.sandbox import FOREVER, Fault

    _join_credential(join_sandbox)
    since = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    arguments = ("watch", "join.applications", "-c", "sb", "--since", since,
                 "--checkpoint", str(tmp_path / "join.json"), "--interval", "0.05")  # fmt: skip
    with Join(**join_sandbox.client_kwargs()) as join:

        def create(n: int) -> object:
            return join.create_application(
                8812345, first_name="Cli", last_name=f"N{n}", email=f"cli.n{n}@example.org"
            ).id

        first_id = create(1)
        watching = commands(*arguments)
        assert watching.next_json()["id"] == first_id
        outage = Fault(method="GET", path=r"/applications$", status=status, times=FOREVER)
        join_sandbox.faults.add(outage)
        wait_until(
            lambda: join_sandbox.hits("GET", "/applications") >= 6, "failed polls", timeout=WAIT
        )
        join_sandbox.faults.remove(outage)
        second_id = create(2)
        assert watching.next_json()["id"] == second_id
        assert watching.interrupt() == 0
    assert watching.process.stderr is not None
    said = watching.process.stderr.read()
    assert "WARNING hirelink.feeds: watch " in said  # as every warning
    assert ": a poll failed (" in said
    assert str(status) in said
    assert "polling again in 1 s, from its checkpoint" in said
