"""Personio's error answers as specific hirelink exceptions (an ``ErrorRefiner``).

The Recruiting API v1 explains a refusal with reason codes, either per field
(``{"field": "email", "errors": [{"reason": "errors.applicant-already-exists"}]}``) or
in a general error's ``detail``. Core's parser already lists the field errors on the
exception (``field_errors``: field -> reason codes); this module picks the exception
class from the codes and writes a message that says what happened. It also explains
the two failures users trip over when connecting: a missing XML feed and client
credentials the token endpoint refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import urlsplit

from hirelink.core import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    DuplicateApplicationError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnprocessableEntityError,
)
from hirelink.core.redaction import shown_url

__all__ = ["REASONS", "reason_codes", "refine_personio_error"]

DUPLICATE: Final = "errors.applicant-already-exists"

REASONS: Final[Mapping[str, tuple[type[ApiError], str]]] = {
    DUPLICATE: (
        DuplicateApplicationError,
        "this email address has already applied to this job position",
    ),
    "errors.job-position.not-published": (
        NotFoundError,
        "the job position is not published (or does not exist)",
    ),
    "errors.posting-validation.channel-not-found": (
        NotFoundError,
        "Personio knows no recruiting channel with this id",
    ),
    "errors.posting-validation.posting-not-found": (
        NotFoundError,
        "the external posting id is unknown or belongs to another channel",
    ),
    "errors.file-validation.file-not-exists": (
        NotFoundError,
        "a referenced document uuid does not resolve to an uploaded file",
    ),
    "feature.recruiting.disabled": (
        PermissionDeniedError,
        "the company has no recruiting feature in Personio",
    ),
    "feature.public-api.disabled": (
        PermissionDeniedError,
        "the company's plan does not include Recruiting API access",
    ),
    "errors.file-too-big": (UnprocessableEntityError, "the file is larger than Personio accepts"),
    "errors.invalid-file-type": (
        UnprocessableEntityError,
        "Personio does not accept this file type",
    ),
    "errors.attribute-validation.unknown": (BadRequestError, "an attribute id is unknown"),
    "errors.attribute-validation.required-attribute": (
        BadRequestError,
        "an attribute the company made mandatory is missing or blank",
    ),
    "errors.attribute-validation.invalid-date-format": (
        BadRequestError,
        "a date attribute is not an ISO 8601 local date (YYYY-MM-DD)",
    ),
    "errors.attribute-validation.invalid-email-format": (
        BadRequestError,
        "the email address does not look valid",
    ),
    "errors.attribute-validation.invalid-type": (
        BadRequestError,
        "an attribute's type is not supported by the API",
    ),
    "errors.attribute-validation.unknown-attribute-option": (
        BadRequestError,
        "an option attribute got a value that is not one of its options",
    ),
    "errors.date-validation.date-in-the-future": (
        BadRequestError,
        "the application date lies in the future",
    ),
    "errors.phase-validation.invalid-system-phase": (
        BadRequestError,
        "the system phase is not supported",
    ),
    "errors.file-validation.unknown-file-category": (
        BadRequestError,
        "a document category is unknown",
    ),
}
"""Every documented reason code: the exception raised for it and what it means."""

# When several codes come back at once, the most specific class wins.
_PRECEDENCE: Final = (
    DuplicateApplicationError,
    PermissionDeniedError,
    NotFoundError,
    UnprocessableEntityError,
    BadRequestError,
)

_QUOTED_CODE: Final = re.compile(r"\b(?:errors|feature)\.[a-z0-9.-]*[a-z0-9]")

# OAuth error codes of Personio's token endpoint that say nothing about the credentials.
_TOKEN_OUTAGES: Final = frozenset({"server_error", "temporarily_unavailable"})

_FEED_HELP: Final = (
    "check that the API domain is the subdomain of your Personio login page "
    "(https://<subdomain>.personio.de) and that the feed is switched on under Settings > "
    "Recruiting > Career page > Activations > Enable XML feed"
)


def reason_codes(error: ApiError) -> list[str]:
    """The reason codes of a Personio error: v1's field errors' and general errors' codes,
    and documented codes quoted in an item's ``detail`` text (v2's error format is not
    documented; the stand-in writes ``... (email: errors.applicant-already-exists)``)."""
    codes = [text for texts in error.field_errors.values() for text in texts if text]
    body: Any = error.error
    if isinstance(body, Mapping) and isinstance(body.get("errors"), list):
        for item in body["errors"]:
            detail = item.get("detail") if isinstance(item, Mapping) else None
            if isinstance(detail, str):  # a code alone (v1) or quoted in a text (v2)
                codes.extend(code for code in _QUOTED_CODE.findall(detail) if code in REASONS)
    return list(dict.fromkeys(codes))


def _class_for(codes: Iterable[str]) -> type[ApiError] | None:
    classes = {REASONS[code][0] for code in codes if code in REASONS}
    return next((cls for cls in _PRECEDENCE if cls in classes), None)


def _scope_for(method: str, path: str) -> str | None:
    """The v2 scope a request needs, by its path (Personio's own names; hirelink writes no
    persons, whose write scope is named differently)."""
    reads = method.upper() in ("GET", "HEAD")
    for prefix, resource in (
        ("/v2/recruiting/", "recruiting"),
        ("/v2/webhooks", "webhooks"),
        ("/v2/persons", "persons"),
    ):
        if prefix in path and (reads or resource != "persons"):
            return f"personio:{resource}:{'read' if reads else 'write'}"
    return None


def at_token_endpoint(error: ApiError) -> bool:
    """Whether ``error`` is an answer of the v2 token endpoint (the client credentials')."""
    return urlsplit(error.url).path.endswith("/v2/auth/token")


def _no_feed(error: ApiError) -> str:
    """Why the feed host answered no feed (switched off, an unknown company, or elsewhere)."""
    answer = f"HTTP {error.status_code}"
    location = error.headers.get("location", "") if 300 <= error.status_code < 400 else ""
    moved = ""
    if location:
        location = shown_url(location)
        shown = location if len(location) <= 200 else f"{location[:200]}..."
        answer = f"{answer}, redirected to {shown!r}; hirelink follows no redirects"
        try:
            target = urlsplit(location)
        except ValueError:  # a bracketed host that is no IPv6 address: no suggestion
            target = urlsplit("")
        if target.scheme in ("http", "https") and target.netloc and target.path.endswith("/xml"):
            moved = f"; if the feed has moved there, pass jobs_base_url='{target.scheme}://{target.netloc}'"
    return f"no XML job feed at {error.url} ({answer}): {_FEED_HELP}{moved}"


def refine_personio_error(error: ApiError) -> ApiError | None:
    """The :data:`~hirelink.core.errors.ErrorRefiner` of the Personio clients."""
    path = urlsplit(error.url).path
    if path.endswith("/xml") and (
        error.status_code in (404, 410) or 300 <= error.status_code < 400
    ):
        return error.recast(NotFoundError, _no_feed(error))
    if at_token_endpoint(error) and error.status_code in (400, 401):
        body: Any = error.error
        # OAuth's "error" is a code; Personio v1's error body holds an object there.
        code = body.get("error") if isinstance(body, Mapping) else None
        if isinstance(code, str) and code in _TOKEN_OUTAGES:
            return error.recast(
                ServerError,
                f"Personio's token endpoint cannot issue tokens now ({error.message}); "
                "the credentials were not judged: try again later",
            )
        # Where to find them is the client's credential hint, added to the message.
        return error.recast(
            AuthenticationError, f"Personio refused the client credentials ({error.message})"
        )
    if error.status_code == 403 and "scope" in error.message.lower():
        needed = _scope_for(error.method, path)
        if needed is not None:
            return error.recast(
                PermissionDeniedError,
                f"{error.message} (this call needs the scope {needed}: give the custom "
                "integration it in Personio; a token taken before keeps its scopes until "
                "it expires or is revoked)",
            )
    codes = reason_codes(error)
    cls = _class_for(codes)
    if cls is None and error.status_code == 413 and path.endswith("/documents"):
        # Without Personio's own body (a front proxy's page), a 413 is still the file size.
        return error.recast(
            UnprocessableEntityError, f"{REASONS['errors.file-too-big'][1]} (HTTP 413)"
        )
    if cls is None:
        return None
    # Each code after the fields it was given for (which of several custom attributes?).
    fields: dict[str, list[str]] = {}
    for field, texts in error.field_errors.items():
        for code in texts:
            fields.setdefault(code, []).append(field)
    meanings = [
        (f"{', '.join(fields[code])}: " if code in fields else "")
        + (f"{REASONS[code][1]} ({code})" if code in REASONS else code)
        for code in codes
    ]
    return error.recast(cls, "; ".join(meanings))
