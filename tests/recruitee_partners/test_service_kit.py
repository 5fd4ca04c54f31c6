"""The partner service kit, served on loopback, answering as Recruitee expects."""

from __future__ import annotations

import gzip
import hmac
import json
import logging
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from hirelink.core.secrets import Secret
from hirelink.recruitee_partners.service import (
    AvailableTest,
    Refusal,
    SendCandidatePayload,
    create_partner_app,
)
from hirelink.sandbox.server import SandboxServer

TOKEN = "customer-token-4100-abcdef"
PAYLOAD: dict[str, Any] = {
    "first_name": "Ada",
    "last_name": "Lindqvist",
    "email": "ada.lindqvist@example.org",
    "candidate_id": 7730011,
    "company_id": 4100,
    "report_id": "3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa",
    "test_id": "12",
    "test_name": "SQL analytics",
}
LIMIT = 4_000


@dataclass
class TestRow:
    """A test as an ORM might return it: attributes, plus a field Recruitee must not see."""

    __test__ = False  # not a pytest class

    id: int
    name: str
    internal_cost: float


class Partner:
    """A partner's callbacks, recording what they were given."""

    def __init__(self) -> None:
        self.received: list[tuple[str, SendCandidatePayload]] = []
        self.threads: list[str] = []

    def validate_token(self, token: str) -> bool:
        if token == "explode-in-validation":
            raise RuntimeError("token store unavailable")
        return token in (TOKEN, "refuse-me", "crash-me", f"{TOKEN}-leaky")

    def list_tests(self, token: str) -> list[Any]:
        self.threads.append(threading.current_thread().name)
        return [
            {"id": 11, "name": "Python fundamentals", "secret_note": "not for Recruitee"},
            TestRow(12, "SQL analytics", 3.5),
            AvailableTest(id="logic-1", name="Logical reasoning"),
        ]

    async def on_send_candidate(self, token: str, payload: SendCandidatePayload) -> None:
        if token == "refuse-me":
            raise Refusal("Your SkillCheck plan has no invitations left.", status_code=402)
        if token == "crash-me":
            raise KeyError("invitations table")
        if token.endswith("-leaky"):
            raise ValueError(f"could not invite with {token}")
        self.received.append((token, payload))


@pytest.fixture(scope="module")
def partner() -> Partner:
    return Partner()


@pytest.fixture(scope="module")
def service(partner: Partner) -> Iterator[str]:
    app = create_partner_app(
        validate_token=partner.validate_token,
        list_tests=partner.list_tests,
        on_send_candidate=partner.on_send_candidate,
        max_body_bytes=LIMIT,
    )
    with SandboxServer(app, max_lifetime=300) as server:
        yield server.url


@pytest.fixture
def http(service: str) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=service, headers={"Authorization": f"Bearer {TOKEN}"}, trust_env=False
    ) as client:
        yield client


def as_customer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- tokens -------------------------------------------------------------------------------


def test_a_known_token_is_accepted(http: httpx.Client) -> None:
    answer = http.get("/validate_token")
    assert answer.status_code == 200
    assert answer.json() == {}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": TOKEN},
        {"Authorization": "Basic dXNlcjpwdw=="},
        {"Authorization": "Bearer"},
    ],
)
@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/validate_token"), ("GET", "/tests"), ("POST", "/send_candidate")]
)
def test_a_missing_bearer_token_is_401(
    service: str, headers: dict[str, str], method: str, path: str
) -> None:
    answer = httpx.request(method, f"{service}{path}", headers=headers, json=PAYLOAD)
    assert answer.status_code == 401
    assert "bearer token" in answer.json()["error"]
    assert answer.headers["www-authenticate"] == "Bearer"


def test_a_rejected_token_is_401_everywhere(service: str, partner: Partner) -> None:
    before = len(partner.received)
    for method, path in (
        ("GET", "/validate_token"),
        ("GET", "/tests"),
        ("POST", "/send_candidate"),
    ):
        answer = httpx.request(
            method, f"{service}{path}", headers=as_customer("revoked-token"), json=PAYLOAD
        )
        assert answer.status_code == 401
        assert answer.json() == {"error": "the token was not accepted"}
    assert len(partner.received) == before


@pytest.mark.parametrize(
    "token",
    [
        "tökén-4100".encode(),  # UTF-8, read as latin-1 text by Starlette
        b"customer-token-\xe9",  # a latin-1 byte
    ],
)
def test_a_token_that_is_not_ascii_is_401_before_validate_token(
    token: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    # The callback the docs once showed: compare_digest raises TypeError on a non-ASCII
    # str, which made an unauthenticated caller's request a 500 and an ERROR line.
    validated: list[str] = []

    def validate(sent: str) -> bool:
        validated.append(sent)
        return hmac.compare_digest(sent, "customer-token")

    app = create_partner_app(
        validate_token=validate,
        list_tests=lambda sent: [{"id": 1, "name": "Only test"}],
        on_send_candidate=lambda sent, payload: None,
    )
    caplog.set_level(logging.DEBUG)
    with SandboxServer(app, max_lifetime=60) as server:
        for method, path in (
            ("GET", "/validate_token"),
            ("GET", "/tests"),
            ("POST", "/send_candidate"),
        ):
            answer = httpx.request(
                method,
                f"{server.url}{path}",
                headers=[(b"Authorization", b"Bearer " + token)],
                json=PAYLOAD,
            )
            assert answer.status_code == 401, answer.text
            assert answer.json() == {"error": "the token was not accepted"}
            assert answer.headers["www-authenticate"] == "Bearer"
    assert validated == []
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_refused_calls_are_logged_masked_and_a_flood_of_401_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Nothing was logged: a wrong token or a proxy compressing the bodies went unseen.
    app = create_partner_app(
        validate_token=lambda token: token == TOKEN,
        list_tests=lambda token: [],
        on_send_candidate=lambda token, payload: None,
        max_body_bytes=LIMIT,
    )
    caplog.set_level(logging.DEBUG, "hirelink.recruitee_partners.service")
    with SandboxServer(app, max_lifetime=60) as server, httpx.Client(base_url=server.url) as http:
        for token in ("revoked-token", "another-revoked-token"):
            assert http.get("/validate_token", headers=as_customer(token)).status_code == 401
        assert http.get("/tests").status_code == 401  # no token at all
        customer = as_customer(TOKEN)
        sent = [
            http.post("/send_candidate", headers=customer, content=b"{").status_code,
            http.post("/send_candidate", headers=customer, json={"email": 1}).status_code,
            http.post("/send_candidate", headers=customer, content=b"x" * (LIMIT + 1)),
            http.post(
                "/send_candidate",
                headers={**customer, "Content-Encoding": "gzip"},
                content=gzip.compress(b"{}"),
            ),
        ]
    assert [getattr(answer, "status_code", answer) for answer in sent] == [400, 422, 413, 415]
    lines = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert [line.split(" with ")[1][:3] for line in lines] == ["401", "400", "422", "413", "415"]
    assert lines[0] == (
        "the partner service refused a call to /validate_token with 401: the token was not accepted"
    )
    assert all(line.startswith("the partner service refused a call to /") for line in lines)
    assert "revoked-token" not in caplog.text
    assert TOKEN not in caplog.text


# --- tests list ---------------------------------------------------------------------------


def test_tests_are_listed_as_id_and_name_only(http: httpx.Client, partner: Partner) -> None:
    answer = http.get("/tests")
    assert answer.status_code == 200
    assert answer.json() == [
        {"id": 11, "name": "Python fundamentals"},
        {"id": 12, "name": "SQL analytics"},
        {"id": "logic-1", "name": "Logical reasoning"},
    ]
    # A sync callback runs in a worker thread, not on the server's event loop.
    assert partner.threads
    assert not partner.threads[-1].startswith("hirelink-sandbox")


# --- send_candidate -----------------------------------------------------------------------


def test_a_valid_candidate_reaches_the_callback_typed(http: httpx.Client, partner: Partner) -> None:
    extras = {"phone": "+46 70 123 45 67", "admin_id": 51200, "future_key": True}
    answer = http.post("/send_candidate", json={**PAYLOAD, **extras})
    assert answer.status_code == 200
    token, payload = partner.received[-1]
    assert token == TOKEN
    assert isinstance(payload, SendCandidatePayload)
    assert payload.email == "ada.lindqvist@example.org"
    assert payload.candidate_id == 7730011
    assert str(payload.report_id) == PAYLOAD["report_id"]
    assert payload.phone == "+46 70 123 45 67"
    assert payload.admin_id == 51200
    assert payload.offer_id is None


def test_a_test_id_echoed_as_a_number_is_the_same_test(
    http: httpx.Client, partner: Partner
) -> None:
    # The tests list gives numbers (as a partner's may): echoed back as one, it was a 422
    # and the Recruitee user's send failed.
    answer = http.post("/send_candidate", json={**PAYLOAD, "test_id": 2})
    assert answer.status_code == 200, answer.text
    assert partner.received[-1][1].test_id == "2"
    assert http.post("/send_candidate", json={**PAYLOAD, "test_id": True}).status_code == 422


def test_malformed_json_is_400(http: httpx.Client) -> None:
    answer = http.post(
        "/send_candidate",
        content=b'{"first_name": "Ada",',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("malformed JSON body")


@pytest.mark.parametrize(
    "body",
    # Each nests far deeper than Python's recursion limit, within the kit's size limit.
    [b"[" * 3_900, b"[" * 1_900 + b"]" * 1_900, b'{"a":[' * 600, b"\xff\xfe\xfa{}"],
    ids=["unclosed", "closed", "objects", "not-utf8"],
)
def test_a_body_that_cannot_be_decoded_is_400(http: httpx.Client, body: bytes) -> None:
    answer = http.post(
        "/send_candidate", content=body, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("malformed JSON body")


def test_missing_and_mistyped_fields_are_422_naming_them(http: httpx.Client) -> None:
    incomplete = {k: v for k, v in PAYLOAD.items() if k not in ("email", "report_id")}
    answer = http.post("/send_candidate", json=incomplete)
    assert answer.status_code == 422
    assert answer.json() == {"error": "email: field required; report_id: field required"}

    answer = http.post("/send_candidate", json={**PAYLOAD, "candidate_id": "seven"})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error.startswith("candidate_id: input should be a valid integer")
    assert "seven" not in error  # values are never echoed

    answer = http.post("/send_candidate", json=[PAYLOAD])
    assert answer.status_code == 422
    assert answer.json()["error"].startswith("body: input should be")


def test_an_oversized_body_is_413(http: httpx.Client, partner: Partner) -> None:
    before = len(partner.received)
    big = {**PAYLOAD, "padding": "x" * LIMIT}
    answer = http.post("/send_candidate", json=big)
    assert answer.status_code == 413
    assert answer.json() == {"error": f"the request body is larger than {LIMIT} bytes"}

    def chunks() -> Iterator[bytes]:  # chunked: no Content-Length to trust
        yield json.dumps(big).encode()

    answer = http.post("/send_candidate", content=chunks())
    assert answer.status_code == 413
    assert len(partner.received) == before


def test_a_compressed_body_is_415_naming_its_encoding(http: httpx.Client, partner: Partner) -> None:
    # It got 400 "malformed JSON body", which said nothing of the compression.
    before = len(partner.received)
    compressed = gzip.compress(json.dumps(PAYLOAD).encode())
    headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    answer = http.post("/send_candidate", content=compressed, headers=headers)
    assert answer.status_code == 415
    assert answer.json() == {"error": "Content-Encoding gzip is not supported"}
    assert len(partner.received) == before


def test_a_body_within_the_limit_passes(http: httpx.Client) -> None:
    body = json.dumps({**PAYLOAD, "padding": "x" * 100}).encode()
    assert len(body) < LIMIT
    assert http.post("/send_candidate", content=body).status_code == 200


def test_a_refusal_answers_its_status_and_message(service: str) -> None:
    answer = httpx.post(f"{service}/send_candidate", headers=as_customer("refuse-me"), json=PAYLOAD)
    assert answer.status_code == 402
    assert answer.json() == {"error": "Your SkillCheck plan has no invitations left."}


def test_a_crashing_callback_is_500_without_internals(
    service: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    answer = httpx.post(f"{service}/send_candidate", headers=as_customer("crash-me"), json=PAYLOAD)
    assert answer.status_code == 500
    assert answer.json() == {"error": "the partner service failed to handle the request"}
    assert "invitations table" not in answer.text
    assert "on_send_candidate failed on /send_candidate at " in caplog.text
    assert "KeyError: 'invitations table'" in caplog.text
    assert "Traceback" not in caplog.text

    answer = httpx.get(f"{service}/validate_token", headers=as_customer("explode-in-validation"))
    assert answer.status_code == 500
    assert "validate_token failed" in caplog.text


def test_the_token_never_reaches_logs_or_answers(
    service: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    leaky = f"{TOKEN}-leaky"
    answer = httpx.post(f"{service}/send_candidate", headers=as_customer(leaky), json=PAYLOAD)
    assert answer.status_code == 500
    assert "ValueError: could not invite with ***" in caplog.text
    assert TOKEN not in caplog.text
    assert TOKEN not in answer.text


def test_a_live_secret_inside_the_callers_token_leaves_no_piece_of_it_in_logs(
    service: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The line was scrubbed of live secrets first, and the token, cut by a mask where one
    sat inside it, was not found whole: the rest of it was logged."""
    caplog.set_level(logging.DEBUG)
    leaky = f"{TOKEN}-leaky"
    inside = Secret(TOKEN[3:-2])  # a live secret of this process, within the caller's token
    answer = httpx.post(f"{service}/send_candidate", headers=as_customer(leaky), json=PAYLOAD)
    assert answer.status_code == 500
    assert "ValueError: could not invite with ***" in caplog.text
    assert "-leaky" not in caplog.text  # the token's end
    assert "cus***" not in caplog.text  # its start
    del inside


@pytest.mark.parametrize("sent", ["e", "to", "token"])
def test_a_value_too_short_to_be_a_token_leaves_the_log_line_readable(
    sent: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Whatever a caller sent as its token was masked wherever it appeared: "Bearer e" had
    # every "e" of the refusal's line masked ("th*** tok***n was not acc***pt***d").
    app = create_partner_app(
        validate_token=lambda token: token == TOKEN,
        list_tests=lambda token: [],
        on_send_candidate=lambda token, payload: None,
    )
    caplog.set_level(logging.DEBUG, "hirelink.recruitee_partners.service")
    with SandboxServer(app, max_lifetime=60) as server:
        answer = httpx.get(f"{server.url}/tests", headers=as_customer(sent))
    assert answer.status_code == 401
    assert [record.getMessage() for record in caplog.records] == [
        "the partner service refused a call to /tests with 401: the token was not accepted"
    ]


def test_routing_errors_use_the_error_shape(http: httpx.Client) -> None:
    answer = http.get("/nowhere")
    assert answer.status_code == 404
    assert set(answer.json()) == {"error"}
    answer = http.get("/send_candidate")
    assert answer.status_code == 405
    assert set(answer.json()) == {"error"}


# --- composition --------------------------------------------------------------------------


def test_it_mounts_under_a_prefix_with_custom_paths_and_async_callbacks() -> None:
    seen: list[str] = []

    async def validate(token: str) -> bool:
        return token == TOKEN

    async def tests(token: str) -> list[dict[str, Any]]:
        return [{"id": 1, "name": "Only test"}]

    def receive(token: str, payload: SendCandidatePayload) -> None:
        seen.append(payload.test_name)

    partner_app = create_partner_app(
        validate_token=validate,
        list_tests=tests,
        on_send_candidate=receive,
        validate_token_path="/check",
        tests_path="/catalogue",
        send_candidate_path="/invitations",
    )
    main = Starlette(routes=[Mount("/recruitee", app=partner_app)])
    with (
        SandboxServer(main, max_lifetime=60) as server,
        httpx.Client(base_url=f"{server.url}/recruitee", headers=as_customer(TOKEN)) as http,
    ):
        assert http.get("/check").status_code == 200
        assert http.get("/catalogue").json() == [{"id": 1, "name": "Only test"}]
        assert http.post("/invitations", json=PAYLOAD).status_code == 200
        assert http.get("/validate_token").status_code == 404
    assert seen == ["SQL analytics"]


def test_a_broken_tests_list_is_a_500(caplog: pytest.LogCaptureFixture) -> None:
    app = create_partner_app(
        validate_token=lambda token: True,
        list_tests=lambda token: [{"id": 1}],
        on_send_candidate=lambda token, payload: None,
    )
    with SandboxServer(app, max_lifetime=60) as server:
        answer = httpx.get(f"{server.url}/tests", headers=as_customer(TOKEN))
    assert answer.status_code == 500
    assert "list_tests returned an unusable test #0: name: field required" in caplog.text


def test_tests_keyed_by_uuids_are_listed_with_text_ids_and_bool_ids_refused(
    caplog: pytest.LogCaptureFixture,
) -> None:
    key = uuid.UUID("3f0c9a2e-5b1d-4e7a-9c44-0d2b8e6f71aa")
    rows: list[dict[str, object]] = [{"id": key, "name": "Keyed by a UUID"}]
    app = create_partner_app(
        validate_token=lambda token: True,
        list_tests=lambda token: rows,
        on_send_candidate=lambda token, payload: None,
    )
    with SandboxServer(app, max_lifetime=60) as server:
        listed = httpx.get(f"{server.url}/tests", headers=as_customer(TOKEN))
        rows[0]["id"] = True
        refused = httpx.get(f"{server.url}/tests", headers=as_customer(TOKEN))
    assert listed.json() == [{"id": str(key), "name": "Keyed by a UUID"}]
    assert refused.status_code == 500
    assert "unusable test #0: id: a bool is not an id" in caplog.text


class UnprintableError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no words")


def test_a_failure_is_one_masked_line_whatever_it_holds(caplog: pytest.LogCaptureFixture) -> None:
    """An encoded token, a line break, an exception that cannot be printed, an error
    raised inside a library: still one line, masked, pointing at the partner's code."""
    token = "sk_live/Zm9vYmFy+YmF6=="

    def receive(sent: str, payload: SendCandidatePayload) -> None:
        if payload.test_id == "unprintable":
            raise UnprintableError
        request = httpx.Request("GET", "https://partner.test/invite", params={"token": sent})
        httpx.Response(502, request=request).raise_for_status()  # raised inside httpx

    app = create_partner_app(
        validate_token=lambda sent: True, list_tests=lambda sent: [], on_send_candidate=receive
    )
    with SandboxServer(app, max_lifetime=60) as server:
        encoded = httpx.post(
            f"{server.url}/send_candidate", headers=as_customer(token), json=PAYLOAD
        )
        unprintable = {**PAYLOAD, "test_id": "unprintable"}
        broken = httpx.post(
            f"{server.url}/send_candidate", headers=as_customer(token), json=unprintable
        )
    assert (encoded.status_code, broken.status_code) == (500, 500)
    assert set(broken.json()) == {"error"}
    failures = [
        r.getMessage() for r in caplog.records if "failed on /send_candidate" in r.getMessage()
    ]
    assert len(failures) == 2
    assert all("\n" not in line for line in failures)
    assert "sk_live%2FZm9v" not in caplog.text
    assert "HTTPStatusError" in failures[0]
    assert "test_service_kit.py" in failures[0]  # the partner's line, not httpx's
    assert failures[1].endswith(": UnprintableError")


def test_at_debug_a_failure_also_names_the_frames_that_led_there(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The one line names the innermost frame only: a bug two calls deeper in the
    partner's code had no way back to its caller. At DEBUG, a second line gives the
    frames by place, never the exception's text again (it may hold a secret)."""
    token = "sk_live_4f9a8b7c6d"

    def look_up(sent: str) -> None:
        raise KeyError(f"no customer for {sent}")

    def receive(sent: str, payload: SendCandidatePayload) -> None:
        look_up(sent)

    app = create_partner_app(
        validate_token=lambda sent: True, list_tests=lambda sent: [], on_send_candidate=receive
    )
    caplog.set_level(logging.DEBUG, logger="hirelink")
    with SandboxServer(app, max_lifetime=60) as server:
        answer = httpx.post(
            f"{server.url}/send_candidate", headers=as_customer(token), json=PAYLOAD
        )
    assert answer.status_code == 500
    (path,) = [r for r in caplog.records if "called from:" in r.getMessage()]
    assert path.levelname == "DEBUG"
    shown = path.getMessage()
    assert shown.index("in look_up") < shown.index("in receive")
    assert "test_service_kit.py" in shown
    assert token not in caplog.text
    assert "no customer" not in shown


def test_bad_arguments_are_refused() -> None:
    def accept(token: str) -> bool:
        return True

    def no_tests(token: str) -> list[dict[str, Any]]:
        return []

    def ignore(token: str, payload: SendCandidatePayload) -> None:
        return None

    with pytest.raises(ValueError, match="list_tests"):
        create_partner_app(validate_token=accept, list_tests="tests", on_send_candidate=ignore)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_body_bytes"):
        create_partner_app(
            validate_token=accept, list_tests=no_tests, on_send_candidate=ignore, max_body_bytes=0
        )
    with pytest.raises(ValueError, match="differ"):
        create_partner_app(
            validate_token=accept,
            list_tests=no_tests,
            on_send_candidate=ignore,
            tests_path="/send_candidate",
        )
    with pytest.raises(ValueError, match="4xx or 5xx"):
        Refusal("fine", status_code=200)
    with pytest.raises(ValueError, match="message"):
        Refusal("")
    assert Refusal("Nope").status_code == 422


def test_a_refusal_of_the_partners_own_is_answered_not_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Only webhook receivers log refusals (the provider gives up on them); a partner's
    Refusal is its answer to Recruitee, shown to Recruitee's user."""

    def refuse(token: str, payload: SendCandidatePayload) -> None:
        raise Refusal("the candidate was already invited", 422)

    app = create_partner_app(
        validate_token=lambda token: True, list_tests=lambda token: [], on_send_candidate=refuse
    )
    caplog.set_level(logging.WARNING, logger="hirelink")
    with SandboxServer(app, max_lifetime=60) as server:
        answer = httpx.post(
            f"{server.url}/send_candidate", json=PAYLOAD, headers=as_customer(TOKEN)
        )
    assert answer.status_code == 422
    assert answer.json() == {"error": "the candidate was already invited"}
    assert not caplog.records
