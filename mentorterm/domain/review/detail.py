"""The weekly review's detail: what it shows of the citizen in focus, beside the signals.

The sub-goals' score histories, attendance over the last four weeks, the open
agreements, the last held meeting's decisions and the next meeting: the
facts a team needs to decide the next step, read as they stood on ``as_of``
(a meeting at its status on that day, the agreements open on it).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ...enums import MeetingKind, MeetingStatus
from ...models import Meeting, SubGoal
from ..meetings.history import status_on
from ..overview import open_action_items
from ..placements import placement_running_on
from ..statistics import PeriodStats, period_stats
from ..subgoals import SubGoalRow, sub_goal_rows
from ..views import ActionItemView, View


class MeetingLine(View):
    starts_at: datetime
    kind: MeetingKind
    decisions: str


class ReviewDetail(View):
    citizen_id: int
    sub_goals: list[SubGoalRow]  # active ones, priority order
    workplace: str  # the placement running on as_of ("" when none)
    attendance: PeriodStats | None  # its last 4 weeks
    action_items: list[ActionItemView]  # open, soonest due first
    last_meeting: MeetingLine | None  # the latest held meeting by as_of
    next_meeting: MeetingLine | None  # the first planned meeting after as_of


def review_detail(citizen_id: int, as_of: date, today: date | None = None) -> ReviewDetail:
    """The detail as of ``as_of``; on ``today`` (or later) simply all that is recorded."""
    end_of_day = datetime.combine(as_of, datetime.max.time())
    past = today is None or as_of < today
    # The status it had on as_of (its history, schema 8), as queries.STATUS reads it.
    status = status_on(as_of) if past else Meeting.status
    # Booked by as_of (schema 8): one booked later was not yet there.
    booked = (Meeting.booked_on.is_null() | (Meeting.booked_on <= as_of)) if past else True
    placement = placement_running_on(citizen_id, as_of)
    attendance = (
        period_stats(placement.id, as_of - timedelta(days=27), as_of, as_of)
        if placement is not None
        else None
    )
    held = (
        Meeting.select()
        .where(
            (Meeting.citizen == citizen_id)
            & (status == MeetingStatus.HELD.value)
            & (Meeting.starts_at <= end_of_day)
        )
        .order_by(Meeting.starts_at.desc())
        .first()
    )
    planned = (
        Meeting.select()
        .where(
            (Meeting.citizen == citizen_id)
            & (status == MeetingStatus.PLANNED.value)
            & (Meeting.starts_at > end_of_day)
            & booked
        )
        .order_by(Meeting.starts_at)
        .first()
    )

    known = {
        g.id
        for g in SubGoal.select(SubGoal.id).where(
            (SubGoal.citizen == citizen_id) & (SubGoal.created_on <= as_of)
        )
    }

    def line(meeting: Meeting | None) -> MeetingLine | None:
        if meeting is None:
            return None
        return MeetingLine(
            starts_at=meeting.starts_at, kind=MeetingKind(meeting.kind), decisions=meeting.decisions
        )

    return ReviewDetail(
        citizen_id=citizen_id,
        sub_goals=[
            g
            for g in sub_goal_rows(citizen_id, as_of)
            if g.status == "active" and (not past or g.id in known)
        ],
        workplace=placement.workplace if placement else "",
        attendance=attendance,
        action_items=open_action_items(citizen_id, as_of if past else None),
        last_meeting=line(held),
        next_meeting=line(planned),
    )
