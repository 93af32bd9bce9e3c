"""The year's figures, counted from plain facts: pure functions, no database.

Every figure is a row; each group (all courses, or one mentor's, or one
programme's) a column; each cell keeps the ids of the courses it counted, so
the figure that goes to the municipality can be traced back course by course.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from statistics import median

from ...enums import AftercareSituation, Attendance, CourseOutcome, CoursePurpose, PlacementKind
from ...i18n import N_, _
from ..errors import DomainError
from ..statistics import figures as day_figures
from ..views import View
from .facts import CourseFact
from .sessions import session_rows

BY_CHOICES = ("mentor", "programme")
ALL = "all"
# The outcomes the report asks about: a job, a small job or education.
GOOD_ENDS = (CourseOutcome.ORDINARY_JOB, CourseOutcome.PAID_HOURS, CourseOutcome.EDUCATION)
# Hours a week reached, in bands: (key, lowest hours, label).
HOURS_BANDS = (
    ("under_5", 0.0, N_("Under 5 hours a week")),
    ("5_9", 5.0, N_("5–9 hours a week")),
    ("10_14", 10.0, N_("10–14 hours a week")),
    ("15_19", 15.0, N_("15–19 hours a week")),
    ("20_up", 20.0, N_("20 hours a week or more")),
)
NO_PROGRAMME = N_("(no programme)")
# On the aftercare day: in a job (ordinary or flexjob), or in paid hours / a small job.
JOB_KINDS = (PlacementKind.ORDINARY_JOB.value, PlacementKind.FLEXJOB.value)
SMALL_JOB_KINDS = (PlacementKind.PAID_HOURS.value,)


def recorded_situation(f: CourseFact, end: date) -> tuple[date, AftercareSituation] | None:
    """Where the citizen stood as recorded at the last aftercare follow-up held
    after the course's end, by ``end`` (the period's last day): (day, situation),
    None when none was recorded (then the placements running that day count)."""
    if f.ended_on is None:
        return None
    found = [(day, s) for day, s in f.aftercare_situations if f.ended_on <= day <= end]
    return (found[-1][0], AftercareSituation(found[-1][1])) if found else None


def _in_work(s: AftercareSituation) -> bool:
    return s.in_work


def _in_job(s: AftercareSituation) -> bool:
    return s.in_job


def _small(s: AftercareSituation) -> bool:
    return s == AftercareSituation.PAID_HOURS


class Cell(View):
    value: float | int | None  # a count, weeks, hours or a rate (0..1)
    share: float | None = None  # of the figure's base (e.g. of the courses ended)
    courses: tuple[int, ...] = ()  # the courses counted in it


class FigureRow(View):
    key: str  # stable: "ended", "outcome:ordinary_job", "programme:Afklaring" …
    section: str
    label: str
    unit: str  # "courses", "weeks", "hours", "days", "rate"
    cells: tuple[Cell, ...]  # one per group, in the table's order


class Group(View):
    key: str
    label: str


class FiguresTable(View):
    start: date
    end: date
    by: str | None
    groups: tuple[Group, ...]
    rows: tuple[FigureRow, ...]

    def find(self, wanted: str) -> FigureRow:
        """The row with this key (any case) or this number (1 = the first row)."""
        text = wanted.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.rows):
            return self.rows[int(text) - 1]
        for row in self.rows:
            if row.key.casefold() == text.casefold():
                return row
        raise DomainError(
            _(
                "There is no figure '{wanted}'. Give a figure's number or key as listed "
                "(e.g. 'ended' or 'outcome:ordinary_job')."
            ).format(wanted=wanted),
            field="figure",
        )


def check_period(start: date, end: date) -> None:
    if end < start:
        raise DomainError(
            _("The period cannot end ({end}) before it starts ({start}).").format(
                end=end.isoformat(), start=start.isoformat()
            ),
            field="end",
        )


def _ids(facts: Iterable[CourseFact]) -> tuple[int, ...]:
    return tuple(sorted(f.course_id for f in facts))


def _count(chosen: Sequence[CourseFact], base: Sequence[CourseFact] | None = None) -> Cell:
    share = len(chosen) / len(base) if base else None
    return Cell(value=len(chosen), share=share, courses=_ids(chosen))


def weeks(fact: CourseFact) -> float:
    """A course's length in weeks, its first and last day included."""
    assert fact.ended_on is not None
    return round(((fact.ended_on - fact.start).days + 1) / 7, 1)


def top_hours(fact: CourseFact, end: date) -> float | None:
    """The most hours a week of an hours step in force by ``end`` (or the course's end)."""
    last = min(end, fact.ended_on) if fact.ended_on else end
    hours = [h for day, h in fact.hours_steps if day <= last]
    return max(hours) if hours else None


def _band(hours: float) -> str:
    return [key for key, low, _label in HOURS_BANDS if hours >= low][-1]


def programme_of(fact: CourseFact) -> str:
    return " ".join(fact.programme.split())


def group_of(fact: CourseFact, by: str) -> tuple[str, str]:
    """(key, label) of the group a course belongs to."""
    if by == "mentor":
        return str(fact.mentor_id), fact.mentor_name
    name = programme_of(fact)
    return name, name or _(NO_PROGRAMME)


class _Counter:
    """The figures of one group's courses in the period."""

    def __init__(self, facts: Sequence[CourseFact], start: date, end: date, settled: date, after):
        self.facts, self.start, self.end = facts, start, end
        self.started = [f for f in facts if start <= f.start <= end]
        self.ended = [f for f in facts if f.ended_on and start <= f.ended_on <= end]
        self.running = [f for f in facts if f.ended_on is None or f.ended_on > end]
        self.good = [f for f in self.ended if f.outcome in GOOD_ENDS]
        # Aftercare: due on the end + ``after`` days, by the period's end (and today).
        self.due = [f for f in self.good if f.ended_on + timedelta(days=after) <= settled]
        self.after = after
        self.top = {f.course_id: top_hours(f, end) for f in facts}

    def where(self, test: Callable[[CourseFact], bool], facts=None) -> list[CourseFact]:
        return [f for f in (self.facts if facts is None else facts) if test(f)]

    def median_of(self, values: dict[int, float]) -> Cell:
        value = round(median(values.values()), 1) if values else None
        return Cell(value=value, courses=tuple(sorted(values)))

    def held(self, f: CourseFact) -> bool:
        """An aftercare follow-up held after the course's end, by the period's end."""
        return any(f.ended_on <= day <= self.end for day in f.aftercare_held)

    def situation(self, f: CourseFact) -> AftercareSituation | None:
        recorded = recorded_situation(f, self.end)
        return None if recorded is None else recorded[1]

    def working(self, f: CourseFact, kinds: Sequence[str] | None = None) -> bool:
        """A work placement (of ``kinds``, or any) running on the aftercare day."""
        day = f.ended_on + timedelta(days=self.after)
        return any(w.runs_on(day) and (kinds is None or w.kind in kinds) for w in f.work)

    def at_aftercare(
        self,
        f: CourseFact,
        recorded: Callable[[AftercareSituation], bool],
        kinds: Sequence[str] | None = None,
    ) -> bool:
        """On the aftercare day: the situation recorded at aftercare wins; without
        one, a work placement (of ``kinds``) running that day."""
        situation = self.situation(f)
        if situation is not None:
            return recorded(situation)
        return self.working(f, kinds)

    def extended(self, f: CourseFact) -> bool:
        """Extended at least once by the period's end (a later extension was not known)."""
        return any(day <= self.end for day in f.extensions)

    def attendance(self) -> dict[str, Cell]:
        inside = [
            (f.course_id, d)
            for f in self.facts
            for d in f.days
            if self.start <= d.entry_date <= self.end
        ]
        stats = day_figures([d for _id, d in inside], self.start, self.end)

        def having(kind: str | None) -> tuple[int, ...]:
            return tuple(sorted({c for c, d in inside if kind is None or d.attendance == kind}))

        logged = stats.days_logged

        def days(n: int, kind: str) -> Cell:
            return Cell(value=n, share=n / logged if logged else None, courses=having(kind))

        return {
            "days_logged": Cell(value=logged, courses=having(None)),
            "days_present": days(stats.days_present, Attendance.PRESENT),
            "days_sick": days(stats.sick_days, Attendance.SICK),
            "days_with_notice": days(stats.absent_with_notice, Attendance.ABSENT_WITH_NOTICE),
            "days_without_notice": days(
                stats.absent_without_notice, Attendance.ABSENT_WITHOUT_NOTICE
            ),
        }


def _rows(c: _Counter, programmes: Sequence[str]) -> list[tuple[str, str, str, str, Cell]]:
    """(key, section, label, unit, cell) of every figure for one group."""
    courses, ends = N_("Courses"), N_("How the courses ended")
    rows = [
        ("in_period", courses, N_("Courses running in the period"), "courses", _count(c.facts)),
        ("started", courses, N_("Started in the period"), "courses", _count(c.started)),
        ("ended", courses, N_("Ended in the period"), "courses", _count(c.ended)),
        (
            "running_at_end",
            courses,
            N_("Still running at the end of the period"),
            "courses",
            _count(c.running),
        ),
    ]
    for outcome in CourseOutcome:
        chosen = c.where(lambda f, o=outcome: f.outcome == o, c.ended)
        rows.append((f"outcome:{outcome.value}", ends, outcome._labels()[outcome], "courses",
                     _count(chosen, c.ended)))  # fmt: skip
    rows.append(("job_or_education", ends, N_("Ended in a job, small job or education"),
                 "courses", _count(c.good, c.ended)))  # fmt: skip
    for purpose in CoursePurpose:
        chosen = c.where(lambda f, p=purpose: f.purpose == p)
        rows.append((f"purpose:{purpose.value}", N_("Purpose"), purpose._labels()[purpose],
                     "courses", _count(chosen, c.facts)))  # fmt: skip
    for name in programmes:
        chosen = c.where(lambda f, n=name: programme_of(f) == n)
        rows.append((f"programme:{name}", N_("Programme"), name or NO_PROGRAMME, "courses",
                     _count(chosen, c.facts)))  # fmt: skip
    span, after = N_("Duration and extensions"), N_("Aftercare")
    extended = c.where(c.extended)
    decided = {
        f.course_id: n
        for f in c.facts
        if (n := sum(c.start <= day <= c.end for day in f.extensions))
    }
    rows += [
        ("median_weeks", span, N_("Median length of the courses ended (weeks)"), "weeks",
         c.median_of({f.course_id: weeks(f) for f in c.ended})),
        ("extended", span, N_("Courses extended at least once"), "courses",
         _count(extended, c.facts)),
        ("extensions", span, N_("Extensions decided in the period"), "courses",
         Cell(value=sum(decided.values()), courses=tuple(sorted(decided)))),
        ("aftercare_due", after,
         N_("Aftercare due (ended in a job, small job or education)"),
         "courses", _count(c.due)),
        ("aftercare_held", after, N_("… with an aftercare follow-up held"), "courses",
         _count(c.where(c.held, c.due), c.due)),
        ("situation_recorded_at_aftercare", after,
         N_("… with where the citizen stands recorded at aftercare"), "courses",
         _count(c.where(lambda f: c.situation(f) is not None, c.due), c.due)),
        ("in_work_at_aftercare", after,
         N_("… still in work on the aftercare day"), "courses",
         _count(c.where(lambda f: c.at_aftercare(f, _in_work), c.due), c.due)),
        ("in_job_at_aftercare", after,
         N_("… in a job (ordinary or flexjob) on the aftercare day"), "courses",
         _count(c.where(lambda f: c.at_aftercare(f, _in_job, JOB_KINDS), c.due), c.due)),
        ("in_small_job_at_aftercare", after,
         N_("… in paid hours / a small job on the aftercare day"), "courses",
         _count(c.where(lambda f: c.at_aftercare(f, _small, SMALL_JOB_KINDS), c.due), c.due)),
        ("in_education_at_aftercare", after,
         N_("… in education on the aftercare day"), "courses",
         _count(c.where(lambda f: c.situation(f) == AftercareSituation.EDUCATION, c.due),
                c.due)),
    ]  # fmt: skip
    hours = N_("Hours a week reached")
    reached = {i: h for i, h in c.top.items() if h is not None}
    rows.append(("hours:none", hours, N_("No hours step"), "courses",
                 _count(c.where(lambda f: f.course_id not in reached), c.facts)))  # fmt: skip
    for key, _low, label in HOURS_BANDS:
        chosen = c.where(
            lambda f, k=key: f.course_id in reached and _band(reached[f.course_id]) == k
        )
        rows.append((f"hours:{key}", hours, label, "courses", _count(chosen, c.facts)))
    rows.append(("hours_median", hours, N_("Median of the most hours a week reached"), "hours",
                 c.median_of(reached)))  # fmt: skip
    seen = N_("Attendance (logbook days in the period)")
    labels = {
        "days_logged": N_("Days logged"),
        "days_present": N_("Present"),
        "days_sick": N_("Sick"),
        "days_with_notice": N_("Absent with notice"),
        "days_without_notice": N_("Absent without notice"),
    }
    for key, cell in c.attendance().items():
        rows.append((key, seen, labels[key], "days", cell))
    return rows + session_rows(c, Cell)


def compute(
    facts: Iterable[CourseFact],
    start: date,
    end: date,
    *,
    today: date,
    by: str | None = None,
    aftercare_days: int = 90,
) -> FiguresTable:
    """The figures of the courses running from ``start`` to ``end``, for all of
    them and, with ``by`` ("mentor" or "programme"), for each group."""
    check_period(start, end)
    if by is not None and by not in BY_CHOICES:
        raise DomainError(_("Figures can be split by mentor or by programme."), field="by")
    inside = sorted((f for f in facts if f.runs_in(start, end)), key=lambda f: f.course_id)
    programmes = sorted({programme_of(f) for f in inside}, key=lambda n: (n == "", n.casefold()))
    groups: list[tuple[Group, list[CourseFact]]] = [(Group(key=ALL, label=_("All")), inside)]
    if by is not None:
        found: dict[str, tuple[str, list[CourseFact]]] = {}
        for f in inside:
            key, label = group_of(f, by)
            found.setdefault(key, (label, []))[1].append(f)
        for key, (label, members) in sorted(found.items(), key=lambda i: i[1][0].casefold()):
            groups.append((Group(key=key, label=label), members))
    settled = min(end, today)
    columns = [
        _rows(_Counter(m, start, end, settled, aftercare_days), programmes) for _g, m in groups
    ]
    rows = []
    for i, (key, section, label, unit, _cell) in enumerate(columns[0]):
        rows.append(
            FigureRow(
                key=key,
                section=_(section),
                label=_(label) if not key.startswith("programme:") or not key[10:] else label,
                unit=unit,
                cells=tuple(column[i][4] for column in columns),
            )
        )
    return FiguresTable(
        start=start, end=end, by=by, groups=tuple(g for g, _m in groups), rows=tuple(rows)
    )
