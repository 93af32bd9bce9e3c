"""Rich's measure of a character's width, remembered (installed once at start).

Every line Textual draws is measured in terminal cells, and a text with any
character outside Rich's single-width set ("…", "–", "“", emoji) is measured
character by character: ``rich.cells.get_character_cell_size`` does a binary
search over the Unicode width table in Python for each one, about 3 µs, so a
120-column caseload row with one "…" in it costs half a millisecond each time
it is measured anew (a filter keystroke brings 30 such rows: 15 ms). The width
of a character depends only on the character and the Unicode version, so the
answers are remembered (``functools.lru_cache``): the same numbers, each found
once. ``install`` is idempotent; ``tests/test_cell_widths.py`` holds the
cached function to Rich's own for every code point.
"""

from __future__ import annotations

from functools import lru_cache

import rich.cells


def install() -> None:
    """Replace Rich's per-character width function by the same function, cached."""
    current = rich.cells.get_character_cell_size
    if getattr(current, "cache_info", None) is not None:
        return  # installed already
    rich.cells.get_character_cell_size = lru_cache(maxsize=8192)(current)
