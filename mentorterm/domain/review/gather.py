"""The review's facts read from the database: the queries' rows made into plain facts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from ... import storage
from ...fields import from_micros
from ...i18n import _
from ...settings import ReviewThresholds
from ..jobsearch.followups import FOLLOW_UP, follow_up_text
from . import queries
from .facts import (
    Attendance,
    CitizenCase,
    CitizenFacts,
    CourseEnded,
    HandoverFacts,
    HoursFacts,
    HoursStepFacts,
    JobStart,
    MissedMeeting,
    OverdueItem,
    PlacementChange,
    SessionFacts,
    SubGoalFacts,
)
from .signal import iso_week_of


def _d(value) -> date | None:
    if isinstance(value, int):  # a stamp, integer microseconds (schema 6)
        return from_micros(value).date()
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value)[:10])


def _dt(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def _fetch(template: str, params: dict, mentor_id: int | None) -> list[tuple]:
    return storage.execute(queries.sql(template, mentor_id), params).fetchall()


def citizen_facts(row: tuple) -> CitizenFacts:
    """One row of ``queries.CITIZENS`` as facts."""
    (
        cid,
        name,
        course_id,
        start,
        planned_end,
        cadence,
        end_date,
        extended_to,
        last_held,
        next_booked,
        attendance,
        no_notice,
        missed,
        latest_course_start,
        job_course,
        last_met,
    ) = row
    planned, extended = _d(planned_end), _d(extended_to)
    course_start = _d(start)
    missed_list = []
    for part in missed.split("|") if missed else []:
        status, _sep, moment = part.partition("@")
        missed_list.append(MissedMeeting(status, _dt(moment)))
    missed_list.sort(key=lambda m: m.starts_at, reverse=True)
    # Counted within the current course; the ones before it are context.
    in_course = [m for m in missed_list if course_start and m.starts_at.date() >= course_start]
    ended = None
    if job_course:
        outcome, end_text = job_course.split("|", 1)
        ended = CourseEnded(outcome, _d(end_text))
    return CitizenFacts(
        citizen_id=cid,
        name=name,
        course_id=course_id,
        course_start=course_start,
        course_end=max(planned, extended) if extended and planned else planned,
        cadence=cadence,
        course_end_recorded=_d(end_date),
        last_held=_dt(last_held),
        next_booked=_dt(next_booked),
        attendance=Attendance(*(int(x) for x in (attendance or "0 0 0 0").split())),
        no_notice=sorted(_d(x) for x in (no_notice or "").split()),
        missed=in_course if course_start else missed_list,
        missed_before=missed_list[len(in_course) :] if course_start else [],
        job_course=ended,
        latest_course_start=_d(latest_course_start),
        last_met=_dt(last_met),
    )


def _hours(rows: list[tuple]) -> HoursFacts:
    reasons = [str(reason).strip() for *_x, left, reason in rows if left and str(reason).strip()]
    return HoursFacts(
        days=len(rows),
        planned=sum(float(r[2] or 0) for r in rows),
        worked=sum(float(r[3] or 0) for r in rows),
        left_early=reasons,
    )


def citizen_cases(as_of: date, mentor_id: int | None, t: ReviewThresholds) -> list[CitizenCase]:
    """Every citizen in scope (not archived on ``as_of``, of the mentor) with their facts."""
    params = queries.params(as_of, t, mentor_id)
    cases = {
        row[0]: CitizenCase(citizen_facts(row))
        for row in _fetch(queries.CITIZENS, params, mentor_id)
    }
    for cid, gid, title, target, created, last_scored in _fetch(
        queries.SUB_GOALS, params, mentor_id
    ):
        goal = SubGoalFacts(gid, title, _d(target), _d(created), _d(last_scored))
        cases[cid].sub_goals.append(goal)
    for cid, what, owner, due in _fetch(queries.ACTION_ITEMS, params, mentor_id):
        cases[cid].overdue.append(OverdueItem(what, owner, _d(due)))
    for cid, company, how, contacted, due in _fetch(queries.FOLLOW_UPS, params, mentor_id):
        what = follow_up_text(company, how, _d(contacted))
        cases[cid].overdue.append(OverdueItem(what, "", _d(due), kind=FOLLOW_UP))
        cases[cid].overdue.sort(key=lambda item: item.due_date)
    for cid, kind, workplace, start, end, next_start in _fetch(
        queries.TRANSITIONS, params, mentor_id
    ):
        change = PlacementChange(kind, workplace, _d(start), _d(end), _d(next_start))
        cases[cid].transitions.append(change)
    for cid, workplace, from_date, hours, schedule, follow_up, kind, met in _fetch(
        queries.HOURS_STEPS, params, mentor_id
    ):
        step = HoursStepFacts(
            workplace, _d(from_date), hours, schedule, _d(follow_up), kind, _d(met)
        )
        cases[cid].hours_steps.append(step)
    gone = _("(a former mentor)")
    for cid, day, old, new in _fetch(queries.HANDOVERS, params, mentor_id):
        cases[cid].handover = HandoverFacts(_d(day), old or gone, new or gone)
    jobs: dict[int, list[JobStart]] = {}
    for cid, kind, start, end, workplace in _fetch(queries.JOBS, params, mentor_id):
        jobs.setdefault(cid, []).append(JobStart(kind, _d(start), workplace, _d(end)))
    days: dict[int, list[tuple]] = {}
    for row in _fetch(queries.LOGBOOK_HOURS, params, mentor_id):
        days.setdefault(row[0], []).append(row)
    for cid, group in _session_facts(
        _fetch(queries.GROUP_SESSIONS, params, mentor_id), params
    ).items():
        if cid in cases:
            cases[cid].citizen = replace(cases[cid].citizen, sessions=group)
    for cid, case in cases.items():
        if cid in jobs or cid in days:
            case.citizen = replace(
                case.citizen, jobs=jobs.get(cid, []), hours=_hours(days.get(cid, []))
            )
    return list(cases.values())


def _session_facts(rows: list[tuple], params: dict) -> dict[int, SessionFacts]:
    """The group sessions' rows counted per citizen (recent window, the one before)."""
    recent = date.fromisoformat(params["recent_start"])
    no_notice_from = date.fromisoformat(params["no_notice_start"])
    counts: dict[int, list] = {}
    for cid, moment, attendance in rows:
        day = _d(moment)
        c = counts.setdefault(cid, [0, 0, 0, 0, []])
        attended = attendance in ("present", "left_for_conversation")
        at = 0 if day >= recent else 2
        c[at] += 1
        c[at + 1] += attended
        if attendance == "absent_without_notice" and day >= no_notice_from:
            c[4].append(day)
    return {cid: SessionFacts(a, b, x, y, tuple(n)) for cid, (a, b, x, y, n) in counts.items()}


def week_decisions(as_of: date, mentor_id: int | None) -> dict[int, tuple[str, datetime | None]]:
    """{citizen id: (decision, reviewed_at)} recorded for ``as_of``'s ISO week."""
    params = {"as_of": as_of.isoformat(), "week": iso_week_of(as_of), "mentor": mentor_id}
    return {row[0]: (row[1], _dt(row[2])) for row in _fetch(queries.NOTES, params, mentor_id)}
