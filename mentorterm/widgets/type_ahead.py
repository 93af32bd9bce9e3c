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

**Keys typed ahead of a screen that opens.** "n" and the citizen's name
typed at once: the app hands every key to the focused widget as it comes,
so the letters went to the caseload behind the "n", and came back up to
the app (where Textual runs the bindings) after the "n" had opened the new
citizen form: Textual then looked for bindings of "A", "n", ... on the form,
found none, and the letters were gone. ``note_screen`` marks each key with
the screen it was given to; ``follow_new_screen`` takes a key that comes
back up after its screen gave way to another and gives it to the new
screen's focus instead, once that screen is mounted (in the order typed,
with the keys that come meanwhile behind it), so the letters land in the
form's name field as typed. A question that guards a change (``ConfirmScreen``,
erasing a citizen) takes no key typed before it showed
(``ANSWERS_TYPED_AHEAD = False``): ctrl+a and "y" at once on a citizen asks
whether to archive, as a "y" typed before the question was there was never
its answer.
"""

from __future__ import annotations

import sys
import time

from textual import events
from textual.app import App
from textual.widgets import Input

#: Keys left to Textual's own path: tab, shift+tab and enter move the focus
#: (above), or submit; everything else a text field binds keeps its place.
_NOT_REORDERED = frozenset({"tab", "shift+tab", "enter"})


def _is_text_field(widget: object) -> bool:
    """An Input or a TextArea. TextArea is not imported for the question (10 ms
    of start-up, before the first frame): while its module is not loaded, no
    widget can be one."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


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
    if not _is_text_field(field) or event.key in _NOT_REORDERED:
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
    if event.key != "slash" or _is_text_field(app.focused):
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


#: How often (seconds) keys waiting for a screen look whether it is mounted,
#: and how long they wait at most (then they take Textual's way).
_WAIT_STEP = 0.005
_WAIT_AT_MOST = 3.0


def note_screen(app: App, event: events.Key) -> None:
    """Mark a key from the terminal with the screen it is given to."""
    event._typed_for = app.screen  # type: ignore[attr-defined]


def follow_new_screen(app: App, event: events.Key) -> bool:
    """True when ``event`` (a key coming back up to the app) was typed for a
    screen that has since given way to another: it is now the new screen's,
    given to its focus once it is mounted."""
    typed_for = getattr(event, "_typed_for", None)
    if typed_for is None or typed_for is app.screen:
        return False
    _wait(app, event)
    return True


def wait_for_screen(app: App, event: events.Key) -> bool:
    """True when a key from the terminal waits: behind keys still waiting for
    their screen, or for the screen just pushed to be mounted (until then it
    has no focus, and Textual would give the key to the screen itself)."""
    if getattr(event, "_given", False):
        return False
    if not _waiting(app) and app.screen.is_mounted:
        return False
    _wait(app, event)
    return True


def _waiting(app: App) -> list[events.Key]:
    waiting = getattr(app, "_keys_waiting", None)
    if waiting is None:
        waiting = app._keys_waiting = []  # type: ignore[attr-defined]
    return waiting


def _wait(app: App, event: events.Key) -> None:
    waiting = _waiting(app)
    waiting.append(events.Key(event.key, event.character))
    if len(waiting) == 1:
        app._keys_waiting_since = time.monotonic()  # type: ignore[attr-defined]
        app.call_later(_give_waiting, app)


async def _give_waiting(app: App) -> None:
    """The waiting keys to the screen now shown, in the order typed, once it
    is mounted (after ``_WAIT_AT_MOST`` to whatever shows)."""
    waiting = _waiting(app)
    while waiting:
        patient = time.monotonic() - app._keys_waiting_since < _WAIT_AT_MOST  # type: ignore[attr-defined]
        if patient and not app.screen.is_mounted:
            app.set_timer(_WAIT_STEP, lambda: app.call_later(_give_waiting, app))
            return
        event = waiting.pop(0)
        if getattr(app.screen, "ANSWERS_TYPED_AHEAD", True):
            event._given = True  # type: ignore[attr-defined]
            await app.on_event(event)
