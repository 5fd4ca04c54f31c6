"""Reading an index's simple API: PEP 691 JSON, PEP 503 HTML, hashes, 404 and 401."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from tests.local_servers import serving
from tools.release.publish import Credentials, PublishError, existing_files

# Release tooling and the Quick start do not depend on the interpreter the suite runs on:
# they run once, on the primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only

SDIST = b"sdist bytes"
WHEEL = b"wheel bytes"
AUTH = "Basic " + base64.b64encode(b"user:pass").decode()
JSON_PAGE = {
    "meta": {"api-version": "1.0"},
    "name": "alpha",
    "files": [
        {"filename": "alpha-1.0-py3-none-any.whl", "url": "x", "hashes": {"sha256": "ab12"}},
        {"filename": "alpha-1.0.tar.gz", "url": "/files/alpha-1.0.tar.gz", "hashes": {}},
    ],
}
HTML_PAGE = (
    '<html><body><a href="../../files/beta-2.0-py3-none-any.whl#sha256=cd34">'
    'beta-2.0-py3-none-any.whl</a><a href="/files/beta-2.0.tar.gz">beta-2.0.tar.gz</a>'
    "</body></html>"
)


class Handler(BaseHTTPRequestHandler):
    seen_auth: list[str | None] = []  # noqa: RUF012 - shared on purpose, reset per test

    def do_GET(self) -> None:
        routes: dict[str, tuple[str, bytes]] = {
            "/simple/alpha/": (
                "application/vnd.pypi.simple.v1+json",
                json.dumps(JSON_PAGE).encode(),
            ),
            "/simple/beta/": ("text/html", HTML_PAGE.encode()),
            "/files/alpha-1.0.tar.gz": ("application/octet-stream", SDIST),
            "/files/beta-2.0.tar.gz": ("application/octet-stream", WHEEL),
            "/private/simple/beta/": ("text/html", HTML_PAGE.encode()),
        }
        if self.path.startswith("/private/"):
            Handler.seen_auth.append(self.headers.get("Authorization"))
            if self.headers.get("Authorization") != AUTH:
                self.send_response(401)
                self.end_headers()
                return
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        content_type, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    Handler.seen_auth = []
    with serving(Handler) as url:
        yield url


NOBODY = Credentials(None, None)


def test_json_page_with_and_without_hashes(server: str) -> None:
    assert existing_files(f"{server}/simple/", "alpha", NOBODY) == {
        "alpha-1.0-py3-none-any.whl": "ab12",
        "alpha-1.0.tar.gz": hashlib.sha256(SDIST).hexdigest(),  # downloaded and hashed
    }


def test_html_page_with_and_without_hash_fragments(server: str) -> None:
    assert existing_files(f"{server}/simple/", "beta", NOBODY) == {
        "beta-2.0-py3-none-any.whl": "cd34",
        "beta-2.0.tar.gz": hashlib.sha256(WHEEL).hexdigest(),
    }


def test_unknown_project_has_no_files(server: str) -> None:
    assert existing_files(f"{server}/simple/", "gamma", NOBODY) == {}


def test_credentials_are_sent_only_when_the_index_asks(server: str) -> None:
    files = existing_files(f"{server}/private/simple/", "beta", Credentials("user", "pass"))
    assert files["beta-2.0-py3-none-any.whl"] == "cd34"
    assert Handler.seen_auth == [None, AUTH]


def test_missing_credentials_are_an_error(server: str) -> None:
    with pytest.raises(PublishError, match="HTTP 401"):
        existing_files(f"{server}/private/simple/", "beta", NOBODY)
