"""Recruiting API v1 over real HTTP: documents, applications, reason codes, the rate limit."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import mimetypes
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any, TypedDict, cast
from uuid import UUID

import anyio
import attrs
import httpx
import pytest

from hirelink.api.personio.models import SystemPhase
from hirelink.api.personio.types import UNSET
from hirelink.core import (
    ApiConnectionError,
    ApiError,
    AuthenticationError,
    BadRequestError,
    DuplicateApplicationError,
    HirelinkError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnprocessableEntityError,
)
from hirelink.core.calls import may_have_been_carried_out
from hirelink.core.files import StoredFile
from hirelink.personio import (
    ALLOWED_EXTENSIONS,
    MAX_DOCUMENT_BYTES,
    REASONS,
    AsyncPersonio,
    Document,
    Personio,
    UploadedDocument,
    uploaded_documents,
)
from hirelink.sandbox import serve_stand_in
from hirelink.sandbox.faults import Fault
from hirelink.sandbox.resources import load_seed
from tests.short_reads import Trickle
from tests.waiting import await_until, wait_until

from .conftest import CLIENT_WINDOW, Served, serve


def _listed(note: str) -> list[dict[str, str]]:
    """The documents a note lists to attach again, in the catalog's form."""
    listed: list[dict[str, str]] = json.loads(note[note.index("these documents: ") + 17 :])
    return listed


POSITION = 1874512
PDF = b"%PDF-1.7\n% a small but real-looking document\n%%EOF\n"
APPLICATIONS = "/v1/recruiting/applications"
UTC_PLUS_14 = timezone(timedelta(hours=14))  # where a day starts first


class Applicant(TypedDict):
    first_name: str
    last_name: str
    email: str


def applicant(number: int = 1) -> Applicant:
    return {
        "first_name": "Lena",
        "last_name": "Vogt",
        "email": f"lena.vogt.{number}@applicants.example",  # no seeded candidate
    }


def test_upload_accepts_bytes_paths_and_file_objects(fresh: Served, tmp_path: Path) -> None:
    cv = tmp_path / "Lena_Vogt_CV.pdf"
    cv.write_bytes(PDF)
    with fresh.client() as personio:
        from_bytes = personio.upload_document(b"plain text", filename="notes.txt")
        from_path = personio.upload_document(cv)
        with cv.open("rb") as handle:
            from_file = personio.upload_document(handle)
    assert isinstance(from_path, UploadedDocument)
    assert (from_path.original_filename, from_path.extension, from_path.size) == (
        "Lena_Vogt_CV.pdf",
        "pdf",
        len(PDF),
    )
    assert from_path.mimetype == "application/pdf"
    assert from_bytes.extension == "txt"
    assert from_file.original_filename == "Lena_Vogt_CV.pdf"
    stored = fresh.sandbox.state.document(str(from_path.uuid))
    assert stored is not None
    assert stored.content == PDF
    upload = fresh.sandbox.recorder.last("POST", "/documents")
    assert upload is not None
    assert upload.headers["x-company-id"] == fresh.sandbox.company_id
    assert upload.headers["authorization"] == "<redacted>"
    assert upload.headers["content-type"].startswith("multipart/form-data")
    assert b'name="file"; filename="Lena_Vogt_CV.pdf"' in upload.body


def test_a_file_object_giving_short_reads_is_uploaded_whole(fresh: Served) -> None:
    # One read() of a raw stream gives what has arrived: a 500 KB CV arrived cut short.
    cv = PDF + os.urandom(100_000)
    with fresh.client() as personio:
        uploaded = personio.upload_document(cast(IO[bytes], Trickle(cv)), filename="cv.pdf")
    assert uploaded.size == len(cv)
    stored = fresh.sandbox.state.document(str(uploaded.uuid))
    assert stored is not None
    assert stored.content == cv


def test_a_file_object_that_would_block_is_refused_saying_so(
    served: Served, personio: Personio
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        personio.upload_document(cast(IO[bytes], Trickle(PDF, chunk=None)), filename="cv.pdf")
    assert caught.value.field == "file"
    assert "would block" in caught.value.message
    assert served.sandbox.recorder.requests == []


def test_a_file_object_read_to_its_end_says_nothing_is_left_to_read(
    served: Served, personio: Personio, tmp_path: Path
) -> None:
    # It said "the file is empty" of a CV read once already by the caller.
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF)
    with cv.open("rb") as handle:
        handle.read()
        with pytest.raises(InvalidInputError) as caught:
            personio.upload_document(handle)
    assert caught.value.field == "file"
    assert "nothing is left to read from the file object's current position" in (
        caught.value.message
    )
    assert served.sandbox.recorder.requests == []


def test_an_empty_stream_that_cannot_seek_says_the_file_is_empty(
    served: Served, personio: Personio
) -> None:
    # Its position is unknown, not past its start: it was said to be "read already".
    with pytest.raises(InvalidInputError) as caught:
        personio.upload_document(cast(IO[bytes], Trickle(b"")), filename="cv.pdf")
    assert caught.value.field == "file"
    assert "empty" in caught.value.message
    assert "read already" not in caught.value.message
    assert served.sandbox.recorder.requests == []


def test_a_refused_file_object_is_put_back_where_it_was(served: Served, personio: Personio) -> None:
    # A text stream that is no io.TextIOBase was left where the refused read stopped.
    with tempfile.SpooledTemporaryFile(mode="w+") as handle:
        handle.write("not a CV")
        handle.seek(2)
        with pytest.raises(InvalidInputError, match="binary mode"):
            personio.upload_document(cast(IO[bytes], handle), filename="cv.pdf")
        assert handle.tell() == 2
    assert served.sandbox.recorder.requests == []


def test_a_file_object_opened_by_a_bytes_path_gives_its_name(fresh: Served, tmp_path: Path) -> None:
    # Its name is bytes: filename= was asked for as if it had none.
    cv = tmp_path / "Lebenslauf_Jörg.pdf"
    cv.write_bytes(PDF)
    with open(os.fsencode(cv), "rb") as handle, fresh.client() as personio:
        uploaded = personio.upload_document(handle)
    assert uploaded.original_filename == "Lebenslauf_Jörg.pdf"


@pytest.mark.parametrize(
    ("filename", "media_type"),
    [
        ("cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("Zeugnisse.ODT", "application/vnd.oasis.opendocument.text"),
        ("skills.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("letter.rtf", "application/rtf"),
        ("cv.pdf", "application/pdf"),
    ],
)
def test_an_upload_names_its_media_type_where_the_system_has_no_table(
    fresh: Served, monkeypatch: pytest.MonkeyPatch, filename: str, media_type: str
) -> None:
    """Without /etc/mime.types (slim and distroless images) Python's own table lacks the
    office formats: a .docx CV went as application/octet-stream."""
    monkeypatch.setattr(mimetypes, "_db", mimetypes.MimeTypes(filenames=()))
    with fresh.client() as personio:
        personio.upload_document(b"PK\x03\x04 a document", filename=filename)
    upload = fresh.sandbox.recorder.last("POST", "/documents")
    assert upload is not None
    assert f"Content-Type: {media_type}\r\n".encode() in upload.body


def test_a_file_name_beyond_ascii_is_stored_as_sent(fresh: Served) -> None:
    with fresh.client() as personio:
        uploaded = personio.upload_document(PDF, filename="Lebenslauf_Jörg_Müller_履歴.pdf")
    assert uploaded.original_filename == "Lebenslauf_Jörg_Müller_履歴.pdf"


def test_a_windows_path_as_the_filename_sends_only_the_name(fresh: Served) -> None:
    """A backend forwarding a browser's upload name may pass C:\\...\\cv.pdf."""
    with fresh.client() as personio:
        uploaded = personio.upload_document(PDF, filename="C:\\Users\\jorg\\Documents\\cv.pdf")
    assert uploaded.original_filename == "cv.pdf"


def test_a_file_whose_name_is_not_text_is_refused_naming_the_filename(
    fresh: Served, tmp_path: Path
) -> None:
    # A name in Latin-1 from an old archive: the error named the operation ("cannot be
    # sent: 'utf-8' codec can't encode ...") and said nothing of the file.
    cv = Path(os.fsdecode(bytes(tmp_path) + b"/Lebenslauf_M\xfcller.pdf"))
    cv.write_bytes(PDF)
    with fresh.client() as personio, pytest.raises(InvalidInputError) as caught:
        personio.upload_document(cv)
    assert caught.value.field == "filename"
    assert "pass filename=" in caught.value.message
    with fresh.client() as personio:
        uploaded = personio.upload_document(cv, filename="Lebenslauf_M\u00fcller.pdf")
    assert uploaded.original_filename == "Lebenslauf_M\u00fcller.pdf"
    assert fresh.hits("POST", "/documents") == 1


@pytest.mark.parametrize("recruiting_token", ["v1", None], ids=["v1", "v2"])
def test_a_file_holding_a_boundary_like_line_arrives_whole(
    fresh: Served, recruiting_token: str | None
) -> None:
    """A text CV with a ``--+++`` line: the generator's fixed multipart boundary cut it."""
    text = b"Lebenslauf\r\n--+++\r\nStationen\r\n2019 Hamburg\r\n"
    overrides = {} if recruiting_token else {"recruiting_token": None}
    with fresh.client(**overrides) as personio:
        uploaded = personio.upload_document(text, filename="cv.txt")
    stored = fresh.sandbox.state.document(str(uploaded.uuid))
    assert stored is not None
    assert stored.content == text


@pytest.mark.parametrize(
    ("arguments", "field", "complaint"),
    [
        ({"file": b"x" * (MAX_DOCUMENT_BYTES + 1), "filename": "big.pdf"}, "file", "at most"),
        ({"file": b"", "filename": "empty.pdf"}, "file", "empty"),
        ({"file": b"MZ", "filename": "setup.exe"}, "file", "file types"),
        # Personio's upload list has jpg and tif only; the stand-in refuses the other spelling
        (
            {"file": b"\xff\xd8", "filename": "photo.JPEG"},
            "file",
            "got a .jpeg file (pass filename= ending in .jpg)",
        ),
        (
            {"file": b"II*", "filename": "scan.tiff"},
            "file",
            "got a .tiff file (pass filename= ending in .tif)",
        ),
        ({"file": b"%PDF"}, "filename", "bytes"),
        ({"file": io.StringIO("text"), "filename": "a.txt"}, "file", "binary mode"),
        ({"file": Path("/no/such/file.pdf")}, "file", "cannot read"),
        ({"file": 42}, "file", "bytes, a path"),
    ],
)
def test_upload_checks_size_and_type_before_sending(
    served: Served, personio: Personio, arguments: dict[str, Any], field: str, complaint: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        personio.upload_document(**arguments)
    assert caught.value.field == field
    assert complaint in caught.value.message
    assert served.sandbox.recorder.requests == []


def test_upload_of_an_unreadable_file_is_bad_input_naming_the_field(
    served: Served, personio: Personio, tmp_path: Path
) -> None:
    # A closed file, a PDF opened in text mode and a path with a NUL raised ValueError or
    # UnicodeDecodeError (not hirelink's errors), before any request.
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n")
    closed = pdf.open("rb")
    closed.close()
    with pdf.open("r", encoding="utf-8") as text_mode:
        sources: list[tuple[Any, str]] = [
            (closed, "cannot read"),
            (text_mode, "binary mode"),
            (str(tmp_path / "cv\x00.pdf"), "cannot read"),
        ]
        for source, complaint in sources:
            with pytest.raises(InvalidInputError) as caught:
                personio.upload_document(source, filename="cv.pdf")
            assert caught.value.field == "file"
            assert complaint in caught.value.message
    assert served.sandbox.recorder.requests == []


def test_upload_refusals_from_personio_are_typed() -> None:
    for served in serve(max_document_bytes=16):
        with served.client() as personio, pytest.raises(UnprocessableEntityError) as caught:
            personio.upload_document(PDF, filename="cv.pdf")
        assert caught.value.status_code == 413
        assert caught.value.field_errors == {"file": ["errors.file-too-big"]}


def test_a_413_without_personios_body_is_still_the_file_size(
    served: Served, personio: Personio
) -> None:
    # A front proxy's 413 page carries no reason code; it was a bare ApiError, which code
    # catching UnprocessableEntityError for file problems missed.
    served.sandbox.faults.add(
        Fault(
            path=r"/documents$",
            status=413,
            headers={"Content-Type": "text/html"},
            body="<html><body>413 Request Entity Too Large</body></html>",
        )
    )
    with pytest.raises(UnprocessableEntityError) as caught:
        personio.upload_document(PDF, filename="cv.pdf")
    assert caught.value.status_code == 413
    assert "larger than Personio accepts" in caught.value.message
    # A submission carries no file: its 413 is not blamed on one.
    served.sandbox.faults.add(Fault(path=f"{APPLICATIONS}$", status=413, body="too large"))
    with pytest.raises(ApiError) as refused:
        personio.create_application(POSITION, **applicant())
    assert refused.value.status_code == 413
    assert "file" not in refused.value.message


def test_the_stand_in_holds_the_file_rules_the_client_checks() -> None:
    """The client refuses a file by Personio's rules before sending it; the stand-in holds
    the same rules (the same file types, the same size limit), checked both ways."""
    assert set(load_seed("personio")["tables"]["allowedExtensions"]) == ALLOWED_EXTENSIONS
    for served in serve(rate_limit=1000):
        with served.client() as personio:
            stored = [
                personio.upload_document(b"x", filename=f"file.{extension}").extension
                for extension in sorted(ALLOWED_EXTENSIONS)
            ]
        headers = {
            "Authorization": f"Bearer {served.sandbox.recruiting_token}",
            "X-Company-ID": served.sandbox.company_id,
        }
        with httpx.Client(base_url=served.url, headers=headers, timeout=30) as http:
            upload = "/v1/recruiting/applications/documents"
            wrong_type = http.post(upload, files={"file": ("setup.exe", b"MZ")})
            largest = http.post(upload, files={"file": ("a.pdf", b"x" * MAX_DOCUMENT_BYTES)})
            too_big = http.post(upload, files={"file": ("b.pdf", b"x" * (MAX_DOCUMENT_BYTES + 1))})
    assert stored == sorted(ALLOWED_EXTENSIONS)
    assert wrong_type.status_code == 422
    assert wrong_type.json()["errors"] == [
        {"field": "file", "errors": [{"reason": "errors.invalid-file-type"}]}
    ]
    assert largest.status_code == 200
    assert too_big.status_code == 413


def test_application_uploads_documents_first_then_references_them(fresh: Served) -> None:
    with fresh.client() as personio:
        earlier = personio.upload_document(b"certificate", filename="certificate.txt")
        fresh.sandbox.recorder.clear()
        submitted = personio.create_application(
            POSITION,
            **applicant(),
            documents=[
                Document(PDF, type="cv", filename="Lena_Vogt_CV.pdf"),
                Document(earlier, type="certificate"),
            ],
        )
    posts = [r.path for r in fresh.sandbox.recorder.requests]
    assert posts == [f"{APPLICATIONS}/documents", APPLICATIONS]
    sent = fresh.sandbox.recorder.last("POST", APPLICATIONS)
    assert sent is not None
    files = sent.json()["files"]
    assert [f["category"] for f in files] == ["cv", "certificate"]
    assert files[1]["uuid"] == str(earlier.uuid)
    new = fresh.sandbox.state.document(files[0]["uuid"])
    assert new is not None
    assert (new.filename, new.content) == ("Lena_Vogt_CV.pdf", PDF)
    assert isinstance(submitted.files, list)
    assert [str(f.uuid) for f in submitted.files] == [f["uuid"] for f in files]
    (stored,) = fresh.sandbox.state.submitted()
    assert stored["email"] == "lena.vogt.1@applicants.example"


def test_a_document_without_type_is_attached_as_other(fresh: Served, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Available from June.")
    with fresh.client() as personio:
        submitted = personio.create_application(
            POSITION, **applicant(), documents=[Document(notes)]
        )
    assert isinstance(submitted.files, list)
    assert [(f.original_filename, f.category) for f in submitted.files] == [("notes.txt", "other")]


def test_names_lose_surrounding_line_breaks_and_a_message_keeps_page_breaks(
    fresh: Served,
) -> None:
    # The names, stripped anyway, were refused for a trailing line break; a message was
    # refused for Word's soft line break (\v) or a PDF's page break (\f).
    message = "Page 1\fPage 2, a soft\vbreak"
    with fresh.client() as personio:
        personio.create_application(
            POSITION, first_name="Mia\n", last_name="\tKlein\r\n", email="mia@example.net\n",
            message=message,
        )  # fmt: skip
        with pytest.raises(InvalidInputError) as caught:
            personio.create_application(
                POSITION, first_name="Mi\na", last_name="Vogt", email="lena@example.org"
            )
    sent = fresh.sandbox.recorder.last("POST", APPLICATIONS)
    assert sent is not None
    assert {key: sent.json()[key] for key in ("first_name", "last_name", "email", "message")} == {
        "first_name": "Mia",
        "last_name": "Klein",
        "email": "mia@example.net",
        "message": message,
    }
    assert caught.value.field == "first_name"
    assert len(fresh.sandbox.recorder.requests) == 1


def test_every_field_reaches_the_wire_in_v1_shape(fresh: Served) -> None:
    with fresh.client() as personio:
        personio.create_application(
            POSITION,
            first_name=" Mia ",
            last_name="Klein",
            email="mia.klein@example.net",
            external_posting_id="jb-77c1e0a4",
            message="Found you on JobBoardX.",
            application_date=date(2025, 4, 2),
            phase="offer",
            tags=["jobboardx", "backend"],
            attributes={
                "phone": "+49 40 5550123",
                "gender": "female",
                "birthday": date(1994, 8, 21),
                "location": "Hamburg",
                "available_from": "As soon as possible",
                "salary_expectations": "65k",
                "custom_attribute_48213": "Referral",
            },
        )
    sent = fresh.sandbox.recorder.last("POST", APPLICATIONS)
    assert sent is not None
    assert sent.json() == {
        "first_name": "Mia",
        "last_name": "Klein",
        "email": "mia.klein@example.net",
        "job_position_id": POSITION,
        "recruiting_channel_id": fresh.sandbox.channel_id,  # the credential's channel
        "external_posting_id": "jb-77c1e0a4",
        "message": "Found you on JobBoardX.",
        "application_date": "2025-04-02",
        "phase": {"type": "system", "id": "offer"},
        "tags": ["jobboardx", "backend"],
        "attributes": [
            {"id": "phone", "value": "+49 40 5550123"},
            {"id": "gender", "value": "female"},
            {"id": "birthday", "value": "1994-08-21"},
            {"id": "location", "value": "Hamburg"},
            {"id": "available_from", "value": "As soon as possible"},
            {"id": "salary_expectations", "value": "65k"},
            {"id": "custom_attribute_48213", "value": "Referral"},
        ],
    }
    assert sent.headers["x-company-id"] == fresh.sandbox.company_id


def test_custom_phase_and_an_explicit_channel_win(fresh: Served) -> None:
    with fresh.client(channel_id=None) as personio:
        minimal = personio.create_application(POSITION, **applicant(2))
        explicit = personio.create_application(
            POSITION, **applicant(3), recruiting_channel_id=531208, phase=26411
        )
    assert "recruiting_channel_id" not in minimal.to_dict()
    assert explicit.to_dict()["phase"] == {"type": "custom", "id": 26411}
    assert not isinstance(explicit.phase, SystemPhase)
    submitted = fresh.sandbox.state.submitted()
    assert [a.get("recruiting_channel_id") for a in submitted] == [None, 531208]


def test_a_second_application_of_the_same_candidate_is_a_duplicate(fresh: Served) -> None:
    with fresh.client() as personio:
        personio.create_application(POSITION, **applicant())
        with pytest.raises(DuplicateApplicationError) as caught:
            personio.create_application(POSITION, **applicant())
        personio.create_application(1874513, **applicant())  # another position is fine
    error = caught.value
    assert error.status_code == 400
    assert error.field_errors == {"email": ["errors.applicant-already-exists"]}
    assert "already applied" in error.message
    assert fresh.hits("POST", APPLICATIONS) == 3  # refused, so not retried
    assert len(fresh.sandbox.state.submitted()) == 2


@pytest.mark.parametrize(
    ("fields", "expected", "field", "reason"),
    [
        ({"recruiting_channel_id": 999}, NotFoundError, "recruiting_channel_id",
         "errors.posting-validation.channel-not-found"),
        ({"external_posting_id": "jb-unknown"}, NotFoundError, "external_posting_id",
         "errors.posting-validation.posting-not-found"),
        ({"attributes": {"custom_attribute_77": "x"}}, BadRequestError, "attributes[0]",
         "errors.attribute-validation.unknown"),
        ({"attributes": {"custom_attribute_48213": "Carrier pigeon"}}, BadRequestError,
         "attributes[0]", "errors.attribute-validation.unknown-attribute-option"),
    ],
)  # fmt: skip
def test_personio_refusals_are_mapped_from_their_reason_codes(
    served: Served, fields: dict[str, Any], expected: type[ApiError], field: str, reason: str
) -> None:
    with served.client() as personio, pytest.raises(expected) as caught:
        personio.create_application(POSITION, **applicant(), **fields)
    assert caught.value.field_errors == {field: [reason]}
    assert reason in caught.value.message
    assert served.sandbox.state.submitted() == []


def test_unpublished_positions_and_unknown_files_are_not_found(served: Served) -> None:
    with served.client() as personio:
        with pytest.raises(NotFoundError) as unpublished:
            personio.create_application(1874599, **applicant())
        fake = UploadedDocument(
            uuid="00000000-0000-4000-8000-000000000000",  # type: ignore[arg-type]
            size=1,
            mimetype="application/pdf",
            original_filename="ghost.pdf",
            extension="pdf",
        )
        with pytest.raises(NotFoundError) as ghost:
            personio.create_application(
                POSITION, **applicant(), documents=[Document(fake, type="cv")]
            )
    assert unpublished.value.field_errors == {
        "job_position_id": ["errors.job-position.not-published"]
    }
    assert ghost.value.field_errors == {"files[0].uuid": ["errors.file-validation.file-not-exists"]}


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_each_reason_code_maps_to_its_exception(
    served: Served, personio: Personio, reason: str
) -> None:
    expected, meaning = REASONS[reason]
    served.sandbox.faults.add(
        Fault(
            method="POST",
            path=f"{APPLICATIONS}$",
            status=400,
            body={"errors": [{"field": "some_field", "errors": [{"reason": reason}]}]},
        )
    )
    with pytest.raises(expected) as caught:
        personio.create_application(POSITION, **applicant())
    assert type(caught.value) is expected
    assert caught.value.field_errors == {"some_field": [reason]}
    assert caught.value.message == f"some_field: {meaning} ({reason})"


def test_each_refused_attribute_is_named_in_the_message(served: Served, personio: Personio) -> None:
    # The meanings were given per code: with several custom attributes refused, the message
    # did not say which (only field_errors did).
    reasons = {
        "custom_attribute_7781": "errors.attribute-validation.required-attribute",
        "custom_attribute_7785": "errors.attribute-validation.required-attribute",
        "custom_attribute_7790": "errors.attribute-validation.unknown-attribute-option",
    }
    refused = [{"field": f, "errors": [{"reason": r}]} for f, r in reasons.items()]
    served.sandbox.faults.add(
        Fault(method="POST", path=f"{APPLICATIONS}$", status=400, body={"errors": refused})
    )
    with pytest.raises(BadRequestError) as caught:
        personio.create_application(POSITION, **applicant())
    message = caught.value.message
    assert message.startswith(  # both fields of one code (the first version named the last)
        "custom_attribute_7781, custom_attribute_7785: an attribute the company made mandatory"
    )
    assert "; custom_attribute_7790: an option attribute got a value" in message


@pytest.mark.parametrize("detail", ["feature.recruiting.disabled", "feature.public-api.disabled"])
def test_feature_flags_in_general_errors_are_permission_errors(
    served: Served, personio: Personio, detail: str
) -> None:
    served.sandbox.faults.add(
        Fault(
            method="POST",
            path=f"{APPLICATIONS}$",
            status=403,
            body={"errors": [{"id": "x", "status": "403", "title": "Forbidden", "detail": detail}]},
        )
    )
    with pytest.raises(PermissionDeniedError, match=detail):
        personio.create_application(POSITION, **applicant())


def test_a_company_without_api_access_is_refused(fresh: Served) -> None:
    fresh.sandbox.state.recruiting_api_enabled = False
    with fresh.client() as personio, pytest.raises(PermissionDeniedError) as caught:
        personio.upload_document(PDF, filename="cv.pdf")
    assert "feature.public-api.disabled" in caught.value.message


def test_wrong_key_is_an_authentication_error(served: Served) -> None:
    for overrides in ({"recruiting_token": "wrong-token-123"}, {"company_id": 1}):
        with served.client(**overrides) as personio, pytest.raises(AuthenticationError):
            personio.create_application(POSITION, **applicant())


@pytest.mark.parametrize(
    ("missing", "where"),
    [("company_id", "Recruiting API key"), ("recruiting_token", "Access token")],
)
def test_missing_recruiting_credentials_are_named_with_where_to_find_them(
    served: Served, missing: str, where: str
) -> None:
    served.sandbox.recorder.clear()
    # Without client credentials too: with them, the v2 path would be taken instead.
    with served.client(**{missing: None, "client_id": None}) as personio:
        for action in (
            lambda: personio.upload_document(PDF, filename="cv.pdf"),
            lambda: personio.create_application(POSITION, **applicant()),
        ):
            with pytest.raises(InvalidInputError) as caught:
                action()
            assert caught.value.field == missing
            assert where in caught.value.message
            assert "client_id=" in caught.value.message
    assert served.sandbox.recorder.requests == []


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"first_name": " "}, "first_name"),
        ({"email": "not-an-email"}, "email"),
        ({"phase": "hired"}, "phase"),
        ({"phase": 0}, "phase"),
        ({"tags": "backend"}, "tags"),
        ({"attributes": {"shoe_size": "44"}}, "attributes.shoe_size"),
        ({"attributes": {"gender": "robot"}}, "attributes.gender"),
        ({"attributes": {"birthday": "1990-02-30"}}, "attributes.birthday"),
        ({"attributes": {"birthday": "19900101"}}, "attributes.birthday"),
        ({"attributes": {"birthday": "01.02.1990"}}, "attributes.birthday"),
        ({"attributes": {"birthday": 19900101}}, "attributes.birthday"),
        (  # a date attribute takes YYYY-MM-DD: a datetime was sent with its time
            {"attributes": {"available_from": datetime(2025, 6, 1, 9, 30)}},
            "attributes.available_from",
        ),
        ({"application_date": "2025-01-01"}, "application_date"),
        # In the future everywhere: Personio refuses it too, but only after the uploads.
        (
            {"application_date": datetime.now(UTC_PLUS_14).date() + timedelta(days=1)},
            "application_date",
        ),
        ({"recruiting_channel_id": -1}, "recruiting_channel_id"),
        ({"documents": [Document(b"x", filename="x.exe")]}, "documents.0"),
        ({"documents": [Document(b"no name")]}, "documents.0.filename"),
        ({"documents": [b"not a Document"]}, "documents.0"),
        ({"documents": [Document(PDF, type="photo", filename="cv.pdf")]}, "documents.0.type"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_application_input_names_the_field_and_sends_nothing(
    served: Served, personio: Personio, fields: dict[str, Any], field: str
) -> None:
    arguments: dict[str, Any] = {**applicant(), **fields}
    with pytest.raises(InvalidInputError) as caught:
        personio.create_application(POSITION, **arguments)
    assert caught.value.field == field
    assert served.sandbox.recorder.requests == []


def test_a_birthday_given_as_yyyy_mm_dd_text_is_sent_as_that_date(fresh: Served) -> None:
    # NewApplication.attributes is typed str | date, and the catalog and the CLI pass
    # text: "1990-01-02" was refused as not a datetime.date.
    with fresh.client() as personio:
        personio.create_application(POSITION, **applicant(), attributes={"birthday": "1990-01-02"})
    (submitted,) = fresh.sandbox.state.submitted()
    assert {"id": "birthday", "value": "1990-01-02"} in submitted["attributes"]


def test_documents_passed_as_none_are_no_documents(fresh: Served) -> None:
    with fresh.client() as personio:
        personio.create_application(POSITION, **applicant(), documents=None)  # type: ignore[arg-type]
    (submitted,) = fresh.sandbox.state.submitted()
    assert "files" not in submitted
    assert fresh.hits("POST", "/documents") == 0


@pytest.fixture
def west_of_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local time zone at UTC-12, whose date is always before UTC+14's."""
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "Etc/GMT+12")  # POSIX sign: UTC-12
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_date_that_is_today_somewhere_is_left_to_personio(
    fresh: Served, west_of_utc: None
) -> None:
    # Personio judges by a clock of its own: here, one where the day has started already.
    today_at_utc_plus_14 = datetime.now(UTC_PLUS_14).date()
    assert today_at_utc_plus_14 > date.today()  # the host's local date is a day behind
    fresh.sandbox.state.today = lambda: today_at_utc_plus_14
    with fresh.client() as personio:
        personio.create_application(POSITION, **applicant(), application_date=today_at_utc_plus_14)
    (submitted,) = fresh.sandbox.state.submitted()
    assert submitted["application_date"] == today_at_utc_plus_14.isoformat()


def test_a_burst_of_50_creates_never_meets_the_sandboxs_429(fresh: Served) -> None:
    failures: list[HirelinkError] = []
    start = threading.Barrier(10)
    with fresh.client() as personio:

        def create_five(worker: int) -> None:
            start.wait()
            for number in range(5):
                try:
                    personio.create_application(POSITION, **applicant(worker * 10 + number))
                except HirelinkError as error:
                    failures.append(error)

        threads = [threading.Thread(target=create_five, args=(w,)) for w in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    assert len(fresh.sandbox.state.submitted()) == 50
    assert fresh.sandbox.state.rate_limited == 0
    assert fresh.hits("POST", APPLICATIONS) == 50


def test_the_limit_is_shared_by_every_client_of_the_company(fresh: Served) -> None:
    with fresh.client() as first, fresh.client() as second:
        for number in range(15):
            first.create_application(POSITION, **applicant(number))
            second.upload_document(PDF, filename="cv.pdf")
    assert fresh.sandbox.state.rate_limited == 0
    assert len(fresh.sandbox.state.submitted()) == 15


@pytest.fixture
def minute_window() -> Iterator[Served]:
    """A stand-in with Personio's own window (60 s): its 21st request is refused however
    slowly a loaded machine sends the first twenty."""
    yield from serve(rate_window=60.0)


def test_without_the_client_limiter_the_sandbox_answers_429(minute_window: Served) -> None:
    fresh = minute_window
    headers = {
        "Authorization": f"Bearer {fresh.sandbox.recruiting_token}",
        "X-Company-ID": fresh.sandbox.company_id,
    }
    files = {"file": ("cv.pdf", PDF, "application/pdf")}
    with httpx.Client(base_url=fresh.url, headers=headers) as raw:
        statuses = [
            raw.post(f"{APPLICATIONS}/documents", files=files).status_code for _ in range(21)
        ]
        refused = raw.post(f"{APPLICATIONS}/documents", files=files)
    assert statuses[:20] == [200] * 20
    assert statuses[20] == 429
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.json()["errors"][0]["status"] == "429"


def test_each_stand_in_has_a_budget_of_its_own_and_gives_its_window(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Twenty uploads to one stand-in leave another's budget whole; the window a stand-in
    was started with reaches its clients, so a short one holds the 21st only briefly."""
    caplog.set_level(logging.INFO, logger="hirelink.ratelimit")

    def holds() -> list[float]:
        held = [r for r in caplog.records if "client-side rate limit" in r.getMessage()]
        return [float(getattr(r, "hirelink_wait_s")) for r in held]  # noqa: B009

    with (
        serve_stand_in("personio", rate_window=2.0) as first,
        serve_stand_in("personio", rate_window=2.0) as second,
    ):
        assert first.client_kwargs()["recruiting_rate_window"] == 2.0
        with Personio(**first.client_kwargs()) as personio:
            for number in range(21):
                personio.upload_document(PDF, filename=f"cv-{number}.pdf")
        (held,) = holds()
        assert 0 < held < 3  # the 2 s window and its slack, not Personio's 60 s
        caplog.clear()
        with Personio(**second.client_kwargs()) as personio:
            personio.upload_document(PDF, filename="cv.pdf")
        assert holds() == []


def test_a_429_from_personio_is_still_retried(served: Served, personio: Personio) -> None:
    served.sandbox.faults.add(
        Fault(
            method="POST",
            path=f"{APPLICATIONS}/documents$",
            status=429,
            headers={"Retry-After": "0"},
        )
    )
    uploaded = personio.upload_document(PDF, filename="cv.pdf")
    assert uploaded.size == len(PDF)
    assert served.hits("POST", "/documents") == 2


def test_a_429_naming_no_wait_is_resent_after_the_recruiting_window(
    served: Served, personio: Personio, caplog: pytest.LogCaptureFixture
) -> None:
    # Personio documents 20 requests a minute, "then wait 60 s", and no Retry-After: the
    # generic backoff resent within a second, inside the penalty, spending the budget.
    served.sandbox.faults.add(Fault(method="POST", path=f"{APPLICATIONS}/documents$", status=429))
    caplog.set_level(logging.INFO, logger="hirelink.retry")
    uploaded = personio.upload_document(PDF, filename="cv.pdf")
    assert uploaded.size == len(PDF)
    assert served.hits("POST", "/documents") == 2
    (retry,) = [r.getMessage() for r in caplog.records if r.name == "hirelink.retry"]
    window = CLIENT_WINDOW * (1 + 1 / 60)  # the client's window and its headroom
    assert f"after 429 in {window:.2f}s" in retry


def test_a_5xx_on_create_is_not_resent(served: Served, personio: Personio) -> None:
    served.sandbox.faults.add(
        Fault(method="POST", path=f"{APPLICATIONS}$", status=503, headers={"Retry-After": "0"})
    )
    with pytest.raises(ApiError) as caught:
        personio.create_application(POSITION, **applicant(77))
    assert caught.value.status_code == 503
    assert served.hits("POST", APPLICATIONS) == 1


@pytest.mark.anyio
async def test_an_application_cancelled_during_its_uploads_names_those_kept(
    fresh: Served,
) -> None:
    # A cancel (a workflow step's timeout) or Ctrl-C got no note: the first document's
    # uuid was lost, and a retry uploaded it again.
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/documents$", kind="delay", delay=0.5, times=2)
    )
    documents = [
        Document(PDF, type="cv", filename="cv.pdf"),
        Document(PDF, type="cover-letter", filename="letter.pdf"),
    ]
    stopped: list[BaseException] = []
    async with fresh.async_client() as personio, anyio.create_task_group() as tasks:

        async def apply() -> None:
            try:
                await personio.create_application(POSITION, **applicant(), documents=documents)
            except BaseException as error:
                stopped.append(error)
                raise

        tasks.start_soon(apply)
        await await_until(lambda: fresh.hits("POST", "/documents") >= 2, "the second upload")
        tasks.cancel_scope.cancel()
    (cancelled,) = stopped
    assert isinstance(cancelled, anyio.get_cancelled_exc_class())
    note, held = getattr(cancelled, "__notes__", [None, None])
    assert note is not None
    assert note.startswith("uploaded before uploading 'letter.pdf' failed: ")
    assert [d["original_filename"] for d in _listed(note)] == ["cv.pdf"]
    assert [d.type for d in uploaded_documents(cancelled)] == ["cv"]
    assert held == "Personio may hold 'letter.pdf' all the same"  # it was out


@pytest.mark.anyio
async def test_async_documents_and_applications(fresh: Served) -> None:
    async with fresh.async_client() as personio:
        uploaded = await personio.upload_document(PDF, filename="cv.pdf")
        submitted = await personio.create_application(
            POSITION,
            **applicant(),
            documents=[
                Document(uploaded, type="cv"),
                Document(b"letter", filename="letter.txt", type="cover-letter"),
            ],
        )
        with pytest.raises(DuplicateApplicationError):
            await personio.create_application(POSITION, **applicant())
        with pytest.raises(InvalidInputError):
            await personio.upload_document(b"", filename="empty.pdf")
    assert isinstance(submitted.files, list)
    assert [f.category for f in submitted.files] == ["cv", "cover-letter"]
    assert fresh.hits("POST", "/documents") == 2
    assert len(fresh.sandbox.state.submitted()) == 1


def test_a_cut_fault_on_an_answer_without_a_body_sends_no_answer(fresh: Served) -> None:
    # A submission is answered 201 without a body: half of nothing was the whole answer,
    # so the fault tested nothing. The submission is carried out and no answer comes.
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{APPLICATIONS}$", kind="cut"))
    with fresh.client() as personio, pytest.raises(ApiConnectionError):
        personio.create_application(POSITION, **applicant())
    assert fresh.hits("POST", APPLICATIONS) == 1  # a write is not resent
    assert len(fresh.sandbox.state.submitted()) == 1


@pytest.mark.anyio
async def test_an_async_file_object_is_refused_saying_what_to_pass(
    fresh: Served, tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    # It was blamed on its mode ("must be opened in binary mode"), with three warnings
    # of coroutines never awaited.
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(PDF)
    async with fresh.async_client() as personio, await anyio.open_file(pdf, "rb") as file:
        with pytest.raises(InvalidInputError) as caught:
            await personio.upload_document(file)  # type: ignore[arg-type]
    assert caught.value.field == "file"
    assert "async file object" in caught.value.message
    assert "await file.read()" in caught.value.message
    assert not [w for w in recwarn if "never awaited" in str(w.message)]
    assert fresh.sandbox.recorder.requests == []


@pytest.mark.anyio
async def test_async_uploads_read_their_files_off_the_event_loop(fresh: Served) -> None:
    loop_thread = threading.get_ident()
    read_on: set[int] = set()

    class ThreadNotingFile(io.BytesIO):
        name = "cv.pdf"

        def read(self, size: int | None = -1) -> bytes:
            read_on.add(threading.get_ident())
            return super().read(size)

    async with fresh.async_client() as personio:
        uploaded = await personio.upload_document(ThreadNotingFile(PDF))
        assert read_on
        assert loop_thread not in read_on
        read_on.clear()
        await personio.create_application(
            POSITION, **applicant(), documents=[Document(ThreadNotingFile(PDF), type="cv")]
        )
    assert read_on
    assert loop_thread not in read_on
    assert uploaded.original_filename == "cv.pdf"


@pytest.mark.anyio
async def test_async_burst_stays_under_the_limit(fresh: Served) -> None:
    async with fresh.async_client() as personio:

        async def create(number: int) -> None:
            await personio.create_application(POSITION, **applicant(number))

        async with anyio.create_task_group() as group:
            for number in range(30):
                group.start_soon(create, number)
    assert fresh.sandbox.state.rate_limited == 0
    assert len(fresh.sandbox.state.submitted()) == 30


def test_async_client_repr_hides_secrets(served: Served) -> None:
    client = AsyncPersonio(**served.client_kwargs())
    assert served.sandbox.recruiting_token not in repr(client)
    assert "recruiting_token" in repr(client)


def test_an_upload_answered_without_a_uuid_stops_before_the_submission(fresh: Served) -> None:
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/documents$", status=200, body={}))
    with fresh.client() as personio, pytest.raises(MalformedResponseError) as caught:
        personio.create_application(
            POSITION, **applicant(), documents=[Document(PDF, type="cv", filename="cv.pdf")]
        )
    assert "'cv.pdf' was sent" in str(caught.value)
    assert "not submitted" in str(caught.value)
    assert fresh.hits("POST", APPLICATIONS) == 0  # no file entry with a uuid of "None"


def test_an_upload_answered_without_a_uuid_returns_unset_not_none(fresh: Served) -> None:
    """Its model's module imports no UNSET: the fields were None, and to_dict() wrote the
    uuid "None", which read back failed as a badly formed UUID."""
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/documents$", status=200, body={}))
    with fresh.client() as personio:
        uploaded = personio.upload_document(PDF, filename="cv.pdf")
    assert cast(object, uploaded.uuid) is UNSET  # typed UUID: the promise a skeleton breaks
    assert uploaded.to_dict() == {}


def _fail_uploads_after_the_first(fresh: Served, fault: Fault) -> httpx.Client:
    """A client of our own that arms ``fault`` once the first upload was answered."""

    armed: list[Fault] = []

    def arm(response: httpx.Response) -> None:
        if response.request.url.path.endswith("/documents") and not armed:
            armed.append(fault)
            fresh.sandbox.faults.add(fault)

    return httpx.Client(event_hooks={"response": [arm]})


@pytest.mark.parametrize("answer", ["no uuid", "503"])
def test_an_upload_failing_after_another_names_the_one_kept(fresh: Served, answer: str) -> None:
    """However a later upload fails (its answer unreadable, a 5xx), the error names the
    uploads before it, to attach again; a 5xx also says Personio may hold that file."""
    fault = (
        Fault(method="POST", path=r"/documents$", status=200, body={})
        if answer == "no uuid"
        else Fault(method="POST", path=r"/documents$", status=503)
    )
    documents = [Document(PDF, type="cv", filename=f"cv-{n}.pdf") for n in range(2)]
    with (
        _fail_uploads_after_the_first(fresh, fault) as own,
        Personio(**fresh.client_kwargs(), httpx_client=own) as personio,
        pytest.raises(ApiError if answer == "503" else MalformedResponseError) as caught,
    ):
        personio.create_application(POSITION, **applicant(), documents=documents)
    notes = "\n".join(caught.value.__notes__)
    assert "uploaded before uploading 'cv-1.pdf'" in notes
    kept = uploaded_documents(caught.value)
    assert [d.file.original_filename for d in kept if isinstance(d.file, StoredFile)] == [
        "cv-0.pdf"
    ]
    assert ("Personio may hold 'cv-1.pdf' all the same" in notes) == (answer == "503")
    assert fresh.hits("POST", APPLICATIONS) == 0


def test_a_failed_submission_names_the_uploads_and_a_retry_attaches_them(
    fresh: Served,
) -> None:
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{APPLICATIONS}$", status=400))
    documents = [Document(PDF, type="cv", filename=f"cv-{n}.pdf") for n in range(2)]
    with fresh.client() as personio:
        with pytest.raises(ApiError) as caught:
            personio.create_application(POSITION, **applicant(), documents=documents)
        (note,) = caught.value.__notes__
        assert note.startswith("uploaded before the submission failed: ")
        listed = _listed(note)
        assert [d["original_filename"] for d in listed] == ["cv-0.pdf", "cv-1.pdf"]
        assert {d["type"] for d in listed} == {"cv"}
        assert fresh.hits("POST", "/documents") == 2
        kept = uploaded_documents(caught.value)
        assert [str(getattr(d.file, "uuid", None)) for d in kept] == [d["uuid"] for d in listed]
        retried = personio.create_application(POSITION, **applicant(), documents=kept)
    assert fresh.hits("POST", "/documents") == 2  # nothing uploaded again by the retry
    (submitted,) = fresh.sandbox.state.submitted()
    assert len(submitted["files"]) == 2
    assert len(fresh.sandbox.state.submitted()) == 1
    assert retried.email == applicant()["email"]


def test_the_documents_to_attach_again_are_ascii_json(fresh: Served) -> None:
    # Written with the file names as they are, the JSON was broken on an output that cannot
    # show them (the hirelink command writes \xeb there, not a JSON escape).
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{APPLICATIONS}$", status=400))
    name = "Lebenslauf_Zoë_😀.pdf"
    with fresh.client() as personio, pytest.raises(ApiError) as caught:
        personio.create_application(
            POSITION, **applicant(), documents=[Document(PDF, type="cv", filename=name)]
        )
    (note,) = caught.value.__notes__
    assert note.isascii()
    assert [d["original_filename"] for d in _listed(note)] == [name]


def test_a_submission_whose_outcome_is_unknown_says_to_look_before_trying_again(
    fresh: Served,
) -> None:
    # A 5xx to a POST is never resent: Personio may have created the application, and the
    # note must not invite a second one.
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{APPLICATIONS}$", status=503))
    with fresh.client() as personio, pytest.raises(ServerError) as caught:
        personio.create_application(
            POSITION, **applicant(), documents=[Document(PDF, type="cv", filename="cv.pdf")]
        )
    (note,) = caught.value.__notes__
    assert note.startswith(
        "the submission may have been carried out: look for the application in Personio"
        " before trying again; it attached documents uploaded first: "
    )
    assert [d["original_filename"] for d in _listed(note)] == ["cv.pdf"]
    assert len(uploaded_documents(caught.value)) == 1
    assert fresh.hits("POST", APPLICATIONS) == 1


def test_a_submission_that_never_reached_personio_names_the_uploads_to_attach_again(
    fresh: Served,
) -> None:
    transport = Unreachable(method="POST", path_end=APPLICATIONS)
    with fresh.client(transport=transport) as personio, pytest.raises(ApiConnectionError) as caught:
        personio.create_application(
            POSITION, **applicant(), documents=[Document(PDF, type="cv", filename="cv.pdf")]
        )
    assert caught.value.not_sent
    (note,) = caught.value.__notes__
    assert note.startswith("uploaded before the submission failed: ")
    assert [d["original_filename"] for d in _listed(note)] == ["cv.pdf"]
    assert "may have been carried out" not in note
    assert fresh.sandbox.state.submitted() == []


@pytest.mark.parametrize("fault", ["malformed", "drop"])
def test_a_submission_stopped_by_its_token_exchange_is_not_said_to_have_been_made(
    fresh: Served, fault: str
) -> None:
    """The exchange is a POST that harms nothing when repeated: its failure (an answer
    that does not read, a lost connection) said the submission might have been made."""
    exchange = Fault(method="POST", path=r"/v2/auth/token$", kind=fault, times=-1)  # type: ignore[arg-type]
    fresh.sandbox.faults.add(exchange)
    with fresh.client(recruiting_token=None) as personio, pytest.raises(HirelinkError) as caught:
        personio.create_application(POSITION, **applicant())
    assert not may_have_been_carried_out(caught.value)
    assert "may have been carried out" not in " ".join(getattr(caught.value, "__notes__", []))
    assert fresh.sandbox.state.submitted() == []


@pytest.mark.anyio
async def test_a_request_queued_behind_a_failed_exchange_keeps_what_the_failure_was(
    fresh: Served,
) -> None:
    """A request waiting for the same exchange got a bare copy of its error: it lost
    not_sent and harmless_to_repeat, so a submission behind a read was said to maybe
    have been made."""
    fresh.sandbox.faults.add(Fault(method="POST", path=r"/v2/auth/token$", kind="drop", times=-1))
    async with fresh.async_client(recruiting_token=None, max_retries=1) as personio:

        async def submit() -> Any:
            await asyncio.sleep(0.05)  # behind the read's exchange
            return await personio.create_application(POSITION, **applicant())

        outcomes = await asyncio.gather(
            personio.list_categories(), submit(), return_exceptions=True
        )
    for failure in outcomes:
        assert isinstance(failure, ApiConnectionError)
        assert failure.harmless_to_repeat
        assert not may_have_been_carried_out(failure)
    assert fresh.sandbox.state.submitted() == []


class Unreachable(httpx.HTTPTransport):
    """Every attempt at ``method`` on a path ending in ``path_end`` finds no connection."""

    def __init__(self, method: str, path_end: str) -> None:
        super().__init__()
        self.method, self.path_end = method, path_end

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == self.method and request.url.path.endswith(self.path_end):
            raise httpx.ConnectError("connection refused", request=request)
        return super().handle_request(request)


class SecondUploadUnreachable(httpx.HTTPTransport):
    """Lets the first upload through; every attempt at another finds no connection."""

    def __init__(self) -> None:
        super().__init__()
        self.uploads = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/documents"):
            self.uploads += 1
            if self.uploads > 1:
                raise httpx.ConnectError("connection refused", request=request)
        return super().handle_request(request)


def test_a_failed_later_upload_names_the_uploads_personio_keeps(fresh: Served) -> None:
    documents = [Document(PDF, type="cv", filename=f"cv-{n}.pdf") for n in range(2)]
    with (
        fresh.client(transport=SecondUploadUnreachable()) as personio,
        pytest.raises(ApiConnectionError) as caught,
    ):
        personio.create_application(POSITION, **applicant(), documents=documents)
    (note,) = caught.value.__notes__
    assert "uploaded before uploading 'cv-1.pdf' failed: " in note
    assert [d["original_filename"] for d in _listed(note)] == ["cv-0.pdf"]
    assert fresh.hits("POST", "/documents") == 1
    assert fresh.sandbox.state.submitted() == []


def test_any_stored_file_is_attached_by_reference(fresh: Served) -> None:
    @attrs.frozen
    class Kept:  # a StoredFile of the caller's own, e.g. read back from its database
        uuid: UUID
        original_filename: str

    with fresh.client() as personio:
        uploaded = personio.upload_document(PDF, filename="cv.pdf")
        assert isinstance(uploaded.uuid, UUID)
        kept = Kept(uploaded.uuid, "cv.pdf")
        personio.create_application(POSITION, **applicant(), documents=[Document(kept)])
    assert fresh.hits("POST", "/documents") == 1
    assert len(fresh.sandbox.state.submitted()) == 1


def test_an_upload_waiting_for_a_rate_limit_slot_when_the_client_closes_is_not_sent(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="hirelink.ratelimit")
    client = fresh.client(recruiting_rate_window=60.0)  # the 21st upload waits a minute
    for number in range(20):
        client.upload_document(PDF, filename=f"cv-{number}.pdf")
    outcome: list[BaseException] = []

    def upload_the_21st() -> None:
        try:
            client.upload_document(PDF, filename="late.pdf")
        except ApiConnectionError as error:
            outcome.append(error)

    waiting = threading.Thread(target=upload_the_21st)
    waiting.start()
    wait_until(
        lambda: any("client-side rate limit" in r.getMessage() for r in caplog.records),
        "wait of the 21st upload for its slot",
    )
    client.close()
    waiting.join(10)
    assert not waiting.is_alive()
    (error,) = outcome
    assert "the client was closed while POST" in str(error)
    assert isinstance(error, ApiConnectionError)
    assert error.not_sent
    assert fresh.hits("POST", "/documents") == 20


def test_someone_who_applied_before_the_run_is_a_duplicate_too(fresh: Served) -> None:
    """The stand-in knew only the applications of its own run: a candidate seeded as having
    applied applied again with 201, where Personio answers applicant-already-exists."""
    with fresh.client() as personio:
        seeded = next(
            a.to_dict()
            for a in personio.iter_applications()
            if a.to_dict()["job"]["id"] == str(POSITION)
        )
        person = seeded["candidate"]
        with pytest.raises(DuplicateApplicationError):
            personio.create_application(
                POSITION,
                first_name=person["first_name"],
                last_name=person["last_name"],
                email=person["email"],
            )


def test_an_application_takes_the_job_id_the_v2_listing_gives(
    served: Served, personio: Personio
) -> None:
    # v2 gives ids as strings of digits; get_job took them and create_application refused
    # them ("must be a whole number"), so a job found by listing could not be applied to.
    (job,) = [job for job in personio.iter_jobs() if job.id == str(POSITION)]
    assert isinstance(job.id, str)
    created = personio.create_application(job.id, **applicant())
    sent = served.sandbox.recorder.last("POST", APPLICATIONS)
    assert sent is not None
    assert sent.json()["job_position_id"] == POSITION  # sent as a number, as v1 reads it
    assert created.job_position_id == POSITION
    with pytest.raises(InvalidInputError) as caught:
        personio.create_application("18745x", **applicant())
    assert caught.value.field == "job_position_id"


def test_a_token_failure_handed_to_a_queued_call_holds_none_of_the_first_callers_uploads(
    fresh: Served,
) -> None:
    # Anna's submission is answered 401 and the token renewal's answer does not read;
    # Bert's first upload, queued behind that renewal, is raised a copy of its error,
    # which held Anna's uploaded CV once Anna's call had added it.
    with fresh.client(recruiting_token=None, company_id=None) as personio:
        personio.list_jobs()  # a token now
        tokens = fresh.hits("POST", "/token")
        fresh.sandbox.faults.add(
            Fault(method="POST", path="/v2/recruiting/applications$", status=401, times=1)
        )
        fresh.sandbox.faults.add(Fault(path="/token$", kind="malformed", delay=1.0, times=-1))
        stopped: dict[str, BaseException] = {}

        def apply(name: str) -> None:
            documents = [Document(PDF, type="cv", filename=f"{name}_CV.pdf")]
            try:
                personio.create_application(
                    POSITION,
                    first_name=name,
                    last_name="Example",
                    email=f"{name.lower()}@example.org",
                    documents=documents,
                )
            except HirelinkError as error:
                stopped[name] = error

        anna = threading.Thread(target=apply, args=("Anna",))
        anna.start()
        wait_until(lambda: fresh.hits("POST", "/token") > tokens, "Anna's token renewal")
        fresh.sandbox.faults.add(Fault(method="POST", path="/documents$", status=401, times=1))
        bert = threading.Thread(target=apply, args=("Bert",))
        bert.start()
        anna.join()
        bert.join()
    assert [type(d.file).__name__ for d in uploaded_documents(stopped["Anna"])] == [
        "UploadedDocument"
    ]
    assert isinstance(stopped["Bert"], MalformedResponseError)
    assert uploaded_documents(stopped["Bert"]) == []
    assert getattr(stopped["Bert"], "__notes__", []) == []


@pytest.mark.anyio
async def test_uploads_kept_are_found_behind_a_timeout(fresh: Served) -> None:
    """The caller's timeout runs out while the application is out, its upload done (the
    deadline is set when the application arrives: a fixed one raced a loaded machine)."""
    fresh.sandbox.faults.add(Fault(method="POST", path=f"{APPLICATIONS}$", kind="hold"))

    async def apply_until_the_application_arrives(personio: AsyncPersonio) -> None:
        async def time_out_once_applied() -> None:
            await await_until(lambda: fresh.hits("POST", APPLICATIONS) == 1, "the application")
            deadline.reschedule(asyncio.get_running_loop().time())

        async with asyncio.timeout(None) as deadline:
            watcher = asyncio.create_task(time_out_once_applied())
            await personio.create_application(
                POSITION, **applicant(), documents=[Document(PDF, type="cv", filename="c.pdf")]
            )
        await watcher

    async with fresh.async_client() as personio:
        try:
            with pytest.raises(TimeoutError) as caught:
                await apply_until_the_application_arrives(personio)
        finally:
            fresh.sandbox.faults.release()
    assert [document.type for document in uploaded_documents(caught.value)] == ["cv"]


def test_an_application_made_while_handling_anothers_error_is_not_given_its_documents(
    fresh: Served,
) -> None:
    refused = Fault(method="POST", path=f"{APPLICATIONS}$", status=400, times=2)
    fresh.sandbox.faults.add(refused)
    with fresh.client() as personio:
        with pytest.raises(ApiError) as first:
            personio.create_application(
                POSITION, **applicant(), documents=[Document(PDF, type="cv", filename="a.pdf")]
            )
        assert len(uploaded_documents(first.value)) == 1
        try:
            raise first.value
        except ApiError:  # handling it, another application is made and refused
            with pytest.raises(ApiError) as second:
                personio.create_application(
                    POSITION, first_name="Ada", last_name="L", email="ada.l@example.org"
                )
    assert second.value.__context__ is first.value
    assert uploaded_documents(second.value) == []
