"""The one line that says how a citizen's group sessions went, in the language in use."""

from __future__ import annotations

from datetime import date

from ...format import show_hours
from ...i18n import _, ngettext
from .figures import SessionFigures


def summary_line(figures: SessionFigures) -> str:
    """ "Group sessions: 5 of 6 attended, 9 hours" ("" when none was called)."""
    if not figures.called:
        return ""
    line = ngettext(
        "Group sessions: {attended} of {called} attended, {hours} hours",
        "Group sessions: {attended} of {called} attended, {hours} hours",
        figures.called,
    ).format(attended=figures.attended, called=figures.called, hours=show_hours(figures.hours))
    absent = []
    if figures.sick:
        absent.append(_("sick {n}").format(n=figures.sick))
    if figures.absent_with_notice:
        absent.append(_("with notice {n}").format(n=figures.absent_with_notice))
    if figures.absent_without_notice:
        absent.append(_("without notice {n}").format(n=figures.absent_without_notice))
    if figures.left_for_conversation:
        absent.append(_("left for a conversation {n}").format(n=figures.left_for_conversation))
    return line + (" (" + ", ".join(absent) + ")" if absent else "")


def citizen_line(citizen_id: int, start: date | None, end: date) -> str:
    """The citizen's group sessions from ``start`` to ``end`` in one line ("" with none)."""
    from .queries import citizen_figures

    return summary_line(citizen_figures(citizen_id, start, end))
