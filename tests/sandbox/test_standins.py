"""Starting the stand-ins, from the command line and in code."""

from __future__ import annotations

import json
import logging
import signal
import socket
import subprocess
import sys
import threading
from typing import Any

import pytest

from hirelink.core import AuthenticationError
from hirelink.sandbox import PROVIDERS, StandIn, serve_stand_in, start_stand_in
from hirelink.sandbox.__main__ import main as sandbox_main
from hirelink.sandbox.join import JoinSandbox
from hirelink.sandbox.recorder import REDACTED
from hirelink.sandbox.recruitee import RecruiteeSandbox
from hirelink.sandbox.resources import seed_records
from hirelink.sandbox.standins import ProviderName


def test_the_module_command_names_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        done = subprocess.run(  # noqa: S603 - this interpreter, the sandbox module
            [sys.executable, "-m", "hirelink.sandbox", "serve", "--port", str(busy)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert f"error: cannot listen on {busy}:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("port", ["65534", "-3"])
def test_the_module_command_refuses_a_port_out_of_range(port: str) -> None:
    done = subprocess.run(  # noqa: S603 - this interpreter, the sandbox module
        [sys.executable, "-m", "hirelink.sandbox", "serve", "--port", port],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--port" in done.stderr
    assert "Traceback" not in done.stderr


def module_serving() -> subprocess.Popen[str]:
    """``python -m hirelink.sandbox serve`` with three candidates, its output piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "hirelink.sandbox", "serve", "--candidates", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_the_module_command_stops_quietly_when_nobody_reads_it() -> None:
    serving = module_serving()
    assert serving.stdout is not None
    serving.stdout.close()  # the reader leaves before the description is written
    _, errors = serving.communicate(timeout=60)
    assert serving.returncode == 0
    assert "Traceback" not in errors


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on Windows")
def test_the_module_command_stops_when_its_terminal_closes() -> None:
    # SIGHUP was left to its default: the process died at once, its stand-ins unstopped.
    serving = module_serving()
    assert serving.stdout is not None
    assert "recruitee" in json.loads(serving.stdout.readline())
    serving.send_signal(signal.SIGHUP)
    _, errors = serving.communicate(timeout=60)
    assert (serving.returncode, errors) == (0, "")


def test_the_module_command_runs_from_a_thread_other_than_the_main_one() -> None:
    # Taking signals there raised ValueError, reported as "error: signal only works in
    # main thread" with exit 2.
    codes: list[int] = []
    running = threading.Thread(
        target=lambda: codes.append(
            sandbox_main(["serve", "--candidates", "3", "--max-lifetime", "0.5"])
        )
    )
    running.start()
    running.join(timeout=60)
    assert codes == [0]


def test_the_module_command_restores_a_handler_python_did_not_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # signal.signal returns None for a handler installed by C code (an embedding
    # program); putting None back raised TypeError after the stand-ins had stopped.
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("the command takes signals in the main thread only")
    installed: list[tuple[int, object]] = []

    def set_handler(number: int, handler: object) -> None:
        if handler is None:
            raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable")
        installed.append((number, handler))

    monkeypatch.setattr(signal, "signal", set_handler)
    assert sandbox_main(["serve", "--candidates", "3", "--max-lifetime", "0.5"]) == 0
    taken = [number for number, _ in installed[: len(installed) // 2]]
    assert signal.SIGINT in taken
    assert installed[len(taken) :] == [(number, signal.SIG_DFL) for number in taken]


_CREDENTIALS: dict[str, dict[str, Any]] = {
    "recruitee": {"token": "sekret-recruitee-token"},
    "join": {"token": "sekret-join-token"},
    "personio": {
        "recruiting_token": "sekret-recruiting-token",
        "client_secret": "sekret-client-secret",
    },
    "recruitee_partners": {"personal_token": "sekret-personal-token"},
}


@pytest.mark.parametrize("name", PROVIDERS)
def test_a_stand_ins_repr_shows_no_credential(name: ProviderName) -> None:
    with serve_stand_in(name, **_CREDENTIALS[name]) as stand_in:
        secrets = list(_CREDENTIALS[name].values())
        partner_secret = getattr(stand_in.sandbox, "secret", None)
        if partner_secret is not None:
            secrets.append(partner_secret)
        shown = repr(StandIn.of(stand_in))
        assert REDACTED in shown
        assert stand_in.url in shown
        for secret in secrets:
            assert secret not in shown


def test_a_stand_ins_repr_redacts_credential_options() -> None:
    with serve_stand_in("join", token="sekret-join-token") as stand_in:
        with_options = StandIn(
            stand_in.name,
            stand_in.server,
            stand_in.details,
            stand_in.sandbox,
            {"client_secret": "sekret-option", "rate_window": 60.0},
        )
        shown = repr(with_options)
    assert "sekret" not in shown
    assert "'rate_window': 60.0" in shown


def test_a_port_in_use_is_named_by_one_stand_in_too() -> None:
    # start_stand_ins named the port; start_stand_in raised "[Errno 98] Address already
    # in use" alone.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError, match=f"^.*{port}: ") as caught:
            start_stand_in("join", port=port, max_lifetime=5)
    assert str(caught.value.strerror).startswith(f"{port}: ")


def test_seed_records_of_an_unknown_component_name_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"has no records of 'offer'; it has .*Offer"):
        seed_records("recruitee", "offer")


def test_a_stand_in_is_typed_by_its_name_and_a_misspelt_name_is_a_type_error() -> None:
    # The ignores are half the test: strict mypy fails on an unused one. Typed str and
    # StandIn[Any], a misspelt name and the wrong stand-in's type passed type checking.
    with pytest.raises(ValueError, match="no stand-in called 'recruitie'"):
        serve_stand_in("recruitie").__enter__()  # type: ignore[call-overload]
    with serve_stand_in("recruitee") as stand_in:
        sandbox: RecruiteeSandbox = stand_in.sandbox
        not_join: JoinSandbox = stand_in.sandbox  # type: ignore[assignment]
        assert isinstance(sandbox, RecruiteeSandbox)
        assert not isinstance(not_join, JoinSandbox)


def test_a_personio_stand_in_gives_its_company_id_as_the_number_the_client_takes() -> None:
    """Its details gave ``"41737"``, where the client takes ``int`` (and Recruitee's gave
    4100); the stand-in also took text alone (an int failed seeding its records)."""
    for given in (41737, "52001"):
        with serve_stand_in("personio", company_id=given) as stand_in:
            assert stand_in.details["company_id"] == int(given)
            assert type(stand_in.client_kwargs()["company_id"]) is int
            with stand_in.client() as personio:
                personio.upload_document(b"%PDF-1.4", filename="cv.pdf")
            (upload,) = stand_in.recorder.requests
            assert upload.headers["x-company-id"] == stand_in.sandbox.company_id == str(given)
    for refused in ("41-737", "0041737", True):
        with pytest.raises(ValueError, match="company_id must be a positive whole number"):
            serve_stand_in("personio", company_id=refused).__enter__()


def test_a_recorded_requests_repr_leaves_a_secret_read_from_the_environment_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A failed assertion on ``recorder.requests`` printed a production client secret the
    client had read from the environment (upload hunt of a user's test suite)."""
    monkeypatch.setenv("HIRELINK_PERSONIO_CLIENT_SECRET", "papi-PRODUCTION-secret-do-not-leak")
    with serve_stand_in("personio") as stand_in:
        with stand_in.client(client_secret=None) as personio, pytest.raises(AuthenticationError):
            personio.list_categories()
        (exchange,) = stand_in.recorder.requests
    assert b"papi-PRODUCTION-secret-do-not-leak" in exchange.body  # kept for tests to read
    assert "papi-PRODUCTION" not in repr(stand_in.recorder.requests)
    assert f"<{len(exchange.body)} bytes>" in repr(exchange)


def test_a_recorder_that_forgets_requests_says_so_once_and_can_keep_more(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """It kept the last 10,000 without a word: a test counting the requests of a walk over
    a large account got too few."""
    caplog.set_level(logging.WARNING, logger="hirelink.sandbox")
    with serve_stand_in("join") as stand_in, stand_in.client() as join:
        stand_in.sandbox.recorder.keep(3)
        for _ in range(5):
            join.list_jobs()
        assert stand_in.hits("GET", "/jobs") == 3
        warned = [r.getMessage() for r in caplog.records if r.name == "hirelink.sandbox"]
        assert len(warned) == 1
        assert "kept the last 3 requests" in warned[0]
        stand_in.sandbox.recorder.keep(10)
        for _ in range(5):
            join.list_jobs()
        assert stand_in.hits("GET", "/jobs") == 8
        assert len(caplog.records) == 1  # said once
        stand_in.reset()  # between tests: as many kept as at first, and said again
        stand_in.sandbox.recorder.keep(3)
        stand_in.reset()
        for _ in range(5):
            join.list_jobs()
        assert stand_in.hits("GET", "/jobs") == 5
