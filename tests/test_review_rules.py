"""The weekly review's rules on facts built in Python: no database (issue 17's in
test_review_rules_17.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from mentorterm.domain.review import CitizenCase, CitizenFacts, SignalKind, case_signals
from mentorterm.domain.review.facts import (
    Attendance,
    CourseEnded,
    HoursStepFacts,
    JobStart,
    MissedMeeting,
    OverdueItem,
    PlacementChange,
    SubGoalFacts,
)
from mentorterm.domain.review.rules import (
    action_items_overdue,
    aftercare_due,
    attendance,
    course_ending,
    hours_step,
    missed_meetings,
    no_next_meeting,
    no_notice_absence,
    passive_period,
    placement_transition,
    sub_goal,
)
from mentorterm.settings import ReviewThresholds

AS_OF = date(2026, 11, 25)
T = ReviewThresholds()
offsets = st.integers(-400, 400)


def day(offset: int) -> date:
    return AS_OF + timedelta(days=offset)


def at(offset: int, hour: int = 10) -> datetime:
    return datetime.combine(day(offset), time(hour))


def on_course(**changes) -> CitizenFacts:
    """A citizen on a course since 60 days ago, met 3 days ago, next meeting in 7."""
    values = dict(
        citizen_id=1,
        name="Mette",
        course_id=1,
        course_start=day(-60),
        course_end=day(120),
        last_held=at(-3),
        next_booked=at(7),
    )
    return CitizenFacts(**(values | changes))


def test_a_citizen_with_everything_in_order_has_no_signal():
    case = CitizenCase(
        on_course(attendance=Attendance(10, 10, 10, 10)),
        sub_goals=[SubGoalFacts(1, "Get up", day(30), day(-10), day(-2))],
    )
    assert case_signals(case, AS_OF, T) == []


# --- passive period --------------------------------------------------------------------


@given(st.integers(0, 200), st.integers(1, 60))
def test_passive_period_is_a_signal_only_past_the_cadence(days_since, cadence):
    f = on_course(course_start=day(-300), last_held=at(-days_since), cadence=cadence)
    s = passive_period(f, AS_OF)
    assert (s is not None) == (days_since > cadence)
    if s is not None:
        assert s.facts["days"] == days_since
        assert s.weight == (5 if days_since > 2 * cadence else 3)


def test_passive_period_counts_from_the_course_start_when_nothing_was_held_on_it():
    f = on_course(course_start=day(-20), last_held=at(-40))  # held before the course
    s = passive_period(f, AS_OF)
    assert s.facts["days"] == 20 and s.facts["course_start"] == day(-20).isoformat()
    assert s.weight == 5  # never met on this course
    assert "since the course started" in s.text
    assert passive_period(on_course(course_start=None, course_id=None), AS_OF) is None


# --- missed meetings --------------------------------------------------------------------


@given(st.integers(0, 9))
def test_missed_meetings_from_the_threshold_weigh_more_up_to_eight(n):
    missed = [MissedMeeting("no_show", at(-i - 1)) for i in range(n)]
    s = missed_meetings(on_course(missed=missed, last_held=at(-30)), T)
    if n < T.missed_in_a_row:
        assert s is None
    else:
        assert s.kind is SignalKind.MISSED_MEETINGS
        assert s.weight == min(8, 5 + n - T.missed_in_a_row)
        assert s.facts["count"] == n
        assert ("earlier" in s.text) == (n > 5)


def test_missed_meetings_name_the_citizens_cancellation():
    missed = [MissedMeeting("cancelled", at(-1)), MissedMeeting("no_show", at(-8))]
    s = missed_meetings(on_course(missed=missed, last_held=None), T)
    assert "cancelled by citizen 24-11-2026" in s.text
    assert "no meeting held yet" in s.text
    assert s.facts["meetings"] == ["cancelled 2026-11-24", "no_show 2026-11-17"]


# --- attendance -------------------------------------------------------------------------


@given(st.integers(1, 40), st.data())
def test_attendance_low_is_strictly_below_the_limit_exactly(logged, data):
    present = data.draw(st.integers(0, logged))
    s = attendance(on_course(attendance=Attendance(logged, present)), AS_OF, T)
    low = present * 100 < T.attendance_below * logged  # 3 of 4 is 75 %: not low
    assert (s is not None) == low
    if s is not None:
        assert s.facts["below"] is True and s.weight == 4


def test_attendance_at_exactly_the_limit_is_no_signal():
    assert attendance(on_course(attendance=Attendance(4, 3)), AS_OF, T) is None
    assert attendance(on_course(attendance=Attendance(20, 14)), AS_OF, T).weight == 4


@given(st.integers(1, 30), st.integers(1, 30), st.data())
def test_attendance_drop_is_the_threshold_in_points_or_more(logged, before_logged, data):
    present = data.draw(st.integers(0, logged))
    before_present = data.draw(st.integers(0, before_logged))
    f = on_course(attendance=Attendance(logged, present, before_logged, before_present))
    s = attendance(f, AS_OF, T)
    low = present * 100 < T.attendance_below * logged
    fall = (before_present / before_logged - present / logged) * 100
    if abs(fall - T.attendance_drop_points) > 1e-9:  # off the exact edge
        drop = fall > T.attendance_drop_points
        assert (s is not None) == (low or drop)
        if s is not None:
            assert s.weight == (5 if low and drop else 4 if low else 3)
            assert ("drop_points" in s.facts) == drop


def test_attendance_low_and_fallen_weighs_most_and_nothing_logged_is_silent():
    s = attendance(on_course(attendance=Attendance(10, 5, 10, 10)), AS_OF, T)
    assert s.weight == 5 and s.facts["drop_points"] == 50 and s.facts["rate"] == 50
    assert attendance(on_course(attendance=Attendance(0, 0, 10, 10)), AS_OF, T) is None


# --- absence without notice ---------------------------------------------------------------


def test_absence_without_notice_once_and_twice():
    assert no_notice_absence(on_course(), T) is None
    once = no_notice_absence(on_course(no_notice=[day(-2)]), T)
    assert once.weight == 4 and once.text == "Absent without notice on 23-11-2026"
    twice = no_notice_absence(on_course(no_notice=[day(-5), day(-2)]), T)
    assert twice.weight == 5 and twice.facts["days"] == ["2026-11-20", "2026-11-23"]


# --- course ending -------------------------------------------------------------------------


@given(offsets)
def test_course_ending_within_the_window_or_passed(left):
    s = course_ending(on_course(course_end=day(left)), AS_OF, T)
    assert (s is not None) == (left <= T.course_ending_days)
    if s is not None:
        assert s.facts["days_left"] == left
        assert s.weight == (5 if left < 0 else 4 if left <= 7 else 3)


def test_a_decided_course_end_is_no_signal():
    f = on_course(course_end=day(3), course_end_recorded=day(40))
    assert course_ending(f, AS_OF, T) is None


# --- sub-goals -------------------------------------------------------------------------------


@given(st.integers(0, 120), st.one_of(st.none(), offsets))
def test_sub_goal_unscored_from_the_threshold_or_past_its_target(unscored, target):
    goal = SubGoalFacts(
        7, "Take the bus", None if target is None else day(target), day(-unscored), None
    )
    s = sub_goal(goal, AS_OF, T)
    past = target is not None and target < 0
    late = unscored >= T.sub_goal_unscored_days
    assert (s is not None) == (past or late)
    if s is not None:
        assert s.weight == (2 if past and late else 1)
        assert s.facts["days_unscored"] == (unscored if late else None)


def test_sub_goals_together_add_at_most_the_cap_to_urgency():
    from mentorterm.domain.review.queue import SUB_GOAL_CAP, _urgency

    goals = [SubGoalFacts(i, f"Goal {i}", day(-1), day(-100), None) for i in range(6)]
    signals = case_signals(CitizenCase(on_course(), sub_goals=goals), AS_OF, T)
    assert [s.weight for s in signals] == [2] * 6
    assert _urgency(signals) == SUB_GOAL_CAP


# --- action items ------------------------------------------------------------------------------


@given(st.lists(st.integers(1, 60), min_size=1, max_size=6))
def test_overdue_action_items_weigh_more_past_two_weeks(ages):
    items = [OverdueItem(f"Call {a}", "citizen", day(-a)) for a in sorted(ages, reverse=True)]
    s = action_items_overdue(items, AS_OF)
    assert s.facts["count"] == len(ages)
    assert s.weight == (3 if max(ages) > 14 else 2)
    assert ("more" in s.text) == (len(ages) > 3)


def test_an_item_due_today_is_not_overdue():
    assert action_items_overdue([OverdueItem("Call", "mentor", AS_OF)], AS_OF) is None


# --- placement transitions ------------------------------------------------------------------------


@given(offsets, st.one_of(st.none(), offsets))
def test_a_placement_start_or_end_within_the_window(start, end):
    change = PlacementChange(
        "company_internship", "Bakery", day(start), None if end is None else day(end), None
    )
    signals = placement_transition(change, AS_OF, T)
    window = range(0, T.placement_transition_days + 1)
    expected = [c for c, d in (("start", start), ("end", end)) if d is not None and d in window]
    assert [s.facts["change"] for s in signals] == expected
    for s in signals:
        assert s.weight == (3 if s.facts["days"] <= 7 else 2)


def test_a_placement_ending_names_the_next_one():
    change = PlacementChange("company_internship", "Bakery", day(-50), AS_OF, day(3))
    (s,) = placement_transition(change, AS_OF, T)
    assert "ends today" in s.text and "next placement from 28-11-2026" in s.text


# --- hours steps ---------------------------------------------------------------------------------


@given(st.integers(0, 200), st.one_of(st.none(), st.integers(-300, 0)))
def test_an_hours_step_long_in_force_without_follow_up(age, follow_up):
    step = HoursStepFacts(
        "Bakery", day(-age), 15.0, "", None if follow_up is None else day(follow_up)
    )
    s = hours_step(step, AS_OF, T)
    followed = follow_up is not None and follow_up > -age
    assert (s is not None) == (age >= T.hours_step_days and not followed)
    if s is not None:
        assert s.weight == 1 and s.facts["days"] == age


# --- aftercare ----------------------------------------------------------------------------------


@given(st.integers(0, 200))
def test_aftercare_is_due_within_the_window_around_the_due_day(since_job):
    job = JobStart("ordinary_job", day(-since_job), "Bakery")
    f = on_course(course_id=None, course_start=None, last_held=None, jobs=[job])
    s = aftercare_due(f, AS_OF, T)
    due = T.aftercare_days
    assert (s is not None) == (abs(since_job - due) <= T.aftercare_window_days)
    if s is not None:
        assert s.facts["job"] == "ordinary_job" and s.weight == 3


def test_aftercare_held_since_the_window_opened_is_done_and_the_first_job_counts():
    ended = CourseEnded("ordinary_job", day(-60))
    job = JobStart("paid_hours", day(-90), "Bakery")
    f = on_course(course_id=None, job_course=ended, jobs=[job], last_met=at(-120))
    s = aftercare_due(f, AS_OF, T)
    assert s.facts["job_started"] == day(-90).isoformat() and s.facts["anchor"] == "placement"
    assert aftercare_due(replace(f, last_met=at(-10)), AS_OF, T) is None


def test_off_course_only_aftercare_counts():
    job = JobStart("ordinary_job", day(-90), "Bakery")
    f = CitizenFacts(2, "Ole", attendance=Attendance(10, 0), jobs=[job])
    assert [s.kind for s in case_signals(CitizenCase(f), AS_OF, T)] == [SignalKind.AFTERCARE_DUE]


# --- no next meeting -------------------------------------------------------------------------------


def test_no_next_meeting_on_a_course():
    s = no_next_meeting(on_course(next_booked=None))
    assert s.weight == 2 and s.facts["last_held"] == day(-3).isoformat()
    assert no_next_meeting(on_course()) is None
    assert no_next_meeting(on_course(next_booked=None, course_start=None)) is None


@settings(max_examples=50)
@given(st.integers(0, 60), st.integers(1, 30))
def test_every_signal_of_a_case_has_a_weight_from_one_to_eight(idle, cadence):
    f = on_course(
        last_held=at(-idle),
        cadence=cadence,
        next_booked=None,
        missed=[MissedMeeting("no_show", at(-1))] * 12,
        attendance=Attendance(10, 1, 10, 10),
        no_notice=[day(-1), day(-2)],
        course_end=day(-1),
    )
    signals = case_signals(CitizenCase(f), AS_OF, T)
    assert {SignalKind.MISSED_MEETINGS, SignalKind.COURSE_ENDING} <= {s.kind for s in signals}
    assert all(1 <= s.weight <= 8 for s in signals)
