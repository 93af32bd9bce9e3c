"""Every key of every screen, as data: what it does, its label, where it works.

A screen takes its keys from here: ``BINDINGS = keys.bindings("logbook")``.
The help screen (``?``) reads those same bindings, so help, footer and table
cannot drift apart; tests/test_keys.py holds the vocabulary below.

House keys mean one thing on every screen (``HOUSE``):

    n new · e edit · enter open · delete remove (asks first) · escape back
    / filter · ? help · ctrl+s save · ctrl+p palette · u undo · q quit (home only)

A key that changes or hides a record with one press either asks first
(``ConfirmScreen``) or says what it did with "… — u undoes" and undoes it on ``u``.

Secondary letters, kept to one meaning where the screens allow it:

    a  add: the next logbook day, an hours step, an agreement (retention: mark all)
    f  finish / end: a course, a placement (statistics: a from–to period; report: PDF)
    l  the logbook (citizen, placements)
    o  no-show (agenda, meetings); the review's "open citizen"
    r  rescheduled (agenda, meetings); reports (citizen); reason (logbook);
       restore (kept drafts)
    v  view: the caseload's view, read a note, show the citizen, the absence overview
    x  mark done: an agreement, a follow-up, a company approached, a citizen reviewed;
       extend (citizen)
    Screen-specific, one each: b book, c course/cancelled/CV (job search), d decision/demo/show
    done/discard, g sub-goals, h held/history, i .ics, m agenda/meetings/Markdown,
    j job search (citizen), p placements, s sort/score/save, t agreements/statistics/status,
    w write note/whole. K/J move up/down (sub-goals, companies to approach).
    Capitals (A, D, E, S, W, K, J) are the rarer or heavier twin of a screen's letter.
    Digits: 1-4 attendance and 5 left early (logbook), sort by a column (caseload),
    a score (scoring), a period (statistics).
    Archive is ctrl+a (asks first): a plain a is "add".

How to add a key
----------------
1. Add one ``Key(...)`` line to ``TABLE`` in the section of its screen, where it
   should stand in the footer (the table's order is the footer's and the help's
   order). ``screens`` names the screen id(s) as used in ``bindings()``.
2. Put the label in ``_()``; English source text, the domain's words.
3. A house key may only carry its house meaning (``HOUSE``); anything else is
   refused by tests/test_keys.py unless declared in ``EXCEPTIONS`` with a reason.
4. A new screen gets an id here, ``BINDINGS = keys.bindings("<id>")``, and a
   line ``"ClassName": "<id>"`` in SCREEN_IDS of tests/test_keys.py.
   Until a key is moved here, ``BINDINGS = [*keys.bindings("x"), Binding(...)]``
   works, but tests/test_keys.py asks for every binding to be in the table.
"""

from __future__ import annotations

from textual.binding import Binding

from .figures import FIGURES
from .home import HOME
from .jobsearch import JOB_SEARCH
from .model import EXCEPTIONS, HOUSE, Key
from .records import RECORDS
from .sessions import SESSIONS
from .sync import SYNC
from .workplaces import WORKPLACES

__all__ = ["EXCEPTIONS", "HOUSE", "TABLE", "Key", "bindings", "keys_of", "screens"]

# Footer order is table order: the app's keys, the home screens', then the records'.
TABLE: list[Key] = [*HOME, *RECORDS, *FIGURES, *WORKPLACES, *SESSIONS, *JOB_SEARCH, *SYNC]


def screens() -> set[str]:
    """Every screen id the table names."""
    return {screen for key in TABLE for screen in key.screens}


def keys_of(screen: str) -> list[Key]:
    """The table's keys of one screen, in footer order."""
    if screen not in screens():
        raise KeyError(f"no keys for a screen called {screen!r} in mentorterm.keys")
    return [key for key in TABLE if screen in key.screens]


def bindings(screen: str) -> list[Binding]:
    """The screen's BINDINGS: ``BINDINGS = keys.bindings("logbook")``."""
    return [key.binding() for key in keys_of(screen)]
