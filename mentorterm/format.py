"""How values are shown to a mentor: dates, weekdays, months, hours, percentages.

Everything here follows ``i18n.language()``. English keeps the app's own
house style (22-11-2026, a decimal comma, "52 %"); Danish comes from Babel's
CLDR data ("mandag 14. december", "52,5 %", "5.000"), never from the
machine's locale (a fresh machine has no da_DK).
"""

from __future__ import annotations

from datetime import date, datetime

from .i18n import language

_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _danish() -> bool:
    return language() == "da"


def show_date(value: date | datetime | None) -> str:
    """22-11-2026 in both languages (Danish numeric dates are DD-MM-YYYY); empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y")


def show_datetime(value: datetime | None) -> str:
    """22-11-2026 10:00 in both languages."""
    if value is None:
        return ""
    return value.strftime("%d-%m-%Y %H:%M")


def show_time(value: datetime) -> str:
    """10:00 (24 hours, both languages)."""
    return value.strftime("%H:%M")


def show_weekday(day: date) -> str:
    """'Monday' / 'mandag'."""
    if _danish():
        from babel.dates import format_date

        return format_date(day, "EEEE", locale="da")
    return _WEEKDAYS_EN[day.weekday()]


def show_weekday_short(day: date) -> str:
    """'Mon' / 'man': three letters, so columns line up in either language."""
    return show_weekday(day)[:3]


def weekday_names() -> list[str]:
    """Monday .. Sunday in the language in use."""
    monday = date(2026, 1, 5)
    return [show_weekday(date.fromordinal(monday.toordinal() + i)) for i in range(7)]


def weekday_letters() -> list[str]:
    """Monday .. Sunday in two letters: 'Mo' .. 'Su' / 'ma' .. 'sø' (a narrow column)."""
    if _danish():
        from babel.dates import get_day_names

        names = get_day_names("short", "format", locale="da")
        return [names[i].rstrip(".") for i in range(7)]
    return ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def show_month(month: int) -> str:
    """1 -> 'January' / 'januar'."""
    if _danish():
        from babel.dates import get_month_names

        return get_month_names("wide", "format", locale="da")[month]
    return _MONTHS_EN[month - 1]


def show_long_date(day: date, *, year: bool = False) -> str:
    """'Monday 14 December' / 'mandag 14. december' (with ``year``: '… 2026')."""
    if _danish():
        from babel.dates import format_date

        return format_date(day, "EEEE d. MMMM y" if year else "EEEE d. MMMM", locale="da")
    text = f"{_WEEKDAYS_EN[day.weekday()]} {day.day} {_MONTHS_EN[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def _decimal(value: float, pattern: str) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, pattern, locale="da")


def show_hours(value: float | None) -> str:
    """7.5 -> '7,5'; 10.0 -> '10' (a decimal comma in both languages)."""
    if value is None:
        return ""
    if _danish():
        return _decimal(round(value, 1), "0.#")
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def show_percent(value: float | None) -> str:
    """0.525 -> '52 %' in English, '52,5 %' in Danish; empty for none."""
    if value is None:
        return ""
    if _danish():
        from babel.numbers import format_percent

        return format_percent(value, "#,##0.# %", locale="da")
    return f"{round(value * 100)} %"


def show_number(value: float | int | None) -> str:
    """7.5 -> '7,5'; 4.0 -> '4' (a decimal comma in every text a mentor reads).

    No thousands separator: the value may be typed back into a form."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    if _danish():
        text = _decimal(round(value, 6), "0.######")
        return "0" if text == "-0" else text
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return ("0" if text in ("", "-0") else text).replace(".", ",")


def show_count(n: int) -> str:
    """A count read, not typed: '5000' in English as before, '5.000' in Danish."""
    if _danish():
        return _decimal(n, "#,##0")
    return str(n)


def show_days(n: int) -> str:
    """'1 day', '3 days' (a count of days, not a date)."""
    from .i18n import ngettext

    return ngettext("{n} day", "{n} days", n).format(n=show_count(n))


def show_weeks(n: int) -> str:
    """'1 week', '3 weeks'."""
    from .i18n import ngettext

    return ngettext("{n} week", "{n} weeks", n).format(n=show_count(n))


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
