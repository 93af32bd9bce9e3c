"""Group sessions (holdundervisning): a series' schedule makes its sessions,
participants are called in, the roll call marks them, undo puts a mark back,
every write has its audit row; the figures a citizen's attendance shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mentorterm.domain import sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.domain.sessions.lines import summary_line
from mentorterm.domain.sessions.schedule import session_days
from mentorterm.models import AuditEntry, GroupSession, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.errors import friendly_errors
from mentorterm.schemas.sessions import GroupSeriesIn, GroupSessionIn

pytestmark = pytest.mark.both_engines


def series_in(**changes) -> GroupSeriesIn:
    data = {
        "title": "Jobsøgning på hold",
        "place": "Lokale 2",
        "weekdays": "mon, wed",
        "starts": "9.30",
        "hours": "2,5",
        "first_day": "02-11-2026",
        "last_day": "15-11-2026",
    }
    return GroupSeriesIn(**{**data, **changes})


@given(
    weekdays=st.sets(st.integers(1, 7), min_size=1),
    first=st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    length=st.integers(0, 60),
)
def test_the_schedule_is_every_chosen_weekday_between_the_days(weekdays, first, length):
    last = first + timedelta(days=length)
    days = session_days(weekdays, first, last)
    everyday = [first + timedelta(days=n) for n in range(length + 1)]
    assert days == [d for d in everyday if d.isoweekday() in weekdays]


def test_a_series_makes_its_sessions_once_and_a_cancelled_one_stays(database):
    sid = sessions.create_series(series_in())
    made = list(
        GroupSession.select().where(GroupSession.series == sid).order_by(GroupSession.starts_at)
    )
    # 2-15 Nov 2026: Mondays 2, 9 and Wednesdays 4, 11.
    assert [s.starts_at for s in made] == [datetime(2026, 11, d, 9, 30) for d in (2, 4, 9, 11)]
    assert {s.hours for s in made} == {2.5}
    sessions.set_cancelled(made[1].id)
    assert sessions.make_sessions(sid) == 0
    assert GroupSession.select().where(GroupSession.series == sid).count() == 4
    assert GroupSession.get_by_id(made[1].id).cancelled
    assert AuditEntry.select().where(AuditEntry.what == "group_session").count() == 5


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weekdays=st.sets(st.integers(1, 7), min_size=1),
    length=st.integers(0, 40),
    again=st.integers(1, 3),
)
def test_re_running_a_schedule_never_duplicates(database, weekdays, length, again):
    first = date(2026, 3, 2)
    data = series_in(
        weekdays=",".join(map(str, weekdays)),
        first_day=first,
        last_day=first + timedelta(days=length),
    )
    days = session_days(weekdays, first, first + timedelta(days=length))
    if not days:
        with pytest.raises(DomainError, match="None of those weekdays"):
            sessions.create_series(data)
        return
    sid = sessions.create_series(data)
    for _ in range(again):
        assert sessions.make_sessions(sid) == 0
    days = [s.starts_at.date() for s in GroupSession.select().where(GroupSession.series == sid)]
    assert sorted(days) == session_days(weekdays, first, first + timedelta(days=length))


def test_standing_participants_are_called_to_each_later_session(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    bo = create_citizen(CitizenIn(name="Bo Berg"))
    sid = sessions.create_series(series_in(last_day="08-11-2026"))  # 2 and 4 Nov
    assert sessions.add_to_series(sid, ali, date(2026, 11, 3)) == 1  # only 4 Nov
    assert sessions.add_to_series(sid, bo, date(2026, 11, 1)) == 2
    assert sessions.standing_participants(sid) == sorted([ali, bo])
    # The series widened: the new sessions are called with the standing participants.
    from mentorterm.models import GroupSeries

    GroupSeries.update(last_day=date(2026, 11, 11)).where(GroupSeries.id == sid).execute()
    assert sessions.make_sessions(sid) == 2
    last = (
        GroupSession.select()
        .where(GroupSession.series == sid)
        .order_by(GroupSession.starts_at.desc())
        .first()
    )
    assert {p.citizen_name for p in sessions.participants(last.id)} == {"Ali Hassan", "Bo Berg"}
    assert not sessions.add_participant(last.id, ali)  # already there: nothing twice


def test_the_roll_call_marks_undoes_and_counts(database):
    cid = create_citizen(CitizenIn(name="Ali Hassan"))
    ids = []
    for day, hours in (("02-11-2026", 2), ("04-11-2026", 3), ("06-11-2026", 2), ("09-11-2026", 2)):
        s = sessions.create_session(GroupSessionIn(title="CV", day=day, hours=hours))
        sessions.add_participant(s, cid)
        ids.append(SessionParticipant.get(SessionParticipant.session == s).id)
    before = sessions.mark(ids[0], "present")
    assert before == sessions.Mark(None, None)
    sessions.mark(ids[1], "left_for_conversation", hours=1)
    sessions.mark(ids[2], "sick")
    wrong = sessions.mark(ids[3], "absent_without_notice")
    figures = sessions.citizen_figures(cid, None, date(2026, 11, 30))
    assert (figures.called, figures.attended, figures.hours, figures.sick) == (4, 2, 3.0, 1)
    assert summary_line(figures).startswith("Group sessions: 2 of 4 attended, 3 hours")
    sessions.undo(ids[3], wrong)
    figures = sessions.citizen_figures(cid, None, date(2026, 11, 30))
    assert (figures.called, figures.not_called) == (3, 1)
    rows = AuditEntry.select().where(
        (AuditEntry.what == "session_participant") & (AuditEntry.action == "update")
    )
    assert rows.count() == 5 and {r.citizen_id for r in rows} == {cid}


def test_hours_beyond_the_session_and_a_wrong_mark_are_refused_in_words(database):
    cid = create_citizen(CitizenIn(name="Ali Hassan"))
    s = sessions.create_session(GroupSessionIn(title="CV", day="02-11-2026", hours=2))
    sessions.add_participant(s, cid)
    pid = SessionParticipant.get(SessionParticipant.session == s).id
    with pytest.raises(DomainError, match="between 0 and the session's 2"):
        sessions.mark(pid, "left_for_conversation", hours=5)
    with pytest.raises(DomainError, match="Not a roll-call mark"):
        sessions.mark(pid, "asleep")
    with pytest.raises(DomainError, match="Mark the participant first"):
        sessions.set_hours(pid, 1)
    assert SessionParticipant.get_by_id(pid).attendance is None


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"weekdays": "mon, someday"}, "weekdays", "is not a weekday"),
        ({"weekdays": " "}, "weekdays", "Write the weekdays"),
        ({"starts": "25:00"}, "starts", "Not a time"),
        ({"hours": "0"}, "hours", "more than 0 and at most 12"),
        ({"last_day": "01-11-2026"}, "last_day", "cannot end before it starts"),
        ({"last_day": "01-12-2027"}, "last_day", "at most a year"),
    ],
)
def test_a_series_typed_wrong_is_told_in_words(changes, field, words):
    with pytest.raises(ValidationError) as caught:
        series_in(**changes)
    messages = friendly_errors(caught.value)
    assert words in messages[field]


def test_weekdays_are_read_in_danish_too():
    from mentorterm import i18n

    with i18n.speaking("da"):
        assert series_in(weekdays="man, ons, fre").weekdays == "1,3,5"
    assert series_in(weekdays="3 1").weekdays == "1,3"


def test_a_series_whose_weekdays_never_fall_in_its_days_is_refused(database):
    # 3-4 Nov 2026 is a Tuesday and a Wednesday: no Friday.
    with pytest.raises(DomainError, match="None of those weekdays falls from 03-11-2026"):
        sessions.create_series(
            series_in(weekdays="fri", first_day="03-11-2026", last_day="04-11-2026")
        )
    from mentorterm.models import GroupSeries

    assert GroupSeries.select().count() == 0
