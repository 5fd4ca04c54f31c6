"""An error names the provider's id of the failed request, which its support asks for."""

from __future__ import annotations

from typing import Any

import pytest

from hirelink.core import ApiConnectionError, AuthenticationError, NotFoundError, ServerError
from hirelink.sandbox import Fault, StandIn


def test_a_personio_error_names_its_trace_id(personio_sandbox: StandIn[Any]) -> None:
    with personio_sandbox.client() as personio, pytest.raises(NotFoundError) as caught:
        personio.get_application(999_999_999)
    trace = caught.value.error["personio_trace_id"]
    assert caught.value.request_id == trace
    assert str(caught.value).endswith(f"; request id {trace}")


def test_a_refused_personio_token_names_the_token_endpoints_trace_id(
    personio_sandbox: StandIn[Any],
) -> None:
    refused = personio_sandbox.client(client_secret="not-the-secret")
    with refused as personio, pytest.raises(AuthenticationError) as caught:
        personio.list_applications()
    trace = caught.value.error["trace_id"]
    assert caught.value.request_id == trace
    assert f"; request id {trace}. Check client_id" in str(caught.value)  # before the hint


def test_an_x_request_id_header_is_the_request_id(recruitee_sandbox: StandIn[Any]) -> None:
    headers = {"X-Request-Id": "req-81f2"}
    recruitee_sandbox.faults.add(Fault(method="GET", path="/offers$", status=404, headers=headers))
    with recruitee_sandbox.client() as recruitee, pytest.raises(NotFoundError) as caught:
        recruitee.list_offers()
    assert caught.value.request_id == "req-81f2"
    assert "; request id req-81f2" in str(caught.value)


def test_an_answer_without_one_names_none(recruitee_sandbox: StandIn[Any]) -> None:
    with recruitee_sandbox.client() as recruitee, pytest.raises(NotFoundError) as caught:
        recruitee.get_candidate(999_999_999)
    assert caught.value.request_id is None
    assert "request id" not in str(caught.value)


@pytest.mark.parametrize(
    ("headers", "named"),
    [
        ({"CF-Ray": "8d2f1a2b3c4d5e6f-FRA"}, "8d2f1a2b3c4d5e6f-FRA"),
        ({"X-Amzn-RequestId": "0c1d2e3f-aa"}, "0c1d2e3f-aa"),
        ({"CF-Ray": "8d2f-FRA", "X-Request-Id": "req-1"}, "req-1"),  # the provider's first
    ],
)
def test_a_cdns_id_of_the_answer_is_the_request_id_and_shown(
    recruitee_sandbox: StandIn[Any], headers: dict[str, str], named: str
) -> None:
    # A 522 comes from Cloudflare, not the provider: its Ray id was hidden as <redacted>.
    answer = Fault(method="GET", path="/offers$", status=522, times=-1, headers=headers)
    recruitee_sandbox.faults.add(answer)
    with recruitee_sandbox.client(max_retries=0) as recruitee, pytest.raises(ServerError) as caught:
        recruitee.list_offers()
    assert caught.value.request_id == named
    assert all(caught.value.headers[name.lower()] == value for name, value in headers.items())


def test_a_connection_errors_repr_names_its_operation_and_attempts(
    recruitee_sandbox: StandIn[Any],
) -> None:
    recruitee_sandbox.faults.add(Fault(method="GET", path="/offers$", kind="drop", times=-1))
    with (
        recruitee_sandbox.client(max_retries=1) as recruitee,
        pytest.raises(ApiConnectionError) as caught,
    ):
        recruitee.list_offers()
    shown = repr(caught.value)
    assert shown.startswith("ApiConnectionError('")
    assert "operation='list_offers'" in shown
    assert "attempts=2" in shown
