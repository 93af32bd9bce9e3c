"""Textual's own text in the mentor's language: the palette, its keys, the
system commands, the footer's palette label; commands found by either name."""

from __future__ import annotations

from datetime import date

import pytest
from textual.command import CommandInput, CommandList
from textual.widgets._footer import FooterKey

from mentorterm import i18n
from mentorterm.app import make_app

from .danish_stand_in import danish_stand_in  # noqa: F401 - a fixture

TODAY = date(2026, 11, 22)
SIZE = (120, 36)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def hits(app) -> list[str]:
    options = app.screen.query_one(CommandList).options
    # Each hit: its title, then its help on the next line.
    return [str(getattr(o.prompt, "plain", o.prompt)).split("\n")[0] for o in options]


def palette_label(app) -> str:
    return next(k.description for k in app.screen.query(FooterKey) if k.action == "command_palette")


@pytest.mark.usefixtures("danish_stand_in")
async def test_in_danish_the_palette_its_footer_label_and_textuals_commands(db_path):
    i18n.use("da")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert palette_label(app) == "palet"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Søg efter kommandoer…"
        assert app.screen.active_bindings["escape"].binding.description == "Luk kommandopaletten"
        await type_text(pilot, "tema")
        await pilot.pause(0.3)
        assert hits(app)[0].startswith("Tema")


@pytest.mark.usefixtures("danish_stand_in")
async def test_a_danish_mentor_finds_a_command_by_its_english_name(db_path):
    i18n.use("da")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "keys")
        await pilot.pause(0.3)
        assert "Taster (Keys)" in hits(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query("HelpPanel")


@pytest.mark.usefixtures("danish_stand_in")
async def test_and_by_its_danish_name(db_path):
    i18n.use("da")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "taster")
        await pilot.pause(0.3)
        assert hits(app)[0] == "Taster"


@pytest.mark.usefixtures("danish_stand_in")
async def test_an_english_mentor_finds_a_command_by_its_danish_name(db_path):
    i18n.use("en")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "sagsoversigt")
        await pilot.pause(0.3)
        assert "Caseload (Sagsoversigt)" in hits(app)


async def test_english_is_textuals_own_text(db_path):
    i18n.use("en")
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert palette_label(app) == "palette"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Search for commands…"
        names = {c.title for c in app.get_system_commands(app.screen_stack[-2])}
        assert {"Theme", "Quit", "Keys", "Screenshot", "Caseload"} <= names


# --------------------------------------------------------------------------- the keys panel


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _textual_descriptions() -> set[str]:
    """Every description and group title of Textual's own bindings on the
    widgets mentorterm uses."""
    from textual.app import App
    from textual.containers import ScrollableContainer, VerticalScroll
    from textual.screen import ModalScreen, Screen
    from textual.widgets import Button, Checkbox, DataTable, Input, OptionList, Select, TextArea
    from textual.widgets._select import SelectOverlay

    words = set()
    for cls in (App, Screen, ModalScreen, DataTable, Input, TextArea, Select, SelectOverlay):
        words |= {b.description for bs in cls._merged_bindings.key_to_bindings.values() for b in bs}
    for cls in (OptionList, Checkbox, Button, ScrollableContainer, VerticalScroll):
        words |= {b.description for bs in cls._merged_bindings.key_to_bindings.values() for b in bs}
        if cls.BINDING_GROUP_TITLE:
            words.add(cls.BINDING_GROUP_TITLE)
    return (words | {Input.BINDING_GROUP_TITLE}) - {"", "Quit"}  # Quit: relabelled on the app


def test_every_word_textual_writes_in_the_keys_panel_has_a_danish_one():
    from mentorterm.screens.textual_keys import TEXTUAL_WORDS

    assert _textual_descriptions() <= TEXTUAL_WORDS
    with i18n.speaking("da"):
        untranslated = [w for w in TEXTUAL_WORDS if i18n._(w) == w]
    assert untranslated == []


def test_a_help_line_that_repeats_the_description_is_shown_once():
    from textual.binding import Binding

    from mentorterm.screens.textual_keys import description

    assert description(Binding("2", "sick", "Sick", tooltip="Sick all day"), "").plain == (
        "Sick all day"
    )
    shown = description(Binding("3", "notice", "Notice", tooltip="Absent with notice"), "")
    assert shown.plain == "Notice Absent with notice"
    assert description(Binding("x", "x", "Page Up"), "").plain == "Page Up"  # English


async def test_in_danish_the_keys_panel_speaks_danish(tmp_path):
    from mentorterm.screens.textual_keys import KeysPanel

    i18n.use("da")  # the real catalogue: the panel translates when it is drawn
    app = make_app(tmp_path / "mentorterm.db", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await type_text(pilot, "taster")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query(KeysPanel)
        text = screen_text(app)
        assert "Næste felt" in text and "Forrige felt" in text
        assert "Focus Next" not in text and "Focus Previous" not in text
        await pilot.press("n")  # the new-citizen form: an Input has the focus
        await pilot.pause()
        app.action_show_help_panel()
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Tekstfelt" in text and "Gå til starten" in text
        for english in ("Input", "Go to start", "Move cursor left", "Delete character"):
            assert english not in text, english
        app.action_hide_help_panel()
        await pilot.pause()
        assert not app.screen.query(KeysPanel)


async def test_in_english_the_keys_panel_is_textuals_own(tmp_path):
    app = make_app(tmp_path / "mentorterm.db", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_show_help_panel()
        await pilot.pause()
        await pilot.pause()
        assert "Focus Next" in screen_text(app)
