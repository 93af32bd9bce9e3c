"""How the case list (widgets/caselist.py) draws its lines: each row once, kept as a Strip.

A mixin of ``CaseList``: ``render_line`` answers from the cache of strips
kept by a row's key and the styles it is drawn in; ``_repaint`` marks only
the lines whose strip differs from the one on screen. The list keeps the
caches (``_strips``, ``_segments``, ``_looks``, ``_drawn``) and the rows.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip


def one_line(cell: object) -> Text:
    """A cell as the DataTable shows it on one line (its ``default_cell_formatter``
    with ``wrap=False, height=1``), without importing the DataTable before the
    first frame: text up to its first line break, read as markup; a ``Text``
    as it is. tests/test_caselist.py holds it to Textual's own."""
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str):
        cut_at = cell.find("\n")
        content = cell[:cut_at] if cut_at not in (-1, len(cell) - 1) else cell
        text = markup(content, end="")
        text.no_wrap = True
        return text
    content = f"{cell:.2f}" if isinstance(cell, float) else str(cell)
    return Text(content, no_wrap=True, end="")


def markup(content: str, end: str = "\n") -> Text:
    """``Text.from_markup(content)``; Rich's emoji codes (``:smile:``) are looked
    up only in a text with two colons, the least one needs: the lookup loads
    Rich's table of 3,600 emoji, 3 ms of the first frame otherwise."""
    return Text.from_markup(content, end=end, emoji=content.count(":") > 1)


def _cell(text: Text, width: int, pre: Style, post: Style, console) -> list[Segment]:
    """What a DataTable draws for one cell (``Styled(Padding(text, (0, 1)), pre, post)``
    on one line ``width`` + 2 wide), built directly: a tenth of the time."""
    edge = pre + post
    out = [Segment(" ", edge)]
    used = 0
    for segment in text.render(console, end=""):
        style = pre + segment.style + post if segment.style else edge
        out.append(Segment(segment.text, style))
        used += segment.cell_length
    out.append(Segment(" " * (max(0, width - used) + 1), edge))
    return out


def joined(segments: list[Segment]) -> list[Segment]:
    """``Segment.simplify``'s result (neighbours of one style joined), for a row's
    cells: a style is first compared by identity (Rich's ``+`` gives the same
    object for the same parts), and no second Strip is made to hold the result
    (``Strip.simplify``: seven caches each). tests/test_caselist.py holds it to
    Rich's own."""
    out: list[Segment] = []
    text: str | None = None
    style = None
    for segment in segments:
        if text is not None and (segment.style is style or segment.style == style):
            text += segment.text
            continue
        if text is not None:
            out.append(Segment(text, style))
        text, style = segment.text, segment.style
    if text is not None:
        out.append(Segment(text, style))
    return out


class RowDrawing:
    """The drawing half of CaseList (a ScrollView): lines from cached strips."""

    def render_lines(self, crop):
        # Once per frame, not per line: the focus state and the widget's style.
        self._look = self.get_pseudo_class_state()
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = getattr(self, "_base", None) or self.rich_style
        strip = self._line(y, base, getattr(self, "_look", None))
        x = round(self.scroll_x)
        self._drawn[y] = (strip, x)
        if x == 0 and strip.cell_length == width:
            return strip
        return strip.crop(x, x + width).adjust_cell_length(width, base).simplify()

    def _line(self, y: int, base: Style, look) -> Strip:
        """Line ``y`` of the widget, uncropped: the header, a row, or blank (cached)."""
        if y == 0:
            return self._row(None, -1, False, base, look)
        index = y - 1 + round(self.scroll_y)
        if index >= len(self._order):
            blank = ("blank", self.size.width, base)
            found = self._strips.get(blank)
            if found is None:
                found = self._strips[blank] = Strip.blank(self.size.width, base)
            return found
        return self._row(self._order[index], index, index == self.cursor_row, base, look)

    def _repaint(self) -> None:
        """Mark for drawing only the lines that would come out different."""
        if not self.is_mounted or not self._drawn:
            self.refresh()
            return
        base, look = self.rich_style, self.get_pseudo_class_state()
        x, width = round(self.scroll_x), self.size.width
        for y in range(self.scrollable_content_region.height):
            drawn = self._drawn.get(y)
            strip = self._line(y, base, look)
            if drawn is None or drawn[0] is not strip or drawn[1] != x:
                self.refresh(Region(0, y, width, 1))

    def _row(self, key: str | None, index: int, cursor: bool, base: Style, look) -> Strip:
        styles = self._row_styles((look, base))
        header_style, even_style, odd_style, cursor_style = styles
        # Kept by the styles the row is drawn in, not by the widget's state: a
        # change of focus that leaves a row's colours alone draws it again from
        # the cache (only the cursor row's colours follow the focus).
        if key is None:
            style = (header_style, self._header)
        elif self.zebra_stripes:
            style = odd_style if index % 2 else even_style
        else:
            style = base
        found_key = (key, style, cursor_style if cursor else None, self.size.width)
        found = self._strips.get(found_key)
        if found is None:
            segments = self._render_row(key, index, cursor, styles)
            found = self._strips[found_key] = Strip(joined(segments))
        return found

    def _row_styles(self, look: tuple) -> tuple[Style, ...]:
        """(header, even row, odd row, cursor) styles for the widget's look (its
        pseudo-classes and style), asked for once per look, not once per row."""
        found = self._looks.get(look) if look[0] is not None else None
        if found is None:
            if len(self._looks) > 8:
                self._looks.clear()
            found = self._looks[look] = tuple(
                self.get_component_styles(name).rich_style
                for name in ("datatable--header", "datatable--even-row", "datatable--odd-row")
            ) + (self.get_component_rich_style("datatable--cursor"),)
        return found

    def _render_row(
        self, key: str | None, index: int, cursor: bool, styles: tuple[Style, ...]
    ) -> list[Segment]:
        header_style, even_style, odd_style, cursor_style = styles
        if key is None:
            row_style = header_style
            cells: list = [markup(label) for label in self._header]
        else:
            if self.zebra_stripes:
                row_style = odd_style if index % 2 else even_style
            else:
                row_style = self.rich_style  # the base the cache knows it by
            cells = self._shown_cells(key)
        extra = cursor_style if cursor else Style()
        post = Style.from_color(color=extra.color) if cursor else Style.null()
        console = self.app.console
        segments: list[Segment] = []
        # No per-cell meta (the DataTable's, for hover): one colour code per run.
        pre = row_style + extra
        drawn = self._segments
        if len(drawn) > 20_000:
            drawn.clear()
        for column, cell in zip(self.shown, cells, strict=True):
            if key is None or not isinstance(cell, str):
                text = one_line(cell) if key else cell
                segments += _cell(text, column.width, pre, post, console)
                continue
            # A text cell (most repeat: days, purposes, counts) is drawn once per look.
            look = (cell, column.width, pre, post)
            found = drawn.get(look)
            if found is None:
                text = one_line(cell)
                found = drawn[look] = _cell(text, column.width, pre, post, console)
            segments += found
        used = sum(column.width + 2 for column in self.shown)
        rest = max(0, self.size.width - used)
        segments.append(Segment(" " * rest, row_style + extra))
        return segments
