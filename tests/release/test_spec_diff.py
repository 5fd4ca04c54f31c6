"""The spec diff: what counts as breaking, which bump it needs, and the CI baseline rule."""

from __future__ import annotations

import copy
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.release import spec_diff
from tools.release.spec_diff import Bump, Kind, compare, judge, needed_bump, taken_bump

# Release tooling and the Quick start do not depend on the interpreter the suite runs on:
# they run once, on the primary one (see the `tests` session).
pytestmark = pytest.mark.primary_only

Doc = dict[str, Any]


def make_spec(version: str = "0.1.0") -> Doc:
    """A small OpenAPI 3.1 document with the shapes the real specs use."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Mini", "version": version},
        "paths": {
            "/c/{company_id}/candidates": {
                "parameters": [{"$ref": "#/components/parameters/CompanyId"}],
                "get": {
                    "operationId": "listCandidates",
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        {
                            "name": "sort",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["by_date", "by_name"]},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/CandidateList"}
                                }
                            },
                        },
                        "404": {"description": "not found"},
                    },
                },
                "post": {
                    "operationId": "createCandidate",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/NewCandidate"}
                            }
                        },
                    },
                    "responses": {"201": {"description": "created"}},
                },
            }
        },
        "components": {
            "parameters": {
                "CompanyId": {
                    "name": "company_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer"},
                }
            },
            "schemas": {
                "CandidateList": {
                    "type": "object",
                    "required": ["candidates"],
                    "properties": {
                        "candidates": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Candidate"},
                        }
                    },
                },
                "Candidate": {
                    "type": "object",
                    "required": ["id", "name"],
                    "properties": {
                        "id": {"type": "integer"},
                        "name": {"type": "string"},
                        "status": {"type": "string", "enum": ["new", "hired"]},
                        "office": {
                            "anyOf": [{"$ref": "#/components/schemas/Office"}, {"type": "null"}]
                        },
                        "referrer": {"$ref": "#/components/schemas/Candidate"},  # recursive
                    },
                },
                "Office": {"type": "object", "properties": {"city": {"type": "string"}}},
                "NewCandidate": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "maxLength": 200},
                        "phone": {"type": ["string", "null"]},
                        "source": {"type": "string", "enum": ["web", "referral"]},
                    },
                },
            },
        },
    }


def changed(edit: Callable[[Doc], None], version: str = "0.1.0") -> tuple[Doc, Doc]:
    old = make_spec()
    new = copy.deepcopy(old)
    edit(new)
    new["info"]["version"] = version
    return old, new


def kinds(edit: Callable[[Doc], None]) -> set[Kind]:
    return {change.kind for change in compare(*changed(edit))}


def schemas(doc: Doc) -> dict[str, Any]:
    return dict(doc["components"]["schemas"])


def list_op(doc: Doc) -> dict[str, Any]:
    return dict(doc["paths"]["/c/{company_id}/candidates"]["get"])


def test_identical_documents_have_no_changes() -> None:
    assert compare(make_spec(), make_spec()) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        pytest.param(
            lambda d: d["paths"]["/c/{company_id}/candidates"].pop("post"),
            "(createCandidate): operation removed",
            id="operation removed",
        ),
        pytest.param(
            lambda d: list_op(d)["parameters"].pop(0),
            "query parameter limit: removed",
            id="parameter removed",
        ),
        pytest.param(
            lambda d: list_op(d)["parameters"].append(
                {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}}
            ),
            "query parameter q: added (required)",
            id="required parameter added",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["required"].append("phone"),
            "request body.phone: now required",
            id="request property now required",
        ),
        pytest.param(
            lambda d: (
                schemas(d)["NewCandidate"]["properties"].update(email={"type": "string"})
                or schemas(d)["NewCandidate"]["required"].append("email")
            ),
            "request body.email: property added (required)",
            id="required request property added",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["properties"]["phone"].update(type="string"),
            "request body.phone: type narrowed: [null, string] -> [string]",
            id="request type narrowed",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["properties"]["source"].update(enum=["web"]),
            'request body.source: enum narrowed: removed "referral"',
            id="request enum narrowed",
        ),
        pytest.param(
            lambda d: list_op(d)["parameters"][1]["schema"].update(enum=["by_date"]),
            "query parameter sort: enum narrowed",
            id="parameter enum narrowed",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["properties"]["name"].update(maxLength=100),
            "request body.name: maxLength narrowed to 100",
            id="request bound narrowed",
        ),
        pytest.param(
            lambda d: schemas(d)["Candidate"]["properties"].pop("status"),
            "response 200.candidates[].status: property removed",
            id="response property removed",
        ),
        pytest.param(
            lambda d: schemas(d)["Office"]["properties"].pop("city"),
            "response 200.candidates[].office.city: property removed",
            id="property removed behind a nullable anyOf",
        ),
        pytest.param(
            lambda d: schemas(d)["Candidate"]["properties"]["id"].update(type=["integer", "null"]),
            "response 200.candidates[].id: type widened",
            id="response type widened",
        ),
        pytest.param(
            lambda d: schemas(d)["Candidate"]["required"].remove("name"),
            "response 200.candidates[].name: now optional: no longer always present",
            id="response property no longer always present",
        ),
        pytest.param(
            lambda d: list_op(d)["responses"].pop("200"),
            "response 200: response removed",
            id="success response removed",
        ),
    ],
)
def test_breaking_changes(edit: Callable[[Doc], None], expected: str) -> None:
    changes = compare(*changed(edit))
    breaking = [str(c) for c in changes if c.kind is Kind.BREAKING]
    assert any(expected in line for line in breaking), changes


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(
            lambda d: list_op(d)["parameters"].append(
                {"name": "q", "in": "query", "schema": {"type": "string"}}
            ),
            id="optional parameter added",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["properties"].update(email={"type": "string"}),
            id="optional request property added",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["required"].clear(),
            id="request property now optional",
        ),
        pytest.param(
            lambda d: schemas(d)["NewCandidate"]["properties"]["source"]["enum"].append("agency"),
            id="request enum widened",
        ),
        pytest.param(
            lambda d: schemas(d)["Candidate"]["properties"]["status"]["enum"].append("rejected"),
            id="response enum value added (open enums)",
        ),
        pytest.param(
            lambda d: schemas(d)["Candidate"]["properties"].update(tags={"type": "array"}),
            id="response property added",
        ),
        pytest.param(
            lambda d: d["paths"].update(
                {"/offers": {"get": {"responses": {"200": {"description": "ok"}}}}}
            ),
            id="operation added",
        ),
    ],
)
def test_features_are_not_breaking(edit: Callable[[Doc], None]) -> None:
    assert kinds(edit) == {Kind.FEATURE}


def test_description_change_is_other() -> None:
    assert kinds(lambda d: d["info"].update(description="More words.")) == {Kind.OTHER}


def test_renamed_path_parameter_is_the_same_operation() -> None:
    def rename(doc: Doc) -> None:
        paths = doc["paths"]
        paths["/c/{company}/candidates"] = paths.pop("/c/{company_id}/candidates")

    assert Kind.BREAKING not in kinds(rename)


def test_all_of_members_are_compared() -> None:
    def split_candidate(doc: Doc) -> None:
        candidate = schemas(doc)["Candidate"]
        doc["components"]["schemas"]["Candidate"] = {
            "allOf": [
                {"type": "object", "properties": {"id": candidate["properties"].pop("id")}},
                candidate,
            ]
        }

    old, new = make_spec(), make_spec()
    split_candidate(old)
    split_candidate(new)
    assert compare(old, new) == []
    assert [c.kind for c in compare(make_spec(), new)] == [Kind.OTHER]  # same API, reshaped
    schemas(new)["Candidate"]["allOf"][0]["properties"].pop("id")
    changes = [str(c) for c in compare(old, new)]
    assert "breaking: GET /c/{company_id}/candidates (listCandidates) response 200" in changes[0]
    assert changes[0].endswith("candidates[].id: property removed")


def test_webhooks_flip_direction() -> None:
    """A webhook body is sent to us: a new required property there is not breaking."""

    def with_webhook(required: list[str]) -> Doc:
        doc = make_spec()
        body = {
            "type": "object",
            "required": required,
            "properties": {"id": {"type": "integer"}, "extra": {"type": "string"}},
        }
        doc["webhooks"] = {
            "candidate": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        }
        return doc

    more_required = compare(with_webhook(["id"]), with_webhook(["id", "extra"]))
    assert {c.kind for c in more_required} == {Kind.OTHER}
    fewer_required = compare(with_webhook(["id"]), with_webhook([]))
    assert {c.kind for c in fewer_required} == {Kind.BREAKING}


@pytest.mark.parametrize(
    ("kind", "version", "bump"),
    [
        (Kind.BREAKING, "0.3.1", Bump.MINOR),
        (Kind.FEATURE, "0.3.1", Bump.PATCH),
        (Kind.OTHER, "0.3.1", Bump.PATCH),
        (Kind.BREAKING, "1.2.0", Bump.MAJOR),
        (Kind.FEATURE, "1.2.0", Bump.MINOR),
        (Kind.OTHER, "1.2.0", Bump.PATCH),
    ],
)
def test_needed_bump(kind: Kind, version: str, bump: Bump) -> None:
    assert needed_bump(kind, version) is bump


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [
        ("0.1.0", "0.1.0", Bump.NONE),
        ("0.1.0", "0.1.1", Bump.PATCH),
        ("0.1.4", "0.2.0", Bump.MINOR),
        ("0.9.0", "1.0.0", Bump.MAJOR),
        ("1.2", "1.2.1", Bump.PATCH),
        ("1.2.3", "1.2.2", None),
    ],
)
def test_taken_bump(old: str, new: str, bump: Bump | None) -> None:
    assert taken_bump(old, new) is bump


def verdict_problem(edit: Callable[[Doc], None], version: str) -> str | None:
    old, new = changed(edit, version)
    return judge("mini.yaml", yaml.safe_dump(old), yaml.safe_dump(new)).problem


def remove_post(doc: Doc) -> None:
    doc["paths"]["/c/{company_id}/candidates"].pop("post")


def add_optional_param(doc: Doc) -> None:
    list_op(doc)["parameters"].append({"name": "q", "in": "query", "schema": {"type": "string"}})


def test_breaking_change_without_bump_fails() -> None:
    assert verdict_problem(remove_post, "0.1.0") is not None
    problem = verdict_problem(remove_post, "0.1.1")
    assert problem is not None
    assert "at least a minor bump" in problem


def test_breaking_change_with_bump_passes() -> None:
    assert verdict_problem(remove_post, "0.2.0") is None
    assert verdict_problem(remove_post, "1.0.0") is None


def test_non_breaking_change_without_bump_passes() -> None:
    assert verdict_problem(add_optional_param, "0.1.0") is None


def test_version_going_backwards_fails() -> None:
    problem = verdict_problem(lambda d: None, "0.0.9")
    assert problem is not None
    assert "backwards" in problem


# --- the CI rule, on a throwaway git repository ---------------------------------------


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def write(repo: Path, doc: Doc) -> None:
    (repo / "specs" / "mini.yaml").write_text(yaml.safe_dump(doc))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose spec went 0.1.0, then 0.1.1 with an added optional parameter."""
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "mini.config.yaml").write_text("not: a spec\n")
    git(tmp_path, "init", "-q")
    write(tmp_path, make_spec("0.1.0"))
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "0.1.0")
    doc = make_spec("0.1.1")
    add_optional_param(doc)
    write(tmp_path, doc)
    git(tmp_path, "commit", "-qam", "0.1.1")
    return tmp_path


def test_ci_rule_passes_on_the_history(repo: Path) -> None:
    assert spec_diff.main(["--root", str(repo)]) == 0


def test_ci_rule_fails_on_a_breaking_change_without_bump(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = make_spec("0.1.1")
    add_optional_param(doc)
    remove_post(doc)
    write(repo, doc)
    assert spec_diff.main(["--root", str(repo)]) == 1
    output = capsys.readouterr()
    assert "0.1.0" in output.out  # compared with the last state of the previous version
    assert "operation removed" in output.out
    assert "at least a minor bump" in output.err


def test_ci_rule_passes_once_the_version_took_the_bump(repo: Path) -> None:
    doc = make_spec("0.2.0")
    remove_post(doc)
    write(repo, doc)
    assert spec_diff.main(["--root", str(repo)]) == 0
    git(repo, "commit", "-qam", "0.2.0")
    # More breaking changes while still 0.2.0 are covered by the same bump.
    list_op(doc)["parameters"].pop(0)
    write(repo, doc)
    assert spec_diff.main(["--root", str(repo)]) == 0


def test_ci_rule_passes_a_non_breaking_change_without_bump(repo: Path) -> None:
    doc = make_spec("0.1.1")
    add_optional_param(doc)
    schemas(doc)["Candidate"]["properties"].update(tags={"type": "array"})
    write(repo, doc)
    assert spec_diff.main(["--root", str(repo)]) == 0


def test_ci_rule_fails_in_a_shallow_clone(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shallow clone (CI's default checkout) passed with "nothing to compare", so a
    breaking change without a bump was never caught there."""
    shallow = tmp_path_factory.mktemp("shallow") / "repo"
    git(repo.parent, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    assert spec_diff.main(["--root", str(shallow)]) == 1
    assert "shallow clone" in capsys.readouterr().err
    assert spec_diff.main(["--root", str(shallow), "HEAD~1"]) == 1  # not in this clone
    assert "not a commit of this clone" in capsys.readouterr().err
    git(shallow, "fetch", "-q", "--unshallow")
    assert spec_diff.main(["--root", str(shallow)]) == 0


def test_explicit_ref(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = make_spec("0.1.1")
    remove_post(doc)  # and the optional parameter is gone too
    write(repo, doc)
    assert spec_diff.main(["HEAD", "--root", str(repo)]) == 1
    assert "query parameter q: removed" in capsys.readouterr().out
    assert spec_diff.main(["HEAD~1", "--root", str(repo)]) == 1


def test_a_new_spec_has_no_baseline(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    git(tmp_path, "init", "-q")
    write(tmp_path, make_spec())
    assert spec_diff.main(["--root", str(tmp_path)]) == 0


def test_the_repository_specs_pass() -> None:
    assert spec_diff.main([]) == 0
