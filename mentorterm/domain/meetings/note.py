"""The whole follow-up note at once: meeting, participants, agreements, hours change, next meeting."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ...enums import MeetingKind, MeetingStatus
from ...format import show_date, show_hours
from ...i18n import N_, _
from ...models import (
    ActionItem,
    Draft,
    Meeting,
    Placement,
    db,
)
from ...schemas import HoursStepIn
from ..errors import DomainError, NotFound
from ..identity import mentor_identity
from ..placements import store_hours_step
from ..views import View
from .follow_up import _placement_for
from .inputs import MeetingNoteIn
from .records import _audit, _citizen, _midnight, _write_meeting


def hours_decision_text(change: HoursStepIn) -> str:
    """'Hours from 01-12-2026: 12 a week (3 x 4 h Mon, Wed, Fri)'."""
    text = _("Hours from {day}: {hours} a week").format(
        day=show_date(change.from_date), hours=show_hours(change.hours_per_week)
    )
    return f"{text} ({change.schedule})" if change.schedule else text


def _mentions(decisions: str, change: HoursStepIn, line: str) -> bool:
    """Did the mentor already write this decision (same date and hours)?"""
    if line.casefold() in decisions.casefold():
        return True
    day = show_date(change.from_date)
    if day not in decisions:
        return False
    rest = decisions.replace(day, " ")  # "12" in "01-12-2026" is no number of hours
    hours = re.escape(show_hours(change.hours_per_week))
    return re.search(rf"(?<![\d,.-]){hours}(?![\d,-])", rest) is not None


class NoteDefaults(View):
    """What a new note is prefilled with: who usually takes part, and where."""

    citizen: str
    mentor: str
    supervisor: str
    consultant: str
    caseworker: str
    interpreter: str
    placement_id: int | None  # the placement running on the meeting day
    workplace: str


def note_defaults(citizen_id: int, day: date) -> NoteDefaults:
    citizen = _citizen(citizen_id)
    placement = _placement_for(citizen_id, day, None)
    mentor = mentor_identity().name or (
        citizen.mentor.name if citizen.mentor.name not in ("Me", "Mig", _("Me")) else ""
    )
    interpreter = ""
    if citizen.interpreter_needed:
        interpreter = (
            _("Interpreter ({language})").format(language=citizen.interpreter_language)
            if citizen.interpreter_language
            else _("Interpreter")
        )
    return NoteDefaults(
        citizen=citizen.name,
        mentor=mentor,
        supervisor=placement.supervisor_name if placement else "",
        consultant=placement.company_consultant if placement else "",
        caseworker=citizen.caseworker_name,
        interpreter=interpreter,
        placement_id=placement.id if placement else None,
        workplace=placement.workplace if placement else "",
    )


def save_note(
    citizen_id: int,
    data: MeetingNoteIn,
    meeting_id: int | None = None,
    draft_key: str | None = None,
) -> int:
    """Save a follow-up note in one transaction and return the meeting's id.

    Creates or updates the meeting (with its participants), adds the
    agreements as action items of the meeting, steps the hours when decided
    (``add_hours_step``'s rules apply; a refused step writes nothing at all),
    and plans the next meeting on ``next_meeting_date`` at the same time of
    day, place and length unless the citizen already has a meeting that day.
    The note's draft (``draft_key``) goes in the same transaction: a crash
    leaves either the draft or the saved note, never both or neither.
    """
    meeting_data = data.meeting
    change = data.hours_change
    with db.atomic():
        citizen = _citizen(citizen_id)
        if change is not None:
            owner = (
                Placement.select(Placement.citizen)
                .where(Placement.id == change.placement_id)
                .scalar()
            )
            if owner is None:
                raise NotFound(_("This placement no longer exists."))
            if owner != citizen.id:
                raise DomainError(
                    _("That placement is not one of this citizen's placements."),
                    field="placement_id",
                )
            line = hours_decision_text(change)
            if not _mentions(meeting_data.decisions, change, line):
                decisions = "\n".join(t for t in (meeting_data.decisions, line) if t)
                meeting_data = meeting_data.model_copy(update={"decisions": decisions})
        meeting = _write_meeting(citizen, meeting_data, meeting_id)
        for item in data.action_items:
            ActionItem.create(citizen=citizen, meeting=meeting, **item.model_dump())
        if change is not None:
            store_hours_step(change.placement_id, change.step())
        next_day = meeting_data.next_meeting_date
        if next_day is not None:
            taken = (
                Meeting.select()
                .where(
                    (Meeting.citizen == citizen)
                    & (Meeting.starts_at >= _midnight(next_day))
                    & (Meeting.starts_at < _midnight(next_day + timedelta(days=1)))
                )
                .exists()
            )
            if not taken:
                Meeting.create(
                    citizen=citizen,
                    mentor=citizen.mentor_id,
                    starts_at=datetime.combine(next_day, meeting_data.starts_at.time()),
                    duration_minutes=meeting_data.duration_minutes,
                    kind=MeetingKind(meeting_data.kind).value,
                    place=meeting_data.place,
                    status=MeetingStatus.PLANNED.value,
                )
        if draft_key is not None:
            Draft.delete().where(Draft.key == draft_key).execute()
        # One row for the whole note (meeting, participants, agreements, hours, next meeting).
        _audit("create" if meeting_id is None else "update", meeting, N_("follow-up note"))
        return meeting.id
