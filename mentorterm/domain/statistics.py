"""Attendance statistics from the logbook: the evidence mentors bring to follow-ups.

The figures are pure functions over logbook days: anything with
``entry_date``, ``attendance``, ``hours_planned``, ``hours_worked``,
``left_early`` and ``left_early_reason`` (a ``LogbookEntryView`` will do).
The functions that take a ``placement_id`` read the database, keep the
period inside the placement (and not after ``today``), and call them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from ..enums import Attendance
from ..i18n import N_, _
from ..models import LogbookEntry, Placement
from . import audit
from .absence_report import render_absence_overview
from .errors import DomainError
from .logbook import Schedule, _placement, schedule_of
from .views import View

OFF = "off"  # a calendar day the agreement has no work on
_ABSENCES = (Attendance.SICK, Attendance.ABSENT_WITH_NOTICE, Attendance.ABSENT_WITHOUT_NOTICE)
LEFT_EARLY = "left_early"


class LoggedDay(NamedTuple):
    """The columns the statistics read (a ``LogbookEntryView`` has them too)."""

    entry_date: date
    attendance: str
    hours_planned: float
    hours_worked: float
    left_early: bool
    left_early_reason: str
    absence_reason: str = ""


class PeriodChoice(StrEnum):
    LAST_2_WEEKS = "last_2_weeks"
    LAST_4_WEEKS = "last_4_weeks"
    LAST_13_WEEKS = "last_13_weeks"
    WHOLE_PLACEMENT = "whole_placement"

    @property
    def label(self) -> str:
        labels = {
            "last_2_weeks": N_("Last 2 weeks"),
            "last_4_weeks": N_("Last 4 weeks"),
            "last_13_weeks": N_("Last 13 weeks"),
            "whole_placement": N_("Whole placement"),
        }
        return _(labels[self.value])


_WEEKS = {
    PeriodChoice.LAST_2_WEEKS: 2,
    PeriodChoice.LAST_4_WEEKS: 4,
    PeriodChoice.LAST_13_WEEKS: 13,
}


class ReasonCount(View):
    """How often one kind of absence, or one reason for leaving early, occurred."""

    kind: str  # an Attendance value other than present, or "left_early"
    reason: str = ""  # the reason as written ("" when counting a whole kind)
    count: int

    @property
    def kind_label(self) -> str:
        return _("Left early") if self.kind == LEFT_EARLY else Attendance(self.kind).label

    @property
    def label(self) -> str:
        if not self.reason:
            return self.kind_label
        return _("{kind}: {reason}").format(kind=self.kind_label, reason=self.reason)


class PeriodFigures(View):
    start: date
    end: date
    days: int  # calendar days in the period
    days_logged: int
    days_present: int
    attendance_rate: float | None  # present / logged; None with nothing logged
    hours_planned: float
    hours_worked: float
    effective_hours_per_week: float | None  # worked / (days / 7)
    # Hours worked of those planned on the days present (with hours planned): the
    # review's partial-attendance figure. None with no such day.
    worked_of_planned: float | None = None
    sick_days: int
    absent_with_notice: int
    absent_without_notice: int
    left_early: int
    left_early_reasons: list[ReasonCount]  # most frequent first
    absence_by_weekday: list[int]  # days not present, Monday .. Sunday
    absence_by_kind: list[ReasonCount]  # sick, with notice, without notice (zeros too)
    # Each kind of absence by its reasons (most frequent first), then the
    # reasons for leaving early; only what occurred.
    absence_by_reason: list[ReasonCount]


class PeriodStats(PeriodFigures):
    previous: PeriodFigures | None  # the period of the same length just before
    attendance_rate_change: float | None  # percentage points
    hours_worked_change: float | None
    hours_per_week_change: float | None


class WeekPoint(NamedTuple):
    week: str  # ISO week, "2026-W47"
    hours_planned: float
    hours_worked: float


class CalendarDay(NamedTuple):
    day: date
    # An Attendance, LEFT_EARLY (came, went home early), None (a working day
    # not logged) or OFF (no work that day).
    attendance: Attendance | str | None


def _reasons(kind: str, reasons: Iterable[str]) -> list[ReasonCount]:
    # "Migraine" and "migraine " are one reason: the pattern is what matters.
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for reason in reasons:
        text = " ".join(reason.split()) or _("(no reason given)")
        key = text.casefold()
        spelling.setdefault(key, text)
        counts[key] += 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [ReasonCount(kind=kind, reason=spelling[key], count=n) for key, n in ordered]


def figures(days: Iterable[LoggedDay], start: date, end: date) -> PeriodFigures:
    """The figures of the logged days from ``start`` to ``end`` (others are ignored)."""
    inside = [d for d in days if start <= d.entry_date <= end]
    length = max(0, (end - start).days + 1)
    kinds = Counter(Attendance(d.attendance) for d in inside)
    by_weekday = [0] * 7
    for d in inside:
        if d.attendance != Attendance.PRESENT:
            by_weekday[d.entry_date.weekday()] += 1
    left = _reasons(LEFT_EARLY, (d.left_early_reason for d in inside if d.left_early))
    away = [
        reason
        for kind in _ABSENCES
        for reason in _reasons(
            kind.value, (d.absence_reason for d in inside if d.attendance == kind)
        )
    ]
    worked = round(sum(d.hours_worked for d in inside), 2)
    came = [d for d in inside if d.attendance == Attendance.PRESENT and d.hours_planned > 0]
    came_planned = sum(d.hours_planned for d in came)
    return PeriodFigures(
        start=start,
        end=end,
        days=length,
        days_logged=len(inside),
        days_present=kinds[Attendance.PRESENT],
        attendance_rate=kinds[Attendance.PRESENT] / len(inside) if inside else None,
        hours_planned=round(sum(d.hours_planned for d in inside), 2),
        hours_worked=worked,
        effective_hours_per_week=round(worked * 7 / length, 2) if length else None,
        worked_of_planned=sum(d.hours_worked for d in came) / came_planned if came else None,
        sick_days=kinds[Attendance.SICK],
        absent_with_notice=kinds[Attendance.ABSENT_WITH_NOTICE],
        absent_without_notice=kinds[Attendance.ABSENT_WITHOUT_NOTICE],
        left_early=sum(r.count for r in left),
        left_early_reasons=left,
        absence_by_weekday=by_weekday,
        absence_by_kind=[ReasonCount(kind=k.value, count=kinds[k]) for k in _ABSENCES],
        absence_by_reason=away + left,
    )


def _change(now: float | None, before: float | None, scale: float = 1) -> float | None:
    if now is None or before is None:
        return None
    return round((now - before) * scale, 2)


def compare(current: PeriodFigures, previous: PeriodFigures | None) -> PeriodStats:
    """The current figures with the change since the previous period."""
    if previous is None:
        changes = dict(
            attendance_rate_change=None, hours_worked_change=None, hours_per_week_change=None
        )
    else:
        changes = dict(
            attendance_rate_change=_change(current.attendance_rate, previous.attendance_rate, 100),
            hours_worked_change=_change(current.hours_worked, previous.hours_worked),
            # Per week as well: a previous period cut short by the placement's
            # start has fewer days, so its total alone would flatter the change.
            hours_per_week_change=_change(
                current.effective_hours_per_week, previous.effective_hours_per_week
            ),
        )
    return PeriodStats(**dict(current), previous=previous, **changes)


def iso_week(day: date) -> str:
    """The ISO week label of ``day``: "2026-W47"."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekly_points(days: Iterable[LoggedDay], start: date, end: date) -> list[WeekPoint]:
    """Hours planned and worked per ISO week from ``start`` to ``end``.

    Every week of the period has a point (0 when nothing was logged) so a
    chart shows the gap; the first and last weeks count only their days
    inside the period.
    """
    totals: dict[str, list[float]] = {}
    if end < start:
        return []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        totals[iso_week(monday)] = [0.0, 0.0]
        monday += timedelta(weeks=1)
    for d in days:
        if start <= d.entry_date <= end:
            week = totals[iso_week(d.entry_date)]
            week[0] += d.hours_planned
            week[1] += d.hours_worked
    return [WeekPoint(label, round(p, 2), round(w, 2)) for label, (p, w) in totals.items()]


def calendar_days(
    days: Iterable[LoggedDay],
    schedule: Schedule,
    start: date,
    end: date,
    placement_start: date,
    placement_end: date | None,
) -> list[CalendarDay]:
    """Each day from ``start`` to ``end``: its attendance (LEFT_EARLY for a day the
    citizen came but went home early), None when a scheduled day has no entry,
    or OFF (not a working day, or outside the placement)."""
    logged = {d.entry_date: LEFT_EARLY if d.left_early else Attendance(d.attendance) for d in days}
    result = []
    day = start
    while day <= end:
        if day in logged:  # an entry on a day off (extra work) still shows
            status: Attendance | str | None = logged[day]
        elif day < placement_start or (placement_end and day > placement_end):
            status = OFF
        else:
            status = None if schedule.is_scheduled(day) else OFF
        result.append(CalendarDay(day, status))
        day += timedelta(days=1)
    return result


def period_bounds(
    choice: PeriodChoice | str | tuple[date, date], placement, today: date
) -> tuple[date, date]:
    """The (first, last) day of a period the mentor picks, kept inside the placement.

    ``choice`` is a ``PeriodChoice`` (last N weeks = today - 7N + 1 .. today;
    the whole placement runs to its end or today, whichever is first) or an
    explicit (from, to). ``placement`` is anything with ``start_date`` and
    ``end_date``. Days before the placement started are cut off, so "last 13
    weeks" of a 3-week placement is those 3 weeks, not 13 with 10 empty ones.
    """
    if isinstance(choice, tuple):
        start, end = choice
        if end < start:
            raise DomainError(_("The period cannot end before it starts."), field="end")
    else:
        choice = PeriodChoice(choice)
        if choice == PeriodChoice.WHOLE_PLACEMENT:
            start, end = placement.start_date, today
        else:
            start, end = today - timedelta(days=7 * _WEEKS[choice] - 1), today
    start = max(start, placement.start_date)
    if placement.end_date is not None:
        end = min(end, placement.end_date)
    return start, end


def _clip(
    placement: Placement, start: date, end: date, today: date | None = None
) -> tuple[date, date]:
    start = max(start, placement.start_date)
    for limit in (placement.end_date, today):
        if limit is not None:
            end = min(end, limit)
    return start, end


def _logged_days(placement_id: int, start: date, end: date) -> list[LoggedDay]:
    query = (
        LogbookEntry.select(
            LogbookEntry.entry_date,
            LogbookEntry.attendance,
            LogbookEntry.hours_planned,
            LogbookEntry.hours_worked,
            LogbookEntry.left_early,
            LogbookEntry.left_early_reason,
            LogbookEntry.absence_reason,
        )
        .where(
            (LogbookEntry.placement == placement_id) & LogbookEntry.entry_date.between(start, end)
        )
        .order_by(LogbookEntry.entry_date)
    )
    return [LoggedDay(*row) for row in query.tuples()]


def period_stats(placement_id: int, start: date, end: date, today: date) -> PeriodStats:
    """The attendance figures from ``start`` to ``end``, with the previous period.

    The period is cut to the placement's dates and to ``today`` first: weeks
    that cannot have a logbook would otherwise dilute the hours per week.
    The previous period has the same length and ends the day before; it is
    None when the placement had not started by then.
    """
    placement = _placement(placement_id)
    start, end = _clip(placement, start, end, today)
    length = (end - start).days + 1
    if length <= 0:
        return compare(figures([], start, end), None)
    before_end = start - timedelta(days=1)
    before_start = max(start - timedelta(days=length), placement.start_date)
    has_previous = before_end >= placement.start_date
    days = _logged_days(placement_id, before_start if has_previous else start, end)
    previous = figures(days, before_start, before_end) if has_previous else None
    return compare(figures(days, start, end), previous)


def weekly_series(placement_id: int, start: date, end: date) -> list[WeekPoint]:
    """(ISO week, hours planned, hours worked) per week, for a chart."""
    start, end = _clip(_placement(placement_id), start, end)
    if end < start:
        return []
    return weekly_points(_logged_days(placement_id, start, end), start, end)


def attendance_calendar(placement_id: int, start: date, end: date) -> list[CalendarDay]:
    """Every day from ``start`` to ``end`` with its attendance (see ``calendar_days``)."""
    placement = _placement(placement_id)
    return calendar_days(
        _logged_days(placement_id, start, end),
        schedule_of(placement_id),
        start,
        end,
        placement.start_date,
        placement.end_date,
    )


def absence_overview_markdown(
    placement_id: int, start: date, end: date, today: date, *, log: bool = True
) -> str:
    """A Markdown overview of all absence and early leave, for a doctor or caseworker.

    Every day away and every early leave in the period (cut to the placement
    and to ``today``) with its totals; see ``absence_report`` for what is left out.
    ``log=False`` draws it again (another language) without a second audit row.
    """
    placement = _placement(placement_id)
    start, end = _clip(placement, start, end, today)
    days = _logged_days(placement_id, start, end)
    text = render_absence_overview(
        citizen_name=placement.citizen.name,
        workplace=placement.workplace,
        days=days,
        totals=figures(days, start, end),
        today=today,
    )
    if not log:
        return text
    audit.record(
        "export",
        "absence_overview",
        citizen_id=placement.citizen_id,
        record_id=placement_id,
        purpose=N_("absence overview for a doctor or caseworker"),
    )
    return text
