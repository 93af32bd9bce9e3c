"""Who may do what in the team database, enforced by the server's row-level
security (storage/team_access.py): every direction against a real server,
each mentor connected as their own login.
"""

from __future__ import annotations

import uuid
from urllib.parse import parse_qsl

import peewee
import psycopg
import pytest

from mentorterm import cli, storage
from mentorterm.domain import audit, caseload
from mentorterm.domain.citizens import create_citizen, handovers_of
from mentorterm.models import AuditEntry, Citizen, Course, Handover, Mentor, db
from mentorterm.schemas import CitizenIn

from .team_logins import PASSWORD, as_login


def citizen_of(url: str, name: str) -> int:
    storage.close_database()
    storage.open_database(url)
    cid = create_citizen(CitizenIn(name=name))
    storage.close_database()
    return cid


def test_each_mentor_is_themself_and_reads_the_whole_team(team):
    anna_citizen = citizen_of(team["anna"], "Anja Andersen")
    bo_citizen = citizen_of(team["bo"], "Bent Berg")
    storage.open_database(team["anna"])
    me = storage.ensure_default_mentor()
    assert me.name == "Anna"
    assert Citizen.get_by_id(anna_citizen).mentor_id == me.id
    everyone = {row.citizen_id for row in caseload.caseload(None, courses="all")}
    assert {anna_citizen, bo_citizen} <= everyone  # the team's citizens
    mine = {row.citizen_id for row in caseload.caseload(me.id, courses="all")}
    assert mine == {anna_citizen}


def test_a_mentor_writes_their_own_citizens_and_not_a_colleagues(team):
    anna_citizen = citizen_of(team["anna"], "Anja Andersen")
    bo_citizen = citizen_of(team["bo"], "Bent Berg")
    storage.open_database(team["anna"])
    Citizen.update(phone="+45 11 22 33 44").where(Citizen.id == anna_citizen).execute()
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(phone="+45 99").where(Citizen.id == bo_citizen).execute()
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Course.create(
            citizen=bo_citizen,
            referral_date="2026-10-01",
            start_date="2026-10-05",
            planned_end="2027-04-05",
            purpose="ordinary_job",
        )
    # Deleting a colleague's citizen finds nothing of theirs to delete.
    assert Citizen.delete().where(Citizen.id == bo_citizen).execute() == 0
    storage.close_database()
    storage.open_database(team["bo"])
    assert Citizen.get_by_id(bo_citizen).phone == ""
    assert Citizen.get_by_id(anna_citizen).phone == "+45 11 22 33 44"


def test_a_forged_citizen_under_a_colleagues_name_is_refused(team):
    storage.open_database(team["bo"])
    bo = storage.ensure_default_mentor().id
    storage.close_database()
    storage.open_database(team["anna"])
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.create(name="Forged", mentor=bo)
    assert not Citizen.select().where(Citizen.name == "Forged").exists()


def test_the_lead_reassigns_and_then_only_the_new_mentor_writes(team):
    cid = citizen_of(team["anna"], "Anja Andersen")
    storage.open_database(team["bo"])
    bo = storage.ensure_default_mentor().id
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(mentor=bo).where(Citizen.id == cid).execute()  # not his to take
    storage.close_database()
    storage.open_database(team["lead"])
    assert Citizen.update(mentor=bo).where(Citizen.id == cid).execute() == 1
    storage.close_database()
    storage.open_database(team["anna"])
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(phone="1").where(Citizen.id == cid).execute()
    storage.close_database()
    storage.open_database(team["bo"])
    assert Citizen.update(phone="2").where(Citizen.id == cid).execute() == 1


def test_the_audit_log_is_in_the_writers_name_and_never_changed(team):
    cid = citizen_of(team["anna"], "Anja Andersen")
    storage.open_database(team["anna"])
    anna = storage.ensure_default_mentor().id
    audit.open_record(cid)
    assert {row.mentor_id for row in AuditEntry.select()} == {anna}
    with pytest.raises(peewee.DatabaseError, match="permission denied"), db.atomic():
        AuditEntry.update(purpose="x").execute()
    with pytest.raises(peewee.DatabaseError, match="permission denied"), db.atomic():
        AuditEntry.delete().execute()
    assert audit.verify() == []


def test_a_login_that_is_no_mentor_is_told_so(team, team_url):
    stranger = f"stranger_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(team_url, autocommit=True) as conn:
        conn.execute(
            f"CREATE ROLE \"{stranger}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE mentorterm_mentor"
        )
        here = conn.execute("SELECT current_database()").fetchone()[0]
        conn.execute(f'GRANT CONNECT ON DATABASE "{here}" TO "{stranger}"')
    try:
        with pytest.raises(storage.StorageError, match="not a mentor of this team database"):
            storage.open_database(as_login(team_url, stranger))
    finally:
        storage.close_database()
        with psycopg.connect(team_url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{stranger}"')
            conn.execute(f'DROP ROLE "{stranger}"')


def test_only_the_lead_adds_mentors_and_a_deactivated_login_cannot_connect(team, team_url, capsys):
    status = cli.main(["team", "add-mentor", "x_" + uuid.uuid4().hex[:6], "--name", "X",
                       "--db", team["anna"]])  # fmt: skip
    storage.close_database()
    assert status == 1 and "ask your team lead" in capsys.readouterr().err.lower()
    login = dict(parse_qsl(team["bo"].partition("?")[2]))["user"]
    assert cli.main(["team", "deactivate-mentor", login, "--db", team_url]) == 0
    storage.close_database()
    with pytest.raises(storage.StorageError):
        storage.open_database(team["bo"])
    storage.open_database(team_url)
    assert Mentor.select().where(Mentor.name == "Bo").exists()  # the history stays


async def test_the_caseload_starts_with_my_citizens_and_M_shows_the_teams(team):
    from datetime import date

    from mentorterm.app import make_app

    citizen_of(team["anna"], "Anja Andersen")
    citizen_of(team["bo"], "Bent Berg")
    app = make_app(team["anna"], today=date(2026, 11, 22))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert [row.name for row in screen.rows] == ["Anja Andersen"]
        assert "mine (M)" in str(screen.query_one("#status").render())
        await pilot.press("v", "v")  # all courses (these two have none)
        await pilot.press("M")
        await pilot.pause()
        assert sorted(row.name for row in screen.rows) == ["Anja Andersen", "Bent Berg"]
        assert "the team's (M)" in str(screen.query_one("#status").render())
        await pilot.press("M")
        await pilot.pause()
        assert [row.name for row in screen.rows] == ["Anja Andersen"]


async def test_on_a_mentors_own_database_M_says_there_is_no_team(database):
    from mentorterm.app import make_app

    create_citizen(CitizenIn(name="Anja Andersen"))
    storage.close_database()
    app = make_app(database.database)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("v", "v", "M")
        await pilot.pause()
        assert [n.message for n in app._notifications][-1].startswith("Every citizen")
        assert [row.name for row in app.screen.rows] == ["Anja Andersen"]


async def test_a_mentor_on_the_team_database_is_not_asked_who_they_are(team):
    """The lead named the mentor (team add-mentor): no welcome question, and
    a name in the mentor's settings does not rename anyone in the team."""
    from mentorterm.app import make_app
    from mentorterm.domain.identity import save_mentor_identity

    save_mentor_identity("Someone Else", "")  # this computer's settings
    storage.close_database()
    app = make_app(team["anna"], ask_identity=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.close_database()
    storage.open_database(team["anna"])
    assert storage.ensure_default_mentor().name == "Anna"
    assert not Mentor.select().where(Mentor.name == "Someone Else").exists()


def test_the_lead_reassigns_with_the_command_and_a_mentor_is_refused_in_words(team, capsys):
    cid = citizen_of(team["anna"], "Anja Andersen")
    bo_login = dict(parse_qsl(team["bo"].partition("?")[2]))["user"]
    capsys.readouterr()
    # Bo cannot take Anna's citizen (a mentor hands over only their own).
    status = cli.main(["team", "reassign", bo_login, "--citizen", str(cid), "--db", team["bo"]])
    storage.close_database()
    said = capsys.readouterr()
    assert status == 1 and "not yours to change" in said.err, said
    assert "Traceback" not in said.err
    note = "Anja prefers mornings; her sister comes to the three-party meetings."
    status = cli.main(
        ["team", "reassign", bo_login, "--citizen", str(cid), "--note", note, "--db", team["lead"]]
    )
    storage.close_database()
    assert status == 0 and "is now" in capsys.readouterr().out
    storage.open_database(team["bo"])
    bo = storage.ensure_default_mentor().id
    assert Citizen.get_by_id(cid).mentor_id == bo
    # The handover stays in the history: both mentors, the day, the note.
    (handover,) = handovers_of(cid)
    anna_name = Mentor.get_by_id(Handover.get().from_mentor_id).name
    assert (handover.from_name, handover.to_name) == (anna_name, Mentor.get_by_id(bo).name)
    assert handover.note == note and handover.from_name != handover.to_name
    moved = AuditEntry.select().where(AuditEntry.detail.contains("mentor_id")).get()
    assert moved.citizen_id == cid and moved.action == "update"
    assert audit.verify() == []


def bo_covers_anna(team, starts: str, ends: str, by: str) -> int:
    """``team cover`` run by ``by``: Bo covers Anna's citizens from ``starts`` to ``ends``."""
    login = {who: dict(parse_qsl(team[who].partition("?")[2]))["user"] for who in team}
    command = ["team", "cover", login["bo"], "--for", login["anna"]]
    status = cli.main([*command, "--from", starts, "--to", ends, "--db", team[by]])
    storage.close_database()
    return status


def test_a_cover_lets_the_colleague_write_only_within_its_days(team, capsys):
    from datetime import date, timedelta

    from mentorterm.models import ActionItem, Cover

    cid = citizen_of(team["anna"], "Anja Andersen")
    today = date.today()

    def bo_writes() -> bool:
        storage.close_database()
        storage.open_database(team["bo"])
        try:
            with db.atomic():
                ActionItem.create(citizen=cid, what="Ring the supervisor", owner="mentor")
        except peewee.DatabaseError as exc:
            assert "row-level security" in str(exc)
            return False
        return True

    assert not bo_writes()  # no cover yet
    # Bo cannot grant himself Anna's citizens.
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Cover.create(
            mentor=Mentor.get(Mentor.name == "Bo"),
            covered=Mentor.get(Mentor.name == "Anna"),
            starts_on=today,
            ends_on=today,
        )
    storage.close_database()
    # A cover that ended yesterday gives nothing; one running today does (Anna sets them up).
    for starts, ends, allowed in ((-7, -1, False), (-1, 1, True)):
        status = bo_covers_anna(
            team, str(today + timedelta(days=starts)), str(today + timedelta(days=ends)), "anna"
        )
        assert status == 0 and "covers the citizens of" in capsys.readouterr().out
        assert bo_writes() is allowed
    # Covering is writing about the citizens, not taking them or changing their own row.
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(phone="1").where(Citizen.id == cid).execute()
    bo = storage.ensure_default_mentor().id
    assert {row.mentor_id for row in AuditEntry.select().where(AuditEntry.what == "cover")} == {
        Mentor.get(Mentor.name == "Anna").id
    }
    assert ActionItem.select().where(ActionItem.citizen == cid).count() == 1
    assert Citizen.get_by_id(cid).mentor_id != bo


def test_a_cover_that_ends_before_it_starts_is_refused_in_words(team, capsys):
    status = bo_covers_anna(team, "2026-12-21", "2026-12-20", "lead")
    said = capsys.readouterr()
    assert status == 1 and "ends before it starts" in said.err and "Traceback" not in said.err


def test_a_mentor_hands_over_their_own_citizen_and_not_a_colleagues(team):
    from datetime import date

    from mentorterm.domain import citizens
    from mentorterm.schemas import HandoverIn

    anna_citizen = citizen_of(team["anna"], "Anja Andersen")
    bo_citizen = citizen_of(team["bo"], "Bent Berg")
    storage.open_database(team["anna"])
    anna = storage.ensure_default_mentor().id
    choices = dict(citizens.handover_choices(anna_citizen))
    assert sorted(choices.values()) == ["Bo", "Lead"]  # the team's active mentors, not Anna
    bo = next(mid for mid, name in choices.items() if name == "Bo")
    lead = next(mid for mid, name in choices.items() if name == "Lead")
    # A colleague's citizen: neither to herself nor to anyone else.
    for to in (anna, lead):
        with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
            citizens.reassign_citizen(bo_citizen, to, note="mine now")
    # Taking a colleague's citizen needs no handover row to be refused, nor
    # does a forged handover row "from Bo" let her take it.
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Handover.create(citizen=bo_citizen, from_mentor=bo, to_mentor=anna)
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(mentor=anna).where(Citizen.id == bo_citizen).execute()
    # Her own citizen without a handover row stays hers.
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(mentor=bo).where(Citizen.id == anna_citizen).execute()
    # With the form's save it goes to Bo, with the note and the day.
    note = "Anja prefers mornings."
    citizens.hand_over(
        anna_citizen, HandoverIn(mentor_id=bo, handed_on=date(2026, 12, 1), note=note)
    )
    assert Citizen.get_by_id(anna_citizen).mentor_id == bo
    assert Citizen.get_by_id(bo_citizen).mentor_id == bo
    (handover,) = handovers_of(anna_citizen)
    assert (handover.from_name, handover.to_name, handover.note) == ("Anna", "Bo", note)
    # Now Bo's: Anna no longer writes about her, nor hands her on again.
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        Citizen.update(phone="1").where(Citizen.id == anna_citizen).execute()
    storage.close_database()
    storage.open_database(team["bo"])
    assert Citizen.update(phone="2").where(Citizen.id == anna_citizen).execute() == 1
    assert audit.verify() == []


def test_a_deactivated_mentor_is_nobody_to_hand_over_to(team, team_url):
    from mentorterm.domain import citizens

    cid = citizen_of(team["anna"], "Anja Andersen")
    login = dict(parse_qsl(team["bo"].partition("?")[2]))["user"]
    assert cli.main(["team", "deactivate-mentor", login, "--db", team_url]) == 0
    storage.close_database()
    storage.open_database(team["anna"])
    assert [name for _id, name in citizens.handover_choices(cid)] == ["Lead"]


def test_what_a_covering_mentor_writes_is_shown_as_covering_for_the_colleague(team, capsys):
    from datetime import date, timedelta

    from mentorterm.domain.action_items import add_action_item
    from mentorterm.schemas import ActionItemIn

    cid = citizen_of(team["anna"], "Anja Andersen")
    today = date.today()
    span = (str(today - timedelta(days=1)), str(today + timedelta(days=1)))
    assert bo_covers_anna(team, *span, "anna") == 0
    storage.open_database(team["bo"])
    item = add_action_item(cid, ActionItemIn(what="Ring the supervisor", owner="mentor"))
    bo = storage.ensure_default_mentor().id
    rows = [e for e in audit.entries(cid) if e.record_id == item and e.what == "action_item"]
    assert [(e.mentor_id, e.covering_for) for e in rows] == [(bo, "Anna")]
    # Anna's own rows about her citizen are hers, not covering.
    assert all(e.covering_for is None for e in audit.entries(cid) if e.mentor_id != bo)
    assert "Bo (covering for Anna)" in [a.who for a in audit.accesses_of(cid)]
    # Covering is not owning: Bo cannot hand Anna's citizen over, not even to himself.
    from mentorterm.domain.citizens import reassign_citizen

    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        reassign_citizen(cid, bo, note="mine now")
    assert Citizen.get_by_id(cid).mentor_id != bo
