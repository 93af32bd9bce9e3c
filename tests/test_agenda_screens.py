"""The agenda and the agreements across the caseload, with real keys.

Calendar (2026): Mon 9, Mon 16, Wed 18 Nov = TODAY, Sun 22, Mon 23, Sun 29 Nov.
The app runs on a fixed day, so "over" is judged by the day: a meeting
before the 18th is to be recorded.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from textual.widgets import DataTable, Input, Static
from textual.widgets._footer import FooterKey

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain.action_items import add_action_item, mark_done
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.meetings import create_meeting
from mentorterm.models import ActionItem, Meeting
from mentorterm.schemas import ActionItemIn, CitizenIn, MeetingIn
from mentorterm.screens.agenda import AgendaScreen

TODAY = date(2026, 11, 18)
SIZE = (120, 36)


def at(day: int, hour: int = 10, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def last_notice(app) -> str:
    return str(list(app._notifications)[-1].message)


@pytest.fixture
def caseload(db_path) -> dict[str, int]:
    """Three citizens, their meetings and agreements; ids by a short name."""
    storage.open_database(db_path)
    ids = {
        name.split()[0].lower(): create_citizen(CitizenIn(name=name))
        for name in ("Mette Jørgensen", "Ali Hassan", "Bo Berg")
    }

    def meeting(
        who: str,
        when: datetime,
        kind: str = "one_to_one",
        status: str = "planned",
        place: str = "Mentor office",
    ) -> int:
        return create_meeting(
            ids[who], MeetingIn(starts_at=when, kind=kind, status=status, place=place)
        )

    ids["m_ali_nov10"] = meeting("ali", at(10))  # last week, never recorded
    ids["m_mette_nov16"] = meeting("mette", at(16, 13), "three_party", place="Netto Viby")
    ids["m_held"] = meeting("ali", at(17), status="held")  # recorded: not on the agenda
    ids["m_bo_nov19"] = meeting("bo", at(19, 9))
    ids["m_mette_nov24"] = meeting("mette", at(24), "three_party", place="Netto Viby")
    ids["m_bo_dec4"] = meeting("bo", at(4, 14, month=12))  # after next week

    def item(who: str, what: str, owner: str, due: date | None) -> int:
        return add_action_item(ids[who], ActionItemIn(what=what, owner=owner, due_date=due))

    ids["i_call"] = item("mette", "Call the caseworker", "Me", d(10))  # 8 d overdue
    ids["i_cv"] = item("ali", "Bring the CV", "Ali Hassan", d(15))  # 3 d overdue
    ids["i_payslips"] = item("bo", "Send the payslips", "Søren Bak", d(30))
    ids["i_done"] = item("bo", "Renew the bus card", "Bo Berg", d(12))
    mark_done(ids["i_done"], d(12), today=TODAY)
    storage.close_database()
    return ids


def status_of(meeting_id: int) -> str:
    return Meeting.get_by_id(meeting_id).status


async def open_agenda(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("m")
    await pilot.pause()
    assert type(app.screen).__name__ == "AgendaScreen"


async def open_agreements(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    assert type(app.screen).__name__ == "ActionItemsScreen"


# --- the agenda -------------------------------------------------------------------------


async def test_m_on_the_caseload_opens_the_agenda_to_record_first(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        rows = table_rows(app)
        assert [row[0] for row in rows] == ["To record", "", "This week", "Next week"]
        assert [row[2] for row in rows] == [
            "Ali Hassan",
            "Mette Jørgensen",
            "Bo Berg",
            "Mette Jørgensen",
        ]
        assert rows[0][1] == "Tue 10-11-2026 10:00"
        assert rows[1][3:] == ["Three-party follow-up", "Netto Viby"]
        assert "2 to record · 1 this week · 1 next week" in text_of(app, "#agenda-status")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_o_enter_records_a_no_show_and_u_undoes_it(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("o", "enter")  # o asks for an optional note; enter records it
        await pilot.pause()
        assert status_of(caseload["m_ali_nov10"]) == "no_show"
        assert "Ali Hassan" in last_notice(app) and "no-show" in last_notice(app)
        rows = table_rows(app)
        # The row left "To record"; the next one to record is now under the cursor.
        assert [row[0] for row in rows] == ["To record", "This week", "Next week"]
        assert "Ali Hassan" not in [row[2] for row in rows]
        assert app.screen.query_one(DataTable).cursor_row == 0
        assert app.screen.current().meeting_id == caseload["m_mette_nov16"]
        await pilot.press("u")
        await pilot.pause()
        assert status_of(caseload["m_ali_nov10"]) == "planned"
        assert app.screen.current().meeting_id == caseload["m_ali_nov10"]


async def test_h_held_and_c_cancelled_and_r_rescheduled(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("down", "h")  # Mette, Mon 16 Nov
        await pilot.pause()
        assert status_of(caseload["m_mette_nov16"]) == "held"
        assert status_of(caseload["m_ali_nov10"]) == "planned"
        assert app.screen.current().meeting_id == caseload["m_bo_nov19"]  # same row number
        await pilot.press("h")  # Bo's meeting is tomorrow: it cannot have been held yet
        await pilot.pause()
        assert status_of(caseload["m_bo_nov19"]) == "planned"
        assert "has not taken place yet" in last_notice(app)
        await pilot.press("c", "enter")  # ... but the citizen can call to cancel it
        await pilot.pause()
        assert status_of(caseload["m_bo_nov19"]) == "cancelled"
        await pilot.press("r")  # and Mette's of next week is moved
        await pilot.pause()
        assert status_of(caseload["m_mette_nov24"]) == "rescheduled"
        assert [row[2] for row in table_rows(app)] == ["Ali Hassan"]


async def test_agenda_empty_state(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(AgendaScreen())
        await pilot.pause()
        assert "Nothing is planned this week or next" in text_of(app, "#agenda-empty")
        assert not app.screen.query_one(DataTable).display
        await pilot.press("o", "h", "enter")  # nothing in focus: nothing happens
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"


async def test_enter_opens_the_citizen_of_the_meeting(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert app.screen.citizen_id == caseload["bo"]
        # Escape goes back to the agenda, to record the next meeting.
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"


async def test_i_exports_the_calendar_with_initials_only(caseload, db_path, tmp_path):
    app = make_app(db_path, today=TODAY)
    target: Path = tmp_path / "meetings.ics"
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "CalendarSaveForm"  # a SaveFileForm with the place box
        box = form.query_one("#f-path", Input)
        assert box.value.endswith("mentorterm-meetings.ics")
        box.value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
        notice = last_notice(app)
        assert str(target) in notice and "Initials, meeting kinds and times only" in notice
    data = target.read_bytes()
    events = Calendar.from_ical(data).walk("VEVENT")
    # From today on, eight weeks: Bo 19 Nov, Mette 24 Nov, Bo 4 Dec (past ones not).
    assert [str(e["SUMMARY"]) for e in events] == [
        "B.B. – 1:1 conversation",
        "M.J. – Three-party follow-up",
        "B.B. – 1:1 conversation",
    ]
    for name in ("Mette", "Jørgensen", "Hassan", "Berg", "Netto Viby", "Mentor office"):
        assert name.encode() not in data


async def test_export_again_replaces_the_file_after_asking(caseload, db_path, tmp_path):
    target = tmp_path / "meetings.ics"
    target.write_bytes(b"old")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agenda(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"  # replace the last export?
        assert target.read_bytes() == b"old"
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


# --- the agreements ----------------------------------------------------------------------


async def test_t_on_the_caseload_opens_the_agreements_overdue_first(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agreements(app, pilot)
        rows = table_rows(app)
        assert [row[1] for row in rows] == [
            "Call the caseworker",
            "Bring the CV",
            "Send the payslips",
        ]
        assert rows[0][0] == "10-11-2026 8 d overdue"
        assert rows[0][2:] == ["Me", "Mette Jørgensen", ""]
        assert rows[2][0] == "30-11-2026"
        assert "3 open · 2 overdue" in text_of(app, "#items-status")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_x_marks_done_today_and_u_reopens(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agreements(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert ActionItem.get_by_id(caseload["i_call"]).done_on == TODAY
        rows = table_rows(app)
        # It stays in its place with the done date, so a slip can be taken back.
        assert rows[0][1] == "Call the caseworker" and rows[0][4] == "18-11-2026"
        assert "2 open · 1 overdue" in text_of(app, "#items-status")
        assert "done 18-11-2026" in text_of(app, "#items-detail")
        await pilot.press("u")
        await pilot.pause()
        assert ActionItem.get_by_id(caseload["i_call"]).done_on is None
        assert table_rows(app)[0][4] == ""
        assert "3 open · 2 overdue" in text_of(app, "#items-status")


async def test_d_shows_and_hides_the_done_ones(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agreements(app, pilot)
        assert "Renew the bus card" not in [row[1] for row in table_rows(app)]
        await pilot.press("d")
        await pilot.pause()
        rows = table_rows(app)
        assert rows[-1][1] == "Renew the bus card" and rows[-1][4] == "12-11-2026"
        assert len(rows) == 4
        await pilot.press("d")
        await pilot.pause()
        assert len(table_rows(app)) == 3


async def test_slash_filters_by_owner_or_citizen_and_escape_clears(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agreements(app, pilot)
        box = app.screen.query_one("#items-filter", Input)
        assert not box.display
        await pilot.press("slash")
        await pilot.pause()
        assert box.has_focus
        await pilot.press(*"SØREN")  # the owner, in any case
        await pilot.pause()
        assert [row[1] for row in table_rows(app)] == ["Send the payslips"]
        await pilot.press("escape")
        await pilot.pause()
        assert not box.display and box.value == ""
        assert app.screen.query_one(DataTable).has_focus
        assert len(table_rows(app)) == 3
        await pilot.press("slash", *"mette")  # the citizen's name
        await pilot.pause()
        assert [row[1] for row in table_rows(app)] == ["Call the caseworker"]
        await pilot.press("x")  # typed into the filter: nothing is marked done
        await pilot.pause()
        assert box.value == "mettex"
        assert ActionItem.get_by_id(caseload["i_call"]).done_on is None
        await pilot.press("backspace", "enter")  # enter: back to the list, filter kept
        await pilot.pause()
        assert app.screen.query_one(DataTable).has_focus
        await pilot.press("x")
        await pilot.pause()
        assert ActionItem.get_by_id(caseload["i_call"]).done_on == TODAY
        await pilot.press("escape", "escape")  # first the filter, then the screen
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_caseload_filter_takes_m_and_t_as_text(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", "t", "m")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert app.screen.query_one("#filter", Input).value == "tm"


# --- a small terminal ---------------------------------------------------------------------


async def test_agenda_and_agreements_fit_80_by_24(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, screen, wanted in (
            ("m", "AgendaScreen", {"No-show", "Help"}),
            ("t", "ActionItemsScreen", {"Mark done", "Help"}),
        ):
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == screen
            shown = {
                k.description
                for k in app.screen.query(FooterKey)
                if k.region.width and k.region.right <= 80
            }
            assert wanted <= shown
            await pilot.press("question_mark")
            await pilot.pause()
            assert type(app.screen).__name__ == "HelpScreen"
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert type(app.screen).__name__ == "CaseloadScreen"
        shown = {
            k.description
            for k in app.screen.query(FooterKey)
            if k.region.width and k.region.right <= 80
        }
        assert {"Agenda", "Agreements", "Help", "Quit"} <= shown


async def test_x_says_u_undoes_and_u_takes_back_that_one_even_after_the_list_changed(
    caseload, db_path
):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agreements(app, pilot)
        await pilot.press("down")  # Bring the CV
        await pilot.press("x")
        await pilot.pause()
        assert ActionItem.get_by_id(caseload["i_cv"]).done_on == TODAY
        assert last_notice(app) == "Done 18-11-2026: Bring the CV — u undoes"
        assert list(app._notifications)[-1].timeout >= 5
        # The list re-sorts (done ones shown, then hidden again: the row is gone)
        # and the cursor is elsewhere: u still takes back that agreement only.
        await pilot.press("d", "d", "up")
        await pilot.pause()
        assert "Bring the CV" not in [row[1] for row in table_rows(app)]
        await pilot.press("u")
        await pilot.pause()
        assert ActionItem.get_by_id(caseload["i_cv"]).done_on is None
        assert ActionItem.get_by_id(caseload["i_call"]).done_on is None
        assert ActionItem.get_by_id(caseload["i_done"]).done_on == d(12)
        assert last_notice(app) == "Open again: Bring the CV"
        assert not any("u undoes" in str(n.message) for n in app._notifications)
        assert "Bring the CV" in [row[1] for row in table_rows(app)]
        # Nothing more to take back, and an open row is left alone.
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo" in last_notice(app)
        assert [ActionItem.get_by_id(caseload[k]).done_on for k in ("i_call", "i_cv")] == [
            None,
            None,
        ]


async def test_u_on_a_done_row_in_focus_opens_it_again(caseload, db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_agreements(app, pilot)
        await pilot.press("d")  # show the done ones: Renew the bus card is last
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert ActionItem.get_by_id(caseload["i_done"]).done_on is None
        assert last_notice(app) == "Open again: Renew the bus card"
