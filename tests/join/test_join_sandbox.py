"""The JOIN stand-in over raw HTTP: auth, base path, paging limits, errors, state."""

from __future__ import annotations

import base64
from collections.abc import Iterator

import httpx
import pytest

from hirelink.join import MAX_DOCUMENT_BYTES
from hirelink.sandbox.join import (
    BASE_PATH,
    RATE_LIMIT,
    RATE_WINDOW,
    JoinSandbox,
    _RateWindow,
    create_join_sandbox,
)

from .conftest import Served


@pytest.fixture
def http(served: Served) -> Iterator[httpx.Client]:
    served.sandbox.recorder.clear()
    served.sandbox.faults.clear()
    with httpx.Client(
        base_url=served.url, headers={"Authorization": served.sandbox.token}, timeout=10
    ) as client:
        yield client


def error_of(response: httpx.Response) -> dict[str, str]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message"}
    return dict(body["error"])


@pytest.mark.parametrize(
    ("authorization", "status", "kind"),
    [
        ("Bearer sandbox-join-token", 401, "Unauthorized"),
        ("bearer sandbox-join-token", 401, "Unauthorized"),
        ("sandbox-join-token-x", 401, "Unauthorized"),
        ("", 422, "ValidationError"),
    ],
)
def test_only_the_raw_token_opens_the_api(
    served: Served, authorization: str, status: int, kind: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = httpx.get(f"{served.url}/jobs", headers=headers)
    assert response.status_code == status
    assert error_of(response)["type"] == kind
    assert httpx.get(
        f"{served.url}/jobs", headers={"Authorization": "sandbox-join-token"}
    ).is_success


def test_a_bearer_prefix_gets_a_hint(served: Served) -> None:
    response = httpx.get(
        f"{served.url}/jobs", headers={"Authorization": "Bearer sandbox-join-token"}
    )
    assert "without 'Bearer '" in error_of(response)["message"]


def test_the_api_lives_under_v2_only(served: Served, http: httpx.Client) -> None:
    outside = httpx.get(
        f"{served.server.url}/jobs", headers={"Authorization": served.sandbox.token}
    )
    assert outside.status_code == 404
    assert error_of(outside)["type"] == "NotFound"
    assert http.get("/nothing-here").status_code == 404
    assert error_of(http.delete("/jobs"))["type"] == "MethodNotAllowed"
    paths = [r.path for r in served.sandbox.recorder.requests]
    assert paths == ["/jobs", "/v2/nothing-here", "/v2/jobs"]


def test_lists_are_bare_arrays_paged_by_page_and_page_size(http: httpx.Client) -> None:
    sizes = [
        len(http.get("/applications", params={"page": n, "pageSize": 50}).json())
        for n in (1, 2, 3, 4)
    ]
    assert sizes == [50, 50, 20, 0]
    assert len(http.get("/applications").json()) == 50  # the assumed default page size
    assert len(http.get("/jobs").json()) == 5  # jobs: everything without paging
    assert len(http.get("/offices", params={"page": 2, "pageSize": 2}).json()) == 1


@pytest.mark.parametrize("path", ["/applications", "/jobs", "/offices"])
def test_page_size_above_50_is_unprocessable(http: httpx.Client, path: str) -> None:
    response = http.get(path, params={"pageSize": 51})
    assert response.status_code == 422
    assert "pageSize" in error_of(response)["message"]


def test_the_stand_in_checks_the_same_rules_without_spec_validation() -> None:
    sandbox = create_join_sandbox(applications=3, validate=False)
    with (
        sandbox.serve() as server,
        httpx.Client(
            base_url=server.url + BASE_PATH, headers={"Authorization": sandbox.token}
        ) as http,
    ):
        assert http.get("/applications", params={"pageSize": 51}).status_code == 422
        assert http.get("/applications", params={"updatedAtGte": "2026-01-01"}).status_code == 422
        assert http.get("/applications", params={"hiringState": "NEW"}).status_code == 422
        bad = {
            "jobId": 8812345,
            "candidate": {"firstName": "A", "lastName": "B", "email": "a@b.org"},
            "documents": [{"type": "CV", "name": "cv.pdf", "data": "not base64!"}],
        }
        response = http.post("/applications", json=bad)
        assert response.status_code == 422
        assert "documents.0.data" in error_of(response)["message"]
        assert len(http.get("/applications").json()) == 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"jobId": 8812345, "candidate": {"firstName": "A", "lastName": "B"}}, "candidate.email"),
        ({"jobId": 8812345, "candidate": {"firstName": "A", "lastName": "B", "email": "a@b.org"},
          "source": "WEBSITE"}, "source"),
        ({"jobId": 8812345, "candidate": {"firstName": "A", "lastName": "B", "email": "a@b.org"},
          "documents": [{"type": "PHOTO", "name": "a.png", "data": "AAAA"}]}, "documents.0.type"),
        ({"jobId": "8812345", "candidate": {"firstName": "A", "lastName": "B", "email": "a@b.org"}},
         "jobId"),
    ],
)  # fmt: skip
def test_requests_are_validated_against_the_spec(
    http: httpx.Client, body: dict[str, object], field: str
) -> None:
    response = http.post("/applications", json=body)
    assert response.status_code == 422
    assert field in error_of(response)["message"]


def test_the_stand_in_holds_the_size_limit_the_client_checks(fresh: Served) -> None:
    """A document of the client's largest size is stored; one byte more is refused (the
    client refuses it before sending, so the two limits must not drift apart)."""
    candidate = {"firstName": "Max", "lastName": "Size", "email": "max.size@example.org"}
    answers = []
    with httpx.Client(
        base_url=fresh.url, headers={"Authorization": fresh.sandbox.token}, timeout=30
    ) as http:
        for size in (MAX_DOCUMENT_BYTES + 1, MAX_DOCUMENT_BYTES):
            data = base64.b64encode(b"x" * size).decode()
            document = {"type": "CV", "name": "cv.pdf", "data": data}
            body = {"jobId": 8812345, "candidate": candidate, "documents": [document]}
            answers.append(http.post("/applications", json=body))
    too_big, largest = answers
    assert too_big.status_code == 422
    assert "documents.0.data: the file is larger" in error_of(too_big)["message"]
    assert largest.status_code == 201


def test_created_applications_and_candidates_are_stateful() -> None:
    sandbox = create_join_sandbox(applications=0)
    document = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
    candidate = {
        "firstName": "Mira",
        "lastName": "Novak",
        "email": "mira@example.org",
        "phone": "+43664123",
    }
    encoded = base64.b64encode(document).decode()
    body = {
        "jobId": 8812401,
        "candidate": candidate,
        "integrationExternalId": "ext-1",
        "documents": [{"type": "PORTFOLIO", "name": "p.png", "data": encoded}],
    }
    with (
        sandbox.serve() as server,
        httpx.Client(
            base_url=server.url + BASE_PATH, headers={"Authorization": sandbox.token}
        ) as http,
    ):
        created = http.post("/applications", json=body)
        assert created.status_code == 201
        ids = created.json()
        assert set(ids) == {"candidateId", "id"}
        assert sandbox.state.documents(ids["id"])[0].data == document
        duplicate = http.post("/applications", json=body)
        assert duplicate.status_code == 409
        assert "already exists" in error_of(duplicate)["message"]

        listed = http.get("/applications").json()
        assert [a["id"] for a in listed] == [ids["id"]]
        detail = http.get(f"/applications/{ids['id']}").json()
        assert detail["candidate"] == {
            "id": ids["candidateId"], "firstName": "Mira", "lastName": "Novak",
            "email": "mira@example.org", "phoneNumber": "+43664123", "tags": [],
        }  # fmt: skip
        assert detail["attachments"][0]["type"] == "PORTFOLIO"
        assert detail["integrationExternalId"] == "ext-1"

        tagged = http.patch(f"/candidates/{ids['candidateId']}", json={"tags": ["a", "b"]})
        assert tagged.json()["tags"] == ["a", "b"]
        assert http.get(f"/applications/{ids['id']}").json()["candidate"]["tags"] == ["a", "b"]
        note = http.post(f"/candidates/{ids['candidateId']}/notes", json={"content": "Hello"})
        assert note.status_code == 201
        assert sandbox.state.notes(ids["candidateId"]) == [note.json()]
        assert http.post("/candidates/1/notes", json={"content": "x"}).status_code == 404


def test_seeding_is_deterministic() -> None:
    first, second = create_join_sandbox(), create_join_sandbox()
    assert first.state.application_ids() == second.state.application_ids()
    assert first.state.get_application(51000042) == second.state.get_application(51000042)
    assert first.state.list_jobs(None, None) == second.state.list_jobs(None, None)


def test_a_bearer_or_empty_token_cannot_be_configured() -> None:
    with pytest.raises(ValueError, match="raw token"):
        create_join_sandbox(token="Bearer abc")
    assert isinstance(create_join_sandbox(token="t0ken", applications=1), JoinSandbox)


def test_every_answer_reports_the_rate_limit_window_and_past_it_a_429() -> None:
    # JOIN signals its rate limit in x-ratelimit-* headers (names and unit as the spec
    # flags them: reset in seconds); the stand-in's numbers are its own.
    sandbox = create_join_sandbox(applications=0, rate_limit=3, rate_window=3600)
    with (
        sandbox.serve() as server,
        httpx.Client(
            base_url=server.url + BASE_PATH, headers={"Authorization": sandbox.token}
        ) as http,
    ):
        answers = [http.get("/jobs"), http.get("/jobs/1"), http.get("/categories")]
        refused = http.get("/jobs")
    assert [answer.status_code for answer in answers] == [200, 404, 200]
    assert [answer.headers["x-ratelimit-limit"] for answer in answers] == ["3", "3", "3"]
    assert [answer.headers["x-ratelimit-remaining"] for answer in answers] == ["2", "1", "0"]
    assert all(0 < int(answer.headers["x-ratelimit-reset"]) <= 3600 for answer in answers)
    assert refused.status_code == 429
    assert error_of(refused) == {"type": "TooManyRequests", "message": "Rate limit exceeded"}
    assert refused.headers["x-ratelimit-remaining"] == "0"
    assert 0 < int(refused.headers["x-ratelimit-reset"]) <= 3600


def test_the_reset_never_says_more_than_the_window_whatever_the_clock_reads() -> None:
    # At this monotonic reading, (start + 3600) - now came to 3600.0000000000036 and the
    # first answer of a window said 3601 (the test above failed about one run in four).
    window = _RateWindow(limit=3, seconds=3600, clock=lambda: 30000.142737)
    assert [window.arrive()[1]["x-ratelimit-reset"] for _ in range(4)] == ["3600"] * 4


def test_the_default_rate_limit_window_is_on_every_answer(http: httpx.Client) -> None:
    answer = http.get("/jobs")
    assert answer.status_code == 200
    assert answer.headers["x-ratelimit-limit"] == str(RATE_LIMIT)
    assert int(answer.headers["x-ratelimit-remaining"]) < RATE_LIMIT
    assert 0 <= int(answer.headers["x-ratelimit-reset"]) <= RATE_WINDOW
