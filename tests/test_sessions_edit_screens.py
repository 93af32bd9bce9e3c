"""Correcting group sessions with the real keys: e edits a session on the list
(moved, its marks kept; a change made meanwhile refused with the text kept),
E its series (new days made; removing sessions asks first and never takes
one with a roll call), D in the roll call takes a participant off the series."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import AuditEntry, GroupSeries, GroupSession, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.sessions import GroupSeriesIn, GroupSessionIn

SIZE = (100, 32)
TODAY = date(2026, 11, 9)  # a Monday


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def seed_series(path) -> tuple[int, int, int]:
    """A series Mon and Wed 2-18 Nov with Ali and Bo; Bo marked sick ahead on 16 Nov."""
    storage.open_database(path)
    ali = create_citizen(CitizenIn(name="Ali"))
    bo = create_citizen(CitizenIn(name="Bo"))
    sid = sessions.create_series(
        GroupSeriesIn(
            title="Jobsøgning",
            place="Lokale 2",
            weekdays="1,3",
            starts="09:30",
            first_day="02-11-2026",
            last_day="18-11-2026",
        )
    )
    for citizen in (ali, bo):
        sessions.add_to_series(sid, citizen, date(2026, 11, 2))
    sixteenth = GroupSession.get(GroupSession.starts_at == datetime(2026, 11, 16, 9, 30))
    row = SessionParticipant.get(
        (SessionParticipant.session == sixteenth) & (SessionParticipant.citizen == bo)
    )
    sessions.mark(row.id, "sick")
    storage.close_database()
    return sid, ali, bo


def days() -> list[int]:
    return [s.starts_at.day for s in GroupSession.select().order_by(GroupSession.starts_at)]


async def test_e_moves_a_session_and_its_marks_go_with_it(db_path):
    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali"))
    sid = sessions.create_session(GroupSessionIn(title="CV", day=TODAY, starts="9:30", hours=3))
    sessions.add_participant(sid, ali)
    sessions.mark(SessionParticipant.get().id, "present")
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionEditForm"
        assert "Edit group session" in shown(app, "#form-title")
        # title, day, starts, hours, place, leader, note
        await pilot.press("end", "ctrl+u", *"CV og ansøgning", "tab")
        await pilot.press("end", "ctrl+u", *"10-11-2026", "tab")
        await pilot.press("end", "ctrl+u", *"13:00", "tab", "tab", *"Salen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionsScreen"
        table = app.screen.query_one("#sessions", DataTable)
        row = [str(c) for c in table.get_row_at(0)]
        assert row[:4] == ["Tue 10-11-2026", "13:00", "CV og ansøgning", "1/1"]
        assert row[4] == "Salen"
    moved = GroupSession.get_by_id(sid)
    assert (moved.starts_at, moved.place) == (datetime(2026, 11, 10, 13), "Salen")
    assert SessionParticipant.get().attendance == "present"
    assert AuditEntry.select().where(
        (AuditEntry.what == "group_session") & (AuditEntry.action == "update")
    ).count() == 1  # fmt: skip


async def test_an_edit_over_a_change_made_meanwhile_is_refused_and_the_text_kept(db_path):
    storage.open_database(db_path)
    sid = sessions.create_session(GroupSessionIn(title="CV", day=TODAY))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "e")
        await pilot.pause()
        await pilot.press("end", *" og ansøgning")
        sessions.set_cancelled(sid)  # another window cancels it meanwhile
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionEditForm"
        assert "while this form was open" in shown(app, "#form-error")
        assert app.screen.values()["title"] == "CV og ansøgning"
    assert GroupSession.get_by_id(sid).title == "CV"


async def test_E_shortens_the_series_after_asking_and_keeps_the_marked_session(db_path):
    sid, _ali, bo = seed_series(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert app.screen.query_one("#sessions", DataTable).row_count == 4  # 9, 11, 16, 18
        await pilot.press("E")
        await pilot.pause()
        assert type(app.screen).__name__ == "SeriesEditForm"
        assert app.screen.values()["weekdays"] == "Mon, Wed"
        # title, weekdays, starts, hours, first day, last day
        await pilot.press("tab", "tab", "tab", "tab", "tab", "end", "ctrl+u", *"10-11-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        question = shown(app, "#question")
        assert "removes 2 later sessions" in question
        assert "Wed 11-11-2026, Wed 18-11-2026" in question
        assert "Mon 16-11-2026 has a roll call, so it stays" in question
        await pilot.press("n")  # change it: back in the form, nothing written
        await pilot.pause()
        assert type(app.screen).__name__ == "SeriesEditForm"
        assert days() == [2, 4, 9, 11, 16, 18]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionsScreen"
        assert any("2 sessions removed" in n for n in notes(app))
        assert any("has a roll call, so it stays" in n for n in notes(app))
        assert app.screen.query_one("#sessions", DataTable).row_count == 2  # 9 and 16
    assert days() == [2, 4, 9, 16]
    assert GroupSeries.get_by_id(sid).last_day == date(2026, 11, 10)
    kept = SessionParticipant.get(
        (SessionParticipant.citizen == bo) & SessionParticipant.attendance.is_null(False)
    )
    assert kept.session.starts_at.day == 16 and kept.attendance == "sick"


async def test_E_extends_the_series_and_the_new_sessions_have_the_participants(db_path):
    sid, ali, bo = seed_series(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "enter")  # the roll call of 9 Nov: E there too
        await pilot.pause()
        assert type(app.screen).__name__ == "RollCallScreen"
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", *"Jobsøgning på hold", "tab", "tab", "tab", "tab")
        await pilot.press("tab", "end", "ctrl+u", *"25-11-2026", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "RollCallScreen"
        assert "Jobsøgning på hold" in shown(app, "#roll-title")
        assert any("2 new sessions" in n for n in notes(app))
    assert days() == [2, 4, 9, 11, 16, 18, 23, 25]
    titles = [s.title for s in GroupSession.select().order_by(GroupSession.starts_at)]
    # Held ones keep the title they had; 16 Nov has a roll call (Bo sick): as it was.
    assert (
        titles
        == ["Jobsøgning"] * 2
        + ["Jobsøgning på hold"] * 2
        + ["Jobsøgning"]
        + ["Jobsøgning på hold"] * 3
    )
    last = GroupSession.select().order_by(GroupSession.starts_at.desc()).first()
    assert {p.citizen_id for p in last.participants} == {ali, bo}


async def test_D_takes_a_participant_off_the_series_after_asking(db_path):
    sid, ali, bo = seed_series(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "enter")
        await pilot.pause()
        await pilot.press("e")  # the session's own form says it is one of a series
        await pilot.pause()
        assert "this one only (E changes its series)" in shown(app, "#form-title")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "D")  # Bo
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Take Bo off this and every later session" in shown(app, "#question")
        await pilot.press("escape")  # keep: nothing changed
        await pilot.pause()
        assert SessionParticipant.select().where(SessionParticipant.citizen == bo).count() == 6
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "RollCallScreen"
        assert any("Bo is off 3 sessions" in n for n in notes(app))
        assert any("One session with their roll call keeps them" in n for n in notes(app))
        rows = app.screen.query_one("#roll", DataTable)
        assert rows.row_count == 1
    bos = [p.session.starts_at.day for p in SessionParticipant.select().where(
        SessionParticipant.citizen == bo
    )]  # fmt: skip
    assert sorted(bos) == [2, 4, 16]
    assert SessionParticipant.select().where(SessionParticipant.citizen == ali).count() == 6


async def test_E_on_a_session_of_no_series_says_e_edits_it(db_path):
    storage.open_database(db_path)
    sessions.create_session(GroupSessionIn(title="CV", day=TODAY))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "E")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionsScreen"
        assert any("not part of a series: e edits it" in n for n in notes(app))


async def test_a_calls_in_several_at_once_space_ticking_each(db_path):
    storage.open_database(db_path)
    for name in ("Ali", "Bo", "Carl", "Dorte"):
        create_citizen(CitizenIn(name=name))
    sid = sessions.create_session(GroupSessionIn(title="CV", day=TODAY))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "enter", "a")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickManyScreen"
        await pilot.press("space", "down", "space", "space")  # Ali, Carl, Dorte
        await pilot.pause()
        assert "3 ticked" in shown(app, "#pick-count")
        ticks = app.screen.query_one(DataTable)
        assert [str(ticks.get_row_at(n)[0]) for n in range(4)] == ["[x]", "[ ]", "[x]", "[x]"]
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "RollCallScreen"
        assert "0 of 3 marked" in shown(app, "#roll-status")
        await pilot.press("1", "2", "1")
        await pilot.pause()
    assert {p.citizen_name: p.attendance for p in sessions.participants(sid)} == {
        "Ali": "present",
        "Carl": "sick",
        "Dorte": "present",
    }
