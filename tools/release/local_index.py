"""A throwaway package index on 127.0.0.1: pypiserver, served from this process.

The server runs in a daemon thread of the calling process, so it can never outlive it,
and the context manager stops it on the way out. Uploads need the given username and
password (a throwaway htpasswd file); reading is open. Fallback to PyPI is off, so
the index serves only what it holds.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pypiserver  # type: ignore[import-untyped]
from passlib.apache import HtpasswdFile  # type: ignore[import-untyped]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""


@contextmanager
def local_index(packages: Path, username: str, password: str) -> Iterator[str]:
    """Serve ``packages`` on 127.0.0.1 (a free port); yields the index's URL."""
    packages.mkdir(parents=True, exist_ok=True)
    # pypiserver does not accept an htpasswd file it serves as a package (outside packages/).
    htpasswd_path = packages.parent / f"htpasswd-{secrets.token_hex(4)}"
    htpasswd = HtpasswdFile(str(htpasswd_path), new=True)
    htpasswd.set_password(username, password)
    htpasswd.save()
    app = pypiserver.app(
        roots=[packages],
        password_file=str(htpasswd_path),
        authenticate=["update"],
        disable_fallback=True,
        hash_algo="sha256",
    )
    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, name="local-index", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=30)
        htpasswd_path.unlink(missing_ok=True)
