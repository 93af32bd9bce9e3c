"""One document model for everything the app writes for people, and its two writers.

The PDF writer (``write_pdf``) is loaded when first asked for: fpdf and what
it brings (fontTools, Pillow, cryptography: about 300 modules, a quarter of a
second) are not needed to build a document, only to write one as PDF; the
logbook screen builds its absence overview at open and had loaded them all.
"""

from __future__ import annotations

from typing import Any

from .blocks import (
    TEXT_WIDTH,
    Bars,
    Block,
    Bullets,
    Cell,
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
from .markdown import escape, write_markdown

__all__ = [
    "TEXT_WIDTH",
    "Bars",
    "Block",
    "Bullets",
    "Cell",
    "Chart",
    "Column",
    "Document",
    "Emph",
    "Entries",
    "Facts",
    "Heading",
    "Inline",
    "Marked",
    "PageBreak",
    "Rule",
    "Strong",
    "Table",
    "Text",
    "escape",
    "write_markdown",
    "write_pdf",
]


def __getattr__(name: str) -> Any:
    if name == "write_pdf":
        from .pdf import write_pdf

        return write_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
