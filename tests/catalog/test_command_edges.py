"""The hirelink command as a user meets it (issue 18): terminals, pipes, versions, JSON,
stdin, clear errors. Requests go to the sandbox; the terminal is a real pseudo-terminal."""

from __future__ import annotations

import errno
import fcntl
import importlib.machinery
import importlib.util
import json
import logging
import os
import re
import select
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import termios
import threading
import time
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from hirelink.cli.main import (
    EXIT_API_ERROR,
    EXIT_AUTH,
    EXIT_BAD_INPUT,
    EXIT_NOT_FOUND,
    EXIT_UNAVAILABLE,
    app,
)
from hirelink.core import InvalidInputError, file_updates
from hirelink.operations import load_providers
from hirelink.operations.credentials import CredentialStore
from hirelink.sandbox import Fault, RecruiteeSandbox, StandIn, serve_stand_in
from tests.waiting import wait_until
from tools.redis_server import free_port

runner = CliRunner()


def hirelink(*arguments: str, stdin: str | None = None, **env: str) -> Any:
    return runner.invoke(app, list(arguments), input=stdin, env=env, catch_exceptions=False)


@pytest.fixture
def saved(config_dir: Path, recruitee_sandbox: StandIn[RecruiteeSandbox]) -> RecruiteeSandbox:
    settings = [f"--set={k}={v}" for k, v in recruitee_sandbox.details.items()]
    result = hirelink("credentials", "add", "rc", "--provider", "recruitee", *settings)
    assert result.exit_code == 0, result.output
    return recruitee_sandbox.sandbox


# --- --all in a terminal: items to stdout, progress to stderr ---------------------------


def _command() -> list[str]:
    script = shutil.which("hirelink", path=str(Path(sys.executable).parent))
    if script is not None:
        return [script]
    return [sys.executable, "-c", "from hirelink.cli.main import app; app()"]


def _run_in_terminal(
    arguments: list[str], stdout: Any, config_dir: Path, columns: int = 80
) -> tuple[int, str]:
    """Run the command with stdin and stderr (and stdout when ``stdout`` is None) on a
    pseudo-terminal; return (code, screen)."""
    primary, secondary = os.openpty()
    env = {
        **os.environ,
        "HIRELINK_CONFIG_DIR": str(config_dir),
        "TERM": "xterm-256color",
        "COLUMNS": str(columns),
    }
    env.pop("NO_COLOR", None)
    env.pop("CI", None)  # rich treats some CI settings as "not interactive"
    process = subprocess.Popen(  # noqa: S603 - our own command
        [*_command(), *arguments],
        stdin=secondary,
        stdout=secondary if stdout is None else stdout,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    screen = bytearray()
    deadline = time.monotonic() + 120
    while True:
        ready, _, _ = select.select([primary], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:  # a stuck command fails the test instead of hanging the run
            process.kill()
            raise AssertionError(f"still running after 120 s: {screen.decode(errors='replace')}")
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the terminal's other side closed
            break
        if not chunk:
            break
        screen += chunk
    os.close(primary)
    return process.wait(timeout=120), screen.decode(errors="replace")


def test_all_from_a_terminal_fills_the_redirected_file(
    saved: RecruiteeSandbox, config_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "candidates.jsonl"
    with target.open("wb") as file:
        code, screen = _run_in_terminal(
            ["run", "recruitee.list_candidates", "-c", "rc", "--all", "page_size=50"],
            file,
            config_dir,
        )
    assert code == 0, screen
    lines = target.read_text().splitlines()
    assert len(lines) == 150
    assert {json.loads(line)["id"] for line in lines} == set(range(7730001, 7730151))
    assert '"id"' not in screen  # no item leaked onto the screen
    assert "150 items" in screen
    assert "items/s" in screen  # the rate


def test_all_piped_from_a_terminal_counts_every_item(
    saved: RecruiteeSandbox, config_dir: Path
) -> None:
    """``hirelink run ... --all | wc -l`` with the progress on the terminal."""
    read_end, write_end = os.pipe()
    received: list[bytes] = []
    with os.fdopen(write_end, "wb") as pipe_in, os.fdopen(read_end, "rb") as pipe_out:
        # The reader drains the pipe while the command runs, as `wc -l` would.
        reader = threading.Thread(target=lambda: received.append(pipe_out.read()))
        reader.start()
        code, screen = _run_in_terminal(
            ["run", "recruitee.list_candidates", "-c", "rc", "--all"], pipe_in, config_dir
        )
        pipe_in.close()
        reader.join(timeout=60)
    piped = b"".join(received).decode()
    assert code == 0, screen
    assert len(piped.splitlines()) == 150
    assert "150 items" in screen


def test_all_without_a_terminal_prints_no_progress(saved: RecruiteeSandbox) -> None:
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--all")
    assert len(result.stdout.splitlines()) == 150
    assert "items" not in result.stderr


# --- --version, JSON output, ids that fit ----------------------------------------------


def test_version_lists_each_distribution() -> None:
    from importlib.metadata import version

    result = hirelink("--version")
    assert result.exit_code == 0
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    for name in ("hirelink", "hirelink-core", "hirelink-recruitee", "hirelink-personio"):
        assert lines[name] == version(name)


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_the_command_runs_as_a_module_where_its_script_is_not_on_path() -> None:
    """Windows installs the script in a Scripts folder that is often not on PATH, and
    ``python -m hirelink`` cannot work: ``hirelink`` is a namespace shared by several
    distributions, none of which may own its ``__main__``."""
    ran = subprocess.run(
        [sys.executable, "-m", "hirelink.cli", "ops", "list", "--provider", "join", "--json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr.decode("utf-8", "replace")
    listed = [item["id"] for item in json.loads(ran.stdout)]
    assert listed == [o.id for o in load_providers().operations() if o.id.startswith("join.")]
    assert listed


def test_ops_list_json() -> None:
    result = hirelink("ops", "list", "--json")
    listed = json.loads(result.stdout)
    assert [item["id"] for item in listed] == [o.id for o in load_providers().operations()]
    first = listed[0]
    assert set(first) == {"id", "provider", "title", "summary", "all"}
    personio = json.loads(hirelink("ops", "list", "--provider", "personio", "--json").stdout)
    assert personio
    assert {item["provider"] for item in personio} == {"personio"}


def test_ops_describe_json_has_both_schemas() -> None:
    result = hirelink("ops", "describe", "recruitee.update_candidate", "--json")
    described = json.loads(result.stdout)
    assert described["id"] == "recruitee.update_candidate"
    assert "candidate_id" in described["input_schema"]["properties"]
    assert described["input_schema"]["required"] == ["candidate_id"]
    assert "emails" in json.dumps(described["output_schema"])
    assert described["example"]
    listing = json.loads(hirelink("ops", "describe", "join.list_jobs", "--json").stdout)
    assert listing["all"] is True
    assert described["requires"] == listing["requires"] == []  # the provider's fields do


@pytest.mark.parametrize(
    ("operation_id", "needed"),
    [
        ("personio.list_candidates", ["client_id", "client_secret"]),
        ("recruitee_partners.create_report", ["partner_secret"]),
        ("recruitee_partners.get_partner", ["personal_token"]),
    ],
)
def test_ops_describe_says_which_credential_fields_an_operation_needs(
    operation_id: str, needed: list[str]
) -> None:
    """A credential of the right provider may lack the fields an operation needs (a
    Personio one without client credentials): an agent can tell before it calls."""
    described = json.loads(hirelink("ops", "describe", operation_id, "--json").stdout)
    assert described["requires"] == needed
    shown = hirelink("ops", "describe", operation_id).stdout
    assert f"credential with {' and '.join(needed)}" in shown


def test_ops_describe_says_what_each_described_input_means() -> None:
    shown = hirelink("ops", "describe", "recruitee_partners.update_report").stdout.splitlines()
    at = next(i for i, line in enumerate(shown) if line.strip().startswith("score "))
    assert shown[at + 1].strip() == 'Free text shown as is: `"82%"`, `"12/15"`, `"passed"`.'
    described = json.loads(hirelink("ops", "describe", "personio.list_persons", "--json").stdout)
    assert described["input_schema"]["properties"]["status"]["description"]


@pytest.mark.parametrize("columns", ["80", "60", "40"])
def test_no_id_is_truncated_when_piped(columns: str) -> None:
    result = hirelink("ops", "list", COLUMNS=columns)
    assert result.exit_code == 0
    first_words = {line.split(" ", 1)[0] for line in result.stdout.splitlines()[1:]}
    assert first_words == {o.id for o in load_providers().operations()}
    assert "…" not in result.stdout


# --- inputs from stdin and clear errors -------------------------------------------------


def test_input_from_stdin(saved: RecruiteeSandbox) -> None:
    result = hirelink(
        "run",
        "recruitee.list_candidates",
        "-c",
        "rc",
        "--input",
        "@-",
        stdin=json.dumps({"ids": [7730001, 7730002]}),
    )
    assert result.exit_code == 0, result.output
    assert sorted(c["id"] for c in json.loads(result.stdout)["candidates"]) == [7730001, 7730002]


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_inputs_written_with_a_byte_order_mark_are_read(
    saved: RecruiteeSandbox, tmp_path: Path, how: str
) -> None:
    """Notepad and PowerShell start UTF-8 files with a BOM: it was refused."""
    text = '\ufeff{"limit": 2}'
    if how == "file":
        path = tmp_path / "inputs.json"
        path.write_text(text, encoding="utf-8")
        result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--input", f"@{path}")
    else:
        result = hirelink(
            "run", "recruitee.list_candidates", "-c", "rc", "--input", "@-", stdin=text
        )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["candidates"]) == 2


def test_a_missing_input_file_is_a_clear_error(saved: RecruiteeSandbox, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    saved.recorder.clear()
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--input", f"@{missing}")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "--input" in result.stderr
    assert "missing.json" in result.stderr
    assert "Traceback" not in result.output
    assert not saved.recorder.requests


@pytest.mark.parametrize(
    ("given", "says"),
    [("", "--input: is empty"), ("@", "--input: a file name is missing after '@'")],
)
def test_an_empty_input_or_file_name_is_a_clear_error(
    saved: RecruiteeSandbox, given: str, says: str
) -> None:
    # `--input ''` (a variable unset) ran the list with no inputs: every candidate; `@`
    # said "cannot read '.': Is a directory".
    saved.recorder.clear()
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--input", given)
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert says in result.stderr
    assert not saved.recorder.requests


@pytest.mark.parametrize("how", ["inline", "file"])
@pytest.mark.parametrize(
    "text",
    [
        '{"candidate_id": 7730012, "candidate_id": 7730011}',
        '{"candidate_id": 7730011, "fields": {"a": 1, "a": 2}}',
    ],
)
def test_a_key_given_twice_in_the_input_is_refused(
    saved: RecruiteeSandbox, tmp_path: Path, how: str, text: str
) -> None:
    # The last one silently won: another candidate's record was read.
    saved.recorder.clear()
    given = text
    if how == "file":
        path = tmp_path / "inputs.json"
        path.write_text(text, encoding="utf-8")
        given = f"@{path}"
    result = hirelink("run", "recruitee.get_candidate", "-c", "rc", "--input", given)
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert re.search(r"--input: gives the key '(candidate_id|a)' twice", result.stderr)
    assert "Traceback" not in result.output
    assert not saved.recorder.requests


@pytest.mark.parametrize(
    "given",
    [
        ["candidate_id=7730012", "candidate_id=7730011"],
        ["--input", '{"candidate_id": 7730012}', "candidate_id=7730011"],
    ],
)
def test_an_input_given_twice_on_the_command_line_is_refused(
    saved: RecruiteeSandbox, given: list[str]
) -> None:
    """The last ``key=value`` silently won, over one before it and over ``--input``."""
    saved.recorder.clear()
    result = hirelink("run", "recruitee.get_candidate", "-c", "rc", *given)
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "candidate_id: is given twice" in result.stderr
    assert not saved.recorder.requests


def test_an_id_of_5000_digits_is_a_clear_error(personio_saved: StandIn[Any]) -> None:
    # int() refuses text of more than 4,300 digits: a ValueError naming no field.
    inputs = json.dumps({"person_id": "9" * 5000})
    result = hirelink("run", "personio.get_person", "-c", "hr", "--input", inputs)
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "person_id: must be at most 9223372036854775807 (2**63 - 1)" in result.stderr
    assert "Traceback" not in result.output
    assert not [r for r in personio_saved.recorder.requests if r.path.startswith("/v2/persons")]


def test_python_spellings_of_true_false_and_none_are_said_to_be_text(
    saved: RecruiteeSandbox,
) -> None:
    # `qualified=True` was refused as "qualified: Input should be True".
    saved.recorder.clear()
    listing = ["run", "recruitee.list_candidates", "-c", "rc"]
    refused = hirelink(*listing, "qualified=True", "disqualified=None", "limit=x")
    assert refused.exit_code == EXIT_BAD_INPUT, refused.output
    assert "qualified: True is read as text (key=value takes JSON): write true" in refused.stderr
    assert "disqualified: None is read as text (key=value takes JSON): write null" in refused.stderr
    assert "limit: Input should be a valid integer" in refused.stderr  # as it was
    assert "should be True" not in refused.stderr
    assert not saved.recorder.requests
    listed = hirelink(*listing, "qualified=true", "limit=1")
    assert listed.exit_code == 0, listed.output


def test_an_unknown_provider_is_a_clear_error() -> None:
    result = hirelink("ops", "list", "--provider", "bogus")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "unknown provider 'bogus'" in result.stderr
    assert "recruitee" in result.stderr
    assert result.stdout == ""


@pytest.fixture
def personio_saved(config_dir: Path) -> Iterator[StandIn[Any]]:
    with serve_stand_in("personio") as stand_in:
        settings = [f"--set={k}={v}" for k, v in stand_in.details.items()]
        added = hirelink("credentials", "add", "hr", "--provider", "personio", *settings)
        assert added.exit_code == 0, added.output
        yield stand_in


@pytest.mark.parametrize(
    ("store", "says"),
    [
        ("memcached://cache:11211", "redis://"),
        ("cache.internal:6379", "unknown store URL scheme"),
    ],
)
def test_a_store_misconfiguration_is_a_clear_error(
    personio_saved: StandIn[Any], store: str, says: str
) -> None:
    result = hirelink("run", "personio.list_categories", "-c", "hr", HIRELINK_STORE=store)
    assert result.exit_code == EXIT_BAD_INPUT
    assert "HIRELINK_STORE" in result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.output


def test_a_redis_store_without_the_redis_extra_is_a_clear_error(
    personio_saved: StandIn[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # as if the extra were not installed
    result = hirelink(
        "run", "personio.list_categories", "-c", "hr", HIRELINK_STORE="redis://cache:6379/0"
    )
    assert result.exit_code == EXIT_BAD_INPUT
    assert 'pip install "hirelink-core[redis]"' in result.stderr
    assert "Traceback" not in result.output


def test_a_list_too_large_to_read_points_at_all(saved: RecruiteeSandbox) -> None:
    """Recruitee answers list_candidates without a limit with every candidate at once:
    past 64 MiB that is not read, and --all walks it a page at a time."""
    twice_compressed = {"Content-Encoding": "gzip, gzip"}  # what is never read: a bomb
    saved.faults.add(
        Fault(method="GET", path=r"/candidates$", status=200, body=b"x", headers=twice_compressed)
    )
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc")
    assert result.exit_code == 1  # no retry changes it
    assert "--all reads every item of the list, a page at a time" in result.stderr
    saved.faults.add(
        Fault(method="GET", path=r"/offers/31337$", status=200, body=b"x", headers=twice_compressed)
    )
    one = hirelink("run", "recruitee.get_offer", "-c", "rc", "offer_id=31337")
    assert one.exit_code == 1
    assert "--all" not in one.stderr  # not a list


def test_a_write_answered_with_a_server_error_says_it_may_have_been_carried_out(
    saved: RecruiteeSandbox,
) -> None:
    saved.faults.add(Fault(method="POST", path=r"/candidates$", status=502))
    result = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada Byron")
    assert result.exit_code == 6
    assert "the write may have been carried out: check before sending it again" in result.stderr
    saved.faults.add(Fault(method="GET", path=r"/offers$", status=502, times=5))
    read = hirelink("run", "recruitee.list_offers", "-c", "rc")
    assert read.exit_code == 6
    assert "  request: GET http://127.0.0.1:" in read.stderr  # which of its requests failed
    assert "/offers (sent 3 times over " in read.stderr  # not one answer: after retries
    assert "carried out" not in read.stderr  # a read changed nothing
    saved.faults.add(Fault(method="POST", path=r"/candidates$", kind="drop"))
    dropped = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada Byron")
    assert dropped.exit_code == 6
    assert "the write may have been carried out" in dropped.stderr  # the answer was lost
    # A write safe to send again is not told to look first (review), as the library's.
    saved.faults.add(Fault(method="PATCH", path=r"/candidates/\d+$", status=503, times=-1))
    patched = hirelink(
        "run", "recruitee.update_candidate", "-c", "rc", "candidate_id=7730011", "name=Ada"
    )
    assert patched.exit_code == 6, patched.stderr
    assert "carried out" not in patched.stderr


def test_a_write_whose_answer_was_lost_exits_6_and_prints_no_record(
    saved: RecruiteeSandbox,
) -> None:
    # Carried out, its answer cut off: printing what could be read ({"body": null}) with
    # exit 0 handed a script a record without its id, as a success.
    saved.faults.add(Fault(method="POST", path=r"/candidates$", kind="cut"))
    created = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada Byron")
    assert created.exit_code == 6
    assert created.stdout == ""
    assert "the provider carried out the write, but its answer could not be read" in (
        created.stderr
    )
    assert "do not run it again" in created.stderr
    posted = [r for r in saved.recorder.requests if r.method == "POST"]
    assert len(posted) == 1  # not sent again
    assert any(r.data.get("name") == "Ada Byron" for r in saved.state.records())


def test_an_update_whose_first_answer_was_lost_prints_its_final_answer(
    saved: RecruiteeSandbox,
) -> None:
    # Only a create whose answer was lost leaves its id unknown: an update of a known id,
    # here one whose later step answered in full, printed nothing and said not to rerun.
    saved.faults.add(Fault(method="PATCH", path=r"/candidates/7730001$", kind="cut"))
    updated = hirelink(
        "run", "recruitee.update_candidate", "-c", "rc", "candidate_id=7730001",
        "name=Ada Lovelace", "remote_cv_url=https://files.example.org/cv.pdf",
    )  # fmt: skip
    assert updated.exit_code == 0, updated.stderr
    assert json.loads(updated.stdout)["name"] == "Ada Lovelace"
    # An update is resent as a read is (it does the same however often it arrives):
    # every answer lost is an error, as for a read.
    saved.faults.add(Fault(method="PATCH", path=r"/candidates/7730001$", kind="cut", times=-1))
    cut = hirelink(
        "run", "recruitee.update_candidate", "-c", "rc", "candidate_id=7730001", "name=Ada"
    )
    assert cut.exit_code == 6, cut.stderr
    assert "sent 3 times" in cut.stderr
    # A write not resent whose only answer was lost: nothing could be read, and nothing is
    # printed as if it had been (it printed {"body": null}, a field no candidate has).
    saved.faults.add(Fault(method="PATCH", path=r"/change_stage$", kind="cut"))
    moved = hirelink(
        "run", "recruitee.change_placement_stage", "-c", "rc", "placement_id=990014",
        "stage_id=610003",
    )  # fmt: skip
    assert moved.exit_code == 0, moved.stderr
    assert json.loads(moved.stdout) == {}
    assert "the write was carried out but its answer does not read as the spec says" in moved.stderr


def test_a_write_answered_303_may_have_been_carried_out(saved: RecruiteeSandbox) -> None:
    # 303 See Other says the request was handled and its result is elsewhere: it was
    # called "not carried out" (a redirect hirelink does not follow), inviting a rerun.
    moved = {"Location": "https://acme.example/candidates/1"}
    saved.faults.add(Fault(method="POST", path=r"/candidates$", status=303, headers=moved))
    answered = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada Byron")
    assert answered.exit_code == 1
    assert "answered 303: see other: 'https://acme.example/candidates/1'" in answered.stderr
    assert "the write may have been carried out" in answered.stderr
    assert "check base_url" not in answered.stderr


def test_terminal_controls_in_an_answer_are_shown_as_escapes(saved: RecruiteeSandbox) -> None:
    # A provider may quote what a candidate typed: its escape sequences recoloured the
    # error, set the terminal's title, and a right-to-left override showed text reversed.
    quoted = "Zo\u00eb \x1b[31mRED\x1b[0m \u202eevil\u202c"
    body: dict[str, object] = {"errors": {"name": [quoted]}, "error": "bad \x1b]0;title\x07 input"}
    saved.faults.add(Fault(method="POST", path=r"/candidates$", status=422, body=body))
    result = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Zo\u00eb")
    assert result.exit_code == EXIT_API_ERROR
    for control in ("\x1b", "\x07", "\u202e", "\u202c"):
        assert control not in result.stderr
    assert "\\x1b[31mRED\\x1b[0m \\u202eevil\\u202c" in result.stderr
    assert "Zo\u00eb" in result.stderr  # letters are letters


def test_terminal_controls_in_a_json_result_are_json_escapes(saved: RecruiteeSandbox) -> None:
    # json.dumps escapes C0 only: a name holding a right-to-left override showed reversed
    # ("gnp.exe" as "exe.png"), and the 8-bit CSI reached the terminal.
    # Stored in the stand-in directly: hirelink refuses DEL in a name it sends.
    name = "Eve \u202egnp.exe\u202c \x9b31mRED \x7f"
    created, _ = saved.state.create_candidate({"name": name})
    candidate_id = f"candidate_id={created['id']}"
    result = hirelink("run", "recruitee.get_candidate", "-c", "rc", candidate_id)
    assert result.exit_code == 0, result.stderr
    for control in ("\u202e", "\u202c", "\x9b", "\x7f"):
        assert control not in result.stdout
    assert "\\u202egnp.exe\\u202c \\u009b31mRED \\u007f" in result.stdout
    assert json.loads(result.stdout)["name"] == name  # the same JSON


def test_an_answer_naming_many_fields_prints_twenty_lines_of_them(
    saved: RecruiteeSandbox,
) -> None:
    errors = {f"field_{number}": ["is invalid"] for number in range(5_000)}
    body: dict[str, object] = {"errors": errors}
    saved.faults.add(Fault(method="POST", path=r"/candidates$", status=422, body=body))
    result = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada")
    assert result.exit_code == EXIT_API_ERROR
    assert len(result.stderr.splitlines()) < 30
    assert len(result.stderr) < 10_000  # it was the whole answer, 90 kB here
    assert "field_0: is invalid" in result.stderr
    assert re.search(r"\.\.\. and \d{4} more fields", result.stderr)


def test_a_field_error_with_line_breaks_prints_on_one_line(saved: RecruiteeSandbox) -> None:
    # The field lines kept a provider's line breaks: a line of the CLI's log forged by what
    # a candidate typed (review 30).
    # Named past the message's 1,000 characters, the field gets a line of its own.
    errors = {"email": ["bad\nFORGED LINE"]}
    body: dict[str, object] = {"message": "refused " + "x" * 1200, "errors": errors}
    saved.faults.add(Fault(method="POST", path=r"/candidates$", status=422, body=body))
    result = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada")
    assert result.exit_code == EXIT_API_ERROR
    assert "email: bad\\nFORGED LINE" in result.stderr
    assert not any(line.startswith("FORGED") for line in result.stderr.splitlines())


def test_a_piped_table_keeps_each_row_on_one_line_with_wide_characters(config_dir: Path) -> None:
    # Widths were counted in characters, not terminal cells: a CJK cell took two cells a
    # character, and the row wrapped onto a second line.
    url = "https://\u4f8b\u3048.\u30c6\u30b9\u30c8/v2"
    added = hirelink(
        "credentials",
        "add",
        "wide",
        "--provider",
        "join",
        "--set=token=t0ken",
        f"--set=base_url={url}",
    )
    assert added.exit_code == 0, added.stderr
    listed = hirelink("credentials", "list")
    assert listed.exit_code == 0, listed.stderr
    [row] = [line for line in listed.stdout.splitlines() if "wide" in line]
    assert url in row


def test_a_read_whose_token_exchange_failed_is_not_called_a_write(
    personio_saved: StandIn[Any],
) -> None:
    """The token exchange is a POST that harms nothing when repeated: its lost answer said
    that a plain read may have written something."""
    exchange = Fault(method="POST", path=r"/v2/auth/token$", kind="drop", times=-1)
    personio_saved.sandbox.faults.add(exchange)
    result = hirelink("run", "personio.list_categories", "-c", "hr")
    assert result.exit_code == 6
    assert "/v2/auth/token" in result.stderr
    assert "carried out" not in result.stderr


# --- a 401 says which credential to check and where ------------------------------------


def test_a_401_names_the_credential_and_where_to_find_it(
    config_dir: Path, recruitee_sandbox: StandIn[RecruiteeSandbox]
) -> None:
    wrong = "wrong-token-31337"
    settings = [f"--set={k}={v}" for k, v in recruitee_sandbox.client_kwargs(token=wrong).items()]
    hirelink("credentials", "add", "stale", "--provider", "recruitee", *settings)
    result = hirelink("run", "recruitee.list_offers", "-c", "stale")
    assert result.exit_code == EXIT_AUTH
    assert "answered 401" in result.stderr
    assert "personal API token (token)" in result.stderr
    assert "Settings > Apps and plugins > Personal API tokens" in result.stderr
    assert "credential 'stale'" in result.stderr
    assert wrong not in result.output


def test_a_401_names_the_variable_that_overrode_the_stored_value(
    config_dir: Path, recruitee_sandbox: StandIn[RecruiteeSandbox]
) -> None:
    settings = [f"--set={k}={v}" for k, v in recruitee_sandbox.details.items()]
    hirelink("credentials", "add", "good", "--provider", "recruitee", *settings)
    result = hirelink(
        "run", "recruitee.list_offers", "-c", "good",
        HIRELINK_CREDENTIAL_GOOD_TOKEN="wrong-token-from-env",
    )  # fmt: skip
    assert result.exit_code == EXIT_AUTH
    assert "HIRELINK_CREDENTIAL_GOOD_TOKEN overrides the stored value" in result.stderr
    assert "hirelink credentials add good --provider recruitee" in result.stderr


def test_a_401_for_a_credential_of_the_environment_alone_points_there(
    config_dir: Path, recruitee_sandbox: StandIn[RecruiteeSandbox]
) -> None:
    kwargs = recruitee_sandbox.client_kwargs(token="wrong-token-from-env")
    variables = {f"HIRELINK_CREDENTIAL_CI_{k.upper()}": str(v) for k, v in kwargs.items()}
    result = hirelink(
        "run", "recruitee.list_offers", "-c", "ci",
        HIRELINK_CREDENTIAL_CI_PROVIDER="recruitee", **variables,
    )  # fmt: skip
    assert result.exit_code == EXIT_AUTH
    assert "The values come from the environment (" in result.stderr
    assert "HIRELINK_CREDENTIAL_CI_TOKEN" in result.stderr
    assert "credentials add" not in result.stderr  # the environment would win over it


def test_credentials_add_names_a_field_cleared_with_an_empty_set(
    saved: RecruiteeSandbox,
) -> None:
    result = hirelink(
        "credentials", "add", "rc", "--provider", "recruitee", "--set", "company_id=4100",
        "--set", "token=replaced-token-0042", "--set", "base_url=",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "no longer stored: base_url" in result.stderr


# --- bad input and broken files end in a clear error (exit 2), never a traceback --------


def test_a_broken_credentials_file_is_a_clear_error(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "credentials.toml").write_text("x [y\n")
    listed = hirelink("credentials", "list")
    assert listed.exit_code == EXIT_BAD_INPUT
    assert "not valid TOML" in listed.stderr
    (config_dir / "credentials.toml").write_text('[credentials]\nrc = "not a table"\n')
    assert "one table per nickname" in hirelink("credentials", "list").stderr


def test_credentials_add_keeps_what_else_the_file_holds(config_dir: Path) -> None:
    # The file was rewritten as [credentials] alone: a table a later release added, or a
    # user's own, was gone after the next `credentials add` (the upgrade hunt).
    config_dir.mkdir(parents=True)
    path = config_dir / "credentials.toml"
    path.write_text(
        'format = 2\n[defaults]\ncredential = "acme"\n'
        '[credentials.acme]\nprovider = "join"\ntoken = "jt-acme-0001"\n'
    )
    added = hirelink("credentials", "add", "other", "--provider", "join", "--set", "token=jt-2")
    assert added.exit_code == 0, added.stderr
    kept = tomllib.loads(path.read_text())
    assert kept["format"] == 2
    assert kept["defaults"] == {"credential": "acme"}
    assert set(kept["credentials"]) == {"acme", "other"}


def test_a_stored_credential_without_a_provider_says_so(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "credentials.toml").write_text('[credentials.acme]\ntoken = "jt-acme-0001"\n')
    result = hirelink("run", "join.list_jobs", "-c", "acme")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "'acme' in" in result.stderr
    assert "names no provider" in result.stderr


def test_a_mistyped_set_does_not_echo_the_value(config_dir: Path) -> None:
    secret = "jt_live_8f2c61d0a9b34e77"
    result = hirelink("credentials", "add", "j", "--provider", "join", "--set", f"token:{secret}")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "expected field=value" in result.stderr
    assert secret not in result.stdout + result.stderr


def test_all_with_the_lists_paging_says_what_to_give_instead(saved: RecruiteeSandbox) -> None:
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--all", "limit=5")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "limit: the walk pages by itself: give page_size instead" in result.stderr


def test_run_without_a_credential_names_the_stored_ones(saved: RecruiteeSandbox) -> None:
    result = hirelink("run", "recruitee.list_candidates")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "name the credential to use (rc)" in result.stderr


def test_credentials_add_over_a_stored_one_says_what_it_no_longer_holds(
    saved: RecruiteeSandbox,
) -> None:
    result = hirelink(
        "credentials", "add", "rc", "--provider", "recruitee",
        "--set", "company_id=4100", "--set", "token=replaced-token-0042",
    )  # fmt: skip
    assert result.exit_code == 0
    assert "replaced the stored rc; no longer stored: base_url" in result.stderr


def test_an_unknown_credential_says_how_the_environment_defines_one(config_dir: Path) -> None:
    result = hirelink("run", "join.list_jobs", "-c", "ci-join")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "set HIRELINK_CREDENTIAL_CI_JOIN_PROVIDER and its fields" in result.stderr


def test_a_text_input_given_digits_on_the_command_line_stays_text(
    saved: RecruiteeSandbox,
) -> None:
    result = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=1984")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "1984"
    listed = hirelink("run", "recruitee.list_candidates", "-c", "rc", "limit=2")
    assert listed.exit_code == 0, listed.stderr  # a number where a number is wanted


def test_deeply_nested_input_is_refused(saved: RecruiteeSandbox) -> None:
    nested = '{"query": ' + "[" * 100_000 + "]" * 100_000 + "}"
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--input", nested)
    assert result.exit_code == EXIT_BAD_INPUT
    assert "nested too deeply" in result.stderr


def test_a_checkpoint_in_a_missing_folder_is_a_clear_error(
    saved: RecruiteeSandbox, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "no-such-folder" / "cp.json"
    result = hirelink("watch", "recruitee.candidates", "-c", "rc", "--checkpoint", str(checkpoint))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "--checkpoint" in result.stderr


def test_webhook_serving_refuses_a_bad_path_or_port(config_dir: Path) -> None:
    relative = hirelink("webhooks", "serve", "recruitee", "--path", "hook")
    assert relative.exit_code == EXIT_BAD_INPUT
    assert "must start with '/'" in relative.stderr
    assert hirelink("webhooks", "serve", "recruitee", "--port", "99999").exit_code == 2


def test_webhook_serving_without_uvicorn_names_the_extra_before_anything_else(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It warned that no secret was set, then blamed the provider argument.
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    monkeypatch.delenv("HIRELINK_WEBHOOK_SECRET", raising=False)
    result = hirelink("webhooks", "serve", "recruitee")
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr.startswith("error: webhooks serve: needs uvicorn")
    assert 'pip install "hirelink[webhooks]"' in result.stderr
    assert "SECRET" not in result.stderr


def test_sandbox_serve_on_a_port_in_use_is_a_clear_error(config_dir: Path) -> None:
    with serve_stand_in("join") as taken:
        result = hirelink("sandbox", "serve", "--port", str(taken.server.port))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "cannot listen on" in result.stderr


def test_credentials_list_piped_is_whole_and_shows_brackets_as_they_are(
    config_dir: Path,
) -> None:
    url = "http://127.0.0.1:43069/with/a/rather/long/path/[/x]/that/goes/on/and/on/v2"
    added = hirelink(
        "credentials", "add", "j", "--provider", "join", "--set", "token=abcdefgh",
        "--set", f"base_url={url}",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    listed = hirelink("credentials", "list")
    assert listed.exit_code == 0, listed.output
    assert url in listed.stdout
    assert "abcdefgh" not in listed.stdout


def test_describe_says_what_all_takes() -> None:
    described = hirelink("ops", "describe", "recruitee.list_candidates").stdout
    walked = described.split("--all streams every item")[1]
    assert "page_size" in walked
    assert "offset" not in walked
    schema = json.loads(hirelink("ops", "describe", "join.list_jobs", "--json").stdout)
    assert "page_size" in schema["all_input_schema"]["properties"]
    assert "page" not in schema["all_input_schema"]["properties"]


def test_describe_shows_a_named_choice_once_without_its_internal_name() -> None:
    described = hirelink("ops", "describe", "recruitee.list_candidates").stdout
    (sort,) = [line for line in described.splitlines() if line.strip().startswith("sort ")][:1]
    assert sort.split("optional")[1].strip() == "string ['by_date', 'by_last_message']"
    assert "ListCandidatesSort" not in described


def test_webhook_serving_on_a_port_in_use_is_a_clear_error(config_dir: Path) -> None:
    uvicorns = [logging.getLogger(name) for name in ("uvicorn.error", "uvicorn.access")]
    levels = [logger.level for logger in uvicorns]
    with serve_stand_in("join") as taken:
        result = hirelink("webhooks", "serve", "recruitee", "--port", str(taken.server.port))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "--port: cannot listen on" in result.stderr
    # uvicorn's Config, made before the port was bound, set its loggers to WARNING in the
    # caller's process: a later test's own uvicorn.access line was dropped.
    assert [logger.level for logger in uvicorns] == levels


def test_webhook_serving_on_an_address_not_this_machines_blames_the_host(
    config_dir: Path,
) -> None:
    """It said "--port: cannot listen on 192.0.2.1:0": the port was fine."""
    result = hirelink("webhooks", "serve", "recruitee", "--host", "192.0.2.1", "--port", "0")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "--host: cannot listen on 192.0.2.1:0" in result.stderr


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_sandbox_serve_prints_the_base_url_each_credential_uses(config_dir: Path) -> None:
    shown = subprocess.run(  # noqa: S603 - our own command
        [*_command(), "sandbox", "serve", "--max-lifetime", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir), "COLUMNS": "300"},
    )
    lines = shown.stdout.splitlines()
    printed = {line.split(" at ")[0]: line.split(" at ")[1] for line in lines if " at " in line}
    assert set(printed) == {"recruitee", "join", "recruitee_partners", "personio"}
    for name, url in printed.items():
        (command,) = [line for line in lines if f"--provider {name} " in line]
        assert f"--set base_url={url} " in command + " "  # JOIN's includes /v2
    assert printed["join"].endswith("/v2")
    (personio,) = [line for line in lines if "--provider personio " in line]
    assert " --set company_id=41737 " in personio + " "  # the number, not its repr
    added = hirelink(*shlex.split(personio)[1:])  # the line as printed, after `hirelink`
    assert added.exit_code == 0, added.output
    listed = hirelink("credentials", "list").stdout
    assert "sandbox-personio" in listed
    assert "unusable" not in listed


@pytest.mark.primary_only  # version-independent: a command in a subprocess
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_sandbox_serve_stopped_by_sigterm_stops_its_stand_ins_and_exits_0(
    config_dir: Path, stop: signal.Signals
) -> None:
    # It died of the signal (exit -15; SIGHUP, the terminal closed: -1) without stopping
    # its stand-ins, as Ctrl-C does.
    serving = subprocess.Popen(  # noqa: S603 - our own command
        [*_command(), "sandbox", "serve", "--max-lifetime", "60"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir), "COLUMNS": "300"},
    )
    assert serving.stdout is not None
    first = serving.stdout.readline()
    url = first.split(" at ")[1].strip()
    assert httpx.get(url).status_code < 500
    serving.send_signal(stop)
    assert serving.wait(timeout=30) == 0
    with pytest.raises(httpx.ConnectError):
        httpx.get(url)


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_sandbox_serve_for_ever_serves_without_a_traceback(config_dir: Path) -> None:
    # `--max-lifetime inf` printed an OverflowError traceback per stand-in (its timer's).
    serving = subprocess.Popen(  # noqa: S603 - our own command
        [*_command(), "sandbox", "serve", "--max-lifetime", "inf"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir), "COLUMNS": "300"},
    )
    assert serving.stdout is not None
    printed = [serving.stdout.readline()]
    while "Ctrl-C stops them" not in printed[-1] and printed[-1]:
        printed.append(serving.stdout.readline())
    url = printed[0].split(" at ")[1].strip()
    assert httpx.get(url).status_code < 500
    serving.send_signal(signal.SIGTERM)
    _, stderr = serving.communicate(timeout=30)
    assert serving.returncode == 0, stderr
    assert stderr == ""


@pytest.mark.parametrize(
    "stop",
    [
        signal.SIGINT,
        pytest.param(signal.SIGTERM, marks=pytest.mark.primary_only),
        pytest.param(signal.SIGHUP, marks=pytest.mark.primary_only),
    ],
)
def test_ctrl_c_while_the_partner_secret_is_regenerated_says_it_may_have_changed(
    config_dir: Path, recruitee_partners_sandbox: StandIn[Any], stop: signal.Signals
) -> None:
    # Exit 130 and nothing more, while Recruitee had issued a new secret: the stored
    # credential was stale and nothing said so. SIGTERM (`timeout`, a CI job cancelled,
    # Kubernetes) killed the command without a word.
    stand_in = recruitee_partners_sandbox
    settings = [f"--set={k}={v}" for k, v in stand_in.details.items()]
    added = hirelink("credentials", "add", "pk", "--provider", "recruitee_partners", *settings)
    assert added.exit_code == 0, added.output
    stand_in.faults.add(Fault(method="POST", path=r"/regenerate-secret$", kind="delay", delay=2))
    running = subprocess.Popen(  # noqa: S603 - our own command
        [*_command(), "run", "recruitee_partners.regenerate_partner_secret", "-c", "pk"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir)},
    )
    wait_until(
        lambda: stand_in.hits("POST", "/regenerate-secret") or running.poll() is not None,
        "regenerate request (or the command ended first)",
    )
    assert running.poll() is None
    running.send_signal(stop)
    _, stderr = running.communicate(timeout=30)
    assert running.returncode == 130
    assert "may have issued a new partner secret" in stderr
    assert "Traceback" not in stderr


def _blocked_writing_to_a_pipe(pid: int) -> bool:
    """Whether the main thread of process ``pid`` waits for room in a pipe (Linux)."""
    try:
        return "pipe_write" in Path(f"/proc/{pid}/wchan").read_text()
    except (FileNotFoundError, ProcessLookupError):  # ended
        return False


def _signals_pending(pid: int) -> bool:
    """Whether a signal sent to process ``pid`` is still waiting for one of its threads."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):  # ended
        return False
    pending = [line.split()[1] for line in status.splitlines() if line.startswith("ShdPnd:")]
    return pending != ["0" * 16]


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(
    "stop", [signal.SIGINT, pytest.param(signal.SIGTERM, marks=pytest.mark.primary_only)]
)
def test_all_stopped_while_its_reader_lags_writes_whole_lines_and_exits_130(
    saved: RecruiteeSandbox, config_dir: Path, stop: signal.Signals
) -> None:
    # An item larger than Python's buffer (8 KiB) whose write a signal cut short on a full
    # pipe was ended there: the JSON Lines ended in half a line.
    long_name = "Longname " + "m" * 20000
    for _ in range(8):
        saved.state.create_candidate({"name": long_name})
    read_end, write_end = os.pipe()
    walking = subprocess.Popen(  # noqa: S603 - our own command
        [*_command(), "run", "recruitee.list_candidates", "-c", "rc", "--all", "query=Longname"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir)},
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reading:
        # The pipe is full: the command waits in the middle of an item (20 KiB each).
        wait_until(
            lambda: _blocked_writing_to_a_pipe(walking.pid) or walking.poll() is not None,
            "a write waiting for its reader",
        )
        assert walking.poll() is None
        walking.send_signal(stop)
        wait_until(lambda: not _signals_pending(walking.pid), "the signal taken")
        printed = reading.read()
    _, stderr = walking.communicate(timeout=60)
    assert walking.returncode == 130, stderr
    assert printed.endswith(b"\n")
    lines = printed.decode().splitlines()
    assert lines
    assert all(json.loads(line)["name"] == long_name for line in lines)
    assert b"Traceback" not in stderr


def test_tables_in_a_narrow_terminal_wrap_and_cut_nothing(config_dir: Path) -> None:
    code, screen = _run_in_terminal(
        ["ops", "list", "--provider", "recruitee_partners"], None, config_dir, columns=60
    )
    assert code == 0, screen
    assert "recruitee_partners.create_partner" in screen
    assert "…" not in screen  # a cell too wide for the terminal is wrapped, not cut


# --- CLI review: output shapes, narrow terminals, busy ports, prompts --------------------


def _output_section(operation_id: str) -> str:
    described: str = hirelink("ops", "describe", operation_id).stdout
    return described.split("\noutput:\n")[1].split("\nexample:")[0].strip()


def test_a_boolean_given_for_an_id_is_bad_input_not_record_1(saved: RecruiteeSandbox) -> None:
    # pydantic's lax mode read true as 1: `candidate_id=true` deleted candidate 1.
    refused = hirelink("run", "recruitee.delete_candidate", "-c", "rc", "candidate_id=true")
    assert refused.exit_code == EXIT_BAD_INPUT
    assert "candidate_id" in refused.stderr
    assert "candidate_id: Input should be a valid integer" in refused.stderr
    assert not saved.recorder.requests


def test_a_delete_answered_204_prints_what_could_be_read(saved: RecruiteeSandbox) -> None:
    # The write was carried out; printing its unreadable answer raised TypeError (an
    # unset required field), so the command failed after the delete.
    saved.faults.add(Fault(method="DELETE", path=r"/candidates/\d+$", status=204))
    try:
        deleted = hirelink("run", "recruitee.delete_candidate", "-c", "rc", "candidate_id=7730001")
    finally:
        saved.faults.clear()
    assert deleted.exit_code == 0, deleted.output
    assert json.loads(deleted.stdout) is not None


def test_a_date_given_as_text_for_a_text_or_date_input_is_a_date(saved: RecruiteeSandbox) -> None:
    # JSON has no dates: pydantic's smart mode took "2026-01-15" as text, so a date field
    # could not be written from the catalog (a text field of the same name was).
    written = hirelink(
        "run", "recruitee.set_candidate_field", "-c", "rc",
        "candidate_id=7730001", "name=Verified on", "value=2026-01-15",
    )  # fmt: skip
    assert written.exit_code == 0, written.output
    field = json.loads(written.stdout)
    assert field["kind"] == "date"
    assert field["values"] == [{"date": "2026-01-15"}]
    text = hirelink(
        "run", "recruitee.set_candidate_field", "-c", "rc",
        "candidate_id=7730001", "name=Identity check", "value=passed",
    )  # fmt: skip
    assert json.loads(text.stdout)["kind"] == "single_line"
    # Text of digits stays text: pydantic read "0" as a Unix time, 1970-01-01.
    digits = hirelink(
        "run", "recruitee.set_candidate_field", "-c", "rc", "--input",
        '{"candidate_id": 7730001, "name": "Score", "value": "0"}',
    )  # fmt: skip
    assert json.loads(digits.stdout)["values"] == [{"text": "0"}]


def test_describe_shows_an_input_s_choices_once() -> None:
    # A Literal and the generated enum it restates were listed twice, in two orders.
    described = hirelink("ops", "describe", "join.list_applications").stdout
    lines = [line for line in described.splitlines() if line.strip().startswith("hiring_state")]
    assert lines  # among the inputs, and among those of --all
    for line in lines:
        assert line.count("APPLIED") == 1, line


def test_describe_shows_the_shape_of_an_output_that_is_not_an_object() -> None:
    assert _output_section("recruitee_partners.regenerate_partner_secret").startswith("string")
    for deleting in ("recruitee_partners.delete_report", "personio.delete_webhook"):
        assert _output_section(deleting) == "none (the result is null)"
    field = _output_section("recruitee.get_candidate_field")
    assert field.startswith("null or object with: id, kind, name")
    assert "free-form" not in field


@pytest.mark.parametrize("columns", [40, 48])
def test_tables_in_a_very_narrow_terminal_drop_nothing(config_dir: Path, columns: int) -> None:
    code, screen = _run_in_terminal(
        ["ops", "list", "--provider", "recruitee_partners"], None, config_dir, columns=columns
    )
    assert code == 0, screen
    shown = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", screen).split())
    for operation in load_providers().operations("recruitee_partners"):
        for cell in (operation.id, operation.title, operation.summary):
            assert " ".join(cell.split()) in shown, (cell, screen)
    assert "…" not in screen


def test_a_long_value_in_a_narrow_terminal_stays_whole_for_copying(config_dir: Path) -> None:
    url = "http://127.0.0.1:18103/a/long/path/that/does/not/fit/forty/columns/v2"
    nickname = "identity-checks-production-eu"  # too wide for a table at 40 columns: blocks
    added = hirelink("credentials", "add", nickname, "--provider", "join",
                     "--set", f"base_url={url}", stdin="jt_long_value_1\n")  # fmt: skip
    assert added.exit_code == 0, added.output
    code, screen = _run_in_terminal(["credentials", "list"], None, config_dir, columns=40)
    assert code == 0, screen
    assert nickname in screen
    assert url in screen.replace("\r", ""), screen  # not cut across lines mid-word


def _fourth_of_four_free_ports_taken() -> socket.socket:
    """A socket listening on the last of four free ports in a row; they are looked for
    below Linux's ephemeral range, where ports come and go."""
    for first in range(20000, 30000, 4):
        probes = [socket.socket() for _ in range(4)]
        try:
            for offset, probe in enumerate(probes):
                probe.bind(("127.0.0.1", first + offset))
        except OSError:
            for probe in probes:
                probe.close()
            continue
        for probe in probes[:3]:
            probe.close()
        probes[3].listen()
        return probes[3]
    raise AssertionError("no four free ports in a row")


def test_sandbox_serve_names_the_port_in_use(config_dir: Path) -> None:
    with _fourth_of_four_free_ports_taken() as taken:
        busy = taken.getsockname()[1]
        result = hirelink("sandbox", "serve", "--port", str(busy - 3), "--max-lifetime", "5")
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"cannot listen on {busy}:" in result.stderr


def test_credentials_add_refuses_an_unknown_field_before_asking_for_a_secret(
    config_dir: Path,
) -> None:
    typed = "jt_live_typed_for_nothing"
    misspelled = hirelink(
        "credentials", "add", "rc", "--provider", "recruitee",
        "--set", "company_id=4100", "--set", "tokn=abc", stdin=typed + "\n",
    )  # fmt: skip
    assert misspelled.exit_code == EXIT_BAD_INPUT
    assert "credential.tokn: not a recruitee credential field" in misspelled.stderr
    assert "token (" not in misspelled.stdout  # never prompted
    badly_named = hirelink("credentials", "add", "a nick", "--provider", "join", stdin=typed + "\n")
    assert badly_named.exit_code == EXIT_BAD_INPUT
    assert "nickname:" in badly_named.stderr
    assert "token (" not in badly_named.stdout


def test_credentials_add_reads_required_fields_from_a_pipe_and_names_one_missing(
    config_dir: Path,
) -> None:
    piped = hirelink("credentials", "add", "jp", "--provider", "join", stdin="jt_piped_123\n")
    assert piped.exit_code == 0, piped.output
    assert "Warning" not in piped.output
    assert "jt_piped_123" in (config_dir / "credentials.toml").read_text()
    empty = hirelink("credentials", "add", "je", "--provider", "join", stdin="")
    assert empty.exit_code == EXIT_BAD_INPUT  # bad input, not "Aborted." and exit 1
    assert "token: is required: give it with --set or on stdin" in empty.stderr


def test_credentials_add_reads_piped_fields_as_utf8_without_a_byte_order_mark(
    config_dir: Path,
) -> None:
    """Notepad ("UTF-8 with BOM") and PowerShell 5.1 (``Out-File -Encoding utf8``) start a
    file with a byte order mark: piped in, it was kept in the token, and every use of the
    credential then exited 2."""
    piped = runner.invoke(
        app,
        ["credentials", "add", "jb", "--provider", "join"],
        input=b"\xef\xbb\xbfjt_notepad_123\r\n",
        catch_exceptions=False,
    )
    assert piped.exit_code == 0, piped.output
    stored = tomllib.loads((config_dir / "credentials.toml").read_text(encoding="utf-8"))
    assert stored["credentials"]["jb"]["token"] == "jt_notepad_123"
    not_utf8 = runner.invoke(
        app,
        ["credentials", "add", "jl", "--provider", "join"],
        input="jt_caf\u00e9\n".encode("latin-1"),
        catch_exceptions=False,
    )
    assert not_utf8.exit_code == EXIT_BAD_INPUT
    assert "token: standard input is not UTF-8 text" in not_utf8.stderr


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_credentials_add_reads_a_piped_field_as_utf8_under_an_ascii_locale(
    config_dir: Path,
) -> None:
    """Under ``LC_ALL=C`` with ``PYTHONUTF8=0`` Python reads standard input as ASCII: a
    line holding "ö" was saved as lone surrogates, and the save failed with a traceback."""
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "HIRELINK_CONFIG_DIR": str(config_dir)}
    env.pop("PYTHONIOENCODING", None)
    added = subprocess.run(  # noqa: S603 - our own command
        [*_command(), "credentials", "add", "jc", "--provider", "join"],
        input="jt_t\u00f6ken\n".encode(),
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert added.returncode == 0, added.stderr.decode("utf-8", "replace")
    stored = tomllib.loads((config_dir / "credentials.toml").read_text(encoding="utf-8"))
    assert stored["credentials"]["jc"]["token"] == "jt_t\u00f6ken"


def _waiting(pid: int) -> bool:
    """Whether the main thread of process ``pid`` sleeps (where there is /proc)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] == "S"
    except FileNotFoundError:  # no /proc (macOS): nothing to wait for; or ended
        return True


def _answer_in_terminal(
    arguments: list[str], answers: list[tuple[bytes, str | bytes]], config_dir: Path
) -> tuple[int, str]:
    """Run the command on a pseudo-terminal that is its controlling terminal (so a hidden
    prompt turns echo off) and type each answer (text and Enter, or keys as bytes) once
    its prompt text is on the screen; return (code, screen)."""
    primary, secondary = os.openpty()
    env = {**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir), "TERM": "dumb"}

    def own_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(  # noqa: S603 - our own command
        [*_command(), *arguments],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        preexec_fn=own_terminal,
    )
    os.close(secondary)
    screen, pending, since = bytearray(), list(answers), 0
    deadline = time.monotonic() + 60
    while True:
        ready, _, _ = select.select([primary], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            process.kill()
            raise AssertionError(f"still running after 60 s: {screen.decode(errors='replace')}")
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the command ended
            break
        if not chunk:
            break
        screen += chunk
        # A hidden prompt ends with getpass's " ", written once echo is off.
        if pending and re.search(re.escape(pending[0][0]) + rb"[^\n]*\): ", screen[since:]):
            answer = pending.pop(0)[1]
            if isinstance(answer, bytes):
                # A signal a key sends before the read starts leaves the read waiting.
                wait_until(lambda: _waiting(process.pid), "the command waiting for a key")
            os.write(primary, answer if isinstance(answer, bytes) else answer.encode() + b"\r")
            since = len(screen)
    os.close(primary)
    return process.wait(timeout=120), screen.decode(errors="replace")


def test_credentials_add_asks_for_optional_secrets_hidden_in_a_terminal(
    config_dir: Path,
) -> None:
    recruiting_token = "papi-typed-4c1d9e7b"
    code, screen = _answer_in_terminal(
        ["credentials", "add", "px", "--provider", "personio", "--set", "subdomain=nordlicht"],
        [(b"recruiting_token (", recruiting_token), (b"client_secret (", "")],
        config_dir,
    )
    assert code == 0, screen
    assert "Enter skips it" in screen
    assert recruiting_token not in screen  # not echoed
    stored = tomllib.loads((config_dir / "credentials.toml").read_text())["credentials"]["px"]
    assert stored["recruiting_token"] == recruiting_token
    assert "client_secret" not in stored  # skipped with Enter


@pytest.mark.parametrize(
    ("provider", "prompt"),
    [("join", b"token ("), ("recruitee", b"company_id (")],  # hidden, shown
)
def test_ctrl_c_at_a_prompt_exits_130_and_ctrl_d_is_no_value_given(
    config_dir: Path, provider: str, prompt: bytes
) -> None:
    # Both printed "Aborted." and exited 1, as an API error does; Ctrl-C exits any other
    # command with 130.
    adding = ["credentials", "add", "typed", "--provider", provider]
    code, screen = _answer_in_terminal(adding, [(prompt, b"\x03")], config_dir)
    assert code == 130, screen
    assert "Aborted" not in screen
    code, screen = _answer_in_terminal(adding, [(prompt, b"\x04")], config_dir)
    assert code == EXIT_BAD_INPUT, screen
    field_name = prompt.decode().removesuffix(" (")
    assert f"{field_name}: no value given (the input ended)" in screen
    assert not (config_dir / "credentials.toml").exists()


def test_credentials_add_without_a_terminal_asks_for_no_optional_secret(
    config_dir: Path,
) -> None:
    added = hirelink(
        "credentials", "add", "pt", "--provider", "recruitee_partners",
        "--set", "codename=skillcheck", stdin="never-read-3f9a\n",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "personal_token (" not in added.stdout
    assert "partner_secret (" not in added.stdout
    listed = hirelink("credentials", "list")
    assert "pt" in listed.stdout


def test_sandbox_commands_without_the_stand_ins_say_how_to_install_them(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *rest: None if name == "hirelink.sandbox" else real_find_spec(name, *rest),
    )
    result = hirelink("sandbox", "serve")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "not installed" in result.stderr
    assert "pip install -U 'hirelink[sandbox]'" in result.stderr


def test_sandbox_commands_with_stand_ins_too_old_say_how_to_upgrade(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # hirelink 0.1 required hirelink-sandbox 0.1 directly; `pip install -U hirelink` keeps
    # it, and the commands ended in an ImportError's traceback, exit 1.
    old_sandbox = types.ModuleType("hirelink.sandbox")  # 0.1 had neither name
    old_sandbox.__spec__ = importlib.machinery.ModuleSpec("hirelink.sandbox", None)
    monkeypatch.setitem(sys.modules, "hirelink.sandbox", old_sandbox)
    for command in (["demo"], ["sandbox", "serve"]):
        result = hirelink(*command)
        assert result.exit_code == EXIT_BAD_INPUT, result.output
        assert "is too old for it" in result.stderr
        assert "pip install -U 'hirelink[sandbox]'" in result.stderr


def test_sandbox_commands_whose_stand_ins_miss_a_requirement_say_which(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any ImportError was reported as "too old": an upgrade of a current package was
    # suggested, and the error that named the missing requirement was dropped.
    broken = types.ModuleType("hirelink.sandbox")
    broken.__spec__ = importlib.machinery.ModuleSpec("hirelink.sandbox", None)

    def missing_requirement(name: str) -> object:
        raise ModuleNotFoundError("No module named 'starlette'", name="starlette")

    broken.__getattr__ = missing_requirement  # type: ignore[method-assign]
    monkeypatch.setitem(sys.modules, "hirelink.sandbox", broken)
    result = hirelink("sandbox", "serve")
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "No module named 'starlette'" in result.stderr
    assert "too old" not in result.stderr


def _create_candidate(
    env: dict[str, str], *given: str, stdin: str | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``hirelink run recruitee.create_candidate -c rc`` with ``given``, in ``env``."""
    return subprocess.run(  # noqa: S603 - our own command
        [*_command(), "run", "recruitee.create_candidate", "-c", "rc", *given],
        input=None if stdin is None else stdin.encode(),
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_text_typed_under_an_ascii_locale_is_read_as_utf8(
    saved: RecruiteeSandbox, config_dir: Path
) -> None:
    """Under ``LC_ALL=C`` with ``PYTHONUTF8=0`` Python reads the command line as ASCII:
    ``name=Zoë`` was refused as text holding a lone surrogate, and so was ``--input``."""
    env = {
        **os.environ,
        "LC_ALL": "C",
        "PYTHONUTF8": "0",
        "PYTHONIOENCODING": "utf-8",
        "HIRELINK_CONFIG_DIR": str(config_dir),
    }
    for given in (["name=Zoë Ünal"], ["--input", '{"name": "Zoë Ünal"}']):
        created = _create_candidate(env, *given)
        assert created.returncode == 0, created.stderr.decode("utf-8", "replace")
        assert saved.state.records()[-1].data["name"] == "Zoë Ünal"


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_a_console_in_a_narrow_code_page_gets_escaped_json_not_a_failed_write(
    saved: RecruiteeSandbox, config_dir: Path
) -> None:
    """Windows writes a redirected stdout in its ANSI code page: a name it lacks failed the
    command with a traceback after the candidate was created (exit 1 invites a rerun, so a
    duplicate), and a watch died on the same record at every restart."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "HIRELINK_CONFIG_DIR": str(config_dir)}
    created = _create_candidate(env, "name=王芳 Zhang-Müller")
    assert created.returncode == 0, created.stderr.decode("cp1252", "replace")
    # Pure ASCII on a code page: the same JSON, read alike whatever page decodes it
    # (PowerShell reads a native command's output in the OEM page, not the ANSI one).
    assert b"\\u738b\\u82b3 Zhang-M\\u00fcller" in created.stdout
    assert created.stdout.isascii()
    assert json.loads(created.stdout.decode("cp1252"))["name"] == "王芳 Zhang-Müller"
    assert saved.state.records()[-1].data["name"] == "王芳 Zhang-Müller"

    # Standard input is UTF-8 whatever the console's code page, a byte order mark or not.
    piped = _create_candidate(env, "--input", "@-", stdin='\ufeff{"name": "Jürgen Müller"}')
    assert piped.returncode == 0, piped.stderr.decode("cp1252", "replace")
    assert saved.state.records()[-1].data["name"] == "Jürgen Müller"

    listed = subprocess.run(  # noqa: S603 - our own command
        [*_command(), "run", "recruitee.list_candidates", "-c", "rc", "query=Zhang", "--all"],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr.decode("cp1252", "replace")
    names = [json.loads(line)["name"] for line in listed.stdout.decode("cp1252").splitlines()]
    assert names == ["王芳 Zhang-Müller"]


def test_a_credentials_file_saved_by_windows_tools_is_read_or_named(config_dir: Path) -> None:
    """Notepad and PowerShell write a byte-order mark, 'ANSI' or UTF-16: a BOM is read
    past, the others are a clear error (they ended in a traceback)."""
    config_dir.mkdir(parents=True)
    stored = '[credentials.sb]\nprovider = "join"\ntoken = "j0in-token-Jürgen"\n'
    path = config_dir / "credentials.toml"
    path.write_bytes(b"\xef\xbb\xbf" + stored.encode())
    listed = hirelink("credentials", "list")
    assert listed.exit_code == 0, listed.stderr
    assert "sb" in listed.stdout
    for encoding, named in (("cp1252", "not UTF-8"), ("utf-16", "UTF-16")):
        path.write_bytes(stored.encode(encoding))
        refused = hirelink("credentials", "list")
        assert refused.exit_code == EXIT_BAD_INPUT
        assert named in refused.stderr
        assert "Traceback" not in refused.stderr


def test_a_credentials_file_that_is_a_link_stays_one(config_dir: Path, tmp_path: Path) -> None:
    # Dotfiles managers and mounted volumes link it: `credentials add` replaced the link
    # with a file of its own, and the linked copy kept the old secrets.
    config_dir.mkdir(parents=True)
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    (dotfiles / "credentials.toml").write_text("")
    link = config_dir / "credentials.toml"
    link.symlink_to(dotfiles / "credentials.toml")
    added = hirelink("credentials", "add", "sb", "--provider", "join", "--set=token=j0in-t0ken")
    assert added.exit_code == 0, added.stderr
    assert link.is_symlink()
    assert "j0in-t0ken" in (dotfiles / "credentials.toml").read_text()
    assert sorted(path.name for path in config_dir.iterdir()) == ["credentials.toml"]


def test_credentials_on_a_read_only_file_system_name_the_file_and_exit_2(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`credentials add` exited 1, as an API error, with a bare `[Errno 30] ...
    credentials.toml.lock`; `watch --checkpoint` said which file and why, and exited 2."""
    added = hirelink("credentials", "add", "j", "--provider", "join", "--set=token=j0in-t0ken")
    assert added.exit_code == 0, added.stderr

    def read_only(path: Path) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(file_updates, "open_lock_file", read_only)
    toml = config_dir / "credentials.toml"
    expected = f"error: credentials: {toml}: Read-only file system ({toml}.lock)\n"
    for command in (
        ["add", "k", "--provider", "join", "--set=token=k0in-t0ken"],
        ["remove", "j"],
    ):
        refused = hirelink("credentials", *command)
        assert refused.exit_code == EXIT_BAD_INPUT, refused.output
        assert refused.stderr == expected
    assert CredentialStore(load_providers()).nicknames() == ["j"]


def test_credentials_added_at_once_by_threads_are_all_kept(config_dir: Path) -> None:
    # One scratch file for every writer, and no turn-taking: the file ended as invalid
    # TOML, or kept 2 to 5 of the 16.
    store = CredentialStore(load_providers())
    errors: list[BaseException] = []
    start = threading.Barrier(16)

    def add(number: int) -> None:
        start.wait()
        try:
            store.add(f"join-{number}", "join", {"token": f"t0ken-{number}"})
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=add, args=(number,)) for number in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert store.nicknames() == sorted(f"join-{number}" for number in range(16))
    assert [p.name for p in config_dir.glob("*.tmp")] == []


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_credentials_added_at_once_by_processes_are_all_kept(
    config_dir: Path, tmp_path: Path
) -> None:
    # `hirelink credentials add` run in parallel (xargs -P, a provisioning script): each
    # answered ok, and the file kept some of them.
    script = (
        "import pathlib, sys, time\n"
        "from hirelink.operations import load_providers\n"
        "from hirelink.operations.credentials import CredentialStore\n"
        "store = CredentialStore(load_providers())\n"
        "go = pathlib.Path(sys.argv[2])\n"
        "go.with_name(f'ready-{sys.argv[1]}').touch()\n"
        "while not go.exists():\n"
        "    time.sleep(0.005)\n"
        "for round in range(10):\n"
        "    store.add(f'p{sys.argv[1]}-{round}', 'join', {'token': 't0ken'})\n"
    )
    go = tmp_path / "go"
    command = [sys.executable, "-c", script]
    workers = [
        subprocess.Popen([*command, str(number), str(go)])  # noqa: S603 - our own script
        for number in range(3)
    ]
    all_ready = lambda: len(list(tmp_path.glob("ready-*"))) == len(workers)  # noqa: E731
    wait_until(all_ready, "every worker imported (they start at once)", timeout=60)
    go.touch()
    assert [worker.wait(60) for worker in workers] == [0] * 3
    store = CredentialStore(load_providers())
    expected = sorted(f"p{number}-{round}" for number in range(3) for round in range(10))
    assert store.nicknames() == expected


def test_verbose_logs_retries_and_requests_on_stderr_and_warnings_show_their_level(
    saved: RecruiteeSandbox,
) -> None:
    # Nothing below a warning could be seen, and a warning came bare (no level, no logger).
    import logging

    hirelink_logger = logging.getLogger("hirelink")
    handlers, level = list(hirelink_logger.handlers), hirelink_logger.level
    saved.faults.add(Fault(method="GET", path=r"/offers$", status=503))
    quiet = hirelink("run", "recruitee.list_offers", "-c", "rc")
    assert quiet.exit_code == 0
    assert "retrying GET" not in quiet.stderr
    saved.faults.add(Fault(method="GET", path=r"/offers$", status=503))
    told = hirelink("-v", "run", "recruitee.list_offers", "-c", "rc")
    assert told.exit_code == 0
    assert "INFO hirelink.retry: retrying GET" in told.stderr
    assert json.loads(told.stdout)  # the answer alone on stdout
    assert "DEBUG hirelink.http" not in told.stderr
    everything = hirelink("-vv", "run", "recruitee.list_offers", "-c", "rc")
    assert "DEBUG hirelink.http" in everything.stderr
    assert saved.token not in everything.stderr + everything.stdout
    saved.faults.add(Fault(method="POST", path=r"/candidates$", kind="cut"))
    cut = hirelink("run", "recruitee.create_candidate", "-c", "rc", "name=Ada Byron")
    assert "WARNING hirelink.reading: create_candidate: HTTP 201" in cut.stderr
    # Each command leaves the process's logging as it found it (-vv set DEBUG for good).
    assert (hirelink_logger.handlers, hirelink_logger.level) == (handlers, level)


def test_verbose_is_shown_taking_no_value_and_said_to_go_before_the_command() -> None:
    # Help showed `--verbose -v <int>`, and `ops list -v` got a bare "No such option: -v".
    helped = hirelink("--help", COLUMNS="200")
    (line,) = [line for line in helped.stdout.splitlines() if "--verbose" in line]
    assert re.search(r"--verbose\s+-v\s+Log what hirelink does", line), line
    for verbose in ("-v", "-vv", "--verbose"):
        refused = hirelink("ops", "list", verbose, COLUMNS="200")
        assert refused.exit_code == EXIT_BAD_INPUT
        name = verbose[:2] if verbose == "-vv" else verbose
        assert "No such option" in refused.stderr  # click's words vary: "'-v'." or ": -v"
        assert (
            f"({name} is hirelink's own option: give it before the command, hirelink {name}"
            " ops list ...)"
        ) in refused.stderr
    unknown = hirelink("ops", "list", "-x", COLUMNS="200")
    assert re.search(r"No such option(: -x|\s'-x'\.)\s", unknown.stderr)  # no more
    assert "hirelink's own option" not in unknown.stderr
    # Run as a module, the advice said `python -v -m hirelink.cli ops list`: Python's -v.
    as_module = subprocess.run(
        [sys.executable, "-m", "hirelink.cli", "ops", "list", "-v"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )
    assert "give it before the command, python -m hirelink.cli -v ops list" in as_module.stderr


# --- scripts: a full disk, FORCE_COLOR, a closed stdin, SIGTERM ---------------------------


def _in_a_script(
    arguments: list[str], config_dir: Path, redirections: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the command as a shell script would, with ``redirections`` (``>/dev/full``)."""
    import shlex

    return subprocess.run(  # noqa: S603 - our own command, through sh for its redirections
        ["/bin/sh", "-c", f"exec {shlex.join([*_command(), *arguments])} {redirections}"],
        stdout=None if redirections.startswith(">") else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir), **env},
    )


@pytest.mark.primary_only  # version-independent: a command in a subprocess
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_that_cannot_be_written_is_one_line_and_says_a_write_was_done(
    config_dir: Path, recruitee_sandbox: StandIn[RecruiteeSandbox]
) -> None:
    """A full disk (`> out.json`) gave a traceback and exit 120, a code no script knows,
    after the note was created: the job ran it again."""
    settings = [f"--set={k}={v}" for k, v in recruitee_sandbox.details.items()]
    assert hirelink("credentials", "add", "rc", "--provider", "recruitee", *settings).exit_code == 0
    before = recruitee_sandbox.hits("POST", "/notes")
    note = ["run", "recruitee.create_candidate_note", "-c", "rc"]
    written = _in_a_script([*note, "candidate_id=7730001", "body=x"], config_dir, ">/dev/full")
    assert recruitee_sandbox.hits("POST", "/notes") == before + 1
    assert written.returncode == EXIT_UNAVAILABLE, written.stderr
    assert "could not write the output: No space left on device" in written.stderr
    assert "create_candidate_note succeeded (a write was carried out" in written.stderr
    read = _in_a_script(["run", "recruitee.list_offers", "-c", "rc"], config_dir, ">/dev/full")
    assert read.returncode == EXIT_UNAVAILABLE, read.stderr  # run cannot tell a read apart
    # --all only reads, and stops when its output cannot be written: nothing succeeded.
    walk = _in_a_script(
        ["run", "recruitee.list_candidates", "-c", "rc", "--all"], config_dir, ">/dev/full"
    )
    assert walk.returncode == EXIT_API_ERROR, walk.stderr
    assert walk.stderr.startswith("error: could not write the output"), walk.stderr
    assert "succeeded" not in walk.stderr
    for listing in (["--version"], ["ops", "list"]):
        failed = _in_a_script(listing, config_dir, ">/dev/full")
        assert failed.returncode == EXIT_API_ERROR, (listing, failed.stderr)
        assert failed.stderr.startswith("error: could not write the output"), failed.stderr
        assert "Traceback" not in failed.stderr
    # Started with standard output closed: an AttributeError after the write.
    closed = _in_a_script([*note, "candidate_id=7730001", "body=y"], config_dir, ">&-")
    assert recruitee_sandbox.hits("POST", "/notes") == before + 2
    assert closed.returncode == EXIT_UNAVAILABLE, closed.stderr
    assert "standard output is closed; recruitee.create_candidate_note succeeded" in closed.stderr
    listed = _in_a_script(["ops", "list"], config_dir, ">&-")
    assert listed.returncode == EXIT_API_ERROR, listed.stderr
    assert "Traceback" not in listed.stderr


@pytest.mark.primary_only  # version-independent: a command in a subprocess
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("arguments", [["--help"], [], ["run", "--help"]])
def test_help_that_cannot_be_written_is_one_line(config_dir: Path, arguments: list[str]) -> None:
    # hirelink's own help (asked for, or for no command) gave a traceback of 59 lines.
    failed = _in_a_script(arguments, config_dir, ">/dev/full")
    assert failed.returncode == EXIT_API_ERROR, failed.stderr
    assert failed.stderr == "error: could not write the output: No space left on device\n"


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_a_config_directory_that_is_a_file_is_named_not_taken_for_the_output(
    tmp_path: Path,
) -> None:
    taken = tmp_path / "not-a-directory"
    taken.write_text("")
    added = _in_a_script(
        ["credentials", "add", "j", "--provider", "join", "--set", "token=t0ken-for-a-test"],
        taken,
    )
    assert added.returncode == EXIT_BAD_INPUT, added.stderr  # the file's, as --checkpoint's
    assert "could not write the output" not in added.stderr
    assert str(taken) in added.stderr
    assert "Traceback" not in added.stderr


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_force_color_changes_no_table_in_a_pipe(config_dir: Path) -> None:
    """CI jobs set FORCE_COLOR for colour: tables in a pipe wrapped at 80 columns, with
    escape codes, and broke `awk` over them."""
    plain = _in_a_script(["ops", "list"], config_dir)
    forced = _in_a_script(["ops", "list"], config_dir, FORCE_COLOR="1")
    assert plain.returncode == forced.returncode == 0
    assert forced.stdout == plain.stdout
    assert "\x1b" not in forced.stdout
    assert len(plain.stdout.splitlines()) == len(load_providers().operations()) + 1


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_force_color_colours_no_piped_output(config_dir: Path) -> None:
    # ops describe and sandbox serve wrote escape codes into a pipe (bold, highlights).
    described = _in_a_script(["ops", "describe", "join.get_job"], config_dir, FORCE_COLOR="1")
    assert described.returncode == 0, described.stderr
    assert described.stdout.startswith("join.get_job — Retrieve Job (JOIN)\n")
    assert "\x1b" not in described.stdout


def test_ops_describe_shows_the_provider_in_plain_parentheses(config_dir: Path) -> None:
    # rich's highlighter made the parentheses around the provider's title bold.
    code, screen = _run_in_terminal(["ops", "describe", "join.get_job"], None, config_dir)
    assert code == 0, screen
    assert "— Retrieve Job (JOIN)\r\n" in screen
    assert "\x1b[1mjoin.get_job\x1b[0m" in screen  # the id is bold: the terminal has colour


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_a_closed_standard_input_is_no_input_not_a_crash(config_dir: Path) -> None:
    closed = _in_a_script(
        ["run", "recruitee.list_offers", "-c", "x", "--input", "@-"], config_dir, "<&-"
    )
    assert closed.returncode == EXIT_BAD_INPUT, closed.stderr
    assert "Traceback" not in closed.stderr
    added = _in_a_script(["credentials", "add", "j", "--provider", "join"], config_dir, "<&-")
    assert added.returncode == EXIT_BAD_INPUT, added.stderr
    assert "token: is required" in added.stderr


def test_credentials_list_masks_a_password_in_a_url(config_dir: Path) -> None:
    base_urls = {
        "CI": "http://deploy:hunter22@127.0.0.1:9/v2",
        "CJ": "http://deploy:hun/ter22@127.0.0.1:9/v2",
        "CK": "http://deploy:8641/x@127.0.0.1:9/v2",
    }
    environment: dict[str, str] = {}
    for nickname, base_url in base_urls.items():
        prefix = f"HIRELINK_CREDENTIAL_{nickname}_"
        environment |= {f"{prefix}PROVIDER": "join", f"{prefix}BASE_URL": base_url}
        environment[f"{prefix}TOKEN"] = "join-token-for-ci"
    listed = hirelink("credentials", "list", **environment)
    assert listed.exit_code == 0, listed.output
    assert "base_url=http://deploy:***@127.0.0.1:9/v2" in listed.stdout
    assert "hunter22" not in listed.output
    assert "ter22" not in listed.output  # a password holding an unescaped "/"
    assert "8641" not in listed.output  # its digits before the "/" read as a port
    assert "join-token-for-ci" not in listed.output


def test_a_failure_no_retry_changes_is_not_exit_6() -> None:
    """A script retrying on 6 ("try later") looped on a certificate that does not verify."""
    from hirelink.cli.main import _exit_code
    from hirelink.core import ApiConnectionError

    assert _exit_code(ApiConnectionError("certificate verify failed", permanent=True)) == 1
    assert _exit_code(ApiConnectionError("connection refused")) == EXIT_UNAVAILABLE


# --- settings: blank and misspelt variables, blank values, the config directory ----------


def test_an_empty_or_blank_variable_leaves_the_stored_value(saved: RecruiteeSandbox) -> None:
    """`HIRELINK_CREDENTIAL_RC_BASE_URL=` (a docker env-file's empty line) hid the stored
    base_url, and the stored token went to production."""
    for blank in ("", "  "):
        saved.recorder.clear()
        result = hirelink(
            "run", "recruitee.list_offers", "-c", "rc", HIRELINK_CREDENTIAL_RC_BASE_URL=blank
        )
        assert result.exit_code == 0, result.output
        assert saved.recorder.requests  # the stand-in at the stored base_url answered
    environ = {"HIRELINK_CREDENTIAL_RC_COMPANY_ID": " 4100 ", "HIRELINK_CREDENTIAL_RC_TOKEN": ""}
    store = CredentialStore(load_providers(), environ=environ)
    assert store.get("rc").values["company_id"] == "4100"  # a set one is used stripped
    assert store.overriding_variable("rc", "token") is None
    assert store.overriding_variable("rc", "company_id") == "HIRELINK_CREDENTIAL_RC_COMPANY_ID"


def test_a_blank_secret_is_refused_by_add_and_counts_as_missing(config_dir: Path) -> None:
    """`--set 'token= '` was saved, and every later use of the file ended in a traceback."""
    added = hirelink("credentials", "add", "good", "--provider", "join", "--set=token=jt-good")
    assert added.exit_code == 0, added.stderr
    path = config_dir / "credentials.toml"
    before = path.read_bytes()
    blank = hirelink("credentials", "add", "blank", "--provider", "join", "--set", "token= ")
    assert blank.exit_code == EXIT_BAD_INPUT
    assert "credential.token: is required" in blank.stderr
    assert path.read_bytes() == before
    path.write_text(path.read_text() + '[credentials.edited]\nprovider = "join"\ntoken = " "\n')
    used = hirelink("run", "join.list_categories", "-c", "edited")
    assert used.exit_code == EXIT_BAD_INPUT
    assert "credential 'edited' has no token" in used.stderr
    listed = hirelink("credentials", "list")
    assert listed.exit_code == 0, listed.output
    assert "good" in listed.stdout
    assert "unusable" in listed.stdout
    overridden = CredentialStore(
        load_providers(), environ={"HIRELINK_CREDENTIAL_GOOD_TOKEN": " "}
    ).get("good")
    assert overridden.values["token"].reveal() == "jt-good"


def test_a_misspelt_credential_variable_is_refused_naming_it(config_dir: Path) -> None:
    """`..._BASEURL` was ignored, and a credential of the environment alone went to
    production."""
    secret_url = "http://127.0.0.1:9/secret-looking-path"
    result = hirelink(
        "run", "join.list_categories", "-c", "ci",
        HIRELINK_CREDENTIAL_CI_PROVIDER="join", HIRELINK_CREDENTIAL_CI_TOKEN="jt-ci",
        HIRELINK_CREDENTIAL_CI_BASEURL=secret_url,
    )  # fmt: skip
    assert result.exit_code == EXIT_BAD_INPUT
    assert "HIRELINK_CREDENTIAL_CI_BASEURL: names no field of credential 'ci'" in result.stderr
    assert "HIRELINK_CREDENTIAL_CI_BASE_URL" in result.stderr
    assert secret_url not in result.output


def test_variables_of_a_nickname_beginning_with_another_are_not_refused(
    config_dir: Path,
) -> None:
    added = hirelink("credentials", "add", "acme-hr", "--provider", "join", "--set=token=jt-1")
    assert added.exit_code == 0, added.stderr
    environ = {
        "HIRELINK_CREDENTIAL_ACME_PROVIDER": "join",
        "HIRELINK_CREDENTIAL_ACME_TOKEN": "jt-acme",
        "HIRELINK_CREDENTIAL_ACME_JOBS_PROVIDER": "join",  # of the environment alone
        "HIRELINK_CREDENTIAL_ACME_JOBS_TOKEN": "jt-jobs",
        "HIRELINK_CREDENTIAL_ACME_JOBS_BASE_URL": "http://127.0.0.1:9/v2",
        "HIRELINK_CREDENTIAL_ACME_HR_BASE_URL": "http://127.0.0.1:9/v2",  # stored acme-hr
    }
    store = CredentialStore(load_providers(), environ=environ)
    assert store.get("acme").values["token"].reveal() == "jt-acme"
    assert "base_url" not in store.get("acme").values
    assert store.get("acme-hr").values["base_url"] == "http://127.0.0.1:9/v2"
    with pytest.raises(InvalidInputError) as caught:
        CredentialStore(
            load_providers(), environ={**environ, "HIRELINK_CREDENTIAL_ACME_TOKN": "x"}
        ).get("acme")
    assert caught.value.field == "HIRELINK_CREDENTIAL_ACME_TOKN"


def test_a_shorter_nicknames_variable_leaves_a_longer_one_usable(config_dir: Path) -> None:
    # `shop`'s ..._SHOP_BASE_URL begins like the variables of `shop-base`, which it made
    # unusable ("names no field of credential 'shop-base'").
    for nickname in ("shop", "shop-base"):
        added = hirelink("credentials", "add", nickname, "--provider", "join", "--set=token=jt")
        assert added.exit_code == 0, added.stderr
    environ = {"HIRELINK_CREDENTIAL_SHOP_BASE_URL": "http://127.0.0.1:9/v2"}
    store = CredentialStore(load_providers(), environ=environ)
    assert store.get("shop").values["base_url"] == "http://127.0.0.1:9/v2"
    assert "base_url" not in store.get("shop-base").values


def test_add_refuses_a_misspelt_variable_before_saving(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It saved the credential, then failed on the variable: a script saw exit 2 and
    # took it that nothing was written.
    monkeypatch.setenv("HIRELINK_CREDENTIAL_NEWTWO_BASEURL", "http://127.0.0.1:9/v2")
    refused = hirelink("credentials", "add", "newtwo", "--provider", "join", "--set=token=jt")
    assert refused.exit_code == EXIT_BAD_INPUT, refused.output
    assert "HIRELINK_CREDENTIAL_NEWTWO_BASEURL" in refused.stderr
    assert CredentialStore(load_providers(), environ={}).nicknames() == []


def test_a_config_dir_given_with_a_tilde_is_expanded_and_a_relative_one_refused(
    config_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set where no shell expands `~` (a docker env-file, systemd), the credentials were
    written to a `~` folder in the current directory."""
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", " ~/.config/hirelink")
    added = hirelink("credentials", "add", "j", "--provider", "join", "--set=token=jt-1")
    assert added.exit_code == 0, added.stderr
    assert (home / ".config" / "hirelink" / "credentials.toml").is_file()
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", "settings/hirelink")
    for command in (
        ("credentials", "add", "j", "--provider", "join", "--set=token=jt-1"),
        ("credentials", "list"),  # it listed none, and `run` said to add the credential
        ("run", "join.list_categories", "-c", "j"),
    ):
        refused = hirelink(*command)
        assert refused.exit_code == EXIT_BAD_INPUT, (command, refused.output)
        assert "HIRELINK_CONFIG_DIR: 'settings/hirelink' is not an absolute path" in refused.stderr
    assert list(work.iterdir()) == []


def test_an_unreadable_credentials_file_names_itself_and_exits_2(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = hirelink("credentials", "add", "j", "--provider", "join", "--set=token=jt-1")
    assert added.exit_code == 0, added.stderr
    toml = config_dir / "credentials.toml"
    read_bytes = Path.read_bytes

    def unreadable(path: Path) -> bytes:
        if path == toml:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    expected = f"error: credentials: {toml}: {os.strerror(errno.EACCES)}\n"
    for command in (("credentials", "list"), ("run", "join.list_categories", "-c", "j")):
        refused = hirelink(*command)
        assert refused.exit_code == EXIT_BAD_INPUT, refused.output
        assert refused.stderr == expected


def _has_text(value: object) -> bool:
    if isinstance(value, dict):
        return any(_has_text(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_text(item) for item in value)
    return isinstance(value, str)


# A stand-in for the command: it prints the --input it was given, reading @- from stdin.
_ECHO_INPUT = 'hirelink() { shift 5; if [ "$1" = "@-" ]; then cat; else printf "%s" "$1"; fi; }\n'


@pytest.mark.parametrize("operation", load_providers().operations(), ids=lambda o: o.id)
def test_each_describe_example_runs_as_shown_with_text_off_the_command_line(
    operation: Any,
) -> None:
    """The example was one line with the inputs in single quotes: an applicant's name or
    address, or a token, showed in `ps` and the shell's history, and a quote in the text
    broke it. Text now goes on standard input; the example still gives the same inputs."""
    described = hirelink("ops", "describe", operation.id).stdout
    example = described.split("\nexample:\n", 1)[1].split("\n\n", 1)[0]
    command_line = example.splitlines()[0]
    assert (" --input '" not in command_line) is _has_text(operation.example), command_line
    bash = shutil.which("bash")
    assert bash is not None
    ran = subprocess.run(  # noqa: S603 - the example we print, with hirelink a shell function
        [bash, "-c", _ECHO_INPUT + example], capture_output=True, text=True, check=True
    )
    assert json.loads(ran.stdout) == json.loads(json.dumps(operation.example))


# --- scripts hunt: a full stderr, prompts, piped credential lines, UTF-16, ignored SIGINT


def _run_command(
    arguments: list[str], config_dir: Path, *, stderr: Any = subprocess.PIPE, **options: Any
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # noqa: S603 - our own command
        [*_command(), *arguments],
        stdout=subprocess.PIPE,
        stderr=stderr,
        timeout=120,
        env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir)},
        check=False,
        **options,
    )


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def test_a_stderr_that_cannot_be_written_changes_no_result_and_no_exit_code(
    saved: RecruiteeSandbox, config_dir: Path
) -> None:
    """A warning logged mid-call (here a 429 retried, with -v) failed the call itself, and
    every error's exit code became 2, when stderr was a full disk."""
    from hirelink.sandbox import Fault

    saved.faults.add(Fault(method="GET", path=r"/candidates/7730011$", status=429, times=1,
                           headers={"Retry-After": "0"}))  # fmt: skip
    with open("/dev/full", "w") as full:
        found = _run_command(
            ["-v", "run", "recruitee.get_candidate", "-c", "rc", "candidate_id=7730011"],
            config_dir,
            stderr=full,
        )
        missing = _run_command(
            ["run", "recruitee.get_candidate", "-c", "rc", "candidate_id=999999"],
            config_dir,
            stderr=full,
        )
    assert found.returncode == 0
    assert json.loads(found.stdout)["id"] == 7730011
    assert missing.returncode == EXIT_NOT_FOUND


@pytest.mark.primary_only  # version-independent: a command on a pseudo-terminal
@pytest.mark.parametrize(
    ("provider", "answers"),
    [
        ("join", [(b"token", b"join-token-of-the-test")]),  # a hidden prompt
        ("recruitee", [(b"company_id", b"4100"), (b"token", b"recruitee-token-of-the-test")]),
    ],
)
def test_credential_prompts_go_to_the_terminal_not_to_redirected_output(
    config_dir: Path, tmp_path: Path, provider: str, answers: list[tuple[bytes, bytes]]
) -> None:
    """click wrote the prompts to stdout: with `> file` the terminal showed none (the
    command looked hung) and the file held them; a visible prompt's last character (a
    space) still went there through input()."""
    redirected = tmp_path / "out.txt"
    primary, secondary = os.openpty()

    def own_terminal() -> None:  # a hidden prompt reads its controlling terminal
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    with redirected.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own command
            [*_command(), "credentials", "add", "pa", "--provider", provider],
            stdin=secondary,
            stdout=out,
            stderr=secondary,
            env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir), "TERM": "dumb"},
            preexec_fn=own_terminal,
        )
        os.close(secondary)
        screen = bytearray()
        for field, answer in answers:
            since = len(screen)
            while not re.search(re.escape(field) + rb"[^\n]*\): ", screen[since:]):
                ready, _, _ = select.select([primary], [], [], 60)
                if not ready:
                    process.kill()
                    raise AssertionError(f"no {field!r} prompt on the terminal: {screen!r}")
                screen += os.read(primary, 4096)
            os.write(primary, answer + b"\r")
        assert process.wait(timeout=60) == 0
    os.close(primary)
    assert redirected.read_text().startswith(f"saved pa ({provider}) in ")


def test_piped_credential_lines_are_named_as_they_are_read(config_dir: Path) -> None:
    added = hirelink(
        "credentials", "add", "pr", "--provider", "recruitee", stdin="4100\nrecruitee-token\n"
    )
    assert added.exit_code == 0, added.output
    assert added.stderr.splitlines()[:2] == [
        "reading company_id from a line of standard input",
        "reading token from a line of standard input",
    ]


def test_inputs_saved_as_utf16_by_windows_powershell_are_read(
    saved: RecruiteeSandbox, config_dir: Path, tmp_path: Path
) -> None:
    inputs = tmp_path / "inputs.json"
    inputs.write_bytes('{"candidate_id": 7730011}'.encode("utf-16"))  # with its BOM
    from_file = hirelink("run", "recruitee.get_candidate", "-c", "rc", "--input", f"@{inputs}")
    assert from_file.exit_code == 0, from_file.output
    assert json.loads(from_file.stdout)["id"] == 7730011
    piped = _run_command(  # the bytes as they are, through a real pipe
        ["run", "recruitee.get_candidate", "-c", "rc", "--input", "@-"],
        config_dir,
        input=inputs.read_bytes(),
    )
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["id"] == 7730011


@pytest.mark.primary_only  # version-independent: a command in a subprocess
def _answering(url: str) -> bool:
    try:
        httpx.post(url, content=b"{}", timeout=1)
    except httpx.TransportError:
        return False
    return True


@pytest.mark.primary_only  # version-independent: a command in a subprocess
@pytest.mark.parametrize("ignored", [True, False], ids=["sigint-ignored", "stderr-full"])
def test_a_server_keeps_serving_through_an_ignored_sigint_and_a_full_stderr(
    config_dir: Path, ignored: bool
) -> None:
    """A background job of a script starts with SIGINT ignored: `run` kept ignoring it,
    but `webhooks serve` stopped on it (uvicorn takes SIGINT while it serves). With a
    stderr it could not write (a full disk), it exited 1 before serving."""
    port = free_port()
    with open("/dev/full", "w") as full:
        serving = subprocess.Popen(  # noqa: S603 - our own command
            [*_command(), "webhooks", "serve", "recruitee", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL if ignored else full,
            env={**os.environ, "HIRELINK_CONFIG_DIR": str(config_dir)},
            preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignored else None,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_until(lambda: serving.poll() is not None or _answering(url), "serving", timeout=60)
        assert serving.poll() is None, "it ended before serving"
        if ignored:
            serving.send_signal(signal.SIGINT)
            with pytest.raises(subprocess.TimeoutExpired):
                serving.wait(timeout=2)  # it went on serving
            assert _answering(url)
        serving.send_signal(signal.SIGTERM)
        assert serving.wait(timeout=60) == 0
    finally:
        serving.kill()
