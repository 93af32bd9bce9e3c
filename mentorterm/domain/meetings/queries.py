"""Reading meetings: one meeting's detail and the agenda of planned and unrecorded ones."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ...enums import MeetingStatus
from ...models import (
    ActionItem,
    Citizen,
    Meeting,
    MeetingParticipant,
)
from ..views import ActionItemView
from .history import status_history
from .records import _meeting, _midnight
from .views import AgendaItem, MeetingDetail, ParticipantView


def meeting_detail(meeting_id: int) -> MeetingDetail:
    meeting = _meeting(meeting_id)
    people = (
        MeetingParticipant.select()
        .where(MeetingParticipant.meeting == meeting)
        .order_by(MeetingParticipant.id)
    )
    items = (
        ActionItem.select()
        .where(ActionItem.meeting == meeting)
        .order_by(ActionItem.due_date.is_null(), ActionItem.due_date, ActionItem.id)
    )
    fields = {
        name: getattr(meeting, name)
        for name in MeetingDetail.model_fields
        if name not in {"citizen_id", "citizen_name", "participants", "action_items"}
        and name != "status_changes"
    }
    return MeetingDetail(
        **fields,
        citizen_id=meeting.citizen_id,
        citizen_name=meeting.citizen.name,
        participants=[ParticipantView.model_validate(p) for p in people],
        action_items=[ActionItemView.model_validate(a) for a in items],
        status_changes=status_history(meeting.id),
    )


def _agenda_items(query, today: date, now: datetime | None) -> list[AgendaItem]:
    monday = today - timedelta(days=today.weekday())
    next_monday = monday + timedelta(days=7)
    items = []
    for m in query:
        day = m.starts_at.date()
        week = "earlier" if day < monday else "this" if day < next_monday else "next"
        is_past = m.starts_at < now if now is not None else day < today
        items.append(
            AgendaItem(
                meeting_id=m.id,
                citizen_id=m.citizen_id,
                citizen_name=m.citizen.name,
                starts_at=m.starts_at,
                kind=m.kind,
                place=m.place,
                status=m.status,
                week=week,
                is_past=is_past,
            )
        )
    return items


def _planned_of_active_citizens():
    return (
        Meeting.select(Meeting, Citizen)
        .join(Citizen)
        .where((Meeting.status == MeetingStatus.PLANNED.value) & Citizen.archived_on.is_null())
        .order_by(Meeting.starts_at, Meeting.id)
    )


def agenda(today: date, now: datetime | None = None) -> list[AgendaItem]:
    """Planned meetings of this ISO week and the next (Monday to Sunday), by time.

    ``is_past`` marks a meeting that is over but still planned; it is judged
    by ``now`` when given, else by the day (before ``today``).
    """
    monday = today - timedelta(days=today.weekday())
    query = _planned_of_active_citizens().where(
        (Meeting.starts_at >= _midnight(monday))
        & (Meeting.starts_at < _midnight(monday + timedelta(days=14)))
    )
    return _agenda_items(query, today, now)


def unrecorded(today: date) -> list[AgendaItem]:
    """Meetings before today still marked planned: the mentor must record what happened."""
    query = _planned_of_active_citizens().where(Meeting.starts_at < _midnight(today))
    return _agenda_items(query, today, None)
