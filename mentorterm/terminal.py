"""Text printed to a terminal: stored data made harmless first.

A name, a note or a file's content can hold control characters: ESC [ 2 J
clears the screen, OSC 52 writes the mentor's clipboard, a carriage return
prints over what came before, a right-to-left override turns a line around.
Printed raw, any of these lets what a record holds act on the mentor's
terminal. Every CLI print of stored data goes through ``terminal_safe``;
JSON printed to a terminal goes through ``json_terminal_safe``, which keeps
the data whole by writing those characters as ``\\uXXXX`` escapes instead.
"""

from __future__ import annotations

import re
from functools import cache

# C0 controls but tab and newline, DEL, the C1 controls (U+009B is a one-byte
# CSI on some terminals) and the bidirectional overrides and isolates.
_UNSAFE = [
    *(c for c in range(0x20) if c not in (0x09, 0x0A)),
    *range(0x7F, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
UNSAFE_CODEPOINTS: tuple[int, ...] = tuple(_UNSAFE)
_DROP = dict.fromkeys(_UNSAFE)
_SURROGATE = re.compile("[\ud800-\udfff]")


# In JSON text these can only stand inside strings (the format's own
# whitespace is tab, newline, carriage return and space; the first two and the
# last are not in the set, and JSON output never has a bare carriage return).
# Compiled on first use (JSON output only): 1 ms of every start otherwise.
@cache
def _json_unsafe() -> re.Pattern[str]:
    return re.compile("[" + "".join(f"\\u{c:04x}" for c in _UNSAFE) + "\ud800-\udfff]")


def terminal_safe(text: object) -> str:
    """``text`` without the characters that act on a terminal instead of showing.

    Keeps newlines and tabs (for several lines, such as a handout); a lone
    surrogate becomes U+FFFD so printing never fails on encoding.
    """
    text = str(text).translate(_DROP)
    return _SURROGATE.sub("\ufffd", text)


def one_line(text: object) -> str:
    """``terminal_safe`` for a value that must stay on its line (a name in a
    table): newlines and tabs become spaces."""
    return terminal_safe(text).replace("\n", " ").replace("\t", " ")


def json_terminal_safe(text: str) -> str:
    """JSON text with every terminal control character inside its strings
    written as a ``\\uXXXX`` escape: the same data, harmless to print."""
    return _json_unsafe().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["UNSAFE_CODEPOINTS", "json_terminal_safe", "one_line", "terminal_safe"]
