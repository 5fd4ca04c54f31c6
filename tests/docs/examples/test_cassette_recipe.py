"""The cassette recipe of docs/testing.md keeps out the secrets hirelink sends in a body.

The recipe's block runs with the other blocks of the page; here its ``vcr_config()`` is
applied to the bodies a Personio stand-in received, as vcrpy would apply it before
recording (vcrpy is not a test dependency: its ``filter_post_data_parameters`` drops the
named fields of a POST's form body, and the request hook runs after it).
"""

from __future__ import annotations

import contextlib
import io
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode

from hirelink.personio import Personio
from hirelink.sandbox import PersonioSandbox, StandIn

from .blocks import ROOT, python_blocks


def recipe_config() -> dict[str, Any]:
    (block,) = (
        block
        for block in python_blocks(ROOT / "docs" / "testing.md")
        if "def vcr_config" in block.code
    )
    namespace: dict[str, Any] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(block.code, str(block), "exec"), namespace)  # noqa: S102 - our page
    config: dict[str, Any] = namespace["vcr_config"]()
    return config


def as_recorded(config: dict[str, Any], method: str, content_type: str, body: bytes) -> bytes:
    if method == "POST" and content_type.startswith("application/x-www-form-urlencoded"):
        dropped = set(config["filter_post_data_parameters"])
        fields = parse_qsl(body.decode(), keep_blank_values=True)
        body = urlencode([(name, value) for name, value in fields if name not in dropped]).encode()
    request = config["before_record_request"](SimpleNamespace(body=body))
    recorded: bytes = request.body
    return recorded


def test_no_secret_sent_in_a_body_reaches_a_cassette(
    personio_sandbox: StandIn[PersonioSandbox],
) -> None:
    credentials = personio_sandbox.client_kwargs()
    with Personio(**credentials) as personio:
        webhook = personio.create_webhook(
            "https://example.invalid/hook", ["application.created"], token="webhook-token-123456"
        )
        personio.update_webhook(str(webhook.id), custom_headers={"X-Key": "custom-secret-123456"})
        assert personio.revoke_access_token()
    requests = personio_sandbox.recorder.requests
    (revocation,) = (request for request in requests if request.path == "/v2/auth/revoke")
    (access_token,) = parse_qs(revocation.body.decode())["token"]
    sent_secrets = [
        str(credentials["client_secret"]),
        access_token,
        "webhook-token-123456",
        "custom-secret-123456",
    ]
    assert {"/v2/auth/token", "/v2/webhooks"} <= {request.path for request in requests}
    config = recipe_config()
    for request in requests:
        content_type = request.headers.get("content-type", "")
        recorded = as_recorded(config, request.method, content_type, request.body)
        assert not [secret for secret in sent_secrets if secret.encode() in recorded], request.path
