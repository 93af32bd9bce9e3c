"""Planning meetings: a new one, double bookings, the next free slot, a quick no-show."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from ...enums import MeetingKind, MeetingStatus
from ...format import show_date
from ...i18n import N_
from ...models import (
    Citizen,
    Meeting,
    db,
)
from ...schemas import MeetingIn
from ..views import View
from .records import _audit, _citizen, _midnight, _write_meeting


def create_meeting(citizen_id: int, data: MeetingIn) -> int:
    with db.atomic():
        meeting = _write_meeting(_citizen(citizen_id), data, None)
        _audit("create", meeting)
        return meeting.id


# Free text of a meeting: the audit row says "changed", never the words.


_BOOKED = (MeetingStatus.PLANNED.value, MeetingStatus.HELD.value)


class Overlap(View):
    meeting_id: int
    citizen_name: str
    starts_at: datetime
    ends_at: datetime

    @property
    def text(self) -> str:
        """'Bo A. 23-11-2026 10:00–11:00' (first name, the other names' initials)."""
        first, *rest = self.citizen_name.split() or ["?"]
        name = " ".join([first, *(f"{part[0].upper()}." for part in rest if part)])
        return f"{name} {show_date(self.starts_at)} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


def overlapping(
    starts_at: datetime, duration_minutes: int, exclude_meeting_id: int | None = None
) -> list[Overlap]:
    """The booked meetings (planned or held, any citizen) whose time overlaps
    ``starts_at`` for ``duration_minutes``; meetings that only touch do not."""
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    # No meeting is longer than 600 minutes (MeetingIn): a bounded range on starts_at.
    query = (
        Meeting.select(Meeting, Citizen)
        .join(Citizen)
        .where(
            (Meeting.status.in_(_BOOKED))
            & (Meeting.starts_at > starts_at - timedelta(minutes=600))
            & (Meeting.starts_at < ends_at)
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if exclude_meeting_id is not None:
        query = query.where(Meeting.id != exclude_meeting_id)
    found = []
    for m in query:
        other_end = m.starts_at + timedelta(minutes=m.duration_minutes)
        if other_end > starts_at:
            found.append(
                Overlap(
                    meeting_id=m.id,
                    citizen_name=m.citizen.name,
                    starts_at=m.starts_at,
                    ends_at=other_end,
                )
            )
    return found


LAST_START = time(16, 0)  # a default time later than this goes to the next working day
FIRST_START = time(9, 0)


def next_free_slot(starts_at: datetime, duration_minutes: int = 60) -> datetime:
    """``starts_at`` if that time is free, else the first free start after it
    (right after the meeting in the way), moving to 09:00 of the next working
    day past 16:00. For a new meeting's default time."""
    moment = starts_at
    for _attempt in range(200):
        if moment.weekday() >= 5 or moment.time() > LAST_START:
            day = moment.date() + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            moment = datetime.combine(day, FIRST_START)
            continue
        clashes = overlapping(moment, duration_minutes)
        if not clashes:
            return moment
        moment = max(c.ends_at for c in clashes)
    return starts_at  # a full calendar for weeks: leave it to the mentor


def quick_no_show(citizen_id: int, starts_at: datetime, kind: MeetingKind) -> int:
    """Record in one call that the citizen did not come.

    A meeting of that kind already planned for that day becomes the no-show
    (no second row for the same meeting); otherwise a no-show meeting is made.
    """
    kind = MeetingKind(kind)
    with db.atomic():
        citizen = _citizen(citizen_id)
        day = starts_at.date()
        planned = (
            Meeting.select()
            .where(
                (Meeting.citizen == citizen)
                & (Meeting.status == MeetingStatus.PLANNED.value)
                & (Meeting.kind == kind.value)
                & (Meeting.starts_at >= _midnight(day))
                & (Meeting.starts_at < _midnight(day + timedelta(days=1)))
            )
            .order_by(Meeting.starts_at)
            .first()
        )
        if planned is not None:
            planned.status = MeetingStatus.NO_SHOW.value
            planned.save()
            _audit("update", planned, N_("no-show"))
            return planned.id
        meeting = Meeting.create(
            citizen=citizen,
            mentor=citizen.mentor_id,
            starts_at=starts_at,
            kind=kind.value,
            status=MeetingStatus.NO_SHOW.value,
        )
        _audit("create", meeting, N_("no-show"))
        return meeting.id
