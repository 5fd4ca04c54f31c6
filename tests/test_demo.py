"""The README's main job: the demo runs every operation successfully."""

from __future__ import annotations

import pytest

from hirelink.cli import demo


def test_demo_runs_every_operation_successfully(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main() == 0
    printed = capsys.readouterr().out
    assert "all operations succeeded" in printed
    assert "FAIL" not in printed
    for operation in ("list_candidates", "iter_candidates", "update_candidate", "get_offer"):
        assert operation in printed
