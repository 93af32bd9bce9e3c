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

A list adopts it by declaring its ``Col``s and using ``FittingTable``
(widgets/fitting_table.py) in place of ``DataTable``, giving its rows with
``fill`` (the agreements, the workplaces); the caseload's ``CaseList``
(widgets/caselist.py) fits its columns with the same functions. This module
needs no widget, so the first frame does not load the DataTable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text

#: A DataTable cell has one column of padding on each side.
PADDING = 2
#: Kept free for the table's vertical scrollbar.
SCROLLBAR = 2


class Col(NamedTuple):
    """One column's widths, header and place in the drop order (a NamedTuple:
    made at import, faster than a frozen dataclass; keys/model.py)."""

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


class Shown(NamedTuple):
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
    result = []
    for index, col in enumerate(cols):
        widest = max((_cell_len(row[index]) for row in rows), default=0)
        width = max(1, min(col.width, widest))
        result.append(col._replace(width=width, min_width=min(col.narrowest, width)))
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
