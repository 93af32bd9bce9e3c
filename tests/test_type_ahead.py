"""Typing ahead across fields: keys a terminal delivers in one burst land in
the field they were typed for, tab and shift+tab included (widgets/type_ahead.py)."""

from __future__ import annotations

from datetime import date

from textual import events
from textual.widgets import Input, TextArea

from mentorterm.app import make_app
from mentorterm.models import Citizen

TODAY = date(2026, 11, 22)


def burst(app, keys: list[str]) -> None:
    """Every key queued at once, before the first is handled, as a fast typist's."""
    names = {
        " ": ("space", " "),
        "tab": ("tab", "\t"),
        "shift+tab": ("shift+tab", None),
        "enter": ("enter", "\r"),
        "backspace": ("backspace", "\x7f"),
        "home": ("home", None),
        "left": ("left", None),
        "delete": ("delete", None),
        "end": ("end", None),
        "slash": ("slash", "/"),
    }
    for key in keys:
        name, char = names.get(key, (key, key))
        app.post_message(events.Key(name, char))


async def shown_and_saved(app, pilot) -> list[tuple[str, str]]:
    """The new citizen form's name and phone as shown, then as saved (ctrl+s)."""
    shown = tuple(app.screen.query_one(f"#f-{f}", Input).value for f in ("name", "phone"))
    await pilot.press("ctrl+s")
    await pilot.pause()
    citizen = Citizen.get()
    return [shown, (citizen.name, citizen.phone)]


async def test_a_new_citizen_typed_fast_fills_each_field_and_saves(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        # shift+tab back: the field's text is selected on focus (Textual's way,
        # slow or fast), so what is typed then replaces it.
        burst(app, [*"Ana Holm", "tab", *"12345678", "shift+tab", *"Anna Holm"])
        await pilot.pause()
        assert await shown_and_saved(app, pilot) == [("Anna Holm", "12345678")] * 2


async def test_enter_typed_ahead_goes_to_the_next_field_of_a_form(db_path):
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        burst(app, [*"Anna Holm", "enter", *"12345678"])
        await pilot.pause()
        name = app.screen.query_one("#f-name", Input)
        phone = app.screen.query_one("#f-phone", Input)
        assert (name.value, phone.value) == ("Anna Holm", "12345678")


async def test_editing_keys_typed_ahead_act_where_they_were_typed(db_path):
    """Backspace, home, the arrows and delete are the field's bindings, which
    Textual runs once the key has bubbled up: typed in one burst they ran after
    the letters behind them ("Anan" for "Anne")."""
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        burst(app, [*"Ana", "backspace", *"ne Holm", "home", "x", "left", "delete", "end", "!"])
        await pilot.pause()
        assert app.screen.query_one("#f-name", Input).value == "Anne Holm!"
        app.screen.query_one("#f-job_goal", TextArea).focus()
        await pilot.pause()
        burst(app, [*"Lagre", "backspace", "backspace", *"er", "enter", *"Kantine"])
        await pilot.pause()
        assert app.screen.query_one("#f-job_goal", TextArea).text == "Lager\nKantine"
        await pilot.press("ctrl+s")
        await pilot.pause()
        citizen = Citizen.get()
        assert (citizen.name, citizen.job_goal) == ("Anne Holm!", "Lager\nKantine")


async def test_a_filter_typed_fast_gets_every_letter(db_path):
    """Typed "/tina" in one burst: the t went to the caseload (its agreements) before
    the filter had the focus."""
    from mentorterm import storage
    from tests.factories import full_citizen

    storage.open_database(db_path)
    full_citizen()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        burst(app, ["slash", *"tina"])
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert app.screen.query_one("#filter", Input).value == "tina"


async def test_a_filter_its_enter_and_the_list_s_enter_typed_at_once_open_the_match(db_path):
    """ "/jo", enter, enter in one burst: the second enter came while the filter
    still had the focus and submitted it again, and nobody was opened. It was
    typed for the list: it opens the citizen the narrowed list shows first, as
    typed slowly (never the one highlighted before the narrowing, Anna)."""
    from mentorterm import storage
    from tests.factories import full_citizen

    storage.open_database(db_path)
    full_citizen("Anna Berg")
    jonas = full_citizen("Jonas Nielsen")["citizen"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        burst(app, ["slash", *"jo", "enter", "enter"])
        for _ in range(20):
            await pilot.pause(0.02)
        assert type(app.screen).__name__ == "CitizenScreen"
        assert app.screen.citizen_id == jonas.id


async def test_one_enter_in_the_filter_only_leaves_it(db_path):
    from mentorterm import storage
    from tests.factories import full_citizen

    storage.open_database(db_path)
    full_citizen("Jonas Nielsen")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#filter", Input)
        burst(app, ["slash", *"jo", "enter"])
        # Waited for, not a fixed pause: a loaded machine (CI) can take longer.
        for _ in range(100):
            await pilot.pause(0.02)
            if not field.has_focus:
                break
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert not field.has_focus
        await pilot.pause(0.1)
        assert type(app.screen).__name__ == "CaseloadScreen"  # the one enter opened nothing
        await pilot.press("enter")  # now the list's: opens him
        for _ in range(100):
            await pilot.pause(0.02)
            if type(app.screen).__name__ == "CitizenScreen":
                break
        assert type(app.screen).__name__ == "CitizenScreen"


async def test_a_name_typed_with_the_n_lands_in_the_new_citizen_form(db_path):
    """ "n" and the name at once: the letters went to the caseload behind the "n"
    and came back up after the form had opened, where Textual found no binding
    for them and dropped them (the form's name stayed empty)."""
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        burst(app, ["n", *"Anna Holm", "tab", *"12345678"])
        for _ in range(20):  # the keys wait for the form to be mounted
            await pilot.pause(0.02)
        assert type(app.screen).__name__ == "CitizenForm"
        assert await shown_and_saved(app, pilot) == [("Anna Holm", "12345678")] * 2


async def test_a_yes_typed_before_the_question_showed_is_no_answer(db_path):
    """ctrl+a and "y" at once on a citizen: the "y" came back up to the app after
    the archive question had opened, and Textual ran the question's "y"
    binding: archived without the question ever shown. Now it asks, and the
    "y" pressed once it shows archives."""
    from mentorterm import storage
    from tests.factories import full_citizen

    storage.open_database(db_path)
    citizen_id = full_citizen()["citizen"].id
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=(100, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        burst(app, ["ctrl+a", "y"])
        for _ in range(20):
            await pilot.pause(0.02)
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert Citizen.get_by_id(citizen_id).archived_on is None
        await pilot.press("y")
        await pilot.pause()
        assert Citizen.get_by_id(citizen_id).archived_on is not None
