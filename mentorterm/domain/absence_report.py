"""The absence overview a mentor hands to a doctor or a caseworker, built as a Document.

It lists facts from the logbook only: the days away and the early leaves
with their totals. The logbook's free notes, tasks, body and home-life
fields are left out on purpose: they are health and family details the
citizen wrote for the mentor, not for the recipient (DOMAIN.md, GDPR).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..documents import Block, Column, Document, Heading, Table, Text, write_markdown
from ..enums import Attendance
from ..format import show_date, show_hours, show_percent
from ..i18n import _
from .logbook import weekday_name

if TYPE_CHECKING:
    from .statistics import LoggedDay, PeriodFigures

_RIGHT = "right"


def _listed(days: list[LoggedDay]) -> list[Block]:
    if not days:
        return [Text(_("No absence and no early leave in this period."))]
    columns = (
        Column(_("Date")),
        Column(_("Weekday")),
        Column(_("Kind")),
        Column(_("Reason")),
        Column(_("Hours planned"), align=_RIGHT),
        Column(_("Hours worked"), align=_RIGHT),
    )
    rows = []
    for d in days:
        away = d.attendance != Attendance.PRESENT
        rows.append(
            [
                show_date(d.entry_date),
                weekday_name(d.entry_date),
                Attendance(d.attendance).label if away else _("Left early"),
                d.absence_reason if away else d.left_early_reason,
                show_hours(d.hours_planned),
                show_hours(d.hours_worked),
            ]
        )
    return [Table(columns, rows)]


def _totals(totals: PeriodFigures) -> Table:
    rows = [
        (_("Days logged"), str(totals.days_logged)),
        (_("Days present"), str(totals.days_present)),
        (_("Attendance rate"), show_percent(totals.attendance_rate) or _("none logged")),
        (Attendance.SICK.label, str(totals.sick_days)),
        (Attendance.ABSENT_WITH_NOTICE.label, str(totals.absent_with_notice)),
        (Attendance.ABSENT_WITHOUT_NOTICE.label, str(totals.absent_without_notice)),
        (_("Left early"), str(totals.left_early)),
        (_("Hours planned"), show_hours(totals.hours_planned)),
        (_("Hours worked"), show_hours(totals.hours_worked)),
    ]
    return Table((Column(_("Figure")), Column(_("Value"), align=_RIGHT)), rows)


def _by_reason(totals: PeriodFigures) -> list[Block]:
    if not totals.absence_by_reason:
        return []
    columns = (Column(_("Kind")), Column(_("Reason")), Column(_("Times"), align=_RIGHT))
    rows = [(r.kind_label, r.reason, str(r.count)) for r in totals.absence_by_reason]
    return [Heading(_("By reason")), Table(columns, rows)]


def _by_weekday(totals: PeriodFigures) -> list[Block]:
    if not any(totals.absence_by_weekday):
        return []
    monday = date(2024, 1, 1)
    rows = [
        (weekday_name(monday + timedelta(days=i)), str(n))
        for i, n in enumerate(totals.absence_by_weekday)
        if n
    ]
    columns = (Column(_("Weekday")), Column(_("Days away"), align=_RIGHT))
    return [Heading(_("Days away by weekday")), Table(columns, rows)]


def absence_document(
    *,
    citizen_name: str,
    workplace: str,
    days: Iterable[LoggedDay],
    totals: PeriodFigures,
    today: date,
) -> Document:
    """The overview of the logged ``days`` inside ``totals``' period, as blocks."""
    listed = [
        d
        for d in days
        if totals.start <= d.entry_date <= totals.end
        and (d.attendance != Attendance.PRESENT or d.left_early)
    ]
    title = _("Absence overview")
    meta = [
        (_("Citizen"), citizen_name),
        (_("Workplace"), workplace),
        (_("Period"), f"{show_date(totals.start)} – {show_date(totals.end)}"),
        (_("Written on"), show_date(today)),
    ]
    document = Document(title, meta, footer=f"{citizen_name} · {title}")
    document.add(Heading(_("Absences and early leaves")), *_listed(listed))
    document.add(Heading(_("Totals")), _totals(totals), *_by_reason(totals), *_by_weekday(totals))
    return document


def render_absence_overview(
    *,
    citizen_name: str,
    workplace: str,
    days: Iterable[LoggedDay],
    totals: PeriodFigures,
    today: date,
) -> str:
    """The Markdown document for the logged ``days`` inside ``totals``' period."""
    document = absence_document(
        citizen_name=citizen_name, workplace=workplace, days=days, totals=totals, today=today
    )
    return write_markdown(document)
