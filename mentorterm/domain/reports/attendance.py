"""The report's attendance and stability section, as blocks."""

from __future__ import annotations

from ...documents import TEXT_WIDTH, Bars, Block, Column, Heading, Table, Text
from ...format import show_date, show_hours, show_percent
from ...i18n import _
from .model import ProgressionReport
from .wording import figure_rows

#: Value columns beside the figure's name in one table on paper (more do not fit on A4).
_FOLD = 4


def _figures(report: ProgressionReport) -> Table:
    columns = [report.attendance_total] + [a.figures for a in report.attendance_by_placement]
    names = [_("Total")] + [a.workplace for a in report.attendance_by_placement]
    if len(report.attendance_by_placement) == 1:  # the total says it all
        columns, names = columns[:1], [report.attendance_by_placement[0].workplace]
    shown = min(len(columns), _FOLD)
    # As wide as a workplace's name needs, when there is room: a narrow
    # column breaks "Lagerhotellet" in the middle of the word.
    width = max(25, min(50, (TEXT_WIDTH - 50) // shown))
    heads = [Column(_("Figure"), width=50)] + [
        Column(name, align="right", width=width if n < shown else 25)
        for n, name in enumerate(names)
    ]
    return Table(heads, figure_rows(columns), fold=_FOLD)


def _reasons(report: ProgressionReport) -> list[Block]:
    reasons = report.attendance_total.absence_by_reason
    if not reasons:
        return []
    columns = (
        Column(_("Kind"), width=45),
        Column(_("Reason"), width=90),
        Column(_("Times"), align="right", width=20),
    )
    rows = [[r.kind_label, r.reason, str(r.count)] for r in reasons]
    return [Heading(_("By reason"), level=2), Table(columns, rows)]


def _stability(report: ProgressionReport) -> list[Block]:
    def right(title: str, short: str, width: float) -> Column:
        return Column(title, align="right", width=width, short=short)

    columns = (
        Column(_("Weeks"), width=44),
        right(_("Days logged"), _("Logged"), 17),
        right(_("Present"), "", 17),
        right(_("Attendance rate"), _("Rate"), 17),
        right(_("Hours planned"), _("Planned h"), 20),
        right(_("Hours worked"), _("Worked h"), 20),
        right(_("Absent without notice"), _("Without notice"), 21),
    )
    weeks = [f"{show_date(b.start)} – {show_date(b.end)}" for b in report.stability]
    rows = [
        [
            span,
            str(b.days_logged),
            str(b.days_present),
            show_percent(b.attendance_rate) or "–",
            show_hours(b.hours_planned),
            show_hours(b.hours_worked),
            str(b.absent_without_notice),
        ]
        for span, b in zip(weeks, report.stability, strict=True)
    ]
    bars = Bars(
        [(span[:23], b.attendance_rate) for span, b in zip(weeks, report.stability, strict=True)]
    )
    return [Heading(_("Stability: attendance per 4 weeks"), level=2), bars, Table(columns, rows)]


def attendance_section(report: ProgressionReport) -> list[Block]:
    heading = Heading(_("Attendance and stability"))
    sessions = _group_sessions(report)
    if report.attendance_total is None:
        none = Text(_("No placement in this period, so no logbook."), muted=True)
        return [heading, none, *sessions]
    return [heading, _figures(report), *sessions, *_reasons(report), *_stability(report)]


def _group_sessions(report: ProgressionReport) -> list[Block]:
    """The group sessions' own line, apart from the placements' logbook days."""
    from ..sessions.lines import summary_line

    line = summary_line(report.group_sessions) if report.group_sessions else ""
    return [Text(line)] if line else []
