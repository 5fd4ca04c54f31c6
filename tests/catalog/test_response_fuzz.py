"""Response fuzzing: every operation reads every relaxed answer its spec admits.

For each catalog operation, a first run against the stand-ins records which requests it
sends. Then, for every such request with a documented JSON answer, hypothesis draws
bodies from the relaxed form of the spec's response schema (see ``relaxed.py``); the
stand-in answers the request with the drawn body (a fault, on real loopback HTTP) and
the operation's other requests with their spec examples, and the operation must return
without raising. Token exchanges are not fuzzed: they are credentials, not operations.

``HIRELINK_FUZZ_EXAMPLES`` sets the examples per answer (default 6; ``nox -s fuzz`` runs
long).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from hirelink.operations import invoke, load_providers
from hirelink.operations.jsonable import to_json
from hirelink.sandbox.__main__ import StandIn, start_stand_ins
from hirelink.sandbox.faults import Fault

from .relaxed import ResponseTarget, relaxed, targets
from .workflows import STEPS_BY_PROVIDER

CATALOG = load_providers()
# Personio's client-side limit (20 a minute) would make the fuzzing wait, not test more.
CLIENT_OPTIONS = {"personio": {"recruiting_rate_window": 0.001}}
EXAMPLES = int(os.environ.get("HIRELINK_FUZZ_EXAMPLES", "6"))
SPECS = Path(__file__).parents[2] / "specs"
SPEC_OF = {
    "recruitee": "recruitee.yaml",
    "join": "join.yaml",
    "recruitee_partners": "recruitee-partners.yaml",
    "personio": "personio.yaml",
}
CREDENTIAL_EXCHANGES = re.compile(r"/auth(/|$)")
JSON_HEADERS = {"Content-Type": "application/json"}
STEPS = [
    (provider, operation_id, inputs)
    for provider, steps in STEPS_BY_PROVIDER.items()
    for operation_id, inputs, _ in steps
]


@functools.cache
def _document(provider: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((SPECS / SPEC_OF[provider]).read_text())
    return loaded


class Fuzzed:
    """The running stand-ins and, per operation, the answers it reads."""

    def __init__(self, stand_ins: list[StandIn[Any]]) -> None:
        self.stand_ins = {stand_in.name: stand_in for stand_in in stand_ins}
        self.credentials = {name: dict(s.details) for name, s in self.stand_ins.items()}
        self.reads: dict[str, list[tuple[str, ResponseTarget]]] = {}

        def keep(provider: str) -> Callable[[str, Any], None]:
            def store(name: str, secret: Any) -> None:
                self.credentials[provider][name] = secret

            return store

        for provider, steps in STEPS_BY_PROVIDER.items():
            document = _document(provider)
            documented = list(targets(document))
            recorder = self.stand_ins[provider].sandbox.recorder
            for operation_id, inputs, _ in steps:
                recorder.clear()
                invoke(operation_id, self.credentials[provider], inputs, on_secret=keep(provider))
                self.reads[operation_id] = [
                    (request.path, target)
                    for request in recorder.requests
                    if not CREDENTIAL_EXCHANGES.search(request.path)
                    for target in documented
                    if target.matches(request.method, request.path)
                ]

    def run(self, provider: str, operation_id: str, inputs: dict[str, Any]) -> Any:
        """The wrapper method itself, with the credential discovery ended with."""
        operation = CATALOG.get(operation_id)
        options = operation.provider.client_arguments(self.credentials[provider])
        client = operation.provider.client_class(**options, **CLIENT_OPTIONS.get(provider, {}))
        with client:
            return to_json(getattr(client, operation.method)(**operation.arguments(inputs)))


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[Fuzzed]:
    started = start_stand_ins(max_lifetime=600, candidates=20)
    try:
        yield Fuzzed(started)
    finally:
        for stand_in in started:
            stand_in.server.stop()


def _answer(path: str, target: ResponseTarget, body: Any) -> Fault:
    return Fault(
        method=target.method,
        path=f"{re.escape(path)}$",
        status=target.status,
        headers=JSON_HEADERS if target.schema is not None else {},
        body=json.dumps(body) if target.schema is not None else None,
    )


@pytest.mark.parametrize(("provider", "operation_id", "inputs"), STEPS, ids=[s[1] for s in STEPS])
def test_every_relaxed_answer_is_read(
    fuzzed: Fuzzed, provider: str, operation_id: str, inputs: dict[str, Any]
) -> None:
    reads = fuzzed.reads[operation_id]
    if all(target.schema is None for _, target in reads):
        pytest.skip(f"{operation_id} reads no JSON answer")
    document = _document(provider)
    for index, (_, target) in enumerate(reads):
        if target.schema is not None:
            _fuzz(fuzzed, provider, operation_id, inputs, index, relaxed(target, document))


def _fuzz(
    fuzzed: Fuzzed,
    provider: str,
    operation_id: str,
    inputs: dict[str, Any],
    index: int,
    schema: dict[str, Any],
) -> None:
    """Answer the operation's request number ``index`` with bodies drawn from ``schema``."""
    reads = fuzzed.reads[operation_id]
    faults = fuzzed.stand_ins[provider].sandbox.faults

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=EXAMPLES <= 20,
        suppress_health_check=list(HealthCheck),
    )
    @given(body=from_schema(schema) | st.just(reads[index][1].example))
    def reads_it(body: Any) -> None:
        faults.clear()
        for other, (path, target) in enumerate(reads):
            faults.add(_answer(path, target, body if other == index else target.example))
        try:
            fuzzed.run(provider, operation_id, inputs)
        finally:
            left = faults.active
            faults.clear()
        assert not left, f"{operation_id} did not send {[f.path for f in left]}"

    reads_it()
