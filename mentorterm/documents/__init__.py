"""One document model for everything the app writes for people, and its two writers."""

from __future__ import annotations

from .blocks import (
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
from .pdf import TEXT_WIDTH, write_pdf

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
