"""A child forked while another thread of the parent holds one of hirelink's locks (a
process pool started while requests run) gets locks of its own: it waited for ever on the
parent's, at its first scrub, client or token."""

from __future__ import annotations

import gc
import json
import os
import secrets
import threading

import httpx
import pytest

from hirelink.core import ClientCredentialsAuth, HttpConfig, RateLimit, Secret, feeds, stores
from hirelink.core import ratelimit as ratelimit_module
from hirelink.core import secrets as secrets_module
from hirelink.core.http import build_client
from hirelink.core.secrets import scrub
from tests.forking import CHILD_TIMEOUT, answer_of_forked_child, held_by_another_thread

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX's")


def test_a_child_forked_while_the_scrub_pattern_is_compiled_scrubs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With thousands of live secrets a compile of the scrub pattern takes a tenth of a
    second: a child forked meanwhile hung at its first scrub (any error message)."""
    compiling, finish = threading.Event(), threading.Event()
    compile_for_real = secrets_module._compiled

    def compiled_slowly_on_the_other_thread(pattern: str) -> object:
        if threading.current_thread() is other_thread:
            compiling.set()
            finish.wait(CHILD_TIMEOUT)
        return compile_for_real(pattern)

    monkeypatch.setattr(secrets_module, "_compiled", compiled_slowly_on_the_other_thread)
    token = Secret(f"fork-{secrets.token_hex(8)}")  # new: the pattern is compiled again
    other_thread = threading.Thread(target=scrub, args=("a log line",))
    other_thread.start()
    try:
        assert compiling.wait(CHILD_TIMEOUT)
        answer = answer_of_forked_child(lambda: scrub(f"refused {token.reveal()}"))
    finally:
        finish.set()
        other_thread.join(CHILD_TIMEOUT)
    assert answer == "refused ***"


def test_a_child_forked_while_a_secret_is_registered_registers_its_own() -> None:
    def register_and_scrub() -> str:
        token = Secret(f"fork-{secrets.token_hex(8)}")
        return scrub(f"refused {token.reveal()}")

    with held_by_another_thread(secrets_module._registry_lock):
        answer = answer_of_forked_child(register_and_scrub)
    assert answer == "refused ***"


def test_a_child_forked_while_a_rate_limit_is_taken_builds_clients_and_sends() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"sent": True})

    key = f"fork:{secrets.token_hex(4)}"
    limit = RateLimit.shared(key, requests=100, per=60)

    def build_and_send() -> str:
        config = HttpConfig.create(
            base_url="https://api.test",
            auth=None,
            rate_limits=[RateLimit.shared(key, requests=100, per=60)],
        )
        with build_client(config, transport=httpx.MockTransport(handler)) as client:
            return client.get("/candidates").text

    limiter = limit.limiter
    assert isinstance(limiter, ratelimit_module.SlidingWindowLimiter)
    with held_by_another_thread(ratelimit_module._registry_lock, limiter._lock):
        answer = answer_of_forked_child(build_and_send)
    assert json.loads(answer) == {"sent": True}  # spaced or not, as httpx's version writes


def test_a_child_forked_during_a_token_exchange_exchanges_its_own() -> None:
    """The docs called a fork during a token exchange what the library cannot make safe:
    the child waited for ever for the exchange of a thread it does not have."""
    parent = os.getpid()
    exchanging, finish = threading.Event(), threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/token":
            if os.getpid() == parent:
                exchanging.set()
                finish.wait(CHILD_TIMEOUT)
            token = f"token-of-{os.getpid()}-abcdef"
            return httpx.Response(200, json={"access_token": token, "expires_in": 3600})
        return httpx.Response(200, json={"authorization": request.headers["authorization"]})

    auth = ClientCredentialsAuth("https://api.test/token", "client-7", "client-secret-fork")
    config = HttpConfig.create(base_url="https://api.test", auth=auth, max_retries=0)
    with build_client(config, transport=httpx.MockTransport(handler)) as client:
        other_thread = threading.Thread(target=client.get, args=("/candidates",))
        other_thread.start()
        try:
            assert exchanging.wait(CHILD_TIMEOUT)
            answer = answer_of_forked_child(
                lambda: client.get("/candidates").json()["authorization"]
            )
        finally:
            finish.set()
            other_thread.join(CHILD_TIMEOUT)
        assert client.get("/candidates").json()["authorization"] == (
            f"Bearer token-of-{parent}-abcdef"
        )
    assert answer.startswith("Bearer token-of-")
    assert answer != f"Bearer token-of-{parent}-abcdef"


def test_a_child_forked_while_the_process_feed_store_is_taken_takes_a_lease() -> None:
    """A watch of the child, with the default store, waited for ever for its first lease,
    and once that was fixed, the parent's watch's lease for its time to live."""
    store = feeds.MEMORY
    assert store.acquire_lease("forked-child", "the parent's watch", 60.0)
    try:
        with held_by_another_thread(store._lock):
            answer = answer_of_forked_child(
                lambda: str(store.acquire_lease("forked-child", "the child's watch", 10.0))
            )
    finally:
        store.release_lease("forked-child", "the parent's watch")
    assert answer == "True"


def test_a_child_forked_while_a_webhook_delivery_is_claimed_claims_its_own() -> None:
    log = stores.IN_PROCESS
    with held_by_another_thread(log._deliveries_lock):
        answer = answer_of_forked_child(
            lambda: str(log.claim_delivery(f"fork-{secrets.token_hex(4)}", 60.0) is not None)
        )
    assert answer == "True"


def test_owners_equal_to_one_another_are_each_renewed_in_a_child() -> None:
    """Kept by equality, two stores comparing equal were one entry: when the first went,
    the second was renewed no more."""

    class ByPath(feeds.MemoryFeedStore):
        def __eq__(self, other: object) -> bool:
            return isinstance(other, ByPath)

        __hash__ = None  # type: ignore[assignment]

    first, second = ByPath(), ByPath()
    del first
    gc.collect()
    with held_by_another_thread(second._lock):
        answer = answer_of_forked_child(
            lambda: str(second.acquire_lease("equal-owners", "the child", 10.0))
        )
    assert answer == "True"
