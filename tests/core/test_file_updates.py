"""Files replaced whole (checkpoints, the CLI's credentials): on the disk before the
update returns, and with the permissions the file had."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hirelink.core import file_updates
from hirelink.core.feeds import FileFeedStore
from hirelink.core.file_updates import replace_file
from tests.core.windows_locks import FakeMsvcrt

WINDOWS_WRITER = Path(__file__).with_name("windows_locks.py")


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Each ``os.fsync`` (the inode synced) and ``os.replace`` (the inode moved), in order."""
    calls: list[tuple[str, int]] = []
    fsync, replace = os.fsync, os.replace

    def recorded_fsync(descriptor: int) -> None:
        calls.append(("fsync", os.fstat(descriptor).st_ino))
        fsync(descriptor)

    def recorded_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append(("replace", os.stat(source).st_ino))
        replace(source, target)

    monkeypatch.setattr(os, "fsync", recorded_fsync)
    monkeypatch.setattr(os, "replace", recorded_replace)
    return calls


def test_the_content_and_then_the_rename_are_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replaced without a sync, a file came back empty after a power loss (the new name
    reached the disk before the content): a watch lost its checkpoint, the CLI its
    credentials."""
    target = tmp_path / "checkpoints.json"
    target.write_text("{}")
    calls = _recording(monkeypatch)
    replace_file(target, b'{"feed": "x"}')
    new_file, directory = target.stat().st_ino, tmp_path.stat().st_ino
    assert calls == [("fsync", new_file), ("replace", new_file), ("fsync", directory)]


@pytest.mark.parametrize("refusal", [errno.EINVAL, errno.EBADF, errno.EISDIR])
def test_a_directory_that_cannot_be_synced_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refusal: int
) -> None:
    """Some systems refuse to sync a directory (Linux with CIFS: EINVAL; NetBSD: EBADF;
    HP-UX: EISDIR): the file is replaced all the same, and saying so would stop every save
    there."""
    fsync = os.fsync

    def refusing_directories(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(refusal, os.strerror(refusal))
        fsync(descriptor)

    monkeypatch.setattr(os, "fsync", refusing_directories)
    target = tmp_path / "checkpoints.json"
    replace_file(target, b"{}")
    assert target.read_bytes() == b"{}"


def test_a_checkpoint_file_keeps_its_permissions(tmp_path: Path) -> None:
    """A file made 0660 for a service's group came back 0644 (the umask's) at the next
    save: the group's other workers could no longer save."""
    path = tmp_path / "checkpoints.json"
    path.write_text("")
    path.chmod(0o660)
    store = FileFeedStore(path)
    assert store.acquire_lease("feed", "me", 10)
    assert store.save_checkpoint("feed", "me", "first")
    assert store.save_checkpoint("feed", "me", "second")
    store.release_lease("feed", "me")
    assert stat.S_IMODE(path.stat().st_mode) == 0o660
    assert "second" in path.read_text()


def test_a_private_file_is_0600_whatever_it_was(tmp_path: Path) -> None:
    target = tmp_path / "credentials.toml"
    target.write_text("")
    target.chmod(0o644)
    replace_file(target, b"[credentials]\n", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_group_of_the_file_is_kept_and_no_set_id_bit(tmp_path: Path) -> None:
    """The new file took its writer's group, which a second service user of the file's
    group then could not read; a set-id bit of the old file was copied too."""
    groups = [group for group in os.getgroups() if group != os.getegid()]
    if os.geteuid() != 0 and not groups:
        pytest.skip("needs a group of this user's other than its own, or root")
    group = groups[0] if os.geteuid() != 0 else 54321
    target = tmp_path / "checkpoints.json"
    target.write_text("{}")
    os.chown(target, -1, group)
    target.chmod(0o6770)
    replace_file(target, b'{"feed": "x"}')
    assert target.stat().st_gid == group
    assert stat.S_IMODE(target.stat().st_mode) == 0o770


def test_on_windows_writers_in_several_processes_take_turns(tmp_path: Path) -> None:
    """Without ``fcntl`` the writers took turns within a process only: a `credentials
    add` beside a run saving a newly issued secret lost one of the two (the secret, in 4
    runs of 10), and watches sharing one checkpoint file lost checkpoints. ``msvcrt``
    (here a stand-in with Windows' rules) locks the same lock file."""
    counter = tmp_path / "counter"
    writers = [
        subprocess.Popen([sys.executable, str(WINDOWS_WRITER), str(counter), "150"])  # noqa: S603 - this interpreter, a test script
        for _ in range(2)
    ]
    for writer in writers:
        assert writer.wait(timeout=60) == 0
    assert counter.read_text() == "300"


def test_on_windows_a_lease_is_held_by_one_store_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without ``fcntl`` every worker held the lease, so two watches of one feed both
    delivered each change. ``msvcrt`` locks the lease's lock file, once (a lease held
    elsewhere is not waited for); releasing it frees it."""
    msvcrt = FakeMsvcrt()
    monkeypatch.setattr(file_updates, "system_fcntl", lambda: None)
    monkeypatch.setattr(file_updates, "system_msvcrt", lambda: msvcrt, raising=False)
    path = tmp_path / "checkpoints.json"
    first, second = FileFeedStore(path), FileFeedStore(path)  # as two processes would
    assert first.acquire_lease("feed", "a", 30)
    assert not second.acquire_lease("feed", "b", 30)
    assert not second.save_checkpoint("feed", "b", "two")
    assert first.save_checkpoint("feed", "a", "one")
    first.release_lease("feed", "a")
    assert second.acquire_lease("feed", "b", 30)
    assert second.save_checkpoint("feed", "b", "two")
    assert json.loads(path.read_text()) == {"feed": "two"}
    second.release_lease("feed", "b")  # its lock file closed, not left to the collector
    assert {mode for mode, _ in msvcrt.calls} == {FakeMsvcrt.LK_NBLCK, FakeMsvcrt.LK_UNLCK}
    assert {position for _, position in msvcrt.calls} == {0}  # every holder locks byte 0


def test_on_windows_a_target_held_open_for_a_moment_is_replaced_after_it_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another process holds open (a reader, an
    antivirus scan): the save failed with PermissionError at once."""
    target = tmp_path / "checkpoints.json"
    target.write_text("{}")
    replace, refusals = os.replace, [0]

    def held_open_twice(
        source: str | os.PathLike[str], destination: str | os.PathLike[str]
    ) -> None:
        if refusals[0] < 2:
            refusals[0] += 1
            raise PermissionError(errno.EACCES, "Access is denied", str(destination))
        replace(source, destination)

    with monkeypatch.context() as windows:  # undone before pytest makes paths again
        windows.setattr(os, "replace", held_open_twice)
        windows.setattr(os, "name", "nt")
        replace_file(target, b'{"feed": "x"}')
    assert refusals == [2]
    assert target.read_bytes() == b'{"feed": "x"}'
    assert sorted(path.name for path in tmp_path.iterdir()) == ["checkpoints.json"]


def test_on_macos_the_content_is_synced_to_the_disk_not_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """macOS' fsync leaves the content in the drive's cache, which a power loss empties:
    F_FULLFSYNC writes it to the disk. A file system that refuses it (some network
    ones) is synced with fsync."""
    import fcntl

    full_syncs: list[int] = []
    refuse = [False]

    def recorded_fcntl(descriptor: int, command: int, argument: int = 0) -> int:
        assert command == 51
        full_syncs.append(os.fstat(descriptor).st_ino)
        if refuse[0]:
            raise OSError(errno.ENOTSUP, "Operation not supported")
        return 0

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(fcntl, "fcntl", recorded_fcntl)
    target = tmp_path / "checkpoints.json"
    calls = _recording(monkeypatch)
    replace_file(target, b"{}")
    assert full_syncs[0] == target.stat().st_ino
    assert ("fsync", target.stat().st_ino) not in calls
    refuse[0] = True
    calls.clear()
    replace_file(target, b'{"feed": "x"}')
    assert calls[0] == ("fsync", target.stat().st_ino)
    assert target.read_bytes() == b'{"feed": "x"}'


def test_a_lease_whose_lock_file_was_deleted_passes_to_one_holder_only(tmp_path: Path) -> None:
    """Files hunt: a cleaner of old files in /tmp deleting the lease's lock file let a
    second worker lock a new one, and both renewed and saved."""
    first, second = FileFeedStore(tmp_path / "cp.json"), FileFeedStore(tmp_path / "cp.json")
    assert first.acquire_lease("feed", "a", 30)
    (lock,) = tmp_path.glob("cp.json.*.lock")
    lock.unlink()
    assert second.acquire_lease("feed", "b", 30)
    assert second.save_checkpoint("feed", "b", "from b")
    assert not first.save_checkpoint("feed", "a", "from a")
    assert not first.acquire_lease("feed", "a", 30)
    assert json.loads((tmp_path / "cp.json").read_text()) == {"feed": "from b"}
    second.release_lease("feed", "b")
    assert first.acquire_lease("feed", "a", 30)  # free again, on the file now there


def test_a_checkpoint_name_near_the_systems_limit_is_usable(tmp_path: Path) -> None:
    """Files hunt: a 230-byte name the system takes failed with "File name too long" at
    the scratch and lock files beside it, whose names are longer."""
    long_names = [tmp_path / ("c" * 250), tmp_path / ("ü" * 110 + ".json")]
    for path in long_names:
        store = FileFeedStore(path)
        assert store.acquire_lease("feed", "me", 30)
        assert store.save_checkpoint("feed", "me", "saved")
        assert FileFeedStore(path).load_checkpoint("feed") == "saved"
        store.release_lease("feed", "me")
    # Cut names of two long files that differ only at their end stay apart.
    one, other = (tmp_path / ("d" * 250 + "1"), tmp_path / ("d" * 250 + "2"))
    assert file_updates.writers_lock(one) != file_updates.writers_lock(other)
    assert all(len(os.fsencode(path.name)) <= 255 for path in tmp_path.iterdir())


def test_a_private_file_leaves_no_abandoned_copy_of_its_secrets(tmp_path: Path) -> None:
    """Files hunt: a writer killed halfway left a scratch copy of every stored secret,
    which `credentials remove` left on the disk."""
    file = tmp_path / "credentials.toml"
    abandoned = tmp_path / f".credentials.toml.{'ab' * 16}.tmp"
    abandoned.write_text('token = "old secret"')
    unrelated = [tmp_path / ".credentials.toml.notours.tmp", tmp_path / f".other.{'ab' * 16}.tmp"]
    for path in unrelated:
        path.write_text("keep")
    with file_updates.one_writer(file) as resolved_file:
        replace_file(resolved_file, b'token = "new"', private=True)
    assert not abandoned.exists()
    assert all(path.read_text() == "keep" for path in unrelated)
    assert file.read_bytes() == b'token = "new"'


def test_a_failure_names_the_file_beside_the_one_meant(tmp_path: Path) -> None:
    file = tmp_path / "cp.json"
    beside = OSError(errno.EACCES, "Permission denied", str(tmp_path / "cp.json.lock"))
    assert file_updates.failure(file, beside) == f"{file}: Permission denied ({beside.filename})"
    itself = OSError(errno.EACCES, "Permission denied", str(file))
    assert file_updates.failure(file, itself) == f"{file}: Permission denied"


def test_a_checkpoint_that_cannot_be_saved_says_why_whatever_its_folder_is_named(
    tmp_path: Path,
) -> None:
    """Review: the reason was cut off the message at its first ": ", which a folder's
    name may hold ("acme: prod/cp.json: Is a directory" came out)."""
    folder = tmp_path / "acme: prod"
    folder.mkdir()
    store = FileFeedStore(folder / "cp.json")
    assert store.acquire_lease("feed", "me", 30)
    (folder / "cp.json").mkdir()  # where the file should be
    with pytest.raises(IsADirectoryError) as caught:
        store.save_checkpoint("feed", "me", "x")
    assert caught.value.strerror == "the checkpoint of watch feed was not saved: Is a directory"
