"""The daily logbook and its statistics: every expected figure is worked out by hand.

Calendar used below (2026):
    October:  Mon 5, 12, 19, 26      November: Mon 2, 9, 16, 23; Sun 22 = TODAY
ISO weeks: 12-18 Oct = W42, 19-25 Oct = W43, 2-8 Nov = W45, 9-15 Nov = W46,
16-22 Nov = W47.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm.domain import logbook, placements, statistics
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.domain.statistics import OFF, PeriodChoice
from mentorterm.enums import Attendance
from mentorterm.models import LogbookEntry
from mentorterm.schemas import CitizenIn, HoursStepIn, LogbookEntryIn, PlacementIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)  # a Sunday
PRESENT, SICK = Attendance.PRESENT, Attendance.SICK
WITH_NOTICE, WITHOUT_NOTICE = Attendance.ABSENT_WITH_NOTICE, Attendance.ABSENT_WITHOUT_NOTICE
TUE_THU = (4, "2 x 2 h Tue+Thu")  # 4 h / 2 days = 2 h a day
MON_FRI = (15, "5 x 3 h Mon-Fri")  # 15 h / 5 days = 3 h a day


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


@pytest.fixture
def make_placement(database):
    """A placement of its own citizen, with hours steps [(from, (hours, schedule))]."""

    def make(
        start: date, end: date | None = None, steps=(), name="Ali Hassan", workplace="Netto Viby"
    ) -> int:
        citizen = create_citizen(CitizenIn(name=name))
        pid = placements.create_placement(
            citizen,
            PlacementIn(
                kind="company_internship", workplace=workplace, start_date=start, end_date=end
            ),
        )
        for from_date, (hours, schedule) in steps:
            placements.add_hours_step(
                pid, HoursStepIn(from_date=from_date, hours_per_week=hours, schedule=schedule)
            )
        return pid

    return make


def log(
    pid: int,
    day: date,
    attendance=PRESENT,
    planned: float = 3,
    worked: float | None = None,
    **fields,
) -> int:
    if worked is None:
        worked = planned if attendance == PRESENT else 0
    return logbook.add_entry(
        pid,
        LogbookEntryIn(
            entry_date=day,
            attendance=attendance,
            hours_planned=planned,
            hours_worked=worked,
            **fields,
        ),
    )


def weekdays(first: date, last: date):
    day = first
    while day <= last:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


# --- schedules ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,days",
    [
        ("2 x 2 h Tue+Thu", {1, 3}),
        ("Mon-Fri", {0, 1, 2, 3, 4}),
        ("5 x 3 h Mon-Fri", {0, 1, 2, 3, 4}),
        ("Monday and Wednesday", {0, 2}),
        ("Sat, Sun", {5, 6}),
        ("man, ons, fre", {0, 2, 4}),
        ("tirsdag og torsdag", {1, 3}),
        ("2 x 3 t tir+tor", {1, 3}),
        ("man-tor", {0, 1, 2, 3}),
        ("lør og søn", {5, 6}),
        ("", {0, 1, 2, 3, 4}),
        ("efter aftale", {0, 1, 2, 3, 4}),  # "by agreement": no day named
    ],
)
def test_parse_schedule_in_english_and_danish(text, days):
    assert set(placements.parse_schedule(text)) == days


@pytest.mark.parametrize(
    "hours,schedule,per_day",
    [
        (4, "2 x 2 h Tue+Thu", 2.0),  # 4 / 2
        (15, "Mon-Fri", 3.0),  # 15 / 5
        (10, "man, ons, fre", 3.25),  # 10 / 3 = 3.33 -> nearest quarter 3.25
        (7, "", 1.5),  # 7 / 5 = 1.4 -> nearest quarter 1.5
    ],
)
def test_planned_hours_per_day_to_the_quarter(hours, schedule, per_day):
    step = logbook.HoursStepView(id=1, from_date=d(1), hours_per_week=hours, schedule=schedule)
    assert placements.planned_hours_per_day(step) == per_day


# --- writing the logbook ----------------------------------------------------------


def test_an_entry_is_written_read_changed_and_deleted(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    first = log(pid, d(3), notes="Calm day")
    log(pid, d(2), SICK)
    assert [(e.entry_date, e.attendance) for e in logbook.entries(pid)] == [
        (d(2), SICK),
        (d(3), PRESENT),
    ]  # oldest first
    assert [e.entry_date for e in logbook.entries(pid, start=d(3))] == [d(3)]
    assert [e.entry_date for e in logbook.entries(pid, end=d(2))] == [d(2)]
    # The entry carries its placement's citizen (the caseload reads it).
    row = LogbookEntry.get_by_id(first)
    assert row.citizen_id == row.placement.citizen_id

    changed = logbook.entry_input(first).model_copy(update={"hours_worked": 2.5})
    logbook.update_entry(first, changed)  # its own date is no duplicate
    assert logbook.entries(pid, start=d(3))[0].hours_worked == 2.5
    logbook.delete_entry(first)
    assert [e.entry_date for e in logbook.entries(pid)] == [d(2)]
    with pytest.raises(NotFound):
        logbook.delete_entry(first)


def test_refuses_a_day_outside_the_placement(make_placement):
    pid = make_placement(d(2), end=d(20), steps=[(d(2), MON_FRI)])
    with pytest.raises(
        DomainError,
        match="01-11-2026 is outside the placement at Netto Viby, "
        "which runs from 02-11-2026 to 20-11-2026",
    ) as before:
        log(pid, d(1))
    assert before.value.field == "entry_date"
    with pytest.raises(DomainError, match="outside the placement"):
        log(pid, d(21))
    open_ended = make_placement(d(2))
    with pytest.raises(DomainError, match="before the placement at Netto Viby starts"):
        log(open_ended, d(1))
    with pytest.raises(NotFound, match="no longer exists"):
        log(open_ended + 1, d(2))
    assert LogbookEntry.select().count() == 0


def test_refuses_a_second_entry_for_the_same_day(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    log(pid, d(2))
    tuesday = log(pid, d(3), SICK)
    with pytest.raises(DomainError, match="already has Monday 02-11-2026") as same:
        log(pid, d(2), SICK)
    assert same.value.field == "entry_date"
    # Moving another entry onto the day is refused the same way.
    moved = logbook.entry_input(tuesday).model_copy(update={"entry_date": d(2)})
    with pytest.raises(DomainError, match="already has Monday"):
        logbook.update_entry(tuesday, moved)
    assert LogbookEntry.get_by_id(tuesday).entry_date == d(3)


# --- the next day to log ----------------------------------------------------------


def test_next_scheduled_day_skips_the_weekend(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    assert logbook.next_scheduled_day(pid, d(2)) == d(2)  # empty logbook: the first day
    log(pid, d(6))  # Friday
    assert logbook.next_scheduled_day(pid, d(7)) is None  # Saturday: nothing due yet
    assert logbook.next_scheduled_day(pid, d(8)) is None  # Sunday
    assert logbook.next_scheduled_day(pid, d(10)) == d(9)  # Monday, not Saturday
    assert logbook.next_scheduled_day(pid, d(1)) is None  # today before the next day


def test_next_scheduled_day_follows_the_step_in_force(make_placement):
    # Tue+Thu until Sunday 18 Oct, Mon-Fri from Monday 19 Oct.
    pid = make_placement(d(5, 10), steps=[(d(5, 10), TUE_THU), (d(19, 10), MON_FRI)])
    assert logbook.next_scheduled_day(pid, d(12, 10)) == d(6, 10)  # the first Tuesday
    log(pid, d(15, 10), planned=2)  # Thursday
    assert logbook.next_scheduled_day(pid, d(18, 10)) is None  # Fri-Sun are off under Tue+Thu
    # Monday 19 Oct is the first working day under the new step (Tue+Thu would say the 20th).
    assert logbook.next_scheduled_day(pid, d(21, 10)) == d(19, 10)


def test_a_placement_that_ended_has_no_next_day(make_placement):
    pid = make_placement(d(2), end=d(6), steps=[(d(2), MON_FRI)])
    log(pid, d(6))
    assert logbook.next_scheduled_day(pid, TODAY) is None
    assert logbook.draft_for_next_day(pid, TODAY) is None


def test_draft_for_the_next_day_has_the_steps_hours(make_placement):
    pid = make_placement(d(5, 10), steps=[(d(5, 10), TUE_THU), (d(19, 10), MON_FRI)])
    draft = logbook.draft_for_next_day(pid, d(12, 10))
    assert (draft.entry_date, draft.attendance, draft.hours_planned, draft.hours_worked) == (
        d(6, 10),
        PRESENT,
        2.0,
        2.0,
    )  # Tue+Thu: 4 h / 2 days
    log(pid, d(15, 10), planned=2)
    draft = logbook.draft_for_next_day(pid, d(21, 10))
    assert (draft.entry_date, draft.hours_planned, draft.hours_worked) == (d(19, 10), 3.0, 3.0)


# --- statistics ---------------------------------------------------------------------


def test_an_empty_period(make_placement):
    pid = make_placement(d(5, 10), steps=[(d(5, 10), MON_FRI)])
    stats = statistics.period_stats(pid, d(9), d(22), TODAY)
    assert (stats.days, stats.days_logged, stats.days_present) == (14, 0, 0)
    assert stats.attendance_rate is None
    assert (stats.hours_planned, stats.hours_worked, stats.effective_hours_per_week) == (0, 0, 0)
    assert (stats.sick_days, stats.absent_with_notice, stats.absent_without_notice) == (0, 0, 0)
    assert stats.left_early == 0 and stats.left_early_reasons == []
    assert stats.absence_by_weekday == [0, 0, 0, 0, 0, 0, 0]
    assert [(r.kind, r.count) for r in stats.absence_by_kind] == [
        ("sick", 0),
        ("absent_with_notice", 0),
        ("absent_without_notice", 0),
    ]
    assert stats.absence_by_reason == []
    # The previous fortnight (26 Oct - 8 Nov) is empty too: no rate to compare.
    assert (stats.previous.start, stats.previous.end) == (d(26, 10), d(8))
    assert stats.attendance_rate_change is None
    assert stats.hours_worked_change == 0


def test_an_all_sick_period(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    for day in weekdays(d(2), d(13)):  # two working weeks: 10 days
        log(pid, day, SICK, planned=3)
    stats = statistics.period_stats(pid, d(2), d(15), TODAY)
    assert (stats.days_logged, stats.days_present, stats.sick_days) == (10, 0, 10)
    assert stats.attendance_rate == 0.0  # 0 / 10
    assert (stats.hours_planned, stats.hours_worked) == (30, 0)  # 10 x 3, nothing worked
    assert stats.effective_hours_per_week == 0
    assert stats.absence_by_weekday == [2, 2, 2, 2, 2, 0, 0]  # each weekday twice
    assert [(r.kind, r.count) for r in stats.absence_by_kind] == [
        ("sick", 10),
        ("absent_with_notice", 0),
        ("absent_without_notice", 0),
    ]
    assert [r.label for r in stats.absence_by_reason] == ["Sick: (no reason given)"]
    assert stats.previous is None  # the placement started on the period's first day


def test_partial_weeks(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    for day in weekdays(d(2), d(20)):  # every weekday 2-20 Nov, 3 h each
        log(pid, day)
    # Wed 4 Nov - Tue 17 Nov: Wed-Fri 4-6 (3 days), 9-13 (5), Mon-Tue 16-17 (2) = 10 days.
    stats = statistics.period_stats(pid, d(4), d(17), TODAY)
    assert (stats.days, stats.days_logged) == (14, 10)
    assert (stats.hours_planned, stats.hours_worked) == (30, 30)  # 10 x 3
    assert stats.effective_hours_per_week == 15.0  # 30 h / (14 / 7) weeks
    assert stats.attendance_rate == 1.0
    assert statistics.weekly_series(pid, d(4), d(17)) == [
        ("2026-W45", 9.0, 9.0),  # Wed-Fri: 3 x 3
        ("2026-W46", 15.0, 15.0),  # Mon-Fri: 5 x 3
        ("2026-W47", 6.0, 6.0),  # Mon-Tue: 2 x 3
    ]


def test_a_period_is_cut_to_the_placement_and_today(make_placement):
    pid = make_placement(d(9), steps=[(d(9), MON_FRI)])
    for day in weekdays(d(9), d(20)):  # 10 days, 3 h each
        log(pid, day)
    # Last 13 weeks asked, but the placement started 9 Nov: 9-22 Nov is 14 days.
    start, end = statistics.period_bounds(PeriodChoice.LAST_13_WEEKS, _Dates(d(9), None), TODAY)
    assert (start, end) == (d(9), d(22))
    # Asked to 30 Nov (the future): counted to today, 22 Nov.
    stats = statistics.period_stats(pid, d(1), d(30), TODAY)
    assert (stats.start, stats.end, stats.days) == (d(9), d(22), 14)
    assert stats.effective_hours_per_week == 15.0  # 30 h / 2 weeks, not / 30 days
    assert stats.previous is None


def test_an_hours_step_changing_inside_the_period(make_placement):
    # Tue+Thu at 2 h a day until 18 Oct, Mon-Fri at 3 h a day from 19 Oct.
    pid = make_placement(d(5, 10), steps=[(d(5, 10), TUE_THU), (d(19, 10), MON_FRI)])
    while (draft := logbook.draft_for_next_day(pid, d(25, 10))) is not None:
        logbook.add_entry(pid, draft)  # the mentor accepts each day's draft
    assert [(e.entry_date.day, e.hours_planned) for e in logbook.entries(pid)] == [
        (6, 2),
        (8, 2),
        (13, 2),
        (15, 2),
        (19, 3),
        (20, 3),
        (21, 3),
        (22, 3),
        (23, 3),
    ]
    stats = statistics.period_stats(pid, d(12, 10), d(25, 10), d(25, 10))
    # 13 + 15 Oct: 2 x 2 = 4 h; 19-23 Oct: 5 x 3 = 15 h; 4 + 15 = 19 h in 2 weeks.
    assert (stats.days_logged, stats.hours_planned, stats.hours_worked) == (7, 19, 19)
    assert stats.effective_hours_per_week == 9.5  # 19 / 2
    assert statistics.weekly_series(pid, d(12, 10), d(25, 10)) == [
        ("2026-W42", 4.0, 4.0),
        ("2026-W43", 15.0, 15.0),
    ]
    # Previous 14 days (28 Sep - 11 Oct) cut to the start, 5-11 Oct: 6 + 8 Oct, 2 x 2 = 4 h.
    assert (stats.previous.start, stats.previous.days, stats.previous.hours_worked) == (
        d(5, 10),
        7,
        4,
    )
    assert stats.hours_worked_change == 15  # 19 - 4
    assert stats.hours_per_week_change == 5.5  # 9.5 - 4 / (7 / 7)
    assert stats.attendance_rate_change == 0  # 100 % both times


def test_left_early_reasons_are_counted(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    log(pid, d(2), worked=1.5, left_early=True, left_early_reason="Migraine")
    log(pid, d(3), worked=2, left_early=True, left_early_reason="Back pain")
    log(pid, d(4), worked=1, left_early=True, left_early_reason=" migraine ")  # same reason
    log(pid, d(5))
    log(pid, d(6), SICK)
    stats = statistics.period_stats(pid, d(2), d(8), TODAY)
    assert stats.left_early == 3
    assert [(r.reason, r.count) for r in stats.left_early_reasons] == [
        ("Migraine", 2),
        ("Back pain", 1),
    ]
    assert [(r.kind, r.reason, r.count) for r in stats.absence_by_reason] == [
        ("sick", "(no reason given)", 1),
        ("left_early", "Migraine", 2),
        ("left_early", "Back pain", 1),
    ]
    assert stats.absence_by_reason[1].label == "Left early: Migraine"
    assert stats.days_present == 4  # leaving early is still attending
    assert stats.attendance_rate == 0.8  # 4 / 5
    assert (stats.hours_planned, stats.hours_worked) == (15, 7.5)  # 5 x 3; 1.5+2+1+3+0


def test_absence_by_weekday_shows_every_monday(make_placement):
    pid = make_placement(d(26, 10), steps=[(d(26, 10), MON_FRI)])
    mondays = {d(26, 10): SICK, d(2): SICK, d(9): WITHOUT_NOTICE, d(16): WITH_NOTICE}
    for day in weekdays(d(26, 10), d(20)):  # four working weeks: 20 days
        log(pid, day, mondays.get(day, PRESENT))
    stats = statistics.period_stats(pid, d(26, 10), d(22), TODAY)
    assert stats.absence_by_weekday == [4, 0, 0, 0, 0, 0, 0]
    assert (stats.days_logged, stats.days_present) == (20, 16)
    assert stats.attendance_rate == 0.8  # 16 / 20
    assert (stats.sick_days, stats.absent_with_notice, stats.absent_without_notice) == (2, 1, 1)
    assert (stats.hours_planned, stats.hours_worked) == (60, 48)  # 20 x 3; 16 x 3
    assert stats.effective_hours_per_week == 12.0  # 48 h / (28 / 7)


def test_the_previous_period_comparison(make_placement):
    pid = make_placement(d(26, 10), steps=[(d(26, 10), MON_FRI)])
    earlier_sick = {d(26, 10), d(27, 10), d(28, 10), d(2), d(3)}
    for day in weekdays(d(26, 10), d(6)):  # previous fortnight: 5 sick, 5 present
        log(pid, day, SICK if day in earlier_sick else PRESENT)
    for day in weekdays(d(9), d(20)):  # this fortnight: 1 sick, 9 present
        log(pid, day, SICK if day == d(12) else PRESENT)
    start, end = statistics.period_bounds(PeriodChoice.LAST_2_WEEKS, _Dates(d(26, 10)), TODAY)
    assert (start, end) == (d(9), d(22))  # 22 - 14 + 1
    stats = statistics.period_stats(pid, start, end, TODAY)
    assert (stats.previous.start, stats.previous.end) == (d(26, 10), d(8))
    assert stats.attendance_rate == 0.9  # 9 / 10
    assert stats.previous.attendance_rate == 0.5  # 5 / 10
    assert stats.attendance_rate_change == 40.0  # (0.9 - 0.5) x 100 percentage points
    assert (stats.hours_worked, stats.previous.hours_worked) == (27, 15)  # 9 x 3, 5 x 3
    assert stats.hours_worked_change == 12  # 27 - 15
    assert stats.hours_per_week_change == 6.0  # 27 / 2 - 15 / 2 = 13.5 - 7.5


def test_attendance_calendar(make_placement):
    pid = make_placement(d(5, 10), steps=[(d(5, 10), TUE_THU), (d(19, 10), MON_FRI)])
    log(pid, d(13, 10), planned=2)
    log(pid, d(17, 10), planned=0, worked=2)  # an extra Saturday still shows
    log(pid, d(20, 10), SICK)
    log(pid, d(21, 10), worked=1, left_early=True, left_early_reason="Tired")
    calendar = dict(statistics.attendance_calendar(pid, d(4, 10), d(21, 10)))
    assert len(calendar) == 18  # 4-21 Oct
    assert calendar[d(4, 10)] == OFF  # the day before the placement
    assert calendar[d(12, 10)] == OFF  # Monday under Tue+Thu
    assert calendar[d(13, 10)] == PRESENT
    assert calendar[d(15, 10)] is None  # a Thursday nobody logged
    assert calendar[d(17, 10)] == PRESENT
    assert calendar[d(18, 10)] == OFF
    assert calendar[d(19, 10)] is None  # Monday under Mon-Fri, not logged
    assert calendar[d(20, 10)] == SICK
    assert calendar[d(21, 10)] == statistics.LEFT_EARLY


class _Dates(NamedTuple):
    start_date: date
    end_date: date | None = None


@pytest.mark.parametrize(
    "choice,placement,expected",
    [
        (PeriodChoice.LAST_2_WEEKS, _Dates(d(1, 1)), (d(9), d(22))),  # 22 - 14 + 1 = 9
        ("last_4_weeks", _Dates(d(1, 1)), (d(26, 10), d(22))),  # 22 Nov - 27 days
        (PeriodChoice.LAST_13_WEEKS, _Dates(d(1, 1)), (d(24, 8), d(22))),  # 22 Nov - 90 days
        (PeriodChoice.LAST_13_WEEKS, _Dates(d(1, 10)), (d(1, 10), d(22))),  # cut at the start
        (PeriodChoice.WHOLE_PLACEMENT, _Dates(d(1, 9)), (d(1, 9), d(22))),  # running: to today
        (PeriodChoice.WHOLE_PLACEMENT, _Dates(d(1, 9), d(30, 10)), (d(1, 9), d(30, 10))),
        ((d(1, 10), d(31, 10)), _Dates(d(1, 9)), (d(1, 10), d(31, 10))),
        ((d(1, 8), d(31, 12)), _Dates(d(1, 9), d(30, 11)), (d(1, 9), d(30, 11))),
    ],
)
def test_period_bounds(choice, placement, expected):
    assert statistics.period_bounds(choice, placement, TODAY) == expected


def test_period_bounds_refuses_a_reversed_period():
    with pytest.raises(DomainError, match="cannot end before it starts"):
        statistics.period_bounds((d(2), d(1)), _Dates(d(1, 1)), TODAY)


# --- the absence overview for a doctor ------------------------------------------------


def test_absence_overview_lists_every_absence_and_the_totals(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)], name="Ali Hassan", workplace="Netto Viby")
    secret = "PRIVATE-NOTE-7731"
    log(pid, d(2), SICK, notes=f"{secret} slept badly", absence_reason="Migraine")
    log(
        pid,
        d(3),
        worked=1.5,
        left_early=True,
        left_early_reason="Migraine",
        notes=secret,
        life_after_work=secret,
    )
    log(pid, d(4), WITHOUT_NOTICE, notes=secret)
    log(pid, d(5), notes=secret, tasks=secret)
    log(pid, d(6), WITH_NOTICE, planned=3)
    text = statistics.absence_overview_markdown(pid, d(1), d(30), TODAY)
    assert secret not in text
    assert text.startswith("# Absence overview\n")
    assert "**Citizen:** Ali Hassan" in text and "**Workplace:** Netto Viby" in text
    assert "**Period:** 02-11-2026 – 22-11-2026" in text  # cut to the start and today
    lines = text.splitlines()
    for line in [
        "| 02-11-2026 | Monday | Sick | Migraine | 3 | 0 |",
        "| 03-11-2026 | Tuesday | Left early | Migraine | 3 | 1,5 |",
        "| 04-11-2026 | Wednesday | Absent without notice |  | 3 | 0 |",
        "| 06-11-2026 | Friday | Absent with notice |  | 3 | 0 |",
        "| Days logged | 5 |",
        "| Days present | 2 |",  # 3 Nov (left early) and 5 Nov
        "| Attendance rate | 40 % |",  # 2 / 5
        "| Sick | 1 |",
        "| Absent with notice | 1 |",
        "| Absent without notice | 1 |",
        "| Left early | 1 |",
        "| Hours planned | 15 |",  # 5 x 3
        "| Hours worked | 4,5 |",  # 1.5 + 3
        "| Sick | Migraine | 1 |",
        "| Left early | Migraine | 1 |",
        "| Absent without notice | (no reason given) | 1 |",
        "| Monday | 1 |",  # days away by weekday: Mon 2, Wed 4, Fri 6 Nov
        "| Wednesday | 1 |",
        "| Friday | 1 |",
    ]:
        assert line in lines
    assert not any(line.startswith("| 05-11-2026") for line in lines)  # a normal day


def test_absence_overview_of_a_period_without_absence(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    log(pid, d(2))
    text = statistics.absence_overview_markdown(pid, d(2), d(8), TODAY)
    assert "No absence and no early leave in this period." in text
    assert "| Attendance rate | 100 % |" in text


def test_free_text_cannot_break_the_table(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)], workplace="Bager | Hansen")
    log(pid, d(2), worked=1, left_early=True, left_early_reason="pain | *dizzy*\nwent home")
    text = statistics.absence_overview_markdown(pid, d(2), d(8), TODAY)
    assert "**Workplace:** Bager \\| Hansen" in text
    assert "| Left early | pain \\| \\*dizzy\\* went home | 3 | 1 |" in text


# --- properties ----------------------------------------------------------------------


class Day(NamedTuple):
    entry_date: date
    attendance: str
    hours_planned: float
    hours_worked: float
    left_early: bool
    left_early_reason: str
    absence_reason: str = ""


FIRST = date(2026, 1, 5)
quarter_hours = st.integers(0, 96).map(lambda q: q / 4)


@st.composite
def logged_days(draw) -> list[Day]:
    days = []
    for offset in sorted(draw(st.lists(st.integers(0, 120), unique=True, max_size=60))):
        attendance = draw(st.sampled_from(list(Attendance)))
        present = attendance == PRESENT
        left = present and draw(st.booleans())
        days.append(
            Day(
                FIRST + timedelta(days=offset),
                attendance.value,
                draw(quarter_hours),
                draw(quarter_hours) if present else 0.0,
                left,
                draw(st.sampled_from(["Migraine", "migraine", "Back pain", ""])) if left else "",
                "" if present else draw(st.sampled_from(["Migraine", "Cold", ""])),
            )
        )
    return days


@settings(max_examples=200, deadline=None)
@given(days=logged_days(), first=st.integers(0, 130), length=st.integers(0, 130))
def test_figures_always_add_up(days, first, length):
    start = FIRST + timedelta(days=first)
    end = start + timedelta(days=length - 1)
    stats = statistics.figures(days, start, end)
    logged = stats.days_logged
    assert logged == sum(start <= day.entry_date <= end for day in days)
    if logged:
        assert 0 <= stats.attendance_rate <= 1
    else:
        assert stats.attendance_rate is None
    assert (
        stats.sick_days
        + stats.absent_with_notice
        + stats.absent_without_notice
        + stats.days_present
        == logged
    )
    assert sum(stats.absence_by_weekday) == logged - stats.days_present
    assert 0 <= stats.hours_worked <= 24 * logged
    assert stats.left_early == sum(r.count for r in stats.left_early_reasons)
    # Every day away and every early leave has exactly one reason row.
    assert (
        sum(r.count for r in stats.absence_by_reason)
        == logged - stats.days_present + stats.left_early
    )
    assert [r.count for r in stats.absence_by_kind] == [
        stats.sick_days,
        stats.absent_with_notice,
        stats.absent_without_notice,
    ]
    weeks = statistics.weekly_points(days, start, end)
    assert sum(w.hours_planned for w in weeks) == stats.hours_planned
    assert sum(w.hours_worked for w in weeks) == stats.hours_worked
    assert len(weeks) == len(
        {statistics.iso_week(start + timedelta(days=i)) for i in range(stats.days)}
    )


@given(st.text(max_size=40))
def test_any_schedule_text_names_some_weekdays(text):
    days = placements.parse_schedule(text)
    assert days and set(days) <= set(range(7))


def test_absences_are_counted_by_kind_and_by_reason(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    log(pid, d(2), SICK, absence_reason="Migraine")
    log(pid, d(3), SICK, absence_reason="Cold")
    log(pid, d(4), SICK, absence_reason="migraine")  # the same reason, spelt lower case
    log(pid, d(5), WITH_NOTICE, absence_reason="Dentist")
    log(pid, d(6), WITHOUT_NOTICE)
    log(pid, d(9), worked=1, left_early=True, left_early_reason="Migraine")
    log(pid, d(10))
    stats = statistics.period_stats(pid, d(2), d(15), TODAY)
    assert [(r.kind, r.count) for r in stats.absence_by_kind] == [
        ("sick", 3),
        ("absent_with_notice", 1),
        ("absent_without_notice", 1),
    ]
    assert [(r.label, r.count) for r in stats.absence_by_reason] == [
        ("Sick: Migraine", 2),
        ("Sick: Cold", 1),
        ("Absent with notice: Dentist", 1),
        ("Absent without notice: (no reason given)", 1),
        ("Left early: Migraine", 1),
    ]
    assert stats.absence_by_weekday == [1, 1, 1, 1, 1, 0, 0]  # Mon 2 .. Fri 6 Nov
    assert stats.attendance_rate == 2 / 7


def test_a_reason_for_being_away_is_refused_on_a_day_present():
    with pytest.raises(ValueError, match="only goes on a day away"):
        LogbookEntryIn(entry_date=d(2), attendance=PRESENT, absence_reason="Cold")


# --- one key on a logged day, and its undo ------------------------------------------------


def _fields(entry_id: int) -> dict:
    row = LogbookEntry.get_by_id(entry_id)
    return {name: getattr(row, name) for name in LogbookEntryIn.model_fields}


def test_mark_attendance_returns_the_day_as_it_was_and_undo_restores_it(make_placement):
    from mentorterm.models import AuditEntry

    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    entry = log(
        pid,
        d(3),
        worked=1,
        left_early=True,
        left_early_reason="Back pain",
        tasks="Shelves",
        written_by="workplace",
    )
    as_it_was = _fields(entry)
    before = logbook.mark_attendance(entry, WITH_NOTICE)
    assert before is not None and before.left_early and before.left_early_reason == "Back pain"
    now = _fields(entry)
    assert (
        now["attendance"],
        now["hours_worked"],
        now["left_early"],
        now["left_early_reason"],
        now["tasks"],
        now["written_by"],
    ) == ("absent_with_notice", 0, False, "", "Shelves", "workplace")
    row = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (row.action, row.purpose) == ("update", "attendance marked")
    assert '"attendance":["present","absent_with_notice"]' in row.detail
    assert "Back pain" not in row.detail and "Shelves" not in row.detail
    logbook.update_entry(entry, before, purpose="undone")
    assert _fields(entry) == as_it_was
    # The same attendance again: nothing written.
    rows = AuditEntry.select().count()
    assert logbook.mark_attendance(entry, PRESENT) is not None  # was left early
    assert logbook.mark_attendance(entry, PRESENT) is None
    assert AuditEntry.select().count() == rows + 1


def test_away_to_away_keeps_the_reason_present_clears_it(make_placement):
    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    entry = log(pid, d(3), SICK, absence_reason="Migraine")
    logbook.mark_attendance(entry, WITHOUT_NOTICE)
    assert (_fields(entry)["attendance"], _fields(entry)["absence_reason"]) == (
        "absent_without_notice",
        "Migraine",
    )
    logbook.mark_attendance(entry, PRESENT)
    assert (_fields(entry)["absence_reason"], _fields(entry)["hours_worked"]) == ("", 3)
    with pytest.raises(NotFound):
        logbook.mark_attendance(9999, SICK)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.sampled_from(list(Attendance)),
    then=st.sampled_from(list(Attendance)),
    reason=st.sampled_from(["", "Migraine"]),
    early=st.booleans(),
)
def test_any_mark_is_undone_exactly(database, first, then, reason, early):
    citizen = create_citizen(CitizenIn(name="Ali Hassan"))
    pid = placements.create_placement(
        citizen, PlacementIn(kind="company_internship", workplace="Netto Viby", start_date=d(2))
    )
    present = first == PRESENT
    early = early and present
    entry = log(
        pid,
        d(3),
        first,
        worked=2 if present else 0,
        absence_reason="" if present else reason,
        left_early=early,
        left_early_reason="Tired" if early else "",
    )
    as_it_was = _fields(entry)
    before = logbook.mark_attendance(entry, then)
    if before is None:
        assert then == first and not early and _fields(entry) == as_it_was
    else:
        assert _fields(entry)["attendance"] == then.value
        logbook.update_entry(entry, before, purpose="undone")
        assert _fields(entry) == as_it_was
    logbook.delete_entry(entry)


def test_a_new_day_is_written_by_who_wrote_the_latest_day(make_placement):
    from mentorterm.enums import Author

    pid = make_placement(d(2), steps=[(d(2), MON_FRI)])
    assert logbook.usual_author(pid) == Author.CITIZEN
    assert logbook.draft_for_next_day(pid, TODAY).written_by == Author.CITIZEN
    log(pid, d(2), written_by="mentor")
    log(pid, d(4), written_by="workplace")
    log(pid, d(3), written_by="mentor")  # typed in later, an earlier day
    assert logbook.usual_author(pid) == Author.WORKPLACE  # the latest day's author
    draft = logbook.draft_for_next_day(pid, TODAY)
    assert (draft.entry_date, draft.written_by) == (d(5), Author.WORKPLACE)
