"""The hirelink command: every operation, exit codes, messages, credentials."""

from __future__ import annotations

import json
import os
import stat
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from hirelink.cli.main import (
    EXIT_AUTH,
    EXIT_BAD_INPUT,
    EXIT_NOT_FOUND,
    EXIT_RATE_LIMITED,
    EXIT_UNAVAILABLE,
    app,
)
from hirelink.operations import load_providers
from hirelink.sandbox import RecruiteeSandbox, StandIn, serve_stand_in
from hirelink.sandbox.faults import Fault
from tools.redis_server import free_port

runner = CliRunner()


def hirelink(*arguments: str) -> Any:
    return runner.invoke(app, list(arguments), catch_exceptions=False)


@pytest.fixture
def saved(config_dir: Path, recruitee_sandbox: StandIn[RecruiteeSandbox]) -> RecruiteeSandbox:
    sandbox, credential = recruitee_sandbox.sandbox, recruitee_sandbox.client_kwargs()
    settings = [f"--set={k}={v}" for k, v in credential.items()]
    result = hirelink("credentials", "add", "rc", "--provider", "recruitee", *settings)
    assert result.exit_code == 0, result.output
    return sandbox


def test_every_operation_runs_through_the_command(
    config_dir: Path, stand_ins: dict[str, dict[str, Any]]
) -> None:
    for provider, credential in stand_ins.items():
        settings = [f"--set={k}={v}" for k, v in credential.items()]
        added = hirelink("credentials", "add", f"sb-{provider}", "--provider", provider, *settings)
        assert added.exit_code == 0, added.output
    for operation in load_providers().operations():
        provider = operation.provider.name
        inputs = json.dumps(operation.example)
        result = hirelink("run", operation.id, "--credential", f"sb-{provider}", "--input", inputs)
        assert result.exit_code == 0, (operation.id, result.output)
        jsonschema.validate(json.loads(result.stdout), operation.output_schema)


def test_key_value_inputs_and_input_files(saved: RecruiteeSandbox, tmp_path: Path) -> None:
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "limit=2", "sort=by_date")
    assert len(json.loads(result.stdout)["candidates"]) == 2
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"ids": [7730001, 7730002]}))
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--input", f"@{inputs}")
    assert sorted(c["id"] for c in json.loads(result.stdout)["candidates"]) == [7730001, 7730002]


def test_a_refused_field_is_printed_once(saved: RecruiteeSandbox) -> None:
    # The message now lists the fields it did not name; the lines after it repeated them.
    inputs = json.dumps({"name": "Ada", "offer_ids": [999]})
    result = hirelink("run", "recruitee.create_candidate", "-c", "rc", "--input", inputs)
    assert result.exit_code != 0
    assert "Validation failed: offers: " in result.stderr
    assert result.stderr.count("offers: ") == 1


def test_all_streams_json_lines(saved: RecruiteeSandbox) -> None:
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "--all", "page_size=50")
    lines = result.stdout.splitlines()
    assert len(lines) == 150
    assert {json.loads(line)["id"] for line in lines} == set(range(7730001, 7730151))


def test_bad_input_exits_2_naming_every_field(saved: RecruiteeSandbox) -> None:
    saved.recorder.clear()
    result = hirelink("run", "recruitee.list_candidates", "-c", "rc", "limit=x", "colour=red")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "limit:" in result.stderr
    assert "colour:" in result.stderr
    assert saved.recorder.requests == []


def test_unknown_operation_suggests_ids(saved: RecruiteeSandbox) -> None:
    result = hirelink("run", "recruitee.get_candidat", "-c", "rc")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "recruitee.get_candidate" in result.stderr


@pytest.mark.parametrize(
    ("fault", "code", "message"),
    [
        (None, EXIT_NOT_FOUND, "404"),
        (
            Fault(
                method="GET", path=r"/candidates/\d+$", status=404, headers={"X-Request-Id": "r-5d"}
            ),
            EXIT_NOT_FOUND,
            "/candidates/1\n  request id: r-5d",
        ),
        (
            Fault(
                method="GET",
                path=r"/candidates/\d+$",
                status=429,
                times=-1,
                headers={"Retry-After": "3600"},
            ),
            EXIT_RATE_LIMITED,
            "429: Too Many Requests\n  the provider asks to wait 3600 s",  # it named no wait
        ),
        (
            Fault(
                method="GET",
                path=r"/candidates/\d+$",
                status=503,
                times=-1,
                headers={"Retry-After": "0"},
            ),
            EXIT_UNAVAILABLE,
            "503",
        ),
    ],
)
def test_api_failures_have_distinct_exit_codes(
    saved: RecruiteeSandbox, fault: Fault | None, code: int, message: str
) -> None:
    if fault is not None:
        saved.faults.add(fault)
    result = hirelink("run", "recruitee.get_candidate", "-c", "rc", "candidate_id=1")
    assert result.exit_code == code
    assert message in result.stderr


def test_wrong_token_exits_3_and_never_prints_it(
    saved: RecruiteeSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIRELINK_CREDENTIAL_RC_TOKEN", "env-override-token-123")
    result = hirelink("run", "recruitee.list_offers", "-c", "rc")
    assert result.exit_code == EXIT_AUTH
    assert "401" in result.stderr
    assert "env-override-token-123" not in result.output


def test_credentials_file_is_private_and_listing_masks_secrets(
    saved: RecruiteeSandbox, config_dir: Path
) -> None:
    path = config_dir / "credentials.toml"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert saved.token in path.read_text()
    listed = hirelink("credentials", "list")
    assert "rc" in listed.stdout
    assert "token=***" in listed.stdout
    assert saved.token not in listed.output
    checked = hirelink("credentials", "check", "rc")
    assert checked.exit_code == 0
    assert "ok" in checked.stdout
    assert hirelink("credentials", "remove", "rc").exit_code == 0
    assert "rc" not in hirelink("credentials", "list").stdout


def test_credentials_check_fails_a_company_or_base_url_that_is_not_found(
    saved: RecruiteeSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 404 on the check's own list (a wrong company id, a base_url missing its path)
    # passed as "ok", though every later call fails.
    monkeypatch.setenv("HIRELINK_CREDENTIAL_RC_COMPANY_ID", "no-such-company")
    checked = hirelink("credentials", "check", "rc")
    assert checked.exit_code == EXIT_NOT_FOUND
    assert "  FAIL Personal API token and company ID: Recruitee knows no company" in checked.stdout
    assert "  ok " not in checked.stdout
    assert "rc: ok" not in checked.stdout
    assert "fix: Check company_id" in checked.stdout


@pytest.mark.parametrize(
    ("fault", "exit_code", "said"),
    [
        (Fault(method="GET", path=r"/offers$", kind="malformed", times=-1), 6, "FAIL"),
        (Fault(method="GET", path=r"/offers$", status=400, times=-1), 1, "400"),
        (Fault(method="GET", path=r"/offers$", status=401, times=-1), EXIT_AUTH, "(401)"),
    ],
    ids=["unreadable", "400", "401"],
)
def test_credentials_check_blames_the_credential_only_when_the_answer_does(
    saved: RecruiteeSandbox, fault: Fault, exit_code: int, said: str
) -> None:
    # The check's verdicts judged nothing on an unreadable answer or a 400, yet exited 3
    # ("authentication or permission"), where running the read itself exits 6 or 1.
    saved.faults.add(fault)
    checked = hirelink("credentials", "check", "rc")
    assert checked.exit_code == exit_code, checked.output
    assert said in checked.stdout


def test_credentials_check_of_a_404_elsewhere_than_recruitee_names_the_base_url_too(
    saved: RecruiteeSandbox,
) -> None:
    saved.faults.add(Fault(method="GET", path=r"/offers$", status=404, times=-1))
    checked = hirelink("credentials", "check", "rc")
    assert checked.exit_code == EXIT_NOT_FOUND
    assert "is not Recruitee's API (404)" in checked.stdout
    assert "Check base_url too." in checked.stdout


def test_an_environment_override_of_a_dashed_nickname_lists_it_once(
    config_dir: Path,
    recruitee_sandbox: StandIn[RecruiteeSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = [f"--set={k}={v}" for k, v in recruitee_sandbox.client_kwargs().items()]
    added = hirelink("credentials", "add", "sandbox-rc", "--provider", "recruitee", *settings)
    assert added.exit_code == 0, added.output
    monkeypatch.setenv("HIRELINK_CREDENTIAL_SANDBOX_RC_PROVIDER", "recruitee")
    listed = hirelink("credentials", "list").stdout
    assert "sandbox-rc" in listed
    assert "sandbox_rc" not in listed  # was listed too, as unusable
    assert "unusable" not in listed


def test_a_nickname_ending_in_a_line_break_is_refused(config_dir: Path) -> None:
    # The pattern's `$` matched before a final line break: "acme\n" was saved, listed as
    # "acme", and `-c acme` found no such credential (time and text hunt).
    added = hirelink("credentials", "add", "acme\n", "--provider", "join", "--set", "token=t")
    assert added.exit_code == 2
    assert "nickname: use letters, digits, '.', '_' or '-'" in added.output
    assert not (config_dir / "credentials.toml").exists()


def test_credentials_can_live_in_the_environment_alone(
    config_dir: Path,
    recruitee_sandbox: StandIn[RecruiteeSandbox],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    credential = recruitee_sandbox.client_kwargs()
    monkeypatch.setenv("HIRELINK_CREDENTIAL_CI_PROVIDER", "recruitee")
    for key, value in credential.items():
        monkeypatch.setenv(f"HIRELINK_CREDENTIAL_CI_{key.upper()}", str(value))
    result = hirelink("run", "recruitee.list_candidates", "-c", "ci", "limit=1")
    assert result.exit_code == 0, result.output
    assert not (config_dir / "credentials.toml").exists()


def test_a_credential_of_another_provider_is_refused(
    saved: RecruiteeSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``run`` compares the provider a stored or environment credential names with the
    operation's, and names both."""
    saved.recorder.clear()
    stored = hirelink("run", "join.list_jobs", "-c", "rc")
    assert stored.exit_code == EXIT_BAD_INPUT
    assert "--credential: 'rc' is a recruitee credential; join.list_jobs needs a join one" in (
        stored.stderr
    )
    monkeypatch.setenv("HIRELINK_CREDENTIAL_CI_PROVIDER", "join")
    monkeypatch.setenv("HIRELINK_CREDENTIAL_CI_TOKEN", saved.token)
    monkeypatch.setenv("HIRELINK_CREDENTIAL_CI_BASE_URL", "http://127.0.0.1:9")
    from_environment = hirelink("run", "recruitee.list_offers", "-c", "ci", "--all")
    assert from_environment.exit_code == EXIT_BAD_INPUT
    assert "'ci' is a join credential; recruitee.list_offers needs a recruitee one" in (
        from_environment.stderr
    )
    assert saved.recorder.requests == []


def test_an_environment_provider_unlike_the_stored_one_is_refused(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``HIRELINK_CREDENTIAL_<NICK>_PROVIDER`` naming another provider than the stored
    table's made a credential of both: a stored JOIN token and base URL, read as
    Recruitee's, went out with a Recruitee call."""
    with serve_stand_in("join") as join:
        settings = [f"--set={k}={v}" for k, v in join.details.items()]
        added = hirelink("credentials", "add", "jb", "--provider", "join", *settings)
        assert added.exit_code == 0, added.output
        monkeypatch.setenv("HIRELINK_CREDENTIAL_JB_PROVIDER", "recruitee")
        monkeypatch.setenv("HIRELINK_CREDENTIAL_JB_COMPANY_ID", "4100")
        result = hirelink("run", "recruitee.list_offers", "-c", "jb")
        assert result.exit_code == EXIT_BAD_INPUT, result.output
        assert (
            "credential.provider: HIRELINK_CREDENTIAL_JB_PROVIDER names 'recruitee', but"
            " credential 'jb' in "
        ) in result.stderr
        assert "is a join credential: unset the variable, or give the recruitee" in result.stderr
        assert join.sandbox.recorder.requests == []


def test_adding_a_credential_its_provider_variable_contradicts_writes_nothing(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file was rewritten first, then the command exited 2 as if nothing changed."""
    with serve_stand_in("join") as join:
        settings = [f"--set={k}={v}" for k, v in join.details.items()]
        assert (
            hirelink("credentials", "add", "acme", "--provider", "join", *settings).exit_code == 0
        )
    stored = (config_dir / "credentials.toml").read_bytes()
    monkeypatch.setenv("HIRELINK_CREDENTIAL_ACME_PROVIDER", "join")
    result = hirelink(
        "credentials", "add", "acme", "--provider", "recruitee",
        "--set=company_id=4100", "--set=token=rc-token-1234",
    )  # fmt: skip
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "HIRELINK_CREDENTIAL_ACME_PROVIDER names 'join', but the credential added" in (
        result.stderr
    )
    assert (config_dir / "credentials.toml").read_bytes() == stored


def test_a_missing_credential_is_reported(config_dir: Path) -> None:
    result = hirelink("run", "recruitee.list_offers", "-c", "missing")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "no credential 'missing'" in result.stderr


def test_a_stored_field_the_provider_no_longer_has_is_refused_naming_it(
    config_dir: Path,
) -> None:
    # A Personio credential saved by 0.1 with api_base_url (now base_url): the field was
    # dropped without a word, and the client's secret went to production Personio.
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "credentials.toml").write_text(
        '[credentials.old]\nprovider = "personio"\nsubdomain = "acme"\n'
        'client_id = "id-1"\nclient_secret = "s3cr3t-value"\n'
        'api_base_url = "http://127.0.0.1:9"\n'
    )
    result = hirelink("run", "personio.list_jobs", "-c", "old")
    assert result.exit_code == EXIT_BAD_INPUT, result.output
    assert "credential.api_base_url" in result.stderr
    assert "renamed 'base_url'" in result.stderr
    assert "s3cr3t-value" not in result.output + result.stderr
    listed = hirelink("credentials", "list")
    assert "unusable" in listed.stdout


def test_help_and_describe(saved: RecruiteeSandbox) -> None:
    assert "credentials" in hirelink("--help").stdout
    listed = hirelink("ops", "list", "--provider", "recruitee").stdout
    assert "recruitee.list_candidates" in listed
    assert "List Candidates" in listed
    described = hirelink("ops", "describe", "recruitee.update_candidate").stdout
    assert "candidate_id" in described
    assert "required" in described
    assert "hirelink run recruitee.update_candidate" in described


def test_an_issued_secret_is_saved_in_the_credential_and_never_printed(
    config_dir: Path, stand_ins: dict[str, dict[str, Any]]
) -> None:
    credential = stand_ins["recruitee_partners"]
    settings = [f"--set={k}={v}" for k, v in credential.items()]
    added = hirelink("credentials", "add", "pt", "--provider", "recruitee_partners", *settings)
    assert added.exit_code == 0, added.output
    rotated = hirelink("run", "recruitee_partners.regenerate_partner_secret", "-c", "pt")
    assert rotated.exit_code == 0, rotated.output
    assert "saved the new partner_secret" in rotated.stderr
    assert json.loads(rotated.stdout) == (
        "a new partner_secret was issued and stored in the credential; it is not shown"
    )
    assert "Secret(" not in rotated.stdout
    stored = tomllib.loads((config_dir / "credentials.toml").read_text())["credentials"]["pt"]
    new_secret = stored["partner_secret"]
    assert new_secret != credential["partner_secret"]
    assert new_secret not in rotated.output
    shown = hirelink("run", "recruitee_partners.get_partner", "-c", "pt", "company_id=4100")
    assert '"secret": "***"' in shown.stdout
    assert new_secret not in shown.output
    assert hirelink("credentials", "check", "pt").exit_code == 0  # reports work with it


def _partner_from_environment(monkeypatch: pytest.MonkeyPatch, credential: dict[str, Any]) -> None:
    monkeypatch.setenv("HIRELINK_CREDENTIAL_PE_PROVIDER", "recruitee_partners")
    for name, value in credential.items():
        monkeypatch.setenv(f"HIRELINK_CREDENTIAL_PE_{name.upper()}", str(value))


def test_a_secret_issued_for_a_credential_from_the_environment_stores_only_itself(
    config_dir: Path, stand_ins: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    credential = stand_ins["recruitee_partners"]
    _partner_from_environment(monkeypatch, credential)
    rotated = hirelink("run", "recruitee_partners.regenerate_partner_secret", "-c", "pe")
    assert rotated.exit_code == 0, rotated.output
    stored = tomllib.loads((config_dir / "credentials.toml").read_text())["credentials"]["pe"]
    assert set(stored) == {"provider", "partner_secret"}  # no value from the environment
    assert stored["partner_secret"] != credential["partner_secret"]
    assert "HIRELINK_CREDENTIAL_PE_PARTNER_SECRET still holds the old one" in rotated.stderr
    assert stored["partner_secret"] not in rotated.output


def _config_dir_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, temporary: Path
) -> None:
    """HIRELINK_CONFIG_DIR names a file (nothing can be saved under it); temporary files go
    to ``temporary``."""
    not_a_directory = tmp_path / "config"
    not_a_directory.write_text("")
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", str(not_a_directory))
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))


def test_a_secret_issued_where_the_file_cannot_be_written_is_kept_for_the_user(
    tmp_path: Path, stand_ins: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _config_dir_unwritable(tmp_path, monkeypatch, temporary=tmp_path)  # the rescue is here
    credential = stand_ins["recruitee_partners"]
    _partner_from_environment(monkeypatch, credential)
    rotated = hirelink("run", "recruitee_partners.regenerate_partner_secret", "-c", "pe")
    assert rotated.exit_code == 1
    assert rotated.stdout == ""  # nothing claims it was stored
    rescue = Path(rotated.stderr.split("it is in ")[1].split(" (readable")[0])
    new_secret = rescue.read_text().strip()
    assert stat.S_IMODE(rescue.stat().st_mode) == 0o600
    assert new_secret
    assert new_secret != credential["partner_secret"]
    assert new_secret not in rotated.output
    assert rescue.parent == tmp_path


def test_a_secret_is_not_issued_where_nothing_could_keep_it(
    tmp_path: Path, stand_ins: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _config_dir_unwritable(tmp_path, monkeypatch, temporary=tmp_path / "missing")  # read-only
    credential = stand_ins["recruitee_partners"]
    _partner_from_environment(monkeypatch, credential)
    refused = hirelink("run", "recruitee_partners.regenerate_partner_secret", "-c", "pe")
    assert refused.exit_code == EXIT_BAD_INPUT, refused.output
    assert "nowhere to keep the new partner_secret" in refused.stderr
    assert "TMPDIR" in refused.stderr
    assert refused.stdout == ""
    still = hirelink("run", "recruitee_partners.get_partner", "-c", "pe", "company_id=4100")
    assert still.exit_code == 0, still.output  # the old secret was not retired


def test_a_secret_is_not_issued_where_the_linked_credentials_file_cannot_be_replaced(
    tmp_path: Path, stand_ins: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is replaced beside its link's target: a writable directory holding only the
    link let the secret be issued, and then it could be kept nowhere."""
    config = tmp_path / "config"
    config.mkdir()
    not_a_directory = tmp_path / "mounted"
    not_a_directory.write_text("")
    (config / "credentials.toml").symlink_to(not_a_directory / "credentials.toml")
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", str(config))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    _partner_from_environment(monkeypatch, stand_ins["recruitee_partners"])
    refused = hirelink("run", "recruitee_partners.regenerate_partner_secret", "-c", "pe")
    assert refused.exit_code == EXIT_BAD_INPUT, refused.output
    assert "nowhere to keep the new partner_secret" in refused.stderr


def _no_home_directory(monkeypatch: pytest.MonkeyPatch, answer: str | None) -> None:
    """platformdirs with no home to expand ``~`` in: newer releases raise, older ones gave
    the path with its ``~`` as written."""

    def user_config_path(appname: str) -> Path:
        if answer is None:
            raise RuntimeError("could not determine the home directory")
        return Path(answer) / appname

    monkeypatch.delenv("HIRELINK_CONFIG_DIR", raising=False)
    monkeypatch.setattr("platformdirs.user_config_path", user_config_path)


@pytest.mark.parametrize("answer", [None, "~/.config"])
def test_credentials_from_the_environment_need_no_home_directory(
    tmp_path: Path,
    stand_ins: dict[str, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    answer: str | None,
) -> None:
    monkeypatch.chdir(tmp_path)
    _no_home_directory(monkeypatch, answer)
    _partner_from_environment(monkeypatch, stand_ins["recruitee_partners"])
    shown = hirelink("run", "recruitee_partners.get_partner", "-c", "pe", "company_id=4100")
    assert shown.exit_code == 0, shown.output
    assert "pe" in hirelink("credentials", "list").stdout
    added = hirelink("credentials", "add", "jx", "--provider", "join", "--set", "token=jt_1")
    assert added.exit_code == EXIT_BAD_INPUT, added.output
    assert "set HIRELINK_CONFIG_DIR (or HOME)" in added.stderr
    assert list(tmp_path.iterdir()) == []  # no "~" directory made here


def test_personio_check_runs_the_connection_check(
    config_dir: Path, stand_ins: dict[str, dict[str, Any]]
) -> None:
    credential = stand_ins["personio"]
    good = [f"--set={k}={v}" for k, v in credential.items()]
    assert hirelink("credentials", "add", "px", "--provider", "personio", *good).exit_code == 0
    checked = hirelink("credentials", "check", "px")
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.count("ok ") >= 5
    bad = [f"--set={k}={v}" for k, v in {**credential, "client_secret": "wrong-secret-1"}.items()]
    assert hirelink("credentials", "add", "px", "--provider", "personio", *bad).exit_code == 0
    failing = hirelink("credentials", "check", "px")
    assert failing.exit_code == EXIT_AUTH
    assert "FAIL" in failing.stdout
    assert "fix:" in failing.stdout
    assert "wrong-secret-1" not in failing.output


def _partners_credential(nickname: str, **values: Any) -> None:
    settings = [f"--set={k}={v}" for k, v in values.items() if v is not None]
    added = hirelink("credentials", "add", nickname, "--provider", "recruitee_partners", *settings)
    assert added.exit_code == 0, added.output


def test_a_partners_check_judges_each_credential_it_holds(
    config_dir: Path, stand_ins: dict[str, dict[str, Any]]
) -> None:
    credential = stand_ins["recruitee_partners"]
    _partners_credential("token-only", **{**credential, "partner_secret": None})
    checked = hirelink("credentials", "check", "token-only")
    assert checked.exit_code == 0, checked.output  # valid before any partner exists
    assert "ok   Personal API token (RC): accepted" in checked.stdout
    assert "Partner secret" not in checked.stdout
    wrong = {**credential, "personal_token": "wrong-personal-token-1"}
    _partners_credential("wrong-token", **wrong)
    failing = hirelink("credentials", "check", "wrong-token")
    assert failing.exit_code == EXIT_AUTH, failing.output
    assert "FAIL Personal API token (RC)" in failing.stdout
    assert "ok   Partner secret: accepted" in failing.stdout
    assert "fix:" in failing.stdout
    assert "wrong-personal-token-1" not in failing.output
    unknown = {**credential, "codename": "nosuchpartner", "personal_token": None}
    _partners_credential("unknown-codename", **unknown)
    unjudged = hirelink("credentials", "check", "unknown-codename")
    assert unjudged.exit_code == EXIT_NOT_FOUND, unjudged.output  # not an auth failure
    assert "FAIL Partner secret: not judged" in unjudged.stdout


def test_a_check_while_the_shared_store_is_down_says_unavailable_not_unauthorised(
    config_dir: Path, personio_sandbox: StandIn[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = [f"--set={k}={v}" for k, v in personio_sandbox.details.items()]
    added = hirelink("credentials", "add", "pd", "--provider", "personio", *settings)
    assert added.exit_code == 0, added.output
    monkeypatch.setenv("HIRELINK_STORE", f"redis://127.0.0.1:{free_port()}/0")
    checked = hirelink("credentials", "check", "pd")
    assert checked.exit_code == EXIT_UNAVAILABLE, checked.output
    assert "is unreachable" in checked.stdout


def test_a_check_while_personio_is_down_says_unavailable_not_unauthorised(
    config_dir: Path, personio_sandbox: StandIn[Any]
) -> None:
    settings = [f"--set={k}={v}" for k, v in personio_sandbox.details.items()]
    added = hirelink("credentials", "add", "pd", "--provider", "personio", *settings)
    assert added.exit_code == 0, added.output
    personio_sandbox.faults.add(Fault(status=503, times=-1))
    checked = hirelink("credentials", "check", "pd")
    assert checked.exit_code == EXIT_UNAVAILABLE, checked.output
    assert "FAIL" in checked.stdout


def test_a_check_with_a_refused_secret_says_so_though_another_part_is_unreachable(
    config_dir: Path, personio_sandbox: StandIn[Any]
) -> None:
    """A CI gate retrying on 6 ("try later") kept retrying a wrong client secret because
    the job feed, checked beside it, was out of reach."""
    details = {
        **personio_sandbox.details,
        "client_secret": "wrong-client-secret",
        "jobs_base_url": f"http://127.0.0.1:{free_port()}/jobs/{{subdomain}}",
    }
    settings = [f"--set={k}={v}" for k, v in details.items()]
    added = hirelink("credentials", "add", "pd", "--provider", "personio", *settings)
    assert added.exit_code == 0, added.output
    checked = hirelink("credentials", "check", "pd")
    assert checked.exit_code == EXIT_AUTH, checked.output
    assert "FAIL API domain and XML feed" in checked.stdout  # out of reach
    assert "FAIL Client credentials (custom integration): Personio refused" in checked.stdout


def test_what_an_operation_adds_to_its_error_is_printed(
    config_dir: Path, personio_sandbox: StandIn[Any]
) -> None:
    settings = [f"--set={k}={v}" for k, v in personio_sandbox.details.items()]
    assert hirelink("credentials", "add", "pn", "--provider", "personio", *settings).exit_code == 0
    personio_sandbox.faults.add(
        Fault(method="POST", path=r"/recruiting/applications$", status=400)
    )  # the submission fails after the upload
    inputs = {
        "job_position_id": 1874512, "first_name": "Lena", "last_name": "Vogt",
        "email": "lena.vogt@example.org",
        "documents": [{"type": "cv", "filename": "cv.pdf", "content": "JVBERi0xLjQK"}],
    }  # fmt: skip
    result = hirelink(
        "run", "personio.create_application", "-c", "pn", "--input", json.dumps(inputs)
    )
    assert result.exit_code != 0
    assert "uploaded before the submission failed: " in result.stderr
    listed = result.stderr[result.stderr.index("these documents: ") + 17 :].splitlines()[0]
    (kept,) = json.loads(listed)
    assert (kept["type"], kept["original_filename"]) == ("cv", "cv.pdf")
    assert hirelink(
        "run", "personio.create_application", "-c", "pn",
        "--input", json.dumps({**inputs, "email": "lena.v@example.org", "documents": [kept]}),
    ).exit_code == 0  # fmt: skip
    assert personio_sandbox.hits("POST", "/documents") == 1


def test_a_feed_in_an_encoding_that_cannot_be_read_exits_as_a_malformed_answer(
    config_dir: Path, personio_sandbox: StandIn[Any]
) -> None:
    """It was a LookupError's traceback and exit 1."""
    document = b'<?xml version="1.0" encoding="x-bogus"?><workzag-jobs></workzag-jobs>'
    personio_sandbox.sandbox.state.serve_raw_feed("encoded", document)
    values = {**personio_sandbox.details, "subdomain": "encoded"}
    settings = [f"--set={k}={v}" for k, v in values.items()]
    added = hirelink("credentials", "add", "pe", "--provider", "personio", *settings)
    assert added.exit_code == 0, added.output
    result = hirelink("run", "personio.list_job_positions", "-c", "pe")
    assert result.exit_code == EXIT_UNAVAILABLE, result.output
    assert "'x-bogus' its XML declaration names cannot be read" in result.stderr
    assert "Traceback" not in result.output


def test_a_personio_credential_with_another_companys_host_is_refused_naming_subdomain(
    config_dir: Path, personio_sandbox: StandIn[Any]
) -> None:
    """A host such as https://jobs.nordlicht.de read as the company 'jobs', and its check passed."""
    values = {**personio_sandbox.details, "subdomain": "https://jobs.nordlicht.de"}
    settings = [f"--set={k}={v}" for k, v in values.items()]
    added = hirelink("credentials", "add", "px", "--provider", "personio", *settings)
    assert added.exit_code == 0, added.output
    checked = hirelink("credentials", "check", "px")
    assert checked.exit_code == EXIT_BAD_INPUT, checked.output
    assert "subdomain" in checked.stderr
    assert "under personio.de or personio.com" in checked.stderr
