"""Logbook charts drawn with text: hours per week and the attendance calendar.

Pure functions from the statistics' rows to Rich markup, so they are tested
without a screen. Every mark has a letter as well as a colour: a mentor
reading a black-and-white print, or colour-blind, still reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from ..domain.statistics import LEFT_EARLY, OFF, CalendarDay, WeekPoint
from ..enums import Attendance
from ..format import show_date, show_hours
from ..i18n import _

# (mark, colour) for each kind of day in the calendar.
DAY_MARKS: dict[str | None, tuple[str, str]] = {
    Attendance.PRESENT.value: ("✓", "green"),
    LEFT_EARLY: ("½", "yellow"),
    Attendance.SICK.value: ("S", "red"),
    Attendance.ABSENT_WITH_NOTICE.value: ("N", "magenta"),
    Attendance.ABSENT_WITHOUT_NOTICE.value: ("U", "bold red"),
    None: ("·", "dim"),
    OFF: (" ", ""),
}


def _week_number(label: str) -> str:
    return "W" + label.rsplit("W", 1)[-1]


def hours_chart(points: Sequence[WeekPoint], width: int = 40) -> str:
    """One line a week: worked hours as a solid bar over the planned hours.

    ``█`` is worked within the plan, ``░`` planned but not worked, ``▓``
    worked beyond the plan. The figures follow the bar: worked / planned.
    """
    if not points:
        return _("[dim]No weeks in this period.[/]")
    top = max(max(p.hours_planned, p.hours_worked) for p in points) or 1.0

    def cells(hours: float) -> int:
        return round(hours / top * width)

    lines = []
    for p in points:
        worked, planned = cells(p.hours_worked), cells(p.hours_planned)
        solid = min(worked, planned)
        bar = (
            f"[green]{'█' * solid}[/]"
            + f"[dim]{'░' * max(0, planned - worked)}[/]"
            + f"[cyan]{'▓' * max(0, worked - planned)}[/]"
        )
        pad = " " * (width - max(worked, planned))
        figures = f"{show_hours(p.hours_worked) or '0'} / {show_hours(p.hours_planned) or '0'} h"
        lines.append(f"{_week_number(p.week):>4} {bar}{pad} {figures}")
    legend = _("[green]█[/] worked  [dim]░[/] planned, not worked  [cyan]▓[/] worked beyond plan")
    return "\n".join(lines + [legend])


def calendar_grid(days: Sequence[CalendarDay]) -> str:
    """The period as weeks (rows) by weekdays (columns), one mark a day."""
    if not days:
        return _("[dim]No days in this period.[/]")
    names = [_("Mo"), _("Tu"), _("We"), _("Th"), _("Fr"), _("Sa"), _("Su")]
    header = " " * 16 + " ".join(f"{n:>2}" for n in names)
    by_day = {d.day: d.attendance for d in days}
    first, last = days[0].day, days[-1].day
    monday = first - timedelta(days=first.weekday())
    lines = [header]
    while monday <= last:
        year, week, _weekday = monday.isocalendar()
        cells = []
        for offset in range(7):
            day = monday + timedelta(days=offset)
            if day not in by_day:
                cells.append("  ")
                continue
            status = by_day[day]
            mark, colour = DAY_MARKS[status.value if isinstance(status, Attendance) else status]
            cells.append(f" [{colour}]{mark}[/]" if colour else f" {mark}")
        lines.append(f"W{week:02d} {show_date(monday):<11} " + " ".join(cells))
        monday += timedelta(weeks=1)
    legend = _(
        "[green]✓[/] present  [yellow]½[/] left early  [red]S[/] sick  "
        "[magenta]N[/] away with notice  [bold red]U[/] away without notice  "
        "[dim]·[/] not logged"
    )
    return "\n".join(lines + [legend])
