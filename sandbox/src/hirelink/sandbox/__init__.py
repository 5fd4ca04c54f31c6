"""Local, stateful stand-ins for the recruiting APIs hirelink talks to.

Four stand-ins: Recruitee's ATS API, the Recruitee Partners API, JOIN API v2 and
Personio (XML feed, Recruiting API v1, API v2). Each is a real HTTP server on loopback,
seeded with deterministic data, faithful to the provider's auth, paging and error bodies,
validating requests against the same OpenAPI document the SDK is generated from, and
with switchable faults. In pytest, use the fixtures this distribution registers
(``recruitee_sandbox``, ``join_sandbox``, ... see :mod:`hirelink.sandbox.pytest_plugin`);
elsewhere::

    from hirelink.sandbox import serve_stand_in

    with serve_stand_in("recruitee") as stand_in:
        client = Recruitee(**stand_in.client_kwargs())
"""

from typing import TYPE_CHECKING

from hirelink.core.lazy import reexport_lazily

if TYPE_CHECKING:
    from hirelink.core.specs import spec_path
    from hirelink.sandbox.app import (
        ApiCall,
        MissingHandlerError,
        Operation,
        SandboxApp,
        SandboxError,
        handles,
        json_response,
    )
    from hirelink.sandbox.faults import FOREVER, Fault, FaultInjector, FaultKind
    from hirelink.sandbox.join import JoinSandbox, JoinState, create_join_sandbox
    from hirelink.sandbox.outbox import Outbox, OutboxStats, Subscription
    from hirelink.sandbox.personio import PersonioSandbox, PersonioState, create_personio_sandbox
    from hirelink.sandbox.receiving import Arrival, WebhookReceiver
    from hirelink.sandbox.recorder import RecordedRequest, RequestRecorder
    from hirelink.sandbox.recruitee import (
        RecruiteeSandbox,
        RecruiteeState,
        create_recruitee_sandbox,
    )
    from hirelink.sandbox.recruitee_partners import (
        PartnersSandbox,
        PartnersState,
        create_partners_sandbox,
    )
    from hirelink.sandbox.server import SandboxServer
    from hirelink.sandbox.standins import (
        PROVIDERS,
        ProviderName,
        ServeReceiver,
        StandIn,
        serve_stand_in,
        start_stand_in,
        start_stand_ins,
    )
    from hirelink.sandbox.validation import (
        OperationNotInSpecError,
        SpecValidator,
        ValidationProblem,
    )

    __version__: str  # this distribution's installed version, read when first asked for

__all__ = [
    "FOREVER",
    "PROVIDERS",
    "ApiCall",
    "Arrival",
    "Fault",
    "FaultInjector",
    "FaultKind",
    "JoinSandbox",
    "JoinState",
    "MissingHandlerError",
    "Operation",
    "OperationNotInSpecError",
    "Outbox",
    "OutboxStats",
    "PartnersSandbox",
    "PartnersState",
    "PersonioSandbox",
    "PersonioState",
    "ProviderName",
    "RecordedRequest",
    "RecruiteeSandbox",
    "RecruiteeState",
    "RequestRecorder",
    "SandboxApp",
    "SandboxError",
    "SandboxServer",
    "ServeReceiver",
    "SpecValidator",
    "StandIn",
    "Subscription",
    "ValidationProblem",
    "WebhookReceiver",
    "create_join_sandbox",
    "create_partners_sandbox",
    "create_personio_sandbox",
    "create_recruitee_sandbox",
    "handles",
    "json_response",
    "serve_stand_in",
    "spec_path",
    "start_stand_in",
    "start_stand_ins",
]

_SOURCES = {
    "hirelink.core.specs": ("spec_path",),
    ".app": (
        "ApiCall",
        "MissingHandlerError",
        "Operation",
        "SandboxApp",
        "SandboxError",
        "handles",
        "json_response",
    ),
    ".faults": ("FOREVER", "Fault", "FaultInjector", "FaultKind"),
    ".join": ("JoinSandbox", "JoinState", "create_join_sandbox"),
    ".outbox": ("Outbox", "OutboxStats", "Subscription"),
    ".personio": ("PersonioSandbox", "PersonioState", "create_personio_sandbox"),
    ".receiving": ("Arrival", "WebhookReceiver"),
    ".recorder": ("RecordedRequest", "RequestRecorder"),
    ".recruitee": ("RecruiteeSandbox", "RecruiteeState", "create_recruitee_sandbox"),
    ".recruitee_partners": ("PartnersSandbox", "PartnersState", "create_partners_sandbox"),
    ".server": ("SandboxServer",),
    ".standins": (
        "PROVIDERS",
        "ProviderName",
        "ServeReceiver",
        "StandIn",
        "serve_stand_in",
        "start_stand_in",
        "start_stand_ins",
    ),
    ".validation": ("OperationNotInSpecError", "SpecValidator", "ValidationProblem"),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = reexport_lazily(globals(), _SOURCES, distribution="hirelink-sandbox")
