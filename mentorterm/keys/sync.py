"""The keys of offline sync (issue 19): the sync from the caseload, the conflicts."""

from __future__ import annotations

from ..i18n import _
from .model import Key

SYNC: list[Key] = [
    # From the caseload: Y, the sync (no other screen has Y). On a laptop that
    # holds citizens from the team it syncs; on the team database it lists the
    # conflicts syncs met and the laptops.
    Key(
        "Y",
        "app.sync",
        _("Sync"),
        ("caseload", "review"),
        show=False,
        help=_("Sync the laptop, or the team's sync conflicts"),
    ),  # fmt: skip
    Key(
        "m",
        "keep_mine",
        _("Keep the laptop's"),
        ("sync_conflicts",),
        help=_("Keep the value written on the laptop (asks first)"),
    ),  # fmt: skip
    Key(
        "t",
        "keep_theirs",
        _("Keep the server's"),
        ("sync_conflicts",),
        help=_("Keep the value on the team database (asks first)"),
    ),  # fmt: skip
    Key("e", "edit", _("Merge"), ("sync_conflicts",), help=_("Write the merged text by hand")),
    Key("ctrl+s", "save", _("Sync now"), ("sync_dialog",), priority=True),
    Key("escape", "back", _("Back"), ("sync_conflicts", "sync_dialog")),
    Key("question_mark", "help", _("Help"), ("sync_conflicts",), key_display="?"),
]
