"""The XML job feed over real HTTP: typed positions, errors, hostile documents."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from hirelink.core import (
    ApiConnectionError,
    InvalidInputError,
    MalformedResponseError,
    NotFoundError,
)
from hirelink.personio import (
    AsyncPersonio,
    EmploymentType,
    JobDescription,
    JobPosition,
    Personio,
    SalaryInformation,
    Schedule,
    Seniority,
    YearsOfExperience,
    parse_job_feed,
)
from hirelink.personio.positions import MOST_FEED_ELEMENTS
from hirelink.sandbox.faults import Fault
from tests.local_servers import serving

from .conftest import Served

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE workzag-jobs [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<workzag-jobs><position><id>1</id><name>&lol9;</name></position></workzag-jobs>
"""

SECRET_FILE_TEXT = "this text must never be read into a job position"


def external_entity_feed(target: str) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE workzag-jobs [<!ENTITY stolen SYSTEM "file://{target}">]>
<workzag-jobs><position><id>1</id><name>&stolen;</name></position></workzag-jobs>
""".encode()


def feed_only(served: Served, subdomain: str | None = None) -> Personio:
    """A client with nothing but the API domain: the feed needs no credentials."""
    return Personio(
        subdomain=subdomain or served.sandbox.subdomain,
        base_url=served.url,
        jobs_base_url=served.sandbox.jobs_base_url(served.url),
    )


def test_positions_carry_every_element_of_the_feed(served: Served) -> None:
    with feed_only(served) as personio:
        positions = personio.list_job_positions(language="en")
    assert [p.id for p in positions] == [1874512, 1874513, 1874514, 1874515, 1874516]
    backend = positions[0]
    assert backend == JobPosition(
        id=1874512,
        name="Backend Engineer Billing (m/f/d)",
        office="Hamburg",
        additional_offices=("Remote (Germany)",),
        subcompany="Nordlicht Software GmbH",
        department="Engineering",
        recruiting_category="Tech",
        job_descriptions=(
            JobDescription(
                "Your role",
                "<p>As Backend Engineer Billing (m/f/d) you shape how our team works.</p>",
            ),
            JobDescription("What you bring", "<ul><li>Curiosity</li><li>Team spirit</li></ul>"),
        ),
        employment_type=EmploymentType.PERMANENT,
        seniority=Seniority.EXPERIENCED,
        schedule=Schedule.FULL_TIME,
        years_of_experience=YearsOfExperience.FROM_2_TO_5,
        keywords=("python", "go", "billing", "backend"),
        occupation="software_and_web_development",
        occupation_category="it_software",
        created_at=datetime(2025, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1))),
        salary=SalaryInformation(Decimal("60000.00"), None, "EUR", "€", "yearly"),
    )
    name, html = backend.job_descriptions[0]  # a (name, html) pair
    assert name == "Your role"
    assert html.startswith("<p>")
    intern = positions[-1]  # no subcompany or department, as in some captured positions
    assert (intern.id, intern.subcompany, intern.department) == (1874516, None, None)


def test_created_at_is_aware_whatever_the_offset_spelling(served: Served) -> None:
    with feed_only(served) as personio:
        by_id = {p.id: p for p in personio.list_job_positions()}
    assert by_id[1874513].created_at == datetime(2025, 2, 1, 7, 0, tzinfo=UTC)  # "+0100"
    assert by_id[1874515].created_at == datetime(2025, 1, 20, 10, 0, tzinfo=UTC)  # "+00:00"
    assert all(p.created_at is not None and p.created_at.tzinfo for p in by_id.values())


def test_values_outside_the_known_enums_stay_as_strings(served: Served) -> None:
    with feed_only(served) as personio:
        by_id = {p.id: p for p in personio.list_job_positions()}
    assert by_id[1874514].employment_type == EmploymentType.WORKING_STUDENT
    assert by_id[1874516].schedule == Schedule.FULL_OR_PART_TIME
    assert by_id[1874516].years_of_experience is None

    served.sandbox.state.serve_raw_feed(
        "novel",
        b"<workzag-jobs><position><id>7</id><name>Pilot</name>"
        b"<employmentType>seasonal</employmentType><seniority>principal</seniority>"
        b"<createdAt>2025-05-01T10:00:00</createdAt></position></workzag-jobs>",
    )
    with feed_only(served, "novel") as personio:
        (position,) = personio.list_job_positions()
    assert position.employment_type == "seasonal"
    assert not isinstance(position.employment_type, EmploymentType)
    assert position.seniority == "principal"
    assert position.created_at == datetime(2025, 5, 1, 10, 0, tzinfo=UTC)  # naive means UTC


def test_language_reaches_the_wire_and_german_is_the_default(served: Served) -> None:
    served.sandbox.recorder.clear()
    with feed_only(served) as personio:
        german = personio.list_job_positions()
        english = personio.list_job_positions(language="en")
    queries = [parse_qs(r.query_string) for r in served.sandbox.recorder.requests]
    assert queries == [{"language": ["de"]}, {"language": ["en"]}]
    assert german[0].name == "Backend Engineer Billing (m/w/d)"
    assert english[0].name == "Backend Engineer Billing (m/f/d)"


def test_no_credential_is_ever_sent_to_the_jobs_host(served: Served) -> None:
    served.sandbox.recorder.clear()
    with served.client() as personio:
        personio.list_job_positions()
    (request,) = served.sandbox.recorder.requests
    assert request.path == "/jobs/nordlicht/xml"
    assert "authorization" not in request.headers
    # Not a credential: Personio's own document lists it as a header of the feed.
    assert request.headers["x-company-id"] == served.sandbox.company_id


@pytest.mark.parametrize("subdomain", ["stillwater", "no-such-company"])
def test_disabled_feed_or_unknown_domain_explains_what_to_check(
    served: Served, subdomain: str
) -> None:
    with feed_only(served, subdomain) as personio, pytest.raises(NotFoundError) as caught:
        personio.list_job_positions()
    message = caught.value.message
    assert f"/jobs/{subdomain}/xml" in message
    assert "Enable XML feed" in message
    assert "subdomain of your Personio login page" in message


def test_a_redirect_instead_of_a_feed_is_reported_the_same_way(served: Served) -> None:
    served.sandbox.faults.add(
        Fault(path=r"^/jobs/", status=301, headers={"Location": "https://www.personio.com/"})
    )
    with feed_only(served) as personio, pytest.raises(NotFoundError) as caught:
        personio.list_job_positions()
    assert caught.value.status_code == 301
    assert "Enable XML feed" in caught.value.message


def test_entity_expansion_is_refused_not_expanded(served: Served) -> None:
    served.sandbox.state.serve_raw_feed("bomb", BILLION_LAUGHS)
    with feed_only(served, "bomb") as personio, pytest.raises(MalformedResponseError) as caught:
        personio.list_job_positions()
    assert caught.value.operation == "list_job_positions"
    assert "refused to parse a document that declares entities" in str(caught.value)


def test_external_entities_are_refused_and_nothing_is_read(served: Served, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_FILE_TEXT)
    served.sandbox.state.serve_raw_feed("xxe", external_entity_feed(str(secret)))
    with feed_only(served, "xxe") as personio, pytest.raises(MalformedResponseError) as caught:
        personio.list_job_positions()
    assert "external references" in str(caught.value)
    assert SECRET_FILE_TEXT not in str(caught.value)


@pytest.mark.parametrize(
    ("document", "complaint"),
    [
        (b"<workzag-jobs><position>", "not well-formed XML"),
        (b"<html><body>Career page</body></html>", "root element is <html>"),
        (b"<workzag-jobs><position><name>No id</name></position></workzag-jobs>", "numeric <id>"),
        (  # Arabic-Indic digits are digits to str.isdigit, not an id
            "<workzag-jobs><position><id>\u0661\u0662</id><name>Odd</name></position>"
            "</workzag-jobs>".encode(),
            "numeric <id>",
        ),
    ],
)
def test_documents_that_are_no_feed_are_malformed(
    served: Served, document: bytes, complaint: str
) -> None:
    served.sandbox.state.serve_raw_feed("odd", document)
    with feed_only(served, "odd") as personio, pytest.raises(MalformedResponseError) as caught:
        personio.list_job_positions()
    assert complaint in str(caught.value)


@pytest.mark.parametrize(
    ("minimum", "read"),
    [
        ("100000.00", Decimal("100000.00")),
        ("55000,50", Decimal("55000.50")),  # a decimal comma alone
        ("100,000", None),  # thousands separators are not guessed at (it read 100.000)
        ("100.000,00", None),
        ("100.000", None),  # a German hundred thousand (it read 100)
        ("1.500", None),
        ("100000.5", Decimal("100000.5")),
    ],
)
def test_salaries_are_read_or_left_out_never_misread(
    served: Served, minimum: str, read: Decimal | None
) -> None:
    document = (
        "<workzag-jobs><position><id>7</id><name>Pilot</name><salaryInformation>"
        f"<min>{minimum}</min><currencyCode>EUR</currencyCode></salaryInformation>"
        "</position></workzag-jobs>"
    )
    served.sandbox.state.serve_raw_feed("paid", document.encode())
    with feed_only(served, "paid") as personio:
        (position,) = personio.list_job_positions()
    assert position.salary is not None
    assert position.salary.minimum == read


def test_an_empty_board_is_an_empty_list(served: Served) -> None:
    served.sandbox.state.serve_raw_feed("empty", b"<workzag-jobs></workzag-jobs>")
    with feed_only(served, "empty") as personio:
        assert personio.list_job_positions() == []


def test_unknown_language_is_refused_before_sending(served: Served) -> None:
    served.sandbox.recorder.clear()
    with feed_only(served) as personio, pytest.raises(InvalidInputError) as caught:
        personio.list_job_positions(language="sv")  # type: ignore[arg-type]
    assert caught.value.field == "language"
    assert served.sandbox.recorder.requests == []


def test_the_sandbox_validates_feed_requests_against_the_feed_spec(served: Served) -> None:
    response = httpx.get(f"{served.url}/jobs/nordlicht/xml", params={"language": "sv"})
    assert response.status_code == 400
    assert "language" in response.text


@pytest.mark.anyio
async def test_async_feed(served: Served) -> None:
    async with AsyncPersonio(
        subdomain=served.sandbox.subdomain,
        base_url=served.url,
        jobs_base_url=served.sandbox.jobs_base_url(served.url),
    ) as personio:
        positions = await personio.list_job_positions(language="en")
        assert len(positions) == 5
        assert positions[0].job_descriptions[1].name == "What you bring"
    served.sandbox.state.serve_raw_feed("async-bomb", BILLION_LAUGHS)
    async with AsyncPersonio(
        subdomain="async-bomb",
        base_url=served.url,
        jobs_base_url=served.sandbox.jobs_base_url(served.url),
    ) as personio:
        with pytest.raises(MalformedResponseError):
            await personio.list_job_positions()
        personio_off = AsyncPersonio(
            subdomain="stillwater",
            base_url=served.url,
            jobs_base_url=served.sandbox.jobs_base_url(served.url),
        )
        async with personio_off:
            with pytest.raises(NotFoundError, match="Enable XML feed"):
                await personio_off.list_job_positions()


def test_default_hosts_are_personios() -> None:
    with Personio(subdomain="Acme.personio.de") as personio:
        assert personio.feed_url == "https://acme.jobs.personio.de/xml"
        assert personio.base_url == "https://api.personio.de"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"subdomain": "not a domain"}, "subdomain"),
        ({"subdomain": "acme", "company_id": "41-737"}, "company_id"),
        ({"subdomain": "acme", "channel_id": True}, "channel_id"),
        ({"subdomain": "acme", "client_id": " "}, "client_id"),
        ({"subdomain": "acme", "base_url": "api.personio.de"}, "base_url"),
        ({"subdomain": "acme", "jobs_base_url": "ftp://jobs"}, "jobs_base_url"),
        ({"subdomain": "acme", "recruiting_rate_window": 0}, "recruiting_rate_window"),
    ],
)
def test_constructor_checks_its_arguments(arguments: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Personio(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("field", "pasted"),
    [
        ("company_id", "recruit-TOKEN-ZZZ999"),
        ("company_id", b"recruit-TOKEN-ZZZ999"),
        ("channel_id", "papi client SECRET 42"),
        ("subdomain", "papi client SECRET 42"),
        ("subdomain", b"recruit-TOKEN-ZZZ999"),
        ("client_id", b"papi-client-SECRET"),
    ],
)
def test_a_credential_in_the_wrong_field_is_not_quoted(
    served: Served, field: str, pasted: str | bytes
) -> None:
    served.sandbox.recorder.clear()
    with pytest.raises(InvalidInputError) as caught:
        served.client(**{field: pasted})
    assert caught.value.field == field
    assert "TOKEN" not in str(caught.value)
    assert "SECRET" not in str(caught.value)
    assert served.sandbox.recorder.requests == []


def test_the_stand_in_feed_has_positions_without_the_optional_elements(served: Served) -> None:
    """In captured feeds most positions have no recruiting category or keywords; the
    stand-in's all had both, so code reading them without a check passed its tests."""
    with served.client() as personio:
        for language in ("en", "de"):
            positions = personio.list_job_positions(language=language)
            assert any(p.recruiting_category is None and not p.keywords for p in positions)
            assert any(p.recruiting_category and p.keywords for p in positions)


def one_position(inside: str = "", name: str = "Pilot", position_id: str = "7") -> bytes:
    return (
        f"<workzag-jobs><position><id>{position_id}</id><name>{name}</name>{inside}"
        "</position></workzag-jobs>"
    ).encode()


def described_as(value: str) -> str:
    """A position's ``<jobDescriptions>`` of one description, named D, of ``value``."""
    return (
        "<jobDescriptions><jobDescription><name>D</name>"
        f"<value>{value}</value></jobDescription></jobDescriptions>"
    )


def declaring(encoding: str) -> bytes:
    return f'<?xml version="1.0" encoding="{encoding}"?>\n'.encode() + one_position()


@pytest.mark.parametrize(
    "encoding", ["x-bogus", "rot13", "base64", "idna", "EUC-JP", "Shift_JIS", "UTF-7", "UTF-32"]
)
def test_a_declared_encoding_that_cannot_be_read_is_a_malformed_answer(
    served: Served, encoding: str
) -> None:
    """Unknown names and codecs that are no text encoding raised LookupError; multi-byte
    encodings expat cannot use read as "HTTP 200, not JSON"."""
    served.sandbox.state.serve_raw_feed("encoded", declaring(encoding))
    with feed_only(served, "encoded") as personio:
        with pytest.raises(MalformedResponseError) as caught:
            personio.list_job_positions()
        (check, *_) = personio.check_connection()
    assert f"the encoding {encoding!r} its XML declaration names cannot be read" in str(
        caught.value
    )
    assert not check.ok
    assert "cannot be read" in check.detail


def test_the_content_types_charset_is_used_when_the_document_names_none() -> None:
    latin1 = "<workzag-jobs><position><id>7</id><name>Café</name></position></workzag-jobs>"
    declared_utf8 = '<?xml version="1.0" encoding="UTF-8"?>' + latin1
    answers = {
        "/bare/xml": (latin1.encode("latin-1"), "text/xml; charset=ISO-8859-1"),
        "/declared/xml": (declared_utf8.encode(), "text/xml; charset=ISO-8859-1"),
        "/unknown/xml": (latin1.encode("latin-1"), "text/xml; charset=x-bogus"),
        # Spellings of UTF-8 expat does not know: the feed was "not well-formed".
        "/utf8/xml": (latin1.encode(), "text/xml; charset=utf8"),
        "/UTF8/xml": (latin1.encode(), "text/xml; charset=UTF8"),
        "/utf_8/xml": (latin1.encode(), "text/xml; charset=utf_8"),
        "/utf-16le/xml": (latin1.encode("utf-16-le"), "text/xml; charset=utf-16le"),
        "/utf-8-sig/xml": (latin1.encode(), "text/xml; charset=utf-8-sig"),  # no BOM after all
    }

    class Feed(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, content_type = answers[self.path.split("?")[0]]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *arguments: object) -> None:
            pass

    with serving(Feed) as url:
        for path in ("bare", "declared", "utf8", "UTF8", "utf_8", "utf-16le", "utf-8-sig"):
            with Personio(subdomain="acme", jobs_base_url=f"{url}/{path}") as personio:
                assert [p.name for p in personio.list_job_positions()] == ["Café"], path
        unknown = Personio(subdomain="acme", jobs_base_url=f"{url}/unknown")
        with unknown, pytest.raises(MalformedResponseError, match="'x-bogus' its Content-Type"):
            unknown.list_job_positions()


def test_markup_in_a_title_or_description_is_read_not_dropped(served: Served) -> None:
    description = (
        "<jobDescriptions><jobDescription><name>Your <i>role</i></name>"
        "<value>Intro &amp; more<p>Raw <b>HTML</b><br/></p><p></p></value></jobDescription>"
        '<jobDescription><name>X</name><value><p xmlns="http://www.w3.org/1999/xhtml">'
        "XHTML</p></value></jobDescription>"
        "<jobDescription><name>Y</name><value><![CDATA[<p>CDATA</p>]]></value>"
        "</jobDescription></jobDescriptions>"
        "<office>Hamburg <small>HQ</small></office>"
    )
    served.sandbox.state.serve_raw_feed("markup", one_position(description, "Dev <b>Ops</b> Lead"))
    with feed_only(served, "markup") as personio:
        (position,) = personio.list_job_positions()
    assert position.name == "Dev Ops Lead"
    assert position.office == "Hamburg HQ"
    assert position.job_descriptions == (
        JobDescription("Your role", "Intro & more<p>Raw <b>HTML</b><br></p><p></p>"),
        JobDescription("X", "<p>XHTML</p>"),
        JobDescription("Y", "<p>CDATA</p>"),
    )


def test_a_descriptions_text_is_html_beside_elements_too(served: Served) -> None:
    # The CDATA part came out escaped ("&lt;p&gt;Intro") while a value of text alone
    # is returned as the HTML it is.
    value = "<![CDATA[<p>Intro &amp; more</p>]]><ul><li>A &amp; B</li></ul><![CDATA[<p>End</p>]]>"
    served.sandbox.state.serve_raw_feed("mixed", one_position(described_as(value)))
    with feed_only(served, "mixed") as personio:
        (position,) = personio.list_job_positions()
    assert position.job_descriptions == (
        JobDescription("D", "<p>Intro &amp; more</p><ul><li>A &amp; B</li></ul><p>End</p>"),
    )


def test_script_and_style_elements_are_left_out_of_a_description(served: Served) -> None:
    # ElementTree writes a <script>'s text unescaped: text written escaped in one became
    # a live <img> with a handler.
    value = (
        "<p>Hi</p><script>&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</script>after"
        '<div xmlns="http://www.w3.org/1999/xhtml"><STYLE>&lt;/style&gt;&lt;b&gt;</STYLE>'
        "kept</div>"
    )
    served.sandbox.state.serve_raw_feed("script", one_position(described_as(value)))
    with feed_only(served, "script") as personio:
        (position,) = personio.list_job_positions()
    assert position.job_descriptions == (JobDescription("D", "<p>Hi</p>after<div>kept</div>"),)


def test_created_at_with_a_lower_case_z_is_read(served: Served) -> None:
    served.sandbox.state.serve_raw_feed(
        "lower-z", one_position("<createdAt>2025-03-14T09:30:00z</createdAt>")
    )
    with feed_only(served, "lower-z") as personio:
        (position,) = personio.list_job_positions()
    assert position.created_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("digits", [20, 4301])
def test_an_absurd_id_is_a_malformed_answer(served: Served, digits: int) -> None:
    served.sandbox.state.serve_raw_feed("huge-id", one_position(position_id="9" * digits))
    with feed_only(served, "huge-id") as personio, pytest.raises(MalformedResponseError) as caught:
        personio.list_job_positions()
    assert f"an <id> of {digits} digits" in str(caught.value)
    assert "9" * 30 not in str(caught.value)


def test_a_gone_feed_is_a_feed_switched_off(served: Served) -> None:
    served.sandbox.faults.add(Fault(path=r"^/jobs/", status=410, body="Gone"))
    with feed_only(served) as personio, pytest.raises(NotFoundError) as caught:
        personio.list_job_positions()
    assert caught.value.status_code == 410
    assert "Enable XML feed" in caught.value.message


def test_a_redirect_names_where_it_points(served: Served) -> None:
    moved = "https://nordlicht.jobs.personio.com/xml"
    served.sandbox.faults.add(Fault(path=r"^/jobs/", status=301, headers={"Location": moved}))
    with feed_only(served) as personio, pytest.raises(NotFoundError) as caught:
        personio.list_job_positions()
    assert f"redirected to {moved!r}" in caught.value.message
    assert "jobs_base_url='https://nordlicht.jobs.personio.com'" in caught.value.message


def test_a_redirect_is_named_without_its_userinfo_query_and_fragment(served: Served) -> None:
    # The Location was quoted whole, and jobs_base_url suggested with the user:password@.
    moved = "https://feed:pa55word@nordlicht.jobs.personio.com/xml?token=t0ken#top"
    served.sandbox.faults.add(Fault(path=r"^/jobs/", status=302, headers={"Location": moved}))
    with feed_only(served) as personio, pytest.raises(NotFoundError) as caught:
        personio.list_job_positions()
    message = caught.value.message
    assert "redirected to 'https://nordlicht.jobs.personio.com/xml'" in message
    assert "jobs_base_url='https://nordlicht.jobs.personio.com'" in message
    assert [part for part in ("pa55word", "t0ken", "#top") if part in message] == []


def test_a_redirect_to_a_malformed_host_is_named_without_a_suggestion(served: Served) -> None:
    # Reading its host raised ValueError out of the error's refinement.
    moved = "https://[nordlicht/xml"
    served.sandbox.faults.add(Fault(path=r"^/jobs/", status=301, headers={"Location": moved}))
    with feed_only(served) as personio, pytest.raises(NotFoundError) as caught:
        personio.list_job_positions()
    assert f"redirected to {moved!r}" in caught.value.message
    assert "jobs_base_url=" not in caught.value.message


def test_elements_the_reader_does_not_use_are_passed_over(served: Served) -> None:
    document = (
        "<workzag-jobs><meta><position><id>1</id><name>Nested</name></position></meta>"
        "<position><id>7</id><unknown><name>Not the title</name></unknown><name>Pilot</name>"
        "<additionalOffices><office>Kiel</office><note>x</note></additionalOffices>"
        "<salaryInformation><min>10</min><extra><min>99</min></extra></salaryInformation>"
        "<jobDescriptions><jobDescription><name>A</name><lang>en</lang><value>B</value>"
        "</jobDescription></jobDescriptions></position><trailer/></workzag-jobs>"
    )
    served.sandbox.state.serve_raw_feed("extras", document.encode())
    with feed_only(served, "extras") as personio:
        (position,) = personio.list_job_positions()
    assert (position.id, position.name, position.additional_offices) == (7, "Pilot", ("Kiel",))
    assert position.salary == SalaryInformation(minimum=Decimal("10"))
    assert position.job_descriptions == (JobDescription("A", "B"),)


def test_unknown_elements_do_not_grow_memory_with_the_document() -> None:
    """Many tiny elements cost about 21 bytes of memory per byte of feed (a 32 MB feed
    peaked at 773 MB): they are passed over as they come, not kept in a tree."""
    document = one_position("<a/>" * 500_000)  # 2 MB
    tracemalloc.start()
    try:
        (position,) = parse_job_feed(document)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert position.id == 7
    assert peak < 8 * 1024 * 1024  # the whole tree took over 40 MB


def test_a_feed_of_absurdly_many_elements_is_refused() -> None:
    document = one_position("<a/>" * MOST_FEED_ELEMENTS)
    with pytest.raises(MalformedResponseError, match=f"more than {MOST_FEED_ELEMENTS:,} elements"):
        parse_job_feed(document)


def test_an_answer_too_large_asks_for_no_pages_the_feed_does_not_have(served: Served) -> None:
    served.sandbox.faults.add(
        Fault(path=r"^/jobs/", status=200, headers={"Content-Encoding": "gzip, gzip"}, body="x")
    )
    with feed_only(served) as personio, pytest.raises(ApiConnectionError) as caught:
        personio.list_job_positions()
    assert "more than 64 MiB" in str(caught.value)
    assert "pages" not in str(caught.value)


@pytest.mark.parametrize(
    ("given", "subdomain"),
    [
        ("acme", "acme"),
        ("Acme.personio.de", "acme"),
        ("https://acme.personio.com/", "acme"),
        ("https://acme.jobs.personio.de/xml?language=en", "acme"),
        ("acme.jobs.personio.com", "acme"),
    ],
)
def test_a_personio_address_gives_its_subdomain(given: str, subdomain: str) -> None:
    with Personio(subdomain=given) as personio:
        assert personio.feed_url == f"https://{subdomain}.jobs.personio.de/xml"


@pytest.mark.parametrize(
    "given",
    [
        "https://jobs.nordlicht.de",  # read as the company "jobs"
        "www.nordlicht-software.com",
        "nordlicht.de",
        "https://www.personio.de/",
        "nordlicht.personio.de.example.org",
    ],
)
def test_another_host_is_no_subdomain(given: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Personio(subdomain=given)
    assert caught.value.field == "subdomain"
    assert "under personio.de or personio.com" in str(caught.value)
