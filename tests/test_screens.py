"""Caseload and citizen screens, driven with the real keys; checked on screen and on disk."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.widgets import DataTable, Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import citizens, courses
from mentorterm.models import (
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    Placement,
    db,
)
from mentorterm.schemas import CitizenIn, CourseEndIn, CourseIn
from mentorterm.widgets.caselist import CaseList

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


def seed_caseload(path):
    """Three active citizens and one with an ended course."""
    storage.open_database(path)
    made = {}
    for name, start, end, caseworker in [
        ("Mette Jørgensen", "2026-10-05", "2027-01-03", "Karin Sagsbehandler"),
        ("Ali Hassan", "2026-06-01", "2026-12-13", "Jens Jobrådgiver"),
        ("Birgitte Holm", "2026-11-02", "2027-05-02", "Karin Sagsbehandler"),
        ("Peter Ended", "2026-01-05", "2026-04-05", ""),
    ]:
        cid = citizens.create_citizen(CitizenIn(name=name, caseworker_name=caseworker))
        course_id = courses.start_course(
            cid,
            CourseIn(
                referral_date=start, start_date=start, planned_end=end, purpose="ordinary_job"
            ),
        )
        made[name] = (cid, course_id)
    courses.end_course(
        made["Peter Ended"][1], CourseEndIn(end_date="2026-04-05", outcome="ordinary_job")
    )
    ali = made["Ali Hassan"][0]
    placement = Placement.create(
        citizen=ali, kind="company_internship", workplace="Føtex Vest", start_date=date(2026, 9, 1)
    )
    HoursStep.create(placement=placement, from_date=date(2026, 9, 1), hours_per_week=7.5)
    for day in (2, 3, 4, 5, 6):
        LogbookEntry.create(
            placement=placement,
            citizen=ali,
            entry_date=date(2026, 11, 10 + day),
            attendance="present" if day % 2 else "sick",
            hours_planned=2,
            hours_worked=2 if day % 2 else 0,
        )
    Meeting.create(
        citizen=ali, starts_at=datetime(2026, 11, 18, 10), kind="one_to_one", status="held"
    )
    storage.close_database()
    return made


def rows(app) -> list[list]:
    table = app.screen.query_one("#caseload", CaseList)
    return [table.get_row_at(i) for i in range(table.row_count)]


def names(app) -> list[str]:
    return [r[0] for r in rows(app)]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


@pytest.fixture
def seeded(db_path):
    return seed_caseload(db_path)


async def test_first_run_create_a_citizen_with_a_course(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "no citizens in this database yet" in text_of(app, "#empty")
        await pilot.press("n")
        await pilot.pause()
        # Saving without a name: refused, the error sits by the field, nothing written.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(app, "#e-name") == "This is required."
        assert Citizen.select().count() == 0
        await type_text(pilot, "Mette Jørgensen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CourseForm"
        assert Citizen.get().name == "Mette Jørgensen"
        # The course form: a wrong date is refused next to its field.
        planned = app.screen.query_one("#f-planned_end", Input)
        assert planned.value == "20-02-2027"  # 13 weeks from today, filled in
        planned.value = ""
        planned.focus()
        await type_text(pilot, "31-02-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "February 2027 has 28 days" in text_of(app, "#e-planned_end")
        assert Course.select().count() == 0
        planned.value = ""
        await type_text(pilot, "20-02-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        course = Course.get()
        assert (course.start_date, course.planned_end) == (TODAY, date(2027, 2, 20))
        assert "Week 1 of 13" in text_of(app, "#course")
        await pilot.press("escape")
        await pilot.pause()
        assert names(app) == ["Mette Jørgensen"]


async def test_cancel_asks_only_when_something_was_typed(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        await pilot.press("n")
        await type_text(pilot, "Halvt")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "DiscardScreen"
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"
        assert app.screen.query_one("#f-name", Input).value == "Halvt"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    assert Citizen.select().count() == 0


async def test_caseload_shows_the_facts_and_sorts_and_filters(seeded, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert names(app) == ["Ali Hassan", "Birgitte Holm", "Mette Jørgensen"]
        ali = rows(app)[0]
        assert ali[2] == "25/28"  # 1 June + 174 days: week 25 of 28
        assert ali[3] == "3"  # weeks left to 13-12-2026
        assert str(ali[4]) == "4 d"  # last held meeting 18-11
        assert str(ali[6]) == "40 %"  # 2 of 5 logged days present
        assert ali[8] == "Føtex Vest · 7,5 h"
        # s moves the sort to the next column (purpose), again to week, weeks left ...
        for _ in range(3):
            await pilot.press("s")
        await pilot.pause()
        assert names(app) == ["Ali Hassan", "Mette Jørgensen", "Birgitte Holm"]  # weeks left
        await pilot.press("S")
        await pilot.pause()
        assert names(app) == ["Birgitte Holm", "Mette Jørgensen", "Ali Hassan"]
        # Filter as you type: the caseworker's name matches two citizens.
        await pilot.press("slash")
        await type_text(pilot, "karin")
        await pilot.pause()
        assert sorted(names(app)) == ["Birgitte Holm", "Mette Jørgensen"]
        await pilot.press("enter")  # back to the table, filter kept
        await pilot.pause()
        assert len(names(app)) == 2
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(names(app)) == 3
        await pilot.press("slash")
        await type_text(pilot, "føtex")
        await pilot.pause()
        assert names(app) == ["Ali Hassan"]
        await pilot.press("escape")
        await pilot.press("slash")
        await type_text(pilot, "nobody")
        await pilot.pause()
        assert "No citizens match" in text_of(app, "#empty")


async def test_switch_between_active_ended_and_all(seeded, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Peter Ended" not in names(app)
        await pilot.press("v")
        await pilot.pause()
        assert names(app) == ["Peter Ended"]
        assert rows(app)[0][1] == "Ended: Ordinary job"
        assert "Ended courses" in text_of(app, "#status")
        await pilot.press("v")
        await pilot.pause()
        assert len(names(app)) == 4
        await pilot.press("v")
        await pilot.pause()
        assert len(names(app)) == 3


async def test_extend_end_and_refer_again(seeded, db_path):
    mette_id, course_id = seeded["Mette Jørgensen"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one(CaseList).move_cursor(row=names(app).index("Mette Jørgensen"))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        # Extend: an end before the current one is refused, a later one is kept.
        await pilot.press("x")
        await pilot.pause()
        await type_text(pilot, "01-01-2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "after the current end (03-01-2027)" in text_of(app, "#e-new_end")
        app.screen.query_one("#f-new_end", Input).value = "04-04-2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert CourseExtension.get().new_end == date(2027, 4, 4)
        assert "extended to 04-04-2027" in text_of(app, "#course")
        # End the course as "flexjob granted".
        await pilot.press("f")
        await pilot.pause()
        outcome = app.screen.query_one("#f-outcome")
        outcome.value = "flexjob_granted"
        await pilot.press("ctrl+s")
        await pilot.pause()
        course = Course.get_by_id(course_id)
        assert (course.end_date, course.outcome) == (TODAY, "flexjob_granted")
        assert "Ended 22-11-2026: Flexjob granted" in text_of(app, "#course")
        # Refer again: a new course; the old one stays in the history.
        await pilot.press("c")
        await pilot.pause()
        assert "Refer Mette Jørgensen again" in text_of(app, "#form-title")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Course.select().where(Course.citizen == mette_id).count() == 2
        await pilot.press("h")
        await pilot.pause()
        history = app.screen.query_one("#records", DataTable)
        outcomes = [history.get_row_at(i)[-1] for i in range(history.row_count)]
        assert outcomes == ["running", "Flexjob granted"]


async def test_ended_citizen_is_found_under_ended(seeded, db_path):
    storage.open_database(db_path)
    mette_id, course_id = seeded["Mette Jørgensen"]
    courses.end_course(course_id, CourseEndIn(end_date="2026-11-20", outcome="flexjob_granted"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Mette Jørgensen" not in names(app)
        await pilot.press("v")
        await pilot.press("slash")
        await type_text(pilot, "mette")
        await pilot.pause()
        assert rows(app)[0][:2] == ["Mette Jørgensen", "Ended: Flexjob granted"]


async def test_edit_archive_and_delete_a_citizen(seeded, db_path):
    birgitte_id, _course = seeded["Birgitte Holm"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(birgitte_id)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#f-name", Input).value == "Birgitte Holm"
        await pilot.press("tab")
        await type_text(pilot, "12 34 56 78")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Citizen.get_by_id(birgitte_id).phone == "12 34 56 78"
        assert "12 34 56 78" in text_of(app, "#contact")
        # Archive: asks first (her course is running), then off the caseload,
        # every record kept, found under "all".
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        question = text_of(app, "#question")
        assert "caseload, the weekly review and the agenda" in question
        assert "course is still running" in question
        assert Citizen.get_by_id(birgitte_id).archived_on is None
        await pilot.press("y")
        await pilot.pause()
        assert Citizen.get_by_id(birgitte_id).archived_on == TODAY
        await pilot.press("escape")
        await pilot.pause()
        assert "Birgitte Holm" not in names(app)
        await pilot.press("v", "v")  # ended, then all
        await pilot.pause()
        assert rows(app)[names(app).index("Birgitte Holm")][1] == "Archived 22-11-2026"
        await pilot.press("v")
        app.open_citizen(birgitte_id)
        await pilot.pause()
        await pilot.press("ctrl+a")  # back again (restoring hides nothing: no question)
        await pilot.pause()
        assert Citizen.get_by_id(birgitte_id).archived_on is None
        # Delete: a wrong name deletes nothing; the right one deletes everything.
        await pilot.press("D")
        await pilot.pause()
        await type_text(pilot, "Birgitte")
        await pilot.press("enter")
        await pilot.pause()
        assert "does not match" in text_of(app, "#delete-error")
        assert Citizen.get_or_none(Citizen.id == birgitte_id) is not None
        app.screen.query_one("#confirm-name", Input).value = ""
        await type_text(pilot, "Birgitte Holm")
        await pilot.press("enter")
        await pilot.pause()
        assert Citizen.get_or_none(Citizen.id == birgitte_id) is None
        assert Course.select().where(Course.citizen == birgitte_id).count() == 0
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert "Birgitte Holm" not in names(app)


async def test_help_lists_the_keys_of_the_screen_you_came_from(seeded, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        keys = text_of(app, "#help-keys")
        assert "New citizen" in keys and "Filter" in keys and "Active/ended/all" in keys
        await pilot.press("escape")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        keys = text_of(app, "#help-keys")
        assert "Extend" in keys and "End course" in keys and "Delete citizen" in keys
        assert "Logbook" in keys


async def test_command_palette_jumps_to_a_citizen(seeded, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "birgitte")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert "Birgitte Holm" in text_of(app, "#citizen-title")


@pytest.mark.parametrize("key,title", [("h", "Course history")])
async def test_record_lists_open_with_one_key(seeded, db_path, key, title):
    ali_id, _course = seeded["Ali Hassan"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(ali_id)
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert title in text_of(app, "#records-title")
        table = app.screen.query_one("#records", DataTable)
        expected = {"h": 1}[key]
        assert table.row_count == expected
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"


async def test_digits_sort_by_that_column_and_again_reverse(seeded, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")  # weeks left
        await pilot.pause()
        assert names(app) == ["Ali Hassan", "Mette Jørgensen", "Birgitte Holm"]
        table = app.screen.query_one(CaseList)
        assert "Wks left ↑" in table.header_labels[[c.key for c in table.shown].index("left")]
        await pilot.press("4")
        await pilot.pause()
        assert names(app) == ["Birgitte Holm", "Mette Jørgensen", "Ali Hassan"]
        await pilot.press("1")
        await pilot.pause()
        assert names(app) == ["Ali Hassan", "Birgitte Holm", "Mette Jørgensen"]


async def test_d_loads_the_demo_only_into_an_empty_database(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert len(names(app)) >= 10
        count = Citizen.select().count()
        await pilot.press("d")  # a second time: refused, nothing added
        await pilot.pause()
        assert Citizen.select().count() == count


async def test_a_locked_database_gives_a_message_not_a_crash(seeded, db_path):
    import sqlite3

    mette_id, _course = seeded["Mette Jørgensen"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(mette_id)
        await pilot.pause()
        holder = sqlite3.connect(db_path, timeout=0)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            # Do not wait the full 5 s busy timeout in a test.
            db.execute_sql("PRAGMA busy_timeout = 200")
            await pilot.press("ctrl+a", "y")  # archive (asked first) needs a write
            await pilot.pause()
        finally:
            holder.rollback()
            holder.close()
        assert app.is_running
        assert Citizen.get_by_id(mette_id).archived_on is None
        notes = [n.message for n in app._notifications]
        assert any("busy" in n for n in notes), notes


async def test_g_opens_the_sub_goals(seeded, db_path):
    ali_id, _course = seeded["Ali Hassan"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(ali_id)
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "SubGoalsScreen"
        assert "No sub-goals yet" in text_of(app, "#goals-empty")


async def test_palette_offers_the_citizens_record_screens(seeded, db_path):
    ali_id, _course = seeded["Ali Hassan"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(ali_id)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "logbook")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        assert "Føtex Vest · logbook (5 days)" in text_of(app, "#logbook-title")


async def test_l_opens_the_logbook_of_the_running_placement(seeded, db_path):
    ali_id, _course = seeded["Ali Hassan"]
    mette_id, _course = seeded["Mette Jørgensen"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.open_citizen(ali_id)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LogbookScreen"
        table = app.screen.query_one("#logbook", DataTable)
        assert table.row_count == 5
        assert table.get_row_at(0)[:2] == ["Mon 16-11-2026", "Sick"]  # newest first
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        # Without a placement there is no logbook: a message says what to do.
        app.open_citizen(mette_id)
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert any("No placement yet" in str(n.message) for n in app._notifications)


async def test_back_from_a_citizen_the_keys_go_to_the_list_not_the_filter(seeded, db_path):
    mette_id, course_id = seeded["Mette Jørgensen"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "mette")
        await pilot.press("enter", "enter")  # to the list, open Mette
        await pilot.pause()
        await pilot.press("f")  # end her course: she leaves the active list
        await pilot.pause()
        app.screen.query_one("#f-outcome").value = "ordinary_job"  # nothing is preselected
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "No citizens match" in text_of(app, "#empty")
        await pilot.press("v")  # a command, not a letter typed into the filter
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "mette"
        assert names(app) == ["Mette Jørgensen"]
        assert "Ended courses" in text_of(app, "#status")


# --- a long caseload: the first page at once, the rest from the worker -------------


def seed_many(path, count: int) -> None:
    storage.open_database(path)
    for number in range(count):
        cid = citizens.create_citizen(CitizenIn(name=f"Citizen {number:03d}"))
        courses.start_course(
            cid,
            CourseIn(
                referral_date="2026-10-05",
                start_date="2026-10-05",
                planned_end="2027-01-03",
                purpose="ordinary_job",
            ),
        )
    storage.close_database()


async def test_a_long_caseload_shows_its_first_page_then_all_of_it(db_path, monkeypatch):
    import threading

    from mentorterm.screens import caseload_scope as reading
    from mentorterm.screens.caseload import FIRST_PAGE, MAX_ROWS

    seed_many(db_path, MAX_ROWS + 20)
    go = threading.Event()
    read = reading.caseload

    def held(*args, **kwargs):  # the whole list waits until the test has seen the first page
        if kwargs.get("limit") is None:
            go.wait(10)
        return read(*args, **kwargs)

    monkeypatch.setattr(reading, "caseload", held)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        # Before the worker is done: the first page, and the status says so.
        assert len(screen.rows) == FIRST_PAGE and not screen.complete
        assert names(app)[0] == "Citizen 000"
        assert "the rest on their way" in text_of(app, "#status")
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.rows) == MAX_ROWS + 20 and screen.complete
        assert len(names(app)) == MAX_ROWS  # the list still shows the first hundred
        assert f"{MAX_ROWS + 20} citizens" in text_of(app, "#status")
        await pilot.press("end")
        assert app.screen.selected_citizen() == screen._shown_rows[-1].citizen_id


async def test_a_failed_load_is_a_message_not_a_crash(db_path, monkeypatch):
    from mentorterm.domain.errors import DomainError
    from mentorterm.screens import caseload as screen_module

    seed_many(db_path, screen_module.FIRST_PAGE + 5)
    app = make_app(db_path, today=TODAY)
    told = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: told.append(message))

    def broken(**_kwargs):
        raise DomainError("The caseload could not be read.")

    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.load_in_worker("caseload", broken)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "The caseload could not be read." in told
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert len(app.screen.rows) == screen_module.FIRST_PAGE + 5  # what was shown stays


async def test_the_case_list_draws_a_changed_row_anew_and_keeps_the_cursor_on_screen():
    from textual.app import App

    from mentorterm.widgets.columns import Col

    class One(App):
        def compose(self):
            yield CaseList([Col("name", "Name", 20), Col("open", "Open", 4)], id="list")

    app = One()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(CaseList)
        table.fill((str(n), (f"Person {n}", "1")) for n in range(30))
        await pilot.pause()
        assert "Person 0" in table.render_line(1).text
        table.fill((str(n), (f"Person {n}", "9" if n == 0 else "1")) for n in range(30))
        assert "9" in table.render_line(1).text  # the same key, its new cells
        table.focus()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 29 and table.selected_key == "29"
        height = table.scrollable_content_region.height
        assert "Person 29" in table.render_line(height - 1).text  # scrolled into view
        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_y == 0


def test_the_filters_search_text_matches_what_matches_says(seeded, db_path):
    from mentorterm.domain.caseload import CourseFilter, caseload
    from mentorterm.screens.caseload import matches
    from mentorterm.screens.caseload_columns import searched_text

    storage.open_database(db_path)
    try:
        found = caseload(today=TODAY, courses=CourseFilter.ALL)
    finally:
        storage.close_database()
    for needle in ["ali", "føtex", "karin", "jens", "e", "x", "hassan føtex", "sagsbehandler"]:
        for row in found:
            assert (needle in searched_text(row)) == matches(row, needle), (needle, row.name)


async def test_a_failed_access_export_is_told_and_the_overview_comes_back(seeded, db_path):
    from mentorterm.domain.errors import DomainError

    ali_id, _course = seeded["Ali Hassan"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(ali_id)
        await pilot.pause()
        screen = app.screen
        told = []
        screen.notify = lambda message, **kw: told.append(message)

        def failing(*_args):
            raise DomainError("The folder is not writable.")

        screen.query_one("#overview").loading = True
        screen.load_in_worker("access_export", failing)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert told == ["The folder is not writable."]
        assert not screen.query_one("#overview").loading
        assert type(app.screen).__name__ == "CitizenScreen"


def test_an_access_export_that_fails_halfway_leaves_no_file(tmp_path, monkeypatch):
    from mentorterm.domain import files
    from mentorterm.screens import citizen

    monkeypatch.setattr("mentorterm.domain.access.access_export", lambda *a: (b"{}", b"%PDF"))
    real = files.write_export

    def second_fails(path, data, **kw):
        if str(path).endswith(".pdf"):
            raise OSError("disk full")
        return real(path, data, **kw)

    monkeypatch.setattr(files, "write_export", second_fails)
    with pytest.raises(OSError):
        citizen.write_access_export(1, TODAY, tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


async def test_a_load_overtaken_by_a_newer_one_is_dropped(seeded, db_path):
    from mentorterm.widgets.loader import Loaded

    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        before = list(screen.rows)
        screen.load_in_worker("caseload", lambda: before)  # the newest load
        await app.workers.wait_for_complete()
        await pilot.pause()
        stale = object()  # a worker that finished just before it was replaced
        screen.post_message(Loaded("caseload", [], worker=stale))  # arrives late
        await pilot.pause()
        assert screen.rows == before  # the stale empty list was not shown
        assert names(app) == ["Ali Hassan", "Birgitte Holm", "Mette Jørgensen"]
