"""The OAuth token lifecycle and secrecy, against the sandbox's token endpoint."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs

import anyio
import httpx
import pytest

from hirelink.core import (
    ApiTimeoutError,
    AuthenticationError,
    MalformedResponseError,
    PermissionDeniedError,
    ServerError,
    request_options,
    stores,
)
from hirelink.core.http import HttpConfig, build_client
from hirelink.core.secrets import Secret
from hirelink.core.stores import (
    IN_PROCESS,
    InProcessStore,
    RedisStore,
    Store,
    TokenCache,
    delivery_log,
)
from hirelink.core.threads import EXCHANGE_WAIT_THREADS, STORE_THREADS
from hirelink.core.tokens import ClientCredentialsAuth, _exchange_turns
from hirelink.personio import AsyncPersonio, Personio
from hirelink.sandbox.faults import FOREVER, Fault
from tests.waiting import await_until, wait_until
from tools.redis_server import free_port

from .conftest import Served, serve

OAUTH_ONLY = {"company_id": None, "recruiting_token": None}

TOKEN_PATH = "/v2/auth/token"


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timed(clock: FakeClock) -> Iterator[Served]:
    """A sandbox whose tokens live 600 s on a clock the test moves."""
    yield from serve(clock=clock, token_lifetime=600)


@pytest.fixture(params=["memory", "redis"])
def sharing(request: pytest.FixtureRequest) -> Callable[[], Store]:
    """Stores sharing tokens, as the workers of one deployment hold them: each call is a
    worker's own store (Redis: a process of its own, sharing through the server; memory:
    a client of this process, given the one store made for the test)."""
    if request.param == "memory":
        store = InProcessStore(share_tokens=True)
        return lambda: store
    redis_url: str = request.getfixturevalue("redis_url")
    return lambda: RedisStore(redis_url, share_tokens=True)


def first_calls_at_once(
    personio: Personio, callers: int, expected: type[Exception]
) -> list[Exception]:
    """``callers`` threads call at once; the errors of type ``expected`` they got, each
    noted with the thread that saw it."""
    start = threading.Barrier(callers)
    failures: list[Exception] = []

    def read() -> None:
        start.wait()
        try:
            personio.list_categories()
        except expected as error:
            error.add_note(f"seen by {threading.current_thread().name}")
            failures.append(error)

    with ThreadPoolExecutor(callers) as pool:
        for _ in range(callers):
            pool.submit(read)
    return failures


def access_token(personio: Personio) -> str:
    token = personio.oauth.token  # type: ignore[union-attr]
    assert token is not None
    return token.value.reveal()


def test_the_token_is_fetched_on_first_use_and_then_reused(fresh: Served) -> None:
    with fresh.client() as personio:
        assert fresh.sandbox.state.token_exchanges == 0
        personio.list_categories()
        personio.list_jobs(limit=1)
        personio.get_person("24205101")
    assert fresh.sandbox.state.token_exchanges == 1
    exchange = fresh.sandbox.recorder.last("POST", TOKEN_PATH)
    assert exchange is not None
    assert exchange.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(exchange.body.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": [fresh.sandbox.client_id],
        "client_secret": [fresh.sandbox.client_secret],
    }
    reads = [
        r
        for r in fresh.sandbox.recorder.requests
        if r.path.startswith("/v2/") and r.method == "GET"
    ]
    assert len(reads) == 3
    assert all(r.headers["authorization"] == "<redacted>" for r in reads)
    assert all("x-company-id" not in r.headers for r in reads)


@pytest.mark.anyio
async def test_the_token_exchange_carries_the_clients_headers_but_a_credential(
    fresh: Served,
) -> None:
    # Personio asks for its partner headers on every request; the exchange went without
    # them and without hirelink's User-Agent (httpx sends an auth flow's own request bare).
    partner = {"X-Personio-App-ID": "acme-ats", "Personio-App-ID": "acme-ats"}
    headers = {**partner, "Authorization": "Bearer meant-for-the-api"}
    with fresh.client(headers=headers) as personio:
        personio.list_categories()
    async with fresh.async_client(headers=partner) as personio:
        await personio.list_categories()
    exchanges = [r for r in fresh.sandbox.recorder.requests if r.path == TOKEN_PATH]
    assert len(exchanges) == 2
    for exchange in exchanges:
        assert exchange.headers["x-personio-app-id"] == "acme-ats"
        assert exchange.headers["personio-app-id"] == "acme-ats"
        assert exchange.headers["user-agent"].startswith("hirelink/")
        assert "authorization" not in exchange.headers
        assert exchange.headers["content-type"] == "application/x-www-form-urlencoded"


def test_an_expired_token_is_renewed_once_and_the_call_resent(
    timed: Served, clock: FakeClock
) -> None:
    with timed.client() as personio:
        personio.list_categories()
        first = access_token(personio)
        clock.now += 601  # the sandbox no longer accepts the token
        assert len(personio.list_categories()) == 3
        second = access_token(personio)
    assert first != second
    assert timed.sandbox.state.token_exchanges == 2
    assert timed.hits("GET", "/v2/recruiting/categories") == 3  # ok, 401, ok


def test_a_token_revoked_elsewhere_is_replaced(fresh: Served) -> None:
    with fresh.client() as personio:
        personio.list_categories()
        fresh.sandbox.state.revoke_token(access_token(personio))
        assert personio.get_category("88").name == "Tech"
    assert fresh.sandbox.state.token_exchanges == 2


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ('"access_token": "tok-abc\\u0000def", "expires_in": 3600', "cannot carry"),
        ('"access_token": "tok-abc\\r\\nX-Injected: 1", "expires_in": 3600', "cannot carry"),
        ('"access_token": "tok-abcdef", "expires_in": 1' + "0" * 400, "0 to 10 years"),
        ('"access_token": "tok-abcdef", "expires_in": NaN', "0 to 10 years"),
        ('"access_token": "tok-abcdef", "expires_in": -1000000000', "0 to 10 years"),
    ],
    ids=["NUL", "CRLF", "10**400", "NaN", "negative"],
)
def test_a_token_answer_that_cannot_be_used_is_malformed(
    fresh: Served, answer: str, problem: str
) -> None:
    # A NUL in the token failed in httpx with a message quoting "Bearer <token>"; an
    # expires_in of 10**400 raised a bare OverflowError; NaN never expired.
    body = "{" + answer + ', "token_type": "Bearer"}'
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", status=200, body=body))
    with fresh.client() as personio, pytest.raises(MalformedResponseError) as caught:
        personio.list_categories()
    assert problem in str(caught.value)
    assert "abc" not in str(caught.value)
    assert fresh.hits("GET", "/v2/recruiting/categories") == 0


def test_a_lifetime_written_as_digits_is_read(fresh: Served) -> None:
    # "expires_in": "3600" (a string, as some OAuth servers send) failed every call with
    # MalformedResponseError although the token was good (the time hunt).
    credentials = fresh.client_kwargs()
    form = {
        "grant_type": "client_credentials",
        "client_id": str(credentials["client_id"]),
        "client_secret": str(credentials["client_secret"]),
    }
    issued = fresh.sandbox.state.issue_token(form)
    body = {**issued, "expires_in": "3600"}
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", status=200, body=body))
    with fresh.client() as personio:
        assert personio.get_category("88").name == "Tech"


def test_a_second_401_is_raised_without_a_third_attempt(served: Served, personio: Personio) -> None:
    served.sandbox.faults.add(
        Fault(method="GET", path=r"/v2/recruiting/jobs$", status=401, times=2)
    )
    with pytest.raises(AuthenticationError):
        personio.list_jobs()
    assert served.hits("GET", "/v2/recruiting/jobs") == 2
    assert served.hits("POST", TOKEN_PATH) == 2


def test_revoke_access_token(fresh: Served) -> None:
    with fresh.client() as personio:
        assert personio.revoke_access_token() is False  # nothing cached yet
        assert fresh.hits("POST", "/v2/auth/revoke") == 0
        personio.list_categories()
        revoked = access_token(personio)
        assert personio.revoke_access_token() is True
        request = fresh.sandbox.recorder.last("POST", "/v2/auth/revoke")
        assert request is not None
        assert parse_qs(request.body.decode()) == {"token": [revoked]}
        personio.list_categories()  # a new token, without a 401 first
    assert fresh.sandbox.state.token_exchanges == 2
    assert fresh.hits("GET", "/v2/recruiting/categories") == 2


def test_a_revoke_answered_5xx_is_resent_and_one_that_failed_keeps_the_token(
    fresh: Served,
) -> None:
    """Revoking twice does no harm: a 503 is resent. When the revocation fails, the token
    is still cached (it is still valid at Personio), so calling again revokes it."""
    with fresh.client(max_retries=1) as personio:
        personio.list_categories()
        fresh.sandbox.faults.add(Fault(method="POST", path="/v2/auth/revoke", status=503))
        assert personio.revoke_access_token() is True
        assert fresh.hits("POST", "/v2/auth/revoke") == 2

        personio.list_categories()  # a new token
        kept = access_token(personio)
        fresh.sandbox.faults.add(
            Fault(method="POST", path="/v2/auth/revoke", status=503, times=FOREVER)
        )
        with pytest.raises(ServerError):
            personio.revoke_access_token()
        assert access_token(personio) == kept
        fresh.sandbox.faults.clear()
        assert personio.revoke_access_token() is True
        request = fresh.sandbox.recorder.last("POST", "/v2/auth/revoke")
        assert request is not None
        assert parse_qs(request.body.decode()) == {"token": [kept]}
        assert personio.revoke_access_token() is False  # forgotten once revoked


@pytest.mark.anyio
async def test_an_async_revoke_whose_answer_was_lost_is_resent(fresh: Served) -> None:
    async with fresh.async_client() as personio:
        await personio.list_categories()
        fresh.sandbox.faults.add(Fault(method="POST", path="/v2/auth/revoke", kind="drop"))
        assert await personio.revoke_access_token() is True
        assert fresh.hits("POST", "/v2/auth/revoke") == 2
        assert await personio.revoke_access_token() is False


def test_a_revoked_token_is_not_read_back_from_a_shared_store(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    with fresh.client(store=sharing()) as personio:
        personio.list_categories()
        assert personio.revoke_access_token() is True
        fresh.sandbox.recorder.clear()
        personio.list_categories()  # a new token, without a 401 first
    sent = [(request.method, request.path) for request in fresh.sandbox.recorder.requests]
    assert sent == [("POST", TOKEN_PATH), ("GET", "/v2/recruiting/categories")]


def test_many_threads_starting_at_once_cause_one_exchange(fresh: Served) -> None:
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", kind="delay", delay=0.1))
    start = threading.Barrier(12)
    results: list[int] = []
    with fresh.client() as personio:

        def read() -> None:
            start.wait()
            results.append(len(personio.list_categories()))

        threads = [threading.Thread(target=read) for _ in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert results == [3] * 12
    assert fresh.sandbox.state.token_exchanges == 1
    assert fresh.hits("POST", TOKEN_PATH) == 1


@pytest.mark.anyio
async def test_many_tasks_starting_at_once_cause_one_exchange(fresh: Served) -> None:
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", kind="delay", delay=0.1))
    results: list[int] = []
    async with fresh.async_client() as personio:

        async def read() -> None:
            results.append(len(await personio.list_categories()))

        async with anyio.create_task_group() as group:
            for _ in range(12):
                group.start_soon(read)
        assert await personio.revoke_access_token() is True
        await personio.get_job("1874512")
    assert results == [3] * 12
    assert fresh.sandbox.state.token_exchanges == 2


@pytest.mark.anyio
async def test_async_clients_sharing_a_store_outnumbering_the_threads_exchange_once(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    """More clients of one credential than hirelink has threads for store calls each waited
    for the store's exchange lock on a thread; the holder then found no thread to go on
    with, every wait timed out after a minute, and every client exchanged a token of its
    own."""
    threads = STORE_THREADS.limiter()
    threads_before, threads.total_tokens = threads.total_tokens, 3
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", kind="delay", delay=0.3))
    clients = [fresh.async_client(store=sharing()) for _ in range(4)]
    results: list[int] = []

    async def read(personio: AsyncPersonio) -> None:
        async with personio:
            results.append(len(await personio.list_categories()))

    try:
        async with anyio.create_task_group() as group:
            for personio in clients:
                group.start_soon(read, personio)
    finally:
        threads.total_tokens = threads_before
    assert results == [3] * 4
    assert fresh.sandbox.state.token_exchanges == 1


@pytest.mark.anyio
async def test_a_loop_keeps_no_exchange_turn_of_a_credential_no_client_uses(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    """A loop serving many customers for weeks kept a lock for every credential it had
    ever served (a kilobyte each), its clients long closed."""
    for n in range(20):
        credentials = {"client_id": f"papi-tenant-{n}", "client_secret": f"secret-{n}"}
        async with fresh.async_client(store=sharing(), **credentials) as personio:
            with contextlib.suppress(AuthenticationError):  # the stand-in knows one only
                await personio.list_categories()
    gc.collect()
    assert len(_exchange_turns().get({})) == 0


@pytest.mark.anyio
async def test_clients_waiting_for_another_exchange_leave_the_store_threads_to_others(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    """Async clients of other customers, waiting for the exchange lock another worker
    held for their credentials, each held one of hirelink's threads for store calls; as
    many as there are such threads stopped every other customer's calls on the loop."""
    threads = STORE_THREADS.limiter()
    threads_before, threads.total_tokens = threads.total_tokens, 2
    others = [
        {"client_id": f"papi-other-{n}", "client_secret": f"secret-of-other-{n}"} for n in (1, 2)
    ]
    holding, release = threading.Barrier(len(others) + 1), threading.Event()
    held_throughout: list[bool] = []

    def another_worker(credentials: dict[str, str]) -> None:
        with fresh.client(store=sharing(), **credentials) as personio:
            assert personio.oauth is not None
            assert personio.oauth._shared is not None
            with personio.oauth._shared.exchange_lock():
                holding.wait()
                held_throughout.append(release.wait(timeout=10))

    async def waiting_customer(credentials: dict[str, str]) -> None:
        async with fresh.async_client(store=sharing(), **credentials) as personio:
            with pytest.raises(AuthenticationError):  # the stand-in knows none of them
                await personio.list_categories()

    def waits() -> int:
        return sum(
            pool.limiter().borrowed_tokens for pool in (STORE_THREADS, EXCHANGE_WAIT_THREADS)
        )

    workers = [threading.Thread(target=another_worker, args=(each,)) for each in others]
    for worker in workers:
        worker.start()
    holding.wait()
    try:
        async with anyio.create_task_group() as group:
            for credentials in others:
                group.start_soon(waiting_customer, credentials)
            await await_until(lambda: waits() == len(others), "client waiting for the lock")
            async with fresh.async_client(store=sharing()) as customer:
                assert len(await customer.list_categories()) == 3
            release.set()
    finally:
        release.set()
        threads.total_tokens = threads_before
        for worker in workers:
            worker.join()
    assert held_throughout == [True, True]  # the customer was served while they waited


@pytest.mark.parametrize(
    "answer",
    [
        # The delay lets all eight queue behind the first exchange (none is seen queueing).
        Fault(path=f"{TOKEN_PATH}$", kind="malformed", times=FOREVER, delay=0.5),
        Fault(path=f"{TOKEN_PATH}$", status=200, body={"token": "x"}, times=FOREVER, delay=0.5),
    ],
    ids=["not-json", "no-access-token"],
)
def test_threads_queued_behind_an_unreadable_token_answer_fail_with_it(
    fresh: Served, answer: Fault
) -> None:
    """An answer that does not read as a token was not kept for the requests queued behind
    it, as a refusal is: each of them asked the token endpoint again in turn."""
    fresh.sandbox.faults.add(answer)
    with fresh.client() as personio:
        failures = first_calls_at_once(personio, 8, MalformedResponseError)
        assert [type(error) for error in failures] == [MalformedResponseError] * 8
        assert len({id(error) for error in failures}) == 8  # each caller its own error
        assert all(len(error.__notes__) == 1 for error in failures)  # and its own notes
        assert fresh.hits("POST", TOKEN_PATH) == 1
        fresh.sandbox.faults.remove(answer)
        assert len(personio.list_categories()) == 3  # the next call asks again


@pytest.mark.anyio
async def test_an_exchange_without_a_shared_store_needs_no_worker_thread(fresh: Served) -> None:
    """anyio's worker threads are the application's too (Starlette runs sync endpoints on
    them). With every one busy, the first call waited for a free one before it exchanged a
    token, whatever its timeout; a worker thread calling the async client deadlocked."""
    threads = anyio.to_thread.current_default_thread_limiter()
    threads_before, threads.total_tokens = threads.total_tokens, 1
    finished = threading.Event()
    try:
        async with anyio.create_task_group() as group:
            # The pool's one thread, busy until the call below is done (or 30 s pass).
            group.start_soon(lambda: anyio.to_thread.run_sync(finished.wait, 30))
            await anyio.sleep(0.05)
            try:
                async with fresh.async_client() as personio:
                    with anyio.move_on_after(20) as waited:
                        categories = await personio.list_categories()
            finally:
                finished.set()
    finally:
        threads.total_tokens = threads_before
    assert not waited.cancelled_caught
    assert len(categories) == 3
    assert fresh.sandbox.state.token_exchanges == 1


def test_threads_queued_behind_a_failed_exchange_fail_with_it(fresh: Served) -> None:
    """Twelve first calls while the token endpoint is down ask it once (and its retries),
    not twelve times in turn; the next call after it recovers asks again."""
    down = Fault(path=f"{TOKEN_PATH}$", status=503, times=FOREVER, delay=0.1)
    fresh.sandbox.faults.add(down)
    with fresh.client() as personio:
        failures = first_calls_at_once(personio, 12, ServerError)
        assert [type(error) for error in failures] == [ServerError] * 12
        assert len({id(error) for error in failures}) == 12  # each caller its own error
        assert all(len(error.__notes__) == 1 for error in failures)
        assert fresh.hits("POST", TOKEN_PATH) == 3  # one exchange, resent twice
        fresh.sandbox.faults.remove(down)
        assert len(personio.list_categories()) == 3
    assert fresh.sandbox.state.token_exchanges == 1


def test_an_exchange_cut_short_by_its_callers_options_is_not_shared(fresh: Served) -> None:
    """A waiter behind an exchange that timed out under another call's short timeout
    exchanges on its own, with its own options."""
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", kind="delay", delay=1.0))
    outcomes: dict[str, object] = {}
    with fresh.client() as personio:

        def impatient() -> None:
            with request_options(timeout=0.3, max_retries=0):
                try:
                    personio.list_categories()
                except ApiTimeoutError as error:
                    outcomes["impatient"] = error

        def patient() -> None:
            outcomes["patient"] = len(personio.list_categories())

        first = threading.Thread(target=impatient)
        first.start()
        while fresh.hits("POST", TOKEN_PATH) == 0:  # the impatient exchange is under way
            time.sleep(0.01)
        second = threading.Thread(target=patient)
        second.start()
        first.join()
        second.join()
    assert isinstance(outcomes["impatient"], ApiTimeoutError)
    assert outcomes["patient"] == 3
    assert fresh.hits("POST", TOKEN_PATH) == 2


@pytest.mark.parametrize("bounded_by", ["client", "call"])
def test_requests_queued_behind_a_timed_out_exchange_fail_with_it(
    fresh: Served, bounded_by: str
) -> None:
    """A queued caller fails with the exchange's timeout instead of timing out in turn:
    one whose client sets the timeout, and one whose call sets it with request_options the
    same as the exchange's caller did (ten calls bounded to half a second took five)."""
    fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", kind="delay", delay=2.5, times=-1))
    by_client = bounded_by == "client"
    together = threading.Barrier(4)
    client_options: dict[str, Any] = {"timeout": 1.0, "max_retries": 0} if by_client else {}
    with fresh.client(**client_options) as personio:

        def read(_: int) -> str:
            together.wait()  # all queued within the exchange's time
            timeout, retries = (None, None) if by_client else (0.5, 0)
            with request_options(timeout=timeout, max_retries=retries):
                try:
                    personio.list_categories()
                except ApiTimeoutError as error:
                    return type(error).__name__
            return "ok"

        with ThreadPoolExecutor(max_workers=4) as pool:
            outcomes = list(pool.map(read, range(4)))
    assert outcomes == ["ApiTimeoutError"] * 4
    assert fresh.hits("POST", TOKEN_PATH) == 1  # one exchange, shared by all four


@pytest.mark.anyio
async def test_tasks_queued_behind_a_refused_exchange_fail_with_it(fresh: Served) -> None:
    refused: list[AuthenticationError] = []
    async with fresh.async_client(client_secret="wrong-secret-value") as personio:

        async def read() -> None:
            try:
                await personio.list_categories()
            except AuthenticationError as error:
                refused.append(error)

        async with anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(read)
    assert len(refused) == 20
    assert all("unauthorized_client" in error.message for error in refused)
    assert fresh.hits("POST", TOKEN_PATH) == 1


def test_refused_client_credentials_say_what_to_check(served: Served) -> None:
    with (
        served.client(client_secret="wrong-secret-value") as personio,
        pytest.raises(AuthenticationError) as caught,
    ):
        personio.list_jobs()
    error = caught.value
    assert error.status_code == 400
    assert "unauthorized_client" in error.message
    assert str(error).count("Create custom integration") == 2  # client ID, API secret
    assert "wrong-secret-value" not in f"{error} {error!r} {error.body}"


@pytest.mark.parametrize("member", [{"code": 401, "message": "Unauthorized"}, ["Unauthorized"]])
def test_a_token_refusal_in_personios_v1_error_shape_is_an_authentication_error(
    fresh: Served, member: object
) -> None:
    # An "error" member holding an object (Personio v1's error body) raised a raw TypeError
    # from the error refiner, escaping the hirelink errors and check_connection.
    body: dict[str, object] = {"success": False, "error": member}
    fresh.sandbox.faults.add(Fault(method="POST", path=TOKEN_PATH, status=401, body=body))
    with fresh.client() as personio, pytest.raises(AuthenticationError) as caught:
        personio.list_categories()
    assert caught.value.status_code == 401
    fresh.sandbox.faults.add(Fault(method="POST", path=TOKEN_PATH, status=401, body=body))
    with fresh.client() as personio:
        verdicts = personio.check_connection()
    (credentials,) = [check for check in verdicts if check.name == "client_credentials"]
    assert not credentials.ok
    assert "refused the client credentials" in credentials.detail
    assert "Create custom integration" in (credentials.fix or "")


def test_a_token_exchange_that_fails_in_transit_is_asked_again(fresh: Served) -> None:
    """A client-credentials exchange is a POST that only asks for a token: resent after a
    5xx or a lost answer, as the read that needed it would have been."""
    fresh.sandbox.faults.add(
        Fault(method="POST", path=TOKEN_PATH, status=503, headers={"Retry-After": "0"})
    )
    fresh.sandbox.faults.add(Fault(method="POST", path=TOKEN_PATH, kind="drop"))
    with fresh.client() as personio:
        assert len(personio.list_categories()) == 3
    assert fresh.hits("POST", TOKEN_PATH) == 3
    assert fresh.sandbox.state.token_exchanges == 1


@pytest.mark.parametrize("code", ["temporarily_unavailable", "server_error"])
def test_an_outage_of_the_token_endpoint_is_not_blamed_on_the_credentials(
    fresh: Served, code: str
) -> None:
    outage: dict[str, object] = {"error": code, "error_description": "try again later"}
    fresh.sandbox.faults.add(Fault(method="POST", path=TOKEN_PATH, status=400, body=outage))
    with fresh.client() as personio, pytest.raises(ServerError) as caught:
        personio.list_categories()
    assert code in caught.value.message
    assert "Create custom integration" not in str(caught.value)
    assert caught.value.status_code == 400
    with fresh.client() as personio:
        assert len(personio.list_categories()) == 3


def test_a_token_without_the_recruiting_scope_is_forbidden(served: Served) -> None:
    with served.client(
        client_id=served.sandbox.limited_client_id,
        client_secret=served.sandbox.limited_client_secret,
    ) as personio:
        assert personio.list_persons(limit=1).field_data
        with pytest.raises(PermissionDeniedError) as caught:
            personio.list_jobs()
    assert "Insufficient access scope" in caught.value.message
    # It did not say which scope, though each call needs a known one.
    assert "needs the scope personio:recruiting:read" in caught.value.message


def test_no_secret_reaches_logs_reprs_or_errors(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox = fresh.sandbox
    caplog.set_level(logging.DEBUG, logger="hirelink")
    rendered: list[str] = []
    with fresh.client() as personio:
        rendered.append(repr(personio))
        personio.list_job_positions()
        personio.upload_document(b"%PDF-1.7", filename="cv.pdf")
        personio.list_categories()
        issued = access_token(personio)
        fresh.sandbox.faults.add(
            Fault(
                method="GET", path="/v2/persons$", status=500, times=3, headers={"Retry-After": "0"}
            )
        )
        with pytest.raises(ServerError) as failure:
            personio.list_persons()
        rendered += [str(failure.value), repr(failure.value), getattr(failure.value, "body", "")]
        personio.revoke_access_token()
        rendered.append(repr(personio.oauth))
    with fresh.client(recruiting_token="not-the-token-123456") as wrong:
        with pytest.raises(AuthenticationError) as refused:
            wrong.upload_document(b"%PDF-1.7", filename="cv.pdf")
        rendered += [str(refused.value), repr(wrong)]
    text = caplog.text + "\n".join(rendered)
    assert "request GET" in caplog.text  # DEBUG logging was on
    for secret in (sandbox.recruiting_token, sandbox.client_secret, issued, "not-the-token-123456"):
        assert secret not in text


def test_a_token_read_from_a_shared_store_keeps_its_scopes(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    with fresh.client(store=sharing()) as first:
        first.list_categories()
    with fresh.client(store=sharing()) as second:
        checks = {check.name: check for check in second.check_connection()}
    assert fresh.sandbox.state.token_exchanges == 1  # the second worker used the shared one
    assert checks["recruiting_write_scope"].ok, checks["recruiting_write_scope"].detail
    assert "personio:recruiting:write" in checks["client_credentials"].detail


def test_clients_made_per_task_exchange_one_token_between_them(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    """The pattern the many-workers guide warns of (a client per task): with a store that
    shares tokens, the first client exchanges one and the later ones use it."""
    for _ in range(5):
        with fresh.client(store=sharing()) as personio:
            assert len(personio.list_categories()) == 3
    assert fresh.sandbox.state.token_exchanges == 1
    assert fresh.hits("POST", TOKEN_PATH) == 1


def test_a_shared_token_is_handed_only_to_clients_holding_its_secret(
    fresh: Served, sharing: Callable[[], Store]
) -> None:
    with fresh.client(store=sharing()) as personio:
        personio.list_categories()
    wrong = fresh.client(store=sharing(), client_secret="not-the-secret-123456")
    with wrong, pytest.raises(AuthenticationError):
        wrong.list_categories()
    assert fresh.hits("POST", TOKEN_PATH) == 2  # the wrong secret was sent, and refused
    with fresh.client(store=sharing()) as personio:
        personio.list_categories()
    assert fresh.sandbox.state.token_exchanges == 1


def test_tokens_asked_for_other_scopes_are_not_shared(fresh: Served) -> None:
    store = InProcessStore(share_tokens=True)
    token_url = f"{fresh.url}{TOKEN_PATH}"
    granted: list[str] = []
    scopes = ["personio:recruiting:read", "personio:persons:read personio:recruiting:read"]
    for scope in scopes * 2:
        auth = ClientCredentialsAuth(
            token_url, fresh.sandbox.client_id, fresh.sandbox.client_secret, scope=scope
        )
        config = HttpConfig.create(base_url=fresh.url, auth=auth, store=store)
        with build_client(config) as client:
            client.get("/v2/recruiting/categories")
        assert auth.token is not None
        granted.append(" ".join(auth.token.scopes))
    assert granted == scopes * 2
    assert fresh.sandbox.state.token_exchanges == 2


class _WatchedLocks(InProcessStore):
    """Shares tokens, noting each exchange lock asked for on a thread running an event loop."""

    def __init__(self) -> None:
        super().__init__(share_tokens=True)
        self.on_a_loop: list[str] = []

    def token_cache(self, key: str, client_secret: Secret) -> TokenCache | None:
        found = super().token_cache(key, client_secret)
        assert found is not None
        cache: TokenCache = found
        watched = self

        class Watched:
            get, put = cache.get, cache.put

            @contextlib.contextmanager
            def exchange_lock(self) -> Iterator[None]:
                with contextlib.suppress(RuntimeError):  # taken here, not on a worker thread
                    asyncio.get_running_loop()
                    watched.on_a_loop.append(threading.current_thread().name)
                with cache.exchange_lock():
                    yield

        return Watched()


@pytest.mark.anyio
async def test_a_sync_call_on_the_loop_does_not_wait_for_a_task_of_it_exchanging(
    fresh: Served, monkeypatch: pytest.MonkeyPatch, anyio_backend: str
) -> None:
    """The task holding the exchange lock cannot go on while a sync call blocks its loop:
    the sync call waited the lock's whole timeout (60 s), then exchanged anyway."""
    if anyio_backend != "asyncio":
        pytest.skip("the watch above reads asyncio's running loop")
    monkeypatch.setattr(stores, "_EXCHANGE_WAIT", 2.0)  # what the old code waited, shortened
    store = _WatchedLocks()
    held = fresh.sandbox.faults.add(Fault(path=f"{TOKEN_PATH}$", kind="hold"))
    async with fresh.async_client(store=store) as first, anyio.create_task_group() as group:
        group.start_soon(first.list_categories)  # its exchange is held at the stand-in
        await await_until(lambda: fresh.hits("POST", TOKEN_PATH) == 1, "held exchange")
        with fresh.client(store=store) as blocking:
            assert len(blocking.list_categories()) == 3  # on the loop's own thread
        fresh.sandbox.faults.release()
    assert store.on_a_loop == []
    assert fresh.sandbox.state.token_exchanges == 2
    assert held not in fresh.sandbox.faults.active


def test_a_redis_store_fallen_back_still_shares_tokens_in_the_process(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    """Its warning says tokens are kept in-process from then on; each client made per task
    exchanged one of its own, back to Personio's 150 a minute during the outage."""
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    store = RedisStore(unreachable, share_tokens=True, fallback=True, timeout=0.5)
    for _ in range(3):
        with fresh.client(store=store) as personio:
            assert len(personio.list_categories()) == 3
    assert "kept in-process from now on" in caplog.text
    assert fresh.sandbox.state.token_exchanges == 1


def test_the_share_tokens_variable_alone_shares_them_in_the_process(
    fresh: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HIRELINK_STORE", raising=False)
    monkeypatch.setenv("HIRELINK_STORE_SHARE_TOKENS", "1")
    for _ in range(3):
        with fresh.client() as personio:
            personio.list_categories()
    assert fresh.sandbox.state.token_exchanges == 1
    assert delivery_log(None) is IN_PROCESS  # receivers keep the one record of deliveries
    monkeypatch.delenv("HIRELINK_STORE_SHARE_TOKENS")
    with fresh.client() as personio:
        personio.list_categories()
    assert fresh.sandbox.state.token_exchanges == 2  # unset: a client keeps its own


def test_the_stand_in_allows_150_token_requests_a_minute_then_one_a_second(
    clock: FakeClock,
) -> None:
    for served in serve(clock=clock):
        form = {
            "grant_type": "client_credentials",
            "client_id": served.sandbox.client_id,
            "client_secret": served.sandbox.client_secret,
        }
        with httpx.Client(base_url=served.url) as raw:
            statuses = [raw.post(TOKEN_PATH, data=form).status_code for _ in range(151)]
            refused = raw.post(TOKEN_PATH, data=form)
            clock.now += 1.0  # inside the penalty: one a second
            after_a_second = raw.post(TOKEN_PATH, data=form).status_code
            again_at_once = raw.post(TOKEN_PATH, data=form).status_code
        assert statuses[:150] == [200] * 150
        assert statuses[150] == 429
        assert refused.status_code == 429
        assert "retry-after" not in refused.headers  # Personio documents no wait
        assert (after_a_second, again_at_once) == (200, 429)


def hold_of(caplog: pytest.LogCaptureFixture, logger: str, words: str) -> float | None:
    """The wait (s) the first record of ``logger`` containing ``words`` computed."""
    for record in caplog.records:
        if record.name == logger and words in record.getMessage():
            return float(getattr(record, "hirelink_wait_s"))  # noqa: B009
    return None


def call_until_held(personio: Personio, held: Callable[[], object]) -> None:
    """Call in a thread until ``held()`` says the call is waiting; then close the client,
    which ends the wait without sending."""

    def call() -> None:
        with contextlib.suppress(Exception):  # the close ends it with an error
            personio.list_categories()

    caller = threading.Thread(target=call)
    caller.start()
    try:
        wait_until(held, "wait computed")
    finally:
        personio.close()
        caller.join()


def test_the_151st_token_request_of_a_minute_waits_for_the_limit(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    # Nothing limited POST /v2/auth/token: past 150 a minute Personio answers 429 and then
    # takes one request a second for 60 s.
    caplog.set_level(logging.INFO, logger="hirelink.ratelimit")
    personio = fresh.client(**OAUTH_ONLY)
    for _ in range(150):
        personio.oauth.invalidate()  # type: ignore[union-attr]
        personio.list_categories()
    assert fresh.hits("POST", TOKEN_PATH) == 150
    personio.oauth.invalidate()  # type: ignore[union-attr]
    call_until_held(personio, lambda: hold_of(caplog, "hirelink.ratelimit", TOKEN_PATH))
    wait = hold_of(caplog, "hirelink.ratelimit", TOKEN_PATH)
    assert wait is not None
    assert wait > 50
    assert fresh.hits("POST", TOKEN_PATH) == 150
    assert fresh.sandbox.state.token_rate_limited == 0


def test_a_token_request_answered_429_naming_no_wait_waits_out_the_penalty(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    # Both resends went within 0.43 s, inside Personio's penalty of one a second.
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{TOKEN_PATH}$", status=429))
    caplog.set_level(logging.INFO, logger="hirelink.retry")
    personio = fresh.client(**OAUTH_ONLY)
    call_until_held(personio, lambda: hold_of(caplog, "hirelink.retry", "after 429"))
    wait = hold_of(caplog, "hirelink.retry", "after 429")
    assert wait is not None
    assert wait >= 1
    assert fresh.hits("POST", TOKEN_PATH) == 1
