"""Error bodies with reason codes, problem details and OAuth errors (core unit tests)."""

from __future__ import annotations

from collections.abc import Generator

import httpx
import pytest

from hirelink.core import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    DuplicateApplicationError,
    HttpConfig,
    NotFoundError,
)
from hirelink.core.errors import api_error_from_response
from hirelink.core.http import AUTH_HANDLED_STATUSES, build_client


def response(status: int, body: object) -> httpx.Response:
    request = httpx.Request("POST", "https://api.test/v1/things")
    return httpx.Response(status, json=body, request=request)


def test_nested_reason_codes_become_field_errors_and_the_message() -> None:
    error = api_error_from_response(
        response(
            400,
            {
                "errors": [
                    {"field": "email", "errors": [{"reason": "errors.applicant-already-exists"}]},
                    {
                        "field": "files[0].uuid",
                        "errors": [
                            {"reason": "errors.file-validation.file-not-exists", "context": {}},
                            {"reason": "errors.other"},
                        ],
                    },
                ]
            },
        )
    )
    assert isinstance(error, BadRequestError)
    assert error.field_errors == {
        "email": ["errors.applicant-already-exists"],
        "files[0].uuid": ["errors.file-validation.file-not-exists", "errors.other"],
    }
    assert error.message == (
        "email: errors.applicant-already-exists; "
        "files[0].uuid: errors.file-validation.file-not-exists, errors.other"
    )


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (
            403,
            {"errors": [{"id": "x", "status": "403", "title": "Forbidden", "detail": "feature.x"}]},
            "Forbidden: feature.x",
        ),
        (
            404,
            {"personio_trace_id": "t", "errors": [{"title": "Not Found", "detail": "No such id."}]},
            "Not Found: No such id.",
        ),
        (409, {"errors": [{"title": "Conflict", "detail": "Conflict"}]}, "Conflict"),
        (
            400,
            {"error": "unauthorized_client", "error_description": "Credentials not accepted."},
            "unauthorized_client: Credentials not accepted.",
        ),
        (400, {"error": "invalid_request"}, "invalid_request"),
        (422, {"errors": [{"field": "name", "message": "blank"}]}, "name: blank"),
        (  # Recruitee: a message naming no field, and the fields apart (it said only the first)
            422,
            {"error": "Validation failed", "errors": {"offers": ["unknown offer id 999"]}},
            "Validation failed: offers: unknown offer id 999",
        ),
        (  # a message naming the field already is left as it is
            422,
            {"error": "Email has already been taken", "errors": {"email": ["is taken"]}},
            "Email has already been taken",
        ),
        (  # a field is named as a word: "id" is not in "Validation"
            422,
            {"error": "Validation failed", "errors": {"id": ["is invalid"]}},
            "Validation failed: id: is invalid",
        ),
        (  # naming one field does not drop the others
            422,
            {"error": "Name is too long", "errors": {"name": ["too long"], "email": ["taken"]}},
            "Name is too long: email: taken",
        ),
    ],
)
def test_messages_combine_what_the_provider_said(status: int, body: object, message: str) -> None:
    assert api_error_from_response(response(status, body)).message == message


@pytest.mark.parametrize(
    ("body", "message", "field_errors"),
    [
        (  # express-validator, as JOIN's public careers API answers
            [{"param": "pageSize", "msg": "Invalid value", "location": "query"}],
            "pageSize: Invalid value",
            {"pageSize": ["Invalid value"]},
        ),
        (  # Rails-style, without a message of its own
            {"errors": {"email": ["has already been taken"], "name": ["can't be blank"]}},
            "email: has already been taken; name: can't be blank",
            {"email": ["has already been taken"], "name": ["can't be blank"]},
        ),
        (  # express-validator wrapped in an object
            {"errors": [{"param": "email", "msg": "Invalid value", "location": "body"}]},
            "email: Invalid value",
            {"email": ["Invalid value"]},
        ),
        (  # nested objects get dotted names
            {"errors": {"candidate": {"email": ["has already been taken"]}}},
            "candidate.email: has already been taken",
            {"candidate.email": ["has already been taken"]},
        ),
        ({"errors": ["Offer is closed"]}, "Offer is closed", {}),
        ({"error": ["Offer is closed", ""]}, "Offer is closed", {}),
        (
            ["Offer is closed", "Candidate is archived"],
            "Offer is closed; Candidate is archived",
            {},
        ),
    ],
)
def test_listed_errors_without_a_message_still_say_what_was_wrong(
    body: object, message: str, field_errors: dict[str, list[str]]
) -> None:
    error = api_error_from_response(response(422, body))
    assert error.message == message
    assert error.field_errors == field_errors


def test_recast_keeps_everything_but_the_class_and_optionally_the_message() -> None:
    original = api_error_from_response(
        response(400, {"errors": [{"field": "email", "errors": [{"reason": "dup"}]}]})
    )
    duplicate = original.recast(DuplicateApplicationError, "already applied")
    assert type(duplicate) is DuplicateApplicationError
    assert duplicate.message == "already applied"
    assert (duplicate.status_code, duplicate.field_errors, duplicate.error) == (
        400,
        {"email": ["dup"]},
        original.error,
    )
    assert (duplicate.method, duplicate.url, duplicate.body) == (
        original.method,
        original.url,
        original.body,
    )
    same_message = original.recast(NotFoundError)
    assert same_message.message == original.message
    duplicate.field_errors["email"].append("changed")
    assert original.field_errors == {"email": ["dup"]}


class ClaimsUnauthorized(httpx.Auth):
    """Answers a 401 itself by resending with another header."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.extensions[AUTH_HANDLED_STATUSES] = frozenset({401})
        response = yield request
        if response.status_code == 401:
            del request.extensions[AUTH_HANDLED_STATUSES]
            request.headers["Authorization"] = "second"
            yield request


def test_the_error_hook_lets_an_auth_flow_handle_the_statuses_it_claims() -> None:
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization"))
        return httpx.Response(200 if request.headers.get("authorization") == "second" else 401)

    config = HttpConfig.create(base_url="https://api.test", auth=ClaimsUnauthorized())
    with build_client(config, transport=httpx.MockTransport(handler)) as client:
        assert client.get("/a").status_code == 200
    assert seen == [None, "second"]

    def always_401(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"errors": [{"title": "Unauthorized"}]})

    with (
        build_client(config, transport=httpx.MockTransport(always_401)) as client,
        pytest.raises(AuthenticationError),
    ):
        client.get("/a")


def test_unclaimed_error_statuses_still_raise() -> None:
    def not_found(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    config = HttpConfig.create(base_url="https://api.test", auth=ClaimsUnauthorized())
    with (
        build_client(config, transport=httpx.MockTransport(not_found)) as client,
        pytest.raises(ApiError) as caught,
    ):
        client.get("/a")
    assert caught.value.status_code == 404


@pytest.mark.parametrize("status_code", [404, 413, 418, 503])
def test_an_error_tells_its_status_by_status_code_alone(status_code: int) -> None:
    # A public class attribute `status` read as the answer's: a 413 said 422, a 503 None.
    error = api_error_from_response(response(status_code, {"message": "no"}))
    assert error.status_code == status_code
    assert not hasattr(error, "status")
