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

**Editing keys typed ahead.** The same goes for a text field's own keys
(backspace, delete, the arrows, home, end, ctrl+w …): Textual runs them as
bindings once the key has bubbled from the field up to the app, while the
letters typed behind them are inserted by the field as they come. Typed in
one burst (or queued while the app was busy saving), "Ana", backspace, "ne"
came out "Anan", not "Anne": the backspace ran after the letters that
followed it. ``keep_in_order`` hands such a key's action to the field's
own queue, behind the letters already sent to it, so it runs where it was
typed.

**The filter typed ahead.** "/" opens a list's filter through a binding too:
"/tina" typed fast on the caseload sent the t to the caseload (its
agreements) before the filter had the focus. ``filter_now`` opens it at
once, and the screens give it the focus at once (``set_focus``), so the
letters behind the "/" are the filter's.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea

#: Keys left to Textual's own path: tab, shift+tab and enter move the focus
#: (above), or submit; everything else a text field binds keeps its place.
_NOT_REORDERED = frozenset({"tab", "shift+tab", "enter"})


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


def keep_in_order(app: App, event: events.Key) -> bool:
    """True when ``event`` is one of the focused text field's own keys, whose
    action now waits in the field's queue behind the keys typed before it."""
    field = app.focused
    if not isinstance(field, (Input, TextArea)) or event.key in _NOT_REORDERED:
        return False
    own = [b for b in field._bindings.key_to_bindings.get(event.key, ()) if not b.priority]
    if not own or _priority_bound(app, event.key):
        return False

    async def run() -> None:
        restart_blink = getattr(field, "_restart_blink", None)
        if callable(restart_blink):
            restart_blink()  # what the field does with any key
        if not await app.run_action(own[0].action, field):
            # The field let it pass (ctrl+c with nothing selected): the key takes
            # Textual's own way from the field, to the screen's binding.
            field._forward_event(event)

    field.call_later(run)
    return True


async def filter_now(app: App, event: events.Key) -> bool:
    """True when "/" opened the screen's filter at once (the letters typed behind
    it then go to the filter, which has the focus already)."""
    if event.key != "slash" or isinstance(app.focused, (Input, TextArea)):
        return False
    screen = app.screen
    bindings = screen._bindings.key_to_bindings.get("slash", ())
    if not any(b.action == "filter" and not b.priority for b in bindings):
        return False
    if _priority_bound(app, "slash"):
        return False
    return await app.run_action("filter", screen)


def _priority_bound(app: App, key: str) -> bool:
    """A priority binding for ``key`` anywhere from the focus up: Textual runs it
    first, at once, so the key is left to Textual."""
    return any(
        b.priority
        for _node, bindings in app.screen._binding_chain
        for b in bindings.key_to_bindings.get(key, ())
    )
