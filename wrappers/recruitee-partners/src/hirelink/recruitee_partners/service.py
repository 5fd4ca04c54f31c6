"""The partner service kit: the three endpoints Recruitee calls, as one ASGI app.

Recruitee calls a partner's service when a customer connects the integration
(``validate_token``), when a user opens the send dialog (``tests``) and when the user
clicks "Send" (``send_candidate``). Every call carries the token the partner issued to
the customer as ``Authorization: Bearer <token>``. :func:`create_partner_app` answers
those calls the way Recruitee expects; the partner supplies three callbacks::

    from hirelink.recruitee_partners.service import (
        Refusal,
        SendCandidatePayload,
        create_partner_app,
    )

    def invite(token: str, payload: SendCandidatePayload) -> None:
        if out_of_invitations(token):
            raise Refusal("Your plan has no invitations left.", status_code=402)
        send_invitation(payload.email, test_id=payload.test_id, report_id=payload.report_id)

    app = create_partner_app(
        validate_token=lambda token: token in issued_tokens,
        list_tests=lambda token: [{"id": 11, "name": "Python fundamentals"}],
        on_send_candidate=invite,
    )

Run it alone (``uvicorn mymodule:app``) or mount it in Starlette or FastAPI
(``main_app.mount("/recruitee", app)``). Callbacks may be plain functions or ``async``
functions (awaited). Plain ones run on worker threads of the kit's own, at most
:data:`~hirelink.core.receiver.CALLBACK_THREADS` at once (a ``list_tests`` generator is
read there too): a burst of slow calls waits for those, and leaves anyio's shared pool to
the application's sync endpoints.

Answers: 401 when the token is missing, holds a character outside ASCII (refused before
``validate_token`` is called) or ``validate_token`` rejects it; 400 for a body that is
not JSON; 422 for a payload with missing or mistyped fields; 413 for a body over
``max_body_bytes`` (or the status of the application's own limit, when it is mounted in
one that refuses the body first); 415 for a compressed one (a ``Content-Encoding``); the
status and message of a :class:`Refusal`; 500 when a callback fails unexpectedly. Every
error body is ``{"error": "<message>"}``, which Recruitee shows to its user; no answer or
log line carries a stack trace or the customer's token (of 6 characters or more: a
shorter value sent as one is no token, and is left as it is). The refusals (400, 422
each time; 401, 413, 415 at once, then at most once a minute per status, counted) are
logged at WARNING on ``hirelink.recruitee_partners.service``, as a webhook receiver's
(:class:`~hirelink.core.receiver.RefusalLog`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, Protocol
from uuid import UUID

from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hirelink.api.recruitee_partners.inbound import AvailableTest, SendCandidatePayload
from hirelink.core.receiver import (
    DEFAULT_MAX_BODY_BYTES,
    RefusalLog,
    Rejection,
    answer,
    bearer_token,
    callback_threads,
    decode_json,
    describe_problems,
    error_response,
    invoke,
    read_body,
    receiver_app,
)
from hirelink.core.secrets import mask_value

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "AvailableTest",
    "AvailableTestLike",
    "CandidateReceiver",
    "HasIdAndName",
    "Refusal",
    "SendCandidatePayload",
    "TestLister",
    "TokenValidator",
    "create_partner_app",
]

logger = logging.getLogger("hirelink.recruitee_partners.service")

_NOT_ACCEPTED = "the token was not accepted"


class Refusal(Rejection):
    """Raise it from a callback to answer ``{"error": message}`` with ``status_code``.

    Recruitee shows ``message`` to its user (in place of a generic "problem with the
    partner's API"), so write it for them: "Your plan has no invitations left." A 401
    or 403 status tells Recruitee the customer's token is invalid. It is your answer, which
    the kit does not log (it logs its own refusals only).
    """

    logged = False

    def __init__(self, message: str, status_code: int = 422) -> None:
        if not isinstance(message, str) or not message.strip():
            raise ValueError("a Refusal needs a message for the Recruitee user")
        if isinstance(status_code, bool) or not isinstance(status_code, int):
            raise ValueError(f"status_code must be an int, got {status_code!r}")
        if not 400 <= status_code <= 599:
            raise ValueError(f"status_code must be a 4xx or 5xx status, got {status_code}")
        super().__init__(message, status_code)


class HasIdAndName(Protocol):
    """Any object with ``id`` and ``name``: an ORM row, a dataclass, an ``AvailableTest``."""

    @property
    def id(self) -> int | str:
        """The test's id, as Recruitee will send it back."""
        ...

    @property
    def name(self) -> str:
        """The test's name, as recruiters see it."""
        ...


AvailableTestLike = Mapping[str, Any] | HasIdAndName
"""One entry of ``list_tests``: ``{"id": 11, "name": "Python fundamentals"}`` or an object."""

TokenValidator = Callable[[str], bool | Awaitable[bool]]
"""``validate_token(token)``: whether the token is one the partner issued and still honours."""
TestLister = Callable[[str], Iterable[AvailableTestLike] | Awaitable[Iterable[AvailableTestLike]]]
"""``list_tests(token)``: the tests (or packages) this customer may choose from."""
CandidateReceiver = Callable[[str, SendCandidatePayload], object]
"""``on_send_candidate(token, payload)``: take the candidate (e.g. invite them). Its result
is awaited when it is awaitable (an ``async def``), and otherwise not used."""


def _error(status_code: int, message: str) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status_code == 401 else None
    return error_response(status_code, message, headers)


def _bearer_token(request: Request) -> str:
    token = bearer_token(request)
    if not token:
        raise Rejection("missing bearer token: send 'Authorization: Bearer <token>'", 401)
    if not token.isascii():
        # Header bytes arrive as latin-1 text, so such a token cannot equal one the
        # partner issued; refused before validate_token, whose hmac.compare_digest on a
        # non-ASCII str would raise and turn an unauthenticated call into a 500.
        raise Rejection(_NOT_ACCEPTED, 401)
    return token


def _mask(text: str, token: str) -> str:
    # A customer token is masked here rather than registered as a hirelink Secret: the
    # Secret registry is process-wide and would grow with every token anyone sends. One
    # under 6 characters is not (no token issued is that short): "Bearer e" had every "e"
    # of the line masked.
    return mask_value(text, token)


def _test_entry(index: int, test: object) -> dict[str, object]:
    keys = ("id", "name")
    if isinstance(test, Mapping):
        fields = {key: test[key] for key in keys if key in test}
    else:
        fields = {key: getattr(test, key) for key in keys if hasattr(test, key)}
    if isinstance(fields.get("id"), UUID):  # a row keyed by a UUID: sent back as text
        fields["id"] = str(fields["id"])
    unusable = f"list_tests returned an unusable test #{index}"
    if isinstance(fields.get("id"), bool):
        raise TypeError(f"{unusable}: id: a bool is not an id")
    try:
        model = AvailableTest.model_validate(fields)
    except ValidationError as error:
        raise TypeError(f"{unusable}: {describe_problems(error)}") from None
    # Only the documented keys go to Recruitee, whatever else a row may hold.
    return {"id": model.id, "name": model.name}


class _PartnerService:
    """The endpoints, bound to the partner's callbacks."""

    def __init__(
        self,
        validate_token: TokenValidator,
        list_tests: TestLister,
        on_send_candidate: CandidateReceiver,
        max_body_bytes: int,
    ) -> None:
        self._validate_token = validate_token
        self._list_tests = list_tests
        self._on_send_candidate = on_send_candidate
        self._max_body_bytes = max_body_bytes
        self._refusals = RefusalLog(logger, "the partner service", refused_what="a call")
        self._threads = callback_threads(self._refusals.component)

    async def validate_token(self, request: Request) -> Response:
        return await self._answer(request, self._accepted)

    async def tests(self, request: Request) -> Response:
        return await self._answer(request, self._tests)

    async def send_candidate(self, request: Request) -> Response:
        return await self._answer(request, self._send_candidate)

    async def _answer(
        self, request: Request, endpoint: Callable[[Request, str], Awaitable[Response]]
    ) -> Response:
        sent = bearer_token(request)

        async def respond() -> Response:
            token = _bearer_token(request)
            if not await invoke(
                "validate_token", self._validate_token, token, threads=self._threads
            ):
                raise Rejection(_NOT_ACCEPTED, 401)
            return await endpoint(request, token)

        return await answer(
            request,
            respond,
            logger=logger,
            component="the partner service",
            failure_message="the partner service failed to handle the request",
            mask=lambda text: _mask(text, sent),
            error=_error,
            refusals=self._refusals,
        )

    async def _accepted(self, request: Request, token: str) -> Response:
        return JSONResponse({})

    async def _tests(self, request: Request, token: str) -> Response:
        offered = await invoke("list_tests", self._list_tests, token, threads=self._threads)
        if isinstance(offered, str | bytes | Mapping) or not isinstance(offered, Iterable):
            raise TypeError(f"list_tests must return an iterable of tests, got {offered!r}")
        listed = isinstance(offered, list | tuple)
        tests = offered if listed else await self._threads.run(list, offered)
        return JSONResponse([_test_entry(index, test) for index, test in enumerate(tests)])

    async def _send_candidate(self, request: Request, token: str) -> Response:
        document = decode_json(await read_body(request, self._max_body_bytes))
        test_id = document.get("test_id") if isinstance(document, dict) else None
        if isinstance(test_id, int) and not isinstance(test_id, bool):
            # The tests list may give numbers: a number echoed back is the same test (it
            # was refused, and the Recruitee user's send failed).
            document["test_id"] = str(test_id)
        try:
            payload = SendCandidatePayload.model_validate(document)
        except ValidationError as error:
            raise Rejection(describe_problems(error), 422) from None
        await invoke(
            "on_send_candidate", self._on_send_candidate, token, payload, threads=self._threads
        )
        return JSONResponse({})


def create_partner_app(
    *,
    validate_token: TokenValidator,
    list_tests: TestLister,
    on_send_candidate: CandidateReceiver,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    validate_token_path: str = "/validate_token",  # noqa: S107 - a path, not a token
    tests_path: str = "/tests",
    send_candidate_path: str = "/send_candidate",
) -> Starlette:
    """The ASGI app answering Recruitee's calls to a partner (see the module docstring).

    Args:
        validate_token: ``(token) -> bool``; called first on every request, so a token
            revoked later is refused everywhere.
        list_tests: ``(token) -> iterable`` of ``{"id", "name"}`` mappings or objects
            with ``id`` and ``name``; served at ``GET tests_path``.
        on_send_candidate: ``(token, payload)`` with the validated
            :class:`SendCandidatePayload` (what it returns is not used); served at
            ``POST send_candidate_path``.
        max_body_bytes: larger send_candidate bodies are refused with 413.
        validate_token_path, tests_path, send_candidate_path: where the endpoints are
            (the addresses to register in the partner's ``urls``).

    Raises:
        ValueError: a callback is not callable, a path is not absolute or two coincide,
            or ``max_body_bytes`` is not a positive integer.
    """
    callbacks = {
        "validate_token": validate_token,
        "list_tests": list_tests,
        "on_send_candidate": on_send_candidate,
    }
    service = _PartnerService(validate_token, list_tests, on_send_candidate, max_body_bytes)
    routes = [
        ("GET", validate_token_path, service.validate_token),
        ("GET", tests_path, service.tests),
        ("POST", send_candidate_path, service.send_candidate),
    ]
    return receiver_app(routes, callbacks=callbacks, max_body_bytes=max_body_bytes)
