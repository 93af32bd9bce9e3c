"""The asymmetric-alliance scale: domain rules, and the screens driven with real keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import subgoals as alliance
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.models import AllianceScore, Meeting, SubGoal
from mentorterm.schemas import AllianceScoreIn, CitizenIn, SubGoalIn, SubGoalStatusIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


def score(day: date, value: int, **answers) -> AllianceScoreIn:
    return AllianceScoreIn(scored_on=day, citizen_score=value, **answers)


@pytest.fixture
def goal(database):
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    return alliance.create_sub_goal(citizen, SubGoalIn(title="Come on time twice a week"))


# --- the scale ---------------------------------------------------------------


@pytest.mark.parametrize("value", range(1, 11))
def test_the_two_parts_always_add_up_to_ten(value):
    assert value + alliance.complement(value) == 10


@pytest.mark.parametrize("value", [0, 11, -1])
def test_no_complement_off_the_scale(value):
    with pytest.raises(DomainError):
        alliance.complement(value)


@given(st.lists(st.integers(1, 10), max_size=30))
def test_trend_is_first_to_latest(scores):
    trend = alliance.trend(scores)
    assert trend.count == len(scores)
    if len(scores) < 2:
        assert (trend.direction, trend.change) == ("none", 0)
    else:
        assert trend.change == scores[-1] - scores[0]
        expected = "up" if trend.change > 0 else "down" if trend.change < 0 else "flat"
        assert trend.direction == expected
        assert trend.best == max(scores)


def test_scores_over_three_dates_form_the_history(goal):
    for offset, value in ((0, 3), (14, 5), (28, 4)):
        alliance.score_sub_goal(
            goal, score(TODAY + timedelta(days=offset), value, own_actions=f"step {value}")
        )
    history = alliance.score_history(goal)
    assert [(s.scored_on, s.citizen_score, s.mentor_score) for s in history] == [
        (TODAY, 3, 7),
        (TODAY + timedelta(days=14), 5, 5),
        (TODAY + timedelta(days=28), 4, 6),
    ]
    assert alliance.previous_answers(goal).own_actions == "step 4"
    assert alliance.previous_answers(goal, before=TODAY + timedelta(days=28)).citizen_score == 5


def test_a_second_score_the_same_day_asks_before_replacing(goal):
    first = alliance.score_sub_goal(goal, score(TODAY, 3))
    with pytest.raises(alliance.SameDayScore) as same:
        alliance.score_sub_goal(goal, score(TODAY, 6))
    assert (same.value.existing_id, same.value.existing_score) == (first, 3)
    assert AllianceScore.get_by_id(first).citizen_score == 3  # nothing written
    again = alliance.score_sub_goal(goal, score(TODAY, 6, help_needed="Mentor rings"), replace=True)
    assert again == first
    assert AllianceScore.select().count() == 1
    assert AllianceScore.get_by_id(first).help_needed == "Mentor rings"


def test_only_an_active_sub_goal_is_scored(goal):
    alliance.set_status(
        goal,
        SubGoalStatusIn(status="achieved", status_date=TODAY, status_note="Five weeks on time"),
    )
    with pytest.raises(DomainError, match="Only an active sub-goal"):
        alliance.score_sub_goal(goal, score(TODAY, 8))
    row = alliance.sub_goal_rows(SubGoal.get_by_id(goal).citizen_id, TODAY)[0]
    assert (row.status, row.status_date, row.status_note) == (
        "achieved",
        TODAY,
        "Five weeks on time",
    )


def test_rows_active_first_with_target_and_days_since(database):
    citizen = create_citizen(CitizenIn(name="Ali H."))
    done = alliance.create_sub_goal(citizen, SubGoalIn(title="Done"))
    late = alliance.create_sub_goal(
        citizen, SubGoalIn(title="Late", target_date=TODAY - timedelta(1))
    )
    alliance.create_sub_goal(citizen, SubGoalIn(title="Due today", target_date=TODAY))
    alliance.set_status(done, SubGoalStatusIn(status="achieved", status_date=TODAY))
    alliance.score_sub_goal(late, score(TODAY - timedelta(days=9), 2))
    rows = alliance.sub_goal_rows(citizen, TODAY)
    assert [r.title for r in rows] == ["Late", "Due today", "Done"]
    assert [r.priority for r in rows[:2]] == [1, 2]
    assert rows[0].target_passed and not rows[1].target_passed
    assert (rows[0].days_since_scored, rows[0].latest_score, rows[0].mentor_score) == (9, 2, 8)
    assert rows[1].days_since_scored is None


@settings(max_examples=25, deadline=None)
@given(moves=st.lists(st.tuples(st.integers(0, 3), st.sampled_from([-1, 1])), max_size=12))
def test_priorities_stay_one_to_n_whatever_the_moves(moves):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "t.db")
        try:
            citizen = create_citizen(CitizenIn(name="A"))
            ids = [alliance.create_sub_goal(citizen, SubGoalIn(title=f"G{n}")) for n in range(4)]
            order = list(ids)
            for index, step in moves:
                goal_id = order[index]
                alliance.move_priority(goal_id, step)
                target = index + step
                if 0 <= target < len(order):
                    order[index], order[target] = order[target], order[index]
            rows = alliance.sub_goal_rows(citizen, TODAY)
            assert [r.id for r in rows] == order
            assert [r.priority for r in rows] == [1, 2, 3, 4]
        finally:
            storage.close_database()


def test_presentation_shows_only_what_the_citizen_may_see(database):
    marker = "SECRET"
    citizen = create_citizen(
        CitizenIn(
            name="Mette Jørgensen",
            notes=f"{marker}-notes",
            accommodations=f"{marker}-acc",
            parallel_efforts=f"{marker}-psychiatry",
            caseworker_name=f"{marker}-caseworker",
            address=f"{marker}-address",
        )
    )
    other = create_citizen(CitizenIn(name=f"{marker}-Other Person"))
    alliance.create_sub_goal(other, SubGoalIn(title=f"{marker}-other goal"))
    shown = alliance.create_sub_goal(
        citizen, SubGoalIn(title="Meet on time", description="Tuesdays at 9")
    )
    paused = alliance.create_sub_goal(citizen, SubGoalIn(title=f"{marker}-paused goal"))
    alliance.set_status(
        paused,
        SubGoalStatusIn(status="paused", status_date=TODAY, status_note=f"{marker}-status note"),
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
    alliance.score_sub_goal(shown, score(TODAY, 6, what_it_takes=f"{marker}-what2"))
    Meeting.create(
        citizen=citizen,
        starts_at=datetime(2026, 11, 30, 10),
        kind="one_to_one",
        status="planned",
        notes=f"{marker}-meeting notes",
    )
    view = alliance.presentation(citizen, TODAY)
    assert marker not in view.model_dump_json()
    assert view.first_name == "Mette"
    goal = view.goals[0]
    assert (goal.title, goal.latest_score, goal.first_score) == ("Meet on time", 6, 3)
    assert (goal.next_step, goal.help_promised) == ("Set an alarm", "Mentor rings")
    assert view.next_meeting == datetime(2026, 11, 30, 10)


# --- screens -----------------------------------------------------------------

SIZE = (120, 36)


async def _open_goals(app, pilot, citizen_id):
    app.open_citizen(citizen_id)
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()


@pytest.fixture
def scored(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    goal = alliance.create_sub_goal(citizen, SubGoalIn(title="Come on time twice a week"))
    alliance.score_sub_goal(goal, score(TODAY - timedelta(days=14), 3, own_actions="Alarm clock"))
    storage.close_database()
    return citizen, goal


async def test_score_with_digits_answer_and_save(scored, db_path):
    citizen, goal = scored
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_goals(app, pilot, citizen)
        await pilot.press("s")
        await pilot.pause()
        scale = str(app.screen.query_one("#scale", Static).render())
        assert "Last time (08-11-2026): 3" in scale
        await pilot.press("0")  # 0 means 10
        await pilot.pause()
        assert "You: 10" in str(app.screen.query_one("#scale", Static).render())
        await pilot.press("6")
        await pilot.pause()
        assert "Mentor: 4" in str(app.screen.query_one("#scale", Static).render())
        await pilot.press("enter")  # on to the questions: the date first, today
        assert app.screen.query_one("#q-date").value == "22-11-2026"
        await pilot.press("tab")
        await pilot.press(*"tid", "tab")
        await pilot.press(*"alarm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SubGoalsScreen"
        goals = app.screen.query_one("#goals", DataTable)
        assert str(goals.get_row_at(0)[2]).endswith("6+4")
        await pilot.press("enter")  # the history shows the new score first
        await pilot.pause()
        history = app.screen.query_one("#scores", DataTable)
        assert history.get_row_at(0)[:5] == ["22-11-2026", "6", "4", "tid", "alarm"]
        assert history.get_row_at(1)[:3] == ["08-11-2026", "3", "7"]
    latest = AllianceScore.select().order_by(AllianceScore.scored_on.desc()).first()
    assert (latest.scored_on, latest.citizen_score, latest.what_it_takes, latest.own_actions) == (
        TODAY,
        6,
        "tid",
        "alarm",
    )


async def test_score_with_arrows_and_replace_the_same_day(scored, db_path):
    citizen, goal = scored
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_goals(app, pilot, citizen)
        await pilot.press("s", "right", "right", "left", "ctrl+s")  # 3 -> 4
        await pilot.pause()
        assert AllianceScore.get(AllianceScore.scored_on == TODAY).citizen_score == 4
        # Again the same day: the scale starts from the last conversation before
        # today (3), and saving asks before replacing today's 4.
        await pilot.press("s", "up", "up", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("y")
        await pilot.pause()
        assert AllianceScore.get(AllianceScore.scored_on == TODAY).citizen_score == 5
        assert AllianceScore.select().count() == 2


async def test_a_score_from_another_day_and_a_wrong_date(scored, db_path):
    citizen, goal = scored
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_goals(app, pilot, citizen)
        await pilot.press("s", "5", "enter")
        await pilot.pause()
        box = app.screen.query_one("#q-date")
        box.value = ""
        await pilot.press(*"31-02-2026", "ctrl+s")
        await pilot.pause()
        assert "February 2026 has 28 days" in str(app.screen.query_one("#score-error").render())
        assert AllianceScore.select().count() == 1
        box.value = ""
        await pilot.press(*"15-11-2026", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SubGoalsScreen"
    assert AllianceScore.get(AllianceScore.scored_on == date(2026, 11, 15)).citizen_score == 5


async def test_cancel_scoring_midway_writes_nothing(scored, db_path):
    citizen, goal = scored
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_goals(app, pilot, citizen)
        await pilot.press("s", "7", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "DiscardScreen"
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "SubGoalsScreen"
    assert AllianceScore.select().count() == 1


async def test_new_sub_goal_history_and_presentation(scored, db_path):
    citizen, goal = scored
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_goals(app, pilot, citizen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Ring til lægen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = app.screen.query_one("#goals", DataTable)
        assert [table.get_row_at(i)[1] for i in range(table.row_count)] == [
            "Come on time twice a week",
            "Ring til lægen",
        ]
        await pilot.press("enter")  # history of the first
        await pilot.pause()
        assert "1 score: 3" in str(app.screen.query_one("#history-title").render())
        assert "●" in str(app.screen.query_one("#chart").render())
        await pilot.press("escape", "v")
        await pilot.pause()
        assert type(app.screen).__name__ == "PresentationScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "SubGoalsScreen"
    assert SubGoal.select().count() == 2
