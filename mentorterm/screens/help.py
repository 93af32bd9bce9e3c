"""Help: every key of the screen you came from, read from its real bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .. import keys
from ..i18n import _

# Keys that work everywhere, whether or not a screen lists them.
GLOBAL_KEYS = [
    ("?", _("Help: this list of keys")),
    ("ctrl+p", _("Command palette: jump to a citizen or a screen")),
    ("ctrl+q", _("Quit mentorterm")),
    ("tab / shift+tab", _("Next / previous field")),
]


def _key_text(key: str) -> str:
    return key.replace("question_mark", "?").replace("slash", "/")


def bindings_of(screen: Screen) -> list[tuple[str, str]]:
    """(key, description) of every key the screen itself offers.

    Read from the screen class's real bindings (its own and inherited), so
    the help cannot drift from what the keys do; the widgets' own movement
    keys (arrows, page up/down) are left out as every terminal user knows them.
    """
    seen: dict[str, str] = {}
    for cls in type(screen).__mro__:
        if not cls.__module__.startswith("mentorterm"):
            continue  # Textual's own screen keys are under "Everywhere"
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            key = binding.key_display or binding.key.split(",")[0]
            # The tooltip (the key's help text in keys/) where the footer's label is short.
            seen.setdefault(binding.tooltip or binding.description, _key_text(key))
    return [(key, description) for description, key in seen.items()]


class HelpScreen(ModalScreen[None]):
    # One scrolling box, as high as its text up to the whole screen: at 80x24
    # the longest help is read to its end with down / pgdn (the box has focus).
    CSS_PATH = "help.tcss"
    AUTO_FOCUS = "#help-box"
    BINDINGS = keys.bindings("help")

    def __init__(self, for_screen: Screen, title: str) -> None:
        super().__init__()
        self.keys = bindings_of(for_screen)
        self.title_text = title
        # A screen's word on how it works, beyond its keys (e.g. what it matches by).
        self.note = getattr(for_screen, "HELP_NOTE", "")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(_("Keys: {screen}").format(screen=self.title_text), id="help-title")
            if self.note:
                yield Static(self.note, id="help-note")
            yield Static(_("On this screen"), classes="section")
            yield Static("\n".join(f"  [b]{k:<16}[/b] {d}" for k, d in self.keys), id="help-keys")
            yield Static(_("Everywhere"), classes="section")
            yield Static("\n".join(f"  [b]{k:<16}[/b] {d}" for k, d in GLOBAL_KEYS))
            yield Static(
                _("escape closes this help; down and pgdn scroll it."),
                classes="section",
                id="help-end",
            )

    def action_dismiss(self) -> None:
        self.dismiss(None)
