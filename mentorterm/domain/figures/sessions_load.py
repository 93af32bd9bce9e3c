"""Reading the group sessions the year's figures count (see ``sessions``)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time

from ...models import GroupSession, SessionParticipant
from ..sessions.figures import SessionRow, hours_attended
from .sessions import SessionDay


def load_sessions(
    by_citizen: dict[int, list], start: date, end: date
) -> dict[int, list[SessionDay]]:
    """{course id: the called, not cancelled sessions of its citizen from ``start``
    to ``end`` on the course's days}."""
    found: dict[int, list[SessionDay]] = defaultdict(list)
    if not by_citizen:
        return found
    rows = (
        SessionParticipant.select(
            SessionParticipant.citizen,
            SessionParticipant.attendance,
            SessionParticipant.hours,
            GroupSession.starts_at,
            GroupSession.hours,
        )
        .join(GroupSession)
        .where(
            SessionParticipant.citizen.in_(list(by_citizen))
            & SessionParticipant.attendance.is_null(False)
            & (GroupSession.cancelled == False)  # noqa: E712 - peewee's comparison
            & (GroupSession.starts_at >= datetime.combine(start, time.min))
            & (GroupSession.starts_at <= datetime.combine(end, time.max))
        )
        .tuples()
    )
    for citizen_id, attendance, hours, at, session_hours in rows:
        day = at.date()
        for course in by_citizen[citizen_id]:
            if course.start_date <= day and (course.end_date is None or course.end_date >= day):
                attended = hours_attended(SessionRow(at, session_hours, attendance, hours))
                found[course.id].append(SessionDay(day, attendance, attended))
                break
    return found
