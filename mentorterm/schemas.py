"""Validated input models (pydantic v2) for everything the UI and CLI write.

Screens and the CLI build one of these from what the mentor typed; nothing
reaches the database until it validates. ``friendly_errors`` turns a
ValidationError into one message per field in words a mentor understands.
Dates are accepted the Danish way (22-11-2026, 22.11.2026, 22/11/2026) as
well as ISO (2026-11-22); decimals with a comma (7,5) as well as a point.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .enums import (
    LEGACY_CANCELLED,
    Attendance,
    Author,
    CancelledBy,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlacementKind,
    SubGoalStatus,
)
from .format import show_number
from .i18n import _, ngettext
from .terminal import terminal_safe

# Records outside this window are typing mistakes (2062 for 2026, 1926 ...).
EARLIEST = date(2000, 1, 1)
LATEST = date(2050, 12, 31)

_DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")
_DATETIME_FORMATS = tuple(f"{d} {t}" for d in _DATE_FORMATS for t in ("%H:%M", "%H.%M", "%H:%M:%S"))
# Files written before times were cut to the second carry a fraction of one.
_DATETIME_FORMATS += ("%Y-%m-%d %H:%M:%S.%f",)


_DATE_PARTS = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d+)|(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME_PARTS = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?")


def _month_name(month: int) -> str:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )[month - 1]


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
        ).format(month=_month_name(month), year=year, days=last)
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
        raise PydanticCustomError("datetime_text", "{message}", {"message": datetime_problem(text)})
    return value


def _in_window(value: date | None) -> date | None:
    if value is not None and not (EARLIEST <= value <= LATEST):
        raise PydanticCustomError(
            "date_window",
            _("The date {value} looks mistyped: use a date between {first} and {last}.").format(
                value=value.strftime("%d-%m-%Y"),
                first=EARLIEST.strftime("%d-%m-%Y"),
                last=LATEST.strftime("%d-%m-%Y"),
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
    """'7,5' (Danish) and '7.5' both mean seven and a half."""
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
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


def _strip(value: Any) -> Any:
    # Control characters (ESC, a carriage return, a bidi override) have no
    # place in a name or a note and act on the terminal that shows them: dropped.
    return terminal_safe(value).strip() if isinstance(value, str) else value


def _score(value: int) -> int:
    if not 1 <= value <= 10:
        raise PydanticCustomError(
            "score_range",
            _("A score is a whole number from 1 to 10 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return value


def _optional_score(value: int | None) -> int | None:
    return None if value is None else _score(value)


def _day_hours(value: float) -> float:
    if not 0 <= value <= 24:
        raise PydanticCustomError(
            "day_hours",
            _("Hours in a day are between 0 and 24 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return round(value, 2)


def _week_hours(value: float) -> float:
    if not 0 <= value <= 60:
        raise PydanticCustomError(
            "week_hours",
            _("Hours a week are between 0 and 60 (you wrote {value}).").format(
                value=show_number(value)
            ),
        )
    return round(value, 2)


def _required(value: str) -> str:
    if not value:
        raise PydanticCustomError("required", _("This is required."))
    return value


Day = Annotated[date, BeforeValidator(parse_date_text), AfterValidator(_in_window)]
OptionalDay = Annotated[date | None, BeforeValidator(parse_date_text), AfterValidator(_in_window)]
Moment = Annotated[
    datetime, BeforeValidator(parse_datetime_text), AfterValidator(_datetime_in_window)
]
Text = Annotated[str, BeforeValidator(_strip), Field(max_length=20_000)]
Line = Annotated[str, BeforeValidator(_strip), Field(max_length=200)]
Name = Annotated[str, BeforeValidator(_strip), Field(max_length=200), AfterValidator(_required)]
Score = Annotated[int, BeforeValidator(parse_whole_text), AfterValidator(_score)]
OptionalScore = Annotated[
    int | None, BeforeValidator(parse_whole_text), AfterValidator(_optional_score)
]
DayHours = Annotated[float, BeforeValidator(parse_number_text), AfterValidator(_day_hours)]
WeekHours = Annotated[float, BeforeValidator(parse_number_text), AfterValidator(_week_hours)]


class InputModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False)


def _after(later: date | None, earlier: date | None, message: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise PydanticCustomError("date_order", message)


class MentorIn(InputModel):
    name: Name
    email: Line = ""


class CitizenIn(InputModel):
    name: Name = Field(description="Name, pseudonym or initials")
    phone: Annotated[str, BeforeValidator(_strip), Field(max_length=60)] = ""
    email: Line = ""
    address: Text = ""
    caseworker_name: Line = ""
    caseworker_phone: Annotated[str, BeforeValidator(_strip), Field(max_length=60)] = ""
    caseworker_email: Line = ""
    jobcenter: Line = ""
    interpreter_needed: bool = False
    interpreter_language: Annotated[str, BeforeValidator(_strip), Field(max_length=100)] = ""
    job_goal: Text = ""
    job_wish_1: Line = ""
    job_wish_2: Line = ""
    job_wish_3: Line = ""
    accommodations: Text = ""
    aids: Text = ""
    parallel_efforts: Text = ""
    notes: Text = ""
    archived_on: OptionalDay = None

    @model_validator(mode="after")
    def _check(self) -> CitizenIn:
        for field in ("email", "caseworker_email"):
            value = getattr(self, field)
            if value and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
                raise _field_error(field, _("Not an e-mail address: {value}").format(value=value))
        if self.interpreter_needed and not self.interpreter_language:
            raise _field_error(
                "interpreter_language", _("Which language does the interpreter speak?")
            )
        if (self.job_wish_2 and not self.job_wish_1) or (self.job_wish_3 and not self.job_wish_2):
            raise _field_error(
                "job_wish_1", _("Fill in the job wishes in order of priority: 1, 2, 3.")
            )
        return self


class CourseIn(InputModel):
    referral_date: Day
    start_date: Day
    planned_end: Day
    weekly_hours: Annotated[str, BeforeValidator(_strip), Field(max_length=40)] = ""
    purpose: CoursePurpose
    programme: Line = ""
    meeting_cadence_days: Annotated[int, BeforeValidator(parse_whole_text), Field(ge=1, le=90)] = 14

    @model_validator(mode="after")
    def _check(self) -> CourseIn:
        if self.start_date < self.referral_date:
            raise _field_error("start_date", _("The course cannot start before it was referred."))
        if self.planned_end < self.start_date:
            raise _field_error("planned_end", _("The course cannot end before it starts."))
        return self


class CourseExtensionIn(InputModel):
    decided_on: Day
    new_end: Day
    reason: Text = ""


class CourseEndIn(InputModel):
    end_date: Day
    outcome: CourseOutcome
    end_note: Text = ""


class SubGoalIn(InputModel):
    title: Annotated[str, BeforeValidator(_strip), Field(max_length=300), AfterValidator(_required)]
    description: Text = ""
    success_criterion: Text = ""
    area: Annotated[str, BeforeValidator(_strip), Field(max_length=100)] = ""
    target_date: OptionalDay = None
    priority: Annotated[int, BeforeValidator(parse_whole_text), Field(ge=0, le=999)] = 0


class SubGoalStatusIn(InputModel):
    status: SubGoalStatus
    status_date: Day
    status_note: Text = ""


class AllianceScoreIn(InputModel):
    scored_on: Day
    citizen_score: Score
    what_it_takes: Text = ""
    own_actions: Text = ""
    help_needed: Text = ""

    @property
    def mentor_score(self) -> int:
        return 10 - self.citizen_score


class PlacementIn(InputModel):
    kind: PlacementKind
    workplace: Name
    supervisor_name: Line = ""
    supervisor_contact: Line = ""
    company_consultant: Line = ""
    start_date: Day
    end_date: OptionalDay = None
    work_functions: Text = ""
    training_goals: Text = ""
    accommodations: Text = ""
    aids: Text = ""
    support_on_site: Text = ""
    follow_up_frequency: Annotated[str, BeforeValidator(_strip), Field(max_length=100)] = ""
    paid_hours_next_discussed: OptionalDay = None
    end_reason: Text = ""

    @model_validator(mode="after")
    def _check(self) -> PlacementIn:
        if self.end_date is not None and self.end_date < self.start_date:
            raise _field_error("end_date", _("The placement cannot end before it starts."))
        return self


class PlacementEndIn(InputModel):
    end_date: Day
    end_reason: Text = ""


class HoursStepIn(InputModel):
    from_date: Day
    hours_per_week: WeekHours
    schedule: Line = ""


class LogbookEntryIn(InputModel):
    entry_date: Day
    attendance: Attendance
    hours_planned: DayHours = 0
    hours_worked: DayHours = 0
    left_early: bool = False
    left_early_reason: Text = ""
    tasks: Text = ""
    breaks: Text = ""
    energy: OptionalScore = None
    pain: OptionalScore = None
    life_after_work: Text = ""
    notes: Text = ""
    written_by: Author = Author.CITIZEN
    absence_reason: Text = ""

    @model_validator(mode="after")
    def _check(self) -> LogbookEntryIn:
        if self.attendance == Attendance.PRESENT and self.absence_reason:
            raise _field_error(
                "absence_reason", _("A reason for being away only goes on a day away.")
            )
        if self.attendance != Attendance.PRESENT:
            if self.hours_worked:
                raise _field_error(
                    "hours_worked", _("No hours can be worked on a day the citizen was away.")
                )
            if self.left_early:
                raise _field_error(
                    "left_early", _("Only a citizen who came to work can leave early.")
                )
        if self.left_early and not self.left_early_reason:
            raise _field_error("left_early_reason", _("Why did the citizen leave early?"))
        return self


class ParticipantIn(InputModel):
    name: Name
    role: ParticipantRole


class MeetingIn(InputModel):
    starts_at: Moment
    duration_minutes: Annotated[int, BeforeValidator(parse_whole_text), Field(ge=1, le=600)] = 60
    kind: MeetingKind
    place: Line = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    attendance_note: Text = ""
    tasks_note: Text = ""
    motivation_note: Text = ""
    accommodations_note: Text = ""
    citizen_view: Text = ""
    workplace_view: Text = ""
    notes: Text = ""
    decisions: Text = ""
    next_meeting_date: OptionalDay = None
    participants: list[ParticipantIn] = Field(default_factory=list, max_length=30)
    # Schema 5: who cancelled (only for a cancelled meeting), and why / the no-show's note.
    cancelled_by: CancelledBy | None = None
    outcome_note: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _legacy_cancellation(cls, data: Any) -> Any:
        # Up to schema 4 (and in older export files) a cancellation was always the citizen's.
        if (
            isinstance(data, dict)
            and data.get("status") == LEGACY_CANCELLED
            and not data.get("cancelled_by")
        ):
            data = {**data, "cancelled_by": CancelledBy.CITIZEN.value}
        return data

    @model_validator(mode="after")
    def _check(self) -> MeetingIn:
        if self.next_meeting_date is not None and self.next_meeting_date < self.starts_at.date():
            raise _field_error(
                "next_meeting_date", _("The next meeting cannot be before this one.")
            )
        if self.status != MeetingStatus.CANCELLED:
            self.cancelled_by = None
        elif self.cancelled_by is None:
            self.cancelled_by = CancelledBy.CITIZEN
        return self


class ActionItemIn(InputModel):
    what: Annotated[str, BeforeValidator(_strip), Field(max_length=2000), AfterValidator(_required)]
    owner: Name = Field(description="Who does it")
    due_date: OptionalDay = None
    done_on: OptionalDay = None


class PeriodIn(InputModel):
    """A period the mentor types: from one day to another, both included."""

    start: Day
    end: Day

    @model_validator(mode="after")
    def _check(self) -> PeriodIn:
        if self.end < self.start:
            raise _field_error("end", _("The period cannot end before it starts."))
        return self


class ReportTextsIn(InputModel):
    """What the mentor writes in a progression report: the judgement parts.

    The factual parts (course, attendance, hours, scores) come from the records.
    """

    title: Annotated[str, BeforeValidator(_strip), Field(max_length=300)] = ""
    resources_observed: Text = ""
    clarified: Text = ""
    still_open: Text = ""
    recommended_next_steps: Text = ""
    summary: Text = ""


class ExportFileIn(InputModel):
    path: Annotated[str, BeforeValidator(_strip), Field(max_length=4000), AfterValidator(_required)]


class ReviewNoteIn(InputModel):
    iso_week: Annotated[str, Field(pattern=r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")]
    decision: Text = ""
    reviewed_at: datetime | None = None


def _field_error(field: str, message: str) -> PydanticCustomError:
    """An error raised by a model validator that belongs to one field.

    pydantic puts model-level errors at the model's own location; the field
    name is carried in the context so friendly_errors can put it by the field.
    """
    return PydanticCustomError("field_rule", "{message}", {"message": message, "field": field})


_MESSAGES: dict[str, str] = {
    "missing": "This is required.",
    "string_too_long": "Too long: at most {max_length} characters.",
    "string_too_short": "This is required.",
    "too_long": "Too many: at most {max_length}.",
    "int_parsing": "Write a whole number, e.g. 7.",
    "int_from_float": "Write a whole number, e.g. 7.",
    "int_type": "Write a whole number, e.g. 7.",
    "float_parsing": "Write a number, e.g. 7,5.",
    "float_type": "Write a number, e.g. 7,5.",
    "finite_number": "Write a number, e.g. 7,5.",
    "date_from_datetime_inexact": "Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026.",
    "bool_parsing": "Answer yes or no.",
    "bool_type": "Answer yes or no.",
    "date_parsing": "Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026.",
    "date_from_datetime_parsing": "Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026.",
    "date_type": "Not a date: write it as DD-MM-YYYY, e.g. 22-11-2026.",
    "datetime_parsing": "Not a date and time: write it as DD-MM-YYYY HH:MM.",
    "datetime_from_date_parsing": "Not a date and time: write it as DD-MM-YYYY HH:MM.",
    "datetime_type": "Not a date and time: write it as DD-MM-YYYY HH:MM.",
    "greater_than_equal": "Must be at least {ge}.",
    "less_than_equal": "Must be at most {le}.",
    "string_pattern_mismatch": "Not in the expected form.",
    "extra_forbidden": "Unknown field: mentorterm does not know this name.",
    "string_type": "Write text here.",
    "list_type": "Expected a list here.",
    "model_type": "Expected an object here.",
    "model_attributes_type": "Expected an object here.",
    "literal_error": "Must be {expected}.",
}


def _enum_message(error: dict) -> str:
    expected = error.get("ctx", {}).get("expected", "")
    return _("Choose one of: {choices}").format(choices=expected)


def error_text(error: dict) -> str:
    """One pydantic error dict in a mentor's words."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "field_rule":
        return ctx["message"]
    if kind == "enum":
        return _enum_message(error)
    if kind in _MESSAGES:
        try:
            return _(_MESSAGES[kind]).format(**ctx)
        except (KeyError, IndexError):
            return _(_MESSAGES[kind])
    return error["msg"]


def error_location(error: dict) -> tuple[str | int, ...]:
    loc = tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if error["type"] == "field_rule":
        loc = loc + (ctx["field"],)
    return loc


def friendly_errors(exc: ValidationError) -> dict[str, str]:
    """{field name: message} for a flat input model (first problem per field)."""
    result: dict[str, str] = {}
    for error in exc.errors():
        loc = error_location(error)
        field = ".".join(str(part) for part in loc) or "__all__"
        result.setdefault(field, error_text(error))
    return result


def format_location(loc: tuple[str | int, ...]) -> str:
    """('citizens', 2, 'courses', 0, 'planned_end') -> 'citizens[2].courses[0].planned_end'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "(document)"


def _optional_week_hours(value: float | None) -> float | None:
    return None if value is None else _week_hours(value)


OptionalWeekHours = Annotated[
    float | None, BeforeValidator(parse_number_text), AfterValidator(_optional_week_hours)
]


class NewPlacementIn(PlacementIn):
    """A new placement with, optionally, its first hours step (from its start unless
    another date inside the placement is given)."""

    first_step_hours: OptionalWeekHours = None
    first_step_schedule: Line = ""
    first_step_from: OptionalDay = None

    @model_validator(mode="after")
    def _first_step(self) -> NewPlacementIn:
        if self.first_step_hours is None:
            if self.first_step_schedule:
                raise _field_error(
                    "first_step_hours",
                    _("Write the hours a week of this schedule, or leave the schedule empty."),
                )
            return self
        day = self.first_step_from or self.start_date
        if day < self.start_date or (self.end_date is not None and day > self.end_date):
            raise _field_error(
                "first_step_from", _("The first hours step starts within the placement's dates.")
            )
        return self

    def placement(self) -> PlacementIn:
        """The placement without its first step."""
        return PlacementIn.model_construct(
            **self.model_dump(
                exclude={"first_step_hours", "first_step_schedule", "first_step_from"}
            )
        )

    def first_step(self) -> HoursStepIn | None:
        """The first hours step, or None when no hours were given."""
        if self.first_step_hours is None:
            return None
        return HoursStepIn.model_construct(
            from_date=self.first_step_from or self.start_date,
            hours_per_week=self.first_step_hours,
            schedule=self.first_step_schedule,
        )


class MentorIdentityIn(InputModel):
    """The mentor's own name and organisation (asked at the first start)."""

    name: Name
    organisation: Line = ""


class CalendarFileIn(ExportFileIn):
    """Where to save the .ics export, and whether each meeting's place goes in it."""

    include_place: bool = False
