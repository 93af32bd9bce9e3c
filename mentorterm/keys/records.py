"""The keys of the records: logbook, meetings, placements, courses, reports, retention, statistics, sub-goals; back and help last."""

from __future__ import annotations

from ..i18n import _
from .home import _BACK_HELP
from .model import Key

RECORDS: list[Key] = [
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
