"""Shared fixtures: async tests run on asyncio; a real Redis server for the shared store;
an empty credential store."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from hirelink.core import feeds
from hirelink.core.stores import REDIS_ACL
from hirelink.sandbox.app import undeclared_answers
from tools.redis_server import RedisServer


def pytest_configure(config: pytest.Config) -> None:
    """Commands the tests interrupt must see Ctrl-C as a terminal sends it. A suite started
    in the background by a script (``pytest &``) inherits an ignored SIGINT, and so would
    every command it starts: a watch sent SIGINT then ran on, and a write finished."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


# The modules that take longest, longest first (seconds of one worker on CI's machine):
# pytest-xdist hands whole modules (--dist loadscope) out in the order they were collected,
# and these, collected last (release, quickstart), kept one worker busy for half a minute
# after the others were done.
LONGEST_FIRST = (
    "tests/catalog/test_command_edges.py",  # 46
    "tests/release/test_build.py",  # 42
    "tests/catalog/test_response_fuzz.py",  # 36
    "tests/feeds/test_events_cli.py",  # 34
    "tests/release/test_release.py",  # 32
    "tests/docs/examples/test_getting_started_wheels.py",  # 31
    "tests/personio/test_personio_recruiting.py",  # 23
    "tests/generated/test_templates.py",  # 23
    "tests/quickstart/test_quickstart.py",  # 22
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {module: place for place, module in enumerate(LONGEST_FIRST)}
    root = Path(__file__).parent.parent

    def place(item: pytest.Item) -> int:
        inside = item.path.is_relative_to(root)
        return rank.get(item.path.relative_to(root).as_posix(), len(rank)) if inside else len(rank)

    items.sort(key=place)


@pytest.fixture(scope="session", autouse=True)
def _stand_ins_answer_as_their_specs_say() -> Iterator[None]:
    """Every test doubles as a check of the stand-ins against their specs: at the end of
    the session (of each worker), no stand-in has given an answer its spec does not list."""
    yield
    undeclared = undeclared_answers()
    assert not undeclared, f"answers the specs do not declare: {undeclared}"


@pytest.fixture(autouse=True)
def _an_empty_process_feed_store(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's watches start with the process's store (``feeds.MEMORY``) empty, as in a
    fresh process. A feed is named after its host and port, and a stand-in's port comes
    again in a later test now and then: a watch then resumed from an earlier test's
    checkpoint and yielded nothing (seen in CI)."""
    monkeypatch.setattr(feeds, "MEMORY", feeds.MemoryFeedStore())


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One Redis server for the session, stopped at its end."""
    with RedisServer() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis server, emptied before each test that uses it, as a user given
    no more than the documented ACL rules (so they are enough)."""
    import redis

    with redis.Redis.from_url(redis_server.url) as client:
        client.flushall()
        client.execute_command(
            "ACL", "SETUSER", "hirelink", "reset", "on", ">hirelink-pw", *REDIS_ACL.split()
        )
    return redis_server.url.replace("redis://", "redis://hirelink:hirelink-pw@")


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ``HIRELINK_CONFIG_DIR`` for this test (also for the processes it starts),
    with no ``HIRELINK_CREDENTIAL_*`` variables from the environment."""
    directory = tmp_path / "config"
    monkeypatch.setenv("HIRELINK_CONFIG_DIR", str(directory))
    for key in list(os.environ):
        if key.startswith("HIRELINK_CREDENTIAL_"):
            monkeypatch.delenv(key)
    return directory
