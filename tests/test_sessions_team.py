"""Group sessions on the team database, each mentor their own login: any
mentor writes sessions; the session's leader calls the roll for colleagues'
citizens too; a mentor who does not lead it marks only their own citizens
(row-level security, storage/team_access.py), told in words."""

from __future__ import annotations

import peewee
import pytest

from mentorterm import storage
from mentorterm.domain import sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import user_message
from mentorterm.models import AuditEntry, Mentor, SessionParticipant
from mentorterm.schemas import CitizenIn
from mentorterm.schemas.sessions import GroupSessionIn


def as_mentor(url: str) -> int:
    storage.close_database()
    storage.open_database(url)
    return storage.ensure_default_mentor().id


def test_the_leader_marks_a_colleagues_citizen_and_a_colleague_does_not(team):
    as_mentor(team["bo"])
    bos = create_citizen(CitizenIn(name="Bent Berg"))
    anna = as_mentor(team["anna"])
    annas = create_citizen(CitizenIn(name="Anja Andersen"))
    sid = sessions.create_session(GroupSessionIn(title="CV-værksted", day="02-11-2026"))
    # Anna leads: she calls in and marks Bo's citizen as well as her own.
    assert sessions.add_participant(sid, annas) and sessions.add_participant(sid, bos)
    rows = {line.citizen_name: line.id for line in sessions.participants(sid)}
    sessions.mark(rows["Bent Berg"], "present")
    sessions.mark(rows["Anja Andersen"], "sick")
    # Bo does not lead it: his own citizen yes, Anna's no, and nothing changes.
    bo = as_mentor(team["bo"])
    before = sessions.mark(rows["Bent Berg"], "left_for_conversation", hours=1)
    assert before == sessions.Mark("present", None)
    with pytest.raises(peewee.DatabaseError) as refused:
        sessions.mark(rows["Anja Andersen"], "absent_without_notice")
    assert "row-level security" in str(refused.value)
    assert user_message(refused.value)  # said in words, not a traceback
    assert "Traceback" not in user_message(refused.value)
    with pytest.raises(peewee.DatabaseError):
        sessions.undo(rows["Anja Andersen"], sessions.Mark(None, None))
    assert SessionParticipant.get_by_id(rows["Anja Andersen"]).attendance == "sick"
    # Bo may not call a colleague's citizen in to a session he does not lead either;
    # to one he leads, he may.
    annas_session = GroupSessionIn(title="Jobsamtalen", day="03-11-2026")
    other = sessions.create_session(annas_session, leader_id=anna)
    with pytest.raises(peewee.DatabaseError):
        sessions.add_participant(other, annas)
    his = sessions.create_session(GroupSessionIn(title="Frokosthold", day="04-11-2026"))
    assert sessions.add_participant(his, annas)
    # Each mark is in its writer's name.
    writers = {
        row.mentor_id
        for row in AuditEntry.select().where(
            (AuditEntry.what == "session_participant") & (AuditEntry.action == "update")
        )
    }
    assert writers == {anna, bo}
    assert Mentor.get_by_id(anna).name == "Anna"
    storage.close_database()


def test_a_colleagues_edit_meanwhile_is_refused_naming_her_and_the_leader_is_chosen(team):
    from datetime import date

    from mentorterm.domain import versions
    from mentorterm.models import GroupSession
    from mentorterm.schemas.sessions import GroupSeriesEditIn, GroupSessionEditIn

    anna = as_mentor(team["anna"])
    sid = sessions.create_session(GroupSessionIn(title="CV-værksted", day="02-11-2026"))
    series = sessions.create_series(
        GroupSeriesEditIn(title="Hold", weekdays="1", first_day="02-11-2026", last_day="16-11-2026")
    )
    bo = as_mentor(team["bo"])
    # Bo opens the session's form; Anna moves it meanwhile.
    seen = versions.version_of("group_session", sid)
    data = GroupSessionEditIn(**{**sessions.session_input(sid).model_dump(), "place": "Salen"})
    as_mentor(team["anna"])
    moved = GroupSessionEditIn(**{**data.model_dump(), "place": "", "day": "03-11-2026"})
    sessions.update_session(sid, moved)
    as_mentor(team["bo"])
    with pytest.raises(versions.ChangedMeanwhile) as refused:
        with versions.expecting("group_session", sid, seen):
            sessions.update_session(sid, data)
    assert "Anna changed this record" in user_message(refused.value)
    # Bo hands the series to himself as leader: its later sessions follow.
    assert {name for _id, name in sessions.leaders()} >= {"Anna", "Bo"}
    change = sessions.update_series(
        series,
        GroupSeriesEditIn(**{**sessions.series_input(series).model_dump(), "leader_id": bo}),
        date(2026, 11, 9),
    )
    assert len(change.follow) == 2
    leaders = [
        s.leader_id
        for s in GroupSession.select().where(GroupSession.series == series).order_by(
            GroupSession.starts_at
        )
    ]  # fmt: skip
    assert leaders == [anna, bo, bo]
    storage.close_database()
