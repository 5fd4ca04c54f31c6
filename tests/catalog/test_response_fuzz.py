"""Response fuzzing: every operation reads every relaxed answer its spec admits, with any 2xx.

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
from typing import Any, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from hirelink.core import ApiError, MalformedResponseError
from hirelink.core.calls import may_have_been_carried_out
from hirelink.core.operations import declarations
from hirelink.core.stores import InProcessStore
from hirelink.operations import invoke, load_providers
from hirelink.operations.jsonable import to_json
from hirelink.sandbox import StandIn, start_stand_ins
from hirelink.sandbox.faults import Fault
from tools.yaml_files import read_yaml

from .relaxed import ResponseTarget, relaxed, targets

CATALOG = load_providers()
# Personio's client-side limits would make the fuzzing wait, not test more: 20 recruiting
# requests a minute, and 150 token exchanges (a client per call, sharing one token here).
CLIENT_OPTIONS = {
    "personio": {"recruiting_rate_window": 0.001, "store": InProcessStore(share_tokens=True)}
}
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
# Whatever 2xx a provider answers is a success (sources disagree on 200, 201 and 202):
# the fuzzed answer's status is drawn too. 204 and 205 carry no body, so not with one.
SUCCESSES_WITH_BODY = (200, 201, 202, 203, 206)
# Every operation with the example its declaration carries, in declaration order.
STEPS = [(o.provider.name, o.id, dict(o.example)) for o in CATALOG.operations()]


# Operations whose answers these specs do not describe (tested by their own modules).
OUTSIDE_THE_SPECS = {
    "personio.list_job_positions": "reads the XML jobs feed (tests/personio/test_personio_feed.py)",
}


@functools.cache
def _document(provider: str) -> dict[str, Any]:
    loaded: dict[str, Any] = read_yaml(SPECS / SPEC_OF[provider])
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

        for provider, operation_id, inputs in STEPS:
            documented = list(targets(_document(provider)))
            recorder = self.stand_ins[provider].sandbox.recorder
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
        """The wrapper method's result as JSON, as the catalog gives it."""
        return to_json(self.call(provider, operation_id, inputs))

    def call(self, provider: str, operation_id: str, inputs: dict[str, Any]) -> Any:
        """The wrapper method itself, with the credential discovery ended with."""
        operation = CATALOG.get(operation_id)
        options = operation.provider.client_arguments(self.credentials[provider])
        client = operation.provider.client_class(**options, **CLIENT_OPTIONS.get(provider, {}))
        with client:
            return getattr(client, operation.method)(**operation.arguments(inputs))


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[Fuzzed]:
    started = start_stand_ins(max_lifetime=600, candidates=20)
    try:
        yield Fuzzed(started)
    finally:
        for stand_in in started:
            stand_in.stop()


def _answer(path: str, target: ResponseTarget, body: Any, status: int | None = None) -> Fault:
    return Fault(
        method=target.method,
        path=f"{re.escape(path)}$",
        status=target.status if status is None else status,
        headers=JSON_HEADERS if target.schema is not None else {},
        body=json.dumps(body) if target.schema is not None else None,
    )


@pytest.mark.parametrize(("provider", "operation_id", "inputs"), STEPS, ids=[s[1] for s in STEPS])
def test_every_relaxed_answer_is_read(
    fuzzed: Fuzzed, provider: str, operation_id: str, inputs: dict[str, Any]
) -> None:
    reads = fuzzed.reads[operation_id]
    if not reads:
        # An operation whose requests match no documented answer would pass unfuzzed.
        assert operation_id in OUTSIDE_THE_SPECS, f"{operation_id}: no documented answer read"
        pytest.skip(f"{operation_id}: {OUTSIDE_THE_SPECS[operation_id]}")
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
    @given(
        body=from_schema(schema) | st.just(reads[index][1].example),
        status=st.sampled_from(SUCCESSES_WITH_BODY),
    )
    def reads_it(body: Any, status: int) -> None:
        faults.clear()
        for other, (path, target) in enumerate(reads):
            if other == index:
                faults.add(_answer(path, target, body, status))
            else:
                faults.add(_answer(path, target, target.example))
        try:
            fuzzed.run(provider, operation_id, inputs)
        except MalformedResponseError as error:
            if operation_id in NEEDS_THE_ANSWER and "not submitted" in str(error):
                return  # the answer lacked what the next request needs: it is not sent
            # A drawn secret no header can carry is refused, saying the write may be done.
            unsendable = "cannot be sent as this client's credential" in str(error)
            refused = unsendable and may_have_been_carried_out(error)
            if operation_id in ANSWER_IS_THE_RESULT and refused:
                return
            raise
        finally:
            left = faults.active
            faults.clear()
        assert not left, f"{operation_id} did not send {[f.path for f in left]}"

    reads_it()


WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})
# A write's answer as a provider may send it: each 2xx with the documented body (no body
# with 204), and a 200 whose body does not read as the spec says at all.
WRITE_ANSWERS = {
    "200": (200, "example"),
    "201": (201, "example"),
    "202": (202, "example"),
    "204": (204, None),
    "200-unreadable": (200, {"unexpected": True}),
}

# Where the answer itself is the result (a newly issued secret), a write answered without
# it cannot return it: the call raises MalformedResponseError, saying the write may have
# been carried out, instead of handing out an empty secret.
ANSWER_IS_THE_RESULT = frozenset({"recruitee_partners.regenerate_partner_secret"})
# Where a later request needs an earlier answer (Personio's submission takes the uuid its
# upload returned), an earlier answer without it stops the flow the same way, and nothing
# later is sent.
NEEDS_THE_ANSWER = frozenset({"personio.create_application"})


def _promised(provider: str, operation_id: str) -> Any:
    """The type the wrapper method promises (the ``T`` of its declaration)."""
    operation = CATALOG.get(operation_id)
    return declarations(operation.provider.client_class)[operation.method].result_type


def _keeps_promise(result: Any, promised: Any) -> bool:
    if promised is None or promised is type(None):
        return result is None
    origin = get_origin(promised)
    if origin is list:
        (item,) = get_args(promised)
        return isinstance(result, list) and all(_keeps_promise(one, item) for one in result)
    if isinstance(promised, type):
        return isinstance(result, promised)
    return result is not None


@pytest.mark.parametrize("answer", list(WRITE_ANSWERS))
def test_every_write_reads_any_success_as_success(
    fuzzed: Fuzzed, answer: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Each write, answered with ``answer``, returns what its method's type promises.

    A documented body is read as it is, whatever the 2xx: no drift is reported for it.
    """
    status, body = WRITE_ANSWERS[answer]
    broken: list[str] = []
    checked = 0
    for provider, operation_id, inputs in STEPS:
        reads = fuzzed.reads[operation_id]
        if not any(target.method in WRITE_METHODS for _, target in reads):
            continue
        faults = fuzzed.stand_ins[provider].sandbox.faults
        faults.clear()
        for path, target in reads:
            if target.method not in WRITE_METHODS:
                faults.add(_answer(path, target, target.example))
                continue
            sent = target.example if body == "example" else body
            faults.add(
                Fault(
                    method=target.method,
                    path=f"{re.escape(path)}$",
                    status=status,
                    headers=JSON_HEADERS if sent is not None else {},
                    body=json.dumps(sent) if sent is not None else None,
                )
            )
        caplog.clear()
        try:
            with caplog.at_level("WARNING", logger="hirelink.reading"):
                result = fuzzed.call(provider, operation_id, inputs)
        except MalformedResponseError as error:
            stops = ANSWER_IS_THE_RESULT | NEEDS_THE_ANSWER
            if operation_id in stops and "check before resending" in str(error):
                continue
            broken.append(f"{operation_id}: raised {error}")
            continue
        finally:
            faults.clear()
        promised = _promised(provider, operation_id)
        checked += 1
        if not _keeps_promise(result, promised):
            broken.append(f"{operation_id}: promised {promised}, returned {result!r:.80}")
        if body == "example" and caplog.records:
            broken.append(f"{operation_id}: {caplog.records[0].getMessage()}")
    assert checked >= 20, f"only {checked} writes found"
    assert not broken, "\n".join(broken)


REPORTS_FAILURES = frozenset({"personio.check_connection"})  # "never raises for API failures"


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_every_write_answered_with_a_redirect_raises(fuzzed: Fuzzed, status: int) -> None:
    """hirelink follows no redirect, so a redirected write was not carried out: it is an
    ApiError naming where it was sent, never an empty result read as success."""
    wrong: list[str] = []
    checked = 0
    for provider, operation_id, inputs in STEPS:
        writes = [t for _, t in fuzzed.reads[operation_id] if t.method in WRITE_METHODS]
        if not writes:
            continue
        faults = fuzzed.stand_ins[provider].sandbox.faults
        faults.clear()
        for path, target in fuzzed.reads[operation_id]:
            if target.method in WRITE_METHODS:
                moved = {"Location": "https://elsewhere.example/"}
                faults.add(Fault(method=target.method, path=f"{re.escape(path)}$", status=status,
                                 headers=moved))  # fmt: skip
            else:
                faults.add(_answer(path, target, target.example))
        checked += 1
        try:
            result = fuzzed.call(provider, operation_id, inputs)
        except ApiError as error:
            if error.status_code != status or "elsewhere.example" not in str(error):
                wrong.append(f"{operation_id}: {error!r:.120}")
        else:
            # An operation that reports failures in its answer says so there instead.
            reported = operation_id in REPORTS_FAILURES and "elsewhere.example" in repr(result)
            if not reported:
                wrong.append(f"{operation_id}: returned {result!r:.80}")
        finally:
            faults.clear()
    assert checked >= 20, f"only {checked} writes found"
    assert not wrong, "\n".join(wrong)
