"""What a running integration can learn of a call that failed or was retried, as data:
the operation on every error and in every request's extensions, the fields of the log
records (for a formatter that writes JSON), and a repr worth logging."""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from hirelink.core import ApiConnectionError, ApiError
from hirelink.core.errors import OPERATION
from hirelink.core.secrets import scrubbed_when_shown
from hirelink.sandbox import Fault, StandIn


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    """The record's ``hirelink_*`` attributes, as a formatter writing JSON sees them."""
    return {name: value for name, value in vars(record).items() if name.startswith("hirelink_")}


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
    fields = _fields(record)
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


def test_http_records_carry_their_fields_as_data(
    join_sandbox: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, "hirelink.http"), join_sandbox.client() as join:
        join.list_jobs()
    request, response = [r for r in caplog.records if r.name == "hirelink.http"]
    assert (_fields(request)["hirelink_operation"], _fields(request)["hirelink_method"]) == (
        "list_jobs",
        "GET",
    )
    assert (_fields(response)["hirelink_operation"], _fields(response)["hirelink_status"]) == (
        "list_jobs",
        200,
    )
    assert _fields(response)["hirelink_elapsed_ms"] >= 0
    assert _fields(response)["hirelink_request_id"] is None


def test_a_request_id_that_is_not_ascii_or_one_line_is_shown_safely(
    recruitee_sandbox: StandIn[Any], caplog: pytest.LogCaptureFixture
) -> None:
    # A raw byte above 0x7f in the header: repr() raised UnicodeEncodeError (so did str()).
    odd = Fault(path="/offers$", status=503, times=-1, headers={"X-Request-Id": "r\xe9q-1"})
    recruitee_sandbox.faults.add(odd)
    with (
        caplog.at_level(logging.INFO, "hirelink.retry"),
        recruitee_sandbox.client(max_retries=1) as recruitee,
        pytest.raises(ApiError) as caught,
    ):
        recruitee.list_offers()
    assert "request_id='r\xe9q-1'" in repr(caught.value)
    assert str(caught.value).endswith("; request id r\xe9q-1")
    (record,) = [r for r in caplog.records if r.name == "hirelink.retry"]
    assert _fields(record)["hirelink_request_id"] == "r\xe9q-1"


def test_the_calls_queued_behind_a_failed_token_exchange_are_told_its_attempts(
    personio_sandbox: StandIn[Any],
) -> None:
    personio_sandbox.faults.add(Fault(path="/token$", status=503, times=-1, delay=0.3))
    failures: list[ApiError] = []
    with personio_sandbox.client(recruiting_token=None, company_id=None) as personio:

        def read() -> None:
            try:
                personio.list_applications()
            except ApiError as error:
                failures.append(error)

        with ThreadPoolExecutor(3) as pool:
            for _ in range(3):
                pool.submit(read)
    assert [(error.status_code, error.attempts) for error in failures] == [(503, 3)] * 3


def test_every_logger_is_in_the_docs_table() -> None:
    root = Path(__file__).parents[2]
    table = (root / "docs" / "errors.md").read_text().split("## Observing calls", 1)[1]
    sources = [*root.glob("wrappers/*/src/**/*.py"), *root.glob("sandbox/src/**/*.py")]
    names = {
        name
        for source in sources
        for name in re.findall(r"getLogger\(\"(hirelink[.\w]*)\"\)", source.read_text())
    }
    assert len(names) >= 12
    assert sorted(name for name in names if f"`{name}`" not in table) == ["hirelink"]
