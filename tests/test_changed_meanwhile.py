"""Two people, one record (issue 18 item 6): a form saved over a change made
while it was open writes nothing, says who changed the record and when, and
keeps what was typed; opened again, it shows the change and saves."""

from __future__ import annotations

from textual.widgets import Input

from mentorterm.app import make_app
from mentorterm.domain import citizens
from mentorterm.models import Citizen

from .test_screens import SIZE, TODAY, seeded, text_of, type_text  # noqa: F401


async def test_a_save_over_a_change_made_meanwhile_is_refused_with_the_text_kept(
    seeded,  # noqa: F811
    db_path,
):
    birgitte_id, _course = seeded["Birgitte Holm"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(birgitte_id)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"
        # Meanwhile (a colleague, another window) the address is changed.
        data = citizens.citizen_input(birgitte_id).model_copy(update={"address": "Vestergade 3"})
        citizens.update_citizen(birgitte_id, data)
        await pilot.press("tab")
        await type_text(pilot, "12 34 56 78")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"  # still open
        said = text_of(app, "#form-error")
        assert "You changed this record at" in said and "in another window" in said
        assert "still in the form" in said
        assert app.screen.query_one("#f-phone", Input).value == "12 34 56 78"
        stored = Citizen.get_by_id(birgitte_id)
        assert (stored.address, stored.phone) == ("Vestergade 3", "")
        # Leave (the typed text is thrown away on the second escape), open again.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#f-phone", Input).value == ""
        await pilot.press("tab")
        await type_text(pilot, "12 34 56 78")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = Citizen.get_by_id(birgitte_id)
        assert (stored.address, stored.phone) == ("Vestergade 3", "12 34 56 78")
