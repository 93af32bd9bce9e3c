"""Every group-session record correctable: one session edited (moved, its
marks kept; a change made meanwhile refused), a series changed (its later
sessions without marks follow, new days made with the standing
participants, sessions removed only when agreed and never one with marks),
a citizen taken off a series from a day; each write audited."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm.domain import sessions, versions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError, user_message
from mentorterm.domain.sessions import series_change
from mentorterm.domain.sessions.schedule import session_days
from mentorterm.models import AuditEntry, GroupSeries, GroupSession, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.sessions import GroupSeriesEditIn, GroupSessionEditIn, GroupSessionIn

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 9)  # a Monday: the series below has run a week


def series_edit(series_id: int, **changes) -> GroupSeriesEditIn:
    data = sessions.series_input(series_id).model_dump()
    return GroupSeriesEditIn(**{**data, **changes})


def make_series(**changes) -> int:
    data = {
        "title": "Jobsøgning på hold",
        "place": "Lokale 2",
        "weekdays": "mon, wed",
        "starts": "9.30",
        "hours": "2,5",
        "first_day": "02-11-2026",
        "last_day": "18-11-2026",
    }
    return sessions.create_series(GroupSeriesEditIn(**{**data, **changes}))


def days_of(series_id: int) -> list[datetime]:
    query = GroupSession.select().where(GroupSession.series == series_id)
    return [s.starts_at for s in query.order_by(GroupSession.starts_at)]


def on(series_id: int, day: date) -> GroupSession:
    return GroupSession.get(
        (GroupSession.series == series_id)
        & (GroupSession.starts_at >= datetime.combine(day, datetime.min.time()))
        & (GroupSession.starts_at < datetime.combine(day + timedelta(days=1), datetime.min.time()))
    )


def participant(session_id: int, citizen_id: int) -> SessionParticipant:
    return SessionParticipant.get(
        (SessionParticipant.session == session_id) & (SessionParticipant.citizen == citizen_id)
    )


def test_a_session_moved_keeps_its_marks_and_the_log_says_what_changed(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    sid = sessions.create_session(GroupSessionIn(title="CV", day="02-11-2026", hours=3))
    sessions.add_participant(sid, ali)
    pid = participant(sid, ali).id
    sessions.mark(pid, "left_for_conversation", hours=1.5)
    shown = sessions.session_input(sid)
    assert (shown.day, shown.starts, shown.hours) == (date(2026, 11, 2), "09:00", 3)
    data = GroupSessionEditIn(
        **{**shown.model_dump(), "title": "CV og ansøgning", "day": "03-11-2026", "starts": "13"}
    )
    sessions.update_session(sid, data)
    moved = GroupSession.get_by_id(sid)
    assert (moved.title, moved.starts_at) == ("CV og ansøgning", datetime(2026, 11, 3, 13))
    row = SessionParticipant.get_by_id(pid)
    assert (row.attendance, row.hours) == ("left_for_conversation", 1.5)
    entry = AuditEntry.select().where(AuditEntry.what == "group_session").order_by(
        AuditEntry.id.desc()
    ).first()  # fmt: skip
    assert entry.action == "update" and entry.citizen_id is None
    detail = json.loads(entry.detail)
    assert detail == {
        "starts_at": ["2026-11-02T09:00:00", "2026-11-03T13:00:00"],
        "title": "changed",  # free text: that it changed, never its words
    }


def test_a_session_is_never_shorter_than_someones_hours_at_it(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    sid = sessions.create_session(GroupSessionIn(title="CV", day="02-11-2026", hours=3))
    sessions.add_participant(sid, ali)
    sessions.mark(participant(sid, ali).id, "present", hours=2.5)
    data = GroupSessionEditIn(**{**sessions.session_input(sid).model_dump(), "hours": 2})
    with pytest.raises(DomainError, match="Ali Hassan was at the session 2,5 hours") as refused:
        sessions.update_session(sid, data)
    assert refused.value.field == "hours"
    assert GroupSession.get_by_id(sid).hours == 3


def test_an_edit_over_a_change_made_meanwhile_is_refused_in_words(database):
    sid = sessions.create_session(GroupSessionIn(title="CV", day="02-11-2026"))
    seen = versions.version_of("group_session", sid)
    sessions.set_cancelled(sid)  # another window cancels it meanwhile
    data = GroupSessionEditIn(**{**sessions.session_input(sid).model_dump(), "place": "Salen"})
    with pytest.raises(versions.ChangedMeanwhile) as refused:
        with versions.expecting("group_session", sid, seen):
            sessions.update_session(sid, data)
    assert "changed this record" in user_message(refused.value)
    assert GroupSession.get_by_id(sid).place == ""


def test_a_leader_not_on_the_database_is_refused(database):
    sid = sessions.create_session(GroupSessionIn(title="CV", day="02-11-2026"))
    data = GroupSessionEditIn(**{**sessions.session_input(sid).model_dump(), "leader_id": 999})
    with pytest.raises(DomainError, match="not on this database"):
        sessions.update_session(sid, data)
    assert [name for _id, name in sessions.leaders()] == ["Me"]


def test_later_sessions_without_marks_follow_and_the_held_ones_stay(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    sid = make_series()  # 2, 4, 9, 11, 16, 18 Nov
    sessions.add_to_series(sid, ali, date(2026, 11, 2))
    # Held: 2 and 4 Nov (before today). Marked ahead: 11 Nov (Ali sent word).
    sessions.mark(participant(on(sid, date(2026, 11, 11)).id, ali).id, "absent_with_notice")
    # 16 Nov was moved to Room 5 on its own: its place stays.
    alone = on(sid, date(2026, 11, 16))
    GroupSession.update(place="Lokale 5").where(GroupSession.id == alone.id).execute()
    change = sessions.update_series(
        sid, series_edit(sid, title="Jobsøgning", place="Salen", starts="10:00", hours=2), TODAY
    )
    assert (change.add, change.drop, change.kept) == ([], [], [])
    assert len(change.follow) == 3  # 9, 16, 18 Nov
    after = {s.starts_at.date().day: s for s in GroupSession.select()}
    assert {d: (s.title, s.place, s.hours, s.starts_at.hour) for d, s in after.items()} == {
        2: ("Jobsøgning på hold", "Lokale 2", 2.5, 9),
        4: ("Jobsøgning på hold", "Lokale 2", 2.5, 9),
        9: ("Jobsøgning", "Salen", 2, 10),
        11: ("Jobsøgning på hold", "Lokale 2", 2.5, 9),
        16: ("Jobsøgning", "Lokale 5", 2, 10),
        18: ("Jobsøgning", "Salen", 2, 10),
    }
    series = GroupSeries.get_by_id(sid)
    assert (series.title, series.starts, series.hours) == ("Jobsøgning", "10:00", 2)
    follows = AuditEntry.select().where(AuditEntry.purpose == "follows its series")
    assert follows.count() == 3
    assert "follow the change" in series_change.done_words(change)


def test_extending_the_last_day_makes_the_new_sessions_with_the_standing_participants(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    bo = create_citizen(CitizenIn(name="Bo Berg"))
    sid = make_series()
    sessions.add_to_series(sid, ali, date(2026, 11, 2))
    sessions.add_to_series(sid, bo, date(2026, 11, 9))
    change = sessions.update_series(sid, series_edit(sid, last_day="25-11-2026"), TODAY)
    assert change.add == [date(2026, 11, 23), date(2026, 11, 25)]
    assert change.follow == change.drop == []
    for day in change.add:
        names = {p.citizen_name for p in sessions.participants(on(sid, day).id)}
        assert names == {"Ali Hassan", "Bo Berg"}
    # Saved again unchanged: nothing twice.
    again = sessions.update_series(sid, series_edit(sid), TODAY)
    assert again == series_change.SeriesChange()
    assert len(days_of(sid)) == 8


def test_shortening_removes_later_sessions_only_when_agreed_and_never_marked_ones(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    sid = make_series()
    sessions.add_to_series(sid, ali, date(2026, 11, 2))
    sessions.mark(participant(on(sid, date(2026, 11, 16)).id, ali).id, "sick")
    data = series_edit(sid, last_day="10-11-2026")
    change = series_change.plan(sid, data, TODAY)
    assert [d.starts_at.day for d in change.drop] == [11, 18]
    assert [d.starts_at.day for d in change.kept] == [16]
    words = series_change.question(change)
    assert "removes 2 later sessions" in words and "Wed 11-11-2026" in words
    assert "The session on Mon 16-11-2026 has a roll call, so it stays as it was." in words
    # Unasked, nothing goes: the whole change is refused.
    with pytest.raises(DomainError, match="save again"):
        sessions.update_series(sid, data, TODAY)
    assert len(days_of(sid)) == 6
    done = sessions.update_series(sid, data, TODAY, dropping=[d.id for d in change.drop])
    assert [d.day for d in days_of(sid)] == [2, 4, 9, 16]
    assert participant(on(sid, date(2026, 11, 16)).id, ali).attendance == "sick"
    assert "2 sessions removed" in series_change.done_words(done)
    gone = AuditEntry.select().where(AuditEntry.action == "delete")
    assert {(e.what, e.citizen_id) for e in gone} == {
        ("group_session", None),
        ("session_participant", ali),
    }
    assert gone.count() == 4


def test_new_weekdays_move_the_later_sessions_and_keep_a_moved_one(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    sid = make_series()
    sessions.add_to_series(sid, ali, date(2026, 11, 2))
    # 9 Nov was moved to the Tuesday on its own.
    moved = on(sid, date(2026, 11, 9))
    data = GroupSessionEditIn(
        **{**sessions.session_input(moved.id).model_dump(), "day": "10-11-2026"}
    )
    sessions.update_session(moved.id, data)
    change = series_change.plan(sid, series_edit(sid, weekdays="tue, thu"), TODAY)
    # The Mondays and Wednesdays from today go; the moved Tuesday stays; the
    # Thursdays come (and the Tuesdays but the 10th, which has its session).
    assert [d.starts_at.day for d in change.drop] == [11, 16, 18]
    assert change.add == [date(2026, 11, d) for d in (12, 17)]
    sessions.update_series(
        sid, series_edit(sid, weekdays="tue, thu"), TODAY, dropping=[d.id for d in change.drop]
    )
    assert [d.day for d in days_of(sid)] == [2, 4, 10, 12, 17]
    assert {p.citizen_name for p in sessions.participants(on(sid, date(2026, 11, 17)).id)} == {
        "Ali Hassan"
    }


def test_a_series_changed_meanwhile_is_refused_and_nothing_is_written(database):
    sid = make_series()
    seen = versions.version_of("group_series", sid)
    sessions.update_series(sid, series_edit(sid, place="Salen"), TODAY)
    with pytest.raises(versions.ChangedMeanwhile):
        with versions.expecting("group_series", sid, seen):
            sessions.update_series(sid, series_edit(sid, last_day="25-11-2026"), TODAY)
    assert len(days_of(sid)) == 6
    with pytest.raises(DomainError, match="None of those weekdays"):
        sessions.update_series(sid, series_edit(sid, weekdays="sun", last_day="03-11-2026"), TODAY)


def test_taking_a_citizen_off_the_series_keeps_the_marked_sessions(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    bo = create_citizen(CitizenIn(name="Bo Berg"))
    sid = make_series()
    sessions.add_to_series(sid, ali, date(2026, 11, 2))
    sessions.add_to_series(sid, bo, date(2026, 11, 2))
    sessions.mark(participant(on(sid, date(2026, 11, 9)).id, ali).id, "present")
    taken = sessions.take_off_series(sid, ali, date(2026, 11, 9))
    assert (taken.removed, taken.kept) == (3, [date(2026, 11, 9)])
    ali_on = [
        s.starts_at.day for s in sessions.citizen_sessions(ali)
    ]  # fmt: skip
    assert ali_on == [2, 4, 9]
    assert sessions.standing_participants(sid) == [bo]
    with pytest.raises(DomainError, match="on no session of the series from 10-11-2026"):
        sessions.take_off_series(sid, ali, date(2026, 11, 10))
    rows = AuditEntry.select().where(AuditEntry.purpose == "taken off the series")
    assert rows.count() == 3 and {r.citizen_id for r in rows} == {ali}


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    weekdays=st.sets(st.integers(1, 7), min_size=1),
    last=st.integers(0, 30),
)
def test_after_any_change_the_later_sessions_are_the_new_schedule(database, weekdays, last):
    first = date(2026, 3, 2)
    sid = sessions.create_series(
        GroupSeriesEditIn(
            title="Hold", weekdays="1,3,5", first_day=first, last_day=first + timedelta(days=20)
        )
    )
    today = first + timedelta(days=7)
    data = series_edit(
        sid, weekdays=",".join(map(str, sorted(weekdays))), last_day=first + timedelta(days=last)
    )
    new_days = session_days(weekdays, first, first + timedelta(days=last))
    if not new_days:
        with pytest.raises(DomainError):
            series_change.plan(sid, data, today)
        GroupSession.delete().execute()
        GroupSeries.delete().execute()
        return
    change = series_change.plan(sid, data, today)
    sessions.update_series(sid, data, today, dropping=[d.id for d in change.drop])
    later = [d.date() for d in days_of(sid) if d.date() >= today]
    assert later == [d for d in new_days if d >= today]
    earlier = [d.date() for d in days_of(sid) if d.date() < today]
    assert earlier == session_days({1, 3, 5}, first, today - timedelta(days=1))
    GroupSession.delete().execute()
    GroupSeries.delete().execute()


@given(weekdays=st.sets(st.integers(1, 7), min_size=1), lang=st.sampled_from(["en", "da"]))
def test_the_edit_form_shows_weekdays_by_name_and_reads_them_back(weekdays, lang):
    from mentorterm import i18n
    from mentorterm.schemas.sessions import parse_weekdays, weekday_words

    stored = ",".join(map(str, sorted(weekdays)))
    with i18n.speaking(lang):
        assert parse_weekdays(weekday_words(stored)) == stored
