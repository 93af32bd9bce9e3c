"""A long list drawn line by line: only the rows on screen are rendered, each once.

``CaseList`` looks and answers like the ``FittingTable`` (widgets/columns.py)
it replaces on the caseload: the same columns, widths, header, zebra stripes,
row cursor and styles (the DataTable's component classes and CSS). It is a
ScrollView with ``render_line``: a row is rendered the first time it is on
screen and kept as a Strip by its key and the styles it is drawn in, so a
filter keystroke renders only the rows it brings into view, and a focus
change only the cursor row. A change repaints only the lines whose strip
differs from the one on screen (``_repaint``), and a new number of rows
changes the scroll range without a layout of the whole screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from .caselist_css import CASE_LIST_CSS
from .caselist_draw import RowDrawing
from .columns import Col, Shown, cut, fit, hidden_cells, table_width

Cells = Sequence[str | Text]


def _width(value: str | Text) -> int:
    return value.cell_len if isinstance(value, Text) else cell_len(str(value))


class CaseList(RowDrawing, ScrollView, can_focus=True):
    """Rows of cells under a header row, a row cursor; columns fitted to the width."""

    COMPONENT_CLASSES = {
        "datatable--header",
        "datatable--cursor",
        "datatable--even-row",
        "datatable--odd-row",
    }
    # The DataTable's own look, so the list reads the same as every other table.
    DEFAULT_CSS = CASE_LIST_CSS

    BINDINGS = [
        Binding("enter", "select_cursor", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("ctrl+home,home", "to(0)", show=False),
        Binding("ctrl+end,end", "to(-1)", show=False),
    ]

    class RowHighlighted(Message):
        """The cursor is on another row."""

        def __init__(self, case_list: CaseList, cursor_row: int, row_key: str) -> None:
            super().__init__()
            self.case_list = case_list
            self.cursor_row = cursor_row
            self.row_key = row_key

        @property
        def control(self) -> CaseList:
            return self.case_list

    class RowSelected(RowHighlighted):
        """Enter (or a click) on a row."""

    def __init__(
        self,
        columns: Sequence[Col],
        *,
        header_extra: int = 0,
        header: Callable[[Shown], str] | None = None,
        zebra_stripes: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.specs = list(columns)
        self.header_extra = header_extra
        self.header = header or (lambda shown: shown.label)
        self.zebra_stripes = zebra_stripes
        self.shown: list[Shown] = []
        self.cursor_row = 0
        self._cells: dict[str, Cells] = {}
        self._widths: dict[str, tuple[int, ...]] = {}  # each row's cell widths, measured once
        self._order: list[str] = []
        self._strips: dict[tuple, Strip] = {}  # a rendered row, by key and look
        self._cut: dict[str, list[str | Text]] = {}  # a row's cells as shown, by key
        self._positions: list[int] = []  # where each shown column's cell is in a row
        self._segments: dict[tuple, list[Segment]] = {}  # a text cell drawn, by look
        self._looks: dict[tuple, tuple[Style, ...]] = {}  # the row styles, by widget look
        self._header: tuple[str, ...] = ()
        self._drawn: dict[int, tuple[Strip, int]] = {}  # line y: (strip, scroll x) last drawn
        self._drawn_width = -1  # the width the cached strips were made for

    # --- the rows -----------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._order)

    @property
    def keys(self) -> list[str]:
        return self._order

    def fill(self, rows: Iterable[tuple[str, Cells]], keep: str | None = None) -> None:
        """Show these rows: the cursor on row ``keep`` where it is among them,
        else on the same line number (the changed lines are marked once)."""
        cells: dict[str, Cells] = {}
        order: list[str] = []
        for key, row in rows:
            if self._cells.get(key, row) != row:  # changed: render it again
                self._forget(key)
            if key not in self._widths or key not in self._cells:
                self._widths[key] = tuple(_width(value) for value in row)
            cells[key] = row
            order.append(key)
        self._cells = cells
        self._order = order
        self._arrange(self.choose(), repaint=False)
        row = order.index(keep) if keep is not None and keep in cells else self.cursor_row
        self._set_cursor(min(max(row, 0), max(len(order) - 1, 0)), post=False)
        self._repaint()

    def _forget(self, key: str) -> None:
        self._widths.pop(key, None)
        self._cut.pop(key, None)
        for cached in [k for k in self._strips if k[0] == key]:
            del self._strips[cached]

    def get_row_at(self, index: int) -> list[str | Text]:
        """The cells of the row at ``index`` as shown (cut to their column)."""
        return self._shown_cells(self._order[index])

    def _shown_cells(self, key: str) -> list[str | Text]:
        found = self._cut.get(key)
        if found is None:  # measured and cut once per row and choice of columns
            cells = self._cells[key]
            found = [
                cut(cells[i], c.width) for i, c in zip(self._positions, self.shown, strict=True)
            ]
            self._cut[key] = found
        return list(found)

    def hidden(self, key: str) -> list[tuple[str, str]]:
        """(full header, full text) of the row's cells the list drops or cuts."""
        return hidden_cells(self.specs, self.shown, self._cells.get(key))

    # --- the columns --------------------------------------------------------------

    def available(self) -> int:
        # The width of its place, as FittingTable measures it (widgets/columns.py).
        container = self.parent.size.width if isinstance(self.parent, Widget) else 0
        return table_width(container or self.app.size.width)

    def choose(self) -> list[Shown]:
        specs = self.specs
        if self._order:
            widest = [
                max(column) for column in zip(*(self._widths[k] for k in self._order), strict=True)
            ]
            specs = []
            for col, found in zip(self.specs, widest, strict=True):
                width = max(1, min(col.width, found))
                specs.append(col._replace(width=width, min_width=min(col.narrowest, width)))
        return fit(specs, self.available(), header_extra=self.header_extra)

    def _arrange(self, chosen: list[Shown], repaint: bool = True) -> None:
        if [(c.key, c.width) for c in chosen] != [(c.key, c.width) for c in self.shown]:
            self._strips.clear()
            self._cut.clear()
        self.shown = chosen
        index = {c.key: i for i, c in enumerate(self.specs)}
        self._positions = [index[c.key] for c in chosen]
        self._header = tuple(self.header(column) for column in self.shown)
        self._scroll_range(Size(sum(c.width + 2 for c in chosen), len(self._order) + 1))
        if repaint:
            self._repaint()

    def _scroll_range(self, size: Size) -> None:
        """A new virtual size without a layout of the screen (``virtual_size`` is
        a layout reactive) where CSS fixes the list's size (the caseload's
        ``height: 1fr``). The scrollbars follow as after a layout; showing or
        hiding one still lays out. A list sized by its rows (the DataTable's
        ``height: auto``) is laid out as before."""
        if size == self.virtual_size:
            return
        if self.styles.auto_dimensions:
            self.virtual_size = size
            return
        self.set_reactive(CaseList.virtual_size, size)
        if self.is_mounted and self.container_size:
            self._scroll_update(size)

    @property
    def header_labels(self) -> tuple[str, ...]:
        """The header row's titles, as shown."""
        return self._header

    def relabel(self) -> None:
        """Headers again (after a change the header function shows, e.g. a sort)."""
        self._header = tuple(self.header(column) for column in self.shown)
        self._repaint()

    def on_resize(self) -> None:
        chosen = self.choose()
        if self.size.width != self._drawn_width:
            self._strips.clear()  # the rows reach to the edge (a new height keeps them)
            self._drawn_width = self.size.width
        self._arrange(chosen)

    # --- the cursor ---------------------------------------------------------------

    @property
    def selected_key(self) -> str | None:
        if not self._order:
            return None
        return self._order[self.cursor_row]

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        if self._order:
            self._set_cursor(min(max(row, 0), len(self._order) - 1))

    def _set_cursor(self, row: int, post: bool = True) -> None:
        changed = row != self.cursor_row
        self.cursor_row = row
        self._scroll_to_cursor()
        if post:  # fill() repaints once, after the cursor is placed
            self._repaint()
        if self._order and (changed or post):
            self.post_message(self.RowHighlighted(self, row, self._order[row]))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        page = self._page()
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + page:
            self.scroll_to(y=self.cursor_row - page + 1, animate=False, force=True)

    def action_cursor(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step * self._page())

    def action_to(self, row: int) -> None:
        self.move_cursor(row=row if row >= 0 else len(self._order) - 1)

    def action_select_cursor(self) -> None:
        if self._order:
            self.post_message(self.RowSelected(self, self.cursor_row, self._order[self.cursor_row]))

    def on_click(self, event: events.Click) -> None:
        row = event.y - 1 + round(self.scroll_y)
        if event.y >= 1 and 0 <= row < len(self._order):
            self.move_cursor(row=row)
            self.action_select_cursor()
            event.stop()
