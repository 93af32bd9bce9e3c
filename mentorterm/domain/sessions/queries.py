"""Reading group sessions: the list, one session's roll call, a citizen's
sessions and their figures (views, never peewee rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from peewee import JOIN, fn

from ...models import Citizen, GroupSession, Mentor, SessionParticipant
from .figures import SessionFigures, SessionRow, count


@dataclass(frozen=True)
class SessionItem:
    id: int
    series_id: int | None
    title: str
    starts_at: datetime
    hours: float
    place: str
    leader_name: str
    cancelled: bool
    participants: int
    marked: int
    note: str = ""


@dataclass(frozen=True)
class ParticipantLine:
    id: int
    citizen_id: int
    citizen_name: str
    attendance: str | None
    hours: float | None
    note: str


@dataclass(frozen=True)
class CitizenSession:
    session_id: int
    title: str
    starts_at: datetime
    session_hours: float
    cancelled: bool
    attendance: str | None
    hours: float | None


def _moment(day: date, end: bool = False) -> datetime:
    return datetime.combine(day, time.max if end else time.min)


def sessions(start: date | None = None, end: date | None = None) -> list[SessionItem]:
    """Every session from ``start`` to ``end`` (either open), soonest first."""
    everyone = fn.COUNT(SessionParticipant.id)
    marked = fn.COUNT(SessionParticipant.attendance)
    query = (
        GroupSession.select(
            GroupSession.id,
            GroupSession.series,
            GroupSession.title,
            GroupSession.starts_at,
            GroupSession.hours,
            GroupSession.place,
            GroupSession.cancelled,
            GroupSession.note,
            Mentor.name,
            everyone,
            marked,
        )
        .join(Mentor, JOIN.LEFT_OUTER, on=GroupSession.leader == Mentor.id)
        .switch(GroupSession)
        .join(SessionParticipant, JOIN.LEFT_OUTER)
        .group_by(GroupSession.id, Mentor.name)
        .order_by(GroupSession.starts_at, GroupSession.id)
    )
    if start is not None:
        query = query.where(GroupSession.starts_at >= _moment(start))
    if end is not None:
        query = query.where(GroupSession.starts_at <= _moment(end, True))
    return [
        SessionItem(
            id=s_id,
            series_id=series,
            title=title,
            starts_at=at,
            hours=hours,
            place=place,
            leader_name=leader or "",
            cancelled=bool(cancelled),
            participants=count_all,
            marked=count_marked,
            note=note,
        )
        for s_id, series, title, at, hours, place, cancelled, note, leader, count_all, count_marked in (
            query.tuples()
        )
    ]


def session(session_id: int) -> SessionItem | None:
    found = [s for s in sessions() if s.id == session_id]
    return found[0] if found else None


def participants(session_id: int) -> list[ParticipantLine]:
    """The session's participants by name, with the roll call's marks."""
    query = (
        SessionParticipant.select(
            SessionParticipant.id,
            SessionParticipant.citizen,
            Citizen.name,
            SessionParticipant.attendance,
            SessionParticipant.hours,
            SessionParticipant.note,
        )
        .join(Citizen)
        .where(SessionParticipant.session == session_id)
        .order_by(Citizen.name, SessionParticipant.id)
    )
    return [ParticipantLine(*row) for row in query.tuples()]


def citizen_sessions(
    citizen_id: int, start: date | None = None, end: date | None = None
) -> list[CitizenSession]:
    """The citizen's sessions (cancelled ones too), soonest first."""
    query = (
        SessionParticipant.select(
            GroupSession.id,
            GroupSession.title,
            GroupSession.starts_at,
            GroupSession.hours,
            GroupSession.cancelled,
            SessionParticipant.attendance,
            SessionParticipant.hours,
        )
        .join(GroupSession)
        .where(SessionParticipant.citizen == citizen_id)
        .order_by(GroupSession.starts_at, GroupSession.id)
    )
    if start is not None:
        query = query.where(GroupSession.starts_at >= _moment(start))
    if end is not None:
        query = query.where(GroupSession.starts_at <= _moment(end, True))
    return [
        CitizenSession(s_id, title, at, s_hours, bool(cancelled), attendance, hours)
        for s_id, title, at, s_hours, cancelled, attendance, hours in query.tuples()
    ]


def citizen_figures(citizen_id: int, start: date | None, end: date) -> SessionFigures:
    """The citizen's sessions held from ``start`` to ``end`` (cancelled left out), counted."""
    rows = [
        SessionRow(s.starts_at, s.session_hours, s.attendance, s.hours)
        for s in citizen_sessions(citizen_id, start, end)
        if not s.cancelled
    ]
    return count(rows)


def active_citizens() -> list[tuple[int, str]]:
    """(id, name) of every citizen not archived, by name: who may be called in."""
    query = (
        Citizen.select(Citizen.id, Citizen.name)
        .where(Citizen.archived_on.is_null())
        .order_by(Citizen.name, Citizen.id)
    )
    return list(query.tuples())
