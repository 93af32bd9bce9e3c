"""Writing group sessions: a series and the sessions its schedule makes, one
session on its own, its participants, cancelling. Every write is one
transaction with its audit row.

A series' *standing participants* are the citizens on its latest session:
sessions the schedule makes later are called with them, and a citizen added
to a series is added to each of its sessions from a day on.
"""

from __future__ import annotations

from datetime import date, datetime

from ...format import show_date
from ...i18n import N_, _
from ...models import Citizen, GroupSeries, GroupSession, SessionParticipant, db
from ...schemas.sessions import GroupSeriesIn, GroupSessionIn
from .. import audit
from ..errors import DomainError, NotFound
from .schedule import session_days, starts_at, weekday_set


def _me() -> int:
    from ...storage import ensure_default_mentor

    return ensure_default_mentor().id


def _series(series_id: int) -> GroupSeries:
    series = GroupSeries.get_or_none(GroupSeries.id == series_id)
    if series is None:
        raise NotFound(_("That series is gone (deleted meanwhile?). Nothing was changed."))
    return series


def _session(session_id: int) -> GroupSession:
    session = GroupSession.get_or_none(GroupSession.id == session_id)
    if session is None:
        raise NotFound(_("That session is gone (deleted meanwhile?). Nothing was changed."))
    return session


def create_series(data: GroupSeriesIn, leader_id: int | None = None) -> int:
    """A series from its schedule, with its sessions made; returns its id."""
    if not session_days(weekday_set(data.weekdays), data.first_day, data.last_day):
        raise DomainError(
            _("None of those weekdays falls from {first} to {last}. Nothing was saved.").format(
                first=show_date(data.first_day), last=show_date(data.last_day)
            ),
            field="weekdays",
        )
    with db.atomic():
        series = GroupSeries.create(
            title=data.title,
            place=data.place,
            leader=leader_id or _me(),
            weekdays=data.weekdays,
            starts=data.starts,
            hours=data.hours,
            first_day=data.first_day,
            last_day=data.last_day,
        )
        audit.record("create", "group_series", record_id=series.id, purpose=N_("group sessions"))
        _make_sessions(series)
    return series.id


def make_sessions(series_id: int) -> int:
    """The series' sessions its schedule lacks, made; returns how many.

    A day that already has a session of the series gets none (running it
    again makes nothing twice), and a cancelled session stays cancelled.
    A change of the series goes through ``series_change.update_series``,
    which makes only the days the change adds (a session moved to another
    day is not made again on its old one).
    """
    with db.atomic():
        return _make_sessions(_series(series_id))


def _make_sessions(series: GroupSeries) -> int:
    have = {
        s.starts_at.date() if isinstance(s.starts_at, datetime) else s.starts_at
        for s in GroupSession.select(GroupSession.starts_at).where(GroupSession.series == series)
    }
    standing = standing_participants(series.id)
    made = 0
    for day in session_days(weekday_set(series.weekdays), series.first_day, series.last_day):
        if day in have:
            continue
        new_session(series, day, standing)
        made += 1
    return made


def new_session(series: GroupSeries, day: date, standing: list[int]) -> int:
    """One session of the series on ``day``, its standing participants called in."""
    session = GroupSession.create(
        series=series,
        title=series.title,
        starts_at=starts_at(day, series.starts),
        hours=series.hours,
        place=series.place,
        leader=series.leader_id,
    )
    audit.record("create", "group_session", record_id=session.id, purpose=N_("group sessions"))
    for citizen_id in standing:
        _add(session.id, citizen_id)
    return session.id


def standing_participants(series_id: int) -> list[int]:
    """The citizens on the series' latest session that has any (by name order of ids)."""
    latest = (
        GroupSession.select(GroupSession.id)
        .join(SessionParticipant)
        .where(GroupSession.series == series_id)
        .order_by(GroupSession.starts_at.desc())
        .first()
    )
    if latest is None:
        return []
    query = SessionParticipant.select(SessionParticipant.citizen).where(
        SessionParticipant.session == latest.id
    )
    return sorted(p.citizen_id for p in query)


def create_session(data: GroupSessionIn, leader_id: int | None = None) -> int:
    """One session on its own (no series); returns its id."""
    with db.atomic():
        session = GroupSession.create(
            title=data.title,
            starts_at=starts_at(data.day, data.starts),
            hours=data.hours,
            place=data.place,
            note=data.note,
            leader=leader_id or _me(),
        )
        audit.record("create", "group_session", record_id=session.id, purpose=N_("group sessions"))
    return session.id


def set_cancelled(session_id: int, cancelled: bool = True) -> None:
    """Cancel a session (its roll call is kept), or take the cancellation back."""
    with db.atomic():
        session = _session(session_id)
        session.cancelled = cancelled
        session.save()  # one version more: an edit form open on it meanwhile is refused
        audit.record(
            "update",
            "group_session",
            record_id=session.id,
            purpose=N_("session cancelled") if cancelled else N_("session held after all"),
        )


def _add(session_id: int, citizen_id: int) -> int | None:
    exists = SessionParticipant.get_or_none(
        (SessionParticipant.session == session_id) & (SessionParticipant.citizen == citizen_id)
    )
    if exists is not None:
        return None
    row = SessionParticipant.create(session=session_id, citizen=citizen_id)
    audit.record(
        "create",
        "session_participant",
        citizen_id=citizen_id,
        record_id=row.id,
        purpose=N_("group sessions"),
    )
    return row.id


def _citizen(citizen_id: int) -> Citizen:
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("There is no such citizen (removed meanwhile?). Nothing was changed."))
    return citizen


def add_participant(session_id: int, citizen_id: int) -> bool:
    """The citizen called in to one session; False when they already were."""
    with db.atomic():
        _session(session_id)
        _citizen(citizen_id)
        return _add(session_id, citizen_id) is not None


def add_participants(session_id: int, citizen_ids: list[int]) -> int:
    """Several citizens called in to one session, in one transaction; returns
    how many were not on it already."""
    with db.atomic():
        _session(session_id)
        for citizen_id in citizen_ids:
            _citizen(citizen_id)
        return sum(_add(session_id, citizen_id) is not None for citizen_id in citizen_ids)


def add_to_series(series_id: int, citizen_id: int, from_day: date) -> int:
    """The citizen on every session of the series from ``from_day`` on (a
    standing participant); returns how many sessions they were added to."""
    with db.atomic():
        _series(series_id)
        _citizen(citizen_id)
        sessions = GroupSession.select(GroupSession.id).where(
            (GroupSession.series == series_id)
            & (GroupSession.starts_at >= datetime.combine(from_day, datetime.min.time()))
        )
        added = sum(_add(s.id, citizen_id) is not None for s in sessions)
    if not added:
        raise DomainError(
            _("The series has no session from {day} on without them. Nothing was changed.").format(
                day=from_day.isoformat()
            )
        )
    return added


def remove_participant(participant_id: int) -> None:
    """Take a citizen off one session (the screen asks first)."""
    with db.atomic():
        row = SessionParticipant.get_or_none(SessionParticipant.id == participant_id)
        if row is None:
            raise NotFound(_("That participant is gone (removed meanwhile?). Nothing was changed."))
        citizen_id = row.citizen_id
        row.delete_instance()
        audit.record(
            "delete",
            "session_participant",
            citizen_id=citizen_id,
            record_id=participant_id,
            purpose=N_("group sessions"),
        )
