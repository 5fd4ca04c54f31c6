"""``FirstAcceptedAuth``: credentials tried in turn, one an attempt, the body sent whole
each time; over the JOIN stand-in, which takes its token raw in ``Authorization``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from hirelink.core import AuthenticationError, FirstAcceptedAuth, HeaderAuth, HttpConfig
from hirelink.core.http import build_async_client, build_client
from hirelink.sandbox import StandIn


def config(served: StandIn[Any], *auths: httpx.Auth, hint: str | None = None) -> HttpConfig:
    auth = FirstAcceptedAuth(auths, hint=hint)
    return HttpConfig.create(base_url=served.url, auth=auth, max_retries=0)


def candidate_id(served: StandIn[Any]) -> int:
    return int(served.sandbox.state.candidates.keys()[0])


def wrong_then_right(served: StandIn[Any]) -> tuple[HeaderAuth, HeaderAuth]:
    token = served.client_kwargs()["token"]
    # The refused one also sets a header of its own, which the next attempt must not carry.
    return HeaderAuth("not-the-token", headers={"X-Tried": "first"}), HeaderAuth(token)


def chunks() -> Iterator[bytes]:
    yield b'{"content": '
    yield b'"Called back"}'


async def async_chunks() -> AsyncIterator[bytes]:
    for chunk in chunks():
        yield chunk


@pytest.mark.parametrize("body", ["bytes", "generator"])
def test_a_refused_credential_is_replaced_by_the_next_with_the_same_body(
    join_sandbox: StandIn[Any], body: str
) -> None:
    served = join_sandbox  # a stand-in of its own: it writes a note
    path = f"/candidates/{candidate_id(served)}/notes"
    with build_client(config(served, *wrong_then_right(served))) as client:
        if body == "bytes":
            answer = client.post(path, json={"content": "Called back"})
        else:
            answer = client.post(
                path, content=chunks(), headers={"Content-Type": "application/json"}
            )
    assert answer.status_code == 201
    assert answer.json()["content"] == "Called back"
    first, second = served.sandbox.recorder.requests
    assert first.headers["x-tried"] == "first"
    assert "x-tried" not in second.headers
    assert second.json() == {"content": "Called back"}


@pytest.mark.anyio
async def test_the_async_flow_tries_the_same_way(join_sandbox: StandIn[Any]) -> None:
    served = join_sandbox  # a stand-in of its own: it writes a note
    path = f"/candidates/{candidate_id(served)}/notes"
    async with build_async_client(config(served, *wrong_then_right(served))) as client:
        answer = await client.post(
            path, content=async_chunks(), headers={"Content-Type": "application/json"}
        )
    assert answer.status_code == 201
    first, second = served.sandbox.recorder.requests
    assert "x-tried" in first.headers
    assert "x-tried" not in second.headers
    assert second.json() == {"content": "Called back"}


def test_an_accepted_first_credential_sends_once_and_the_last_refusal_raises_with_the_hint(
    join_sandbox_session: StandIn[Any],
) -> None:
    served = join_sandbox_session
    wrong, right = wrong_then_right(served)
    served.sandbox.recorder.clear()
    with build_client(config(served, right, wrong)) as client:
        assert client.get("/jobs").status_code == 200
    assert len(served.sandbox.recorder.requests) == 1
    served.sandbox.recorder.clear()
    also_wrong = HeaderAuth("still-not-it")
    with (
        build_client(config(served, wrong, also_wrong, hint="Check both keys")) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.get("/jobs")
    assert str(caught.value).endswith("Check both keys")
    assert len(served.sandbox.recorder.requests) == 2


def test_it_needs_a_credential() -> None:
    with pytest.raises(ValueError, match="at least one"):
        FirstAcceptedAuth([])
