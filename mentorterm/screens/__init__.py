"""Textual screens. Only screens, widgets and app.py import textual."""

from ..terminal import UNSAFE_CODEPOINTS


def _drop_terminal_controls_on_screen() -> None:
    """Rich and Textual drop only BEL, BS, VT, FF and CR from the text they
    show; a stored ESC [ 2 J or OSC 52 (in a row written before the input
    models dropped them, or straight into the file) would reach the terminal
    raw. Both read their tables (dicts passed as default arguments) at each
    call, so adding the rest of ``terminal_safe``'s set covers every widget.
    tests/test_terminal_safe.py holds this against an upgrade of either."""
    from rich import control
    from textual import content

    for table in (control._CONTROL_STRIP_TRANSLATE, content._CONTROL_STRIP_TRANSLATE):
        table.update(dict.fromkeys(UNSAFE_CODEPOINTS))


_drop_terminal_controls_on_screen()
