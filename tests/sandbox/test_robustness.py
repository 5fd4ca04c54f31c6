"""The stand-ins keep answering (and sending) whatever a test throws at them: headers HTTP
cannot carry, stopped outboxes, rotated secrets, handler crashes, odd query values."""

from __future__ import annotations

import json
import math
import re
import threading
import time
from typing import Any

import httpx
import pytest

from hirelink.core import RateLimitError, ServerError
from hirelink.sandbox import Fault, ServeReceiver, StandIn, serve_stand_in
from hirelink.sandbox.outbox import Outbox, Subscription
from tests.forking import answer_of_forked_child


def test_a_receiver_whose_headers_http_cannot_carry_is_refused_without_its_value(
    recruitee_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    with pytest.raises(ValueError, match="X-Tenant must be ASCII") as refused:
        webhook_receiver(recruitee_sandbox, secret="s2", headers={"X-Tenant": "Zürich"})
    assert "Zürich" not in str(refused.value)


def test_a_delivery_that_cannot_be_sent_leaves_the_outbox_sending(
    recruitee_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    outbox = recruitee_sandbox.outbox
    assert outbox is not None
    good = webhook_receiver()
    unsendable = Subscription(999, good.url, "s", {"X-Tenant": "Z\nrich"})
    (broken,) = outbox.emit({"first": True}, to=[unsendable])
    outbox.emit({"second": True}, to=[Subscription(998, good.url, "s")])
    (arrival,) = good.wait_for(1)
    assert arrival.json() == {"second": True}
    assert outbox.wait_idle()
    assert outbox.outcome(broken) == (outbox.max_attempts, "abandoned")


@pytest.mark.parametrize(
    "raised",
    [
        AssertionError("RESPX: <Request('POST', ...)> not mocked!"),  # respx
        httpx.ReadTimeout("No response can be found for POST request on ..."),  # pytest-httpx
    ],
    ids=["respx", "pytest-httpx"],
)
def test_a_delivery_a_tests_http_mock_catches_is_said_once(
    recruitee_sandbox: StandIn[Any],
    webhook_receiver: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    raised: Exception,
) -> None:
    """An HTTP mock beside the sandbox catches the stand-in's own deliveries: they were
    lost with nothing said, and the test waited for arrivals that never came."""
    outbox = recruitee_sandbox.outbox
    assert outbox is not None
    receiver = webhook_receiver()

    def caught_by_a_mock(*args: object, **kwargs: object) -> httpx.Response:
        raise raised

    monkeypatch.setattr(httpx.Client, "post", caught_by_a_mock)
    monkeypatch.setattr(outbox, "retry_delays", (0.01, 0.01))  # its retries fail alike, soon
    (delivery,) = outbox.emit({"mocked": True}, to=[Subscription(997, receiver.url, "s")])
    assert outbox.wait_idle()
    assert outbox.outcome(delivery) == (outbox.max_attempts, "abandoned")
    said = [r.getMessage() for r in caplog.records if r.name == "hirelink.sandbox"]
    assert said == [
        f"webhook delivery {delivery} of subscription 997 failed in the sender"
        f" ({type(raised).__name__}): an HTTP mock of the test catching the stand-in's own"
        " requests?"
    ]


def test_a_personio_webhook_token_http_cannot_carry_is_refused(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    receiver = webhook_receiver()
    outbox = personio_sandbox.outbox
    assert outbox is not None
    with pytest.raises(ValueError, match="Authorization must be UTF-8") as refused:
        outbox.subscription(receiver.url, "t\u00f6k\x01en")
    assert "t\u00f6k" not in str(refused.value)
    with pytest.raises(ValueError, match="X-Tenant must be ASCII"):
        outbox.subscription(receiver.url, headers={"X-Tenant": "Z\u00fcrich"})
    with personio_sandbox.client() as client:  # beyond ASCII, a token goes as UTF-8
        assert client.create_webhook(receiver.url, ["person.updated"], token="t\u00f6k-en").id


def test_a_stopped_stand_in_still_stores_changes_and_emits_nothing() -> None:
    with serve_stand_in("recruitee", candidates=3) as stand_in:
        pass
    state = stand_in.sandbox.state
    before = len(state.candidate_ids())
    state.create_candidate({"name": "Ada"})
    assert len(state.candidate_ids()) == before + 1
    assert stand_in.outbox is not None
    assert stand_in.outbox.emit({"test": True}) == []


def test_a_stopped_personio_stand_in_stores_changes_its_webhooks_hear_nothing_of() -> None:
    with serve_stand_in("personio") as stand_in, stand_in.client() as client:
        hook = client.create_webhook("http://127.0.0.1:9/hook", ["person.updated"], token="t0k")
        client.enable_webhook(hook.id)
        person_id = str(client.list_persons(limit=1).field_data[0].id)
    state = stand_in.sandbox.state
    assert state.update_person(person_id, first_name="Ada")["first_name"] == "Ada"
    (event,) = state.webhooks.events(str(hook.id))
    assert event["status"] == "FAILED"  # never sent: the outbox had closed


def test_a_regenerated_partner_secret_opens_the_next_client() -> None:
    with serve_stand_in("recruitee_partners") as stand_in:
        with stand_in.client() as client:
            client.regenerate_partner_secret()
        assert stand_in.client_kwargs()["partner_secret"] == stand_in.sandbox.secret
        with stand_in.client() as client:
            client.list_candidate_reports(4100, 7730011)


def test_personio_api_webhooks_get_only_their_own_enabled_events(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    disabled, other_event, mine = webhook_receiver(), webhook_receiver(), webhook_receiver()
    with personio_sandbox.client() as client:
        client.create_webhook(disabled.url, ["person.updated"], token="hook-token-1")
        enabled = client.create_webhook(other_event.url, ["person.created"], token="hook-token-2")
        client.enable_webhook(enabled.id)
    outbox = personio_sandbox.outbox
    assert outbox is not None
    outbox.register(mine.url)
    outbox.emit({"test": True})
    mine.wait_for(1)
    assert outbox.wait_idle()
    assert (len(disabled.arrivals), len(other_event.arrivals)) == (0, 0)


def test_a_handler_crash_answers_500_and_the_connection_serves_the_next_request(
    recruitee_sandbox: StandIn[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*_args: object) -> None:
        raise RuntimeError("a bug in the stand-in")

    state = recruitee_sandbox.sandbox.state
    monkeypatch.setattr(state, "list_candidates_json", crash)
    token = recruitee_sandbox.details["token"]
    with httpx.Client(
        base_url=recruitee_sandbox.url, headers={"Authorization": f"Bearer {token}"}
    ) as http:
        crashed = http.get("/c/4100/candidates")
        assert (crashed.status_code, crashed.json()) == (500, {"error": "Internal server error"})
        assert http.get("/c/4100/offers").status_code == 200


def test_join_refuses_a_date_that_does_not_exist_with_its_422(join_sandbox: StandIn[Any]) -> None:
    headers = {"Authorization": join_sandbox.details["token"]}
    for name in ("createdAtGte", "updatedAtGte"):
        answer = httpx.get(
            join_sandbox.url + "/applications",
            params={name: "2026-02-30T00:00:00Z"},
            headers=headers,
        )
        assert answer.status_code == 422
        assert name in answer.json()["error"]["message"]


def test_a_lenient_stand_in_answers_a_body_its_handler_cannot_read_as_the_strict_one() -> None:
    with serve_stand_in("recruitee", validate=False, candidates=3) as stand_in:
        token = stand_in.details["token"]
        answer = httpx.post(
            stand_in.url + "/c/4100/candidates",
            json={"candidate": {"emails": ["a@example.org"]}},
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 422
    assert "candidate.name" in answer.json()["errors"]


@pytest.mark.parametrize("validate", [True, False], ids=["strict", "lenient"])
def test_a_body_nested_deeper_than_python_goes_is_refused_not_a_crash(validate: bool) -> None:
    # json.loads' RecursionError was no ValueError: the answer was a 500.
    deep = b'{"note": {"body": ' + b"[" * 5000 + b"]" * 5000 + b"}}"
    with serve_stand_in("recruitee", validate=validate) as stand_in:
        token = stand_in.details["token"]
        answer = httpx.post(
            stand_in.url + "/c/4100/candidates/7730011/notes",
            content=deep,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
    assert answer.status_code == 422, answer.text[:200]


@pytest.mark.parametrize("validate", [True, False], ids=["strict", "lenient"])
@pytest.mark.parametrize(
    ("body", "place"),
    [
        (rb'{"note": {"body": "Call back \ud800 Monday"}}', "note.body"),
        (rb'{"note": {"body": "Call back", "\udfff": 1}}', "note"),
    ],
    ids=["value", "member name"],
)
def test_an_escaped_lone_surrogate_is_refused_and_nothing_stored(
    validate: bool, body: bytes, place: str
) -> None:
    # It was stored: the answer and every later listing of the notes were 500s.
    notes = "/c/4100/candidates/7730011/notes"
    with serve_stand_in("recruitee", validate=validate) as stand_in:
        token = stand_in.details["token"]
        with httpx.Client(
            base_url=stand_in.url, headers={"Authorization": f"Bearer {token}"}
        ) as http:
            before = http.get(notes).json()["notes"]
            answer = http.post(notes, content=body, headers={"Content-Type": "application/json"})
            after = http.get(notes)
    assert answer.status_code == 422
    assert "lone surrogate" in answer.json()["errors"][place][0]
    assert after.status_code == 200
    assert after.json()["notes"] == before


@pytest.mark.parametrize(
    ("params", "status", "count"),
    [
        ({"offset": "99999999999999999999"}, 422, None),
        ({"limit": "99999999999999999999"}, 422, None),
        ({"offset": str(2**63 - 1), "limit": "5"}, 200, 0),
        ({"offset": "1", "limit": str(2**63 - 1)}, 200, 2),
    ],
)
def test_paging_numbers_beyond_any_page_are_answered(
    params: dict[str, str], status: int, count: int | None
) -> None:
    with serve_stand_in("recruitee", candidates=3) as stand_in:
        token = stand_in.details["token"]
        answer = httpx.get(
            stand_in.url + "/c/4100/candidates",
            params=params,
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == status
    if count is None:
        assert "64-bit" in str(answer.json()["errors"])
    else:
        assert len(answer.json()["candidates"]) == count


def test_join_pages_far_beyond_the_last_are_answered(join_sandbox: StandIn[Any]) -> None:
    headers = {"Authorization": join_sandbox.details["token"]}
    for page, status in (("99999999999999999999", 422), (str(2**63 - 1), 200)):
        answer = httpx.get(
            join_sandbox.url + "/applications", params={"page": page}, headers=headers
        )
        assert answer.status_code == status
    assert answer.json() == []


def test_a_refused_body_never_quotes_a_secret_member(personio_sandbox: StandIn[Any]) -> None:
    details = personio_sandbox.details
    form = {
        "grant_type": "client_credentials",
        "client_id": details["client_id"],
        "client_secret": details["client_secret"],
    }
    token = httpx.post(personio_sandbox.url + "/v2/auth/token", data=form).json()["access_token"]
    headers = [{"name": f"X-Key-{i}", "value": f"hook-header-secret-{i}"} for i in range(4)]
    answer = httpx.post(
        personio_sandbox.url + "/v2/webhooks",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "url": "http://127.0.0.1:9/h",
            "enabled_events": ["person.updated"],
            "auth_type": "CUSTOM",
            "custom_headers": headers,
        },
    )
    assert answer.status_code == 400
    assert "custom_headers" in answer.text
    assert "maxItems 3" in answer.text
    assert "hook-header-secret" not in answer.text


@pytest.mark.parametrize("status", [204, 304])
def test_a_fault_with_a_body_its_status_cannot_carry_is_refused(status: int) -> None:
    with pytest.raises(ValueError, match=r"^body: "):
        Fault(status=status, body={"error": "x"})
    assert Fault(status=status).body is None


@pytest.mark.parametrize("lifetime", [0, math.inf, 1e300, threading.TIMEOUT_MAX])
def test_a_lifetime_of_zero_or_longer_than_a_timer_waits_means_no_limit(lifetime: float) -> None:
    # inf (`--max-lifetime inf`) killed the timer's thread with an OverflowError.
    with serve_stand_in("join", max_lifetime=lifetime) as stand_in:
        assert stand_in.server.max_lifetime is None
        assert stand_in.server.running


def test_a_fault_cannot_be_changed_after_it_is_made(recruitee_sandbox: StandIn[Any]) -> None:
    # A path assigned later was ignored: the fault went on matching its old pattern.
    import attrs

    fault = Fault(path=r"/nothing$", times=-1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fault.path = r"/offers$"  # type: ignore[misc]
    recruitee_sandbox.faults.add(attrs.evolve(fault, path=r"/offers$"))
    with recruitee_sandbox.client() as recruitee, pytest.raises(ServerError, match="503"):
        recruitee.list_offers()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ({"status": 101}, "a final answer (200-599), got 101"),
        ({"kind": "DROP"}, "kind must be one of 'status', 'drop',"),
    ],
)
def test_a_fault_the_server_cannot_send_is_refused_clearly(
    options: dict[str, Any], said: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(said)):
        Fault(**options)


def test_only_a_fault_can_be_added(recruitee_sandbox: StandIn[Any]) -> None:
    # The class itself was taken, and every request after it answered 500.
    with pytest.raises(TypeError, match="add\\(\\) takes a Fault"):
        recruitee_sandbox.faults.add(Fault)  # type: ignore[arg-type]
    assert httpx.get(f"{recruitee_sandbox.url}/c/4100/offers").status_code == 401


def test_a_secret_for_a_receiver_no_stand_in_sends_to_is_refused(webhook_receiver: Any) -> None:
    with pytest.raises(ValueError, match="go with a stand-in"):
        webhook_receiver(None, secret="whsec-1")


def test_an_apps_lifespan_runs_in_the_receiver_serving_it(
    recruitee_sandbox: StandIn[Any], webhook_receiver: ServeReceiver
) -> None:
    """An app that builds its client in its lifespan (FastAPI's pattern) failed every
    delivery in tests: the receiver never ran the lifespan, and the handler found nothing
    in ``app.state``."""
    import contextlib
    from collections.abc import AsyncIterator

    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    seen: list[Any] = []

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.events = seen  # where an app would build its client
        yield
        seen.append("shut down")

    async def hook(request: Request) -> JSONResponse:
        request.app.state.events.append(await request.json())
        return JSONResponse({})

    app = Starlette(routes=[Route("/", hook, methods=["POST"])], lifespan=lifespan)
    receiver = webhook_receiver(recruitee_sandbox, app)
    recruitee_sandbox.sandbox.state.create_candidate({"name": "Ada"})
    (arrival,) = receiver.wait_for(1)
    assert arrival.status == 200
    assert seen[0]["event_type"] == "new_candidate"
    receiver.stop()
    assert seen[-1] == "shut down"


def test_the_outbox_keeps_the_last_attempts_and_counts_them_all(
    recruitee_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    """Each attempt keeps the body it sent (a candidate's name and addresses): a stand-in
    running for long kept every one of them."""
    kept = Outbox(headers=lambda _subscription, _body: {}, retries=lambda _status: "delivered",
                  keep_attempts=2)  # fmt: skip
    try:
        receiver = webhook_receiver()
        to = [Subscription(996, receiver.url, "s")]
        for number in range(3):
            kept.emit({"number": number}, to=to)
        receiver.wait_for(3)
        assert kept.wait_idle()
        assert [json.loads(attempt.body) for attempt in kept.attempts] == [
            {"number": 1},
            {"number": 2},
        ]
        assert kept.stats.sent == 3
    finally:
        kept.close()


def test_the_outbox_attempts_can_be_read_while_deliveries_go_on(
    recruitee_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    """Read while the sending thread appended, a deque of them raised "deque mutated
    during iteration" (review)."""
    outbox = Outbox(headers=lambda _subscription, _body: {}, retries=lambda _status: "delivered")
    try:
        to = [Subscription(995, webhook_receiver().url, "s")]
        for number in range(40):
            outbox.emit({"number": number}, to=to)
        read, deadline = 0, time.monotonic() + 60
        while outbox.stats.sent < 40 and time.monotonic() < deadline:
            read = max(read, len([attempt.status for attempt in outbox.attempts]))
        assert outbox.wait_idle()
        assert len(outbox.attempts) == 40
        assert read > 0
    finally:
        outbox.close()


def test_a_reset_counts_the_stand_ins_rate_limits_from_nothing() -> None:
    """Reviews: the plugin's reset counted Personio's budgets afresh but not JOIN's
    window, which the next test of a session found spent."""
    with serve_stand_in("join", rate_limit=2) as join, join.client(max_retries=0) as client:
        client.list_jobs()
        client.list_jobs()
        with pytest.raises(RateLimitError):
            client.list_jobs()
        join.reset()
        client.list_jobs()  # a window of its own again
    with serve_stand_in("personio", rate_limit=1) as personio, personio.client() as client:
        client.upload_document(b"%PDF-1.4", filename="one.pdf")
        personio.reset()
        started = time.monotonic()
        client.upload_document(b"%PDF-1.4", filename="two.pdf")  # the stand-in takes it
        assert personio.sandbox.state.rate_limited == 0
        assert time.monotonic() - started < 30


def test_a_stand_in_asked_for_a_client_after_it_stopped_says_so() -> None:
    """Plugin hunt: its clients got a connection error after a second of retries, which
    did not say the stand-in had stopped, nor how to keep it running."""
    with serve_stand_in("recruitee", max_lifetime=300) as stand_in:
        assert stand_in.client_kwargs()
    with pytest.raises(RuntimeError, match="recruitee stand-in has stopped: stop"):
        stand_in.client()
    with serve_stand_in("join", max_lifetime=0.2) as short_lived:
        assert short_lived.server.wait(10)  # its lifetime ran out
        with pytest.raises(RuntimeError, match="max_lifetime=None keeps it running"):
            short_lived.client_kwargs()


def test_a_forked_worker_gets_clients_of_a_stand_in_its_parent_serves() -> None:
    """Review: the check read the server thread, never alive in a forked child."""
    with serve_stand_in("recruitee") as stand_in:
        answer = answer_of_forked_child(lambda: "ok" if stand_in.client_kwargs() else "none")
    assert answer == "ok"
