"""The progression report for the caseworker: facts from the records, the
mentor's judgement in their own words, saved per citizen, as Markdown or PDF.

The factual parts are computed from the records every time the report is
built (course, attendance and stability, hours steps, placements, sub-goal
scores, accommodations), so they are traceable and never go stale. Only the
period and the mentor's texts (``ReportTextsIn``) are saved, in ``Report``.

What is left out on purpose (DOMAIN.md, GDPR): the logbook's free notes,
tasks, body and home-life fields, the answers given while scoring, meeting
notes and the citizen's other details. A report holds only the facts listed
above and what the mentor typed into the report itself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ..enums import (
    CancelledBy,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
    SubGoalStatus,
)
from ..i18n import _
from ..models import (
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    Mentor,
    Placement,
    Report,
    SubGoal,
    db,
)
from ..schemas import ReportTextsIn
from . import audit
from .errors import DomainError, NotFound
from .identity import _PLACEHOLDER, MentorIdentity, mentor_identity
from .statistics import LoggedDay, PeriodFigures, figures
from .views import View

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


# --------------------------------------------------------------------------- read models


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


class MeetingFact(View):
    """A meeting in the period (its notes are left out: see the module's docstring)."""

    day: date
    kind: MeetingKind
    status: MeetingStatus
    #: Who cancelled, as it reads in "Cancelled by …" ("" when not cancelled).
    cancelled_by: str = ""

    @property
    def kind_label(self) -> str:
        return self.kind.label

    @property
    def held(self) -> bool:
        return self.status == MeetingStatus.HELD

    @property
    def no_show(self) -> bool:
        return self.status == MeetingStatus.NO_SHOW

    @property
    def cancelled(self) -> bool:
        # Called off (by whoever cancelled), not a meeting moved to another day.
        return self.status.value.startswith("cancelled")

    @property
    def rescheduled(self) -> bool:
        return self.status == MeetingStatus.RESCHEDULED

    @property
    def status_text(self) -> str:
        """What became of it: "Held", "No-show", "Cancelled by citizen"...

        The one place that says who cancelled: when ``cancelled_by`` is known
        it is named here ("Cancelled by the workplace").
        """
        if self.cancelled and self.cancelled_by:
            return _("Cancelled by {who}").format(who=self.cancelled_by)
        return self.status.label


class ContactFrequency(View):
    """Held meetings in the weeks the course ran inside the period, against the cadence."""

    held: int
    cancelled: int
    no_shows: int
    first: date  # the counted span (the course's start at the earliest, today at the latest)
    last: date
    cadence_days: int | None  # None: no course in the period
    rescheduled: int = 0

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def weeks(self) -> float:
        return self.days / 7

    @property
    def weeks_between(self) -> float | None:
        """Weeks per held meeting (None when none was held)."""
        return self.weeks / self.held if self.held else None

    @property
    def behind(self) -> bool:
        """Met less often than agreed (more than a week's slack on the cadence)."""
        between = self.weeks_between
        if self.cadence_days is None:
            return False
        if between is None:
            return self.days > self.cadence_days
        return between * 7 > self.cadence_days + 7


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
    mentor_name: str = ""  # who wrote it (the settings' name, else the database's)
    organisation: str = ""

    @property
    def display_title(self) -> str:
        return self.title or _("Progression report")


class ReportListItem(View):
    id: int
    start: date
    end: date
    title: str
    saved_on: date  # the day it was last saved (local date)


# --------------------------------------------------------------------------- building


def _overlaps(first: date, last: date | None, start: date, end: date) -> bool:
    return first <= end and (last is None or last >= start)


def _course_facts(citizen_id: int, start: date, end: date) -> list[CourseFact]:
    facts = []
    query = (
        Course.select().where(Course.citizen == citizen_id).order_by(Course.start_date, Course.id)
    )
    for course in query:
        if not _overlaps(course.start_date, course.end_date, start, end):
            continue
        extensions = [
            ExtensionFact(decided_on=x.decided_on, new_end=x.new_end, reason=x.reason)
            for x in course.extensions.order_by(CourseExtension.decided_on, CourseExtension.id)
        ]
        facts.append(
            CourseFact(
                purpose=CoursePurpose(course.purpose),
                programme=course.programme,
                weekly_hours=course.weekly_hours,
                referral_date=course.referral_date,
                start_date=course.start_date,
                planned_end=course.planned_end,
                current_end=max([course.planned_end] + [x.new_end for x in extensions]),
                extensions=extensions,
                end_date=course.end_date,
                outcome=CourseOutcome(course.outcome) if course.outcome else None,
                cadence_days=course.meeting_cadence_days or 14,
            )
        )
    return facts


def _meeting_facts(citizen_id: int, start: date, end: date) -> list[MeetingFact]:
    """Meetings from ``start`` to ``end`` that happened or were called off, oldest first.

    A meeting still planned is not a fact yet and is left out.
    """
    query = (
        Meeting.select(Meeting.starts_at, Meeting.kind, Meeting.status, Meeting.cancelled_by)
        .where(
            (Meeting.citizen == citizen_id)
            & (Meeting.starts_at >= datetime.combine(start, datetime.min.time()))
            & (Meeting.starts_at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
            & (Meeting.status != MeetingStatus.PLANNED.value)
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    facts = []
    for starts_at, kind, status, cancelled_by in query.tuples():
        facts.append(
            MeetingFact(
                day=starts_at.date(),
                kind=MeetingKind(kind),
                status=MeetingStatus(status),
                cancelled_by=_cancelled_by(cancelled_by),
            )
        )
    return facts


def _cancelled_by(who: str | None) -> str:
    # "citizen" -> "citizen", as it reads inside "Cancelled by …".
    return CancelledBy(who).label.lower() if who else ""


def _contact(
    meetings: list[MeetingFact], courses: list[CourseFact], start: date, end: date, today: date
) -> ContactFrequency | None:
    """How often the mentor met the citizen in the weeks a course ran in the period."""
    last = min(end, today)
    first = max(start, min((c.start_date for c in courses), default=start))
    ended = [c.end_date for c in courses]
    if courses and None not in ended:
        last = min(last, max(d for d in ended if d is not None))
    if last < first:
        return None
    inside = [m for m in meetings if first <= m.day <= last]
    return ContactFrequency(
        held=sum(m.held for m in inside),
        cancelled=sum(m.cancelled for m in inside),
        no_shows=sum(m.no_show for m in inside),
        rescheduled=sum(m.rescheduled for m in inside),
        first=first,
        last=last,
        cadence_days=courses[-1].cadence_days if courses else None,
    )


def _author(citizen: Citizen, identity: MentorIdentity | None) -> MentorIdentity:
    """Who writes the report: the settings' name and organisation, else the
    database's mentor of the citizen (unless that is still the placeholder)."""
    identity = identity if identity is not None else mentor_identity()
    if identity.name:
        return identity
    mentor = Mentor.get_or_none(Mentor.id == citizen.mentor_id)
    name = mentor.name.strip() if mentor is not None else ""
    return MentorIdentity(
        name="" if name in _PLACEHOLDER else name, organisation=identity.organisation
    )


def _blocks(days: list[LoggedDay], start: date, end: date) -> list[StabilityBlock]:
    blocks = []
    first = start
    while first <= end:
        last = min(end, first + timedelta(days=BLOCK_DAYS - 1))
        f = figures(days, first, last)
        blocks.append(
            StabilityBlock(
                start=first,
                end=last,
                days_logged=f.days_logged,
                days_present=f.days_present,
                attendance_rate=f.attendance_rate,
                hours_planned=f.hours_planned,
                hours_worked=f.hours_worked,
                absent_without_notice=f.absent_without_notice,
            )
        )
        first = last + timedelta(days=1)
    return blocks


def _score_progress(citizen_id: int, start: date, end: date) -> list[SubGoalProgress]:
    goals = list(
        SubGoal.select().where(SubGoal.citizen == citizen_id).order_by(SubGoal.priority, SubGoal.id)
    )
    scores: dict[int, list[ScorePoint]] = {g.id: [] for g in goals}
    if goals:
        query = (
            AllianceScore.select(
                AllianceScore.sub_goal, AllianceScore.scored_on, AllianceScore.citizen_score
            )
            .where(
                AllianceScore.sub_goal.in_(list(scores))
                & AllianceScore.scored_on.between(start, end)
            )
            .order_by(AllianceScore.scored_on)
        )
        for goal_id, scored_on, score in query.tuples():
            scores[goal_id].append(ScorePoint(scored_on=scored_on, citizen_score=score))
    result = []
    for g in goals:
        ended_inside = g.status_date is not None and start <= g.status_date <= end
        # A sub-goal belongs in the report when it was worked on in the period:
        # scored, closed or still active. One closed before it began does not.
        if scores[g.id] or ended_inside or g.status == SubGoalStatus.ACTIVE:
            result.append(
                SubGoalProgress(
                    title=g.title,
                    success_criterion=g.success_criterion,
                    status=SubGoalStatus(g.status),
                    status_date=g.status_date,
                    scores=scores[g.id],
                )
            )
    order = {
        SubGoalStatus.ACTIVE: 0,
        SubGoalStatus.PAUSED: 1,
        SubGoalStatus.ACHIEVED: 2,
        SubGoalStatus.DROPPED: 3,
    }
    result.sort(key=lambda p: order[p.status])  # stable: priority kept inside each
    return result


def _citizen(citizen_id: int) -> Citizen:
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("This citizen no longer exists."))
    return citizen


def progression_report(
    citizen_id: int,
    start: date,
    end: date,
    today: date,
    texts: ReportTextsIn | None = None,
    report_id: int | None = None,
    identity: MentorIdentity | None = None,
) -> ProgressionReport:
    """The progression report of one citizen from ``start`` to ``end`` (both included).

    Attendance counts logbook days up to ``today`` at the latest, each
    placement cut to its own dates; stability is attendance per 4-week block
    from ``start``. ``texts`` are the mentor's judgement parts (empty unless
    given); ``report_id`` names the saved report they belong to, if any.
    ``identity`` is who writes it (default: the mentor in the settings).
    """
    if end < start:
        raise DomainError(_("The period cannot end before it starts."), field="end")
    citizen = _citizen(citizen_id)
    texts = texts or ReportTextsIn()
    counted_end = min(end, today)

    placements = [
        p
        for p in Placement.select()
        .where(Placement.citizen == citizen_id)
        .order_by(Placement.start_date, Placement.id)
        if _overlaps(p.start_date, p.end_date, start, end)
    ]
    ids = [p.id for p in placements]
    steps: dict[int, list[HoursStep]] = {pid: [] for pid in ids}
    days: dict[int, list[LoggedDay]] = {pid: [] for pid in ids}
    if ids:
        for step in (
            HoursStep.select().where(HoursStep.placement.in_(ids)).order_by(HoursStep.from_date)
        ):
            steps[step.placement_id].append(step)
        query = (
            LogbookEntry.select(
                LogbookEntry.placement,
                LogbookEntry.entry_date,
                LogbookEntry.attendance,
                LogbookEntry.hours_planned,
                LogbookEntry.hours_worked,
                LogbookEntry.left_early,
                LogbookEntry.left_early_reason,
                LogbookEntry.absence_reason,
            )
            .where(
                LogbookEntry.placement.in_(ids)
                & LogbookEntry.entry_date.between(start, counted_end)
            )
            .order_by(LogbookEntry.entry_date)
        )
        for placement_id, *values in query.tuples():
            days[placement_id].append(LoggedDay(*values))

    by_placement = []
    step_facts: list[HoursStepFact] = []
    placement_facts = []
    for p in placements:
        first = max(start, p.start_date)
        last = min(counted_end, p.end_date or counted_end)
        if first <= last:
            by_placement.append(
                PlacementAttendance(workplace=p.workplace, figures=figures(days[p.id], first, last))
            )
        before = [s for s in steps[p.id] if s.from_date < start]
        previous: float | None = None
        in_force: HoursStep | None = None
        for step in steps[p.id]:
            if step.from_date > end:
                break
            in_force = step
            # The steps taken in the period, and the one they started from.
            if step.from_date >= start or step is before[-1]:
                step_facts.append(
                    HoursStepFact(
                        workplace=p.workplace,
                        from_date=step.from_date,
                        from_hours=previous,
                        to_hours=step.hours_per_week,
                        schedule=step.schedule,
                        before_period=step.from_date < start,
                    )
                )
            previous = step.hours_per_week
        placement_facts.append(
            PlacementFact(
                kind=PlacementKind(p.kind),
                workplace=p.workplace,
                start_date=p.start_date,
                end_date=p.end_date,
                end_reason=p.end_reason,
                hours_per_week=in_force.hours_per_week if in_force else None,
                running=p.end_date is None or p.end_date > today,
            )
        )

    every_day = sorted((d for group in days.values() for d in group), key=lambda d: d.entry_date)
    # The totals and the blocks start when the first placement did: months
    # before it have no logbook and would only dilute the hours per week.
    first_day = max(start, min((p.start_date for p in placements), default=start))
    total = figures(every_day, first_day, counted_end) if by_placement else None
    stability = _blocks(every_day, first_day, counted_end) if by_placement else []
    step_facts.sort(key=lambda s: (s.from_date, s.workplace))

    accommodations = []
    if citizen.accommodations.strip() or citizen.aids.strip():
        accommodations.append(
            AccommodationFact(where="", accommodations=citizen.accommodations, aids=citizen.aids)
        )
    for p in placements:
        if p.accommodations.strip() or p.aids.strip():
            accommodations.append(
                AccommodationFact(where=p.workplace, accommodations=p.accommodations, aids=p.aids)
            )

    courses = _course_facts(citizen_id, start, end)
    meetings = _meeting_facts(citizen_id, start, min(end, today))
    author = _author(citizen, identity)
    return ProgressionReport(
        citizen_id=citizen.id,
        citizen_name=citizen.name,
        start=start,
        end=end,
        written_on=today,
        report_id=report_id,
        title=texts.title,
        courses=courses,
        attendance_total=total,
        attendance_by_placement=by_placement,
        stability=stability,
        hours_steps=step_facts,
        placements=placement_facts,
        sub_goals=_score_progress(citizen_id, start, end),
        accommodations=accommodations,
        texts=texts,
        meetings=meetings,
        contact=_contact(meetings, courses, start, end, today),
        mentor_name=author.name,
        organisation=author.organisation,
    )


# --------------------------------------------------------------------------- saved reports


def _report(report_id: int) -> Report:
    report = Report.get_or_none(Report.id == report_id)
    if report is None:
        raise NotFound(_("This report no longer exists."))
    return report


def save_report(
    citizen_id: int, start: date, end: date, texts: ReportTextsIn, report_id: int | None = None
) -> int:
    """Save the mentor's texts for the period: a new report, or ``report_id`` updated."""
    if end < start:
        raise DomainError(_("The period cannot end before it starts."), field="end")
    values = dict(period_start=start, period_end=end, **texts.model_dump())
    with db.atomic():
        _citizen(citizen_id)
        if report_id is None:
            new_id = Report.create(citizen=citizen_id, **values).id
            audit.record("create", "report", citizen_id=citizen_id, record_id=new_id)
            return new_id
        report = _report(report_id)
        if report.citizen_id != citizen_id:
            raise DomainError(_("That report belongs to another citizen."))
        for field, value in values.items():
            setattr(report, field, value)
        report.save()
        audit.record("update", "report", citizen_id=citizen_id, record_id=report.id)
        return report.id


def reports_of(citizen_id: int) -> list[ReportListItem]:
    """The citizen's saved reports, the latest period first."""
    query = (
        Report.select()
        .where(Report.citizen == citizen_id)
        .order_by(Report.period_end.desc(), Report.id.desc())
    )
    return [
        ReportListItem(
            id=r.id,
            start=r.period_start,
            end=r.period_end,
            title=r.title,
            saved_on=_local_date(r.updated_at),
        )
        for r in query
    ]


def _local_date(moment: datetime) -> date:
    # Rows store naive UTC; the mentor reads the date where they are.
    from datetime import UTC

    return moment.replace(tzinfo=UTC).astimezone().date()


def report_texts(report_id: int) -> ReportTextsIn:
    """The saved texts of a report (to prefill the edit form)."""
    report = _report(report_id)
    return ReportTextsIn.model_construct(
        **{f: getattr(report, f) for f in ReportTextsIn.model_fields}
    )


def saved_report(report_id: int, today: date) -> ProgressionReport:
    """A saved report, its facts computed from the records as they are now."""
    report = _report(report_id)
    return progression_report(
        report.citizen_id,
        report.period_start,
        report.period_end,
        today,
        texts=report_texts(report_id),
        report_id=report.id,
    )


def delete_report(report_id: int) -> None:
    """Delete a saved report (the records it was built from stay)."""
    with db.atomic():
        report = _report(report_id)
        report.delete_instance()
        audit.record("delete", "report", citizen_id=report.citizen_id, record_id=report_id)


def default_period(today: date, months: int = 3) -> tuple[date, date]:
    """The last ``months`` whole months up to ``today`` (22-08 .. 21-11 for 21-11)."""
    import calendar

    index = today.year * 12 + today.month - 1 - months
    year, month = divmod(index, 12)
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day) + timedelta(days=1), today


def default_report_period(citizen_id: int, today: date) -> tuple[date, date]:
    """The period a new report of the citizen covers, up to ``today``.

    It starts the day after the latest saved report's period ended, else on
    the start of the citizen's latest course that has begun; with neither
    (or when that day is after ``today``) the last three months.
    """
    last = (
        Report.select(Report.period_end)
        .where(Report.citizen == citizen_id)
        .order_by(Report.period_end.desc())
        .limit(1)
        .scalar()
    )
    if last is not None and last < today:
        return last + timedelta(days=1), today
    started = (
        Course.select(Course.start_date)
        .where((Course.citizen == citizen_id) & (Course.start_date <= today))
        .order_by(Course.start_date.desc())
        .limit(1)
        .scalar()
    )
    if started is not None:
        return started, today
    return default_period(today)


def report_file_stem(report: ProgressionReport) -> str:
    """A file name (no suffix) for an export: "progression-Mette-Jorgensen-2026-11-29"."""
    from .files import safe_file_name

    return f"{_('progression')}-{safe_file_name(report.citizen_name)}-{report.end.isoformat()}"


# The renderers live beside this module; imported last, as they read its models.
from .report_render import render_markdown, render_pdf  # noqa: E402


def export_report(report: ProgressionReport, kind: str) -> bytes:
    """The report as the bytes of a file to hand over ("markdown" or "pdf"), logged.

    The export's audit row is written here, not in the renderers: the screen
    renders Markdown for its preview too. Safe in a worker thread (the row
    goes through a connection of its own there).
    """
    from .threads import in_own_connection

    if kind not in ("markdown", "pdf"):
        raise ValueError(f"kind is 'markdown' or 'pdf', not {kind!r}")
    data = render_pdf(report) if kind == "pdf" else render_markdown(report).encode("utf-8")
    in_own_connection(
        audit.record,
        "export",
        "report",
        citizen_id=report.citizen_id,
        record_id=report.report_id,
        purpose=f"progression report ({kind})",
    )
    return data


__all__ = [
    "ContactFrequency",
    "MeetingFact",
    "ProgressionReport",
    "ReportListItem",
    "default_period",
    "default_report_period",
    "delete_report",
    "export_report",
    "progression_report",
    "render_markdown",
    "render_pdf",
    "report_texts",
    "reports_of",
    "save_report",
    "saved_report",
]
