"""The README's main job: the demo runs every catalog operation successfully."""

from __future__ import annotations

import pytest

from hirelink.cli import demo
from hirelink.operations import load_providers


def test_demo_runs_every_operation_successfully(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main() == 0
    printed = capsys.readouterr().out
    assert "operations succeeded" in printed
    assert "FAIL" not in printed
    for operation in load_providers().operations():
        assert operation.id in printed
