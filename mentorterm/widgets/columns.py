"""Table columns that fit the terminal: each list declares which of its columns
are essential and in which order the others give way.

A narrow terminal (80x24) must never cut off the column that carries a red
signal. So instead of letting a ``DataTable`` scroll sideways, a list
declares its columns with a natural width, a minimum width, a short header
and a drop order; ``fit`` chooses, for the width there is, which columns are
shown, how wide, and under which header:

1. everything at its natural width with its full header, if it fits;
2. else the columns that may give way are narrowed towards their minimum
   (in their drop order), the essential ones kept whole;
3. else the next column in the drop order goes, and 1-2 are tried again;
4. with only essential columns left, they are narrowed too (flexible ones
   first), headers shortened where the full one no longer fits.

So a less important column is narrowed, then dropped, before an essential
one loses a character.

Essential columns (``drop=None``) are never dropped. A cut or dropped cell's
full text is the screen's job to show elsewhere (a detail line, or enter):
``FittingTable.hidden`` says which.

A list adopts it by declaring its ``Col``s and using ``FittingTable`` in place
of ``DataTable``, giving its rows with ``fill`` (the caseload, the agreements).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable

#: A DataTable cell has one column of padding on each side.
PADDING = 2
#: Kept free for the table's vertical scrollbar.
SCROLLBAR = 2


@dataclass(frozen=True)
class Col:
    key: str
    label: str
    width: int  # the most its cells need
    min_width: int = 0  # the narrowest it may get (0: its width)
    short: str = ""  # the header when the full one does not fit ("" : the label)
    drop: int | None = None  # None: essential; else dropped in this order, 1 first
    flex: bool = False  # free text (a name, a workplace): narrowed first, cut with "…"

    @property
    def narrowest(self) -> int:
        return self.min_width or self.width


@dataclass(frozen=True)
class Shown:
    col: Col
    width: int
    label: str

    @property
    def key(self) -> str:
        return self.col.key

    @property
    def cut(self) -> bool:
        """Narrower than its widest cell: long values end in "…"."""
        return self.width < self.col.width


def _need(col: Col, header_extra: int, short: bool) -> int:
    header = (col.short or col.label) if short else col.label
    return len(header) + header_extra


def _narrow_order(cols: Sequence[Col]) -> list[Col]:
    """Who gives width first: the droppable ones in their drop order, then the
    essential ones, flexible (free text) before fixed ones."""

    def rank(col: Col) -> tuple:
        return (col.drop is None, col.drop or 0, not col.flex, cols.index(col))

    return sorted(cols, key=rank)


def _layout(
    cols: Sequence[Col], available: int, header_extra: int, squeeze_essentials: bool
) -> list[Shown] | None:
    natural = {c.key: max(c.width, _need(c, header_extra, False)) for c in cols}
    floor = {
        c.key: max(c.narrowest, _need(c, header_extra, True))
        if squeeze_essentials or c.drop is not None
        else natural[c.key]
        for c in cols
    }
    room = available - PADDING * len(cols)
    if sum(floor.values()) > room:
        return None
    widths = dict(natural)
    excess = sum(widths.values()) - room
    for col in _narrow_order(cols):
        if excess <= 0:
            break
        give = min(excess, widths[col.key] - floor[col.key])
        widths[col.key] -= give
        excess -= give
    return [
        Shown(
            c,
            widths[c.key],
            c.label if widths[c.key] >= _need(c, header_extra, False) else (c.short or c.label),
        )
        for c in cols
    ]


def fit(cols: Sequence[Col], available: int, header_extra: int = 0) -> list[Shown]:
    """The columns to show in ``available`` terminal columns, in declared order.

    ``header_extra`` is room kept beside each header (a sort arrow).
    When even the essential columns at their minimum do not fit, they are
    all shown at their minimum (the table then scrolls sideways).
    """
    shown = list(cols)
    droppable = sorted((c for c in cols if c.drop is not None), key=lambda c: c.drop)
    while True:
        layout = _layout(shown, available, header_extra, squeeze_essentials=False)
        if layout is not None:
            return layout
        if not droppable:
            break
        shown.remove(droppable.pop(0))
    layout = _layout(shown, available, header_extra, squeeze_essentials=True)
    if layout is not None:
        return layout
    return [
        Shown(c, max(c.narrowest, _need(c, header_extra, True)), c.short or c.label) for c in shown
    ]


def measured(cols: Sequence[Col], rows: Sequence[Sequence[str | Text]]) -> list[Col]:
    """The columns with ``width`` the widest of these cells (at most the declared
    width, which is then a cap), so that short data leaves room for more columns."""
    from dataclasses import replace

    result = []
    for index, col in enumerate(cols):
        widest = max((_cell_len(row[index]) for row in rows), default=0)
        width = max(1, min(col.width, widest))
        result.append(replace(col, width=width, min_width=min(col.narrowest, width)))
    return result


def _cell_len(value: str | Text) -> int:
    return value.cell_len if isinstance(value, Text) else Text(str(value)).cell_len


def cut(value: str | Text, width: int) -> str | Text:
    """A cell cut to ``width`` with an ellipsis (its style kept); as it was if it fits."""
    if isinstance(value, str) and value.isprintable() and cell_len(value) <= width:
        return value  # what Text(value) would measure (no control codes to strip)
    if _cell_len(value) <= width:
        return value
    text = value.copy() if isinstance(value, Text) else Text(str(value))
    text.truncate(width, overflow="ellipsis")
    return text


def table_width(widget_width: int) -> int:
    """What a full-width table's columns may use of ``widget_width``."""
    return max(0, widget_width - SCROLLBAR)


class FittingTable(DataTable):
    """A ``DataTable`` whose columns fit its width (see the module's docstring).

    Declare the columns once; give the rows with ``fill`` as (key, cells in
    the declared order). The table measures the cells, chooses the columns,
    cuts what is too long with "…" and chooses again when it is resized.
    ``hidden(key)`` gives a row's values that are dropped or cut, for a
    detail line under the table.
    """

    def __init__(
        self,
        columns: Sequence[Col],
        *,
        header_extra: int = 0,
        header: Callable[[Shown], str] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.specs = list(columns)
        self.header_extra = header_extra
        self.header = header or (lambda shown: shown.label)
        self.shown: list[Shown] = []
        self._cells: dict[str, Sequence[str | Text]] = {}
        self._order: list[str] = []

    def available(self) -> int:
        # The width of its place (the container's), not its own: a DataTable
        # is sized by its columns, and measuring it would feed the choice back
        # into itself. Before the first layout: the terminal's width (a resize
        # corrects it). Room for the vertical scrollbar is always kept, so
        # rows coming and going do not re-choose.
        container = self.parent.size.width if isinstance(self.parent, Widget) else 0
        return table_width(container or self.app.size.width)

    def choose(self) -> list[Shown]:
        rows = [self._cells[key] for key in self._order]
        specs = measured(self.specs, rows) if rows else self.specs
        return fit(specs, self.available(), header_extra=self.header_extra)

    def fill(self, rows: Iterable[tuple[str, Sequence[str | Text]]]) -> None:
        """Show these rows (the cursor stays on the same line number)."""
        self._cells = {}
        self._order = []
        for key, cells in rows:
            self._cells[key] = cells
            self._order.append(key)
        self._draw(self.choose())

    def _draw(self, chosen: list[Shown]) -> None:
        keep = self.cursor_row
        if _layout_key(chosen) != _layout_key(self.shown) or not self.columns:
            self.clear(columns=True)
            for column in chosen:
                self.add_column(self.header(column), key=column.key, width=column.width)
        else:
            self.clear()
            self.relabel()
        self.shown = chosen
        index = {c.key: i for i, c in enumerate(self.specs)}
        for key in self._order:
            cells = self._cells[key]
            self.add_row(*(cut(cells[index[c.key]], c.width) for c in chosen), key=key)
        if self._order:
            self.move_cursor(row=min(max(keep, 0), len(self._order) - 1))

    def relabel(self) -> None:
        """Headers again (after a change the header function shows, e.g. a sort)."""
        for column in self.shown:
            if column.key in self.columns:
                self.columns[column.key].label = Text(self.header(column))
        self.refresh()

    def on_resize(self) -> None:
        chosen = self.choose()
        if _layout_key(chosen) != _layout_key(self.shown):
            self._draw(chosen)

    def hidden(self, key: str) -> list[tuple[str, str]]:
        """(full header, full text) of the row's cells the table drops or cuts."""
        return hidden_cells(self.specs, self.shown, self._cells.get(key))


def hidden_cells(specs, shown, cells) -> list[tuple[str, str]]:
    """(full header, full text) of each cell a layout drops or cuts (none for no row)."""
    if cells is None:
        return []
    widths = {c.key: c.width for c in shown}
    found = []
    for spec, value in zip(specs, cells, strict=True):
        text = value.plain if isinstance(value, Text) else str(value)
        if text and (spec.key not in widths or _cell_len(text) > widths[spec.key]):
            found.append((spec.label, text))
    return found


def _layout_key(shown: Sequence[Shown]) -> list[tuple[str, int]]:
    return [(c.key, c.width) for c in shown]
