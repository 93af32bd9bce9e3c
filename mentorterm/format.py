"""How values are shown to a mentor (dates the Danish way, hours, percentages)."""

from __future__ import annotations

from datetime import date, datetime


def show_date(value: date | datetime | None) -> str:
    """22-11-2026, as Danish users read dates; empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y")


def show_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y %H:%M")


def show_hours(value: float | None) -> str:
    """7.5 -> '7,5'; 10.0 -> '10' (Danish decimal comma)."""
    if value is None:
        return ""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def show_percent(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)} %"


def show_number(value: float | int | None) -> str:
    """7.5 -> '7,5'; 4.0 -> '4' (a decimal comma in every text a mentor reads)."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return ("0" if text in ("", "-0") else text).replace(".", ",")


def show_days(n: int) -> str:
    """'1 day', '3 days' (a count of days, not a date)."""
    from .i18n import ngettext

    return ngettext("{n} day", "{n} days", n).format(n=n)


def show_weeks(n: int) -> str:
    """'1 week', '3 weeks'."""
    from .i18n import ngettext

    return ngettext("{n} week", "{n} weeks", n).format(n=n)


def days_ago(n: int) -> str:
    """How long ago, in days: 'today', 'yesterday', '3 days ago'; ahead: 'tomorrow', 'in 3 days'."""
    from .i18n import _, ngettext

    if n == 0:
        return _("today")
    if n == 1:
        return _("yesterday")
    if n == -1:
        return _("tomorrow")
    if n < 0:
        return ngettext("in {n} day", "in {n} days", -n).format(n=-n)
    return ngettext("{n} day ago", "{n} days ago", n).format(n=n)
