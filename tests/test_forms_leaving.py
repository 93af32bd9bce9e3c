"""Leaving is always possible: two escapes leave any form, enter saves a one-field
form, ctrl+c says how to leave. Pressed with the real keys; checked on disk."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.models import AuditEntry, Citizen, LogbookEntry

TODAY = date(2026, 11, 22)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_two_escapes_leave_a_form_and_throw_away_what_was_typed(db_path, size):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"
        await type_text(pilot, "Halvt Navn")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "DiscardScreen"
        question = app.screen.query_one("#question", Static)
        assert "Throw away" in str(question.render())
        assert "escape" in str(app.screen.query_one("#discard-keys", Static).render())
        # The whole question and both buttons are on screen, also at 80x24.
        for widget in (question, app.screen.query_one("#yes"), app.screen.query_one("#no")):
            region = widget.region
            assert region.height > 0 and region.bottom <= size[1] and region.right <= size[0]
        await pilot.press("escape")  # the second escape discards and leaves
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    storage.open_database(db_path)
    assert Citizen.select().count() == 0


async def test_n_and_enter_in_the_question_keep_editing(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Mette")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"
        assert app.screen.query_one("#f-name", Input).value == "Mette"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # the focused button is "Keep editing"
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"
        assert app.screen.query_one("#f-name", Input).value == "Mette"


async def test_one_escape_leaves_a_form_nothing_was_typed_in(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_ctrl_c_in_a_form_says_how_to_leave_and_changes_nothing(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Ali")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert type(app.screen).__name__ == "CitizenForm"
        assert app.screen.query_one("#f-name", Input).value == "Ali"
        assert any("escape leaves the form, ctrl+s saves" in n for n in notes(app))
        assert not any("to quit the app" in n for n in notes(app))


@pytest.fixture
def sick_day(db_path):
    from tests.factories import full_citizen

    storage.open_database(db_path)
    rows = full_citizen()
    entry = LogbookEntry.create(
        placement=rows["placement"],
        citizen=rows["citizen"],
        entry_date=date(2026, 2, 4),
        attendance="sick",
        hours_planned=2,
        hours_worked=0,
    )
    storage.close_database()
    return entry.id


async def test_enter_saves_a_form_with_one_field(db_path, sick_day):
    from mentorterm.screens.logbook import ReasonForm

    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        audits = AuditEntry.select().count()
        app.push_screen(ReasonForm(sick_day))
        await pilot.pause()
        assert "enter" in str(app.screen.query_one("#form-keys", Static).render())
        await type_text(pilot, "migraine")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert LogbookEntry.get_by_id(sick_day).absence_reason == "migraine"
        assert AuditEntry.select().count() > audits


async def test_enter_in_a_form_with_several_fields_moves_on_and_saves_nothing(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Mette")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenForm"
        assert app.screen.focused.id != "f-name"
        assert Citizen.select().count() == 0


async def test_two_escapes_also_leave_from_a_text_area_and_an_open_choice(db_path):
    from textual.widgets import Select, TextArea

    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        area = app.screen.query_one("#f-address", TextArea)
        area.focus()
        await type_text(pilot, "Vestergade 1")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "DiscardScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        # A course form: escape first closes an open choice list, then the form.
        from mentorterm.domain.citizens import create_citizen
        from mentorterm.schemas import CitizenIn
        from mentorterm.screens.citizen_forms import CourseForm

        citizen_id = create_citizen(CitizenIn(name="Mette"))
        app.push_screen(CourseForm(citizen_id, "Mette", again=False, today=TODAY))
        await pilot.pause()
        choice = app.screen.query_one("#f-purpose", Select)
        choice.focus()
        await pilot.press("enter")  # opens the list
        await pilot.pause()
        assert choice.expanded
        await pilot.press("escape")
        await pilot.pause()
        assert not choice.expanded and type(app.screen).__name__ == "CourseForm"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"


async def test_ctrl_c_with_a_selection_copies_it_and_gives_no_hint(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Ali")
        await pilot.press("shift+home", "ctrl+c")
        await pilot.pause()
        assert app.clipboard == "Ali"
        assert not any("escape leaves the form" in n for n in notes(app))
        assert type(app.screen).__name__ == "CitizenForm"
