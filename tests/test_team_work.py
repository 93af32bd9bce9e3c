"""The team's work across mentors (domain/team.py, domain/cover.covering_for):
the colleagues I cover today, caseload sizes, the team's review mentor by
mentor with who decided, and the lead's overview. On both engines (on
PostgreSQL the test's login is the administrator's, who writes everything).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mentorterm.domain import courses
from mentorterm.domain.action_items import add_action_item
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.cover import add_cover, covering_for
from mentorterm.domain.review import iso_week_of, review_queue, save_decision
from mentorterm.domain.team import overview_cells, team_mentors, team_overview, team_review
from mentorterm.models import Citizen, Mentor
from mentorterm.schemas import ActionItemIn, CitizenIn, CourseIn

pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)  # ISO week 2026-W47


def on_course(name: str, mentor: Mentor) -> int:
    """A citizen on a course since 5 Oct, never met: in the week's review queue."""
    cid = create_citizen(CitizenIn(name=name))
    Citizen.update(mentor=mentor).where(Citizen.id == cid).execute()
    courses.start_course(
        cid,
        CourseIn(
            referral_date="01-10-2026",
            start_date="05-10-2026",
            planned_end="05-04-2027",
            purpose="ordinary_job",
        ),
    )
    return cid


@pytest.fixture
def two_mentors(database):
    anna = Mentor.create(name="Anna")
    bo = Mentor.create(name="Bo")
    ids = {
        "Birgit": on_course("Birgit Berg", bo),
        "Alma": on_course("Alma Ahmed", anna),
        "Aksel": on_course("Aksel Andersen", anna),
        "Bent": on_course("Bent Bach", bo),
    }
    return anna, bo, ids


def test_covering_for_is_the_colleagues_covered_on_the_day(two_mentors):
    anna, bo, _ids = two_mentors
    carl = Mentor.create(name="Carl")
    add_cover(bo.id, anna.id, TODAY - timedelta(days=2), TODAY)
    add_cover(bo.id, carl.id, TODAY + timedelta(days=1), TODAY + timedelta(days=5))
    assert covering_for(bo.id, TODAY) == {anna.id: "Anna"}
    assert covering_for(bo.id, TODAY + timedelta(days=1)) == {carl.id: "Carl"}
    assert covering_for(bo.id, TODAY - timedelta(days=3)) == {}
    assert covering_for(anna.id, TODAY) == {}  # Anna is covered, she covers no one


def test_team_mentors_count_each_caseload(two_mentors):
    anna, bo, ids = two_mentors
    # An archived citizen leaves the active caseload.
    Citizen.update(archived_on=TODAY).where(Citizen.id == ids["Bent"]).execute()
    sizes = {m.name: m.citizens for m in team_mentors(TODAY)}
    assert sizes["Anna"] == 2 and sizes["Bo"] == 1


def test_the_team_review_goes_mentor_by_mentor_in_the_queues_order(two_mentors):
    anna, bo, ids = two_mentors
    queue = [item.citizen_id for item in review_queue(TODAY)]
    groups = team_review(TODAY)
    names = [g.mentor_name for g in groups]
    assert names == ["Anna", "Bo"]  # by name; the database's default mentor has no one
    walked = [item.citizen_id for g in groups for item in g.items]
    assert sorted(walked) == sorted(queue)  # every citizen, once
    for group in groups:
        theirs = [item.citizen_id for item in group.items]
        assert theirs == [cid for cid in queue if cid in theirs]  # the queue's order kept
        assert {item.mentor_name for item in group.items} == {group.mentor_name}
    anna_group = next(g for g in groups if g.mentor_name == "Anna")
    assert {item.citizen_id for item in anna_group.items} == {ids["Alma"], ids["Aksel"]}
    mine = team_review(TODAY, only={bo.id})
    assert [g.mentor_name for g in mine] == ["Bo"]


def test_each_decision_names_who_decided_and_a_colleague_takes_it_over(two_mentors):
    anna, bo, ids = two_mentors
    week = iso_week_of(TODAY)
    now = datetime(2026, 11, 22, 10, 0)
    saved = save_decision(ids["Alma"], week, "Ring the supervisor", False, now, mentor_id=anna.id)
    assert saved.decided_by == "Anna"

    def decided() -> dict[int, tuple[str | None, str | None, bool]]:
        return {
            item.citizen_id: (item.decided_by, item.decision, item.reviewed)
            for group in team_review(TODAY)
            for item in group.items
        }

    assert decided()[ids["Alma"]] == ("Anna", "Ring the supervisor", False)
    # Bo goes on where Anna stopped: the decision is his now, marked reviewed.
    again = save_decision(
        ids["Alma"], week, "Ring the supervisor today", True, now, mentor_id=bo.id
    )
    assert again.decided_by == "Bo" and again.reviewed
    assert decided()[ids["Alma"]] == ("Bo", "Ring the supervisor today", True)
    assert decided()[ids["Aksel"]] == (None, None, False)


def test_the_overview_counts_per_mentor(two_mentors):
    anna, bo, ids = two_mentors
    late = ActionItemIn(what="Send the CV", owner="citizen", due_date=TODAY - timedelta(days=1))
    add_action_item(ids["Bent"], late)
    add_action_item(ids["Bent"], late.model_copy(update={"due_date": TODAY}))  # due today: not late
    add_action_item(ids["Alma"], late.model_copy(update={"due_date": None}))  # no day: not late
    week = iso_week_of(TODAY)
    save_decision(ids["Alma"], week, "Book a meeting", True, datetime(2026, 11, 22), anna.id)
    rows = {row.name: row for row in team_overview(TODAY)}
    signals = {item.citizen_id: len(item.signals) for item in review_queue(TODAY)}
    assert (rows["Anna"].citizens, rows["Anna"].in_review) == (2, 2)
    assert rows["Anna"].open_signals == signals[ids["Aksel"]]  # Alma is reviewed
    assert rows["Bo"].open_signals == signals[ids["Bent"]] + signals[ids["Birgit"]]
    assert (rows["Anna"].overdue, rows["Bo"].overdue) == (0, 1)
    assert overview_cells(rows["Bo"])[0] == "Bo" and overview_cells(rows["Bo"])[-1] == "1"


def test_a_decision_saves_only_over_the_version_that_was_shown(two_mentors):
    from mentorterm.domain.review import decision_for
    from mentorterm.domain.versions import ChangedMeanwhile

    anna, bo, ids = two_mentors
    week, now = iso_week_of(TODAY), datetime(2026, 11, 22, 10, 0)
    save_decision(ids["Alma"], week, "Anna's", False, now, mentor_id=anna.id)
    with pytest.raises(ChangedMeanwhile):  # Bo's screen showed none: Anna's came meanwhile
        save_decision(ids["Alma"], week, "Bo's", False, now, mentor_id=bo.id, seen_version=0)
    shown = decision_for(ids["Alma"], week)
    assert (shown.decision, shown.decided_by) == ("Anna's", "Anna")
    save_decision(ids["Alma"], week, "Anna's, later", False, now, mentor_id=anna.id)
    with pytest.raises(ChangedMeanwhile):  # Bo's screen still shows the first version
        save_decision(ids["Alma"], week, "Bo's", True, now, bo.id, seen_version=shown.version)
    assert decision_for(ids["Alma"], week).decision == "Anna's, later"
    fresh = decision_for(ids["Alma"], week)
    saved = save_decision(ids["Alma"], week, "Bo's", True, now, bo.id, seen_version=fresh.version)
    assert (saved.decided_by, saved.version) == ("Bo", fresh.version + 1)
