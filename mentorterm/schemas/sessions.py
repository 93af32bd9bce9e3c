"""Input models for group sessions (holdundervisning): a series from a
schedule, one session, the hours of one participant at the roll call."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, model_validator
from pydantic_core import PydanticCustomError

from ..format import show_number, show_weekday_short
from ..i18n import _
from .errors import _field_error
from .fields import Day, InputModel, Line, Name, Text
from .parsing import parse_number_text

# A Monday: the weekdays' short names are read in the language in use, in
# English and in Danish whatever the language (no short name is in both).
_MONDAY = date(2026, 1, 5)
_ENGLISH = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DANISH = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
LONGEST_SERIES_DAYS = 366


def weekday_names() -> dict[str, int]:
    """{"mon": 1, "man": 1, "1": 1, ...}: what a weekday may be written as."""
    names = {str(n): n for n in range(1, 8)}
    for n in range(7):
        names[_ENGLISH[n]] = names[_DANISH[n]] = n + 1
        short = show_weekday_short(_MONDAY + timedelta(days=n)).lower().rstrip(".")
        names[short[:3]] = n + 1
    return names


def parse_weekdays(value: Any) -> Any:
    """ "1,3", "mon wed", "man, ons" → "1,3" (ISO weekdays, sorted)."""
    if not isinstance(value, str):
        return value
    words = [w for w in re.split(r"[\s,;/]+", value.strip().lower()) if w]
    if not words:
        raise PydanticCustomError("required", _("Write the weekdays, e.g. 1,3 or mon, wed."))
    names = weekday_names()
    days = set()
    for word in words:
        day = names.get(word) or names.get(word[:3])
        if day is None:
            raise PydanticCustomError(
                "weekdays",
                _("'{word}' is not a weekday: write e.g. 1,3 or mon, wed.").format(word=word),
            )
        days.add(day)
    return ",".join(str(d) for d in sorted(days))


def weekday_words(stored: str) -> str:
    """ "1,3" → "Mon, Wed" in the language in use (what the edit form shows;
    ``parse_weekdays`` reads it back)."""
    days = sorted(int(part) for part in stored.split(",") if part.strip())
    return ", ".join(show_weekday_short(_MONDAY + timedelta(days=day - 1)) for day in days)


def _clock(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.strip().replace(".", ":")
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if match is None or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise PydanticCustomError(
            "clock",
            _("Not a time: write it as HH:MM, e.g. 09:30 (you wrote {value}).").format(value=value),
        )
    return f"{int(match[1]):02d}:{int(match[2] or 0):02d}"


def _session_hours(value: float) -> float:
    if not 0 < value <= 12:
        raise PydanticCustomError(
            "session_hours",
            _("A session lasts more than 0 and at most 12 hours (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return round(value, 2)


def _attended_hours(value: float | None) -> float | None:
    if value is not None and not 0 <= value <= 12:
        raise PydanticCustomError(
            "attended_hours",
            _("Hours at a session are between 0 and 12 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return None if value is None else round(value, 2)


Clock = Annotated[str, BeforeValidator(_clock)]
Weekdays = Annotated[str, BeforeValidator(parse_weekdays)]
SessionHours = Annotated[float, BeforeValidator(parse_number_text), AfterValidator(_session_hours)]
AttendedHours = Annotated[
    float | None, BeforeValidator(parse_number_text), AfterValidator(_attended_hours)
]


class GroupSeriesIn(InputModel):
    """A recurring group session: these weekdays at this time, from a day to a day."""

    title: Name
    place: Line = ""
    weekdays: Weekdays
    starts: Clock = "09:00"
    hours: SessionHours = 2.0
    first_day: Day
    last_day: Day

    @model_validator(mode="after")
    def _check(self) -> GroupSeriesIn:
        if self.last_day < self.first_day:
            raise _field_error("last_day", _("The series cannot end before it starts."))
        if (self.last_day - self.first_day).days > LONGEST_SERIES_DAYS:
            raise _field_error(
                "last_day", _("A series runs at most a year: make a new one for the next.")
            )
        return self


class GroupSessionIn(InputModel):
    """One group session on one day."""

    title: Name
    day: Day
    starts: Clock = "09:00"
    hours: SessionHours = 2.0
    place: Line = ""
    note: Text = ""


class AttendedHoursIn(InputModel):
    """The hours one participant was at a session (empty: the session's hours)."""

    hours: AttendedHours = None
    note: Text = ""


class GroupSessionEditIn(GroupSessionIn):
    """One session corrected: its day and time, hours, place, leader, note."""

    leader_id: int | None = None


class GroupSeriesEditIn(GroupSeriesIn):
    """A series changed: its later sessions without a roll call follow (its
    first day moves only while no session before the new one is past or has a
    roll call: the sessions held are what they were)."""

    leader_id: int | None = None
