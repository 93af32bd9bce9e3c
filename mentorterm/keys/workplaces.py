"""The keys of the workplace register (praktiksteder) and of one workplace."""

from __future__ import annotations

from ..i18n import _
from .model import Key

WORKPLACES: list[Key] = [
    # From the caseload: W, the register (no other screen has W).
    Key(
        "W",
        "app.workplaces",
        _("Workplaces"),
        ("caseload",),
        show=False,
        help=_("The workplace register"),
    ),  # fmt: skip
    Key("enter", "open", _("Open"), ("workplaces",)),
    Key("n", "new", _("New workplace"), ("workplaces",)),
    Key("e", "edit", _("Edit"), ("workplaces", "workplace")),
    Key("slash", "filter", _("Filter"), ("workplaces",), key_display="/"),
    Key(
        "v",
        "toggle_archived",
        _("Archived too"),
        ("workplaces",),
        show=False,
        help=_("Show the archived workplaces too, or hide them"),
    ),  # fmt: skip
    Key(
        "L",
        "link_typed",
        _("Link typed names"),
        ("workplaces",),
        show=False,
        help=_("Link the placements' typed workplace names to the register (asks first)"),
    ),  # fmt: skip
    Key("enter", "open_citizen", _("Open citizen"), ("workplace",)),
    # Not a plain letter (a is "add" elsewhere); it asks first.
    Key(
        "ctrl+a",
        "archive",
        _("Archive/restore"),
        ("workplaces", "workplace"),
        show=False,
        help=_("Archive the workplace (asks first) / take it back"),
    ),  # fmt: skip
    Key("escape", "back", _("Back"), ("workplaces", "workplace")),
    Key("question_mark", "help", _("Help"), ("workplaces", "workplace"), key_display="?"),
]
