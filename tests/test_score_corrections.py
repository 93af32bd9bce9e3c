"""A score given by mistake: corrected or deleted from the sub-goal's history,
audited old → new; the sub-goal list and the scoring screen at 80x24."""

from __future__ import annotations

import json
from datetime import date

import pytest
from textual.widgets import DataTable, Input, Static, TextArea

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import audit
from mentorterm.domain import subgoals as alliance
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.models import AllianceScore, AuditEntry
from mentorterm.schemas import AllianceScoreIn, CitizenIn, SubGoalIn, SubGoalStatusIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


def _last_audit() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).get()


@pytest.fixture
def scores(database):
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    goal = alliance.create_sub_goal(citizen, SubGoalIn(title="Come on time twice a week"))
    first = alliance.score_sub_goal(
        goal,
        AllianceScoreIn(scored_on=date(2026, 11, 1), citizen_score=3, own_actions="Alarm clock"),
    )
    second = alliance.score_sub_goal(
        goal, AllianceScoreIn(scored_on=date(2026, 11, 15), citizen_score=8, what_it_takes="Sleep")
    )
    return citizen, goal, first, second


def test_a_score_is_corrected_and_audited_without_the_answers(scores):
    citizen, goal, _first, second = scores
    alliance.update_score(
        second,
        AllianceScoreIn(
            scored_on=date(2026, 11, 16),
            citizen_score=4,
            what_it_takes="Sleep early",
            help_needed="Mentor rings at 7",
        ),
    )
    row = AllianceScore.get_by_id(second)
    assert (row.scored_on, row.citizen_score, row.what_it_takes, row.help_needed) == (
        date(2026, 11, 16),
        4,
        "Sleep early",
        "Mentor rings at 7",
    )
    entry = _last_audit()
    assert (entry.action, entry.what, entry.record_id, entry.citizen_id) == (
        "update",
        "alliance_score",
        second,
        citizen,
    )
    assert json.loads(entry.detail) == {
        "citizen_score": [8, 4],
        "scored_on": ["2026-11-15", "2026-11-16"],
        "what_it_takes": "changed",
        "help_needed": "changed",
    }
    assert "Sleep" not in entry.detail and "Mentor" not in entry.detail
    assert audit.verify() == []
    rows = alliance.sub_goal_rows(citizen, today=TODAY)
    assert (rows[0].history, rows[0].latest_score, rows[0].mentor_score) == ([3, 4], 4, 6)


def test_a_correction_onto_another_scores_day_names_it(scores):
    _citizen, _goal, _first, second = scores
    before = audit.count()
    with pytest.raises(DomainError, match=r"already has a score on 01-11-2026 \(3\)") as refused:
        alliance.update_score(second, AllianceScoreIn(scored_on=date(2026, 11, 1), citizen_score=8))
    assert refused.value.field == "scored_on"
    assert AllianceScore.get_by_id(second).scored_on == date(2026, 11, 15)
    assert audit.count() == before


def test_a_score_of_a_goal_no_longer_active_can_still_be_corrected(scores):
    _citizen, goal, first, _second = scores
    alliance.set_status(goal, SubGoalStatusIn(status="achieved", status_date=TODAY))
    alliance.update_score(first, AllianceScoreIn(scored_on=date(2026, 11, 1), citizen_score=2))
    assert AllianceScore.get_by_id(first).citizen_score == 2


def test_a_score_is_deleted_and_the_trend_follows(scores):
    citizen, _goal, first, second = scores
    alliance.delete_score(second)
    entry = _last_audit()
    assert (entry.action, entry.what, entry.record_id) == ("delete", "alliance_score", second)
    rows = alliance.sub_goal_rows(citizen, today=TODAY)
    assert (rows[0].history, rows[0].latest_score, rows[0].own_actions) == ([3], 3, "Alarm clock")
    with pytest.raises(DomainError, match="no longer exists"):
        alliance.delete_score(second)
    alliance.delete_score(first)
    assert alliance.sub_goal_rows(citizen, today=TODAY)[0].latest_score is None


# --- the screens ---------------------------------------------------------------


@pytest.fixture
def seeded(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    goal = alliance.create_sub_goal(citizen, SubGoalIn(title="Come on time twice a week"))
    first = alliance.score_sub_goal(
        goal,
        AllianceScoreIn(scored_on=date(2026, 11, 1), citizen_score=3, own_actions="Alarm clock"),
    )
    second = alliance.score_sub_goal(
        goal, AllianceScoreIn(scored_on=date(2026, 11, 15), citizen_score=8, what_it_takes="Sleep")
    )
    storage.close_database()
    return citizen, goal, first, second


async def _history(app, pilot, citizen):
    app.open_citizen(citizen)
    await pilot.pause()
    await pilot.press("g", "enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "HistoryScreen"


async def test_e_corrects_the_score_in_focus_number_and_answers(seeded, db_path):
    citizen, _goal, _first, second = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await _history(app, pilot, citizen)
        await pilot.press("e")  # the newest score has the cursor
        await pilot.pause()
        assert type(app.screen).__name__ == "ScoringScreen"
        assert "Correct the score of 15-11-2026" in str(
            app.screen.query_one("#score-title", Static).render()
        )
        assert "You: 8" in str(app.screen.query_one("#scale", Static).render())
        await pilot.press("4", "enter")
        await pilot.pause()
        assert app.screen.query_one("#q-date", Input).value == "15-11-2026"
        assert app.screen.query_one("#q-what_it_takes", TextArea).text == "Sleep"
        await pilot.press("tab", "end", *" early", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        table = app.screen.query_one("#scores", DataTable)
        assert table.get_row_at(0)[:4] == ["15-11-2026", "4", "6", "Sleep early"]
        assert "2 scores, from 3 to 4" in str(app.screen.query_one("#history-title").render())
        row = AllianceScore.get_by_id(second)
        assert (row.citizen_score, row.what_it_takes) == (4, "Sleep early")
        entry = _last_audit()
        assert (entry.action, entry.record_id) == ("update", second)
        assert json.loads(entry.detail) == {"citizen_score": [8, 4], "what_it_takes": "changed"}
        await pilot.press("escape")  # the list's latest score follows
        await pilot.pause()
        goals = app.screen.query_one("#goals", DataTable)
        assert str(goals.get_row_at(0)[2]).endswith("4+6")


async def test_a_correction_refused_by_the_date_rule_writes_nothing(seeded, db_path):
    citizen, _goal, _first, second = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await _history(app, pilot, citizen)
        await pilot.press("e", "enter")
        await pilot.pause()
        app.screen.query_one("#q-date", Input).value = "01-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ScoringScreen"
        assert "already has a score on 01-11-2026 (3)" in str(
            app.screen.query_one("#score-error", Static).render()
        )
        assert AllianceScore.get_by_id(second).scored_on == date(2026, 11, 15)
        await pilot.press("escape")  # the date was changed: asks before throwing it away
        await pilot.pause()
        assert type(app.screen).__name__ == "DiscardScreen"
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        assert AllianceScore.get_by_id(second).scored_on == date(2026, 11, 15)
        await pilot.press("e", "escape")  # nothing changed: leaves without asking
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_delete_asks_first_and_the_list_follows(seeded, db_path):
    citizen, _goal, first, second = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await _history(app, pilot, citizen)
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Delete the score of 15-11-2026 (8 + 2)?" in str(
            app.screen.query_one("#question", Static).render()
        )
        await pilot.press("n")
        await pilot.pause()
        assert AllianceScore.select().count() == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"
        assert [s.id for s in AllianceScore.select()] == [first]
        entry = _last_audit()
        assert (entry.action, entry.what, entry.record_id) == ("delete", "alliance_score", second)
        table = app.screen.query_one("#scores", DataTable)
        assert table.row_count == 1
        assert "1 score: 3" in str(app.screen.query_one("#history-title").render())
        await pilot.press("escape")
        await pilot.pause()
        goals = app.screen.query_one("#goals", DataTable)
        assert str(goals.get_row_at(0)[2]).endswith("3+7")


async def test_the_history_help_lists_correct_and_delete(seeded, db_path):
    citizen, *_ = seeded
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _history(app, pilot, citizen)
        await pilot.press("question_mark")
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Correct score" in shown and "Delete score" in shown


# --- 80x24 ---------------------------------------------------------------------


@pytest.fixture
def four_statuses(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    ids = {}
    for title, status in (
        ("Work 15 hours a week with back pain below 5 for a month", "active"),
        ("Get a forklift licence before the course ends, with the job centre", "paused"),
        ("Write a CV and apply for two warehouse jobs a month", "achieved"),
        ("Try a company internship in a warehouse near the station", "dropped"),
    ):
        ids[status] = alliance.create_sub_goal(
            citizen, SubGoalIn(title=title, target_date="01-11-2026")
        )
        alliance.score_sub_goal(
            ids[status], AllianceScoreIn(scored_on="01-11-2026", citizen_score=4)
        )
        if status != "active":
            alliance.set_status(
                ids[status], SubGoalStatusIn(status=status, status_date="10-11-2026")
            )
    storage.close_database()
    return citizen, ids


async def test_at_80x24_the_sub_goal_list_keeps_its_status(four_statuses, db_path):
    citizen, _ids = four_statuses
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one("#goals", DataTable)
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.region.width
        statuses = [str(table.get_row_at(i)[6]) for i in range(table.row_count)]
        assert statuses == ["● Active", "‖ Paused", "✓ Achieved", "✗ Dropped"]
        styles = {str(table.get_row_at(i)[6].style) for i in range(table.row_count)}
        assert len(styles) == 4  # achieved and dropped never look alike
        # The passed target stays, red; the title is cut, its whole text below.
        target = table.get_row_at(0)[5]
        assert str(target) == "01-11-2026" and "red" in str(target.style)
        assert str(table.get_row_at(0)[1]).endswith("…")
        detail = str(app.screen.query_one("#goal-detail", Static).render())
        assert "Work 15 hours a week with back pain below 5 for a month" in detail
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Status: Achieved 10-11-2026" in str(
            app.screen.query_one("#goal-detail", Static).render()
        )
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        # Wide, the status dates go first (they are in the detail pane), then the
        # longest titles are cut, far less than at 80 columns.
        assert str(table.get_row_at(2)[6]) == "✓ Achieved"
        assert str(table.get_row_at(0)[1]).startswith(
            "Work 15 hours a week with back pain below 5 for a"
        )
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.region.width  # the status whole at 120 too


async def test_a_long_title_is_cut_at_120_columns_so_the_status_shows(db_path):
    storage.open_database(db_path)
    citizen = create_citizen(CitizenIn(name="Mette Jørgensen"))
    goal = alliance.create_sub_goal(citizen, SubGoalIn(title="Work 15 hours a week " * 5))
    alliance.set_status(goal, SubGoalStatusIn(status="achieved", status_date="10-11-2026"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one("#goals", DataTable)
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.region.width
        assert str(table.get_row_at(0)[1]).endswith("…")
        assert str(table.get_row_at(0)[6]) == "✓ Achieved"
        assert "Status: Achieved 10-11-2026" in str(
            app.screen.query_one("#goal-detail", Static).render()
        )


async def test_at_80x24_the_three_questions_are_reachable(four_statuses, db_path):
    citizen, ids = four_statuses
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_citizen(citizen)
        await pilot.pause()
        await pilot.press("g", "s", "6", "enter")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ScoringScreen"
        assert "You: 6" in str(screen.query_one("#scale", Static).render())
        for name in ("q-date", "q-what_it_takes", "q-own_actions", "q-help_needed"):
            widget = screen.focused
            assert widget.id == name
            region = widget.region  # scrolled into sight when it has the focus
            assert region.height >= 1 and region.y >= 0 and region.bottom <= 24
            if name != "q-date":
                await pilot.press(*"x")
            await pilot.press("tab")
            await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SubGoalsScreen"
    storage.open_database(db_path)
    try:
        saved = AllianceScore.get(AllianceScore.scored_on == TODAY)
        assert (
            saved.sub_goal_id,
            saved.citizen_score,
            saved.what_it_takes,
            saved.own_actions,
            saved.help_needed,
        ) == (ids["active"], 6, "x", "x", "x")
    finally:
        storage.close_database()
