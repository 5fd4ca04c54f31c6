"""An async request imports nothing that is missing: Python does not remember a failed
import, so each one scans ``sys.path`` again (httpcore asks for ``sniffio`` four times a
request; 0.2-0.7 ms without it, a fifth of a bare request's time)."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

from hirelink.recruitee import AsyncRecruitee
from hirelink.sandbox import RecruiteeSandbox, StandIn


class _LookupRecorder(importlib.abc.MetaPathFinder):
    """Records every module the import system is asked to find (it finds none itself)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        self.names.append(fullname)
        return None


@pytest.mark.anyio
async def test_an_async_request_looks_up_no_module(
    recruitee_sandbox_session: StandIn[RecruiteeSandbox],
) -> None:
    async with AsyncRecruitee(**recruitee_sandbox_session.client_kwargs()) as recruitee:
        await recruitee.list_offers()  # the first call imports what it needs
        recorder = _LookupRecorder()
        sys.meta_path.insert(0, recorder)
        try:
            for _ in range(3):
                await recruitee.list_offers()
        finally:
            sys.meta_path.remove(recorder)
    assert recorder.names == []
