"""Correcting a course from the keyboard: the history screen, its forms and dialogs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import citizens, courses
from mentorterm.models import AuditEntry, Citizen, Course, CourseExtension, LogbookEntry, Placement
from mentorterm.schemas import CitizenIn, CourseEndIn, CourseExtensionIn, CourseIn

TODAY = date(2026, 11, 22)
SIZE = (120, 36)
SMALL = (80, 24)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def last_row() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).get()


def screen_name(app) -> str:
    return type(app.screen).__name__


@pytest.fixture
def seeded(db_path):
    """Mette: a running 13-week course saved with a wrong start (01-12 for 01-11)."""
    storage.open_database(db_path)
    cid = citizens.create_citizen(CitizenIn(name="Mette Jørgensen"))
    course_id = courses.start_course(
        cid,
        CourseIn(
            referral_date="2026-10-27",
            start_date="2026-12-01",
            planned_end="2027-03-01",
            purpose="flexjob",
            weekly_hours="12",
            meeting_cadence_days=14,
        ),
    )
    storage.close_database()
    return cid, course_id


async def open_history(app, pilot, cid):
    await pilot.pause()
    app.open_citizen(cid)
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    assert screen_name(app) == "CourseHistoryScreen"


async def test_a_wrong_start_corrected_in_fifteen_keys(seeded, db_path):
    cid, course_id = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(cid)
        await pilot.pause()
        keys = ["h", "e", "tab", "tab", *"01-11-2026", "ctrl+s"]
        assert len(keys) == 15
        await pilot.press(*keys[:4])
        await pilot.pause()
        assert screen_name(app) == "CourseEditForm"
        # Prefilled with every field; the length is read back from the dates.
        form = app.screen
        assert form.query_one("#f-start_date", Input).value == "01-12-2026"
        assert form.query_one("#f-weeks", Input).value == "13"
        assert form.query_one("#f-weekly_hours", Input).value == "12"
        assert form.query_one("#f-purpose", Select).value == "flexjob"
        await pilot.press(*keys[4:])
        await pilot.pause()
        assert screen_name(app) == "CourseHistoryScreen"
        course = Course.get_by_id(course_id)
        # The planned end followed the start (13 weeks); nothing else moved.
        assert (course.start_date, course.planned_end) == (date(2026, 11, 1), date(2027, 1, 30))
        assert course.weekly_hours == "12" and course.referral_date == date(2026, 10, 27)
        row = last_row()
        assert (row.action, row.what, row.record_id) == ("update", "course", course_id)
        assert json.loads(row.detail) == {
            "start_date": ["2026-12-01", "2026-11-01"],
            "planned_end": ["2027-03-01", "2027-01-30"],
        }
        assert "01-11-2026" in text_of(app, "#course-detail")
        await pilot.press("escape")
        await pilot.pause()
        assert "started 01-11-2026" in text_of(app, "#course")


async def test_a_refused_correction_names_the_record_and_changes_nothing(seeded, db_path):
    cid, course_id = seeded
    storage.open_database(db_path)
    placement = Placement.create(
        citizen=cid,
        kind="company_internship",
        workplace="Føtex [Vest]",
        start_date=date(2026, 12, 3),
    )
    LogbookEntry.create(
        placement=placement, citizen=cid, entry_date=date(2026, 12, 3), attendance="present"
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot, cid)
        await pilot.press("e", "tab", "tab", *"05-12-2026", "ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "CourseEditForm"
        assert "placement at Føtex [Vest] starts 03-12-2026, before the new start" in text_of(
            app, "#e-start_date"
        )
        assert Course.get_by_id(course_id).start_date == date(2026, 12, 1)
        # Two escapes leave: the first asks, the second discards.
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "DiscardScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "CourseHistoryScreen"


async def test_planned_end_follows_the_start_until_edited_by_hand(db_path):
    storage.open_database(db_path)
    cid = citizens.create_citizen(CitizenIn(name="Ali Hassan"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(cid)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        start = form.query_one("#f-start_date", Input)
        weeks = form.query_one("#f-weeks", Input)
        planned = form.query_one("#f-planned_end", Input)
        assert (start.value, weeks.value, planned.value) == ("22-11-2026", "13", "20-02-2027")
        start.focus()
        await pilot.pause()
        await type_text(pilot, "01-12-2026")  # select-on-focus: typing replaces
        await pilot.pause()
        assert planned.value == "01-03-2027"  # 13 weeks from the new start
        weeks.focus()
        await pilot.pause()
        await type_text(pilot, "26")
        await pilot.pause()
        assert planned.value == "31-05-2027"
        # Edited by hand: the planned end stays when the start changes again.
        planned.focus()
        await pilot.pause()
        await type_text(pilot, "30-06-2027")
        start.focus()
        await pilot.pause()
        await type_text(pilot, "08-12-2026")
        await pilot.pause()
        assert planned.value == "30-06-2027"
        # A length that is not whole weeks is refused next to its field.
        weeks.focus()
        await pilot.pause()
        await type_text(pilot, "1x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "whole weeks" in text_of(app, "#e-weeks")
        assert Course.select().count() == 0
        weeks.value = ""
        planned.value = "30-06-2027"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        course = Course.get()
        assert (course.start_date, course.planned_end) == (date(2026, 12, 8), date(2027, 6, 30))


async def test_a_typed_end_shows_its_length_and_a_typed_length_leads_again(seeded, db_path):
    cid, course_id = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot, cid)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        weeks = form.query_one("#f-weeks", Input)
        planned = form.query_one("#f-planned_end", Input)
        planned.focus()
        await pilot.pause()
        await type_text(pilot, "31-05-2027")  # 26 weeks from 01-12-2026
        await pilot.pause()
        assert weeks.value == "26"
        planned.value = "03-06-2027"  # not whole weeks: no length
        await pilot.pause()
        assert weeks.value == ""
        weeks.focus()
        await pilot.pause()
        await type_text(pilot, "13")
        await pilot.pause()
        assert planned.value == "01-03-2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Course.get_by_id(course_id).planned_end == date(2027, 3, 1)
        assert AuditEntry.select().where(AuditEntry.purpose == "corrected").count() == 0


async def test_ending_has_no_preselected_outcome(seeded, db_path):
    cid, course_id = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(cid)
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        outcome = app.screen.query_one("#f-outcome", Select)
        assert outcome.value == Select.NULL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Choose how the course ended" in text_of(app, "#e-outcome")
        assert Course.get_by_id(course_id).end_date is None
        # Chosen with the keyboard: open the list, pick one.
        outcome.focus()
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert outcome.value != Select.NULL
        app.screen.query_one("#f-end_date", Input).value = "05-12-2026"  # it starts 01-12
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "CitizenScreen"
        assert Course.get_by_id(course_id).outcome == outcome.value


async def test_correct_and_undo_an_end(seeded, db_path):
    cid, course_id = seeded
    storage.open_database(db_path)
    courses.end_course(course_id, CourseEndIn(end_date="2026-12-20", outcome="other"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot, cid)
        await pilot.press("f")
        await pilot.pause()
        assert "Correct the end" in text_of(app, "#form-title")
        form = app.screen
        assert form.query_one("#f-outcome", Select).value == "other"
        form.query_one("#f-outcome", Select).value = "flexjob_granted"
        end = form.query_one("#f-end_date", Input)
        end.focus()
        await pilot.pause()
        await type_text(pilot, "30-11-2025")  # before the start: refused
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot end before it started (01-12-2026)" in text_of(app, "#e-end_date")
        assert Course.get_by_id(course_id).end_date == date(2026, 12, 20)
        end.value = "18-12-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        course = Course.get_by_id(course_id)
        assert (course.end_date, course.outcome) == (date(2026, 12, 18), "flexjob_granted")
        assert json.loads(last_row().detail) == {
            "end_date": ["2026-12-20", "2026-12-18"],
            "outcome": ["other", "flexjob_granted"],
        }
        # Undo the end: asks; "no" keeps it ended; "yes" runs it again.
        await pilot.press("u")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        assert "Flexjob granted" in text_of(app, "#question")
        await pilot.press("n")
        await pilot.pause()
        assert Course.get_by_id(course_id).end_date == date(2026, 12, 18)
        await pilot.press("u", "y")
        await pilot.pause()
        course = Course.get_by_id(course_id)
        assert (course.end_date, course.outcome) == (None, None)
        row = last_row()
        assert (row.purpose, json.loads(row.detail)) == (
            "course end undone",
            {"end_date": ["2026-12-18", None], "outcome": ["flexjob_granted", None]},
        )
        assert "running" in str(app.screen.query_one("#records", DataTable).get_row_at(0))
        await pilot.press("u")  # running: nothing to undo, no dialog
        await pilot.pause()
        assert screen_name(app) == "CourseHistoryScreen"


async def test_correct_and_remove_an_extension(seeded, db_path):
    cid, course_id = seeded
    storage.open_database(db_path)
    ext_id = courses.extend_course(
        course_id,
        CourseExtensionIn(decided_on="2026-11-20", new_end="2027-06-01", reason="Lægeerklæring"),
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_history(app, pilot, cid)
        assert "Running; now ends 01-06-2027" in text_of(app, "#course-detail")
        await pilot.press("tab")  # to the extensions
        await pilot.pause()
        assert app.focused is app.screen.query_one("#extensions", DataTable)
        assert "Lægeerklæring" in text_of(app, "#extension-reason")  # whole, never cut
        await pilot.press("e")
        await pilot.pause()
        assert screen_name(app) == "ExtensionEditForm"
        assert app.screen.query_one("#f-new_end", Input).value == "01-06-2027"
        await type_text(pilot, "01-05-2027")  # the first field, selected on focus
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert CourseExtension.get_by_id(ext_id).new_end == date(2027, 5, 1)
        row = last_row()
        assert (row.what, json.loads(row.detail)) == (
            "course_extension",
            {"new_end": ["2027-06-01", "2027-05-01"]},
        )
        # Remove: asks, says where the end goes back to; escape keeps it.
        app.screen.query_one("#extensions", DataTable).focus()
        await pilot.press("delete")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        assert "The course then ends 01-03-2027" in text_of(app, "#question")
        await pilot.press("escape")
        await pilot.pause()
        assert CourseExtension.select().count() == 1
        await pilot.press("delete", "y")
        await pilot.pause()
        assert CourseExtension.select().count() == 0
        assert (last_row().action, last_row().what) == ("delete", "course_extension")
        assert "Running" in text_of(app, "#course-detail")


async def test_archiving_asks_first(seeded, db_path):
    cid, _course = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(cid)
        await pilot.pause()
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        question = text_of(app, "#question")
        assert "the caseload, the weekly review and the agenda" in question
        assert "course is still running" in question and "end the course first (f)" in question
        await pilot.press("escape")  # no
        await pilot.pause()
        assert Citizen.get_by_id(cid).archived_on is None
        await pilot.press("ctrl+a", "y")
        await pilot.pause()
        assert Citizen.get_by_id(cid).archived_on == TODAY
        assert (last_row().what, last_row().purpose) == ("citizen", "archived")
        await pilot.press("ctrl+a")  # bringing back hides nothing: no question
        await pilot.pause()
        assert screen_name(app) == "CitizenScreen"
        assert Citizen.get_by_id(cid).archived_on is None


async def test_small_terminal_forms_and_dialogs_fit(seeded, db_path):
    cid, course_id = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SMALL) as pilot:
        await open_history(app, pilot, cid)
        footer = app.screen.query_one("Footer")
        assert footer.region.width <= 80
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        fields = form.query_one("#fields")
        assert form.query_one("#form").region.height <= 24
        # The last field can be reached and is scrolled into view.
        cadence = form.query_one("#f-meeting_cadence_days", Input)
        cadence.focus()
        await pilot.pause()
        assert fields.region.contains_region(cadence.region)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+a")
        await pilot.pause()
        dialog = app.screen.query_one("#dialog")
        assert dialog.region.height <= 24 and dialog.region.width <= 80
        assert app.screen.query_one("#yes").region.bottom <= 24


async def test_f_on_an_ended_course_points_to_the_history(seeded, db_path):
    cid, course_id = seeded
    storage.open_database(db_path)
    courses.end_course(course_id, CourseEndIn(end_date="2026-12-20", outcome="other"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(cid)
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert screen_name(app) == "CitizenScreen"
        notes = [str(n.message) for n in app._notifications]
        assert any("ended 20-12-2026" in n and "course history (h)" in n for n in notes), notes


def test_a_course_that_starts_later_says_when_not_week_0(db_path):
    from mentorterm.screens.citizen import course_text

    storage.open_database(db_path)
    cid = citizens.create_citizen(CitizenIn(name="Karim S."))
    courses.start_course(
        cid,
        CourseIn(
            referral_date=date(2026, 11, 25),
            start_date=date(2026, 12, 17),
            planned_end=date(2027, 6, 16),
            purpose="ordinary_job",
        ),
    )
    view = courses.open_course(cid)
    before = course_text(view, date(2026, 12, 2))
    assert "starts 17-12-2026" in before and "Starts in 15 days" in before
    assert "Week 0" not in before and "left" not in before
    during = course_text(view, date(2026, 12, 24))
    assert "started 17-12-2026" in during and "Week 2 of 26" in during
    storage.close_database()
