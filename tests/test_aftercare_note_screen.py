"""An aftercare follow-up's note asks where the citizen stands, with real keys:
picked in the note, saved on the meeting, shown when the note is read, kept
when the meeting is corrected (e), and not asked in another kind's note."""

from __future__ import annotations

from textual.widgets import Select, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import meetings
from mentorterm.models import Meeting
from mentorterm.schemas import MeetingIn

from .test_meeting_screens import SIZE, TODAY, open_meetings, seed


def _plan_aftercare(db_path) -> dict[str, int]:
    ids = seed(db_path)
    storage.open_database(db_path)
    ids["aftercare"] = meetings.create_meeting(
        ids["mette"], MeetingIn(starts_at="20-11-2026 09:00", kind="aftercare", place="Phone")
    )
    storage.close_database()
    return ids


async def test_an_aftercare_note_records_where_the_citizen_stands(db_path):
    ids = _plan_aftercare(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        assert app.screen.current().id == ids["aftercare"]
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "NoteForm"
        field = form.query_one("#f-aftercare_situation", Select)
        assert field.is_blank()
        field.focus()
        await pilot.pause()
        await pilot.press("enter")  # open the list: the blank, then the eight
        for _ in range(6):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert field.value == "education"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        held = Meeting.get_by_id(ids["aftercare"])
        assert (held.status, held.aftercare_situation) == ("held", "education")
        await pilot.press("v")
        await pilot.pause()
        whole = str(app.screen.query_one("#note-view Static").render())
        assert "At aftercare: In education" in whole
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")  # correcting the meeting: the situation is there
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingForm"
        assert app.screen.query_one("#f-aftercare_situation", Select).value == "education"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert Meeting.get_by_id(ids["aftercare"]).aftercare_situation == "education"


async def test_another_kind_s_note_does_not_ask(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_meetings(app, pilot, ids["mette"])
        await pilot.press("w")  # the three-party follow-up
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteForm"
        assert not app.screen.query("#f-aftercare_situation")
        assert "Three-party" in str(app.screen.query_one("#form-title", Static).render())
