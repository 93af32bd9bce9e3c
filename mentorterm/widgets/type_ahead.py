"""Tab typed ahead: the focus moves before the keys typed behind it arrive.

Textual moves the focus on tab through a binding, which runs only once the
focused field has handed the key back up. Keys that came in the same burst
from the terminal (a mentor typing "Anna Holm", tab, "12345678" quickly)
are already queued for the field by then, so the phone number landed in the
name field. The app calls ``move_focus_now`` for every key before passing
it on (screens/unlocking.py): in a text field, tab and shift+tab move the
focus at once, in the order they were typed, and so does enter on a screen
whose enter means "next field" (``enter_moves_focus``: a form of several
fields, widgets/form.py).
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input


def move_focus_now(app: App, event: events.Key) -> bool:
    """True when the key moved the focus from a text field (and is used up)."""
    if not isinstance(app.focused, Input):
        return False
    if event.key == "enter" and getattr(app.screen, "enter_moves_focus", False):
        app.screen.focus_next()
        return True
    if event.key not in ("tab", "shift+tab"):
        return False
    if event.key == "tab":
        app.screen.focus_next()
    else:
        app.screen.focus_previous()
    return True
