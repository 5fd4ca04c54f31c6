"""Job positions of Personio's public XML feed, as typed values.

The generator cannot read XML, so the feed's types are written here by hand (they mirror
``JobPosition`` in ``specs/personio-jobs-feed.yaml``) and :func:`parse_job_feed` builds
them. Parsing goes through defusedxml: a document that declares entities (the
"billion laughs" expansion bomb) or points at external resources is refused with
:class:`~hirelink.core.MalformedResponseError` instead of being expanded or fetched.

Enumerations stay open: a value Personio adds later is kept as a plain string, so the
feed never fails to parse because of it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

from attrs import frozen

from hirelink.core import MalformedResponseError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = [
    "EmploymentType",
    "JobDescription",
    "JobPosition",
    "SalaryInformation",
    "Schedule",
    "Seniority",
    "YearsOfExperience",
    "parse_job_feed",
]

ROOT_TAG = "workzag-jobs"
_E = TypeVar("_E", bound=enum.Enum)


class EmploymentType(enum.StrEnum):
    """Known ``employmentType`` values (``temporary`` and ``working_student`` are seen
    only by third parties)."""

    PERMANENT = "permanent"
    INTERN = "intern"
    TRAINEE = "trainee"
    FREELANCE = "freelance"
    TEMPORARY = "temporary"
    WORKING_STUDENT = "working_student"


class Seniority(enum.StrEnum):
    """Known ``seniority`` values."""

    ENTRY_LEVEL = "entry-level"
    EXPERIENCED = "experienced"
    EXECUTIVE = "executive"
    STUDENT = "student"


class Schedule(enum.StrEnum):
    """Known ``schedule`` values (``full-or-part-time`` is seen only by third parties)."""

    FULL_TIME = "full-time"
    PART_TIME = "part-time"
    FULL_OR_PART_TIME = "full-or-part-time"


class YearsOfExperience(enum.StrEnum):
    """Known ``yearsOfExperience`` values."""

    LESS_THAN_1 = "lt-1"
    FROM_1_TO_2 = "1-2"
    FROM_2_TO_5 = "2-5"
    FROM_5_TO_7 = "5-7"
    FROM_7_TO_10 = "7-10"
    FROM_10_TO_15 = "10-15"
    MORE_THAN_15 = "gt-15"


class JobDescription(NamedTuple):
    """One section of a position's text: its title and its body as HTML."""

    name: str
    html: str


@frozen
class SalaryInformation:
    """The salary range some feeds carry (not in Personio's schema; names are uncertain)."""

    minimum: Decimal | None = None
    maximum: Decimal | None = None
    currency_code: str | None = None
    currency_symbol: str | None = None
    type: str | None = None


@frozen(kw_only=True)
class JobPosition:
    """A published position of the XML feed.

    Attributes:
        id: the position id; pass it as ``job_position_id`` to
            :meth:`~hirelink.personio.Personio.create_application`.
        name: the job title.
        office: the main location, as the company typed it.
        additional_offices: further locations.
        subcompany, department, recruiting_category: organisation and job category.
        job_descriptions: the text sections, as (name, html) pairs in feed order.
        employment_type, seniority, schedule, years_of_experience: enum members when
            known, the raw string otherwise.
        keywords: the comma-separated keywords, split.
        occupation, occupation_category: snake_case codes.
        created_at: when the position was created (timezone-aware).
        salary: the salary range, when the feed has one.
    """

    id: int
    name: str
    office: str | None = None
    additional_offices: tuple[str, ...] = ()
    subcompany: str | None = None
    department: str | None = None
    recruiting_category: str | None = None
    job_descriptions: tuple[JobDescription, ...] = ()
    employment_type: EmploymentType | str | None = None
    seniority: Seniority | str | None = None
    schedule: Schedule | str | None = None
    years_of_experience: YearsOfExperience | str | None = None
    keywords: tuple[str, ...] = ()
    occupation: str | None = None
    occupation_category: str | None = None
    created_at: datetime | None = None
    salary: SalaryInformation | None = None


def _text(parent: Element, tag: str) -> str | None:
    child = parent.find(tag)
    if child is None or child.text is None:
        return None
    text = child.text.strip()
    return text or None


def _open(parent: Element, tag: str, known: type[_E]) -> _E | str | None:
    raw = _text(parent, tag)
    if raw is None:
        return None
    try:
        return known(raw)
    except ValueError:
        return raw


def _decimal(raw: str | None) -> Decimal | None:
    """An amount: ``100000.00``, or a decimal comma alone (``100000,50``); a figure with
    thousands separators (``100,000`` or ``100.000,00``) is not guessed at: None."""
    if raw is None:
        return None
    text = raw.strip()
    if _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return Decimal(text) if _PLAIN_DECIMAL.fullmatch(text) else None
    except InvalidOperation:
        return None


_DECIMAL_COMMA: Final = re.compile(r"-?\d+,\d{1,2}")
_PLAIN_DECIMAL: Final = re.compile(r"-?\d+(\.\d+)?")


def _moment(raw: str | None) -> datetime | None:
    """``createdAt``: ISO 8601 with an offset (``+0200`` or ``+02:00``); naive means UTC."""
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _salary(position: Element) -> SalaryInformation | None:
    element = position.find("salaryInformation")
    if element is None:
        return None
    return SalaryInformation(
        minimum=_decimal(_text(element, "min")),
        maximum=_decimal(_text(element, "max")),
        currency_code=_text(element, "currencyCode"),
        currency_symbol=_text(element, "currencySymbol"),
        type=_text(element, "type"),
    )


def _position(element: Element, index: int, fail: Callable[[str], Exception]) -> JobPosition:
    raw_id = _text(element, "id")
    name = _text(element, "name")
    if raw_id is None or not (raw_id.isascii() and raw_id.isdigit()):
        raise fail(f"position {index} has no numeric <id> (got {raw_id!r})")
    if name is None:
        raise fail(f"position {raw_id} has no <name>")
    descriptions = tuple(
        JobDescription(
            name=_text(block, "name") or "", html=(block.findtext("value") or "").strip()
        )
        for block in element.iterfind("jobDescriptions/jobDescription")
    )
    offices = tuple(
        office.text.strip()
        for office in element.iterfind("additionalOffices/office")
        if office.text and office.text.strip()
    )
    keywords = tuple(
        word.strip() for word in (_text(element, "keywords") or "").split(",") if word.strip()
    )
    return JobPosition(
        id=int(raw_id),
        name=name,
        office=_text(element, "office"),
        additional_offices=offices,
        subcompany=_text(element, "subcompany"),
        department=_text(element, "department"),
        recruiting_category=_text(element, "recruitingCategory"),
        job_descriptions=descriptions,
        employment_type=_open(element, "employmentType", EmploymentType),
        seniority=_open(element, "seniority", Seniority),
        schedule=_open(element, "schedule", Schedule),
        years_of_experience=_open(element, "yearsOfExperience", YearsOfExperience),
        keywords=keywords,
        occupation=_text(element, "occupation"),
        occupation_category=_text(element, "occupationCategory"),
        created_at=_moment(_text(element, "createdAt")),
        salary=_salary(element),
    )


def parse_job_feed(document: bytes, *, source: str = "the XML job feed") -> list[JobPosition]:
    """The positions of a feed document, in feed order.

    Raises:
        MalformedResponseError: the document is not well-formed XML, is not a Personio
            feed, lacks a position's id or name, or declares entities or external
            references (refused: they are how XML bombs and file-reading attacks work).
    """

    # The XML parsers load with the first feed, not with the package (only this needs them).
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    def fail(detail: str) -> MalformedResponseError:
        return MalformedResponseError("list_job_positions", f"{source}: {detail}")

    try:
        root = defusedxml.ElementTree.fromstring(
            document, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as error:
        raise fail(
            f"refused to parse a document that declares entities or external references "
            f"({type(error).__name__}); a genuine feed has none"
        ) from None
    except ParseError as error:
        raise fail(f"not well-formed XML ({error})") from None
    if root.tag != ROOT_TAG:
        raise fail(f"the root element is <{root.tag}>, not <{ROOT_TAG}>")
    return [
        _position(element, index, fail) for index, element in enumerate(root.iterfind("position"))
    ]
