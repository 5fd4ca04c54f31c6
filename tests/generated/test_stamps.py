"""Every generated package reads a ``date-time`` field as a timezone-aware ``datetime``.

A stamp without an offset is UTC, as everywhere else in hirelink (Personio's
``LocalDateTime``, the CLI, the catalog); RFC 3339's lower-case ``z`` reads too. A model
that keeps extra keys reads a stamp that names no moment tolerantly: the field is
``UNSET`` and the value is kept, as sent, in ``additional_properties`` (as Personio's
stamps are read), so one odd record does not fail a page. A model that keeps no extra
keys (a request body) raises instead. ``specs/templates/types.py.jinja`` has the reading.
"""

from __future__ import annotations

import datetime
import importlib
from typing import Any
from zoneinfo import ZoneInfo

import pytest

UTC = datetime.UTC

# (package, model, the record's other required keys, JSON key, attribute): a date-time
# field of each generated package, plain and, where a package has one, nullable
# (`datetime | None`, a union upstream).
FIELDS = [
    ("recruitee", "CandidateListItem", {"id": 1}, "created_at", "created_at"),
    ("recruitee", "Offer", {"id": 1}, "published_at", "published_at"),
    ("join", "Application", {"id": 1}, "lastUpdatedAt", "last_updated_at"),
    ("personio", "Person", {"id": "1"}, "created_at", "created_at"),
    ("personio", "Webhook", {}, "updated_at", "updated_at"),
    (
        "recruitee_partners",
        "Report",
        {"id": "r1", "status": "completed"},
        "completed_at",
        "completed_at",
    ),
]
FIELD_IDS = [f"{package}.{model}.{key}" for package, model, _, key, _ in FIELDS]

# A stamp with an offset keeps it: tests/generated/test_templates.py compares those with
# upstream's reading.
READABLE = [
    ("2026-04-03T14:02:10", datetime.datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)),
    ("2026-04-03 14:02:10", datetime.datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)),
    ("2026-04-03", datetime.datetime(2026, 4, 3, tzinfo=UTC)),
    ("2026-04-03T14:02:10.000z", datetime.datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)),
    ("2026-04-03t14:02:10z", datetime.datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)),
]
UNREADABLE = ["2026-04-03T24:00:00Z", "yesterday", "", 1775224930, {"at": "2026-04-03"}]


def model(package: str, name: str) -> Any:
    return getattr(importlib.import_module(f"hirelink.api.{package}.models"), name)


@pytest.mark.parametrize(("package", "name", "record", "key", "attribute"), FIELDS, ids=FIELD_IDS)
@pytest.mark.parametrize(("stamp", "moment"), READABLE)
def test_a_stamp_reads_as_an_aware_datetime_utc_without_an_offset(
    package: str,
    name: str,
    record: dict[str, Any],
    key: str,
    attribute: str,
    stamp: str,
    moment: datetime.datetime,
) -> None:
    read = getattr(model(package, name).from_dict({**record, key: stamp}), attribute)
    assert isinstance(read, datetime.datetime)
    assert read.utcoffset() == moment.utcoffset()  # None for a naive datetime
    assert read == moment
    assert read.timestamp() == moment.timestamp()  # not the host's local time


@pytest.mark.parametrize(("package", "name", "record", "key", "attribute"), FIELDS, ids=FIELD_IDS)
@pytest.mark.parametrize("stamp", UNREADABLE)
def test_a_stamp_that_names_no_moment_is_unset_and_kept_as_sent(
    package: str, name: str, record: dict[str, Any], key: str, attribute: str, stamp: Any
) -> None:
    types: Any = importlib.import_module(f"hirelink.api.{package}.types")
    payload = {**record, key: stamp}
    read = model(package, name).from_dict(payload)
    assert getattr(read, attribute) is types.UNSET
    assert read.additional_properties == {key: stamp}
    assert read.to_dict() == payload


@pytest.mark.parametrize(
    ("package", "name", "record", "key", "attribute"),
    [
        (
            "recruitee",
            "TaskCreateFields",
            {"candidate_id": 1, "title": "Call"},
            "due_date",
            "due_date",
        ),
        ("recruitee_partners", "NewReport", {}, "completed_at", "completed_at"),
    ],
)
def test_a_model_that_keeps_no_extra_keys_reads_stamps_strictly(
    package: str, name: str, record: dict[str, Any], key: str, attribute: str
) -> None:
    # A request body: nowhere to keep what it cannot read, so it does not swallow it.
    read = model(package, name).from_dict({**record, key: "2026-04-03T14:02:10"})
    assert getattr(read, attribute) == datetime.datetime(2026, 4, 3, 14, 2, 10, tzinfo=UTC)
    assert getattr(read, attribute).tzinfo is not None
    with pytest.raises(ValueError, match="Invalid isoformat string: 'soon'"):
        model(package, name).from_dict({**record, key: "soon"})
    with pytest.raises(ValueError, match="not a date and time: int"):
        model(package, name).from_dict({**record, key: 17})


def test_a_personio_local_stamp_reads_a_lower_case_z() -> None:
    stamp = {"date-time": "2026-04-03T14:02:10.000z", "timezone": "Europe/Berlin"}
    application = model("personio", "Application").from_dict({"id": "1", "updated_at": stamp})
    berlin = datetime.datetime(2026, 4, 3, 16, 2, 10, tzinfo=ZoneInfo("Europe/Berlin"))
    assert application.updated_at == berlin
    assert application.updated_at.tzinfo == ZoneInfo("Europe/Berlin")
    assert application.additional_properties == {}
