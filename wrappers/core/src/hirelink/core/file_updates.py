"""Small local files that several writers update: checkpoints, the CLI's credentials.

Each update reads the file, changes it and writes it whole. :func:`one_writer` makes the
writers take turns, across threads and processes (an exclusive lock on ``<file>.lock``:
``flock``, or on Windows ``msvcrt.locking``), and :func:`replace_file` replaces the file
atomically through a scratch file of its own, so a reader sees the old file or the new
one, never a mix, also after a power loss. A path that is a symbolic link (dotfiles, a
mounted volume) stays one: the file it points to is replaced, and the lock lies beside
that file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import IO, Final

__all__ = [
    "NoFileLocksError",
    "beside",
    "failure",
    "failure_reason",
    "one_writer",
    "replace_file",
    "resolved",
    "still_named",
    "system_fcntl",
    "system_msvcrt",
    "take_lock_file",
    "writers_lock",
]


def resolved(path: str | os.PathLike[str]) -> Path:
    """The file ``path`` names, through symbolic links. Writing the link itself replaced it
    with a file of its own, and writers given the link and the target locked apart."""
    return Path(os.path.realpath(path))


_NAME_MAX: Final = 255
"""Bytes a file name may have (ext4, XFS, APFS, and NTFS's 255 UTF-16 units, near enough)."""


def beside(file: Path, prefix: str, suffix: str) -> Path:
    """The file next to ``file`` named ``prefix`` + its name + ``suffix`` (a lock file, a
    scratch file). When that is longer than file systems allow, the name is cut and a
    digest of the whole name added, so that the files of two long names stay apart: a
    checkpoint the system took failed with "File name too long" at its lock file."""
    name = f"{prefix}{file.name}{suffix}"
    if len(os.fsencode(name)) <= _NAME_MAX:
        return file.with_name(name)
    digest = hashlib.sha256(os.fsencode(file.name)).hexdigest()[:16]
    kept = file.name
    while len(os.fsencode(f"{prefix}{kept}~{digest}{suffix}")) > _NAME_MAX:
        kept = kept[:-1]
    return file.with_name(f"{prefix}{kept}~{digest}{suffix}")


def failure(file: Path | str, error: OSError) -> str:
    """What went wrong with ``file``, for a message: ``<file>: <reason>`` (see
    :func:`failure_reason`)."""
    return f"{file}: {failure_reason(file, error)}"


def failure_reason(file: Path | str, error: OSError) -> str:
    """Why ``error`` stopped a use of ``file``: the system's reason, and the file it named
    when that is another (the lock or scratch file beside it, its folder), which is the
    one to look at."""
    reason = error.strerror or str(error)
    failed = error.filename
    if failed is not None and resolved(os.fsdecode(failed)) != resolved(file):
        reason += f" ({os.fsdecode(failed)})"
    return reason


def system_fcntl() -> ModuleType | None:
    """``fcntl``, where the system has it (not on Windows)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    return fcntl


def system_msvcrt() -> ModuleType | None:
    """``msvcrt``, where the system has it (Windows)."""
    try:
        import msvcrt
    except ImportError:
        return None
    return msvcrt


def can_lock_files() -> bool:
    """Whether this system has file locks that :func:`lock_file` takes (all but exotic
    ones, such as WebAssembly's)."""
    return system_fcntl() is not None or system_msvcrt() is not None


_HELD_ELSEWHERE: Final = frozenset({errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES})
"""What a refused lock says when another holds it (``msvcrt``: ``EACCES``)."""

_LOCK_RETRY_PAUSE: Final = 0.01
"""Seconds between attempts at a Windows lock another holds."""


def lock_file(handle: IO[bytes], *, wait: bool) -> bool:
    """Take the exclusive lock of the lock file ``handle`` (of :func:`open_lock_file`),
    freed when it is closed or its process ends, however: when its holder frees it if
    ``wait``, else now or never (False). An ``OSError`` where the file system takes no
    locks (some network and FUSE mounts). Only where :func:`can_lock_files`."""
    fcntl = system_fcntl()
    if fcntl is not None:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as error:
            if wait or error.errno not in _HELD_ELSEWHERE:
                raise
            return False
        return True
    msvcrt = system_msvcrt()
    if msvcrt is None:  # see can_lock_files
        raise OSError(errno.ENOLCK, "this system has no file locks", handle.name)
    handle.seek(0)  # msvcrt locks from the file's position: every holder locks byte 0
    while True:
        # Not LK_LOCK, which gives up after ten attempts a second apart.
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno not in _HELD_ELSEWHERE:
                raise
            if not wait:
                return False
            time.sleep(_LOCK_RETRY_PAUSE)
        else:
            return True


_process_locks: dict[Path, threading.Lock] = {}
_process_locks_guard: Final = threading.Lock()


def _process_lock(file: Path) -> threading.Lock:
    """The lock of this process's writers of ``file``, whoever they are."""
    with _process_locks_guard:
        return _process_locks.setdefault(file, threading.Lock())


_lock_files: set[IO[bytes]] = set()
"""The lock files this process holds open (a lock each): closed in a child process
after ``os.fork``, see :func:`_forget_inherited_locks`."""
_lock_files_guard = threading.RLock()
"""Held while a lock file is opened and noted, or forgotten and closed, and across a fork:
a fork inside ``open()`` or ``close()`` left the child a copy the hook did not know of.
Re-entrant: the garbage collector may finish an abandoned watch (releasing its lease)
inside ``open()`` on the same thread, and a signal handler may fork there. The price: a
lock file's ``open()`` or ``close()`` stalled on a hung network mount holds up the
process's forks and its other lock files until it returns."""


def open_lock_file(path: Path) -> IO[bytes]:
    """Open the lock file ``path`` for :func:`lock_file`, noted as this process's (see
    :data:`_lock_files`); close it with :func:`close_lock_file`."""
    with _lock_files_guard:
        handle = path.open("ab")
        _lock_files.add(handle)
    return handle


def close_lock_file(handle: IO[bytes]) -> None:
    """Close a lock file of :func:`open_lock_file`, freeing its lock."""
    msvcrt = system_msvcrt() if system_fcntl() is None else None
    with _lock_files_guard:
        _lock_files.discard(handle)
        if msvcrt is not None:
            # Windows frees the locks of a closed file "in time", as resources allow.
            with contextlib.suppress(OSError):  # not locked
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.close()


class NoFileLocksError(OSError):
    """The file system of a lock file takes no locks (some network and FUSE mounts)."""


def take_lock_file(path: Path, *, wait: bool) -> IO[bytes] | None:
    """Open the lock file ``path`` and take its exclusive lock (``flock``; on Windows
    ``msvcrt.locking``); None when
    another holds it and not ``wait``. Close the handle to let go.

    The lock is on the file, not its name: a lock file deleted while held (a cleaner of
    old files in ``/tmp``, by hand) let a second holder make a new one and lock that, and
    both held the same turn. So a lock is taken again on the file the name now names, and
    a holder checks :func:`still_named` before it acts on its turn."""
    while True:
        handle = open_lock_file(path)
        try:
            locked = lock_file(handle, wait=wait)
        except OSError as error:
            close_lock_file(handle)
            # Some network and FUSE mounts: a wait for a lock that can never be had
            # would be a silent hang.
            problem = f"its file system takes no file locks ({error.strerror})"
            raise NoFileLocksError(error.errno, problem, str(path)) from None
        except BaseException:
            close_lock_file(handle)
            raise
        if not locked:
            close_lock_file(handle)
            return None
        if still_named(handle):
            return handle
        close_lock_file(handle)  # locked a file deleted or replaced meanwhile: again


def still_named(handle: IO[bytes]) -> bool:
    """Whether the lock file open at ``handle`` is still the file its name names."""
    try:
        named = os.stat(handle.name)
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _forget_inherited_locks() -> None:
    """In a child process after ``os.fork``: close the lock files inherited from the parent.

    An ``flock`` belongs to the open file, which a fork shares: a child (a process pool's
    worker, forked while a watch held its lease or another thread was saving) kept the
    parent's locks while it lived, and every writer of that file, the parent's next watch
    included, waited for it in silence. Closing the child's copies frees nothing the parent
    holds (its own descriptors stay open)."""
    global _lock_files_guard
    for handle in list(_lock_files):
        with contextlib.suppress(OSError):
            handle.close()
    _lock_files.clear()
    _lock_files_guard = threading.RLock()  # held by the parent's forking thread


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(
        before=lambda: _lock_files_guard.acquire(),
        after_in_parent=lambda: _lock_files_guard.release(),
        after_in_child=_forget_inherited_locks,
    )


def writers_lock(file: Path) -> Path:
    """The lock file of :func:`one_writer` for ``file`` (resolved): made by the first
    update, where the system has file locks, and left there after."""
    return beside(file, "", ".lock")


@contextlib.contextmanager
def one_writer(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the turn to update the file ``path`` names; give the file (resolved).

    Read, change and replace the file inside: two writers doing that at once each wrote
    what they had read, and one's change was lost.
    """
    file = resolved(path)
    if not can_lock_files():
        with _process_lock(file):
            yield file
        return
    handle = take_lock_file(writers_lock(file), wait=True)
    assert handle is not None  # waited for it
    try:
        yield file
    finally:
        close_lock_file(handle)


def replace_file(file: Path, content: bytes, *, private: bool = False) -> None:
    """Replace ``file`` with ``content`` atomically, through a scratch file beside it that
    no other writer uses. The new file keeps the permission bits and, where the writer
    may give it, the group of the one it replaces (a checkpoint made 0660 for a service's
    group stays so); ``private`` makes it readable by its owner only (mode 0600).

    The content and the rename reach the disk before it returns: without that, a power
    loss soon after could leave the new name on an empty file (ext4, XFS), and a watch
    came back without its checkpoint, or the CLI without its credentials.

    A ``private`` file is replaced inside :func:`one_writer`: the scratch files a writer
    killed halfway left beside it (holding what the file held, secrets included) are
    removed first, since no other writer can be at work."""
    if private:
        _remove_abandoned_scratch_files(file)
    scratch = _scratch_file(file, uuid.uuid4().hex)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(scratch, flags, 0o600 if private else 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if private:
                os.chmod(scratch, 0o600)  # O_CREAT's mode is filtered by the umask
            else:
                _take_permissions(scratch, file)
            handle.write(content)
            handle.flush()
            _sync(handle.fileno())
        _replace(scratch, file)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
    _sync_directory(file.parent)


def _scratch_file(file: Path, tag: str) -> Path:
    return beside(file, ".", f".{tag}.tmp")


def _remove_abandoned_scratch_files(file: Path) -> None:
    example = _scratch_file(file, "0" * 32).name
    pattern = re.compile(re.escape(example[: -len("0" * 32 + ".tmp")]) + r"[0-9a-f]{32}\.tmp")
    with contextlib.suppress(OSError), os.scandir(file.parent) as entries:
        for entry in entries:
            if pattern.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


_WINDOWS_REPLACE_PAUSES: Final = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25)
"""Seconds between attempts to replace a file Windows says is in use, about 1 s in all."""


def _replace(scratch: Path, file: Path) -> None:
    """Rename ``scratch`` over ``file``. Windows refuses while another process holds
    ``file`` open (a reader, an antivirus scan), which lasts a moment: tried again."""
    for pause in _WINDOWS_REPLACE_PAUSES if os.name == "nt" else ():
        try:
            os.replace(scratch, file)
        except PermissionError:
            time.sleep(pause)
        else:
            return
    os.replace(scratch, file)


def _sync(descriptor: int) -> None:
    """Write the file or directory open at ``descriptor`` to the disk. On macOS, fsync
    leaves it in the drive's cache, which a power loss empties; F_FULLFSYNC does not (a
    file system that refuses it, such as some network ones, gets fsync)."""
    if sys.platform == "darwin":
        import fcntl

        with contextlib.suppress(OSError):
            fcntl.fcntl(descriptor, fcntl.F_FULLFSYNC)
            return
    os.fsync(descriptor)


def _take_permissions(scratch: Path, file: Path) -> None:
    """Give ``scratch`` the permission bits (no set-id or sticky bit) and, where the
    system has groups, the group of ``file``, when there is one, before anything is
    written in it."""
    try:
        current = os.stat(file)
    except FileNotFoundError:  # the first save makes it, 0666 less the umask
        return
    if hasattr(os, "chown"):  # not on Windows
        with contextlib.suppress(OSError):  # a group the writer is not in: its own, then
            os.chown(scratch, -1, current.st_gid)
    os.chmod(scratch, current.st_mode & 0o777)


# What systems answer to a directory's fsync they do not do (Linux with CIFS: EINVAL;
# NetBSD: EBADF; HP-UX: EISDIR), as coreutils' shred takes them.
_CANNOT_SYNC_DIRECTORIES: Final = {errno.EINVAL, errno.EBADF, errno.EISDIR}


def _sync_directory(directory: Path) -> None:
    """Write ``directory``'s entries (a rename in it) to the disk, where the system can:
    Windows opens no directory, and some systems refuse to sync one."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows; a directory its writer may not read (mode 0300)
        return
    try:
        _sync(descriptor)
    except OSError as error:
        if error.errno not in _CANNOT_SYNC_DIRECTORIES:
            raise
    finally:
        os.close(descriptor)
