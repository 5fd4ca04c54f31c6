"""The SDK's sharp edges, filed in issue 18: each one has a test here.

Requests go to the sandbox's stand-ins (real HTTP); what is checked before any request
(constructor arguments) needs no server.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import hirelink.core
from hirelink.core import (
    AuthenticationError,
    HirelinkError,
    InvalidInputError,
    RetryPolicy,
    RetryTransport,
)
from hirelink.core.http import _warn_of_plain_http
from hirelink.core.ratelimit import SlidingWindowLimiter
from hirelink.core.stores import STORE_ENV
from hirelink.join import AsyncJoin, Join
from hirelink.personio import AsyncPersonio, Personio
from hirelink.recruitee import AsyncRecruitee, Recruitee
from hirelink.recruitee_partners import AsyncRecruiteePartners, RecruiteePartners
from hirelink.sandbox import Fault, StandIn

ALL_CLIENTS: list[tuple[type, dict[str, Any]]] = [
    (Recruitee, {"company_id": 4100, "token": "t0ken-value"}),
    (AsyncRecruitee, {"company_id": 4100, "token": "t0ken-value"}),
    (Join, {"token": "t0ken-value"}),
    (AsyncJoin, {"token": "t0ken-value"}),
    (Personio, {"subdomain": "acme"}),
    (AsyncPersonio, {"subdomain": "acme"}),
    (RecruiteePartners, {"codename": "skillcheck"}),
    (AsyncRecruiteePartners, {"codename": "skillcheck"}),
]
CLIENT_IDS = [cls.__name__ for cls, _ in ALL_CLIENTS]


# --- every public error comes from hirelink.core -----------------------------------


def _core_errors() -> set[type[BaseException]]:
    for module in pkgutil.iter_modules(hirelink.core.__path__):
        importlib.import_module(f"hirelink.core.{module.name}")
    found: set[type[BaseException]] = set()
    pending: list[type[BaseException]] = [HirelinkError]
    while pending:
        cls = pending.pop()
        if cls.__module__.startswith("hirelink.core") and not cls.__name__.startswith("_"):
            found.add(cls)
        pending.extend(cls.__subclasses__())
    return found


def test_every_public_error_is_importable_from_hirelink_core() -> None:
    errors = _core_errors()
    assert {"StoreUnavailableError", "AuthenticationError"} <= {e.__name__ for e in errors}
    for error in errors:
        assert error.__name__ in hirelink.core.__all__, error
        assert getattr(hirelink.core, error.__name__) is error, error
    from hirelink.core import StoreUnavailableError, stores

    assert StoreUnavailableError is stores.StoreUnavailableError


# --- base_url is checked when the client is built ------------------------------------


@pytest.mark.parametrize(("cls", "arguments"), ALL_CLIENTS, ids=CLIENT_IDS)
@pytest.mark.parametrize(
    ("base_url", "problem"),
    [
        ("127.0.0.1:8000", "no scheme"),
        ("localhost:8000", "no scheme"),
        ("ftp://files.example.com", "scheme is 'ftp'"),
        ("http://", "no host"),
        ("https://api.example.com:port", "Port"),
        ("https://api example.com", "white space"),
    ],
)
def test_a_bad_base_url_is_refused_when_the_client_is_built(
    cls: type, arguments: dict[str, Any], base_url: str, problem: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        cls(**arguments, base_url=base_url)
    assert caught.value.field == "base_url"
    assert problem in caught.value.message
    assert repr(base_url) in caught.value.message


def test_a_refused_url_is_quoted_without_its_query(
    personio_sandbox_session: StandIn[Any],
) -> None:
    """A receiver's URL may carry its key in the query: a refusal quotes what comes before."""
    served = personio_sandbox_session
    served.sandbox.recorder.clear()
    url = "https://hooks.example.org:99999/personio?key=SeCrEt-KeY-123"
    with Personio(**served.client_kwargs()) as personio, pytest.raises(InvalidInputError) as caught:
        personio.create_webhook(url, ["person.created"])
    shown = "'https://hooks.example.org:99999/personio' (what follows ? or # not shown)"
    assert shown in str(caught.value)
    assert "SeCrEt" not in str(caught.value)
    without_scheme = "hooks.example.org/personio?key=SeCrEt-KeY-123&return=https://app.example.org"
    with Personio(**served.client_kwargs()) as personio, pytest.raises(InvalidInputError) as caught:
        personio.create_webhook(without_scheme, ["person.created"])
    assert "no scheme" in str(caught.value)
    assert "SeCrEt" not in str(caught.value)
    assert served.sandbox.recorder.requests == []


# --- store= only where something is shared --------------------------------------------


@pytest.mark.parametrize(
    ("cls", "arguments"),
    [(cls, arguments) for cls, arguments in ALL_CLIENTS if "Personio" not in cls.__name__],
    ids=[name for name in CLIENT_IDS if "Personio" not in name],
)
def test_clients_that_share_nothing_take_no_store(cls: type, arguments: dict[str, Any]) -> None:
    with pytest.raises(TypeError, match=r"'store'.*no client-side rate limit, no OAuth token"):
        cls(**arguments, store="redis://127.0.0.1:6379/0")


def test_clients_that_share_nothing_ignore_the_store_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(STORE_ENV, "memcached://cache:11211")
    Recruitee(company_id=4100, token="t0ken-value").close()  # nothing to share: not read
    with pytest.raises(InvalidInputError) as caught:
        Personio(subdomain="acme", company_id=41737, recruiting_token="t0ken-value")
    assert caught.value.field == STORE_ENV


def test_personio_shares_its_budget_through_the_store_it_is_given(redis_url: str) -> None:
    with Personio(
        subdomain="acme", company_id=41737, recruiting_token="t0ken-value", store=redis_url
    ) as personio:
        [limit] = personio._http._transport._inner._limits  # type: ignore[attr-defined]
        assert "RedisLimiter" in repr(limit.limiter)


@pytest.mark.parametrize("url", ["memcached://cache:11211", "cache.internal:6379", "http://x"])
def test_a_store_url_with_an_unknown_scheme_names_the_schemes_that_work(url: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Personio(subdomain="acme", company_id=41737, recruiting_token="t0ken-value", store=url)
    assert caught.value.field == "store"
    for scheme in ("redis://", "rediss://", "unix://", "'memory'"):
        assert scheme in caught.value.message
    assert "redis extra" not in caught.value.message


def test_a_redis_store_without_the_redis_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # import redis now fails
    monkeypatch.setenv(STORE_ENV, "redis://cache.internal:6379/0")
    with pytest.raises(InvalidInputError) as caught:
        Personio(subdomain="acme", company_id=41737, recruiting_token="t0ken-value")
    assert caught.value.field == STORE_ENV
    assert 'pip install "hirelink-core[redis]"' in caught.value.message


def test_the_memory_store_needs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)  # import redis now fails
    monkeypatch.setenv(STORE_ENV, "redis://cache.internal:6379/0")  # store= wins over it
    with Personio(
        subdomain="acme", company_id=41737, recruiting_token="t0ken-value", store="memory"
    ) as personio:
        [limit] = personio._http._transport._inner._limits  # type: ignore[attr-defined]
        assert type(limit.limiter) is SlidingWindowLimiter


# --- a long retry wait is a WARNING that says how long and why -------------------------


def test_a_long_server_requested_wait_logs_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "60"}), httpx.Response(200)])
    waited: list[float] = []
    transport = RetryTransport(
        httpx.MockTransport(lambda request: next(answers)), RetryPolicy(), sleep=waited.append
    )
    caplog.set_level(logging.INFO, logger="hirelink")
    with httpx.Client(transport=transport) as client:
        assert client.get("https://api.personio.de/v1/recruiting/applications").status_code == 200
    assert waited == [60.0]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert warnings[0].name.startswith("hirelink.")
    message = warnings[0].getMessage()
    assert "in 60.00s" in message
    assert "429 with Retry-After: 60" in message


def test_a_retry_waiting_longer_than_a_few_seconds_warns_against_the_sandbox(
    recruitee_sandbox_session: StandIn[Any],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The threshold is lowered so the test waits one second, not the real threshold.
    monkeypatch.setattr("hirelink.core.transport.LONG_WAIT", 0.5)
    served = recruitee_sandbox_session
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=429, headers={"Retry-After": "1"}, times=1)
    )
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/candidates$", status=429, headers={"Retry-After": "0"}, times=1)
    )
    caplog.set_level(logging.INFO, logger="hirelink")
    with Recruitee(**served.client_kwargs()) as recruitee:
        recruitee.list_candidates(limit=1)  # a short wait: INFO only
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        recruitee.list_offers()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, caplog.text
    assert "429 with Retry-After: 1 in 1.00s" in warnings[0].getMessage()


def test_a_malformed_retry_after_is_retried_with_backoff(
    recruitee_sandbox_session: StandIn[Any],
) -> None:
    served = recruitee_sandbox_session
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=429, headers={"Retry-After": "soon"}, times=1)
    )
    with Recruitee(**served.client_kwargs()) as recruitee:
        assert recruitee.list_offers()
    assert served.hits("GET", "/offers") == 2


# float() read "1_000" as 1000 s and "1e3" likewise: more than is waited for, the 429 raised.
@pytest.mark.parametrize("value", ["1_000", "1e3"])
def test_a_retry_after_in_no_digits_is_retried_with_backoff(
    recruitee_sandbox_session: StandIn[Any], value: str
) -> None:
    served = recruitee_sandbox_session
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=429, headers={"Retry-After": value}, times=1)
    )
    with Recruitee(**served.client_kwargs()) as recruitee:
        assert recruitee.list_offers()
    assert served.hits("GET", "/offers") == 2


@pytest.mark.parametrize("value", ["0", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_a_retry_after_shorter_than_the_backoff_waits_the_backoff(
    recruitee_sandbox_session: StandIn[Any], caplog: pytest.LogCaptureFixture, value: str
) -> None:
    # Both retries went within milliseconds of the first 429.
    served = recruitee_sandbox_session
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/offers$", status=429, headers={"Retry-After": value}, times=2)
    )
    caplog.set_level(logging.INFO, logger="hirelink.retry")
    with Recruitee(**served.client_kwargs()) as recruitee:
        assert recruitee.list_offers()
    assert served.hits("GET", "/offers") == 3
    waits = [r.__dict__["hirelink_wait_s"] for r in caplog.records if r.name == "hirelink.retry"]
    policy = RetryPolicy()  # the backoff with its jitter is between half and all of it
    assert waits[0] >= policy.backoff_initial / 2
    assert waits[1] >= policy.backoff_initial


# --- credentials from documented environment variables ---------------------------------

ENVIRONMENT_CASES: list[tuple[str, type, type, str, Callable[[Any], Any]]] = [
    ("recruitee", Recruitee, AsyncRecruitee, "HIRELINK_RECRUITEE", lambda c: c.list_offers()),
    ("join", Join, AsyncJoin, "HIRELINK_JOIN", lambda c: c.list_jobs()),
    (
        "personio",
        Personio,
        AsyncPersonio,
        "HIRELINK_PERSONIO",
        lambda c: c.list_categories(),
    ),
    (
        "recruitee_partners",
        RecruiteePartners,
        AsyncRecruiteePartners,
        "HIRELINK_RECRUITEE_PARTNERS",
        lambda c: c.get_partner(4100),
    ),
]
CREDENTIAL_ARGUMENTS = {
    "recruitee": ("company_id", "token"),
    "join": ("token",),
    "personio": (
        "subdomain",
        "company_id",
        "recruiting_token",
        "channel_id",
        "client_id",
        "client_secret",
    ),
    "recruitee_partners": ("codename", "personal_token", "partner_secret"),
}
REQUIRED = {"recruitee": "token", "join": "token", "personio": "subdomain"}
REQUIRED["recruitee_partners"] = "codename"


@pytest.fixture
def stand_in(request: pytest.FixtureRequest) -> StandIn[Any]:
    served: StandIn[Any] = request.getfixturevalue(f"{request.param}_sandbox_session")
    return served


@pytest.mark.parametrize(
    ("stand_in", "sync", "asynchronous", "prefix", "call"),
    ENVIRONMENT_CASES,
    ids=[case[0] for case in ENVIRONMENT_CASES],
    indirect=["stand_in"],
)
@pytest.mark.anyio
async def test_constructors_read_credentials_from_the_environment(
    stand_in: StandIn[Any],
    sync: type,
    asynchronous: type,
    prefix: str,
    call: Callable[[Any], Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    details = dict(stand_in.details)
    for argument in CREDENTIAL_ARGUMENTS[stand_in.name]:
        monkeypatch.setenv(f"{prefix}_{argument.upper()}", str(details.pop(argument)))
    stand_in.sandbox.recorder.clear()
    with sync(**details) as client:  # only base URLs passed: a 401 would raise
        call(client)
    async with asynchronous(**details) as client:
        await call(client)
    assert len(stand_in.sandbox.recorder.requests) >= 2  # both clients were answered
    stand_in.sandbox.recorder.clear()
    required = REQUIRED[stand_in.name]
    monkeypatch.delenv(f"{prefix}_{required.upper()}")
    with pytest.raises(InvalidInputError) as caught:
        sync(**details)
    assert caught.value.field == required
    assert f"{prefix}_{required.upper()}" in caught.value.message
    assert not stand_in.sandbox.recorder.requests  # refused before anything was sent


def test_a_passed_credential_wins_over_the_environment(
    recruitee_sandbox_session: StandIn[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIRELINK_RECRUITEE_TOKEN", "wrong-token-from-env")
    with Recruitee(**recruitee_sandbox_session.client_kwargs()) as recruitee:
        recruitee.list_offers()  # with the variable's token, the stand-in would answer 401


def test_the_variables_are_documented_in_each_readme() -> None:
    from pathlib import Path

    root = Path(__file__).parents[2] / "wrappers"
    for folder, prefix in [
        ("recruitee", "HIRELINK_RECRUITEE"),
        ("join", "HIRELINK_JOIN"),
        ("personio", "HIRELINK_PERSONIO"),
        ("recruitee-partners", "HIRELINK_RECRUITEE_PARTNERS"),
    ]:
        name = folder.replace("-", "_")
        readme = (root / folder / "README.md").read_text()
        changelog = (root / folder / "CHANGELOG.md").read_text()
        for argument in CREDENTIAL_ARGUMENTS[name]:
            variable = f"{prefix}_{argument.upper()}"
            assert variable in readme, (folder, variable)
            assert variable in changelog, (folder, variable)


# --- a 401 says which credential to check and where to find it ------------------------

WRONG = "wrong-credential-4242"
HINT_CASES: list[tuple[str, dict[str, Any], Callable[[Any], Any], str]] = [
    (
        "recruitee",
        {"token": WRONG},
        lambda c: c.list_offers(),
        "Settings > Apps and plugins > Personal API tokens",
    ),
    ("join", {"token": WRONG}, lambda c: c.list_jobs(), "User Settings > API Credentials"),
    (
        "personio",
        {"recruiting_token": WRONG},
        lambda c: c.upload_document(b"plain text", filename="notes.txt"),
        "'Recruiting API key' > Access token",
    ),
    (
        "personio",
        {"client_secret": WRONG},
        lambda c: c.list_categories(),
        "Create custom integration",
    ),
    (
        "recruitee_partners",
        {"personal_token": WRONG},
        lambda c: c.get_partner(4100),
        "app.rc.recruitee.dev/#/settings/api_tokens",
    ),
    (
        "recruitee_partners",
        {"partner_secret": WRONG},
        lambda c: c.list_candidate_reports(4100, 7730011),
        "RT-PARTNER-SECRET",
    ),
]


@pytest.mark.parametrize(
    ("stand_in", "overrides", "call", "where"),
    HINT_CASES,
    ids=[f"{case[0]}-{next(iter(case[1]))}" for case in HINT_CASES],
    indirect=["stand_in"],
)
def test_a_401_names_the_credential_and_where_to_find_it(
    stand_in: StandIn[Any], overrides: dict[str, Any], call: Callable[[Any], Any], where: str
) -> None:
    [credential] = overrides
    with stand_in.client(**overrides) as client, pytest.raises(AuthenticationError) as caught:
        call(client)
    error = caught.value  # a 401 (Personio's token endpoint refuses with a 400)
    assert error.hint is not None
    assert credential in error.hint
    assert where in error.hint
    assert error.hint in str(error)
    assert WRONG not in str(error)
    assert WRONG not in repr(error)


def test_a_hint_survives_a_provider_refinement() -> None:
    error = AuthenticationError("Unauthorized", status_code=401, hint="Check token: here")
    assert error.recast(AuthenticationError).hint == "Check token: here"


@pytest.mark.parametrize(
    ("base_url", "problem"),
    [
        ("https://gw.example/api?tenant=7", "a query"),
        ("https://gw.example/api?", "a query"),
        ("https://gw.example/api#v2", "a fragment"),
        ("https://proxyuser:S3cretPw@gw.example/api", "a user or password"),
        ("https://proxyuser:S3cretPw@gw.example/a b", "white space"),  # never quoted
        ("ftp://proxyuser:S3cretPw@gw.example/", "not http or https"),
    ],
)
@pytest.mark.parametrize(("client_class", "arguments"), ALL_CLIENTS, ids=CLIENT_IDS)
def test_a_base_url_that_paths_cannot_follow_is_refused(
    client_class: type, arguments: dict[str, Any], base_url: str, problem: str
) -> None:
    # httpx appends each path after a query (every operation went to one URL); a password
    # in it was never sent and showed in reprs, errors and logs.
    with pytest.raises(InvalidInputError) as caught:
        client_class(**arguments, base_url=base_url)
    assert caught.value.field == "base_url"
    assert problem in caught.value.message
    assert "S3cretPw" not in str(caught.value)


SYNC_CLIENTS = [(cls, arguments) for cls, arguments in ALL_CLIENTS if hasattr(cls, "close")]


@pytest.mark.parametrize(
    ("base_url", "warned"),
    [
        ("http://api.recruitee.com/c/4100", True),  # a credential crosses the network in clear
        ("http://sandbox:8080", True),  # a stand-in by a container's name: warned, not refused
        ("http://127.0.0.1:8080", False),
        ("http://localhost:8080", False),
        ("http://[::1]:8080", False),
        ("https://api.recruitee.com/c/4100", False),
    ],
)
@pytest.mark.parametrize(
    ("client_class", "arguments"), SYNC_CLIENTS, ids=[c.__name__ for c, _ in SYNC_CLIENTS]
)
def test_a_plain_http_base_url_of_another_host_is_warned_of(
    client_class: type,
    arguments: dict[str, Any],
    base_url: str,
    warned: bool,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A mistyped ``http://`` sent the token (Personio's client secret) in clear; the
    provider's redirect to https was refused, the URL fixed, and the credential, never
    said to have crossed the network unencrypted, kept."""
    caplog.set_level(logging.WARNING, logger="hirelink.http")
    _warn_of_plain_http.cache_clear()  # said once per URL and process
    for _ in range(3):  # a client built per request
        client_class(**arguments, base_url=base_url).close()
    said = [record.getMessage() for record in caplog.records if record.name == "hirelink.http"]
    assert said == ([f"base_url {base_url} is http://: this client's credentials go unencrypted;"
                     " rotate them if this host is not yours, and use https://"]
                    if warned else [])  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        ({"X-Partner": "a\r\nX-Evil: 1"}, "headers.X-Partner"),
        ({"X-Partner": "ä"}, "headers.X-Partner"),
        ({"X Bad": "v"}, "headers.X Bad"),
    ],
)
@pytest.mark.parametrize(("client_class", "arguments"), ALL_CLIENTS, ids=CLIENT_IDS)
def test_extra_headers_are_checked_when_the_client_is_made(
    client_class: type, arguments: dict[str, Any], headers: dict[str, str], field: str
) -> None:
    # They failed at every call, as an ApiConnectionError ("provider unavailable") or a
    # bare UnicodeEncodeError, and never reached the server.
    with pytest.raises(InvalidInputError) as caught:
        client_class(**arguments, headers=headers)
    assert caught.value.field == field
    assert "X-Evil" not in str(caught.value)


def test_the_receiver_module_without_starlette_names_the_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its neighbours (redis, orjson) say which extra is missing; it said only "starlette".
    monkeypatch.setitem(sys.modules, "starlette", None)  # as if not installed
    for name in [n for n in sys.modules if n.startswith("starlette.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delitem(sys.modules, "hirelink.core.receiver", raising=False)
    with pytest.raises(ModuleNotFoundError, match=r'"hirelink-core\[receiver\]"') as raised:
        importlib.import_module("hirelink.core.receiver")
    assert str(raised.value.name).startswith("starlette")


def test_the_receiver_module_passes_on_a_module_starlette_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Starlette is there, something it needs is not: installing the extra would not help.
    for name in [n for n in sys.modules if n == "anyio" or n.startswith(("anyio.", "starlette"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "anyio", None)
    monkeypatch.delitem(sys.modules, "hirelink.core.receiver", raising=False)
    with pytest.raises(ModuleNotFoundError) as raised:
        importlib.import_module("hirelink.core.receiver")
    assert str(raised.value.name).partition(".")[0] == "anyio"
    assert "receiver extra" not in str(raised.value)


@pytest.mark.parametrize(
    ("cls", "arguments", "credential"),
    [
        (Recruitee, {"company_id": 4100}, "token"),
        (Join, {}, "token"),
        (Personio, {"subdomain": "acme", "company_id": 41737, "channel_id": 5}, "recruiting_token"),
        (Personio, {"subdomain": "acme", "client_id": "papi-1"}, "client_secret"),
        (RecruiteePartners, {"codename": "skillcheck"}, "personal_token"),
        (RecruiteePartners, {"codename": "skillcheck"}, "partner_secret"),
    ],
)
def test_a_credential_pasted_with_its_bearer_scheme_is_refused(
    cls: type, arguments: dict[str, Any], credential: str
) -> None:
    # Copied from a curl example: the clients that add "Bearer " themselves sent it twice,
    # and the provider's 401 said to check the token, not the prefix.
    with pytest.raises(InvalidInputError, match="without 'Bearer '") as caught:
        cls(**arguments, **{credential: "Bearer live-credential-81f2"})
    assert caught.value.field == credential
    assert "live-credential-81f2" not in str(caught.value)


def test_a_misspelt_keyword_is_a_type_error_whichever_method_takes_it(
    join_sandbox: StandIn[Any],
) -> None:
    # Methods with a plain signature raise Python's TypeError; those passing keywords on
    # (filters, walkers) raise an InvalidInputError that is also a TypeError.
    with Join(**join_sandbox.client_kwargs()) as join:
        with pytest.raises(TypeError):
            join.list_jobs(bogus=1)  # type: ignore[call-arg]
        with pytest.raises(TypeError) as caught:
            list(join.iter_jobs(bogus=1))  # type: ignore[call-arg]
        assert isinstance(caught.value, InvalidInputError)
        assert caught.value.field == "bogus"
        with pytest.raises(TypeError):
            join.watch_applications(bogus=1)  # type: ignore[call-arg]
    assert not join_sandbox.sandbox.recorder.requests
