"""The keys of the app, the caseload, one citizen, forms, agreements, the agenda and the review."""

from __future__ import annotations

from ..i18n import _
from .model import Key

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
    "team_overview",
)
_CASELOAD_SORT_COLUMNS = 9  # 1-9 sort by a column (caseload.COLUMNS)

HOME: list[Key] = [
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
    Key("M", "switch_scope", _("Mine/the team's"), ("caseload", "review"), show=False),
    Key("C", "pick_colleague", _("A colleague's caseload…"), ("caseload",), show=False),
    Key("O", "team_overview", _("The team's overview"), ("caseload",), show=False),
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
    Key(
        "H",
        "hand_over",
        _("Hand over…"),
        ("citizen",),
        show=False,
        help=_("Hand over to another mentor (asks first)"),
    ),
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
    Key("enter", "open", _("Their caseload"), ("team_overview",)),
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
    Key("w", "pick_day", _("As of…"), ("review",)),
    Key("pagedown", "scroll_facts(1)", _("Scroll facts"), ("review",), show=False, priority=True),
    Key(
        "pageup", "scroll_facts(-1)", _("Scroll facts back"), ("review",), show=False, priority=True
    ),
    Key("escape", "leave", _("Back"), ("review",)),
]
