"""A change drawn in one frame: widgets' repaints handed to their screen at once.

A widget's ``refresh()`` reaches its screen only when the widget's own message
queue next runs empty (Textual 8.2.8: ``Widget._check_refresh`` posts
``messages.Update`` to the screen, whose handler adds the widget to the
screen's dirty set). When a screen's handler changes several widgets and
takes a while (the caseload's filter narrowing thousands of rows), the
screen's frame timer, already due for the widget that started it (the filter
box's letter), draws before those updates arrive: the letter in one frame,
the narrowed list and its status line in the next, 17 ms later
(bench/README.md "The filter in one frame").

``join_frame(screen, *widgets)``, called in a handler on the screen's own
message loop, does for each widget what Textual would do a moment later
(the same checks, in the same order), so they are in the frame the screen
draws next. A widget not yet in the screen's compositor is left to Textual's
own path. On a Textual other than the pinned one (its two functions not on
the lines where 8.2.8 has them) it does nothing: the frames come as before;
tests/test_one_frame.py holds their sources to 8.2.8's by digest.
"""

from __future__ import annotations

from functools import cache

from textual.screen import Screen
from textual.widget import Widget

# Textual 8.2.8's Widget._check_refresh and Screen._on_update, whose repaint
# path join_frame takes a step early: their sources' digests (checked by the
# tests) and the lines they span (checked here: reading the sources costs 8
# ms, the lines nothing).
FOLLOWED = {
    "_check_refresh": ("ad1c8196be9747bf", 4545, 4577),
    "_on_update": ("8d962c0761ddb02e", 1398, 1406),
}
FOLLOWED_FUNCTIONS = {"_check_refresh": Widget._check_refresh, "_on_update": Screen._on_update}


def lines_of(function) -> tuple[int, int]:
    """The first and last source line of a function's code."""
    code = function.__code__
    return code.co_firstlineno, max(line for *_, line in code.co_lines() if line)


@cache
def follows_textual() -> bool:
    """Whether this Textual's repaint path is on the lines read here."""
    return all(
        lines_of(FOLLOWED_FUNCTIONS[name]) == (first, last)
        for name, (_digest, first, last) in FOLLOWED.items()
    )


def join_frame(screen: Screen, *widgets: Widget) -> int:
    """Put each widget's pending repaint in ``screen``'s next frame now; how
    many were put there (the rest, if any, come by Textual's own way)."""
    if not follows_textual():
        return 0
    joined = 0
    compositor = screen._compositor
    for widget in widgets:
        if not widget._repaint_required or widget._closing or widget._parent is None:
            continue
        if not widget.display or widget not in compositor:
            continue
        widget._repaint_required = False
        screen._dirty_widgets.add(widget)
        joined += 1
    if joined:
        screen.check_idle()
    return joined
