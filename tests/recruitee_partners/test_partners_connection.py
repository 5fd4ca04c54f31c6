"""check_connection: a verdict per credential the client holds, over real HTTP."""

from __future__ import annotations

import pytest

from hirelink.core import ConnectionCheck
from hirelink.recruitee_partners import ConnectionCheck as PartnersConnectionCheck
from hirelink.sandbox.faults import Fault

from .conftest import Served

WRONG_TOKEN = "wrong-personal-token-1234"  # refused by the stand-in
WRONG_SECRET = "wrong-partner-secret-1234"  # refused by the stand-in


def by_name(checks: list[ConnectionCheck]) -> dict[str, ConnectionCheck]:
    assert all(isinstance(check, ConnectionCheck) for check in checks)
    return {check.name: check for check in checks}


def test_both_credentials_are_checked_and_the_record_found(served: Served) -> None:
    with served.client() as partners:
        checks = by_name(partners.check_connection(company_id=4100))
    assert set(checks) == {"personal_token", "partner_secret"}
    assert all(check.ok and check.fix is None for check in checks.values())
    assert "holds the partner record 'skillcheck'" in checks["personal_token"].detail
    assert served.last("GET", "/c/4100/partner")
    assert served.last("GET", "/reports")


def test_a_personal_token_alone_is_ok_before_any_partner_exists(empty: Served) -> None:
    with empty.client(partner_secret=None) as partners:
        checks = by_name(partners.check_connection(company_id=4100))
    assert list(checks) == ["personal_token"]  # no verdict on a secret not given
    assert checks["personal_token"].ok
    assert "holds no partner record 'skillcheck' yet" in checks["personal_token"].detail
    assert [r.method for r in empty.sandbox.recorder.requests] == ["GET"]


def test_without_company_id_a_sample_company_proves_the_token(served: Served) -> None:
    with served.client(partner_secret=None) as partners:
        (check,) = partners.check_connection()
    assert check.ok
    assert "pass company_id" in check.detail
    assert served.last("GET", "/c/1/partner")


def test_a_wrong_personal_token_fails_beside_a_working_secret(served: Served) -> None:
    with served.client(personal_token=WRONG_TOKEN) as partners:
        checks = by_name(partners.check_connection(company_id=4100))
    token, secret = checks["personal_token"], checks["partner_secret"]
    assert not token.ok
    assert not token.unavailable
    assert "401" in token.detail
    assert token.fix is not None
    assert "personal_token" in token.fix
    assert secret.ok
    assert WRONG_TOKEN not in repr(checks)


def test_a_wrong_secret_fails_beside_a_working_token(served: Served) -> None:
    with served.client(partner_secret=WRONG_SECRET) as partners:
        checks = by_name(partners.check_connection(company_id=4100))
    assert checks["personal_token"].ok
    secret = checks["partner_secret"]
    assert not secret.ok
    assert "401" in secret.detail
    assert secret.fix is not None
    assert "partner_secret" in secret.fix
    assert WRONG_SECRET not in repr(checks)


def test_an_unknown_codename_leaves_the_secret_unjudged(served: Served) -> None:
    with served.client(codename="nosuchpartner", personal_token=None) as partners:
        (check,) = partners.check_connection()
    assert check.name == "partner_secret"
    assert not check.ok
    assert "no partner 'nosuchpartner'" in check.detail
    assert check.fix is not None
    assert "codename" in check.fix


def test_in_production_the_personal_token_is_reported_unusable_without_a_request(
    served: Served,
) -> None:
    with served.client(environment="production") as partners:
        checks = by_name(partners.check_connection(company_id=4100))
    token = checks["personal_token"]
    assert not token.ok
    assert "RC only" in token.detail
    assert token.fix is not None
    assert "environment='rc'" in token.fix
    assert checks["partner_secret"].ok
    assert [r.path for r in served.sandbox.recorder.requests if "/partner" in r.path] == []


def test_nothing_given_fails_both(served: Served) -> None:
    with served.client(personal_token=None, partner_secret=None) as partners:
        checks = by_name(partners.check_connection())
    assert [check.ok for check in checks.values()] == [False, False]
    assert served.sandbox.recorder.requests == []


def test_an_unreachable_recruitee_says_nothing_of_the_credentials(served: Served) -> None:
    served.sandbox.faults.add(Fault(status=503, times=-1, headers={"Retry-After": "0"}))
    with served.client(max_retries=0) as partners:
        checks = partners.check_connection(company_id=4100)
    assert [(check.ok, check.unavailable) for check in checks] == [(False, True), (False, True)]


def test_bad_company_id_is_refused_before_any_request(served: Served) -> None:
    with served.client() as partners, pytest.raises(ValueError, match="company_id"):
        partners.check_connection(company_id="acme")  # type: ignore[arg-type]
    assert served.sandbox.recorder.requests == []


@pytest.mark.anyio
async def test_async_check_connection(served: Served) -> None:
    async with served.async_client(personal_token=WRONG_TOKEN) as partners:
        checks = by_name(await partners.check_connection(company_id=4100))
    assert not checks["personal_token"].ok
    assert checks["partner_secret"].ok
    assert PartnersConnectionCheck is ConnectionCheck
