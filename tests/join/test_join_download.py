"""download_attachment over real HTTP: the stand-in's files, the token kept to JOIN's hosts,
redirects, retries and errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest

from hirelink.core import (
    ApiError,
    AuthenticationError,
    HirelinkError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from hirelink.core.secrets import scrub
from hirelink.join import AsyncJoin, Attachment, Document, Join
from hirelink.sandbox.faults import Fault

from ..local_servers import serving
from .conftest import Served

CV = b"%PDF-1.4\n% Lena Vogt's CV\n"


class Arrivals:
    """What a loopback server of the test's own received: each request's path and
    whether it carried an ``Authorization`` header."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, bool]] = []
        self.lock = threading.Lock()

    def handler(self) -> type[BaseHTTPRequestHandler]:
        arrivals = self

        class Recording(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with arrivals.lock:
                    arrivals.requests.append((self.path, "Authorization" in self.headers))
                self.send_response(200)
                self.send_header("Content-Length", "4")
                self.end_headers()
                self.wfile.write(b"file")

            def log_message(self, *args: Any) -> None:
                pass

        return Recording


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, Arrivals]]:
    """A server on another port of this machine (another origin than the stand-in's)."""
    arrivals = Arrivals()
    with serving(arrivals.handler(), "/cv.pdf?sig=abc") as url:
        yield url, arrivals


def _created_with_cv(join: Join) -> Attachment:
    created = join.create_application(
        8812345,
        first_name="Lena",
        last_name="Vogt",
        email="lena.vogt@example.org",
        documents=[Document(CV, type="CV", filename="Lena_Vogt_CV.pdf")],
    )
    (attachment,) = join.get_application(created.id).attachments  # type: ignore[arg-type,misc]
    return attachment


def test_the_cv_created_with_an_application_comes_back(fresh: Served) -> None:
    with fresh.client() as join:
        attachment = _created_with_cv(join)
        downloaded = join.download_attachment(attachment)
        by_url = join.download_attachment(attachment.url)  # type: ignore[arg-type]
    assert downloaded.content == CV
    assert downloaded.content_type == "application/pdf"
    assert downloaded.filename == "Lena_Vogt_CV.pdf"
    assert by_url == downloaded
    assert "Vogt's" not in repr(downloaded)  # the bytes are not shown


@pytest.mark.anyio
async def test_async_download(fresh: Served) -> None:
    with fresh.client() as join:
        attachment = _created_with_cv(join)
    async with AsyncJoin(**fresh.client_kwargs()) as ajoin:
        downloaded = await ajoin.download_attachment(attachment)
    assert (downloaded.content, downloaded.filename) == (CV, "Lena_Vogt_CV.pdf")


def test_a_seeded_application_s_cv_downloads(served: Served, join: Join) -> None:
    (attachment,) = join.list_applications(page=1, page_size=1)[0].attachments  # type: ignore[misc]
    downloaded = join.download_attachment(attachment)
    assert downloaded.content.startswith(b"%PDF-1.4")
    assert downloaded.filename == attachment.filename


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "localhost"], ids=["same host, other port", "another name"]
)
def test_an_untrusted_host_gets_no_request(
    join: Join, elsewhere: tuple[str, Arrivals], host: str
) -> None:
    url, arrivals = elsewhere
    url = url.replace("127.0.0.1", host)
    with pytest.raises(InvalidInputError) as refused:
        join.download_attachment(url, trusted_hosts=["join.com", "localhost"])
    assert refused.value.field == "attachment"
    assert repr(host) in str(refused.value)
    assert "sig=abc" not in str(refused.value)
    assert arrivals.requests == []


def test_hosts_outside_join_com_are_refused_before_sending(served: Served, join: Join) -> None:
    for url in (
        "https://files.example.org/cv/1?sig=x",
        "https://join.com.example.org/cv/1",
        "https://notjoin.com/cv/1",
        "https://api.join.com@example.org/cv/1",
        "http://files.join.com/cv/1",  # JOIN's, but not over https
    ):
        with pytest.raises(InvalidInputError) as refused:
            join.download_attachment(Attachment(type_="CV", url=url))
        assert refused.value.field == "attachment.url"
    assert served.sandbox.recorder.requests == []


@pytest.mark.parametrize("own_client", [False, True], ids=["hirelink's", "a following httpx"])
def test_a_redirect_to_another_host_is_not_followed(
    fresh: Served, elsewhere: tuple[str, Arrivals], own_client: bool
) -> None:
    url, arrivals = elsewhere
    options: dict[str, Any] = {}
    if own_client:
        options["httpx_client"] = httpx.Client(follow_redirects=True)
    with fresh.client(**options) as join:
        attachment = _created_with_cv(join)
        fresh.sandbox.faults.add(
            Fault(method="GET", path=r"^/files/", status=302, headers={"Location": url})
        )
        with pytest.raises(ApiError) as redirected:
            join.download_attachment(attachment)
    if own_client:
        options["httpx_client"].close()
    assert redirected.value.status_code == 302
    assert "follows no redirects" in redirected.value.message
    assert "sig=abc" not in str(redirected.value)
    assert arrivals.requests == []


def test_a_5xx_is_retried(fresh: Served) -> None:
    with fresh.client() as join:
        attachment = _created_with_cv(join)
        fresh.sandbox.faults.add(Fault(method="GET", path=r"^/files/", status=503))
        assert join.download_attachment(attachment).content == CV
    assert fresh.hits("GET", "/documents/0") == 2


def test_errors_of_the_download_are_typed(fresh: Served) -> None:
    with fresh.client() as join:
        url: str = _created_with_cv(join).url  # type: ignore[assignment]
        with pytest.raises(NotFoundError) as missing:
            join.download_attachment(url.replace("/documents/0", "/documents/1"))
        signature = url.partition("sig=")[2]
        assert signature not in str(missing.value)  # a pre-signed link's key
        assert "sig=***" in missing.value.url
        with pytest.raises(PermissionDeniedError):
            join.download_attachment(url.replace("sig=", "sig=0"))
    with fresh.client(token="not-the-token") as stranger, pytest.raises(AuthenticationError):
        stranger.download_attachment(url)


@pytest.mark.parametrize("name", ["Sig", "token", "X-Amz-Signature"])
def test_the_signature_is_hidden_whatever_its_query_name(fresh: Served, name: str) -> None:
    """Hidden under six exact names only: JOIN's own is not known."""
    with fresh.client() as join:
        url: str = _created_with_cv(join).url  # type: ignore[assignment]
        signature = url.partition("sig=")[2]
        with pytest.raises(PermissionDeniedError) as refused:
            join.download_attachment(f"{url.partition('?')[0]}?{name}={signature}")
    assert signature not in str(refused.value)
    assert f"{name}=***" in refused.value.url


@pytest.mark.parametrize(
    ("disposition", "filename"),
    [
        ('attachment; filename="C:cv.pdf"', "cv.pdf"),  # drive C:'s current directory
        ('attachment; filename="..\\..\\cv.pdf"', "cv.pdf"),
        ('attachment; filename="/etc/cv.pdf"', "cv.pdf"),
        ('attachment; filename=".."', None),
    ],
)
def test_the_file_name_never_names_a_directory(
    fresh: Served, disposition: str, filename: str | None
) -> None:
    with fresh.client() as join:
        url: str = _created_with_cv(join).url  # type: ignore[assignment]
        headers = {"Content-Type": "application/pdf", "Content-Disposition": disposition}
        fresh.sandbox.faults.add(
            Fault(method="GET", path=r"^/files/", status=200, body=b"%PDF", headers=headers)
        )
        downloaded = join.download_attachment(url)
    assert downloaded.filename == filename


@pytest.mark.parametrize(
    ("attachment", "field"),
    [
        ("", "attachment"),
        ("ftp://files.join.com/cv.pdf", "attachment"),
        ("files.join.com/cv.pdf", "attachment"),
        (Attachment(type_="CV"), "attachment.url"),
        (Attachment(type_="CV", url=" "), "attachment.url"),
        ("https://\uff46iles.join.com/cv.pdf?sig=x", "attachment"),  # full-width: IDNA refuses
    ],
)
def test_bad_input_names_the_field_and_sends_nothing(
    served: Served, join: Join, attachment: Any, field: str
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        join.download_attachment(attachment)
    assert refused.value.field == field
    assert served.sandbox.recorder.requests == []


def test_trusted_hosts_must_be_a_list_of_host_names(served: Served, join: Join) -> None:
    url = f"{served.url}/files/applications/51000001/documents/0?sig=x"
    for hosts, field in (("join.com", "trusted_hosts"), (["https://join.com"], "trusted_hosts.0")):
        with pytest.raises(InvalidInputError) as refused:
            join.download_attachment(url, trusted_hosts=hosts)
        assert refused.value.field == field
    assert served.sandbox.recorder.requests == []


def test_a_downloads_query_names_are_not_masked_in_every_url_after(fresh: Served) -> None:
    """The names of a download URL's query (the provider's choice) were masked for the
    whole process: after one download, every `?downloadpage=2` anywhere showed as `***`."""
    with fresh.client() as join:
        url: str = _created_with_cv(join).url  # type: ignore[assignment]
        assert join.download_attachment(f"{url}&downloadpage=2").content == CV
    assert scrub("https://api.example.org/v2/jobs?downloadpage=3") == (
        "https://api.example.org/v2/jobs?downloadpage=3"
    )


def test_a_query_value_written_in_an_odd_encoding_is_hidden_too(fresh: Served) -> None:
    """Masked as decoded and as quoted again, a value written half raw and half encoded
    (a raw `/` beside `%2B`, `~` as `%7E`) showed as it was written (review)."""
    with fresh.client() as join:
        url: str = _created_with_cv(join).url  # type: ignore[assignment]
        odd = "X-Credential=AKIAEXAMPLE/20260101/eu-central-1%2Bx&Key-Id=K2JCJMDEHXQW%7Eabc"
        with pytest.raises(HirelinkError) as refused:
            join.download_attachment(f"{url.partition('?')[0]}?{odd}")
    shown = f"{refused.value} {getattr(refused.value, 'url', '')}"
    assert "AKIAEXAMPLE" not in shown
    assert "K2JCJMDEHXQW" not in shown
