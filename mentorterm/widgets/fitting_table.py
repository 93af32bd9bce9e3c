"""``FittingTable``: a ``DataTable`` whose columns fit its width (widgets/columns.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from rich.text import Text
from textual.widget import Widget
from textual.widgets import DataTable

from .columns import Col, Shown, _layout_key, cut, fit, hidden_cells, measured, table_width


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
