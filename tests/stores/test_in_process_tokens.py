"""The in-process token cache forgets expired tokens and the locks of their exchanges."""

from __future__ import annotations

import time

from hirelink.core.secrets import Secret
from hirelink.core.stores import InProcessStore


def test_expired_tokens_and_their_exchange_locks_are_forgotten_and_live_ones_kept() -> None:
    store = InProcessStore(share_tokens=True)
    secret = Secret("client-secret-xyz")
    for number in range(999):  # with "kept", as many as are kept before pruning
        cache = store.token_cache(f"https://token.test\0client-{number}\0", secret)
        assert cache is not None
        with cache.exchange_lock():
            cache.put(f"token-{number}", 0.001)
    kept = store.token_cache("https://token.test\0kept\0", secret)
    assert kept is not None
    with kept.exchange_lock():
        kept.put("kept-token", None)
    time.sleep(0.01)  # every "token-*" has expired
    last = store.token_cache("https://token.test\0last\0", secret)
    assert last is not None
    with last.exchange_lock():
        last.put("last-token", 60)  # the put that prunes
    assert len(store._tokens) == 2
    assert len(store._exchange_locks) == 2
    assert kept.get() == ("kept-token", None)
    got = last.get()
    assert got is not None
    assert got[0] == "last-token"
    assert 0 < (got[1] or 0) <= 60


def test_a_store_that_does_not_share_keeps_no_token() -> None:
    assert InProcessStore().token_cache("https://token.test\0client\0", Secret("s")) is None


def test_exchange_locks_of_credentials_that_never_got_a_token_are_forgotten() -> None:
    """Refused secrets and other scopes each left a lock for good below 1,000 tokens kept."""
    store = InProcessStore(share_tokens=True)
    for number in range(1_000):
        refused = store.token_cache("https://token.test\0client\0", Secret(f"wrong-{number}"))
        assert refused is not None
        with refused.exchange_lock():
            pass  # the exchange was refused: nothing put
    assert len(store._exchange_locks) == 1_000
    good = store.token_cache("https://token.test\0client\0", Secret("client-secret-xyz"))
    assert good is not None
    with good.exchange_lock():
        good.put("the-token", 60)
    assert len(store._exchange_locks) == 1
    store.forget_tokens()
    assert store._tokens == {}
    assert store._exchange_locks == {}
