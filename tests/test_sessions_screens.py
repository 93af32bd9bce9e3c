"""Group sessions on screen with the real keys: G from the caseload, N a series
typed in, enter the roll call, a digit per participant moving on, u undoes,
h the hours, a adds, delete asks first; eight participants in ten keys."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import AuditEntry, GroupSeries, GroupSession, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.sessions import GroupSessionIn

SIZE = (100, 32)
TODAY = date(2026, 11, 2)
NAMES = ["Ali", "Birgit", "Carl", "Dorte", "Emil", "Fatima", "Gustav", "Hanne"]


def seed(path, names=NAMES) -> int:
    storage.open_database(path)
    sid = sessions.create_session(
        GroupSessionIn(title="CV og ansøgning", day=TODAY, starts="9:30", hours=3)
    )
    for name in names:
        sessions.add_participant(sid, create_citizen(CitizenIn(name=name)))
    storage.close_database()
    return sid


def marks() -> dict[str, tuple[str | None, float | None]]:
    return {
        line.citizen_name: (line.attendance, line.hours)
        for line in sessions.participants(GroupSession.select().first().id)
    }


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_eight_participants_are_called_in_ten_keys(db_path):
    seed(db_path)
    app = make_app(db_path, today=TODAY)
    pressed = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        async def press(*keys: str) -> None:
            pressed.extend(keys)
            await pilot.press(*keys)
            await pilot.pause()

        await press("G")
        assert type(app.screen).__name__ == "SessionsScreen"
        await press("enter")
        assert type(app.screen).__name__ == "RollCallScreen"
        assert "CV og ansøgning" in text(app, "#roll-title")
        await press("1", "1", "2", "3", "4", "5", "1", "1")
        assert len(pressed) == 10
        assert marks() == {
            "Ali": ("present", None),
            "Birgit": ("present", None),
            "Carl": ("sick", None),
            "Dorte": ("absent_with_notice", None),
            "Emil": ("absent_without_notice", None),
            "Fatima": ("left_for_conversation", None),
            "Gustav": ("present", None),
            "Hanne": ("present", None),
        }
        assert text(app, "#roll-status").startswith("8 of 8 marked · Present 4")
        table = app.screen.query_one("#roll", DataTable)
        assert [str(c) for c in table.get_row_at(5)] == [
            "Fatima",
            "Left for an individual conversation",
            "3",
        ]
        # u undoes the last mark (Hanne), then the one before (Gustav).
        await press("u")
        assert marks()["Hanne"] == (None, None)
        await press("u")
        assert marks()["Gustav"] == (None, None)
        assert table.cursor_row == 6  # back on Gustav
        await press("2")
        assert marks()["Gustav"] == ("sick", None)
        # h on Fatima: the hours she was at the session before her conversation.
        await press("up", "up")
        await press("h")
        assert type(app.screen).__name__ == "HoursForm"
        await pilot.press(*"1,5", "enter")
        await pilot.pause()
        assert marks()["Fatima"] == ("left_for_conversation", 1.5)
        assert [str(c) for c in table.get_row_at(5)][2] == "1,5"
        # Hours beyond the session's are refused in words, nothing written.
        await press("h")
        await pilot.press("ctrl+u", *"7", "enter")
        await pilot.pause()
        assert "between 0 and the session's 3" in str(app.screen.query_one("#e-hours").render())
        await pilot.press("escape")
        await pilot.pause()
        if type(app.screen).__name__ != "RollCallScreen":
            await pilot.press("escape")
            await pilot.pause()
        assert marks()["Fatima"] == ("left_for_conversation", 1.5)
    rows = AuditEntry.select().where(
        (AuditEntry.what == "session_participant") & (AuditEntry.action == "update")
    )
    assert rows.count() == 8 + 2 + 1 + 1  # marks, two undone, Gustav again, Fatima's hours


async def test_a_series_typed_in_adding_and_taking_off(db_path):
    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali"))
    create_citizen(CitizenIn(name="Birgit"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert "No group sessions yet" in text(app, "#sessions-empty")
        await pilot.press("N")
        await pilot.pause()
        assert type(app.screen).__name__ == "SeriesForm"
        # title, weekdays, starts, hours, first day (filled: today), last day
        await pilot.press(
            *"Arbejdsmarkedet", "tab", *"man, ons", "tab", "ctrl+u", *"9:30", "tab", "tab"
        )
        await pilot.press("tab", *"11-11-2026", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionsScreen", [
            str(e.render()) for e in app.screen.query(".shown")
        ]
        series = GroupSeries.get()
        assert (series.weekdays, series.starts, series.first_day) == ("1,3", "09:30", TODAY)
        days = [s.starts_at for s in GroupSession.select().order_by(GroupSession.starts_at)]
        assert days == [datetime(2026, 11, d, 9, 30) for d in (2, 4, 9, 11)]
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 4
        # A: Ali on this and every later session of the series.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert type(app.screen).__name__ == "PickManyScreen"
        await pilot.press("enter")  # Ali, first by name
        await pilot.pause()
        assert SessionParticipant.select().where(SessionParticipant.citizen == ali).count() == 4
        # a: Birgit on this one only.
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert SessionParticipant.select().count() == 5
        # delete asks first: escape keeps her, y takes her off.
        await pilot.press("down", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert SessionParticipant.select().count() == 5
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert SessionParticipant.select().count() == 4
        # Back on the list: c cancels a session (asks first), / filters.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        cancelled = [s.cancelled for s in GroupSession.select().order_by(GroupSession.starts_at)]
        assert cancelled == [False, True, False, False]
        assert "cancelled" in str(table.get_row_at(1)[3])
        await pilot.press("slash", *"zzz")
        await pilot.pause()
        assert "No session matches" in text(app, "#sessions-empty")
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 4


async def test_a_series_that_ends_before_it_starts_is_refused_in_words(db_path):
    storage.open_database(db_path)
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        await pilot.press(*"Hold", "tab", *"someday", "tab", "tab", "tab", "tab", *"01-10-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SeriesForm"
        assert "'someday' is not a weekday" in str(app.screen.query_one("#e-weekdays").render())
        # Written right, the days in the wrong order are told by the last day.
        await pilot.press("end", "ctrl+u", *"tue")  # the field in error has the focus
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot end before it starts" in str(app.screen.query_one("#e-last_day").render())
    assert GroupSeries.select().count() == 0


async def test_the_citizen_screen_shows_the_sessions_so_far_and_the_next(db_path):
    storage.open_database(db_path)
    ali = create_citizen(CitizenIn(name="Ali"))
    for day, mark in ((date(2026, 10, 26), "present"), (date(2026, 10, 28), "sick")):
        sid = sessions.create_session(GroupSessionIn(title="CV", day=day, hours=2))
        sessions.add_participant(sid, ali)
        pid = SessionParticipant.get(SessionParticipant.session == sid).id
        sessions.mark(pid, mark)
    sid = sessions.create_session(
        GroupSessionIn(title="Jobsamtalen", day="04-11-2026", starts="10:00")
    )
    sessions.add_participant(sid, ali)
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        shown = text(app, "#course")
        assert "Group sessions: 1 of 2 attended, 2 hours (sick 1)" in shown
        assert "Next group session: Wed 04-11-2026 10:00 Jobsamtalen" in shown


async def test_the_statistics_show_the_sessions_apart_from_the_logbook_days(db_path):
    from tests.test_logbook_screens import TODAY as STATS_DAY
    from tests.test_logbook_screens import WEEKS, make_placement, open_logbook

    citizen, _pid = make_placement(db_path, days={k: dict(v) for k, v in WEEKS.items()})
    storage.open_database(db_path)
    for day, mark in (("04-11-2026", "present"), ("11-11-2026", "absent_without_notice")):
        sid = sessions.create_session(GroupSessionIn(title="Hold", day=day, hours=2.5))
        sessions.add_participant(sid, citizen)
        sessions.mark(SessionParticipant.get(SessionParticipant.session == sid).id, mark)
    storage.close_database()
    app = make_app(db_path, today=STATS_DAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_logbook(app, pilot, citizen)
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "StatisticsScreen"
        shown = text(app, "#stats-absence")
        assert "Group sessions: 1 of 2 attended, 2,5 hours (without notice 1)" in shown
