"""Read models: what domain functions hand to the screens (never a peewee row)."""

from __future__ import annotations

import math
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from ..enums import (
    CancelledBy,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
)


class View(BaseModel):
    model_config = ConfigDict(frozen=True, from_attributes=True)


class CitizenView(View):
    id: int
    name: str
    phone: str
    email: str
    address: str
    caseworker_name: str
    caseworker_phone: str
    caseworker_email: str
    jobcenter: str
    interpreter_needed: bool
    interpreter_language: str
    job_goal: str
    job_wish_1: str
    job_wish_2: str
    job_wish_3: str
    accommodations: str
    aids: str
    parallel_efforts: str
    notes: str
    archived_on: date | None

    @classmethod
    def from_row(cls, row) -> CitizenView:
        return cls.model_validate(row)

    @property
    def job_wishes(self) -> list[str]:
        return [w for w in (self.job_wish_1, self.job_wish_2, self.job_wish_3) if w]


class ExtensionView(View):
    id: int
    decided_on: date
    new_end: date
    reason: str


class CourseView(View):
    id: int
    referral_date: date
    start_date: date
    planned_end: date
    weekly_hours: str
    purpose: CoursePurpose
    programme: str
    meeting_cadence_days: int
    end_date: date | None
    outcome: CourseOutcome | None
    end_note: str
    extensions: list[ExtensionView]
    # Schema 9: (day, from mentor, to mentor) of each handover while the course
    # ran, oldest first: a course that spans a handover had two mentors.
    handovers: list[tuple[date, str, str]] = []

    @property
    def current_end(self) -> date:
        """The planned end after the latest extension."""
        if self.extensions:
            return max(x.new_end for x in self.extensions)
        return self.planned_end

    @property
    def is_open(self) -> bool:
        return self.end_date is None

    @property
    def total_weeks(self) -> int:
        return max(1, math.ceil(((self.current_end - self.start_date).days + 1) / 7))

    def week_number(self, today: date) -> int:
        """Which week of the course ``today`` falls in (0 before it starts)."""
        if today < self.start_date:
            return 0
        last = min(today, self.end_date or self.current_end)
        return (last - self.start_date).days // 7 + 1


class HoursStepView(View):
    id: int
    from_date: date
    hours_per_week: float
    schedule: str


class PlacementView(View):
    id: int
    kind: PlacementKind
    workplace: str
    supervisor_name: str
    start_date: date
    end_date: date | None
    accommodations: str
    hours_steps: list[HoursStepView]

    def step_on(self, day: date) -> HoursStepView | None:
        current = None
        for step in sorted(self.hours_steps, key=lambda s: s.from_date):
            if step.from_date <= day:
                current = step
        return current

    def is_current(self, day: date) -> bool:
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)


class SubGoalSummary(View):
    id: int
    title: str
    status: str
    priority: int
    target_date: date | None
    latest_score: int | None
    latest_scored_on: date | None
    score_count: int


class MeetingView(View):
    id: int
    starts_at: datetime
    kind: MeetingKind
    status: MeetingStatus
    place: str
    decisions: str
    next_meeting_date: date | None
    cancelled_by: CancelledBy | None = None  # schema 5: who called a cancelled meeting off


class ActionItemView(View):
    id: int
    what: str
    owner: str
    due_date: date | None
    done_on: date | None


class LogbookLine(View):
    id: int
    entry_date: date
    workplace: str
    attendance: str
    hours_planned: float
    hours_worked: float
    left_early: bool
    left_early_reason: str
    tasks: str


class CitizenOverview(View):
    citizen: CitizenView
    courses: list[CourseView]  # newest first
    placements: list[PlacementView]  # newest first
    sub_goals: list[SubGoalSummary]  # active first, by priority
    next_meeting: MeetingView | None
    last_held_meeting: MeetingView | None
    open_action_items: list[ActionItemView]
    today: date
    # Schema 9: (day, from mentor, to mentor, note) per handover, oldest first.
    handovers: list[tuple[date, str, str, str]] = []
    # Schema 10: the group sessions so far in one line, and the next one coming.
    group_sessions: list[str] = []
    # Schema 10: the job search's follow-ups past their day, (what, due), soonest first.
    overdue_follow_ups: list[tuple[str, date]] = []

    @property
    def current_course(self) -> CourseView | None:
        for course in self.courses:
            if course.is_open:
                return course
        return None

    @property
    def latest_course(self) -> CourseView | None:
        return self.courses[0] if self.courses else None

    @property
    def current_placement(self) -> PlacementView | None:
        for placement in self.placements:
            if placement.is_current(self.today):
                return placement
        return None
