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
    x  mark done: an agreement, a citizen reviewed; extend (citizen)
    Screen-specific, one each: b book, c course/cancelled, d decision/demo/show
    done/discard, g sub-goals, h held/history, i .ics, m agenda/meetings/Markdown,
    p placements, s sort/score/save, t agreements/statistics/status, w write note/whole.
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

from dataclasses import dataclass

from textual.binding import Binding

from .i18n import _


@dataclass(frozen=True)
class Key:
    """One binding: key(s) (Textual names, comma separated) → action, on screens."""

    keys: str
    action: str
    label: str
    screens: tuple[str, ...]
    show: bool = True
    key_display: str | None = None
    priority: bool = False
    # The longer words for help (and the footer's tooltip) where the label is
    # cut short to fit the footer; help shows the label otherwise.
    help: str = ""
    # Keys of one kind shown together in the footer under one word ("2 4 3 w f
    # Period"); help still lists each with its own label.
    group: str = ""

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            group=Binding.Group(self.group) if self.group else None,
        )


# The house keys and the actions that carry their one meaning.
HOUSE: dict[str, tuple[str, frozenset[str]]] = {
    "n": ("new", frozenset({"new", "new_citizen", "new_meeting"})),
    "e": ("edit", frozenset({"edit"})),
    "enter": ("open", frozenset({"open", "open_citizen", "history", "questions"})),
    "delete": ("remove (asks first)", frozenset({"delete"})),
    "escape": ("back", frozenset({"back", "cancel", "close", "dismiss", "leave", "later"})),
    "slash": ("filter", frozenset({"filter"})),
    "question_mark": ("help", frozenset({"help", "dismiss"})),
    "ctrl+s": ("save", frozenset({"save", "reviewed"})),
    "ctrl+p": ("palette", frozenset({"command_palette"})),
    "u": ("undo", frozenset({"undo"})),
    "q": ("quit (home only)", frozenset({"app.quit"})),
}

# (screen, key, action): a house key with another meaning, on purpose.
EXCEPTIONS: dict[tuple[str, str, str], str] = {
    # A yes/no question answers n with "no": the safe answer, which changes
    # nothing, and what every terminal program asks with; "new" has no meaning
    # inside a question. escape says no as well.
    ("confirm", "n", "answer(False)"): "n answers no in a yes/no question",
    ("confirm", "escape", "answer(False)"): "escape answers no (changes nothing)",
    # q closes help as in a pager; it never quits from help.
    ("help", "q", "dismiss"): "q closes help, as in a pager",
    # The second escape in "throw away what you typed?" discards: two escapes
    # always leave a form (issue 13); n keeps editing, as no does in a question.
    ("discard", "escape", "answer(True)"): "a second escape leaves the form",
    ("discard", "n", "answer(False)"): "n answers no: keep editing",
}

# Screens whose last two keys are escape back and ? help.
_BACK_HELP = (
    "back_help",
    "action_items",
    "agenda",
    "records",
    "logbook",
    "meetings",
    "placement",
    "course_history",
    "note_view",
    "placements",
    "reports",
    "report",
    "retention",
    "statistics",
    "absence_overview",
    "subgoal_history",
    "subgoals",
    "kept_draft",
)
_CASELOAD_SORT_COLUMNS = 9  # 1-9 sort by a column (caseload.COLUMNS)

TABLE: list[Key] = [
    # --- everywhere (the app) ------------------------------------------------------
    Key("ctrl+q", "quit", _("Quit"), ("app",), show=False, priority=True),
    Key("ctrl+l", "lock", _("Lock"), ("app",), show=False, priority=True),
    # One key from anywhere (a text field takes the letter first).
    Key("R", "review", _("Weekly review"), ("app",), show=False),
    Key("ctrl+q", "app.quit", _("Quit"), ("lock",), priority=True),
    # --- the caseload (home) -------------------------------------------------------
    Key("enter", "open_citizen", _("Open"), ("caseload",)),
    Key("n", "new_citizen", _("New citizen"), ("caseload",)),
    Key("slash", "filter", _("Filter"), ("caseload", "action_items"), key_display="/"),
    # Plain letters: while the filter box has focus it takes them as text.
    Key("m", "agenda", _("Agenda"), ("caseload",)),
    Key("t", "action_items", _("Agreements"), ("caseload",)),
    # The footer keeps six keys so that ? and q fit 80 columns; the status
    # line names v, and help lists every key.
    Key("v", "switch_view", _("Active/ended/all"), ("caseload",), show=False),
    Key("s", "sort_next", _("Sort"), ("caseload",), show=False),
    Key("S", "sort_reverse", _("Reverse sort"), ("caseload",), show=False),
    # 1-9 sort by that column; the same digit again reverses. One help line.
    Key(
        "1",
        "sort_by(0)",
        _("Sort by column 1-9 (again: reverse)"),
        ("caseload",),
        show=False,
        key_display="1-9",
    ),
    *[
        Key(str(n), f"sort_by({n - 1})", "", ("caseload",), show=False)
        for n in range(2, _CASELOAD_SORT_COLUMNS + 1)
    ],
    Key("d", "load_demo", _("Load demo"), ("caseload",), show=False),
    # --- one citizen ---------------------------------------------------------------
    Key("escape", "back", _("Back"), ("citizen",)),
    Key("e", "edit", _("Edit"), ("citizen",)),
    Key("c", "course", _("Course"), ("citizen",), help=_("Course: start one or refer again")),
    Key("x", "extend", _("Extend"), ("citizen",)),
    Key("f", "finish", _("End course"), ("citizen",)),
    Key("g", "records('sub_goals')", _("Sub-goals"), ("citizen",), show=False),
    Key("l", "records('logbook')", _("Logbook"), ("citizen",), show=False),
    Key("m", "records('meetings')", _("Meetings"), ("citizen",), show=False),
    Key("p", "records('placements')", _("Placements"), ("citizen",), show=False),
    Key("h", "records('courses')", _("Course history"), ("citizen",), show=False),
    Key("r", "reports", _("Reports"), ("citizen",), show=False),
    Key("A", "access_export", _("Access export"), ("citizen",), show=False),
    # Not a plain letter (a is "add" elsewhere); it asks first.
    Key(
        "ctrl+a",
        "archive",
        _("Archive/restore"),
        ("citizen",),
        show=False,
        help=_("Archive (asks first) / restore"),
    ),
    Key("D", "delete", _("Delete citizen"), ("citizen",), show=False),
    # --- forms and questions -------------------------------------------------------
    Key("y", "answer(True)", _("Yes"), ("confirm",)),
    Key("n,escape", "answer(False)", _("No"), ("confirm",)),
    Key("y,escape", "answer(True)", _("Discard"), ("discard",)),
    Key("n", "answer(False)", _("Keep editing"), ("discard",)),
    Key("ctrl+s", "save", _("Save"), ("form",), priority=True),
    Key("escape", "cancel", _("Cancel"), ("form", "delete_citizen", "pick")),
    Key("ctrl+g", "score", _("Score a sub-goal"), ("note_form",), priority=True),
    Key("escape,question_mark,q", "dismiss", _("Close help"), ("help",)),
    # --- agreements across the caseload --------------------------------------------
    Key("enter", "open_citizen", _("Open citizen"), ("action_items", "agenda")),
    Key("x", "done", _("Mark done"), ("action_items",)),
    Key(
        "u",
        "undo",
        _("Undo"),
        ("action_items",),
        help=_("Undo the last done; on a done agreement: reopen it"),
    ),
    Key("d", "toggle_done", _("Show done"), ("action_items",)),
    # --- the agenda ----------------------------------------------------------------
    Key("h", "outcome('held')", _("Held"), ("agenda",)),
    Key("o", "outcome('no_show')", _("No-show"), ("agenda",)),
    Key(
        "c",
        "outcome('cancelled_by_citizen')",
        _("Cancelled (asks who and why)"),
        ("agenda",),
        show=False,
    ),
    Key("r", "outcome('rescheduled')", _("Rescheduled"), ("agenda",), show=False),
    Key("u", "undo", _("Undo last outcome"), ("agenda",), show=False),
    Key("i", "export", _("Export .ics"), ("agenda",)),
    # --- the weekly review ---------------------------------------------------------
    # Not n/p (new elsewhere): j/k as in a list. Out of the footer (the arrows move
    # in the queue too) so that escape and ? fit 80 columns.
    Key("j", "move(1)", _("Next"), ("review",), show=False),
    Key("k", "move(-1)", _("Previous"), ("review",), show=False),
    Key("d", "write", _("Decision"), ("review",)),
    Key("x", "reviewed", _("Reviewed"), ("review",)),
    Key("ctrl+s", "reviewed", _("Save, reviewed"), ("review",), show=False, priority=True),
    Key("a", "agreement", _("Agreement"), ("review",), show=False),
    Key("b", "book", _("Book meeting"), ("review",)),
    Key("o", "open", _("Open citizen"), ("review",), show=False),
    Key("pagedown", "scroll_facts(1)", _("Scroll facts"), ("review",), show=False, priority=True),
    Key(
        "pageup", "scroll_facts(-1)", _("Scroll facts back"), ("review",), show=False, priority=True
    ),
    Key("escape", "leave", _("Back"), ("review",)),
    # --- the logbook ---------------------------------------------------------------
    # Attendance on digits: no clash with a house key, the same in any language,
    # in the order of the attendance list; a logged day changed says "— u undoes".
    Key("a", "add", _("Next day"), ("logbook",)),
    Key(
        "1",
        "mark('present')",
        _("Present"),
        ("logbook",),
        help=_("Present (the planned hours worked)"),
    ),
    Key("2", "mark('sick')", _("Sick"), ("logbook",), help=_("Sick")),
    Key("3", "mark('absent_with_notice')", _("Notice"), ("logbook",), help=_("Absent with notice")),
    Key(
        "4",
        "mark('absent_without_notice')",
        _("No notice"),
        ("logbook",),
        help=_("Absent without notice"),
    ),
    Key(
        "5",
        "left_early",
        _("Left early"),
        ("logbook",),
        show=False,
        help=_("Left early: why, and the hours worked"),
    ),
    Key("r", "reason", _("Reason"), ("logbook",), show=False, help=_("Reason for the absence")),
    Key(
        "u",
        "undo",
        _("Undo the last change"),
        ("logbook",),
        show=False,
        help=_("Undo the last attendance marked"),
    ),
    Key("e", "edit", _("Edit day"), ("logbook",), show=False),
    Key("A", "add_day", _("Add a chosen day"), ("logbook",), show=False),
    Key(
        "t",
        "statistics",
        _("Stats"),
        ("logbook",),
        show=False,
        help=_("Statistics of the placement"),
    ),
    Key("delete", "delete", _("Delete day"), ("logbook",), show=False),
    # --- meetings and notes --------------------------------------------------------
    # Short footer words (help has the long ones) so that escape and ? fit 80 columns.
    Key(
        "w",
        "write_note",
        _("Note"),
        ("meetings",),
        help=_("Write the note of the meeting in focus"),
    ),
    Key(
        "W",
        "new_note",
        _("New note"),
        ("meetings",),
        show=False,
        help=_("New note: a meeting held now"),
    ),
    Key("n", "new_meeting", _("Plan"), ("meetings",), help=_("Plan a meeting")),
    Key("o", "status('no_show')", _("No-show"), ("meetings",)),
    Key("c", "status('cancelled_by_citizen')", _("Cancelled"), ("meetings",)),
    Key("r", "reschedule", _("Rescheduled"), ("meetings",), show=False),
    Key("v", "view", _("Read"), ("meetings",), help=_("Read the note")),
    Key("e", "edit", _("Edit"), ("meetings",), show=False),
    Key("delete", "delete", _("Delete"), ("meetings",), show=False),
    Key("escape", "close", _("Keep the meeting"), ("cancel_meeting", "no_show")),
    Key("ctrl+s", "save", _("Save"), ("cancel_meeting", "no_show"), priority=True),
    # 1-5: who cancelled (citizen, workplace, mentor, caseworker, interpreter).
    *[Key(str(n), f"who({n - 1})", "", ("cancel_meeting",), show=False) for n in range(1, 6)],
    Key("r", "restore", _("Restore"), ("restore_drafts",)),
    Key("d", "discard", _("Discard"), ("restore_drafts",)),
    Key("escape", "later", _("Later"), ("restore_drafts",)),
    # --- placements ----------------------------------------------------------------
    Key("n", "new", _("New"), ("placements",), help=_("New placement")),
    Key("e", "edit", _("Edit"), ("placements",), show=False),
    Key("a", "add_step", _("Hours step"), ("placements",), help=_("Add an hours step")),
    Key("f", "finish", _("End"), ("placements",), help=_("End the placement")),
    Key("l", "logbook", _("Logbook"), ("placements",)),
    Key("enter", "open", _("Open: agreement and hours steps"), ("placements",), show=False),
    # One placement: its agreement and hours steps.
    Key("n", "new", _("New hours step"), ("placement",)),
    Key("e", "edit", _("Correct step"), ("placement",)),
    Key("delete", "delete", _("Delete step"), ("placement",)),
    # --- the course history: corrections ---------------------------------------------
    Key("e", "edit", _("Correct"), ("course_history",)),
    Key("enter", "open", _("Correct"), ("course_history",), show=False),
    Key("f", "end", _("End/correct"), ("course_history",)),
    Key(
        "u",
        "undo",
        _("Undo end"),
        ("course_history",),
        help=_("Undo the end of the course in focus (asks first)"),
    ),
    Key("delete", "delete", _("Remove extension"), ("course_history",), show=False),
    # --- reports -------------------------------------------------------------------
    Key("n", "new", _("New report"), ("reports",)),
    Key("enter", "open", _("Open"), ("reports",), show=False),
    Key("delete", "delete", _("Delete"), ("reports",)),
    Key("e", "edit", _("Write texts"), ("report",)),
    Key("m", "markdown", _("Save Markdown"), ("report",)),
    Key("f", "pdf", _("Save PDF"), ("report",)),
    # --- retention -----------------------------------------------------------------
    Key("space", "toggle", _("Mark"), ("retention",)),
    Key("a", "mark_all", _("Mark all"), ("retention",)),
    Key("E", "erase", _("Erase marked"), ("retention",)),
    # --- statistics ----------------------------------------------------------------
    # One footer group "2 4 3 w f Period", so that escape and ? fit 80 columns.
    Key("2", "period('last_2_weeks')", _("2 weeks"), ("statistics",), group=_("Period")),
    Key("4", "period('last_4_weeks')", _("4 weeks"), ("statistics",), group=_("Period")),
    Key("3", "period('last_13_weeks')", _("13 weeks"), ("statistics",), group=_("Period")),
    Key(
        "w",
        "period('whole_placement')",
        _("Whole"),
        ("statistics",),
        help=_("The whole placement"),
        group=_("Period"),
    ),
    Key(
        "f",
        "from_to",
        _("From–to"),
        ("statistics",),
        help=_("From–to: a period you choose"),
        group=_("Period"),
    ),
    Key("v", "absence_overview", _("Absence overview"), ("statistics",)),
    Key("s", "save", _("Save as file"), ("absence_overview",)),
    # --- sub-goals and scoring -----------------------------------------------------
    Key("left,down", "change(-1)", _("Lower"), ("scoring",), show=False),
    Key("right,up", "change(1)", _("Higher"), ("scoring",), show=False),
    Key("enter", "questions", _("Go on to the questions"), ("scoring",), show=False),
    Key("ctrl+s", "save", _("Save"), ("scoring",), priority=True),
    Key("escape", "cancel", _("Cancel"), ("scoring",)),
    *[Key(str(d), f"pick({d or 10})", "", ("scoring",), show=False) for d in range(10)],
    Key("s", "score", _("Score"), ("subgoals",)),
    Key("n", "new", _("New"), ("subgoals",), help=_("New sub-goal")),
    Key("e", "edit", _("Edit"), ("subgoals",), show=False),
    Key("enter", "history", _("History"), ("subgoals",)),
    Key(
        "t",
        "status",
        _("Status"),
        ("subgoals",),
        help=_("Status: achieved, paused, dropped or active again"),
    ),
    Key(
        "v",
        "present",
        _("Citizen view"),
        ("subgoals",),
        help=_("Show the citizen: presentation mode"),
    ),
    Key("K", "move(-1)", _("Move up"), ("subgoals",), show=False),
    Key("J", "move(1)", _("Move down"), ("subgoals",), show=False),
    Key("e", "edit", _("Correct score"), ("subgoal_history",)),
    Key("delete", "delete", _("Delete score"), ("subgoal_history",)),
    Key("escape", "back", _("Back"), ("presentation",)),
    # --- last on most screens: back and help ---------------------------------------
    Key("escape", "back", _("Back"), _BACK_HELP),
    Key(
        "question_mark",
        "help",
        _("Help"),
        (*_BACK_HELP, "caseload", "citizen", "review"),
        key_display="?",
    ),
    Key("q", "app.quit", _("Quit"), ("caseload",)),
]


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
