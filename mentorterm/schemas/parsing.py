"""The input models' parsing of typed text: Danish and ISO dates, times, decimals, whole numbers."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any

from pydantic_core import PydanticCustomError

from ..format import show_date, show_month
from ..i18n import _, ngettext

# Records outside this window are typing mistakes (2062 for 2026, 1926 ...).
EARLIEST = date(2000, 1, 1)
LATEST = date(2050, 12, 31)

_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")
_DATETIME_FORMATS = tuple(f"{d} {t}" for d in _DATE_FORMATS for t in ("%H:%M", "%H.%M", "%H:%M:%S"))
# Files written before times were cut to the second carry a fraction of one.
_DATETIME_FORMATS += ("%Y-%m-%d %H:%M:%S.%f",)


_DATE_PARTS = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d+)|(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME_PARTS = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?")
# A date in words, Danish or English: "mandag 14. december 2026", "14 Dec 2026",
# "Monday 14 December 2026", "December 14, 2026" (the weekday is not checked).
_WORDY = re.compile(
    r"(?:[^\W\d_]+\.?,?\s+)?(?:(\d{1,2})\.?\s+([^\W\d_]+)\.?|([^\W\d_]+)\.?\s+(\d{1,2})\.?,?)"
    r"\s+(\d{4})"
)


def _month_numbers() -> dict[str, int]:
    """Every month's name and abbreviation in Danish and English -> its number."""
    global _MONTHS
    if _MONTHS is None:
        from babel.dates import get_month_names

        _MONTHS = {}
        for lang in ("da", "en"):
            for width in ("wide", "abbreviated"):
                for context in ("format", "stand-alone"):
                    for number, name in get_month_names(width, context, locale=lang).items():
                        _MONTHS[name.casefold().rstrip(".")] = number
        _MONTHS.update({"sept": 9, "maj": 5})
    return _MONTHS


_MONTHS: dict[str, int] | None = None


def _wordy_date(text: str) -> date | None:
    """The date a text in words names, or None (not a date in words, or no such day)."""
    match = _WORDY.fullmatch(text)
    if match is None:
        return None
    day, month = (
        (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    )
    number = _month_numbers().get(month.casefold())
    if number is None:
        return None
    try:
        return date(int(match.group(5)), number, int(day))
    except ValueError:
        return None


def _wordy_datetime(text: str) -> datetime | None:
    """'mandag 14. december 2026 kl. 10:00', '14 Dec 2026 at 10:00', or None."""
    day_text, _space, time_text = text.rpartition(" ")
    clock = _TIME_PARTS.fullmatch(time_text)
    day_text = re.sub(r"\s+(?:kl\.?|at)$", "", day_text.strip().rstrip(","), flags=re.IGNORECASE)
    day = _wordy_date(day_text) if clock else None
    if day is None or clock is None:
        return None
    try:
        return datetime(day.year, day.month, day.day, int(clock.group(1)), int(clock.group(2)))
    except ValueError:
        return None


def date_problem(text: str) -> str:
    """What is wrong with a typed date that did not parse, in a mentor's words:
    "February 2026 has 28 days", "There is no month 13", or how to write one."""
    how = _("write the date as DD-MM-YYYY, e.g. 22-11-2026.")
    match = _DATE_PARTS.fullmatch(text.strip())
    if match is None:
        return _("Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026.")
    if match.group(1) is not None:
        day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    else:
        year_text, month, day = match.group(4), int(match.group(5)), int(match.group(6))
    if len(year_text) != 4:
        return _("Write the year with four digits, e.g. 22-11-2026.")
    year = int(year_text)
    if not 1 <= month <= 12:
        return _("There is no month {month}: {how}").format(month=month, how=how)
    if year < 1:
        return _("There is no year 0000: {how}").format(how=how)
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        return _("There is no day 0: {how}").format(how=how)
    if day > last:
        return ngettext(
            "{month} {year} has {days} day.", "{month} {year} has {days} days.", last
        ).format(month=show_month(month), year=year, days=last)
    return _("Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026.")


def datetime_problem(text: str) -> str:
    """What is wrong with a typed date and time that did not parse."""
    how = _("Not a date and time: write it as DD-MM-YYYY HH:MM, e.g. 22-11-2026 10:00.")
    parts = text.strip().replace("T", " ").split()
    if len(parts) != 2:
        if len(parts) == 1 and _DATE_PARTS.fullmatch(parts[0]):
            return _("Add the time: write it as DD-MM-YYYY HH:MM, e.g. 22-11-2026 10:00.")
        return how
    day_text, time_text = parts
    if _DATE_PARTS.fullmatch(day_text) is None:
        return how
    if not any(_parses(day_text, fmt) for fmt in _DATE_FORMATS):
        return date_problem(day_text)
    clock = _TIME_PARTS.fullmatch(time_text)
    if clock is None:
        return how
    hour, minute = int(clock.group(1)), int(clock.group(2))
    if hour > 23 or minute > 59 or (clock.group(3) and int(clock.group(3)) > 59):
        return _("There is no time {time}: hours go from 00 to 23, minutes from 00 to 59.").format(
            time=time_text
        )
    return how


def _parses(text: str, fmt: str) -> bool:
    try:
        datetime.strptime(text, fmt)
    except ValueError:
        return False
    return True


def parse_date_text(value: Any) -> Any:
    """Accept a date typed as DD-MM-YYYY (or . /) or ISO; leave others to pydantic."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        wordy = _wordy_date(text)
        if wordy is not None:
            return wordy
        raise PydanticCustomError("date_text", "{message}", {"message": date_problem(text)})
    return value


def parse_datetime_text(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().replace("T", " ")
        if not text:
            return None
        for fmt in _DATETIME_FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
        wordy = _wordy_datetime(value.strip())
        if wordy is not None:
            return wordy
        raise PydanticCustomError("datetime_text", "{message}", {"message": datetime_problem(text)})
    return value


def _in_window(value: date | None) -> date | None:
    if value is not None and not (EARLIEST <= value <= LATEST):
        raise PydanticCustomError(
            "date_window",
            _("The date {value} looks mistyped: use a date between {first} and {last}.").format(
                value=show_date(value),
                first=show_date(EARLIEST),
                last=show_date(LATEST),
            ),
        )
    return value


def _datetime_in_window(value: datetime | None) -> datetime | None:
    if value is not None:
        _in_window(value.date())
        # Stored at the precision the export format carries (to the second), so
        # a time given as a datetime (``datetime.now()``) exports and imports again.
        value = value.replace(microsecond=0)
    return value


def parse_number_text(value: Any) -> Any:
    """'7,5' (Danish) and '7.5' both mean seven and a half; with both marks
    the last is the decimal one ('1.234,5' Danish, '1,234.5' English)."""
    if isinstance(value, str):
        text = value.strip().replace("\xa0", "").replace(" ", "")
        if "," in text and "." in text:
            grouping = "." if text.rindex(",") > text.rindex(".") else ","
            text = text.replace(grouping, "")
        text = text.replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise PydanticCustomError("number_text", _("Write a number, e.g. 7,5.")) from None
    return value


def parse_whole_text(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not re.fullmatch(r"[+-]?\d+", text):
            raise PydanticCustomError("whole_text", _("Write a whole number, e.g. 7."))
        return int(text)
    return value
