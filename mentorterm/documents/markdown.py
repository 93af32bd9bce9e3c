"""Writes a Document as Markdown: what a person typed never turns into markup."""

from __future__ import annotations

import re
from collections.abc import Callable

from .blocks import (
    Bars,
    Block,
    Bullets,
    Chart,
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

_MARKUP = str.maketrans({c: "\\" + c for c in "\\|*_`[]<>#"})


def escape(value: str) -> str:
    """Text as one line of Markdown that cannot break a table or add markup.

    Runs of white space become one space; the characters that format are
    escaped, and so is a ``-`` or ``+`` that would start a list.
    """
    text = " ".join(value.split()).translate(_MARKUP)
    return "\\" + text if text.startswith(("-", "+")) else text


def _run(value: str) -> str:
    # A run inside a line keeps one space where it had space at either end.
    core = escape(value)
    if not core:
        return " " if value else ""
    lead = " " if value[0].isspace() else ""
    return lead + core + (" " if value[-1].isspace() else "")


def inline(value: Inline) -> str:
    """A line of plain, bold and emphasised runs, escaped."""
    if isinstance(value, str):
        return escape(value)
    parts = []
    for run in value:
        if isinstance(run, Strong):
            parts.append(f"**{escape(run.text)}**")
        elif isinstance(run, Emph):
            parts.append(f"_{escape(run.text)}_")
        else:
            parts.append(_run(run))
    return "".join(parts).strip()


def _verbatim(text: str) -> list[str]:
    """The mentor's text kept in its lines and paragraphs, with no markup of its own."""
    paragraphs = [
        [escape(line) for line in chunk.splitlines() if line.strip()]
        for chunk in re.split(r"\n\s*\n", text.strip())
    ]
    return ["\n\n".join("  \n".join(lines) for lines in paragraphs if lines)]


def _text(block: Text) -> list[str]:
    blank = not (block.text.strip() if isinstance(block.text, str) else block.text)
    if blank:
        return [f"_{escape(block.empty)}_"] if block.empty else []
    if block.verbatim and isinstance(block.text, str):
        return _verbatim(block.text)
    return [inline(block.text)]


def _heading(block: Heading) -> list[str]:
    return ["#" * (block.level + 1) + " " + inline(block.text)]


def _facts(block: Facts) -> list[str]:
    return [f"- **{escape(label)}:** {escape(value)}" for label, value in block.pairs]


def _cell(cell: str | Marked) -> str:
    return escape(f"{cell.text} {cell.remark}" if isinstance(cell, Marked) else cell)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(block: Table) -> list[str]:
    align = ["---:" if c.align == "right" else "---" for c in block.columns]
    return [
        _row([escape(c.title) for c in block.columns]),
        _row(align),
        *(_row([_cell(c) for c in row]) for row in block.rows),
    ]


def _entries(block: Entries) -> list[str]:
    lines = []
    for title, facts in block.items:
        first = escape(facts[0][1]) if facts else ""
        rest = "".join(f" ({escape(label.lower())}: {escape(v)})" for label, v in facts[1:])
        lines.append(f"- **{escape(title)}:** {first or '–'}{rest}")
    return lines


def _bullets(block: Bullets) -> list[str]:
    return ["- " + inline(item) for item in block.items]


def _nothing(_block: Block) -> list[str]:
    return []  # drawn on paper only


_WRITERS: dict[type, Callable[..., list[str]]] = {
    Heading: _heading,
    Text: _text,
    Facts: _facts,
    Table: _table,
    Entries: _entries,
    Bullets: _bullets,
    Rule: lambda _block: ["---"],
    Chart: _nothing,
    Bars: _nothing,
    PageBreak: _nothing,
}


def write_markdown(document: Document) -> str:
    """The document as Markdown: the title, its facts, then each block, a blank line between."""
    parts = ["# " + escape(document.title)]
    if document.meta:
        parts.append("\n".join(_facts(Facts(document.meta))))
    for block in document.blocks:
        lines = _WRITERS[type(block)](block)
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
