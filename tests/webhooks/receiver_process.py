"""A webhook receiver in a process of its own, for the tests with several replicas.

    python receiver_process.py <redis-url>

Serves hirelink.recruitee.webhooks on loopback with its deliveries noted in Redis,
prints ``ready <url>``, then one JSON line per event handed to the callback, until its
stdin closes.
"""

from __future__ import annotations

import json
import sys

from hirelink.recruitee.webhooks import WebhookEvent, create_webhook_app
from hirelink.sandbox.server import SandboxServer

SECRET = "whsec-replicas-0042"


def main() -> None:
    def on_event(event: WebhookEvent) -> None:
        print(json.dumps(event.model_dump(mode="json")), flush=True)

    app = create_webhook_app(secret=SECRET, on_event=on_event, store=sys.argv[1])
    with SandboxServer(app, max_lifetime=300) as server:
        print(f"ready {server.url}", flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
