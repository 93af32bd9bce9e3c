"""A fictional demo caseload (``mentorterm demo``).

``generate_demo`` fills an empty database with about half a year (and for some
citizens years) of records for the default mentor: citizens in the situations
DOMAIN.md describes — extended and re-referred courses, hours stepped up and
down, no-shows, rising absence, a course about to end, aftercare, interpreters,
overdue agreements, a placement about to start — with daily logbooks on each
placement's working days, meetings every second week with the five follow-up
points, sub-goals scored on the alliance scale and weekly review notes.

Everything is relative to ``today`` and drawn from ``random.Random(seed)``:
the same seed and day always give the same rows, timestamps included. Every
record passes the same input model (schemas.py) as the mentor's own typing
before it is written. All people, workplaces, phone numbers and addresses are
invented; e-mail addresses use the reserved ``.example`` domain.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

from peewee import chunked

from . import storage
from .domain import audit
from .enums import (
    Attendance,
    Author,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlacementKind,
    SubGoalStatus,
)
from .i18n import _
from .models import (
    ActionItem,
    AllianceScore,
    AuditEntry,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    Mentor,
    Placement,
    ReviewNote,
    SubGoal,
    db,
)
from .schemas import (
    ActionItemIn,
    AllianceScoreIn,
    CitizenIn,
    CourseEndIn,
    CourseExtensionIn,
    CourseIn,
    HoursStepIn,
    InputModel,
    LogbookEntryIn,
    MeetingIn,
    ParticipantIn,
    PlacementIn,
    ReviewNoteIn,
    SubGoalIn,
    SubGoalStatusIn,
)

__all__ = [
    "DEMO_FILE_NAME",
    "DemoRefused",
    "demo_database_path",
    "generate_demo",
    "is_demo_database",
]

# The demo lives in its own file beside the mentor's database, never in it.
DEMO_FILE_NAME = "demo.db"
# What generate_demo's one audit row says (the mark of a demo database).
_DEMO_AUDIT = ("import", "demo")


def demo_database_path() -> Path:
    """The separate demo file: ``demo.db`` in the per-user data folder."""
    return storage.default_database_path().with_name(DEMO_FILE_NAME)


def is_demo_database() -> bool:
    """True when the open database holds the fictional demo caseload.

    generate_demo writes one audit row for the whole demo; the audit log is
    append-only, so the mark stays as long as the demo's records do.
    """
    action, what = _DEMO_AUDIT
    return (
        AuditEntry.select()
        .where((AuditEntry.action == action) & (AuditEntry.what == what))
        .exists()
    )


class DemoRefused(ValueError):
    """The database already holds citizens; the demo never mixes with real data."""


def generate_demo(*, seed: int = 1, today: date | None = None) -> dict[str, int]:
    """Fill the open, empty database with a fictional caseload for the default mentor.

    Returns the number of rows created per table. Raises DemoRefused (and
    writes nothing) when the database already contains citizens.
    """
    today = today or date.today()
    rng = random.Random(seed)
    with db.atomic():
        if Citizen.select().exists():
            raise DemoRefused(
                _(
                    "This database already contains citizens, so no demo data was added: "
                    "the demo never mixes with real records. 'mentorterm demo' without "
                    "--db writes it to a separate demo file."
                )
            )
        before = storage.row_counts()
        mentor = storage.ensure_default_mentor()
        builder = _Builder(rng, today, mentor)
        personas = _personas(rng, today)
        for persona in personas:
            builder.add_persona(persona)
        builder.add_review_notes(personas)
        # One audit row for the whole demo (its records are fictional).
        audit.record(*_DEMO_AUDIT, purpose="fictional demo caseload")
        after = storage.row_counts()
    return {table: after[table] - before.get(table, 0) for table in after}


# ---------------------------------------------------------------------------
# Small date and text helpers

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _workday(day: date) -> date:
    """The day itself, or the Monday after when it falls on a weekend."""
    return day + _days((7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def _stamp(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _dmy(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _first_name(name: str) -> str:
    return name.split()[0]


def _schedule_text(days: dict[int, float]) -> str:
    """{1: 2, 3: 2} -> '2 x 2 h Tue+Thu'; mixed hours -> 'Tue 3.5 h, Fri 3 h'."""
    keys = sorted(days)
    hours = {days[k] for k in keys}
    if len(hours) == 1:
        if keys == [0, 1, 2, 3, 4]:
            spread = "Mon-Fri"
        elif keys == [0, 1, 2, 3]:
            spread = "Mon-Thu"
        else:
            spread = "+".join(_DAY_NAMES[k] for k in keys)
        return f"{len(keys)} x {hours.pop():g} h {spread}"
    return ", ".join(f"{_DAY_NAMES[k]} {days[k]:g} h" for k in keys)


def _week_hours(days: dict[int, float]) -> float:
    return round(sum(days.values()), 2)


def _holiday(day: date, today: date) -> bool:
    """Placements close at Christmas and in the summer weeks (older history only,
    so the last four weeks always show the situations the demo is about)."""
    if (today - day).days <= 28:
        return False
    if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1):
        return True
    return day.isocalendar().week in (29, 30)


def _clean(schema: type[InputModel], **fields: Any) -> dict[str, Any]:
    """Validate through the input model the screens use; plain column values back."""
    data = schema(**fields).model_dump()
    return {k: (v.value if isinstance(v, Enum) else v) for k, v in data.items()}


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


# ---------------------------------------------------------------------------
# What a persona is made of


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


# ---------------------------------------------------------------------------
# Shared word lists

_ADDRESSES = (
    "Vestergade 41, 1. tv, 8000 Aarhus C",
    "Skovvejen 7, st. th, 8240 Risskov",
    "Frederiksgade 112, 3. mf, 8000 Aarhus C",
    "Gudrunsvej 18, 2. th, 8220 Brabrand",
    "Rosenhøj 14, 4. tv, 8260 Viby J",
    "Vollsmose Allé 29, 2. tv, 5240 Odense NØ",
    "Munkebjergvej 63, 1. th, 5230 Odense M",
    "Kongensgade 88, 3. tv, 5000 Odense C",
    "Toftevej 5, 5200 Odense V",
    "Bispehavevej 21, 1. mf, 8210 Aarhus V",
    "Holmstrupgårdvej 9, 8220 Brabrand",
    "Nørre Allé 30, st. tv, 8000 Aarhus C",
    "Højstrupvej 40, 5200 Odense V",
    "Langelinie 11, 2. th, 5230 Odense M",
    "Grenåvej 201, 8240 Risskov",
    "Sønderborggade 6, 1. tv, 8000 Aarhus C",
)

_LIFE_AFTER_WORK = (
    "Slept two hours after work.",
    "Cooked dinner, early to bed.",
    "Tired but good.",
    "Went for a walk in the evening.",
    "Too tired to cook; ate a sandwich.",
    "Calm evening at home.",
    "Headache in the evening.",
    "Watched TV and relaxed.",
    "Did the shopping on the way home.",
    "Restless evening, slept badly.",
)

_BREAKS = (
    "10 min at 10:30",
    "Lunch 30 min",
    "Two short breaks",
    "Extra break in the quiet room",
    "Coffee with the team",
    "Break outside, 15 min",
)

_MOTIVATION = {
    "high": (
        "{first} is proud of the steady weeks and wants more hours.",
        "Good drive; {first} talks about the job goal again.",
        "Says the routine helps; looks forward to the work days.",
        "More energy than in months, in {first}'s own words.",
    ),
    "mid": (
        "Up and down: good work days, tired and doubtful in between.",
        "{first} wants to go on but fears failing again, as in earlier courses.",
        "Motivated by the tasks, less by the mornings.",
        "Keeps going; finds it hard to see the progress.",
    ),
    "low": (
        "Low: {first} says 'it never works for me anyway'.",
        "Hard weeks; we talked about what still makes sense.",
        "Motivation low after the absence; agreed on one small step.",
        "{first} is ashamed of the missed days and almost did not come today.",
    ),
    "before": (
        "Wants to get started but is nervous about a new workplace.",
        "Curious, but some distrust after several earlier courses.",
        "Ready to try; wants it to be different this time.",
    ),
}

_WORKPLACE_VIEWS = {
    "high": (
        "{supervisor} says {first} is reliable and the team likes working together.",
        "The workplace is happy; {first} works carefully and asks when in doubt.",
        "{supervisor}: '{first} has found a good rhythm; we can give more responsibility.'",
    ),
    "mid": (
        "{supervisor} is satisfied with the work but needs a call earlier when {first} is away.",
        "Good days are good; the workplace finds the absence hard to plan around.",
        "{supervisor} sees progress but wants the hours kept as they are for now.",
    ),
    "low": (
        "{supervisor} is worried about the absence and asks what the workplace can do.",
        "The workplace wants to keep {first} but needs more stable attendance.",
        "{supervisor} has not heard from {first} on the missed days; wants a plan for calling in.",
    ),
}

_BEFORE_PLACEMENT = {
    "attendance": "No placement yet; {first} came on time to the meetings.",
    "tasks": (
        "Talked about job wishes and which placement to start in.",
        "Went through earlier jobs and courses: what worked, what did not.",
        "Looked at the internal training grounds together.",
    ),
    "accommodations": (
        "Went through the accommodations in the referral and what {first} needs at work.",
        "Talked about what a first workplace must take into account.",
    ),
}

_GENERIC_ACTIONS = (
    ("Bring the logbook to the next meeting", "citizen"),
    ("Update the caseworker by e-mail", "mentor"),
    ("Book the next three-party meeting", "mentor"),
    ("Renew the bus card", "citizen"),
    ("Call on Monday morning to hear how the weekend went", "mentor"),
)

_DECISIONS = (
    "Continue as now; next follow-up in two weeks.",
    "Hours stay as they are.",
    "Keep the hours; look at the logbook together next time.",
    "No change; mentor checks in by phone next week.",
    "Keep the plan; sub-goals scored again next time.",
)

_REVIEW_GENERIC = (
    "Stable; no action this week.",
    "Contact within cadence; follow up at the next meeting.",
    "Logbook fine; ask about paid hours at the next three-party meeting.",
    "Quiet week; mentor calls to check in.",
    "Sub-goals due for scoring at the next meeting.",
    "Caseworker asked for a status; mentor writes it this week.",
)

_OFFICE = "Mentor office, Søndergade 14"


# ---------------------------------------------------------------------------
# The personas. Each function returns one citizen's whole story, with dates
# counted from today; the seed picks names, details and the day-to-day noise.


def _pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return rng.choice(options)


def _personas(rng: random.Random, today: date) -> list[Persona]:
    addresses = rng.sample(_ADDRESSES, len(_ADDRESSES))
    builders = (
        _extended_twice,
        _re_referred,
        _hours_reduced,
        _no_shows,
        _rising_absence,
        _ending_soon,
        _aftercare_job,
        _aftercare_flexjob,
        _interpreter_arabic,
        _interpreter_tigrinya_transition,
        _interpreter_somali_overdue_goal,
        _new_start,
        _steady_progress,
        _archived,
    )
    personas = []
    for build, address in zip(builders, addresses, strict=False):
        persona = build(rng, today)
        persona.citizen.setdefault("address", address)
        personas.append(persona)
    return personas


def _phone(rng: random.Random) -> str:
    return "+45 " + " ".join(f"{rng.randint(20, 99)}" for _ in range(4))


_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue"})


def _mail_name(name: str) -> str:
    """'Mette Jørgensen' -> 'mette.joergensen' (the local part of an address)."""
    text = name.lower().translate(_ASCII).replace(" ", ".")
    local = "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch == "."))
    return ".".join(part for part in local.split(".") if part) or "citizen"


def _email(name: str, rng: random.Random) -> str:
    return f"{_mail_name(name)}{rng.randint(1, 99)}@mail.example"


def _citizen(rng: random.Random, names: tuple[str, ...], **fields: Any) -> dict[str, Any]:
    name = rng.choice(names)
    base = {"name": name, "phone": _phone(rng)}
    if rng.random() < 0.7:
        base["email"] = _email(name, rng)
    caseworker = fields.get("caseworker_name", "")
    if caseworker:
        town = "aarhus" if "Aarhus" in fields.get("jobcenter", "") else "odense"
        base["caseworker_email"] = f"{_mail_name(caseworker)}@jobcenter-{town}.example"
        base["caseworker_phone"] = ("+45 87 13 " if town == "aarhus" else "+45 65 51 ") + (
            f"{rng.randint(10, 99)} {rng.randint(10, 99)}"
        )
    base.update(fields)
    return base


def _extended_twice(rng: random.Random, t: date) -> Persona:
    """Migraine; clarification toward flexjob, extended twice; hours 2 -> 4 -> 6 -> 7 -> 10."""
    start = _workday(t - _days(298))
    first_end = start + _days(26 * 7 - 1)
    internship = _workday(start + _days(129))
    return Persona(
        citizen=_citizen(
            rng,
            ("Mette Jørgensen", "Susanne Lund", "Dorthe Bech"),
            caseworker_name=_pick(rng, ("Pia Kjær", "Ulla Brix")),
            jobcenter="Jobcenter Aarhus",
            job_goal="A flexjob of 10-15 hours a week in a bakery or a shop, with a quiet start "
            "to the day.",
            job_wish_1="Bakery assistant",
            job_wish_2="Shop assistant (second-hand)",
            job_wish_3="Kitchen help",
            accommodations="Start after 10:00; quiet room for breaks; may go home if a migraine "
            "starts; no screen work over one hour at a time.",
            aids="Sunglasses and ear defenders; migraine medicine kept at work.",
            parallel_efforts="Neurologist (headache clinic); headache diary; physiotherapy for "
            "the neck.",
            notes="Two earlier work trainings stopped because of absence. Very conscientious on "
            "good days.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="4-10",
                programme="Clarification course with mentor support",
                extensions=[
                    (
                        first_end - _days(8),
                        13,
                        (
                            "Work capacity not yet clarified: the neurologist's statement is pending and "
                            "she has only just reached 7 hours."
                        ),
                    ),
                    (
                        first_end + _days(84),
                        13,
                        (
                            "The jobcenter wants a trial at 10 hours in the company internship before the "
                            "flexjob assessment."
                        ),
                    ),
                ],
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Havnens Genbrug (the provider's second-hand shop)",
                        start=start + _days(14),
                        end=internship - _days(3),
                        end_reason="Moved on to a company internship as planned.",
                        supervisor="Lene Dahl",
                        supervisor_contact="+45 86 12 40 17",
                        steps=[
                            Step(0, WED_2),
                            Step(28, TUE_THU_2, "came every Wednesday for four weeks"),
                            Step(70, TUE_THU_3, "two days work well; three hours each day"),
                        ],
                        tasks=(
                            "Sorting clothes",
                            "Pricing books",
                            "Tidying the shelves",
                            "Till with Lene",
                            "Steaming and hanging clothes",
                        ),
                        work_functions="Sorting and pricing donated goods; shop floor; till with "
                        "support.",
                        training_goals="Stable attendance two days a week; find out how the "
                        "migraine reacts to work.",
                        accommodations="Start at 10:00; dim break room.",
                        notes=(
                            "Sorting and pricing go well; the till is still stressful.",
                            "Works alone on sorting now; careful and tidy.",
                            "Short, clear tasks suit her best.",
                        ),
                        views=(
                            "Lene: 'Reliable on the days she comes.'",
                            "Lene would like a call before 9:00 on migraine days.",
                        ),
                    ),
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Bageriet Kornkammeret, Viby J",
                        start=internship,
                        supervisor="Torben Ravn",
                        supervisor_contact="torben@kornkammeret.example",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[
                            Step(0, TUE_THU_3),
                            Step(35, TUE_THU_35, "stable for five weeks; half an hour more a day"),
                            Step(
                                133,
                                {1: 3.5, 3: 3.5, 4: 3.0},
                                "trial at 10 hours, asked for by the jobcenter",
                            ),
                        ],
                        tasks=(
                            "Packing bread",
                            "Washing trays",
                            "Filling the bread shelves",
                            "Making sandwiches",
                            "Cleaning the shop",
                            "Baking off rolls",
                        ),
                        work_functions="Packing, filling shelves, simple bake-off, cleaning.",
                        training_goals="Reach 10 hours a week; describe which tasks work on "
                        "migraine days.",
                        accommodations="Starts at 10:00; break room with the light off; may go "
                        "home if a migraine starts.",
                        support_on_site="Mentor visits every other week; Torben is the fixed "
                        "contact.",
                        paid_hours_next=t + _days(42),
                        notes=(
                            "Packing and shelves go well; the oven area is too hot and noisy.",
                            "Can work alone on packing now; sandwiches are next.",
                            "Tasks with a clear start and end suit her best.",
                        ),
                        views=("Torben: 'When she is here, she is one of the best.'",),
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Come on the planned days for four weeks, or call before 9:00 if I cannot",
                        "work",
                        "Four weeks with every day either attended or called in before 9:00.",
                        3,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(90),
                        status_note="Four weeks in a row, and she calls in every time now.",
                        what=(
                            "Knowing it is fine to call in sick.",
                            "A fixed routine the night before.",
                        ),
                        own=(
                            "Set an alarm at 8:30 to decide and call.",
                            "Pack the bag the evening before.",
                        ),
                        help=(
                            "Mentor: remind her by SMS the first weeks.",
                            "Lene: answer the phone in the morning.",
                        ),
                    ),
                    GoalPlan(
                        "Keep a headache diary every day and bring it to the neurologist",
                        "health",
                        "Diary filled in for six weeks and shown at the appointment.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(120),
                        after_days=28,
                        status_note="The neurologist has the diary; new medicine started.",
                        what=("Remembering it on bad days.", "A simple form."),
                        own=("Diary next to the toothbrush.", "Fill it in on the bus home."),
                        help=(
                            "Mentor: made a one-page form.",
                            "GP: referral to the headache clinic.",
                        ),
                    ),
                    GoalPlan(
                        "Work 10 hours a week for six weeks with at most one sick day a week",
                        "work",
                        "Six weeks at 10 hours, logbook shows at most one sick day a week.",
                        3,
                        5,
                        after_days=220,
                        target=t + _days(40),
                        what=("Fewer migraine days.", "Enough rest on the day off."),
                        own=("Rest on Wednesdays.", "Take the medicine at the first sign."),
                        help=(
                            "Torben: keep the quiet break room.",
                            "Mentor: go through the logbook with her every fortnight.",
                        ),
                    ),
                    GoalPlan(
                        "Find out with the caseworker what a flexjob would mean for my finances",
                        "practical",
                        "A written overview of income in a flexjob.",
                        2,
                        6,
                        after_days=250,
                        target=t + _days(25),
                        what=("Understanding the rules.", "Courage to ask."),
                        own=("Write down the questions.", "Bring the budget."),
                        help=(
                            "Caseworker: explain the flexjob rules.",
                            "Mentor: join the meeting.",
                        ),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.13,
            kinds=(
                (Attendance.SICK, "Migraine"),
                (Attendance.SICK, "Migraine since the night"),
                (Attendance.SICK, "Migraine, stayed in bed"),
                (Attendance.SICK, "Migraine with nausea"),
            ),
            left_early=0.07,
            left_early_reasons=("Migraine coming on", "Flickering vision (migraine aura)"),
            body=0.6,
            energy=5,
            pain=4,
        ),
        texts=Texts(
            tasks=(),
            accommodations=(
                "The dark break room helps; uses it most days.",
                "Start at 10:00 works; earlier starts bring migraine.",
                "Ear defenders in noisy tasks; fewer headaches.",
            ),
            citizen_views=(
                "'I can do more than I thought, when my head lets me.'",
                "'The bad days still scare me.'",
                "'It is good that nobody gets angry when I call in sick.'",
            ),
        ),
        actions=(
            ("Send the neurologist's statement to the caseworker", "citizen"),
            ("Ask about a fixed seat away from the oven", "mentor"),
            ("Book the follow-up with the caseworker about the flexjob", "mentor"),
            ("Bring the headache diary to the next meeting", "citizen"),
            ("Check if the break room can stay dark", "supervisor"),
        ),
        review=(
            (
                "10-hour trial going fairly: migraine days but she calls in every time. "
                "Start the work capacity description for the flexjob assessment."
            ),
        ),
        meeting_times=((10, 30), (11, 0), (13, 0)),
    )


def _re_referred(rng: random.Random, t: date) -> Persona:
    """Referred again: an earlier course ended in sick leave; the new one builds on it."""
    old_start = _workday(t - _days(868))
    old_end = old_start + _days(rng.randint(105, 115))
    start = _workday(t - _days(151))
    return Persona(
        citizen=_citizen(
            rng,
            ("Ali H.", "Omar S.", "Bilal K."),
            caseworker_name=_pick(rng, ("Martin Holt", "Jakob Lerche")),
            jobcenter="Jobcenter Aarhus",
            job_goal="An ordinary job in a warehouse, later a forklift licence.",
            job_wish_1="Warehouse worker",
            job_wish_2="Driver's assistant",
            job_wish_3="Recycling station",
            accommodations="No lifting over 15 kg since the back operation; may change position "
            "every hour.",
            parallel_efforts="Physiotherapy once a week.",
            notes=f"Referred again in {start.year}. Earlier course from {_dmy(old_start)}: "
            "stopped for back surgery. Learned then: mornings work best, and he wants "
            "the tasks on paper.",
        ),
        courses=[
            CoursePlan(
                referral=old_start - _days(12),
                start=old_start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="4-10",
                programme="Job first with mentor",
                end=(
                    old_end,
                    CourseOutcome.SICK_LEAVE,
                    (
                        "Back surgery; on sick leave for an unknown period. The jobcenter will "
                        "refer him again when he is ready."
                    ),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Værkstedet (the provider's bike workshop)",
                        start=old_start + _days(14),
                        end=old_end - _days(2),
                        end_reason="Stopped: back pain, surgery planned.",
                        supervisor="Kenneth Friis",
                        supervisor_contact="+45 86 12 40 22",
                        steps=[Step(0, TUE_THU_2), Step(28, MWF_3, "four good weeks")],
                        tasks=(
                            "Repairing bikes",
                            "Changing tyres",
                            "Cleaning the workshop",
                            "Sorting spare parts",
                        ),
                        work_functions="Simple bike repairs; keeping the workshop tidy.",
                        training_goals="Mornings on time; see which tasks the back allows.",
                        notes=(
                            "Good with tyres and punctures; bending hurts the back.",
                            "Likes the workshop; the written task list helps.",
                        ),
                        views=("Kenneth: 'Good hands, and always on time.'",),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Meet at 9:00 on workshop days for a month",
                        "work",
                        "A month with no late arrivals.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=old_start + _days(60),
                        status_note="On time for a month.",
                        what=("A bus that fits.",),
                        own=("Leave home at 8:15.",),
                        help=("Mentor: found the bus route with him.",),
                    ),
                    GoalPlan(
                        "Try a company internship in a warehouse",
                        "work",
                        "A warehouse internship agreed and started.",
                        3,
                        3,
                        status=SubGoalStatus.DROPPED,
                        target=old_start + _days(150),
                        after_days=42,
                        status_note="Course ended because of sick leave.",
                        what=("A back that holds.",),
                        own=("Keep up the exercises.",),
                        help=("Company consultant: find a warehouse.",),
                    ),
                ],
            ),
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="10-15",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Lagerhotellet Brabrand",
                        start=_workday(start + _days(21)),
                        supervisor="Dennis Mortensen",
                        supervisor_contact="+45 70 20 31 55",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[
                            Step(0, MWF_3),
                            Step(42, MON_THU_3, "nine hours are stable and the back holds"),
                            Step(91, MON_FRI_3, "steady for seven weeks; five short days"),
                        ],
                        tasks=(
                            "Picking orders with a scanner",
                            "Packing parcels",
                            "Counting stock",
                            "Sweeping the loading area",
                            "Labelling pallets",
                        ),
                        work_functions="Picking, packing and counting stock; no lifting over 15 "
                        "kg.",
                        training_goals="15 hours a week; show the company he can be hired.",
                        accommodations="No lifting over 15 kg; change position every hour.",
                        paid_hours_next=t + _days(14),
                        notes=(
                            "Picking with the scanner goes fast now; avoids the heavy shelves.",
                            "Counting stock is the best task for the back.",
                            "Dennis lets him plan the packing table himself.",
                        ),
                        views=("Dennis: 'If it goes on like this we will talk about paid hours.'",),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Work 15 hours a week with back pain below 5 for a month",
                        "work",
                        "Logbook shows 15 hours and pain below 5 for four weeks.",
                        4,
                        7,
                        target=t + _days(20),
                        what=("The exercises every day.", "Changing tasks during the day."),
                        own=("Exercises every morning.", "Say when he needs another task."),
                        help=(
                            "Dennis: mix picking and counting.",
                            "Physiotherapist: a work programme.",
                        ),
                    ),
                    GoalPlan(
                        "Get a forklift licence before the course ends",
                        "education",
                        "Licence course booked and passed.",
                        3,
                        6,
                        target=t + _days(25),
                        after_days=42,
                        what=("Money for the course.", "Reading the theory in Danish."),
                        own=("Read the theory book with his brother.",),
                        help=("Caseworker: approve the course.", "Mentor: find a course date."),
                    ),
                    GoalPlan(
                        "Write a CV and apply for two warehouse jobs a month",
                        "work",
                        "CV done; two applications a month.",
                        2,
                        6,
                        after_days=56,
                        what=("A CV that explains the gap.",),
                        own=("Look at the job sites on Sundays.",),
                        help=("Mentor: help write the CV.",),
                    ),
                ],
            ),
        ],
        absences=Absences(
            rate=0.07,
            kinds=(
                (Attendance.SICK, "Back pain"),
                (Attendance.ABSENT_WITH_NOTICE, "Physiotherapy"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting at the jobcenter"),
            ),
            left_early_reasons=("Back pain", "Stiff back after the pallets"),
            body=0.35,
            energy=6,
            pain=3,
        ),
        texts=Texts(
            tasks=(),
            accommodations=(
                "Heavy lifting is left to colleagues without a fuss.",
                "Changing position every hour works; pain stays around 3.",
                "Written task list each morning helps.",
            ),
            citizen_views=(
                "'I want a real job this time.'",
                "'My back should not decide everything.'",
                "'Monday mornings are hard after the weekend.'",
            ),
        ),
        actions=(
            ("Ask the caseworker about paying for the forklift course", "mentor"),
            ("Bring the physiotherapist's programme", "citizen"),
            ("Look at paid hours after the course", "supervisor"),
            ("Send two applications", "citizen"),
        ),
        review=(
            (
                "Course ends in about a month: ask the company about paid hours; forklift "
                "course with the caseworker."
            ),
        ),
        meeting_times=((9, 0), (9, 30), (10, 0)),
    )


def _hours_reduced(rng: random.Random, t: date) -> Persona:
    """Stepped up to 15 hours, then down to 7 after a depression relapse; slowly back up."""
    start = _workday(t - _days(240))
    placement_start = _workday(start + _days(14))
    reduction = 160
    dip_from = placement_start + _days(reduction - 30)
    return Persona(
        citizen=_citizen(
            rng,
            ("Kim Sørensen", "Tina Mikkelsen", "Jesper Olsen"),
            caseworker_name=_pick(rng, ("Helle Brandt", "Lise Mølgaard")),
            jobcenter="Jobcenter Odense",
            job_goal="Part-time job in a canteen kitchen; clarify whether a flexjob is right.",
            job_wish_1="Canteen assistant",
            job_wish_2="Dishwasher",
            accommodations="No heavy lifting; sit-down tasks possible; fewer hours in bad periods.",
            parallel_efforts="Psychiatric outpatient clinic every three weeks (depression); GP "
            "about back pain.",
            notes="Has had depressions since the early twenties. Warning signs: stops answering "
            "the phone, sleeps in the afternoon.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="4-15",
                programme="Clarification course with mentor support",
                extensions=[
                    (
                        start + _days(174),
                        13,
                        (
                            "Hours were reduced after a depression relapse; the work capacity at "
                            "stable hours is not clarified yet."
                        ),
                    )
                ],
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Plejecenter Egebakken (kitchen)",
                        start=placement_start,
                        supervisor="Gitte Lund",
                        supervisor_contact="+45 63 75 22 10",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(28, TUE_THU_35, "four good weeks"),
                            Step(
                                70, MON_FRI_2, "steady at 7 hours; five short days build a rhythm"
                            ),
                            Step(112, MON_FRI_3, "managing 10 hours well"),
                            Step(
                                reduction,
                                TUE_THU_35,
                                "depression relapse and back pain; the psychiatric clinic advised fewer "
                                "hours",
                            ),
                            Step(212, MWF_3, "slowly back up; three days"),
                        ],
                        tasks=(
                            "Washing up",
                            "Setting tables",
                            "Preparing vegetables",
                            "Serving lunch",
                            "Cleaning the kitchen",
                            "Filling the dishwasher",
                        ),
                        work_functions="Kitchen help: washing up, vegetables, serving lunch to residents.",
                        training_goals="Find stable hours; show which tasks work on low days.",
                        accommodations="No heavy pots; may sit while preparing vegetables.",
                        support_on_site="Gitte is the fixed contact; mentor visits monthly.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come on the planned days for a month with at most one sick day",
                        "work",
                        "Four weeks, at most one sick day.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(75),
                        status_note="Reached after six weeks.",
                        what=("Going to bed on time.",),
                        own=("Phone off at 22:30.",),
                        help=("Mentor: SMS the evening before the first weeks.",),
                    ),
                    GoalPlan(
                        "Tell Gitte when my back hurts instead of going home without a word",
                        "work",
                        "Three times in a row the workplace knew before leaving.",
                        3,
                        6,
                        after_days=60,
                        target=t + _days(30),
                        what=("Feeling it is allowed.", "Knowing what to say."),
                        own=("Use the sentence we wrote together.",),
                        help=("Gitte: ask during the lunch break how it goes.",),
                    ),
                    GoalPlan(
                        "Take a walk every day, also on days off",
                        "health",
                        "A walk at least six days a week for a month.",
                        3,
                        5,
                        after_days=100,
                        target=t + _days(45),
                        what=("Energy after work.", "Company for the walk."),
                        own=("Walk the dog around the lake.",),
                        help=("Psychiatric clinic: activity plan.",),
                        description="Part of the treatment plan against the depression.",
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.07,
            kinds=(
                (Attendance.SICK, "Back pain"),
                (Attendance.SICK, "Low mood, could not get out of bed"),
                (Attendance.ABSENT_WITH_NOTICE, "Appointment at the psychiatric clinic"),
            ),
            dips=((dip_from, placement_start + _days(reduction + 10), 0.45),),
            left_early_reasons=("Back pain", "Felt low and went home"),
            body=0.5,
            energy=5,
            pain=4,
        ),
        texts=Texts(
            tasks=(
                "Vegetables and setting tables go well; serving is stressful on low days.",
                "Washing up alone works; the lunch rush is too much right now.",
                "Gitte gives one task at a time; that helps.",
            ),
            accommodations=(
                "Sitting while preparing vegetables eases the back.",
                "No heavy pots; colleagues help without a fuss.",
                "Fewer hours have given more energy in the evenings.",
            ),
            citizen_views=(
                "'I was afraid to lose the place when I got ill again.'",
                "'Fewer hours was the right decision.'",
                "'I want to get back to 15 hours, but not too fast.'",
            ),
            workplace_views=("Gitte: 'We would rather have fewer hours that hold.'",),
        ),
        actions=(
            ("Ask the psychiatric clinic for a short statement for the caseworker", "citizen"),
            ("Send the extension request to the caseworker", "mentor"),
            ("Find a chair for the vegetable table", "supervisor"),
            ("Book a GP appointment about the back", "citizen"),
        ),
        review=(
            (
                "Hours back up to 9 a week; watch for signs of the depression. Ask the clinic "
                "for a statement before the course end."
            ),
        ),
    )


def _no_shows(rng: random.Random, t: date) -> Persona:
    """Monday absences, two missed meetings in a row, no next meeting, overdue agreements."""
    start = _workday(t - _days(121))
    placement_start = _workday(start + _days(14))
    last_monday = t - _days(t.weekday() or 7)
    persona = Persona(
        citizen=_citizen(
            rng,
            ("Jonas Nielsen", "Mads Christensen", "Patrick L."),
            caseworker_name=_pick(rng, ("Søren Bech", "Nanna Iversen")),
            jobcenter="Jobcenter Aarhus",
            job_goal="An ordinary job as a bike mechanic or in a workshop.",
            job_wish_1="Bike mechanic",
            job_wish_2="Car preparation",
            job_wish_3="Warehouse",
            accommodations="Written plan for the day; short tasks; may take a break outside.",
            parallel_efforts="Outpatient cannabis treatment every Thursday; housing adviser.",
            notes="Homeless since the spring; sleeps at his sister's. Phone often out of credit; "
            "SMS works best.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="9-10",
                programme="Job first with mentor",
                meetings_until=t - _days(30),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Værkstedet (the provider's bike workshop)",
                        start=placement_start,
                        supervisor="Kenneth Friis",
                        supervisor_contact="+45 86 12 40 22",
                        steps=[
                            Step(0, MWF_3),
                            Step(56, MON_FRI_2, "five short days to build a daily rhythm"),
                        ],
                        tasks=(
                            "Repairing punctures",
                            "Adjusting brakes",
                            "Cleaning bikes",
                            "Sorting spare parts",
                            "Sweeping the workshop",
                        ),
                        work_functions="Bike repairs with a colleague; cleaning and sorting.",
                        training_goals="A daily rhythm; coming on Mondays.",
                        accommodations="Plan for the day on the whiteboard; breaks outside.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come to the workshop every Monday for a month",
                        "work",
                        "Four Mondays in a row present.",
                        3,
                        3,
                        target=t + _days(21),
                        what=("Sleeping at home on Sunday night.", "Less cannabis at weekends."),
                        own=("Set two alarms.", "Stay at his sister's on Sundays."),
                        help=(
                            "Kenneth: call at 9:15 if he is not there.",
                            "Treatment: weekend plan.",
                        ),
                    ),
                    GoalPlan(
                        "Apply for a room with the housing adviser",
                        "practical",
                        "An application sent.",
                        2,
                        4,
                        after_days=28,
                        target=t - _days(5),
                        what=("The papers from the municipality.",),
                        own=("Go to the housing adviser's drop-in.",),
                        help=("Mentor: go with him the first time.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.11,
            mondays=True,
            kinds=(
                (Attendance.ABSENT_WITHOUT_NOTICE, "Did not come, no answer on the phone"),
                (Attendance.ABSENT_WITHOUT_NOTICE, "Overslept"),
                (Attendance.SICK, "Called in sick"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting about housing"),
            ),
            left_early_reasons=("Had to see the housing adviser", "Restless, went home"),
            body=0.15,
            energy=5,
        ),
        texts=Texts(
            tasks=(
                "Good hands: punctures and brakes alone now.",
                "Works well when he has one bike at a time.",
                "Loses focus in the afternoon; short tasks work.",
            ),
            accommodations=(
                "The whiteboard plan works.",
                "Breaks outside help him stay.",
                "Needs the day's plan before 9:00.",
            ),
            citizen_views=(
                "'I like the bikes. Mondays are just hard.'",
                "'Everything is about the housing right now.'",
                "'I will come, I promise.'",
            ),
            workplace_views=("Kenneth: 'Skilled when he is here; Mondays are a problem.'",),
        ),
        actions=(
            ("Call Kenneth by 9:00 when he cannot come", "citizen"),
            ("Go with him to the housing adviser", "mentor"),
            ("Tell the caseworker about the housing situation", "mentor"),
        ),
        open_actions=[
            ("Bring the doctor's note for the sick days to the workshop", "citizen", t - _days(9)),
            ("Send the housing application with the housing adviser", "citizen", t - _days(4)),
        ],
        extra_meetings=[
            ExtraMeeting(
                _workday(t - _days(20)),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.NO_SHOW,
                "Did not come. Called twice and sent an SMS; no answer.",
                _OFFICE,
            ),
            ExtraMeeting(
                _workday(t - _days(13)),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.CANCELLED_BY_CITIZEN,
                "Cancelled by SMS in the morning: 'ill'. New time to be agreed.",
                _OFFICE,
            ),
        ],
        forced_days={
            last_monday: (
                Attendance.ABSENT_WITHOUT_NOTICE,
                "No show, no answer on the phone. Kenneth sent an SMS.",
            ),
            last_monday - _days(7): (
                Attendance.ABSENT_WITHOUT_NOTICE,
                "Did not come, no answer on the phone",
            ),
        },
        book_next=False,
        miss_rate=0.15,
        attention=True,
        review=(
            (
                "Two missed meetings in a row and Monday absence: visit him at the workshop on "
                "Wednesday; call the caseworker if there is no contact by Friday."
            ),
        ),
    )
    return persona


def _rising_absence(rng: random.Random, t: date) -> Persona:
    """Stable for months, then absence rising in the last two weeks."""
    start = _workday(t - _days(200))
    placement_start = _workday(start + _days(14))
    return Persona(
        citizen=_citizen(
            rng,
            ("Sofie Madsen", "Camilla Frost", "Louise Dam"),
            caseworker_name=_pick(rng, ("Anders Lykke", "Bettina Schou")),
            jobcenter="Jobcenter Aarhus",
            job_goal="Kitchen assistant in a daycare kitchen, 20-25 hours a week.",
            job_wish_1="Kitchen assistant (daycare)",
            job_wish_2="Cleaning assistant",
            job_wish_3="Shop assistant",
            accommodations="Works 9:00-14:30 because of school pick-up; may take calls from "
            "the school; quiet corner for breaks.",
            parallel_efforts="Psychologist (anxiety); her son's school (special class) meets "
            "her monthly.",
            notes="Single mother of a nine-year-old with ADHD; the school calls often.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=39,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="10-15",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Børnehuset Mælkebøtten (kitchen)",
                        start=placement_start,
                        supervisor="Anja Winther",
                        supervisor_contact="+45 87 13 55 02",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(28, TUE_THU_35, "both days stable"),
                            Step(84, MON_THU_25, "four short days fit the school hours"),
                            Step(140, MON_THU_3, "stable for eight weeks"),
                        ],
                        tasks=(
                            "Preparing fruit",
                            "Cooking lunch with Anja",
                            "Washing up",
                            "Cleaning the kitchen",
                            "Ordering goods",
                        ),
                        work_functions="Kitchen help: fruit, lunch for 60 children, washing up.",
                        training_goals="12-15 hours; take responsibility for the fruit round alone.",
                        accommodations="Leaves 14:30; phone on for the school.",
                        paid_hours_next=t + _days(30),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come on time on the four work days for a month",
                        "work",
                        "A month without late arrivals or missed days.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(120),
                        after_days=28,
                        status_note="Achieved; she was proud.",
                        what=("Mornings with her son going smoothly.",),
                        own=("Prepare breakfast and bag the night before.",),
                        help=("School: picks him up at the gate.",),
                    ),
                    GoalPlan(
                        "Make a plan B for days when the school calls",
                        "family",
                        "A written plan with two people who can help.",
                        3,
                        5,
                        after_days=60,
                        target=t + _days(14),
                        what=("Someone who can step in.",),
                        own=("Ask her mother and a neighbour.",),
                        help=("Mentor: talk to the school about the calls.",),
                    ),
                    GoalPlan(
                        "Take the bus alone to work on anxious days",
                        "health",
                        "Four anxious days handled without staying home.",
                        2,
                        5,
                        after_days=90,
                        what=("Breathing exercises that work.",),
                        own=("Use the exercise from the psychologist at the bus stop.",),
                        help=("Psychologist: practise the bus trip.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.07,
            kinds=(
                (Attendance.ABSENT_WITH_NOTICE, "Son ill"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting at the school"),
                (Attendance.SICK, "Anxiety, could not leave the flat"),
            ),
            surge_days=14,
            surge_share=0.6,
            left_early_reasons=("The school called; picked up her son", "Panic in the kitchen"),
            body=0.3,
            energy=6,
        ),
        texts=Texts(
            tasks=(
                "Runs the fruit round alone; cooks with Anja.",
                "Good at keeping the kitchen tidy; ordering goods is new.",
                "Fast and careful; wants more responsibility.",
            ),
            accommodations=(
                "Leaving at 14:30 works.",
                "Phone on for the school; calls are fewer than feared.",
                "Quiet corner used on anxious days.",
            ),
            citizen_views=(
                "'I love the kitchen. Home is the hard part.'",
                "'I am tired of always being the one who cancels.'",
                "'It is going well, I think.'",
            ),
            workplace_views=("Anja: 'We want her back on the good track; she is needed here.'",),
        ),
        actions=(
            ("Ask her mother about Tuesday mornings", "citizen"),
            ("Call the school about the number of calls", "mentor"),
            ("Practise the bus trip with the psychologist", "citizen"),
        ),
        review=(
            (
                "Absence rising the last two weeks (anxiety, son ill): home visit this week; "
                "talk to the psychologist with her consent; consider fewer hours for a period."
            ),
        ),
        attention=True,
    )


def _ending_soon(rng: random.Random, t: date) -> Persona:
    """Chronic pain; clarification course ending in about three weeks."""
    start = _workday(t - _days(160))
    return Persona(
        citizen=_citizen(
            rng,
            ("Henrik Poulsen", "Bo Andersen", "Torben Krogh"),
            caseworker_name=_pick(rng, ("Lise Mølgaard", "Jens Aagaard")),
            jobcenter="Jobcenter Odense",
            job_goal="Clarify work capacity: flexjob as caretaker's assistant, or early "
            "retirement.",
            job_wish_1="Caretaker's assistant",
            job_wish_2="Groundskeeper",
            accommodations="No work above shoulder height; may sit down when needed; at most "
            "three hours a day.",
            aids="Grab tool; electric cart for moving things.",
            parallel_efforts="Pain clinic (back and shoulder); GP monthly.",
            notes="Worked 30 years as a bricklayer. Proud; finds it hard to accept limits.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(15),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="6-10",
                programme="Clarification course with mentor support",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Boligforeningen Østparken (caretakers)",
                        start=_workday(start + _days(14)),
                        supervisor="Per Damgaard",
                        supervisor_contact="+45 66 14 80 90",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_3),
                            Step(56, MWF_3, "six hours hold; spread over three days"),
                        ],
                        tasks=(
                            "Picking up litter",
                            "Sweeping stairs",
                            "Changing light bulbs (low)",
                            "Watering plants",
                            "Checking the playground",
                        ),
                        work_functions="Caretaker help: outdoor areas, stairs, small tasks.",
                        training_goals="Describe which tasks and how many hours the body allows.",
                        accommodations="No work above shoulders; may sit; max 3 hours a day.",
                        aids="Grab tool; electric cart.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Work 9 hours a week for eight weeks and log the pain every day",
                        "work",
                        "Eight weeks of logbook with pain noted.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=t - _days(10),
                        after_days=56,
                        status_note="Done: the logbook is the basis for the description.",
                        what=("Remembering to log.",),
                        own=("Log in the van after work.",),
                        help=("Per: a quiet corner to write.",),
                    ),
                    GoalPlan(
                        "Find the tasks I can do without pain rising above 6",
                        "health",
                        "A list of tasks with the pain they cause.",
                        3,
                        6,
                        after_days=28,
                        target=t + _days(10),
                        what=("Honesty about the pain.",),
                        own=("Stop before it gets too bad.",),
                        help=("Pain clinic: pacing advice.", "Mentor: make the list with him."),
                    ),
                    GoalPlan(
                        "Prepare for the meeting with the jobcenter about the next step",
                        "practical",
                        "Knows the options and what he wants to say.",
                        2,
                        5,
                        after_days=120,
                        target=t + _days(14),
                        what=("Knowing the options.",),
                        own=("Write down his questions.",),
                        help=("Mentor: explain flexjob and early retirement.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.09,
            kinds=(
                (Attendance.SICK, "Back pain"),
                (Attendance.SICK, "Shoulder pain, bad night"),
                (Attendance.ABSENT_WITH_NOTICE, "Pain clinic"),
            ),
            left_early=0.1,
            left_early_reasons=("Pain in the shoulder", "Back locked"),
            body=0.7,
            energy=5,
            pain=5,
        ),
        texts=Texts(
            tasks=(
                "Outdoor rounds work; stairs make the back worse.",
                "Best at small repairs sitting down.",
                "Manages three hours; the fourth always costs the next day.",
            ),
            accommodations=(
                "The electric cart saves his back.",
                "Sitting breaks are used without shame now.",
                "Per plans the low tasks for him.",
            ),
            citizen_views=(
                "'I want to work, but my body says no.'",
                "'It is good to be useful again.'",
                "'I am afraid of the meeting at the jobcenter.'",
            ),
            workplace_views=("Per: 'Great experience; we plan around the pain.'",),
        ),
        actions=(
            ("Ask the pain clinic for a statement", "citizen"),
            ("Book the transition meeting with the caseworker", "mentor"),
            ("List the tasks that work", "supervisor"),
        ),
        open_actions=[
            (
                "Write the final description of work capacity for the caseworker",
                "mentor",
                t + _days(12),
            )
        ],
        review=(
            (
                "Course ends in three weeks: final description to the caseworker; book the "
                "transition meeting with the jobcenter."
            ),
        ),
        attention=True,
    )


def _aftercare_job(rng: random.Random, t: date) -> Persona:
    """Hired about three months ago; aftercare follow-up coming up."""
    start = _workday(t - _days(266))
    ended = t - _days(rng.randint(88, 92))
    internship = _workday(start + _days(70))
    return Persona(
        citizen=_citizen(
            rng,
            ("Lars Kristensen", "Michael Berg", "Rasmus Holm"),
            caseworker_name=_pick(rng, ("Jens Aagaard", "Mette Lindholm")),
            jobcenter="Jobcenter Odense",
            job_goal="An ordinary job as a warehouse worker.",
            job_wish_1="Warehouse worker",
            job_wish_2="Postal worker",
            accommodations="Written instructions for new tasks.",
            notes="Long-term unemployed for six years after a divorce and drinking; sober four "
            "years.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="10-20",
                programme="Job first with mentor",
                end=(
                    ended,
                    CourseOutcome.ORDINARY_JOB,
                    (
                        f"Hired 25 hours a week as warehouse worker at NordLager, Odense SØ, from "
                        f"{_dmy(ended + _days(1))}. Aftercare about three months in."
                    ),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Kantinen (the provider's canteen)",
                        start=start + _days(7),
                        end=internship - _days(3),
                        supervisor="Bent Hjort",
                        supervisor_contact="+45 86 12 40 30",
                        end_reason="Ready for a company internship.",
                        steps=[Step(0, TUE_THU_3), Step(28, MWF_3, "on time every day")],
                        tasks=("Washing up", "Preparing salads", "Serving lunch"),
                        notes=("Washing up and salads alone; calm in the lunch rush.",),
                        views=("Bent: 'Ready for a real workplace.'",),
                    ),
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="NordLager, Odense SØ",
                        start=internship,
                        end=ended - _days(1),
                        supervisor="Kasper Juul",
                        supervisor_contact="+45 66 11 09 09",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        end_reason="Hired by the company.",
                        steps=[
                            Step(0, MON_THU_3),
                            Step(42, MON_FRI_3, "steady; ready for more"),
                            Step(84, MON_FRI_4, "paid hours are on the table at 20 hours"),
                        ],
                        tasks=("Receiving goods", "Picking orders", "Packing", "Stock counting"),
                        work_functions="Receiving and picking; truck training later.",
                        notes=(
                            "Learns fast; picking and packing alone.",
                            "Reliable; now counts stock too.",
                        ),
                        views=("Kasper: 'We would like to hire him.'",),
                    ),
                    PlacementPlan(
                        kind=PlacementKind.ORDINARY_JOB,
                        workplace="NordLager, Odense SØ",
                        start=ended + _days(1),
                        supervisor="Kasper Juul",
                        logbook=False,
                        steps=[Step(0, MON_FRI_5)],
                        follow_up="Aftercare after one and three months",
                        work_functions="Warehouse worker, 25 hours a week.",
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Come to the canteen on time three days a week for a month",
                        "work",
                        "A month on time.",
                        5,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(60),
                        status_note="Easily reached.",
                        what=("A steady morning routine.",),
                        own=("Bike to work.",),
                        help=("Mentor: nothing needed beyond follow-up.",),
                    ),
                    GoalPlan(
                        "Work 20 hours a week for a month",
                        "work",
                        "Four weeks at 20 hours.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=80,
                        target=ended,
                        status_note="Reached; hired shortly after.",
                        what=("Stamina.",),
                        own=("Early nights.",),
                        help=("Kasper: the same team every day.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.04,
            kinds=((Attendance.SICK, "Cold"), (Attendance.ABSENT_WITH_NOTICE, "Dentist")),
            body=0.2,
            energy=7,
        ),
        texts=Texts(
            tasks=(),
            accommodations=(
                "Written instructions only needed for new tasks.",
                "No special needs at the moment.",
            ),
            citizen_views=("'I want a payslip again.'", "'It feels like a real job.'"),
        ),
        actions=(
            ("Ask the company consultant about warehouse internships", "mentor"),
            ("Update the CV with the latest tasks", "citizen"),
            ("Practise the job interview", "citizen"),
        ),
        extra_meetings=[
            ExtraMeeting(
                _workday(ended + _days(32)),
                MeetingKind.PHONE,
                MeetingStatus.HELD,
                "Aftercare call, one month in the job: likes the team; tired in the "
                "evenings but manages. No problems with the contract.",
                "Phone",
                hour=(16, 0),
                duration=20,
                decisions="Aftercare follow-up about three months in.",
            ),
            ExtraMeeting(
                _workday(t + _days(rng.randint(2, 6))),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.PLANNED,
                place="Café near NordLager",
                hour=(15, 30),
            ),
        ],
        book_next=False,
        review=("Aftercare: follow-up about three months in the job is booked.",),
    )


def _aftercare_flexjob(rng: random.Random, t: date) -> Persona:
    """Arthritis; flexjob granted about three months ago after an extended course."""
    start = _workday(t - _days(318))
    ended = t - _days(rng.randint(93, 97))
    return Persona(
        citizen=_citizen(
            rng,
            ("Birgitte Holm", "Hanne Vestergaard", "Lone Skov"),
            caseworker_name=_pick(rng, ("Maja Thorsen", "Peter Riis")),
            jobcenter="Jobcenter Aarhus",
            job_goal="Flexjob as a receptionist or office help, about 12 hours a week.",
            job_wish_1="Receptionist",
            job_wish_2="Office help",
            accommodations="Short days; no phone queue; fixed desk; may stand and walk.",
            aids="Ergonomic keyboard and mouse; height-adjustable desk.",
            parallel_efforts="Rheumatologist (arthritis) every third month.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.FLEXJOB,
                weekly_hours="4-12",
                programme="Clarification course with mentor support",
                extensions=[
                    (
                        start + _days(172),
                        13,
                        "The rehabilitation team meets after the trial at 12 hours.",
                    )
                ],
                end=(
                    ended,
                    CourseOutcome.FLEXJOB_GRANTED,
                    (
                        "The rehabilitation team granted a flexjob; 12 hours a week at Tandlægerne i "
                        "Kongensgade from two weeks after the course."
                    ),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Tandlægerne i Kongensgade (reception)",
                        start=_workday(start + _days(18)),
                        end=ended,
                        end_reason="Course ended with a flexjob at the same place.",
                        supervisor="Charlotte Bundgaard",
                        supervisor_contact="reception@tandkongensgade.example",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(42, TUE_THU_3, "the hands hold"),
                            Step(98, MWF_3, "three days work better for the joints"),
                            Step(
                                160, MON_THU_3, "trial at 12 hours before the rehabilitation team"
                            ),
                        ],
                        tasks=(
                            "Booking appointments",
                            "Welcoming patients",
                            "Scanning papers",
                            "Filing",
                            "Answering e-mails",
                        ),
                        aids="Ergonomic keyboard and mouse.",
                    ),
                    PlacementPlan(
                        kind=PlacementKind.FLEXJOB,
                        workplace="Tandlægerne i Kongensgade (reception)",
                        start=ended + _days(14),
                        supervisor="Charlotte Bundgaard",
                        logbook=False,
                        steps=[Step(0, MON_THU_3)],
                        follow_up="Aftercare after one and three months",
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Work 12 hours a week for four weeks before the rehabilitation team meets",
                        "work",
                        "Four weeks at 12 hours in the logbook.",
                        3,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=150,
                        target=ended - _days(14),
                        status_note="Done; the logbook went to the rehabilitation team.",
                        what=("Stable hands.",),
                        own=("Exercises for the hands each morning.",),
                        help=("Charlotte: short tasks at the keyboard.",),
                    ),
                    GoalPlan(
                        "Answer the phone at the reception for an hour without help",
                        "work",
                        "Three times an hour alone at the phone.",
                        2,
                        7,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=60,
                        target=start + _days(200),
                        status_note="Reached; the phone queue stays off.",
                        what=("Knowing the booking system.",),
                        own=("Practise with a colleague.",),
                        help=("Charlotte: a cheat sheet.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.09,
            kinds=(
                (Attendance.SICK, "Arthritis flare-up, swollen hands"),
                (Attendance.ABSENT_WITH_NOTICE, "Rheumatologist"),
            ),
            left_early_reasons=("Pain in the hands",),
            body=0.6,
            energy=6,
            pain=4,
        ),
        texts=Texts(
            tasks=(
                "Booking and welcoming go well; long typing hurts.",
                "Good with the patients; needs breaks from the keyboard.",
            ),
            accommodations=("The ergonomic keyboard helps.", "Standing up every half hour."),
            citizen_views=("'I am useful again.'", "'The flare-ups scare me.'"),
            workplace_views=("Charlotte: 'The patients love her.'",),
        ),
        actions=(
            ("Send the logbook summary to the caseworker", "mentor"),
            ("Ask the rheumatologist for a statement", "citizen"),
        ),
        extra_meetings=[
            ExtraMeeting(
                _workday(ended + _days(45)),
                MeetingKind.PHONE,
                MeetingStatus.HELD,
                "Aftercare call, one month in the flexjob: happy; the hands are "
                "better with fixed days.",
                "Phone",
                hour=(15, 0),
                duration=20,
                decisions="Aftercare follow-up about three months in.",
            ),
            ExtraMeeting(
                _workday(t + _days(rng.randint(1, 5))),
                MeetingKind.THREE_PARTY,
                MeetingStatus.PLANNED,
                place="Tandlægerne i Kongensgade",
                hour=(13, 30),
                duration=45,
                with_supervisor=True,
            ),
        ],
        book_next=False,
        review=("Aftercare: three-month follow-up at the workplace is booked.",),
    )


def _interpreter_arabic(rng: random.Random, t: date) -> Persona:
    """Arabic interpreter; PTSD; internal training ground with small steps."""
    start = _workday(t - _days(120))
    return Persona(
        citizen=_citizen(
            rng,
            ("Fatima A.", "Amal R.", "Nour K."),
            caseworker_name=_pick(rng, ("Karen Skov", "Mikkel Dahl")),
            jobcenter="Jobcenter Aarhus",
            interpreter_needed=True,
            interpreter_language="Arabic",
            job_goal="A job in a laundry or a sewing workshop; learn workplace Danish.",
            job_wish_1="Seamstress",
            job_wish_2="Laundry assistant",
            job_wish_3="Cleaning assistant",
            accommodations="Interpreter at meetings (Arabic); female supervisor; no loud sudden "
            "noise (PTSD); may step out when she needs to.",
            parallel_efforts="Trauma treatment at the clinic for refugees; Danish lessons twice "
            "a week.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="4-9",
                programme="Clarification course with mentor support",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Systuen (the provider's sewing room)",
                        start=_workday(start + _days(14)),
                        supervisor="Jane Krog",
                        supervisor_contact="+45 86 12 40 26",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(42, TUE_THU_3, "she asks for more"),
                            Step(98, MWF_3, "stable; a third day"),
                        ],
                        tasks=(
                            "Sewing curtains",
                            "Mending clothes",
                            "Ironing",
                            "Sorting fabric",
                            "Learning the overlock machine",
                        ),
                        work_functions="Sewing and mending for the provider's shop.",
                        training_goals="Stable attendance; 20 Danish work words; the overlock machine.",
                        accommodations="Female supervisor; quiet machine at the window.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Take the bus alone to the sewing room",
                        "practical",
                        "Two weeks of bus trips alone.",
                        3,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(60),
                        status_note="Takes the bus alone now.",
                        what=("Knowing the route.",),
                        own=("Practise the route on Sunday.",),
                        help=("Mentor: ride along twice.",),
                    ),
                    GoalPlan(
                        "Learn the Danish words for 20 tools and tasks at work",
                        "language",
                        "Can name 20 tools and tasks to Jane.",
                        2,
                        6,
                        after_days=28,
                        target=t + _days(30),
                        what=("Practice every day.",),
                        own=("Word cards in the handbag.",),
                        help=("Jane: names things while working.", "Language school: work words."),
                    ),
                    GoalPlan(
                        "Tell Jane when the noise is too much",
                        "health",
                        "Says it herself three times.",
                        2,
                        5,
                        after_days=56,
                        what=("Trust in Jane.",),
                        own=("Use the card with the sentence.",),
                        help=("Trauma clinic: practise it.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.1,
            kinds=(
                (Attendance.SICK, "Headache after a bad night (nightmares)"),
                (Attendance.ABSENT_WITH_NOTICE, "Trauma treatment"),
                (Attendance.ABSENT_WITH_NOTICE, "Danish lesson moved"),
            ),
            left_early_reasons=("Loud noise; had to leave",),
            body=0.35,
            energy=5,
        ),
        texts=Texts(
            tasks=(
                "Skilled at sewing; learning the overlock machine.",
                "Mending goes fast; Danish words at work are growing.",
                "Works carefully and alone on curtains.",
            ),
            accommodations=(
                "Quiet machine by the window works.",
                "Steps out a few times a week; comes back by herself.",
                "Jane warns before loud work.",
            ),
            citizen_views=(
                "'I feel safe in the sewing room.'",
                "'I want to speak Danish at work.'",
                "'Some nights are still bad.'",
            ),
            workplace_views=("Jane: 'Very skilled with the machines.'",),
        ),
        actions=(
            ("Book the interpreter for the three-party meeting", "mentor"),
            ("Bring the word cards", "citizen"),
            ("Ask the language school about work Danish", "mentor"),
        ),
        review=("Steady; interpreter booked for the next three-party meeting.",),
    )


def _interpreter_tigrinya_transition(rng: random.Random, t: date) -> Persona:
    """Tigrinya interpreter; moves from the canteen to a restaurant within two weeks."""
    start = _workday(t - _days(100))
    next_start = _workday(t + _days(rng.randint(8, 12)))
    return Persona(
        citizen=_citizen(
            rng,
            ("Yonas T.", "Semhar G.", "Filmon A."),
            caseworker_name=_pick(rng, ("Mikkel Brandt", "Sara Kähler")),
            jobcenter="Jobcenter Aarhus",
            interpreter_needed=True,
            interpreter_language="Tigrinya",
            job_goal="A job as a kitchen assistant in a restaurant.",
            job_wish_1="Kitchen assistant",
            job_wish_2="Dishwasher",
            job_wish_3="Warehouse",
            accommodations="Interpreter at three-party meetings (Tigrinya); tasks written with "
            "pictures.",
            parallel_efforts="Danish lessons (module 2) three mornings a week.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="7-12",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Kantinen (the provider's canteen)",
                        start=_workday(start + _days(14)),
                        end=next_start - _days(3),
                        end_reason="Moves on to a company internship at Restaurant Skovbrynet.",
                        supervisor="Bent Hjort",
                        supervisor_contact="+45 86 12 40 30",
                        steps=[
                            Step(0, TUE_THU_35),
                            Step(56, {1: 3.5, 3: 3.5, 4: 3.0}, "stable at 7 hours; add Friday"),
                        ],
                        tasks=(
                            "Washing up",
                            "Cutting vegetables",
                            "Serving lunch",
                            "Cleaning the kitchen",
                            "Baking bread",
                        ),
                        work_functions="Canteen kitchen: preparation, serving and washing up.",
                        training_goals="Kitchen routines and hygiene rules; kitchen Danish.",
                    ),
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Restaurant Skovbrynet (kitchen)",
                        start=next_start,
                        supervisor="Camilla Ørum",
                        supervisor_contact="+45 86 27 11 40",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[Step(0, TUE_THU_4)],
                        work_functions="Preparation and washing up in a restaurant kitchen.",
                        training_goals="Learn a busy kitchen; 12 hours within two months.",
                        accommodations="Start low; tasks with pictures the first weeks.",
                        support_on_site="Mentor comes along on the first day.",
                        paid_hours_next=next_start + _days(56),
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Learn the hygiene rules of the kitchen",
                        "work",
                        "Can show Bent the rules without help.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(70),
                        status_note="Passed Bent's hygiene check.",
                        what=("Pictures of the rules.",),
                        own=("Photos on the phone.",),
                        help=("Bent: show and explain.",),
                    ),
                    GoalPlan(
                        "Be ready for the first day at the restaurant",
                        "work",
                        "Knows the way, the time and who to ask for.",
                        3,
                        6,
                        after_days=70,
                        target=next_start,
                        what=("Knowing what will happen.",),
                        own=("Ride the route once.",),
                        help=(
                            "Mentor: come along on the first day.",
                            "Interpreter at the start-up meeting.",
                        ),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.05,
            kinds=(
                (Attendance.ABSENT_WITH_NOTICE, "Danish test"),
                (Attendance.SICK, "Fever"),
                (Attendance.ABSENT_WITH_NOTICE, "Appointment at the municipality"),
            ),
            body=0.25,
            energy=7,
        ),
        texts=Texts(
            tasks=(
                "Fast and careful in the kitchen; ready for a real kitchen.",
                "Handles washing up and vegetables alone.",
                "Learns new dishes by watching once.",
            ),
            accommodations=(
                "Pictures of the tasks on the wall help.",
                "Needs the interpreter only for agreements now.",
            ),
            citizen_views=(
                "'I want to work in a restaurant.'",
                "'I am nervous about the new place.'",
            ),
            workplace_views=("Bent: 'Ready for a restaurant kitchen.'",),
        ),
        actions=(
            ("Book the Tigrinya interpreter for the start-up meeting", "mentor"),
            ("Ride the bus route to the restaurant", "citizen"),
            ("Send the internship agreement to the caseworker", "mentor"),
        ),
        extra_meetings=[
            ExtraMeeting(
                next_start,
                MeetingKind.THREE_PARTY,
                MeetingStatus.PLANNED,
                place="Restaurant Skovbrynet",
                hour=(10, 0),
                duration=60,
                with_supervisor=True,
            ),
        ],
        review=(
            (
                f"Transition to Restaurant Skovbrynet on {_dmy(next_start)}: mentor goes along "
                "on the first day; interpreter booked for the start-up meeting."
            ),
        ),
        attention=True,
    )


def _interpreter_somali_overdue_goal(rng: random.Random, t: date) -> Persona:
    """Somali interpreter; a sub-goal past its date; no held meeting within the cadence."""
    start = _workday(t - _days(168))
    return Persona(
        citizen=_citizen(
            rng,
            ("Hodan M.", "Ifrah D.", "Sahra O."),
            caseworker_name=_pick(rng, ("Lotte Friis", "Ahmad Rahimi")),
            jobcenter="Jobcenter Odense",
            interpreter_needed=True,
            interpreter_language="Somali",
            job_goal="A cleaning job in the mornings; later the cleaning course (AMU).",
            job_wish_1="Cleaning assistant",
            job_wish_2="Kitchen help (school)",
            accommodations="Interpreter (Somali) at meetings; works 8:30-13:00 because of five "
            "children; no work on Danish lesson days.",
            parallel_efforts="Danish lessons; family counselling (municipality).",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=39,
                purpose=CoursePurpose.EDUCATION,
                weekly_hours="6-10",
                programme="Job and Danish",
                meetings_until=t - _days(24),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Rengøringsfirmaet Skinnende, Odense",
                        start=_workday(start + _days(28)),
                        supervisor="Dorte Nygaard",
                        supervisor_contact="+45 66 12 77 31",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_3),
                            Step(70, MWF_3, "stable; Danish lessons moved to Tue+Thu"),
                        ],
                        tasks=(
                            "Cleaning offices",
                            "Cleaning toilets",
                            "Emptying bins",
                            "Washing floors",
                            "Refilling soap and paper",
                        ),
                        work_functions="Office cleaning in the morning with a team.",
                        training_goals="Learn the cleaning plan; work Danish.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Pass the Danish module 3 test",
                        "language",
                        "The test passed.",
                        3,
                        5,
                        target=t - _days(rng.randint(15, 25)),
                        after_days=14,
                        what=("Time to study at home.",),
                        own=("Study 30 minutes after the kids sleep.",),
                        help=(
                            "Language school: extra lessons.",
                            "Mentor: ask for a new test date.",
                        ),
                    ),
                    GoalPlan(
                        "Take the bus alone to the workplace",
                        "practical",
                        "Two weeks of bus trips alone.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=28,
                        target=start + _days(80),
                        status_note="Done.",
                        what=("Knowing the route.",),
                        own=("Practise with her daughter.",),
                        help=("Mentor: bus plan on paper.",),
                    ),
                    GoalPlan(
                        "Know the cleaning plan for the whole office",
                        "work",
                        "Cleans the whole office alone with the plan.",
                        3,
                        6,
                        after_days=56,
                        target=t + _days(35),
                        what=("A plan with pictures.",),
                        own=("Walk the plan each morning.",),
                        help=("Dorte: a plan with pictures.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.12,
            kinds=(
                (Attendance.ABSENT_WITH_NOTICE, "Child ill"),
                (Attendance.ABSENT_WITH_NOTICE, "Danish exam"),
                (Attendance.SICK, "Back pain"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting at the child's school"),
            ),
            body=0.2,
            energy=6,
        ),
        texts=Texts(
            tasks=(
                "Thorough cleaner; the team likes her.",
                "Knows half the office plan by heart.",
                "Fast at toilets and bins; floors with the machine are new.",
            ),
            accommodations=(
                "Hours until 13:00 work with the children.",
                "The interpreter by phone is enough for 1:1 meetings.",
            ),
            citizen_views=(
                "'I like the work and the team.'",
                "'Danish is hard with five children at home.'",
            ),
            workplace_views=("Dorte: 'Reliable; we would like more hours.'",),
        ),
        actions=(
            ("Ask the language school for a new test date", "mentor"),
            ("Book the Somali interpreter", "mentor"),
            ("Bring the child's school letter", "citizen"),
        ),
        open_actions=[("Ask the language school for a new test date", "mentor", t - _days(6))],
        extra_meetings=[
            ExtraMeeting(
                _workday(t - _days(10)),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.RESCHEDULED,
                "Moved: the mentor was ill. New time agreed by phone with the interpreter.",
                _OFFICE,
            ),
            ExtraMeeting(
                _workday(t + _days(rng.randint(2, 4))),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.PLANNED,
                place=_OFFICE,
                hour=(10, 0),
            ),
        ],
        book_next=False,
        attention=True,
        review=(
            (
                "No meeting held for over three weeks (moved when the mentor was ill); the "
                "Danish test goal is past its date: agree a new date at the meeting."
            ),
        ),
        meeting_times=((9, 0), (10, 0)),
    )


def _new_start(rng: random.Random, t: date) -> Persona:
    """Just started: social anxiety, one short day a week."""
    start = _workday(t - _days(21))
    return Persona(
        citizen=_citizen(
            rng,
            ("Emil Thomsen", "Nikolaj Hansen", "Sebastian K."),
            caseworker_name=_pick(rng, ("Anders Lykke", "Bettina Schou")),
            jobcenter="Jobcenter Aarhus",
            job_goal="Find out which kind of work suits him: IT support or a warehouse.",
            job_wish_1="IT support",
            job_wish_2="Warehouse",
            accommodations="Social anxiety: meet in a quiet room; small groups; headphones "
            "allowed.",
            parallel_efforts="Psychiatry (social anxiety); medication started last month.",
            notes="Has hardly left home for two years. Came to the first meeting with his mother.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(11),
                start=start,
                weeks=13,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="2-6",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="IT-værkstedet (the provider's computer repair)",
                        start=_workday(start + _days(8)),
                        supervisor="Morten Kjeldsen",
                        supervisor_contact="+45 86 12 40 35",
                        steps=[Step(0, WED_2)],
                        tasks=("Wiping hard disks", "Testing laptops", "Cleaning keyboards"),
                        work_functions="Testing and cleaning used computers.",
                        training_goals="Come every Wednesday; talk to Morten.",
                        accommodations="Own desk in the corner; headphones allowed.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Meet Morten and get the tasks in the workshop explained",
                        "work",
                        "Has met Morten and tried one task.",
                        3,
                        7,
                        after_days=0,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(10),
                        status_note="Met Morten and tested two laptops.",
                        what=("Knowing who he will meet.",),
                        own=("Look at photos of the workshop.",),
                        help=("Mentor: come along the first time.",),
                    ),
                    GoalPlan(
                        "Come to the workshop every Wednesday for a month",
                        "work",
                        "Four Wednesdays present.",
                        3,
                        3,
                        after_days=7,
                        target=t + _days(21),
                        what=("Getting out of the door.",),
                        own=(("Leave at the same time each Wednesday."),),
                        help=("Mentor: SMS on Tuesday evenings.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.15,
            kinds=((Attendance.ABSENT_WITH_NOTICE, "Too anxious; called in"),),
            body=0.5,
            energy=4,
        ),
        texts=Texts(
            tasks=("Testing laptops suits him; works alone in the corner.",),
            accommodations=("The corner desk and headphones make it possible.",),
            citizen_views=("'It was less scary than I thought.'",),
            workplace_views=("Morten: 'Quiet and precise.'",),
        ),
        actions=(
            ("Send the SMS on Tuesday evening", "mentor"),
            ("Bring the medicine plan", "citizen"),
        ),
        review=("New citizen: first weeks go fine; keep one day a week for now.",),
        miss_rate=0.0,
    )


def _steady_progress(rng: random.Random, t: date) -> Persona:
    """Sober two years; internship plus paid hours, steady escalation to 20 hours."""
    start = _workday(t - _days(250))
    return Persona(
        citizen=_citizen(
            rng,
            ("Anne Pedersen", "Maria Laursen", "Julie Bak"),
            caseworker_name=_pick(rng, ("Rune Kjær", "Helle Brandt")),
            jobcenter="Jobcenter Odense",
            job_goal="A permanent job in a supermarket, 25-30 hours a week.",
            job_wish_1="Shop assistant",
            job_wish_2="Bakery shop assistant",
            job_wish_3="Warehouse",
            accommodations="Does not sell alcohol at the till for now (her own wish); fixed "
            "shifts.",
            parallel_efforts="Alcohol treatment centre: follow-up monthly (sober two years).",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="4-20",
                programme="Job first with mentor",
                extensions=[
                    (
                        start + _days(170),
                        16,
                        (
                            "Paid hours started; the shop wants to see her at 20 hours before a "
                            "wage subsidy."
                        ),
                    )
                ],
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.HYBRID,
                        workplace="Købmanden på Hjørnet, Odense C",
                        start=_workday(start + _days(14)),
                        supervisor="Ib Clausen",
                        supervisor_contact="+45 66 13 42 42",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(21, TUE_THU_35, "three good weeks"),
                            Step(63, MON_FRI_2, "ready for every weekday"),
                            Step(112, MON_FRI_3, "stable; paid hours discussed"),
                            Step(168, MON_FRI_4, "16 internship hours + 4 paid hours"),
                        ],
                        tasks=(
                            "Filling shelves",
                            "Bake-off",
                            "Till (no alcohol)",
                            "Cleaning",
                            "Receiving goods",
                            "Fruit and vegetables",
                        ),
                        work_functions="Shelves, bake-off, till without alcohol, receiving goods.",
                        training_goals="20 hours with paid hours; a wage subsidy job after the course.",
                        paid_hours_next=t + _days(10),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Serve customers at the till alone",
                        "work",
                        "A whole shift at the till alone.",
                        3,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(120),
                        status_note="Runs the till alone.",
                        what=("Knowing the till.",),
                        own=("Practise quiet hours.",),
                        help=("Ib: stand by the first shifts.",),
                    ),
                    GoalPlan(
                        "Work 20 hours a week for six weeks",
                        "work",
                        "Six weeks at 20 hours.",
                        5,
                        8,
                        after_days=160,
                        target=t + _days(20),
                        what=("Energy for five days.",),
                        own=("Sleep and meals on time.",),
                        help=("Ib: the same shifts each week.",),
                    ),
                    GoalPlan(
                        "Pay the debt collector the agreed amount every month",
                        "practical",
                        "Six payments on time.",
                        3,
                        7,
                        after_days=42,
                        status=SubGoalStatus.PAUSED,
                        target=t + _days(60),
                        status_note="Paused until the debt advice meeting.",
                        what=("A budget.",),
                        own=("Pay on the day the money comes.",),
                        help=("Debt advice (volunteers).",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.04,
            kinds=(
                (Attendance.SICK, "Cold"),
                (Attendance.ABSENT_WITH_NOTICE, "Treatment centre appointment"),
            ),
            body=0.3,
            energy=7,
        ),
        texts=Texts(
            tasks=(
                "Runs the till and the bake-off alone.",
                ("Ib gives her the morning delivery now."),
                "Works fast; wants more responsibility.",
            ),
            accommodations=(
                "No alcohol at the till works; colleagues take over.",
                "Fixed shifts help her plan.",
            ),
            citizen_views=(
                "'I have not felt this normal for years.'",
                "'The paid hours mean a lot.'",
            ),
            workplace_views=("Ib: 'We want to keep her.'",),
        ),
        actions=(
            ("Ask the caseworker about a wage subsidy", "mentor"),
            ("Bring the budget", "citizen"),
            ("Plan next month's shifts", "supervisor"),
        ),
        review=("Going well; ask the caseworker about a wage subsidy from the new year.",),
        miss_rate=0.03,
    )


def _archived(rng: random.Random, t: date) -> Persona:
    """An old, archived case: moved to another provider two years ago."""
    start = _workday(t - _days(728))
    ended = start + _days(48)
    return Persona(
        citizen=_citizen(
            rng,
            ("J.K.", "P.M.", "R.S."),
            caseworker_name="Ulla Brix",
            jobcenter="Jobcenter Aarhus",
            job_goal="Unclear at referral.",
            notes="Moved to another provider closer to home.",
            archived_on=ended + _days(60),
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=13,
                purpose=CoursePurpose.OTHER,
                weekly_hours="4",
                programme="Job first with mentor",
                end=(
                    ended,
                    CourseOutcome.OTHER_PROVIDER,
                    ("Moved to a provider in Silkeborg after moving house."),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Havnens Genbrug (the provider's second-hand shop)",
                        start=_workday(start + _days(14)),
                        end=ended - _days(3),
                        end_reason="Moved house.",
                        supervisor="Lene Dahl",
                        steps=[Step(0, TUE_THU_2)],
                        tasks=("Sorting clothes", "Pricing books"),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come both days a week for a month",
                        "work",
                        "Four weeks present.",
                        3,
                        4,
                        status=SubGoalStatus.DROPPED,
                        target=ended,
                        status_note="Moved to another provider.",
                        what=("A stable place to live.",),
                        own=("Find a flat.",),
                        help=("Housing adviser.",),
                    ),
                    GoalPlan(
                        "Find a flat with the housing adviser",
                        "practical",
                        "A lease signed.",
                        2,
                        6,
                        status=SubGoalStatus.ACHIEVED,
                        target=ended,
                        after_days=14,
                        status_note="Found a flat in Silkeborg.",
                        what=("Money for the deposit.",),
                        own=("Look at the housing sites daily.",),
                        help=("Housing adviser: deposit loan.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.2,
            kinds=((Attendance.SICK, "Sick"), (Attendance.ABSENT_WITHOUT_NOTICE, "No contact")),
        ),
        texts=Texts(
            tasks=("Sorting works.",),
            accommodations=("None needed.",),
            citizen_views=("'I am moving soon.'",),
        ),
        actions=(("Send the papers to the new provider", "mentor"),),
        review=(),
        book_next=False,
        miss_rate=0.2,
    )


# ---------------------------------------------------------------------------
# Turning personas into rows


@dataclass
class _Day:
    """One logbook day in memory (for the meeting notes) before it is written."""

    day: date
    attendance: str
    planned: float
    worked: float
    note: str
    left_early: bool


@dataclass
class _MeetingDraft:
    day: date
    hour: tuple[int, int]
    kind: MeetingKind
    status: MeetingStatus
    course: int | None
    place: str = ""
    duration: int = 60
    notes: str = ""
    decisions: list[str] = field(default_factory=list)
    with_supervisor: bool = False
    fixed: bool = False  # text given by the persona, not written from the logbook
    fields: dict[str, str] = field(default_factory=dict)
    next_day: date | None = None
    id: int | None = None

    @property
    def starts_at(self) -> datetime:
        return _stamp(self.day, *self.hour)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration)


class _Builder:
    """Writes personas as rows, one citizen at a time (``add_persona`` sets the
    current citizen's id, name and interpreter language for the helpers)."""

    def __init__(self, rng: random.Random, today: date, mentor: Mentor):
        self.rng = rng
        self.today = today
        self.mentor = mentor

    # -- one persona ------------------------------------------------------

    def add_persona(self, persona: Persona) -> None:
        rng = self.rng
        first_course = persona.courses[0]
        last_course = persona.courses[-1]
        data = _clean(CitizenIn, **persona.citizen)
        created = _stamp(first_course.referral, 9, rng.randint(0, 59))
        changed = data["archived_on"] or last_course.referral
        citizen_id = Citizen.insert(
            mentor=self.mentor.id,
            created_at=created,
            updated_at=max(created, _stamp(changed, 9, 30)),
            **data,
        ).execute()
        self.citizen_id = citizen_id
        self.persona = persona
        self.name = data["name"]
        self.first = _first_name(data["name"])
        self.interpreter = data["interpreter_language"] if data["interpreter_needed"] else ""

        days: dict[int, list[_Day]] = {}  # course index -> logbook days
        placements: list[tuple[int, PlacementPlan, int]] = []  # (course, plan, id)
        course_ids = []
        for index, course in enumerate(persona.courses):
            course_ids.append(self._course(citizen_id, course))
            days[index] = []
            for plan in course.placements:
                placement_id = self._placement(citizen_id, course_ids[-1], plan)
                placements.append((index, plan, placement_id))
                if plan.logbook:
                    days[index].extend(self._logbook(citizen_id, placement_id, plan, persona))
        meetings = self._meetings(persona, placements, days)
        self._sub_goals(citizen_id, persona, course_ids, meetings)
        self._action_items(citizen_id, persona, meetings, placements)

    # -- courses ----------------------------------------------------------

    def _course(self, citizen_id: int, plan: CoursePlan) -> int:
        data = _clean(
            CourseIn,
            referral_date=plan.referral,
            start_date=plan.start,
            planned_end=plan.planned_end,
            weekly_hours=plan.weekly_hours,
            purpose=plan.purpose,
            programme=plan.programme,
            meeting_cadence_days=plan.cadence,
        )
        created = _stamp(plan.referral, 10, self.rng.randint(0, 59))
        updated = created
        if plan.end is not None:
            end_date, outcome, note = plan.end
            data.update(_clean(CourseEndIn, end_date=end_date, outcome=outcome, end_note=note))
            updated = _stamp(end_date, 15)
        elif plan.extensions:
            updated = _stamp(plan.extensions[-1][0], 14)
        course_id = Course.insert(
            citizen=citizen_id, created_at=created, updated_at=updated, **data
        ).execute()
        end = plan.planned_end
        for decided, weeks, reason in plan.extensions:
            end = end + _days(weeks * 7)
            row = _clean(CourseExtensionIn, decided_on=decided, new_end=end, reason=reason)
            CourseExtension.insert(
                course=course_id,
                created_at=_stamp(decided, 14),
                updated_at=_stamp(decided, 14),
                **row,
            ).execute()
        return course_id

    # -- placements, hours steps and the logbook -------------------------

    def _placement(self, citizen_id: int, course_id: int, plan: PlacementPlan) -> int:
        data = _clean(
            PlacementIn,
            kind=plan.kind,
            workplace=plan.workplace,
            supervisor_name=plan.supervisor,
            supervisor_contact=plan.supervisor_contact,
            company_consultant=plan.company_consultant,
            start_date=plan.start,
            end_date=plan.end,
            work_functions=plan.work_functions,
            training_goals=plan.training_goals,
            accommodations=plan.accommodations,
            aids=plan.aids,
            support_on_site=plan.support_on_site,
            follow_up_frequency=plan.follow_up,
            paid_hours_next_discussed=plan.paid_hours_next,
            end_reason=plan.end_reason,
        )
        created = _stamp(self._booked(plan.start - _days(7)), 11)
        updated = _stamp(plan.end, 15) if plan.end and plan.end < self.today else created
        placement_id = Placement.insert(
            citizen=citizen_id,
            course=course_id,
            created_at=created,
            updated_at=max(created, updated),
            **data,
        ).execute()
        for step in plan.steps:
            start = plan.start + _days(step.offset)
            row = _clean(
                HoursStepIn,
                from_date=start,
                hours_per_week=_week_hours(step.days),
                schedule=_schedule_text(step.days),
            )
            stamp = _stamp(self._booked(start - _days(3)), 14)
            HoursStep.insert(
                placement=placement_id, created_at=stamp, updated_at=stamp, **row
            ).execute()
        return placement_id

    def _booked(self, day: date) -> date:
        """When something dated ``day`` was written: never after yesterday."""
        return min(day, self.today - _days(1))

    def _logbook(
        self, citizen_id: int, placement_id: int, plan: PlacementPlan, persona: Persona
    ) -> list[_Day]:
        rng, today = self.rng, self.today
        last = min(plan.end or today, today - _days(1))
        steps = [(plan.start + _days(s.offset), s.days) for s in plan.steps]
        scheduled: list[tuple[date, float]] = []
        day = plan.start
        while day <= last:
            current = [d for start, d in steps if start <= day]
            if current and day.weekday() in current[-1] and not _holiday(day, today):
                scheduled.append((day, current[-1][day.weekday()]))
            day += _days(1)

        absences = persona.absences
        surge: set[date] = set()
        if absences.surge_days:
            window = [d for d, _h in scheduled if (today - d).days <= absences.surge_days]
            away = math.ceil(len(window) * absences.surge_share)
            if window and away:
                # Mostly the latest days (it is getting worse), one earlier.
                surge = set(window[-(away - 1) :]) if away > 1 else set()
                earlier = [d for d in window if d not in surge]
                if earlier:
                    surge.add(rng.choice(earlier))

        rows, kept = [], []
        for day, planned in scheduled:
            entry = self._log_day(day, planned, absences, persona, plan, day in surge)
            rows.append(dict(placement=placement_id, citizen=citizen_id, **entry))
            reason = entry.get("absence_reason") or entry.get("notes") or entry["left_early_reason"]
            kept.append(
                _Day(
                    day,
                    entry["attendance"],
                    planned,
                    entry["hours_worked"],
                    reason,
                    entry["left_early"],
                )
            )
        for chunk in chunked(rows, 400):
            LogbookEntry.insert_many(chunk).execute()
        return kept

    def _absence_rate(self, day: date, absences: Absences) -> float:
        rate = absences.rate
        for start, end, dip in absences.dips:
            if start <= day <= end:
                rate = dip
        if absences.mondays:
            rate = min(0.8, rate * 4) if day.weekday() == 0 else 0.0  # always Mondays
        return rate

    def _log_day(
        self,
        day: date,
        planned: float,
        absences: Absences,
        persona: Persona,
        plan: PlacementPlan,
        surge: bool,
    ) -> dict[str, Any]:
        rng = self.rng
        fields: dict[str, Any] = {"entry_date": day, "hours_planned": planned}
        forced = persona.forced_days.get(day)
        if forced is None and surge:
            forced = rng.choice(
                absences.kinds[:2]
                + ((Attendance.ABSENT_WITHOUT_NOTICE, "No contact until the afternoon"),)
            )
        if forced is None and rng.random() < self._absence_rate(day, absences):
            forced = rng.choice(absences.kinds)
        if forced is not None:
            attendance, note = forced
            author = (
                Author.WORKPLACE
                if attendance == Attendance.ABSENT_WITHOUT_NOTICE
                else Author.MENTOR
                if rng.random() < 0.3
                else Author.CITIZEN
            )
            fields.update(
                attendance=attendance, hours_worked=0, absence_reason=note, written_by=author
            )
        else:
            worked = planned
            fields.update(attendance=Attendance.PRESENT)
            roll = rng.random()
            if roll < absences.left_early and planned >= 1:
                worked = max(0.5, planned - rng.choice((0.5, 1.0, 1.5, 2.0)))
                worked = min(worked, planned - 0.5)
                fields.update(
                    left_early=True, left_early_reason=rng.choice(absences.left_early_reasons)
                )
            elif roll < absences.left_early + 0.04:
                worked = planned - 0.5
                fields["notes"] = rng.choice(
                    ("Came 30 minutes late (bus).", "Late: overslept, called in at 9.")
                )
            fields["hours_worked"] = worked
            if plan.tasks:
                fields["tasks"] = "; ".join(
                    rng.sample(plan.tasks, min(len(plan.tasks), rng.choice((1, 2, 2))))
                )
            if rng.random() < 0.3:
                fields["breaks"] = rng.choice(_BREAKS)
            if rng.random() < 0.35:
                fields["life_after_work"] = rng.choice(_LIFE_AFTER_WORK)
            fields["written_by"] = Author.CITIZEN if rng.random() < 0.85 else Author.MENTOR
        if rng.random() < absences.body:
            low = 2 if fields["attendance"] != Attendance.PRESENT else 0
            fields["energy"] = max(1, min(10, absences.energy - low + rng.randint(-2, 2)))
            if absences.pain is not None:
                fields["pain"] = max(1, min(10, absences.pain + low + rng.randint(-2, 2)))
        row = _clean(LogbookEntryIn, **fields)
        stamp = _stamp(day, 16 if row["attendance"] == "present" else 9, rng.randint(0, 59))
        row.update(created_at=stamp, updated_at=stamp)
        return row

    # -- meetings ---------------------------------------------------------

    def _meetings(
        self,
        persona: Persona,
        placements: list[tuple[int, PlacementPlan, int]],
        days: dict[int, list[_Day]],
    ) -> list[_MeetingDraft]:
        rng, today = self.rng, self.today
        drafts: list[_MeetingDraft] = []
        for index, course in enumerate(persona.courses):
            stop = today
            if course.end is not None:
                stop = min(stop, course.end[0] + _days(1))
            if course.meetings_until is not None:
                stop = min(stop, course.meetings_until)
            regular: list[date] = []
            day = _workday(course.start)
            while day < stop:
                regular.append(day)
                day = _workday(day + _days(course.cadence + rng.choice((-2, -1, 0, 0, 1, 2))))
            last_three_party = course.start
            for position, day in enumerate(regular):
                at_work = self._placement_at(placements, index, day)
                kind = MeetingKind.ONE_TO_ONE
                if position and at_work and (day - last_three_party).days >= 26:
                    kind = MeetingKind.THREE_PARTY
                    last_three_party = day
                elif position:
                    kind = rng.choices(
                        (MeetingKind.ONE_TO_ONE, MeetingKind.PHONE, MeetingKind.WALK),
                        (0.65, 0.2, 0.15),
                    )[0]
                draft = self._draft(day, kind, index, at_work)
                if position == 0:
                    draft.notes = (
                        "Intake: went through the referral, the wishes for work and "
                        "the practical arrangements."
                    )
                following = regular[position + 1] if position + 1 < len(regular) else stop
                if position and rng.random() < persona.miss_rate:
                    draft.status = rng.choice(
                        (MeetingStatus.CANCELLED_BY_CITIZEN, MeetingStatus.NO_SHOW)
                    )
                    draft.notes = (
                        "Cancelled by SMS the same morning."
                        if draft.status == MeetingStatus.CANCELLED_BY_CITIZEN
                        else "Did not come; reached by phone later, a new time agreed."
                    )
                    drafts.append(draft)
                    again = _workday(day + _days(rng.randint(2, 4)))
                    if again >= stop and stop == today and course.end is None and persona.book_next:
                        again = _workday(max(again, today + _days(1)))  # booked, not yet held
                    elif again >= following or again >= stop:
                        continue
                    # A missed three-party meeting is moved, not dropped.
                    again_kind = kind if kind == MeetingKind.THREE_PARTY else MeetingKind.ONE_TO_ONE
                    drafts.append(self._draft(again, again_kind, index, at_work))
                    continue
                drafts.append(draft)
        last_index = len(persona.courses) - 1
        for extra in persona.extra_meetings:
            draft = _MeetingDraft(
                extra.day,
                extra.hour,
                extra.kind,
                extra.status,
                last_index,
                place=extra.place,
                duration=extra.duration,
                notes=extra.notes,
                with_supervisor=extra.with_supervisor,
                fixed=True,
            )
            if extra.decisions:
                draft.decisions.append(extra.decisions)
            drafts.append(draft)
        drafts.sort(key=lambda d: d.starts_at)
        past = [d for d in drafts if d.day < today]
        cadence = persona.courses[-1].cadence
        day = _workday(past[-1].day + _days(cadence)) if past else today + _days(1)
        if day <= today:
            day = _workday(today + _days(rng.randint(1, 6)))
        if persona.book_next and not any(today < d.day <= day for d in drafts):
            at_work = self._placement_at(placements, last_index, day)
            recent_three = [d for d in past if d.kind == MeetingKind.THREE_PARTY]
            kind = (
                MeetingKind.THREE_PARTY
                if at_work and recent_three and (day - recent_three[-1].day).days >= 26
                else MeetingKind.ONE_TO_ONE
            )
            drafts.append(self._draft(day, kind, last_index, at_work))
            drafts.sort(key=lambda d: d.starts_at)
        for draft in drafts:
            if draft.day > today:
                draft.status = MeetingStatus.PLANNED
        self._decide(persona, placements, drafts)
        self._write_points(persona, placements, days, drafts)
        self._insert_meetings(persona, placements, drafts)
        return drafts

    def _placement_at(self, placements, course: int, day: date) -> PlacementPlan | None:
        current = None
        for index, plan, _id in placements:
            if index == course and plan.start <= day and (plan.end is None or day <= plan.end):
                current = plan
        return current

    def _draft(
        self, day: date, kind: MeetingKind, course: int, at_work: PlacementPlan | None
    ) -> _MeetingDraft:
        rng = self.rng
        hour = rng.choice(self.persona.meeting_times)
        if kind == MeetingKind.THREE_PARTY:
            place, duration = (at_work.workplace if at_work else _OFFICE), 60
        elif kind == MeetingKind.PHONE:
            place, duration, hour = "Phone", rng.choice((15, 20, 30)), (hour[0] + 2, 0)
        elif kind == MeetingKind.WALK:
            place, duration = (
                rng.choice(("Walk by the harbour", "Walk in the park", "Walk around the lake")),
                60,
            )
        else:
            place, duration = _OFFICE, rng.choice((45, 60))
        return _MeetingDraft(
            day,
            hour,
            kind,
            MeetingStatus.HELD,
            course,
            place=place,
            duration=duration,
            with_supervisor=kind == MeetingKind.THREE_PARTY,
        )

    def _decide(self, persona: Persona, placements, drafts: list[_MeetingDraft]) -> None:
        """Hours steps, new placements, extensions and endings as meeting decisions."""
        held = [d for d in drafts if d.status == MeetingStatus.HELD]

        def before(day: date, course: int) -> _MeetingDraft | None:
            earlier = [d for d in held if d.course == course and d.day < day and not d.fixed]
            return earlier[-1] if earlier and (day - earlier[-1].day).days <= 35 else None

        for index, plan, _id in placements:
            previous = None
            for step in plan.steps:
                start = plan.start + _days(step.offset)
                hours = _week_hours(step.days)
                if previous is None:
                    text = (
                        f"Start at {plan.workplace} on {_dmy(start)}: {_schedule_text(step.days)}."
                    )
                else:
                    direction = "up" if hours > previous else "down"
                    text = (
                        f"Hours {direction} from {previous:g} to {hours:g} a week "
                        f"({_schedule_text(step.days)}) from {_dmy(start)}: {step.reason}."
                    )
                previous = hours
                meeting = before(start, index)
                if meeting is not None and plan.logbook:
                    meeting.decisions.append(text)
        for index, course in enumerate(persona.courses):
            for decided, weeks, reason in course.extensions:
                meeting = before(decided + _days(1), index)
                if meeting is not None:
                    meeting.decisions.append(
                        f"Ask the caseworker for an extension of {weeks} weeks: {reason}"
                    )
            if course.end is not None:
                meeting = before(course.end[0] + _days(1), index)
                if meeting is not None:
                    meeting.decisions.append(f"Course ends {_dmy(course.end[0])}. {course.end[2]}")

    def _write_points(
        self, persona: Persona, placements, days: dict[int, list[_Day]], drafts: list[_MeetingDraft]
    ) -> None:
        """The five follow-up points, written from the logbook since the last meeting."""
        rng = self.rng
        previous: dict[int, date] = {}
        for position, draft in enumerate(drafts):
            later = [
                d for d in drafts[position + 1 :] if d.day > draft.day and d.course == draft.course
            ]
            if draft.status != MeetingStatus.PLANNED:
                draft.next_day = later[0].day if later else None
            if draft.status != MeetingStatus.HELD or draft.fixed:
                continue
            since = previous.get(draft.course, persona.courses[draft.course].start - _days(1))
            previous[draft.course] = draft.day
            period = [d for d in days.get(draft.course, []) if since < d.day <= draft.day]
            at_work = self._placement_at(placements, draft.course, draft.day)
            fields = draft.fields
            if at_work is None or not period:
                fields["attendance_note"] = _BEFORE_PLACEMENT["attendance"].format(first=self.first)
                fields["tasks_note"] = rng.choice(_BEFORE_PLACEMENT["tasks"])
                fields["motivation_note"] = rng.choice(_MOTIVATION["before"]).format(
                    first=self.first
                )
                level = "before"
            else:
                rate = sum(d.attendance == "present" for d in period) / len(period)
                level = "high" if rate >= 0.9 else "mid" if rate >= 0.7 else "low"
                fields["attendance_note"] = _attendance_summary(period)
                fields["tasks_note"] = rng.choice(at_work.notes or persona.texts.tasks)
                fields["motivation_note"] = rng.choice(_MOTIVATION[level]).format(first=self.first)
            if level == "before":
                fields["accommodations_note"] = rng.choice(
                    _BEFORE_PLACEMENT["accommodations"]
                ).format(first=self.first)
            else:
                fields["accommodations_note"] = rng.choice(persona.texts.accommodations)
            fields["citizen_view"] = rng.choice(persona.texts.citizen_views)
            if draft.kind == MeetingKind.THREE_PARTY and at_work is not None:
                options = _WORKPLACE_VIEWS.get(level, _WORKPLACE_VIEWS["mid"])
                options = options + (at_work.views or persona.texts.workplace_views)
                supervisor = (
                    _first_name(at_work.supervisor) if at_work.supervisor else "The supervisor"
                )
                fields["workplace_view"] = rng.choice(options).format(
                    first=self.first, supervisor=supervisor
                )
            if draft.kind == MeetingKind.WALK and not draft.notes:
                draft.notes = f"Walk-and-talk; easier for {self.first} to talk while walking."
            if self.interpreter and not draft.notes:
                draft.notes = f"Interpreter ({self.interpreter}) by phone."
            if not draft.decisions:
                draft.decisions.append(rng.choice(_DECISIONS))

    def _insert_meetings(self, persona: Persona, placements, drafts: list[_MeetingDraft]) -> None:
        rng = self.rng
        booked_at = _stamp(persona.courses[0].referral, 11)
        participants: list[dict[str, Any]] = []
        for draft in drafts:
            at_work = self._placement_at(placements, draft.course or 0, draft.day)
            people = [
                ParticipantIn(name=self.name, role=ParticipantRole.CITIZEN),
                ParticipantIn(name=self.mentor.name, role=ParticipantRole.MENTOR),
            ]
            if draft.with_supervisor and at_work is not None and at_work.supervisor:
                people.append(
                    ParticipantIn(
                        name=at_work.supervisor, role=ParticipantRole.PLACEMENT_SUPERVISOR
                    )
                )
                caseworker = self.persona.citizen.get("caseworker_name")
                if caseworker and (rng.random() < 0.25 or "extension" in " ".join(draft.decisions)):
                    people.append(ParticipantIn(name=caseworker, role=ParticipantRole.CASEWORKER))
            if self.interpreter and draft.kind != MeetingKind.PHONE:
                people.append(
                    ParticipantIn(
                        name=f"Interpreter ({self.interpreter})", role=ParticipantRole.INTERPRETER
                    )
                )
            data = _clean(
                MeetingIn,
                starts_at=draft.starts_at,
                duration_minutes=draft.duration,
                kind=draft.kind,
                place=draft.place,
                status=draft.status,
                notes=draft.notes,
                decisions="\n".join(draft.decisions) if draft.status == MeetingStatus.HELD else "",
                next_meeting_date=draft.next_day,
                participants=people,
                **draft.fields,
            )
            del data["participants"]
            # Booked at the meeting before (or at the referral), never after yesterday.
            referral = _stamp(persona.courses[draft.course or 0].referral, 11)
            created = min(
                max(booked_at, referral), _stamp(self.today - _days(1), 15), draft.starts_at
            )
            if draft.status == MeetingStatus.PLANNED:
                updated = created
            elif draft.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW):
                updated = draft.ends_at + timedelta(minutes=rng.randint(5, 50))
            else:
                updated = _stamp(draft.day, 8, rng.randint(0, 45))
            updated = max(created, updated)
            draft.id = Meeting.insert(
                citizen=self.citizen_id,
                mentor=self.mentor.id,
                created_at=created,
                updated_at=updated,
                **data,
            ).execute()
            for person in people:
                participants.append(
                    {
                        "meeting": draft.id,
                        "name": person.name,
                        "role": person.role.value,
                        "created_at": created,
                        "updated_at": created,
                    }
                )
            if draft.status != MeetingStatus.PLANNED:
                booked_at = updated
        for chunk in chunked(participants, 400):
            MeetingParticipant.insert_many(chunk).execute()

    # -- sub-goals and the alliance scale ---------------------------------

    def _sub_goals(
        self,
        citizen_id: int,
        persona: Persona,
        course_ids: list[int],
        meetings: list[_MeetingDraft],
    ) -> None:
        rng, today = self.rng, self.today
        for index, course in enumerate(persona.courses):
            priority = 0
            held = [
                m
                for m in meetings
                if m.course == index
                and m.status == MeetingStatus.HELD
                and m.day < today
                and not m.fixed
            ]
            for goal in course.goals:
                priority += 1
                set_from = course.start + _days(goal.after_days)
                candidates = [m for m in held if m.day >= set_from] or held[-1:]
                if not candidates:
                    continue
                # Scored at a follow-up every two to four weeks: the next meeting
                # at least two weeks on, or now and then the one after it.
                scorings = [candidates[0]]
                gap = rng.choice((14, 14, 24))
                for meeting in candidates[1:]:
                    if (meeting.day - scorings[-1].day).days >= gap:
                        scorings.append(meeting)
                        gap = rng.choice((14, 14, 24))
                if goal.status != SubGoalStatus.ACTIVE:
                    ending = goal.target or today
                    kept = [m for m in scorings if m.day <= ending] or scorings[:1]
                    scorings = (
                        kept
                        if goal.status != SubGoalStatus.DROPPED or not course.end
                        else [m for m in scorings if m.day <= course.end[0]] or scorings[:1]
                    )
                path = _score_path(rng, len(scorings), goal.first, goal.last)
                if goal.status == SubGoalStatus.ACHIEVED:
                    path[-1] = goal.last
                row = _clean(
                    SubGoalIn,
                    title=goal.title,
                    description=goal.description,
                    success_criterion=goal.criterion,
                    area=goal.area,
                    target_date=goal.target,
                    priority=priority,
                )
                created = scorings[0].ends_at
                updated = created
                if goal.status != SubGoalStatus.ACTIVE:
                    status_day = scorings[-1].day
                    if goal.status == SubGoalStatus.DROPPED and course.end is not None:
                        status_day = course.end[0]
                    row.update(
                        _clean(
                            SubGoalStatusIn,
                            status=goal.status,
                            status_date=status_day,
                            status_note=goal.status_note,
                        )
                    )
                    updated = max(created, _stamp(status_day, 15))
                goal_id = SubGoal.insert(
                    citizen=citizen_id,
                    course=course_ids[index],
                    created_at=created,
                    updated_at=updated,
                    **row,
                ).execute()
                scores = []
                for meeting, score in zip(scorings, path, strict=True):
                    data = _clean(
                        AllianceScoreIn,
                        scored_on=meeting.day,
                        citizen_score=score,
                        what_it_takes=rng.choice(goal.what),
                        own_actions=rng.choice(goal.own),
                        help_needed=rng.choice(goal.help),
                    )
                    scores.append(
                        dict(
                            sub_goal=goal_id,
                            mentor=self.mentor.id,
                            created_at=meeting.ends_at,
                            updated_at=meeting.ends_at,
                            **data,
                        )
                    )
                AllianceScore.insert_many(scores).execute()

    # -- action items -----------------------------------------------------

    def _action_items(
        self, citizen_id: int, persona: Persona, meetings: list[_MeetingDraft], placements
    ) -> None:
        rng, today = self.rng, self.today
        rows = []
        held = [m for m in meetings if m.status == MeetingStatus.HELD and not m.fixed]

        def owner(key: str, meeting: _MeetingDraft) -> str:
            if key == "citizen":
                return self.name
            if key == "caseworker":
                return persona.citizen.get("caseworker_name") or self.mentor.name
            if key == "supervisor":
                at_work = self._placement_at(placements, meeting.course or 0, meeting.day)
                return at_work.supervisor if at_work and at_work.supervisor else self.mentor.name
            return self.mentor.name

        pool: list[tuple[str, str]] = []
        pool_course = None
        last_course = len(persona.courses) - 1
        for meeting in held:
            count = rng.choices((0, 1, 2), (0.4, 0.45, 0.15))[0]
            course_end = persona.courses[meeting.course or 0].end
            chosen = []
            for _n in range(count):
                if not pool or pool_course != meeting.course:
                    # Each agreement once before any comes round again; the
                    # persona's own agreements belong to the current course.
                    own = persona.actions if meeting.course == last_course else ()
                    pool, pool_course = list(own + _GENERIC_ACTIONS), meeting.course
                    rng.shuffle(pool)
                chosen.append(pool.pop())
            for what, key in chosen:
                due = meeting.day + _days(rng.choice((7, 10, 14)))
                done = None
                latest = today - _days(1)
                if course_end is not None:  # an ended course leaves nothing open
                    latest = min(latest, max(meeting.day, course_end[0]))
                if course_end is not None or (due < today - _days(2) and rng.random() < 0.85):
                    done = min(latest, max(meeting.day, due + _days(rng.randint(-5, 3))))
                rows.append((meeting, what, owner(key, meeting), due, done))
        for what, key, due in persona.open_actions:
            meeting = max(
                (m for m in held if m.day < min(due, today)), key=lambda m: m.day, default=None
            )
            rows.append((meeting, what, owner(key, meeting or held[-1]), due, None))
        for meeting, what, who, due, done in rows:
            data = _clean(ActionItemIn, what=what, owner=who, due_date=due, done_on=done)
            created = meeting.ends_at if meeting else _stamp(self._booked(due - _days(7)), 12)
            updated = max(created, _stamp(done, 15)) if done else created
            ActionItem.insert(
                citizen=citizen_id,
                meeting=meeting.id if meeting else None,
                created_at=created,
                updated_at=updated,
                **data,
            ).execute()

    # -- the weekly case review -------------------------------------------

    def add_review_notes(self, personas: list[Persona]) -> None:
        rng, today = self.rng, self.today
        citizens = list(Citizen.select(Citizen.id, Citizen.name).order_by(Citizen.id))
        monday = today - _days(today.weekday())
        rows = []
        for weeks_ago in range(6, 0, -1):
            week_monday = monday - _days(7 * weeks_ago)
            wednesday = week_monday + _days(2)
            year, week, _day = week_monday.isocalendar()
            active = [
                (citizen, persona)
                for citizen, persona in zip(citizens, personas, strict=True)
                if persona.review and _active_on(persona, wednesday)
            ]
            if not active:
                continue
            chosen = set(rng.sample(range(len(active)), min(len(active), rng.randint(3, 5))))
            if weeks_ago == 1:
                chosen |= {i for i, (_c, p) in enumerate(active) if p.attention}
            for position in sorted(chosen):
                citizen, persona = active[position]
                # The persona's own decision describes last week's situation.
                decision = (
                    rng.choice(persona.review) if weeks_ago == 1 else rng.choice(_REVIEW_GENERIC)
                )
                reviewed = _stamp(wednesday, 9, 30) + timedelta(minutes=5 * position)
                data = _clean(
                    ReviewNoteIn,
                    iso_week=f"{year}-W{week:02d}",
                    decision=decision,
                    reviewed_at=reviewed,
                )
                rows.append(
                    dict(
                        citizen=citizen.id,
                        mentor=self.mentor.id,
                        created_at=reviewed,
                        updated_at=reviewed,
                        **data,
                    )
                )
        for chunk in chunked(rows, 400):
            ReviewNote.insert_many(chunk).execute()


def _active_on(persona: Persona, day: date) -> bool:
    """Whether the citizen was in a course, or in aftercare after one, on ``day``."""
    for course in persona.courses:
        if day < course.start:
            continue
        if course.end is None:
            return True
        end, outcome, _note = course.end
        if day <= end or (outcome.starts_aftercare and day <= end + _days(100)):
            return True
    return False


def _score_path(rng: random.Random, n: int, first: int, last: int) -> list[int]:
    """Citizen scores from ``first`` to ``last``: slow, uneven, sometimes back a step."""
    if n == 1:
        return [first]
    path = []
    for i in range(n):
        value = first + (last - first) * i / (n - 1)
        if 0 < i < n - 1:
            value += rng.choice((-1, -1, 0, 0, 0, 1))
        path.append(max(1, min(10, round(value))))
    path[-1] = last
    return path


def _attendance_summary(period: list[_Day]) -> str:
    present = [d for d in period if d.attendance == "present"]
    planned = sum(d.planned for d in period)
    worked = sum(d.worked for d in period)
    text = (
        f"Present {len(present)} of {len(period)} planned days ({worked:g} of {planned:g} hours)."
    )
    away = Counter((d.attendance, d.note) for d in period if d.attendance != "present")
    if away:
        labels = {
            "sick": "sick",
            "absent_with_notice": "away with notice",
            "absent_without_notice": "away without notice",
        }
        parts = [
            f"{labels[kind]} {n}x ({note.rstrip('.').lower()})"
            for (kind, note), n in sorted(away.items())
        ]
        text += " Absence: " + "; ".join(parts) + "."
    early = [d for d in present if d.left_early]
    if early:
        text += f" Left early {len(early)}x ({early[0].note.rstrip('.').lower()})."
    if len(present) == len(period):
        text += " No absence."
    return text


def open_demo_database(today: date | None = None) -> tuple[Path, bool]:
    """Open the separate demo file instead of the open database (whose file is
    not touched), making the demo there on first use. Returns the file and
    whether the demo was made now. Raises StorageError or DemoRefused with the
    first database still open when the demo file cannot be used."""
    path = demo_database_path()
    before = db.obj
    before_path = Path(before.database).resolve() if before is not None else None
    if before_path is not None and before_path == path.resolve():
        if Citizen.select().exists():
            return path, False
        generate_demo(today=today)
        return path, True
    storage.open_database(path, plaintext=True)
    try:
        made = False
        if not Citizen.select().exists():
            generate_demo(today=today)
            made = True
        elif not is_demo_database():
            raise DemoRefused(
                _(
                    "{path} holds records that are not the demo, so it was not "
                    "opened as the demo. Nothing was changed."
                ).format(path=path)
            )
    except BaseException:
        storage.close_database()
        if before is not None:
            db.initialize(before)
        raise
    if before is not None and not before.is_closed():
        before.close()
    return path, made
