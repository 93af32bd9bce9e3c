"""A mentor's first day on the team database: no citizens of their own yet,
and the caseload says where the team's are (not "no citizens match")."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from mentorterm.app import make_app

from .test_team_access import citizen_of


async def test_a_mentor_without_citizens_is_told_how_to_see_the_teams(team):
    citizen_of(team["anna"], "Anja Andersen")
    app = make_app(team["bo"], today=date(2026, 11, 22))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        said = str(app.screen.query_one("#empty", Static).render())
        assert "no citizens of your own here yet" in said and "M" in said
        assert "No citizens match" not in said
        await pilot.press("v", "v", "M")  # all courses, the team's
        await pilot.pause()
        assert [row.name for row in app.screen.rows] == ["Anja Andersen"]
