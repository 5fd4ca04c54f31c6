"""Credential placement as ``httpx.Auth`` flows.

One class covers every static credential our providers use: Recruitee's
``Authorization: Bearer <token>``, JOIN's raw ``Authorization: <token>`` and the
Recruitee Partners ``RT-PARTNER-SECRET: <secret>`` header.
"""

from __future__ import annotations

from collections.abc import Generator

import httpx

from .secrets import Secret


class HeaderAuth(httpx.Auth):
    """Sets ``header`` to ``prefix + secret`` on every request."""

    def __init__(self, secret: str | Secret, *, header: str = "Authorization", prefix: str = ""):
        self._secret = Secret.coerce(secret)
        self._header = header
        self._prefix = prefix

    @classmethod
    def bearer(cls, token: str | Secret) -> HeaderAuth:
        return cls(token, prefix="Bearer ")

    def rotate(self, secret: str | Secret) -> None:
        """Send ``secret`` from the next request on (after the provider replaced it)."""
        self._secret = Secret.coerce(secret)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._header] = self._prefix + self._secret.reveal()
        yield request

    def __repr__(self) -> str:
        return f"HeaderAuth(header={self._header!r}, secret={self._secret!r})"
