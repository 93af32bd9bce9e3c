"""A series' first day changed (E): earlier, the new days are made with the
standing participants (days before the old first day, past ones too, as days
after the old last day are); later, the sessions before it are removed only
when agreed (named first), and never past a session held or with a roll
call: a series that has begun keeps its start. Audited; both engines; the
form with the real keys."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from textual.widgets import DataTable

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.domain.sessions import series_change
from mentorterm.models import AuditEntry, GroupSeries, GroupSession, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.sessions import GroupSeriesEditIn, GroupSeriesIn

from .test_sessions_edit_screens import SIZE, notes, shown

TODAY = date(2026, 11, 9)  # a Monday


def make(first: str, last: str) -> tuple[int, int]:
    """A series Mon and Wed from ``first`` to ``last`` at 9:30, with Ali on it."""
    ali = create_citizen(CitizenIn(name="Ali"))
    sid = sessions.create_series(
        GroupSeriesIn(title="Jobsøgning", weekdays="1,3", starts="09:30", first_day=first,
                      last_day=last)
    )  # fmt: skip
    sessions.add_to_series(sid, ali, date.fromisoformat("-".join(reversed(first.split("-")))))
    return sid, ali


def edit(sid: int, **changes) -> GroupSeriesEditIn:
    return GroupSeriesEditIn(**{**sessions.series_input(sid).model_dump(), **changes})


def days(sid: int) -> list[date]:
    query = GroupSession.select().where(GroupSession.series == sid)
    return [s.starts_at.date() for s in query.order_by(GroupSession.starts_at)]


def called_in(sid: int, ali: int) -> list[date]:
    query = (
        GroupSession.select()
        .join(SessionParticipant)
        .where((GroupSession.series == sid) & (SessionParticipant.citizen == ali))
    )
    return sorted(s.starts_at.date() for s in query)


D = date


@pytest.mark.both_engines
def test_a_later_first_day_removes_the_sessions_before_it_when_agreed(database):
    sid, ali = make("16-11-2026", "02-12-2026")  # not begun: 16, 18, 23, 25, 30 Nov, 2 Dec
    data = edit(sid, first_day="23-11-2026")
    change = series_change.plan(sid, data, TODAY)
    assert [d.starts_at for d in change.drop] == [
        datetime(2026, 11, 16, 9, 30),
        datetime(2026, 11, 18, 9, 30),
    ]
    assert series_change.question(change) == (
        "The change removes 2 later sessions without a roll call (Mon 16-11-2026, "
        "Wed 18-11-2026) and who was called in to them. Save and remove them?"
    )
    with pytest.raises(DomainError):  # not agreed: nothing written
        sessions.update_series(sid, data, TODAY)
    assert days(sid)[0] == D(2026, 11, 16)
    sessions.update_series(sid, data, TODAY, [d.id for d in change.drop])
    assert days(sid) == [D(2026, 11, 23), D(2026, 11, 25), D(2026, 11, 30), D(2026, 12, 2)]
    assert called_in(sid, ali) == days(sid)
    assert GroupSeries.get_by_id(sid).first_day == D(2026, 11, 23)
    logged = AuditEntry.select().where(AuditEntry.what == "group_series").order_by(AuditEntry.id)
    assert json.loads(logged[-1].detail) == {"first_day": ["2026-11-16", "2026-11-23"]}


@pytest.mark.both_engines
def test_an_earlier_first_day_makes_the_new_days_with_the_standing_participants(database):
    sid, ali = make("16-11-2026", "25-11-2026")
    change = sessions.update_series(sid, edit(sid, first_day="04-11-2026"), TODAY)
    # 4 Nov is past: a new day all the same, as one after the old last day would be.
    assert change.add == [D(2026, 11, 4), D(2026, 11, 9), D(2026, 11, 11)]
    assert days(sid)[:3] == [D(2026, 11, 4), D(2026, 11, 9), D(2026, 11, 11)]
    assert called_in(sid, ali) == days(sid)


@pytest.mark.both_engines
def test_a_series_that_has_begun_keeps_its_start(database):
    sid, ali = make("02-11-2026", "18-11-2026")  # 2 and 4 Nov are past
    with pytest.raises(DomainError) as refused:
        series_change.plan(sid, edit(sid, first_day="09-11-2026"), TODAY)
    assert refused.value.field == "first_day"
    assert "session on Mon 02-11-2026 is before today" in str(refused.value)
    # Not yet begun, but today's session has its roll call: it cannot start after it.
    other, bo = make("09-11-2026", "18-11-2026")
    first = GroupSession.get(
        (GroupSession.series == other) & (GroupSession.starts_at == datetime(2026, 11, 9, 9, 30))
    )
    row = SessionParticipant.get(SessionParticipant.session == first)
    sessions.mark(row.id, "present")
    with pytest.raises(DomainError) as refused:
        sessions.update_series(other, edit(other, first_day="11-11-2026"), TODAY, [first.id])
    assert "session on Mon 09-11-2026 has a roll call" in str(refused.value)
    assert days(other)[0] == D(2026, 11, 9)
    assert GroupSeries.get_by_id(other).first_day == D(2026, 11, 9)
    del ali, bo


async def test_E_moves_the_first_day_after_asking_naming_the_days(db_path):
    storage.open_database(db_path)
    sid, _ali = make("16-11-2026", "02-12-2026")
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert app.screen.query_one("#sessions", DataTable).row_count == 6
        await pilot.press("E")
        await pilot.pause()
        assert type(app.screen).__name__ == "SeriesEditForm"
        assert app.screen.values()["first_day"] == "16-11-2026"
        # title, weekdays, starts, hours, first day
        await pilot.press("tab", "tab", "tab", "tab", "end", "ctrl+u", *"23-11-2026", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "(Mon 16-11-2026, Wed 18-11-2026)" in shown(app, "#question")
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "SessionsScreen"
        assert any("2 sessions removed" in n for n in notes(app))
        assert app.screen.query_one("#sessions", DataTable).row_count == 4
    assert days(sid)[0] == D(2026, 11, 23)
    assert GroupSeries.get_by_id(sid).first_day == D(2026, 11, 23)


async def test_E_refuses_a_later_start_past_a_session_held_with_the_reason(db_path):
    storage.open_database(db_path)
    sid, _ali = make("02-11-2026", "18-11-2026")
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("G", "E")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", "end", "ctrl+u", *"09-11-2026", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SeriesEditForm"  # refused, shown at the field
        assert "before today" in str(app.screen.query_one("#e-first_day").render())
    assert days(sid)[0] == D(2026, 11, 2)
