"""The blocks a document is made of, and the Document itself.

Everything the app writes for people (reports, overviews, handouts, access
exports) is built once as a ``Document``; ``markdown.write_markdown`` and
``pdf.write_pdf`` turn it into a file. Nothing here knows the domain: the
blocks hold only text, numbers and dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

#: The width between the margins of an A4 page, in mm (for tables' columns):
#: here, not in the PDF writer, so a document is built without loading fpdf.
TEXT_WIDTH = 210 - 2 * 18


@dataclass(frozen=True)
class Strong:
    """Bold text inside a line."""

    text: str


@dataclass(frozen=True)
class Emph:
    """Emphasised (italic) text inside a line."""

    text: str


#: A line is plain text, or runs of plain, bold and emphasised text.
Inline = str | Sequence[str | Strong | Emph]


@dataclass(frozen=True)
class Heading:
    """A section's heading (level 1) or a part of a section (level 2)."""

    text: Inline
    level: int = 1


@dataclass(frozen=True)
class Text:
    """A paragraph.

    ``verbatim`` is for the mentor's own text: its lines and paragraphs are
    kept as typed (no markup of its own in Markdown). ``empty`` is shown,
    subdued, when the text is blank; ``muted`` subdues it on paper.
    """

    text: Inline
    muted: bool = False
    verbatim: bool = False
    empty: str = ""


@dataclass(frozen=True)
class Facts:
    """Label: value pairs ("Citizen: Mette Jørgensen")."""

    pairs: Sequence[tuple[str, str]]
    label_width: float = 42  # mm on paper


@dataclass(frozen=True)
class Column:
    """A table's column: its heading, alignment and (on paper) width."""

    title: str
    align: Literal["left", "right"] = "left"
    width: float | None = None  # mm; None: the table shares the page's width
    short: str = ""  # the heading on paper, where the column is narrow


@dataclass(frozen=True)
class Marked:
    """A cell with a remark: "22-08 (before)" in Markdown, "22-08*" and a footnote on paper."""

    text: str
    remark: str


Cell = str | Marked


@dataclass(frozen=True)
class Table:
    """Rows under a heading row.

    On paper ``fold`` keeps at most that many columns beside the first in one
    table (the rest follow in tables of their own, the first column repeated),
    ``paper_rows`` leaves a longer table out (a chart beside it shows it), and
    ``footnote`` explains the ``Marked`` cells.
    """

    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    footnote: str = ""
    fold: int | None = None
    paper_rows: int | None = None


@dataclass(frozen=True)
class Chart:
    """A score series (1-10) over time and its complement (10 - score), drawn on paper."""

    points: Sequence[tuple[date, int]]
    series: str  # the legend of the score line
    complement: str  # the legend of the 10 - score line


@dataclass(frozen=True)
class Bars:
    """Horizontal bars of shares (0..1, None: nothing to show) with labels, drawn on paper."""

    items: Sequence[tuple[str, float | None]]


@dataclass(frozen=True)
class Entries:
    """Named things with a few facts each.

    Markdown: one bullet per thing, its first value, the others in brackets;
    paper: a small heading per thing and its facts.
    """

    items: Sequence[tuple[str, Sequence[tuple[str, str]]]]
    label_width: float = 36


@dataclass(frozen=True)
class Bullets:
    """A list of short lines."""

    items: Sequence[Inline]


@dataclass(frozen=True)
class Rule:
    """A line across the page."""


@dataclass(frozen=True)
class PageBreak:
    """A new page on paper (nothing in Markdown)."""


Block = Heading | Text | Facts | Table | Chart | Bars | Entries | Bullets | Rule | PageBreak


@dataclass
class Document:
    """A document: a title with its facts (the cover), then blocks in order.

    ``footer`` is printed at the foot of every page on paper; ``author`` goes
    into the PDF's metadata.
    """

    title: str
    meta: Sequence[tuple[str, str]] = ()
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    footer: str = ""

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self
