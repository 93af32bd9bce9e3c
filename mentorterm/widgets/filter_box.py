"""A one-line filter box whose typing never lays out the screen again.

Textual's ``Input`` sets its ``virtual_size`` (a layout reactive) on every
change of its value, so each typed character re-lays out the whole screen,
though the box keeps its size. ``FilterBox`` is an ``Input`` that sets it
without that layout where CSS fixes the box's size; everything else (keys,
cursor, scrolling within the box, the ``Changed`` and ``Submitted`` messages,
its look: it is styled as an ``Input``) is the Input's own.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input


class FilterBox(Input):
    """An ``Input`` of fixed size: a keystroke repaints it, nothing else moves."""

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:
            # What Input's own watcher sets next (then unchanged: no layout).
            self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
