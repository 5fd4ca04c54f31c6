"""Every script of examples/ runs against the sandbox, configured as examples/README.md
tells a reader to: the stand-ins of `python -m hirelink.sandbox serve`, each key of the
line it prints set as the variable HIRELINK_<PROVIDER>_<KEY>."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hirelink.join import Candidate
from tools.redis_server import RedisServer

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
PROVIDERS = {"recruitee", "join", "personio", "recruitee_partners"}


def variables(printed: dict[str, dict[str, Any]]) -> dict[str, str]:
    """The README's rule: `HIRELINK_`, the provider, `_`, the key, all in capitals."""
    return {
        f"HIRELINK_{provider}_{key}".upper(): str(value)
        for provider, details in printed.items()
        for key, value in details.items()
    }


@pytest.fixture(scope="module")
def sandbox_environment() -> Iterator[dict[str, str]]:
    with subprocess.Popen(
        [sys.executable, "-m", "hirelink.sandbox", "serve", "--max-lifetime", "600"],
        stdout=subprocess.PIPE,
        text=True,
    ) as serving:
        try:
            assert serving.stdout is not None
            ready, _, _ = select.select([serving.stdout], [], [], 120)
            assert ready, "the sandbox printed nothing within 120 s"
            printed = json.loads(serving.stdout.readline())
            assert set(printed) == PROVIDERS
            yield variables(printed)
        finally:
            serving.terminate()
            try:
                serving.wait(30)
            except subprocess.TimeoutExpired:
                serving.kill()
                serving.wait()


def run(script: str, environment: dict[str, str], cwd: Path) -> str:
    result = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, str(EXAMPLES / script)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **environment},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_example_is_tested() -> None:
    tested = {
        "recruitee_identity_check.py",
        "recruitee_verification_loop.py",
        "join_identity_check.py",
        "personio_identity_check.py",
        "partner_background_check.py",
        "async_bulk_read.py",
        "many_workers.py",
    }
    assert {path.name for path in EXAMPLES.glob("*.py")} == tested


def test_recruitee_identity_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("recruitee_identity_check.py", sandbox_environment, tmp_path)
    assert "checked 5 candidate(s) of offer 31337" in output
    again = run("recruitee_identity_check.py", sandbox_environment, tmp_path)
    assert set(output.splitlines()[:-1]).isdisjoint(again.splitlines()), "checked twice"


def test_recruitee_verification_loop(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    from hirelink.recruitee import Recruitee

    environment = sandbox_environment | {"SINCE": "2000-01-01"}  # the seeded candidates
    kwargs: dict[str, Any] = {
        key: environment[f"HIRELINK_RECRUITEE_{key.upper()}"]
        for key in ("company_id", "token", "base_url")
    }
    with Recruitee(**kwargs) as recruitee:
        before = {p.id: p.stage_id for p in recruitee.get_candidate(7730002).placements or []}
    first = run("recruitee_verification_loop.py", environment, tmp_path)
    with Recruitee(**kwargs) as recruitee:  # at Offer: never moved back to Phone interview
        after = {p.id: p.stage_id for p in recruitee.get_candidate(7730002).placements or []}
    assert after == before
    assert "7730002" in first
    assert "handled 3 new candidate(s)" in first
    assert "verified, moved to Phone interview in 1 job(s)" in first
    second = run("recruitee_verification_loop.py", environment, tmp_path)
    moved = {line.split(":")[0] for line in first.splitlines() if "moved to" in line}
    again = {line.split(":")[0] for line in second.splitlines() if "moved to" in line}
    assert moved
    assert again
    assert moved.isdisjoint(again), "a candidate was recorded twice"


def test_recruitee_verification_loop_never_undoes_a_recruiters_decision(tmp_path: Path) -> None:
    # The loop read a disqualified_at Recruitee never sends: it moved a candidate out of a
    # recruiter's disqualification, and disqualified again (with its own reason) one a
    # recruiter had disqualified, or a hired one. Its first run, from the year 2000,
    # handled a real account's oldest candidates; it starts from now unless told.
    from hirelink.recruitee import Recruitee
    from hirelink.sandbox import serve_stand_in

    with serve_stand_in("recruitee") as stand_in, Recruitee(**stand_in.client_kwargs()) as rec:
        environment = {
            f"HIRELINK_RECRUITEE_{key.upper()}": str(value)
            for key, value in stand_in.client_kwargs().items()
        }
        assert "handled 0 new candidate(s)" in run(
            "recruitee_verification_loop.py", environment | {"CHECKPOINT": "first"}, tmp_path
        )
        started = datetime.now(UTC) - timedelta(minutes=1)  # before the candidates below
        recruiters = next(
            r.name for r in rec.list_disqualify_reasons() if r.name != "Identity not verified"
        )
        verified = rec.create_candidate(
            "Ada Verified", emails=["ada@example.org"], offer_ids=[31337]
        )
        unverified = rec.create_candidate("Bo Unverified", offer_ids=[31337])
        hired = rec.create_candidate("Cy Hired", offer_ids=[31337])
        for candidate in (verified, unverified):
            (placement,) = rec.get_candidate(candidate.id).placements or []
            rec.disqualify_placement(placement.id, reason_name=str(recruiters))
        (placement,) = rec.get_candidate(hired.id).placements or []
        rec.change_placement_stage(placement.id, stage_name="Hired", offer_id=31337)
        before = {c.id: rec.get_candidate(c.id).placements for c in (verified, unverified, hired)}
        output = run(
            "recruitee_verification_loop.py",
            environment | {"SINCE": started.isoformat(), "LIMIT": "100", "CHECKPOINT": "second"},
            tmp_path,
        )
        assert f"{verified.id}: verified, moved to Phone interview (no job to change)" in output
        assert f"{unverified.id}: not verified: Identity not verified (no job to change)" in output
        after = {c.id: rec.get_candidate(c.id).placements for c in (verified, unverified, hired)}
    assert after == before
    assert "Ada" not in output  # ids, not names, in a log


def test_recruitee_verification_loop_finishes_what_a_fault_cut_short(tmp_path: Path) -> None:
    # A 503 on the first stage move (never resent: it may have been carried out) stops
    # the run; the next run records that candidate whole instead of skipping it.
    from hirelink.recruitee import Recruitee
    from hirelink.sandbox import Fault, serve_stand_in

    with serve_stand_in("recruitee") as stand_in:
        environment = {
            f"HIRELINK_RECRUITEE_{key.upper()}": str(value)
            for key, value in stand_in.client_kwargs().items()
        } | {"LIMIT": "1", "SINCE": "2000-01-01"}
        stand_in.faults.add(Fault(method="PATCH", path=r"/change_stage$", status=503))
        cut_short = subprocess.run(  # noqa: S603 - our interpreter, our script
            [sys.executable, str(EXAMPLES / "recruitee_verification_loop.py")],
            capture_output=True, text=True, cwd=tmp_path,
            env={**os.environ, **environment}, timeout=120, check=False,
        )  # fmt: skip
        assert cut_short.returncode != 0
        assert "ServerError: 503" in cut_short.stderr
        again = run("recruitee_verification_loop.py", environment, tmp_path)
        assert "checked before" not in again
        assert "verified, moved to Phone interview in 1 job(s)" in again
        candidate_id = int(again.split(":", 1)[0])
        with Recruitee(**stand_in.client_kwargs()) as recruitee:
            assert recruitee.get_candidate_field(candidate_id, "Identity check") is not None


def test_join_identity_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("join_identity_check.py", sandbox_environment, tmp_path)
    assert "identity-verified" in output
    assert "checked 5 application(s)" in output
    # A second run notes none of them again (it noted the same five, every run).
    tagged = {
        line.split(":")[0].split(", ")[1] for line in output.splitlines() if ": identity" in line
    }
    again = run("join_identity_check.py", sandbox_environment, tmp_path)
    assert len(tagged) == 5
    for candidate in tagged:
        assert f"{candidate}: checked before" in again
        assert f"{candidate}: identity" not in again


def test_join_identity_check_leaves_tags_alone_when_join_does_not_send_them(
    tmp_path: Path,
) -> None:
    # set_candidate_tags replaces the whole set: with the tags left out of the answer,
    # the example must not take them for none and erase the recruiters' tags.
    from hirelink.join import Join
    from hirelink.sandbox import Fault, serve_stand_in

    with serve_stand_in("join") as stand_in, Join(**stand_in.client_kwargs()) as join:
        tagged = next(
            application
            for listed in join.iter_applications()
            if isinstance((application := join.get_application(listed.id)).candidate, Candidate)
            and application.candidate.tags
        )
        assert isinstance(tagged.candidate, Candidate)
        candidate_id, tags_before = tagged.candidate.id, tagged.candidate.tags
        answer = tagged.to_dict()
        del answer["candidate"]["tags"]
        stand_in.faults.add(
            Fault(method="GET", path=r"/applications$", status=200, body=[answer], times=-1)
        )
        stand_in.faults.add(
            Fault(method="GET", path=rf"/applications/{tagged.id}$", status=200, body=answer)
        )
        environment = {
            f"HIRELINK_JOIN_{key.upper()}": str(value)
            for key, value in stand_in.client_kwargs().items()
        } | {"LIMIT": "1", "SINCE": "2000-01-01"}
        output = run("join_identity_check.py", environment, tmp_path)
        stand_in.faults.clear()
        after = join.get_application(tagged.id).candidate
        assert isinstance(after, Candidate)
        assert after.tags == tags_before
        assert "JOIN did not send the candidate's tags, so they were left alone" in output
        assert not stand_in.hits("PATCH", f"/candidates/{candidate_id}")
        assert stand_in.hits("POST", f"/candidates/{candidate_id}/notes")


def test_personio_identity_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("personio_identity_check.py", sandbox_environment, tmp_path)
    report = (tmp_path / "identity-report.jsonl").read_text().splitlines()
    assert report
    assert f"{len(report)} application(s) in stage 'Phone screen' checked" in output


def test_personio_identity_check_reports_a_missing_email_and_keeps_the_last_report(
    tmp_path: Path,
) -> None:
    # A candidate without an e-mail (the case to report) crashed the JSON report, and the
    # report file, opened first, was left empty by any failed run.
    from hirelink.personio import Personio, Unset
    from hirelink.sandbox import Fault, serve_stand_in

    with serve_stand_in("personio") as stand_in, Personio(**stand_in.client_kwargs()) as personio:
        environment = {
            f"HIRELINK_PERSONIO_{key.upper()}": str(value)
            for key, value in stand_in.client_kwargs().items()
        }
        candidate_id = next(
            str(application.candidate.id)
            for application in personio.iter_applications()
            if getattr(application.current_stage, "name", None) == "Phone screen"
            and not isinstance(application.candidate, Unset)
        )
        candidate = personio.get_candidate(candidate_id).to_dict()
        del candidate["email"]
        stand_in.faults.add(
            Fault(path=rf"/candidates/{candidate_id}$", status=200, body=candidate, times=-1)
        )
        output = run("personio_identity_check.py", environment, tmp_path)
        lines = [json.loads(line) for line in (tmp_path / "identity-report.jsonl").open()]
        (missing,) = [line for line in lines if line["candidate"] == candidate_id]
        assert missing == {**missing, "email": None, "verified": False}
        assert "FAILED" in output
        stand_in.faults.clear()
        stand_in.faults.add(Fault(path=r"/applications", status=503, times=-1))
        failed = subprocess.run(  # noqa: S603 - our interpreter, our script
            [sys.executable, str(EXAMPLES / "personio_identity_check.py")],
            capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
            env={**os.environ, **environment, "HIRELINK_PERSONIO_MAX_RETRIES": "0"},
        )  # fmt: skip
        assert failed.returncode != 0
    assert [json.loads(line) for line in (tmp_path / "identity-report.jsonl").open()] == lines


def test_partner_background_check(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    from hirelink.recruitee_partners import RecruiteePartners

    with RecruiteePartners(
        codename=sandbox_environment["HIRELINK_RECRUITEE_PARTNERS_CODENAME"],
        partner_secret=sandbox_environment["HIRELINK_RECRUITEE_PARTNERS_PARTNER_SECRET"],
        base_url=sandbox_environment["HIRELINK_RECRUITEE_PARTNERS_BASE_URL"],
    ) as partners:
        failed = partners.create_report(4100, 7730011, status="failed", score="record found")
        environment = sandbox_environment | {"COMPANY_ID": "4100", "CANDIDATE_ID": "7730011"}
        output = run("partner_background_check.py", environment, tmp_path)
        assert "completed, background check clear" in output
        assert f"report {failed.id}: already failed" in output
        (kept,) = [r for r in partners.list_candidate_reports(4100, 7730011) if r.id == failed.id]
        assert (str(kept.status), kept.score) == ("failed", "record found")


def test_async_bulk_read(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    output = run("async_bulk_read.py", sandbox_environment, tmp_path)
    assert "31337 Backend Engineer:" in output
    assert "distinct e-mails across" in output


def test_many_workers(sandbox_environment: dict[str, str], tmp_path: Path) -> None:
    with RedisServer() as redis_server:
        environment = {**sandbox_environment, "HIRELINK_STORE": redis_server.url}
        output = run("many_workers.py", environment, tmp_path)
        # New applicants each run (one, within the budget the first run left: 14 of 20)
        again = run(
            "many_workers.py", environment | {"WORKERS": "1", "APPLICATIONS": "1"}, tmp_path
        )
        without_base_url = {
            k: v for k, v in environment.items() if k != "HIRELINK_PERSONIO_BASE_URL"
        }
        refused = subprocess.run(  # noqa: S603 - our interpreter, our script
            [sys.executable, str(EXAMPLES / "many_workers.py")],
            capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
            env={**os.environ, **without_base_url},
        )  # fmt: skip
    assert "6 applications, one shared budget in Redis at 127.0.0.1:" in output
    assert redis_server.url not in output  # a real one would show its password
    assert output.count("2 application(s) to position") == 3
    assert "worker 0: 1 application(s) to position" in again
    assert refused.returncode != 0
    assert "run it against a stand-in" in refused.stderr
    # An empty one (a docker env-file's `HIRELINK_PERSONIO_BASE_URL=`) is production too.
    empty = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, str(EXAMPLES / "many_workers.py")],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
        env={**os.environ, **environment, "HIRELINK_PERSONIO_BASE_URL": " "},
    )  # fmt: skip
    assert empty.returncode != 0
    assert "run it against a stand-in" in empty.stderr
