# ruff: noqa: F811  (the tests take the fixture "make" imported from test_review)
"""Issue 17's rules read from a database: missed meetings within the course,
the placements that count as work for aftercare, the workplace follow-up, and
partial attendance from the logbook. (The pure rules: test_review_rules_17.py;
the review as of a day: test_review_as_of.py.) Dates as in test_review.py."""

from __future__ import annotations

from mentorterm.enums import PlacementKind
from mentorterm.models import Course, HoursStep, LogbookEntry

from .test_review import K, day, kinds, make, meeting, placement, signals  # noqa: F401


def test_missed_meetings_count_within_the_current_course(make):
    ida = make("Ida", start=-20, held=None)
    old = Course.get(Course.citizen == ida)
    Course.create(  # an earlier course that ended 40 days ago, after five missed meetings
        citizen=ida,
        referral_date=day(-200),
        start_date=day(-190),
        planned_end=day(-40),
        end_date=day(-40),
        end_decided_on=day(-40),
        outcome="other",
        purpose="ordinary_job",
    )
    meeting(ida, -200, "held")
    for offset in (-100, -85, -70, -55, -45):
        meeting(ida, offset, "no_show")
    cancelled = meeting(ida, -6, "cancelled")
    cancelled.cancelled_by = "citizen"
    cancelled.save()
    assert old.start_date == day(-20)
    assert K.MISSED_MEETINGS not in kinds(ida)  # one in this course
    meeting(ida, -13, "no_show")
    [signal] = signals(ida, kind=K.MISSED_MEETINGS)
    assert signal.facts["count"] == 2 and len(signal.facts["before_course"]) == 5
    assert "before this course started: 5 more, the last 11-10-2026" in signal.text


def test_each_kind_of_work_placement_starts_aftercare_and_others_do_not(make):
    for kind in PlacementKind:
        c = make(f"Started {kind.value}", start=-150, held=-150)
        placement(c, start=-90, kind=kind.value)
        assert (K.AFTERCARE_DUE in kinds(c)) == kind.is_work, kind
    assert {k for k in PlacementKind if k.is_work} == {
        PlacementKind.PAID_HOURS,
        PlacementKind.WAGE_SUBSIDY,
        PlacementKind.FLEXJOB,
        PlacementKind.ORDINARY_JOB,
    }


def test_a_workplace_follow_up_follows_up_an_hours_step_but_is_not_a_meeting_with_the_citizen(
    make,
):
    visited = make("Visited", held=-40)
    step_at = placement(visited, start=-60)
    HoursStep.create(placement=step_at, from_date=day(-35), hours_per_week=10)
    assert K.HOURS_STEP in kinds(visited)
    meeting(visited, -20, "held", kind="workplace_follow_up")
    assert K.HOURS_STEP not in kinds(visited)
    ground = make("Own Ground", held=-40)
    at_ground = placement(ground, start=-60, kind="training_ground")
    HoursStep.create(placement=at_ground, from_date=day(-35), hours_per_week=10)
    meeting(ground, -20, "held", kind="workplace_follow_up")  # the supervisor alone
    assert K.HOURS_STEP in kinds(ground)
    meeting(ground, -19, "held", kind="walk")  # any meeting with the citizen
    assert K.HOURS_STEP not in kinds(ground)


def _day(p, offset: int, planned: float, worked: float, reason: str = "") -> None:
    LogbookEntry.create(
        placement=p,
        citizen=p.citizen_id,
        entry_date=day(offset),
        attendance="present",
        hours_planned=planned,
        hours_worked=worked,
        left_early=bool(reason),
        left_early_reason=reason,
    )


def test_partial_attendance_from_the_logbook_just_inside_and_outside(make):
    at_limit = make("At The Limit")
    p = placement(at_limit)
    _day(p, -1, 4, 3)  # 3 of 4: exactly 75 %
    _day(p, -3, 4, 3, "træt")
    below = make("Below")
    q = placement(below)
    _day(q, -1, 4, 3)
    _day(q, -3, 4, 2.75, "migræne")  # 5,75 of 8: 72 %
    _day(q, -14, 4, 0)  # outside the 14 days (today included): not counted
    assert K.PARTIAL_ATTENDANCE not in kinds(at_limit)
    [signal] = signals(below, kind=K.PARTIAL_ATTENDANCE)
    assert (signal.facts["worked"], signal.facts["planned"], signal.facts["days"]) == (5.75, 8, 2)
    assert signal.facts["left_early"] == ["migræne"] and signal.facts["rate"] == 72
