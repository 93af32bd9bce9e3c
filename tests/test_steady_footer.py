"""SteadyFooter (widgets/steady_footer.py): built again only when its keys change."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.widgets import Button, Input

from mentorterm.widgets.steady_footer import SteadyFooter


class WithKeys(Input):
    BINDINGS = [Binding("f5", "refresh_list", "Refresh")]

    def action_refresh_list(self) -> None:
        pass


class Two(App):
    BINDINGS = [Binding("f2", "noop", "Help")]

    def compose(self):
        yield WithKeys(id="with")
        yield Input(id="plain")
        yield Button("b", id="other")
        yield SteadyFooter()

    def action_noop(self) -> None:
        pass


def footer_text(app: App) -> str:
    return " ".join(str(key.render()) for key in app.query("FooterKey"))


async def test_a_focus_change_that_keeps_the_keys_builds_nothing_again():
    app = Two()
    async with app.run_test(size=(80, 10)) as pilot:
        app.set_focus(app.query_one("#plain"))
        await pilot.pause()
        before = list(app.query("FooterKey"))
        assert "Help" in footer_text(app) and "Refresh" not in footer_text(app)
        app.set_focus(app.query_one("#other"))  # the same keys shown
        await pilot.pause()
        assert list(app.query("FooterKey")) == before  # the same widgets, not rebuilt


async def test_a_focus_change_that_changes_the_keys_shows_the_new_ones():
    app = Two()
    async with app.run_test(size=(80, 10)) as pilot:
        app.set_focus(app.query_one("#plain"))
        await pilot.pause()
        app.set_focus(app.query_one("#with"))
        await pilot.pause()
        assert "Refresh" in footer_text(app) and "Help" in footer_text(app)
        app.set_focus(app.query_one("#plain"))
        await pilot.pause()
        assert "Refresh" not in footer_text(app)
