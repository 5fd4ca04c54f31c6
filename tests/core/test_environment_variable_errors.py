"""A credential read from its environment variable and refused names the variable: the
caller passed nothing, and the value to fix is in the environment."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hirelink.core import InvalidInputError
from hirelink.join import Join
from hirelink.personio import Personio
from hirelink.recruitee import Recruitee
from hirelink.recruitee_partners import RecruiteePartners

CASES: list[tuple[Callable[..., Any], dict[str, str], str]] = [
    (
        Recruitee,
        {
            "HIRELINK_RECRUITEE_COMPANY_ID": "not a company!",
            "HIRELINK_RECRUITEE_TOKEN": "tok-123456",
        },
        "HIRELINK_RECRUITEE_COMPANY_ID",
    ),
    (Join, {"HIRELINK_JOIN_TOKEN": "Bearer join-token-123"}, "HIRELINK_JOIN_TOKEN"),
    (
        Personio,
        {"HIRELINK_PERSONIO_SUBDOMAIN": "acme", "HIRELINK_PERSONIO_COMPANY_ID": "abc"},
        "HIRELINK_PERSONIO_COMPANY_ID",
    ),
    (
        RecruiteePartners,
        {"HIRELINK_RECRUITEE_PARTNERS_CODENAME": "not a codename!"},
        "HIRELINK_RECRUITEE_PARTNERS_CODENAME",
    ),
]


@pytest.mark.parametrize(("client_class", "variables", "named"), CASES)
def test_a_refused_value_from_the_environment_names_its_variable(
    monkeypatch: pytest.MonkeyPatch,
    client_class: Callable[..., Any],
    variables: dict[str, str],
    named: str,
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(InvalidInputError) as caught:
        client_class()
    assert caught.value.field == named


def test_a_refused_argument_still_names_the_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HIRELINK_PERSONIO_COMPANY_ID", "abc")  # not read: passed in code
    with pytest.raises(InvalidInputError) as caught:
        Personio(subdomain="acme", company_id="also bad")  # type: ignore[arg-type]
    assert caught.value.field == "company_id"
    monkeypatch.delenv("HIRELINK_RECRUITEE_COMPANY_ID", raising=False)
    with pytest.raises(InvalidInputError) as missing:
        Recruitee(token="tok-123456")
    assert missing.value.field == "company_id"  # neither passed nor set: the argument
