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


def overview_lines(citizen_id: int, today: date) -> list[str]:
    """The citizen screen's lines: the sessions so far counted, the next one coming."""
    from ...format import show_date, show_weekday_short
    from .queries import citizen_sessions

    rows = citizen_sessions(citizen_id)
    if not rows:
        return []
    lines = []
    held = citizen_line(citizen_id, None, today)
    if held:
        lines.append(held)
    coming = [s for s in rows if s.starts_at.date() > today and not s.cancelled]
    if coming:
        s = coming[0]
        lines.append(
            _("Next group session: {day} {time} {title}").format(
                day=f"{show_weekday_short(s.starts_at.date())} {show_date(s.starts_at)}",
                time=s.starts_at.strftime("%H:%M"),
                title=s.title,
            )
        )
    return lines


def placement_citizen_line(placement_id: int, start: date | None, end: date) -> str:
    """``citizen_line`` for the citizen of a placement (the statistics screen's)."""
    from ...models import Placement

    placement = Placement.get_or_none(Placement.id == placement_id)
    return "" if placement is None else citizen_line(placement.citizen_id, start, end)
