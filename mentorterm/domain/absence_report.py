"""The absence overview a mentor hands to a doctor or a caseworker, as Markdown.

It lists facts from the logbook only: the days away and the early leaves
with their totals. The logbook's free notes, tasks, body and home-life
fields are left out on purpose: they are health and family details the
citizen wrote for the mentor, not for the recipient (DOMAIN.md, GDPR).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..enums import Attendance
from ..format import show_date, show_hours, show_percent
from ..i18n import _
from .logbook import weekday_name

if TYPE_CHECKING:
    from .statistics import LoggedDay, PeriodFigures

_MARKUP = str.maketrans({c: "\\" + c for c in "\\|*_`[]<>#"})


def _text(value: str) -> str:
    """Free text as one line of Markdown that cannot break the table or add markup."""
    return " ".join(value.split()).translate(_MARKUP)


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def render_absence_overview(
    *,
    citizen_name: str,
    workplace: str,
    days: Iterable[LoggedDay],
    totals: PeriodFigures,
    today: date,
) -> str:
    """The Markdown document for the logged ``days`` inside ``totals``' period."""
    lines = [
        "# " + _("Absence overview"),
        "",
        f"- **{_('Citizen')}:** {_text(citizen_name)}",
        f"- **{_('Workplace')}:** {_text(workplace)}",
        f"- **{_('Period')}:** {show_date(totals.start)} – {show_date(totals.end)}",
        f"- **{_('Written on')}:** {show_date(today)}",
        "",
        "## " + _("Absences and early leaves"),
        "",
    ]
    listed = [
        d
        for d in days
        if totals.start <= d.entry_date <= totals.end
        and (d.attendance != Attendance.PRESENT or d.left_early)
    ]
    if listed:
        lines += [
            _row(
                _("Date"),
                _("Weekday"),
                _("Kind"),
                _("Reason"),
                _("Hours planned"),
                _("Hours worked"),
            ),
            "| --- | --- | --- | --- | ---: | ---: |",
        ]
        for d in listed:
            away = d.attendance != Attendance.PRESENT
            lines.append(
                _row(
                    show_date(d.entry_date),
                    weekday_name(d.entry_date),
                    Attendance(d.attendance).label if away else _("Left early"),
                    _text(d.absence_reason if away else d.left_early_reason),
                    show_hours(d.hours_planned),
                    show_hours(d.hours_worked),
                )
            )
    else:
        lines.append(_("No absence and no early leave in this period."))
    rate = show_percent(totals.attendance_rate) or _("none logged")
    lines += [
        "",
        "## " + _("Totals"),
        "",
        _row(_("Figure"), _("Value")),
        "| --- | ---: |",
        _row(_("Days logged"), str(totals.days_logged)),
        _row(_("Days present"), str(totals.days_present)),
        _row(_("Attendance rate"), rate),
        _row(Attendance.SICK.label, str(totals.sick_days)),
        _row(Attendance.ABSENT_WITH_NOTICE.label, str(totals.absent_with_notice)),
        _row(Attendance.ABSENT_WITHOUT_NOTICE.label, str(totals.absent_without_notice)),
        _row(_("Left early"), str(totals.left_early)),
        _row(_("Hours planned"), show_hours(totals.hours_planned)),
        _row(_("Hours worked"), show_hours(totals.hours_worked)),
    ]
    if totals.absence_by_reason:
        lines += [
            "",
            "## " + _("By reason"),
            "",
            _row(_("Kind"), _("Reason"), _("Times")),
            "| --- | --- | ---: |",
        ]
        lines += [
            _row(r.kind_label, _text(r.reason), str(r.count)) for r in totals.absence_by_reason
        ]
    if any(totals.absence_by_weekday):
        lines += [
            "",
            "## " + _("Days away by weekday"),
            "",
            _row(_("Weekday"), _("Days away")),
            "| --- | ---: |",
        ]
        monday = date(2024, 1, 1)
        lines += [
            _row(weekday_name(monday + timedelta(days=i)), str(n))
            for i, n in enumerate(totals.absence_by_weekday)
            if n
        ]
    return "\n".join(lines) + "\n"
