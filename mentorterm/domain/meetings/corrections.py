"""Correcting a meeting: its input as stored, a change (logged with what changed), deletion."""

from __future__ import annotations

from ...enums import AftercareSituation, MeetingKind, MeetingStatus, ParticipantRole
from ...models import (
    MeetingParticipant,
    db,
)
from ...schemas import MeetingIn, ParticipantIn
from .. import audit
from .records import _audit, _meeting, _write_meeting

PRIVATE_FIELDS = frozenset(
    {
        "place",
        "participants",
        "attendance_note",
        "tasks_note",
        "motivation_note",
        "accommodations_note",
        "citizen_view",
        "workplace_view",
        "notes",
        "decisions",
        "outcome_note",
    }
)


def _audited_values(meeting_id: int) -> dict:
    """The meeting as the audit compares it (participants as one comparable list)."""
    values = meeting_input(meeting_id).model_dump(mode="json")
    values["participants"] = [f"{p['role']}:{p['name']}" for p in values["participants"]]
    return values


def update_meeting(meeting_id: int, data: MeetingIn) -> None:
    """Correct the meeting (any status); the participants are replaced by ``data.participants``.

    The audit row holds the old → new values of what changed (free text only
    as "changed").
    """
    with db.atomic():
        meeting = _meeting(meeting_id)
        old = _audited_values(meeting_id)
        _write_meeting(meeting.citizen, data, meeting_id)
        audit.correction(
            "meeting",
            citizen_id=meeting.citizen_id,
            record_id=meeting.id,
            old=old,
            new=_audited_values(meeting_id),
            private=PRIVATE_FIELDS,
        )


def delete_meeting(meeting_id: int) -> None:
    """Delete the meeting; its action items stay, no longer tied to a meeting."""
    with db.atomic():
        meeting = _meeting(meeting_id)
        meeting.delete_instance()
        _audit("delete", meeting)


def meeting_input(meeting_id: int) -> MeetingIn:
    """The meeting's values as an input model (to prefill the edit form)."""
    meeting = _meeting(meeting_id)
    values = {
        name: getattr(meeting, name) for name in MeetingIn.model_fields if name != "participants"
    }
    values["kind"] = MeetingKind(values["kind"])
    values["status"] = MeetingStatus(values["status"])
    if values["aftercare_situation"] is not None:
        values["aftercare_situation"] = AftercareSituation(values["aftercare_situation"])
    people = (
        MeetingParticipant.select()
        .where(MeetingParticipant.meeting == meeting)
        .order_by(MeetingParticipant.id)
    )
    values["participants"] = [
        ParticipantIn.model_construct(name=p.name, role=ParticipantRole(p.role)) for p in people
    ]
    return MeetingIn.model_construct(**values)
