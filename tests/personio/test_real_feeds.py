"""Personio job feeds captured by third parties, read through the wrapper.

The files live in ``../shared/reference/real-responses/personio`` (provenance in its
``SOURCES.md``); they are read at run time, never copied into the project. Each is served
by the stand-in as a career site's raw feed; what the wrapper reads is compared with the
same file read by the standard library's XML parser.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

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
