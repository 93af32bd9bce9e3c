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


async def _open_birgitte(pilot, app, birgitte_id):
    await pilot.pause()
    app.open_citizen(birgitte_id)
    await pilot.pause()


async def test_H_hands_the_citizen_over_after_asking(seeded, db_path):  # noqa: F811
    from mentorterm.models import Handover

    from .test_screens import type_text

    birgitte_id, _course = seeded["Birgitte Holm"]
    before = Citizen.get_by_id(birgitte_id).mentor_id
    Mentor.create(name="Ulla Dahl")
    bo = Mentor.create(name="Bo Lund")  # listed by name: Bo first
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_birgitte(pilot, app, birgitte_id)
        await pilot.press("H")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "HandoverForm"
        assert "Hand Birgitte Holm over to another mentor" in text_of(app, "#form-title")
        assert form.values()["handed_on"] == "22-11-2026"  # today
        await pilot.press("ctrl+s")  # nobody chosen yet
        await pilot.pause()
        assert "Choose the mentor who takes over" in text_of(app, "#e-mentor_id")
        await pilot.press("enter", "down", "enter")  # the select: its first mentor
        await pilot.pause()
        assert form.values()["mentor_id"] == str(bo.id)
        await pilot.press("tab", "tab")
        await type_text(pilot, "Ring before 10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Hand Birgitte Holm over to Bo Lund?" in text_of(app, "#question")
        await pilot.press("n")  # not now: back in the form, nothing changed
        await pilot.pause()
        assert app.screen is form
        assert Citizen.get_by_id(birgitte_id).mentor_id == before
        assert Handover.select().count() == 0
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        assert Citizen.get_by_id(birgitte_id).mentor_id == bo.id
        (handover,) = Handover.select()
        assert (handover.from_mentor_id, handover.to_mentor_id) == (before, bo.id)
        assert handover.handed_on == TODAY and handover.note == "Ring before 10"
        assert "→ Bo Lund" in text_of(app, "#contact")


async def test_H_on_a_database_with_one_mentor_says_there_is_no_one(seeded, db_path):  # noqa: F811
    birgitte_id, _course = seeded["Birgitte Holm"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_birgitte(pilot, app, birgitte_id)
        await pilot.press("H")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        said = [n.message for n in app._notifications][-1]
        assert said.startswith("There is no one to hand Birgitte Holm over to")


async def test_the_course_history_shows_both_mentors_of_a_course_that_spans_a_handover(db_path):
    from mentorterm import storage
    from mentorterm.models import Course

    storage.open_database(db_path)
    me = storage.ensure_default_mentor()
    ali = Citizen.create(mentor=me, name="Ali Hassan")
    for start, end, outcome in (("2025-01-06", "2025-06-01", "other"), ("2026-09-01", None, None)):
        Course.create(citizen=ali, referral_date=start, start_date=start,
                      planned_end="2027-02-01" if end is None else end, end_date=end,
                      outcome=outcome, purpose="ordinary_job")  # fmt: skip
    bo = Mentor.create(name="Bo Lund")
    citizens.reassign_citizen(ali.id, bo.id, on=date(2026, 11, 2))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_birgitte(pilot, app, ali.id)
        await pilot.press("h")
        await pilot.pause()
        detail = text_of(app, "#course-detail")  # the running course, newest first
        assert f"Mentors in this course: {me.name} → Bo Lund" in detail
        assert f"Handed over 02-11-2026: {me.name} → Bo Lund" in detail
        await pilot.press("down")  # the course that ended before the handover
        await pilot.pause()
        assert "Mentors in this course" not in text_of(app, "#course-detail")


async def test_the_palette_finds_hand_over_on_the_citizen_screen(seeded, db_path):  # noqa: F811
    from .test_screens import type_text

    birgitte_id, _course = seeded["Birgitte Holm"]
    Mentor.create(name="Bo Lund")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_birgitte(pilot, app, birgitte_id)
        await pilot.press("ctrl+p")
        await type_text(pilot, "hand over")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HandoverForm"
        # One mentor to choose: already chosen.
        assert app.screen.values()["mentor_id"] == str(Mentor.get(Mentor.name == "Bo Lund").id)


async def test_a_handover_day_after_today_is_refused_before_the_question(seeded, db_path):  # noqa: F811
    from mentorterm.models import Handover

    from .test_screens import type_text

    birgitte_id, _course = seeded["Birgitte Holm"]
    before = Citizen.get_by_id(birgitte_id).mentor_id
    Mentor.create(name="Bo Lund")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open_birgitte(pilot, app, birgitte_id)
        await pilot.press("H")
        await pilot.pause()
        await pilot.press("tab", "end", *["backspace"] * 10)
        await type_text(pilot, "23-11-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "HandoverForm"  # no question asked
        assert "cannot be after today (22-11-2026)" in text_of(app, "#e-handed_on")
    assert Citizen.get_by_id(birgitte_id).mentor_id == before
    assert Handover.select().count() == 0
