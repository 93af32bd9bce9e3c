"""What the meeting screens show: a meeting's detail, an agenda line, attendance."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from ...enums import AftercareSituation, CancelledBy, MeetingKind, MeetingStatus, ParticipantRole
from ..statistics import PeriodFigures
from ..views import ActionItemView, View
from .history import StatusChangeView


class ParticipantView(View):
    id: int
    name: str
    role: ParticipantRole


class MeetingDetail(View):
    id: int
    citizen_id: int
    citizen_name: str
    starts_at: datetime
    duration_minutes: int
    kind: MeetingKind
    place: str
    status: MeetingStatus
    attendance_note: str
    tasks_note: str
    motivation_note: str
    accommodations_note: str
    citizen_view: str
    workplace_view: str
    notes: str
    decisions: str
    next_meeting_date: date | None
    cancelled_by: CancelledBy | None = None
    outcome_note: str = ""  # why it was cancelled, or the note on a no-show
    participants: list[ParticipantView]
    action_items: list[ActionItemView]  # the agreements made at this meeting
    booked_on: date | None = None  # the day it was booked (None: not known)
    status_changes: list[StatusChangeView] = []  # oldest first (schema 8)
    aftercare_situation: AftercareSituation | None = None  # at a held aftercare follow-up

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class AgendaItem(View):
    meeting_id: int
    citizen_id: int
    citizen_name: str
    starts_at: datetime
    kind: MeetingKind
    place: str
    status: MeetingStatus
    # "this" or "next" ISO week; "earlier" for an unrecorded meeting before this week.
    week: Literal["earlier", "this", "next"]
    is_past: bool  # still planned but already over: its outcome must be recorded


class AttendanceSummary(View):
    """The logbook figures since the last three-party follow-up, for the next one."""

    citizen_id: int
    placement_id: int
    workplace: str
    previous_follow_up: date | None  # None: counted from the placement's start
    start: date
    end: date
    figures: PeriodFigures
