"""The cyclic garbage collector kept off the keystrokes of a session in the app.

Python's collector runs a full pass now and then over every object that can
hold others; over the app on the 5,000-citizen database (Textual, the
modules, 5,000 caseload rows) one pass took 70-100 ms and landed on whatever
came then: the first frame, or a filter keystroke (bench/README.md).
``gc.freeze`` moves the objects alive now out of those passes: they live for
the session anyway, and each is still freed as soon as nothing refers to it.

Only the installed command does this (``cli.database.cmd_open`` calls
``begin`` before the app runs, ``end`` after): in a test process, freezing
would keep every earlier test's garbage for good.
"""

from __future__ import annotations

import gc

_active = False


def begin() -> None:
    """Freeze what is alive now (the imports); let ``settle`` freeze again later."""
    global _active
    _active = True
    gc.freeze()


def settle() -> None:
    """Freeze what is alive now, when ``begin`` was called (a long list has arrived)."""
    if _active:
        gc.freeze()


def end() -> None:
    global _active
    _active = False
