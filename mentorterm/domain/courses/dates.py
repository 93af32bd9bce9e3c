"""A course's dates as plain rules: the planned end from a length, overlaps, what a change would strand."""

from __future__ import annotations

from datetime import date, timedelta

from ...i18n import _

COURSE_FIELDS = (
    "referral_date",
    "start_date",
    "planned_end",
    "weekly_hours",
    "purpose",
    "programme",
    "meeting_cadence_days",
)


END_FIELDS = ("end_date", "outcome", "end_note")


def planned_end_for(start: date, weeks: int) -> date:
    """The planned end of a course of ``weeks`` weeks: its last day (13 weeks: start + 90)."""
    return start + timedelta(days=7 * weeks - 1)


def weeks_of(start: date, planned_end: date) -> int | None:
    """The length in whole weeks when ``planned_end`` is one (``planned_end_for``'s inverse)."""
    days = (planned_end - start).days + 1
    return days // 7 if days > 0 and days % 7 == 0 else None


def overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """Whether two courses overlap; ``None`` is a running course's open end.

    One may start on the day the other ended (a re-referral the same day).
    """
    return (b_end is None or a_start < b_end) and (a_end is None or b_start < a_end)


def inside(day: date, start: date, end: date | None) -> bool:
    return start <= day and (end is None or day <= end)


def stranded(day: date, old: tuple[date, date | None], new: tuple[date, date | None]) -> str | None:
    """'before' / 'after' when ``day`` lay in the old span and lies outside the new one."""
    if not inside(day, *old) or inside(day, *new):
        return None
    return "before" if day < new[0] else "after"


def _where(side: str) -> str:
    return _("before the new start") if side == "before" else _("after the new end")
