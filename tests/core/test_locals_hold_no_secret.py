"""A traceback shown with its frames' locals (``pytest -l``, rich's ``show_locals``, an
error tracker's default) holds no token hirelink was issued, and a client whose
constructor refused an argument still shows as something."""

from __future__ import annotations

import traceback
from typing import Any

import anyio
import pytest
import redis

from hirelink.core import (
    InvalidInputError,
    MalformedResponseError,
    ServerError,
    StoreUnavailableError,
)
from hirelink.core.stores import RedisStore
from hirelink.join import AsyncJoin, Join
from hirelink.operations import ainvoke, invoke
from hirelink.personio import AsyncPersonio, Personio
from hirelink.recruitee import Recruitee
from hirelink.recruitee_partners import RecruiteePartners
from hirelink.sandbox import Fault, StandIn, serve_stand_in
from tools.redis_server import RedisServer

ISSUED = "papi-" + "Zq8wX3mV0tLr9eN2cY7uJ4hB6kD1sF5g"
# Module constants: a test's own locals would show in the traceback too.
DRIFTED: dict[str, object] = {"access_token": ISSUED, "token_type": "Bearer", "expires_in": "a day"}


def with_locals(error: BaseException) -> str:
    return "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format())


def test_a_token_answer_that_does_not_read_keeps_the_issued_token_out_of_every_frame(
    personio_sandbox_session: StandIn[Any],
) -> None:
    served = personio_sandbox_session
    served.sandbox.faults.add(Fault(method="POST", path=r"/auth/token$", status=200, body=DRIFTED))
    with (
        Personio(**served.client_kwargs()) as personio,
        pytest.raises(MalformedResponseError) as caught,
    ):
        personio.list_applications(limit=1)
    assert "expires_in is not a number" in str(caught.value)
    shown = with_locals(caught.value)
    assert "payload = " in shown  # the frame that read the answer is there, locals and all
    assert ISSUED not in shown


class TimesOutSharingTokens(redis.Redis):
    """A Redis that takes everything but the write of a shared token."""

    def set(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        if str(name).startswith("hirelink:tokens:") and not str(name).endswith(":exchange"):
            raise redis.TimeoutError("Timeout reading from socket")
        return super().set(name, *args, **kwargs)


def test_a_token_redis_could_not_share_is_in_no_frame_of_the_store_error(
    personio_sandbox_session: StandIn[Any], redis_server: RedisServer
) -> None:
    served = personio_sandbox_session
    with TimesOutSharingTokens.from_url(redis_server.url) as client:
        store = RedisStore(client=client, share_tokens=True)
        with (
            Personio(**served.client_kwargs(), store=store) as personio,
            pytest.raises(StoreUnavailableError) as caught,
        ):
            personio.list_applications(limit=1)
        shown = with_locals(caught.value)  # before this frame holds the token itself
        assert personio.oauth is not None
        assert personio.oauth.token is not None
        assert personio.oauth.token.value.reveal() not in shown
    assert "sealed = " in shown  # the store's frame, with what it was asked to keep


@pytest.mark.parametrize(
    ("client", "arguments"),
    [
        (Join, {"token": "join-token-1234", "timeout": -1}),
        (AsyncJoin, {"token": "join-token-1234", "timeout": -1}),
        (Recruitee, {"company_id": "not a company", "token": "recruitee-token-1234"}),
        (RecruiteePartners, {"codename": "sk", "partner_secret": "s" * 32, "environment": "x"}),
        (
            Personio,
            {"subdomain": "acme", "company_id": 1, "recruiting_token": "t" * 20, "timeout": -1},
        ),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_a_client_refused_at_construction_still_shows_in_a_traceback_with_locals(
    client: type, arguments: dict[str, Any]
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        client(**arguments)
    shown = with_locals(caught.value)  # first: the assertion's own values are locals too
    assert f"self = <{client.__name__}: not built>" in shown


def test_an_answer_holding_a_secret_that_does_not_read_leaves_no_frame_quoting_it() -> None:
    """A partner record (it carries the partner's secret) missing a required member: the
    parsers' frames held the whole answer; an answer without credentials keeps them."""
    with serve_stand_in("recruitee_partners") as stand_in:
        stand_in.sandbox.faults.add(
            Fault(method="GET", path=r"/partner$", status=200, body=partner_without_kind(stand_in))
        )
        with (
            RecruiteePartners(**stand_in.client_kwargs()) as partners,
            pytest.raises(MalformedResponseError) as caught,
        ):
            partners.get_partner(4100)
        shown = with_locals(caught.value)
        assert "missing 'kind'" in str(caught.value)
        assert stand_in.sandbox.secret is not None
        assert stand_in.sandbox.secret not in shown
        assert "body = " not in shown

        stand_in.sandbox.faults.add(
            Fault(method="GET", path=r"/reports$", status=200, body=[{"id": 1}])
        )
        with (
            RecruiteePartners(**stand_in.client_kwargs()) as partners,
            pytest.raises(MalformedResponseError) as caught,
        ):
            partners.list_candidate_reports(4100, 7730011)
        assert "body = " in with_locals(caught.value)  # nothing to hide: all is shown


def partner_without_kind(stand_in: StandIn[Any]) -> dict[str, Any]:
    record = stand_in.sandbox.state.partner()
    return {name: value for name, value in record.items() if name != "kind"}


WEBHOOK_TOKEN = "whtoken-" + "Lq4nV8xC2mR6tB0zK9wE"
HEADER_VALUE = "hdr-" + "Pu3sY7aD1fG5hJ8kL2qZ"


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_failed_call_keeps_its_arguments_out_of_the_frames_running_it(
    personio_sandbox_session: StandIn[Any], asynchronous: bool
) -> None:
    """The runner's frame held the operation's arguments (a webhook's token, custom header
    values) for the whole call; every failure sent them to an error tracker."""
    served = personio_sandbox_session
    served.sandbox.faults.add(Fault(method="POST", path=r"/webhooks$", status=503, times=4))
    events = ["application.created"]
    if asynchronous:

        async def create() -> None:
            async with AsyncPersonio(**served.client_kwargs(), max_retries=0) as personio:
                await personio.create_webhook(
                    "https://hooks.example.org/p", events, token=WEBHOOK_TOKEN
                )
                await personio.create_webhook(
                    "https://hooks.example.org/p", events, custom_headers={"X-Key": HEADER_VALUE}
                )

        with pytest.raises(ServerError) as caught:
            anyio.run(create)
    else:
        with Personio(**served.client_kwargs(), max_retries=0) as personio:
            with pytest.raises(ServerError) as caught:
                personio.create_webhook("https://hooks.example.org/p", events, token=WEBHOOK_TOKEN)
            assert WEBHOOK_TOKEN not in with_locals(caught.value)
            with pytest.raises(ServerError) as caught:
                personio.create_webhook(
                    "https://hooks.example.org/p", events, custom_headers={"X-Key": HEADER_VALUE}
                )
    shown = with_locals(caught.value)
    assert "call = " in shown  # the runner's frame is there, locals and all
    assert WEBHOOK_TOKEN not in shown
    assert HEADER_VALUE not in shown


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_the_catalog_keeps_the_credential_and_inputs_out_of_its_frames(
    personio_sandbox_session: StandIn[Any], asynchronous: bool
) -> None:
    """invoke's frame held the credential (a Recruiting API token, a client secret) and the
    inputs for the whole call."""
    served = personio_sandbox_session
    served.sandbox.faults.add(Fault(method="POST", path=r"/webhooks$", status=503, times=4))
    credential = dict(served.details)
    inputs = {"url": "https://hooks.example.org/p", "events": ["application.created"]}
    inputs["token"] = WEBHOOK_TOKEN

    def create() -> object:
        if asynchronous:
            return anyio.run(lambda: ainvoke("personio.create_webhook", credential, inputs))
        return invoke("personio.create_webhook", credential, inputs)

    with pytest.raises(ServerError) as caught:
        create()
    hirelinks_frames = [
        frame
        for frame in traceback.TracebackException.from_exception(
            caught.value, capture_locals=True
        ).stack
        if frame.filename != __file__  # not this test's, which holds them
    ]
    assert {"invoke", "ainvoke"} & {frame.name for frame in hirelinks_frames}
    shown = "\n".join(repr(frame.locals) for frame in hirelinks_frames)
    for secret in (WEBHOOK_TOKEN, credential["recruiting_token"], credential["client_secret"]):
        assert secret not in shown


CUT_AFTER_THE_TOKEN = f'{{"access_token": "{ISSUED}", "token_type": "Bearer", "expires_in": 86'


def test_a_token_answer_cut_after_the_token_keeps_it_out_of_every_frame(
    personio_sandbox_session: StandIn[Any],
) -> None:
    """The decoder's frames (chained as the error's cause) held the body, the token in
    clear, as their locals."""
    served = personio_sandbox_session
    served.sandbox.faults.add(
        Fault(method="POST", path=r"/auth/token$", status=200, body=CUT_AFTER_THE_TOKEN)
    )
    with (
        Personio(**served.client_kwargs()) as personio,
        pytest.raises(MalformedResponseError) as caught,
    ):
        personio.list_applications(limit=1)
    assert "Expecting" in str(caught.value)
    assert ISSUED not in with_locals(caught.value)
