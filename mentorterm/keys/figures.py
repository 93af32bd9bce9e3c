"""The keys of the year's figures (erfaringsopsamling) and the courses one figure counted."""

from __future__ import annotations

from ..i18n import _
from .model import Key

FIGURES: list[Key] = [
    # From the caseload: F, the figures (no other screen has F; f is "finish" elsewhere).
    Key(
        "F",
        "app.figures",
        _("Year's figures"),
        ("caseload",),
        show=False,
        help=_("The year's figures for the experience report"),
    ),  # fmt: skip
    Key(
        "enter",
        "open",
        _("Courses counted"),
        ("figures",),
        help=_("Open: the courses counted in the figure"),
    ),  # fmt: skip
    Key("f", "from_to", _("From–to"), ("figures",), help=_("From–to: the period of the figures")),
    Key("b", "split", _("Split"), ("figures",), help=_("All / per mentor / per programme")),
    Key(
        "s",
        "save('xlsx')",
        _("Save .xlsx"),
        ("figures",),
        help=_("Save the figures as a spreadsheet (.xlsx)"),
    ),  # fmt: skip
    Key(
        "S",
        "save('csv')",
        _("Save .csv"),
        ("figures",),
        show=False,
        help=_("Save the figures as CSV"),
    ),  # fmt: skip
    Key("escape", "back", _("Back"), ("figures", "figure_courses")),
    Key("question_mark", "help", _("Help"), ("figures", "figure_courses"), key_display="?"),
]
