"""``check_connection``: one verdict per credential of Personio's connection flow.

The checks never create data:

1. **API domain and XML feed** - fetch the feed.
2. **Recruiting API key** - submit an application Personio must refuse (its date lies
   far in the future). Personio checks the key first (401, or 403 when the company
   lacks the feature) and then reports every invalid field together, so a 400 proves
   the key works.
3. **Recruiting API channel ID** - sent with that probe; an unknown channel comes back as
   ``errors.posting-validation.channel-not-found`` next to the date error.
4. **Client credentials**, then **their recruiting scope** (two verdicts) - list the job categories:
   the token exchange proves the credentials, the read proves the scope.
5. **The recruiting write scope** - read from the scopes the issued token lists (nothing
   is written): without the Recruiting API key, applications and their documents go
   through v2, which needs ``personio:recruiting:write``.

The checks are written once, as a :data:`~hirelink.core.Flow`: a generator that yields
the calls to make and receives their results; the sync and async clients drive it like
every other operation made of several calls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Sized
from typing import Final

import attrs

from hirelink.core import ApiError, AuthenticationError, Call, Flow, HirelinkError
from hirelink.core.checks import ConnectionCheck, Outcome, attempt, unjudged

from ._errors import at_token_endpoint, reason_codes
from .credentials import WHERE_TO_FIND, Credentials
from .positions import JobPosition

__all__ = ["ConnectionCheck", "connection_flow"]


RECRUITING_READ: Final = "personio:recruiting:read"
RECRUITING_WRITE: Final = "personio:recruiting:write"
_CHANNEL_UNKNOWN: Final = "errors.posting-validation.channel-not-found"
_FEED_FIX: Final = (
    "Use the subdomain of your Personio login page as the API domain, and switch on "
    "Settings > Recruiting > Career page > Activations > Enable XML feed."
)
_SCOPE_FIX: Final = (
    "Give the custom integration read access to Recruiting (Personio > Marketplace > "
    "your custom integration > access rights), then check again."
)
_WRITE_SCOPE_FIX: Final = (
    "To create applications without the Recruiting API key, give the custom integration "
    "write access to Recruiting (Personio > Marketplace > your custom integration > access "
    "rights), then check again."
)
_WRITE_LABEL: Final = "Recruiting write scope"


_passed, _failed = ConnectionCheck.passed, ConnectionCheck.failed


def _where(credentials: Credentials | None, *names: str) -> str:
    """Where to copy each of ``names`` from (and why its variable was not read, if so)."""
    where = WHERE_TO_FIND.get if credentials is None else credentials.where_to_find
    found = (f"{name} from {where(name)}" for name in names)
    return "Copy " + "; ".join(found) + "."


def connection_flow(
    credentials: Credentials,
    feed_url: str,
    *,
    feed: Call[Sequence[JobPosition]],
    probe: Callable[[int], Call[None]],
    categories: Callable[[], Call[Sized]],
    granted_scopes: Callable[[], Sequence[str]],
) -> Flow[list[ConnectionCheck]]:
    """The checks (see the module docstring); yields calls, returns the verdicts.

    ``feed`` reads the XML feed; ``probe`` is the refused submission to a position id;
    ``categories`` reads the v2 job categories; ``granted_scopes`` are the v2 token's.
    """
    checks: list[ConnectionCheck] = []

    feed_label = "API domain and XML feed"
    positions = yield from attempt(feed)
    position_id = 1
    if isinstance(positions, HirelinkError):
        checks.append(_failed("xml_feed", feed_label, str(positions), _FEED_FIX, positions))
    else:
        detail = f"{len(positions)} published position(s) at {feed_url}"
        checks.append(_passed("xml_feed", feed_label, detail))
        position_id = positions[0].id if positions else position_id

    key_label, channel_label = "Recruiting API key", "Recruiting API channel ID"
    reasons: list[str] = []
    missing = credentials.missing("company_id", "recruiting_token")
    if missing:
        checks.append(
            _failed(
                "recruiting_api_key",
                key_label,
                f"not given: {', '.join(missing)}",
                _where(credentials, *missing),
            )
        )
    else:
        probe_outcome = yield from attempt(probe(position_id))
        key, reasons = _key_verdict(key_label, probe_outcome)
        checks.append(key)
    key = checks[-1]

    channel = credentials.channel_id
    if channel is None:
        checks.append(
            _failed(
                "recruiting_channel_id",
                channel_label,
                "not given",
                _where(credentials, "channel_id"),
            )
        )
    elif not key.ok:  # judged as the key is: a key out of reach leaves it unjudged too
        checks.append(
            attrs.evolve(
                key,
                name="recruiting_channel_id",
                label=channel_label,
                detail="cannot be checked while the Recruiting API key fails",
                fix="Fix the Recruiting API key first.",
            )
        )
    elif _CHANNEL_UNKNOWN in reasons:
        detail = f"Personio knows no recruiting channel {channel}"
        checks.append(
            _failed(
                "recruiting_channel_id", channel_label, detail, _where(credentials, "channel_id")
            )
        )
    else:
        checks.append(
            _passed("recruiting_channel_id", channel_label, f"channel {channel} accepted")
        )

    client_label, scope_label = "Client credentials (custom integration)", "Recruiting read scope"
    missing = credentials.missing("client_id", "client_secret")
    if missing:
        checks.append(
            _failed(
                "client_credentials",
                client_label,
                f"not given: {', '.join(missing)}",
                _where(credentials, *missing),
            )
        )
        checks.append(
            _failed(
                "recruiting_scope",
                scope_label,
                "needs the client credentials",
                _where(credentials, *missing),
            )
        )
        checks.append(
            _failed(
                "recruiting_write_scope",
                _WRITE_LABEL,
                "needs the client credentials",
                _where(credentials, *missing),
            )
        )
        return checks
    categories_answer = yield from attempt(categories())
    scopes = " ".join(granted_scopes()) or "not listed"
    if not isinstance(categories_answer, HirelinkError):
        checks.append(
            _passed("client_credentials", client_label, f"token issued; scopes: {scopes}")
        )
        detail = f"{len(categories_answer)} job categories readable"
        checks.append(_passed("recruiting_scope", scope_label, detail))
        checks.append(_write_scope_verdict(granted_scopes(), key_accepted=key.ok))
    elif isinstance(categories_answer, AuthenticationError) and at_token_endpoint(
        categories_answer
    ):
        fix = _where(credentials, "client_id", "client_secret")
        checks.append(_failed("client_credentials", client_label, categories_answer.message, fix))
        checks.append(
            _failed("recruiting_scope", scope_label, "needs working client credentials", fix)
        )
        checks.append(
            _failed("recruiting_write_scope", _WRITE_LABEL, "needs working client credentials", fix)
        )
    elif (
        isinstance(categories_answer, ApiError)
        and categories_answer.status_code == 403
        and not at_token_endpoint(categories_answer)
    ):
        checks.append(
            _passed("client_credentials", client_label, f"token issued; scopes: {scopes}")
        )
        detail = f"the token lacks {RECRUITING_READ} ({categories_answer.message})"
        checks.append(_failed("recruiting_scope", scope_label, detail, _SCOPE_FIX))
        checks.append(_write_scope_verdict(granted_scopes(), key_accepted=key.ok))
    else:
        answer = categories_answer
        # Another refusal (a 404 from a wrong base_url, say) judges neither credential.
        checks.append(unjudged("client_credentials", client_label, answer, provider="Personio"))
        fix = checks[-1].fix or ""
        for scope_name, label in (
            ("recruiting_scope", scope_label),
            ("recruiting_write_scope", _WRITE_LABEL),
        ):
            checks.append(_failed(scope_name, label, "could not be checked", fix, answer))
    return checks


def _write_scope_verdict(scopes: Sequence[str], *, key_accepted: bool) -> ConnectionCheck:
    """Whether the issued token may submit applications through v2 (from its scopes), or
    need not: with the Recruiting API key accepted, applications go through v1. A token
    for reading only failed the check, and the whole check, of a setup that works."""
    name = "recruiting_write_scope"
    if RECRUITING_WRITE in scopes:
        detail = f"the token carries {RECRUITING_WRITE}: applications can be created through v2"
        return _passed(name, _WRITE_LABEL, detail)
    if key_accepted:
        detail = (
            f"not needed: applications go through the Recruiting API key (the token lacks"
            f" {RECRUITING_WRITE}, which only creating them without the key needs)"
        )
        return _passed(name, _WRITE_LABEL, detail)
    if not scopes:
        detail = "the token lists no scopes, so the write scope cannot be read from it"
        return _failed(name, _WRITE_LABEL, detail, _WRITE_SCOPE_FIX)
    detail = f"the token lacks {RECRUITING_WRITE} (it carries {' '.join(scopes)})"
    return _failed(name, _WRITE_LABEL, detail, _WRITE_SCOPE_FIX)


def _key_verdict(label: str, outcome: Outcome) -> tuple[ConnectionCheck, list[str]]:
    name = "recruiting_api_key"
    if not isinstance(outcome, HirelinkError):
        detail = (
            "accepted, and Personio created the probe application 'Connection Check' "
            "(it should have refused its future date): delete it in Personio"
        )
        return _passed(name, label, detail), []
    if not isinstance(outcome, ApiError):
        fix = "Check the network and Personio's status, then try again."
        return _failed(name, label, str(outcome), fix, outcome), []
    if outcome.status_code == 400:
        return _passed(name, label, "Company ID and access token accepted"), reason_codes(outcome)
    if outcome.status_code == 401:
        detail = "Personio did not recognise the Company ID and access token"
        return _failed(name, label, detail, _where(None, "company_id", "recruiting_token")), []
    if outcome.status_code == 403:
        fix = "Ask Personio to enable recruiting and Recruiting API access for the company."
        return _failed(name, label, outcome.message, fix), []
    if outcome.status_code == 429:
        fix = "The company's 20 requests per minute are used up; check again in a minute."
        return _failed(name, label, outcome.message, fix, outcome), []
    return _failed(name, label, str(outcome), "Try again later.", outcome), []
