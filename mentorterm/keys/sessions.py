"""The keys of group sessions (holdundervisning): the list of sessions and the roll call."""

from __future__ import annotations

from ..i18n import _
from .model import Key

SESSIONS: list[Key] = [
    # From the caseload: G, the group sessions (no other screen has G).
    Key(
        "G",
        "app.sessions",
        _("Group sessions"),
        ("caseload",),
        show=False,
        help=_("Group sessions: the list and the roll call"),
    ),  # fmt: skip
    # --- the list of sessions --------------------------------------------------------
    Key("enter", "open", _("Roll call"), ("sessions",), help=_("Open: the session's roll call")),
    Key("n", "new", _("New session"), ("sessions",)),
    Key("N", "new_series", _("New series"), ("sessions",), help=_("New series from a schedule")),
    Key("e", "edit", _("Edit"), ("sessions",), help=_("Edit the session: day, time, hours, place")),
    Key(
        "E",
        "edit_series",
        _("Edit series"),
        ("sessions",),
        show=False,
        help=_(
            "Edit the session's series: its sessions from today on without a roll call "
            "follow; asks before removing any"
        ),
    ),  # fmt: skip
    Key("slash", "filter", _("Filter"), ("sessions",), key_display="/"),
    Key(
        "c",
        "cancel_session",
        _("Cancel"),
        ("sessions",),
        show=False,
        help=_("Cancel the session, or hold it after all (asks first)"),
    ),  # fmt: skip
    Key(
        "v",
        "switch_view",
        _("Coming/all"),
        ("sessions",),
        show=False,
        help=_("Coming sessions or all sessions"),
    ),  # fmt: skip
    # --- the roll call ---------------------------------------------------------------
    # Attendance on digits, as in the logbook: no clash with a house key, the
    # same in any language; each mark moves to the next participant.
    Key("1", "mark('present')", _("Present"), ("roll_call",), group=_("Mark")),
    Key("2", "mark('sick')", _("Sick"), ("roll_call",), group=_("Mark")),
    Key(
        "3",
        "mark('absent_with_notice')",
        _("Notice"),
        ("roll_call",),
        group=_("Mark"),
        help=_("Absent with notice"),
    ),  # fmt: skip
    Key(
        "4",
        "mark('absent_without_notice')",
        _("No notice"),
        ("roll_call",),
        group=_("Mark"),
        help=_("Absent without notice"),
    ),  # fmt: skip
    Key(
        "5",
        "mark('left_for_conversation')",
        _("Conversation"),
        ("roll_call",),
        group=_("Mark"),
        help=_("Left for an individual conversation (h: the hours at the session)"),
    ),  # fmt: skip
    Key("u", "undo", _("Undo"), ("roll_call",), help=_("Undo the last mark")),
    Key(
        "h",
        "hours",
        _("Hours"),
        ("roll_call",),
        show=False,
        help=_("The hours this participant was at the session"),
    ),  # fmt: skip
    Key("a", "add", _("Add"), ("roll_call",), help=_("Add participants (space ticks several)")),
    Key(
        "A",
        "add_standing",
        _("Add to the series"),
        ("roll_call",),
        show=False,
        help=_("Add participants to this and every later session of the series"),
    ),  # fmt: skip
    Key(
        "D",
        "take_off_series",
        _("Off the series"),
        ("roll_call",),
        show=False,
        help=_(
            "Take the participant off this and every later session of the series "
            "(asks first; sessions with a roll call keep them)"
        ),
    ),  # fmt: skip
    Key(
        "e",
        "edit",
        _("Edit session"),
        ("roll_call",),
        show=False,
        help=_("Edit the session: day, time, hours, place, leader"),
    ),  # fmt: skip
    Key(
        "E",
        "edit_series",
        _("Edit series"),
        ("roll_call",),
        show=False,
        help=_("Edit the session's series (from today on; asks before removing any)"),
    ),  # fmt: skip
    Key(
        "delete",
        "delete",
        _("Remove"),
        ("roll_call",),
        show=False,
        help=_("Take the participant off this session (asks first)"),
    ),  # fmt: skip
    # --- choosing several participants (a / A in the roll call) ---------------------
    Key("space", "toggle", _("Tick"), ("pick_many",), help=_("Tick or untick, and move on")),
    Key("escape", "cancel", _("Cancel"), ("pick_many",)),
    Key("escape", "back", _("Back"), ("sessions", "roll_call")),
    Key("question_mark", "help", _("Help"), ("sessions", "roll_call"), key_display="?"),
]
