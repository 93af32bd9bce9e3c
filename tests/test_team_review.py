"""Team work on a real team database, each mentor their own login: the
review's decisions under row-level security (any mentor decides about any
of the team's citizens, in their own name, never a colleague's), and the
screens with real keys (the caseload's scopes, the team's review walked by
one and seen by the other, the lead's overview).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

import peewee
import pytest
from textual.widgets import DataTable, Static

from mentorterm import cli, storage
from mentorterm.app import make_app
from mentorterm.domain import courses, drafts
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.review import iso_week_of, save_decision
from mentorterm.models import Draft, Mentor, ReviewNote, db
from mentorterm.schemas import CitizenIn, CourseIn
from tests.test_team_access import bo_covers_anna, citizen_of

TODAY = date.today()  # the server's day decides whether a cover runs
WEEK = iso_week_of(TODAY)
SIZE = (120, 36)


def on_course(url: str, name: str) -> int:
    """A citizen of the login's mentor, on a course for six weeks and never met."""
    storage.close_database()
    storage.open_database(url)
    cid = create_citizen(CitizenIn(name=name))
    start = TODAY - timedelta(days=42)
    courses.start_course(
        cid,
        CourseIn(
            referral_date=start - timedelta(days=4),
            start_date=start,
            planned_end=start + timedelta(days=180),
            purpose="ordinary_job",
        ),
    )
    storage.close_database()
    return cid


def mentor_id(url: str) -> int:
    storage.close_database()
    storage.open_database(url)
    found = storage.ensure_default_mentor().id
    storage.close_database()
    return found


# --- row-level security ---------------------------------------------------------------


def test_a_mentor_records_a_decision_about_a_colleagues_citizen_in_their_own_name(team):
    anna_citizen = citizen_of(team["anna"], "Anja Andersen")
    anna, bo = mentor_id(team["anna"]), mentor_id(team["bo"])
    storage.open_database(team["bo"])
    # In a colleague's name: refused, whether made or changed.
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        ReviewNote.create(citizen=anna_citizen, mentor=anna, iso_week=WEEK, decision="Forged")
    saved = save_decision(anna_citizen, WEEK, "Ring the supervisor", False, datetime.now())
    assert saved.decided_by == "Bo"
    note = ReviewNote.get(ReviewNote.citizen == anna_citizen)
    assert note.mentor_id == bo
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        ReviewNote.update(mentor=anna).where(ReviewNote.id == note.id).execute()
    storage.close_database()
    # Anna goes on where Bo stopped: the decision is hers now, in her name.
    storage.open_database(team["anna"])
    assert ReviewNote.get_by_id(note.id).decision == "Ring the supervisor"  # she reads his
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        # A change left in Bo's name is a change in a colleague's name.
        ReviewNote.update(decision="x").where(ReviewNote.id == note.id).execute()
    again = save_decision(anna_citizen, WEEK, "Ring the supervisor today", True, datetime.now())
    assert again.decided_by == "Anna" and again.reviewed
    assert ReviewNote.get_by_id(note.id).mentor_id == anna
    storage.close_database()
    # Nor does the lead, who writes all, decide in a colleague's name.
    storage.open_database(team["lead"])
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        ReviewNote.update(mentor=bo).where(ReviewNote.id == note.id).execute()
    assert save_decision(anna_citizen, WEEK, "Lead's", True, datetime.now()).decided_by == "Lead"


def test_a_decision_is_removed_by_its_author_or_the_citizens_mentor_not_by_a_third(team):
    anna_citizen = citizen_of(team["anna"], "Anja Andersen")
    lead_citizen = citizen_of(team["lead"], "Lone Lund")
    storage.open_database(team["bo"])
    save_decision(anna_citizen, WEEK, "Bo's, about Anna's citizen", False, datetime.now())
    storage.close_database()
    storage.open_database(team["anna"])
    save_decision(lead_citizen, WEEK, "Anna's, about the lead's citizen", False, datetime.now())
    storage.close_database()
    storage.open_database(team["bo"])  # neither his citizen nor his decision: nothing goes
    assert ReviewNote.delete().where(ReviewNote.citizen == lead_citizen).execute() == 0
    storage.close_database()
    storage.open_database(team["anna"])
    # Her own decision, and Bo's about her citizen (an erasure takes the citizen's rows).
    assert ReviewNote.delete().where(ReviewNote.citizen == lead_citizen).execute() == 1
    assert ReviewNote.delete().where(ReviewNote.citizen == anna_citizen).execute() == 1


def test_the_decision_being_typed_is_kept_for_a_colleagues_citizen_and_nothing_else(team):
    anna_citizen = citizen_of(team["anna"], "Anja Andersen")
    storage.open_database(team["bo"])
    key = drafts.draft_key("review-decision", citizen=anna_citizen, week=WEEK)
    values = {"form": "review-decision", "fields": {"decision": "Ring"}}
    drafts.save_draft(key, values, title="Review decision", citizen_id=anna_citizen)
    assert Draft.select().where(Draft.key == key).exists()
    other = drafts.draft_key("meeting-note", citizen=anna_citizen, meeting=None)
    with pytest.raises(peewee.DatabaseError, match="row-level security"), db.atomic():
        drafts.save_draft(other, values, title="A note", citizen_id=anna_citizen)
    drafts.discard_draft(key)
    assert not Draft.select().where(Draft.key == key).exists()


# --- the screens ----------------------------------------------------------------------


def names_on(screen) -> list[str]:
    return [row.name for row in screen.rows]


async def test_the_caseload_lists_mine_with_those_i_cover_then_the_teams_then_a_colleagues(team):
    on_course(team["anna"], "Anja Andersen")
    on_course(team["bo"], "Bent Berg")
    on_course(team["lead"], "Lone Lund")
    assert bo_covers_anna(team, str(TODAY), str(TODAY + timedelta(days=7)), "anna") == 0
    app = make_app(team["bo"], today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert names_on(screen) == ["Anja Andersen", "Bent Berg"]  # mine and Anna's
        name_cell = str(screen._cells_of(screen.rows[0])[0])
        assert name_cell == "↪ Anja Andersen · covering for Anna"
        assert str(screen._cells_of(screen.rows[1])[0]) == "Bent Berg"
        status = str(screen.query_one("#status").render())
        assert "mine + covering for Anna (M)" in status
        await pilot.press("M")
        await pilot.pause()
        assert names_on(screen) == ["Anja Andersen", "Bent Berg", "Lone Lund"]
        assert str(screen._cells_of(screen.rows[0])[0]) == "Anja Andersen"  # no mark here
        await pilot.press("C")  # a colleague: the team's mentors but me, with their sizes
        await pilot.pause()
        picker = app.screen.query_one(DataTable)
        labels = [str(picker.get_row_at(i)[0]) for i in range(picker.row_count)]
        assert labels == ["Anna · 1 citizen", "Lead · 1 citizen"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert names_on(screen) == ["Lone Lund"]
        assert "Lead's (C)" in str(screen.query_one("#status").render())
        await pilot.press("M")  # from a colleague's back to mine
        await pilot.pause()
        assert names_on(screen) == ["Anja Andersen", "Bent Berg"]
        # The review: the team's queue; M, mine: Bo's own and Anna's, whom he covers.
        await pilot.press("R")
        await pilot.pause()
        assert [r[0] for r in queue_rows(app)][::2] == ["Anna (1)", "Bo (1)", "Lead (1)"]
        await pilot.press("M")
        await pilot.pause()
        assert [r[0] for r in queue_rows(app)] == [
            "Anna (1)",
            "Anja Andersen",
            "Bo (1)",
            "Bent Berg",
        ]
        title = str(app.screen.query_one("#review-title", Static).render())
        assert "mine + covering for Anna (M)" in title


def queue_rows(app) -> list[tuple[str, str]]:
    table = app.screen.query_one("#review-queue", DataTable)
    return [
        (str(table.get_row_at(i)[0]), str(table.get_row_at(i)[2])) for i in range(table.row_count)
    ]


async def test_the_team_walks_the_review_mentor_by_mentor_and_the_other_sees_the_decisions(team):
    on_course(team["anna"], "Anja Andersen")
    on_course(team["anna"], "Asger Aagaard")
    on_course(team["bo"], "Bent Berg")
    app = make_app(team["anna"], today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        rows = queue_rows(app)
        # A heading per mentor by name; within, the queue's order (equal urgency: by name).
        assert [r[0] for r in rows] == [
            "Anna (2)",
            "Anja Andersen",
            "Asger Aagaard",
            "Bo (1)",
            "Bent Berg",
        ]
        title = str(app.screen.query_one("#review-title", Static).render())
        assert "the team's (M)" in title and "0 of 3 reviewed" in title
        assert app.screen.current().name == "Anja Andersen"  # on a citizen, not a heading
        # Walk: a decision for each of Anna's, on past the heading to Bo's citizen.
        for text in ("Book a meeting", "Ring the supervisor"):
            await pilot.press("d", *text, "ctrl+s")
            await pilot.pause()
        assert app.screen.current().name == "Bent Berg"
        await pilot.press("d", *"Three-party meeting", "ctrl+s")
        await pilot.pause()
        assert all(mark == "✓" for name, mark in queue_rows(app) if "(" not in name)
        await pilot.press("up")  # over Bo's heading to Anna's last citizen
        await pilot.pause()
        assert app.screen.current().name == "Asger Aagaard"
        await pilot.press("up", "up")  # over Anna's heading: no citizen above, stays on one
        await pilot.pause()
        assert app.screen.current().name == "Anja Andersen"
        await pilot.press("M")  # mine: Anna's citizens only
        await pilot.pause()
        assert [r[0] for r in queue_rows(app)] == ["Anna (2)", "Anja Andersen", "Asger Aagaard"]
        assert "mine (M)" in str(app.screen.query_one("#review-title", Static).render())
    storage.close_database()
    # Bo, at his own terminal, sees the decisions recorded and who decided.
    app = make_app(team["bo"], today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        title = str(app.screen.query_one("#review-title", Static).render())
        assert "3 of 3 reviewed" in title
        facts = str(app.screen.query_one("#review-facts", Static).render())
        assert "Decided by Anna" in facts
        bent = next(i for i in app.screen.items if i.name == "Bent Berg")
        assert bent.decision == "Three-party meeting" and bent.decided_by == "Anna"
        assert bent.mentor_name == "Bo"
    storage.close_database()
    storage.open_database(team["bo"])
    anna = Mentor.get(Mentor.name == "Anna").id
    assert {n.mentor_id for n in ReviewNote.select()} == {anna}


async def test_the_leads_overview_from_the_caseload(team, capsys):
    bent = on_course(team["bo"], "Bent Berg")
    on_course(team["anna"], "Anja Andersen")
    storage.open_database(team["bo"])
    from mentorterm.domain.action_items import add_action_item
    from mentorterm.schemas import ActionItemIn

    late = ActionItemIn(what="Send the CV", owner="citizen", due_date=TODAY - timedelta(days=2))
    add_action_item(bent, late)
    storage.close_database()
    app = make_app(team["lead"], today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("O")
        await pilot.pause()
        assert type(app.screen).__name__ == "TeamOverviewScreen"
        table = app.screen.query_one("#team-overview", DataTable)
        rows = {str(r[0]): [str(c) for c in r[1:]] for r in map(table.get_row_at, range(3))}
        assert rows["Bo"][0] == "1" and rows["Bo"][1] == "1" and rows["Bo"][3] == "1"
        assert rows["Anna"][3] == "0" and rows["Lead"][0] == "0"
        assert int(rows["Bo"][2]) >= 1  # open signals, none reviewed yet
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        await pilot.press("O", "down", "enter")  # Anna, Bo: Bo's caseload
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert names_on(app.screen) == ["Bent Berg"]
        assert "Bo's (C)" in str(app.screen.query_one("#status").render())
    storage.close_database()
    capsys.readouterr()
    # the same day as the screen's, even when the test runs across midnight
    as_of = TODAY.isoformat()
    assert cli.main(["team", "overview", "--as-of", as_of, "--db", team["anna"]]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split()[:2] == ["Mentor", "Citizens"]
    bo_line = next(line for line in printed if line.startswith("Bo "))
    assert bo_line.split()[1:] == rows["Bo"]


async def test_on_a_mentors_own_database_the_overview_says_there_is_no_team(database, capsys):
    create_citizen(CitizenIn(name="Anja Andersen"))
    storage.close_database()
    app = make_app(database.database)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("O")
        await pilot.pause()
        note = str(app.screen.query_one("#overview-note", Static).render())
        assert "This is your own database" in note
        assert not app.screen.query_one("#team-overview", DataTable).display
        # The review is the mentor's own queue, as it always was: no headings, no team.
        await pilot.press("escape", "R")
        await pilot.pause()
        assert "(M)" not in str(app.screen.query_one("#review-title", Static).render())
        await pilot.press("M")
        await pilot.pause()
        assert [n.message for n in app._notifications][-1].startswith("Every citizen")
    storage.close_database()
    assert cli.main(["team", "overview", "--db", str(database.database)]) == 1
    assert "works on a team database" in capsys.readouterr().err


ANNA_DECIDES = """
import sys
from datetime import datetime
from mentorterm import storage
from mentorterm.domain.review import save_decision
storage.open_database(sys.argv[1])
save_decision(int(sys.argv[2]), sys.argv[3], "Anna rings the supervisor", True, datetime.now())
storage.close_database()
"""


async def test_a_decision_recorded_at_another_terminal_shows_when_its_citizen_is_in_focus(team):
    on_course(team["anna"], "Anja Andersen")
    asger = on_course(team["anna"], "Asger Aagaard")
    on_course(team["bo"], "Bent Berg")
    app = make_app(team["bo"], today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert app.screen.current().name == "Anja Andersen"
        # Meanwhile Anna, at her own terminal (her own login), decides about Asger.
        subprocess.run(
            [sys.executable, "-c", ANNA_DECIDES, team["anna"], str(asger), WEEK],
            check=True,
            timeout=120,
        )
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.current().name == "Asger Aagaard"
        facts = str(app.screen.query_one("#review-facts", Static).render())
        assert "Decided by Anna" in facts
        assert app.screen.query_one("#decision").text == "Anna rings the supervisor"
        assert ("Asger Aagaard", "✓") in queue_rows(app)
        assert "1 of 3 reviewed" in str(app.screen.query_one("#review-title", Static).render())


async def test_a_decision_over_a_colleagues_made_meanwhile_is_refused_and_the_text_kept(team):
    anja = on_course(team["anna"], "Anja Andersen")
    on_course(team["bo"], "Bent Berg")
    app = make_app(team["bo"], today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert app.screen.current().name == "Anja Andersen"
        subprocess.run(  # Anna decides about Anja at her own terminal, after Bo's screen read
            [sys.executable, "-c", ANNA_DECIDES, team["anna"], str(anja), WEEK],
            check=True,
            timeout=120,
        )
        await pilot.press("d", *"Bo's idea", "ctrl+s")
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert any("Anna changed this record" in message for message in told), told
        storage_note = ReviewNote.get(ReviewNote.citizen == anja)
        assert storage_note.decision == "Anna rings the supervisor"  # not overwritten unseen
        # Back on Anja: Anna's decision is shown as hers, Bo's text back in the box.
        while app.screen.current().name != "Anja Andersen":
            await pilot.press("k")
            await pilot.pause()
        facts = str(app.screen.query_one("#review-facts", Static).render())
        assert "Decided by Anna" in facts
        assert app.screen.query_one("#decision").text == "Bo's idea"
        # Now that he has seen hers, his own saves, in his name.
        await pilot.press("d", "end", *" too", "ctrl+s")
        await pilot.pause()
        note = ReviewNote.get(ReviewNote.citizen == anja)
        assert note.decision == "Bo's idea too" and note.mentor.name == "Bo"
