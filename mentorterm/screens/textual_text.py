"""Textual's own words in the mentor's language: the palette, its keys, the
system commands (Theme, Quit, Keys, Screenshot …) and the footer's "palette".

Textual 8.2.8 writes these in English inside the library; here they are the
same commands with the same keys, their text through ``_()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets.option_list import Option

from ..i18n import _


def relabel(node: DOMNode, labels: dict[str, tuple[str, str]]) -> None:
    """Give the node's bindings for these actions a new (description, tooltip);
    their keys stay as they are. Read at run time, so the language chosen at
    the start (or in a test) is the one shown."""
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=labels[b.action][0], tooltip=labels[b.action][1])
            if b.action in labels
            else b
            for b in bindings
        ]


def _palette_labels() -> dict[str, tuple[str, str]]:
    return {
        "escape": (_("Exit the command palette"), ""),
        "cursor_down": (_("Next command"), ""),
        "command_list('cursor_up')": (_("Previous command"), ""),
        "command_list('page_down')": (_("Next page"), ""),
        "command_list('page_up')": (_("Previous page"), ""),
        "command_list('first')": (_("Go to top"), ""),
        "command_list('last')": (_("Go to bottom"), ""),
    }


class Palette(CommandPalette):
    """Textual's command palette with its placeholder, keys and "no matches" translated."""

    def __init__(self, *args, placeholder: str | None = None, **kwargs) -> None:
        super().__init__(*args, placeholder=placeholder or _("Search for commands…"), **kwargs)
        relabel(self, _palette_labels())

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its "No matches found" in the mentor's words.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


class TextualText:
    """Mixed into the App after LockGuard and before Textual's App: the palette
    opens as ``Palette``, the footer's palette key and ctrl+q are translated."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,  # type: ignore[arg-type]
            {
                "command_palette": (_("palette"), _("Open the command palette")),
                "quit": (_("Quit"), _("Quit the app and return to the command prompt.")),
            },
        )

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[attr-defined]
            self.push_screen(Palette(id="--command-palette"))  # type: ignore[attr-defined]

    def action_show_help_panel(self) -> None:
        """The palette's "Keys": Textual's keys panel, its words translated."""
        from .textual_keys import KeysPanel

        if not self.screen.query(KeysPanel):  # type: ignore[attr-defined]
            self.screen.query("HelpPanel").remove()  # type: ignore[attr-defined]
            self.screen.mount(KeysPanel())  # type: ignore[attr-defined]

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(  # type: ignore[attr-defined]
            Palette(providers=[ThemeProvider], placeholder=_("Search for themes…"))
        )


def textual_commands(app, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's system commands (App.get_system_commands), in the mentor's words."""
    yield SystemCommand(_("Theme"), _("Change the current theme"), app.action_change_theme)
    yield SystemCommand(_("Quit"), _("Quit the application as soon as possible"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(
            _("Keys"), _("Hide the keys and widget help panel"), app.action_hide_help_panel
        )
    else:
        yield SystemCommand(
            _("Keys"),
            _("Show help for the focused widget and a summary of available keys"),
            app.action_show_help_panel,
        )
    if screen.maximized is not None:
        yield SystemCommand(
            _("Minimize"),
            _("Minimize the widget and restore to normal size"),
            screen.action_minimize,
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(_("Maximize"), _("Maximize the focused widget"), screen.action_maximize)
    yield SystemCommand(
        _("Screenshot"),
        _("Save an SVG 'screenshot' of the current screen"),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )
