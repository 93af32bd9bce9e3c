"""The report's read models: the facts of a period, each as it is shown.

Only these facts and what the mentor typed into the report itself go into a
progression report (see the package's docstring for what is left out).
"""

from __future__ import annotations

from datetime import date

from ...enums import CourseOutcome, CoursePurpose, PlacementKind, SubGoalStatus
from ...i18n import _
from ..statistics import PeriodFigures
from ..views import View

#: Stability is shown per block of this many days from the period's start.
BLOCK_DAYS = 28

TEXT_FIELDS = ("resources_observed", "clarified", "still_open", "recommended_next_steps", "summary")


def text_label(field: str) -> str:
    """The heading of one of the mentor's text fields."""
    return {
        "resources_observed": _("Resources observed"),
        "clarified": _("What has been clarified"),
        "still_open": _("What still needs clarifying"),
        "recommended_next_steps": _("Recommended next steps"),
        "summary": _("Summary"),
    }[field]


class ExtensionFact(View):
    decided_on: date
    new_end: date
    reason: str


class CourseFact(View):
    purpose: CoursePurpose
    programme: str
    weekly_hours: str
    referral_date: date
    start_date: date
    planned_end: date
    current_end: date  # after the latest extension
    extensions: list[ExtensionFact]
    end_date: date | None
    outcome: CourseOutcome | None
    cadence_days: int = 14  # the agreed time between meetings

    @property
    def purpose_label(self) -> str:
        return self.purpose.label

    @property
    def running(self) -> bool:
        return self.end_date is None

    @property
    def outcome_label(self) -> str:
        return self.outcome.label if self.outcome else ""


class PlacementAttendance(View):
    workplace: str
    figures: PeriodFigures  # cut to the placement's dates inside the period


class StabilityBlock(View):
    """Attendance in one 4-week block of the period (the last may be shorter)."""

    start: date
    end: date
    days_logged: int
    days_present: int
    attendance_rate: float | None
    hours_planned: float
    hours_worked: float
    absent_without_notice: int


class HoursStepFact(View):
    workplace: str
    from_date: date
    from_hours: float | None  # the step before (None: the placement's first step)
    to_hours: float
    schedule: str
    before_period: bool  # the step already in force when the period began


class PlacementFact(View):
    kind: PlacementKind
    workplace: str
    start_date: date
    end_date: date | None
    end_reason: str
    hours_per_week: float | None  # the step in force at the period's end
    #: Still running on the day the report was written: ``end_date`` is then
    #: only the planned end (or None), never a day it ended.
    running: bool = False

    @property
    def kind_label(self) -> str:
        return self.kind.label


class ScorePoint(View):
    scored_on: date
    citizen_score: int

    @property
    def mentor_score(self) -> int:
        return 10 - self.citizen_score


class SubGoalProgress(View):
    title: str
    success_criterion: str
    status: SubGoalStatus
    status_date: date | None
    scores: list[ScorePoint]  # in the period, oldest first

    @property
    def first(self) -> int | None:
        return self.scores[0].citizen_score if self.scores else None

    @property
    def last(self) -> int | None:
        return self.scores[-1].citizen_score if self.scores else None

    @property
    def change(self) -> int | None:
        return None if len(self.scores) < 2 else self.last - self.first

    @property
    def status_label(self) -> str:
        return self.status.label


class AccommodationFact(View):
    where: str  # "" for the citizen's own, else the workplace
    accommodations: str
    aids: str
