"""Small local files that several writers update: checkpoints, the CLI's credentials.

Each update reads the file, changes it and writes it whole. :func:`one_writer` makes the
writers take turns, across threads and processes (an ``flock`` on ``<file>.lock``; where
the system has none, Windows, across the threads of a process only), and
:func:`replace_file` replaces the file atomically through a scratch file of its own, so a
reader sees the old file or the new one, never a mix. A path that is a symbolic link
(dotfiles, a mounted volume) stays one: the file it points to is replaced, and the lock
lies beside that file.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Final

__all__ = ["one_writer", "replace_file", "resolved", "system_fcntl"]


def resolved(path: str | os.PathLike[str]) -> Path:
    """The file ``path`` names, through symbolic links. Writing the link itself replaced it
    with a file of its own, and writers given the link and the target locked apart."""
    return Path(os.path.realpath(path))


def system_fcntl() -> ModuleType | None:
    """``fcntl``, where the system has it (not on Windows)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    return fcntl


_process_locks: dict[Path, threading.Lock] = {}
_process_locks_guard: Final = threading.Lock()


def _process_lock(file: Path) -> threading.Lock:
    """The lock of this process's writers of ``file``, whoever they are."""
    with _process_locks_guard:
        return _process_locks.setdefault(file, threading.Lock())


@contextlib.contextmanager
def one_writer(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the turn to update the file ``path`` names; give the file (resolved).

    Read, change and replace the file inside: two writers doing that at once each wrote
    what they had read, and one's change was lost.
    """
    file = resolved(path)
    fcntl = system_fcntl()
    if fcntl is None:
        with _process_lock(file):
            yield file
        return
    with file.with_name(f"{file.name}.lock").open("ab") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield file


def replace_file(file: Path, content: bytes, *, private: bool = False) -> None:
    """Replace ``file`` with ``content`` atomically, through a scratch file beside it that
    no other writer uses; ``private`` makes it readable by its owner only (mode 0600)."""
    scratch = file.with_name(f".{file.name}.{uuid.uuid4().hex}.tmp")
    descriptor = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        if private:
            os.chmod(scratch, 0o600)  # O_CREAT's mode is filtered by the umask
        os.replace(scratch, file)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
