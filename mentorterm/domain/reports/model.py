"""The progression report as a whole, and a saved report as the list shows it."""

from __future__ import annotations

from datetime import date

from ...i18n import _
from ...schemas import ReportTextsIn
from ..jobsearch.views import JobSearchView
from ..sessions.figures import SessionFigures
from ..statistics import PeriodFigures
from ..views import View
from .contact import ContactFrequency, MeetingFact
from .facts import (
    AccommodationFact,
    CourseFact,
    HoursStepFact,
    PlacementAttendance,
    PlacementFact,
    StabilityBlock,
    SubGoalProgress,
)


class ProgressionReport(View):
    citizen_id: int
    citizen_name: str
    start: date
    end: date
    written_on: date
    report_id: int | None
    title: str
    courses: list[CourseFact]
    attendance_total: PeriodFigures | None  # None when no placement ran in the period
    attendance_by_placement: list[PlacementAttendance]
    stability: list[StabilityBlock]
    hours_steps: list[HoursStepFact]
    placements: list[PlacementFact]
    sub_goals: list[SubGoalProgress]
    accommodations: list[AccommodationFact]
    texts: ReportTextsIn
    meetings: list[MeetingFact] = []
    contact: ContactFrequency | None = None
    # Group sessions (holdundervisning) in the period, apart from the logbook days.
    group_sessions: SessionFigures | None = None
    mentor_name: str = ""  # who wrote it (the settings' name, else the database's)
    organisation: str = ""
    # The job search (issue 20); None when the citizen has none recorded.
    job_search: JobSearchView | None = None

    @property
    def display_title(self) -> str:
        return self.title or _("Progression report")


class ReportListItem(View):
    id: int
    start: date
    end: date
    title: str
    saved_on: date  # the day it was last saved (local date)
