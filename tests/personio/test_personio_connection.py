"""check_connection: one verdict per credential, good and bad, never creating data."""

from __future__ import annotations

from typing import Any

import pytest

from hirelink.personio import ConnectionCheck
from hirelink.sandbox.faults import Fault

from .conftest import Served

NAMES = [
    "xml_feed",
    "recruiting_api_key",
    "recruiting_channel_id",
    "client_credentials",
    "recruiting_scope",
    "recruiting_write_scope",
]


def verdicts(checks: list[ConnectionCheck]) -> dict[str, bool]:
    assert [check.name for check in checks] == NAMES
    return {check.name: check.ok for check in checks}


def by_name(checks: list[ConnectionCheck]) -> dict[str, ConnectionCheck]:
    return {check.name: check for check in checks}


def assert_nothing_created(served: Served) -> None:
    assert served.sandbox.state.submitted() == []
    assert served.hits("POST", "/documents") == 0


def test_good_credentials_pass_every_check(served: Served) -> None:
    served.sandbox.recorder.clear()
    with served.client() as personio:
        checks = personio.check_connection()
    assert verdicts(checks) == dict.fromkeys(NAMES, True)
    assert all(check.fix is None for check in checks)
    found = by_name(checks)
    assert "5 published position(s)" in found["xml_feed"].detail
    assert "personio:recruiting:read" in found["client_credentials"].detail
    assert_nothing_created(served)
    probe = served.sandbox.recorder.last("POST", "/v1/recruiting/applications")
    assert probe is not None
    assert probe.json()["recruiting_channel_id"] == served.sandbox.channel_id
    assert probe.json()["job_position_id"] == 1874512  # the feed's first position


@pytest.mark.parametrize(
    ("overrides", "expected_failures", "fix_mentions"),
    [
        ({"subdomain": "no-such-company"}, {"xml_feed"}, "Enable XML feed"),
        ({"subdomain": "stillwater"}, {"xml_feed"}, "Enable XML feed"),
        (
            {"recruiting_token": "wrong-token-42"},
            {"recruiting_api_key", "recruiting_channel_id"},
            "Recruiting API key",
        ),
        (
            {"company_id": 99},
            {"recruiting_api_key", "recruiting_channel_id"},
            "Company ID",
        ),
        ({"channel_id": 999}, {"recruiting_channel_id"}, "Recruiting API channel ID"),
        (
            {"client_secret": "wrong-secret-42"},
            {"client_credentials", "recruiting_scope", "recruiting_write_scope"},
            "Create custom integration",
        ),
        (
            {"company_id": None, "recruiting_token": None, "channel_id": None},
            {"recruiting_api_key", "recruiting_channel_id"},
            "Access token",
        ),
        (
            {"client_id": None},
            {"client_credentials", "recruiting_scope", "recruiting_write_scope"},
            "client ID",
        ),
    ],
)
def test_each_bad_credential_fails_its_own_check_with_a_fix(
    served: Served, overrides: dict[str, Any], expected_failures: set[str], fix_mentions: str
) -> None:
    served.sandbox.recorder.clear()
    with served.client(**overrides) as personio:
        checks = personio.check_connection()
    failed = {name for name, ok in verdicts(checks).items() if not ok}
    assert failed == expected_failures
    for check in checks:
        if not check.ok:
            assert check.fix
    first = next(check for check in checks if not check.ok)
    assert fix_mentions in first.fix  # type: ignore[operator]
    assert_nothing_created(served)


def test_a_client_without_the_recruiting_scope_fails_only_the_scope(served: Served) -> None:
    with served.client(
        client_id=served.sandbox.limited_client_id,
        client_secret=served.sandbox.limited_client_secret,
    ) as personio:
        checks = by_name(personio.check_connection())
    assert checks["client_credentials"].ok
    assert "personio:persons:read" in checks["client_credentials"].detail
    assert not checks["recruiting_scope"].ok
    assert "personio:recruiting:read" in checks["recruiting_scope"].detail
    assert "access rights" in (checks["recruiting_scope"].fix or "")
    # The Recruiting API key, accepted, creates applications: the write scope is not
    # needed (it failed the check, exit 3, of a setup that works).
    assert checks["recruiting_write_scope"].ok
    assert "not needed" in checks["recruiting_write_scope"].detail
    with served.client(
        client_id=served.sandbox.limited_client_id,
        client_secret=served.sandbox.limited_client_secret,
        recruiting_token=None,
        company_id=None,
    ) as without_key:
        unkeyed = by_name(without_key.check_connection())
    assert not unkeyed["recruiting_write_scope"].ok
    assert "lacks personio:recruiting:write" in unkeyed["recruiting_write_scope"].detail
    assert "without the Recruiting API key" in (unkeyed["recruiting_write_scope"].fix or "")


def test_the_write_scope_is_read_from_the_token(served: Served) -> None:
    with served.client() as personio:
        checks = by_name(personio.check_connection())
    assert checks["recruiting_write_scope"].ok
    assert "personio:recruiting:write" in checks["recruiting_write_scope"].detail


def test_a_company_without_recruiting_api_access(fresh: Served) -> None:
    fresh.sandbox.state.recruiting_api_enabled = False
    with fresh.client() as personio:
        checks = by_name(personio.check_connection())
    assert not checks["recruiting_api_key"].ok
    assert "feature.public-api.disabled" in checks["recruiting_api_key"].detail
    assert not checks["recruiting_channel_id"].ok
    assert checks["xml_feed"].ok
    assert checks["client_credentials"].ok


def test_failures_of_the_network_are_verdicts_not_exceptions(served: Served) -> None:
    served.sandbox.faults.add(Fault(path=r"^/jobs/", kind="drop", times=3))
    served.sandbox.faults.add(
        Fault(path=r"^/v1/", status=429, times=3, headers={"Retry-After": "0"})
    )
    with served.client(max_retries=0) as personio:
        checks = by_name(personio.check_connection())
    assert not checks["xml_feed"].ok
    assert not checks["recruiting_api_key"].ok
    assert "in a minute" in (checks["recruiting_api_key"].fix or "")
    assert checks["client_credentials"].ok
    served.sandbox.faults.clear()


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (503, None),
        (429, None),
        (400, {"error": "temporarily_unavailable", "error_description": "try later"}),
    ],
)
def test_a_token_endpoint_outage_leaves_the_client_credentials_unjudged(
    fresh: Served, status: int, body: dict[str, object] | None
) -> None:
    fresh.sandbox.faults.add(
        Fault(
            method="POST",
            path=r"/v2/auth/token$",
            status=status,
            body=body,
            times=-1,
            headers={"Retry-After": "0"},
        )
    )
    with fresh.client(max_retries=0) as personio:
        checks = by_name(personio.check_connection())
    credentials = checks["client_credentials"]
    assert not credentials.ok
    assert credentials.unavailable
    assert "client_id" not in (credentials.fix or "")
    assert "try again" in (credentials.fix or "")
    for name in ("recruiting_scope", "recruiting_write_scope"):
        assert checks[name].unavailable
        assert checks[name].detail == "could not be checked"
    assert checks["recruiting_api_key"].ok


def test_refused_client_credentials_are_blamed_and_not_unavailable(served: Served) -> None:
    with served.client(client_secret="wrong-secret-44") as personio:
        credentials = by_name(personio.check_connection())["client_credentials"]
    assert not credentials.ok
    assert not credentials.unavailable
    assert "client_id" in (credentials.fix or "")


def test_a_token_endpoint_that_is_not_there_points_at_the_base_url(fresh: Served) -> None:
    # A 404 there (a wrong base_url) judges neither the credentials nor the network.
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/v2/auth/token$", status=404, times=-1))
    with fresh.client() as personio:
        credentials = by_name(personio.check_connection())["client_credentials"]
    assert not credentials.ok
    assert not credentials.unavailable
    assert "base_url" in (credentials.fix or "")
    assert "client_id" not in (credentials.fix or "")


def test_a_base_url_whose_scheme_is_in_capitals_is_taken_as_by_the_other_clients(
    served: Served,
) -> None:
    """Its token URL was refused with a bare ValueError (a traceback in the CLI)."""
    scheme, rest = served.url.split("://", 1)
    with served.client(base_url=f"{scheme.upper()}://{rest}") as personio:
        assert all(check.ok for check in personio.check_connection())


@pytest.mark.anyio
async def test_async_check_connection(served: Served) -> None:
    async with served.async_client() as personio:
        good = await personio.check_connection()
    async with served.async_client(channel_id=999, client_secret="wrong-secret-43") as personio:
        bad = await personio.check_connection()
    assert verdicts(good) == dict.fromkeys(NAMES, True)
    assert {name for name, ok in verdicts(bad).items() if not ok} == {
        "recruiting_channel_id",
        "client_credentials",
        "recruiting_scope",
        "recruiting_write_scope",
    }
    assert_nothing_created(served)
