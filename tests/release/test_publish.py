"""Publishing to a real index (pypiserver on 127.0.0.1, uploads behind a password)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.release.distributions import artifacts
from tools.release.local_index import local_index
from tools.release.publish import (
    Credentials,
    PublishError,
    existing_files,
    publish,
    resolve_simple_url,
)

# Release tooling and the Quick start do not depend on the interpreter the suite runs on:
# they run once, on the primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only

USER, PASSWORD = "maintainer", "s3cret-Upload-Pass"
CREDENTIALS = Credentials(USER, PASSWORD)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[str]:
    with local_index(tmp_path / "index" / "packages", USER, PASSWORD) as url:
        yield url


def subset(built: Path, target: Path, *prefixes: str) -> Path:
    target.mkdir()
    for path in artifacts(built):
        if path.name.startswith(prefixes):
            shutil.copy2(path, target)
    return target


def on_index(url: str, project: str) -> set[str]:
    return set(existing_files(f"{url}simple/", project, Credentials(None, None)))


def test_the_index_listens_on_loopback_and_stops(tmp_path: Path) -> None:
    with local_index(tmp_path / "packages", USER, PASSWORD) as url:
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(f"{url}simple/", timeout=10) as response:  # noqa: S310
            assert response.status == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}simple/", timeout=10)  # noqa: S310


def test_upload_needs_the_password(built: Path, tmp_path: Path, index: str) -> None:
    dist = subset(built, tmp_path / "dist", "hirelink_core-")
    with pytest.raises(PublishError, match="twine upload failed"):
        publish(dist, index, credentials=Credentials(USER, "wrong-password"))
    assert on_index(index, "hirelink-core") == set()


def test_publish_then_republish_is_a_no_op(
    built: Path, tmp_path: Path, index: str, capsys: pytest.CaptureFixture[str]
) -> None:
    dist = subset(built, tmp_path / "dist", "hirelink_core-", "hirelink_recruitee_api-")
    first = publish(dist, index, credentials=CREDENTIALS)
    assert sorted(p.name for p in first.upload) == [p.name for p in artifacts(dist)]
    assert on_index(index, "hirelink-core") == {
        p.name for p in artifacts(dist) if p.name.startswith("hirelink_core-")
    }
    again = publish(dist, index, credentials=CREDENTIALS)
    assert again.upload == []
    assert again.conflicts == []
    assert sorted(p.name for p in again.skip) == [p.name for p in artifacts(dist)]
    output = capsys.readouterr()
    assert "nothing to upload" in output.out
    assert PASSWORD not in output.out + output.err


def test_changed_file_under_a_published_version_is_refused(
    built: Path, tmp_path: Path, index: str
) -> None:
    published = subset(built, tmp_path / "published", "hirelink_core-")
    publish(published, index, credentials=CREDENTIALS)
    # The same version rebuilt from other sources, next to a distribution not yet published.
    dist = subset(built, tmp_path / "dist", "hirelink_core-", "hirelink_join-")
    wheel = next(dist.glob("hirelink_core-*.whl"))
    changed = tmp_path / "changed.whl"
    with zipfile.ZipFile(wheel) as source, zipfile.ZipFile(changed, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "hirelink/core/__init__.py":
                data += b"\n# changed without a version bump\n"
            target.writestr(item, data)
    changed.replace(wheel)
    with pytest.raises(PublishError) as refused:
        publish(dist, index, credentials=CREDENTIALS)
    message = str(refused.value)
    assert "nothing was uploaded" in message
    assert f"{wheel.name}: the index has a different file of that name" in message
    assert "bump its version" in message
    assert on_index(index, "hirelink-join") == set()  # not even the new distribution


def test_simple_url_is_found_below_the_upload_url(index: str) -> None:
    assert resolve_simple_url(index, Credentials(None, None)) == f"{index}simple/"
    assert resolve_simple_url("https://upload.pypi.org/legacy/", CREDENTIALS) == (
        "https://pypi.org/simple/"
    )


def test_command_line_takes_credentials_from_the_environment_only(
    built: Path, tmp_path: Path, index: str
) -> None:
    dist = subset(built, tmp_path / "dist", "hirelink_join-")
    command = [sys.executable, "-m", "tools.release.publish", "--index-url", index]
    command += ["--dist", str(dist)]
    root = Path(__file__).resolve().parents[2]
    env = {"PATH": "/usr/bin:/bin", "TWINE_USERNAME": USER, "TWINE_PASSWORD": PASSWORD}
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "uploaded 2 files, skipped 0" in done.stdout
    assert PASSWORD not in done.stdout + done.stderr
    refused = subprocess.run(
        [*command, "--password", PASSWORD], cwd=root, env=env, capture_output=True, text=True
    )
    assert refused.returncode == 2  # argparse: no such option
    assert "unrecognized arguments: --password" in refused.stderr
