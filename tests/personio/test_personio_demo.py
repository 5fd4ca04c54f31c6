"""The Personio demo runs every Personio operation against the stand-in."""

from __future__ import annotations

import pytest

from hirelink.cli.demo_personio import Steps, personio_demo


def test_the_demo_runs_every_operation(capsys: pytest.CaptureFixture[str]) -> None:
    steps = Steps()
    personio_demo(steps)
    printed = capsys.readouterr().out
    assert steps.failures == 0
    assert "FAIL" not in printed
    for operation in (
        "check_connection",
        "list_job_positions",
        "upload_document",
        "create_application",
        "list_applications",
        "iter_applications",
        "get_application",
        "list_application_stage_transitions",
        "iter_candidates",
        "get_job",
        "get_category",
        "iter_persons",
        "revoke_access_token",
    ):
        assert operation in printed
    assert "5/5 checks pass" in printed
    assert "errors.applicant-already-exists" in printed
