"""Tab typed ahead: the focus moves before the keys typed behind it arrive.

Textual moves the focus on tab through a binding, which runs only once the
focused field has handed the key back up. Keys that came in the same burst
from the terminal (a mentor typing "Anna Holm", tab, "12345678" quickly)
are already queued for the field by then, so the phone number landed in the
name field. The app calls ``move_focus_now`` for every key before passing
it on (screens/unlocking.py): in a text field, tab and shift+tab move the
focus at once, in the order they were typed.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input


def move_focus_now(app: App, event: events.Key) -> bool:
    """True when the key was a tab in a text field and the focus has moved."""
    if event.key not in ("tab", "shift+tab") or not isinstance(app.focused, Input):
        return False
    if event.key == "tab":
        app.screen.focus_next()
    else:
        app.screen.focus_previous()
    return True
