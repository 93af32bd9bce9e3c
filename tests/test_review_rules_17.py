"""Issue 17's rules on facts built in Python (no database): aftercare from the
first day of work, follow-ups as providers do them, missed meetings within the
course, partial attendance and the transition text. Each just inside and just
outside its threshold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mentorterm.domain.review import CitizenCase, CitizenFacts, SignalKind, case_signals
from mentorterm.domain.review.facts import (
    CourseEnded,
    HoursFacts,
    HoursStepFacts,
    JobStart,
    MissedMeeting,
    PlacementChange,
)
from mentorterm.domain.review.rules import (
    aftercare_due,
    hours_step,
    missed_meetings,
    partial_attendance,
    placement_transition,
)
from mentorterm.settings import ReviewThresholds

AS_OF = date(2026, 11, 25)
T = ReviewThresholds()


def day(offset: int) -> date:
    return AS_OF + timedelta(days=offset)


def at(offset: int, hour: int = 10) -> datetime:
    return datetime.combine(day(offset), time(hour))


def citizen(**changes) -> CitizenFacts:
    """On a course since 150 days ago, met 3 days ago, next meeting in 7."""
    values = dict(
        citizen_id=1,
        name="Mette",
        course_id=1,
        course_start=day(-150),
        course_end=day(30),
        course_end_recorded=day(30),
        latest_course_start=day(-150),
        last_held=at(-3),
        last_met=at(-60),
        next_booked=at(7),
    )
    return CitizenFacts(**(values | changes))


# --- aftercare ---------------------------------------------------------------------------------


def test_aftercare_counts_from_the_first_day_of_work_during_the_course():
    """A small job early in the course, a job later: aftercare is the small job's."""
    jobs = [JobStart("paid_hours", day(-90), "Netto"), JobStart("ordinary_job", day(-20), "Føtex")]
    s = aftercare_due(citizen(jobs=jobs), AS_OF, T)
    assert s.facts["job_started"] == day(-90).isoformat() and s.facts["job"] == "paid_hours"
    assert "Netto" in s.text and s.facts["anchor"] == "placement"


@given(st.integers(-T.aftercare_window_days - 3, T.aftercare_window_days + 3))
def test_aftercare_shows_in_the_window_around_the_due_day(offset):
    job = JobStart("wage_subsidy", day(-T.aftercare_days + offset), "Kommunen")
    s = aftercare_due(citizen(jobs=[job]), AS_OF, T)
    assert (s is not None) == (abs(offset) <= T.aftercare_window_days)


def test_a_job_that_has_ended_raises_no_aftercare_for_it():
    job = JobStart("flexjob", day(-90), "Bakeriet", end=day(-1))
    assert aftercare_due(citizen(jobs=[job]), AS_OF, T) is None
    # ... ending today it is still the citizen's job today
    assert aftercare_due(citizen(jobs=[replace(job, end=AS_OF)]), AS_OF, T) is not None
    # ... and the next job is the one aftercare counts from
    later = JobStart("ordinary_job", day(-88), "Føtex")
    s = aftercare_due(citizen(jobs=[job, later]), AS_OF, T)
    assert s.facts["job_started"] == day(-88).isoformat()


def test_with_no_work_placement_the_course_end_with_a_job_counts():
    f = citizen(course_id=None, job_course=CourseEnded("paid_hours", day(-90)))
    s = aftercare_due(f, AS_OF, T)
    assert s.facts["anchor"] == "course_end" and s.facts["job"] == "paid_hours"
    # a work placement recorded since the course started (but ended) means no fallback
    gone = JobStart("paid_hours", day(-140), "Netto", end=day(-100))
    assert aftercare_due(replace(f, jobs=[gone]), AS_OF, T) is None


def test_a_job_from_before_the_latest_course_is_not_its_first_day_of_work():
    old = JobStart("ordinary_job", day(-200), "Lageret")
    assert aftercare_due(citizen(jobs=[old], latest_course_start=day(-150)), AS_OF, T) is None


def test_a_meeting_with_the_citizen_in_the_window_is_the_aftercare():
    job = JobStart("ordinary_job", day(-90), "Føtex")
    opens = -T.aftercare_window_days  # the window opened this many days ago (due today)
    assert aftercare_due(citizen(jobs=[job], last_met=at(opens)), AS_OF, T) is None
    assert aftercare_due(citizen(jobs=[job], last_met=at(opens - 1)), AS_OF, T) is not None


# --- hours steps: follow-ups as providers do them ----------------------------------------------


def _step(kind: str, follow_up: int | None, met: int | None, age: int = 40) -> HoursStepFacts:
    return HoursStepFacts(
        "Værkstedet",
        day(-age),
        10.0,
        "",
        None if follow_up is None else day(follow_up),
        kind,
        None if met is None else day(met),
    )


@given(st.integers(-60, 0))
def test_at_the_own_training_ground_any_meeting_with_the_citizen_follows_up(met):
    s = hours_step(_step("training_ground", None, met), AS_OF, T)
    assert (s is None) == (met > -40)  # after the step began (40 days ago)
    if s is not None:
        assert s.facts["training_ground"] is True


@given(st.integers(-60, 0), st.integers(-60, 0))
def test_elsewhere_a_three_party_or_workplace_follow_up_is_needed(follow_up, met):
    s = hours_step(_step("company_internship", follow_up, met), AS_OF, T)
    assert (s is None) == (follow_up > -40)


def test_an_hours_step_just_inside_and_outside_its_days():
    step = _step("company_internship", None, None, age=T.hours_step_days)
    assert hours_step(step, AS_OF, T) is not None
    assert hours_step(replace(step, from_date=day(-T.hours_step_days + 1)), AS_OF, T) is None


# --- missed meetings within the course ---------------------------------------------------------


def _missed(*offsets: int) -> list[MissedMeeting]:
    return [MissedMeeting("no_show", at(o)) for o in offsets]


def test_missed_meetings_count_within_the_course_and_name_the_earlier_as_context():
    f = citizen(
        course_start=day(-20),
        missed=_missed(-5),
        missed_before=_missed(-30, -44, -58, -72, -86),
        last_held=at(-100),
    )
    assert missed_meetings(f, T) is None  # one in this course, the threshold is two
    s = missed_meetings(replace(f, missed=_missed(-5, -12)), T)
    assert s.facts["count"] == 2 and len(s.facts["before_course"]) == 5
    assert "before this course started: 5 more, the last 26-10-2026" in s.text


# --- partial attendance ------------------------------------------------------------------------


@given(st.integers(0, 80))
def test_partial_attendance_below_the_limit_of_the_planned_hours(quarters):
    worked = quarters / 4  # against 20 hours planned; 15 hours is exactly 75 %
    f = citizen(hours=HoursFacts(days=5, planned=20.0, worked=worked))
    s = partial_attendance(f, AS_OF, T)
    assert (s is not None) == (worked < 15)
    if s is not None:
        assert s.kind == SignalKind.PARTIAL_ATTENDANCE and s.facts["planned"] == 20.0


def test_partial_attendance_names_the_early_leave_reasons():
    hours = HoursFacts(days=4, planned=16.0, worked=8.0, left_early=["migræne", "migræne", "træt"])
    s = partial_attendance(citizen(hours=hours), AS_OF, T)
    assert s.facts["rate"] == 50 and s.facts["left_early"] == ["migræne", "migræne", "træt"]
    assert "left early: migræne (2), træt" in s.text
    assert partial_attendance(citizen(hours=HoursFacts()), AS_OF, T) is None
    kinds = [x.kind for x in case_signals(CitizenCase(citizen(hours=hours)), AS_OF, T)]
    assert SignalKind.PARTIAL_ATTENDANCE in kinds


# --- the transition text -----------------------------------------------------------------------


def test_a_placement_ending_does_not_call_a_running_one_next():
    change = PlacementChange("company_internship", "Bakery", day(-50), day(5), day(-3))
    (s,) = placement_transition(change, AS_OF, T)
    assert "the next placement already started 22-11-2026" in s.text
    assert "next placement from" not in s.text
    coming = replace(change, next_start=day(6))
    (s,) = placement_transition(coming, AS_OF, T)
    assert "next placement from 01-12-2026" in s.text


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["present", "sick", "absent_with_notice"]),
            st.integers(0, 32).map(lambda q: q / 4),
            st.integers(0, 32).map(lambda q: q / 4),
        ),
        min_size=1,
        max_size=14,
    )
)
def test_statistics_show_the_same_worked_of_planned_figure_as_the_signal(days):
    from mentorterm.domain.statistics import LoggedDay, figures

    logged = [
        LoggedDay(day(-i), attendance, planned, min(worked, planned), False, "")
        for i, (attendance, planned, worked) in enumerate(days)
    ]
    came = [d for d in logged if d.attendance == "present" and d.hours_planned > 0]
    figure = figures(logged, day(-13), AS_OF).worked_of_planned
    hours = HoursFacts(
        days=len(came),
        planned=sum(d.hours_planned for d in came),
        worked=sum(d.hours_worked for d in came),
    )
    s = partial_attendance(citizen(hours=hours), AS_OF, T)
    assert (figure is None) == (not came)
    if figure is not None:
        assert (s is not None) == (figure * 100 < T.partial_attendance_below)
        if s is not None:
            assert s.facts["rate"] == round(figure * 100)
