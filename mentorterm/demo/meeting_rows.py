"""The builder's meeting writer: each planned meeting booked, then held, missed or cancelled."""

from __future__ import annotations

from datetime import timedelta

from ..domain import meetings
from ..enums import CancelledBy, MeetingKind, MeetingStatus, ParticipantRole
from ..schemas import MeetingIn, ParticipantIn
from .days import _days, _stamp
from .notes import _MeetingDraft
from .plans import Persona


class MeetingWriter:
    """Meetings through the domain: ``create_meeting`` when it was booked (at the
    meeting before, or at the referral), then the outcome when it was recorded."""

    def _people(self, draft: _MeetingDraft, placements) -> list[ParticipantIn]:
        rng = self.rng
        at_work = self._placement_at(placements, draft.course or 0, draft.day)
        people = [
            ParticipantIn(name=self.name, role=ParticipantRole.CITIZEN),
            ParticipantIn(name=self.mentor_name, role=ParticipantRole.MENTOR),
        ]
        if draft.with_supervisor and at_work is not None and at_work.supervisor:
            people.append(
                ParticipantIn(name=at_work.supervisor, role=ParticipantRole.PLACEMENT_SUPERVISOR)
            )
            caseworker = self.persona.citizen.get("caseworker_name")
            if caseworker and (rng.random() < 0.25 or "extension" in " ".join(draft.decisions)):
                people.append(ParticipantIn(name=caseworker, role=ParticipantRole.CASEWORKER))
        if self.interpreter and draft.kind != MeetingKind.PHONE:
            people.append(
                ParticipantIn(
                    name=f"Interpreter ({self.interpreter})", role=ParticipantRole.INTERPRETER
                )
            )
        return people

    def _insert_meetings(self, persona: Persona, placements, drafts: list[_MeetingDraft]) -> None:
        rng = self.rng
        booked_at = _stamp(persona.courses[0].referral, 11)
        for draft in drafts:
            people = self._people(draft, placements)
            data = MeetingIn(
                starts_at=draft.starts_at,
                duration_minutes=draft.duration,
                kind=draft.kind,
                place=draft.place,
                status=MeetingStatus.PLANNED,
                notes=draft.notes,
                decisions="\n".join(draft.decisions) if draft.status == MeetingStatus.HELD else "",
                next_meeting_date=draft.next_day,
                participants=people,
                **draft.fields,
            )
            # Booked at the meeting before (or at the referral), never after yesterday.
            referral = _stamp(persona.courses[draft.course or 0].referral, 11)
            created = min(
                max(booked_at, referral), _stamp(self.today - _days(1), 15), draft.starts_at
            )
            with self._at(created):
                draft.id = meetings.create_meeting(self.citizen_id, data)
            if draft.status == MeetingStatus.PLANNED:
                continue
            if draft.status in (MeetingStatus.HELD, MeetingStatus.NO_SHOW):
                updated = draft.ends_at + timedelta(minutes=rng.randint(5, 50))
            else:
                updated = _stamp(draft.day, 8, rng.randint(0, 45))
            updated = max(created, updated)
            with self._at(updated):
                self._outcome(draft)
            booked_at = updated

    def _outcome(self, draft: _MeetingDraft) -> None:
        """What became of the booked meeting, recorded as the mentor records it."""
        if draft.status == MeetingStatus.NO_SHOW:
            meetings.record_no_show(draft.id)
        elif draft.status == MeetingStatus.CANCELLED:
            meetings.cancel_meeting(
                draft.id, meetings.CancellationIn(cancelled_by=CancelledBy.CITIZEN)
            )
        else:
            meetings.set_status(draft.id, draft.status)
        if draft.status == MeetingStatus.HELD and draft.aftercare_situation is not None:
            # Where the citizen stands, as the aftercare note records it.
            meetings.record_aftercare_situation(draft.id, draft.aftercare_situation)
