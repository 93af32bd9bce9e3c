"""Schema 7: a decision carries the day it was made, a status change its day.

The rows date themselves as the mentor records (models' save), an import
carries the days or falls back to what is known, and a bad day is refused.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from mentorterm import storage
from mentorterm.clock import stopped_at
from mentorterm.domain import courses, meetings
from mentorterm.domain.transfer import ImportFailed, import_document, parse_document
from mentorterm.models import ActionItem, Citizen, Course, Meeting, Placement, SubGoal
from mentorterm.schemas import CourseEndIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _moment(day: str, hour: int = 10) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time()).replace(hour=hour)


@pytest.fixture
def citizen(database):
    mentor = storage.ensure_default_mentor()
    with stopped_at(_moment("2026-01-05")):
        return Citizen.create(mentor=mentor, name="Mette Jørgensen")


def test_a_course_end_is_dated_the_day_it_is_recorded_and_a_correction_moves_it(citizen):
    with stopped_at(_moment("2026-01-05")):
        course = Course.create(
            citizen=citizen,
            referral_date=date(2026, 1, 5),
            start_date=date(2026, 1, 12),
            planned_end=date(2026, 4, 12),
            purpose="flexjob",
        )
    assert course.end_decided_on is None
    with stopped_at(_moment("2026-03-20")):
        courses.end_course(course.id, CourseEndIn(end_date=date(2026, 3, 31), outcome="paid_hours"))
    assert Course.get_by_id(course.id).end_decided_on == date(2026, 3, 20)
    with stopped_at(_moment("2026-03-25")):  # a save that leaves the end alone keeps the day
        row = Course.get_by_id(course.id)
        row.end_note = "Småjob i Netto"
        row.save()
    assert Course.get_by_id(course.id).end_decided_on == date(2026, 3, 20)
    with stopped_at(_moment("2026-04-02")):  # the end corrected: a new decision
        row = Course.get_by_id(course.id)
        row.end_date = date(2026, 4, 1)
        row.save()
    assert Course.get_by_id(course.id).end_decided_on == date(2026, 4, 2)


def test_a_placement_written_with_its_end_is_decided_that_day(citizen):
    with stopped_at(_moment("2026-02-01")):
        placement = Placement.create(
            citizen=citizen,
            kind="paid_hours",
            workplace="Netto",
            start_date=date(2026, 2, 2),
            end_date=date(2026, 5, 1),
        )
    assert placement.end_decided_on == date(2026, 2, 1)
    placement.end_date = None
    placement.save()
    assert Placement.get_by_id(placement.id).end_decided_on is None


def test_a_status_change_keeps_the_status_before_and_its_day(citizen):
    with stopped_at(_moment("2026-02-01")):
        meeting = Meeting.create(citizen=citizen, starts_at=_moment("2026-02-10"), kind="phone")
    assert (meeting.status_before, meeting.status_changed_on) == (None, None)
    with stopped_at(_moment("2026-02-08")):
        meetings.cancel_meeting(meeting.id, meetings.CancellationIn(cancelled_by="citizen"))
    row = Meeting.get_by_id(meeting.id)
    assert (row.status, row.status_before, row.status_changed_on) == (
        "cancelled",
        "planned",
        date(2026, 2, 8),
    )
    with stopped_at(_moment("2026-02-08", 15)):  # two changes in a day count as one
        meetings.set_status(meeting.id, "held")
    row = Meeting.get_by_id(meeting.id)
    assert (row.status, row.status_before, row.status_changed_on) == (
        "held",
        "planned",
        date(2026, 2, 8),
    )
    with stopped_at(_moment("2026-02-08", 16)):  # back where the day began
        meetings.set_status(meeting.id, "planned")
    row = Meeting.get_by_id(meeting.id)
    # The day of the last change stays (schema 8): the history holds all three.
    assert (row.status, row.status_before, row.status_changed_on) == (
        "planned",
        "planned",
        date(2026, 2, 8),
    )
    assert [(c.status_from, c.status_to) for c in meetings.status_history(meeting.id)] == [
        ("planned", "cancelled"),
        ("cancelled", "held"),
        ("held", "planned"),
    ]


def _doc(**citizen) -> dict:
    return {
        "format": "mentorterm",
        "version": 1,
        "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
        "citizens": [{"name": "Bo Andersen", "mentor": "a", **citizen}],
    }


COURSE = {
    "referral_date": "2026-01-05",
    "start_date": "2026-01-12",
    "planned_end": "2026-04-12",
    "purpose": "flexjob",
    "end_date": "2026-04-10",
    "outcome": "ordinary_job",
}


def test_an_import_carries_the_days_or_takes_what_is_known(database):
    doc = _doc(
        courses=[COURSE, {**COURSE, "end_decided_on": "2026-03-15"}],
        placements=[
            {
                "kind": "ordinary_job",
                "workplace": "Føtex",
                "start_date": "2026-04-13",
                "end_date": "2026-06-30",
            }
        ],
        sub_goals=[
            {"title": "Egen dag", "created_on": "2026-01-20"},
            {"title": "Stemplet", "created_at": "2026-01-21T23:30:00"},
            {"title": "Uden dag"},
        ],
        meetings=[
            {
                "starts_at": "2026-02-10T10:00",
                "kind": "one_to_one",
                "status": "cancelled",
                "status_before": "planned",
                "status_changed_on": "2026-02-09",
            }
        ],
        action_items=[{"what": "Ring til lægen", "owner": "citizen", "created_on": "2026-02-10"}],
    )
    import_document(parse_document(json.dumps(doc)), now=datetime(2026, 11, 22, 12))
    assert [c.end_decided_on for c in Course.select().order_by(Course.id)] == [
        date(2026, 4, 10),  # none given: the end date
        date(2026, 3, 15),
    ]
    assert Placement.get().end_decided_on == date(2026, 6, 30)
    assert [g.created_on for g in SubGoal.select().order_by(SubGoal.id)] == [
        date(2026, 1, 20),
        date(2026, 1, 21),  # the stamp's day
        date(2026, 11, 22),  # nothing known: the import's day
    ]
    meeting = Meeting.get()
    assert (meeting.status_before, meeting.status_changed_on) == ("planned", date(2026, 2, 9))
    assert ActionItem.get().created_on == date(2026, 2, 10)


@pytest.mark.parametrize(
    ("citizen", "where"),
    [
        (
            {
                "meetings": [
                    {"starts_at": "2026-02-10T10:00", "kind": "phone", "status_before": "planned"}
                ]
            },
            "status_changed_on",
        ),
        (
            {
                "courses": [
                    {**COURSE, "end_date": None, "outcome": None, "end_decided_on": "2026-03-01"}
                ]
            },
            "end_decided_on",
        ),
    ],
    ids=["status-change-without-its-day", "decided-without-an-end"],
)
def test_a_dated_change_without_its_other_half_is_refused(database, citizen, where):
    with pytest.raises(ImportFailed) as failed:
        parse_document(json.dumps(_doc(**citizen)))
    assert where in str(failed.value.problems)
    assert Course.select().count() == 0 and Meeting.select().count() == 0
