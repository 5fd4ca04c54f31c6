"""Windows' file locks, played on Linux: a stand-in for ``msvcrt`` and a writer process.

The stand-in locks with ``flock``, which, like Windows' ``LockFileEx`` (what
``msvcrt.locking`` calls), belongs to the open file: two descriptors of one file exclude
each other even in one process. It refuses a lock held elsewhere as ``msvcrt`` does
(``EACCES``), and knows only the modes hirelink may use. The tests give it to
:mod:`hirelink.core.file_updates` in place of ``msvcrt``, with ``fcntl`` taken away.

    python windows_locks.py <file> <updates>

adds one to the number in ``<file>`` ``<updates>`` times, each in its turn
(``one_writer``), through the stand-in.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import cast


class FakeMsvcrt:
    LK_UNLCK = 0
    LK_LOCK = 1
    LK_NBLCK = 2

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []  # (mode, position)

    def locking(self, descriptor: int, mode: int, length: int) -> None:
        assert length == 1
        self.calls.append((mode, os.lseek(descriptor, 0, os.SEEK_CUR)))
        if mode == self.LK_UNLCK:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            return
        assert mode == self.LK_NBLCK, "LK_LOCK gives up after 10 s"
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PermissionError(errno.EACCES, "Permission denied") from None


def as_windows(msvcrt: FakeMsvcrt) -> None:
    """Make :mod:`hirelink.core.file_updates` lock as on Windows, through ``msvcrt``."""
    from hirelink.core import file_updates

    file_updates.system_fcntl = lambda: None
    file_updates.system_msvcrt = lambda: cast(ModuleType, msvcrt)


def count_up(path: Path, updates: int) -> None:
    from hirelink.core import file_updates

    for _ in range(updates):
        with file_updates.one_writer(path) as file:
            count = int(file.read_text()) if file.exists() else 0
            file_updates.replace_file(file, str(count + 1).encode())


if __name__ == "__main__":
    as_windows(FakeMsvcrt())
    count_up(Path(sys.argv[1]), int(sys.argv[2]))
