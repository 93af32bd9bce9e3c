"""Rich's character width, cached (widgets/cell_widths.py): the same answer for every code point."""

from __future__ import annotations

import rich.cells

from mentorterm.widgets import cell_widths


def test_the_cached_width_is_richs_own_for_every_code_point():
    cell_widths.install()
    cached = rich.cells.get_character_cell_size
    original = cached.__wrapped__
    for codepoint in range(0x110000):  # the version Textual asks for ("auto")
        if 0xD800 <= codepoint <= 0xDFFF:
            continue  # surrogates are not characters
        character = chr(codepoint)
        assert cached(character) == original(character), hex(codepoint)
    cached.cache_clear()


def test_installing_twice_wraps_once_and_measures_as_before():
    cell_widths.install()
    first = rich.cells.get_character_cell_size
    cell_widths.install()
    assert rich.cells.get_character_cell_size is first
    line = "Ahmed Ali … Føtex · 12,5 h – “hansen” 日本 👍"
    assert rich.cells.cell_len(line) == sum(first.__wrapped__(c) for c in line)
