"""Meetings: 1:1 conversations and three-party follow-ups, their notes and the agenda.

A meeting is planned, then held (with a note), or the citizen did not come,
cancelled, or it was moved: each outcome is recorded, because a no-show is
information too (DOMAIN.md). ``save_note`` writes a whole follow-up note in
one transaction: the meeting, who took part, the agreements (action items),
a change of hours, and the next meeting.

Rooms: ``views`` and ``inputs`` (what goes up and comes down), ``records``
(the rows, shared helpers), ``planning`` (new meetings, double bookings),
``corrections`` (change, delete), ``queries`` (detail, agenda),
``outcomes`` (held, no-show, cancelled), ``follow_up`` (preparing one),
``note`` (the whole note at once). This front door re-exports every name.
"""

from __future__ import annotations

from .corrections import PRIVATE_FIELDS, delete_meeting, meeting_input, update_meeting
from .follow_up import (
    attendance_since_last_follow_up,
    default_next_meeting_date,
    prefill_attendance_note,
    previous_follow_up,
)
from .history import StatusChangeView, status_history, status_on
from .inputs import CancellationIn, HoursChangeIn, MeetingNoteIn, NoShowIn
from .note import NoteDefaults, hours_decision_text, note_defaults, save_note
from .outcomes import (
    cancel_meeting,
    outcome_text,
    record_aftercare_situation,
    record_no_show,
    set_status,
)
from .planning import (
    FIRST_START,
    LAST_START,
    Overlap,
    create_meeting,
    next_free_slot,
    overlapping,
    quick_no_show,
)
from .queries import agenda, meeting_detail, unrecorded
from .records import DEFAULT_CADENCE_DAYS
from .views import AgendaItem, AttendanceSummary, MeetingDetail, ParticipantView

__all__ = [
    "record_aftercare_situation",
    "AgendaItem",
    "AttendanceSummary",
    "CancellationIn",
    "DEFAULT_CADENCE_DAYS",
    "FIRST_START",
    "HoursChangeIn",
    "LAST_START",
    "MeetingDetail",
    "MeetingNoteIn",
    "NoShowIn",
    "NoteDefaults",
    "Overlap",
    "PRIVATE_FIELDS",
    "ParticipantView",
    "StatusChangeView",
    "agenda",
    "attendance_since_last_follow_up",
    "cancel_meeting",
    "create_meeting",
    "default_next_meeting_date",
    "delete_meeting",
    "hours_decision_text",
    "meeting_detail",
    "meeting_input",
    "next_free_slot",
    "note_defaults",
    "outcome_text",
    "overlapping",
    "prefill_attendance_note",
    "previous_follow_up",
    "quick_no_show",
    "record_no_show",
    "save_note",
    "set_status",
    "status_history",
    "status_on",
    "unrecorded",
    "update_meeting",
]
