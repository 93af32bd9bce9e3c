"""The roll call: one mark per participant (present, sick, absent with or
without notice, left for an individual conversation), the hours attended
when they differ from the session's, and undoing a mark.

On the team database a session's leader calls the roll for colleagues'
citizens too (storage/team_access.py); anyone else marks only citizens they
may write about, and the server refuses the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...enums_provider import SessionAttendance
from ...i18n import N_, _
from ...models import SessionParticipant, db
from .. import audit
from ..errors import DomainError, NotFound


@dataclass(frozen=True)
class Mark:
    """What the roll call said of one participant (for undo)."""

    attendance: str | None
    hours: float | None


def _row(participant_id: int) -> SessionParticipant:
    row = SessionParticipant.get_or_none(SessionParticipant.id == participant_id)
    if row is None:
        raise NotFound(_("That participant is gone (removed meanwhile?). Nothing was changed."))
    return row


def _write(row: SessionParticipant, attendance: str | None, hours: float | None) -> None:
    SessionParticipant.update(attendance=attendance, hours=hours).where(
        SessionParticipant.id == row.id
    ).execute()
    audit.record(
        "update",
        "session_participant",
        citizen_id=row.citizen_id,
        record_id=row.id,
        purpose=N_("roll call"),
    )


def mark(
    participant_id: int, attendance: SessionAttendance | str, hours: float | None = None
) -> Mark:
    """Mark one participant; returns what was there before (``undo`` puts it back).

    ``hours`` is the time attended when it differs from the session's (e.g.
    left for an individual conversation after an hour); None means the
    session's hours for present and for left-for-a-conversation, and none
    for the absences.
    """
    try:
        attendance = SessionAttendance(attendance)
    except ValueError:
        raise DomainError(_("Not a roll-call mark: {value}.").format(value=attendance)) from None
    with db.atomic():
        row = _row(participant_id)
        session_hours = row.session.hours
        if hours is not None and not 0 <= hours <= session_hours:
            raise DomainError(
                _(
                    "The hours attended are between 0 and the session's {hours} hours. "
                    "Nothing was changed."
                ).format(hours=session_hours),
                field="hours",
            )
        before = Mark(row.attendance, row.hours)
        _write(row, attendance.value, hours)
    return before


def set_hours(participant_id: int, hours: float | None) -> Mark:
    """The hours one marked participant attended (None: the session's)."""
    row = _row(participant_id)
    if row.attendance is None:
        raise DomainError(_("Mark the participant first, then the hours. Nothing was changed."))
    return mark(participant_id, row.attendance, hours)


def undo(participant_id: int, before: Mark) -> None:
    """Put back what the roll call said before a mark."""
    with db.atomic():
        _write(_row(participant_id), before.attendance, before.hours)
