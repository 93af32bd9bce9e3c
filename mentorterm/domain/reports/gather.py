"""Reading the records of a period into the report's facts (courses, meetings, scores...)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ...enums import (
    CancelledBy,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    SubGoalStatus,
)
from ...i18n import _
from ...models import AllianceScore, Citizen, Course, CourseExtension, Meeting, Mentor, SubGoal
from ..errors import NotFound
from ..identity import _PLACEHOLDER, MentorIdentity, mentor_identity
from ..statistics import LoggedDay, figures
from .contact import ContactFrequency, MeetingFact
from .facts import (
    BLOCK_DAYS,
    CourseFact,
    ExtensionFact,
    ScorePoint,
    StabilityBlock,
    SubGoalProgress,
)


def overlaps(first: date, last: date | None, start: date, end: date) -> bool:
    return first <= end and (last is None or last >= start)


def course_facts(citizen_id: int, start: date, end: date) -> list[CourseFact]:
    facts = []
    query = (
        Course.select().where(Course.citizen == citizen_id).order_by(Course.start_date, Course.id)
    )
    for course in query:
        if not overlaps(course.start_date, course.end_date, start, end):
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


def meeting_facts(citizen_id: int, start: date, end: date) -> list[MeetingFact]:
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


def contact(
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


def author(citizen: Citizen, identity: MentorIdentity | None) -> MentorIdentity:
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


def stability_blocks(days: list[LoggedDay], start: date, end: date) -> list[StabilityBlock]:
    result = []
    first = start
    while first <= end:
        last = min(end, first + timedelta(days=BLOCK_DAYS - 1))
        f = figures(days, first, last)
        result.append(
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
    return result


def score_progress(citizen_id: int, start: date, end: date) -> list[SubGoalProgress]:
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


def citizen_row(citizen_id: int) -> Citizen:
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("This citizen no longer exists."))
    return citizen
