"""The stand-ins keep answering (and sending) whatever a test throws at them: headers HTTP
cannot carry, stopped outboxes, rotated secrets, handler crashes, odd query values."""

from __future__ import annotations

from typing import Any

import pytest

from hirelink.core import BadRequestError
from hirelink.sandbox import StandIn, serve_stand_in
from hirelink.sandbox.outbox import Subscription


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
    unsendable = Subscription(999, good.url, "s", {"X-Tenant": "Zürich"})
    (broken,) = outbox.emit({"first": True}, to=[unsendable])
    outbox.emit({"second": True}, to=[Subscription(998, good.url, "s")])
    (arrival,) = good.wait_for(1)
    assert arrival.json() == {"second": True}
    assert outbox.wait_idle()
    assert outbox.outcome(broken) == (outbox.max_attempts, "abandoned")


def test_a_personio_webhook_token_http_cannot_carry_is_refused(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    receiver = webhook_receiver()
    with personio_sandbox.client() as client, pytest.raises(BadRequestError) as refused:
        client.create_webhook(receiver.url, ["person.updated"], token="tök-en")
    assert "Authorization must be ASCII" in str(refused.value)
    assert "tök-en" not in str(refused.value)


def test_a_stopped_stand_in_still_stores_changes_and_emits_nothing() -> None:
    with serve_stand_in("recruitee", candidates=3) as stand_in:
        pass
    state = stand_in.sandbox.state
    before = len(state.candidate_ids())
    state.create_candidate({"name": "Ada"})
    assert len(state.candidate_ids()) == before + 1
    assert stand_in.outbox is not None
    assert stand_in.outbox.emit({"test": True}) == []


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
