"""The credentials of Personio's connection flow, and where a customer finds each."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final
from urllib.parse import urlsplit

from attrs import frozen

from hirelink.core import InvalidInputError, Secret
from hirelink.core.validation import credential_text, described, numeric_id, secret

__all__ = ["WHERE_TO_FIND", "Credentials", "subdomain_of"]

_SUBDOMAIN = re.compile(r"(?P<name>[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)")  # a DNS label
_PERSONIO_HOST = re.compile(rf"{_SUBDOMAIN.pattern}(?:\.jobs)?\.personio\.(?:de|com)")
_PERSONIOS_OWN = frozenset({"www", "api", "jobs"})  # Personio's own hosts, no company's

WHERE_TO_FIND: Final[Mapping[str, str]] = {
    "subdomain": "the subdomain of your Personio login page (https://<subdomain>.personio.de)",
    "company_id": (
        "Personio > Settings > Integrations > API credentials > 'Recruiting API key' > Company ID"
    ),
    "recruiting_token": (
        "Personio > Settings > Integrations > API credentials > 'Recruiting API key' > Access token"
    ),
    "channel_id": (
        "Personio > Settings > Recruiting > Channels > your channel > 'Recruiting API channel ID'"
    ),
    "client_id": (
        "Personio > Marketplace > Create custom integration "
        "(https://<subdomain>.personio.de/configuration/marketplace/connected) > client ID"
    ),
    "client_secret": (
        "Personio > Marketplace > Create custom integration "
        "(https://<subdomain>.personio.de/configuration/marketplace/connected) > API Secret"
    ),
}
"""Where a customer finds each credential of the connection flow."""


def _text(field: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(field, f"must be a non-empty string, got {described(value)}")
    return value


def subdomain_of(value: object) -> str:
    """The company's subdomain: ``acme``, or an address of its under personio.de or
    personio.com (``acme.personio.de``, ``https://acme.jobs.personio.com/xml``). Any other
    host is refused: its first label names some other Personio company, or none."""
    text = _text("subdomain", value).strip().lower()
    try:
        host = (urlsplit(text if "://" in text else f"//{text}").hostname or "").rstrip(".")
    except ValueError:  # an unclosed "[" of an IPv6 address
        host = ""
    match = _SUBDOMAIN.fullmatch(host) or _PERSONIO_HOST.fullmatch(host)
    if match is None or match["name"] in _PERSONIOS_OWN:
        problem = (
            f"must be {WHERE_TO_FIND['subdomain']}: give the name alone (acme) or an address "
            f"under personio.de or personio.com (acme.personio.de), got {described(value)}"
        )
        raise InvalidInputError("subdomain", problem)
    return match["name"]


def _digits(field: str, value: object) -> str:
    whole = isinstance(value, int) and not isinstance(value, bool)
    if whole or (isinstance(value, str) and value.strip().isascii() and value.strip().isdigit()):
        return numeric_id(field, value)
    problem = f"must be a numeric id ({WHERE_TO_FIND[field]}), got {described(value)}"
    raise InvalidInputError(field, problem)


@frozen
class Credentials:
    """What the connection flow collects; each operation needs only some of it."""

    subdomain: str
    company_id: str | None = None
    recruiting_token: Secret | None = None
    channel_id: int | None = None
    client_id: str | None = None
    client_secret: Secret | None = None
    unread: tuple[tuple[str, str], ...] = ()
    """Credentials whose environment variable is set but was not read, with the variable:
    the code passed the other kind of API credential, or (for ``channel_id``) any API
    credential (see the client)."""

    @classmethod
    def create(
        cls,
        subdomain: str,
        company_id: int | str | None = None,
        recruiting_token: str | Secret | None = None,
        channel_id: int | str | None = None,
        client_id: str | None = None,
        client_secret: str | Secret | None = None,
    ) -> Credentials:
        """Validate the given credentials (those left out stay None)."""
        return cls(
            subdomain=subdomain_of(subdomain),
            company_id=None if company_id is None else _digits("company_id", company_id),
            recruiting_token=None
            if recruiting_token is None
            else secret("recruiting_token", recruiting_token),
            channel_id=None if channel_id is None else int(_digits("channel_id", channel_id)),
            client_id=None if client_id is None else credential_text("client_id", client_id),
            client_secret=None if client_secret is None else secret("client_secret", client_secret),
        )

    @property
    def given(self) -> tuple[str, ...]:
        """Names of the credentials that were given."""
        names = ("company_id", "recruiting_token", "channel_id", "client_id", "client_secret")
        return tuple(name for name in names if getattr(self, name) is not None)

    def where_to_find(self, name: str) -> str:
        """Where the customer finds ``name``, and why its variable was not read if so."""
        variable = dict(self.unread).get(name)
        if variable is None:
            return WHERE_TO_FIND[name]
        return (
            f"{WHERE_TO_FIND[name]} ({variable} is set but was not read: this client was "
            "passed an API credential without it, and a variable left in a service's "
            f"environment may be another company's; pass {name}= to use it)"
        )

    def missing(self, *names: str) -> list[str]:
        """Which of ``names`` these credentials lack, in the order given."""
        return [name for name in names if getattr(self, name) is None]
