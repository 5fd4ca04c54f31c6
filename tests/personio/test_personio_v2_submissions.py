"""Applications and documents through v2, with only a custom integration's OAuth credentials.

The rule: the Recruiting API key (v1) when the client holds it, else the client
credentials (v2, scope ``personio:recruiting:write``). Real HTTP against the stand-in.
"""

from __future__ import annotations

import io

import httpx
import pytest

from hirelink.core import (
    ClientCredentialsAuth,
    Document,
    DuplicateApplicationError,
    InvalidInputError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from hirelink.personio import MAX_DOCUMENT_BYTES, UploadedDocument
from hirelink.sandbox import Fault
from hirelink.sandbox.app import undeclared_answers

from .conftest import Served, serve

POSITION = 1874512
PDF = b"%PDF-1.7\n% a small but real-looking document\n%%EOF\n"
OAUTH_ONLY = {"company_id": None, "recruiting_token": None}
API_CREDENTIALS = ("company_id", "recruiting_token", "client_id", "client_secret")


def paths(served: Served) -> list[tuple[str, str]]:
    return [
        (r.method, r.path)
        for r in served.sandbox.recorder.requests
        if not r.path.startswith("/v2/auth/")
    ]


def test_with_only_client_credentials_the_application_goes_through_v2(fresh: Served) -> None:
    with fresh.client(**OAUTH_ONLY) as personio:
        sent = personio.create_application(
            POSITION,
            first_name="Lena",
            last_name="Vogt",
            email="lena.v2@example.org",
            tags=["verified"],
            documents=[Document(PDF, type="cv", filename="Lena_Vogt_CV.pdf")],
        )
    assert paths(fresh) == [
        ("POST", "/v2/recruiting/applications/documents"),
        ("POST", "/v2/recruiting/applications"),
    ]
    submission = fresh.sandbox.recorder.last(
        method="POST", path_contains="/v2/recruiting/applications"
    )
    assert submission is not None
    assert "x-company-id" not in submission.headers
    assert submission.headers["authorization"] == "<redacted>"
    body = submission.json()
    assert body["job_position_id"] == POSITION
    assert body["email"] == "lena.v2@example.org"
    assert body["tags"] == ["verified"]
    assert [f["category"] for f in body["files"]] == ["cv"]
    assert isinstance(sent.files, list)
    assert sent.files[0].original_filename == "Lena_Vogt_CV.pdf"
    stored = [a for a in fresh.sandbox.state.submitted() if a["email"] == "lena.v2@example.org"]
    assert len(stored) == 1


def test_with_only_client_credentials_a_document_is_uploaded_through_v2(fresh: Served) -> None:
    with fresh.client(**OAUTH_ONLY) as personio:
        uploaded = personio.upload_document(PDF, filename="cv.pdf")
    assert isinstance(uploaded, UploadedDocument)
    assert (uploaded.original_filename, uploaded.size) == ("cv.pdf", len(PDF))
    assert paths(fresh) == [("POST", "/v2/recruiting/applications/documents")]


@pytest.mark.anyio
@pytest.mark.parametrize("asynchronous", [False, True])
async def test_an_upload_refused_with_401_goes_again_whole_with_a_fresh_token(
    fresh: Served, asynchronous: bool
) -> None:
    content = PDF + bytes(range(256)) * 4096  # 1 MB, streamed rather than read into memory
    documents = "/v2/recruiting/applications/documents$"
    fresh.sandbox.faults.add(Fault(method="POST", path=documents, status=401))
    if asynchronous:
        async with fresh.async_client(**OAUTH_ONLY) as personio:
            uploaded = await personio.upload_document(content, filename="cv.pdf")
    else:
        with fresh.client(**OAUTH_ONLY) as personio:
            uploaded = personio.upload_document(content, filename="cv.pdf")
    stored = fresh.sandbox.state.document(str(uploaded.uuid))
    assert stored is not None
    assert stored.content == content
    assert paths(fresh) == [("POST", "/v2/recruiting/applications/documents")] * 2


def test_with_both_credentials_the_recruiting_api_key_is_used(fresh: Served) -> None:
    with fresh.client() as personio:
        personio.upload_document(PDF, filename="cv.pdf")
        personio.create_application(
            POSITION, first_name="Lena", last_name="Vogt", email="lena.v1@example.org"
        )
    assert paths(fresh) == [
        ("POST", "/v1/recruiting/applications/documents"),
        ("POST", "/v1/recruiting/applications"),
    ]


def test_a_token_without_the_write_scope_is_refused(fresh: Served) -> None:
    with (
        fresh.client(
            **OAUTH_ONLY,
            client_id=fresh.sandbox.limited_client_id,
            client_secret=fresh.sandbox.limited_client_secret,
        ) as personio,
        pytest.raises(PermissionDeniedError),
    ):
        personio.upload_document(PDF, filename="cv.pdf")
    assert paths(fresh) == [("POST", "/v2/recruiting/applications/documents")]


def test_a_refused_v2_submission_raises_before_sending(fresh: Served) -> None:
    with fresh.client(**OAUTH_ONLY) as personio:
        with pytest.raises(InvalidInputError) as caught:
            personio.create_application(POSITION, first_name="Lena", last_name="Vogt", email="x")
        assert caught.value.field == "email"
        assert paths(fresh) == []
        with pytest.raises(InvalidInputError) as too_big:
            personio.upload_document(b"x" * (MAX_DOCUMENT_BYTES + 1), filename="big.pdf")
        assert too_big.value.field == "file"
        assert f"has {MAX_DOCUMENT_BYTES + 1} bytes" in too_big.value.message
        # A file object is read a byte past the limit, no further: its size is not known.
        upload = io.BytesIO(b"x" * (3 * MAX_DOCUMENT_BYTES))
        with pytest.raises(InvalidInputError) as larger:
            personio.upload_document(upload, filename="big.pdf")
        assert f"has more than {MAX_DOCUMENT_BYTES} bytes" in larger.value.message
        assert paths(fresh) == []


def test_with_neither_credential_the_error_names_both_ways(served: Served) -> None:
    with (
        served.client(**OAUTH_ONLY, client_id=None) as personio,
        pytest.raises(InvalidInputError) as caught,
    ):
        personio.upload_document(PDF, filename="cv.pdf")
    assert caught.value.field == "company_id"
    assert "client_secret=" in caught.value.message
    assert "personio:recruiting:write" in caught.value.message


@pytest.mark.anyio
async def test_async_v2_submission(fresh: Served) -> None:
    async with fresh.async_client(**OAUTH_ONLY) as personio:
        uploaded = await personio.upload_document(PDF, filename="cv.pdf")
        await personio.create_application(
            POSITION,
            first_name="Ada",
            last_name="Berg",
            email="ada.v2@example.org",
            documents=[Document(uploaded, type="cv")],
        )
    assert paths(fresh) == [
        ("POST", "/v2/recruiting/applications/documents"),
        ("POST", "/v2/recruiting/applications"),
    ]
    (stored,) = [a for a in fresh.sandbox.state.submitted() if a["email"] == "ada.v2@example.org"]
    assert stored["files"][0]["uuid"] == str(uploaded.uuid)


def test_a_second_v2_submission_of_the_same_candidate_raises_duplicate(fresh: Served) -> None:
    # v2's error format is not documented: the reason code is read from the detail text.
    with fresh.client(**OAUTH_ONLY) as personio:

        def apply() -> object:
            return personio.create_application(
                1874512, first_name="Lena", last_name="Vogt", email="lena.twice@example.org"
            )

        apply()
        with pytest.raises(DuplicateApplicationError) as caught:
            apply()
    assert caught.value.status_code == 400
    assert "applicant-already-exists" in str(caught.value)


def test_a_body_that_streams_once_is_sent_again_whole_after_a_401(fresh: Served) -> None:
    """ClientCredentialsAuth on its own: a body it cannot send twice as it is (a generator),
    it reads first; sent again as it was, the second attempt raised StreamConsumed."""
    details = fresh.details
    auth = ClientCredentialsAuth(
        f"{details['base_url']}/v2/auth/token", details["client_id"], details["client_secret"]
    )
    path = "/v2/recruiting/applications/documents"
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{path}$", status=401))
    content = b"%PDF-1.7\n" + b"x" * 60_000
    chunks = (content[start : start + 8192] for start in range(0, len(content), 8192))
    with httpx.Client(base_url=details["base_url"], auth=auth, timeout=30) as client:
        client.post(path, content=chunks)
    first, second = [r.body for r in fresh.sandbox.recorder.requests if r.path == path]
    assert first == second == content


def test_another_companys_recruiting_key_in_the_environment_is_not_read(
    fresh: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service passes this company's client credentials; the Recruiting API key left in
    its environment is another company's and must not take this company's application."""
    monkeypatch.setenv("HIRELINK_PERSONIO_COMPANY_ID", "111")
    monkeypatch.setenv("HIRELINK_PERSONIO_RECRUITING_TOKEN", "another-companys-key")
    with fresh.client(**OAUTH_ONLY) as personio:
        assert personio.credentials.company_id is None
        personio.create_application(
            POSITION, first_name="Ada", last_name="Brandt", email="ada.b@example.org"
        )
    assert paths(fresh) == [("POST", "/v2/recruiting/applications")]
    submission = fresh.sandbox.recorder.last(method="POST", path_contains="/applications")
    assert submission is not None
    assert "x-company-id" not in submission.headers


def test_the_environment_completes_the_kind_of_credential_passed(
    fresh: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    kwargs = fresh.client_kwargs()
    monkeypatch.setenv("HIRELINK_PERSONIO_RECRUITING_TOKEN", kwargs["recruiting_token"])
    with fresh.client(recruiting_token=None, client_id=None, client_secret=None) as personio:
        assert personio.credentials.missing(*API_CREDENTIALS) == ["client_id", "client_secret"]
    monkeypatch.setenv("HIRELINK_PERSONIO_CLIENT_SECRET", "read-when-nothing-is-passed")
    with fresh.client(
        company_id=None, recruiting_token=None, client_id=None, client_secret=None
    ) as personio:
        assert personio.credentials.missing(*API_CREDENTIALS) == ["company_id", "client_id"]


def test_a_credential_set_in_the_environment_but_not_read_is_said_to_be(
    fresh: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code passed the Recruiting API key; the client credentials in the environment are
    not read, and the error and the connection check say so instead of 'not given'."""
    kwargs = fresh.client_kwargs()
    monkeypatch.setenv("HIRELINK_PERSONIO_CLIENT_ID", kwargs["client_id"])
    monkeypatch.setenv("HIRELINK_PERSONIO_CLIENT_SECRET", kwargs["client_secret"])
    with fresh.client(client_id=None, client_secret=None) as personio:
        with pytest.raises(InvalidInputError) as caught:
            personio.list_applications(limit=1)
        checks = {check.name: check for check in personio.check_connection()}
    assert caught.value.field == "client_id"
    assert "HIRELINK_PERSONIO_CLIENT_ID is set but was not read" in str(caught.value)
    assert "pass client_id= to use it" in str(caught.value)
    assert not checks["client_credentials"].ok
    fix = checks["client_credentials"].fix
    assert fix is not None
    assert "HIRELINK_PERSONIO_CLIENT_SECRET is set but was not read" in fix


def test_another_companys_channel_in_the_environment_is_not_read(
    fresh: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code passed this company's credentials but no channel: the channel id left in
    the environment may be another company's, and attributed the application to it."""
    monkeypatch.setenv("HIRELINK_PERSONIO_CHANNEL_ID", "999999")
    with fresh.client(channel_id=None) as personio:
        assert personio.credentials.channel_id is None
        where = personio.credentials.where_to_find("channel_id")
    assert "HIRELINK_PERSONIO_CHANNEL_ID is set but was not read" in where
    with fresh.client(channel_id=531207) as personio:  # passed: the variable is not noted
        assert personio.credentials.channel_id == 531207
        assert "is set but was not read" not in personio.credentials.where_to_find("channel_id")
    none_passed = dict.fromkeys(API_CREDENTIALS)
    with fresh.client(channel_id=None, **none_passed) as personio:
        assert personio.credentials.channel_id == 999999


def test_a_v2_upload_over_the_size_limit_is_a_413_the_spec_declares() -> None:
    # Personio's v2 page names the 20 MB limit but no status; the stand-in answers 413 as
    # v1 does, which the spec did not list (the stand-in reported it undeclared).
    for served in serve(max_document_bytes=16):
        with (
            served.client(**OAUTH_ONLY) as personio,
            pytest.raises(UnprocessableEntityError) as caught,
        ):
            personio.upload_document(PDF, filename="cv.pdf")
    assert caught.value.status_code == 413
    assert "personio:uploadApplicationDocumentV2 413" not in undeclared_answers()
