"""Local, stateful stand-ins for the recruiting APIs hirelink talks to.

Each stand-in is a real HTTP server on loopback, seeded with deterministic data,
faithful to the provider's auth, paging and error bodies, validating requests
against the same OpenAPI document the SDK is generated from, and with switchable
faults. Typical use in a test::

    from hirelink.sandbox import create_recruitee_sandbox

    sandbox = create_recruitee_sandbox()
    with sandbox.serve() as server:
        httpx.get(f"{server.url}/c/4100/candidates",
                  headers={"Authorization": f"Bearer {sandbox.token}"})
"""

from hirelink.sandbox.app import ApiCall, Operation, SandboxApp, SandboxError, json_response
from hirelink.sandbox.faults import FOREVER, Fault, FaultInjector, FaultKind
from hirelink.sandbox.recorder import RecordedRequest, RequestRecorder
from hirelink.sandbox.recruitee import (
    RecruiteeSandbox,
    RecruiteeState,
    create_recruitee_sandbox,
)
from hirelink.sandbox.server import SandboxServer
from hirelink.sandbox.specs import spec_path
from hirelink.sandbox.validation import OperationNotInSpecError, SpecValidator, ValidationProblem

__all__ = [
    "FOREVER",
    "ApiCall",
    "Fault",
    "FaultInjector",
    "FaultKind",
    "Operation",
    "OperationNotInSpecError",
    "RecordedRequest",
    "RecruiteeSandbox",
    "RecruiteeState",
    "RequestRecorder",
    "SandboxApp",
    "SandboxError",
    "SandboxServer",
    "SpecValidator",
    "ValidationProblem",
    "create_recruitee_sandbox",
    "json_response",
    "spec_path",
]
