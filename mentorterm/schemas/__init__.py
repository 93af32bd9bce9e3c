"""Validated input models (pydantic v2) for everything the UI and CLI write: the front door.

Screens and the CLI build one of these from what the mentor typed; nothing
reaches the database until it validates. ``friendly_errors`` turns a
ValidationError into one message per field in words a mentor understands.
Dates are accepted the Danish way (22-11-2026, 22.11.2026, 22/11/2026) as
well as ISO (2026-11-22); decimals with a comma (7,5) as well as a point.

Rooms: ``parsing`` (typed text), ``fields`` (field types, InputModel),
``errors`` (messages), then one per concern: ``citizens``, ``alliance``,
``placements``, ``meetings``, ``reports``, ``review``. Never imports storage
or models.
"""

from __future__ import annotations

from .alliance import AllianceScoreIn, SubGoalIn, SubGoalStatusIn
from .citizens import (
    CitizenIn,
    CourseEndIn,
    CourseExtensionIn,
    CourseIn,
    HandoverIn,
    MentorIdentityIn,
    MentorIn,
)
from .errors import (
    _field_error,  # noqa: F401 (interchange.py raises it)
    error_location,
    error_text,
    format_location,
    friendly_errors,
)
from .fields import (
    Day,
    DayHours,
    InputModel,
    Line,
    Moment,
    Name,
    OptionalDay,
    OptionalScore,
    OptionalWeekHours,
    Score,
    Text,
    WeekHours,
)
from .jobsearch import CvStateIn, JobContactIn, TargetCompanyIn
from .meetings import ActionItemIn, MeetingIn, ParticipantIn
from .parsing import (
    EARLIEST,
    LATEST,
    date_problem,
    datetime_problem,
    parse_date_text,
    parse_datetime_text,
    parse_number_text,
    parse_whole_text,
)
from .placements import HoursStepIn, LogbookEntryIn, NewPlacementIn, PlacementEndIn, PlacementIn
from .reports import CalendarFileIn, DocumentFileIn, ExportFileIn, PeriodIn, ReportTextsIn
from .review import ReviewDayIn, ReviewNoteIn

__all__ = [
    "ActionItemIn",
    "CvStateIn",
    "JobContactIn",
    "TargetCompanyIn",
    "AllianceScoreIn",
    "CalendarFileIn",
    "CitizenIn",
    "CourseEndIn",
    "CourseExtensionIn",
    "CourseIn",
    "HandoverIn",
    "Day",
    "DayHours",
    "EARLIEST",
    "DocumentFileIn",
    "ExportFileIn",
    "HoursStepIn",
    "InputModel",
    "LATEST",
    "Line",
    "LogbookEntryIn",
    "MeetingIn",
    "MentorIdentityIn",
    "MentorIn",
    "Moment",
    "Name",
    "NewPlacementIn",
    "OptionalDay",
    "OptionalScore",
    "OptionalWeekHours",
    "ParticipantIn",
    "PeriodIn",
    "PlacementEndIn",
    "PlacementIn",
    "ReportTextsIn",
    "ReviewDayIn",
    "ReviewNoteIn",
    "Score",
    "SubGoalIn",
    "SubGoalStatusIn",
    "Text",
    "WeekHours",
    "date_problem",
    "datetime_problem",
    "error_location",
    "error_text",
    "format_location",
    "friendly_errors",
    "parse_date_text",
    "parse_datetime_text",
    "parse_number_text",
    "parse_whole_text",
]
