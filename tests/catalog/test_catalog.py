"""The operations catalog: metadata, derived schemas, validation and invocation."""

from __future__ import annotations

import base64
import inspect
import itertools
import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from typing import Any, get_args, get_type_hints

import jsonschema
import pytest

from hirelink.core import AuthenticationError, InvalidInputError, NotFoundError, Secret
from hirelink.operations import (
    FieldProblem,
    InputValidationError,
    UnknownOperationError,
    ainvoke,
    ainvoke_all,
    invoke,
    invoke_all,
    load_providers,
    registry,
)
from hirelink.sandbox import RecruiteeSandbox, StandIn, serve_stand_in
from hirelink.sandbox.faults import Fault

CATALOG = load_providers()
ALL_OPERATIONS = CATALOG.operations()


def test_the_exported_catalog_is_filled_at_its_first_use() -> None:
    """``CATALOG`` was empty until ``load_providers()``: ``get`` said there was no such
    operation, and ``operations()`` listed none (checked in a fresh interpreter)."""
    script = (
        "import json\n"
        "from hirelink.operations import CATALOG\n"
        "print(json.dumps([CATALOG.get('recruitee.list_candidates').title,"
        " len(CATALOG.operations()), sorted(p.name for p in CATALOG.providers())]))\n"
    )
    done = subprocess.run(  # noqa: S603  (our own script)
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    title, count, providers = json.loads(done.stdout)
    assert title == CATALOG.get("recruitee.list_candidates").title
    assert count == len(ALL_OPERATIONS)
    assert providers == sorted(p.name for p in CATALOG.providers())


def test_every_operation_has_metadata() -> None:
    assert ALL_OPERATIONS
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
    join_titles = {o.title for o in CATALOG.operations("join")}
    assert {
        "List Jobs",
        "Retrieve Job",
        "List Applications",
        "Retrieve Application",
        "Create Application",
        "Set Candidate Tags",
        "Create Candidate Note",
    } <= join_titles


@pytest.mark.parametrize("operation", ALL_OPERATIONS, ids=lambda o: o.id)
def test_good_inputs_validate_and_bad_ones_are_all_reported(operation: Any) -> None:
    assert isinstance(operation.arguments(operation.example), dict)
    jsonschema.validate(operation.example, operation.input_schema)
    with pytest.raises(InputValidationError) as caught:
        operation.arguments({"no_such_input": 1, **{k: object() for k in operation.example}})
    fields = {problem.field for problem in caught.value.problems}
    assert "no_such_input" in fields
    assert set(operation.example) <= fields


@pytest.mark.parametrize(
    ("operation_id", "inputs", "field"),
    [
        ("recruitee.get_candidate", {"candidate_id": "7730011"}, "candidate_id"),
        ("recruitee.get_candidate", {"candidate_id": 7730011.0}, "candidate_id"),
        ("recruitee.list_candidates", {"limit": "5"}, "limit"),
        ("recruitee.list_candidates", {"qualified": 1}, "qualified"),
        ("recruitee.list_candidates", {"sort": 1}, "sort"),
        (
            "recruitee.change_placement_stage",
            {"placement_id": 990014, "stage_id": 610003, "proceed": "no"},
            "proceed",
        ),
        (
            "recruitee.change_placement_stage",
            {"placement_id": 990014, "stage_id": 610003, "proceed": 0},
            "proceed",
        ),
        ("join.list_jobs", {"content": "yes"}, "content"),
        ("join.list_jobs", {"page_size": 20.0}, "page_size"),
    ],
)
def test_inputs_are_read_as_strictly_as_the_python_api_reads_arguments(
    operation_id: str, inputs: dict[str, Any], field: str
) -> None:
    """pydantic's lax mode sent "7730011" and 7730011.0 as an id, "no" and 0 as false and
    1 as true, which the Python API refuses."""
    with pytest.raises(InputValidationError) as caught:
        CATALOG.get(operation_id).arguments(inputs)
    assert [problem.field for problem in caught.value.problems] == [field]


def test_inputs_of_the_right_json_type_are_still_taken() -> None:
    operation = CATALOG.get("recruitee.list_candidates")
    assert operation.arguments({"limit": 5, "qualified": True})["qualified"] is True


def test_required_inputs_are_reported_missing() -> None:
    with pytest.raises(InputValidationError) as caught:
        CATALOG.get("recruitee.update_candidate").arguments({})
    assert [p.field for p in caught.value.problems] == ["candidate_id"]


def test_every_optional_input_of_a_field_table_is_described() -> None:
    """An agent reads what an input means from the schema: each field of a ``**fields``
    table carries the docstring written under it (inherited ones included)."""
    undocumented = [
        (operation.id, name)
        for operation in CATALOG.operations()
        for name, spec in operation.input_schema["properties"].items()
        if name in _table_fields(operation) and not spec.get("description")
    ]
    assert undocumented == []
    applications = CATALOG.get("personio.list_applications").input_schema["properties"]
    assert applications["updated_after"]["description"].startswith("Only records updated after")
    partner = CATALOG.get("recruitee_partners.update_partner").input_schema["properties"]
    assert partner["logo"]["description"] == "Address of the logo image."  # from its base


def _table_fields(operation: Any) -> set[str]:
    method = registry._builder(operation.provider.client_class, operation.method)
    hints = get_type_hints(method)
    tables = [
        get_args(hints[p.name])[0]
        for p in inspect.signature(method).parameters.values()
        if p.kind is inspect.Parameter.VAR_KEYWORD
    ]
    return {field for table in tables for field in get_type_hints(table)}


def test_unknown_operation_suggests_close_ids() -> None:
    with pytest.raises(UnknownOperationError) as caught:
        CATALOG.get("recruitee.list_candidate")
    assert "recruitee.list_candidates" in caught.value.suggestions
    with pytest.raises(UnknownOperationError) as caught:
        CATALOG.get("foo")
    assert caught.value.suggestions == []
    assert "hirelink ops list" in str(caught.value)  # where to look instead


def test_every_example_runs_and_matches_its_output_schema(
    stand_ins: dict[str, dict[str, Any]],
) -> None:
    """The declared examples of a provider, one after another as the demo runs them."""
    issued: list[tuple[str, Secret]] = []
    for provider, credential in stand_ins.items():
        issued_before = len(issued)  # another provider's secret is no field of this one
        for operation in CATALOG.operations(provider):
            result = invoke(
                operation.id,
                credential,
                operation.example,
                on_secret=lambda name, secret: issued.append((name, secret)),
            )
            if len(issued) > issued_before:  # a new partner secret: later calls need it
                credential = {**credential, issued[-1][0]: issued[-1][1]}
            shown = json.dumps(result)  # JSON-ready
            assert all(secret.reveal() not in shown for _, secret in issued), operation.id
            jsonschema.validate(result, operation.output_schema)
    # create_partner's answer and regenerate_partner_secret each issue a partner secret
    assert [name for name, _ in issued] == ["partner_secret", "partner_secret"]
    assert all(isinstance(secret, Secret) for _, secret in issued)


@pytest.mark.parametrize("operation_id", ["regenerate_partner_secret", "create_partner"])
def test_an_operation_issuing_a_secret_with_nothing_to_keep_it_is_refused_unsent(
    operation_id: str,
) -> None:
    """Run without on_secret, the new partner secret was thrown away (the output masks
    it) and the old one retired: every report after it was refused."""
    operation = CATALOG.get(f"recruitee_partners.{operation_id}")
    with serve_stand_in("recruitee_partners") as stand_in:
        stand_in.sandbox.recorder.clear()
        with pytest.raises(InvalidInputError) as caught:
            invoke(operation.id, stand_in.details, operation.example)
        assert stand_in.sandbox.recorder.requests == []
    assert caught.value.field == "on_secret"
    assert "partner_secret" in str(caught.value)


def test_a_number_json_cannot_hold_comes_out_as_null() -> None:
    """A provider's NaN (which hirelink reads) was printed as NaN: no JSON parser but
    Python's takes it."""
    with serve_stand_in("recruitee") as stand_in:
        body: dict[str, object] = {"offer": {"id": 31337, "title": "Nurse", "score": float("nan")}}
        stand_in.sandbox.faults.add(
            Fault(method="GET", path=r"/offers/31337$", status=200, body=body)
        )
        out = invoke("recruitee.get_offer", stand_in.details, {"offer_id": 31337})
    assert json.loads(json.dumps(out, allow_nan=False))["score"] is None


def test_files_travel_as_base64_and_arrive_as_bytes(stand_ins: dict[str, dict[str, Any]]) -> None:
    operation = CATALOG.get("join.create_application")
    arguments = operation.arguments(operation.example)
    (document,) = arguments["documents"]
    assert document.file.startswith(b"%PDF-1.4")
    with pytest.raises(InputValidationError) as caught:
        operation.arguments(
            {
                **operation.example,
                "documents": [{"type": "CV", "filename": "x.pdf", "content": "not base64!"}],
            }
        )
    assert caught.value.problems[0].field.startswith("documents.0")
    with pytest.raises(InputValidationError) as wrong_type:
        operation.arguments(
            {
                **operation.example,
                "email": 7,
                "documents": [{"type": "PASSPORT", "filename": "x.pdf", "content": "JVBERi0="}],
            }
        )
    fields = {problem.field for problem in wrong_type.value.problems}
    assert fields == {"email", "documents.0.type"}


def test_a_document_without_a_type_takes_the_providers_default(
    stand_ins: dict[str, dict[str, Any]],
) -> None:
    """The descriptions said Personio's default is ``other`` (JOIN's ``CV``), as in the
    Python API, but the catalog required ``type``."""
    pdf = base64.b64encode(b"%PDF-1.4 cv").decode()
    created = invoke(
        "personio.create_application",
        stand_ins["personio"],
        {
            **CATALOG.get("personio.create_application").example,
            "email": "untyped.document@applicants.example",
            "documents": [{"filename": "cv.pdf", "content": pdf}],
        },
    )
    assert [file["category"] for file in created["files"]] == ["other"]
    join = CATALOG.get("join.create_application")
    (document,) = join.arguments(
        {**join.example, "documents": [{"filename": "cv.pdf", "content": pdf}]}
    )["documents"]
    assert document.type is None  # JOIN's wrapper sends CV for it
    with pytest.raises(InputValidationError) as caught:
        invoke("recruitee.list_candidates", stand_ins["recruitee"], '{"limit": 1}')  # type: ignore[arg-type]
    assert caught.value.problems == [
        FieldProblem("inputs", "must be an object of named inputs, got JSON text: decode it first")
    ]


@pytest.mark.parametrize(
    "content",
    [
        "data:application/pdf;base64,JVBERi0xLjQ=",  # what a browser's readAsDataURL gives
        base64.urlsafe_b64encode(b"%PDF-1.4\xfb\xff\xfe").decode(),  # base64url: - and _
        "JVBERi0xLjQ",  # cut short: padding missing
    ],
)
def test_a_file_not_in_standard_base64_is_refused_not_uploaded_as_other_bytes(
    content: str,
) -> None:
    for name, path in (("join.create_application", "documents.0.content"),
                       ("personio.upload_document", "file")):  # fmt: skip
        operation = CATALOG.get(name)
        given = {**operation.example}
        if name == "join.create_application":
            given["documents"] = [{"type": "CV", "filename": "cv.pdf", "content": content}]
        else:
            given["file"] = content
        with pytest.raises(InputValidationError) as caught:
            operation.arguments(given)
        (problem,) = caught.value.problems
        assert problem.field == path
        assert "not standard base64" in problem.message


def test_base64_with_line_breaks_reads_and_personio_needs_a_filename() -> None:
    operation = CATALOG.get("personio.upload_document")
    wrapped = base64.encodebytes(b"%PDF-1.4" * 20).decode()  # MIME: a break every 76
    assert "\n" in wrapped
    assert operation.arguments({**operation.example, "file": wrapped})["file"] == b"%PDF-1.4" * 20
    assert "filename" in operation.input_schema["required"]
    without = {k: v for k, v in operation.example.items() if k != "filename"}
    with pytest.raises(InputValidationError) as caught:
        operation.arguments(without)
    assert [problem.field for problem in caught.value.problems] == ["filename"]


def test_no_request_is_sent_when_inputs_are_bad(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    sandbox, credential = recruitee_sandbox.sandbox, recruitee_sandbox.client_kwargs()
    sandbox.recorder.clear()
    with pytest.raises(InputValidationError):
        invoke("recruitee.update_candidate", credential, {"candidate_id": "seven"})
    with pytest.raises(InputValidationError):
        invoke("recruitee.list_candidates", credential, {"qualified": False})
    assert sandbox.recorder.requests == []


@pytest.mark.parametrize(
    ("operation_id", "inputs", "field"),
    [
        (
            "recruitee.create_task",
            {"candidate_id": 7730011, "title": "T", "due_date": 20260115},
            "due_date",
        ),
        (
            "recruitee.create_task",
            {"candidate_id": 7730011, "title": "T", "due_date": "0"},
            "due_date",
        ),
        ("recruitee.list_candidates", {"created_after": 20250301}, "created_after"),
        (
            "recruitee.create_task",
            {"candidate_id": 7730011, "title": "T", "due_date": "1.7772e9"},
            "due_date",
        ),
    ],
)
def test_a_number_for_a_date_is_refused_not_read_as_a_unix_time(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
    operation_id: str,
    inputs: dict[str, Any],
    field: str,
) -> None:
    """A task due "20260115" was created due 1970-08-23, and a list filtered by it
    returned everything since 1970."""
    sandbox, credential = recruitee_sandbox.sandbox, recruitee_sandbox.client_kwargs()
    sandbox.recorder.clear()
    with pytest.raises(InputValidationError) as caught:
        invoke(operation_id, credential, inputs)
    [problem] = caught.value.problems
    assert problem.field == field
    assert problem.message.startswith("a number is not read as a date")  # no pydantic prefix
    assert str(caught.value) == f"{field}: {problem.message}"  # the field named once
    assert sandbox.recorder.requests == []


TASK = {"candidate_id": 7730011, "title": "Review"}


def test_a_day_given_to_a_date_or_datetime_input_goes_out_as_that_day(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    """pydantic's smart mode read "2026-04-01" as a datetime at midnight, so the wrapper
    sent a time where the input takes a day."""
    sandbox, credential = recruitee_sandbox.sandbox, recruitee_sandbox.client_kwargs()
    inputs = {"placement_id": 990014, "stage_id": 610003, "job_starts_at": "2026-04-01"}
    invoke("recruitee.change_placement_stage", credential, inputs)
    sent = sandbox.recorder.last("PATCH", "/change_stage")
    assert sent is not None
    assert sent.json()["job_starts_at"] == "2026-04-01"
    with pytest.raises(InputValidationError) as caught:
        invoke("recruitee.list_candidates", credential, {"created_after": True})
    assert "number" not in caught.value.problems[0].message  # a boolean is not called one
    # A moment that is wrong is told what is wrong with it, not that it is no day.
    with pytest.raises(InputValidationError) as caught:
        invoke("recruitee.create_task", credential, {**TASK, "due_date": "2026-02-30T09:00:00Z"})
    assert "day value is outside expected range" in caught.value.problems[0].message
    # Text that reads as a midnight stays text where an input takes text or a day.
    field = {"candidate_id": 7730011, "name": "Checked at", "value": "2026-04-01T00:00:00Z"}
    invoke("recruitee.set_candidate_field", credential, field)
    stored = sandbox.recorder.last("POST", "/custom_fields")
    assert stored is not None
    assert stored.json()["field"]["kind"] != "date"
    # A midnight with its offset stays a moment: read as a day, it lost its offset.
    moment = {**inputs, "hired_at": "2026-04-01T00:00:00+02:00"}
    invoke("recruitee.change_placement_stage", credential, moment)
    sent = sandbox.recorder.last("PATCH", "/change_stage")
    assert sent is not None
    assert sent.json()["hired_at"] == "2026-03-31T22:00:00+00:00"


def test_a_date_in_a_mapping_of_inputs_is_read_as_a_date(
    personio_sandbox: StandIn[Any],
) -> None:
    """Personio's attributes hold text or dates: a birthday written as a date was refused
    as "not a date", while a number went through as a Unix time."""
    served = personio_sandbox  # a stand-in of its own: it submits an application
    inputs = {
        "job_position_id": 1874512,
        "first_name": "Lena",
        "last_name": "Vogt",
        "email": "lena.birthday@example.org",
        "attributes": {"birthday": "1994-08-21", "phone": "+49 30 1234567"},
    }
    invoke("personio.create_application", served.details, inputs)
    sent = served.sandbox.recorder.last("POST", "/v1/recruiting/applications")
    assert sent is not None
    assert {"id": "birthday", "value": "1994-08-21"} in sent.json()["attributes"]
    with pytest.raises(InputValidationError) as caught:
        invoke(
            "personio.create_application",
            served.details,
            {**inputs, "attributes": {"birthday": 777427200}},
        )
    assert [problem.field for problem in caught.value.problems] == ["attributes.birthday"]


def test_an_input_that_is_not_one_is_named_as_given_with_the_nearest() -> None:
    """A key with "-" or named like a type was reported as "inputs: Extra inputs are not
    permitted", without its name, and several such keys as one problem."""
    catalog = load_providers()
    with pytest.raises(InputValidationError) as caught:
        catalog.get("recruitee.list_candidates").arguments(
            {"created-after": "2026-01-01", "str": 1, "limitt": 5}
        )
    assert {(p.field, p.message) for p in caught.value.problems} == {
        ("created-after", "not an input of this operation (did you mean created_after?)"),
        ("str", "not an input of this operation"),
        ("limitt", "not an input of this operation (did you mean limit?)"),
    }
    document = {"type": "cv", "filename": "cv.pdf", "content": "JVBERi0xLjQK", "mime-type": "x"}
    inputs = {
        "job_position_id": 1874512,
        "first_name": "Lena",
        "last_name": "Vogt",
        "email": "lena@example.org",
        "documents": [document],
    }
    with pytest.raises(InputValidationError) as caught:
        catalog.get("personio.create_application").arguments(inputs)
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("documents.0.mime-type", "not a member of documents")
    ]


def test_api_errors_come_through_typed(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    credential = recruitee_sandbox.client_kwargs()
    with pytest.raises(NotFoundError):
        invoke("recruitee.get_candidate", credential, {"candidate_id": 1})
    with pytest.raises(AuthenticationError):
        invoke("recruitee.list_offers", {**credential, "token": "not-the-token"}, {})


def test_every_walked_item_matches_the_item_schema(
    stand_ins: dict[str, dict[str, Any]],
) -> None:
    """``--all`` yields items, which ``output_schema`` (a page) does not describe; a
    workflow engine had no schema for them."""
    walked = []
    for operation in CATALOG.operations():
        if operation.all_item_schema is None:
            assert operation.iter_method is None
            continue
        takes = (operation.all_input_schema or {}).get("properties", {})
        inputs = {k: v for k, v in operation.example.items() if k in takes}
        items = itertools.islice(
            invoke_all(operation.id, stand_ins[operation.provider.name], inputs), 3
        )
        for item in items:
            jsonschema.validate(item, operation.all_item_schema)
            walked.append(operation.id)
    assert len(set(walked)) >= 6, walked


def test_invoke_all_walks_every_page(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    credential = recruitee_sandbox.client_kwargs()
    ids = [c["id"] for c in invoke_all("recruitee.list_candidates", credential, {"page_size": 40})]
    assert len(ids) == len(set(ids)) == 150


@pytest.mark.anyio
async def test_async_invocation(
    recruitee_sandbox: StandIn[RecruiteeSandbox],
) -> None:
    credential = recruitee_sandbox.client_kwargs()
    page = await ainvoke("recruitee.list_candidates", credential, {"limit": 3})
    assert len(page["candidates"]) == 3
    walked = [c async for c in ainvoke_all("recruitee.list_candidates", credential, {})]
    assert len(walked) == 150


def test_a_credential_is_used_as_given_never_completed_from_client_variables(
    stand_ins: dict[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another account's ``HIRELINK_PERSONIO_*`` variables (the token decides which company
    answers) must not fill in what a stored or passed credential lacks."""
    full = stand_ins["personio"]
    for field in ("client_id", "client_secret"):
        monkeypatch.setenv(f"HIRELINK_PERSONIO_{field.upper()}", str(full[field]))
    partial = {k: v for k, v in full.items() if k not in ("client_id", "client_secret")}
    with pytest.raises(InvalidInputError) as caught:
        invoke("personio.list_categories", partial, {})
    assert "client_id" in str(caught.value)
    assert invoke("personio.list_categories", full, {})  # the full credential still works
    from hirelink.personio import Personio

    with Personio(**partial) as direct:  # passed the other kind: these are not read either
        assert direct.credentials.client_id is None
    no_api_credential = {
        k: v for k, v in partial.items() if k not in ("company_id", "recruiting_token")
    }
    with Personio(**no_api_credential) as direct:  # passed none: the variables are read
        assert direct.list_categories()


def test_webhook_secrets_a_personio_answer_echoes_are_withheld_from_catalog_output() -> None:
    token, header_value = "whk-echo-5c8e1a7d", "hdr-echo-0f4b93e6"
    webhook_id = "0b7e6a52-8f0e-4c31-9d2a-5e1f3c7b9a10"
    echoing = {
        "id": webhook_id,
        "url": "https://hooks.example.org/x",
        "auth_type": "TOKEN",
        "token": token,
        "custom_headers": [{"name": "X-Key", "value": header_value}],
    }
    with serve_stand_in("personio") as stand_in:
        stand_in.faults.add(
            Fault(method="GET", path=r"/v2/webhooks$", status=200, body={"_data": [echoing]})
        )
        shown = json.dumps(invoke("personio.list_webhooks", stand_in.details, {}))
    assert webhook_id in shown
    assert token not in shown
    assert header_value not in shown


def test_a_moment_written_without_an_offset_is_utc() -> None:
    # The Python API refuses a naive datetime; text given to the catalog (and the CLI's
    # key=value) names no zone more often than not, and is UTC as documented.
    with serve_stand_in("join") as stand_in:
        credential = stand_in.client_kwargs()

        def ids(created_after: str) -> list[int]:
            listed = invoke("join.list_applications", credential, {"created_after": created_after})
            return [application["id"] for application in listed]

        some = ids("2026-02-05T00:00:00Z")
        assert 0 < len(some) < len(ids("2000-01-01T00:00:00Z"))
        assert ids("2026-02-05T00:00:00") == some
        assert ids("2026-02-05T05:00:00+05:00") == some


def test_a_datetime_object_without_a_time_zone_is_refused_as_by_the_python_api() -> None:
    # A workflow engine passing Python values gave datetime.now(), the host's local time:
    # read as UTC, the filter was the host's offset off (5h45 in Kathmandu), in silence.
    local_now = datetime(2026, 2, 5, 9, 0)
    with serve_stand_in("join") as stand_in:
        credential = stand_in.client_kwargs()
        with pytest.raises(InputValidationError) as caught:
            invoke("join.list_applications", credential, {"updated_after": local_now})
        assert stand_in.hits("GET", "/applications") == 0
        aware = local_now.replace(tzinfo=UTC)
        listed = invoke("join.list_applications", credential, {"updated_after": aware})
        assert listed == invoke(
            "join.list_applications", credential, {"updated_after": "2026-02-05T09:00:00Z"}
        )
        with stand_in.client() as join, pytest.raises(InvalidInputError) as python_api:
            join.list_applications(updated_after=local_now)
    ((field, message),) = [(p.field, p.message) for p in caught.value.problems]
    assert field == "updated_after"
    assert str(python_api.value) == f"updated_after: {message}"  # word for word
    report = CATALOG.get("recruitee_partners.update_report")  # a datetime alone, no date
    with pytest.raises(InputValidationError) as completed:
        report.arguments({"report_id": str(uuid.uuid4()), "completed_at": local_now})
    assert [p.field for p in completed.value.problems] == ["completed_at"]
    assert "has no time zone" in str(completed.value)


def test_a_personio_document_uploaded_before_is_attached_by_its_uuid(
    personio_sandbox: StandIn[Any],
) -> None:
    """After a submission failed, its note names the uploads kept: the catalog (and so the
    command) attaches them by uuid, as the Python API does, instead of uploading again."""
    served = personio_sandbox
    credential = served.details
    pdf = base64.b64encode(b"%PDF-1.7\n%%EOF\n").decode()
    uploaded = invoke("personio.upload_document", credential, {"file": pdf, "filename": "cv.pdf"})
    assert set(uploaded) >= {"uuid", "original_filename"}
    stored = {"type": "cv", **{key: uploaded[key] for key in ("uuid", "original_filename")}}
    inputs = {
        "job_position_id": 1874512,
        "first_name": "Lena",
        "last_name": "Vogt",
        "email": "lena.stored@example.org",
        "documents": [stored],
    }
    invoke("personio.create_application", credential, inputs)
    assert served.hits("POST", "/documents") == 1  # attached, not uploaded again
    sent = served.sandbox.recorder.last("POST", "/v1/recruiting/applications")
    assert sent is not None
    assert sent.json()["files"] == [
        {"uuid": uploaded["uuid"], "original_filename": "cv.pdf", "category": "cv"}
    ]
    operation = CATALOG.get("personio.create_application")
    with pytest.raises(InputValidationError) as caught:
        operation.arguments({**inputs, "documents": [{"type": "cv", "uuid": "not-a-uuid"}]})
    assert sorted(problem.field for problem in caught.value.problems) == [
        "documents.0.original_filename",
        "documents.0.uuid",
    ]


def test_output_schemas_without_their_spec_say_so_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """From a zip or a frozen application without the clients' spec/ files, the schemas
    quietly lost their descriptions, required fields and sources."""
    from hirelink.api.recruitee.models import Offer
    from hirelink.operations import registry
    from hirelink.operations.schema import OutputSchemas

    def no_spec(name: str) -> Any:
        raise FileNotFoundError(f"OpenAPI document {name}.yaml not found (a zip)")

    monkeypatch.setattr(registry, "spec_path", no_spec)
    registry._spec_missing.cache_clear()
    schemas = OutputSchemas(registry._spec_for_module)
    for _ in range(2):
        assert "x-hirelink-source" not in schemas.of(Offer)  # the poorer fallback
    said = [r.getMessage() for r in caplog.records if r.name == "hirelink.operations"]
    assert said == [
        "OpenAPI document recruitee.yaml not found (a zip): output schemas are read from the"
        " Python classes instead (an application frozen or zipped without the generated"
        " clients' spec/ files?)"
    ]
    registry._spec_missing.cache_clear()


@pytest.mark.anyio
@pytest.mark.parametrize("named", ["personio", "JOIN", "tok 3f9a", "sk_live_4eC39HqLyjWD"])
async def test_a_credential_naming_another_provider_is_refused_before_anything_is_sent(
    named: str,
) -> None:
    """A ``provider`` key was dropped unread: a credential filed under Personio (a
    mislabelled entry, another tenant's) ran JOIN's operations with JOIN's values."""
    with serve_stand_in("join") as join:
        credential = {**join.details, "provider": named}
        refused: list[InvalidInputError] = []
        for run_one in (
            lambda: invoke("join.list_jobs", credential, {}),
            lambda: list(invoke_all("join.list_jobs", credential, {})),
        ):
            with pytest.raises(InvalidInputError) as caught:
                run_one()
            refused.append(caught.value)
        with pytest.raises(InvalidInputError) as caught:
            await ainvoke("join.list_jobs", credential, {})
        refused.append(caught.value)
        with pytest.raises(InvalidInputError) as caught:
            [job async for job in ainvoke_all("join.list_jobs", credential, {})]
        refused.append(caught.value)
        assert join.sandbox.recorder.requests == []
    shown = f"provider {named!r}" if named in ("personio", "JOIN") else "another provider"
    for error in refused:
        assert error.field == "credential.provider"
        assert error.message == (
            f"the credential names {shown}, but join operations take a join credential"
        )
    assert named not in str(refused[0]) or shown != "another provider"  # perhaps a secret


@pytest.mark.parametrize("named", [None, "", "join"])
def test_a_provider_key_left_empty_or_naming_the_operations_provider_is_accepted(
    named: str | None,
) -> None:
    """None or "" count as not given, as for every other key (a nullable column)."""
    with serve_stand_in("join") as join:
        jobs = invoke("join.list_jobs", {**join.details, "provider": named}, {})
    assert jobs
    assert all(job["id"] for job in jobs)


def test_a_credential_key_that_is_no_field_is_refused_before_anything_is_sent() -> None:
    """Dropped without a word, a misspelt ``baseUrl`` (or 0.1's ``api_base_url``) sent the
    credential, its secret with it, to the provider's production API."""
    with serve_stand_in("join") as join:
        typo = {"token": join.details["token"], "baseUrl": join.details["base_url"]}
        with pytest.raises(InvalidInputError) as caught:
            invoke("join.list_categories", typo, {})
        assert caught.value.field == "credential.baseUrl"
        assert "join credentials have base_url, token" in str(caught.value)
        assert invoke("join.list_categories", {**join.details, "provider": "join"}, {})
    assert len(join.sandbox.recorder.requests) == 1  # the call with the right key alone
    with serve_stand_in("personio") as personio:
        kept_from_0_1 = {**personio.details, "api_base_url": personio.details["base_url"]}
        del kept_from_0_1["base_url"]
        with pytest.raises(InvalidInputError) as caught:
            invoke("personio.list_categories", kept_from_0_1, {})
        assert caught.value.field == "credential.api_base_url"
        assert "renamed 'base_url'" in str(caught.value)
        assert personio.sandbox.recorder.requests == []


@pytest.mark.parametrize(
    ("operation_id", "old", "new"),
    [
        ("join.create_candidate_note", "content", "body"),
        ("join.list_applications", "updated_since", "updated_after"),
        ("personio.get_job", "job_id", "job_position_id"),
    ],
)
def test_an_input_renamed_since_0_1_is_refused_naming_its_new_name(
    operation_id: str, old: str, new: str
) -> None:
    """The Python methods said so; the catalog said only "not an input" (upgrade hunt)."""
    provider = operation_id.partition(".")[0]
    with serve_stand_in(provider) as stand_in:  # type: ignore[call-overload]
        with pytest.raises(InputValidationError) as refused:
            invoke(operation_id, stand_in.details, {old: "2026-01-01"})
        assert stand_in.sandbox.recorder.requests == []
    problems = {problem.field: problem.message for problem in refused.value.problems}
    assert (
        problems[old] == f"not an input of this operation: it was renamed {new!r} in hirelink 0.2"
    )
