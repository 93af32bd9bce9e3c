"""The weekly review: every signal just inside and just outside its threshold.

Calendar (2026), worked by hand:
    October:  Wed 28 = AS_OF - 28            November: Mon 2, 9, 16, 23, 30
    AS_OF = Wed 25-11-2026, in ISO week 2026-W48 (Mon 23 - Sun 29 November);
    the week before, 16-22 November, is 2026-W47.
    AS_OF - 1 = 24-11, - 6 = 19-11, - 7 = 18-11, - 13 = 12-11, - 14 = 11-11,
    - 15 = 10-11, - 27 = 29-10, - 28 = 28-10; + 14 = 09-12, + 28 = 23-12.

Every citizen starts "quiet": a course from AS_OF - 60 to AS_OF + 100 (cadence
14), a 1:1 meeting held at AS_OF - 3 and the next one planned at AS_OF + 7:
no signal. Each test adds one thing. Rows with no domain date (sub-goals,
action items) get ``created_at`` = OLD explicitly, meetings ``booked_on`` = OLD: rows created after
``as_of`` are ignored, and the clock of the machine running the tests is later.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from mentorterm import cli, storage
from mentorterm.domain import review
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.domain.review import SignalKind, review_progress, review_queue
from mentorterm.domain.review.handout import ReviewHandout
from mentorterm.models import (
    ActionItem,
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    Placement,
    ReviewNote,
    SubGoal,
)
from mentorterm.settings import (
    ReviewThresholds,
    Settings,
    SettingsError,
    load_settings,
    settings_path,
    write_default_settings,
)

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

AS_OF = date(2026, 11, 25)  # a Wednesday in 2026-W48
OLD = datetime(2026, 1, 1, 9, 0)
K = SignalKind


def day(offset: int) -> date:
    return AS_OF + timedelta(days=offset)


def at(offset: int, hour: int = 10) -> datetime:
    return datetime.combine(day(offset), datetime.min.time()).replace(hour=hour)


@pytest.fixture
def make(database):
    """A quiet citizen (see the module docstring); returns the Citizen row."""

    def citizen(
        name: str = "Ali Hassan",
        *,
        start: int = -60,
        end: int = 100,
        cadence: int = 14,
        held: int | None = -3,
        planned: int | None = 7,
        archived_on: date | None = None,
    ) -> Citizen:
        mentor = storage.ensure_default_mentor()
        row = Citizen.create(mentor=mentor, name=name, archived_on=archived_on)
        Course.create(
            citizen=row,
            referral_date=day(start - 7),
            start_date=day(start),
            planned_end=day(end),
            purpose="ordinary_job",
            meeting_cadence_days=cadence,
        )
        if held is not None:
            meeting(row, held, "held")
        if planned is not None:
            meeting(row, planned, "planned")
        return row

    return citizen


def meeting(citizen, offset: int, status: str, kind: str = "one_to_one", hour: int = 10):
    return Meeting.create(
        citizen=citizen,
        starts_at=at(offset, hour),
        kind=kind,
        status=status,
        booked_on=OLD.date(),  # booked long before (a meeting booked after as_of is not yet)
    )


def placement(
    citizen,
    start: int = -60,
    end: int | None = None,
    kind="company_internship",
    workplace="Netto Viby",
) -> Placement:
    return Placement.create(
        citizen=citizen,
        kind=kind,
        workplace=workplace,
        start_date=day(start),
        end_date=None if end is None else day(end),
        end_decided_on=None if end is None else OLD.date(),  # known long before
    )


def log(p: Placement, offset: int, attendance: str = "present") -> None:
    worked = 3 if attendance == "present" else 0
    LogbookEntry.create(
        placement=p,
        citizen=p.citizen_id,
        entry_date=day(offset),
        attendance=attendance,
        hours_planned=3,
        hours_worked=worked,
    )


def goal(
    citizen,
    title="Take the bus alone",
    target: int | None = None,
    created: datetime = OLD,
    status="active",
    status_date: int | None = None,
) -> SubGoal:
    return SubGoal.create(
        citizen=citizen,
        title=title,
        created_at=created,
        status=status,
        target_date=None if target is None else day(target),
        status_date=None if status_date is None else day(status_date),
    )


def score(g: SubGoal, offset: int, value: int = 5) -> None:
    AllianceScore.create(sub_goal=g, scored_on=day(offset), citizen_score=value)


def item(
    citizen,
    due: int,
    done: int | None = None,
    created: datetime = OLD,
    meeting_row=None,
    what="Book the GP appointment",
) -> None:
    ActionItem.create(
        citizen=citizen,
        what=what,
        owner="citizen",
        due_date=day(due),
        done_on=None if done is None else day(done),
        created_at=created,
        meeting=meeting_row,
    )


def signals(citizen, as_of: date = AS_OF, thresholds=None, kind: SignalKind | None = None):
    for entry in review_queue(as_of, thresholds=thresholds):
        if entry.citizen_id == citizen.id:
            return [s for s in entry.signals if kind is None or s.kind is kind]
    return []


def kinds(citizen, as_of: date = AS_OF, thresholds=None) -> set[SignalKind]:
    return {s.kind for s in signals(citizen, as_of, thresholds)}


def test_a_quiet_citizen_has_no_signal_and_is_not_in_the_queue(make):
    quiet = make()
    assert kinds(quiet) == set()
    assert review_queue(AS_OF) == []
    assert review_progress(AS_OF) == (0, 0)


def test_iso_week_of():
    assert review.iso_week_of(AS_OF) == "2026-W48"
    assert review.iso_week_of(date(2026, 11, 22)) == "2026-W47"  # a Sunday
    assert review.iso_week_of(date(2027, 1, 1)) == "2026-W53"  # 2026 has 53 ISO weeks


# --- 1. passive period ----------------------------------------------------------------


def test_passive_period_after_the_cadence(make):
    # Cadence 14: held 14 days ago is on time; 15 days ago is a passive period.
    on_time = make("On Time", held=-14)
    late = make("Late", held=-15)
    assert K.PASSIVE_PERIOD not in kinds(on_time)
    [signal] = signals(late, kind=K.PASSIVE_PERIOD)
    assert signal.text == "No held meeting for 15 days (cadence 14 days; last held 10-11-2026)"
    assert signal.facts["days"] == 15 and signal.facts["last_held"] == "2026-11-10"


def test_passive_period_counts_from_the_course_start_when_never_met(make):
    # Never met: the course start counts. Started 14 days ago: fine; 15: passive.
    new = make("New", start=-14, held=None)
    older = make("Older", start=-15, held=None)
    assert K.PASSIVE_PERIOD not in kinds(new)
    [signal] = signals(older, kind=K.PASSIVE_PERIOD)
    assert signal.text.startswith(
        "No held meeting since the course started 10-11-2026 (15 days; cadence 14 days)"
    )


def test_passive_period_uses_the_courses_own_cadence(make):
    weekly = make("Weekly", cadence=7, held=-8)  # 8 > 7
    assert K.PASSIVE_PERIOD in kinds(weekly)


# --- 2. cancellations / no-shows in a row -------------------------------------------------


def test_two_missed_meetings_in_a_row(make):
    one = make("One Missed", held=-20)
    meeting(one, -10, "no_show")  # one since the last held meeting: not yet
    two = make("Two Missed", held=-20)
    meeting(two, -10, "no_show")
    meeting(two, -5, "cancelled_by_citizen")
    meeting(two, -7, "rescheduled")  # moved, not missed: ignored
    assert K.MISSED_MEETINGS not in kinds(one)
    [signal] = signals(two, kind=K.MISSED_MEETINGS)
    assert signal.text == (
        "2 meetings in a row cancelled or missed: cancelled by citizen "
        "20-11-2026, no-show 15-11-2026 (no held meeting since 05-11-2026)"
    )
    assert signal.facts["count"] == 2


def test_a_held_meeting_breaks_the_row(make):
    broken = make("Broken Row", held=None)
    meeting(broken, -12, "no_show")
    meeting(broken, -8, "held")
    meeting(broken, -4, "cancelled_by_citizen")
    assert K.MISSED_MEETINGS not in kinds(broken)


def test_a_missed_meeting_after_as_of_does_not_count_yet(make):
    later = make("Later", held=-20, planned=None)
    meeting(later, -10, "no_show")
    meeting(later, 2, "no_show")  # after AS_OF
    assert K.MISSED_MEETINGS not in kinds(later)
    assert K.MISSED_MEETINGS in kinds(later, day(2))


# --- 3. attendance ----------------------------------------------------------------------


def test_attendance_below_75_percent(make):
    # Window AS_OF-13 .. AS_OF (12-11 to 25-11).
    at_75 = make("At 75")
    p = placement(at_75)
    for offset in (-13, -8, -1):
        log(p, offset)
    log(p, -2, "sick")  # 3 of 4 = 75 %: not below
    log(p, -14, "sick")  # 11-11: the day before the window
    log(p, 1, "sick")  # after AS_OF
    below = make("Below")
    q = placement(below)
    log(q, -13)
    log(q, -8)
    log(q, -2, "sick")  # 2 of 3 = 66.7 %: below
    assert K.ATTENDANCE not in kinds(at_75)
    [signal] = signals(below, kind=K.ATTENDANCE)
    assert signal.text == (
        "Attendance 67 % over the last 14 days (2 of 3 logged days present, "
        "12-11-2026 to 25-11-2026); below 75 %"
    )
    assert signal.facts["below"] is True


def test_attendance_down_20_points(make):
    # The 14 days before: AS_OF-27 .. AS_OF-14 (29-10 to 11-11).
    dropped = make("Dropped")
    p = placement(dropped)
    for offset in (-27, -20, -15, -14):
        log(p, offset)  # 4 of 4 = 100 %
    for offset in (-13, -10, -6, -3):
        log(p, offset)
    log(p, -1, "sick")  # now 4 of 5 = 80 %: down 20 points, not below 75
    steady = make("Steady")
    q = placement(steady)
    for offset in (-27, -20, -15, -14):
        log(q, offset)
    for offset in (-13, -10, -8, -6, -3):
        log(q, offset)
    log(q, -1, "sick")  # 5 of 6 = 83.3 %: down 16.7 points
    [signal] = signals(dropped, kind=K.ATTENDANCE)
    assert signal.text == (
        "Attendance 80 % over the last 14 days (4 of 5 logged days present, "
        "12-11-2026 to 25-11-2026); down 20 points from 100 % the 14 days "
        "before (4 of 4)"
    )
    assert signal.facts["drop_points"] == 20 and signal.facts["below"] is False
    assert K.ATTENDANCE not in kinds(steady)


# --- 4. absence without notice ---------------------------------------------------------------


def test_absence_without_notice_within_7_days(make):
    inside = make("Inside")
    log(placement(inside), -6, "absent_without_notice")  # 19-11: the 7th day back
    outside = make("Outside")
    log(placement(outside), -7, "absent_without_notice")  # 18-11: 8 days back
    [signal] = signals(inside, kind=K.NO_NOTICE_ABSENCE)
    assert signal.text == "Absent without notice on 19-11-2026"
    assert K.NO_NOTICE_ABSENCE not in kinds(outside)
    assert K.NO_NOTICE_ABSENCE not in kinds(inside, day(-7))  # as of before it happened


# --- 5. sub-goals ----------------------------------------------------------------------------


def test_sub_goal_not_scored_for_28_days(make):
    c = make()
    recent = goal(c, "Recent")
    score(recent, -27)  # 27 days: fine
    stale = goal(c, "Stale")
    score(stale, -40)
    score(stale, -28)  # 28 days: a signal
    future = goal(c, "Scored later")
    score(future, -30)
    score(future, 1)  # after AS_OF: does not count
    texts = [s.text for s in signals(c, kind=K.SUB_GOAL)]
    assert texts == [
        'Sub-goal "Stale": not scored for 28 days (last 28-10-2026)',
        'Sub-goal "Scored later": not scored for 30 days (last 26-10-2026)',
    ]


def test_a_never_scored_sub_goal_counts_from_when_it_was_set(make):
    c = make()
    goal(c, "New", created=at(-27))
    goal(c, "Old", created=at(-28))
    goal(c, "Tomorrow", created=at(1))  # did not exist on AS_OF
    [signal] = signals(c, kind=K.SUB_GOAL)
    assert signal.text == 'Sub-goal "Old": never scored (set 28-10-2026, 28 days ago)'


def test_sub_goal_past_its_target_date(make):
    c = make()
    due_today = goal(c, "Due today", target=0)
    late = goal(c, "Late", target=-1)
    for g in (due_today, late):
        score(g, -3)
    [signal] = signals(c, kind=K.SUB_GOAL)
    assert signal.text == 'Sub-goal "Late": past its target date 24-11-2026 (1 day ago)'
    assert signal.weight == 1


def test_sub_goal_status_as_it_stood(make):
    c = make()
    score(goal(c, "Achieved before", status="achieved", status_date=-1), -40)
    score(goal(c, "Achieved after", status="achieved", status_date=2), -40)
    assert [s.facts["title"] for s in signals(c, kind=K.SUB_GOAL)] == ["Achieved after"]


# --- 6. action items -------------------------------------------------------------------------


def test_action_items_overdue(make):
    today = make("Due Today")
    item(today, due=0)  # due today: not overdue yet
    item(today, due=-5, done=0)  # done on AS_OF
    late = make("Late")
    item(late, due=-1)
    item(late, due=-3, done=1, what="Send the CV")  # done after AS_OF: open on AS_OF
    item(late, due=-9, created=at(1), what="Made later")  # created after AS_OF
    later_meeting = meeting(late, 2, "planned")
    item(late, due=-2, meeting_row=later_meeting, what="From a later meeting")
    assert K.ACTION_ITEMS_OVERDUE not in kinds(today)
    [signal] = signals(late, kind=K.ACTION_ITEMS_OVERDUE)
    assert signal.text == (
        '2 action items overdue: "Send the CV" (citizen, due 22-11-2026, '
        '3 days ago), "Book the GP appointment" (citizen, due 24-11-2026, '
        "1 day ago)"
    )
    assert signal.facts == {"count": 2, "oldest_due": "2026-11-22"}


# --- 7. course ending ------------------------------------------------------------------------


def test_course_ending_within_28_days(make):
    inside = make("Inside", end=28)
    outside = make("Outside", end=29)
    [signal] = signals(inside, kind=K.COURSE_ENDING)
    assert signal.text == "Course ends in 28 days (23-12-2026) with no extension or end decided"
    assert K.COURSE_ENDING not in kinds(outside)


def test_an_extension_or_a_decided_end_silences_it(make):
    extended = make("Extended", end=10)
    course = Course.get(Course.citizen == extended)
    CourseExtension.create(course=course, decided_on=day(-5), new_end=day(60))
    extended_later = make("Extended Later", end=10)
    CourseExtension.create(
        course=Course.get(Course.citizen == extended_later), decided_on=day(1), new_end=day(60)
    )  # not yet decided on AS_OF
    ended = make("End Decided", end=10)
    Course.update(end_date=day(10), outcome="ordinary_job", end_decided_on=day(-1)).where(
        Course.citizen == ended
    ).execute()
    ended_later = make("End Decided Later", end=10)  # schema 7: decided after AS_OF
    Course.update(end_date=day(10), outcome="ordinary_job", end_decided_on=day(1)).where(
        Course.citizen == ended_later
    ).execute()
    assert K.COURSE_ENDING not in kinds(extended)
    assert K.COURSE_ENDING in kinds(extended_later)
    assert K.COURSE_ENDING not in kinds(ended)
    assert K.COURSE_ENDING in kinds(ended_later)


def test_a_planned_end_passed_without_a_decision(make):
    overdue = make("Overdue", end=-3)
    [signal] = signals(overdue, kind=K.COURSE_ENDING)
    assert signal.text == (
        "The course's planned end 22-11-2026 passed 3 days ago with no extension or end recorded"
    )
    assert signal.weight == 5


# --- 8. placement transitions ---------------------------------------------------------------


def test_placement_starting_or_ending_within_14_days(make):
    starting = make("Starting")
    placement(starting, start=14, workplace="Føtex")
    not_yet = make("Not Yet")
    placement(not_yet, start=15)
    ending = make("Ending")
    placement(ending, start=-60, end=14, kind="training_ground", workplace="Kantinen")
    not_ending = make("Not Ending")
    placement(not_ending, start=-60, end=15)
    [start_signal] = signals(starting, kind=K.PLACEMENT_TRANSITION)
    assert start_signal.text == (
        "Placement starts in 14 days: Company internship at Føtex, from 09-12-2026"
    )
    [end_signal] = signals(ending, kind=K.PLACEMENT_TRANSITION)
    assert end_signal.text == (
        "Placement ends in 14 days: Internal training ground at "
        "Kantinen, last day 09-12-2026; no next placement recorded"
    )
    assert K.PLACEMENT_TRANSITION not in kinds(not_yet) | kinds(not_ending)


# --- 9. hours steps --------------------------------------------------------------------------


def test_hours_step_in_force_28_days_without_a_follow_up(make):
    four_weeks = make("Four Weeks")
    p = placement(four_weeks)
    HoursStep.create(placement=p, from_date=day(-60), hours_per_week=4)
    HoursStep.create(placement=p, from_date=day(-28), hours_per_week=7.5, schedule="3 x 2,5 h")
    meeting(four_weeks, -28, "held", kind="three_party")  # the meeting that set the step
    three_weeks = make("Three Weeks")
    HoursStep.create(placement=placement(three_weeks), from_date=day(-27), hours_per_week=6)
    followed = make("Followed Up")
    HoursStep.create(placement=placement(followed), from_date=day(-40), hours_per_week=6)
    meeting(followed, -10, "held", kind="three_party")
    [signal] = signals(four_weeks, kind=K.HOURS_STEP)
    assert signal.text == (
        "7,5 hours a week (3 x 2,5 h) at Netto Viby since 28-10-2026 "
        "(28 days) with no follow-up since; last three-party or workplace follow-up "
        "28-10-2026"
    )
    assert K.HOURS_STEP not in kinds(three_weeks)
    assert K.HOURS_STEP not in kinds(followed)
    # The baseline 1:1 conversation (AS_OF-3) is no three-party follow-up.


# --- 10. aftercare ---------------------------------------------------------------------------


def _hired(make, name: str, job_start: int) -> Citizen:
    """A citizen whose course ended with a job that started ``job_start`` days from AS_OF."""
    c = make(name, start=-300, end=job_start - 1, held=job_start - 10, planned=None)
    Course.update(end_date=day(job_start - 1), outcome="ordinary_job").where(
        Course.citizen == c
    ).execute()
    placement(c, start=job_start, kind="ordinary_job", workplace="NordLager")
    return c


def test_aftercare_due_about_three_months_after_the_job_started(make):
    # Due = start + 90; shown from due - 14 to due + 14.
    late_edge = _hired(make, "Late Edge", -104)  # due AS_OF-14: as_of = due + 14
    too_late = _hired(make, "Too Late", -105)  # due AS_OF-15
    _hired(make, "Early Edge", -76)  # due AS_OF+14: as_of = due - 14
    too_early = _hired(make, "Too Early", -75)
    queue = {i.name: i for i in review_queue(AS_OF)}
    assert set(queue) == {"Late Edge", "Early Edge"}
    [signal] = queue["Early Edge"].signals  # course ended: nothing but aftercare
    assert signal.kind is K.AFTERCARE_DUE and not queue["Early Edge"].on_course
    assert signal.text == (
        "Aftercare due 09-12-2026, 90 days after the job started "
        "(ordinary job at NordLager started 10-09-2026); no meeting booked"
    )
    assert kinds(too_late) == kinds(too_early) == set() == kinds(late_edge) - {K.AFTERCARE_DUE}


def test_aftercare_held_or_from_the_course_outcome(make):
    held = _hired(make, "Held", -90)
    meeting(held, -14, "held")  # on due - 14: the follow-up was held
    flexjob = make("Flexjob", start=-300, end=-91, held=-100, planned=3)
    Course.update(end_date=day(-90), outcome="flexjob_granted").where(
        Course.citizen == flexjob
    ).execute()
    assert kinds(held) == set()
    [signal] = signals(flexjob)
    assert signal.text == (
        "Aftercare due 25-11-2026, 90 days after the job started (course "
        "ended 27-08-2026: flexjob granted); next meeting booked 28-11-2026"
    )


# --- 11. no next meeting ---------------------------------------------------------------------


def test_no_next_meeting_booked(make):
    none = make("None", planned=None)
    this_morning = make("This Morning", planned=None)
    meeting(this_morning, 0, "planned", hour=8)  # earlier on AS_OF: still today's
    held_later = make("Held Later", planned=None)
    meeting(held_later, 2, "held")  # on AS_OF it was booked
    cancelled = make("Cancelled", planned=None)
    meeting(cancelled, 2, "cancelled_by_citizen")
    [signal] = signals(none, kind=K.NO_NEXT_MEETING)
    assert signal.text == "No next meeting booked (last held 22-11-2026)"
    assert K.NO_NEXT_MEETING not in kinds(this_morning) | kinds(held_later)
    assert K.NO_NEXT_MEETING in kinds(cancelled)


# --- who is in the queue, as it stood -------------------------------------------------------


def test_archived_and_not_started_citizens_as_they_stood(make):
    archived = make("Archived", planned=None, archived_on=day(-1))
    make("Archived Later", planned=None, archived_on=day(1))
    not_started = make("Not Started", start=3, planned=None, held=None)
    ended_later = make("Ended Later", planned=None)
    Course.update(end_date=day(5), outcome="sick_leave").where(
        Course.citizen == ended_later
    ).execute()
    names = {i.name for i in review_queue(AS_OF)}
    assert names == {"Archived Later", "Ended Later"}
    assert archived and not_started  # made, and left out


def test_a_past_as_of_ignores_what_came_later(make):
    c = make("Past", held=-30, planned=None)  # held 26-10
    p = placement(c)
    for offset in (-12, -11, -10):  # 13-15 November, sick
        log(p, offset, "sick")
    meeting(c, -5, "held")  # 20-11
    log(p, -5)
    past = day(-9)  # 16-11: the meeting and the present day of 20-11 had not happened
    by_kind = {s.kind: s for s in signals(c, past)}
    # On 16-11 the meeting of 20-11 was booked, so no "no next meeting".
    assert set(by_kind) == {K.PASSIVE_PERIOD, K.ATTENDANCE}
    assert by_kind[K.PASSIVE_PERIOD].text == (
        "No held meeting for 21 days (cadence 14 days; last held 26-10-2026)"
    )
    assert (by_kind[K.ATTENDANCE].facts["present"], by_kind[K.ATTENDANCE].facts["logged"]) == (0, 3)
    # On AS_OF: held 5 days ago, 1 of 4 days present (25 %), nothing booked.
    assert kinds(c) == {K.ATTENDANCE, K.NO_NEXT_MEETING}


# --- decisions and progress ------------------------------------------------------------------


def test_decisions_persist_per_iso_week(make):
    c = make("Decided", planned=None)
    now = datetime(2026, 11, 25, 9, 30)
    saved = review.save_decision(c.id, "2026-W48", "Call her today", reviewed=False, now=now)
    assert saved.decision == "Call her today" and not saved.reviewed
    assert review.decision_for(c.id, "2026-W47") is None
    assert review.decision_for(c.id, "2026-W49") is None
    review.save_decision(c.id, "2026-W48", "Call her; book a meeting", reviewed=True, now=now)
    later = now + timedelta(hours=1)
    again = review.save_decision(c.id, "2026-W48", "Booked", reviewed=True, now=later)
    assert again.reviewed_at == now  # the first time it was marked
    assert ReviewNote.select().where(ReviewNote.citizen == c).count() == 1
    [entry] = review_queue(AS_OF)
    assert (entry.decision, entry.reviewed, entry.iso_week) == ("Booked", True, "2026-W48")
    [next_week] = review_queue(day(7))
    assert next_week.decision is None and not next_week.reviewed
    unmarked = review.save_decision(c.id, "2026-W48", "Booked", reviewed=False, now=later)
    assert unmarked.reviewed_at is None


def test_decision_input_is_checked(make):
    c = make()
    with pytest.raises(DomainError, match="2026-48 is not an ISO week"):
        review.save_decision(c.id, "2026-48", "x", reviewed=False, now=datetime(2026, 11, 25))
    with pytest.raises(NotFound):
        review.save_decision(c.id + 99, "2026-W48", "x", reviewed=False, now=datetime(2026, 11, 25))


def test_progress_and_a_reviewed_citizen_stays_in_the_queue(make):
    first = make("First", planned=None)
    second = make("Second", planned=None)
    quiet = make("Quiet")
    assert review_progress(AS_OF) == (0, 2)
    review.save_decision(first.id, "2026-W48", "Book a meeting", True, datetime(2026, 11, 25))
    assert review_progress(AS_OF) == (1, 2)
    # The meeting is booked: the signal is gone, the citizen stays in this week's queue.
    meeting(first, 6, "planned")
    review.save_decision(quiet.id, "2026-W48", "Nothing to do", True, datetime(2026, 11, 25))
    queue = review_queue(AS_OF)
    assert [(i.name, i.urgency, i.reviewed) for i in queue] == [
        ("Second", 2, False),
        ("First", 0, True),
        ("Quiet", 0, True),
    ]
    assert review_progress(AS_OF) == (2, 3)
    assert second


def test_the_queue_is_most_urgent_first(make):
    # Zara: no next meeting 2 + an overdue action item 2 + course ends in 20 days 3 = 7.
    zara = make("Zara", end=20, planned=None)
    item(zara, due=-2)
    # Dan: four sub-goals unscored, 1 each, capped at 3 together.
    dan = make("Dan")
    for n in range(4):
        goal(dan, f"Goal {n}", created=at(-40))
    # Bo and Anna: no next meeting, 2 each: by name.
    make("Bo", planned=None)
    make("Anna", planned=None)
    queue = review_queue(AS_OF)
    assert [(i.name, i.urgency) for i in queue] == [("Zara", 7), ("Dan", 3), ("Anna", 2), ("Bo", 2)]
    assert [s.kind for s in queue[0].signals] == [
        K.COURSE_ENDING,
        K.ACTION_ITEMS_OVERDUE,
        K.NO_NEXT_MEETING,
    ]  # heaviest first
    assert review_queue(AS_OF, mentor_id=zara.mentor_id + 1) == []


# --- settings ----------------------------------------------------------------------------------


def test_settings_defaults_and_path(tmp_path, monkeypatch):
    monkeypatch.delenv("MENTORTERM_SETTINGS", raising=False)
    assert settings_path().name == "settings.toml"
    assert "mentorterm" in str(settings_path())
    monkeypatch.setenv("MENTORTERM_SETTINGS", str(tmp_path / "mine.toml"))
    assert settings_path() == tmp_path / "mine.toml"
    assert load_settings() == Settings()  # no file: the defaults
    assert load_settings().review == ReviewThresholds()
    t = load_settings().review
    assert (
        t.attendance_below,
        t.attendance_days,
        t.attendance_drop_points,
        t.no_notice_days,
        t.sub_goal_unscored_days,
        t.course_ending_days,
        t.placement_transition_days,
        t.hours_step_days,
        t.aftercare_days,
        t.aftercare_window_days,
        t.missed_in_a_row,
    ) == (75, 14, 20, 7, 28, 28, 14, 28, 90, 14, 2)


def test_a_custom_file_changes_a_threshold(make, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("[review]\nattendance_below = 85\n", encoding="utf-8")
    thresholds = load_settings(path).review
    assert thresholds.attendance_below == 85 and thresholds.attendance_days == 14
    c = make()
    p = placement(c)
    for offset in (-13, -10, -6, -3):
        log(p, offset)
    log(p, -1, "sick")  # 4 of 5 = 80 %: fine by default, below 85
    assert K.ATTENDANCE not in kinds(c)
    assert K.ATTENDANCE in kinds(c, thresholds=thresholds)


@pytest.mark.parametrize(
    "text,message",
    [
        (
            "[review]\nattendance_below = 150\n",
            "settings.toml: review.attendance_below must be a percentage from 1 to 100 "
            "(you wrote 150)",
        ),
        (
            '[review]\ncourse_ending_days = "four weeks"\n',
            "settings.toml: review.course_ending_days must be a whole number of days from 1 to 365 "
            '(you wrote "four weeks")',
        ),
        (
            "[review]\nmissed_in_a_row = true\n",
            "settings.toml: review.missed_in_a_row must be a whole number of meetings from 1 to 10 "
            "(you wrote true)",
        ),
        (
            "[review]\nattendance_belowe = 70\n",
            "settings.toml: review.attendance_belowe is not a setting mentorterm knows",
        ),
        ("[reviews]\n", "settings.toml: [reviews] is not a section mentorterm knows"),
        ("[review\nattendance_below = 70\n", "settings.toml is not valid TOML: "),
    ],
)
def test_a_bad_settings_file_gives_one_plain_line(tmp_path, text, message):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_write_default_settings_refuses_to_overwrite(tmp_path):
    path = tmp_path / "conf" / "settings.toml"
    write_default_settings(path)
    assert "# Attendance over the recent period" in path.read_text(encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text("[review]\nattendance_below = 80\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="already exists"):
        write_default_settings(path)
    assert load_settings(path).review.attendance_below == 80


# --- the CLI -----------------------------------------------------------------------------------


@pytest.fixture
def handout_db(make, db_target):
    """Two citizens in the queue, one with a decision this week; the database closed."""
    ida = make("Ida Holm", planned=None)
    log(placement(ida), -6, "absent_without_notice")
    make("Bo Dam", planned=None)
    make("Quiet")
    review.save_decision(
        ida.id, "2026-W48", "Mentor calls Ida today", True, datetime(2026, 11, 25, 9, 30)
    )
    storage.close_database()
    return db_target


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        status = cli.main(list(args))
    finally:
        storage.close_database()
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_review_json_validates_against_its_schema(handout_db, capsys):
    status, out, err = run_cli(
        capsys, "review", "--db", str(handout_db), "--as-of", "2026-11-25", "--format", "json"
    )
    assert status == 0 and err == ""
    handout = ReviewHandout.model_validate_json(out)
    assert (handout.iso_week, handout.as_of) == ("2026-W48", AS_OF)
    assert (handout.progress.reviewed, handout.progress.total) == (1, 2)
    assert [c.name for c in handout.citizens] == ["Ida Holm", "Bo Dam"]
    ida = handout.citizens[0]
    assert ida.decision == "Mentor calls Ida today" and ida.reviewed
    assert {s.kind for s in ida.signals} >= {K.NO_NOTICE_ABSENCE, K.NO_NEXT_MEETING}
    status, schema_text, _err = run_cli(capsys, "review", "--schema")
    schema = json.loads(schema_text)
    assert status == 0 and schema["title"] == "mentorterm weekly review"
    assert set(schema["required"]) >= {"iso_week", "as_of", "progress", "citizens"}
    assert set(json.loads(out)) <= set(schema["properties"])


def test_cli_review_markdown_handout(handout_db, capsys):
    status, out, _err = run_cli(
        capsys, "review", "--db", str(handout_db), "--as-of", "25-11-2026", "--format", "markdown"
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "# Weekly case review, week 48 2026 (2026-W48)"
    assert "As of 25-11-2026. 2 citizens need attention. Progress: 1 of 2 reviewed." in lines
    assert "## 1. Ida Holm (reviewed)" in lines and "## 2. Bo Dam" in lines
    assert "- Absent without notice on 19-11-2026" in lines
    assert "**Decision:** Mentor calls Ida today (reviewed 25-11-2026 09:30)" in lines
    assert "**Decision:** _none recorded yet_" in lines
    assert lines[-1] == "Progress: 1 of 2 reviewed."
    assert "Quiet" not in out


def test_cli_review_text(handout_db, capsys):
    status, out, _err = run_cli(capsys, "review", "--db", str(handout_db), "--as-of", "2026-11-25")
    assert status == 0
    assert out.splitlines()[:2] == [
        "Weekly case review, week 48 2026 (2026-W48), as of 25-11-2026",
        "2 citizens need attention; 1 of 2 reviewed",
    ]
    assert "1. Ida Holm (urgency 10) [reviewed]" in out
    assert "   - No next meeting booked (last held 22-11-2026)" in out
    assert "   Decision: Mentor calls Ida today (reviewed 25-11-2026 09:30)" in out


def test_cli_review_a_past_week_has_no_decision(handout_db, capsys):
    status, out, _err = run_cli(
        capsys, "review", "--db", str(handout_db), "--as-of", "2026-11-18", "--format", "json"
    )
    handout = ReviewHandout.model_validate_json(out)
    assert status == 0 and handout.iso_week == "2026-W47"
    assert all(c.decision is None for c in handout.citizens)


def test_cli_review_refuses_a_bad_date_and_a_bad_settings_file(
    handout_db, capsys, tmp_path, monkeypatch
):
    status, out, err = run_cli(capsys, "review", "--db", str(handout_db), "--as-of", "2026-13-01")
    assert status == 2 and out == ""
    assert err.startswith("mentorterm: argument --as-of: '2026-13-01' is not a date")
    assert len(err.splitlines()) == 1
    bad = tmp_path / "settings.toml"
    bad.write_text("[review]\nattendance_below = 150\n", encoding="utf-8")
    monkeypatch.setenv("MENTORTERM_SETTINGS", str(bad))
    status, out, err = run_cli(capsys, "review", "--db", str(handout_db))
    assert status == 1 and out == ""
    assert err == (
        f"mentorterm: {bad}: review.attendance_below must be a percentage from 1 "
        "to 100 (you wrote 150).\n"
    )


def test_cli_settings(capsys, tmp_path, monkeypatch):
    path = tmp_path / "settings.toml"
    monkeypatch.setenv("MENTORTERM_SETTINGS", str(path))
    status, out, _err = run_cli(capsys, "settings")
    assert status == 0
    assert out.splitlines()[0] == (
        f"Settings file: {path} (no such file: the defaults are in force)"
    )
    assert "attendance_below = 75" in out.splitlines()
    status, out, _err = run_cli(capsys, "settings", "--write-defaults")
    assert status == 0 and path.exists()
    path.write_text("[review]\nno_notice_days = 10\n", encoding="utf-8")
    status, out, _err = run_cli(capsys, "settings")
    assert out.splitlines()[0] == f"Settings file: {path}"
    assert "no_notice_days = 10" in out.splitlines()
    status, out, err = run_cli(capsys, "settings", "--write-defaults")
    assert status == 1 and out == "" and "already exists" in err
    assert path.read_text(encoding="utf-8") == "[review]\nno_notice_days = 10\n"


# --- schema 5: who cancelled, the aftercare kind ----------------------------------------------


def test_only_the_citizens_own_cancellations_count_as_missed(make):
    own = make("Own Cancel", held=-20)
    workplace = make("Workplace Cancel", held=-20)
    for c, who in ((own, "citizen"), (workplace, "workplace")):
        for offset in (-10, -5):
            Meeting.create(
                citizen=c,
                starts_at=at(offset),
                kind="three_party",
                status="cancelled",
                cancelled_by=who,
            )
    assert K.MISSED_MEETINGS in kinds(own)
    assert K.MISSED_MEETINGS not in kinds(workplace)


def test_an_aftercare_meeting_held_counts_as_the_aftercare_follow_up(make):
    held = _hired(make, "Aftercare Held", -90)
    meeting(held, -10, "held", kind="aftercare")
    assert kinds(held) == set()
    planned = _hired(make, "Aftercare Planned", -90)
    meeting(planned, 3, "planned", kind="aftercare")
    [signal] = signals(planned)
    assert signal.kind is K.AFTERCARE_DUE and signal.text.endswith("next meeting booked 28-11-2026")
