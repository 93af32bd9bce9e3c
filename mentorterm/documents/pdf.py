"""Writes a Document as PDF on the A4 page of ``page.py``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fpdf.enums import XPos, YPos

from .blocks import (
    Bars,
    Bullets,
    Chart,
    Column,
    Document,
    Emph,
    Entries,
    Facts,
    Heading,
    Inline,
    Marked,
    PageBreak,
    Rule,
    Strong,
    Table,
    Text,
)
from .page import PdfDocument


def plain(value: Inline) -> str:
    """A line's runs as plain text (paper shows no Markdown)."""
    if isinstance(value, str):
        return value
    return "".join(run.text if isinstance(run, Strong | Emph) else run for run in value)


def _heading(page: PdfDocument, block: Heading) -> None:
    (page.heading if block.level <= 1 else page.subheading)(plain(block.text))


def _text(page: PdfDocument, block: Text) -> None:
    text = plain(block.text)
    blank = not text.strip()
    if blank and not block.empty:
        return
    page.paragraph(block.empty if blank else text, muted=block.muted or blank)


def _facts(page: PdfDocument, block: Facts) -> None:
    page.facts(block.pairs, label_width=block.label_width)


def _parts(count: int, fold: int | None) -> list[list[int]]:
    """Column indices per table on paper: all, or the first plus ``fold`` at a time."""
    if fold is None or count <= fold + 1:
        return [list(range(count))]
    return [[0, *range(n, min(n + fold, count))] for n in range(1, count, fold)]


def _widths(columns: Sequence[Column]) -> tuple[float, ...] | None:
    widths = tuple(c.width for c in columns)
    return None if None in widths else widths  # type: ignore[return-value]


def _table(page: PdfDocument, block: Table) -> None:
    if block.paper_rows is not None and len(block.rows) > block.paper_rows:
        return
    rows = [[f"{c.text}*" if isinstance(c, Marked) else c for c in row] for row in block.rows]
    for part in _parts(len(block.columns), block.fold):
        columns = [block.columns[i] for i in part]
        page.data_table(
            [c.short or c.title for c in columns],
            [[row[i] for i in part] for row in rows],
            widths=_widths(columns),
            align=tuple("RIGHT" if c.align == "right" else "LEFT" for c in columns),
        )
    marked = any(isinstance(c, Marked) for row in block.rows for c in row)
    if marked and block.footnote:
        page.paragraph("* " + block.footnote, muted=True)


def _chart(page: PdfDocument, block: Chart) -> None:
    page.score_chart(block.points, (block.series, block.complement))


def _bars(page: PdfDocument, block: Bars) -> None:
    page.bars(block.items)


def _entries(page: PdfDocument, block: Entries) -> None:
    for title, facts in block.items:
        page.subheading(title)
        page.facts(facts, label_width=block.label_width)


def _bullets(page: PdfDocument, block: Bullets) -> None:
    for item in block.items:
        page.set_x(page.l_margin)
        page.cell(5, 5, "•")
        page.multi_cell(0, 5, plain(item), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    page.ln(1.5)


def _rule(page: PdfDocument, _block: Rule) -> None:
    page.rule()


def _page_break(page: PdfDocument, _block: PageBreak) -> None:
    page.add_page()


_WRITERS: dict[type, Callable[..., None]] = {
    Heading: _heading,
    Text: _text,
    Facts: _facts,
    Table: _table,
    Chart: _chart,
    Bars: _bars,
    Entries: _entries,
    Bullets: _bullets,
    Rule: _rule,
    PageBreak: _page_break,
}


def write_pdf(document: Document) -> bytes:
    """The document as the bytes of a PDF: its title block, then each block."""
    page = PdfDocument(document.footer or document.title)
    page.set_title(document.title)
    page.set_creator("mentorterm")
    if document.author:
        page.set_author(document.author)
    page.title_block(document.title, document.meta)
    for block in document.blocks:
        _WRITERS[type(block)](page, block)
    return page.to_bytes()
