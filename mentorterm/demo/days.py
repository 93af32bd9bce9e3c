"""Small date and text helpers of the demo (relative days, stamps, schedules)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _workday(day: date) -> date:
    """The day itself, or the Monday after when it falls on a weekend."""
    return day + _days((7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _stamp(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _dmy(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _first_name(name: str) -> str:
    return name.split()[0]


def _schedule_text(days: dict[int, float]) -> str:
    """{1: 2, 3: 2} -> '2 x 2 h Tue+Thu'; mixed hours -> 'Tue 3.5 h, Fri 3 h'."""
    keys = sorted(days)
    hours = {days[k] for k in keys}
    if len(hours) == 1:
        if keys == [0, 1, 2, 3, 4]:
            spread = "Mon-Fri"
        elif keys == [0, 1, 2, 3]:
            spread = "Mon-Thu"
        else:
            spread = "+".join(_DAY_NAMES[k] for k in keys)
        return f"{len(keys)} x {hours.pop():g} h {spread}"
    return ", ".join(f"{_DAY_NAMES[k]} {days[k]:g} h" for k in keys)


def _week_hours(days: dict[int, float]) -> float:
    return round(sum(days.values()), 2)


def _holiday(day: date, today: date) -> bool:
    """Placements close at Christmas and in the summer weeks (older history only,
    so the last four weeks always show the situations the demo is about)."""
    if (today - day).days <= 28:
        return False
    if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1):
        return True
    return day.isocalendar().week in (29, 30)
