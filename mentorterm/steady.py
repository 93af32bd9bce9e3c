"""The cyclic garbage collector kept off the keystrokes of a session in the app.

Python's collector runs a full pass now and then over every object that can
hold others; over the app on the 5,000-citizen database (Textual, the
modules, 5,000 caseload rows) one pass took 70-100 ms and landed on whatever
came then: the first frame, or a filter keystroke (bench/README.md).
``gc.freeze`` moves the objects alive now out of those passes: they live for
the session anyway, and each is still freed as soon as nothing refers to it.

Before that, while the program starts (``hold``, from the installed
command's ``run``), the collector does not run at all: what the imports make
(Textual's classes, peewee's, the screens') all lives for the session, so
the passes its allocations set off find nothing to free (10-30 ms of loading
Textual and the app's modules; 7-15 ms of the demo's first frame measured
end to end, bench/README.md). ``begin`` turns it on again
once what is alive is frozen; a command other than opening the app gets it
back as soon as its arguments are read (``release``).

Frozen objects that become garbage in a cycle are never collected, so this
happens twice per session and no more: before the app runs (the imports) and
once the whole caseload has first arrived. Later loads (after each citizen
opened) are not frozen: a screen closed meanwhile is still collected. Only
the installed command does this (``cli.database.cmd_open`` calls ``begin``
before the app runs, ``end`` after): in a test process, freezing would keep
every earlier test's garbage for good.
"""

from __future__ import annotations

import gc

_active = False
_settled = False
_held = False


def hold() -> None:
    """No collector passes while the program loads (until ``release``)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """The collector back on, where ``hold`` turned it off."""
    global _held
    if _held:
        _held = False
        gc.enable()


def begin() -> None:
    """Freeze what is alive now (the imports); let ``settle`` freeze once more.
    The collector, held since the start, runs again from here."""
    global _active, _settled
    _active, _settled = True, False
    gc.freeze()
    release()


def settle() -> None:
    """Freeze what is alive now (the list has arrived), once, after ``begin``."""
    global _settled
    if _active and not _settled:
        _settled = True
        gc.freeze()


def end() -> None:
    global _active
    _active = False
