"""What a Rich/Textual SVG screenshot shows, read back as a grid: its text
line by line, and each stretch of text and background with its style.

Two screenshots of the same screen compare equal here whatever the SVG's
run-to-run id ("terminal-1234-r5") and class numbering; a difference names
the line, so a failing snapshot says what moved.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

CELL = 12.2  # Rich's width of one character cell, in SVG units
LINE = 24.4  # and the height of one line

_STYLE = re.compile(r"\.terminal-(?:\d+-)?(r\d+)\s*\{([^}]*)\}")
_TEXT = re.compile(
    r'<text class="terminal-(?:\d+-)?(r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>'
)
_RECT = re.compile(
    r'<rect fill="([^"]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
    r'height="[\d.]+" shape-rendering="crispEdges"/>'
)


@dataclass(frozen=True)
class Screen:
    lines: list[str]
    #: (line, column, text, css) for each stretch of text
    text_styles: list[tuple[int, int, str, str]]
    #: (line, column, width in cells, colour) for each stretch of background
    backgrounds: list[tuple[int, int, int, str]]


def read(svg: str) -> Screen:
    styles = {name: " ".join(css.split()) for name, css in _STYLE.findall(svg)}
    cells: dict[int, dict[int, str]] = {}
    text_styles = []
    for cls, x, y, text in _TEXT.findall(svg):
        row, col = round((float(y) - 20) / LINE), round(float(x) / CELL)
        text = html.unescape(text).replace("\xa0", " ")
        text_styles.append((row, col, text, styles.get(cls, "")))
        line = cells.setdefault(row, {})
        for i, char in enumerate(text):
            line[col + i] = char
    backgrounds = [
        (round((float(y) - 1.5) / LINE), round(float(x) / CELL), round(float(w) / CELL), fill)
        for fill, x, y, w in _RECT.findall(svg)
    ]
    lines = []
    for row in range(max(cells, default=-1) + 1):
        line = cells.get(row, {})
        lines.append("".join(line.get(c, " ") for c in range(max(line, default=-1) + 1)).rstrip())
    return Screen(lines, sorted(text_styles), sorted(backgrounds))
