"""What a running integration can learn of a call that failed or was retried, as data:
the operation on every error and in every request's extensions, the fields of the log
records (for a formatter that writes JSON), and a repr worth logging."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from hirelink.core import ApiConnectionError, ApiError
from hirelink.core.errors import OPERATION
from hirelink.core.secrets import scrubbed_when_shown
from hirelink.sandbox import Fault, StandIn

READS = [  # (stand-in fixture, operation, path of its request)
    ("recruitee_sandbox", "list_offers", "/offers$"),
    ("join_sandbox", "list_jobs", "/jobs$"),
    ("personio_sandbox", "list_applications", "/applications$"),
]


@pytest.mark.parametrize(("fixture", "operation", "path"), READS)
def test_an_api_error_names_its_operation_and_shows_it_in_its_repr(
    request: pytest.FixtureRequest, fixture: str, operation: str, path: str
) -> None:
    stand_in: StandIn[Any] = request.getfixturevalue(fixture)
    unavailable = Fault(path=path, status=503, times=-1, headers={"X-Request-Id": "req-7"})
    stand_in.faults.add(unavailable)
    with stand_in.client(max_retries=1) as client, pytest.raises(ApiError) as caught:
        getattr(client, operation)()
    assert caught.value.operation == operation
    assert repr(caught.value) == (
        "ServerError(status_code=503, message='Service Unavailable', "
        f"operation={operation!r}, request_id='req-7', attempts=2)"
    )


@pytest.mark.anyio
async def test_a_connection_error_names_its_operation(recruitee_sandbox: StandIn[Any]) -> None:
    recruitee_sandbox.faults.add(Fault(path="/candidates$", kind="drop", times=-1))
    async with recruitee_sandbox.async_client(max_retries=0) as recruitee:
        with pytest.raises(ApiConnectionError) as caught:
            await recruitee.list_candidates()
    assert caught.value.operation == "list_candidates"


def test_an_error_recast_by_its_reason_codes_names_its_operation(
    personio_sandbox: StandIn[Any],
) -> None:
    with personio_sandbox.client() as personio, pytest.raises(ApiError) as caught:
        personio.get_application(999_999_999)
    assert caught.value.operation == "get_application"


def test_your_own_clients_hooks_see_each_attempts_operation(
    recruitee_sandbox: StandIn[Any],
) -> None:
    seen: list[str | None] = []

    def note(request: httpx.Request) -> None:
        seen.append(request.extensions.get(OPERATION))

    recruitee_sandbox.faults.add(Fault(path="/offers$", status=503))
    own = httpx.Client(event_hooks={"request": [note]})
    with own, recruitee_sandbox.client(httpx_client=own) as recruitee:
        recruitee.list_offers()
        recruitee.get_candidate(recruitee.list_candidates().candidates[0].id)
    assert seen == ["list_offers", "list_offers", "list_candidates", "get_candidate"]


def test_retry_records_carry_their_fields_as_data(
    recruitee_sandbox: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    busy = Fault(path="/offers$", status=503, headers={"X-Request-Id": "req-9"})
    recruitee_sandbox.faults.add(busy)
    with caplog.at_level(logging.INFO, "hirelink.retry"), recruitee_sandbox.client() as recruitee:
        recruitee.list_offers()
    (record,) = [r for r in caplog.records if r.name == "hirelink.retry"]
    fields = {k: v for k, v in vars(record).items() if k.startswith("hirelink_")}
    assert fields.pop("hirelink_wait_s") >= 0
    assert fields.pop("hirelink_url").endswith("/offers")
    assert fields == {
        "hirelink_operation": "list_offers",
        "hirelink_method": "GET",
        "hirelink_cause": "503",
        "hirelink_status": 503,
        "hirelink_request_id": "req-9",
        "hirelink_retry": 1,
        "hirelink_retries": 2,
    }
    assert record.getMessage().endswith("(retry 1 of 2); request id req-9")


def test_a_log_argument_scrubbed_when_shown_shows_the_text_as_its_repr() -> None:
    shown = scrubbed_when_shown("https://api.example.org/offers")
    assert repr(shown) == "'https://api.example.org/offers'"
