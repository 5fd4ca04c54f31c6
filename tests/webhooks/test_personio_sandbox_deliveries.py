"""End to end: webhooks managed through the Personio stand-in's /v2/webhooks deliver to
``hirelink.personio.webhooks.create_webhook_app`` over loopback, with the token."""

from __future__ import annotations

from typing import Any

import pytest

from hirelink.core import InvalidInputError
from hirelink.personio import Personio
from hirelink.personio.webhooks import WebhookDelivery, create_webhook_app
from hirelink.sandbox import StandIn
from hirelink.sandbox.receiving import WebhookReceiver

from .collecting import Collected

TOKEN = "whk-token-3b9d"
PERSON = "24205101"


Callback = Collected[WebhookDelivery]


def serve(webhook_receiver: Any, callback: Callback, tokens: list[str]) -> WebhookReceiver:
    receiver: WebhookReceiver = webhook_receiver(
        None, create_webhook_app(tokens=tokens, on_event=callback)
    )
    return receiver


def enabled_webhook(
    client: Personio, receiver: WebhookReceiver, event: str, token: str | None = None
) -> str:
    """A webhook of ``event`` to ``receiver``, enabled; its id."""
    webhook = (
        client.create_webhook(receiver.url, [event])
        if token is None
        else client.create_webhook(receiver.url, [event], token=token)
    )
    assert isinstance(webhook.id, str)
    client.enable_webhook(webhook.id)
    return webhook.id


def test_an_enabled_webhook_delivers_with_its_token_to_the_callback(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    callback = Callback()
    receiver = serve(webhook_receiver, callback, [TOKEN])
    state = personio_sandbox.sandbox.state
    with Personio(**personio_sandbox.client_kwargs()) as client:
        webhook = client.create_webhook(receiver.url, ["person.updated"], token=TOKEN)
        assert webhook.status == "DISABLED"
        assert isinstance(webhook.id, str)
        assert state.webhooks.emit("person.updated", {"id": PERSON}) == []  # not yet enabled
        assert client.enable_webhook(webhook.id).status == "ENABLED"
        assert state.webhooks.emit("person.created", {"id": PERSON}) == []  # not subscribed
        assert state.webhooks.emit("person.updated", {"id": PERSON}) == [webhook.id]
        (arrival,) = receiver.wait_for(1)
        assert personio_sandbox.sandbox.webhooks.wait_idle()
        callback.wait_for(1, timeout=5)
        (event,) = client.iter_webhook_events(webhook.id)
    assert arrival.status == 202
    assert arrival.headers["authorization"] == TOKEN
    (delivery,) = callback.received
    assert delivery.event_name == "person.updated"
    assert delivery.payload == {"id": PERSON}
    assert str(delivery.company_id) == personio_sandbox.sandbox.company_id
    assert (event.event_name, event.status, event.attempts) == ("person.updated", "DELIVERED", 1)
    print(f"\n[webhook figures] personio: sent=1, received={len(callback.received)}")


def test_a_token_beyond_ascii_is_delivered_as_utf8(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    # The client takes such a token (a user chooses it, and it goes as UTF-8 bytes) and
    # so does the receiver; the stand-in refused it with a 400.
    token = "p\u00e4ssw\u00f6rt-\u20ac"
    callback = Callback()
    receiver = serve(webhook_receiver, callback, [token])
    with Personio(**personio_sandbox.client_kwargs()) as client:
        webhook_id = enabled_webhook(client, receiver, "person.updated", token)
    emitted = personio_sandbox.sandbox.state.webhooks.emit("person.updated", {"id": PERSON})
    assert emitted == [webhook_id]
    (arrival,) = receiver.wait_for(1)
    assert arrival.status == 202
    assert arrival.headers["authorization"].encode("latin-1") == token.encode()
    callback.wait_for(1, timeout=5)
    assert [delivery.payload for delivery in callback.received] == [{"id": PERSON}]


def test_a_wrong_token_gets_401_is_not_retried_and_never_reaches_the_callback(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    callback = Callback()
    receiver = serve(webhook_receiver, callback, [TOKEN])
    with Personio(**personio_sandbox.client_kwargs()) as client:
        webhook_id = enabled_webhook(client, receiver, "employment.updated", "stale-token")
        personio_sandbox.sandbox.state.webhooks.emit("employment.updated", {"id": "e-1"})
        receiver.wait_for(1)
        assert personio_sandbox.sandbox.webhooks.wait_idle()
        (event,) = client.iter_webhook_events(webhook_id)
    assert [a.status for a in receiver.arrivals] == [401]
    assert (event.status, event.attempts) == ("FAILED", 1)
    assert callback.received == []


def test_a_5xx_is_retried_up_to_six_attempts_but_a_501_is_not(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    outbox = personio_sandbox.sandbox.webhooks
    outbox.retry_delays = (0.01,) * 5
    failing = webhook_receiver(None, status=503)
    unimplemented = webhook_receiver(None, status=501)
    with Personio(**personio_sandbox.client_kwargs()) as client:
        for receiver in (failing, unimplemented):
            enabled_webhook(client, receiver, "person.created")
        personio_sandbox.sandbox.state.webhooks.emit("person.created", {"id": PERSON})
        failing.wait_for(6)
        assert outbox.wait_idle()
    assert [a.status for a in failing.arrivals] == [503] * 6
    assert [a.status for a in unimplemented.arrivals] == [501]
    assert (outbox.stats.abandoned, outbox.stats.refused) == (1, 1)


def test_webhook_settings_are_checked_before_any_request(
    personio_sandbox: StandIn[Any],
) -> None:
    with Personio(**personio_sandbox.client_kwargs()) as client:
        with pytest.raises(InvalidInputError) as no_token:
            client.create_webhook(
                "https://hooks.example.org/p", ["person.created"], auth_type="TOKEN"
            )
        with pytest.raises(InvalidInputError) as too_many:
            client.create_webhook(
                "https://hooks.example.org/p",
                ["person.created"],
                custom_headers={f"X-H{n}": "v" for n in range(4)},
            )
        with pytest.raises(InvalidInputError) as nothing:
            client.update_webhook("0b7e6a52-8f0e-4c31-9d2a-5e1f3c7b9a10")
    assert (no_token.value.field, too_many.value.field, nothing.value.field) == (
        "token",
        "custom_headers",
        "changes",
    )
    assert personio_sandbox.recorder.requests == []


def test_a_token_given_to_a_webhook_later_goes_out_with_its_deliveries(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    # update_webhook(token=...) left the auth type NONE: the receiver refused every
    # delivery for want of the token, and Personio does not resend.
    callback = Callback()
    receiver = serve(webhook_receiver, callback, [TOKEN])
    with Personio(**personio_sandbox.client_kwargs()) as client:
        webhook = client.create_webhook(receiver.url, ["person.updated"])
        assert isinstance(webhook.id, str)
        assert webhook.auth_type == "NONE"
        updated = client.update_webhook(webhook.id, token=TOKEN)
        assert updated.auth_type == "TOKEN"
        with pytest.raises(InvalidInputError) as contradiction:
            client.update_webhook(webhook.id, token=TOKEN, custom_headers={"X-Key": "v"})
        assert contradiction.value.field == "custom_headers"
        client.enable_webhook(webhook.id)
        personio_sandbox.sandbox.state.update_person(PERSON, first_name="Ines")
        callback.wait_for(1, timeout=5)
    assert [delivery.payload for delivery in callback.received] == [{"id": PERSON}]


def test_a_changed_person_is_announced_to_the_subscribed_webhook(
    personio_sandbox: StandIn[Any], webhook_receiver: Any
) -> None:
    callback = Callback()
    receiver = serve(webhook_receiver, callback, [TOKEN])
    with Personio(**personio_sandbox.client_kwargs()) as client:
        enabled_webhook(client, receiver, "person.updated", TOKEN)
        personio_sandbox.sandbox.state.update_person(PERSON, first_name="Anja")
        receiver.wait_for(1)
        callback.wait_for(1, timeout=5)
        assert client.get_person(PERSON).first_name == "Anja"
    (delivery,) = callback.received
    assert (delivery.event_name, delivery.payload) == ("person.updated", {"id": PERSON})
