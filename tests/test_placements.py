"""Placements and hours steps: the domain rules, and the screen with real keys."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import placements
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.models import HoursStep, LogbookEntry, Placement
from mentorterm.schemas import CitizenIn, HoursStepIn, PlacementEndIn, PlacementIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    "text,days",
    [
        ("2 x 2 h Tue+Thu", {1, 3}),
        ("5 x 3 h Mon-Fri", {0, 1, 2, 3, 4}),
        ("man, ons, fre", {0, 2, 4}),
        ("tirsdag og torsdag 10-12", {1, 3}),
        ("Mon-Wed", {0, 1, 2}),
        ("", {0, 1, 2, 3, 4}),
        ("7 timer", {0, 1, 2, 3, 4}),
        ("Mon–Fri", {0, 1, 2, 3, 4}),
        ("Mon to Thu", {0, 1, 2, 3}),
        ("mandag til torsdag", {0, 1, 2, 3}),
        ("man møder kl. 10", {0, 1, 2, 3, 4}),  # "man" = "one": no day named
        ("monthly review", {0, 1, 2, 3, 4}),
    ],
)
def test_schedules_are_read_in_english_and_danish(text, days):
    assert placements.parse_schedule(text) == frozenset(days)


def test_planned_hours_per_day_split_the_week_over_its_days(database):
    step = HoursStep(hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    assert placements.planned_hours_per_day(step) == 2.0
    assert placements.planned_hours_per_day(HoursStep(hours_per_week=7, schedule="")) == 1.5
    # 7 / 5 = 1.4 -> 1.5 (to the quarter hour)


@pytest.fixture
def placement(database):
    citizen = create_citizen(CitizenIn(name="Ali H."))
    return citizen, placements.create_placement(
        citizen,
        PlacementIn(kind="company_internship", workplace="Netto Viby", start_date=date(2026, 9, 1)),
    )


def test_hours_steps_within_the_placement_one_per_date(placement):
    _citizen, pid = placement
    placements.add_hours_step(
        pid, HoursStepIn(from_date="01-09-2026", hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    )
    placements.add_hours_step(pid, HoursStepIn(from_date="01-10-2026", hours_per_week="7,5"))
    with pytest.raises(DomainError, match="already a step") as same:
        placements.add_hours_step(pid, HoursStepIn(from_date="01-10-2026", hours_per_week=10))
    assert same.value.field == "from_date"
    with pytest.raises(DomainError, match="within the placement"):
        placements.add_hours_step(pid, HoursStepIn(from_date="31-08-2026", hours_per_week=2))
    assert [s.hours_per_week for s in placements.hours_steps(pid)] == [4, 7.5]
    assert placements.step_on(pid, date(2026, 9, 30)).hours_per_week == 4
    assert placements.step_on(pid, date(2026, 10, 1)).hours_per_week == 7.5
    assert placements.step_on(pid, date(2026, 8, 1)) is None


def test_ending_keeps_the_logbook_inside_the_dates(placement):
    citizen, pid = placement
    LogbookEntry.create(
        placement=pid,
        citizen=citizen,
        entry_date=date(2026, 11, 3),
        attendance="present",
        hours_planned=2,
        hours_worked=2,
    )
    with pytest.raises(DomainError, match="03-11-2026"):
        placements.end_placement(pid, PlacementEndIn(end_date="01-11-2026"))
    with pytest.raises(DomainError, match="before it started"):
        placements.end_placement(pid, PlacementEndIn(end_date="01-08-2026"))
    placements.end_placement(
        pid, PlacementEndIn(end_date="20-11-2026", end_reason="Moved to paid hours")
    )
    ended = Placement.get_by_id(pid)
    assert (ended.end_date, ended.end_reason) == (date(2026, 11, 20), "Moved to paid hours")


async def test_placement_screen_create_add_step_and_end(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementsScreen"
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # no workplace: refused by the field
        await pilot.pause()
        assert str(app.screen.query_one("#e-workplace", Static).render()) == "This is required."
        app.screen.query_one("#f-workplace", Input).value = "Netto Viby"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementsScreen"
        placement = Placement.get()
        assert (placement.workplace, placement.start_date) == ("Netto Viby", TODAY)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#f-hours_per_week", Input).value = "4"
        app.screen.query_one("#f-schedule", Input).value = "2 x 2 h Tue+Thu"
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = app.screen.query_one("#placements", DataTable)
        assert table.get_row_at(0)[4:] == ["4", "2 x 2 h Tue+Thu"]
        assert "22-11-2026: 4 h (2 x 2 h Tue+Thu)" in str(
            app.screen.query_one("#placement-detail", Static).render()
        )
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Placement.get().end_date == TODAY


def test_a_placement_cannot_hang_on_another_citizens_course(placement):
    from mentorterm.domain.courses import start_course
    from mentorterm.schemas import CourseIn

    citizen, _pid = placement
    other = create_citizen(CitizenIn(name="Other"))
    course = start_course(
        other,
        CourseIn(
            referral_date="01-09-2026",
            start_date="01-09-2026",
            planned_end="30-11-2026",
            purpose="ordinary_job",
        ),
    )
    with pytest.raises(DomainError, match="not one of this citizen's courses"):
        placements.create_placement(
            citizen,
            PlacementIn(kind="wage_subsidy", workplace="Føtex", start_date="01-10-2026"),
            course_id=course,
        )


async def test_logbook_fast_entry_with_single_keys(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    pid = placements.create_placement(
        citizen,
        PlacementIn(
            kind="company_internship", workplace="Netto Viby", start_date=date(2026, 11, 16)
        ),
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date="16-11-2026", hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)  # Sunday 22-11-2026
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        # a: the next scheduled day (Tue 17-11), present, the planned 2 h worked.
        await pilot.press("a")
        await pilot.pause()
        first = LogbookEntry.get()
        assert (first.entry_date, first.attendance, first.hours_planned, first.hours_worked) == (
            date(2026, 11, 17),
            "present",
            2,
            2,
        )
        # a, then 2: Thursday 19-11 was a sick day (2 keystrokes).
        await pilot.press("a", "2")
        await pilot.pause()
        second = LogbookEntry.get(LogbookEntry.entry_date == date(2026, 11, 19))
        assert (second.attendance, second.hours_worked) == ("sick", 0)
        table = app.screen.query_one("#logbook", DataTable)
        assert table.get_row_at(0)[:4] == ["Thu 19-11-2026", "Sick", "2", "0"]
        # Nothing more is due before today.
        await pilot.press("a")
        await pilot.pause()
        assert LogbookEntry.select().count() == 2
        # 5 on Tuesday: left early, with the reason and the hours.
        table.move_cursor(row=1)
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#f-left_early_reason", Input).value = "migraine"
        app.screen.query_one("#f-hours_worked", Input).value = "1,5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        tuesday = LogbookEntry.get_by_id(first.id)
        assert (tuesday.left_early, tuesday.left_early_reason, tuesday.hours_worked) == (
            True,
            "migraine",
            1.5,
        )
        stats = str(app.screen.query_one("#logbook-stats", Static).render())
        assert "attendance 50 %" in stats and "sick 1" in stats and "left early 1" in stats
        # 4, 1 change the attendance of the day in focus.
        table.move_cursor(row=0)
        await pilot.press("4")
        await pilot.pause()
        assert LogbookEntry.get_by_id(second.id).attendance == "absent_without_notice"
        await pilot.press("1")
        await pilot.pause()
        assert (
            LogbookEntry.get_by_id(second.id).attendance,
            LogbookEntry.get_by_id(second.id).hours_worked,
        ) == ("present", 2)


async def test_a_new_placement_gets_the_focus_so_its_hours_go_on_it(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    first = placements.create_placement(
        citizen,
        PlacementIn(kind="company_internship", workplace="Netto Viby", start_date=date(2026, 9, 1)),
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "n")
        await pilot.pause()
        app.screen.query_one("#f-workplace", Input).value = "Lagerhallen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "New hours step · Lagerhallen" in str(
            app.screen.query_one("#form-title", Static).render()
        )
        app.screen.query_one("#f-hours_per_week", Input).value = "15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        new = Placement.get(Placement.workplace == "Lagerhallen")
        assert [s.placement_id for s in HoursStep.select()] == [new.id]
        assert new.id != first
