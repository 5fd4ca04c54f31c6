"""Upload built distributions to a package index, never overwriting anything.

    python -m tools.release.publish --index-url URL [--simple-url URL] [--dist DIR]
                                    [--check-fresh]

``--index-url`` is the upload endpoint of any index that speaks the standard upload
protocol (``https://upload.pypi.org/legacy/``, a pypiserver's or devpi's URL, ...).
Before anything is uploaded, every file is looked up in the index's simple API
(PEP 503 / PEP 691; derived from ``--index-url`` or given as ``--simple-url``):

- a file of that name with the same sha256 is skipped (republishing is a no-op);
- a file of that name with other content refuses the whole publish: nothing is
  uploaded, and the message says which version needs a bump;
- the rest is uploaded by twine.

Credentials: ``TWINE_USERNAME`` and ``TWINE_PASSWORD`` from the environment, or
keyring (as twine looks them up). There is no option for a password, and neither
this tool nor twine's output (filtered here) ever shows it. ``--check-fresh``
rebuilds every distribution and refuses files that differ from what the sources build.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from .build import build_all, twine_check
from .distributions import ROOT, artifacts, project_of

KNOWN_SIMPLE_URLS = {
    "https://upload.pypi.org/legacy/": "https://pypi.org/simple/",
    "https://test.pypi.org/legacy/": "https://test.pypi.org/simple/",
}
ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"


class PublishError(Exception):
    """Publishing refused; the message says why."""


@dataclass
class Plan:
    upload: list[Path] = field(default_factory=list)
    skip: list[Path] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Credentials:
    username: str | None
    password: str | None

    @classmethod
    def lookup(cls, index_url: str) -> Credentials:
        """From TWINE_USERNAME/TWINE_PASSWORD, else keyring (as twine does)."""
        username = os.environ.get("TWINE_USERNAME")
        password = os.environ.get("TWINE_PASSWORD")
        if password is None and username:
            try:
                import keyring

                password = keyring.get_password(index_url, username)
            except Exception:  # no usable keyring backend: no password
                password = None
        return cls(username, password)

    def header(self) -> dict[str, str]:
        if not (self.username and self.password):
            return {}
        token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}

    def redact(self, text: str) -> str:
        return text.replace(self.password, "********") if self.password else text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def _get(url: str, credentials: Credentials, accept: str = ACCEPT) -> tuple[bytes, str] | None:
    """(body, content type) of ``url``; None on 404. Credentials only if asked (401)."""
    for headers in ({"Accept": accept}, {"Accept": accept, **credentials.header()}):
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - http(s) index URL
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            if error.code != 401 or "Authorization" in headers or not credentials.header():
                raise PublishError(f"{url}: HTTP {error.code} {error.reason}") from None
    raise AssertionError("unreachable")


def existing_files(simple_url: str, project: str, credentials: Credentials) -> dict[str, str]:
    """{file name: sha256} of a project on the index (empty when it has none)."""
    page_url = urljoin(simple_url, f"{project}/")
    found = _get(page_url, credentials)
    if found is None:
        return {}
    body, content_type = found
    files: dict[str, str] = {}
    if "json" in content_type:
        for entry in json.loads(body)["files"]:
            digest = entry.get("hashes", {}).get("sha256")
            files[entry["filename"]] = digest or _sha256_of(
                urljoin(page_url, entry["url"]), credentials
            )
        return files
    parser = _Links()
    parser.feed(body.decode())
    for href in parser.hrefs:
        url, fragment = urldefrag(urljoin(page_url, href))
        name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        algorithm, _, digest = fragment.partition("=")
        files[name] = digest if algorithm == "sha256" else _sha256_of(url, credentials)
    return files


def _sha256_of(url: str, credentials: Credentials) -> str:
    found = _get(url, credentials, accept="*/*")
    if found is None:
        raise PublishError(f"{url}: listed by the index but not found")
    return hashlib.sha256(found[0]).hexdigest()


def plan(files: Sequence[Path], simple_url: str, credentials: Credentials) -> Plan:
    """Which files to upload, which to skip, and which conflict with the index."""
    result = Plan()
    on_index: dict[str, dict[str, str]] = {}
    for path in files:
        project, version = project_of(path.name)
        if project not in on_index:
            on_index[project] = existing_files(simple_url, project, credentials)
        there = on_index[project].get(path.name)
        if there is None:
            result.upload.append(path)
        elif there == hashlib.sha256(path.read_bytes()).hexdigest():
            result.skip.append(path)
        else:
            result.conflicts.append(
                f"{path.name}: the index has a different file of that name: {project} "
                f"{version} was published from other sources; bump its version (and "
                "CHANGELOG) instead of replacing a published file"
            )
    return result


def resolve_simple_url(index_url: str, credentials: Credentials) -> str:
    """The simple API belonging to an upload URL (pypiserver ``/simple/``, devpi ``+simple/``)."""
    if index_url in KNOWN_SIMPLE_URLS:
        return KNOWN_SIMPLE_URLS[index_url]
    base = index_url.rstrip("/") + "/"
    for candidate in (urljoin(base, "simple/"), urljoin(base, "+simple/")):
        try:
            if _get(candidate, credentials) is not None:
                return candidate
        except PublishError:
            continue
    raise PublishError(f"no simple API found below {index_url}: pass --simple-url")


def stale_files(files: Sequence[Path]) -> list[str]:
    """Files that differ from (or are missing in) a fresh build of the sources."""
    with tempfile.TemporaryDirectory(prefix="hirelink-fresh-") as scratch:
        fresh = {p.name: p.read_bytes() for p in build_all(Path(scratch), ROOT)}
    return [
        f"{path.name}: not what the sources build now; run `nox -s build`"
        for path in files
        if fresh.get(path.name) != path.read_bytes()
    ]


def upload(files: Sequence[Path], index_url: str, credentials: Credentials) -> None:
    """twine upload; credentials reach it through the environment only."""
    command = [sys.executable, "-m", "twine", "upload", "--non-interactive"]
    command += ["--disable-progress-bar", "--repository-url", index_url, *map(str, files)]
    env = dict(os.environ)
    if credentials.username and credentials.password:  # e.g. found in keyring
        env.update(TWINE_USERNAME=credentials.username, TWINE_PASSWORD=credentials.password)
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    print(credentials.redact(done.stdout + done.stderr).rstrip())
    if done.returncode != 0:
        raise PublishError(f"twine upload failed (exit {done.returncode})")


def publish(
    dist: Path,
    index_url: str,
    simple_url: str | None = None,
    *,
    credentials: Credentials | None = None,
    check_fresh: bool = False,
) -> Plan:
    """Check, plan and upload everything in ``dist``; raises PublishError when refused.

    ``credentials`` default to the environment or keyring (see :meth:`Credentials.lookup`).
    """
    files = artifacts(dist)
    if not files:
        raise PublishError(f"{dist} has no wheels or sdists: run `nox -s build`")
    if check_fresh and (stale := stale_files(files)):
        raise PublishError("\n".join(stale))
    twine_check(files)
    credentials = credentials or Credentials.lookup(index_url)
    simple = simple_url or resolve_simple_url(index_url, credentials)
    result = plan(files, simple, credentials)
    for path in result.skip:
        print(f"skip {path.name}: already on the index with the same content")
    if result.conflicts:
        raise PublishError(
            "refusing to publish; nothing was uploaded:\n" + "\n".join(result.conflicts)
        )
    if result.upload:
        upload(result.upload, index_url, credentials)
    else:
        print("nothing to upload: the index has every file already")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", required=True, help="upload URL of the index")
    parser.add_argument("--simple-url", help="its simple API (default: derived)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument(
        "--check-fresh", action="store_true", help="refuse files the working tree does not build"
    )
    args = parser.parse_args(argv)
    try:
        result = publish(args.dist, args.index_url, args.simple_url, check_fresh=args.check_fresh)
    except PublishError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"uploaded {len(result.upload)} files, skipped {len(result.skip)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
