"""A client is not pickled or copied: a copy would share its connection pool (closing one
closes both) and a pickle would carry its credentials; the error says what to do."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from hirelink.core.feeds import FileFeedStore, MemoryFeedStore
from hirelink.core.stores import InProcessStore
from hirelink.personio import AsyncPersonio, Personio
from hirelink.recruitee import Recruitee
from hirelink.sandbox import PersonioSandbox, RecruiteeSandbox, StandIn

COPIES: list[Callable[[Any], object]] = [pickle.dumps, copy.copy, copy.deepcopy]


@pytest.mark.parametrize("make_copy", COPIES, ids=["pickle", "copy", "deepcopy"])
def test_a_client_refuses_to_be_copied_and_keeps_working(
    recruitee_sandbox_session: StandIn[RecruiteeSandbox], make_copy: Callable[[Any], object]
) -> None:
    with Recruitee(**recruitee_sandbox_session.client_kwargs()) as recruitee:
        with pytest.raises(TypeError, match="build one in each process") as caught:
            make_copy(recruitee)
        assert "Recruitee" in str(caught.value)
        assert recruitee.list_offers()


@pytest.mark.anyio
async def test_an_async_client_holding_a_token_refuses_too(
    personio_sandbox_session: StandIn[PersonioSandbox],
) -> None:
    kwargs = personio_sandbox_session.client_kwargs()
    async with AsyncPersonio(**kwargs) as personio:
        await personio.list_jobs()  # holds an OAuth token now
        with pytest.raises(TypeError, match="AsyncPersonio cannot be pickled or copied"):
            pickle.dumps(personio)
    with Personio(**kwargs) as sync_personio, pytest.raises(TypeError, match="cannot be"):
        copy.deepcopy(sync_personio)


@pytest.mark.parametrize("make_copy", COPIES, ids=["pickle", "copy", "deepcopy"])
def test_stores_refuse_to_be_copied_saying_what_shares(
    make_copy: Callable[[Any], object], tmp_path: Any
) -> None:
    """They said only "cannot pickle '_thread.RLock' object", and copy.copy made a store
    sharing the original's locks."""
    stores = [InProcessStore(), MemoryFeedStore(), FileFeedStore(tmp_path / "watch.json")]
    for store, sharing in zip(stores, ["RedisStore", "FileFeedStore", "same path"], strict=True):
        with pytest.raises(TypeError, match=f"{type(store).__name__} cannot be pickled") as caught:
            make_copy(store)
        assert sharing in str(caught.value)
