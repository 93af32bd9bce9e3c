"""The facts of every course running in a period, read from the database.

The whole database: on a team database, every mentor's citizens (the team
reads all of it), archived citizens too — the year's report counts every course.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from ...enums import MeetingKind, MeetingStatus, PlacementKind
from ...models import (
    Citizen,
    Course,
    CourseExtension,
    Handover,
    HoursStep,
    LogbookEntry,
    Meeting,
    Mentor,
    Placement,
)
from ..statistics import LoggedDay
from .facts import CourseFact, WorkSpell
from .sessions_load import load_sessions

_WORK_KINDS = tuple(kind.value for kind in PlacementKind if kind.is_work)


def _course_of(placement, courses_of_citizen: list) -> int | None:
    """The placement's course; for one without, the citizen's course running on its first day."""
    if placement.course_id is not None:
        return placement.course_id
    for course in sorted(courses_of_citizen, key=lambda c: c.start_date, reverse=True):
        if course.start_date <= placement.start_date and (
            course.end_date is None or course.end_date >= placement.start_date
        ):
            return course.id
    return None


def mentor_on(day: date, handovers: list[tuple[date, int | None, int | None]], now: int) -> int:
    """Who had the citizen on ``day``: the mentor handed to in the last handover on or
    before it, else the one handed from in the first after it, else the mentor now."""
    before = [to for on, _from, to in handovers if on <= day]
    after = [from_ for on, from_, _to in handovers if on > day]
    found = before[-1] if before else (after[0] if after else None)
    return found if found is not None else now


def course_facts(start: date, end: date) -> list[CourseFact]:
    """One ``CourseFact`` for each course running on a day from ``start`` to ``end``."""
    courses = list(
        Course.select(Course, Citizen.id, Citizen.name, Mentor.id, Mentor.name)
        .join(Citizen)
        .join(Mentor)
        .where(
            (Course.start_date <= end) & (Course.end_date.is_null() | (Course.end_date >= start))
        )
        .order_by(Course.id)
    )
    if not courses:
        return []
    ids = [c.id for c in courses]
    citizens = sorted({c.citizen_id for c in courses})
    by_citizen: dict[int, list] = defaultdict(list)
    for course in Course.select().where(Course.citizen.in_(citizens)):
        by_citizen[course.citizen_id].append(course)
    extensions: dict[int, list[date]] = defaultdict(list)
    for ext in CourseExtension.select().where(CourseExtension.course.in_(ids)):
        extensions[ext.course_id].append(ext.decided_on)
    placements = list(Placement.select().where(Placement.citizen.in_(citizens)))
    owner = {p.id: _course_of(p, by_citizen[p.citizen_id]) for p in placements}
    work: dict[int, list[WorkSpell]] = defaultdict(list)
    for p in placements:
        if p.kind in _WORK_KINDS:
            work[p.citizen_id].append(WorkSpell(p.start_date, p.end_date, p.kind))
    mine = [p.id for p in placements if owner[p.id] is not None]
    steps: dict[int, list[tuple[date, float]]] = defaultdict(list)
    days: dict[int, list[LoggedDay]] = defaultdict(list)
    if mine:
        for step in HoursStep.select().where(HoursStep.placement.in_(mine)):
            steps[owner[step.placement_id]].append((step.from_date, step.hours_per_week))
        logged = LogbookEntry.select().where(
            LogbookEntry.placement.in_(mine) & LogbookEntry.entry_date.between(start, end)
        )
        for e in logged.order_by(LogbookEntry.entry_date):
            days[owner[e.placement_id]].append(
                LoggedDay(
                    e.entry_date,
                    e.attendance,
                    e.hours_planned,
                    e.hours_worked,
                    e.left_early,
                    e.left_early_reason,
                    e.absence_reason,
                )
            )
    aftercare: dict[int, list[date]] = defaultdict(list)
    situations: dict[int, list[tuple[date, str]]] = defaultdict(list)
    held = Meeting.select(Meeting.citizen, Meeting.starts_at, Meeting.aftercare_situation).where(
        Meeting.citizen.in_(citizens)
        & (Meeting.kind == MeetingKind.AFTERCARE.value)
        & (Meeting.status == MeetingStatus.HELD.value)
    )
    for meeting in held:
        aftercare[meeting.citizen_id].append(meeting.starts_at.date())
        if meeting.aftercare_situation is not None:
            situations[meeting.citizen_id].append(
                (meeting.starts_at.date(), meeting.aftercare_situation)
            )
    handed: dict[int, list[tuple[date, int | None, int | None]]] = defaultdict(list)
    query = Handover.select().where(Handover.citizen.in_(citizens)).order_by(Handover.handed_on)
    for h in query:
        handed[h.citizen_id].append((h.handed_on, h.from_mentor_id, h.to_mentor_id))
    names = dict(Mentor.select(Mentor.id, Mentor.name).tuples())

    def mentor_of(c) -> int:
        # The course is the mentor's who had the citizen on its last day in the period.
        last = min(c.end_date, end) if c.end_date else end
        found = mentor_on(last, handed[c.citizen_id], c.citizen.mentor_id)
        return found if found in names else c.citizen.mentor_id

    mentors = {c.id: mentor_of(c) for c in courses}
    sessions = load_sessions(by_citizen, start, end)
    return [
        CourseFact(
            course_id=c.id,
            citizen_id=c.citizen_id,
            citizen_name=c.citizen.name,
            mentor_id=mentors[c.id],
            mentor_name=names[mentors[c.id]],
            start=c.start_date,
            ended_on=c.end_date,
            outcome=c.outcome,
            purpose=c.purpose,
            programme=c.programme,
            extensions=tuple(sorted(extensions[c.id])),
            hours_steps=tuple(sorted(steps[c.id])),
            days=tuple(days[c.id]),
            aftercare_held=tuple(sorted(aftercare[c.citizen_id])),
            work=tuple(sorted(work[c.citizen_id])),
            sessions=tuple(sorted(sessions[c.id])),
            aftercare_situations=tuple(sorted(situations[c.citizen_id])),
        )
        for c in courses
    ]
