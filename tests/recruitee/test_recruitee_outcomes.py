"""Recording an outcome in Recruitee: stages, disqualification, profile fields, tasks, files.

Real HTTP against the stand-in: the wire format of each write, what is refused before
anything is sent, and the state the stand-in shows afterwards; sync and async.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from hirelink.api.recruitee.types import Unset
from hirelink.core import (
    InvalidInputError,
    NotFoundError,
    UnprocessableEntityError,
)
from hirelink.recruitee import AsyncRecruitee, Placement, Recruitee, Task
from hirelink.sandbox.faults import Fault
from hirelink.sandbox.recruitee import TOKEN_OWNER_ID

from .conftest import Served

CANDIDATE = 7730011
PLACEMENT = 990014  # candidate 7730011 in job 31337, at "Referred"
JOB = 31337
INTERVIEW = 610003


def placement_of(recruitee: Recruitee, candidate_id: int, placement_id: int) -> Any:
    candidate = recruitee.get_candidate(candidate_id)
    assert isinstance(candidate.placements, list)
    (found,) = [p for p in candidate.placements if p.id == placement_id]
    return found


def sent(served: Served, method: str, path_end: str) -> Any:
    request = served.sandbox.recorder.last(method=method)
    assert request is not None
    assert request.path.endswith(path_end), request.path
    return request.json() if request.body else None


def test_change_stage_by_id_sends_the_stage_and_the_candidate_shows_it(fresh: Served) -> None:
    with fresh.client() as recruitee:
        moved = recruitee.change_placement_stage(PLACEMENT, stage_id=INTERVIEW, proceed=True)
        assert sent(fresh, "PATCH", f"/placements/{PLACEMENT}/change_stage") == {
            "stage_id": INTERVIEW,
            "proceed": True,
        }
        assert (moved.id, moved.stage_id) == (PLACEMENT, INTERVIEW)
        assert placement_of(recruitee, CANDIDATE, PLACEMENT).stage_id == INTERVIEW


def test_change_stage_by_name_looks_the_stage_up_in_the_jobs_pipeline(fresh: Served) -> None:
    with fresh.client() as recruitee:
        moved = recruitee.change_placement_stage(PLACEMENT, stage_name="offer", offer_id=JOB)
        paths = [(r.method, r.path) for r in fresh.sandbox.recorder.requests]
        assert paths == [
            ("GET", f"/c/4100/offers/{JOB}"),
            ("PATCH", f"/c/4100/placements/{PLACEMENT}/change_stage"),
        ]
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": 610004}
        assert moved.stage_id == 610004
        stages = recruitee.list_offer_stages(JOB)
        assert [s.name for s in stages] == [  # Recruitee's default pipeline, as captured
            "Referred",
            "Sourced",
            "Applied",
            "Phone interview",
            "On-site interview",
            "Evaluation",
            "Offer",
            "Hired",
        ]


def test_without_an_embedded_pipeline_the_stage_name_comes_from_the_template(
    fresh: Served,
) -> None:
    offer = {"id": JOB, "title": "Backend Engineer", "pipeline_template_id": 9001}
    fresh.sandbox.faults.add(
        Fault(
            method="GET",
            path=f"/offers/{JOB}$",
            status=200,
            headers={"Content-Type": "application/json"},
            body=json.dumps({"offer": offer}),
        )
    )
    with fresh.client() as recruitee:
        moved = recruitee.change_placement_stage(PLACEMENT, stage_name="Hired", offer_id=JOB)
    assert [r.path for r in fresh.sandbox.recorder.requests] == [
        f"/c/4100/offers/{JOB}",
        "/c/4100/pipeline_templates/9001",
        f"/c/4100/placements/{PLACEMENT}/change_stage",
    ]
    assert moved.stage_id == 610005


def test_an_unknown_stage_name_lists_the_stages_and_moves_nothing(fresh: Served) -> None:
    with fresh.client() as recruitee, pytest.raises(InvalidInputError) as caught:
        recruitee.change_placement_stage(PLACEMENT, stage_name="Background check", offer_id=JOB)
    assert caught.value.field == "stage_name"
    assert "'Phone interview'" in caught.value.message
    assert "'Hired'" in caught.value.message
    assert [r.method for r in fresh.sandbox.recorder.requests] == ["GET"]


def test_disqualify_by_name_and_requalify(fresh: Served) -> None:
    with fresh.client() as recruitee:
        reasons = recruitee.list_disqualify_reasons()
        assert {r.name for r in reasons} >= {"Not a fit", "Identity not verified"}
        fresh.sandbox.recorder.clear()

        out = recruitee.disqualify_placement(PLACEMENT, reason_name="identity NOT verified")
        assert [r.path for r in fresh.sandbox.recorder.requests] == [
            "/c/4100/disqualify_reasons",
            f"/c/4100/placements/{PLACEMENT}/disqualify",
        ]
        assert sent(fresh, "PATCH", "/disqualify") == {"disqualify_reason_id": 302}
        assert out.disqualify_kind == "admin"
        shown = placement_of(recruitee, CANDIDATE, PLACEMENT)
        assert shown.disqualify_reason == "Identity not verified"  # a name, as Recruitee lists it
        assert recruitee.list_candidates(ids=[CANDIDATE], disqualified=True).candidates

        back = recruitee.requalify_placement(PLACEMENT)
        assert sent(fresh, "PATCH", f"/placements/{PLACEMENT}/requalify") is None
        assert not back.disqualify_kind
        listed = placement_of(recruitee, CANDIDATE, PLACEMENT)
        assert isinstance(listed.disqualify_reason, Unset)  # no key, as Recruitee lists it


def test_an_unknown_reason_name_lists_the_reasons_and_disqualifies_nothing(
    fresh: Served,
) -> None:
    with fresh.client() as recruitee, pytest.raises(InvalidInputError) as caught:
        recruitee.disqualify_placement(PLACEMENT, reason_name="Too expensive")
    assert caught.value.field == "reason_name"
    assert "'Not a fit'" in caught.value.message
    assert [r.method for r in fresh.sandbox.recorder.requests] == ["GET"]


def test_place_a_candidate_in_a_job(fresh: Served) -> None:
    with fresh.client() as recruitee:
        placed = recruitee.create_placement(CANDIDATE, 31455)
        assert sent(fresh, "POST", "/c/4100/placements") == {
            "candidate_id": CANDIDATE,
            "offer_id": 31455,
        }
        assert (placed.offer_id, placed.stage_id) == (31455, 610001)
        assert placement_of(recruitee, CANDIDATE, placed.id).offer_id == 31455
        with pytest.raises(UnprocessableEntityError):
            recruitee.create_placement(CANDIDATE, 31455)


def test_names_match_whatever_their_unicode_form(fresh: Served) -> None:
    # Typed on macOS or copied from a PDF, "ä" comes as "a" and a combining mark: the
    # field read None, a second write made a second field, and the stage was "not there".
    composed = unicodedata.normalize("NFC", "Identität geprüft")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    with fresh.client() as recruitee:
        recruitee.set_candidate_field(CANDIDATE, composed, "ja")
        read = recruitee.get_candidate_field(CANDIDATE, decomposed)
        assert read is not None
        assert read.name == composed
        recruitee.set_candidate_field(CANDIDATE, decomposed, "nein")
        fields = recruitee.get_candidate(CANDIDATE).fields or []
        named = [f.name for f in fields if isinstance(f.name, str) and "Identit" in f.name]
        assert named == [decomposed]  # the newer write replaced the field
        stages = {stage.name: stage.id for stage in recruitee.list_offer_stages(JOB)}
        full_width = "\uff28\uff49\uff52\uff45\uff44"  # "Hired", as some keyboards type it
        moved = recruitee.change_placement_stage(PLACEMENT, stage_name=full_width, offer_id=JOB)
    assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": stages["Hired"]}
    assert moved.stage_id == stages["Hired"]


def test_turkish_dotted_and_dotless_i_are_one_letter_in_names(fresh: Served) -> None:
    # casefold() makes "İ" an "i" with a combining dot and keeps the dotless one: a stage
    # renamed "İlk görüşme" was "not there" as "ilk görüşme" (time and text hunt).
    dotless_i = "\u0131"
    stages = [{"id": 610002, "name": "İlk görüşme"}, {"id": INTERVIEW, "name": "Teknik mülakat"}]
    offer = {"id": JOB, "title": "Backend", "pipeline_template": {"id": 1, "stages": stages}}
    fresh.sandbox.faults.add(
        Fault(method="GET", path=f"/offers/{JOB}$", status=200, body={"offer": offer}, times=-1)
    )
    with fresh.client() as recruitee:
        moved = recruitee.change_placement_stage(PLACEMENT, stage_name="ilk görüşme", offer_id=JOB)
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": 610002}
        assert moved.stage_id == 610002
        recruitee.change_placement_stage(PLACEMENT, stage_name="TEKNİK MÜLAKAT", offer_id=JOB)
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": INTERVIEW}
        field_name = f"İşe al{dotless_i}m onay{dotless_i}"
        recruitee.set_candidate_field(CANDIDATE, field_name, "evet")
        read = recruitee.get_candidate_field(CANDIDATE, "işe alim onayi")
    assert read is not None
    assert read.name == field_name


def test_a_name_written_as_a_stage_is_called_is_that_stage_before_one_folding_alike(
    fresh: Served,
) -> None:
    # With the Turkish i folded, "Kir" matched "K\u0131r" first, listed before it (review).
    stages = [{"id": 610003, "name": "K\u0131r"}, {"id": 610004, "name": "Kir"}]
    offer = {"id": JOB, "title": "Backend", "pipeline_template": {"id": 1, "stages": stages}}
    fresh.sandbox.faults.add(
        Fault(method="GET", path=f"/offers/{JOB}$", status=200, body={"offer": offer}, times=-1)
    )
    with fresh.client() as recruitee:
        recruitee.change_placement_stage(PLACEMENT, stage_name="Kir", offer_id=JOB)
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": 610004}
        recruitee.change_placement_stage(PLACEMENT, stage_name="K\u0131r", offer_id=JOB)
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": 610003}


def test_names_looked_up_and_addresses_lose_surrounding_line_breaks(fresh: Served) -> None:
    # Each is stripped anyway (name_key, email()); a trailing line break was refused first.
    with fresh.client() as recruitee:
        recruitee.set_candidate_field(CANDIDATE, "Identity check", "passed")
        read = recruitee.get_candidate_field(CANDIDATE, "Identity check\n")
        assert read is not None
        assert read.name == "Identity check"
        stages = {stage.name: stage.id for stage in recruitee.list_offer_stages(JOB)}
        recruitee.change_placement_stage(PLACEMENT, stage_name="Hired\r\n", offer_id=JOB)
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": stages["Hired"]}
        recruitee.disqualify_placement(PLACEMENT, reason_name="\tNot a fit\n")
        assert sent(fresh, "PATCH", "/disqualify") == {"disqualify_reason_id": 301}
        recruitee.update_candidate(CANDIDATE, emails=["ada@example.org\n"])
        assert sent(fresh, "PATCH", f"/candidates/{CANDIDATE}")["candidate"]["emails"] == [
            "ada@example.org"
        ]
        fresh.sandbox.recorder.clear()
        with pytest.raises(InvalidInputError) as caught:  # a line break inside still is not
            recruitee.change_placement_stage(PLACEMENT, stage_name="Hi\nred", offer_id=JOB)
    assert caught.value.field == "stage_name"
    assert fresh.sandbox.recorder.requests == []


def test_a_profile_field_is_written_and_read_back(fresh: Served) -> None:
    with fresh.client() as recruitee:
        written = recruitee.set_candidate_field(CANDIDATE, "Identity check", "passed")
        assert sent(fresh, "POST", f"/custom_fields/candidates/{CANDIDATE}/fields") == {
            "field": {
                "kind": "single_line",
                "name": "Identity check",
                "values": [{"text": "passed"}],
            }
        }
        assert written.name == "Identity check"
        recruitee.set_candidate_field(CANDIDATE, "Identity verified", True)
        assert sent(fresh, "POST", "/fields")["field"]["values"] == [{"flag": True}]
        recruitee.set_candidate_field(CANDIDATE, "Verified on", date(2026, 1, 15))
        assert sent(fresh, "POST", "/fields")["field"] == {
            "kind": "date",
            "name": "Verified on",
            "values": [{"date": "2026-01-15"}],
        }
        read = recruitee.get_candidate_field(CANDIDATE, "identity CHECK")
        assert read is not None
        assert isinstance(read.values, list)
        assert [v.to_dict() for v in read.values] == [{"text": "passed"}]
        assert recruitee.get_candidate_field(CANDIDATE, "Shoe size") is None
        # Read back under the name it was written with, spaces and all (it read None).
        recruitee.set_candidate_field(CANDIDATE, "Background check ", "clear")
        spaced = recruitee.get_candidate_field(CANDIDATE, "Background check ")
        assert spaced is not None
        assert [v.to_dict() for v in spaced.values or []] == [{"text": "clear"}]
        # Recorded again under another case: the newest value is read back, not the first.
        recruitee.set_candidate_field(CANDIDATE, "identity check", "failed")
        again = recruitee.get_candidate_field(CANDIDATE, "Identity check")
        assert again is not None
        assert isinstance(again.values, list)
        assert [v.to_dict() for v in again.values] == [{"text": "failed"}]


def test_a_built_in_field_without_a_name_is_found_by_its_kind(fresh: Served) -> None:
    # Built-in fields (skills, education, ...) carry no name, live and in the stand-in:
    # get_candidate_field(id, "skills") read None.
    stored = fresh.sandbox.state.get_candidate(CANDIDATE)["candidate"]["fields"]
    (skills,) = [f for f in stored if f["kind"] == "skills"]
    assert skills.get("name") is None
    with fresh.client() as recruitee:
        found = recruitee.get_candidate_field(CANDIDATE, "Skills ")
        assert found is not None
        assert found.kind == "skills"
        assert [v.to_dict() for v in found.values or []] == skills["values"]
        # A field named so is preferred, and a company field's kind finds nothing.
        recruitee.set_candidate_field(CANDIDATE, "skills", "SQL, dbt")
        named = recruitee.get_candidate_field(CANDIDATE, "skills")
        assert named is not None
        assert (named.kind, named.name) == ("single_line", "skills")
        assert recruitee.get_candidate_field(CANDIDATE, "single_line") is None
        assert recruitee.get_candidate_field(CANDIDATE, "education") is None


def test_a_task_for_an_unknown_candidate_is_refused_naming_the_body_path(
    fresh: Served,
) -> None:
    # The stand-in named "candidate_id" where its validator names "task.due_date".
    with fresh.client() as recruitee, pytest.raises(UnprocessableEntityError) as caught:
        recruitee.create_task(7739999, "Call back")
    assert caught.value.field_errors == {"task.candidate_id": ["does not exist"]}
    assert fresh.sandbox.state.tasks() == []


def test_a_task_is_created_with_its_due_date_in_utc(fresh: Served) -> None:
    due = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
    with fresh.client() as recruitee:
        task = recruitee.create_task(CANDIDATE, "Review the identity check", due_date=due)
        assert sent(fresh, "POST", "/c/4100/tasks") == {
            "task": {
                "candidate_id": CANDIDATE,
                "title": "Review the identity check",
                "due_date": "2026-01-15T10:00:00+00:00",
            }
        }
        assert task.title == "Review the identity check"
        # Stamps are aware datetimes, as everywhere else (they were the text as sent).
        assert task.due_date == due
        assert isinstance(task.created_at, datetime)
        assert task.created_at <= datetime.now(UTC)
        assert recruitee.get_candidate(CANDIDATE).tasks_count == 1
    assert [t["title"] for t in fresh.sandbox.state.tasks(CANDIDATE)] == [
        "Review the identity check"
    ]


def test_a_deleted_candidates_tasks_go_with_them(fresh: Served) -> None:
    """The stand-in kept a deleted candidate's tasks, their titles naming the applicant."""
    with fresh.client() as recruitee:
        recruitee.create_task(CANDIDATE, "Call Ada back")
        recruitee.delete_candidate(CANDIDATE)
    assert fresh.sandbox.state.tasks(CANDIDATE) == []


def test_a_task_due_on_a_day_is_due_at_that_days_midnight_in_its_time_zone(
    fresh: Served,
) -> None:
    # A date was always midnight UTC: the evening before in the task's own zone, west of
    # UTC (the time hunt).
    with fresh.client() as recruitee:
        recruitee.create_task(
            CANDIDATE, "Call back", due_date=date(2026, 12, 8), timezone="America/New_York"
        )
        assert sent(fresh, "POST", "/c/4100/tasks")["task"]["due_date"] == (
            "2026-12-08T05:00:00+00:00"
        )
        recruitee.create_task(CANDIDATE, "Call back", due_date=date(2026, 12, 8))
        assert sent(fresh, "POST", "/c/4100/tasks")["task"]["due_date"] == (
            "2026-12-08T00:00:00+00:00"
        )
        # A zone name of Recruitee's own is sent as given, the day at midnight UTC.
        recruitee.create_task(CANDIDATE, "Call back", due_date=date(2026, 12, 8), timezone="CET+1")
        assert sent(fresh, "POST", "/c/4100/tasks")["task"]["due_date"] == (
            "2026-12-08T00:00:00+00:00"
        )


def test_a_hire_is_recorded_with_its_date_start_and_who_hired(fresh: Served) -> None:
    """The members the C3 clients send with a move to a hire stage go out, and the stand-in
    keeps the hire as the captured hired placements show it (``hired_at``, ``hired_by_id``),
    leaving the candidate's own ``updated_at`` as it was."""
    hired_at = datetime(2026, 3, 2, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    with fresh.client() as recruitee:
        before = recruitee.get_candidate(CANDIDATE).updated_at
        moved = recruitee.change_placement_stage(
            PLACEMENT,
            stage_name="Hired",
            offer_id=JOB,
            hired_at=hired_at,
            job_starts_at=date(2026, 4, 1),
            work_location_id=77,
            opening_id=12,
        )
        body = sent(fresh, "PATCH", "/change_stage")
        assert body == {
            "stage_id": moved.stage_id,
            "hired_at": "2026-03-02T09:30:00+00:00",
            "job_starts_at": "2026-04-01",
            "work_location_id": 77,
            "opening_id": 12,
        }
        assert moved.hired_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
        assert moved.hired_by_id == TOKEN_OWNER_ID
        stored = fresh.sandbox.state.get_candidate(CANDIDATE)["candidate"]["placements"]
        # Kept as the date-time the spec's Placement declares (it kept "2026-04-01").
        assert [p["job_starts_at"] for p in stored if p["id"] == PLACEMENT] == [
            "2026-04-01T00:00:00.000000Z"
        ]
        assert moved.job_starts_at == datetime(2026, 4, 1, tzinfo=UTC)
        assert recruitee.get_candidate(CANDIDATE).updated_at == before

        with pytest.raises(InvalidInputError) as refused:
            recruitee.change_placement_stage(PLACEMENT, stage_id=INTERVIEW, opening_id=0)
        assert refused.value.field == "opening_id"


@pytest.mark.anyio
async def test_a_hire_without_a_date_is_stamped_with_the_moves_time(fresh: Served) -> None:
    async with fresh.async_client() as recruitee:
        stages = await recruitee.list_offer_stages(JOB)
        (hired,) = [stage.id for stage in stages if stage.name == "Hired"]
        assert isinstance(hired, int)
        moved = await recruitee.change_placement_stage(PLACEMENT, stage_id=hired)
        assert sent(fresh, "PATCH", "/change_stage") == {"stage_id": hired}
        assert isinstance(moved.hired_at, datetime)
        assert abs(moved.hired_at - datetime.now(UTC)) < timedelta(minutes=5)
        assert moved.hired_by_id == TOKEN_OWNER_ID
        interview = await recruitee.change_placement_stage(PLACEMENT, stage_id=INTERVIEW)
        assert interview.hired_at == moved.hired_at  # moving on does not unhire, as far as known


def test_a_task_carries_its_description_and_time_zone(fresh: Served) -> None:
    with fresh.client() as recruitee:
        task = recruitee.create_task(
            CANDIDATE,
            "Review the identity check",
            description="The document scan was blurred: ask for a new photo.",
            timezone="Europe/Amsterdam",
        )
        assert sent(fresh, "POST", "/c/4100/tasks")["task"] == {
            "candidate_id": CANDIDATE,
            "title": "Review the identity check",
            "description": "The document scan was blurred: ask for a new photo.",
            "timezone": "Europe/Amsterdam",
        }
        assert task.description == "The document scan was blurred: ask for a new photo."
        assert task.timezone == "Europe/Amsterdam"
        with pytest.raises(InvalidInputError) as refused:
            recruitee.create_task(CANDIDATE, "Review", timezone=" ")
        assert refused.value.field == "timezone"


def test_attachments_list_the_candidates_files(served: Served) -> None:
    with served.client() as recruitee:
        files = recruitee.list_candidate_attachments(7730013)
        candidate = recruitee.get_candidate(7730013)
        assert [f.file_url for f in files] == [candidate.cv_original_url]
        assert candidate.attachments_count == 1
        assert recruitee.list_candidate_attachments(CANDIDATE) == []
        with pytest.raises(NotFoundError):
            recruitee.list_candidate_attachments(7000001)


def test_an_inferred_envelope_answered_in_another_shape_reads_as_empty_with_a_warning(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    # These answers' envelopes are inferred, so the spec admits an answer without them; a
    # bare template or a differently named list read as "no stages" / "no files" silently.
    template = {"id": 9001, "name": "Bare", "stages": [{"id": 1, "name": "Applied"}]}
    fresh.sandbox.faults.add(
        Fault(method="GET", path=r"/pipeline_templates/9001$", status=200, body=template)
    )
    fresh.sandbox.faults.add(
        Fault(method="GET", path=r"/attachments$", status=200, body={"files": [{"id": 1}]})
    )
    with fresh.client() as recruitee:
        found = recruitee.get_pipeline_template(9001)
        files = recruitee.list_candidate_attachments(7730013)
    assert isinstance(found.stages, Unset)
    assert found.additional_properties["name"] == "Bare"  # the answer, kept
    assert files == []
    warnings = [r.getMessage() for r in caplog.records if r.name == "hirelink.reading"]
    assert warnings == [
        "PipelineTemplateEnvelope: the answer has no 'pipeline_template' member (its"
        " envelope is inferred); read as empty",
        "AttachmentList: the answer has no 'attachments' member (its envelope is"
        " inferred); read as empty",
    ]


def test_a_task_answered_in_another_shape_is_created_with_a_warning(
    fresh: Served, caplog: pytest.LogCaptureFixture
) -> None:
    fresh.sandbox.faults.add(
        Fault(method="POST", path=r"/tasks$", status=201, body={"id": 77, "title": "Call"})
    )
    with fresh.client() as recruitee:
        task = recruitee.create_task(CANDIDATE, "Call")
    assert isinstance(task, Task)
    assert task.additional_properties["id"] == 77  # the answer, kept for the caller
    (warning,) = [r.getMessage() for r in caplog.records if r.name == "hirelink.reading"]
    assert warning.startswith("TaskEnvelope: the answer has no 'task' member")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda r: r.change_placement_stage(PLACEMENT), "stage_id"),
        (lambda r: r.change_placement_stage(PLACEMENT, stage_id=1, stage_name="x"), "stage_id"),
        (lambda r: r.change_placement_stage(PLACEMENT, stage_name="Offer"), "offer_id"),
        (lambda r: r.change_placement_stage(PLACEMENT, stage_id=1, offer_id=JOB), "offer_id"),
        (lambda r: r.change_placement_stage(0, stage_id=1), "placement_id"),
        (lambda r: r.change_placement_stage(PLACEMENT, stage_id=1, proceed="yes"), "proceed"),
        (lambda r: r.disqualify_placement(PLACEMENT), "reason_id"),
        (lambda r: r.disqualify_placement(PLACEMENT, reason_name=" "), "reason_name"),
        (lambda r: r.disqualify_placement(PLACEMENT, reason_id=-3), "reason_id"),
        (lambda r: r.requalify_placement("990014"), "placement_id"),
        (lambda r: r.create_placement(CANDIDATE, 0), "offer_id"),
        (lambda r: r.set_candidate_field(CANDIDATE, "", "x"), "name"),
        (lambda r: r.set_candidate_field(CANDIDATE, "Check", 3), "value"),
        (lambda r: r.set_candidate_field(CANDIDATE, "Check", datetime.now(UTC)), "value"),
        (lambda r: r.get_candidate_field(CANDIDATE, ""), "name"),
        (lambda r: r.create_task(CANDIDATE, ""), "title"),
        (lambda r: r.create_task(CANDIDATE, "Call", due_date="soon"), "due_date"),
        (lambda r: r.list_candidate_attachments(0), "candidate_id"),
        (lambda r: r.list_offer_stages(0), "offer_id"),
        (lambda r: r.get_pipeline_template(0), "pipeline_template_id"),
    ],
)
def test_bad_outcome_input_names_the_field_and_sends_nothing(
    served: Served, recruitee: Recruitee, call: Any, field: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        call(recruitee)
    assert caught.value.field == field
    assert served.sandbox.recorder.requests == []


def test_of_two_fields_of_one_name_the_newest_is_read() -> None:
    # Recruitee may keep both when an outcome is written twice (the stand-in replaces):
    # the first one found was read, so a rerun's "failed" read back as "passed".
    from hirelink.api.recruitee.models import Candidate
    from hirelink.recruitee._operations import _field_named

    first = {"id": 1, "kind": "single_line", "name": "Identity check", "values": []}
    second = {**first, "id": 2, "name": "identity check"}
    candidate = Candidate.from_dict({"id": 1, "fields": [first, second]})
    found = _field_named(candidate, "identity check")
    assert found is not None
    assert found.id == 2


def test_a_stage_move_into_a_talent_pool_says_it_is_a_pool(
    served: Served, recruitee: Recruitee
) -> None:
    # Live placements in a pool carry the pool's id as their offer_id (captured answers):
    # the move blamed the stage name ("there are: none").
    with pytest.raises(InvalidInputError) as caught:
        recruitee.change_placement_stage(PLACEMENT, stage_name="Interview", offer_id=31600)
    assert caught.value.field == "offer_id"
    assert "talent pool" in caught.value.message
    assert served.hits("PATCH", "/change_stage") == 0


@pytest.fixture
async def arecruitee(fresh: Served) -> AsyncIterator[AsyncRecruitee]:
    async with fresh.async_client() as client:
        yield client


@pytest.mark.anyio
async def test_async_outcome_operations(fresh: Served, arecruitee: AsyncRecruitee) -> None:
    moved = await arecruitee.change_placement_stage(
        PLACEMENT, stage_name="On-site interview", offer_id=JOB
    )
    assert moved.stage_id == INTERVIEW
    out = await arecruitee.disqualify_placement(PLACEMENT, reason_id=301)
    assert sent(fresh, "PATCH", "/disqualify") == {"disqualify_reason_id": 301}
    assert out.disqualify_reason == "Not a fit"
    assert not (await arecruitee.requalify_placement(PLACEMENT)).disqualify_kind
    assert len(await arecruitee.list_disqualify_reasons()) == 4
    template = await arecruitee.get_pipeline_template(9001)
    assert isinstance(template.stages, list)
    assert [s.id for s in template.stages][2:4] == [610001, 610002]
    placed = await arecruitee.create_placement(CANDIDATE, 31502)
    assert placed.offer_id == 31502
    await arecruitee.set_candidate_field(CANDIDATE, "Identity check", "passed")
    field = await arecruitee.get_candidate_field(CANDIDATE, "Identity check")
    assert field is not None
    assert field.kind == "single_line"
    task = await arecruitee.create_task(CANDIDATE, "Call back", due_date=date(2026, 2, 1))
    assert sent(fresh, "POST", "/tasks")["task"]["due_date"] == "2026-02-01T00:00:00+00:00"
    assert task.candidate_id == CANDIDATE
    assert await arecruitee.list_candidate_attachments(CANDIDATE) == []
    with pytest.raises(InvalidInputError, match="'Not a fit'"):
        await arecruitee.disqualify_placement(PLACEMENT, reason_name="Unknown")


def test_delete_placement_takes_the_candidate_out_of_that_job_only(fresh: Served) -> None:
    with fresh.client() as recruitee:
        placed = recruitee.create_placement(CANDIDATE, 31455)
        before = {p.id for p in recruitee.get_candidate(CANDIDATE).placements or []}
        removed = recruitee.delete_placement(placed.id)
        after = {p.id for p in recruitee.get_candidate(CANDIDATE).placements or []}
        with pytest.raises(NotFoundError):
            recruitee.delete_placement(placed.id)
    assert (removed.id, removed.candidate_id, removed.offer_id) == (placed.id, CANDIDATE, 31455)
    assert after == before - {placed.id}
    assert PLACEMENT in after  # its other job's placement stays
    assert fresh.hits("DELETE", f"/placements/{placed.id}") == 2


def test_a_placement_delete_resent_after_a_late_answer_is_done(fresh: Served) -> None:
    # Carried out, but its answer came after the client gave up: the resend's 404 is read
    # as done (the placement is gone), not raised as NotFoundError.
    late = Fault(method="DELETE", path=f"/placements/{PLACEMENT}$", kind="late", delay=0.8)
    fresh.sandbox.faults.add(late)
    with fresh.client(timeout=0.4) as recruitee:
        gone = recruitee.delete_placement(PLACEMENT)
        left = recruitee.get_candidate(CANDIDATE).placements or []
    assert isinstance(gone, Placement)
    assert PLACEMENT not in {p.id for p in left}


def test_departments_count_the_offers_that_name_them(served: Served) -> None:
    with served.client() as recruitee:
        departments = recruitee.list_departments()
        offers = recruitee.list_offers()
    named = {offer.department_id for offer in offers if isinstance(offer.department_id, int)}
    assert {department.id for department in departments} == named
    assert all(department.offers_count == 1 for department in departments)


@pytest.mark.anyio
async def test_departments_async(served: Served) -> None:
    async with served.async_client() as recruitee:
        departments = await recruitee.list_departments()
    assert [department.name for department in departments][:1] == ["Engineering"]
