"""Typed errors, secret masking and redacted logging (core unit tests)."""

from __future__ import annotations

import json
import logging
import pickle
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import quote_plus

import httpx
import pytest

from hirelink.core import (
    ApiError,
    AuthenticationError,
    ConflictError,
    HeaderAuth,
    HttpConfig,
    NotFoundError,
    RateLimitError,
    Secret,
    ServerError,
    UnprocessableEntityError,
    scrub,
)
from hirelink.core.errors import api_error_from_response
from hirelink.core.http import build_client
from hirelink.sandbox import StandIn
from hirelink.sandbox.faults import Fault

TOKEN = "tok_live_0123456789abcdef"


def response(status: int, body: object = None, **headers: str) -> httpx.Response:
    request = httpx.Request("POST", f"https://api.test/x?token={TOKEN}")
    if isinstance(body, str):
        return httpx.Response(status, text=body, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


def test_secret_never_shows_its_value() -> None:
    secret = Secret(TOKEN)
    assert TOKEN not in repr(secret)
    assert TOKEN not in f"{secret} {secret!s} {secret!r}"
    assert secret.reveal() == TOKEN
    assert secret == Secret(TOKEN)
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(ValueError, match="empty"):
        Secret("  ")


def test_scrub_removes_live_secrets_from_text() -> None:
    secret = Secret(TOKEN)
    assert scrub(f"Bearer {TOKEN} failed") == "Bearer *** failed"
    assert secret.reveal() == TOKEN


@pytest.mark.parametrize(
    ("status", "body", "expected_type", "message"),
    [
        (401, {"error": "Unauthorized"}, AuthenticationError, "Unauthorized"),
        (404, {"error": {"type": "NotFound", "message": "No job 7"}}, NotFoundError, "No job 7"),
        (409, {"errors": [{"title": "Applicant already exists"}]}, ConflictError, "Applicant"),
        (429, "slow down", RateLimitError, "Too Many Requests"),
        (503, "<html>oops</html>", ServerError, "Service Unavailable"),
        (418, None, ApiError, "I'm a teapot"),
    ],
)
def test_error_class_and_message_follow_status_and_body(
    status: int, body: object, expected_type: type[ApiError], message: str
) -> None:
    error = api_error_from_response(response(status, body))
    assert type(error) is expected_type
    assert error.status_code == status
    assert message in error.message
    assert error.method == "POST"


def test_field_errors_are_collected_from_both_shapes() -> None:
    rails = api_error_from_response(response(422, {"errors": {"candidate.name": ["blank"]}}))
    assert isinstance(rails, UnprocessableEntityError)
    assert rails.field_errors == {"candidate.name": ["blank"]}
    listed = api_error_from_response(
        response(422, {"errors": [{"field": "email", "message": "invalid"}]})
    )
    assert listed.field_errors == {"email": ["invalid"]}


def test_errors_carry_no_secret_in_body_url_headers_or_message() -> None:
    secret = Secret(TOKEN)  # held: only live secrets are scrubbed
    error = api_error_from_response(
        response(401, {"error": f"token {TOKEN} revoked"}, **{"x-echo-auth": TOKEN})
    )
    rendered = " ".join([str(error), repr(error), error.body, error.url, str(error.headers)])
    assert TOKEN not in rendered
    assert error.headers["x-echo-auth"] == "<redacted>"
    assert error.headers["content-type"] == "application/json"
    assert secret.reveal() == TOKEN


def test_refine_hook_can_specialise_an_error() -> None:
    class DuplicateError(ConflictError):
        pass

    def refine(error: ApiError) -> ApiError | None:
        if error.status_code == 409:
            return DuplicateError(error.message, status_code=409)
        return None

    assert isinstance(api_error_from_response(response(409, {}), refine=refine), DuplicateError)
    assert type(api_error_from_response(response(404, {}), refine=refine)) is NotFoundError


def test_client_raises_typed_errors_and_logs_without_the_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen_auth: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen_auth.append(request.headers["authorization"])
        return httpx.Response(404, json={"error": "Not found"})

    config = HttpConfig.create(base_url="https://api.test", auth=HeaderAuth.bearer(TOKEN))
    caplog.set_level(logging.DEBUG, logger="hirelink")
    client = build_client(config, transport=httpx.MockTransport(handler))
    with client, pytest.raises(NotFoundError) as caught:
        client.get("/candidates/1")
    assert seen_auth == [f"Bearer {TOKEN}"]
    assert caught.value.url == "https://api.test/candidates/1"
    assert "request GET" in caplog.text
    assert "-> 404" in caplog.text
    assert "<redacted>" in caplog.text
    assert TOKEN not in caplog.text
    assert TOKEN not in repr(config)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.anyio
async def test_the_http_stacks_own_debug_lines_show_no_credential(
    recruitee_sandbox_session: StandIn[Any],
    caplog: pytest.LogCaptureFixture,
    asynchronous: bool,
) -> None:
    """With DEBUG on for everything, httpcore quotes an answer's headers as they came: a
    provider echoing the token in one (Personio v1 does on its personnel API) put it in
    the log, while hirelink's own line of the same answer redacted it."""
    from hirelink.recruitee import AsyncRecruitee, Recruitee

    served = recruitee_sandbox_session
    token = served.client_kwargs()["token"]
    echoed = {"Authorization": f"Bearer {token}", "X-Debug-Note": "it's fine"}
    offers = Fault(method="GET", path=r"/offers$", headers=echoed, body={"offers": []}, status=200)
    served.sandbox.faults.add(offers)
    caplog.set_level(logging.DEBUG)
    if asynchronous:
        async with AsyncRecruitee(**served.client_kwargs()) as recruitee:
            await recruitee.list_offers()
    else:
        with Recruitee(**served.client_kwargs()) as recruitee:
            recruitee.list_offers()
    transport_lines = [
        record.getMessage()
        for record in caplog.records
        if record.name.startswith("httpcore.") and "response_headers.complete" in record.msg
    ]
    assert transport_lines, "httpcore logged no answer's headers"
    assert any("(b'authorization', b'<redacted>')" in line for line in transport_lines)
    assert any("(b'content-type', b'application/json')" in line for line in transport_lines)
    assert token not in caplog.text
    assert "it's fine" not in caplog.text  # a header outside the allowlist, quoted by repr
    assert any(r.name == "httpx" and "HTTP Request: GET" in r.getMessage() for r in caplog.records)


def test_a_record_of_the_http_stack_with_nothing_to_hide_is_left_as_it_was(
    recruitee_sandbox_session: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """A user's filter reading httpx's record.args (the URL) raised IndexError once a
    hirelink client existed: the filter rewrote every record."""
    from hirelink.recruitee import Recruitee

    served = recruitee_sandbox_session
    caplog.set_level(logging.INFO, logger="httpx")
    with Recruitee(**served.client_kwargs()) as recruitee:
        recruitee.list_offers()
    [line] = [r for r in caplog.records if r.name == "httpx"]
    assert line.msg.startswith("HTTP Request: %s %s")
    assert str(line.args[1]).endswith("/offers")  # type: ignore[index]


def test_a_header_quoted_with_a_run_of_backslashes_is_read_in_linear_time() -> None:
    """A reason phrase or header of backslashes made the header pattern backtrack
    exponentially: 40 of them held a call for 38 s at INFO level. In a process of its own:
    the regular expression engine holds the GIL, so a thread could not be waited for."""
    script = (
        "import logging\n"
        "from hirelink.core.redaction import TransportLogFilter\n"
        "message = \"(b'a', b'\" + '\\\\' * 5000\n"
        "record = logging.LogRecord('httpcore.http11', 10, 'x', 1, message, (), None)\n"
        "TransportLogFilter().filter(record)\n"
    )
    # A correctness bound, not a speed target: exponential backtracking never ends.
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)  # noqa: S603


def test_hpacks_lines_of_http2_headers_are_redacted(
    recruitee_sandbox_session: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """Over HTTP/2, hpack logs each header it encodes and decodes, values in clear."""
    from hirelink.recruitee import Recruitee

    served = recruitee_sandbox_session
    with Recruitee(**served.client_kwargs()):  # building a client guards the loggers
        caplog.set_level(logging.DEBUG, logger="hpack")
        hpack = logging.getLogger("hpack.hpack")
        hpack.debug("Adding %s=%s to the header table", b"rt-partner-secret", b"unregistered-value")
        hpack.debug("Decoded %s", (b"authorization", b"Bearer echoed-token"))
        hpack.debug("Decoding %s", b"\x88@\x0ex-access-token\x1dblock-token")
        hpack.debug("Encoded header block to %s", b"\x82\x86block-token")
        evicting = "Evicting %s: %s from the header table"
        logging.getLogger("hpack.table").debug(evicting, b"x-access-token", b"evicted-token")
    assert "unregistered-value" not in caplog.text
    assert "echoed-token" not in caplog.text
    assert "block-token" not in caplog.text
    assert "evicted-token" not in caplog.text
    assert "b'rt-partner-secret'=b'<redacted>'" in caplog.text


ECHOES: dict[str, Callable[[str], str]] = {  # how encoders may quote a token back
    "json, escaped slashes": lambda token: json.dumps(token)[1:-1].replace("/", "\\/"),
    "json, upper-case hex": lambda token: json.dumps(token)[1:-1].replace("\\u00fc", "\\u00FC"),
    "json, raw unicode, escaped slashes": lambda token: json.dumps(token, ensure_ascii=False)[
        1:-1
    ].replace("/", "\\/"),
    # Any character may be written as a \uXXXX escape (Rails and Go escape &, < and >).
    "json, a letter escaped": lambda token: "\\u0072" + json.dumps(token)[2:-1],
    "json, html-safe escapes": lambda token: json.dumps(token)[1:-1].replace("+", "\\u002b"),
    "form": quote_plus,
    "form, lower-case hex": lambda token: re.sub(
        "%[0-9A-F]{2}", lambda code: code.group().lower(), quote_plus(token)
    ),
}


@pytest.mark.parametrize("echo", sorted(ECHOES))
def test_a_secret_quoted_back_escaped_or_encoded_is_masked(
    personio_sandbox_session: StandIn[Any], echo: str
) -> None:
    from hirelink.personio import Personio

    # A webhook's token may go beyond ASCII (Personio sends it as UTF-8 bytes); the
    # clients' own credentials may not.
    served = personio_sandbox_session
    token = "rt/9Xk2+Lq7/ZtR0w== zürich"
    quoted = ECHOES[echo](token)
    assert quoted != token
    body = '{"error": "refused", "errors": {"token": ["' + quoted + ' is not valid"]}}'
    served.sandbox.faults.add(Fault(method="POST", path=r"/v2/webhooks$", status=422, body=body))
    with (
        Personio(**served.client_kwargs()) as personio,
        pytest.raises(ApiError) as raised,
    ):
        personio.create_webhook("https://hooks.example.org/p", ["person.created"], token=token)
    error = raised.value
    assert error.field_errors == {"token": ["*** is not valid"]}
    shown = f"{error} {error.error!r} {error.body} {error.field_errors!r}"
    assert quoted not in shown
    assert token not in shown


@pytest.mark.parametrize("provider", ["recruitee", "recruitee_partners"])
def test_a_token_pasted_into_an_identifier_field_is_not_echoed(provider: str) -> None:
    from hirelink.core import InvalidInputError
    from hirelink.recruitee import Recruitee
    from hirelink.recruitee_partners import RecruiteePartners

    pasted = "rtok-Pasted-Into-The-Wrong-Field/4f2"

    def build() -> object:
        if provider == "recruitee":
            return Recruitee(company_id=pasted, token="t0k-valid")
        return RecruiteePartners(codename=pasted, partner_secret="s3cret-valid")

    with pytest.raises(InvalidInputError) as caught:
        build()
    assert pasted not in str(caught.value)
    assert f"text of {len(pasted)} characters" in str(caught.value)


def test_a_403_of_a_single_credential_points_at_no_credential(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    """A 403 is a role, a scope or a plan, not a wrong credential: it was told to check
    the token, which was right."""
    from hirelink.core import PermissionDeniedError
    from hirelink.recruitee import Recruitee

    served = recruitee_sandbox_session
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", status=403))
    with (
        Recruitee(**served.client_kwargs()) as recruitee,
        pytest.raises(PermissionDeniedError) as caught,
    ):
        recruitee.list_offers()
    assert caught.value.hint is None
    served.sandbox.faults.add(Fault(method="GET", path=r"/offers$", status=401))
    with (
        Recruitee(**served.client_kwargs()) as recruitee,
        pytest.raises(AuthenticationError) as refused,
    ):
        recruitee.list_offers()
    assert refused.value.hint is not None  # a 401 still says which credential to check


def test_why_a_credential_was_refused_and_the_company_id_are_shown(
    personio_sandbox_session: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    """WWW-Authenticate says why a token was refused (RFC 6750) and X-Company-ID is an
    identifier: neither is a credential, and both were blanked."""
    from hirelink.personio import Personio

    served = personio_sandbox_session
    reason = 'Bearer error="invalid_token", error_description="The token expired"'
    refusal = Fault(
        path=r"/v1/recruiting/applications$", status=401, headers={"WWW-Authenticate": reason}
    )
    served.sandbox.faults.add(refusal)
    caplog.set_level(logging.DEBUG, logger="hirelink.http")
    with (
        Personio(**served.client_kwargs()) as personio,  # v1: the recruiting token
        pytest.raises(AuthenticationError) as caught,
    ):
        personio.create_application(1874512, first_name="Lena", last_name="Vogt", email="l@x.org")
    assert caught.value.headers["www-authenticate"] == reason
    company_id = str(served.client_kwargs()["company_id"])
    assert f"'x-company-id': '{company_id}'" in caplog.text
