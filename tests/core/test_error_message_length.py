"""An error's message shows at most MAX_MESSAGE_CHARS of what the provider said: a
megabyte of error text went whole into every log line, error tracker event and CLI line."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hirelink.core import ApiError
from hirelink.core.errors import MAX_MESSAGE_CHARS
from hirelink.personio import Personio
from hirelink.recruitee import Recruitee
from hirelink.sandbox import Fault, RecruiteeSandbox, StandIn


def test_a_long_error_text_is_shortened_in_the_message_and_kept_in_the_body(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    said = "x" * 1_000_000
    recruitee_sandbox.faults.add(
        Fault(method="POST", path=r"/candidates$", status=422, body={"error": said})
    )
    client = Recruitee(**recruitee_sandbox.client_kwargs())
    with client, pytest.raises(ApiError) as caught:
        client.create_candidate("Ada Lovelace")
    assert len(str(caught.value)) < MAX_MESSAGE_CHARS + 300
    assert f"({len(said) - MAX_MESSAGE_CHARS} more characters)" in caught.value.message
    assert caught.value.error == {"error": said}  # the whole answer is kept


def test_many_field_errors_are_shortened_alike(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    errors = {f"field_{number}": ["is invalid"] for number in range(50_000)}
    body = json.dumps({"errors": errors})
    recruitee_sandbox.faults.add(Fault(method="POST", path=r"/candidates$", status=422, body=body))
    client = Recruitee(**recruitee_sandbox.client_kwargs())
    with client, pytest.raises(ApiError) as caught:
        client.create_candidate("Ada Lovelace")
    assert len(caught.value.message) < MAX_MESSAGE_CHARS + 100
    assert len(caught.value.field_errors) == 50_000


@pytest.mark.parametrize("padding", [150, 190])
def test_a_secret_in_a_long_location_is_masked_before_it_is_shortened(
    recruitee_sandbox: StandIn[RecruiteeSandbox], padding: int
) -> None:
    token = str(recruitee_sandbox.client_kwargs()["token"])
    location = "https://elsewhere.example/" + "a" * padding + "?t=" + token
    recruitee_sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=307, headers={"Location": location})
    )
    client = Recruitee(**recruitee_sandbox.client_kwargs())
    with client, pytest.raises(ApiError) as caught:
        client.list_offers()
    assert "follows no redirects" in str(caught.value)
    assert token[:7] not in str(caught.value)  # cut at 200 characters, it was not masked


def test_a_redirect_is_named_without_its_userinfo_query_and_fragment(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    # The Location was quoted whole: a signed link's token, a user:password@.
    location = "https://proxy:pa55word@elsewhere.example/api/offers?signature=s1gned#top"
    recruitee_sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=307, headers={"Location": location})
    )
    client = Recruitee(**recruitee_sandbox.client_kwargs())
    with client, pytest.raises(ApiError) as caught:
        client.list_offers()
    assert "redirected to 'https://elsewhere.example/api/offers'" in caught.value.message
    assert [part for part in ("pa55word", "s1gned", "#top") if part in str(caught.value)] == []
    # Nor in the error's headers, which a tracker sends and the docs call safe to log.
    assert caught.value.headers["location"] == "https://elsewhere.example/api/offers"


def test_a_provider_text_with_line_breaks_and_controls_stays_on_one_line(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    said = "is taken\nCRITICAL hirelink: forged line\r\x1b[31mred\u202eexe.png"
    recruitee_sandbox.faults.add(
        Fault(method="POST", path=r"/candidates$", status=422, body={"errors": {"email": [said]}})
    )
    client = Recruitee(**recruitee_sandbox.client_kwargs())
    with client, pytest.raises(ApiError) as caught:
        client.create_candidate("Ada Lovelace")
    shown = str(caught.value)
    assert shown.isprintable(), shown  # no line break, escape or bidirectional control
    assert "is taken\\nCRITICAL hirelink: forged line\\r\\x1b[31mred\\u202eexe.png" in shown
    assert caught.value.field_errors == {"email": [said]}  # as the provider said it


def test_escapes_count_towards_the_length_and_the_request_id_is_one_line_too(
    personio_sandbox_session: StandIn[Any],
) -> None:
    # Escaped after it was cut, a message of 1,000 controls grew to 6,000 characters; the
    # request id, read from the body, kept its line breaks (review 30).
    stand_in = personio_sandbox_session
    body: dict[str, object] = {
        "errors": [{"title": "\u202e" * 5000}],
        "personio_trace_id": "t-1\nFORGED\u2028TOO",
    }
    stand_in.faults.add(Fault(method="GET", path=r"/v2/recruiting/jobs$", status=422, body=body))
    client = Personio(**stand_in.client_kwargs())
    with client, pytest.raises(ApiError) as caught:
        client.list_jobs()
    assert len(caught.value.message) < MAX_MESSAGE_CHARS + 100
    assert caught.value.request_id == "t-1\\nFORGED\\u2028TOO"
    assert str(caught.value).isprintable()
