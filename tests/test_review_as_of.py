"""The review as of a day uses only what was known on that day (issue 17).

A history is imported (the way providers' case histories were replayed), the
review printed as of D; then changes are recorded on later days through the
domain, as a mentor records them: the course's end decided, a planned
meeting cancelled, a no-show corrected to held, a placement ended, a
sub-goal, an agreement, a logbook day, an extension. The review as of D
prints exactly as before; as of a later day it does change.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from mentorterm import cli, storage
from mentorterm.clock import stopped_at
from mentorterm.domain import courses, meetings, placements
from mentorterm.domain.action_items import add_action_item
from mentorterm.domain.subgoals.goals import create_sub_goal
from mentorterm.domain.transfer import import_document, parse_document
from mentorterm.models import Course, LogbookEntry, Meeting, Placement
from mentorterm.schemas import (
    ActionItemIn,
    CourseEndIn,
    CourseExtensionIn,
    PlacementEndIn,
    SubGoalIn,
)

D = date(2026, 11, 25)


def day(offset: int) -> date:
    return D + timedelta(days=offset)


def iso(offset: int) -> str:
    return day(offset).isoformat()


def moment(offset: int, hour: int = 10) -> str:
    return datetime.combine(day(offset), time(hour)).isoformat()


def _logbook(offsets: range) -> list[dict]:
    return [
        {
            "entry_date": iso(o),
            "attendance": "present",
            "hours_planned": 4,
            "hours_worked": 2,
            "left_early": True,
            "left_early_reason": "migræne",
        }
        for o in offsets
    ]


HISTORY = {
    "format": "mentorterm",
    "version": 1,
    "mentors": [{"key": "a", "name": "Anne Mentor", "is_default": True}],
    "citizens": [
        {
            "name": "Sara Holm",
            "mentor": "a",
            "courses": [
                {
                    "referral_date": iso(-110),
                    "start_date": iso(-100),
                    "planned_end": iso(20),
                    "purpose": "ordinary_job",
                    "created_at": moment(-110),
                }
            ],
            "placements": [
                {
                    "kind": "paid_hours",
                    "workplace": "Netto",
                    "start_date": iso(-90),
                    "course": 0,
                    "created_at": moment(-95),
                },
                {
                    "kind": "training_ground",
                    "workplace": "Kantinen",
                    "start_date": iso(-60),
                    "course": 0,
                    "hours_steps": [{"from_date": iso(-40), "hours_per_week": 8}],
                    "logbook": _logbook(range(-12, 1, 3)),
                    "created_at": moment(-65),
                },
            ],
            "meetings": [
                {"starts_at": moment(-30), "kind": "one_to_one", "status": "held"},
                {"starts_at": moment(-14), "kind": "one_to_one", "status": "no_show"},
                {
                    "starts_at": moment(-7),
                    "kind": "one_to_one",
                    "status": "cancelled",
                    "cancelled_by": "citizen",
                },
                {"starts_at": moment(5), "kind": "one_to_one", "status": "planned"},
            ],
            "sub_goals": [{"title": "Møde til tiden", "created_on": iso(-50)}],
        }
    ],
}


def review(capsys, path, as_of: date) -> dict:
    try:
        status = cli.main(
            ["review", "--db", str(path), "--as-of", as_of.isoformat(), "--format", "json"]
        )
    finally:
        storage.close_database()
    out, _err = capsys.readouterr()
    assert status == 0
    return json.loads(out)


def kinds(document: dict) -> set[str]:
    return {s["kind"] for c in document["citizens"] for s in c["signals"]}


@pytest.fixture
def history(db_path):
    storage.open_database(db_path)
    import_document(parse_document(json.dumps(HISTORY)), now=datetime(2026, 11, 25, 18))
    storage.close_database()
    return db_path


def _record_later_changes(path) -> None:
    storage.open_database(path)
    try:
        course = Course.get()
        paid, ground = Placement.select().order_by(Placement.id)
        no_show, planned = (
            Meeting.select()
            .where(Meeting.status.in_(["no_show", "planned"]))
            .order_by(Meeting.starts_at)
        )
        with stopped_at(datetime.combine(day(1), time(9))):
            meetings.set_status(no_show.id, "held")  # corrected: she came after all
            create_sub_goal(
                course.citizen_id, SubGoalIn(title="Ring til jobcentret", target_date=day(-2))
            )
            add_action_item(
                course.citizen_id, ActionItemIn(what="Send CV", owner="citizen", due_date=day(-1))
            )
            LogbookEntry.create(
                placement=ground,
                citizen=course.citizen_id,
                entry_date=day(1),
                attendance="absent_without_notice",
                hours_planned=4,
            )
            courses.extend_course(course.id, CourseExtensionIn(decided_on=day(1), new_end=day(40)))
        with stopped_at(datetime.combine(day(2), time(9))):
            meetings.cancel_meeting(planned.id, meetings.CancellationIn(cancelled_by="citizen"))
            courses.end_course(course.id, CourseEndIn(end_date=day(20), outcome="paid_hours"))
        with stopped_at(datetime.combine(day(3), time(9))):
            placements.end_placement(paid.id, PlacementEndIn(end_date=day(3)))
    finally:
        storage.close_database()


def _detail(path, as_of: date):
    from mentorterm.domain.review import review_detail

    storage.open_database(path)
    try:
        return review_detail(Course.get().citizen_id, as_of)
    finally:
        storage.close_database()


def test_the_review_on_a_day_is_unchanged_by_what_was_recorded_after_it(history, capsys):
    before = review(capsys, history, D)
    detail = _detail(history, D)
    assert detail.next_meeting is not None and detail.last_meeting is not None
    # What the mentor could see on D: the course ending with nothing decided, two
    # missed meetings, aftercare 90 days after the small job began, half the hours.
    assert {
        "course_ending",
        "missed_meetings",
        "aftercare_due",
        "partial_attendance",
    } <= kinds(before)
    assert "hours_step" not in kinds(before)  # the training ground: met since the step
    _record_later_changes(history)
    assert review(capsys, history, D) == before
    # The citizen in focus too; only the sub-goals' priorities are today's (the
    # active ones are renumbered when one is added, and no day is kept for that).
    assert _detail(history, D).model_dump(exclude={"sub_goals": {0: {"priority"}}}) == (
        detail.model_dump(exclude={"sub_goals": {0: {"priority"}}})
    )
    later = review(capsys, history, day(3))
    assert "course_ending" not in kinds(later)  # decided on D + 2
    assert "missed_meetings" not in kinds(later)  # the no-show was corrected to held
