"""What a persona is made of: plain dataclasses with dates counted from today."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..enums import (
    AftercareSituation,
    Attendance,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
    SubGoalStatus,
)
from .days import _days
from .jobsearch import JobSearchPlan

# Common hour patterns (weekday -> hours that day).
WED_2 = {2: 2.0}
TUE_THU_2 = {1: 2.0, 3: 2.0}
TUE_THU_3 = {1: 3.0, 3: 3.0}
TUE_THU_35 = {1: 3.5, 3: 3.5}
TUE_THU_4 = {1: 4.0, 3: 4.0}
MWF_3 = {0: 3.0, 2: 3.0, 4: 3.0}
MON_FRI_2 = dict.fromkeys(range(5), 2.0)
MON_FRI_3 = dict.fromkeys(range(5), 3.0)
MON_FRI_4 = dict.fromkeys(range(5), 4.0)
MON_FRI_5 = dict.fromkeys(range(5), 5.0)
MON_THU_25 = dict.fromkeys(range(4), 2.5)
MON_THU_3 = dict.fromkeys(range(4), 3.0)


@dataclass(frozen=True)
class Step:
    """An hours step, ``offset`` days after the placement starts."""

    offset: int
    days: dict[int, float]
    reason: str = ""


@dataclass
class PlacementPlan:
    kind: PlacementKind
    workplace: str
    start: date
    steps: list[Step]
    tasks: tuple[str, ...] = ()
    end: date | None = None
    end_reason: str = ""
    supervisor: str = ""
    supervisor_contact: str = ""
    company_consultant: str = ""
    work_functions: str = ""
    training_goals: str = ""
    accommodations: str = ""
    aids: str = ""
    support_on_site: str = ""
    follow_up: str = "Three-party meeting monthly; mentor visits every other week"
    paid_hours_next: date | None = None
    logbook: bool = True  # a job after the course keeps no logbook
    notes: tuple[str, ...] = ()  # how the tasks go (else the persona's words)
    views: tuple[str, ...] = ()  # what the workplace says (else the persona's words)


@dataclass
class GoalPlan:
    title: str
    area: str
    criterion: str
    first: int  # citizen score at the first scoring
    last: int  # citizen score at the latest scoring
    what: tuple[str, ...]
    own: tuple[str, ...]
    help: tuple[str, ...]
    after_days: int = 14  # set at the first held meeting this many days into the course
    target: date | None = None
    status: SubGoalStatus = SubGoalStatus.ACTIVE
    status_note: str = ""
    description: str = ""


@dataclass
class CoursePlan:
    referral: date
    start: date
    weeks: int
    purpose: CoursePurpose
    weekly_hours: str
    programme: str
    placements: list[PlacementPlan]
    goals: list[GoalPlan]
    extensions: list[tuple[date, int, str]] = field(default_factory=list)  # decided, weeks, why
    end: tuple[date, CourseOutcome, str] | None = None
    cadence: int = 14
    meetings_until: date | None = None  # the regular fortnightly series stops here

    @property
    def planned_end(self) -> date:
        return self.start + _days(self.weeks * 7 - 1)


@dataclass(frozen=True)
class Absences:
    """How a citizen's attendance behaves."""

    rate: float  # share of planned days away, normally
    kinds: tuple[tuple[Attendance, str], ...]  # the reasons it happens for
    mondays: bool = False  # absence falls on Mondays
    dips: tuple[tuple[date, date, float], ...] = ()  # (from, to, rate) worse periods
    surge_days: int = 0  # the last n days show rising absence ...
    surge_share: float = 0.0  # ... this share of the planned days away
    left_early: float = 0.04
    left_early_reasons: tuple[str, ...] = ("Headache", "Too tired, went home")
    body: float = 0.3  # how often energy (and pain) is written down
    energy: int = 6
    pain: int | None = None  # typical pain, None when the citizen does not log pain


@dataclass
class ExtraMeeting:
    """A meeting outside the regular series: missed ones, aftercare, a start-up."""

    day: date
    kind: MeetingKind
    status: MeetingStatus
    notes: str = ""
    place: str = ""
    hour: tuple[int, int] = (10, 0)
    duration: int = 45
    decisions: str = ""
    with_supervisor: bool = False
    # A held aftercare follow-up: where the citizen stands (schema 12).
    aftercare_situation: AftercareSituation | None = None


@dataclass
class Texts:
    """Persona-specific words for the follow-up points (tasks and workplace views
    may be given per placement instead, when a citizen has had several)."""

    tasks: tuple[str, ...]
    accommodations: tuple[str, ...]
    citizen_views: tuple[str, ...]
    workplace_views: tuple[str, ...] = ()


@dataclass
class Persona:
    citizen: dict[str, Any]
    courses: list[CoursePlan]
    absences: Absences
    texts: Texts
    actions: tuple[tuple[str, str], ...]  # (what, owner: citizen/mentor/caseworker/supervisor)
    review: tuple[str, ...]  # this week's review decisions
    open_actions: list[tuple[str, str, date]] = field(default_factory=list)  # guaranteed open
    extra_meetings: list[ExtraMeeting] = field(default_factory=list)
    forced_days: dict[date, tuple[Attendance, str]] = field(default_factory=dict)
    book_next: bool = True  # a planned meeting after today
    miss_rate: float = 0.07
    meeting_times: tuple[tuple[int, int], ...] = ((9, 30), (10, 0), (13, 0))
    attention: bool = False  # always on the weekly review list lately
    job_search: JobSearchPlan | None = None  # the CV, companies contacted and to approach
