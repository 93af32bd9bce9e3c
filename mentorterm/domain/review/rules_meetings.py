"""The review's meeting rules: a passive period, missed meetings, no next meeting.

Pure functions from a citizen's facts to a signal, or None when it does not apply.
"""

from __future__ import annotations

from datetime import date

from ...enums import MeetingStatus
from ...format import show_date
from ...i18n import _
from ...settings import ReviewThresholds
from .facts import CitizenFacts
from .signal import (
    W_MISSED,
    W_NO_NEXT_MEETING,
    W_PASSIVE,
    W_PASSIVE_LONG,
    Signal,
    SignalKind,
    ago,
    iso,
    signal,
)


def passive_period(f: CitizenFacts, as_of: date) -> Signal | None:
    """No held meeting for longer than the cadence, counted from the course's start."""
    if f.course_start is None:
        return None
    last = f.last_held.date() if f.last_held else None
    since = last if last is not None and last >= f.course_start else None
    days = (as_of - (since or f.course_start)).days
    if days <= f.cadence:
        return None
    weight = W_PASSIVE_LONG if since is None or days > 2 * f.cadence else W_PASSIVE
    if since is not None:
        text = _("No held meeting for {days} (cadence {cadence}; last held {last})").format(
            days=ago(days), cadence=ago(f.cadence), last=show_date(since)
        )
    else:
        text = _(
            "No held meeting since the course started {start} ({days}; cadence {cadence})"
        ).format(start=show_date(f.course_start), days=ago(days), cadence=ago(f.cadence))
    return signal(
        SignalKind.PASSIVE_PERIOD,
        weight,
        text,
        days=days,
        cadence_days=f.cadence,
        last_held=iso(last),
        course_start=iso(f.course_start),
    )


def _missed_label(status: str) -> str:
    if MeetingStatus(status) == MeetingStatus.CANCELLED:
        return _("cancelled by citizen")
    return MeetingStatus(status).label.lower()


def missed_meetings(f: CitizenFacts, t: ReviewThresholds) -> Signal | None:
    """Cancellations by the citizen and no-shows since the last held meeting, counted
    within the current course; those before it are named as context only."""
    n = len(f.missed)
    if n < t.missed_in_a_row:
        return None
    shown = ", ".join(f"{_missed_label(m.status)} {show_date(m.starts_at)}" for m in f.missed[:5])
    if n > 5:
        shown += _(", and {more} earlier").format(more=n - 5)
    last = f.last_held.date() if f.last_held else None
    tail = (
        _("no held meeting since {day}").format(day=show_date(last))
        if last
        else _("no meeting held yet")
    )
    text = _("{n} meetings in a row cancelled or missed: {list} ({tail})").format(
        n=n, list=shown, tail=tail
    )
    before = f.missed_before
    if before:  # context, not counted: the pattern before this course started
        text += _("; before this course started: {n} more, the last {day}").format(
            n=len(before), day=show_date(before[0].starts_at)
        )
    return signal(
        SignalKind.MISSED_MEETINGS,
        min(8, W_MISSED + n - t.missed_in_a_row),
        text,
        count=n,
        meetings=[f"{m.status} {m.starts_at.date().isoformat()}" for m in f.missed],
        last_held=iso(last),
        before_course=[f"{m.status} {m.starts_at.date().isoformat()}" for m in before],
    )


def no_next_meeting(f: CitizenFacts) -> Signal | None:
    """On a course with no meeting booked on or after ``as_of``."""
    if f.course_start is None or f.next_booked is not None:
        return None
    last = f.last_held.date() if f.last_held else None
    tail = _("last held {day}").format(day=show_date(last)) if last else _("no meeting held yet")
    return signal(
        SignalKind.NO_NEXT_MEETING,
        W_NO_NEXT_MEETING,
        _("No next meeting booked ({tail})").format(tail=tail),
        last_held=iso(last),
    )
