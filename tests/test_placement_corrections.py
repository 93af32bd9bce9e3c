"""Correcting hours steps, the schedule's stated hours, and a new placement's first step."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import DataTable, Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import audit, placements
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.format import show_hours
from mentorterm.models import AuditEntry, HoursStep, LogbookEntry, Placement
from mentorterm.schemas import CitizenIn, HoursStepIn, NewPlacementIn, PlacementIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


# --- the hours a schedule states ---------------------------------------------


@pytest.mark.parametrize(
    "text,hours",
    [
        ("3 x 3 h Tue+Wed+Thu", 9),
        ("2 × 2 h", 4),
        ("7 h", 7),
        ("2 x 2 h Tue+Thu", 4),
        ("5 x 3 h Mon-Fri", 15),
        ("2 gange 2,5 timer", 5),
        ("1 x 2 h + 1 x 4 h", 6),
        ("3 h a day Mon-Fri", 15),
        ("3 t om dagen man, ons, fre", 9),
        ("kl. 9:30-12 (2,5 t)", 2.5),
        ("10 hours", 10),
        ("2x2h", 4),
    ],
)
def test_a_schedule_states_hours(text, hours):
    assert placements.stated_hours(text).total == hours


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Tue+Thu",
        "tirsdag og torsdag 10-12",
        "10 til 14",
        "2-3 h",
        "kl. 9:30",
        "man, ons, fre",
        "monthly review",
    ],
)
def test_a_schedule_without_hours_states_none(text):
    assert placements.stated_hours(text) is None


DAYS = st.sampled_from(["", " Tue+Thu", " Mon-Fri", " man, ons, fre", " tirsdag og torsdag"])
TIMES = st.sampled_from(["x", "×", "X", "gange"])
UNITS = st.sampled_from(["h", "t", "timer", "hours"])


@given(times=st.integers(1, 7), quarters=st.integers(1, 40), sign=TIMES, unit=UNITS, days=DAYS)
def test_times_hours_is_their_product_whatever_the_words(times, quarters, sign, unit, days):
    hours = quarters / 4
    text = f"{times} {sign} {show_hours(hours)} {unit}{days}"
    assert placements.stated_hours(text).total == pytest.approx(times * round(hours, 1))


@given(text=st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=40))
def test_a_text_without_digits_states_no_hours(text):
    assert placements.stated_hours(text) is None


@given(hours=st.integers(0, 60), stated_times=st.integers(1, 5), each=st.integers(1, 8))
def test_the_question_is_asked_exactly_when_the_figures_differ(hours, stated_times, each):
    question = placements.schedule_question(hours, f"{stated_times} x {each} h Mon-Fri")
    assert (question is None) == (hours == stated_times * each)
    if question:
        assert f"{stated_times} × {each} h = {stated_times * each} h a week" in question
        assert f"you wrote {hours} h" in question


def test_the_question_in_the_mentors_words():
    assert placements.schedule_question(4, "3 x 3 h Tue+Wed+Thu") == (
        "The schedule says 3 × 3 h = 9 h a week, you wrote 4 h. Save anyway?"
    )
    assert placements.schedule_question(7.5, "7 h") == (
        "The schedule says 7 h a week, you wrote 7,5 h. Save anyway?"
    )
    assert placements.schedule_question(4, "Tue+Thu") is None


# --- correcting and deleting steps in the domain -----------------------------


@pytest.fixture
def placement(database):
    citizen = create_citizen(CitizenIn(name="Ali H."))
    pid = placements.create_placement(
        citizen,
        PlacementIn(
            kind="company_internship",
            workplace="Netto Viby",
            start_date=date(2026, 9, 1),
            end_date=date(2026, 12, 31),
        ),
    )
    first = placements.add_hours_step(
        pid, HoursStepIn(from_date="01-09-2026", hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    )
    second = placements.add_hours_step(
        pid, HoursStepIn(from_date="01-10-2026", hours_per_week=4, schedule="3 x 3 h Tue+Wed+Thu")
    )
    return citizen, pid, first, second


def _last_audit() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).get()


def test_a_step_is_corrected_and_audited_old_to_new(placement):
    citizen, _pid, _first, second = placement
    placements.update_hours_step(
        second,
        HoursStepIn(from_date="05-10-2026", hours_per_week=9, schedule="3 x 3 h Tue+Wed+Thu"),
    )
    step = HoursStep.get_by_id(second)
    assert (step.from_date, step.hours_per_week) == (date(2026, 10, 5), 9)
    row = _last_audit()
    assert (row.action, row.what, row.record_id, row.citizen_id) == (
        "update",
        "hours_step",
        second,
        citizen,
    )
    assert json.loads(row.detail) == {
        "from_date": ["2026-10-01", "2026-10-05"],
        "hours_per_week": [4.0, 9.0],
    }
    assert audit.verify() == []


def test_a_changed_schedule_is_logged_without_its_words(placement):
    _citizen, _pid, _first, second = placement
    placements.update_hours_step(
        second, HoursStepIn(from_date="01-10-2026", hours_per_week=4, schedule="2 x 2 h Mon+Fri")
    )
    assert json.loads(_last_audit().detail) == {"schedule": "changed"}
    assert "Mon" not in _last_audit().detail


def test_a_correction_that_changes_nothing_logs_nothing(placement):
    _citizen, _pid, _first, second = placement
    before = audit.count()
    placements.update_hours_step(second, placements.hours_step_input(second))
    assert audit.count() == before


def test_a_refused_correction_names_the_step_in_the_way(placement):
    _citizen, _pid, first, second = placement
    before = audit.count()
    with pytest.raises(
        DomainError, match=r"already a step from 01-09-2026 \(4 h a week\)"
    ) as refused:
        placements.update_hours_step(second, HoursStepIn(from_date="01-09-2026", hours_per_week=9))
    assert refused.value.field == "from_date"
    with pytest.raises(DomainError, match=r"dates \(01-09-2026 to 31-12-2026\)"):
        placements.update_hours_step(first, HoursStepIn(from_date="31-08-2026", hours_per_week=4))
    assert HoursStep.get_by_id(second).from_date == date(2026, 10, 1)
    assert audit.count() == before


def test_a_step_is_deleted_with_a_delete_row(placement):
    citizen, pid, first, second = placement
    LogbookEntry.create(
        placement=pid,
        citizen=citizen,
        entry_date=date(2026, 10, 6),
        attendance="present",
        hours_planned=1.5,
        hours_worked=1.5,
    )
    assert placements.delete_hours_step(second) == pid
    assert [s.id for s in HoursStep.select()] == [first]
    row = _last_audit()
    assert (row.action, row.what, row.record_id) == ("delete", "hours_step", second)
    assert LogbookEntry.get().hours_planned == 1.5  # the day keeps its hours
    placements.delete_hours_step(first)  # the only step too: nothing depends on one
    assert HoursStep.select().count() == 0
    with pytest.raises(DomainError, match="no longer exists"):
        placements.delete_hours_step(first)


def test_a_new_placement_with_its_first_step_from_its_start(database):
    citizen = create_citizen(CitizenIn(name="Ali H."))
    data = NewPlacementIn(
        kind="company_internship",
        workplace="Netto",
        start_date="01-09-2026",
        first_step_hours="4",
        first_step_schedule="2 x 2 h Tue+Thu",
    )
    pid = placements.create_placement(citizen, data.placement(), first_step=data.first_step())
    assert [(s.from_date, s.hours_per_week) for s in HoursStep.select()] == [(date(2026, 9, 1), 4)]
    assert Placement.get_by_id(pid).workplace == "Netto"
    assert [r.what for r in audit.entries()][-2:] == ["placement", "hours_step"]


def test_a_first_step_outside_the_placement_is_refused_by_its_field():
    from pydantic import ValidationError

    from mentorterm.schemas import friendly_errors

    with pytest.raises(ValidationError) as refused:
        NewPlacementIn(
            kind="company_internship",
            workplace="Netto",
            start_date="01-09-2026",
            first_step_hours="4",
            first_step_from="31-08-2026",
        )
    assert "first_step_from" in friendly_errors(refused.value)
    with pytest.raises(ValidationError) as no_hours:
        NewPlacementIn(
            kind="company_internship",
            workplace="Netto",
            start_date="01-09-2026",
            first_step_schedule="2 x 2 h",
        )
    assert "first_step_hours" in friendly_errors(no_hours.value)


# --- the screens ---------------------------------------------------------------


def _seed(db_path, second_hours=4):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    pid = placements.create_placement(
        citizen,
        PlacementIn(kind="company_internship", workplace="Netto Viby", start_date=date(2026, 9, 1)),
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date="01-09-2026", hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    )
    wrong = placements.add_hours_step(
        pid,
        HoursStepIn(
            from_date="02-11-2026", hours_per_week=second_hours, schedule="3 x 3 h Tue+Wed+Thu"
        ),
    )
    storage.close_database()
    return citizen, pid, wrong


def _text(app, selector) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_wrong_hours_step_corrected_from_the_citizen_screen_in_few_keys(db_path):
    citizen, _pid, wrong = _seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        keys = ["p", "enter", "e", "tab", "9", "ctrl+s"]
        await pilot.press(*keys[:2])
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementScreen"
        steps = app.screen.query_one("#steps", DataTable)
        assert steps.get_row_at(steps.cursor_row)[:2] == ["02-11-2026", "4"]  # the one now
        await pilot.press(*keys[2:])
        await pilot.pause()
        assert len(keys) <= 15
        assert type(app.screen).__name__ == "PlacementScreen"
        assert HoursStep.get_by_id(wrong).hours_per_week == 9
        assert steps.get_row_at(steps.cursor_row)[:2] == ["02-11-2026", "9"]
        row = _last_audit()
        assert (row.action, row.what, row.record_id) == ("update", "hours_step", wrong)
        assert json.loads(row.detail) == {"hours_per_week": [4.0, 9.0]}
        await pilot.press("escape")  # back on the list, which shows the corrected hours
        await pilot.pause()
        table = app.screen.query_one("#placements", DataTable)
        assert table.get_row_at(0)[4] == "9"


async def test_hours_that_disagree_with_the_schedule_ask_before_saving(db_path):
    citizen, pid, wrong = _seed(db_path, second_hours=9)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "enter", "e", "tab", "5", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "The schedule says 3 × 3 h = 9 h a week, you wrote 5 h. Save anyway?" in _text(
            app, "#question"
        )
        await pilot.press("n")  # change it: back in the form, nothing written
        await pilot.pause()
        assert type(app.screen).__name__ == "HoursStepForm"
        assert app.screen.focused.id == "f-hours_per_week"
        assert HoursStep.get_by_id(wrong).hours_per_week == 9
        await pilot.press("ctrl+s", "y")  # save anyway
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementScreen"
        assert HoursStep.get_by_id(wrong).hours_per_week == 5
        # A new step asks the same, and "no" writes nothing.
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-from_date", Input).value = "23-11-2026"
        app.screen.query_one("#f-hours_per_week", Input).value = "4"
        app.screen.query_one("#f-schedule", Input).value = "7 h"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The schedule says 7 h a week, you wrote 4 h." in _text(app, "#question")
        await pilot.press("n", "escape", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementScreen"
        assert HoursStep.select().where(HoursStep.placement == pid).count() == 2
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#f-from_date", Input).value = "23-11-2026"
        app.screen.query_one("#f-hours_per_week", Input).value = "7"
        app.screen.query_one("#f-schedule", Input).value = "7 h"
        await pilot.press("ctrl+s")  # they agree: saved without a question
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementScreen"
        assert HoursStep.select().where(HoursStep.placement == pid).count() == 3


async def test_deleting_a_step_asks_first(db_path):
    citizen, _pid, wrong = _seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "enter", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        question = _text(app, "#question")
        assert (
            "Delete the hours step from 02-11-2026 (4 h a week, 3 x 3 h Tue+Wed+Thu)?" in question
        )
        assert "From 02-11-2026 the step from 01-09-2026 (4 h a week) applies." in question
        await pilot.press("escape")  # no: kept
        await pilot.pause()
        assert HoursStep.get_or_none(HoursStep.id == wrong) is not None
        await pilot.press("delete", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementScreen"
        assert HoursStep.get_or_none(HoursStep.id == wrong) is None
        row = _last_audit()
        assert (row.action, row.what, row.record_id) == ("delete", "hours_step", wrong)
        steps = app.screen.query_one("#steps", DataTable)
        assert steps.row_count == 1 and steps.get_row_at(0)[3] == "now"


async def test_a_refused_step_correction_is_shown_by_its_field(db_path):
    citizen, _pid, wrong = _seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "enter", "e")
        await pilot.pause()
        app.screen.query_one("#f-from_date", Input).value = "01-09-2026"
        await pilot.press("ctrl+s", "y")  # 4 h for 3 x 3 h: save anyway
        await pilot.pause()
        assert type(app.screen).__name__ == "HoursStepForm"
        assert "There is already a step from 01-09-2026 (4 h a week)" in _text(app, "#e-from_date")
        assert HoursStep.get_by_id(wrong).from_date == date(2026, 11, 2)


async def test_a_new_placements_first_step_follows_its_start(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "n")
        await pilot.pause()
        form = app.screen
        assert form.query_one("#f-first_step_from", Input).value == "22-11-2026"
        form.query_one("#f-workplace", Input).value = "Lagerhallen"
        form.query_one("#f-start_date", Input).focus()
        await pilot.pause()
        form.query_one("#f-start_date", Input).value = ""
        await pilot.press(*"01-12-2026")
        await pilot.pause()
        assert form.query_one("#f-first_step_from", Input).value == "01-12-2026"
        form.query_one("#f-first_step_hours", Input).value = "4"
        form.query_one("#f-first_step_schedule", Input).value = "2 x 2 h Tue+Thu"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlacementsScreen"
        placement = Placement.get()
        assert placement.start_date == date(2026, 12, 1)
        assert [(s.from_date, s.hours_per_week, s.schedule) for s in HoursStep.select()] == [
            (date(2026, 12, 1), 4, "2 x 2 h Tue+Thu")
        ]


async def test_a_first_step_date_typed_by_hand_stays(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "n")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-workplace", Input).value = "Lagerhallen"
        form.query_one("#f-first_step_from", Input).focus()
        await pilot.pause()
        await pilot.press(*"24-11-2026")  # select-on-focus: typing replaces
        form.query_one("#f-start_date", Input).focus()
        await pilot.pause()
        await pilot.press(*"23-11-2026")
        await pilot.pause()
        assert form.query_one("#f-first_step_from", Input).value == "24-11-2026"
        form.query_one("#f-first_step_hours", Input).value = "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.from_date for s in HoursStep.select()] == [date(2026, 11, 24)]


async def test_a_placement_without_steps_offers_its_start_for_the_first(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Ali H."))
    placements.create_placement(
        citizen,
        PlacementIn(kind="company_internship", workplace="Netto Viby", start_date=date(2026, 9, 1)),
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "a")
        await pilot.pause()
        assert app.screen.query_one("#f-from_date", Input).value == "01-09-2026"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "n")
        await pilot.pause()
        assert app.screen.query_one("#f-from_date", Input).value == "01-09-2026"


async def test_the_placement_screen_fits_at_80x24(db_path):
    citizen, _pid, _wrong = _seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("p", "enter")
        await pilot.pause()
        steps = app.screen.query_one("#steps", DataTable)
        assert steps.region.height >= 4 and steps.region.bottom <= 23
        assert steps.region.right <= 80
        await pilot.press("e")
        await pilot.pause()
        hours = app.screen.query_one("#f-hours_per_week", Input)
        assert hours.region.height == 1 and hours.region.bottom <= 24
