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
