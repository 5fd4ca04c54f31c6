"""The Personio stand-in itself, spoken to with plain httpx: auth, bodies, validation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hirelink.sandbox.personio import create_personio_sandbox

from .conftest import Served

APPLICATIONS = "/v1/recruiting/applications"


@pytest.fixture
def raw(served: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served.url) as client:
        yield client


@pytest.fixture
def raw_fresh(fresh: Served) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fresh.url) as client:
        yield client


def v1_headers(served: Served, **changes: str) -> dict[str, str]:
    headers = {
        "Authorization": f"Bearer {served.sandbox.recruiting_token}",
        "X-Company-ID": served.sandbox.company_id,
    }
    headers.update(changes)
    return headers


def token(raw: httpx.Client, served: Served, **form: str) -> httpx.Response:
    body = {
        "grant_type": "client_credentials",
        "client_id": served.sandbox.client_id,
        "client_secret": served.sandbox.client_secret,
        **form,
    }
    return raw.post("/v2/auth/token", data=body)


def bearer(raw: httpx.Client, served: Served) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(raw, served).json()['access_token']}"}


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Company-ID": "41737"},
        {"Authorization": "Bearer sandbox-personio-recruiting-token"},
        {"Authorization": "Bearer nope", "X-Company-ID": "41737"},
    ],
)
def test_v1_needs_both_the_token_and_the_company_id(
    raw: httpx.Client, headers: dict[str, str]
) -> None:
    response = raw.post(APPLICATIONS, json={}, headers=headers)
    assert response.status_code == 401
    (item,) = response.json()["errors"]
    assert item["status"] == "401"
    assert item["title"] == "Unauthorized"


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"email": "not an email"}, "email", "errors.attribute-validation.invalid-email-format"),
        # The spec's format: email took any text with an "@" (fidelity hunt).
        ({"email": "lena@"}, "email", "errors.attribute-validation.invalid-email-format"),
        ({"email": "lena vogt@example.org"}, "email",
         "errors.attribute-validation.invalid-email-format"),
        (
            {"phase": {"type": "system", "id": "hired"}},
            "phase",
            "errors.phase-validation.invalid-system-phase",
        ),
        (
            {"files": [{"uuid": "5b0e6f3c-2d1a-4c9e-9a57-1f0c8d2e7a41", "original_filename": "a",
                        "category": "photo"}]},
            "files[0].category",
            "errors.file-validation.unknown-file-category",
        ),
    ],
)  # fmt: skip
def test_v1_spec_violations_come_back_as_personio_reason_codes(
    served: Served, raw: httpx.Client, body: dict[str, Any], field: str, reason: str
) -> None:
    application = {"first_name": "A", "last_name": "B", "email": "a@example.org",
                   "job_position_id": 1874512, **body}  # fmt: skip
    response = raw.post(APPLICATIONS, json=application, headers=v1_headers(served))
    assert response.status_code == 400
    assert {"field": field, "errors": [{"reason": reason}]} in response.json()["errors"]


@pytest.mark.parametrize("birthday", ["19940821", "1994-W34-1", "1994-02-30"])
def test_a_birthday_other_than_yyyy_mm_dd_is_refused(
    served: Served, raw: httpx.Client, birthday: str
) -> None:
    application = {"first_name": "A", "last_name": "B", "email": "a@example.org",
                   "job_position_id": 1874512,
                   "attributes": [{"id": "birthday", "value": birthday}]}  # fmt: skip
    response = raw.post(APPLICATIONS, json=application, headers=v1_headers(served))
    assert response.status_code == 400
    assert "errors.attribute-validation.invalid-date-format" in response.text


@pytest.mark.parametrize(
    "body",
    [
        {"first_name": "A", "job_position_id": "1874512"},
        {"first_name": "A", "last_name": "B", "job_position_id": 1874512},
    ],
)
def test_v1_malformed_bodies_get_a_general_error(
    served: Served, raw: httpx.Client, body: dict[str, Any]
) -> None:
    response = raw.post(APPLICATIONS, json=body, headers=v1_headers(served))
    assert response.status_code == 400
    (item,) = response.json()["errors"]
    assert item["detail"].startswith("Invalid request body supplied")


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"grant_type": "password"}, "invalid_request"),
        ({"client_secret": "wrong"}, "unauthorized_client"),
        ({"client_id": "papi-nobody"}, "unauthorized_client"),
        ({"scope": "personio:payroll:write"}, "invalid_scope"),
    ],
)
def test_token_endpoint_errors_are_oauth_problems(
    served: Served, raw: httpx.Client, form: dict[str, str], error: str
) -> None:
    response = token(raw, served, **form)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["error"] == error
    assert set(body) == {"error", "error_description", "error_uri", "timestamp", "trace_id", "meta"}


def test_the_token_endpoint_wants_a_form(served: Served, raw: httpx.Client) -> None:
    response = raw.post("/v2/auth/token", json={"grant_type": "client_credentials"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


def test_tokens_carry_the_granted_or_requested_scopes(served: Served, raw: httpx.Client) -> None:
    everything = token(raw, served).json()
    assert everything["token_type"] == "Bearer"
    assert everything["expires_in"] == 86400
    assert "personio:recruiting:read" in everything["scope"].split()
    narrowed = token(raw, served, scope="personio:persons:read").json()
    assert narrowed["scope"] == "personio:persons:read"
    headers = {"Authorization": f"Bearer {narrowed['access_token']}"}
    assert raw.get("/v2/persons", headers=headers).status_code == 200
    forbidden = raw.get("/v2/recruiting/jobs", headers=headers)
    assert forbidden.status_code == 403
    assert forbidden.json()["errors"][0]["detail"] == "Insufficient access scope."


def test_revocation(served: Served, raw: httpx.Client) -> None:
    headers = bearer(raw, served)
    value = headers["Authorization"].removeprefix("Bearer ")
    assert raw.get("/v2/recruiting/categories", headers=headers).status_code == 200
    revoked = raw.post("/v2/auth/revoke", data={"token": value})
    assert (revoked.status_code, revoked.content) == (200, b"")
    assert raw.get("/v2/recruiting/categories", headers=headers).status_code == 401
    assert raw.post("/v2/auth/revoke", data={}).status_code == 400


def test_v2_errors_are_problem_bodies(served: Served, raw: httpx.Client) -> None:
    unauthenticated = raw.get("/v2/persons")
    assert unauthenticated.status_code == 401
    body = unauthenticated.json()
    assert set(body) == {"personio_trace_id", "timestamp", "errors"}
    assert body["errors"][0]["type"].endswith("#common.unauthorized")
    too_big = raw.get("/v2/persons", params={"limit": 51}, headers=bearer(raw, served))
    assert too_big.status_code == 400
    assert "limit" in too_big.json()["errors"][0]["detail"]
    unknown = raw.get("/v2/nothing-here")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"


def test_cursors_remember_the_filters(served: Served, raw: httpx.Client) -> None:
    headers = bearer(raw, served)
    params: dict[str, str | int] = {"limit": 3, "status": "ACTIVE"}
    first = raw.get("/v2/persons", params=params, headers=headers).json()
    href = first["_meta"]["links"]["next"]["href"]
    second = raw.get(href, headers=headers).json()
    assert {p["status"] for p in first["_data"] + second["_data"]} == {"ACTIVE"}
    bogus = raw.get("/v2/persons", params={"cursor": "cur_nope"}, headers=headers)
    assert bogus.status_code == 400


def test_seeds_are_deterministic() -> None:
    one, two = create_personio_sandbox(), create_personio_sandbox()
    for kind in ("applications", "candidates", "jobs", "persons"):
        assert one.state.page(kind, {}, None, 200) == two.state.page(kind, {}, None, 200)
    assert one.state.feed("nordlicht", "en") == two.state.feed("nordlicht", "en")


# --- fidelity to confirmed facts of the reference -----------------------------------


def test_a_custom_phase_of_another_category_falls_back_to_unassigned(
    fresh: Served, raw_fresh: httpx.Client
) -> None:
    # Job 1874512 is in category 88; stage 26420 belongs to another category.
    body = {"first_name": "Ada", "last_name": "Phase", "email": "ada.phase@example.org",
            "job_position_id": 1874512, "phase": {"type": "custom", "id": 26420}}  # fmt: skip
    assert raw_fresh.post(APPLICATIONS, json=body, headers=v1_headers(fresh)).status_code == 201
    found = raw_fresh.get(
        "/v2/recruiting/applications",
        params={"candidate.email": "ada.phase@example.org"},
        headers=bearer(raw_fresh, fresh),
    ).json()["_data"]
    assert [application["current_stage"]["type"] for application in found] == ["unassigned"]


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_a_name_of_only_spaces_is_refused_as_a_required_attribute(
    served: Served, raw: httpx.Client, field: str
) -> None:
    body = {"first_name": "Ada", "last_name": "Blank", "email": "blank@example.org",
            "job_position_id": 1874512, field: "   "}  # fmt: skip
    response = raw.post(APPLICATIONS, json=body, headers=v1_headers(served))
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": field, "errors": [{"reason": "errors.attribute-validation.required-attribute"}]}
    ]


def test_persons_take_an_updated_range(served: Served, raw: httpx.Client) -> None:
    window = {"updated_at.gt": "2000-01-01T00:00:00Z", "updated_at.lt": "2999-01-01T00:00:00Z"}
    persons = raw.get("/v2/persons", params=window, headers=bearer(raw, served))
    assert persons.status_code == 200
    assert persons.json()["_data"]


def test_the_feed_sends_description_html_as_cdata(served: Served, raw: httpx.Client) -> None:
    feed = raw.get(f"/jobs/{served.sandbox.subdomain}/xml", params={"language": "en"}).text
    assert "<value><![CDATA[<p>" in feed
    assert "&lt;p&gt;" not in feed


@pytest.mark.parametrize(
    ("filename", "declared", "detected"),
    [
        ("cv.pdf", "application/octet-stream", "application/pdf"),
        ("scan.jpg", "application/pdf", "image/jpeg"),
        # A name no table on the system types: the declared type is the fallback.
        ("cv.odt", "application/vnd.oasis.opendocument.text",
         "application/vnd.oasis.opendocument.text"),
    ],
)  # fmt: skip
def test_an_upload_is_typed_by_its_extension_not_the_declared_type(
    fresh: Served,
    raw_fresh: httpx.Client,
    filename: str,
    declared: str,
    detected: str,
) -> None:
    # Personio detects the type; the stand-in echoed the client's declared one. It reads
    # Python's own table, not the host's (which may type .odt, or not).
    upload = {"file": (filename, b"a document", declared)}
    response = raw_fresh.post(f"{APPLICATIONS}/documents", files=upload, headers=v1_headers(fresh))
    assert response.status_code == 200
    assert response.json()["mimetype"] == detected
