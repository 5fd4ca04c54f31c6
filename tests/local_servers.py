"""Small HTTP servers of the standard library, served from a thread on loopback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(handler: Callable[..., BaseHTTPRequestHandler], path: str = "") -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 until the block ends; its URL (ending in ``path``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class OneAtATime:
    """A listener on 127.0.0.1 that hands each connection, one at a time on its thread, to
    :meth:`handle`; :meth:`stop` ends it (call it as the test ends)."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        port: int = self._listener.getsockname()[1]
        return port

    def handle(self, connection: socket.socket) -> None:
        raise NotImplementedError

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                self.handle(connection)

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(5)
        self._listener.close()


def read_head(connection: socket.socket) -> bytes:
    """What ``connection`` sent up to the end of a request's head (or until it closed)."""
    head = b""
    while b"\r\n\r\n" not in head and (chunk := connection.recv(4096)):
        head += chunk
    return head
