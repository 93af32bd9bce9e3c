"""The meeting rows themselves: fetch, write with participants, log (the package's own helpers)."""

from __future__ import annotations

from datetime import date, datetime, time

from ...enums import AftercareSituation, CancelledBy, MeetingKind, MeetingStatus, ParticipantRole
from ...i18n import _
from ...models import (
    Citizen,
    Meeting,
    MeetingParticipant,
)
from ...schemas import MeetingIn, ParticipantIn
from .. import audit
from ..errors import DomainError, NotFound

DEFAULT_CADENCE_DAYS = 14  # "every second week as a rule" (DOMAIN.md)


def _meeting(meeting_id: int) -> Meeting:
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None:
        raise NotFound(_("This meeting no longer exists (deleted in another window?)."))
    return meeting


def _citizen(citizen_id: int) -> Citizen:
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("This citizen no longer exists (deleted in another window?)."))
    return citizen


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _meeting_values(data: MeetingIn) -> dict:
    values = data.model_dump(mode="python", exclude={"participants"})
    return {
        k: (
            v.value
            if isinstance(v, MeetingKind | MeetingStatus | CancelledBy | AftercareSituation)
            else v
        )
        for k, v in values.items()
    }


def _store_participants(meeting: Meeting, participants: list[ParticipantIn]) -> None:
    MeetingParticipant.delete().where(MeetingParticipant.meeting == meeting).execute()
    rows = [
        {"meeting": meeting, "name": p.name, "role": ParticipantRole(p.role).value}
        for p in participants
    ]
    if rows:  # one statement for all of them
        MeetingParticipant.insert_many(rows).execute()


def _write_meeting(citizen: Citizen, data: MeetingIn, meeting_id: int | None) -> Meeting:
    """Create or update the meeting with its participants (inside a transaction)."""
    values = _meeting_values(data)
    if meeting_id is None:
        meeting = Meeting.create(citizen=citizen, mentor=citizen.mentor_id, **values)
    else:
        meeting = _meeting(meeting_id)
        if meeting.citizen_id != citizen.id:
            raise DomainError(_("That meeting is not one of this citizen's meetings."))
        for field, value in values.items():
            setattr(meeting, field, value)
        meeting.save()
    _store_participants(meeting, data.participants)
    return meeting


# --- create, change, delete -------------------------------------------------------


def _audit(action: str, meeting: Meeting, purpose: str = "") -> None:
    audit.record(
        action, "meeting", citizen_id=meeting.citizen_id, record_id=meeting.id, purpose=purpose
    )
