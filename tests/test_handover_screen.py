"""A handed-over citizen's screen shows the handover: the day, both mentors and
the note (issue 18 item 5), in English and in Danish."""

from __future__ import annotations

from datetime import date

from mentorterm.app import make_app
from mentorterm.domain import citizens
from mentorterm.models import Citizen, Mentor

from .test_screens import SIZE, TODAY, seeded, text_of  # noqa: F401


async def test_the_citizen_screen_shows_the_handover_with_its_note(seeded, db_path):  # noqa: F811
    birgitte_id, _course = seeded["Birgitte Holm"]
    before = Citizen.get_by_id(birgitte_id).mentor.name
    bo = Mentor.create(name="Bo Lund")
    citizens.reassign_citizen(
        birgitte_id, bo.id, note="Ring before 10; she rides the bus.", on=date(2026, 11, 20)
    )
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(birgitte_id)
        await pilot.pause()
        contact = text_of(app, "#contact")
        assert f"Handed over 20-11-2026: {before} → Bo Lund" in contact
        assert "Ring before 10; she rides the bus." in contact
