"""A meeting's status history on screen (schema 8): the detail box and the correction form."""

from __future__ import annotations

from textual.widgets import Select, Static

from mentorterm.app import make_app
from mentorterm.domain import meetings
from mentorterm.format import show_date
from tests.test_meeting_correction_screens import screen_text
from tests.test_meeting_screens import SIZE, TODAY, open_meetings, seed


async def test_the_status_history_shows_in_the_detail_and_the_correction_form(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("c", "enter")  # cancelled by the citizen
        await pilot.pause()
        (change,) = meetings.status_history(ids["planned"])
        line = f"Planned → cancelled on {show_date(change.changed_on)}"
        assert line in str(app.screen.query_one("#meeting-detail", Static).render())
        await pilot.press("e")
        await pilot.pause()
        assert line in screen_text(app)  # beside the status field
        app.screen.query_one("#f-status", Select).value = "planned"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        detail = str(app.screen.query_one("#meeting-detail", Static).render())
        assert line in detail
        assert f"Cancelled → planned on {show_date(change.changed_on)}" in detail
