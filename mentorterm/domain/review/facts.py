"""The plain facts the review's rules read: one citizen's, as they stood on ``as_of``.

The queries (``queries.py``, ``gather.py``) fill these from the database; the
rules (``rules_*.py``) turn them into signals without touching it, so a test
can build them in Python. Dates are dates, moments datetimes, never text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Attendance:
    """Logged and present days in the recent window and in the one before it."""

    logged: int = 0
    present: int = 0
    before_logged: int = 0
    before_present: int = 0


@dataclass(frozen=True)
class SessionFacts:
    """Group sessions with the roll called for the citizen (cancelled ones left
    out): in the recent window and the one before it, and the days absent
    without notice in the no-notice window. Apart from the logbook's days."""

    called: int = 0
    attended: int = 0  # present, or left for an individual conversation
    before_called: int = 0
    before_attended: int = 0
    no_notice: tuple[date, ...] = ()  # oldest first


@dataclass(frozen=True)
class MissedMeeting:
    status: str  # MeetingStatus value: "cancelled" (by the citizen) or "no_show"
    starts_at: datetime


@dataclass(frozen=True)
class JobStart:
    """A work placement (``PlacementKind.is_work``) started by ``as_of``."""

    kind: str  # PlacementKind value
    start: date
    workplace: str
    end: date | None = None  # as known on as_of (decided by then)


@dataclass(frozen=True)
class HoursFacts:
    """Hours worked against hours planned on the present days of the recent window."""

    days: int = 0
    planned: float = 0.0
    worked: float = 0.0
    left_early: list[str] = field(default_factory=list)  # the reasons, oldest first


@dataclass(frozen=True)
class CourseEnded:
    """The latest course that ended by ``as_of`` with an outcome that starts aftercare."""

    outcome: str  # CourseOutcome value
    end: date


@dataclass(frozen=True)
class SubGoalFacts:
    sub_goal_id: int
    title: str
    target_date: date | None
    created_on: date
    last_scored: date | None


@dataclass(frozen=True)
class OverdueItem:
    """An open action item whose due date has passed."""

    what: str
    owner: str
    due_date: date
    kind: str = "agreement"  # or "follow_up": a job-search contact's follow-up


@dataclass(frozen=True)
class PlacementChange:
    """A placement that starts or ends within the transition window."""

    kind: str  # PlacementKind value
    workplace: str
    start: date
    end: date | None
    next_start: date | None  # the citizen's next placement's start, if recorded


@dataclass(frozen=True)
class HoursStepFacts:
    """The hours step in force on a running placement, begun long enough ago."""

    workplace: str
    from_date: date
    hours_per_week: float
    schedule: str | None
    last_follow_up: date | None  # the last held three-party meeting or workplace follow-up
    kind: str = "company_internship"  # PlacementKind value of the step's placement
    last_met: date | None = None  # the last held meeting with the citizen (any kind)


@dataclass(frozen=True)
class HandoverFacts:
    """The citizen's latest handover on or before ``as_of`` (schema 9)."""

    day: date
    from_name: str
    to_name: str


@dataclass(frozen=True)
class CitizenFacts:
    """What one citizen's records said on ``as_of`` (the per-citizen statement)."""

    citizen_id: int
    name: str
    course_id: int | None = None  # the course running on as_of
    course_start: date | None = None
    course_end: date | None = None  # planned end after the extensions decided by as_of
    cadence: int = 14  # days between meetings
    course_end_recorded: date | None = None  # an end recorded after as_of: decided
    last_held: datetime | None = None
    next_booked: datetime | None = None  # planned, held or no-show on or after as_of
    attendance: Attendance = Attendance()
    no_notice: list[date] = field(default_factory=list)  # oldest first
    missed: list[MissedMeeting] = field(default_factory=list)  # in this course, newest first
    # Missed in a row before the current course started (context only), newest first.
    missed_before: list[MissedMeeting] = field(default_factory=list)
    jobs: list[JobStart] = field(default_factory=list)  # work placements, oldest start first
    job_course: CourseEnded | None = None
    latest_course_start: date | None = None  # the latest course started by as_of
    last_met: datetime | None = None  # the last held meeting with the citizen (any kind)
    hours: HoursFacts = HoursFacts()
    sessions: SessionFacts = SessionFacts()  # group sessions (schema 10)


@dataclass
class CitizenCase:
    """A citizen's facts with the rows that may be many: what every rule reads."""

    citizen: CitizenFacts
    sub_goals: list[SubGoalFacts] = field(default_factory=list)  # priority order
    overdue: list[OverdueItem] = field(default_factory=list)  # soonest due first
    transitions: list[PlacementChange] = field(default_factory=list)
    hours_steps: list[HoursStepFacts] = field(default_factory=list)
    handover: HandoverFacts | None = None  # the latest one within the handover weeks
