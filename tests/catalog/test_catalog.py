"""The operations catalog: metadata, derived schemas, validation and invocation."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from hirelink.core import AuthenticationError, InvalidInputError, NotFoundError
from hirelink.operations import (
    InputValidationError,
    UnknownOperationError,
    ainvoke,
    ainvoke_all,
    invoke,
    invoke_all,
    load_providers,
)
from hirelink.sandbox.join import JoinSandbox
from hirelink.sandbox.recruitee import RecruiteeSandbox

from .workflows import JOIN_STEPS, RECRUITEE_STEPS

CATALOG = load_providers()
ALL_OPERATIONS = CATALOG.operations()
STEPS = {
    operation_id: (inputs, check) for operation_id, inputs, check in RECRUITEE_STEPS + JOIN_STEPS
}


def test_every_operation_has_metadata_and_a_workflow_step() -> None:
    assert {o.id for o in ALL_OPERATIONS} == set(STEPS)
    for operation in ALL_OPERATIONS:
        assert operation.id == f"{operation.provider.name}.{operation.method}"
        assert operation.title
        assert operation.summary
        assert "\n" not in operation.summary
        assert operation.input_schema["type"] == "object"
        assert operation.output_schema, operation.id


def test_seed_titles_are_registered() -> None:
    titles = {o.title for o in CATALOG.operations("recruitee")}
    assert {"List Candidates", "Update Candidate"} <= titles


@pytest.mark.parametrize("operation", ALL_OPERATIONS, ids=lambda o: o.id)
def test_good_inputs_validate_and_bad_ones_are_all_reported(operation: Any) -> None:
    assert isinstance(operation.arguments(operation.example), dict)
    assert isinstance(operation.arguments(STEPS[operation.id][0]), dict)
    jsonschema.validate(operation.example, operation.input_schema)
    with pytest.raises(InputValidationError) as caught:
        operation.arguments({"no_such_input": 1, **{k: object() for k in operation.example}})
    fields = {problem.field for problem in caught.value.problems}
    assert "no_such_input" in fields
    assert set(operation.example) <= fields


def test_required_inputs_are_reported_missing() -> None:
    with pytest.raises(InputValidationError) as caught:
        CATALOG.get("recruitee.update_candidate").arguments({})
    assert [p.field for p in caught.value.problems] == ["candidate_id"]


def test_unknown_operation_suggests_close_ids() -> None:
    with pytest.raises(UnknownOperationError) as caught:
        CATALOG.get("recruitee.list_candidate")
    assert "recruitee.list_candidates" in caught.value.suggestions


def test_every_operation_runs_and_matches_its_output_schema(
    recruitee_sandbox: tuple[RecruiteeSandbox, dict[str, Any]],
) -> None:
    _, credential = recruitee_sandbox
    for operation_id, inputs, check in RECRUITEE_STEPS:
        result = invoke(operation_id, credential, inputs)
        assert check(result), operation_id
        json.dumps(result)  # JSON-ready
        schema = CATALOG.get(operation_id).output_schema
        jsonschema.validate(result, schema)


def test_every_join_operation_runs_and_matches_its_output_schema(
    join_sandbox: tuple[JoinSandbox, dict[str, Any]],
) -> None:
    sandbox, credential = join_sandbox
    for operation_id, inputs, check in JOIN_STEPS:
        result = invoke(operation_id, credential, inputs)
        assert check(result), operation_id
        jsonschema.validate(result, CATALOG.get(operation_id).output_schema)
    created = sandbox.state.application_ids()[0]
    assert sandbox.state.documents(created)[0].data == b"%PDF-1.7\n"


def test_join_documents_in_inputs_are_checked_before_sending(
    join_sandbox: tuple[JoinSandbox, dict[str, Any]], tmp_path: Any
) -> None:
    sandbox, credential = join_sandbox
    person = {"job_id": 8812345, "first_name": "A", "last_name": "B", "email": "a@b.org"}
    bad_documents: list[list[dict[str, Any]]] = [
        [{"type": "CV", "content": "JVBERi0xLjcK"}],  # no file name
        [{"type": "PHOTO", "file_name": "a.png", "content": "AAAA"}],
        [{"type": "CV", "file_name": "a.pdf", "content": "not base64!"}],
        [{"type": "CV", "file_name": "a.pdf", "content": ""}],
        [{"type": "CV", "path": str(tmp_path / "missing.pdf")}],
    ]
    for documents in bad_documents:
        with pytest.raises(InvalidInputError):
            invoke("join.create_application", credential, {**person, "documents": documents})
    assert sandbox.recorder.requests == []
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(b"%PDF-1.4 from a path")
    created = invoke(
        "join.create_application", credential, {**person, "documents": [{"path": str(cv)}]}
    )
    assert sandbox.state.documents(created["id"])[0].data == cv.read_bytes()


def test_no_request_is_sent_when_inputs_are_bad(
    recruitee_sandbox: tuple[RecruiteeSandbox, dict[str, Any]],
) -> None:
    sandbox, credential = recruitee_sandbox
    sandbox.recorder.clear()
    with pytest.raises(InputValidationError):
        invoke("recruitee.update_candidate", credential, {"candidate_id": "seven"})
    with pytest.raises(InputValidationError):
        invoke("recruitee.list_candidates", credential, {"qualified": False})
    assert sandbox.recorder.requests == []


def test_api_errors_come_through_typed(
    recruitee_sandbox: tuple[RecruiteeSandbox, dict[str, Any]],
) -> None:
    _, credential = recruitee_sandbox
    with pytest.raises(NotFoundError):
        invoke("recruitee.get_candidate", credential, {"candidate_id": 1})
    with pytest.raises(AuthenticationError):
        invoke("recruitee.list_offers", {**credential, "token": "not-the-token"}, {})


def test_invoke_all_walks_every_page(
    recruitee_sandbox: tuple[RecruiteeSandbox, dict[str, Any]],
) -> None:
    _, credential = recruitee_sandbox
    ids = [c["id"] for c in invoke_all("recruitee.list_candidates", credential, {"page_size": 40})]
    assert len(ids) == len(set(ids)) == 150


@pytest.mark.anyio
async def test_async_invocation(
    recruitee_sandbox: tuple[RecruiteeSandbox, dict[str, Any]],
) -> None:
    _, credential = recruitee_sandbox
    page = await ainvoke("recruitee.list_candidates", credential, {"limit": 3})
    assert len(page["candidates"]) == 3
    walked = [c async for c in ainvoke_all("recruitee.list_candidates", credential, {})]
    assert len(walked) == 150
