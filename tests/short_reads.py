"""A file object that gives less than asked a read, as raw pipes and sockets do."""

from __future__ import annotations

import io
from typing import Any


class Trickle(io.RawIOBase):
    """At most ``chunk`` bytes of ``data`` a read, as a raw pipe, a socket's unbuffered
    file or any :class:`io.RawIOBase` gives what has arrived; a ``chunk`` of None is a
    non-blocking stream with nothing to read yet (its reads give None)."""

    def __init__(self, data: bytes, chunk: int | None = 4096) -> None:
        self.left = io.BytesIO(data)
        self.chunk = chunk

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        if self.chunk is None:
            return None
        given = self.left.read(min(len(buffer), self.chunk))
        buffer[: len(given)] = given
        return len(given)
