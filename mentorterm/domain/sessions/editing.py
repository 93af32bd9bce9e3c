"""Correcting one group session (its day and time, hours, place, leader,
note) and taking a participant off a series from a day on: the counterpart
of ``writing.add_to_series``. Each is one transaction with its audit rows.

Moving a session keeps its participants and what the roll call said of
them: they belong to the session, whatever its day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ...format import show_date, show_hours
from ...i18n import N_, _
from ...models import Citizen, GroupSession, Mentor, SessionParticipant, db
from ...schemas.sessions import GroupSessionEditIn
from .. import audit
from ..errors import DomainError, NotFound
from .schedule import starts_at

# Free text: an audit row says that it changed, never what it says.
PRIVATE = frozenset({"title", "place", "note"})


def _session(session_id: int) -> GroupSession:
    found = GroupSession.get_or_none(GroupSession.id == session_id)
    if found is None:
        raise NotFound(_("That session is gone (deleted meanwhile?). Nothing was changed."))
    return found


def leaders(current: int | None = None) -> list[tuple[int, str]]:
    """(id, name) of the mentors who may lead a session, by name: every mentor
    but a database's default one ("Me" on the team database) unless it is the
    only one or leads this session already."""
    everyone = list(Mentor.select(Mentor.id, Mentor.name, Mentor.is_default))
    named = [m for m in everyone if not m.is_default or m.id == current or len(everyone) == 1]
    return sorted(((m.id, m.name) for m in named), key=lambda pair: (pair[1].casefold(), pair[0]))


def check_leader(leader_id: int | None) -> None:
    if leader_id is not None and Mentor.get_or_none(Mentor.id == leader_id) is None:
        raise DomainError(
            _("That mentor is not on this database. Nothing was saved."), field="leader_id"
        )


def session_input(session_id: int) -> GroupSessionEditIn:
    """The session's values as an input model (to fill the edit form)."""
    found = _session(session_id)
    return GroupSessionEditIn.model_construct(
        title=found.title,
        day=found.starts_at.date(),
        starts=found.starts_at.strftime("%H:%M"),
        hours=found.hours,
        place=found.place,
        note=found.note,
        leader_id=found.leader_id,
    )


def values(row: GroupSession) -> dict:
    """A session's corrected fields, by their column names (old → new in the audit)."""
    return {
        "title": row.title,
        "starts_at": row.starts_at,
        "hours": row.hours,
        "place": row.place,
        "leader": row.leader_id,
        "note": row.note,
    }


def check_hours(session_id: int, hours: float) -> None:
    """A session is never shorter than a participant's hours at it."""
    longer = (
        SessionParticipant.select(SessionParticipant.hours, Citizen.name)
        .join(Citizen)
        .where((SessionParticipant.session == session_id) & (SessionParticipant.hours > hours))
        .order_by(SessionParticipant.hours.desc())
        .first()
    )
    if longer is not None:
        raise DomainError(
            _(
                "{name} was at the session {attended} hours, more than {hours}: change "
                "their hours first (h in the roll call). Nothing was saved."
            ).format(
                name=longer.citizen.name,
                attended=show_hours(longer.hours),
                hours=show_hours(hours),
            ),
            field="hours",
        )


def update_session(session_id: int, data: GroupSessionEditIn) -> None:
    """Correct one session, audited (dates, hours and the leader old → new;
    that the free text changed, not its words). The form saves it inside
    ``versions.expecting``: a change made meanwhile is refused."""
    with db.atomic():
        row = _session(session_id)
        check_leader(data.leader_id)
        check_hours(session_id, data.hours)
        new = {
            "title": data.title,
            "starts_at": starts_at(data.day, data.starts),
            "hours": data.hours,
            "place": data.place,
            "leader": data.leader_id,
            "note": data.note,
        }
        audit.apply_correction(
            row, "group_session", citizen_id=None, old=values(row), new=new, private=PRIVATE
        )


@dataclass(frozen=True)
class TakenOff:
    """What taking a citizen off a series did: sessions left, marked ones kept."""

    removed: int
    kept: list[date]


def take_off_series(series_id: int, citizen_id: int, from_day: date) -> TakenOff:
    """The citizen off every session of the series from ``from_day`` on (the
    screen asks first). A session whose roll call marked them keeps them:
    attendance already called is the citizen's history."""
    with db.atomic():
        rows = list(
            SessionParticipant.select(SessionParticipant, GroupSession.starts_at)
            .join(GroupSession)
            .where(
                (GroupSession.series == series_id)
                & (SessionParticipant.citizen == citizen_id)
                & (GroupSession.starts_at >= datetime.combine(from_day, datetime.min.time()))
            )
            .order_by(GroupSession.starts_at)
        )
        kept = [row.session.starts_at.date() for row in rows if row.attendance is not None]
        removed = 0
        for row in rows:
            if row.attendance is not None:
                continue
            row_id = row.id
            row.delete_instance()
            audit.record(
                "delete",
                "session_participant",
                citizen_id=citizen_id,
                record_id=row_id,
                purpose=N_("taken off the series"),
            )
            removed += 1
    if not removed:
        raise DomainError(
            _(
                "They are on no session of the series from {day} on without a roll call. "
                "Nothing was changed."
            ).format(day=show_date(from_day))
        )
    return TakenOff(removed, kept)
