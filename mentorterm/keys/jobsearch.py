"""The keys of the job search (issue 20): j from the citizen, and the screen's own."""

from __future__ import annotations

from ..i18n import _
from .model import Key

JOB_SEARCH: list[Key] = [
    # From one citizen: j, the job search (no other key of the citizen screen is j).
    Key("j", "records('job_search')", _("Job search"), ("citizen",), show=False),
    # On the screen: the keys work on the list in focus (tab moves between them).
    Key("n", "new", _("New"), ("job_search",), help=_("New contact, or company to approach")),
    Key("e", "edit", _("Edit"), ("job_search",), show=False),
    Key("c", "cv", _("CV"), ("job_search",), help=_("Note the CV's state (the earlier is kept)")),
    Key(
        "x",
        "done",
        _("Done"),
        ("job_search",),
        help=_("Followed up today / company approached today"),
    ),
    Key("u", "undo", _("Undo"), ("job_search",), show=False, help=_("Undo the last done")),
    Key("K", "move(-1)", _("Move up"), ("job_search",), show=False),
    Key("J", "move(1)", _("Move down"), ("job_search",), show=False),
    Key("delete", "delete", _("Delete"), ("job_search",), show=False),
    Key("escape", "back", _("Back"), ("job_search",)),
    Key("question_mark", "help", _("Help"), ("job_search",), key_display="?"),
]
