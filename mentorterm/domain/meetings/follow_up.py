"""Preparing a follow-up: the previous one, attendance since, the prefilled note, the next date."""

from __future__ import annotations

from datetime import date, timedelta

from ...enums import MeetingKind, MeetingStatus
from ...format import show_date, show_hours, show_percent
from ...i18n import _, ngettext
from ...models import (
    Course,
    Meeting,
    Placement,
)
from ..placements import placement_running_on
from ..statistics import PeriodFigures, period_stats
from .records import DEFAULT_CADENCE_DAYS, _midnight
from .views import AttendanceSummary


def previous_follow_up(citizen_id: int, before: date) -> date | None:
    """The day of the latest held three-party meeting strictly before ``before``."""
    starts = (
        Meeting.select(Meeting.starts_at)
        .where(
            (Meeting.citizen == citizen_id)
            & (Meeting.kind == MeetingKind.THREE_PARTY.value)
            & (Meeting.status == MeetingStatus.HELD.value)
            & (Meeting.starts_at < _midnight(before))
        )
        .order_by(Meeting.starts_at.desc())
        .first()
    )
    return starts.starts_at.date() if starts else None


def _placement_for(citizen_id: int, meeting_day: date, first: date | None) -> Placement | None:
    running = placement_running_on(citizen_id, meeting_day)
    if running is not None:
        return running
    last = meeting_day - timedelta(days=1)
    overlaps = (Placement.citizen == citizen_id) & (Placement.start_date <= last)
    if first is not None:
        overlaps &= Placement.end_date.is_null() | (Placement.end_date >= first)
    return (
        Placement.select()
        .where(overlaps)
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .first()
    )


def attendance_since_last_follow_up(
    citizen_id: int, meeting_day: date, today: date
) -> AttendanceSummary | None:
    """The logbook since the previous follow-up, up to the day before ``meeting_day``.

    The placement is the one running on ``meeting_day``, else the latest one
    overlapping the period. The period starts the day after the previous
    held three-party meeting or at the placement's start, whichever is later,
    and is cut to the placement's end and to ``today``. None when there is
    no such placement or no day left in the period.
    """
    previous = previous_follow_up(citizen_id, meeting_day)
    first = previous + timedelta(days=1) if previous else None
    placement = _placement_for(citizen_id, meeting_day, first)
    if placement is None:
        return None
    start = max(first or placement.start_date, placement.start_date)
    stats = period_stats(placement.id, start, meeting_day - timedelta(days=1), today)
    if stats.start > stats.end:
        return None
    figures = PeriodFigures.model_validate(
        {name: getattr(stats, name) for name in PeriodFigures.model_fields}
    )
    return AttendanceSummary(
        citizen_id=citizen_id,
        placement_id=placement.id,
        workplace=placement.workplace,
        previous_follow_up=previous,
        start=figures.start,
        end=figures.end,
        figures=figures,
    )


def _reason_list(reasons) -> str:
    """' (Migraine)' or ' (Migraine 2, Flu 1)'; '' when no reason was written."""
    no_reason = _("(no reason given)")
    written = [r for r in reasons if r.reason and r.reason != no_reason]
    if not written:
        return ""
    total = sum(r.count for r in reasons)
    if len(reasons) == 1 and written[0].count == total:
        return f" ({written[0].reason})"
    unsaid = _("no reason given")
    parts = [f"{r.reason if r in written else unsaid} {r.count}" for r in reasons]
    return " (" + ", ".join(parts) + ")"


def prefill_attendance_note(citizen_id: int, meeting_day: date, today: date) -> str:
    """The attendance since the last follow-up in plain sentences, for the meeting note.

    Every number comes from the logbook; "" when there is no placement to
    report on (see ``attendance_since_last_follow_up``).
    """
    summary = attendance_since_last_follow_up(citizen_id, meeting_day, today)
    if summary is None:
        return ""
    f = summary.figures
    if summary.previous_follow_up is not None:
        since = _("Since the follow-up on {day}").format(day=show_date(summary.previous_follow_up))
    else:
        since = _("Since the placement started")
    head = _("{since} ({start} – {end}) at {workplace}:").format(
        since=since,
        start=show_date(summary.start),
        end=show_date(summary.end),
        workplace=summary.workplace,
    )
    if f.days_logged == 0:
        return head + " " + _("no days logged.")
    text = (
        head
        + " "
        + ngettext(
            "present {present} of {logged} logged day ({rate})",
            "present {present} of {logged} logged days ({rate})",
            f.days_logged,
        ).format(present=f.days_present, logged=f.days_logged, rate=show_percent(f.attendance_rate))
    )
    if f.hours_planned:
        # ngettext counts whole numbers: 1 is "hour", 0,5 and 2 are "hours".
        text += "; " + ngettext(
            "{worked} of {planned} planned hour worked.",
            "{worked} of {planned} planned hours worked.",
            1 if f.hours_planned == 1 else 2,
        ).format(worked=show_hours(f.hours_worked), planned=show_hours(f.hours_planned))
    else:
        text += "; " + ngettext(
            "{worked} hour worked.", "{worked} hours worked.", 1 if f.hours_worked == 1 else 2
        ).format(worked=show_hours(f.hours_worked))
    kinds = [
        ("sick", _("Sick"), f.sick_days),
        ("absent_with_notice", _("Absent with notice"), f.absent_with_notice),
        ("absent_without_notice", _("Absent without notice"), f.absent_without_notice),
        ("left_early", _("Left early"), f.left_early),
    ]
    for kind, label, count in kinds:
        if count:
            reasons = [r for r in f.absence_by_reason if r.kind == kind]
            text += f" {label} {count}{_reason_list(reasons)}."
    return text


def default_next_meeting_date(citizen_id: int, meeting_day: date) -> date:
    """``meeting_day`` plus the running course's cadence (14 days without one),
    moved from a Saturday or Sunday to the Monday after."""
    cadence = (
        Course.select(Course.meeting_cadence_days)
        .where((Course.citizen == citizen_id) & Course.end_date.is_null())
        .order_by(Course.start_date.desc())
        .scalar()
    )
    day = meeting_day + timedelta(days=cadence or DEFAULT_CADENCE_DAYS)
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return day
