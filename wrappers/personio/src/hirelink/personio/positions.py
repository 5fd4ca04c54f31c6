"""Job positions of Personio's public XML feed, as typed values.

The generator cannot read XML, so the feed's types are written here by hand (they mirror
``JobPosition`` in ``specs/personio-jobs-feed.yaml``) and :func:`parse_job_feed` builds
them. Parsing goes through defusedxml: a document that declares entities (the
"billion laughs" expansion bomb) or points at external resources is refused with
:class:`~hirelink.core.MalformedResponseError` instead of being expanded or fetched.
The document is read as the parser goes, one position at a time, keeping only the
elements a :class:`JobPosition` is made of: a tree of the whole feed cost about 21 bytes
of memory per byte of a feed of many tiny unknown elements.

A description's body (:attr:`JobDescription.html`) is HTML by one rule: the character
data of its ``<value>``, CDATA or escaped (Personio's forms), is HTML as it is, also
beside elements; elements written as markup in it are serialised as HTML, their text
escaped, and ``<script>`` and ``<style>`` elements are left out with their text (the
serialiser writes theirs unescaped, so text could become markup). The HTML is the
company's: sanitise it before showing it on a page of yours.

Enumerations stay open: a value Personio adds later is kept as a plain string, so the
feed never fails to parse because of it.
"""

from __future__ import annotations

import codecs
import enum
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

from attrs import frozen

from hirelink.api.personio.types import UNSET, Unset, stamp_or_unset
from hirelink.core import MalformedResponseError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element, TreeBuilder

__all__ = [
    "MOST_FEED_ELEMENTS",
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
    """The salary range a position may publish (not in Personio's schema). Captured feeds
    send the lower bound only: ``maximum`` is None when the feed's ``<max>`` is empty."""

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


def _all_text(element: Element | None) -> str | None:
    """All the text of ``element``, its children's included (a title with markup in it)."""
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None


def _text(parent: Element, tag: str) -> str | None:
    return _all_text(parent.find(tag))


_RAW_TEXT_ELEMENTS: Final = frozenset({"script", "style"})
"""Elements whose text ElementTree's HTML serialiser writes unescaped: text written
escaped inside one (``&lt;/script&gt;&lt;img onerror=...&gt;``) would come out as live
markup."""


def _inner_html(value: Element | None) -> str:
    """A description's body, as HTML (see the module's docstring): the character data of
    ``<value>`` as it is, the elements in it serialised, ``<script>`` and ``<style>``
    left out."""
    if value is None:
        return ""
    if len(value) == 0:
        return (value.text or "").strip()
    from xml.etree.ElementTree import tostring

    _drop_raw_text_elements(value)
    for element in value.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.partition("}")[2]  # XHTML's namespace, no prefixes
    parts = [value.text or ""]
    for child in value:
        tail, child.tail = child.tail, None  # the value's own text, written as it is
        parts.append(tostring(child, encoding="unicode", method="html"))
        parts.append(tail or "")
    return "".join(parts).strip()


def _drop_raw_text_elements(root: Element) -> None:
    """Remove every ``<script>`` and ``<style>`` below ``root``, with its text; the text
    after one stays, joined to what came before it."""
    for parent in list(root.iter()):
        before: Element | None = None
        for child in list(parent):
            if not (isinstance(child.tag, str) and _local_name(child.tag) in _RAW_TEXT_ELEMENTS):
                before = child
                continue
            if before is None:
                parent.text = (parent.text or "") + (child.tail or "")
            else:
                before.tail = (before.tail or "") + (child.tail or "")
            parent.remove(child)


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2].lower()


def _open(parent: Element, tag: str, known: type[_E]) -> _E | str | None:
    raw = _text(parent, tag)
    if raw is None:
        return None
    try:
        return known(raw)
    except ValueError:
        return raw


def _decimal(raw: str | None) -> Decimal | None:
    """An amount: ``100000.00``, or a decimal comma alone (``100000,50``), with at most two
    decimals; a figure with thousands separators (``100,000``, ``100.000`` or
    ``100.000,00``) is not guessed at: None."""
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
# At most two decimals, as with the comma: "100.000" is a German hundred thousand, not 100.
_PLAIN_DECIMAL: Final = re.compile(r"-?\d+(\.\d{1,2})?")


def _moment(raw: str | None) -> datetime | None:
    """``createdAt``: ISO 8601 with an offset (``+0200``, ``+02:00``, ``Z`` or ``z``), read
    as the API's stamps are; naive means UTC."""
    moment = UNSET if raw is None else stamp_or_unset(raw)
    return None if isinstance(moment, Unset) else moment


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


# A 64-bit id has at most 19 digits; int() of more than 4,300 raises ValueError.
_MOST_ID_DIGITS: Final = 19


def _excerpt(text: str | None) -> str:
    return repr(text) if text is None or len(text) <= 40 else f"{text[:40]!r}..."


def _position(element: Element, index: int, fail: Callable[[str], Exception]) -> JobPosition:
    raw_id = _text(element, "id")
    name = _text(element, "name")
    if raw_id is None or not (raw_id.isascii() and raw_id.isdigit()):
        raise fail(f"position {index} has no numeric <id> (got {_excerpt(raw_id)})")
    if len(raw_id) > _MOST_ID_DIGITS:
        raise fail(f"position {index} has an <id> of {len(raw_id)} digits, not a position id")
    if name is None:
        raise fail(f"position {raw_id} has no <name>")
    descriptions = tuple(
        JobDescription(name=_text(block, "name") or "", html=_inner_html(block.find("value")))
        for block in element.iterfind("jobDescriptions/jobDescription")
    )
    offices = tuple(
        text
        for text in map(_all_text, element.iterfind("additionalOffices/office"))
        if text is not None
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


_Shape = Mapping[str, "_Shape | None"]
"""Which children of an element the reader uses, and theirs; None: all that is inside."""

_SALARY_SHAPE: Final[_Shape] = dict.fromkeys(
    ("min", "max", "currencyCode", "currencySymbol", "type")
)
_POSITION_SHAPE: Final[_Shape] = {
    **dict.fromkeys(
        (
            "id",
            "name",
            "office",
            "subcompany",
            "department",
            "recruitingCategory",
            "employmentType",
            "seniority",
            "schedule",
            "yearsOfExperience",
            "keywords",
            "occupation",
            "occupationCategory",
            "createdAt",
        )
    ),
    "additionalOffices": {"office": None},
    "jobDescriptions": {"jobDescription": {"name": None, "value": None}},
    "salaryInformation": _SALARY_SHAPE,
}

MOST_FEED_ELEMENTS: Final = 1_000_000
"""The most elements a feed document may hold: a board of thousands of positions has tens
of thousands. The parser keeps every distinct element name it meets, and a 64 MiB
document of made-up names would cost it gigabytes."""


class _FeedReader:
    """The parser's target: builds one ``<position>`` at a time, of the elements the
    reader uses only (the others are passed over as they come, never built), and turns
    each into a :class:`JobPosition` when it ends, so memory follows the largest position,
    not the document; refuses a document of more than :data:`MOST_FEED_ELEMENTS`."""

    def __init__(self, fail: Callable[[str], MalformedResponseError]) -> None:
        self.fail = fail
        self.positions: list[JobPosition] = []
        self._depth = 0  # of the elements open, the passed-over ones included
        self._passing_over = 0  # the depth inside an element passed over (0: none)
        self._shapes: list[_Shape | None] = []  # of the position's open elements
        self._builder: TreeBuilder | None = None
        self._elements = 0
        from xml.etree.ElementTree import TreeBuilder  # loaded with the first feed

        self._new_builder = TreeBuilder

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        self._elements += 1
        if self._elements > MOST_FEED_ELEMENTS:
            raise self.fail(
                f"more than {MOST_FEED_ELEMENTS:,} elements; a feed of thousands of "
                "positions has tens of thousands"
            )
        self._depth += 1
        if self._depth == 1:
            if tag != ROOT_TAG:
                raise self.fail(f"the root element is <{tag}>, not <{ROOT_TAG}>")
        elif self._passing_over:
            self._passing_over += 1
        elif self._depth == 2:
            if tag != "position":
                self._passing_over = 1
                return
            self._builder = self._new_builder()
            self._keep(tag, attributes, _POSITION_SHAPE)
        else:
            shape = self._shapes[-1]
            if shape is not None and tag not in shape:
                self._passing_over = 1
                return
            self._keep(tag, attributes, None if shape is None else shape[tag])

    def _keep(self, tag: str, attributes: dict[str, str], shape: _Shape | None) -> None:
        assert self._builder is not None
        self._builder.start(tag, attributes)
        self._shapes.append(shape)

    def end(self, tag: str) -> None:
        self._depth -= 1
        if self._passing_over:
            self._passing_over -= 1
        elif self._builder is not None:
            self._builder.end(tag)
            self._shapes.pop()
            if not self._shapes:
                element = self._builder.close()
                self._builder = None
                self.positions.append(_position(element, len(self.positions), self.fail))

    def data(self, text: str) -> None:
        if self._builder is not None and not self._passing_over:
            self._builder.data(text)

    def close(self) -> list[JobPosition]:
        return self.positions


_BYTE_ORDER_MARKS: Final = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF16_LE,  # and UTF-32 LE's
)
_DECLARED_ENCODING: Final = re.compile(rb"<\?xml\s[^>]*?\bencoding\s*=\s*[\"']([^\"'>]{0,40})")


def _declared_encoding(document: bytes) -> str | None:
    """The encoding the document's XML declaration names (also in UTF-16 or UTF-32)."""
    head = document[:320].lstrip(b"".join(_BYTE_ORDER_MARKS)).replace(b"\0", b"")
    match = _DECLARED_ENCODING.match(head)
    return None if match is None else match[1].decode("ascii", "replace")


_EXPAT_NAMES: Final[Mapping[str, str | None]] = {
    "utf-8": None,  # expat's default
    "utf-8-sig": None,  # the same: a BOM, when there is one, is read as one
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
}
"""Python's names of the multi-byte encodings expat reads itself, as expat spells them."""


def _expat_encoding(charset: str) -> str | None:
    """``charset`` as expat is told it: by Python's name of the codec (``utf8``,
    ``UTF8`` and ``utf_8`` are UTF-8, which expat knows only as ``utf-8``). Raises
    LookupError for a name Python does not know."""
    name = codecs.lookup(charset).name
    return _EXPAT_NAMES.get(name, name)


def parse_job_feed(
    document: bytes, *, source: str = "the XML job feed", charset: str | None = None
) -> list[JobPosition]:
    """The positions of a feed document, in feed order.

    ``charset`` is the encoding the answer's ``Content-Type`` names: it is used when the
    document names none itself (no byte order mark, no encoding in an XML declaration);
    without either, the document is read as UTF-8.

    Raises:
        MalformedResponseError: the document is not well-formed XML, is not a Personio
            feed, is in an encoding that cannot be read (unknown, or multi-byte other
            than UTF-8 and UTF-16), lacks a position's id or name, has an id of more than
            19 digits or more than :data:`MOST_FEED_ELEMENTS` elements, or declares
            entities or external references (refused: they are how XML bombs and
            file-reading attacks work).
    """

    # The XML parsers load with the first feed, not with the package (only this needs them).
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    def fail(detail: str) -> MalformedResponseError:
        return MalformedResponseError("list_job_positions", f"{source}: {detail}")

    declared = _declared_encoding(document)
    named_by_charset = declared is None and charset and not document.startswith(_BYTE_ORDER_MARKS)
    reader = _FeedReader(fail)
    try:
        # The same parser defusedxml's fromstring uses, fed to a reader that keeps little.
        parser = DefusedXMLParser(
            target=reader,
            encoding=_expat_encoding(charset) if charset and named_by_charset else None,
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        )
        parser.feed(document)
        parser.close()
    except DefusedXmlException as error:
        raise fail(
            f"refused to parse a document that declares entities or external references "
            f"({type(error).__name__}); a genuine feed has none"
        ) from None
    except ParseError as error:
        raise fail(f"not well-formed XML ({error})") from None
    except (LookupError, ValueError) as error:
        # Raised by codecs.lookup, or by expat's handler of encodings it does not know
        # itself (the reader raises none of them): the name is unknown, not a text codec,
        # or multi-byte.
        if named_by_charset:
            encoding = f"the encoding {charset!r} its Content-Type names"
        elif declared is not None:
            encoding = f"the encoding {declared!r} its XML declaration names"
        else:
            encoding = "the encoding it declares"
        raise fail(f"{encoding} cannot be read ({error}); a feed in UTF-8 or UTF-16 can") from None
    return reader.positions
