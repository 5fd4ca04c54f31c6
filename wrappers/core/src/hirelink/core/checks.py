"""Connection checks: one verdict per credential, for a provider's ``check_connection``.

A check is a :data:`~hirelink.core.Flow` that tries each credential with a cheap request
and turns every answer, error included, into a :class:`ConnectionCheck`: the user learns
which credential is wrong and what to do about it, instead of one exception for the first
failure.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any

from attrs import frozen

from .calls import Call, worth_retrying
from .errors import (
    ApiError,
    AuthenticationError,
    HirelinkError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    UnusableClientError,
)
from .transport import certificate_refused, handshake_refused, proxy_refused

__all__ = [
    "ConnectionCheck",
    "Outcome",
    "attempt",
    "one_read_check",
    "says_nothing",
    "unjudged",
]


@frozen
class ConnectionCheck:
    """The verdict on one credential.

    Attributes:
        name: which credential (the provider lists its names).
        label: what was checked, for people.
        ok: whether it works.
        detail: what was observed.
        fix: what to do about a failure (None when ``ok``).
        unavailable: the check failed because the provider could not be reached or
            answered with a 5xx or 429, or with an answer that could not be read, or the
            shared store was unavailable, so nothing is known about the credential yet.
        not_found: the check failed on a 404: what it read was not found (a wrong
            subdomain or codename, say), so the credential itself was not judged.
        inconclusive: the check failed on another answer that says nothing of the
            credential (a redirect from a wrong ``base_url``, a 400), so it was not judged.
    """

    name: str
    label: str
    ok: bool
    detail: str
    fix: str | None = None
    unavailable: bool = False
    not_found: bool = False
    inconclusive: bool = False

    @classmethod
    def passed(cls, name: str, label: str, detail: str) -> ConnectionCheck:
        return cls(name, label, True, detail)

    @classmethod
    def failed(
        cls, name: str, label: str, detail: str, fix: str, outcome: Outcome = None
    ) -> ConnectionCheck:
        """A failure; ``outcome`` (the error met, if any) tells whether it was unavailability,
        a 404, or another error that judges nothing (a refusal, 401 or 403, judges)."""
        unavailable = says_nothing(outcome) or isinstance(outcome, MalformedResponseError)
        not_found = isinstance(outcome, NotFoundError)
        judging = AuthenticationError | PermissionDeniedError | NotFoundError
        inconclusive = (
            isinstance(outcome, HirelinkError)
            and not unavailable
            and not isinstance(outcome, judging)
        )
        return cls(name, label, False, detail, fix, unavailable, not_found, inconclusive)


Outcome = Any
"""A call's result, or the HirelinkError it raised."""


def attempt(call: Call[Any]) -> Generator[Call[Any], Any, Outcome]:
    """Yield ``call`` from a flow; its result, or the error it raised, is the outcome. A
    client that cannot be used (closed, or in another event loop) is raised: no verdict on
    the connection, which nothing was sent over."""
    try:
        return (yield call)
    except UnusableClientError:
        raise
    except HirelinkError as error:
        return error


def says_nothing(outcome: Outcome) -> bool:
    """Whether an outcome says nothing about the credential: what a later try may change
    (:func:`~hirelink.core.calls.worth_retrying`: the provider out of reach, failing,
    asking to slow down, or the shared store unavailable)."""
    return worth_retrying(outcome)


def unjudged(
    name: str, label: str, outcome: HirelinkError, *, provider: str, host: str | None = None
) -> ConnectionCheck:
    """A failed verdict that judges nothing: ``provider`` was out of reach, failing or
    asking to slow down, or it refused otherwise (a 404 from a wrong ``base_url``, which
    should be ``host``, say)."""
    where = host or f"{provider}'s API host"
    if says_nothing(outcome):
        fix = f"Check the network and {provider}'s status, then try again."
    elif isinstance(outcome, InvalidInputError):  # a setting: HTTPS_PROXY, SSL_CERT_FILE
        fix = f"Fix {outcome.field}, then try again."
    elif certificate_refused(outcome):
        fix = (
            "Check that the server is the one meant; behind a proxy that inspects TLS, trust"
            " its CA certificate (SSL_CERT_FILE or SSL_CERT_DIR), then try again."
        )
    elif handshake_refused(outcome):
        fix = (
            "The server refused the TLS handshake: if it asks for a client certificate (an"
            " mTLS gateway), give the client an httpx_client whose verify= context loads it"
            " (SSLContext.load_cert_chain), then try again."
        )
    elif proxy_refused(outcome.__cause__ or outcome):
        # The detail names the proxy and where it was set (a variable, the system's settings).
        fix = "Check the proxy's credentials and what it allows, then try again."
    else:
        fix = f"Check the client's base_url ({where}), then try again."
    return ConnectionCheck.failed(name, label, str(outcome), fix, outcome)


def one_read_check(
    name: str,
    label: str,
    read: Call[Any],
    *,
    provider: str,
    accepted: Callable[[Any], str],
    refusals: Mapping[int, tuple[str, str]],
) -> Generator[Call[Any], Any, list[ConnectionCheck]]:
    """The connection check of a provider with one credential: yields ``read`` and returns
    the verdict on its outcome. A pass says ``accepted(result)``; an :class:`ApiError`
    whose status ``refusals`` lists gets its detail and fix; a 401 it does not list names
    the error's own hint (where the customer finds the credential); anything else is
    :func:`unjudged`."""
    outcome = yield from attempt(read)
    if not isinstance(outcome, HirelinkError):
        return [ConnectionCheck.passed(name, label, accepted(outcome))]
    if isinstance(outcome, ApiError) and outcome.status_code in refusals:
        detail, fix = refusals[outcome.status_code]
        return [ConnectionCheck.failed(name, label, detail, fix, outcome)]
    if isinstance(outcome, AuthenticationError):
        detail = f"{provider} refused it (401)"
        return [ConnectionCheck.failed(name, label, detail, outcome.hint or "Check it.", outcome)]
    return [unjudged(name, label, outcome, provider=provider)]
