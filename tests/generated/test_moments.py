"""Schemas marked ``x-hirelink-moment`` (Personio's v2 stamps) read as aware datetimes.

The generated models turn ``{"date-time": ..., "timezone": ...}`` stamps into
timezone-aware ``datetime`` values and write them back the same way; a stamp that names
no moment does not fail parsing, it is kept as sent in ``additional_properties``.
"""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hirelink.api.personio.models import Application, Candidate, Job, LocalDateTime, StageTransition
from hirelink.api.personio.types import UNSET

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("stamp", "moment"),
    [
        (
            {"date-time": "2025-04-02T10:12:44", "timezone": "Europe/Berlin"},
            datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=BERLIN),
        ),
        (  # the key of Personio's shared v2 component
            {"date": "2025-01-15T08:00:00", "timezone": "America/New_York"},
            datetime.datetime(2025, 1, 15, 8, tzinfo=ZoneInfo("America/New_York")),
        ),
        (  # the key third-party clients accept defensively
            {"date_time": "2025-01-15T08:00:00", "timezone": "America/New_York"},
            datetime.datetime(2025, 1, 15, 8, tzinfo=ZoneInfo("America/New_York")),
        ),
        (  # a time with an offset keeps its instant, shown in the named zone
            {"date-time": "2025-04-02T08:12:44+00:00", "timezone": "Europe/Berlin"},
            datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=BERLIN),
        ),
        (
            "2025-04-02T10:12:44+02:00",
            datetime.datetime(
                2025, 4, 2, 10, 12, 44, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            ),
        ),
        ("2025-04-02T10:12:44", datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=datetime.UTC)),
        (
            {"date-time": "2025-04-02T10:12:44"},
            datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=datetime.UTC),
        ),
    ],
)
def test_a_stamp_reads_as_an_aware_datetime(stamp: Any, moment: datetime.datetime) -> None:
    application = Application.from_dict({"id": "1", "created_at": stamp})
    read = application.created_at
    assert isinstance(read, datetime.datetime)
    assert read == moment
    assert read.utcoffset() == moment.utcoffset()
    assert "created_at" not in application.additional_properties
    assert Application.from_dict(application.to_dict()) == application


def test_a_zoned_moment_is_written_back_as_personio_sends_it() -> None:
    moment = datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=BERLIN)
    assert Job(created_at=moment).to_dict() == {
        "created_at": {"date-time": "2025-04-02T10:12:44", "timezone": "Europe/Berlin"}
    }
    fixed = datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=datetime.UTC)
    assert Job(updated_at=fixed).to_dict() == {"updated_at": "2025-04-02T10:12:44+00:00"}


@pytest.mark.parametrize(
    ("day", "fold", "offset"),
    [
        ("2025-10-26", 0, "+02:00"),  # the hour repeated in autumn: each pass its offset
        ("2025-10-26", 1, "+01:00"),
        # The hour skipped in spring holds no real instant (none converted to Berlin falls
        # there): written as it reads, the first of its two readings.
        ("2025-03-30", 0, ""),
    ],
)
def test_a_moment_in_an_hour_the_clocks_change_keeps_its_instant(
    day: str, fold: int, offset: str
) -> None:
    moment = datetime.datetime.fromisoformat(f"{day}T02:30").replace(tzinfo=BERLIN, fold=fold)
    written = Job(created_at=moment).to_dict()
    assert written == {
        "created_at": {"date-time": f"{day}T02:30:00{offset}", "timezone": "Europe/Berlin"}
    }
    read = Job.from_dict(written).created_at
    assert isinstance(read, datetime.datetime)
    assert read.utcoffset() == moment.utcoffset()
    assert read.tzinfo is BERLIN


@pytest.mark.parametrize(
    "stamp",
    [
        {"date-time": "yesterday", "timezone": "Europe/Berlin"},
        {"date-time": "2025-04-02T10:12:44", "timezone": "Mars/Olympus"},
        {"date-time": "2025-04-02T10:12:44", "timezone": "../../etc/passwd"},
        {"date-time": "2025-04-02T10:12:44", "timezone": 7},
        {"timezone": "Europe/Berlin"},
        "soon",
        17,
        ["2025-04-02T10:12:44"],
    ],
)
def test_a_stamp_that_names_no_moment_is_kept_as_sent(stamp: Any) -> None:
    payload = {"entered_at": stamp, "stage": {"id": "s1"}}
    transition = StageTransition.from_dict(payload)
    assert transition.entered_at is UNSET
    assert transition.additional_properties == {"entered_at": stamp}
    assert transition.to_dict() == payload
    with pytest.raises(ValueError, match=r"stamp|isoformat|time zone|Invalid"):
        LocalDateTime.moment_from_json(stamp)


def test_the_stamp_model_reads_and_writes_moments() -> None:
    stamp = LocalDateTime.from_dict({"date-time": "2025-04-02T10:12:44", "timezone": "UTC"})
    assert stamp.to_moment() == datetime.datetime(2025, 4, 2, 10, 12, 44, tzinfo=datetime.UTC)
    assert LocalDateTime.moment_or_unset("nope") is UNSET
    assert LocalDateTime.moment_to_json(stamp.to_moment()) == {
        "date-time": "2025-04-02T10:12:44",
        "timezone": "UTC",
    }


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(
    st.datetimes(
        datetime.datetime(1900, 1, 1),
        datetime.datetime(2200, 1, 1),
        timezones=st.sampled_from([BERLIN, ZoneInfo("Australia/Lord_Howe"), datetime.UTC]),
        allow_imaginary=False,  # a spring gap's times are no instant Personio sends
    )
)
def test_every_moment_round_trips(moment: datetime.datetime) -> None:
    candidate = Candidate(updated_at=moment)
    read = Candidate.from_dict(candidate.to_dict()).updated_at
    assert isinstance(read, datetime.datetime)
    # The same instant, also in an hour that repeats (its second pass read as the first,
    # an hour off, while == still said equal: Python compares times of one zone by clock).
    assert read == moment
    assert read.utcoffset() == moment.utcoffset()
    assert read.tzinfo == moment.tzinfo or moment.tzinfo is datetime.UTC


def test_the_stamp_model_keeps_date_time_for_the_date_time_key() -> None:
    # `date_time` (the defensive key) is read by the moment marker, not as a property,
    # which would move the attribute `date_time` off the "date-time" key.
    stamp = LocalDateTime.from_dict({"date-time": "2025-04-02T10:12:44", "timezone": "UTC"})
    assert stamp.date_time == "2025-04-02T10:12:44"
    assert "date_time" not in LocalDateTime.from_dict({}).to_dict()


def test_a_distribution_reading_named_time_zones_requires_a_time_zone_database() -> None:
    """Windows has no system time zone database: without ``tzdata`` every Personio stamp in
    ``Europe/Berlin`` would read as UNSET."""
    from importlib.metadata import requires

    needed = [
        line.split(">")[0].split(";")[0].strip() for line in requires("hirelink-personio-api") or []
    ]
    assert "tzdata" in needed
