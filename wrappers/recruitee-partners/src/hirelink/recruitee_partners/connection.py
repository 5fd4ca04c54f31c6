"""``check_connection``: one verdict per credential a Recruitee Partners client holds.

The checks never change anything:

1. **Personal API token** (RC only) - read the partner record. A 401 refuses the token;
   a 404 is read as the token accepted and no record there yet (the token is needed
   before any partner exists; that Recruitee checks the token before looking for the
   record is inferred, as the stand-in does); a 403 accepts the token but not for that
   company. In production Recruitee takes no personal token at all: it is reported
   unusable there, without a request.
2. **Partner secret** - read a sample candidate's reports. A 401 refuses the secret; a
   404 leaves it unjudged: read as no partner by the codename in this environment (a
   partner not yet promoted exists on RC only), which is inferred, since Recruitee may
   answer 404 for the sample candidate too.

A credential the client was not given gets no verdict: either one alone is a working
setup (the personal token before any partner exists, the secret in production). A client
given neither gets a failed verdict for each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from hirelink.core import (
    AuthenticationError,
    Call,
    Flow,
    HirelinkError,
    NotFoundError,
    PermissionDeniedError,
)
from hirelink.core.checks import ConnectionCheck, Outcome, attempt, unjudged

__all__ = ["PROBE_CANDIDATE_ID", "PROBE_COMPANY_ID", "ConnectionCheck", "connection_flow"]

PROBE_COMPANY_ID: Final = 1
"""The company whose partner record is read when no ``company_id`` is given, and whose
sample candidate's reports are read; only whether Recruitee accepts the credential counts."""
PROBE_CANDIDATE_ID: Final = 1
"""The sample candidate whose reports are read to check a credential."""

_TOKEN: Final = ("personal_token", "Personal API token (RC)")
_SECRET: Final = ("partner_secret", "Partner secret")
_WHERE_TO_FIND: Final = {
    "personal_token": (
        "Create a Personal API token on Recruitee's RC environment "
        "(https://app.rc.recruitee.dev/#/settings/api_tokens) and pass it as personal_token."
    ),
    "partner_secret": (
        "Pass the partner record's secret as partner_secret: returned when the partner was "
        "created on RC or its secret regenerated (get_partner reads the current one)."
    ),
}


def connection_flow(
    *,
    codename: str,
    environment: str,
    given: frozenset[str],
    company_id: int | None,
    partner_record: Callable[[int], Call[Any]],
    reports: Callable[[], Call[Any]],
) -> Flow[list[ConnectionCheck]]:
    """The checks (see the module docstring); yields calls, returns the verdicts.

    ``partner_record(company_id)`` reads the partner record of that company; ``reports``
    reads the sample candidate's reports.
    """
    checks: list[ConnectionCheck] = []
    if not given:
        checks.append(
            ConnectionCheck.failed(*_TOKEN, "not given", _WHERE_TO_FIND["personal_token"])
        )
        checks.append(
            ConnectionCheck.failed(*_SECRET, "not given", _WHERE_TO_FIND["partner_secret"])
        )
        return checks
    if "personal_token" in given:
        if environment != "rc":
            detail = (
                "not checked: Recruitee accepts the personal token on RC only, and this "
                "client is for production"
            )
            fix = (
                "Check it with a client for RC (environment='rc'), where partner records are "
                "managed; a production client needs only partner_secret."
            )
            checks.append(ConnectionCheck.failed(*_TOKEN, detail, fix))
        else:
            company = PROBE_COMPANY_ID if company_id is None else company_id
            outcome = yield from attempt(partner_record(company))
            checks.append(_token_verdict(codename, company, company_id is not None, outcome))
    if "partner_secret" in given:
        outcome = yield from attempt(reports())
        checks.append(_secret_verdict(codename, environment, outcome))
    return checks


def _token_verdict(
    codename: str, company: int, company_given: bool, outcome: Outcome
) -> ConnectionCheck:
    if not isinstance(outcome, HirelinkError):
        return ConnectionCheck.passed(
            *_TOKEN, f"accepted; company {company} holds the partner record {codename!r}"
        )
    if isinstance(outcome, NotFoundError):
        if company_given:
            detail = (
                f"accepted; company {company} holds no partner record {codename!r} yet "
                "(create_partner makes it)"
            )
        else:
            detail = (
                f"accepted; no partner record {codename!r} found in company {company} "
                "(pass company_id, your RC company, to look for it there)"
            )
        return ConnectionCheck.passed(*_TOKEN, detail)
    if isinstance(outcome, AuthenticationError):
        detail = "Recruitee refused the token (401)"
        return ConnectionCheck.failed(
            *_TOKEN, detail, outcome.hint or _WHERE_TO_FIND["personal_token"]
        )
    if isinstance(outcome, PermissionDeniedError):
        detail = f"accepted, but refused for the partner record in company {company} (403)"
        fix = (
            "Use a Personal API token of a user of the RC company that owns the partner, "
            "and pass that company as company_id."
        )
        return ConnectionCheck.failed(*_TOKEN, detail, fix)
    return _not_judged(_TOKEN, outcome)


def _secret_verdict(codename: str, environment: str, outcome: Outcome) -> ConnectionCheck:
    if not isinstance(outcome, HirelinkError):
        return ConnectionCheck.passed(*_SECRET, "accepted (a reports read succeeded)")
    if isinstance(outcome, AuthenticationError):
        detail = "Recruitee refused the secret (401); regenerating a secret retires the old one"
        return ConnectionCheck.failed(
            *_SECRET, detail, outcome.hint or _WHERE_TO_FIND["partner_secret"]
        )
    if isinstance(outcome, NotFoundError):
        detail = (
            f"not judged: a reports read answered 404, most likely no partner {codename!r} "
            f"in {environment} (or no sample candidate there)"
        )
        fix = (
            "Check the codename (chosen when the partner was created) and the environment: "
            "a partner not yet promoted by Recruitee exists on RC only. If both are right, "
            "a report operation on one of your own candidates judges the secret."
        )
        return ConnectionCheck.failed(*_SECRET, detail, fix, outcome)
    return _not_judged(_SECRET, outcome)


def _not_judged(credential: tuple[str, str], outcome: HirelinkError) -> ConnectionCheck:
    """Recruitee out of reach, failing or refusing otherwise: nothing is known about the
    credential."""
    return unjudged(
        *credential, outcome, provider="Recruitee", host="the environment's Partners API host"
    )
