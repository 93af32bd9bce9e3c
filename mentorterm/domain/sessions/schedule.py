"""A series' schedule read as days (pure: no database)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def weekday_set(weekdays: str) -> frozenset[int]:
    """ "1,3" → {1, 3} (ISO weekdays; what the series stores)."""
    return frozenset(int(part) for part in weekdays.split(",") if part.strip())


def session_days(weekdays: frozenset[int] | set[int], first: date, last: date) -> list[date]:
    """Every day from ``first`` to ``last`` (both included) on one of ``weekdays``."""
    days = []
    day = first
    while day <= last:
        if day.isoweekday() in weekdays:
            days.append(day)
        day += timedelta(days=1)
    return days


def starts_at(day: date, starts: str) -> datetime:
    """The day at the series' time ("09:30")."""
    hour, _colon, minute = starts.partition(":")
    return datetime.combine(day, time(int(hour), int(minute or 0)))
