"""The asymmetric-alliance domain (mentorterm/domain/subgoals.py), without screens.

tests/test_subgoals.py has the first domain tests and the screen tests; these
go through the edges: every score, every status, the priority order under any
sequence of changes, the target-date boundary, and what presentation mode may
show.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorterm import storage
from mentorterm.domain import subgoals as alliance
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.models import (
    ActionItem,
    AllianceScore,
    Course,
    LogbookEntry,
    Meeting,
    Placement,
    ReviewNote,
    SubGoal,
)
from mentorterm.schemas import AllianceScoreIn, CitizenIn, SubGoalIn, SubGoalStatusIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


def score(day: date, value: int, **answers) -> AllianceScoreIn:
    return AllianceScoreIn(scored_on=day, citizen_score=value, **answers)


def status(value: str, day: date = TODAY, note: str = "") -> SubGoalStatusIn:
    return SubGoalStatusIn(status=value, status_date=day, status_note=note)


@pytest.fixture
def citizen(database) -> int:
    return create_citizen(CitizenIn(name="Mette Jørgensen"))


@pytest.fixture
def goal(citizen) -> int:
    return alliance.create_sub_goal(citizen, SubGoalIn(title="Come on time twice a week"))


def active_order(citizen_id: int) -> list[tuple[int, int]]:
    """(id, priority) of the citizen's active sub-goals as the list shows them."""
    return [
        (r.id, r.priority)
        for r in alliance.sub_goal_rows(citizen_id, TODAY)
        if r.status == "active"
    ]


# --- the scale -----------------------------------------------------------------


@pytest.mark.parametrize(("citizen_score", "mentor"), [(n, 10 - n) for n in range(1, 11)])
def test_complement_of_every_score(citizen_score, mentor):
    assert alliance.complement(citizen_score) == mentor


@pytest.mark.parametrize("value", [-5, 0, 11, 100])
def test_complement_refuses_off_the_scale(value):
    with pytest.raises(DomainError, match="1 to 10"):
        alliance.complement(value)


@pytest.mark.parametrize(
    ("scores", "direction", "change"),
    [
        ([], "none", 0),
        ([4], "none", 0),
        ([3, 5], "up", 2),
        ([3, 9, 4], "up", 1),
        ([7, 2], "down", -5),
        ([5, 1, 5], "flat", 0),
        ([6, 6, 6], "flat", 0),
    ],
)
def test_trend_cases(scores, direction, change):
    result = alliance.trend(scores)
    assert (result.direction, result.change, result.count) == (direction, change, len(scores))
    assert result.first == (scores[0] if scores else None)
    assert result.latest == (scores[-1] if scores else None)
    assert result.best == (max(scores) if scores else None)


@given(st.lists(st.integers(1, 10), min_size=2, max_size=50))
def test_trend_direction_follows_the_sign_of_the_change(scores):
    result = alliance.trend(scores)
    assert result.change == result.latest - result.first == scores[-1] - scores[0]
    sign = (result.change > 0) - (result.change < 0)
    assert result.direction == {1: "up", -1: "down", 0: "flat"}[sign]
    assert result.best >= max(result.first, result.latest)


# --- scoring -------------------------------------------------------------------


def test_score_is_stored_with_the_default_mentor_and_answers(goal):
    from mentorterm.storage import ensure_default_mentor

    score_id = alliance.score_sub_goal(
        goal, score(TODAY, 4, what_it_takes="sleep", own_actions="alarm", help_needed="a call")
    )
    row = AllianceScore.get_by_id(score_id)
    assert row.mentor_id == ensure_default_mentor().id
    assert (row.citizen_score, row.mentor_score) == (4, 6)
    assert (row.what_it_takes, row.own_actions, row.help_needed) == ("sleep", "alarm", "a call")


def test_same_day_score_raises_and_writes_nothing(goal):
    first = alliance.score_sub_goal(goal, score(TODAY, 3, own_actions="alarm"))
    before = [(s.id, s.citizen_score, s.own_actions) for s in AllianceScore.select()]
    with pytest.raises(alliance.SameDayScore) as raised:
        alliance.score_sub_goal(goal, score(TODAY, 8, own_actions="other"))
    assert isinstance(raised.value, DomainError)
    assert (raised.value.existing_id, raised.value.existing_score) == (first, 3)
    assert [(s.id, s.citizen_score, s.own_actions) for s in AllianceScore.select()] == before


def test_replace_updates_the_same_row(goal):
    first = alliance.score_sub_goal(goal, score(TODAY, 3, own_actions="alarm"))
    again = alliance.score_sub_goal(goal, score(TODAY, 8, what_it_takes="courage"), replace=True)
    assert again == first
    assert [
        (s.citizen_score, s.what_it_takes, s.own_actions) for s in alliance.score_history(goal)
    ] == [(8, "courage", "")]


def test_replace_on_a_new_day_simply_adds(goal):
    alliance.score_sub_goal(goal, score(TODAY - timedelta(days=7), 3))
    alliance.score_sub_goal(goal, score(TODAY, 5), replace=True)
    assert [s.citizen_score for s in alliance.score_history(goal)] == [3, 5]


def test_history_is_in_date_order_whatever_the_order_of_entry(goal):
    days = [TODAY, TODAY - timedelta(days=28), TODAY - timedelta(days=14)]
    for day, value in zip(days, (6, 2, 4), strict=True):
        alliance.score_sub_goal(goal, score(day, value, help_needed=f"help {value}"))
    history = alliance.score_history(goal)
    assert [s.scored_on for s in history] == sorted(days)
    assert [(s.citizen_score, s.mentor_score, s.help_needed) for s in history] == [
        (2, 8, "help 2"),
        (4, 6, "help 4"),
        (6, 4, "help 6"),
    ]


def test_a_score_may_be_backfilled_before_the_sub_goal_was_created(goal):
    alliance.score_sub_goal(goal, score(date(2020, 3, 1), 2))
    assert alliance.score_history(goal)[0].scored_on == date(2020, 3, 1)


def test_previous_answers(goal):
    assert alliance.previous_answers(goal) is None
    alliance.score_sub_goal(goal, score(TODAY - timedelta(days=14), 3, own_actions="alarm"))
    alliance.score_sub_goal(goal, score(TODAY, 5, own_actions="bus"))
    assert alliance.previous_answers(goal).own_actions == "bus"
    assert alliance.previous_answers(goal, before=TODAY).own_actions == "alarm"
    assert alliance.previous_answers(goal, before=TODAY - timedelta(days=14)) is None


def test_history_belongs_to_its_own_sub_goal(citizen, goal):
    other = alliance.create_sub_goal(citizen, SubGoalIn(title="Other"))
    alliance.score_sub_goal(goal, score(TODAY, 3))
    alliance.score_sub_goal(other, score(TODAY, 9))
    assert [s.citizen_score for s in alliance.score_history(goal)] == [3]
    assert alliance.previous_answers(other).citizen_score == 9


@pytest.mark.parametrize("state", ["achieved", "paused", "dropped"])
def test_only_an_active_sub_goal_is_scored(goal, state):
    alliance.set_status(goal, status(state))
    with pytest.raises(DomainError, match="Only an active sub-goal") as refused:
        alliance.score_sub_goal(goal, score(TODAY, 5))
    assert state in str(refused.value)
    assert AllianceScore.select().count() == 0
    alliance.set_status(goal, status("active"))  # active again: scored as before
    alliance.score_sub_goal(goal, score(TODAY, 5))
    assert AllianceScore.select().count() == 1


def test_a_missing_sub_goal_is_not_found(database):
    with pytest.raises(NotFound):
        alliance.score_sub_goal(999, score(TODAY, 5))
    with pytest.raises(NotFound):
        alliance.set_status(999, status("paused"))
    with pytest.raises(NotFound):
        alliance.move_priority(999, 1)
    with pytest.raises(NotFound):
        alliance.sub_goal_input(999)
    with pytest.raises(NotFound):
        alliance.create_sub_goal(999, SubGoalIn(title="x"))
    assert alliance.score_history(999) == []


# --- life cycle and priority -----------------------------------------------------


def test_edit_round_trip_keeps_the_priority(citizen):
    first = alliance.create_sub_goal(citizen, SubGoalIn(title="A"))
    second = alliance.create_sub_goal(citizen, SubGoalIn(title="B"))
    data = SubGoalIn(
        title="B, sharper",
        description="on Tuesdays",
        success_criterion="4 of 4",
        area="work",
        target_date=TODAY,
        priority=1,
    )
    alliance.update_sub_goal(second, data)
    again = alliance.sub_goal_input(second)
    assert again.model_dump(exclude={"priority"}) == data.model_dump(exclude={"priority"})
    assert again.priority == 2
    assert active_order(citizen) == [(first, 1), (second, 2)]


def test_new_sub_goals_go_last_or_where_asked(citizen):
    a = alliance.create_sub_goal(citizen, SubGoalIn(title="A"))
    b = alliance.create_sub_goal(citizen, SubGoalIn(title="B"))
    top = alliance.create_sub_goal(citizen, SubGoalIn(title="Top", priority=1))
    far = alliance.create_sub_goal(citizen, SubGoalIn(title="Far", priority=99))
    assert active_order(citizen) == [(top, 1), (a, 2), (b, 3), (far, 4)]


def test_a_course_of_another_citizen_is_refused(citizen):
    other = create_citizen(CitizenIn(name="Other"))
    course = Course.create(
        citizen=other,
        referral_date=TODAY,
        start_date=TODAY,
        planned_end=TODAY + timedelta(days=90),
        purpose="flexjob",
    )
    with pytest.raises(DomainError, match="not one of this citizen's courses"):
        alliance.create_sub_goal(citizen, SubGoalIn(title="A"), course_id=course.id)
    with pytest.raises(DomainError):
        alliance.create_sub_goal(citizen, SubGoalIn(title="A"), course_id=12345)
    assert SubGoal.select().count() == 0
    own = Course.create(
        citizen=citizen,
        referral_date=TODAY,
        start_date=TODAY,
        planned_end=TODAY + timedelta(days=90),
        purpose="flexjob",
    )
    goal = alliance.create_sub_goal(citizen, SubGoalIn(title="A"), course_id=own.id)
    assert SubGoal.get_by_id(goal).course_id == own.id


def test_move_at_the_edges_is_a_no_op(citizen):
    ids = [alliance.create_sub_goal(citizen, SubGoalIn(title=t)) for t in "ABC"]
    alliance.move_priority(ids[0], -1)
    alliance.move_priority(ids[2], +1)
    assert active_order(citizen) == [(ids[0], 1), (ids[1], 2), (ids[2], 3)]
    alliance.move_priority(ids[2], -1)
    assert active_order(citizen) == [(ids[0], 1), (ids[2], 2), (ids[1], 3)]
    alliance.move_priority(ids[0], +1)
    assert active_order(citizen) == [(ids[2], 1), (ids[0], 2), (ids[1], 3)]


def test_move_skips_sub_goals_that_are_not_active(citizen):
    a, b, c = (alliance.create_sub_goal(citizen, SubGoalIn(title=t)) for t in "ABC")
    alliance.set_status(b, status("paused"))
    assert active_order(citizen) == [(a, 1), (c, 2)]
    alliance.move_priority(c, -1)
    assert active_order(citizen) == [(c, 1), (a, 2)]
    alliance.move_priority(b, -1)  # not active: nothing moves
    assert active_order(citizen) == [(c, 1), (a, 2)]


@pytest.mark.parametrize("direction", [0, 2, -2])
def test_move_direction_is_one_step(goal, direction):
    with pytest.raises(ValueError):
        alliance.move_priority(goal, direction)


def test_status_round_trip(citizen):
    a, b, c = (alliance.create_sub_goal(citizen, SubGoalIn(title=t)) for t in "ABC")
    alliance.set_status(a, status("paused", TODAY - timedelta(days=3), "Hospital stay"))
    row = next(r for r in alliance.sub_goal_rows(citizen, TODAY) if r.id == a)
    assert (row.status, row.status_date, row.status_note) == (
        "paused",
        TODAY - timedelta(days=3),
        "Hospital stay",
    )
    assert active_order(citizen) == [(b, 1), (c, 2)]
    alliance.set_status(a, status("active", TODAY, "Back from hospital"))
    assert active_order(citizen) == [(b, 1), (c, 2), (a, 3)]  # back, last
    alliance.set_status(b, status("active", TODAY, "Still on it"))  # already active: stays
    assert active_order(citizen) == [(b, 1), (c, 2), (a, 3)]


def test_rows_active_first_then_paused_achieved_dropped(citizen):
    ids = {
        t: alliance.create_sub_goal(citizen, SubGoalIn(title=t))
        for t in ("dropped", "achieved", "paused", "active 1", "active 2")
    }
    for state in ("dropped", "achieved", "paused"):
        alliance.set_status(ids[state], status(state))
    alliance.move_priority(ids["active 2"], -1)
    rows = alliance.sub_goal_rows(citizen, TODAY)
    assert [r.title for r in rows] == ["active 2", "active 1", "paused", "achieved", "dropped"]
    assert [r.priority for r in rows[:2]] == [1, 2]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["up", "down", "new", "pause", "activate"]), st.integers(0, 9)),
        max_size=25,
    )
)
def test_priorities_stay_one_to_n_and_unique(actions):
    """Any mix of moves, new sub-goals and status changes keeps 1..n, and moves swap."""
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "t.db")
        try:
            citizen_id = create_citizen(CitizenIn(name="A"))
            expected = [
                alliance.create_sub_goal(citizen_id, SubGoalIn(title=f"G{n}")) for n in range(3)
            ]
            paused: list[int] = []
            for action, pick in actions:
                if action == "new":
                    expected.append(alliance.create_sub_goal(citizen_id, SubGoalIn(title="N")))
                elif action == "activate" and paused:
                    goal_id = paused.pop(pick % len(paused))
                    alliance.set_status(goal_id, status("active"))
                    expected.append(goal_id)
                elif action in ("up", "down", "pause") and expected:
                    index = pick % len(expected)
                    goal_id = expected[index]
                    if action == "pause":
                        alliance.set_status(goal_id, status("paused"))
                        paused.append(expected.pop(index))
                        continue
                    step = -1 if action == "up" else 1
                    alliance.move_priority(goal_id, step)
                    if 0 <= index + step < len(expected):
                        expected[index], expected[index + step] = (
                            expected[index + step],
                            expected[index],
                        )
            order = active_order(citizen_id)
            assert [goal_id for goal_id, _ in order] == expected
            assert [priority for _, priority in order] == list(range(1, len(expected) + 1))
        finally:
            storage.close_database()


# --- the list ----------------------------------------------------------------------


@pytest.mark.parametrize(("offset", "passed"), [(-30, True), (-1, True), (0, False), (1, False)])
def test_target_passed_at_the_boundary(citizen, offset, passed):
    goal = alliance.create_sub_goal(
        citizen, SubGoalIn(title="A", target_date=TODAY + timedelta(days=offset))
    )
    assert alliance.sub_goal_rows(citizen, TODAY)[0].target_passed is passed
    alliance.set_status(goal, status("achieved"))  # only an active goal can be late
    assert alliance.sub_goal_rows(citizen, TODAY)[0].target_passed is False


def test_target_passed_the_day_after(citizen):
    alliance.create_sub_goal(citizen, SubGoalIn(title="A", target_date=TODAY))
    assert not alliance.sub_goal_rows(citizen, TODAY)[0].target_passed
    assert alliance.sub_goal_rows(citizen, TODAY + timedelta(days=1))[0].target_passed


def test_a_sub_goal_without_a_target_is_never_late(citizen):
    alliance.create_sub_goal(citizen, SubGoalIn(title="A"))
    row = alliance.sub_goal_rows(citizen, date(2050, 1, 1))[0]
    assert (row.target_date, row.target_passed) == (None, False)


def test_row_scores_and_days_since_last_scored(citizen, goal):
    row = alliance.sub_goal_rows(citizen, TODAY)[0]
    assert (row.history, row.latest_score, row.mentor_score, row.days_since_scored) == (
        [],
        None,
        None,
        None,
    )
    alliance.score_sub_goal(goal, score(TODAY - timedelta(days=30), 2))
    alliance.score_sub_goal(goal, score(TODAY - timedelta(days=12), 5))
    row = alliance.sub_goal_rows(citizen, TODAY)[0]
    assert (row.history, row.latest_score, row.mentor_score, row.days_since_scored) == (
        [2, 5],
        5,
        5,
        12,
    )
    alliance.score_sub_goal(goal, score(TODAY, 6))
    assert alliance.sub_goal_rows(citizen, TODAY)[0].days_since_scored == 0


def test_rows_only_hold_the_citizens_own_sub_goals(citizen, goal):
    other = create_citizen(CitizenIn(name="Other"))
    alliance.create_sub_goal(other, SubGoalIn(title="Not hers"))
    assert [r.id for r in alliance.sub_goal_rows(citizen, TODAY)] == [goal]
    assert alliance.sub_goal_rows(12345, TODAY) == []


# --- presentation mode -------------------------------------------------------------

MARK = "ZQX"  # appears nowhere in the words presentation mode adds itself


def _private_world(marker: str = MARK) -> tuple[int, int]:
    """A citizen with private text everywhere, and another citizen; returns both ids."""
    private = {
        field: f"{marker}-{field}"
        for field in (
            "phone",
            "address",
            "caseworker_name",
            "caseworker_phone",
            "jobcenter",
            "interpreter_language",
            "accommodations",
            "aids",
            "parallel_efforts",
            "notes",
        )
    }
    private["email"] = f"{marker.lower()}@example.dk"
    private["caseworker_email"] = f"{marker.lower()}.cw@example.dk"
    citizen_id = create_citizen(
        CitizenIn(name="Mette Jørgensen", interpreter_needed=True, **private)
    )
    shown = alliance.create_sub_goal(
        citizen_id,
        SubGoalIn(
            title="Meet on time",
            description="Tuesdays at 9",
            success_criterion=f"{marker}-criterion",
            area=f"{marker}-area",
        ),
    )
    alliance.score_sub_goal(
        shown,
        score(
            TODAY - timedelta(days=28),
            3,
            what_it_takes=f"{marker}-what",
            own_actions="Set an alarm",
            help_needed="Mentor rings",
        ),
    )
    alliance.score_sub_goal(
        shown,
        score(
            TODAY,
            6,
            what_it_takes=f"{marker}-what2",
            own_actions="Take the 8.10 bus",
            help_needed="Mentor comes along once",
        ),
    )
    for state in ("paused", "achieved", "dropped"):
        hidden = alliance.create_sub_goal(
            citizen_id,
            SubGoalIn(title=f"{marker}-{state} goal", description=f"{marker}-{state} description"),
        )
        alliance.score_sub_goal(hidden, score(TODAY, 2, own_actions=f"{marker}-{state} step"))
        alliance.set_status(hidden, status(state, note=f"{marker}-{state} note"))
    Meeting.create(
        citizen=citizen_id,
        starts_at=datetime(2026, 11, 30, 10),
        kind="three_party",
        status="planned",
        place=f"{marker}-place",
        notes=f"{marker}-meeting notes",
        decisions=f"{marker}-decisions",
        accommodations_note=f"{marker}-acc note",
    )
    placement = Placement.create(
        citizen=citizen_id,
        kind="company_internship",
        workplace=f"{marker}-workplace",
        start_date=TODAY,
        accommodations=f"{marker}-placement acc",
    )
    LogbookEntry.create(
        placement=placement,
        citizen=citizen_id,
        entry_date=TODAY,
        attendance="present",
        notes=f"{marker}-logbook",
    )
    ActionItem.create(citizen=citizen_id, what=f"{marker}-action", owner="mentor")
    ReviewNote.create(citizen=citizen_id, iso_week="2026-W47", decision=f"{marker}-review")

    other = create_citizen(CitizenIn(name=f"{marker}-Other Person", notes=f"{marker}-o"))
    other_goal = alliance.create_sub_goal(other, SubGoalIn(title=f"{marker}-other goal"))
    alliance.score_sub_goal(other_goal, score(TODAY, 9, own_actions=f"{marker}-other step"))
    Meeting.create(
        citizen=other, starts_at=datetime(2026, 11, 23, 9), kind="one_to_one", status="planned"
    )
    return citizen_id, other


def test_presentation_shows_nothing_private(database):
    citizen_id, _other = _private_world()
    text = alliance.presentation(citizen_id, TODAY).model_dump_json()
    assert MARK not in text
    assert MARK.lower() not in text  # the e-mail addresses


def test_presentation_shows_the_citizens_own_progress(database):
    citizen_id, _other = _private_world()
    view = alliance.presentation(citizen_id, TODAY)
    assert view.first_name == "Mette"
    assert [g.title for g in view.goals] == ["Meet on time"]
    goal = view.goals[0]
    assert goal.description == "Tuesdays at 9"
    assert (goal.first_score, goal.latest_score, goal.score_count) == (3, 6, 2)
    assert (goal.change, goal.direction) == (3, "up")
    assert (goal.next_step, goal.help_promised) == ("Take the 8.10 bus", "Mentor comes along once")
    assert view.next_meeting == datetime(2026, 11, 30, 10)  # not the other citizen's 23-11


def test_presentation_trend_follows_the_scores(citizen):
    down = alliance.create_sub_goal(citizen, SubGoalIn(title="Down"))
    once = alliance.create_sub_goal(citizen, SubGoalIn(title="Once"))
    never = alliance.create_sub_goal(citizen, SubGoalIn(title="Never"))
    for offset, value in ((-20, 7), (-10, 8), (0, 4)):
        alliance.score_sub_goal(down, score(TODAY + timedelta(days=offset), value))
    alliance.score_sub_goal(once, score(TODAY, 5))
    goals = {g.title: g for g in alliance.presentation(citizen, TODAY).goals}
    assert [g for g in goals] == ["Down", "Once", "Never"]  # priority order
    assert (
        goals["Down"].first_score,
        goals["Down"].latest_score,
        goals["Down"].change,
        goals["Down"].direction,
    ) == (7, 4, -3, "down")
    assert (goals["Once"].change, goals["Once"].direction, goals["Once"].score_count) == (
        0,
        "none",
        1,
    )
    assert (
        goals["Never"].latest_score,
        goals["Never"].first_score,
        goals["Never"].direction,
        goals["Never"].next_step,
    ) == (None, None, "none", "")
    assert never in {r.id for r in alliance.sub_goal_rows(citizen, TODAY)}


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Mette Jørgensen", "Mette"),
        ("Anne-Marie Holm Nielsen", "Anne-Marie"),
        ("A.H.", "A.H."),
        ("MJ", "MJ"),
        ("Borger7", "Borger7"),
    ],
)
def test_presentation_first_name_only(database, name, shown):
    citizen_id = create_citizen(CitizenIn(name=name))
    assert alliance.presentation(citizen_id, TODAY).first_name == shown


def test_presentation_next_meeting_is_the_next_planned_one(citizen):
    def meeting(at: datetime, state: str = "planned") -> None:
        Meeting.create(citizen=citizen, starts_at=at, kind="one_to_one", status=state)

    assert alliance.presentation(citizen, TODAY).next_meeting is None
    meeting(datetime(2026, 11, 20, 10))  # planned, but in the past
    meeting(datetime(2026, 11, 24, 9), "cancelled_by_citizen")
    meeting(datetime(2026, 11, 25, 9), "rescheduled")
    assert alliance.presentation(citizen, TODAY).next_meeting is None
    meeting(datetime(2026, 12, 8, 13))
    meeting(datetime(2026, 12, 1, 13, 30))
    assert alliance.presentation(citizen, TODAY).next_meeting == datetime(2026, 12, 1, 13, 30)
    meeting(datetime(2026, 11, 22, 8, 0))  # earlier today still counts as today's meeting
    assert alliance.presentation(citizen, TODAY).next_meeting == datetime(2026, 11, 22, 8, 0)


def test_presentation_of_a_missing_citizen(database):
    with pytest.raises(NotFound):
        alliance.presentation(999, TODAY)
