"""Personio job feeds captured by third parties, read through the wrapper.

The files live in ``../shared/reference/real-responses/personio`` (provenance in its
``SOURCES.md``); they are read at run time, never copied into the project. Each is served
by the stand-in as a career site's raw feed; what the wrapper reads is compared with the
same file read by the standard library's XML parser. The stand-in's own feed is held to the
gaps the captured feeds show.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import httpx
import pytest

from hirelink.personio import Personio

from .conftest import Served

RECORDED = Path(__file__).resolve().parents[3] / "shared" / "reference" / "real-responses"
FEEDS = sorted((RECORDED / "personio").glob("jobs_feed.*.xml"))

pytestmark = pytest.mark.skipif(not FEEDS, reason=f"no recorded feeds in {RECORDED}")


def _text(element: ElementTree.Element, tag: str) -> str | None:
    found = element.findtext(tag)
    return None if found is None or not found.strip() else found.strip()


@pytest.mark.parametrize("recorded", FEEDS, ids=[path.stem for path in FEEDS])
def test_a_recorded_feed_is_read_whole(served: Served, recorded: Path) -> None:
    content = recorded.read_bytes()
    served.sandbox.state.serve_raw_feed("recorded", content)
    with Personio(
        subdomain="recorded",
        base_url=served.url,
        jobs_base_url=served.sandbox.jobs_base_url(served.url),
    ) as personio:
        positions = personio.list_job_positions()
    # the captured files declare no entities; the wrapper under test parses with defusedxml
    expected = ElementTree.fromstring(content).findall("position")  # noqa: S314
    assert [(p.id, p.name, p.office, p.department) for p in positions] == [
        (int(_text(e, "id") or ""), _text(e, "name"), _text(e, "office"), _text(e, "department"))
        for e in expected
    ]
    for position, element in zip(positions, expected, strict=True):
        sections = element.findall("jobDescriptions/jobDescription")
        assert [(section.name, section.html) for section in position.job_descriptions] == [
            (_text(section, "name"), _text(section, "value")) for section in sections
        ]
        assert position.created_at is None or position.created_at.tzinfo is not None


CAPTURED = [path for path in FEEDS if "cps_" not in path.stem]  # SOURCES.md: cps is hand-written


def _shapes(feed: ElementTree.Element) -> set[str]:
    """The optional parts the positions of ``feed`` leave out, and how salaries are written."""
    shapes = {
        f"a position without {tag}"
        for tag in ("subcompany", "department")
        for position in feed.iterfind("position")
        if _text(position, tag) is None
    }
    for salary in feed.iterfind("position/salaryInformation"):
        shapes.add("salary members " + " ".join(child.tag for child in salary))
        decimal = re.fullmatch(r"[0-9]+\.[0-9]{2}", _text(salary, "min") or "")
        shapes.add(f"min as decimal text: {decimal is not None}, max: {_text(salary, 'max')}")
    return shapes


def test_the_stand_in_feed_has_the_gaps_recorded_feeds_have(served: Served) -> None:
    # Parsed as the test above does; the stand-in's own document declares no entities.
    recorded = set().union(
        *(_shapes(ElementTree.fromstring(path.read_bytes())) for path in CAPTURED)  # noqa: S314
    )
    assert recorded == {
        "a position without subcompany",
        "a position without department",
        "salary members min max currencySymbol currencyCode type",
        "min as decimal text: True, max: None",
    }
    subdomain = served.sandbox.subdomain
    for language in ("en", "de"):
        answer = httpx.get(f"{served.url}/jobs/{subdomain}/xml", params={"language": language})
        # Every position had a subcompany and a department, and the salary "60000" to "80000".
        assert _shapes(ElementTree.fromstring(answer.content)) == recorded  # noqa: S314
